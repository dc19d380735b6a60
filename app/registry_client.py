"""The terminal's one client for the registry API (httpx, mutual TLS).

- TLS is verified against the enrolment CA; the terminal presents its enrolment certificate
  (its key's passphrase, if any, comes from the OS keyring on first use).
- Every call has a timeout. Calls block: the UI runs them through ui/operations.py, never on
  its own thread.
- Retries with exponential backoff: a request that never reached the server (connect error)
  is retried always; one that may have reached it (read timeout, dropped connection, 502-504)
  only if it is safe to repeat: GET and DELETE, or a write carrying an Idempotency-Key, which
  stays the same on every attempt (and on a resubmission the caller makes with the same key).
- Errors are typed: the registry's stable `code` decides the class; the UI turns codes into
  translated text.
- Connectivity listeners hear every call start, retry and end (on the calling thread), so that
  the window can say "the registry is slow / unreachable" while a call is still trying
  (ui/banner.py). A write kept as a PendingWrite is resubmitted with its one key.
- The terminal's private key is an encrypted PKCS8 file; its passphrase comes from the keystore
  the enrolment recorded (app/enrolment), and OpenSSL decrypts it in memory only.
"""

from __future__ import annotations

import logging
import ssl
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Protocol

import httpx

from app.session import unlock as unlock_errors
from app.session.staff import StaffSession
from app.settings import (
    REGISTRY_CA_FILE,
    REGISTRY_CLIENT_CERT,
    REGISTRY_CLIENT_KEY,
    REGISTRY_PROXY_URL,
    REGISTRY_TIMEOUT_S,
    REGISTRY_URL,
    SettingsStore,
)

log = logging.getLogger(__name__)

_RETRY_STATUS: Final = frozenset({502, 503, 504})
_SAFE_METHODS: Final = frozenset({"GET", "HEAD", "DELETE"})


class RegistryError(Exception):
    """A refusal or failure; `code` is the registry's stable code or one of ours."""

    code: str = "registry_error"

    def __init__(
        self, code: str | None = None, status: int | None = None, message: str = "",
        field: str | None = None, ref: str | None = None,
    ) -> None:
        self.code = code or type(self).code
        self.status = status
        self.message = message  # the registry's Japanese text, when it sent one
        self.field = field  # the item it concerns, e.g. persons[1].family_name_kana
        self.ref = ref  # for a 409: which record or household moved on
        super().__init__(f"{self.code} ({status})" if status else self.code)


class RegistryUnreachable(RegistryError):
    code = "registry_unreachable"


class TerminalNotEnrolled(RegistryError):
    code = "terminal_not_enrolled"


class InvalidCredentials(RegistryError):
    code = "invalid_credentials"


class AccountLocked(RegistryError):
    code = "account_locked"


class SessionEnded(RegistryError):
    code = "session_expired"


class NotLoggedIn(RegistryError):
    code = "session_required"


@dataclass(frozen=True)
class ClientConfig:
    base_url: str
    ca_file: Path | None
    client_cert: Path | None = None
    client_key: Path | None = None
    timeout_s: float = 10.0
    proxy: str | None = None
    retries: int = 3
    backoff_s: float = 0.5
    key_password: Callable[[], str | None] | None = field(default=None, repr=False)

    @classmethod
    def from_settings(cls, settings: SettingsStore) -> ClientConfig:
        cert = settings.get(REGISTRY_CLIENT_CERT)
        return cls(
            base_url=settings.get(REGISTRY_URL),
            ca_file=settings.get(REGISTRY_CA_FILE),
            client_cert=cert,
            client_key=settings.get(REGISTRY_CLIENT_KEY),
            timeout_s=settings.get(REGISTRY_TIMEOUT_S),
            proxy=settings.get(REGISTRY_PROXY_URL),
            key_password=lambda: _enrolled_key_passphrase(cert),
        )


def _enrolled_key_passphrase(cert: Path | None) -> str | None:
    from app.enrolment.local import key_passphrase  # keyring loads with the client, not at start

    return key_passphrase(cert)


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, eq=False)
class PendingWrite:
    """A write the clerk submitted, kept (in memory) until the registry answered it. Sending
    it again, after the registry was unreachable or on a second press, carries the same
    Idempotency-Key, so the registry carries it out at most once and answers the same."""

    method: str
    path: str
    body: Any = field(repr=False)
    idempotency_key: str = field(default_factory=new_idempotency_key)

    def send(self, client: RegistryClient) -> httpx.Response:
        return client.request(self.method, self.path, json=self.body, idempotency_key=self.idempotency_key)


