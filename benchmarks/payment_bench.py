"""Closing a month (issue 12) on the school scenario (120 groups, ≈1,500 contracts).

Ours: ``Workspace.month_view`` (the month gathered from SQLite into the domain's rows,
``compute_month``, ``closing_blockers``) + ``Workspace.invoice_document`` + rendering the invoice
with its annex to PDF (``print_month_document``), median of 3, on the synced school workspace.

Baseline, same run, same file: one raw SQL query summing the same rows — the month's certificate
parts of the paying contracts by group (no k, no split into months, no blockers, no PDF), median
of 3. No target in the issue: the row shows how far the whole close is from the bare sum.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.keystrokes import median_seconds

RUNS = 3

RAW_SUM = """
SELECT a.group_id, COUNT(*), SUM(CAST(a.certificate_part AS REAL))
FROM application a JOIN study_group g ON g.id = a.group_id
WHERE a.archived = 0 AND a.certificate_part IS NOT NULL
  AND a.status IN ('active', 'expelled', 'transferred', 'terminated')
  AND a.start_date <= ? AND COALESCE(a.end_date, g.date_to) >= ?
GROUP BY a.group_id
"""


def last_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def run(ws: Any, today: date | None = None) -> tuple[str, float, float, str]:
    """(figure, ours ms, baseline ms, note) for the synced workspace ``ws``."""
    from pfdo_desktop.domain.documents import FORM_INVOICE
    from pfdo_desktop.domain.payment import month_first_day, month_last_day

    today = today or date.today()
    month = last_month(today)
    tmp = Path(tempfile.mkdtemp(prefix="pfdo-payment-bench-"))
    state: dict[str, Any] = {}

    def close() -> None:
        view = ws.month_view(month, today)
        doc = ws.invoice_document(month, today=today)
        state["pages"] = ws.print_month_document(FORM_INVOICE, doc, tmp / "invoice.pdf")
        state["view"], state["doc"] = view, doc

    ours = median_seconds(close, RUNS) * 1000
    first, last = month_first_day(month), month_last_day(month)
    conn = sqlite3.connect(ws.db.path)

    def raw() -> None:
        state["raw"] = conn.execute(RAW_SUM, (last.isoformat(), first.isoformat())).fetchall()

    base = median_seconds(raw, RUNS) * 1000
    conn.close()
    view, doc = state["view"], state["doc"]
    figure = (f"close a month (school: {len(view.groups)} groups, {view.contracts} contracts): compute "
              f"+ the invoice's annex PDF, median of {RUNS}")
    note = (f"10: benchmarks/payment_bench.py — month {month[1]:02d}.{month[0]}: Workspace.month_view "
            f"(gather from SQLite, compute_month, closing_blockers: {len(view.blockers)} blockers) + "
            f"invoice_document + the invoice with its {len(doc.lines)}-line annex rendered "
            f"({state['pages']} pages). Baseline: one raw sqlite3 query summing the paying contracts' "
            f"certificate parts by group on the same file ({len(state['raw'])} groups).")
    return figure, ours, base, note


if __name__ == "__main__":
    import sys

    from pfdo_desktop.workspace import Workspace

    with Workspace.open(Path(sys.argv[1]), create=False) as workspace:
        print(run(workspace))
