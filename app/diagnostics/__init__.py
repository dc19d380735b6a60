"""Diagnostics for the helpdesk without a GUI: versions, config, registry, readers, log."""

from app.diagnostics.bundle import build_bundle, bundle_file_name, write_bundle
from app.diagnostics.log_tail import tail_log
from app.diagnostics.readers import ReaderInfo, ReaderReport, collect_readers
from app.diagnostics.registry_probe import (
    CertificateInfo,
    RegistryCheck,
    check_registry,
    describe_certificate,
    tls_context,
)
from app.diagnostics.report import DiagnosticReport, collect_report, redacted_config
from app.diagnostics.versions import collect_versions

__all__ = [
    "CertificateInfo",
    "DiagnosticReport",
    "ReaderInfo",
    "ReaderReport",
    "RegistryCheck",
    "build_bundle",
    "bundle_file_name",
    "check_registry",
    "collect_readers",
    "collect_report",
    "collect_versions",
    "describe_certificate",
    "redacted_config",
    "tail_log",
    "tls_context",
    "write_bundle",
]
