"""Two registry processes behind real nginx on one PostgreSQL database: idempotency keys,
approvals, the audit chain and 更新順番号 stay right whichever process answers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from registry.db import make_engine
from registry.models import AuditEntry, Move, OutboundNotice, Person
from tests.registry.test_reverse_proxy import _tls
from tests.support.registry_process import PASSWORD, REPO, free_port, provision, run_cli

pytestmark = [pytest.mark.registry, pytest.mark.postgres]


def _conf(tmp: Path, state: Path, port: int, sockets: list[Path]) -> Path:
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / name).mkdir()
    upstream = "".join(f"server unix:{s};\n" for s in sockets)
    conf = tmp / "nginx.conf"
    conf.write_text(f"""
daemon off; user root; worker_processes 1; pid {tmp}/nginx.pid; error_log {tmp}/error.log warn;
events {{ worker_connections 128; }}
http {{
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  upstream registry {{ {upstream} }}
  server {{
    listen 127.0.0.1:{port} ssl;
    ssl_certificate {state}/pki/server.pem; ssl_certificate_key {state}/pki/server-key.pem;
    ssl_client_certificate {state}/pki/terminal-ca.pem; ssl_verify_client on;
    access_log off;
    location / {{
      proxy_pass http://registry;
      proxy_set_header X-SSL-Client-Cert $ssl_client_escaped_cert;
      proxy_set_header X-Served-By "";
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
""")
    return conf


@pytest.fixture(scope="module")
def pair(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str]]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    state = tmp_path_factory.mktemp("pair")
    db_url = request.getfixturevalue("pg_cluster").create_database("pair")
    run_cli(state, db_url, "init")
    run_cli(state, db_url, "seed", "--residents", "300", "--seed", "12")
    provision(state, db_url)
    sockets = [state / "a.sock", state / "b.sock"]
    services = [
        subprocess.Popen(
            [sys.executable, "-m", "registry.cli", "--state", str(state), "--db", db_url,
             "serve", "--uds", str(sock), "--behind-proxy"],
            cwd=REPO, stdout=open(state / f"{sock.stem}.log", "wb"), stderr=subprocess.STDOUT,
            env={**os.environ, "MADOGUCHI_PURGE_INTERVAL_SECONDS": "1"},
        )
        for sock in sockets
    ]
    port = free_port()
    proxy = subprocess.Popen([nginx, "-c", str(_conf(tmp_path_factory.mktemp("ng"), state, port, sockets))],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"https://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not all(s.exists() for s in sockets):
            assert time.monotonic() < deadline and all(p.poll() is None for p in services), "services did not start"
            time.sleep(0.2)
        while True:
            try:
                if httpx.get(f"{base}/v1/health", verify=_tls(state, "test-terminal")).status_code == 200:
                    break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.2)
        yield base, state, db_url
    finally:
        proxy.terminate()
        for p in services:
            p.terminate()
        proxy.wait(10)
        for p in services:
            p.wait(10)


def _client(base: str, state: Path, user: str = "t-clerk") -> tuple[httpx.Client, dict[str, str]]:
    c = httpx.Client(base_url=base, verify=_tls(state, "test-terminal"), timeout=30)
    token = c.post("/v1/sessions", json={"user_id": user, "password": PASSWORD}).json()["token"]
    return c, {"Authorization": f"Bearer {token}"}


def test_both_processes_answer(pair: tuple[str, Path, str]) -> None:
    base, state, _ = pair
    c, headers = _client(base, state)
    upstreams = {c.get("/v1/moves/kinds", headers=headers).headers["X-Upstream"] for _ in range(8)}
    assert len(upstreams) == 2


def test_one_key_one_draft_across_processes(pair: tuple[str, Path, str]) -> None:
    base, state, db_url = pair
    engine = make_engine(db_url)
    with engine.connect() as conn:
        atena, _town = conn.execute(select(Person.atena_number, Person.id).limit(1)).one()
    engine.dispose()
    c, headers = _client(base, state)
    record = c.get(f"/v1/residents/{atena}", headers=headers).json()["record"]
    body = {"kind": "kisai_jiko_henko", "move_date": "2026-11-01",
            "persons": [{"id": atena, "family_name": record["name"]["family_name"] + "改"}]}
    answers: list[Any] = []

    def send() -> None:
        with httpx.Client(base_url=base, verify=_tls(state, "test-terminal"), timeout=30) as k:
            answers.append(k.post("/v1/moves", json=body, headers={**headers, "Idempotency-Key": "pair-key-1"}))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["id"] for a in answers}) == 1
    assert len({a.headers["X-Upstream"] for a in answers}) == 2
    engine = make_engine(db_url)
    with engine.connect() as conn:
        drafts = conn.scalar(select(func.count()).select_from(Move).where(Move.id == answers[0].json()["id"]))
    engine.dispose()
    assert drafts == 1


def test_an_approval_is_used_once_across_processes(pair: tuple[str, Path, str]) -> None:
    base, state, db_url = pair
    engine = make_engine(db_url)
    with engine.connect() as conn:
        ids = list(conn.scalars(select(Person.atena_number).limit(60)))
    engine.dispose()
    c, headers = _client(base, state)
    token = c.post("/v1/approvals", headers=headers, json={
        "supervisor_id": "t-super", "supervisor_password": PASSWORD, "kind": "export.residents",
        "count": 60, "purpose": "二重使用の確認"}).json()["token"]
    answers: list[int] = []

    def use() -> None:
        with httpx.Client(base_url=base, verify=_tls(state, "test-terminal"), timeout=30) as k:
            answers.append(k.post("/v1/exports/residents", json={"ids": ids},
                                  headers={**headers, "X-Approval-Token": token}).status_code)

    threads = [threading.Thread(target=use) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(answers) == [200] + [403] * 5


def test_audit_chain_and_notice_numbers_across_processes(pair: tuple[str, Path, str]) -> None:
    base, state, db_url = pair
    c, headers = _client(base, state)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        atenas = list(conn.scalars(select(Person.atena_number).offset(100).limit(12)))
    for atena in atenas:
        record = c.get(f"/v1/residents/{atena}", headers=headers).json()["record"]
        draft = c.post("/v1/moves", headers=headers, json={
            "kind": "kisai_jiko_henko", "move_date": "2026-11-02",
            "persons": [{"id": atena, "given_name": record["name"]["given_name"] + "子"}]}).json()
        assert c.post(f"/v1/moves/{draft['id']}/commit", headers=headers).status_code == 200
    _cs, cs_headers = _client(base, state, "t-admin")
    pages: list[Any] = []

    def read() -> None:
        with httpx.Client(base_url=base, verify=_tls(state, "test-terminal"), timeout=30) as k:
            pages.append(k.get("/v1/notices/outbound", params={"limit": 1000}, headers=cs_headers).json())

    threads = [threading.Thread(target=read) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with engine.connect() as conn:
        numbers = conn.scalars(select(OutboundNotice.sequence).where(OutboundNotice.sequence.is_not(None))).all()
        audited = conn.scalar(select(func.count()).select_from(AuditEntry))
    engine.dispose()
    assert sorted(numbers) == list(range(1, len(numbers) + 1)) and len(numbers) >= len(atenas)
    assert len({str(p["items"]) for p in pages}) == 1
    auditor, auditor_headers = _client(base, state, "t-audit")
    time.sleep(2.5)  # both processes' sealers run meanwhile
    report = auditor.get("/v1/audit/verify", headers=auditor_headers).json()
    assert report["ok"] is True and report["checked"] >= audited
