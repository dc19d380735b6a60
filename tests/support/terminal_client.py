"""The terminal's own registry client on a test registry's enrolled test terminal, logged in:
what the counter's pages get from the shell, for tests that build a page without the shell."""

from __future__ import annotations

from app.registry_client import ClientConfig, RegistryClient
from tests.support.registry_process import PASSWORD, RegistryProcess


def enrolled_client(server: RegistryProcess) -> RegistryClient:
    """The test terminal's client, not logged in."""
    enrolment = server.terminal_dir
    return RegistryClient(ClientConfig(
        base_url=server.base_url, ca_file=server.ca_cert, client_cert=enrolment / "terminal.pem",
        client_key=enrolment / "terminal-key.pem", timeout_s=15, retries=1, backoff_s=0.1,
    ))


def terminal_client(server: RegistryProcess, user: str) -> RegistryClient:
    client = enrolled_client(server)
    client.login(user, PASSWORD)
    return client