class ConnectivityListener(Protocol):
    """Hears every registry call, on the thread that makes it (a worker, never the UI)."""

    def registry_call_started(self) -> None: ...

    def registry_call_retrying(self, attempt: int, delay_s: float) -> None: ...

    def registry_call_finished(self, reached: bool) -> None: ...


def _key_is_encrypted(path: Path) -> bool:
    try:
        head = path.read_bytes()[:4096]
    except OSError:
        return False
    return b"ENCRYPTED PRIVATE KEY" in head or b"Proc-Type: 4,ENCRYPTED" in head


def _tls_context(config: ClientConfig) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(config.ca_file) if config.ca_file else None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if config.client_cert is not None:
        cert, key = str(config.client_cert), str(config.client_key) if config.client_key else None
        if _key_is_encrypted(config.client_key or config.client_cert):
            # The enrolled key: its passphrase lives in the keystore, never in the settings;
            # OpenSSL decrypts the key into memory, nothing in clear touches the disk.
            password = config.key_password() if config.key_password else None
            if password is None:
                raise TerminalNotEnrolled(message="端末証明書の鍵を開けません。")
            context.load_cert_chain(cert, key, password=password)
        else:
            # A plaintext key (tests, a terminal configured by hand). The callback stops
            # OpenSSL from ever prompting on a console for a passphrase.
            context.load_cert_chain(cert, key, password=lambda: "")
    return context


