"""`madoguchi --self-check`: can this installation run? Headless, for CI and for IT staff.

    madoguchi --self-check [--settings FILE]

Offscreen, without a window and without touching the registry, it imports every module of
the terminal (app, ui, cardreader, printing), finds what the terminal reads at run time (Qt's
plugins, QtPdf, the translations, the certificate font, the settings), lists the card readers
and renders one specimen certificate to memory with the embedded font. Each check prints one
line; the exit status is 0 when all pass and 1 otherwise, with the code of what failed.

No PC/SC service is not a failure (a PC without a reader yet, CI): pyscard must import, that
is all the bundle is responsible for. In a frozen bundle it also proves what was left out
(the registry, tests, benchmarks and dev tools) is not there.

Written for IT staff and build logs, so in English with codes; nothing here is a clerk's text.
Nothing is written to disk: the certificate exists only as bytes in this process.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import pkgutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TextIO

PACKAGES: Final = ("app", "ui", "cardreader", "printing")
# What a bundle must not carry: the server side, the test and benchmark code, the dev tools.
LEFT_OUT: Final = ("registry", "tests", "bench", "pytest", "pytestqt", "hypothesis", "mypy",
                   "ruff", "PyInstaller", "fastapi", "uvicorn", "sqlalchemy", "alembic", "psycopg")
QT_PLUGIN_DIRS: Final = ("platforms", "printsupport", "imageformats")
# Source texts whose English translation proves the translation files were found and read.
PROBE_CONTEXT: Final = "MainWindow"
PROBE_SOURCE: Final = "窓口端末"


class CheckFailed(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Outcome:
    name: str
    ok: bool
    detail: str
    code: str = ""


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def root() -> Path:
    """The bundle's directory (PyInstaller's _MEIPASS) or the source tree."""
    if frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


class _Context:
    """What the checks share: the application object, created once."""

    def __init__(self, settings: Path | None) -> None:
        self.settings = settings
        self.app: Any = None

    def application(self) -> Any:
        if self.app is None:
            from PySide6.QtWidgets import QApplication

            from ui.qt_setup import pin_interpreter_singletons, prepare_qt_environment

            pin_interpreter_singletons()
            prepare_qt_environment()
            existing = QApplication.instance()
            self.app = existing if existing is not None else QApplication(["madoguchi"])
        return self.app


def check_imports(ctx: _Context) -> str:
    count = 0
    failed: list[str] = []
    for package in PACKAGES:
        try:
            module = importlib.import_module(package)
        except Exception as exc:
            raise CheckFailed("import_failed", f"{package}: {type(exc).__name__}: {exc}") from None
        count += 1
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if info.name.rsplit(".", 1)[-1] == "__main__":
                continue  # running, not importing, is what a __main__ is for
            try:
                importlib.import_module(info.name)
                count += 1
            except Exception as exc:
                failed.append(f"{info.name} ({type(exc).__name__}: {exc})")
    if failed:
        raise CheckFailed("import_failed", "; ".join(failed))
    if count < 2 * len(PACKAGES):
        # A bundle whose frozen importer cannot list its packages would pass vacuously.
        raise CheckFailed("import_failed", f"only {count} modules found under {', '.join(PACKAGES)}")
    return f"{count} modules of {', '.join(PACKAGES)}"


def check_left_out(ctx: _Context) -> str:
    if not frozen():
        return "source tree: not applicable"
    present = [name for name in LEFT_OUT if importlib.util.find_spec(name) is not None]
    if present:
        raise CheckFailed("bundle_not_lean", f"the bundle carries {', '.join(present)}")
    return f"none of {len(LEFT_OUT)} excluded packages present"


def check_qt(ctx: _Context) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QLibraryInfo, qVersion

    app = ctx.application()
    if app.platformName() != "offscreen":
        raise CheckFailed("qt_platform", f"platform {app.platformName()!r}, expected offscreen")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    missing = [d for d in QT_PLUGIN_DIRS if not (plugins / d).is_dir() or not any((plugins / d).iterdir())]
    if missing:
        raise CheckFailed("qt_plugins_missing", f"{plugins}: no {', '.join(missing)}")
    if not any("offscreen" in p.name for p in (plugins / "platforms").iterdir()):
        raise CheckFailed("qt_plugins_missing", f"{plugins / 'platforms'}: no offscreen plugin")
    formats = sorted(p.name for p in (plugins / "imageformats").iterdir())
    return (f"PySide6 {pyside_version}, Qt {qVersion()}, offscreen; plugins in {plugins}: "
            f"platforms, printsupport, imageformats ({len(formats)})")


def check_printing_support(ctx: _Context) -> str:
    ctx.application()
    from PySide6.QtPdf import QPdfDocument  # noqa: F401  (the preview)
    from PySide6.QtPdfWidgets import QPdfView  # noqa: F401
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    QPrinter()
    printers = QPrinterInfo.availablePrinterNames()
    default = QPrinterInfo.defaultPrinterName() or "none"
    return f"QtPdf, QtPrintSupport; {len(printers)} printer(s), default {default}"


def check_translations(ctx: _Context) -> str:
    from ui.i18n import LANGUAGES, TRANSLATIONS_DIR, _qm_if_current, install_translators

    app = ctx.application()
    found = []
    for language in LANGUAGES:
        installed = install_translators(app, language)
        try:
            if language != "ja":
                text = app.translate(PROBE_CONTEXT, PROBE_SOURCE)
                if text == PROBE_SOURCE:
                    raise CheckFailed("translations_missing",
                                      f"no {language} translation in {TRANSLATIONS_DIR}")
        finally:
            for translator in installed:
                app.removeTranslator(translator)
        kind = ".qm" if _qm_if_current(language) is not None else ".ts"
        found.append(f"{language} ({kind})")
    return f"{', '.join(found)} in {TRANSLATIONS_DIR}"


def check_font(ctx: _Context) -> str:
    from printing import fonts
    from printing.errors import FontNotFoundError

    try:
        path = fonts.locate()
        fonts.font()
    except FontNotFoundError as exc:
        raise CheckFailed("font_missing", str(exc)) from None
    if not all(fonts.has_glyph(ord(c)) for c in "住民票の写し"):
        raise CheckFailed("font_incomplete", f"{path} lacks the certificate's characters")
    return str(path)


def check_certificate(ctx: _Context) -> str:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    from printing import render
    from printing.specimen import certificate

    started = time.perf_counter()
    pdf = render(certificate(persons=2))
    elapsed_ms = (time.perf_counter() - started) * 1000
    # An embedded TrueType subset: the font program itself (FontFile2) and a subset's name.
    if not pdf.startswith(b"%PDF") or b"/FontFile2" not in pdf or b"+IPAex" not in pdf:
        raise CheckFailed("certificate_render", "the specimen is not a PDF with the embedded font")
    ctx.application()
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = document.pageCount()
    status = document.status()
    document.close()
    buffer.close()
    if pages < 1:
        raise CheckFailed("certificate_render", f"QtPdf cannot read the specimen ({status})")
    return f"specimen 住民票の写し: {len(pdf)} bytes, {pages} page(s), {elapsed_ms:.0f} ms, in memory"


def check_card_readers(ctx: _Context) -> str:
    try:
        from smartcard import scard  # noqa: F401  (the bundle must carry pyscard)
    except Exception as exc:
        raise CheckFailed("pyscard_missing", f"{type(exc).__name__}: {exc}") from None
    from cardreader.errors import CardError, PcscUnavailableError
    from cardreader.pcsc import PcscTransport

    transport = PcscTransport()
    try:
        readers = transport.list_readers()
    except PcscUnavailableError:
        return "no PC/SC service (pyscard loads; start pcscd / the Smart Card service to use a reader)"
    except CardError as exc:
        return f"PC/SC answers with an error: {type(exc).__name__}"
    finally:
        transport._drop_context()
    return f"{len(readers)} reader(s)" + (": " + ", ".join(readers) if readers else "")


def check_settings(ctx: _Context) -> str:
    from app.settings import REGISTRY_URL, SettingsError, SettingsStore
    from app.settings.paths import default_log_dir, settings_file

    path = ctx.settings or settings_file()
    try:
        store = SettingsStore.load(path)
    except SettingsError as exc:
        raise CheckFailed("settings_invalid", f"{exc} [{exc.code}]") from None
    state = "present" if path.exists() else "absent, defaults"
    url = store.get(REGISTRY_URL)
    shown = f", registry {url}" if url else ""
    return f"{path} ({state}{shown}); log in {default_log_dir()}"


def check_keyring(ctx: _Context) -> str:
    import keyring

    backend = keyring.get_keyring()
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


CHECKS: Final[tuple[tuple[str, Callable[[_Context], str]], ...]] = (
    ("imports", check_imports),
    ("left out", check_left_out),
    ("qt", check_qt),
    ("printing", check_printing_support),
    ("translations", check_translations),
    ("font", check_font),
    ("certificate", check_certificate),
    ("card readers", check_card_readers),
    ("settings", check_settings),
    ("keyring", check_keyring),
)


def run_checks(settings: Path | None = None) -> list[Outcome]:
    # Headless whatever the session: the check must behave the same on a build server.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    ctx = _Context(settings)
    outcomes = []
    for name, check in CHECKS:
        try:
            outcomes.append(Outcome(name, True, check(ctx)))
        except CheckFailed as exc:
            outcomes.append(Outcome(name, False, exc.message, exc.code))
        except Exception as exc:  # anything else is a failure of that check, not of the report
            outcomes.append(Outcome(name, False, f"{type(exc).__name__}: {exc}", "check_crashed"))
    return outcomes


def report(outcomes: list[Outcome], elapsed_s: float, out: TextIO) -> int:
    where = "bundle" if frozen() else "source tree"
    print(f"madoguchi self-check: {where} {root()}, Python {sys.version.split()[0]}, "
          f"{sys.platform}", file=out)
    width = max(len(o.name) for o in outcomes)
    for o in outcomes:
        mark = "ok  " if o.ok else "FAIL"
        code = "" if o.ok else f"[{o.code}] "
        print(f"{mark}  {o.name:<{width}}  {code}{o.detail}", file=out)
    failed = [o for o in outcomes if not o.ok]
    if failed:
        print(f"self-check FAILED ({', '.join(o.name for o in failed)}) in {elapsed_s:.1f} s",
              file=out)
        return 1
    print(f"self-check passed: {len(outcomes)} checks in {elapsed_s:.1f} s", file=out)
    return 0


def main(argv: list[str], out: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(prog="madoguchi --self-check",
                                     description="check this installation, headless")
    parser.add_argument("--self-check", action="store_true", required=True)
    parser.add_argument("--settings", type=Path, default=None, help="settings file to check")
    args, _rest = parser.parse_known_args(argv)
    started = time.perf_counter()
    outcomes = run_checks(args.settings)
    status = report(outcomes, time.perf_counter() - started, out)
    out.flush()
    return status
