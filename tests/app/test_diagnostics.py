"""Diagnostics without a GUI: readers, registry reachability and TLS, the bundle."""

from __future__ import annotations

import json
import logging
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.diagnostics import (
    ReaderReport,
    build_bundle,
    bundle_file_name,
    check_registry,
    collect_readers,
    collect_report,
    collect_versions,
    tail_log,
    write_bundle,
)
from app.privacy import assert_no_canaries, canary_forms, configure_terminal_logging
from app.settings import REGISTRY_CA_FILE, REGISTRY_PROXY_URL, REGISTRY_URL, SettingsStore
from cardreader.errors import NoCardError, PcscUnavailableError
from cardreader.transport import Connection, ReaderStatus, Transport
from tests.app.tls_server import https_server, make_pki

pytestmark = pytest.mark.terminal

CANARIES: list[str | date] = ["鶴見 茜", "ツルミ アカネ", "472915308264", "83920174655", "4400172839",
                              "大阪府寝屋川市池田旭町9-41", date(1987, 3, 9)]


class FakeTransport(Transport):
    def __init__(self, statuses: list[ReaderStatus], fail: Exception | None = None) -> None:
        self.statuses, self.fail, self.closed = statuses, fail, False

    def list_readers(self) -> list[str]:
        return [s.name for s in self.statuses]

    def reader_statuses(self) -> list[ReaderStatus]:
        if self.fail is not None:
            raise self.fail
        return self.statuses

    def connect(self, reader: str) -> Connection:
        raise NoCardError()

    def close(self) -> None:
        self.closed = True


def test_versions_name_app_python_os_and_packages() -> None:
    versions = collect_versions({"qt": "6.x"})
    assert {"app", "python", "os", "package:PySide6-Essentials", "qt"} <= set(versions)


def test_readers_listed_with_presence_only() -> None:
    transport = FakeTransport([ReaderStatus("ACS ACR39U 00", True, b"\x3b\x00"),
                               ReaderStatus("SONY FeliCa 01", False)])
    report = collect_readers(lambda: transport, identify_cards=True)
    assert report.service_available and report.error_code is None
    assert [(r.name, r.card_present) for r in report.readers] == [
        ("ACS ACR39U 00", True), ("SONY FeliCa 01", False)]
    assert report.readers[0].card_error == "no_card"  # identifying failed, said as a code
    assert transport.closed


@pytest.mark.parametrize(
    "factory",
    [
        lambda: FakeTransport([], fail=PcscUnavailableError()),
        lambda: (_ for _ in ()).throw(PcscUnavailableError()),
        lambda: (_ for _ in ()).throw(ImportError("smartcard")),
    ],
)
def test_missing_pcscd_is_a_finding_not_a_crash(factory: object) -> None:
    report = collect_readers(factory)  # type: ignore[arg-type]
    assert report == ReaderReport(False, [], "pcsc_unavailable", report.error_message)
    assert report.error_message


def test_readers_with_the_real_pcsc_stack_never_raise() -> None:
    report = collect_readers()  # pcscd may or may not run here; either way a report
    assert isinstance(report, ReaderReport)


@pytest.fixture
def pki(tmp_path: Path):  # type: ignore[no-untyped-def]
    return make_pki(tmp_path, days=30)


@pytest.fixture
def server(pki) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with https_server(pki) as url:
        yield url


def test_registry_reachable_verified_with_certificate_details(pki, server: str) -> None:  # type: ignore[no-untyped-def]
    check = check_registry(server, ca_file=pki.ca, timeout_s=5, samples=2)
    assert check.reachable and check.verified and check.error_code is None
    assert check.status == 200 and check.server_version == "9.9.9" and check.database == "sqlite"
    assert check.latency_ms is not None and check.latency_ms >= 0
    assert check.tls_version in ("TLSv1.2", "TLSv1.3")
    cert = check.certificate
    assert cert is not None
    assert cert.subject == "CN=registry.test" and cert.issuer == "CN=test registry CA"
    assert cert.days_left in (29, 30)
    assert "127.0.0.1" in cert.names and len(cert.sha256) == 64


def test_registry_with_a_foreign_ca_is_described_but_not_trusted(pki, server: str) -> None:  # type: ignore[no-untyped-def]
    check = check_registry(server, ca_file=pki.other_ca, timeout_s=5)
    assert check.reachable and not check.verified
    assert check.error_code == "tls_verify_failed"
    assert check.status is None  # nothing was sent over the unverified channel
    assert check.certificate is not None and check.certificate.subject == "CN=registry.test"


