"""The optional online check of a bundle (`madoguchi enroll --check-online`): one mutual-TLS
health call with the bundle's own files. It proves what an offline check cannot without the
terminal CA: that the registry at the configured URL is the one of the enclosed CA, and that
it accepts this terminal's certificate."""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx

from app.enrolment import bundle as files
from app.enrolment.errors import EnrolmentError
from app.settings import REGISTRY_TIMEOUT_S, REGISTRY_URL, SettingsStore


def check_bundle_online(bundle_dir: Path, store: SettingsStore) -> None:
    url = store.get(REGISTRY_URL)
    context = ssl.create_default_context(cafile=str(bundle_dir / files.CA_FILE))
    # The bundle's own plaintext key file, as handed over: nothing is copied for this check.
    context.load_cert_chain(bundle_dir / files.CERT_FILE, bundle_dir / files.KEY_FILE)
    try:
        with httpx.Client(base_url=url, verify=context, timeout=store.get(REGISTRY_TIMEOUT_S)) as client:
            response = client.get("/v1/health")
    except httpx.ConnectError as exc:
        text = str(exc).lower()
        if "certificate verify failed" in text:
            raise EnrolmentError("other_registry", f"{url} does not present a certificate of the enclosed CA") from None
        if "certificate" in text or "handshake" in text:
            raise EnrolmentError("registry_refused", type(exc).__name__) from None
        raise EnrolmentError("registry_unreachable", f"{url}: {type(exc).__name__}") from None
    except (httpx.ReadError, httpx.RemoteProtocolError) as exc:
        # TLS 1.3: the server refuses a client certificate after the client's handshake ended.
        raise EnrolmentError("registry_refused", type(exc).__name__) from None
    except httpx.HTTPError as exc:
        raise EnrolmentError("registry_unreachable", f"{url}: {type(exc).__name__}") from None
    if response.status_code != 200:
        raise EnrolmentError("registry_refused", f"http {response.status_code}")
