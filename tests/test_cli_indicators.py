"""`pfdo-desktop print indicators --month …` and `export indicators --month …` (issue 13): the report
and the tables from the command line, as the «Показатели» tab makes them; a wrong command line is
one Russian line."""

from __future__ import annotations

from datetime import date

import openpyxl
import pypdf

from pfdo_desktop.cli import main

TODAY = date.today()
MONTH = (TODAY.year - 1, 12) if TODAY.month == 1 else (TODAY.year, TODAY.month - 1)
MONTH_ARG = f"{MONTH[0]:04d}-{MONTH[1]:02d}"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out.strip(), out.err.strip()


def test_print_and_export_the_indicators(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    pdf = tmp_path / "показатели.pdf"
    code, said, err = run(capsys, "print", "indicators", "--data-dir", str(ws.data_dir), "--month", MONTH_ARG,
                          "-o", str(pdf))
    assert (code, err) == (0, "") and said.startswith(f"Сохранено: {pdf}")
    [page] = pypdf.PdfReader(pdf).pages
    assert "Программы и дети по направлениям" in (page.extract_text() or "")
    xlsx = tmp_path / "показатели.xlsx"
    code, said, err = run(capsys, "export", "indicators", "--data-dir", str(ws.data_dir),
                          "--month", MONTH_ARG, "-o", str(xlsx))
    assert (code, err, said) == (0, "", f"Сохранено: {xlsx} (листов: 5)")
    sheet = openpyxl.load_workbook(xlsx)["По направлениям"]
    rows = [r for r in sheet.iter_rows(values_only=True) if r and isinstance(r[1], int)]
    figures = ws.provider_indicators(MONTH)
    assert [(r[0], r[1], r[7]) for r in rows] == [(d.title, d.programmes, d.children)
                                                  for d in figures.month_figures.directions]


def test_the_report_wants_a_month_and_nothing_else(enrolled_workspace, tmp_path, capsys):
    base = ["--data-dir", str(enrolled_workspace.data_dir), "-o", str(tmp_path / "x.pdf")]
    for argv, words in ((["print", "indicators", *base], "укажите месяц отчёта: --month ГГГГ-ММ"),
                        (["print", "indicators", "--month", MONTH_ARG, "--group", "1", *base],
                         "укажите только месяц")):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == "" and words in err and "\n" not in err, err
    assert not (tmp_path / "x.pdf").exists()
