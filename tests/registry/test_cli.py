"""The operator's commands: init is repeatable, seed refuses a filled register, serve refuses an
uninitialised one, and the certificates are a proper CA and server pair."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from tests.support.registry_process import run_cli

pytestmark = pytest.mark.registry


def test_init_twice_keeps_certificates_and_schema(databases: object, tmp_path: Path) -> None:
    url = databases.new_url()  # type: ignore[attr-defined]
    state = tmp_path / "state"
    first = run_cli(state, url, "init")
    assert "certificates: created" in first.stdout
    ca_before = (state / "pki" / "ca.pem").read_bytes()
    second = run_cli(state, url, "init")
    assert "certificates: kept" in second.stdout and "towns: 0 added" in second.stdout
    assert (state / "pki" / "ca.pem").read_bytes() == ca_before
    for key in ("ca-key.pem", "server-key.pem"):
        assert stat.S_IMODE((state / "pki" / key).stat().st_mode) == 0o600
    assert stat.S_IMODE(state.stat().st_mode) == 0o700


def test_server_certificate_is_issued_by_the_ca(tmp_path: Path) -> None:
    state = tmp_path / "state"
    run_cli(state, f"sqlite+pysqlite:///{tmp_path / 'r.sqlite3'}", "init")
    ca = x509.load_pem_x509_certificate((state / "pki" / "ca.pem").read_bytes())
    server = x509.load_pem_x509_certificate((state / "pki" / "server.pem").read_bytes())
    server.verify_directly_issued_by(ca)
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    names = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "localhost" in names.get_values_for_type(x509.DNSName)
    usage = server.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.SERVER_AUTH in list(usage)


def test_seed_needs_init_and_an_empty_register(databases: object, tmp_path: Path) -> None:
    url = databases.new_url()  # type: ignore[attr-defined]
    state = tmp_path / "state"
    refused = run_cli(state, url, "seed", "--residents", "10", check=False)
    assert refused.returncode == 2 and "run `init` first" in refused.stderr
    run_cli(state, url, "init")
    assert "seeded 30 residents" in run_cli(state, url, "seed", "--residents", "30").stdout
    again = run_cli(state, url, "seed", "--residents", "30", check=False)
    assert again.returncode == 2 and "already holds residents" in again.stderr
    tolerated = run_cli(state, url, "seed", "--residents", "30", "--if-empty")
    assert "nothing seeded" in tolerated.stdout


def test_serve_refuses_an_uninitialised_database(tmp_path: Path) -> None:
    result = run_cli(
        tmp_path / "state", f"sqlite+pysqlite:///{tmp_path / 'r.sqlite3'}", "serve", check=False
    )
    assert result.returncode == 2 and "init" in result.stderr


def test_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli(
        tmp_path / "state", "postgresql+psycopg://nobody@127.0.0.1:1/none", "seed",
        "--residents", "1", check=False,
    )
    assert result.returncode == 2 and "cannot open the database" in result.stderr


@pytest.mark.parametrize("url", ["not a url", "postgresql+psycopg://nobody@127.0.0.1:1/none"])
def test_init_with_a_bad_database_is_a_clear_error(tmp_path: Path, url: str) -> None:
    result = run_cli(tmp_path / "state", url, "init", check=False)
    assert result.returncode == 2, result.stderr
    assert "cannot use the database" in result.stderr and "Traceback" not in result.stderr
