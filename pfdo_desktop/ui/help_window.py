"""«Справка → Руководство» (F1): the user guide in a window, and the same guide as one PDF.

The guide is Markdown with screenshots (``docs/user-guide``: ``README.md`` is the contents, one file
a chapter, ``img/*.png`` made by the test suite from the real screens). The window lists the chapters
on the left in the order the contents link them and shows the chosen one on the right in a
``QTextBrowser`` (Qt renders the Markdown and the images itself); a link to another chapter opens it,
a web link opens in the browser. It opens at the chapter of the screen the operator is on (``TOPICS``).

``write_guide_pdf`` lays the contents and every chapter out on A4 pages (``QTextDocument`` over
``QPdfWriter``, PT Sans): real text, each chapter from a new page, the pictures fitted to the page
(``pfdo-desktop guide --pdf ФАЙЛ``).

Where the guide is: inside the package in a wheel install and in the PyInstaller build
(``pfdo_desktop/resources/user-guide``: setup.py and packaging/pfdo.spec put it there), in the
checkout's ``docs/user-guide`` otherwise.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

INDEX = "README.md"
# The chapter about a screen or a dialog (``MainWindow.on_guide_action_triggered`` names the tab shown;
# a dialog may open its chapter with ``show_guide(self, "backups")``).
TOPICS = {
    "journal": "journal.md",
    "children": "enrolment.md",
    "applications": "enrolment.md",
    "programs": "programs.md",
    "payment": "month.md",
    "first-run": "first-connection.md",
    "offline": "offline.md",
    "backups": "backups.md",
}
PDF_IMAGE_WIDTH = 620  # px at 96 dpi: the A4 text width between 2 cm margins is ≈ 640
_CHAPTER_LINK = re.compile(r"\]\(([\w.-]+\.md)(#[\w-]*)?\)")
_LINK_TO_CHAPTER = re.compile(r"\[([^\]]+)\]\([\w.-]+\.md(#[\w-]*)?\)")


def _guide_dir() -> Path:
    """Inside the package (a wheel install, the PyInstaller build), else the checkout's docs."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[1] / "resources" / "user-guide", here.parents[2] / "docs" / "user-guide"):
        if (candidate / INDEX).is_file():
            return candidate
    return here.parents[2] / "docs" / "user-guide"


GUIDE_DIR = _guide_dir()


@dataclass(frozen=True)
class Chapter:
    file: str  # the Markdown file's name in the guide's folder
    title: str  # its first «# …» heading


def title_of(markdown: str, default: str = "") -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return default


def chapters(folder: Path | None = None) -> list[Chapter]:
    """The contents (``README.md``), then the chapters in the order the contents link them."""
    folder = folder or GUIDE_DIR
    index = (folder / INDEX).read_text(encoding="utf-8")
    found = [Chapter(INDEX, title_of(index, "Содержание"))]
    seen = {INDEX}
    for name, _anchor in _CHAPTER_LINK.findall(index):
        if name in seen or not (folder / name).is_file():
            continue
        seen.add(name)
        found.append(Chapter(name, title_of((folder / name).read_text(encoding="utf-8"), name)))
    return found


# --- the window -----------------------------------------------------------------------------------


class GuideBrowser(QTextBrowser):
    """A ``QTextBrowser`` whose pictures are scaled down (smoothly) to the width it has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image_width = 0  # the width the pictures of the shown chapter were fitted to

    def fit_width(self) -> int:
        """The width a picture may take: the page's, less the scroll bar that a long chapter gets."""
        bar = 0 if self.verticalScrollBar().isVisible() else self.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent)
        return max(320, self.viewport().width() - bar - 2 * int(self.document().documentMargin()) - 4)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802
        resource = super().loadResource(kind, name)
        if kind != QTextDocument.ResourceType.ImageResource.value or resource is None:
            return resource
        image = resource if isinstance(resource, QImage) else QImage.fromData(resource)
        if image.isNull():
            return resource
        self.image_width = self.fit_width()
        if image.width() > self.image_width:
            image = image.scaledToWidth(self.image_width, Qt.TransformationMode.SmoothTransformation)
        return image


