"""Russian is the source language; the English .ts must cover every UI string."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "pfdo_desktop_en.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def _tool():
    spec = importlib.util.spec_from_file_location(
        "update_translations", TS.with_name("update_translations.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_english_ts_covers_every_ui_string(tmp_path):
    fresh = tmp_path / "fresh.ts"
    _tool().lupdate(fresh)
    wanted = _messages(fresh)
    assert len(wanted) > 50
    assert all(context for context, _source in wanted), "a string without a translation context"
    committed = _messages(TS)
    missing = sorted(key for key in wanted if key not in committed)
    assert not missing, f"run resources/i18n/update_translations.py and translate: {missing}"
    untranslated = sorted(
        key
        for key, message in committed.items()
        if key in wanted
        and (
            message.find("translation").get("type") in ("unfinished", "vanished")
            or not (message.findtext("translation") or "").strip()
        )
    )
    assert not untranslated, f"untranslated: {untranslated}"
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1, "compile the .ts (lrelease)"


def test_english_ui_when_asked(qtbot, qapp, monkeypatch):
    from pfdo_desktop.ui.i18n import chosen_language, install_translator
    from pfdo_desktop.ui.main_window import MainWindow

    monkeypatch.setenv("PFDO_LANG", "en")
    assert chosen_language() == "en"
    assert install_translator(qapp) == "en"
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.sync_action.text() == "⟳ Synchronise"
    assert window.issues_action.text() == "Needs attention: 0"
    assert window.groups_panel.model.headerData(0, Qt.Orientation.Horizontal) == "Group"

    monkeypatch.setenv("PFDO_LANG", "xx")
    assert chosen_language() == "ru"
    install_translator(qapp)
    russian = MainWindow(demo=True)
    qtbot.addWidget(russian)
    assert russian.sync_action.text() == "⟳ Синхронизировать"
    assert russian.windowTitle() == "PFDO Desktop (демо)"
