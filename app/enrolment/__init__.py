"""Enrolment of this terminal with a registry: the administrator's bundle checked, the key's
secret in the OS keyring (or the encrypted file keyring, or the machine keyring for every
account of a shared counter PC), the settings written.

    madoguchi enroll BUNDLE_DIR [--settings FILE] [--registry-url URL] [--keyring machine]
    madoguchi unenroll [--settings FILE]
    python -m app.enrolment ...          (the same, without loading Qt)
"""

from app.enrolment.bundle import Bundle, load_bundle
from app.enrolment.errors import EnrolmentError
from app.enrolment.install import EnrolmentResult, UnenrolmentResult, enroll, unenroll
from app.enrolment.local import LocalEnrolment, key_passphrase

__all__ = [
    "Bundle",
    "EnrolmentError",
    "EnrolmentResult",
    "LocalEnrolment",
    "UnenrolmentResult",
    "enroll",
    "key_passphrase",
    "load_bundle",
    "unenroll",
]
