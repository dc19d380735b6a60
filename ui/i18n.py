"""Translations through Qt: Japanese source text in the code, English in madoguchi_en.ts.

Every string a clerk reads goes through `translate("Context", "日本語")` (QCoreApplication's),
with literal arguments so that pyside6-lupdate finds it; values are put in with `.replace()`
or `%n` afterwards, never with f-strings inside the translated text.

At run time a compiled `.qm` beside the `.ts` is used if it is current (pyside6-lrelease,
`python -m ui.i18n build`); otherwise the `.ts` itself is read by TsTranslator, so a checkout
works without a build step.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

TRANSLATIONS_DIR: Final = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES: Final = ("ja", "en")
SOURCE_DIRS: Final = ("ui",)


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"madoguchi_{language}.ts"


class TsTranslator(QTranslator):
    """A translator read straight from a Qt Linguist .ts file (finished messages only)."""

    def __init__(self, path: Path, language: str) -> None:
        super().__init__()
        self._language = language
        self._messages: dict[tuple[str, str, str], list[str]] = {}
        import xml.etree.ElementTree as ET  # the usual name; loaded on use

        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                comment = message.findtext("comment") or ""
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                    continue
                forms = [f.text or "" for f in translation.iter("numerusform")]
                if not forms:
                    forms = [translation.text or ""]
                if any(forms):
                    self._messages[(name, source, comment)] = forms

    def __len__(self) -> int:
        return len(self._messages)

    def isEmpty(self) -> bool:  # Qt's name
        return not self._messages

    def language(self) -> str:
        return self._language

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        forms = self._messages.get((context, source, disambiguation or ""))
        if not forms:
            return ""  # Qt then falls back to the source text
        if len(forms) > 1 and n >= 0:
            # English has two forms (one, other); Japanese one. Enough for these two languages.
            return forms[0] if n == 1 else forms[min(1, len(forms) - 1)]
        return forms[0]


def _qm_if_current(language: str) -> Path | None:
    ts, qm = ts_path(language), ts_path(language).with_suffix(".qm")
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    return None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the terminal's and Qt's own translators for `language`; keep the returned list
    alive as long as the application runs (Qt does not own translators)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    installed: list[QTranslator] = []
    qt_own = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    qm = _qm_if_current(language)
    ours: QTranslator | None = None
    if qm is not None:
        ours = QTranslator()
        if not ours.load(str(qm)):
            ours = None
    if ours is None and ts_path(language).exists():
        ours = TsTranslator(ts_path(language), language)
    if ours is not None:
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation found: language=%s", language)
    return installed


def _tool(name: str) -> str:
    import shutil

    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def update_ts(repo: Path) -> None:
    """Refresh both .ts files from the sources (keeps existing translations)."""
    import subprocess

    sources = [str(p) for d in SOURCE_DIRS for p in sorted((repo / d).rglob("*.py"))]
    for language in LANGUAGES:
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-source-language", "ja",
                        "-target-language", language, "-no-obsolete", "-ts", str(ts_path(language))],
                       check=True, cwd=repo)


def build_qm() -> None:
    import subprocess

    for language in LANGUAGES:
        ts = ts_path(language)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command == "update":
        update_ts(Path(__file__).resolve().parent.parent)
    elif command == "build":
        build_qm()
    else:
        sys.exit("usage: python -m ui.i18n [update|build]")
