"""«О программе» (Справка → О программе, issue 14): the version, the database's version, the portal
and this PC's device id, the data folder, and the licences of the bundled fonts and libraries —
what a support call asks first."""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from pfdo_desktop import __version__

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

# What the app bundles and under which licence (the fonts are embedded in every printed PDF).
LICENCES = (
    ("PT Serif, PT Sans (ParaType)", "", "SIL Open Font License 1.1"),
    ("Qt, PySide6", "PySide6-Essentials", "LGPL 3"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("ReportLab", "reportlab", "BSD"),
    ("openpyxl", "openpyxl", "MIT"),
    ("httpx", "httpx", "BSD"),
    ("pydantic", "pydantic", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("num2words", "num2words", "LGPL 2.1"),
    ("pytrovich", "pytrovich", "Apache 2.0"),
)


def _version(package: str) -> str:
    if not package:
        return ""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def about_rows(workspace: Workspace | None) -> list[tuple[str, str]]:
    """(what, value) lines of the dialog (also what a test reads)."""
    translate = QCoreApplication.translate
    rows = [("PFDO Desktop", __version__)]
    if workspace is not None:
        device = workspace.device()
        rows += [
            (translate("AboutDialog", "База данных"), workspace.schema_version() or "—"),
            (translate("AboutDialog", "Портал"),
             device.portal_url or translate("AboutDialog", "не подключён")),
            (translate("AboutDialog", "Организация"), device.provider_name or "—"),
            (translate("AboutDialog", "Номер компьютера на портале"), device.device_id or "—"),
            (translate("AboutDialog", "Папка данных"), str(workspace.data_dir)),
        ]
    return rows


class AboutDialog(QDialog):
    def __init__(self, workspace: Workspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("О программе"))
        self.rows = about_rows(workspace)
        head = "".join(f"<tr><td><b>{what}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>"
                       for what, value in self.rows)
        libs = "".join(f"<tr><td>{name}&nbsp;&nbsp;</td><td>{_version(package)}&nbsp;&nbsp;</td>"
                       f"<td>{licence}</td></tr>" for name, package, licence in LICENCES)
        what = self.tr("Рабочее место организации дополнительного образования в системе ПФДО: журнал, "
                       "заявки, оплата — без интернета.")
        fonts = self.tr("Шрифты и библиотеки")
        self.label = QTextBrowser()  # selectable, and it scrolls when the list is longer than the window
        self.label.setHtml(f"<table>{head}</table><p>{what}</p><p><b>{fonts}</b></p><table>{libs}</table>")
        self.label.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.resize(600, 560)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)


__all__ = ["LICENCES", "AboutDialog", "about_rows"]
