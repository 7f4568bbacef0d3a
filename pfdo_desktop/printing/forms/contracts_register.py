"""Реестр договоров за месяц (issue 12): A4 landscape, one row per contract in force in the month
(№, № и дата договора, обучающийся, № сертификата, программа и группа, начало и окончание,
платёж по сертификату и платёж заказчика в месяц), the header on every page, «Итого» after the
last row (the sums of the rows), the head's signature."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from pfdo_desktop.domain.documents import ContractsRegisterDoc

from ..layout import CENTER, LEFT, RIGHT, Page, Sheet
from ..text import format_date, head_short_name
from .common import head_role, letterhead
from .money import Section, Total, figures, for_month, in_month, ledger, parties

LABEL_W = 30 * mm
HEADER = ("№ п/п", "№ договора", "Дата договора", "Обучающийся (ФИО)", "№ сертификата",
          "Программа, группа", "Начало обучения", "Окончание обучения",
          "Платёж по сертификату в месяц, руб.", "Платёж заказчика в месяц, руб.")
WIDTHS = (0.8, 1.7, 1.45, 3.2, 1.75, 4.2, 1.45, 1.45, 1.75, 1.75)
ALIGNS = (CENTER, LEFT, CENTER, LEFT, CENTER, LEFT, CENTER, CENTER, RIGHT, RIGHT)
TOTAL = "Итого"


def layout(doc: ContractsRegisterDoc) -> list[Page]:
    sheet = Sheet(landscape(A4), left=12 * mm, right=12 * mm, top=10 * mm, bottom=13 * mm)
    month = for_month(doc.year, doc.month)
    letterhead(sheet, doc.provider)
    sheet.title("РЕЕСТР", f"договоров об образовании по сертификатам дополнительного образования, "
                          f"действующих {in_month(doc.year, doc.month)}", size=11.5, after=3)
    parties(sheet, doc.provider, doc.payer, label_width=LABEL_W)
    sheet.space(2)
    rows: list[list[str] | Section] = []
    for n, row in enumerate(doc.rows, 1):
        rows.append([str(n), row.contract_number, format_date(row.contract_date, ""), row.child_name,
                     row.certificate_number, f"{row.program_name}, группа «{row.group_name}»",
                     format_date(row.start_date), format_date(row.end_date),
                     figures(row.certificate_monthly), figures(row.parent_monthly)])
    certificate = sum((r.certificate_monthly for r in doc.rows), Decimal("0"))
    parent = sum((r.parent_monthly for r in doc.rows), Decimal("0"))
    totals = [Total(f"{TOTAL} ({len(doc.rows)} дог.)", (figures(certificate), figures(parent)))]
    ledger(sheet, HEADER, rows, WIDTHS, ALIGNS, totals,
           continued=f"Продолжение реестра договоров за {month}", size=8, keep_after=Sheet.SIGNATURE_H + 20)
    sheet.para(f"Реестр сформирован {format_date(doc.printed_on)}.", after=0, keep=Sheet.SIGNATURE_H)
    sheet.signature(head_role(doc.provider), head_short_name(doc.provider.head_name), dated=None)
    sheet.para("М. П.", after=0)
    return sheet.pages
