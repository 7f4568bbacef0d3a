"""UI language: Russian is the source language; English comes from resources/i18n/*.qm."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("ru", "en")

_installed: list[QTranslator] = []


def chosen_language() -> str:
    """``PFDO_LANG`` (ru or en); Russian by default and for anything unknown."""
    value = os.environ.get("PFDO_LANG", "ru").strip().lower()[:2]
    return value if value in LANGUAGES else "ru"


def install_translator(app: QCoreApplication, language: str | None = None) -> str:
    """Install the UI and Qt's own translations for ``language``; returns the language used."""
    language = language or chosen_language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.English if language == "en" else QLocale.Language.Russian,
            QLocale.Country.UnitedKingdom if language == "en" else QLocale.Country.Russia,
        )
    )
    if language == "en":
        ours = QTranslator(app)
        if ours.load(str(I18N_DIR / "pfdo_desktop_en.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("English translation not found in %s; the UI stays Russian", I18N_DIR)
    else:
        qt = QTranslator(app)  # «Отмена», «Да» in Qt's standard dialogs
        if qt.load(
            QLocale(QLocale.Language.Russian),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qt)
            _installed.append(qt)
    return language
