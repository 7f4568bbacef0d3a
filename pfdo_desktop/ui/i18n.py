"""UI language: Russian is the source language; English comes from resources/i18n/*.qm."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

def _i18n_dir() -> Path:
    """Where the .qm files are: inside the package in a wheel install
    (``pfdo_desktop/resources/i18n``, setup.py puts them there), beside it in a checkout and in
    the PyInstaller build (``resources/i18n``)."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[1] / "resources" / "i18n", here.parents[2] / "resources" / "i18n"):
        if (candidate / "pfdo_desktop_en.qm").is_file():
            return candidate
    return here.parents[2] / "resources" / "i18n"


I18N_DIR = _i18n_dir()
LANGUAGES = ("ru", "en")

_installed: list[QTranslator] = []

# Qt's own strings that Qt's qtbase_ru.qm (PySide6 6.11) does not translate: the file dialog's
# labels gained mnemonics («&Look in:», «Files of &type:») after its Russian file was last updated,
# so the non-native QFileDialog (Linux without a desktop) showed them in English beside Russian
# buttons. Checked by tests/ui/test_i18n.py against a live QFileDialog.
QT_GAPS_RU: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Папка:",
    ("QFileDialog", "Files of &type:"): "&Тип файлов:",
    ("QAbstractFileIconProvider", "Folder"): "Папка",
    ("QAbstractFileIconProvider", "Drive"): "Диск",
}


class QtGapsTranslator(QTranslator):
    """Translates only ``QT_GAPS_RU``; anything else is left to the other translators (None)."""

    def __init__(self, table: dict[tuple[str, str], str], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.table = table

    def translate(  # type: ignore[override]
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": an empty string would be taken as the translation of every other text
        return self.table.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def chosen_language() -> str:
    """``PFDO_LANG`` (ru or en) when set, else the language chosen in «Настройки»
    (``preferences``); Russian by default and for anything unknown."""
    from . import preferences

    value = os.environ.get("PFDO_LANG", "").strip().lower()[:2] or preferences.load().language
    return value if value in LANGUAGES else "ru"


def install_translator(app: QCoreApplication, language: str | None = None, *,
                       gaps_later: bool = False) -> str:
    """Install the UI and Qt's own translations for ``language``; returns the language used.

    ``gaps_later`` (the start): what qtbase_ru lacks is installed by ``install_qt_gaps`` once the
    window's first frame is up — it is a Python translator, asked for every text of the window
    (≈ 12 ms more before the first frame, the first call making Qt's enums), and only Qt's own
    dialogs need it."""
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
        # qtbase_ru, not qt_ru: qt_ru.qm is a catalogue of qtbase_ru, qtmultimedia_ru, … and does
        # not load when one is missing (PySide6-Essentials ships no qtmultimedia).
        qt = QTranslator(app)  # «Отмена», «Да», the file dialog in Qt's standard dialogs
        if qt.load(
            QLocale(QLocale.Language.Russian),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qt)
            _installed.append(qt)
        else:
            log.warning("Qt's Russian translation (qtbase_ru.qm) not found; Qt's dialogs stay English")
        if not gaps_later:
            install_qt_gaps(app)
    return language


def install_qt_gaps(app: QCoreApplication) -> None:
    """The translations of Qt's own strings that qtbase_ru lacks (``QT_GAPS_RU``), when the UI is
    Russian and they are not installed yet."""
    if QLocale().language() != QLocale.Language.Russian or any(
            isinstance(t, QtGapsTranslator) for t in _installed):
        return
    gaps = QtGapsTranslator(QT_GAPS_RU, app)
    app.installTranslator(gaps)
    _installed.append(gaps)
