"""The preview of a printed form: the pages, «Печать…», «Сохранить PDF…», «Закрыть».

The PDF lives in the private temporary directory of `job` and is deleted when the preview closes.
Printing draws each page as an image at the printer's resolution (at most ``MAX_PRINT_DPI``) on a
`QPrinter` chosen in `QPrintDialog`, so a printer never needs to understand PDF. The dialog opens on
the printer chosen in «Настройки» (when it is there; else the system's default) with two-sided
printing as chosen there (``PrintSetup``); the paper is A4, the forms' only size.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QSize, QSizeF, Qt, Slot
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.printing import write_atomically, write_error_ru

from .. import preferences
from ..common.styles import ERROR_STYLE, OK_COLOR
from ..widgets.files import remember_folder, start_folder
from .pages import PdfPages, QtPdfPages

log = logging.getLogger(__name__)

MAX_PRINT_DPI = 300  # an A4 page at 1200 dpi would be a 560 MB image; 300 dpi prints crisp text
PAGE_GAP = 12


def available_printers() -> list[str]:
    """The printers the system knows (may be none: then the print dialog offers a PDF file)."""
    return [str(name) for name in QPrinterInfo.availablePrinterNames()]


@dataclass(frozen=True)
class PrintSetup:
    """What the print dialog starts with, from «Настройки»: the printer ("" — the system's default)
    and two-sided printing, turned along the long edge for portrait forms and the short edge for
    landscape ones (the back of a page reads the right way up in both)."""

    printer_name: str
    duplex: QPrinter.DuplexMode


def print_setup(landscape: bool) -> PrintSetup:
    """The preferences for a document of that orientation; a printer chosen once and gone now (a
    USB printer unplugged) leaves the system's default."""
    prefs = preferences.load()
    name = prefs.printer if prefs.printer and prefs.printer in available_printers() else ""
    if prefs.printer and not name:
        log.info("the chosen printer is not there: the system's default is used")
    if not prefs.duplex:
        duplex = QPrinter.DuplexMode.DuplexNone
    else:
        duplex = QPrinter.DuplexMode.DuplexShortSide if landscape else QPrinter.DuplexMode.DuplexLongSide
    return PrintSetup(name, duplex)


class PageListView(QScrollArea):
    """The pages one under another, fit to the width; only the pages in sight are drawn (for
    pypdfium2, which has no view of its own). Placed by hand: a box layout of fixed-size labels
    kept their first heights and drew the pages over each other."""

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no width to and fro
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("pageListBody")
        body.setStyleSheet("#pageListBody { background: #7f8288; }")
        self.page_labels: list[QLabel] = []
        for _page in range(pages.page_count):
            label = QLabel(body)
            label.setStyleSheet("background: white;")
            self.page_labels.append(label)
        self.setWidget(body)
        self._drawn: dict[int, int] = {}  # page → the width it was drawn at
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._draw_visible())

    def page_width(self) -> int:
        return max(200, self.viewport().width() - 2 * PAGE_GAP)

    def _page_pixels(self, page: int, width: int) -> QSize:
        size = self.pages.page_size(page)
        return QSize(width, max(1, round(width * size.height() / max(size.width(), 1.0))))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_pages()

    def _place_pages(self) -> None:
        width = self.page_width()
        top = PAGE_GAP
        for page, label in enumerate(self.page_labels):
            size = self._page_pixels(page, width)
            label.setGeometry(PAGE_GAP, top, size.width(), size.height())
            top += size.height() + PAGE_GAP
        body = self.widget()
        if body is not None:
            body.resize(self.viewport().width(), top)
        self._draw_visible()

    def _draw_visible(self) -> None:
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        width = self.page_width()
        ratio = self.devicePixelRatioF()
        for page, label in enumerate(self.page_labels):
            geometry = label.geometry()
            if geometry.bottom() < top or geometry.top() > bottom or self._drawn.get(page) == width:
                continue
            pixels = self._page_pixels(page, round(width * ratio))
            pixmap = QPixmap.fromImage(self.pages.render(page, pixels))
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            self._drawn[page] = width

    def current_page(self) -> int:
        """The first page whose middle is below the top of the view (0-based)."""
        top = self.verticalScrollBar().value()
        for page, label in enumerate(self.page_labels):
            if label.geometry().center().y() >= top:
                return page
        return max(0, len(self.page_labels) - 1)


