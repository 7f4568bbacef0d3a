"""What the month's money forms share (issue 12): sums in figures, the check that every total on
paper is the sum of its lines, a long table split across pages, the signatures.

``ledger`` is the table of the annex, the advance request and the register: its header row is
repeated on every page (under a «продолжение» caption naming the document), the totals rows come
once, after the last line, and never start a page alone (the last line moves with them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pfdo_desktop.domain.documents import PayerInfo, ProviderInfo

from ..fonts import SANS, SANS_BOLD, SERIF_BOLD, SERIF_ITALIC
from ..layout import CENTER, LEADING, LEFT, RIGHT, SMALL, Sheet, wrap
from ..text import MONTHS_RU, NBSP, head_short_name, or_blank
from .common import head_role

KOPECK = Decimal("0.01")
MINUS = "\u2212"  # «−»: the typographic minus of a negative correction
TABLE_SIZE = 8.5
PAD = 2.2

Span = tuple[int, int]  # the columns a cell covers: from, to (exclusive)
Cells = list[tuple[str, ...]]  # the wrapped lines of each cell of a row


def figures(amount: Decimal, *, signed: bool = False) -> str:
    """«12 345,67» (thousands split by a no-break space, a decimal comma); ``signed``: «+1 234,56» /
    «−1 234,56» (a correction), «0,00» unsigned."""
    quantised = amount.quantize(KOPECK, rounding=ROUND_HALF_UP)
    whole, frac = f"{abs(quantised):.2f}".split(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = f"{NBSP.join(groups)},{frac}"
    if quantised < 0:
        return MINUS + text
    return ("+" + text) if signed and quantised > 0 else text


def percent(value: Decimal) -> str:
    """«75,00»: a completeness or a share in per cent, to 0.01."""
    return f"{value.quantize(KOPECK, rounding=ROUND_HALF_UP):.2f}".replace(".", ",")


def for_month(year: int, month: int) -> str:
    """«ноябрь 2026 г.» (after «за»), kept on one line (no-break spaces)."""
    return f"{MONTHS_RU[month - 1]}{NBSP}{year}{NBSP}г."


MONTHS_PREP = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
               "октябре", "ноябре", "декабре")


def in_month(year: int, month: int) -> str:
    """«в ноябре 2026 г.»."""
    return f"в {MONTHS_PREP[month - 1]}{NBSP}{year}{NBSP}г."


def check_sum(what: str, lines: Sequence[Decimal], printed: Decimal, fix: str) -> None:
    """``ValueError`` (Russian) unless ``printed`` is the sum of ``lines``: a paper whose total is
    not the sum of its lines is never drawn."""
    total = sum(lines, Decimal("0"))
    if total != printed:
        raise ValueError(f"{what}: итог {figures(printed)} не равен сумме строк {figures(total)}. {fix}")


def parties(sheet: Sheet, provider: ProviderInfo, payer: PayerInfo, *, label_width: float,
            bank: bool = False) -> None:
    """«Исполнитель: <name>, ИНН …, ОГРН …, адрес …» and «Плательщик: <payer>, ИНН …, адрес …»
    (organisations after a label: the nominative reads right)."""
    req = provider.requisites
    kpp = f", КПП {req.kpp}" if req.kpp else ""
    sheet.field("Исполнитель:", f"{provider.name}, ИНН {or_blank(provider.inn, 12)}{kpp}, ОГРН "
                f"{or_blank(provider.ogrn, 15)}, адрес: {or_blank(provider.address, 40)}",
                label_width=label_width)
    if bank:  # the papers the payer pays by: where the money goes
        sheet.field("Реквизиты:", bank_requisites(provider), label_width=label_width)
    payer_text = payer.name or or_blank("", 40)
    if payer.inn:
        payer_text += f", ИНН {payer.inn}"
    if payer.address:
        payer_text += f", адрес: {payer.address}"
    sheet.field("Плательщик:", payer_text, label_width=label_width)


def bank_requisites(provider: ProviderInfo) -> str:
    """«р/с …, <банк>, БИК …, к/с …» as the portal keeps them; unknown parts are lines to fill."""
    req = provider.requisites
    text = (f"р/с {or_blank(req.account, 20)} в {req.bank_name or or_blank('', 30)}, "
            f"БИК {or_blank(req.bik, 9)}")
    if req.corr_account or not req.bik:
        text += f", к/с {or_blank(req.corr_account, 20)}"
    return text


def draft_mark(sheet: Sheet, note: str) -> None:
    """«ПРОЕКТ — не для оплаты: <why>» above the title of a paper that cannot be issued yet."""
    if note:
        sheet.para(f"ПРОЕКТ — НЕ ДЛЯ ОПЛАТЫ. {note}", font=SERIF_BOLD, align=CENTER, after=4)


SIGNATURES_H = 2 * Sheet.SIGNATURE_H + 20  # the head, the chief accountant, «М. П.»


def signatures(sheet: Sheet, provider: ProviderInfo, chief_accountant: str) -> None:
    """«Руководитель ____ / Фамилия И. О.», «Главный бухгалтер ____ / <name or line>», «М. П.»."""
    sheet.ensure(SIGNATURES_H)
    sheet.signature(head_role(provider), head_short_name(provider.head_name), dated=None)
    sheet.signature("Главный бухгалтер", head_short_name(chief_accountant), dated=None)
    sheet.space(4)
    sheet.para("М. П.", after=0)


# --- the long table -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    """A row across the whole table (bold, left): «Корректировки прошлых периодов»."""

    text: str


@dataclass(frozen=True, slots=True)
class Total:
    """A totals row: ``label`` across the first columns (right-aligned), ``values`` in the last."""

    label: str
    values: tuple[str, ...]


def ledger(sheet: Sheet, header: Sequence[str], rows: Sequence[Sequence[str] | Section],
           widths: Sequence[float], aligns: Sequence[str], totals: Sequence[Total], *,
           continued: str, size: float = TABLE_SIZE, keep_after: float = 0.0) -> None:
    """A ruled table over as many pages as it needs: the header on every page (under the caption
    ``continued`` from the second page on), the ``totals`` after the last row only, kept on one
    page with it and with ``keep_after`` points of what follows (the words, the signatures)."""
    scale = sheet.width / sum(widths)
    xs = [sheet.left]
    for w in widths:
        xs.append(xs[-1] + w * scale)
    leading = size * LEADING

    def wrapped(texts: Sequence[str], font: str, spans: Sequence[Span]) -> tuple[Cells, float]:
        cells = [wrap(text, font, size, xs[b] - xs[a] - 2 * PAD)
                 for text, (a, b) in zip(texts, spans, strict=True)]
        return cells, max(len(c) for c in cells) * leading + 2 * PAD - (leading - size) + 1

    def draw(cells: Cells, height: float, font: str, spans: Sequence[Span],
             cell_aligns: Sequence[str]) -> None:
        page, top = sheet.page, sheet.y
        for lines, (a, b), align in zip(cells, spans, cell_aligns, strict=True):
            x = xs[a] + PAD if align == LEFT else xs[b] - PAD if align == RIGHT else (xs[a] + xs[b]) / 2
            for j, line in enumerate(lines):
                page.text(x, top - PAD - size * 0.85 - j * leading, line, font, size, align)
            page.line(xs[a], top, xs[a], top - height, 0.5)
        page.line(xs[-1], top, xs[-1], top - height, 0.5)
        page.line(xs[0], top - height, xs[-1], top - height, 0.5)
        sheet.y = top - height

    n = len(widths)
    cell_spans = [(i, i + 1) for i in range(n)]
    head, head_h = wrapped(header, SANS_BOLD, cell_spans)
    caption_h = SMALL * LEADING + 2

    def start(first: bool) -> None:
        if not first:
            sheet.page.text(sheet.left, sheet.y - SMALL, continued, SERIF_ITALIC, SMALL)
            sheet.space(caption_h)
        sheet.page.line(xs[0], sheet.y, xs[-1], sheet.y, 0.8)
        draw(head, head_h, SANS_BOLD, cell_spans, [CENTER] * n)

    def measured(row: Sequence[str] | Section) -> tuple[Cells, float, str, list[Span], list[str]]:
        if isinstance(row, Section):
            spans = [(0, n)]
            cells, height = wrapped([row.text], SANS_BOLD, spans)
            return cells, height, SANS_BOLD, spans, [LEFT]
        cells, height = wrapped(row, SANS, cell_spans)
        return cells, height, SANS, cell_spans, list(aligns)

    def measured_total(total: Total) -> tuple[Cells, float, list[Span], list[str]]:
        k = n - len(total.values)
        spans = [(0, k), *[(i, i + 1) for i in range(k, n)]]
        cells, height = wrapped([total.label, *total.values], SANS_BOLD, spans)
        return cells, height, spans, [RIGHT] * (len(total.values) + 1)

    measured_totals = [measured_total(t) for t in totals]
    totals_h = sum(m[1] for m in measured_totals)
    laid = [measured(row) for row in rows]
    last = len(laid) - 1
    # the header never stands alone: it starts a page with the first row (and the totals, when
    # the first row is the last one)
    first_h = laid[0][1] if laid else 0.0
    sheet.ensure(caption_h + head_h + first_h + (totals_h + keep_after if last <= 0 else 0))
    start(True)
    for i, (cells, height, font, spans, row_aligns) in enumerate(laid):
        need = height + (totals_h + keep_after if i == last else 0)
        if isinstance(rows[i], Section) and i < last:  # a section's heading starts with its first row
            need += laid[i + 1][1] + (totals_h + keep_after if i + 1 == last else 0)
        if i > 0 and sheet.y - need < sheet.bottom:
            sheet.new_page()
            start(False)
        draw(cells, height, font, spans, row_aligns)
    for cells, height, spans, total_aligns in measured_totals:
        draw(cells, height, SANS_BOLD, spans, total_aligns)
    sheet.page.line(xs[0], sheet.y, xs[-1], sheet.y, 0.8)
    sheet.space(4)


def sum_in_words_para(sheet: Sheet, label: str, words: str, *, keep: float = 0.0) -> None:
    """«<label>: 16 500 (шестнадцать тысяч пятьсот) рублей 00 копеек.» in bold."""
    sheet.para(f"{label}: {words}.", font=SERIF_BOLD, keep=keep, after=3)


__all__ = ["KOPECK", "MINUS", "Section", "Total", "check_sum", "figures", "for_month", "in_month", "ledger",
           "parties", "percent", "signatures", "sum_in_words_para"]
