"""Reading the printed PDFs back the way a person (or a screen reader) would: text, fonts, size."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf

from pfdo_desktop.printing import render
from pfdo_desktop.printing.forms import FORMS
from pfdo_desktop.printing.layout import Page, text_box


@dataclass
class Printed:
    pages: list[str]  # the extracted text of each page
    reader: pypdf.PdfReader

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """All the text on one line: wrapped lines joined (a word broken after its hyphen rejoined)."""
        return flatten(self.text)


def flatten(text: str) -> str:
    return " ".join(re.sub(r"-\s*\n\s*", "-", text).split())


def print_to_pdf(form: str, docs: list[Any]) -> Printed:
    buffer = io.BytesIO()
    render(form, docs, buffer)
    reader = pypdf.PdfReader(io.BytesIO(buffer.getvalue()))
    return Printed([p.extract_text() for p in reader.pages], reader)


def read_pdf(path: Path) -> Printed:
    reader = pypdf.PdfReader(path)
    return Printed([p.extract_text() for p in reader.pages], reader)


def page_fonts(page: pypdf.PageObject) -> list[tuple[str, bool]]:
    """(BaseFont, embedded as a TrueType font file) for every font the page uses."""
    fonts = page["/Resources"].get_object().get("/Font", {})
    result = []
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font.get("/FontDescriptor")
        embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
        result.append((str(font["/BaseFont"]), embedded))
    return result


def laid_out(form: str, doc: Any) -> list[Page]:
    """The pages a form lays out for one document (what ``render`` draws)."""
    return FORMS[form].layout(doc)


def pieces_outside(pages: list[Page], x0: float, x1: float) -> list[tuple[str, float, float]]:
    """Text pieces that reach left of ``x0`` or right of ``x1`` (half a point of tolerance)."""
    outside = []
    for page in pages:
        for piece in page.texts:
            left, _, right, _ = text_box(piece)
            if left < x0 - 0.5 or right > x1 + 0.5:
                outside.append((piece[4], left, right))
    return outside
