"""Заявка на аванс за месяц (issue 12): the contracts in force on the 1st of the month (or the
groups' sums), their certificate monthly amounts summed, the share a % and the advance, in
figures and in words; the head's and the chief accountant's signatures, «М. П.»."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm

from pfdo_desktop.domain.documents import AdvanceContractLine, AdvanceDoc, AdvanceGroupLine

from ..layout import CENTER, LEFT, RIGHT, Page, Sheet
from ..russian import rubles_in_words
from ..text import format_date, numbered
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
CONTRACT_HEADER = ("№ п/п", "№ договора", "Дата договора", "№ сертификата",
                   "Платёж по сертификату в месяц, руб.")
GROUP_HEADER = ("№ п/п", "Программа", "Группа", "Договоров", "Платежи по сертификатам в месяц, руб.")


def check(doc: AdvanceDoc) -> None:
    """``ValueError`` (Russian): the base is not the sum of the lines, or the lines are mixed."""
    what = f"Заявка на аванс за {for_month(doc.year, doc.month)}"
    kinds = {type(line) for line in doc.lines}
    if len(kinds) > 1:
        raise ValueError(f"{what}: строки должны быть либо по договорам, либо по группам, а не вперемешку.")
    check_sum(what, [line.monthly_amount for line in doc.lines], doc.base,
              "Пересчитайте заявку и сформируйте её заново.")
    if doc.amount > doc.base:
        raise ValueError(f"{what}: аванс {figures(doc.amount)} больше суммы платежей {figures(doc.base)}.")


def layout(doc: AdvanceDoc) -> list[Page]:
    check(doc)
    sheet = Sheet()
    month = for_month(doc.year, doc.month)
    first_day = format_date(date(doc.year, doc.month, 1))
    letterhead(sheet, doc.provider)
    draft_mark(sheet, doc.draft_note)
    title = f"ЗАЯВКА {numbered(doc.number, 6)} от {format_date(doc.request_date)}"
    sheet.title(title, f"на авансирование оплаты образовательных услуг по сертификатам "
                       f"дополнительного образования за {month}")
    parties(sheet, doc.provider, doc.payer, label_width=LABEL_W, bank=True)
    sheet.space(3)
    sheet.para(f"Исполнитель просит перечислить аванс за {month} в размере {percent(doc.percent)} % "
               "от суммы ежемесячных платежей по сертификатам дополнительного образования по "
               f"договорам об образовании, действующим на {first_day}.", first=10, after=4)
    by_group = any(isinstance(line, AdvanceGroupLine) for line in doc.lines)
    rows: list[list[str] | Section] = []
    contracts = 0
    for n, line in enumerate(doc.lines, 1):
        if isinstance(line, AdvanceGroupLine):
            contracts += line.contracts
            rows.append([str(n), line.program_name, line.group_name, str(line.contracts),
                         figures(line.monthly_amount)])
        elif isinstance(line, AdvanceContractLine):
            contracts += 1
            rows.append([str(n), line.contract_number, format_date(line.contract_date, ""),
                         line.certificate_number, figures(line.monthly_amount)])
    totals = [
        Total(f"Итого платежей по сертификатам в месяц ({contracts} дог.)", (figures(doc.base),)),
        Total("Размер аванса, %", (percent(doc.percent),)),
        Total(f"Сумма аванса за {month}", (figures(doc.amount),)),
    ]
    continued = f"Продолжение заявки на аванс за {month}"
    if by_group:
        ledger(sheet, GROUP_HEADER, rows, (0.6, 3.4, 1.8, 1.1, 1.8), (CENTER, LEFT, LEFT, CENTER, RIGHT),
               totals, continued=continued, keep_after=SIGNATURES_H + 30)
    else:
        ledger(sheet, CONTRACT_HEADER, rows, (0.7, 1.8, 1.4, 1.7, 2.0), (CENTER, LEFT, CENTER, CENTER, RIGHT),
               totals, continued=continued, keep_after=SIGNATURES_H + 30)
    sum_in_words_para(sheet, "Сумма аванса", rubles_in_words(doc.amount), keep=SIGNATURES_H)
    signatures(sheet, doc.provider, doc.chief_accountant)
    return sheet.pages
