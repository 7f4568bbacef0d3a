"""Printed forms benchmark (issue 5): 1,000 enrolment applications into one PDF.

Ours: ``printing.render(FORM_ENROLMENT_APPLICATION, docs, path)`` for 1,000 synthetic
``ApplicationDoc`` (realistic Russian names, a certified programme with a ПФ certificate and a
co-payment, a 9-month payment schedule; no database), median of 3.

Baseline, same run: a bare ReportLab loop writing the same text. Each page's text lines are taken
from our PDF with pypdf (not timed); then ``canvas.Canvas(path, pagesize=A4)``, the same TTF (PT Serif
from fontpkg) registered, every line ``drawString`` at a fixed step, ``showPage`` per page, ``save``
(median of 3). Target: ours ≤ 2 × baseline.

Standalone: ``.venv/bin/python -m benchmarks.printing_bench``.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from benchmarks.keystrokes import median_seconds

DOCS = 1000
RUNS = 3
TODAY = date(2026, 9, 15)
START, END = date(2026, 9, 1), date(2027, 5, 31)

# (male, female) surnames; a few double ones, as registries have them.
SURNAMES = [("Иванов", "Иванова"), ("Смирнов", "Смирнова"), ("Кузнецов", "Кузнецова"),
            ("Попов", "Попова"), ("Соколов", "Соколова"), ("Лебедев", "Лебедева"), ("Козлов", "Козлова"),
            ("Новиков", "Новикова"), ("Морозов", "Морозова"), ("Волков", "Волкова"),
            ("Соловьёв", "Соловьёва"), ("Васильев", "Васильева"), ("Зайцев", "Зайцева"),
            ("Павлов", "Павлова"), ("Семёнов", "Семёнова"), ("Голубев", "Голубева"),
            ("Виноградов", "Виноградова"), ("Богданов", "Богданова"), ("Воробьёв", "Воробьёва"),
            ("Фёдоров", "Фёдорова"), ("Римский-Корсаков", "Римская-Корсакова"),
            ("Мамин-Сибиряк", "Мамина-Сибиряк"), ("Салтыков-Щедрин", "Салтыкова-Щедрина")]
BOYS = ["Александр", "Максим", "Артём", "Михаил", "Иван", "Дмитрий", "Матвей", "Тимофей", "Егор",
        "Фёдор", "Лев", "Марк"]
GIRLS = ["Анна", "Мария", "София", "Алиса", "Виктория", "Полина", "Ева", "Варвара", "Анна-Мария",
         "Ксения", "Дарья", "Ульяна"]
# (father's name) → (son's, daughter's) patronymic
FATHERS = [("Александрович", "Александровна"), ("Сергеевич", "Сергеевна"), ("Андреевич", "Андреевна"),
           ("Алексеевич", "Алексеевна"), ("Дмитриевич", "Дмитриевна"), ("Игоревич", "Игоревна"),
           ("Евгеньевич", "Евгеньевна"), ("Николаевич", "Николаевна"), ("Ильич", "Ильинична")]
MOTHERS = ["Елена", "Ольга", "Наталья", "Татьяна", "Светлана", "Ирина", "Юлия", "Екатерина"]


def make_docs(n: int = DOCS) -> list:
    """``n`` enrolment applications of one certified group (ПФ certificate, co-payment)."""
    from pfdo_desktop.domain.documents import (
        ApplicationDoc,
        CertificateInfo,
        PersonInfo,
        ProviderInfo,
        StudyInfo,
        payment_schedule,
    )
    from pfdo_desktop.domain.identity import make_snils

    provider = ProviderInfo(
        name="Муниципальное автономное учреждение дополнительного образования «Центр детского "
             "творчества «Радуга» Заречного муниципального округа",
        short_name="МАУ ДО ЦДТ «Радуга»", inn="4718762531", ogrn="1184770693777",
        address="Заречный муниципальный округ, г. Заречный, ул. Ленина, д. 24",
        head_name="Захаров Тимофей Никитич", municipality="Заречный муниципальный округ")
    study = StudyInfo(
        program_name="Робототехника и программирование микроконтроллеров", direction_ru="техническая",
        registry_ru="сертифицированные программы", module_name="1-й год обучения", hours=144,
        group_name="Робототехника 1А", teacher="Петрова Анна Сергеевна", group_from=START, group_to=END,
        schedule="Пн, Ср 15:00–15:45, каб. 12", address=provider.address)
    price, cert_part = Decimal("25100.00"), Decimal("15660.00")
    schedule = payment_schedule(START, END, cert_part, price - cert_part)
    docs = []
    for i in range(n):
        girl = i % 2 == 1
        surname = SURNAMES[(i * 7) % len(SURNAMES)][girl]
        first = (GIRLS if girl else BOYS)[(i // 2) % 12]
        father = FATHERS[(i // 3) % len(FATHERS)]
        child = PersonInfo(
            last_name=surname, first_name=first, middle_name=father[girl],
            birth_date=date(2012 + i % 8, 1 + i % 12, 1 + i % 28), snils=make_snils(200_000_000 + i * 7),
            doc_kind="свидетельство о рождении", doc_number=f"{'IV' if i % 3 else 'II'}-МЮ {500_000 + i}")
        guardian = PersonInfo(
            last_name=SURNAMES[(i * 7) % len(SURNAMES)][1], first_name=MOTHERS[i % len(MOTHERS)],
            middle_name=FATHERS[(i + 4) % len(FATHERS)][1], relation="мать",
            phone=f"+7916{1_000_000 + i:07d}", email=f"parent{i}@example.ru")
        certificate = CertificateInfo(
            number=f"47{18_000_000 + i:08d}", status="pf", status_ru="персонифицированного финансирования",
            nominal=Decimal("30000.00"), balance=Decimal("14340.00"), reserve=cert_part, as_of=TODAY)
        docs.append(ApplicationDoc(
            provider=provider, child=child, guardian=guardian, certificate=certificate, study=study,
            number=f"З-{i + 1:06d}", status_ru="подтверждена",
            created=date(2026, 8, 20), start_date=START, end_date=END,
            contract_number=f"Д-{i + 1:06d}", contract_date=date(2026, 8, 21), price_total=price,
            certificate_part=cert_part, parent_part=price - cert_part, schedule=schedule,
            printed_on=TODAY))
    return docs


def page_lines(path: Path) -> list[list[str]]:
    """The text lines of every page of a PDF (pypdf)."""
    from pypdf import PdfReader

    return [(page.extract_text() or "").splitlines() for page in PdfReader(path).pages]


def bare_reportlab(pages: list[list[str]], path: Path) -> None:
    """The same text with a bare ReportLab canvas: one TTF, one drawString per line."""
    import fontpkg
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    pdfmetrics.registerFont(TTFont("BenchSerif", str(fontpkg.path("PT Serif"))))
    top = A4[1] - 40
    for lines in pages:
        c.setFont("BenchSerif", 10)  # showPage resets the font
        step = min(12.0, (A4[1] - 80) / max(len(lines), 1))
        y = top
        for line in lines:
            c.drawString(40, y, line)
            y -= step
        c.showPage()
    c.save()


def run() -> tuple[str, float, float, str]:
    """(figure, ours seconds, baseline seconds, note)."""
    from pfdo_desktop.domain.documents import FORM_ENROLMENT_APPLICATION
    from pfdo_desktop.printing import render

    docs = make_docs()
    with tempfile.TemporaryDirectory() as tmp:
        ours_pdf, bare_pdf = Path(tmp) / "ours.pdf", Path(tmp) / "bare.pdf"
        counted: list[int] = []
        ours = median_seconds(lambda: counted.append(render(FORM_ENROLMENT_APPLICATION, docs, ours_pdf)),
                              RUNS, warmup=False)
        pages = counted[-1]
        t = time.perf_counter()
        lines = page_lines(ours_pdf)
        extract_s = time.perf_counter() - t
        bare = median_seconds(lambda: bare_reportlab(lines, bare_pdf), RUNS, warmup=False)
        n_lines = sum(len(p) for p in lines)
        ours_kb, bare_kb = ours_pdf.stat().st_size // 1024, bare_pdf.stat().st_size // 1024
    figure = f"{DOCS} enrolment applications into one PDF ({pages} pages), median of {RUNS}, s"
    note = (f"9: benchmarks/printing_bench.py — printing.render of {DOCS} synthetic enrolment applications "
            f"(certified programme, ПФ certificate + co-payment, 9-month schedule) → {pages} pages, "
            f"{ours_kb} KiB; baseline: the same {n_lines} text lines (taken from our PDF with pypdf) "
            f"drawn with a bare ReportLab canvas, PT Serif TTF, one drawString per line → {bare_kb} KiB. "
            f"Medians of {RUNS} (the first run of each includes loading the font); the text "
            f"extraction ({extract_s:.1f} s) is not timed.")
    return figure, ours, bare, note


if __name__ == "__main__":
    name, mine, baseline, text = run()
    print(f"{name}: ours {mine:.2f} s, baseline {baseline:.2f} s, ratio {mine / baseline:.2f} "
          f"(target ≤ 2.00) — {'met' if mine <= 2 * baseline else 'NOT met'}")
    print(text)
