"""A small layout engine for fixed paperwork: wrapped lines, labelled fields, tables, signatures.

A form is laid out into ``Page`` objects (lists of positioned text pieces and lines, in points,
origin bottom-left) and then drawn on a ReportLab canvas by ``draw_pages``. Laying out first
tells the page count before anything is drawn («стр. 1 из 2»), keeps every piece inside its box
(``wrap``/``fit`` never return a line wider than asked) and costs a fraction of Platypus: a
thousand applications are drawn nearly as fast as bare ``drawString`` calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from .fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from .text import BLANK_DATE

LEFT, CENTER, RIGHT = "left", "center", "right"

BODY = 10.5  # the text of the portrait forms, pt
SMALL = 9.0
CAPTION = 7.0  # «(подпись)» under a line
LEADING = 1.24  # line height / font size


# --- measuring and wrapping -----------------------------------------------------------------------


@lru_cache(maxsize=32)
def _measure(font: str) -> Callable[[str, float], float]:
    """``stringWidth`` of one font, without ReportLab's per-call dispatch (the same sum of the
    glyphs' advance widths; measuring is most of the layout's time)."""
    register_fonts()
    face = getFont(font).face
    widths, default = face.charWidths.get, face.defaultWidth

    def measure(text: str, size: float) -> float:
        return 0.001 * size * sum(map(widths, map(ord, text), repeat(default)))

    return measure


def width_of(text: str, font: str, size: float) -> float:
    return _measure(font)(text, size)


@lru_cache(maxsize=2048)  # the forms' fixed sentences are wrapped once, not once per document
def wrap(text: str, font: str, size: float, width: float,
         first_width: float | None = None) -> tuple[str, ...]:
    """Split ``text`` into lines no wider than ``width`` (the first line: ``first_width``).

    Breaks at spaces and newlines; a word longer than a line (a double surname in a narrow
    column) breaks after its hyphens, and failing that between letters. Never returns a line
    wider than asked, never loses a character other than the spaces it breaks at.
    """
    measure = _measure(font)
    limit = width if first_width is None else first_width
    if "\n" not in text and measure(text, size) <= limit:
        return (text,)
    space = measure(" ", size)
    lines: list[str] = []
    for para in text.split("\n"):
        words = [w for w in para.split(" ") if w]
        current: list[str] = []
        current_w = 0.0
        for word in words:
            w = measure(word, size)
            if current and current_w + space + w <= limit:
                current.append(word)
                current_w += space + w
                continue
            if current:
                lines.append(" ".join(current))
                limit = width
            if w <= limit:
                current, current_w = [word], w
                continue
            pieces = _break_word(word, measure, size, limit, width)
            lines.extend(pieces[:-1])
            limit = width
            current, current_w = [pieces[-1]], measure(pieces[-1], size)
        lines.append(" ".join(current))
        limit = width
    return tuple(lines)


def _break_word(word: str, measure: Callable[[str, float], float], size: float, first: float,
                width: float) -> list[str]:
    """A word too long for a line: after its hyphens if the parts fit, else between letters."""
    parts = [p + "-" for p in word.split("-")]
    parts[-1] = parts[-1][:-1]
    if len(parts) == 1 or any(measure(p, size) > width for p in parts):
        parts = list(word)  # no hyphen helps: letter by letter
    lines: list[str] = []
    current = ""
    limit = first
    for part in parts:
        if current and measure(current + part, size) > limit:
            lines.append(current)
            current, limit = "", width
        current += part
    lines.append(current)
    return lines


def fit(text: str, font: str, width: float, max_size: float, min_size: float,
        max_lines: int = 1) -> tuple[float, tuple[str, ...]]:
    """The largest size (0.25 pt steps, not below ``min_size``) at which ``text`` wraps into at
    most ``max_lines`` lines of ``width``; at ``min_size`` the lines may be more than asked."""
    size = max_size
    while True:
        lines = wrap(text, font, size, width)
        if len(lines) <= max_lines or size <= min_size:
            return size, lines
        size = max(min_size, size - 0.25)


@lru_cache(maxsize=64)
def _underscore(font: str, size: float) -> float:
    return width_of("_", font, size)


def blank_to(width: float, font: str = SERIF, size: float = BODY) -> str:
    """Underscores filling ``width``: a line to write on by hand."""
    return "_" * max(3, int(width / _underscore(font, size)))


# --- pages ----------------------------------------------------------------------------------------

Text = tuple[float, float, str, float, str]  # x, baseline y, font, size, text
Graphic = tuple[str, float, float, float, float, float]  # kind, x, y, x2|w, y2|h, width|gray


def text_box(piece: Text) -> tuple[float, float, float, float]:
    """What a laid-out text piece covers: x0, baseline, x1, baseline + font size."""
    x, y, font, size, text = piece
    return x, y, x + _measure(font)(text, size), y + size


@dataclass(slots=True)
class Page:
    """What one page shows: text pieces, lines and shaded boxes (drawn first, under the text)."""

    width: float
    height: float
    texts: list[Text] = field(default_factory=list)
    graphics: list[Graphic] = field(default_factory=list)
    # where «стр. N из M» goes when a document has more than one page; None: the form numbers
    # its pages itself (the journal, in its title line)
    number_y: float | None = 8 * mm
    # ReportLab drawings (charts) at their lower-left corners, drawn over the graphics
    drawings: list[tuple[float, float, Any]] = field(default_factory=list)

    def text(self, x: float, y: float, text: str, font: str = SERIF, size: float = BODY,
             align: str = LEFT) -> None:
        if align != LEFT:
            w = _measure(font)(text, size)
            x -= w if align == RIGHT else w / 2
        self.texts.append((x, y, font, size, text))

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        self.graphics.append(("line", x1, y1, x2, y2, width))

    def box(self, x: float, y: float, w: float, h: float, width: float = 0.5) -> None:
        self.graphics.append(("box", x, y, w, h, width))

    def shade(self, x: float, y: float, w: float, h: float, gray: float = 0.85) -> None:
        self.graphics.append(("shade", x, y, w, h, gray))


def page_number(number: int, total: int) -> str:
    return f"стр. {number} из {total}"


def draw_pages(canvas: Canvas, pages: Sequence[Page]) -> None:
    """Draw one document's pages (each ends with ``showPage``), numbered when more than one."""
    total = len(pages)
    for number, page in enumerate(pages, 1):
        canvas.setPageSize((page.width, page.height))
        _draw_graphics(canvas, page.graphics)
        for x, y, drawing in page.drawings:
            renderPDF.draw(drawing, canvas, x, y)
        if total > 1 and page.number_y is not None:
            page.text(page.width / 2, page.number_y, page_number(number, total), SANS, 8, CENTER)
        _draw_texts(canvas, page.texts)
        canvas.showPage()


