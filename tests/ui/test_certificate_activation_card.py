"""The child card's certificate (issue 17 §1): its municipality's period and nominal, «по данным на»,
and «Запросить ПФ (заявление родителя)» — queued for the sync, or refused on the spot under the
button with the rule's words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select, update
from ui_helpers import settle

from pfdo_desktop.domain.ops import OP_CERTIFICATE_ACTIVATE
from pfdo_desktop.models import Certificate, CertificatePeriod, OutboxOp


def _child_with(workspace, status: str) -> str:
    with workspace.db.read() as s:
        child_id = s.scalar(select(Certificate.child_id).where(
            Certificate.status == status, Certificate.number.like("4718%")).order_by(Certificate.id))
    assert child_id is not None
    return f"c:{child_id}"


def _activations(workspace) -> int:
    with workspace.db.read() as s:
        return len(s.scalars(select(OutboxOp).where(OutboxOp.kind == OP_CERTIFICATE_ACTIVATE)).all())


def _open_card(qtbot, window, key: str):
    window.tabs.setCurrentIndex(window.children_tab)
    panel = window.children_panel
    panel.show_child(key)
    settle(qtbot)
    return panel, panel.card


def test_the_card_shows_the_period_and_queues_a_pf_request(qtbot, main_window):
    ws = main_window.workspace
    panel, card = _open_card(qtbot, main_window, _child_with(ws, "uchet"))
    assert card.cert_status_label.text() == "учёт"
    assert card.cert_period_label.text().startswith("Заречный муниципальный округ, 01.09.")
    assert card.cert_period_label.text().endswith("(открыт)")
    assert card.cert_period_nominal_label.text() == "24\u202f000,00 ₽"
    assert card.cert_as_of_label.text().startswith("по данным на ")
    assert card.activate_button.isVisible()
    assert card.activate_button.text() == "Запросить ПФ (заявление родителя)"

    qtbot.mouseClick(card.activate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _activations(ws) == 1)
    qtbot.waitUntil(lambda: "уйдёт на портал при синхронизации" in panel.message_label.text())
    settle(qtbot)
    qtbot.waitUntil(lambda: card.activation_note_label.isVisible())
    assert not card.activate_button.isVisible()
    assert "Требует внимания" in card.activation_note_label.text()


def test_a_pf_certificate_has_no_request_button(qtbot, main_window):
    _panel, card = _open_card(qtbot, main_window, _child_with(main_window.workspace, "pf"))
    assert card.cert_status_label.text() == "ПФ"
    assert not card.activate_button.isVisible()


def test_without_an_open_period_the_refusal_shows_under_the_button(qtbot, main_window):
    ws = main_window.workspace
    with ws.db.write() as s:
        s.execute(update(CertificatePeriod).values(status="closed"))
    _panel, card = _open_card(qtbot, main_window, _child_with(ws, "uchet"))
    assert card.cert_period_label.text().endswith("(закрыт)")
    qtbot.mouseClick(card.activate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.activation_error_label.isVisible())
    assert "нет открытого периода" in card.activation_error_label.text()
    assert card.activate_button.isEnabled() and _activations(ws) == 0
