"""Printed forms (ReportLab, A4, Russian, Cyrillic fonts embedded): issue #5.

The one entry point is ``render``: a form name of ``domain.documents`` and its documents (plain
values, never database rows) → one PDF. Many documents make one PDF (a group's applications in
one file), each starting on a new page. ``FontsMissing``: the PT font packages are not installed.
"""

from .fonts import FontsMissing
from .render import PrintCancelled, render, write_atomically, write_error_ru

__all__ = ["FontsMissing", "PrintCancelled", "render", "write_atomically", "write_error_ru"]
