"""Terminal memory over a long scripted session (issue 5's figure): RSS after 500 searches and
record views against a real registry, against the RSS after the first 50. Goal: no growth
beyond 10 %.

The registry runs as its own process (init, seed, serve, as tests/support/registry_process.py
starts it; its search limit raised for the run), so the terminal's process is the one
measured: this one, running the real shell offscreen with a clerk logged in through the login
page. The client is the enrolled one: `madoguchi enroll` into a throwaway settings file, the
key's secret in the encrypted file keyring, the key opened in memory. Each round does what the
counter does, each call on a worker: search by name and birth date, put the hits into a
resident table model, open the first hit's record into labels and a masked number field
(every tenth round with the number revealed). The session's idle clock is a fake one, so the
shield and the lock do not interrupt the script. RSS is read from /proc after a gc.collect(),
every 50 rounds; widgets and gc-tracked objects are counted too, to tell a leak of resident
views from allocator noise. It is 500 rounds as fast as the registry answers, not an hour.

`run() -> dict`, `render_markdown(result) -> str`; `python -m bench.terminal_memory` prints it.
"""

from __future__ import annotations

import gc
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUNDS = 500
CHECKPOINT = 50
GOAL_GROWTH_PCT = 10.0
RESIDENTS = 2000
_ENV_KEYS = ("HOME", "XDG_CONFIG_HOME", "MADOGUCHI_KEYRING", "MADOGUCHI_KEYRING_FILE")