class HelpWindow(QWidget):
    """The guide: its chapters on the left, the chapter on the right."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.folder = folder or GUIDE_DIR
        self.setWindowTitle(self.tr("Руководство — PFDO Desktop"))
        self.resize(1180, 780)
        self.contents = QListWidget()
        self.contents.setObjectName("help_contents")
        self.browser = GuideBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)  # ours: chapters here, the web in the browser
        self.browser.anchorClicked.connect(self.on_browser_anchor_clicked)
        self.browser.setSearchPaths([str(self.folder)])
        self.chapters: list[Chapter] = []
        try:
            self.chapters = chapters(self.folder)
        except OSError:
            log.warning("the user guide is not found in %s", self.folder)
        for chapter in self.chapters:
            item = QListWidgetItem(chapter.title)
            item.setData(Qt.ItemDataRole.UserRole, chapter.file)
            self.contents.addItem(item)
        self.contents.currentRowChanged.connect(self.on_contents_current_row_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 920])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.refit = QTimer(self)  # after a resize: the pictures fitted to the new width
        self.refit.setSingleShot(True)
        self.refit.setInterval(150)
        self.refit.timeout.connect(self.fit_images)
        if not self.chapters:
            self.browser.setPlainText(self.tr(
                "Руководство не найдено (%1): программа установлена не полностью. Переустановите её; "
                "руководство также есть в файле PDF у того, кто устанавливал программу.")
                .replace("%1", str(self.folder)))

    @property
    def current_file(self) -> str:
        return self.browser.source().fileName()

    def open_chapter(self, file: str, anchor: str = "") -> None:
        """Show ``file`` (a chapter's name, e.g. ``journal.md``) at ``anchor``; an unknown name
        shows the contents."""
        if not self.chapters:
            return  # no guide installed: the message stays
        if not (self.folder / file).is_file():
            file = INDEX
        url = QUrl.fromLocalFile(str(self.folder / file))
        if anchor:
            url.setFragment(anchor)
        if self.current_file != file:
            self.browser.setSource(url, QTextDocument.ResourceType.MarkdownResource)
        elif anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)
        rows = [c.file for c in self.chapters]
        if file in rows and self.contents.currentRow() != rows.index(file):
            self.contents.blockSignals(True)
            self.contents.setCurrentRow(rows.index(file))
            self.contents.blockSignals(False)

    def open_topic(self, topic: str | None) -> None:
        """The chapter about ``topic`` (``TOPICS``: a screen's name), else the contents."""
        self.open_chapter(TOPICS.get(topic or "", INDEX))

    @Slot(int)
    def on_contents_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.chapters):
            self.open_chapter(self.chapters[row].file)

    @Slot(QUrl)
    def on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = self.browser.source().resolved(url)
        path = Path(target.toLocalFile())
        if path.suffix.lower() == ".md":
            self.open_chapter(path.name, url.fragment())
        elif url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())

    def fit_images(self) -> None:
        """The window's width changed: fit the pictures to it again (the same place kept)."""
        if self.browser.image_width and abs(self.browser.fit_width() - self.browser.image_width) > 24:
            bar = self.browser.verticalScrollBar()
            where = bar.value() / max(1, bar.maximum())
            self.browser.document().clear()  # forget the pictures scaled to the old width
            self.browser.reload()
            bar.setValue(round(where * bar.maximum()))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.refit.start()


def show_guide(parent: QWidget, topic: str | None = None) -> HelpWindow:
    """Open the guide (one window per main window) at the chapter about ``topic``."""
    window = parent.findChild(HelpWindow, "help_window")
    if window is None:
        window = HelpWindow(parent)
    window.open_topic(topic)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


# --- the PDF --------------------------------------------------------------------------------------


def _pdf_markdown(folder: Path) -> str:
    """The contents and every chapter, one after another; a link to a chapter becomes its text in
    quotes (the chapter is a few pages on)."""
    parts = [(folder / c.file).read_text(encoding="utf-8") for c in chapters(folder)]
    return "\n\n".join(_LINK_TO_CHAPTER.sub(r"«\1»", part) for part in parts)


