"""Счёт на оплату образовательных услуг по сертификатам за месяц и приложение к счёту (issue 12).

The first page is the invoice: the parties, one line for the month's services (and one for the
corrections of closed months, if any), «Итого», the month's advance, «Подлежит оплате», the sum
in words, the head's and the chief accountant's signatures, «М. П.». The annex starts on a new
page: one line per contract (№ п/п, № договора, дата договора, № сертификата, объём оказания
услуги %, к оплате руб.), then the corrections with their sign and the month they correct
(«за октябрь 2026» in the completeness column), then
the totals once, after the last line; the table's header repeats on every page.

The figures are the month's computation (``domain.payment``); the form only checks that each
total is the sum of its lines and that «подлежит оплате» is the total less the advance.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from pfdo_desktop.domain.documents import InvoiceDoc

from ..layout import CENTER, LEFT, RIGHT, Page, Sheet
from ..russian import rubles_in_words
from ..text import format_date, month_year, numbered
from .common import letterhead
from .money import (
    SIGNATURES_H,
    Section,
    Total,
    check_sum,
    draft_mark,
    figures,
    for_month,
    ledger,
    parties,
    percent,
    signatures,
    sum_in_words_para,
)

LABEL_W = 30 * mm
ANNEX_HEADER = ("№ п/п", "№ договора", "Дата договора", "№ сертификата", "Объём оказания услуги, %",
                "К оплате, руб.")
ANNEX_WIDTHS = (0.7, 1.6, 1.3, 1.5, 1.6, 1.5)
ANNEX_ALIGNS = (CENTER, LEFT, CENTER, CENTER, CENTER, RIGHT)
ANNEX_TOTAL = "Итого по приложению"


def check(doc: InvoiceDoc) -> None:
    """``ValueError`` (Russian) when a figure of the invoice is not what its lines make."""
    what = f"Счёт {numbered(doc.number)} за {for_month(doc.year, doc.month)}"
    fix = "Пересчитайте месяц и сформируйте счёт заново."
    check_sum(what, [line.amount for line in doc.lines] + [c.amount for c in doc.corrections],
              doc.total, fix)
    if doc.total - doc.advance != doc.due:
        raise ValueError(f"{what}: «подлежит оплате» {figures(doc.due)} не равно итогу {figures(doc.total)} "
                         f"за вычетом аванса {figures(doc.advance)}. {fix}")


def _title(doc: InvoiceDoc) -> str:
    return f"{numbered(doc.number)} от {format_date(doc.invoice_date)}"


def _due_rows(doc: InvoiceDoc) -> list[Total]:
    """«Аванс за <месяц>» and «Подлежит оплате» (or «Подлежит возврату»: the advance exceeded the
    services)."""
    month = for_month(doc.year, doc.month)
    rows = [Total(f"Аванс за {month}", (figures(doc.advance),))]
    if doc.due < 0:
        rows.append(Total("Подлежит возврату (аванс превышает стоимость оказанных услуг)",
                          (figures(-doc.due),)))
    else:
        rows.append(Total("Подлежит оплате", (figures(doc.due),)))
    return rows


def _in_words(sheet: Sheet, doc: InvoiceDoc, *, keep: float) -> None:
    if doc.due < 0:
        sum_in_words_para(sheet, "Подлежит возврату", rubles_in_words(-doc.due), keep=keep)
    else:
        sum_in_words_para(sheet, "Всего к оплате", rubles_in_words(doc.due), keep=keep)


def layout(doc: InvoiceDoc) -> list[Page]:
    check(doc)
    sheet = Sheet()
    _invoice(sheet, doc)
    sheet.new_page()
    _annex(sheet, doc)
    return sheet.pages


def _invoice(sheet: Sheet, doc: InvoiceDoc) -> None:
    month = for_month(doc.year, doc.month)
    letterhead(sheet, doc.provider)
    draft_mark(sheet, doc.draft_note)
    sheet.title(f"СЧЁТ {_title(doc)}",
                "на оплату образовательных услуг, оказанных в рамках системы персонифицированного "
                f"финансирования дополнительного образования детей, за {month}")
    parties(sheet, doc.provider, doc.payer, label_width=LABEL_W, bank=True)
    sheet.space(4)
    regular = sum((line.amount for line in doc.lines), start=doc.total * 0)
    rows: list[list[str] | Section] = [[
        "1", f"Образовательные услуги по реализации дополнительных общеобразовательных программ, "
             f"оказанные по сертификатам дополнительного образования за {month} "
             f"(приложение к счёту)", str(len(doc.lines)), figures(regular)]]
    if doc.corrections:
        corrected = sum((c.amount for c in doc.corrections), start=doc.total * 0)
        rows.append(["2", "Корректировки оплаты за прошлые периоды по закрытым месяцам "
                          "(приложение к счёту)", str(len(doc.corrections)), figures(corrected, signed=True)])
    totals = [Total("Итого", (figures(doc.total),)), *_due_rows(doc)]
    ledger(sheet, ["№", "Наименование", "Договоров", "Сумма, руб."], rows, [0.5, 6, 1.2, 1.7],
           [CENTER, LEFT, CENTER, RIGHT], totals, continued=f"Продолжение счёта {_title(doc)}",
           size=9.5, keep_after=SIGNATURES_H)
    _in_words(sheet, doc, keep=SIGNATURES_H)
    signatures(sheet, doc.provider, doc.chief_accountant)


def _annex(sheet: Sheet, doc: InvoiceDoc) -> None:
    month = for_month(doc.year, doc.month)
    draft_mark(sheet, doc.draft_note)
    sheet.para(f"Приложение к счёту {_title(doc)}", align=RIGHT, after=6)
    sheet.title("РЕЕСТР",
                f"оказанных образовательных услуг по сертификатам дополнительного образования за {month}",
                size=11.5)
    parties(sheet, doc.provider, doc.payer, label_width=LABEL_W)
    sheet.space(3)
    rows: list[list[str] | Section] = []
    for n, line in enumerate(doc.lines, 1):
        rows.append([str(n), line.contract_number, format_date(line.contract_date, ""),
                     line.certificate_number, percent(line.completeness), figures(line.amount)])
    totals: list[Total] = []
    if doc.corrections:
        regular = sum((line.amount for line in doc.lines), start=doc.total * 0)
        corrected = sum((c.amount for c in doc.corrections), start=doc.total * 0)
        rows.append(Section("Корректировки за прошлые периоды (закрытые месяцы)"))
        for n, c in enumerate(doc.corrections, len(doc.lines) + 1):
            rows.append([str(n), c.contract_number, format_date(c.contract_date, ""), c.certificate_number,
                         f"за {month_year(c.year, c.month)}", figures(c.amount, signed=True)])
        totals += [Total(f"в том числе за {month}", (figures(regular),)),
                   Total("в том числе корректировки", (figures(corrected, signed=True),))]
    totals.insert(0, Total(ANNEX_TOTAL, (figures(doc.total),)))
    totals += _due_rows(doc)
    ledger(sheet, ANNEX_HEADER, rows, ANNEX_WIDTHS, ANNEX_ALIGNS, totals,
           continued=f"Продолжение приложения к счёту {_title(doc)}", keep_after=SIGNATURES_H + 30)
    _in_words(sheet, doc, keep=SIGNATURES_H)
    signatures(sheet, doc.provider, doc.chief_accountant)


__all__ = ["ANNEX_HEADER", "ANNEX_TOTAL", "check", "layout"]