def rss_bytes() -> int:
    """Resident set size now (Linux /proc); elsewhere the peak, which can only overstate growth."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


def _wait(app: Any, done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the terminal did not get its answer in time")
        app.processEvents()
        time.sleep(0.0005)  # the benchmark's own loop; the terminal's calls run on workers


def _call(app: Any, runner: Any, fn: Callable[[], Any]) -> Any:
    box: list[Any] = []
    errors: list[Exception] = []
    runner.operation(fn).success(box.append).failure(errors.append).run_in_background()
    _wait(app, lambda: bool(box or errors))
    if errors:
        raise errors[0]
    return box[0]


def _session(tmp: Path, registry: Any, samples: list[Any], rounds: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QLabel

    from app.enrolment import enroll
    from app.registry_client import ClientConfig, RegistryClient
    from app.session import FakeClock
    from app.settings import SettingsStore
    from tests.support.registry_process import PASSWORD
    from ui.diagnostics.sources import DiagnosticsSources
    from ui.qt_setup import pin_interpreter_singletons
    from ui.security.holders import mark_personal
    from ui.security.system_lock import SystemLockMonitor
    from ui.shell import TerminalShell
    from ui.widgets.masked_number import MaskedNumberField
    from ui.widgets.personal_model import PersonalTableModel

    pin_interpreter_singletons()
    settings_path = tmp / "terminal" / "settings.json"
    enroll(registry.terminal_dir, settings_path=settings_path, registry_url=registry.base_url)
    settings = SettingsStore.load(settings_path)
    app = QApplication.instance() or QApplication(["bench"])
    assert isinstance(app, QApplication)
    shell = TerminalShell(app, settings, tmp / "log", clock=FakeClock(), system_lock=SystemLockMonitor(),
                          diagnostics=DiagnosticsSources(settings=settings, log_dir=tmp / "log",
                                                         probe_registry=False, probe_readers=False,
                                                         list_printers=False))
    client = RegistryClient(ClientConfig.from_settings(settings))
    shell.attach_registry(client)
    shell.window.show()
    started: list[bool] = []
    shell.session_started.connect(lambda: started.append(True))
    shell.window.sign_in_page.login_requested.emit("t-clerk", PASSWORD)
    _wait(app, lambda: bool(started))
    page = shell.window.workspace("counter")
    layout = page.layout() if page is not None else None
    assert page is not None and layout is not None and shell.personal_data is not None
    model = PersonalTableModel([("name", "氏名"), ("birth", "生年月日"), ("address", "住所")],
                               shell.personal_data, parent=page)
    name_label = mark_personal(QLabel(page))
    number = MaskedNumberField(shell.personal_data, can_reveal=True, parent=page)
    for widget in (name_label, number):
        layout.addWidget(widget)

    series: list[dict[str, Any]] = []
    began = time.perf_counter()
    for i in range(1, rounds + 1):
        s = samples[i % len(samples)]
        query = {"name": s.family_name + s.given_name, "birth_date": s.birth_date.isoformat()}

        def search(query: dict[str, str] = query) -> Any:
            return client.request("GET", "/v1/residents/search", params=query).json()

        found = _call(app, shell.runner, search)
        model.set_rows([{"name": f"{h['name']['family_name']} {h['name']['given_name']}",
                         "birth": h["birth_date"], "address": h["address"]["full"]} for h in found["items"]])
        if found["items"]:
            atena = found["items"][0]["id"]
            params = {"reveal": "individual_number"} if i % 10 == 0 else None

            def view(atena: str = atena, params: dict[str, str] | None = params) -> Any:
                return client.request("GET", f"/v1/residents/{atena}", params=params).json()

            record = _call(app, shell.runner, view)
            name = record["record"]["name"]
            name_label.setText(f"{name['family_name']} {name['given_name']}（{name['family_name_kana']}）")
            revealed = record.get("individual_number")
            number.set_masked(revealed[-4:] if revealed else "0000")
            if revealed:
                number.show_revealed(revealed)
        if i % CHECKPOINT == 0:
            gc.collect()
            app.processEvents()
            series.append({"round": i, "rss_mb": round(rss_bytes() / 2**20, 2),
                           "widgets": len(QApplication.allWidgets()), "gc_objects": len(gc.get_objects()),
                           "elapsed_s": round(time.perf_counter() - began, 2)})
    ended: list[bool] = []
    shell.session_ended.connect(lambda _reason: ended.append(True))
    shell.end_session()
    _wait(app, lambda: bool(ended))
    shell.shutdown()
    client.close()
    shell.window.close()
    shell.window.deleteLater()
    app.processEvents()
    return {"series": series, "duration_s": round(time.perf_counter() - began, 2)}


def run(rounds: int = ROUNDS, residents: int = RESIDENTS) -> dict[str, Any]:
    from registry.db import make_engine
    from tests.registry.truth import residents as sample_residents
    from tests.support.registry_process import RegistryProcess, run_cli

    saved = {key: os.environ.get(key) for key in _ENV_KEYS}
    tmp = Path(tempfile.mkdtemp(prefix="madoguchi-bench-memory-"))
    os.environ.update({"HOME": str(tmp / "home"), "XDG_CONFIG_HOME": str(tmp / "home" / ".config"),
                       "MADOGUCHI_KEYRING": "file"})
    os.environ.pop("MADOGUCHI_KEYRING_FILE", None)
    registry = None
    try:
        state = tmp / "registry"
        db_url = f"sqlite+pysqlite:///{state / 'registry.sqlite3'}"
        run_cli(state, db_url, "init")
        run_cli(state, db_url, "seed", "--residents", str(residents), "--seed", "11")
        registry = RegistryProcess(state=state, db_url=db_url,
                                   env={"MADOGUCHI_SEARCH_LIMIT_PER_HOUR": str(rounds * 4)})
        registry.start()
        engine = make_engine(db_url)
        try:
            samples = sample_residents(engine, limit=100)
        finally:
            engine.dispose()
        measured = _session(tmp, registry, samples, rounds)
    finally:
        if registry is not None:
            registry.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(tmp, ignore_errors=True)
    series = measured["series"]
    first, last = series[0], series[-1]
    growth = (last["rss_mb"] - first["rss_mb"]) / first["rss_mb"] * 100
    from PySide6 import __version__ as pyside_version

    return {
        "rounds": rounds, "checkpoint": CHECKPOINT, "registry_residents": residents,
        "rss_after_first_mb": first["rss_mb"], "rss_end_mb": last["rss_mb"],
        "growth_pct": round(growth, 2), "goal_pct": GOAL_GROWTH_PCT, "passed": growth <= GOAL_GROWTH_PCT,
        "widgets_after_first": first["widgets"], "widgets_end": last["widgets"],
        "gc_objects_after_first": first["gc_objects"], "gc_objects_end": last["gc_objects"],
        "duration_s": measured["duration_s"], "series": series,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                   f"PySide6 {pyside_version}",
    }


def render_markdown(result: dict[str, Any]) -> str:
    verdict = "met" if result["passed"] else "NOT met"
    lines = [
        f"### Terminal memory over {result['rounds']} searches and record views",
        "",
        f"Real registry ({result['registry_residents']} residents, SQLite) in its own process; the "
        f"terminal's shell offscreen in this one; {result['duration_s']} s. {result['machine']}.",
        "",
        "| after round | RSS (MiB) | widgets | gc objects |",
        "| ---: | ---: | ---: | ---: |",
        *(f"| {p['round']} | {p['rss_mb']:.1f} | {p['widgets']} | {p['gc_objects']} |" for p in result["series"]),
        "",
        f"Growth from round {result['checkpoint']} to round {result['rounds']}: "
        f"**{result['growth_pct']:+.1f} %** (goal: at most {result['goal_pct']:.0f} %, {verdict}).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render_markdown(run()))