class PreviewDialog(QDialog):
    """Shows ``path`` (its pages open in ``pages``); closing it deletes the file."""

    def __init__(
        self,
        path: Path,
        pages: PdfPages,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.pages = pages
        self.title = title
        self.suggested_name = suggested_name
        self.printed_pages = 0
        self.print_setup: PrintSetup | None = None  # what the last «Печать…» started with
        self.setWindowTitle(self.tr("Предпросмотр: %1").replace("%1", title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)

        self.view: QWidget
        if isinstance(pages, QtPdfPages):
            from PySide6.QtPdfWidgets import QPdfView

            view = QPdfView(self)
            view.setDocument(pages.document)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            view.setPageSpacing(PAGE_GAP)
            self.view = view
        else:
            self.view = PageListView(pages, self)

        self.pages_label = QLabel(self.tr("Страниц: %1").replace("%1", str(self.page_count)))
        self.pages_label.setStyleSheet("color: #555;")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self.print_button = QPushButton(self.tr("Печать…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.save_button = QPushButton(self.tr("Сохранить PDF…"))
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.close_button = QPushButton(self.tr("Закрыть"))
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addWidget(self.message_label, 1)
        buttons.addStretch(1)  # the buttons keep their size while there is no message
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.view, 1)
        margins = QHBoxLayout()
        margins.setContentsMargins(10, 0, 10, 0)
        margins.addLayout(buttons)
        layout.addLayout(margins)
        self.finished.connect(self._release)
        self._size_to_screen()

    # --- what is shown ------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return self.pages.page_count

    def is_landscape(self, page: int = 0) -> bool:
        size = self.pages.page_size(page)
        return size.width() > size.height()

    def current_page(self) -> int:
        """The page in sight (0-based)."""
        if isinstance(self.view, PageListView):
            return self.view.current_page()
        return int(self.view.pageNavigator().currentPage())  # type: ignore[attr-defined]

    def _size_to_screen(self) -> None:
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
        wide = self.page_count > 0 and self.is_landscape()
        width = min(available.width() - 40, 1100 if wide else 860)
        self.resize(max(480, width), max(360, available.height() - 60))

    # --- «Печать…» ------------------------------------------------------------------------------

    def new_printer(self) -> QPrinter:
        """A printer set for this document: the printer and two-sided printing chosen in «Настройки»,
        A4, the orientation of its pages, its name."""
        setup = print_setup(self.is_landscape())
        self.print_setup = setup
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if setup.printer_name:
            printer.setPrinterName(setup.printer_name)  # first: choosing a printer resets its settings
        printer.setDocName(self.title)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if self.is_landscape() else QPageLayout.Orientation.Portrait
        )
        printer.setDuplex(setup.duplex)
        printer.setFullPage(True)  # the forms carry their own margins
        return printer

    @Slot()
    def on_print_button_clicked(self) -> None:
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Печать: %1").replace("%1", self.title))
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = self.chosen_pages(printer)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = self.print_pages(printer, pages)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if printed:
            self.show_message(self.tr("Отправлено на печать страниц: %1").replace("%1", str(printed)))
        else:
            self.show_message(self.tr("Принтер не принял задание: проверьте, что он включён и выбран."),
                              error=True)

    def chosen_pages(self, printer: QPrinter) -> list[int]:
        """The pages (0-based) chosen in the print dialog: all, a range or the page in sight."""
        every = list(range(self.page_count))
        chosen = printer.printRange()
        if chosen == QPrinter.PrintRange.CurrentPage:
            return [self.current_page()]
        if chosen == QPrinter.PrintRange.PageRange:
            ranges = printer.pageRanges()
            if not ranges.isEmpty():
                return [p for p in every if ranges.contains(p + 1)]
        return every

    def print_pages(self, printer: QPrinter, pages: list[int]) -> int:
        """Draw ``pages`` on ``printer``, each filling the paper with its own proportions kept;
        returns the pages printed (0: the printer could not start)."""
        painter = QPainter()
        if not pages or not painter.begin(printer):
            return 0
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            for position, page in enumerate(pages):
                if position:
                    printer.newPage()
                target = _fit(self.pages.page_size(page), painter.viewport())
                pixels = QSize(
                    max(1, round(self.pages.page_size(page).width() / 72 * dpi)),
                    max(1, round(self.pages.page_size(page).height() / 72 * dpi)),
                )
                image: QImage = self.pages.render(page, pixels)
                painter.drawImage(target, image)
        finally:
            painter.end()
        log.info("printed %s pages", len(pages))
        self.printed_pages += len(pages)
        return len(pages)

    # --- «Сохранить PDF…» -----------------------------------------------------------------------

    def default_save_path(self) -> str:
        """The suggested name in Documents (or where the last file was saved in this session)."""
        return str(start_folder() / self.suggested_name)

    @Slot()
    def on_save_button_clicked(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Сохранить PDF"), self.default_save_path(), self.tr("Документ PDF (*.pdf)")
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:  # as the CLI writes: whole or not at all (a file it replaces survives a failure), 0600
            write_atomically(target, self.path.read_bytes())
        except OSError as exc:
            log.info("saving a PDF failed: %s", type(exc).__name__)
            self.show_message(self.tr("Файл не сохранён: %1").replace("%1", write_error_ru(exc)), error=True)
            return None
        remember_folder(target)
        self.show_message(self.tr("Сохранено: %1").replace("%1", str(target)))
        return target

    def show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setToolTip(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else f"color: {OK_COLOR};")
        self.message_label.setVisible(bool(text))

    # --- closing --------------------------------------------------------------------------------

    @Slot()
    def _release(self) -> None:
        """The preview is closed: the pages and the temporary file go (a save has its own copy)."""
        self.pages.close()
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:  # Windows: still open somewhere; the directory goes at exit
            log.info("temporary PDF not deleted yet: %s", type(exc).__name__)


def _fit(page: QSizeF, area: QRect) -> QRect:
    """The largest rectangle of ``page``'s proportions centred in ``area``."""
    scale = min(area.width() / max(page.width(), 1.0), area.height() / max(page.height(), 1.0))
    width, height = round(page.width() * scale), round(page.height() * scale)
    return QRect(
        area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2, width, height
    )
