"""The one-page indicators report (issue 13): printed from the PC's own figures, its text read back
from the PDF (pypdf) and its page looked at; every chart of the tab is on it with its figures."""

from __future__ import annotations

from datetime import date, timedelta

import pypdf

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.domain.documents import FORM_INDICATORS
from pfdo_desktop.printing.forms.money import for_month

TODAY = date.today()
_last = pay.month_first_day((TODAY.year, TODAY.month)) - timedelta(days=1)
LAST = (_last.year, _last.month)


def test_the_report_is_one_page_with_the_table_the_charts_and_the_signature(enrolled_workspace, tmp_path):
    ws = enrolled_workspace
    doc = ws.indicators_report(LAST, today=TODAY)
    out = tmp_path / "показатели.pdf"
    assert ws.print_month_document(FORM_INDICATORS, doc, out) == 1
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join((reader.pages[0].extract_text() or "").replace("\xa0", " ").split())
    assert f"о показателях организации за {for_month(*LAST)}".replace("\xa0", " ") in text
    assert f"по данным на {doc.as_of:%d.%m.%Y}" in text
    for title, month_value, _share, _year_value, _year_share in doc.table:
        if title.startswith("Используются"):
            assert f"{title} {month_value}" in text
    for spec in doc.charts:
        assert spec.title in text
    figures = ws.provider_indicators(LAST, today=TODAY)
    assert [s.title for s in doc.charts] == [s.title for s in ws.indicator_charts(figures)]
    directions = doc.charts[-1]
    programmes = sum(d.programmes for d in figures.month_figures.directions)
    assert sum(v for v in directions.series[0][1] if v) == programmes
    assert "М. П." in text and "(подпись)" in text
