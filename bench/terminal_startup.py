"""Terminal start-up and screen-security latency (issue 5), measured offscreen.

- **Cold start**: process start → main window shown (exposed and painted), for the terminal
  (`ui.app.start`: settings, scrubbed log, translations, the shell, the login page) and for a
  bare PySide6 window started the same way in the same run. Goal: terminal under 2× the bare
  window. Also reported: until the registry client (httpx, TLS) has loaded after the first
  paint, i.e. until a login could be sent.

  Both run as an installed terminal does: with compiled bytecode (a private
  PYTHONPYCACHEPREFIX, filled by the warm-up runs, whatever PYTHONDONTWRITEBYTECODE says) and
  with the compiled translations (`.qm`, built here if missing or older than the `.ts`, as the
  installer requires). The terminal without any bytecode cache (a fresh checkout's first
  start) is reported beside them.
- **Shield / lock latency**: in one process, a session on the real monotonic clock with a
  short policy and a workspace full of synthetic rows; the time from the idle deadline the
  state machine computed to the shield painted, and to the lock done (every holder cleared,
  the unlock page shown). Goal: under 100 ms.

`run() -> dict`, `render_markdown(result) -> str`; `python -m bench.terminal_startup` prints it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
_READY = "ready"

_BARE = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(1280, 800)
window.show()
while not (window.windowHandle() and window.windowHandle().isExposed()):
    app.processEvents()
window.repaint()
print("ready", flush=True)
"""

_TERMINAL = """
import sys
from ui.app import start
started = start(["madoguchi", "--settings", sys.argv[1]])
window = started.shell.window
while not (window.windowHandle() and window.windowHandle().isExposed()):
    started.app.processEvents()
window.repaint()
print("ready", flush=True)
while started.shell.registry is None:  # the login can be sent: the registry client is loaded
    started.app.processEvents()
print("login", flush=True)
"""


