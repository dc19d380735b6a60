"""Keystrokes and time for a clerk at the 窓口: a one-person 転居 (after the search) and a
four-person 転入 (from an empty screen), typed into the real widgets (offscreen) of the counter
workspace against a real registry seeded with a synthetic city.

The clerk is bench/clerk_keyboard.py (what counts as a keystroke, Japanese through a romaji
IME), typing bench/clerk_scripts.py's scripts for bench/clerk_subjects.py's people and places.

The baseline is the same notice made by the API calls the screens make (draft, commit),
without the screens: the ratio is what the keyboard-driven UI adds on this machine. The wall
time of the scripted run is the machine's: a clerk's own typing and reading come on top.

`python -m bench keystrokes` runs it; tests/ui_counter/test_keystrokes.py drives the same
scripts and holds the 転居 under 40 keystrokes.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from app.domain import clock
from bench.clerk_keyboard import Keyboard, wait_until
from bench.clerk_scripts import search_and_open, tenkyo, tennyu
from bench.clerk_subjects import (
    PREVIOUS,
    destination,
    movers_living_alone,
    newcomer_body,
    newcomers,
)

GOAL_TENKYO = 40


@dataclass
class Measure:
    keystrokes: int
    seconds: float
    log: list[str]


def _workspace(api: Any) -> tuple[Any, Any, Any]:
    from app.session.personal_data import ClearPhase, PersonalDataRegistry
    from ui.counter.workspace import CounterServices, CounterWorkspace
    from ui.operations import OperationRunner

    personal = PersonalDataRegistry()
    runner = OperationRunner()
    personal.register(runner, ClearPhase.IN_FLIGHT)
    workspace = CounterWorkspace(CounterServices(api, runner, personal, can_view_number=False))
    workspace.resize(1200, 800)
    workspace.show()
    workspace.activateWindow()
    wait_until(lambda: bool(workspace.moves.flow.specs))
    workspace.show_search()
    return workspace, runner, personal


def run(residents: int = 3000, rounds: int = 3) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.registry_api import RegistryApi
    from app.registry_client import ClientConfig, RegistryClient
    from bench import register
    from registry.db import make_engine
    from tests.support.registry_process import PASSWORD, RegistryProcess

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="bench-keystrokes-"))
    made = register.fresh(work, "sqlite", residents, None, "keystrokes", seed=5)
    server = RegistryProcess(state=made.state, db_url=made.db_url)
    server.start()
    engine = make_engine(made.db_url)
    client = RegistryClient(ClientConfig(
        base_url=server.base_url, ca_file=server.ca_cert,
        client_cert=server.terminal_dir / "terminal.pem",
        client_key=server.terminal_dir / "terminal-key.pem", timeout_s=30, retries=1, backoff_s=0.1))
    try:
        client.login("t-clerk", PASSWORD)
        api = RegistryApi(client)
        rng = random.Random(17)
        today = clock.today()
        move_date = today - timedelta(days=3)
        movers = movers_living_alone(engine, 2 * rounds)
        results: dict[str, list[Measure]] = {"search": [], "tenkyo": [], "tennyu": []}
        baseline: dict[str, list[float]] = {"tenkyo": [], "tennyu": []}
        for r in range(rounds):
            # The UI: one fresh workspace per notice, as after a login.
            mover, town = movers[2 * r]
            to, _ = destination(engine, town, f"{r + 1}-{r + 2}")
            workspace, runner, _ = _workspace(api)
            search_kb, kb = Keyboard(), Keyboard()
            t0 = time.perf_counter()
            search_and_open(workspace, search_kb, mover)
            t1 = time.perf_counter()
            tenkyo(workspace, kb, move_date, to)
            t2 = time.perf_counter()
            results["search"].append(Measure(search_kb.count, t1 - t0, search_kb.log))
            results["tenkyo"].append(Measure(kb.count, t2 - t1, kb.log))
            workspace.close()
            workspace.deleteLater()
            runner.shutdown()

            workspace, runner, _ = _workspace(api)
            kb = Keyboard()
            persons = newcomers(rng, today)
            to, town_code = destination(engine, "", f"{r + 10}-1")
            t0 = time.perf_counter()
            tennyu(workspace, kb, persons, move_date, to, PREVIOUS)
            results["tennyu"].append(Measure(kb.count, time.perf_counter() - t0, kb.log))
            workspace.close()
            workspace.deleteLater()
            runner.shutdown()
            app.processEvents()

            # The baseline: the same notices through the API alone.
            other, other_town = movers[2 * r + 1]
            _, code = destination(engine, other_town, "")
            body = {"kind": "tenkyo", "notified_on": today.isoformat(), "move_date": move_date.isoformat(),
                    "address": {"town_code": code, "address_detail": f"{r + 1}-9"},
                    "household": {"mode": "same"}, "persons": [{"id": other.atena}]}
            t0 = time.perf_counter()
            review = api.create_move(body, idempotency_key=os.urandom(16).hex())
            api.commit_move(review.id, idempotency_key=os.urandom(16).hex())
            baseline["tenkyo"].append(time.perf_counter() - t0)
            body = newcomer_body(newcomers(rng, today), move_date, town_code, f"{r + 20}-1")
            t0 = time.perf_counter()
            review = api.create_move(body, idempotency_key=os.urandom(16).hex())
            api.commit_move(review.id, idempotency_key=os.urandom(16).hex())
            baseline["tennyu"].append(time.perf_counter() - t0)
        client.logout()
    finally:
        client.close()
        engine.dispose()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    def median(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[len(ordered) // 2]

    out: dict[str, Any] = {"residents": residents, "rounds": rounds, "date": today.isoformat()}
    for name, measures in results.items():
        counts = sorted(m.keystrokes for m in measures)
        out[name] = {
            "keystrokes": measures[0].keystrokes,
            "keystrokes_min": counts[0],
            "keystrokes_max": counts[-1],
            "seconds_median": median([m.seconds for m in measures]),
            "log": measures[0].log,
        }
    for name, seconds in baseline.items():
        out[name]["api_seconds_median"] = median(seconds)
        out[name]["ui_over_api"] = out[name]["seconds_median"] / median(seconds)
    print(f"[keystrokes] 転居 {out['tenkyo']['keystrokes']} keys, 転入 {out['tennyu']['keystrokes']} keys",
          file=sys.stderr)
    return out


def _keys(row: dict[str, Any]) -> str:
    low, high = row.get("keystrokes_min", row["keystrokes"]), row.get("keystrokes_max", row["keystrokes"])
    return str(low) if low == high else f"{low}–{high}"


def render_markdown(data: dict[str, Any]) -> str:
    from bench.report import machine

    tenkyo_keys = data["tenkyo"].get("keystrokes_max", data["tenkyo"]["keystrokes"])
    lines = [
        f"Measured {data['date']} on {machine()}; registry on SQLite with {data['residents']:,} "
        f"residents; median of {data['rounds']} rounds.",
        "",
        "| notice | keystrokes | scripted wall time s | same notice by API only s | UI/API |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| search and open the record (F6 … Enter) | {_keys(data['search'])} | "
        f"{data['search']['seconds_median']:.2f} | — | — |",
    ]
    for name, title in (("tenkyo", "one-person 転居, after the search"),
                        ("tennyu", "four-person 転入, from an empty screen")):
        d = data[name]
        lines.append(f"| {title} | {_keys(d)} | {d['seconds_median']:.2f} | "
                     f"{d['api_seconds_median']:.3f} | {d['ui_over_api']:.1f} |")
    lines += [
        "",
        f"Goal: a 転居 in under {GOAL_TENKYO} keystrokes after the search: "
        f"{'met' if tenkyo_keys < GOAL_TENKYO else 'not met'} ({tenkyo_keys}).",
        "",
        "The 転居's keys: " + ", ".join(data["tenkyo"]["log"]) + ".",
    ]
    return "\n".join(lines)