def _draw_graphics(canvas: Canvas, graphics: list[Graphic]) -> None:
    width = -1.0
    gray = -1.0
    for kind, x, y, a, b, c in graphics:
        if kind == "shade":
            if c != gray:
                canvas.setFillGray(c)
                gray = c
            canvas.rect(x, y, a, b, stroke=0, fill=1)
            continue
        if c != width:
            canvas.setLineWidth(c)
            width = c
        if kind == "line":
            canvas.line(x, y, a, b)
        else:
            canvas.rect(x, y, a, b, stroke=1, fill=0)
    if gray != -1.0:
        canvas.setFillGray(0)


def _draw_texts(canvas: Canvas, texts: list[Text]) -> None:
    # One text object per page (not one per string, as drawString does): the same PDF
    # operators, a good deal less Python per line.
    obj = canvas.beginText()
    current: tuple[str, float] | None = None
    for x, y, font, size, text in texts:
        if (font, size) != current:
            obj.setFont(font, size)
            current = (font, size)
        obj.setTextOrigin(x, y)
        obj.textOut(text)
    canvas.drawText(obj)


def signature_line(page: Page, right: float, base: float, name: str, *, role: str = "",
                   font: str = SERIF, size: float = BODY, name_w: float = 52 * mm,
                   sign_w: float = 28 * mm, role_w: float | None = None) -> None:
    """«<role> ________ / <name>» ending at ``right`` on the baseline ``base``, with «(подпись)» and
    «(расшифровка подписи)» under the lines. A long name shrinks (and past 6 pt stacks upwards)
    to stay on its line; no name: a line to write it by hand. A role wider than ``role_w`` (a long
    position beside the date: «Исполняющая обязанности директора») shrinks and stacks the same way."""
    name_x = right - name_w
    sign_x = name_x - 5 * mm - sign_w
    if role:
        role_size = size
        roles: tuple[str, ...] = (role,)
        if role_w and width_of(role, font, size) > role_w:  # a little smaller first, then two lines
            role_size, roles = fit(role, font, role_w, size, size - 1.5, 1)
            if len(roles) > 1 or width_of(role, font, role_size) > role_w:
                role_size, roles = fit(role, font, role_w, size, 7.0, 2)
        for i, line in enumerate(reversed(roles)):
            page.text(sign_x - 3 * mm, base + i * role_size * 1.1, line, font, role_size, RIGHT)
    page.text(sign_x, base, blank_to(sign_w, font, size), font, size)
    page.text(sign_x + sign_w + 1.5 * mm, base, "/", font, size)
    if name:
        name_size, names = fit(name, font, name_w, size, 6.0)
        for i, line in enumerate(reversed(names)):
            page.text(name_x, base + i * name_size * 1.1, line, font, name_size)
        page.line(name_x, base - 2, right, base - 2, 0.4)
    else:
        page.text(name_x, base, blank_to(name_w, font, size), font, size)
    cy = base - CAPTION - 2.5
    page.text(sign_x + sign_w / 2, cy, "(подпись)", SERIF_ITALIC, CAPTION, CENTER)
    page.text(name_x + name_w / 2, cy, "(расшифровка подписи)", SERIF_ITALIC, CAPTION, CENTER)


