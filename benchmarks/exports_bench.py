"""XLSX export benchmark (issue 13, «Excel out»): 100,000 children with certificates exported the way
«Экспорт в Excel…» on «Дети и сертификаты» does it (``Workspace.export_children``: the streamed
query, the typed cells, widths, the frozen header, the filter) beside a bare openpyxl write-only
loop writing the same rows (a raw sqlite3 cursor over the same join, plain ``ws.append``), same run,
same database file.

Each side runs in a fresh Python process, timed, reporting its peak resident memory (``VmHWM`` of
/proc/self/status: ``ru_maxrss`` keeps the parent's peak across ``exec``) and what the export added
to it (peak − resident before the export, after the imports). The issue's bar: a 100 k-row export
must not need hundreds of MB. ``EXPORTS_BENCH_ROWS`` makes it smaller for a quick look.

Standalone: ``.venv/bin/python -m benchmarks.exports_bench`` prints the figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from datetime import date
from pathlib import Path

ROWS = int(__import__("os").environ.get("EXPORTS_BENCH_ROWS", "100000"))

LAST = ["Иванов", "Петров", "Сидоров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов",
        "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов"]
FIRST = ["Иван", "Пётр", "Алексей", "Дмитрий", "Артём", "Максим", "Егор", "Матвей", "Михаил", "Даниил"]
MIDDLE = ["Иванович", "Петрович", "Сергеевич", "Андреевич", "Алексеевич", ""]


def build(data_dir: Path) -> Path:
    """A workspace database with ``ROWS`` children, each with a certificate; returns its file."""
    from sqlalchemy import insert

    from pfdo_desktop.domain.identity import make_snils, search_name
    from pfdo_desktop.models import Certificate, Child, open_database

    db = open_database(data_dir)
    try:
        children, certificates = [], []
        for i in range(ROWS):
            last, first = LAST[i % len(LAST)], FIRST[(i // len(LAST)) % len(FIRST)]
            middle = MIDDLE[i % len(MIDDLE)]
            children.append({"id": i + 1, "last_name": last, "first_name": first, "middle_name": middle,
                             "birth_date": date(2008 + i % 12, 1 + i % 12, 1 + (i * 7) % 28),
                             "snils": make_snils(100_000_000 + i * 13) if i % 4 else "",
                             "search_name": search_name(last, first, middle), "archived": False})
            certificates.append({"id": i + 1, "child_id": i + 1, "number": f"{520_000_000 + i:010d}",
                                 "status": "pf" if i % 3 else "uchet", "nominal": "30000.00",
                                 "balance": f"{30000 - i % 30000}.50", "reserve": "0.00", "unit": "rub",
                                 "archived": False})
        with db.write() as s:
            s.execute(insert(Child), children)
            s.execute(insert(Certificate), certificates)
        return db.path
    finally:
        db.dispose()


# What each side's process runs: ``{prepare}`` imports and opens (outside the measured growth),
# ``work()`` exports; the process prints one JSON line.
_PROCESS = """
import json, sys, time
from pathlib import Path
data_dir, out = Path(sys.argv[1]), Path(sys.argv[2])

def status(field):  # KiB; VmHWM is this process's own peak (ru_maxrss keeps the parent's over exec)
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0

{prepare}
before = status("VmRSS")
t = time.perf_counter()
count = work()
seconds = time.perf_counter() - t
print(json.dumps({{"count": count, "seconds": seconds, "peak_kib": status("VmHWM"), "before_kib": before}}))
"""

_OURS = """
from pfdo_desktop.workspace import Workspace
import openpyxl, sqlalchemy.orm  # noqa: F401 - loaded before the measurement, as in the running app
ws = Workspace.open(data_dir, create=False)

def work():
    return ws.export_children(out)
"""

_BARE = """
import sqlite3
from datetime import date
from openpyxl import Workbook
conn = sqlite3.connect(data_dir / "pfdo.sqlite3")
SQL = ("SELECT c.last_name || ' ' || c.first_name || ' ' || c.middle_name, c.birth_date, c.snils, "
       "k.number, k.status, k.nominal, k.balance, k.reserve, k.unit FROM child c "
       "LEFT JOIN certificate k ON k.child_id = c.id AND k.archived = 0 "
       "WHERE c.archived = 0 ORDER BY c.search_name, c.birth_date, c.id")

def work():
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Дети")
    sheet.append(["ФИО", "Дата рождения", "СНИЛС", "Сертификат", "Вид", "Номинал", "Остаток", "Резерв",
                  "Единица"])
    n = 0
    for name, born, snils, number, status, nominal, balance, reserve, unit in conn.execute(SQL):
        sheet.append([name, date.fromisoformat(born), snils, number, status, float(nominal),
                      float(balance), float(reserve), unit])
        n += 1
    book.save(out)
    return n
"""


def _run(side: str, data_dir: Path, out: Path) -> dict[str, float]:
    prepare = textwrap.dedent(_OURS if side == "ours" else _BARE)
    code = _PROCESS.format(prepare=prepare)
    done = subprocess.run([sys.executable, "-c", code, str(data_dir), str(out)], check=True,
                          capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run() -> list[tuple[str, float, float, str, str]]:
    """[(figure, ours, bare openpyxl, unit, note)]: the time, the peak resident memory of the process,
    and what the export added to it."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "ws"
        data_dir.mkdir()
        build(data_dir)
        figures = {side: _run(side, data_dir, Path(tmp) / f"{side}.xlsx") for side in ("bare", "ours")}
        sizes = {side: (Path(tmp) / f"{side}.xlsx").stat().st_size / 2**20 for side in ("bare", "ours")}
    ours, bare = figures["ours"], figures["bare"]
    assert ours["count"] == bare["count"] == ROWS, (ours, bare)

    def grown(side: dict[str, float]) -> float:
        return max(side["peak_kib"] - side["before_kib"], 0) / 1024

    note = (f"11: benchmarks/exports_bench.py — {ROWS} children with certificates; ours: "
            f"Workspace.export_children (the streamed query, typed cells, widths, frozen header, filter; "
            f"{sizes['ours']:.1f} MiB file); baseline: a raw sqlite3 cursor over the same join into a bare "
            f"openpyxl write-only sheet (plain ws.append; {sizes['bare']:.1f} MiB file). Each side in a "
            f"fresh process; memory from /proc/self/status: the peak (VmHWM) and what the export added to "
            f"the resident size after the imports (ours {ours['before_kib'] / 1024:.0f} MiB before: "
            f"Python, SQLAlchemy, openpyxl, the workspace; bare {bare['before_kib'] / 1024:.0f} MiB).")
    return [
        (f"XLSX export of {ROWS // 1000} k children, s", ours["seconds"], bare["seconds"], "s", note),
        (f"XLSX export of {ROWS // 1000} k children, peak resident memory of the process, MiB",
         ours["peak_kib"] / 1024, bare["peak_kib"] / 1024, "MiB", ""),
        (f"XLSX export of {ROWS // 1000} k children, memory the export added (peak − resident before), MiB",
         grown(ours), grown(bare), "MiB", ""),
    ]


if __name__ == "__main__":
    for figure, ours_v, bare_v, unit, _note in run():
        ratio = f"{ours_v / bare_v:.2f}" if bare_v else "—"
        print(f"{figure}: ours {ours_v:.2f} {unit}, bare openpyxl {bare_v:.2f} {unit}, ratio {ratio}")
