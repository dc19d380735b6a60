"""`python -m docs.screenshots [--only NAME ...] [--out DIR]`: render every scene of the modules
in SCENE_MODULES offscreen, in Japanese, against a real registry seeded with the tests'
synthetic city (the counter tests' registry: 300 residents, seed 23), and save one PNG per
scene plus an index (README.md) in docs/screenshots/.

To add a workflow's screens: write docs/screenshots/<workflow>.py with `SCENES: list[Scene]`
(docs/screenshots/stage.py: a name, a Japanese caption, and a function that drives the screen
into its state on the Stage and returns the widget to capture), and add the module here.
Every scene starts from fresh widgets; the registry is shared (a scene may commit moves)."""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docs.screenshots.stage import Scene

SCENE_MODULES = [
    "docs.screenshots.counter",
    "docs.screenshots.certificates",
    "docs.screenshots.identity",
    "docs.screenshots.carddesk",
]
OUT = Path(__file__).resolve().parent
RESIDENTS = 300  # as tests/ui_counter/conftest.py's move registry
SEED = 23


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m docs.screenshots")
    parser.add_argument("--only", nargs="*", default=None, help="scene names to render")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    from app.registry_api import RegistryApi
    from app.registry_client import ClientConfig, RegistryClient
    from docs.screenshots.stage import Stage
    from registry.db import make_engine
    from tests.support.registry_process import PASSWORD, RegistryProcess, run_cli

    scenes: list[Scene] = []
    for name in SCENE_MODULES:
        scenes += importlib.import_module(name).SCENES
    if args.only:
        unknown = set(args.only) - {s.name for s in scenes}
        if unknown:
            parser.error(f"unknown scene: {', '.join(sorted(unknown))}")
        scenes = [s for s in scenes if s.name in args.only]

    app = QApplication.instance() or QApplication(["screenshots"])
    assert isinstance(app, QApplication)
    # The source strings are the Japanese UI: only Qt's own strings need a translator (the
    # terminal's ja catalogue would blank strings it does not list yet).
    qt_own = QTranslator(app)
    if qt_own.load("qtbase_ja", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    for family in ("IPAexGothic", "Noto Sans CJK JP", "IPAGothic"):
        if family in QFontDatabase.families():
            app.setFont(QFont(family, 10))
            break
    state = Path(tempfile.mkdtemp(prefix="screenshots-registry-"))
    db_url = f"sqlite+pysqlite:///{state / 'registry.sqlite3'}"
    run_cli(state, db_url, "init")
    run_cli(state, db_url, "seed", "--residents", str(RESIDENTS), "--seed", str(SEED))
    server = RegistryProcess(state=state, db_url=db_url)
    server.start()
    engine = make_engine(db_url)
    client = RegistryClient(ClientConfig(
        base_url=server.base_url, ca_file=server.ca_cert,
        client_cert=server.terminal_dir / "terminal.pem",
        client_key=server.terminal_dir / "terminal-key.pem", timeout_s=30, retries=1, backoff_s=0.1))
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        client.login("t-clerk", PASSWORD)
        stage = Stage(server, engine, RegistryApi(client), client)
        for scene in scenes:
            widget = scene.render(stage)
            stage.settle(300)
            path = args.out / f"{scene.name}.png"
            if not widget.grab().save(str(path)):
                raise RuntimeError(f"could not save {path}")
            print(f"{path}", file=sys.stderr)
            stage.close_all()
        stage.runner.shutdown()
        client.logout()
    finally:
        client.close()
        engine.dispose()
        server.stop()
        shutil.rmtree(state, ignore_errors=True)
    if not args.only:
        _index(args.out, scenes)
    return 0


def _index(out: Path, scenes: list[Scene]) -> None:
    lines = [
        "# Screenshots",
        "",
        "Rendered by `python -m docs.screenshots` (offscreen, Japanese UI) from the tests' synthetic",
        "city against a real registry; no real person appears. Regenerate after a screen changes.",
        "",
    ]
    for scene in scenes:
        lines += [f"## {scene.title}", "", f"![{scene.title}]({scene.name}.png)", ""]
    (out / "README.md").write_text("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
