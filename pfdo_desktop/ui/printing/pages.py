"""A PDF's pages as images, for the preview and for printing.

Two engines draw PDF pages, both PDFium inside: QtPdf (in PySide6-Addons, ≈ 175 MB) and pypdfium2
(≈ 4 MB). Whichever is installed is used, QtPdf first; with neither, ``open_pages`` returns None
and the caller hands the file to the system viewer. ``PFDO_PDF_VIEWER`` (``qtpdf``, ``pdfium``,
``system``) picks one by hand, to compare them or to work around a broken one.

Pages are drawn on the UI thread only: neither engine is meant to be shared between threads.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QSize, QSizeF
from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

ENGINES = ("qtpdf", "pdfium")


class PdfPages(Protocol):
    """An open PDF."""

    engine: str

    @property
    def page_count(self) -> int: ...

    def page_size(self, page: int) -> QSizeF:
        """The page's size in points (1/72 inch), as printed (landscape pages are wider)."""
        ...

    def render(self, page: int, size: QSize) -> QImage:
        """The page (0-based) drawn on a white image of ``size`` pixels."""
        ...

    def close(self) -> None: ...


class QtPdfPages:
    """Pages through QtPdf (``QPdfDocument``); the preview shows ``document`` in a ``QPdfView``."""

    engine = "qtpdf"

    def __init__(self, path: Path) -> None:
        from PySide6.QtPdf import QPdfDocument

        self.document = QPdfDocument()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.document.deleteLater()
            raise OSError(f"QtPdf cannot open the PDF: {error.name}")

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def page_size(self, page: int) -> QSizeF:
        return self.document.pagePointSize(page)

    def render(self, page: int, size: QSize) -> QImage:
        return self.document.render(page, size)

    def close(self) -> None:
        self.document.close()  # releases the file (Windows cannot delete an open one)
        self.document.deleteLater()


class PdfiumPages:
    """Pages through pypdfium2."""

    engine = "pdfium"

    def __init__(self, path: Path) -> None:
        import pypdfium2

        self._pdf: Any = pypdfium2.PdfDocument(str(path))

    @property
    def page_count(self) -> int:
        return len(self._pdf)

    def page_size(self, page: int) -> QSizeF:
        width, height = self._pdf[page].get_size()
        return QSizeF(width, height)

    def render(self, page: int, size: QSize) -> QImage:
        pdf_page = self._pdf[page]
        width, height = pdf_page.get_size()
        # One scale for both sides keeps the letters round; the image is then exactly `size`.
        scale = min(size.width() / width, size.height() / height)
        bitmap = pdf_page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        image = QImage(
            bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
        ).copy()  # the copy owns its pixels: the bitmap's buffer goes away with the bitmap
        if image.size() != size:
            image = image.scaled(size)
        return image

    def close(self) -> None:
        self._pdf.close()


def chosen_engines() -> tuple[str, ...]:
    """The engines to try, in order (``PFDO_PDF_VIEWER`` narrows them; ``system``: none)."""
    wanted = os.environ.get("PFDO_PDF_VIEWER", "").strip().lower()
    if wanted == "system":
        return ()
    return (wanted,) if wanted in ENGINES else ENGINES


def open_pages(path: Path) -> PdfPages | None:
    """``path`` opened with the first engine that is installed, or None (none is)."""
    for engine in chosen_engines():
        try:
            return QtPdfPages(path) if engine == "qtpdf" else PdfiumPages(path)
        except ImportError:
            continue
        except Exception as exc:  # noqa: BLE001 - a broken engine: try the next, then the system viewer
            log.warning("PDF engine %s failed: %s", engine, type(exc).__name__)
    return None


def engine_available() -> bool:
    """Whether the preview can be shown inside the app."""
    for engine in chosen_engines():
        try:
            if engine == "qtpdf":
                import PySide6.QtPdf  # noqa: F401
                import PySide6.QtPdfWidgets  # noqa: F401
            else:
                import pypdfium2  # noqa: F401
        except ImportError:
            continue
        return True
    return False
