"""Translations through Qt: Japanese source text in the code, English in madoguchi_en.ts.

Every string a clerk reads goes through `translate("Context", "日本語")` (QCoreApplication's),
with literal arguments so that pyside6-lupdate finds it; values are put in with `.replace()`
or `%n` afterwards, never with f-strings inside the translated text.

At run time a compiled `.qm` beside the `.ts` is used if it is current (pyside6-lrelease,
`python -m ui.i18n build`); otherwise the `.ts` itself is read by TsTranslator, so a checkout
works without a build step.

The language can change while the terminal runs (on the login page: ui/login/language.py):
`switch_language` swaps the translators, and every widget that keeps texts sets them again in
its `changeEvent` on QEvent.LanguageChange (a `retranslate()` method). Pages built per session
need not: they are built in the language in force at the login.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QTranslator

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
    ) -> str | None:
        forms = self._messages.get((context, source, disambiguation or ""))
        if not forms:
            # A null QString: Qt then falls back to the source text ("" would be shown as blank).
            return None
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


def switch_language(
    app: QCoreApplication, language: str, current_translators: Sequence[QTranslator]
) -> list[QTranslator]:
    """Swap the installed translators for `language`'s; returns the new list (keep it alive).

    Each install and removal posts a LanguageChange to every widget; they are delivered here,
    before returning, so that every widget's `changeEvent` has retranslated it by then (one
    event per widget: Qt compresses the posted ones)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    for translator in current_translators:
        app.removeTranslator(translator)
    installed = install_translators(app, language)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
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
        plurals = _plural_forms(ts_path(language))
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-source-language", "ja",
                        "-target-language", language, "-no-obsolete", "-ts", str(ts_path(language))],
                       check=True, cwd=repo)
        _restore_plurals(ts_path(language), language, plurals)


def _plural_forms(path: Path) -> dict[tuple[str, str], list[str]]:
    import xml.etree.ElementTree as ET

    if not path.exists():
        return {}
    forms: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            texts = [f.text or "" for f in message.iter("numerusform")]
            if message.get("numerus") == "yes" and all(texts) and texts:
                forms[(context.findtext("name", ""), message.findtext("source", ""))] = texts
    return forms


def _restore_plurals(path: Path, language: str,
                     before: dict[tuple[str, str], list[str]]) -> None:
    """lupdate does not see the count in a Python `translate(context, text, None, n)` call:
    it turns a %n message into a plain one marked unfinished. Make every %n message plural
    again, with the forms it had before (Japanese has one form, English two)."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if "%n" not in source or message.get("numerus") == "yes" or translation is None:
                continue
            text = (translation.text or "").strip()
            forms = before.get((name, source)) or (
                [source] if language == "ja" else [text, text] if text else [])
            message.set("numerus", "yes")
            translation.text = None
            if forms:
                translation.attrib.pop("type", None)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
    _write_ts(tree, path)


def _write_ts(tree: object, path: Path) -> None:
    import xml.etree.ElementTree as ET

    assert isinstance(tree, ET.ElementTree)
    ET.indent(tree, "    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def build_qm() -> None:
    import subprocess

    for language in LANGUAGES:
        ts = ts_path(language)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


def fill_ts(table: Path) -> int:
    """Set translations from a tab-separated table `context<TAB>Japanese source<TAB>English`
    (`\\n` for a line break): Japanese gets its source, English the third column; a %n
    string gets the same English for both plural forms unless the column holds `one|many`.
    Run after `update` (lupdate then rewrites the files in its own layout); returns how many
    English messages were filled."""
    import xml.etree.ElementTree as ET

    rows: dict[tuple[str, str], str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, text, english = (part.replace("\\n", "\n") for part in line.split("\t", 2))
        rows[(name, text)] = english
    filled = 0
    for language in LANGUAGES:
        path = ts_path(language)
        tree = ET.parse(path)
        for context in tree.getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source", "")
                if (name, source) not in rows:
                    continue
                text = source if language == "ja" else rows[(name, source)]
                old = message.find("translation")
                if old is not None:
                    message.remove(old)
                translation = ET.SubElement(message, "translation")
                if message.get("numerus") == "yes" or "%n" in source:
                    message.set("numerus", "yes")  # lupdate may not have seen the count
                    forms = [text] if language == "ja" else (
                        text.split("|", 1) if "|" in text else [text, text])
                    for form in forms:
                        ET.SubElement(translation, "numerusform").text = form
                else:
                    translation.text = text
                filled += language == "en"
        _write_ts(tree, path)
    return filled


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command == "update":
        update_ts(Path(__file__).resolve().parent.parent)
    elif command == "build":
        build_qm()
    elif command == "fill" and len(sys.argv) > 2:
        print(sum(fill_ts(Path(p)) for p in sys.argv[2:]), "messages filled")
        update_ts(Path(__file__).resolve().parent.parent)
    else:
        sys.exit("usage: python -m ui.i18n [update|build|fill TABLE.tsv ...]")