def _time_to_ready(code: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning to the window shown, and to the login usable (the bare window's
    second figure equals its first)."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        shown = time.perf_counter() - start
        if line != _READY:
            raise RuntimeError(f"child did not start (exit {process.poll()})")
        if "login" in code:
            if process.stdout.readline().strip() != "login":
                raise RuntimeError("the registry client did not load")
            return shown, time.perf_counter() - start
        return shown, shown
    finally:
        process.kill()
        process.wait()


def _current_translations() -> str:
    """Build the .qm files if they are missing or stale, as installing the terminal does."""
    from ui.i18n import LANGUAGES, _qm_if_current

    if all(_qm_if_current(language) is not None for language in LANGUAGES):
        return "compiled .qm"
    # `python -m ui.i18n build` (pyside6-lrelease), its chatter kept off the result on stdout
    subprocess.run([sys.executable, "-m", "ui.i18n", "build"], cwd=REPO, stdout=sys.stderr,
                   check=True)
    return "compiled .qm (built by the benchmark)"


def cold_start(runs: int = 11) -> dict[str, Any]:
    translations = _current_translations()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MADOGUCHI_CONFIG_DIR": f"{tmp}/config",
               "MADOGUCHI_LOG_DIR": f"{tmp}/log", "PYTHONPATH": str(REPO),
               "PYTHONPYCACHEPREFIX": f"{tmp}/pycache"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        settings = Path(tmp) / "settings.json"
        for _ in range(2):  # compile the bytecode, and warm the OS file cache, for both
            _time_to_ready(_BARE, [], env)
            _time_to_ready(_TERMINAL, [str(settings)], env)
        # A fresh checkout's first start: Python, PySide6 and the libraries compiled, the
        # terminal's own modules not (compiled at every start, nothing written).
        shutil.copytree(f"{tmp}/pycache", f"{tmp}/no-repo")
        shutil.rmtree(Path(f"{tmp}/no-repo") / str(REPO).lstrip("/"), ignore_errors=True)
        uncached = {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": f"{tmp}/no-repo"}
        bare, terminal, login, cold = [], [], [], []
        for _ in range(runs):  # interleaved, so that drift hits all alike
            bare.append(_time_to_ready(_BARE, [], env)[0])
            shown, usable = _time_to_ready(_TERMINAL, [str(settings)], env)
            terminal.append(shown)
            login.append(usable)
            cold.append(_time_to_ready(_TERMINAL, [str(settings)], uncached)[0])
    bare_ms = statistics.median(bare) * 1000
    terminal_ms = statistics.median(terminal) * 1000
    login_ms = statistics.median(login) * 1000
    cold_ms = statistics.median(cold) * 1000
    ratios = sorted(t / b for t, b in zip(terminal, bare, strict=True))
    # Minimums too: on a shared machine they are the least disturbed runs of each.
    return {"runs": runs, "translations": translations,
            "bare_ms": round(bare_ms, 1), "terminal_ms": round(terminal_ms, 1),
            "login_ready_ms": round(login_ms, 1), "ratio": round(terminal_ms / bare_ms, 2),
            "login_ratio": round(login_ms / bare_ms, 2), "goal_met": terminal_ms < 2 * bare_ms,
            "bare_min_ms": round(min(bare) * 1000, 1), "terminal_min_ms": round(min(terminal) * 1000, 1),
            "min_ratio": round(min(terminal) / min(bare), 2),
            "pair_ratio_median": round(statistics.median(ratios), 2),
            "uncached_ms": round(cold_ms, 1), "uncached_ratio": round(cold_ms / bare_ms, 2)}


def shield_and_lock_latency(samples: int = 15, rows: int = 500) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    from app.session import ScreenPolicy, StaffIdentity, StaffSession, monotonic
    from app.settings import SettingsStore
    from ui.qt_setup import pin_interpreter_singletons
    from ui.shell import TerminalShell
    from ui.widgets.personal_model import PersonalTableModel

    pin_interpreter_singletons()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        shell = TerminalShell(app, SettingsStore(Path(tmp) / "settings.json"), Path(tmp) / "log")
        shell.window.show()
        policy = ScreenPolicy(shield_after_s=0.25, lock_after_s=0.5, logout_after_s=3600)
        session = StaffSession(StaffIdentity("bench", "試験 職員"), frozenset({"clerk"}),
                               frozenset({"move.draft"}), policy)

        class Unlock:
            def unlock(self, password: str) -> None:
                pass

        controller = shell.start_session(session, Unlock())
        page = shell.window.workspace("counter")
        assert page is not None and shell.personal_data is not None
        model = PersonalTableModel([("name", "氏名"), ("address", "住所"), ("birth", "生年月日")],
                                   shell.personal_data, parent=page)
        view = QTableView(page)
        view.setModel(model)
        page.layout().addWidget(view)  # type: ignore[union-attr]
        data = [{"name": f"試験 {i:05d}", "address": f"試験町{i % 50}-{i % 7}", "birth": "2000-01-01"}
                for i in range(rows)]
        stamps: dict[str, float] = {}
        shell.shield.shield_shown.connect(lambda: stamps.setdefault("shield", monotonic()))
        controller.session_locked.connect(lambda _: stamps.setdefault("lock", monotonic()))

        def wait_for(key: str) -> None:
            loop = QEventLoop()
            guard = QTimer()
            guard.setSingleShot(True)
            guard.timeout.connect(loop.quit)
            guard.start(5000)
            poll = QTimer()
            poll.timeout.connect(lambda: loop.quit() if key in stamps else None)
            poll.start(1)
            loop.exec()
            if key not in stamps:
                raise RuntimeError(f"no {key} within 5 s")

        shield_ms, lock_ms, dropped = [], [], []
        for _ in range(samples):
            model.set_rows(data)
            stamps.clear()
            controller.machine.user_activity()
            controller._arm()
            last_input = controller.machine.next_deadline()
            assert last_input is not None
            last_input -= policy.shield_after_s
            wait_for("shield")
            wait_for("lock")
            shield_ms.append((stamps["shield"] - (last_input + policy.shield_after_s)) * 1000)
            lock_ms.append((stamps["lock"] - (last_input + policy.lock_after_s)) * 1000)
            dropped.append(model.rowCount() == 0 and shell.window.current_page() == "lock")
            controller.unlock_succeeded()
        shell.shutdown()
        shell.window.close()

    def summary(values: list[float]) -> dict[str, float]:
        ordered = sorted(values)
        return {"p50_ms": round(statistics.median(ordered), 2),
                "p95_ms": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 2),
                "max_ms": round(ordered[-1], 2)}

    shield, lock = summary(shield_ms), summary(lock_ms)
    return {"samples": samples, "rows": rows, "shield": shield, "lock": lock,
            "data_dropped_every_time": all(dropped),
            "goal_met": shield["max_ms"] < 100 and lock["max_ms"] < 100}


def run(runs: int = 11, samples: int = 15) -> dict[str, Any]:
    import platform

    return {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "cold_start": cold_start(runs),
        "latency": shield_and_lock_latency(samples),
    }


def render_markdown(result: dict[str, Any]) -> str:
    cold, latency = result["cold_start"], result["latency"]
    yes = {True: "yes", False: "no"}
    return "\n".join([
        f"Measured on {result['machine']}, offscreen (QT_QPA_PLATFORM=offscreen); bytecode "
        f"cached, translations: {cold.get('translations', 'as found')}.",
        "",
        "| cold start to a shown window | median ms (of " + str(cold["runs"]) + ") | min ms |",
        "| --- | ---: | ---: |",
        f"| bare PySide6 window | {cold['bare_ms']:.1f} | {cold['bare_min_ms']:.1f} |",
        f"| terminal: login page shown (`ui.app.start`) | {cold['terminal_ms']:.1f} "
        f"| {cold['terminal_min_ms']:.1f} |",
        f"| terminal: registry client loaded, login can be sent | {cold['login_ready_ms']:.1f} | |",
        f"| ratio, page shown (goal < 2×) | {cold['ratio']:.2f}× — {yes[cold['goal_met']]} "
        f"| {cold['min_ratio']:.2f}× |",
        f"| ratio, login can be sent | {cold['login_ratio']:.2f}× | |",
        f"| terminal without bytecode cache (first start of a checkout) | {cold['uncached_ms']:.1f} "
        f"({cold['uncached_ratio']:.2f}×) | |",
        "",
        f"| from the idle deadline to … ({latency['samples']} samples, {latency['rows']} rows held) "
        "| p50 ms | p95 ms | max ms |",
        "| --- | ---: | ---: | ---: |",
        f"| shield painted | {latency['shield']['p50_ms']:.2f} | {latency['shield']['p95_ms']:.2f} "
        f"| {latency['shield']['max_ms']:.2f} |",
        f"| lock done (data dropped, unlock page shown) | {latency['lock']['p50_ms']:.2f} "
        f"| {latency['lock']['p95_ms']:.2f} | {latency['lock']['max_ms']:.2f} |",
        "",
        f"Goal under 100 ms: {yes[latency['goal_met']]}; data dropped at every lock: "
        f"{yes[latency['data_dropped_every_time']]}.",
    ])


if __name__ == "__main__":
    print(render_markdown(run()))
