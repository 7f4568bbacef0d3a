"""Programme catalogue and editor benchmarks (issue 4).

A workspace database holds 2,000 programmes of one provider (all six directions, 1–2 modules, a
group each) and one large card: 4 modules × 5 groups with weekly slots.

* Catalogue filter per keystroke (target ≤ 30 ms): every keystroke of a few queries runs what the
  «Программы» screen runs — ``services.programs.catalogue`` and the Qt model's ``set_rows``.
  Baseline, same run, same file: a raw sqlite3 LIKE on the stored search text.
* Open the editor of the large card (target ≤ 150 ms): ``open_card`` + building the
  ``ProgramEditorDialog``. Baseline: a bare ``QDialog`` with the same number of line edits built
  and laid out (a bare Qt window).

Standalone: ``.venv/bin/python -m benchmarks.programs_bench``.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from benchmarks.keystrokes import time_keystrokes

PROGRAMS = 2000
DIRECTIONS = ("technical", "natural_science", "sport", "art", "tourism", "social")
WORDS = ["Робототехника", "Юный", "эколог", "Футбол", "Шахматы", "Вокал", "Театр", "Краевед",
         "Журналистика", "Программирование", "Рисунок", "Танцы", "Волейбол", "Астрономия"]
TEACHERS = ["Иванова Анна Сергеевна", "Петров Олег Иванович", "Сорокина Ульяна Алексеевна",
            "Фёдоров Илья Петрович", "Кузнецова Мария Андреевна"]
BIG = 1  # the id of the large card
RUNS = 15


def _typed(word: str) -> list[str]:
    return [word[:i] for i in range(1, len(word) + 1)]


def build(data: Path) -> None:
    from pfdo_desktop.models import Module, Program, Provider, ScheduleSlot, StudyGroup, open_database
    from pfdo_desktop.services.programs import program_search_text

    db = open_database(data)
    try:
        with db.write() as s:
            s.add(Provider(id=1, name="Школа", short_name="Школа"))
            s.flush()
            for i in range(1, PROGRAMS + 1):
                name = f"{WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)].lower()} {i}"
                teachers = [TEACHERS[i % len(TEACHERS)]]
                s.add(Program(id=i, provider_id=1, name=name, short_name=name[:20],
                              direction=DIRECTIONS[i % 6], registry_code="certified" if i % 2 else "general",
                              kind="general", form="full_time", level="base",
                              age_from_months=12 * (5 + i % 6), age_to_months=12 * (11 + i % 7) + 11,
                              status="published", annotation="Описание программы. " * 20,
                              duration_weeks=36, teachers=teachers, revision=1,
                              search_text=program_search_text(name, name[:20], teachers)))
            s.flush()
            module_id = group_id = slot_id = 0
            for i in range(1, PROGRAMS + 1):
                for _m in range(4 if i == BIG else 1 + i % 2):
                    module_id += 1
                    s.add(Module(id=module_id, program_id=i, name=f"{module_id}-й год", hours=144,
                                 min_children=5, max_children=20, price=Decimal("12000.00"),
                                 normative_price=Decimal("11000.00")))
                    s.flush()
                    for _g in range(5 if i == BIG else 1):
                        group_id += 1
                        s.add(StudyGroup(id=group_id, module_id=module_id, program_id=i, provider_id=1,
                                         name=f"Группа {group_id}", teacher=TEACHERS[group_id % 5],
                                         date_from=date(2026, 9, 1), date_to=date(2027, 5, 31),
                                         capacity=15, cancelled_dates=[]))
                        s.flush()
                        for wd in (1, 3):
                            slot_id += 1
                            s.add(ScheduleSlot(id=slot_id, group_id=group_id, weekday=wd,
                                               time_from="15:00", time_to="15:45", room="каб. 12"))
    finally:
        db.dispose()


def run() -> list[tuple[str, float, float, float, str]]:
    """[(figure, ours ms, baseline ms, ours max ms, what)]."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLineEdit

    from pfdo_desktop.models import open_database
    from pfdo_desktop.services import programs as svc
    from pfdo_desktop.ui.programs.editor import ProgramEditorDialog
    from pfdo_desktop.ui.programs.model import ProgramsTableModel
    from pfdo_desktop.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    out: list[tuple[str, float, float, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        build(data)
        db = open_database(data)
        workspace = Workspace(data, db)  # the editor reads through the UI's one door
        raw = sqlite3.connect(db.path)
        model = ProgramsTableModel()
        keystrokes = [*_typed("Робототехника"), *_typed("юный эк"), *_typed("петров")]
        try:
            def ours(q: str) -> None:
                model.set_rows(svc.catalogue(db, text=q).rows)

            def bare(q: str) -> None:
                raw.execute("SELECT id, name, short_name, direction, registry, age_from_months, "
                            "age_to_months, status FROM program WHERE archived = 0 AND search_text "
                            "LIKE ? ORDER BY name", ("%" + q.casefold().replace("ё", "е") + "%",)).fetchall()

            ours_ms, bare_ms = time_keystrokes(ours, bare, keystrokes, app, warmup=4)
            out.append((f"catalogue of {PROGRAMS} programmes, filter per keystroke ({len(keystrokes)} "
                        "keystrokes), ms", statistics.median(ours_ms), statistics.median(bare_ms),
                        max(ours_ms), "catalogue"))

            fields = 0

            def open_editor() -> None:
                nonlocal fields
                view = svc.open_card(db, svc.program_key(BIG))
                dialog = ProgramEditorDialog(workspace, date(2026, 11, 23), view=view)
                fields = len(dialog.findChildren(QLineEdit))
                dialog.deleteLater()
                app.processEvents()

            def bare_dialog() -> None:
                dialog = QDialog()
                form = QFormLayout(dialog)
                for i in range(max(fields, 1)):
                    form.addRow(f"Поле {i}", QLineEdit())
                dialog.deleteLater()
                app.processEvents()

            open_editor()
            bare_dialog()
            ed, bd = [], []
            for _ in range(RUNS):
                t = time.perf_counter()
                open_editor()
                ed.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                bare_dialog()
                bd.append((time.perf_counter() - t) * 1000)
            out.append((f"open the editor of a card with 4 modules and 20 groups (median of {RUNS}), ms",
                        statistics.median(ed), statistics.median(bd), max(ed), f"editor:{fields}"))
        finally:
            raw.close()
            db.dispose()
    return out


if __name__ == "__main__":
    for name, mine, baseline, worst, _what in run():
        print(f"{name}: ours {mine:.1f} ms (max {worst:.1f}), baseline {baseline:.1f} ms, "
              f"ratio {mine / baseline:.1f}")