# --- the flowing sheet of a portrait form ---------------------------------------------------------


class Sheet:
    """A form's text flowing down A4 pages between margins (a new page when one is full).

    ``y`` is the top of the free space; every method draws below it and moves it down.
    """

    def __init__(self, pagesize: tuple[float, float] = A4, *, left: float = 22 * mm,
                 right: float = 14 * mm, top: float = 13 * mm, bottom: float = 14 * mm) -> None:
        self.page_width, self.page_height = pagesize
        self.pages: list[Page] = []
        self.left = left
        self.right = self.page_width - right
        self.top = self.page_height - top
        self.bottom = bottom
        self.y = self.top
        self.new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def width(self) -> float:
        return self.right - self.left

    def new_page(self) -> None:
        self.pages.append(Page(self.page_width, self.page_height))
        self.y = self.top

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` more fits on this one."""
        if self.y - height < self.bottom:
            self.new_page()

    def space(self, height: float) -> None:
        self.y -= height

    @contextmanager
    def column(self, x0: float, x1: float) -> Iterator[None]:
        """Draw between ``x0`` and ``x1`` for a while (a side-by-side block)."""
        saved = self.left, self.right
        self.left, self.right = x0, x1
        try:
            yield
        finally:
            self.left, self.right = saved

    def side_by_side(self, *blocks: Callable[[], None], gap: float = 8 * mm, keep: float = 0) -> None:
        """Blocks in equal columns next to each other; ``keep``: the height to keep on one page."""
        self.ensure(keep)
        top = self.y
        width = (self.width - gap * (len(blocks) - 1)) / len(blocks)
        lowest = top
        for i, block in enumerate(blocks):
            x0 = self.left + i * (width + gap)
            self.y = top
            with self.column(x0, x0 + width):
                block()
            lowest = min(lowest, self.y)
        self.y = lowest

    # --- text ---

    def lines(self, lines: Sequence[str], *, font: str = SERIF, size: float = BODY, x: float | None = None,
              align: str = LEFT, x1: float | None = None, first_x: float | None = None) -> None:
        """Lines already wrapped, one under another (``first_x``: where the first one starts)."""
        leading = size * LEADING
        x0 = self.left if x is None else x
        right = self.right if x1 is None else x1
        ax = x0 if align == LEFT else right if align == RIGHT else (x0 + right) / 2
        for i, line in enumerate(lines):
            self.ensure(leading)
            start = first_x if (i == 0 and first_x is not None and align == LEFT) else ax
            self.page.text(start, self.y - size, line, font, size, align)
            self.y -= leading

    def para(self, text: str, *, font: str = SERIF, size: float = BODY, indent: float = 0.0,
             first: float = 0.0, align: str = LEFT, after: float = 1.5, keep: float = 0.0) -> None:
        """A wrapped paragraph; ``first``: the red-line indent of its first line; ``keep``: the
        height of what must stay on the same page after it (a signature never starts a page)."""
        x0 = self.left + indent
        width = self.right - x0
        lines = wrap(text, font, size, width, width - first)
        if keep:
            self.ensure(len(lines) * size * LEADING + keep)
        self.lines(lines, font=font, size=size, x=x0, align=align, first_x=x0 + first)
        self.space(after)

    def title(self, *lines: str, size: float = 12.5, after: float = 5.0) -> None:
        """The centred bold title («ЗАЯВЛЕНИЕ» and what it is about)."""
        for i, text in enumerate(lines):
            self.para(text, font=SERIF_BOLD, size=size if i == 0 else size - 1.5, align=CENTER, after=0)
        self.space(after)

    def heading(self, text: str, *, before: float = 4.0, after: float = 1.5, keep: float = 0.0) -> None:
        """A section heading («1. Предмет договора»), kept with at least two lines below it (or
        ``keep`` points of what follows)."""
        self.space(before)
        self.ensure(BODY * LEADING + max(keep, BODY * LEADING * 2))
        self.para(text, font=SERIF_BOLD, size=BODY, after=after)

    def rule(self, *, before: float = 2.0, after: float = 8.0, width: float = 0.8) -> None:
        """A horizontal line across the sheet (under a letterhead)."""
        self.space(before)
        self.page.line(self.left, self.y, self.right, self.y, width)
        self.space(after)

    def addressee(self, lines: Sequence[str], *, width: float = 85 * mm, after: float = 8.0) -> None:
        """The addressee block in the top right corner («Руководителю …», «от …»)."""
        x0 = self.right - width
        for line in lines:
            self.lines(wrap(line, SERIF, BODY, width), x=x0)
        self.space(after)

    # --- fields ---

    def field(self, label: str, value: str, *, label_width: float | None = None,
              blank_lines: int = 1, size: float = BODY) -> None:
        """«Label value»: with ``label_width``, a questionnaire row (labels in their own column,
        the value wrapped in the rest); without, the value follows the label and wraps like a
        paragraph. An unknown value is a line (``blank_lines`` lines) of underscores to fill."""
        leading = size * LEADING
        inline = label_width is None
        label_w = (width_of(label, SERIF, size) + 4 if label else 0) if label_width is None else label_width
        vx = self.left + label_w
        vwidth = self.right - vx
        labels = (label,) if inline else wrap(label, SERIF, size, label_w - 4)
        if value:
            values = wrap(value, SERIF, size, self.width if inline else vwidth, vwidth)
        else:
            more = (blank_to(self.width, SERIF, size),) * (blank_lines - 1)
            values = (blank_to(vwidth, SERIF, size), *more)
        rows = max(len(labels), len(values))
        self.ensure(min(rows, 2) * leading)
        for i in range(rows):
            if i < len(labels):
                self.page.text(self.left, self.y - size, labels[i], SERIF, size)
            if i < len(values):
                x = vx if i == 0 or (value and not inline) else self.left
                self.page.text(x, self.y - size, values[i], SERIF, size)
            self.y -= leading
            if i + 1 < rows:
                self.ensure(leading)
        self.space(1.0)

    def checkbox(self, label: str, checked: bool = False, *, size: float = BODY) -> None:
        """«☐ label»: a square drawn with lines (the fonts have no box glyph), ticked if known."""
        leading = size * LEADING
        box = size * 0.8
        lines = wrap(label, SERIF, size, self.width - box - 6)
        self.ensure(leading * len(lines))
        by = self.y - size
        self.page.box(self.left, by - 0.5, box, box, 0.6)
        if checked:
            self.page.line(self.left + 1.5, by + box * 0.45, self.left + box * 0.4, by + 1, 0.9)
            self.page.line(self.left + box * 0.4, by + 1, self.left + box - 1, by + box - 1, 0.9)
        self.lines(lines, x=self.left + box + 6, size=size)
        self.space(1.5)

    def spread(self, left: str, right: str, *, font: str = SERIF, size: float = BODY) -> None:
        """One line with text at both ends («г. Екатеринбург … 28.08.2026»)."""
        leading = size * LEADING
        self.ensure(leading)
        self.page.text(self.left, self.y - size, left, font, size)
        self.page.text(self.right, self.y - size, right, font, size, RIGHT)
        self.y -= leading

    SIGNATURE_H = 8.0 + BODY + 4 + 2 * CAPTION + 2.5  # what ``signature`` takes with its gap

    def signature(self, role: str = "", name: str = "", *, dated: str | None = BLANK_DATE,
                  before: float = 8.0) -> None:
        """«<date>    <role> ________ / <name or line>» with captions under the lines;
        ``dated=None``: no date. Fits a narrow column too."""
        self.space(before)
        self.ensure(BODY * LEADING + CAPTION * 1.6)
        base = self.y - BODY - 4
        role_left = self.left
        if dated is not None:
            self.page.text(self.left, base, dated, SERIF, BODY)
            role_left += width_of(dated, SERIF, BODY) + 3 * mm
        sign_w = 28 * mm
        name_w = min(52 * mm, self.width - sign_w - 5 * mm)
        role_w = self.right - name_w - 5 * mm - sign_w - 3 * mm - role_left
        signature_line(self.page, self.right, base, name, role=role, name_w=name_w, sign_w=sign_w,
                       role_w=max(role_w, 20 * mm))
        self.y = base - 2 * CAPTION - 2.5

    # --- tables ---

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], *,
              aligns: Sequence[str] | None = None, font: str = SANS, bold: str = SANS_BOLD,
              size: float = SMALL, bold_rows: Sequence[int] = (), pad: float = 2.5) -> None:
        """A ruled table; cells wrap inside their column; the header row is repeated on every page
        the table continues on. ``widths`` are shares of the sheet's width; ``bold_rows``: rows
        drawn in ``bold`` (a totals row)."""
        total = sum(widths)
        cols = [w * self.width / total for w in widths]
        xs = [self.left]
        for w in cols:
            xs.append(xs[-1] + w)
        aligns = list(aligns) if aligns else [LEFT] * len(cols)
        leading = size * LEADING

        def cells(row: Sequence[str], cell_font: str) -> tuple[list[tuple[str, ...]], float]:
            wrapped = [wrap(text, cell_font, size, cols[i] - 2 * pad) for i, text in enumerate(row)]
            return wrapped, max(len(c) for c in wrapped) * leading + 2 * pad - (leading - size) + 1

        def draw(wrapped: list[tuple[str, ...]], height: float, cell_font: str,
                 cell_aligns: Sequence[str]) -> None:
            page, top = self.page, self.y
            page.line(xs[0], top - height, xs[-1], top - height, 0.5)
            for i, lines in enumerate(wrapped):
                a = cell_aligns[i]
                x = xs[i] + pad if a == LEFT else xs[i + 1] - pad if a == RIGHT else (xs[i] + xs[i + 1]) / 2
                for j, line in enumerate(lines):
                    page.text(x, top - pad - size * 0.85 - j * leading, line, cell_font, size, a)
            for x in xs:
                page.line(x, top, x, top - height, 0.5)
            self.y = top - height

        head, head_h = cells(header, bold)

        def start() -> None:
            self.page.line(xs[0], self.y, xs[-1], self.y, 0.5)
            draw(head, head_h, bold, [CENTER] * len(cols))

        self.ensure(head_h + 2 * leading + 2 * pad)
        start()
        for n, row in enumerate(rows):
            cell_font = bold if n in bold_rows else font
            wrapped, height = cells(row, cell_font)
            if self.y - height < self.bottom:
                self.new_page()
                start()
            draw(wrapped, height, cell_font, aligns)
        self.space(3)
