"""Behind real nginx: nginx terminates mutual TLS and forwards the client certificate over the
registry's Unix socket. An enrolled terminal works through it, a header forged by a client is
ignored, and a client without a certificate never reaches the registry."""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from tests.support.registry_process import PASSWORD, REPO, free_port, provision, run_cli

pytestmark = pytest.mark.registry

CONF = REPO / "installer" / "registry" / "nginx-madoguchi.conf"


def _nginx_conf(tmp: Path, state: Path, port: int, sock: Path) -> Path:
    """The shipped server block, pointed at this test's files, in a minimal main config."""
    server = CONF.read_text()
    server = server.replace("/var/lib/madoguchi-registry", str(state))
    server = server.replace("/run/madoguchi-registry/registry.sock", str(sock))
    server = server.replace("listen 8443 ssl;", f"listen 127.0.0.1:{port} ssl;")
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / name).mkdir()
    conf = tmp / "nginx.conf"
    conf.write_text(f"""
daemon off;
user root;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    {server}
}}
""")
    return conf


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise RuntimeError("nginx is missing: run installer/dev/system-packages.sh as root")
    state = tmp_path_factory.mktemp("proxied")
    db_url = f"sqlite+pysqlite:///{state / 'registry.sqlite3'}"
    run_cli(state, db_url, "init")
    run_cli(state, db_url, "seed", "--residents", "50", "--seed", "1")
    provision(state, db_url)
    sock = state / "registry.sock"
    registry = subprocess.Popen(
        [sys.executable, "-m", "registry.cli", "--state", str(state), "--db", db_url,
         "serve", "--uds", str(sock), "--behind-proxy"],
        cwd=REPO, stdout=open(state / "serve.log", "wb"), stderr=subprocess.STDOUT, env=dict(os.environ),
    )
    port = free_port()
    conf = _nginx_conf(tmp_path_factory.mktemp("nginx"), state, port, sock)
    proxy = subprocess.Popen([nginx, "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"https://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/v1/health", verify=_tls(state, "test-terminal")).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or registry.poll() is not None or proxy.poll() is not None:
                raise RuntimeError(f"proxy or registry did not start: {(state / 'serve.log').read_text()}")
            time.sleep(0.2)
        yield base, state
    finally:
        proxy.terminate()
        registry.terminate()
        proxy.wait(10)
        registry.wait(10)


def _tls(state: Path, terminal: str) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(state / "pki" / "ca.pem"))
    context.load_cert_chain(state / terminal / "terminal.pem", state / terminal / "terminal-key.pem")
    return context


def _login(c: httpx.Client) -> dict[str, str]:
    response = c.post("/v1/sessions", json={"user_id": "t-clerk", "password": PASSWORD})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def test_an_enrolled_terminal_works_through_the_proxy(proxied: tuple[str, Path]) -> None:
    base, state = proxied
    with httpx.Client(base_url=base, verify=_tls(state, "test-terminal")) as c:
        headers = _login(c)
        assert c.get("/v1/residents/1000000001", headers=headers).status_code in (200, 404)
        diagnostics = c.get("/v1/moves/kinds", headers=headers)
        assert diagnostics.status_code == 200


def test_a_forged_certificate_header_is_ignored(proxied: tuple[str, Path]) -> None:
    base, state = proxied
    run_cli(state, f"sqlite+pysqlite:///{state / 'registry.sqlite3'}", "terminal", "enroll", "revoked-one",
            "--out", str(state / "revoked-one"))
    run_cli(state, f"sqlite+pysqlite:///{state / 'registry.sqlite3'}", "terminal", "revoke", "revoked-one")
    good_pem = quote((state / "test-terminal" / "terminal.pem").read_text())
    # A revoked terminal claims, in the header, to be the good one: nginx replaces the header.
    with httpx.Client(base_url=base, verify=_tls(state, "revoked-one")) as c:
        response = c.post("/v1/sessions", json={"user_id": "t-clerk", "password": PASSWORD},
                          headers={"X-SSL-Client-Cert": good_pem})
    assert (response.status_code, response.json()["error"]["code"]) == (403, "terminal_revoked")


def test_no_client_certificate_no_registry(proxied: tuple[str, Path]) -> None:
    base, state = proxied
    context = ssl.create_default_context(cafile=str(state / "pki" / "ca.pem"))
    good_pem = quote((state / "test-terminal" / "terminal.pem").read_text())
    with httpx.Client(base_url=base, verify=context) as c:
        response = c.get("/v1/health", headers={"X-SSL-Client-Cert": good_pem})
    assert response.status_code == 400  # nginx: no required SSL certificate was sent
    assert "madoguchi" not in response.text
