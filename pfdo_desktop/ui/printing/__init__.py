"""Printing from the screens: the documents and the PDF are made in the background (`job`), then
shown in a preview inside the app (`preview`) from where they are printed through the Qt print
dialog or saved. Pages are drawn by QtPdf (PySide6-Addons) or, without it, by PDFium through
pypdfium2 (`pages`); with neither the PDF opens in the system viewer."""

from .job import PrintJob, start_print

__all__ = ["PrintJob", "start_print"]
