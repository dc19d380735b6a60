"""`python -m cardreader` as a helpdesk or a script runs it: output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cardreader.errors import ExitCode
from cardreader.virtual.contents import Resident
from cardreader.virtual.pcscd import PcscdProcess
from cardreader.virtual.vpcd import VpcdCardClient
from tests.cardreader.conftest import VirtualReader

pytestmark = pytest.mark.card

REPO = Path(__file__).resolve().parents[2]
Insert = Callable[..., VpcdCardClient]


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cardreader", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


def test_list(pcscd: PcscdProcess, reader: VirtualReader, insert: Insert) -> None:
    insert()
    done = cli("list", "--json")
    assert done.returncode == ExitCode.OK, done.stderr
    assert json.loads(done.stdout) == {
        "readers": [
            {"reader": pcscd.readers[0], "card_present": True},
            {"reader": pcscd.readers[1], "card_present": False},
        ]
    }
    text = cli("list")
    assert (
        f"{pcscd.readers[0]}\tカードあり" in text.stdout
        and f"{pcscd.readers[1]}\tカードなし" in text.stdout
    )


def test_probe_prints_nothing_personal(insert: Insert, resident: Resident) -> None:
    insert()
    done = cli("probe", "--json")
    assert done.returncode == ExitCode.OK, done.stderr
    data = json.loads(done.stdout)
    assert data["kind"] == "my_number"
    assert data["pins"]["input_support_pin"] == {"tries_left": 3, "blocked": False}
    assert data["auth_certificate"]["valid_now"] is True
    text = cli("probe").stdout + done.stdout
    assert "カード種別: マイナンバーカード" in text
    for personal in (
        resident.individual_number,
        resident.family_name,
        resident.address,
        "SYNTHETIC-AUTH",
    ):
        assert personal not in text


def test_read_with_pin_from_stdin(insert: Insert, resident: Resident) -> None:
    insert()
    done = cli("read", "--pin-stdin", "--json", stdin=resident.pin + "\n")
    assert done.returncode == ExitCode.OK, done.stderr
    data = json.loads(done.stdout)
    assert data["individual_number"] == resident.individual_number
    assert (data["family_name"], data["given_name"]) == (resident.family_name, resident.given_name)
    assert data["birth_date"] == resident.birth_date.isoformat()
    text = cli("read", "--pin-stdin", stdin=resident.pin).stdout
    assert f"個人番号: {resident.individual_number}" in text and f"住所: {resident.address}" in text


def test_wrong_then_blocked_pin_exit_codes(insert: Insert, resident: Resident) -> None:
    insert(tries={"pin": 2})
    wrong = f"{(int(resident.pin) + 1) % 10000:04d}\n"
    done = cli("read", "--pin-stdin", "--json", stdin=wrong)
    assert done.returncode == ExitCode.WRONG_PIN == 3
    assert json.loads(done.stdout) == {
        "error": {"code": "wrong_pin", "message": "暗証番号が違います。残り1回です。"}
    }
    assert wrong.strip() not in done.stdout + done.stderr
    done = cli("read", "--pin-stdin", stdin=wrong)
    assert done.returncode == ExitCode.PIN_BLOCKED == 4
    assert "暗証番号がロックされています。市区町村窓口での再設定が必要です。" in done.stderr


def test_bad_pin_format_exit_code(insert: Insert) -> None:
    insert()
    assert cli("read", "--pin-stdin", stdin="12\n").returncode == ExitCode.WRONG_PIN


def test_no_card_exit_code(reader: VirtualReader, resident: Resident) -> None:
    done = cli("read", "--pin-stdin", "--json", stdin=resident.pin)
    assert done.returncode == ExitCode.NO_CARD == 5
    assert json.loads(done.stdout)["error"]["code"] == "no_card"


def test_no_reader_exit_code(insert: Insert) -> None:
    insert()
    done = cli("probe", "--reader", "No Such Reader 00 00")
    assert done.returncode == ExitCode.NO_READER == 6
    assert "カードリーダーが接続されていません。" in done.stderr


def test_unknown_and_juki_card_exit_codes(insert: Insert, resident: Resident) -> None:
    insert(kind="unknown")
    assert cli("read", "--pin-stdin", stdin=resident.pin).returncode == ExitCode.UNKNOWN_CARD == 7
    assert json.loads(cli("probe", "--json").stdout)["kind"] == "unknown"
    insert(kind="juki")
    assert cli("read", "--pin-stdin", stdin=resident.pin).returncode == ExitCode.JUKI_CARD == 8


def test_trace_flag_shows_redacted_apdus(insert: Insert, resident: Resident) -> None:
    insert()
    done = cli("--trace", "read", "--pin-stdin", stdin=resident.pin)
    assert done.returncode == ExitCode.OK
    assert "Lc=4 [4 bytes redacted] (verify input_support_pin) < SW=9000" in done.stderr
    assert resident.pin.encode().hex() not in done.stderr.lower().replace(" ", "")


def test_pcscd_down_is_no_reader(pcscd: PcscdProcess, reader: VirtualReader) -> None:
    pcscd.stop()
    try:
        done = cli("list", "--json")
        assert done.returncode == ExitCode.NO_READER
        assert json.loads(done.stdout)["error"]["code"] == "pcsc_unavailable"
    finally:
        pcscd.start()
