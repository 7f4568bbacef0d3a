"""Which exceptions are expected (a Russian message for the operator) and which are bugs.

Storage problems (``StorageError``: a full disk, a read-only folder, a damaged database) are
expected too, and more than a status-line message: the operator must act outside the program, so
they are also shown in a dialog — one at a time, however many saves fail meanwhile.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

log = logging.getLogger(__name__)

STORAGE_CODES = frozenset({"storage", "database_damaged", "disk_full", "no_access", "disk_io"})

_storage_box: Any = None  # the storage problem dialog on screen, if any


def expected_message(exc: BaseException, alert: bool = True) -> str | None:
    """The operator-facing message of an expected error, or None for a bug
    (``workspace_types.expected_message``).

    A storage problem also opens a warning dialog (``alert``; start-up shows its own).
    """
    from pfdo_desktop.workspace_types import expected_message as operator_message  # loaded by then

    message = operator_message(exc)
    if message is not None:
        message = in_ui_language(exc, message)
    if message is not None and alert and is_storage_problem(exc):
        alert_storage_problem(message)
    return message


# The program's own fixed messages (sync/client.py, sync/engine.py), for pyside6-lupdate: an
# expected error's Russian message that is one of them is shown translated. What the portal
# says is its own (Russian) and is shown as it is.
FIXED_MESSAGES = (
    QT_TRANSLATE_NOOP("OperatorMessages", "Портал не ответил вовремя (медленная или прерванная связь). "
                      "Данные сохранены на этом ПК и будут отправлены при следующей синхронизации."),
    QT_TRANSLATE_NOOP("OperatorMessages", "Портал прислал ответ, который программа не понимает (возможно, "
                      "сбой портала или прокси). Ничего не потеряно: повторите синхронизацию позже."),
    QT_TRANSLATE_NOOP("OperatorMessages", "Портал не принимает ключ этого ПК (устройство отключено или ключ "
                      "отозван). Получите у оператора портала новый код подключения и подключите ПК "
                      "заново; несинхронизированные данные сохранены."),
    QT_TRANSLATE_NOOP("OperatorMessages", "Синхронизация прервана. Всё, что успело пройти, сохранено."),
    QT_TRANSLATE_NOOP("OperatorMessages", "ПК не подключён к порталу: сначала подключите его кодом."),
)


def in_ui_language(exc: BaseException, message: str) -> str:
    """``message`` (an expected error's, Russian) in the UI's language where the program said it:
    a refusal, validation, storage or keyring message of the services and the domain from its code
    and parts (``domain.said``, ``common/refusals.py``); the sync's fixed messages, and «no
    connection» / «the portal failed» from their codes. A message the portal wrote stays as it is."""
    if QLocale().language() == QLocale.Language.Russian:
        return message
    from .common import refusals

    if refusals.is_said(message):
        return refusals.in_ui(message)
    code = error_code(exc)
    url, reason = getattr(exc, "url", ""), getattr(exc, "reason", "")
    if code == "unreachable" and url:
        return (
            QCoreApplication.translate(
                "OperatorMessages",
                "Нет связи с порталом %1 (%2). Работайте дальше: всё сохранено на этом ПК и уйдёт на "
                "портал при следующей синхронизации.",
            )
            .replace("%1", url)
            .replace("%2", reason)
        )
    if code.startswith("http_5") and message.startswith("Сбой на стороне портала (HTTP "):
        return QCoreApplication.translate(
            "OperatorMessages",
            "Сбой на стороне портала (HTTP %1). Ничего не потеряно: программа повторит отправку позже.",
        ).replace("%1", code.removeprefix("http_"))
    return QCoreApplication.translate("OperatorMessages", message)


def is_storage_problem(exc: BaseException) -> bool:
    return error_code(exc) in STORAGE_CODES


def alert_storage_problem(message: str) -> None:
    """Show ``message`` in a warning dialog unless one is already up (UI thread only)."""
    global _storage_box
    from PySide6.QtWidgets import QApplication, QMessageBox

    if _visible(_storage_box):
        _storage_box.setText(message)  # the latest problem; one dialog, not a cascade
        return
    box = QMessageBox(QMessageBox.Icon.Warning, "PFDO Desktop", message,
                      QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setObjectName("storage_problem_box")
    box.open()
    _storage_box = box


def storage_problem_box() -> Any:
    """The storage problem dialog currently open (tests and the main window), or None."""
    return _storage_box if _visible(_storage_box) else None


def _visible(box: Any) -> bool:
    try:
        return box is not None and bool(box.isVisible())
    except RuntimeError:  # its parent window was closed and took it along
        return False


def error_code(exc: BaseException) -> str:
    """A log-safe label of an error (never its message: messages may name a child)."""
    return str(getattr(exc, "code", "") or type(exc).__name__)


def show_failure(label: Any, exc: BaseException, what: str, internal_text: str, log: logging.Logger) -> None:
    """Say in ``label`` (a QLabel) why an action failed: the expected error's message, or
    ``internal_text`` for a bug, which also goes to the crash hook with its traceback. The log line
    names only ``what`` and the error's code, never the message (it may name a child)."""
    message = expected_message(exc)
    if message is not None:
        log.info("%s refused: %s", what, error_code(exc))
        label.setText(message)
    else:
        label.setText(internal_text)
        sys.excepthook(type(exc), exc, exc.__traceback__)
    label.show()
