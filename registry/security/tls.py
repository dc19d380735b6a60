"""Hands the verified client certificate to the application.

Behind a reverse proxy (`serve --uds PATH --behind-proxy`) the proxy terminates mutual TLS and
forwards the verified certificate in a header; the application trusts that header only on
connections over the Unix socket, never from the network (registry.api.auth.peer).

uvicorn verifies the client certificate during the handshake (CERT_REQUIRED against the
terminal CA) but does not pass it on. This protocol class puts the peer certificate (DER) into
each request's scope under the ASGI TLS extension's key, so the terminal ID in sessions and
audit rows comes from the certificate, never from a header the client chooses.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

SCOPE_KEY = "tls"


class ClientCertHttpToolsProtocol(HttpToolsProtocol):
    _peer_der: bytes | None = None
    _local_socket: bool = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        ssl_object = transport.get_extra_info("ssl_object")
        self._peer_der = ssl_object.getpeercert(binary_form=True) if ssl_object else None
        # A Unix-domain socket: only a process on this host (the reverse proxy) can be the peer.
        self._local_socket = isinstance(transport.get_extra_info("sockname"), str)
        super().connection_made(transport)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        extensions: dict[str, Any] = self.scope.setdefault("extensions", {})  # type: ignore[assignment]
        extensions[SCOPE_KEY] = {"client_cert_der": self._peer_der, "local_socket": self._local_socket}