def guide_document(folder: Path | None = None, font_family: str | None = None) -> QTextDocument:
    """The whole guide as one document for paper: each chapter from a new page, every picture at
    most ``PDF_IMAGE_WIDTH`` wide (its proportions kept)."""
    folder = folder or GUIDE_DIR
    document = QTextDocument()
    document.setBaseUrl(QUrl.fromLocalFile(str(folder) + os.sep))
    font = QFont(font_family or QGuiApplication.font().family())
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setMarkdown(_pdf_markdown(folder), QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
    breaks: list[int] = []  # where a chapter starts (its «# …» heading), but the first
    images: list[tuple[int, int, QTextImageFormat]] = []  # (position, length, format) of each picture
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 1:
            breaks.append(block.position())
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isImageFormat():
                images.append((fragment.position(), fragment.length(), fragment.charFormat().toImageFormat()))
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    page = QTextBlockFormat()
    page.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    for position in breaks[1:]:
        cursor.setPosition(position)
        cursor.mergeBlockFormat(page)
    for position, length, image_format in images:
        size = _image_size(document, image_format)
        if size.width() > PDF_IMAGE_WIDTH:
            image_format.setWidth(PDF_IMAGE_WIDTH)
            image_format.setHeight(size.height() * PDF_IMAGE_WIDTH / size.width())
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image_format)
    return document


def _image_size(document: QTextDocument, image_format: QTextImageFormat) -> QSize:
    image = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(image_format.name()))
    if isinstance(image, QImage):
        return image.size()
    loaded = QImage(str(Path(document.baseUrl().toLocalFile()) / image_format.name()))
    return loaded.size()


def keep_headings_with_text(document: QTextDocument) -> None:
    """A heading left alone at the foot of a page (its text on the next) starts that page instead.
    The document is laid out on pages already (``setPageSize``)."""
    layout = document.documentLayout()
    height = document.pageSize().height()

    def page_of_first_line(block: Any) -> int:  # a line that does not fit moves down, not its block
        first = block.layout().lineAt(0) if block.layout().lineCount() else None
        return int((layout.blockBoundingRect(block).top() + (first.y() if first else 0)) // height)

    page = QTextBlockFormat()
    page.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    block = document.begin()
    while block.isValid():
        following = block.next()
        if (block.blockFormat().headingLevel() and following.isValid()
                and page_of_first_line(block) != page_of_first_line(following)):
            QTextCursor(block).mergeBlockFormat(page)
            document.markContentsDirty(0, document.characterCount())  # laid out again, whole
        block = following


def ensure_gui_application() -> QGuiApplication:
    """A Qt application for drawing the PDF: the running one, or one that needs no screen."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["pfdo-desktop", "-platform", "offscreen"])
    assert isinstance(app, QGuiApplication)
    return app


def _pdf_font_family() -> str | None:
    """PT Sans for the PDF (the packaged font, as the window uses): registered, not made the
    application's font."""
    try:
        import fontpkg
    except ImportError:  # pragma: no cover - a dependency
        return None
    family = None
    for weight in (400, 700):
        try:
            font_id = QFontDatabase.addApplicationFont(str(fontpkg.path("PT Sans", weight=weight)))
        except Exception:  # noqa: BLE001 - a missing font file: the default font then
            log.warning("font PT Sans %s not found", weight)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    return family


def write_guide_pdf(out: Path, folder: Path | None = None) -> int:
    """The guide as one A4 PDF at ``out`` (page numbers at the foot); returns the number of pages."""
    ensure_gui_application()
    document = guide_document(folder, _pdf_font_family())
    writer = QPdfWriter(str(out))
    writer.setTitle("PFDO Desktop — руководство оператора")
    writer.setCreator("PFDO Desktop")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 16, 20, 12), QPageLayout.Unit.Millimeter))
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = round(writer.resolution() * 0.3)  # ≈ 7.6 mm for the page number
    document.documentLayout().setPaintDevice(writer)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(area.width(), area.height() - footer))
    keep_headings_with_text(document)
    pages = document.pageCount()
    height = document.pageSize().height()
    number_font = QFont(document.defaultFont())
    number_font.setPointSizeF(9)
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * height)
            document.drawContents(painter, QRectF(0, page * height, area.width(), height))
            painter.restore()
            painter.setFont(number_font)
            painter.setPen(QColor("#555555"))
            painter.drawText(QRectF(0, height, area.width(), footer),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), str(page + 1))
    finally:
        painter.end()
    return pages
