"""«Экспорт в Excel…» on the journal, children, applications and programmes screens (issue 13): ask
where to save (Qt's save dialog, opening where the last file went), write the XLSX off the UI thread
(``QueryOp``: a 100 k-row list takes seconds) and say how it went on the screen's message line.
The file is written by a `Workspace.export_…` method; this module only asks and tells."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QPushButton, QWidget

from ..errors import error_code, expected_message
from ..tasks import QueryOp
from ..widgets.files import remember_folder, start_folder

log = logging.getLogger(__name__)

def export_button(parent: QWidget) -> QPushButton:
    """The screens' «Экспорт в Excel…» button."""
    button = QPushButton(QCoreApplication.translate("ExportToExcel", "Экспорт в Excel…"), parent)
    button.setToolTip(QCoreApplication.translate(
        "ExportToExcel", "Сохранить то, что показано на экране, в файл Excel (.xlsx)"))
    return button


def ask_xlsx_path(parent: QWidget, title: str, name: str) -> Path | None:
    """The file the operator chose for ``name`` (with «.xlsx» added when typed without it), or None."""
    kinds = QCoreApplication.translate("ExportToExcel", "Книга Excel (*.xlsx)")
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(start_folder() / name), kinds)
    if not path:
        return None
    remember_folder(path)
    out = Path(path)
    return out if out.suffix.lower() == ".xlsx" else out.with_name(out.name + ".xlsx")


def safe_file_name(*parts: str) -> str:
    """«Журнал Футбол 1А 2026-11.xlsx»: the parts joined, without characters a file name may not hold."""
    name = " ".join(p for p in parts if p)
    for bad in '<>:"/\\|?*':
        name = name.replace(bad, " ")
    return " ".join(name.split()) + ".xlsx"


def run_export(parent: QWidget, write: Callable[[], int], out: Path, done_text: Callable[[int], str],
               tell: Callable[[str, bool], None], button: QAbstractButton | None = None) -> None:
    """Write ``out`` with ``write`` in the background; ``tell(text, error)`` says «Сохранено: …»
    (``done_text(count)``) or why not. ``button`` is disabled meanwhile (one export at a time)."""
    if button is not None:
        button.setEnabled(False)
    tell(QCoreApplication.translate("ExportToExcel", "Сохраняю %1…").replace("%1", out.name), False)

    def finish() -> None:
        if button is not None:
            button.setEnabled(True)

    def done(count: int) -> None:
        finish()
        log.info("exported to XLSX: %d", count)
        text = QCoreApplication.translate("ExportToExcel", "Сохранено: %1 (%2)")
        tell(text.replace("%1", str(out)).replace("%2", done_text(count)), False)

    def failed(exc: BaseException) -> None:
        finish()
        if isinstance(exc, OSError):
            text = QCoreApplication.translate("ExportToExcel", "Не удалось сохранить %1: %2")
            from pfdo_desktop.printing import write_error_ru  # ReportLab's package: loaded on use

            tell(text.replace("%1", str(out)).replace("%2", write_error_ru(exc)), True)
            return
        message = expected_message(exc)
        if message is None:
            text = QCoreApplication.translate("ExportToExcel", "Файл не сохранён из-за внутренней ошибки.")
            tell(text, True)
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        log.info("export refused: %s", error_code(exc))
        tell(message, True)

    QueryOp(parent, write, done).failure(failed).run_in_background()
