"""The month's money forms (issue 12) as the accountant reads them: each form is rendered to a real
PDF and read back with ``pdftotext -layout`` (poppler), one page at a time, and its figures are
added up again: the annex lines make the total, the total less the advance is «подлежит оплате»,
the words say the same sum as the figures, a long annex repeats its header on every page and has
its total once, at the end."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdf
import pytest
from pdf_reading import laid_out, pieces_outside
from reportlab.lib.pagesizes import A4

from pfdo_desktop.domain import documents as d
from pfdo_desktop.printing import render
from pfdo_desktop.printing.forms.invoice import ANNEX_TOTAL
from pfdo_desktop.printing.layout import Page, text_box
from pfdo_desktop.printing.russian import rubles_in_words
from pfdo_desktop.printing.samples import sample_advance, sample_invoice, sample_register

# a figure as printed: «1 250,00», «−312,50», «+156,25» (thousands split by a space after pdftotext)
MONEY = r"[−+-]?\d{1,3}(?: \d{3})*,\d\d"
CONTRACT = r"(\d+)\s+(Д-\d{6})\s+(\d\d\.\d\d\.\d{4})\s+(\d{10})"  # № п/п, договор, дата, сертификат
ANNEX_ROW = re.compile(rf"^\s*{CONTRACT}\s+(.+?)\s+({MONEY})\s*$")


def money(text: str) -> Decimal:
    return Decimal(text.replace(" ", "").replace("−", "-").replace(",", "."))


def pages_text(pdf: Path) -> list[str]:
    """The text of each page as ``pdftotext -layout`` lays it out (a table row on one line)."""
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is installed by bootstrap"
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = out.replace("\u00a0", " ").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def rendered(tmp_path: Path, form: str, doc: Any, name: str = "form.pdf") -> list[str]:
    pdf = tmp_path / name
    pages = render(form, [doc], pdf)
    text = pages_text(pdf)
    assert len(text) == pages
    return text


def figure_after(label: str, text: str) -> Decimal:
    """The figure at the end of the line that starts with ``label`` (a totals row), exactly one."""
    found = re.findall(rf"^\s*{re.escape(label)}\s+({MONEY})\s*$", text, re.M)
    assert len(found) == 1, f"«{label}»: {found}"
    return money(found[0])


def annex_rows(pages: list[str]) -> list[tuple[int, str, str, str, str, Decimal]]:
    rows = []
    for page in pages:
        for line in page.splitlines():
            m = ANNEX_ROW.match(line)
            if m:
                rows.append((int(m[1]), m[2], m[3], m[4], m[5], money(m[6])))
    return rows


# --- the sum in words, read back -----------------------------------------------------------------

_UNITS = {"ноль": 0, "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
          "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11,
          "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
          "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
          "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
          "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
          "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900}
_SCALES = {"тысяча": 1000, "тысячи": 1000, "тысяч": 1000, "миллион": 10**6, "миллиона": 10**6,
           "миллионов": 10**6}


def words_to_int(words: str) -> int:
    """«сорок шесть тысяч девятьсот девяносто восемь» → 46998 (what a reader of the invoice does)."""
    total = current = 0
    for word in words.split():
        if word in _UNITS:
            current += _UNITS[word]
        else:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return total + current


IN_WORDS = re.compile(r"(Всего к оплате|Подлежит возврату|Сумма аванса): (\d{1,3}(?: \d{3})*) \(([а-яё ]+)\) "
                      r"(рубль|рубля|рублей) (\d\d) (копейка|копейки|копеек)\.")


def sum_in_words(text: str) -> tuple[str, Decimal]:
    """The sum in words, checked against its own figures; (label, the sum)."""
    flat = " ".join(text.split())
    found = IN_WORDS.findall(flat)
    assert len(found) == 1, found
    label, rubles, words, _, kopecks, _ = found[0]
    assert words_to_int(words) == int(rubles.replace(" ", "")), f"{rubles} ≠ «{words}»"
    amount = Decimal(rubles.replace(" ", "")) + Decimal(kopecks) / 100
    assert rubles_in_words(amount).replace("\u00a0", " ") in flat  # the one wording of russian.py
    return label, amount


# --- the invoice and its annex ----------------------------------------------------------------------


def test_invoice_annex_lines_sum_to_the_total_and_the_advance_leaves_what_is_due(tmp_path):
    doc = sample_invoice(25, corrections=2)
    pages = rendered(tmp_path, d.FORM_INVOICE, doc)
    invoice, annex = pages[0], "\n".join(pages[1:])

    assert f"СЧЁТ № {doc.number} от 03.12.2026" in invoice
    assert f"Приложение к счёту № {doc.number} от 03.12.2026" in pages[1]
    rows = annex_rows(pages[1:])
    assert [r[0] for r in rows] == list(range(1, 28)), "25 contracts and 2 corrections, numbered in order"
    total = figure_after(ANNEX_TOTAL, annex)
    assert sum(r[5] for r in rows) == total == doc.total
    assert figure_after("в том числе за ноябрь 2026 г.", annex) == sum(r[5] for r in rows[:25])
    assert figure_after("в том числе корректировки", annex) == sum(r[5] for r in rows[25:])
    for text in (invoice, annex):  # the invoice page and the annex say the same
        advance = figure_after("Аванс за ноябрь 2026 г.", text)
        due = figure_after("Подлежит оплате", text)
        assert total - advance == due == doc.due
        assert sum_in_words(text) == ("Всего к оплате", due)
    assert figure_after("Итого", invoice) == total
    # the invoice's own lines: the month's services and the corrections make its «Итого»
    services = re.search(rf"^\s*1\s+Образовательные услуги.*?\s({MONEY})\s*$", invoice, re.M)
    corrections = re.search(rf"^\s*2\s+Корректировки оплаты.*?\s({MONEY})\s*$", invoice, re.M)
    assert services and corrections
    assert money(services[1]) + money(corrections[1]) == total


def test_annex_shows_completeness_contract_and_certificate_numbers_as_written(tmp_path):
    doc = sample_invoice(7, corrections=0)
    pages = rendered(tmp_path, d.FORM_INVOICE, doc)
    rows = annex_rows(pages[1:])
    assert rows[0][1:5] == ("Д-000123", "01.09.2026", "5201003001", "100,00")
    assert rows[1][1:5] == ("Д-000124", "02.09.2026", "5201003002", "75,00")
    for row, line in zip(rows, doc.lines, strict=True):
        assert row[5] == line.amount
        assert row[4] == f"{line.completeness:.2f}".replace(".", ",")
    assert "Корректировки" not in "\n".join(pages) and "в том числе" not in "\n".join(pages)


def test_corrections_appear_with_their_sign_contract_and_month(tmp_path):
    doc = sample_invoice(5, corrections=2)
    pages = rendered(tmp_path, d.FORM_INVOICE, doc)
    annex = "\n".join(pages[1:])
    assert "Корректировки за прошлые периоды" in annex
    corrections = annex_rows(pages[1:])[5:]
    assert [(r[1], r[4], r[5]) for r in corrections] == [
        ("Д-000123", "за октябрь 2026", Decimal("-312.50")),
        ("Д-000124", "за сентябрь 2026", Decimal("156.25")),
    ]
    assert re.search(r"за октябрь 2026\s+−312,50", annex), "a negative correction with «−»"
    assert re.search(r"за сентябрь 2026\s+\+156,25", annex), "a positive one with «+»"
    assert figure_after("в том числе корректировки", annex) == Decimal("-156.25")


def test_a_300_line_annex_repeats_its_header_on_every_page_and_totals_once_at_the_end(tmp_path):
    doc = sample_invoice(300, corrections=0)
    pages = rendered(tmp_path, d.FORM_INVOICE, doc, "annex300.pdf")
    annex = pages[1:]
    assert len(annex) >= 5
    for number, page in enumerate(annex, 2):
        header = [line for line in page.splitlines() if "№ п/п" in line]
        assert len(header) == 1, f"page {number}: the table header once"
        for column in ("№ договора", "Дата договора", "№ сертификата", "Объём оказания", "К оплате, руб."):
            assert column in header[0], f"page {number}: «{column}» in the header"
        assert (f"стр. {number} из {len(pages)}") in page
        if number > 2:
            assert f"Продолжение приложения к счёту № {doc.number}" in page
        assert (ANNEX_TOTAL in page) == (number == len(pages)), f"page {number}: the total only at the end"
        assert ("Подлежит оплате" in page) == (number == len(pages))
    rows = annex_rows(annex)
    assert [r[0] for r in rows] == list(range(1, 301))
    assert sum(r[5] for r in rows) == figure_after(ANNEX_TOTAL, annex[-1]) == doc.total
    assert len(annex_rows([annex[-1]])) >= 1, "the last line goes with the totals, never the totals alone"
    assert sum_in_words(annex[-1])[1] == doc.due


def test_chief_accountant_unknown_is_a_line_to_fill(tmp_path):
    doc = sample_invoice(3, corrections=0, chief_accountant="")
    pages = rendered(tmp_path, d.FORM_INVOICE, doc)
    for page in pages:
        assert re.search(r"Главный бухгалтер\s+_{5,}\s+/\s+_{5,}", page)
        assert re.search(r"Директор\s+_{5,}\s+/\s+Волкова М\. В\.", page)
        assert "М. П." in page
    named = rendered(tmp_path, d.FORM_INVOICE, sample_invoice(3, corrections=0), "named.pdf")
    assert re.search(r"Главный бухгалтер\s+_{5,}\s+/\s+Кузнецова О\. П\.", named[0])


def test_an_advance_larger_than_the_services_is_due_back(tmp_path):
    doc = sample_invoice(4, corrections=0)
    doc = dataclasses.replace(doc, advance=doc.total + Decimal("100.05"), due=Decimal("-100.05"))
    pages = rendered(tmp_path, d.FORM_INVOICE, doc)
    assert figure_after("Подлежит возврату (аванс превышает стоимость оказанных услуг)", pages[0]) == Decimal(
        "100.05")
    assert "Подлежит оплате" not in "\n".join(pages)
    assert sum_in_words(pages[0]) == ("Подлежит возврату", Decimal("100.05"))


@pytest.mark.parametrize(("change", "message"), [
    ({"total": Decimal("1.00")}, "не равен сумме строк"),
    ({"due": Decimal("1.00")}, "за вычетом аванса"),
])
def test_an_invoice_whose_figures_do_not_add_up_is_not_printed(tmp_path, change, message):
    doc = dataclasses.replace(sample_invoice(3), **change)
    target = tmp_path / "invoice.pdf"
    with pytest.raises(ValueError, match=message) as error:
        render(d.FORM_INVOICE, [doc], target)
    assert "Пересчитайте месяц" in str(error.value)
    assert not target.exists()


# --- the advance request ----------------------------------------------------------------------------


def test_advance_request_lines_sum_to_the_base_and_the_share_makes_the_advance(tmp_path):
    doc = sample_advance(14)
    page, = rendered(tmp_path, d.FORM_ADVANCE, doc)
    assert "ЗАЯВКА № А-12 от 02.12.2026" in page
    assert "в размере 80,00 %" in page and "действующим на 01.12.2026" in " ".join(page.split())
    rows = re.findall(rf"^\s*{CONTRACT}\s+({MONEY})\s*$", page, re.M)
    assert [int(r[0]) for r in rows] == list(range(1, 15))
    assert rows[0][1:4] == ("Д-000123", "01.09.2026", "5201003001")
    base = figure_after("Итого платежей по сертификатам в месяц (14 дог.)", page)
    assert sum(money(r[4]) for r in rows) == base == doc.base
    assert re.search(r"Размер аванса, %\s+80,00", page)
    amount = figure_after("Сумма аванса за декабрь 2026 г.", page)
    assert amount == (base * Decimal("0.8")).quantize(Decimal("0.01")) == doc.amount
    assert sum_in_words(page) == ("Сумма аванса", amount)
    assert re.search(r"Главный бухгалтер\s+_{5,}\s+/\s+_{5,}", page)


def test_advance_request_by_group(tmp_path):
    doc = sample_advance(9, by_group=True)
    page, = rendered(tmp_path, d.FORM_ADVANCE, doc)
    rows = re.findall(rf"^\s*(\d+)\s+(.+?)\s{{2,}}(\S.*?)\s+(\d+)\s+({MONEY})\s*$", page, re.M)
    assert [int(r[0]) for r in rows] == list(range(1, 10))
    assert rows[0][1:4] == ("Робототехника", "Робототехника-1А-1", "7")
    assert sum(money(r[4]) for r in rows) == figure_after(
        "Итого платежей по сертификатам в месяц (63 дог.)", page) == doc.base
    assert sum_in_words(page)[1] == figure_after("Сумма аванса за декабрь 2026 г.", page) == doc.amount


def test_advance_request_lines_of_both_kinds_are_refused():
    contracts, groups = sample_advance(2), sample_advance(2, by_group=True)
    mixed = dataclasses.replace(contracts, lines=contracts.lines + groups.lines,
                                base=contracts.base + groups.base)
    with pytest.raises(ValueError, match="либо по договорам, либо по группам"):
        render(d.FORM_ADVANCE, [mixed], Path("/nonexistent/advance.pdf"))


# --- the register of contracts -----------------------------------------------------------------------


def test_contracts_register_is_landscape_repeats_its_header_and_sums_both_columns(tmp_path):
    doc = sample_register(70)
    pages = rendered(tmp_path, d.FORM_CONTRACTS_REGISTER, doc, "register.pdf")
    assert len(pages) >= 2
    width, height = (float(v) for v in pypdf.PdfReader(tmp_path / "register.pdf").pages[0].mediabox[2:])
    assert (round(width), round(height)) == (round(A4[1]), round(A4[0])), "A4 landscape"
    assert "договоров об образовании" in pages[0] and "действующих в ноябре 2026 г." in pages[0]
    row = re.compile(rf"^\s*(\d+)\s+(Д-\d{{6}})\s+(\d\d\.\d\d\.\d{{4}})\s+(.+?)\s+(\d{{10}})\s+(.+?)\s+"
                     rf"(\d\d\.\d\d\.\d{{4}})\s+(\d\d\.\d\d\.\d{{4}})\s+({MONEY})\s+({MONEY})\s*$", re.M)
    rows = [m.groups() for page in pages for m in row.finditer(page)]
    assert [int(r[0]) for r in rows] == list(range(1, 71))
    assert rows[0][1:5] == ("Д-000123", "01.09.2026", "Смирнова Полина Андреевна", "5201003001")
    assert rows[0][6:8] == ("01.09.2026", "31.05.2027")
    for number, page in enumerate(pages, 1):
        assert "№ п/п" in page and "Обучающийся (ФИО)" in page and "Платёж заказчика" in page, number
        assert ("Итого (70 дог.)" in page) == (number == len(pages))
    totals = re.search(rf"Итого \(70 дог\.\)\s+({MONEY})\s+({MONEY})", pages[-1])
    assert totals
    assert sum(money(r[8]) for r in rows) == money(totals[1]) == sum(r.certificate_monthly for r in doc.rows)
    assert sum(money(r[9]) for r in rows) == money(totals[2]) == sum(r.parent_monthly for r in doc.rows)
    assert re.search(r"Директор\s+_{5,}\s+/\s+Волкова М\. В\.", pages[-1])


# --- the layout -------------------------------------------------------------------------------------


def _overlaps(page: Page) -> list[tuple[str, str]]:
    """Text pieces drawn over each other (boxes from the baseline to the font size)."""
    boxes = [(text_box(piece), piece[4]) for piece in page.texts if piece[4].strip()]
    found = []
    for i, ((ax0, ay0, ax1, ay1), a) in enumerate(boxes):
        for (bx0, by0, bx1, by1), b in boxes[i + 1:]:
            if ax0 < bx1 - 0.5 and bx0 < ax1 - 0.5 and ay0 < by1 - 0.5 and by0 < ay1 - 0.5:
                found.append((a, b))
    return found


@pytest.mark.parametrize(("form", "doc"), [
    (d.FORM_INVOICE, sample_invoice(60, corrections=3)),
    (d.FORM_ADVANCE, sample_advance(60)),
    (d.FORM_ADVANCE, sample_advance(10, by_group=True)),
    (d.FORM_CONTRACTS_REGISTER, sample_register(45)),
], ids=["invoice", "advance", "advance-by-group", "register"])
def test_money_forms_keep_every_piece_inside_the_page_and_none_overlap(form, doc):
    pages = laid_out(form, doc)
    for page in pages:
        assert not pieces_outside([page], 10 * 2.83, page.width - 10 * 2.83)
        assert not _overlaps(page)
        assert all(8 * 2.83 <= y <= page.height - 8 * 2.83 for _, y, _, _, _ in page.texts)


def test_the_money_forms_are_registered_for_their_documents():
    with pytest.raises(ValueError, match="печатается по данным счёта за месяц"):
        render(d.FORM_INVOICE, [sample_advance(2)], Path("/nonexistent/x.pdf"))
    assert set(d.MONEY_FORMS) == {"invoice", "advance", "contracts-register"}
    assert all(form in d.FORMS_RU for form in d.MONEY_FORMS)


def test_money_forms_render_to_png(tmp_path):
    """The pages rasterise (what the preview and a print do) at a screen's resolution."""
    pdf = tmp_path / "invoice.pdf"
    render(d.FORM_INVOICE, [sample_invoice(40)], pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == len(pages_text(pdf))


def test_the_invoice_and_the_advance_carry_the_bank_requisites_and_a_draft_says_so(tmp_path):
    """Where the money goes, on the page the payer pays by; a paper that could not be sent on its
    date («ПРОЕКТ — не для оплаты» with the reason) never looks like an issued bill."""
    req = sample_invoice(3).provider.requisites
    assert req.account and req.bik and req.chief_accountant
    papers = ((d.FORM_INVOICE, sample_invoice(3, corrections=0)), (d.FORM_ADVANCE, sample_advance()))
    for form, doc in papers:
        first = " ".join(rendered(tmp_path, form, doc)[0].split())
        assert f"КПП {req.kpp}" in first
        assert f"р/с {req.account} в {req.bank_name}, БИК {req.bik}, к/с {req.corr_account}" in first
        assert "ПРОЕКТ" not in first
        note = "Счёт за март 2027 г. можно выставить с 01.04.2027: месяц ещё не закончился."
        draft = " ".join(rendered(tmp_path, form, dataclasses.replace(doc, draft_note=note))[0].split())
        assert f"ПРОЕКТ — НЕ ДЛЯ ОПЛАТЫ. {note}" in draft
    plain = sample_invoice(3, corrections=0)
    blank = dataclasses.replace(plain.provider, requisites=type(req)())
    page = " ".join(rendered(tmp_path, d.FORM_INVOICE, dataclasses.replace(plain, provider=blank))[0].split())
    assert re.search(r"Реквизиты: р/с _{5,} в _{5,}, БИК _{5,}, к/с _{5,}", page), page