class RegistryClient:
    def __init__(
        self,
        config: ClientConfig,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self._transport = transport
        self._sleep = sleep
        self._http: httpx.Client | None = None
        self._token: str | None = None
        self._listeners: list[ConnectivityListener] = []

    def add_listener(self, listener: ConnectivityListener) -> Callable[[], None]:
        """Hear every call's start, retries and end; returns the function that stops it."""
        self._listeners = [*self._listeners, listener]  # copied: workers iterate without a lock

        def remove() -> None:
            self._listeners = [one for one in self._listeners if one is not listener]

        return remove

    def _notify(self, method: str, *args: object) -> None:
        for listener in self._listeners:
            try:
                getattr(listener, method)(*args)
            except Exception as exc:  # a listener's failure must not fail the call
                log.warning("connectivity listener failed: error=%s", type(exc).__name__)

    # -- plumbing -----------------------------------------------------------------------------

    def _client(self) -> httpx.Client:
        if self._http is None:
            verify: ssl.SSLContext | bool = True
            if self._transport is None:
                try:
                    verify = _tls_context(self.config)
                except (OSError, ssl.SSLError) as exc:
                    raise TerminalNotEnrolled(message="端末証明書を読み込めません。") from exc
            self._http = httpx.Client(
                base_url=self.config.base_url, verify=verify, transport=self._transport,
                timeout=httpx.Timeout(self.config.timeout_s), proxy=self.config.proxy,
                headers={"Accept": "application/json"},
            )
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    @property
    def logged_in(self) -> bool:
        return self._token is not None

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        authenticated: bool = True,
        retries: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """One API call with retries; returns a 2xx response or raises a RegistryError.
        `headers` adds to this call only (X-Approval-Token, X-Madoguchi-Purpose)."""
        self._notify("registry_call_started")
        reached = True
        try:
            return self._request(method, path, json, params, idempotency_key, authenticated,
                                 self.config.retries if retries is None else retries,
                                 headers or {})
        except RegistryUnreachable:
            reached = False
            raise
        finally:
            self._notify("registry_call_finished", reached)

    def _request(
        self, method: str, path: str, json: Any, params: Mapping[str, str] | None,
        idempotency_key: str | None, authenticated: bool, retries: int,
        extra_headers: Mapping[str, str],
    ) -> httpx.Response:
        headers: dict[str, str] = dict(extra_headers)
        if authenticated:
            if self._token is None:
                raise NotLoggedIn()
            headers["Authorization"] = f"Bearer {self._token}"
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        repeatable = method.upper() in _SAFE_METHODS or idempotency_key is not None
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._client().request(method, path, json=json, params=params,
                                                  headers=headers)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                failure: RegistryError = _connect_failure(exc)
                if isinstance(failure, TerminalNotEnrolled) or attempt > retries:
                    raise failure from exc
            except (httpx.ReadError, httpx.RemoteProtocolError) as exc:
                # With TLS 1.3 a refused terminal certificate surfaces as a dropped connection.
                if self.config.client_cert is None and self._transport is None:
                    raise TerminalNotEnrolled() from exc
                if not repeatable or attempt > retries:
                    raise RegistryUnreachable() from exc
            except httpx.TimeoutException as exc:
                if not repeatable or attempt > retries:
                    raise RegistryUnreachable("timeout") from exc
            else:
                if response.status_code in _RETRY_STATUS and repeatable and attempt <= retries:
                    pass
                elif response.is_success:
                    return response
                else:
                    raise _refusal(response)
            delay = self.config.backoff_s * 2 ** (attempt - 1)
            log.info("registry call retried: attempt=%d", attempt)
            self._notify("registry_call_retrying", attempt, delay)
            self._sleep(delay)

    # -- sessions -----------------------------------------------------------------------------

    def login(self, user_id: str, password: str) -> StaffSession:
        response = self.request("POST", "/v1/sessions", json={"user_id": user_id, "password": password},
                                authenticated=False)
        body = response.json()
        session = StaffSession.from_login_response(body)
        self._token = str(body["token"])
        return session

    def logout(self) -> None:
        """End the session at the server; an already ended session is fine."""
        if self._token is None:
            return
        try:
            self.request("DELETE", "/v1/sessions/current")
        except (SessionEnded, NotLoggedIn):
            pass
        finally:
            self._token = None

    def unlock(self, password: str) -> None:
        """app.session.unlock.Reauthenticator: the same person's password after a lock."""
        try:
            self.request("POST", "/v1/sessions/current/unlock", json={"password": password})
        except InvalidCredentials as exc:
            raise unlock_errors.InvalidPassword() from exc
        except AccountLocked as exc:
            self._token = None
            raise unlock_errors.AccountLocked() from exc
        except (SessionEnded, NotLoggedIn) as exc:
            self._token = None
            raise unlock_errors.SessionEnded() from exc
        except RegistryError as exc:
            raise unlock_errors.RegistryUnavailable() from exc

    def health(self) -> dict[str, Any]:
        body = self.request("GET", "/v1/health", authenticated=False).json()
        return body if isinstance(body, dict) else {}

    def probe(self) -> bool:
        """One health call without retries: is the registry there now? (the banner's retry)"""
        try:
            self.request("GET", "/v1/health", authenticated=False, retries=0)
        except RegistryError:
            return False
        return True


def _connect_failure(exc: httpx.HTTPError) -> RegistryError:
    text = str(exc).lower()
    if "certificate" in text and ("required" in text or "unknown ca" in text or "bad certificate" in text):
        return TerminalNotEnrolled()
    if "certificate verify failed" in text:
        return RegistryUnreachable("registry_certificate_untrusted")
    return RegistryUnreachable()


_BY_CODE: Final[dict[str, type[RegistryError]]] = {
    "invalid_credentials": InvalidCredentials,
    "account_locked": AccountLocked,
    "session_expired": SessionEnded,
    "session_required": SessionEnded,
    "terminal_not_enrolled": TerminalNotEnrolled,
    "terminal_revoked": TerminalNotEnrolled,
}


def _refusal(response: httpx.Response) -> RegistryError:
    code, message, field, ref = f"http_{response.status_code}", "", None, None
    try:
        error = response.json().get("error", {})
        code = str(error.get("code") or code)
        message = str(error.get("message") or "")
        field = str(error["field"]) if error.get("field") else None
        ref = str(error["ref"]) if error.get("ref") else None
    except (ValueError, AttributeError):
        pass
    if response.status_code >= 500 and code.startswith("http_"):
        return RegistryUnreachable(code, response.status_code, message)
    return _BY_CODE.get(code, RegistryError)(code, response.status_code, message, field, ref)