def test_registry_unreachable() -> None:
    from tests.support.registry_process import free_port

    check = check_registry(f"https://127.0.0.1:{free_port()}", ca_file=None, timeout_s=2)
    assert not check.reachable and check.error_code == "unreachable"


def test_registry_with_an_unusable_ca_file(tmp_path: Path) -> None:
    check = check_registry("https://127.0.0.1:1", ca_file=tmp_path / "missing.pem")
    assert check.error_code == "tls_setup_failed"


@pytest.mark.registry
@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
def test_the_real_registry_over_mutual_tls(registry) -> None:  # type: ignore[no-untyped-def]
    enrolment = registry.terminal_dir  # the test terminal the fixture enrolled
    check = check_registry(registry.base_url, ca_file=registry.ca_cert,
                           client_cert=enrolment / "terminal.pem",
                           client_key=enrolment / "terminal-key.pem", timeout_s=10)
    assert check.verified and check.status == 200 and check.error_code is None, check
    assert check.server_version and check.database == "sqlite"
    without = check_registry(registry.base_url, ca_file=registry.ca_cert, timeout_s=10)
    assert without.status is None and without.error_code == "client_certificate_required"


def test_bundle_holds_no_personal_data(tmp_path: Path, pki, server: str) -> None:  # type: ignore[no-untyped-def]
    log_dir = tmp_path / "log"
    configure_terminal_logging(log_dir, "DEBUG")
    try:
        log = logging.getLogger("madoguchi.test")
        # What careless code might log: every canary, in every way.
        log.info("opened %s %s", "鶴見 茜", "472915308264")
        log.info("search name=ツルミ アカネ birth=1987-03-09 S62.3.9 code=83920174655 atena=4400172839")
        log.warning("address 大阪府寝屋川市池田旭町9-41 /v1/residents/search?name=%E9%B6%B4")
        log.error("failed", exc_info=ValueError("昭和62年3月9日 鶴見茜"))
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if hasattr(h, "_madoguchi_handler")]:
            root.removeHandler(handler)
            handler.close()
    settings = SettingsStore(tmp_path / "settings.json")
    settings.set(REGISTRY_URL, server)
    settings.set(REGISTRY_CA_FILE, pki.ca)
    settings.set(REGISTRY_PROXY_URL, "http://diaguser:hunter2@proxy:3128")
    transport = FakeTransport([ReaderStatus("ACS ACR39U 00", True, b"\x3b")])
    report = collect_report(settings, log_dir=log_dir, printers=lambda: ["市民課 プリンタ"],
                            reader_transport=lambda: transport)
    assert report.registry is not None and report.registry.verified
    assert len(report.log_tail) >= 4
    data = build_bundle(report)
    target = write_bundle(data, tmp_path / "out" / bundle_file_name())
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["README.txt", "log-tail.txt", "report.json"]
        body = json.loads(archive.read("report.json"))
        tail = archive.read("log-tail.txt").decode()
    assert body["config"]["registry.proxy_url"] == "<redacted>"
    assert "hunter2" not in data.decode("latin-1") and b"hunter2" not in target.read_bytes()
    assert body["readers"]["readers"][0]["name"] == "ACS ACR39U 00"
    assert "[text]" in tail and "[num]" in tail
    # Each line keeps the time it was written, as on the screen (helpdesk matches it with the
    # registry's log).
    records = [line for line in tail.splitlines() if re.search(r" (DEBUG|INFO|WARNING|ERROR|CRITICAL) ", line)]
    assert records and all(re.match(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} ", line) for line in records)
    assert_no_canaries([target, log_dir], canary_forms(CANARIES))


def test_tail_log_reads_across_rotation(tmp_path: Path) -> None:
    (tmp_path / "terminal.log.1").write_text("old 1\nold 2\n")
    (tmp_path / "terminal.log").write_text("new 1\nnew 2 鶴見\n")
    assert tail_log(tmp_path, 3) == ["old 2", "new 1", "new 2 [text]"]
    assert tail_log(tmp_path / "none", 3) == []


def test_tail_log_keeps_each_lines_time(tmp_path: Path) -> None:
    """The time a line was written stays for the helpdesk; a date in the message does not."""
    (tmp_path / "terminal.log").write_text(
        "2026-11-30 04:21:33,123 INFO madoguchi: born 1980-02-17 number 123456789018\n"
        "1980-02-17 04:21:33,123 note without a level\n")
    assert tail_log(tmp_path, 2) == [
        "2026-11-30 04:21:33,123 INFO madoguchi: born [num] number [num]",
        "[num]:21:[num] note without a level",
    ]
