"""«осталось ≈ N мин» while a sync sends (issue 16: 500 marks to a Navigator at ≈5 s a request take a
quarter of an hour): the estimate from the pace seen since the stage began, nothing before a few
items and a few seconds, rounded as a person reads it; and the main window saying it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from pfdo_desktop.ui.sync.progress import RemainingTime, remaining_text, with_remaining


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (5, "осталось меньше минуты"),
        (59.9, "осталось меньше минуты"),
        (60, "осталось ≈ 1 мин"),
        (12 * 60 + 10, "осталось ≈ 12 мин"),
        (59 * 60, "осталось ≈ 59 мин"),
        (59 * 60 + 40, "осталось ≈ 1 ч"),
        (80 * 60 + 70, "осталось ≈ 1 ч 20 мин"),
        (2 * 3600 + 100, "осталось ≈ 2 ч"),
        (3 * 3600 + 47 * 60, "осталось ≈ 3 ч 45 мин"),
    ],
)
def test_the_time_left_reads_rounded(qapp, seconds, text):
    assert remaining_text(seconds) == text


def test_five_hundred_marks_to_a_navigator_are_about_fourteen_minutes(qapp):
    """≈5 s a request, 3 at once: 0.6 marks a second."""
    estimate = RemainingTime(clock=lambda: 0.0)
    assert estimate.update("push", 0, 500, now=100.0) is None  # the stage begins
    assert estimate.update("push", 3, 500, now=105.0) == pytest.approx(497 / 0.6)
    assert with_remaining("Отправка 3 из 500", 497 / 0.6) == "Отправка 3 из 500, осталось ≈ 14 мин"


def test_nothing_is_said_before_a_few_items_and_a_few_seconds(qapp):
    slow = RemainingTime()
    assert slow.update("push", 10, 500, now=0.0) is None
    assert slow.update("push", 12, 500, now=30.0) is None  # 2 items: too few to know the pace
    estimate = RemainingTime()
    assert estimate.update("push", 10, 500, now=0.0) is None
    assert estimate.update("push", 40, 500, now=1.0) is None  # 30 items in a second: too early
    assert estimate.update("push", 40, 500, now=6.0) == pytest.approx(460 * 6 / 30)
    assert estimate.update("push", 500, 500, now=60.0) is None  # done: nothing left to say
    assert estimate.update("pull:master", 1200, None, now=61.0) is None  # no total, no estimate


def test_the_pace_is_the_stages_own_and_a_new_stage_starts_again(qapp):
    estimate = RemainingTime()
    estimate.update("push", 0, 100, now=0.0)
    assert estimate.update("push", 50, 100, now=50.0) == pytest.approx(50.0)
    # a pause without progress: the next report says the slower pace
    assert estimate.update("push", 60, 100, now=120.0) == pytest.approx(40 * 120 / 60)
    # another stage with its own total: its pace is counted from its first report
    assert estimate.update("upload", 0, 10, now=200.0) is None
    assert estimate.update("upload", 5, 10, now=210.0) == pytest.approx(10.0)
    # a count that goes back (a second round): counted again from there
    assert estimate.update("upload", 1, 10, now=300.0) is None


def test_the_window_says_the_time_left_beside_the_count(qtbot, main_window, monkeypatch):
    """A slow push: «Отправка 3 из 500» first, then the estimate in the status line (the narrow bar
    keeps the count), taken from the window's clock."""
    from pfdo_desktop.sync.engine import SyncCancelled

    now = [1000.0]
    main_window.sync_clock = lambda: now[0]
    steps = [threading.Event() for _ in range(3)]
    plan = [0, 3, 30]

    def slow_sync(progress=None, cancel=None):
        for step, done in zip(steps, plan, strict=True):
            assert step.wait(20)
            progress("push", done, 500)
        assert cancel.wait(20)
        raise SyncCancelled()

    monkeypatch.setattr(main_window.workspace, "sync", slow_sync)
    main_window.start_sync()
    steps[0].set()
    qtbot.waitUntil(lambda: main_window.message_label.text() == "Отправка 0 из 500", timeout=5000)
    now[0] = 1002.0
    steps[1].set()
    qtbot.waitUntil(lambda: main_window.message_label.text() == "Отправка 3 из 500", timeout=5000)
    now[0] = 1060.0  # 30 sent in a minute: 470 more at 0.5 a second
    steps[2].set()
    qtbot.waitUntil(lambda: main_window.progress_bar.format() == "Отправка 30 из 500", timeout=5000)
    assert main_window.message_label.text() == "Отправка 30 из 500, осталось ≈ 16 мин"
    assert main_window.progress_bar.toolTip() == "Отправка 30 из 500, осталось ≈ 16 мин"
    with qtbot.waitSignal(main_window.synced, timeout=10_000):
        qtbot.mouseClick(main_window.cancel_button, Qt.MouseButton.LeftButton)
