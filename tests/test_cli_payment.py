"""`pfdo-desktop print invoice|advance|contracts-register --month …` and `export month` (issue 12):
the PDFs read back with pdftotext carry the month's computed totals; the XLSX read back with
openpyxl has numbers as numbers and certificate and contract numbers as text."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl

from pfdo_desktop.cli import main

TODAY = date.today()
MONTH = (TODAY.year - 1, 12) if TODAY.month == 1 else (TODAY.year, TODAY.month - 1)
MONTH_ARG = f"{MONTH[0]:04d}-{MONTH[1]:02d}"
MONEY = r"\d{1,3}(?: \d{3})*,\d\d"
ANNEX_ROW = re.compile(rf"^\s*(\d+)\s+(Д-\d{{6}})\s+(\d\d\.\d\d\.\d{{4}})\s+(\d{{10}})\s+(\d+,\d\d)\s+"
                       rf"({MONEY})\s*$")


def money(text: str) -> Decimal:
    return Decimal(text.replace(" ", "").replace(",", "."))


def pdf_text(pdf: Path) -> str:
    assert shutil.which("pdftotext")
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    return out.replace("\u00a0", " ")


def figure_after(label: str, text: str) -> Decimal:
    found = re.findall(rf"^\s*{re.escape(label)}\s+({MONEY})\s*$", text, re.M)
    assert len(found) == 1, f"«{label}»: {found}"
    return money(found[0])


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out.strip(), out.err.strip()


def test_print_invoice_annex_lines_and_totals_are_the_computed_month(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    doc = ws.invoice_document(MONTH)
    out = tmp_path / "счёт.pdf"
    code, said, err = run(capsys, "print", "invoice", "--data-dir", str(ws.data_dir), "--month", MONTH_ARG,
                          "-o", str(out))
    assert (code, err) == (0, "") and said.startswith(f"Сохранено: {out}")
    text = pdf_text(out)
    rows = [ANNEX_ROW.match(line) for line in text.splitlines()]
    lines = [m for m in rows if m]
    assert [(m[2], m[4], money(m[6])) for m in lines] == [
        (line.contract_number, line.certificate_number, line.amount) for line in doc.lines]
    assert sum(money(m[6]) for m in lines) == doc.total == figure_after("Итого по приложению", text)
    assert figure_after("Подлежит оплате", text.split("Приложение к счёту")[-1]) == doc.total - doc.advance
    assert doc.total == ws.month_view(MONTH).certificate_total


def test_print_advance_and_register_carry_the_computed_sums(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    advance = ws.advance_document(MONTH)
    out = tmp_path / "аванс.pdf"
    assert run(capsys, "print", "advance", "--data-dir", str(ws.data_dir), "--month", MONTH_ARG,
               "-o", str(out))[0] == 0
    text = pdf_text(out)
    month_words = re.search(r"Сумма аванса за (\S+ \d{4} г\.)", text)
    assert month_words
    assert figure_after(f"Сумма аванса за {month_words[1]}", text) == advance.amount > 0
    assert figure_after(f"Итого платежей по сертификатам в месяц ({len(advance.lines)} дог.)",
                        text) == advance.base

    register = ws.contracts_register_document(MONTH)
    out = tmp_path / "реестр.pdf"
    assert run(capsys, "print", "contracts-register", "--data-dir", str(ws.data_dir), "--month", MONTH_ARG,
               "-o", str(out))[0] == 0
    text = pdf_text(out)
    found = re.findall(rf"Итого \({len(register.rows)} дог\.\)\s+({MONEY})\s+({MONEY})", text)
    assert len(found) == 1
    assert money(found[0][0]) == sum((r.certificate_monthly for r in register.rows), Decimal(0))
    assert money(found[0][0]) == advance.base
    assert money(found[0][1]) == sum((r.parent_monthly for r in register.rows), Decimal(0))


def test_money_forms_refuse_a_wrong_command_line_in_one_russian_line(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    base = ["--data-dir", str(ws.data_dir), "-o", str(tmp_path / "x.pdf")]
    cases = [
        (["print", "invoice", *base], "укажите месяц документа: --month ГГГГ-ММ"),
        (["print", "invoice", "--month", "11.2026", *base], "месяц указывается как ГГГГ-ММ"),
        (["print", "advance", "--month", MONTH_ARG, "--group", "1", *base], "а не --group"),
        (["print", "invoice", "--month", MONTH_ARG, "--payer", "Нигде", *base],
         "нет договоров плательщика «Нигде»"),
        (["print", "contracts-register", "--month", "2001-01", *base], "нет договоров, оплачиваемых"),
        (["print", "journal", "--group", "1", "--payer", "X", *base], "--payer нужен только"),
    ]
    for argv, words in cases:
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == "", argv
        assert err.startswith("pfdo-desktop: ") and words in err and "\n" not in err, err
    assert not (tmp_path / "x.pdf").exists()


def test_export_month_to_xlsx_numbers_as_numbers_numbers_of_documents_as_text(enrolled_workspace, tmp_path,
                                                                              capsys):
    ws = enrolled_workspace
    doc = ws.invoice_document(MONTH)
    out = tmp_path / "месяц.xlsx"
    code, said, err = run(capsys, "export", "month", "--data-dir", str(ws.data_dir), "--month", MONTH_ARG,
                          "-o", str(out))
    assert (code, err) == (0, "")
    view = ws.month_view(MONTH)
    assert said == f"Сохранено: {out} (договоров: {view.contracts})"
    book = openpyxl.load_workbook(out)
    annex = [row for row in book["Приложение к счёту"].iter_rows(values_only=True)
             if row and isinstance(row[0], int)]
    assert [(r[1], r[3]) for r in annex] == [(x.contract_number, x.certificate_number) for x in doc.lines]
    for _n, number, signed, certificate, k, amount in annex:
        assert isinstance(number, str) and isinstance(certificate, str) and len(certificate) == 10
        assert isinstance(signed, datetime)
        assert isinstance(k, (int, float)) and isinstance(amount, (int, float))
    assert round(sum(Decimal(str(r[5])) for r in annex), 2) == doc.total
    contracts = list(book["Договоры"].iter_rows(values_only=True))
    assert contracts[0][0] == "№ договора" and len(contracts) - 1 == view.contracts
    assert all(isinstance(r[0], str) and isinstance(r[8], (int, float)) for r in contracts[1:])
    groups = list(book["Группы"].iter_rows(values_only=True))[1:]
    assert sorted(r[0] for r in groups) == sorted(g.name for g in view.groups)
    assert round(sum(Decimal(str(r[7])) for r in groups), 2) == view.certificate_total


def test_export_refuses_a_file_that_is_not_xlsx(enrolled_workspace, tmp_path, capsys):
    code, out, err = run(capsys, "export", "month", "--data-dir", str(enrolled_workspace.data_dir),
                         "--month", MONTH_ARG, "-o", str(tmp_path / "месяц.csv"))
    assert code == 1 and err == "pfdo-desktop: файл выгрузки должен иметь расширение .xlsx, а не «месяц.csv»"
