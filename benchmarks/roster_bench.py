"""Roster import benchmark (issue 3 item 6): ``read_table`` + ``guess_mapping`` + ``preview`` +
``summary`` of a 2,000-row XLSX against a bare openpyxl read-only iteration of the same file, both
measured in the same run; and the whole import as «Импортировать» runs it (plus matching against the
children already known and queueing every valid row as a new-child request in one transaction).
Target: ours ≤ 3 × bare. The end-to-end figure imports into a fresh copy of an empty operator
database each run (copying and opening it is not timed).

Standalone: ``.venv/bin/python -m benchmarks.roster_bench`` prints the figures.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.keystrokes import median_seconds

ROWS = 2000
RUNS = 7
TODAY = date(2025, 9, 1)
HEADERS = [
    "Фамилия",
    "Имя",
    "Отчество",
    "Дата рождения",
    "СНИЛС",
    "Номер сертификата",
    "Телефон",
    "E-mail",
    "Законный представитель",
]


def _write_roster(path: Path) -> None:
    """A realistic sheet: date cells, СНИЛС as text, certificate numbers as numbers (some lost
    their zero), phones as numbers, a few bad and repeated rows."""
    import openpyxl

    from pfdo_desktop.domain.identity import make_snils

    last = ["Иванов", "Петров", "Сидоров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов"]
    first = ["Иван", "Пётр", "Алексей", "Дмитрий", "Артём", "Максим", "Егор", "Матвей"]
    middle = ["Иванович", "Петрович", "Сергеевич", "Андреевич", ""]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for i in range(ROWS):
        born = date(2008 + i % 12, 1 + i % 12, 1 + i % 28)
        ws.append(
            [
                last[i % 8],
                first[(i // 8) % 8],
                middle[i % 5],
                born,
                make_snils(200_000_000 + i * 7),
                201_000_000 + i if i % 3 else f"5201{i:06d}",
                79_160_000_000 + i,
                f"parent{i}@example.ru" if i % 4 else "плохой адрес",
                f"{last[i % 8]}а Мария Петровна",
            ]
        )
    wb.save(path)


def run() -> list[tuple[str, float, float]]:
    """[(figure, ours seconds, same-run baseline seconds)]; the target is ours / baseline ≤ 3."""
    import openpyxl

    from pfdo_desktop.services.roster import guess_mapping, preview, read_table, summary

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "roster.xlsx"
        _write_roster(path)

        def bare() -> None:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                for _row in wb.worksheets[0].iter_rows(values_only=True):
                    pass
            finally:
                wb.close()

        def ours() -> None:
            table = read_table(path)
            summary(preview(table, guess_mapping(table.headers), today=TODAY))

        import shutil

        from pfdo_desktop.workspace import Workspace

        Workspace.open(Path(tmp) / "empty").close()  # a fresh operator database, copied per run

        def full_once(n: int) -> float:
            # What «Импортировать» does, end to end, into a fresh operator database: read,
            # preview, match against children already known, queue the valid rows. Opening the
            # database is outside the timed part (the operator's database is open already).
            shutil.copytree(Path(tmp) / "empty", Path(tmp) / f"ws{n}")
            ws = Workspace.open(Path(tmp) / f"ws{n}")
            try:
                t = time.perf_counter()
                table = read_table(path)
                rows = ws.mark_existing(preview(table, guess_mapping(table.headers), today=TODAY))
                ws.import_roster(rows, TODAY)
                return time.perf_counter() - t
            finally:
                ws.close()

        baseline = median_seconds(bare, RUNS)
        mine = median_seconds(ours, RUNS)
        full_once(0)  # warm-up
        whole = statistics.median(full_once(n) for n in range(1, RUNS + 1))
    return [
        (f"roster import: read + preview of a {ROWS}-row XLSX, s", mine, baseline),
        (f"roster import end to end: read, preview, match, queue the valid rows of a {ROWS}-row XLSX "
         "into the database, s", whole, baseline),
    ]


if __name__ == "__main__":
    for name, mine, baseline in run():
        print(
            f"{name}: ours {mine:.3f} s, bare openpyxl {baseline:.3f} s, "
            f"ratio {mine / baseline:.2f} (target ≤ 3)"
        )
