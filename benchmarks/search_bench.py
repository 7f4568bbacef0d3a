"""Children search benchmark (issue 3, target: ≤ 30 ms per keystroke over 5,000 children).

A workspace database holds 5,000 children (with certificates, many namesakes). An operator types
queries one character at a time — a surname, a surname + first name, a date of birth, a
certificate number, a СНИЛС — and each keystroke runs what the screen runs: ``search_children``
and the Qt item model's ``set_rows``. Baseline, same run, same file: a raw sqlite3 query that
returns the same rows (the same LIKE on the stored ``search_name``, the certificate join).

Standalone: ``.venv/bin/python -m benchmarks.search_bench`` prints the figures.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
from datetime import date
from pathlib import Path

from benchmarks.keystrokes import time_keystrokes

CHILDREN = 5000
LIMIT = 200

LAST = ["Иванов", "Петров", "Сидоров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов",
        "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов",
        "Егоров", "Павлов", "Козлов", "Степанов"]
FIRST = ["Иван", "Пётр", "Алексей", "Дмитрий", "Артём", "Максим", "Егор", "Матвей", "Михаил",
         "Даниил", "Кирилл", "Андрей", "Илья", "Тимофей", "Роман"]
MIDDLE = ["Иванович", "Петрович", "Сергеевич", "Андреевич", "Алексеевич", "Дмитриевич", ""]


def _typed(word: str) -> list[str]:
    """What the search field holds after each keystroke."""
    return [word[:i] for i in range(1, len(word) + 1)]


def build(path: Path) -> list[str]:
    """Fill a workspace database; return the keystroke sequence to replay."""
    from pfdo_desktop.domain.identity import make_snils, search_name
    from pfdo_desktop.models import Certificate, Child, open_database

    db = open_database(path)
    try:
        with db.write() as s:
            for i in range(CHILDREN):
                last = LAST[i % len(LAST)]
                first = FIRST[(i // len(LAST)) % len(FIRST)]
                middle = MIDDLE[i % len(MIDDLE)]
                born = date(2008 + i % 12, 1 + i % 12, 1 + (i * 7) % 28)
                s.add(Child(id=i + 1, last_name=last, first_name=first, middle_name=middle,
                            birth_date=born, snils=make_snils(300_000_000 + i * 13),
                            search_name=search_name(last, first, middle)))
            s.flush()  # children first: certificates refer to them
            for i in range(CHILDREN):
                s.add(Certificate(id=i + 1, child_id=i + 1, number=f"5201{i:06d}",
                                  status="pf" if i % 3 else "uchet", nominal="30000.00",
                                  balance="30000.00", reserve="0.00"))
    finally:
        db.dispose()
    return [*_typed("Кузнецов Д"), *_typed("12.03.2015"), *_typed("5201003"), *_typed("300-000")]


def run() -> list[tuple[str, float, float, float]]:
    """[(figure, ours median ms, baseline median ms, ours max ms)]."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from pfdo_desktop.models import open_database
    from pfdo_desktop.services.children import search_children
    from pfdo_desktop.ui.children.model import ChildrenTableModel

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        keystrokes = build(data)
        db = open_database(data)
        model = ChildrenTableModel()
        raw = sqlite3.connect(db.path)
        try:
            def ours(query: str) -> None:
                model.set_rows(search_children(db, query, limit=LIMIT))

            def bare(query: str) -> None:
                # The same kind of answer from raw SQL: a name-prefix LIKE (or a certificate prefix
                # for digits) joined with the certificate, ordered, limited.
                q = query.casefold().replace("ё", "е")
                if q[:1].isdigit():
                    sql = ("SELECT c.id, c.last_name, c.first_name, c.middle_name, c.birth_date, "
                           "c.snils, k.number, k.status FROM child c LEFT JOIN certificate k "
                           "ON k.child_id = c.id WHERE k.number LIKE ? OR replace(replace(c.snils, "
                           "'-', ''), ' ', '') LIKE ? ORDER BY c.search_name, c.birth_date LIMIT ?")
                    digits = q.replace("-", "").replace(".", "")
                    raw.execute(sql, (digits + "%", "%" + digits + "%", LIMIT)).fetchall()
                else:
                    sql = ("SELECT c.id, c.last_name, c.first_name, c.middle_name, c.birth_date, "
                           "c.snils, k.number, k.status FROM child c LEFT JOIN certificate k "
                           "ON k.child_id = c.id WHERE c.search_name LIKE ? "
                           "ORDER BY c.search_name, c.birth_date LIMIT ?")
                    raw.execute(sql, (q + "%", LIMIT)).fetchall()

            ours_ms, bare_ms = time_keystrokes(ours, bare, keystrokes, app)
        finally:
            raw.close()
            db.dispose()
    return [(f"children search over {CHILDREN}, per keystroke ({len(keystrokes)} keystrokes), ms",
             statistics.median(ours_ms), statistics.median(bare_ms), max(ours_ms))]


if __name__ == "__main__":
    for name, mine, baseline, worst in run():
        print(f"{name}: ours median {mine:.1f} ms (max {worst:.1f}), raw sqlite3 {baseline:.1f} ms, "
              f"ratio {mine / baseline:.1f} (target ≤ 30 ms)")
