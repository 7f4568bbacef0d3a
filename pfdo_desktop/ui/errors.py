"""Which exceptions are expected (a Russian message for the operator) and which are bugs."""

from __future__ import annotations

import logging
import sys
from typing import Any

from pfdo_desktop.services.errors import ServiceError


def expected_message(exc: BaseException) -> str | None:
    """The operator-facing message of an expected error, or None for a bug.

    The sync modules are imported here, not at the top: httpx and pydantic cost ≈ 130 ms, and the
    window must appear before they are needed.
    """
    if isinstance(exc, ServiceError):
        return exc.message
    from pfdo_desktop.sync.client import SyncError
    from pfdo_desktop.sync.credentials import CredentialsUnavailable

    if isinstance(exc, (SyncError, CredentialsUnavailable)):
        return exc.message
    try:
        from pfdo_desktop.models import DatabaseError
    except ImportError:  # pragma: no cover
        return None
    if isinstance(exc, DatabaseError):
        return str(exc)
    return None


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
