"""Every Qt model of the UI passes pytest-qt's model tester with real data."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pfdo_desktop.ui.groups.model import COL_CHILDREN, COL_NAME, GroupsTableModel, RowRole
from pfdo_desktop.ui.journal.model import JournalModel
from pfdo_desktop.ui.sync.issues import IssuesTableModel


def test_groups_model(qtmodeltester, enrolled_workspace):
    model = GroupsTableModel()
    rows = enrolled_workspace.groups()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(rows) > 0
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Группа"
    assert model.data(model.index(0, COL_NAME)) == rows[0].name
    assert model.data(model.index(0, COL_CHILDREN)) == f"{rows[0].children} / {rows[0].capacity}"
    assert model.data(model.index(0, 0), RowRole) is rows[0]
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_journal_model(qtmodeltester, enrolled_workspace):
    model = JournalModel()
    qtmodeltester.check(model, force_py=True)  # empty
    group = enrolled_workspace.groups()[0]
    journal = enrolled_workspace.journal(group.id, group.date_from, group.date_to)
    model.set_journal(journal)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(journal.children) + 1
    assert model.columnCount() == len(journal.lessons) + 1
    child = journal.children[0]
    lesson = next(lesson for lesson in journal.lessons if child.is_member_on(lesson.lesson_date))
    model.set_code(child.child_id, lesson.lesson_date, 3)
    assert model.data(model.index_of(child.child_id, lesson.lesson_date)) == "б"
    qtmodeltester.check(model, force_py=True)


def test_issues_model(qtmodeltester):
    from datetime import UTC, datetime

    from pfdo_desktop.services.rows import SyncIssueRow

    model = IssuesTableModel()
    qtmodeltester.check(model, force_py=True)
    model.set_rows(
        [
            SyncIssueRow(
                1,
                datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
                "month_locked",
                "Отметка не принята",
                "Месяц закрыт",
                "Обратитесь в МОЦ",
            ),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 3)) == "Обратитесь в МОЦ"
