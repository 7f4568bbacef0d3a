"""One operation type (Anki's CollectionOp / QueryOp): a use case runs on the write pool and reports
what it changed; the main window tells every screen; slow reads run off the UI thread and an
answer nobody waits for any more is dropped."""

from __future__ import annotations

from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import settle

from pfdo_desktop.ui.tasks import CollectionOp, LatestQuery, QueryOp, ops_hub
from pfdo_desktop.workspace_types import Changes, NewChild, ValidationError, recording_changes

TODAY = date(2026, 12, 7)


def a_new_child(last_name: str = "Соколова") -> NewChild:
    return NewChild(
        last_name=last_name, first_name="Ева", middle_name="Андреевна", birth_date=date(2016, 4, 12),
        snils="112-233-445 95", doc_kind="birth_certificate", doc_number="IV-МЮ 123456",
        guardian_last_name="Соколова", guardian_first_name="Ирина", guardian_middle_name="Петровна",
        guardian_relation="mother", phone="+7 912 345-67-89", email="sokolova@mail.ru", certificate_number="",
    )


def test_a_use_case_notes_what_it_changed_and_a_refused_one_nothing(workspace):
    with recording_changes() as changed:
        workspace.request_child(a_new_child(), TODAY)
    assert changed.changes == Changes.CHILDREN | Changes.PENDING
    with recording_changes() as changed, pytest.raises(ValidationError):
        workspace.request_child(a_new_child(last_name="Sokolova"), TODAY)  # refused: one transaction, undone
    assert changed.changes == Changes.NONE
    with recording_changes() as changed:
        workspace.search_children("Соколова")  # a read changes nothing
    assert changed.changes == Changes.NONE


def test_a_collection_op_runs_off_the_ui_thread_and_reports_its_changes_after_success(qtbot, workspace):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[object] = []
    threads: list[QThread] = []

    def op() -> str:
        threads.append(QThread.currentThread())
        return workspace.request_child(a_new_child(), TODAY)

    ops_hub().executed.connect(lambda changes, initiator: seen.append(("changes", changes, initiator)))
    with qtbot.waitSignal(ops_hub().executed, timeout=10_000):
        CollectionOp(parent, op).success(lambda uid: seen.append(("success", uid))).run_in_background()
    assert threads[0] is not QApplication.instance().thread()
    assert seen[0][0] == "success" and isinstance(seen[0][1], str)  # the answer first, then the news
    assert seen[1] == ("changes", Changes.CHILDREN | Changes.PENDING, parent)


def test_a_failed_op_tells_its_failure_and_what_it_did_before_failing(qtbot, workspace):
    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[BaseException] = []
    seen: list[Changes] = []
    ops_hub().executed.connect(lambda changes, _initiator: seen.append(changes))

    def saved_then_refused() -> None:
        workspace.request_child(a_new_child(), TODAY)  # done and committed
        workspace.request_child(a_new_child(last_name="Sokolova"), TODAY)  # refused

    CollectionOp(parent, saved_then_refused).failure(failures.append).run_in_background()
    settle(qtbot)
    assert isinstance(failures[0], ValidationError)
    assert seen == [Changes.CHILDREN | Changes.PENDING]

    CollectionOp(parent, lambda: workspace.request_child(a_new_child(last_name="X1"), TODAY)).failure(
        failures.append
    ).run_in_background()
    settle(qtbot)
    assert len(failures) == 2 and seen == [Changes.CHILDREN | Changes.PENDING]  # nothing done: no news


def test_a_read_for_a_closed_window_is_dropped(qtbot, workspace):
    parent = QWidget()
    answers: list[object] = []
    QueryOp(parent, lambda: workspace.search_children(""), answers.append).run_in_background()
    shiboken6.delete(parent)  # the dialog that asked is gone before the answer comes
    settle(qtbot)
    assert answers == []
    kept = QWidget()
    qtbot.addWidget(kept)
    QueryOp(kept, lambda: workspace.search_children(""), answers.append).run_in_background()
    settle(qtbot)
    assert answers == [[]]  # an empty PC: nobody yet, but the answer is shown


def test_only_the_newest_read_of_a_screen_is_shown(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    latest = LatestQuery(parent)
    shown: list[str] = []
    latest.run(lambda: "old", shown.append)
    latest.run(lambda: "new", shown.append)
    assert latest.loading
    settle(qtbot)
    assert shown == ["new"] and not latest.loading
    latest.run(lambda: "dropped", shown.append)
    latest.cancel()  # the screen shows something else now
    settle(qtbot)
    assert shown == ["new"]


def test_the_main_window_tells_every_screen_what_an_operation_changed(qtbot, main_window):
    """A request queued from a dialog of «Дети и сертификаты» shows in its list and in the pending
    count — nobody wired «refresh the children tab after this dialog»."""
    window = main_window
    panel = window.children_panel
    before = window.pending_count
    with qtbot.waitSignal(ops_hub().executed, timeout=10_000):
        CollectionOp(panel, lambda: window.workspace.request_child(a_new_child(), TODAY)).run_in_background()
    settle(qtbot)
    assert "Соколова Ева Андреевна" in [r.full_name for r in panel.model.rows()]
    assert window.pending_label.text() == f"Не отправлено: {before + 1}"
