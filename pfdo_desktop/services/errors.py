"""Typed errors of the use cases. Messages are Russian: the UI shows them as they are in Russian,
and says them again from their ``code`` and ``params`` in another language (``domain.said``)."""

from __future__ import annotations

from typing import Any

from pfdo_desktop.domain.said import Said, said

# Messages several use cases refuse with.
CHILD_NOT_FOUND = said("not_found.child",
                       "Ребёнок не найден: возможно, он ещё не загружен с портала. Синхронизируйте данные.")
REQUEST_NOT_FOUND = said("not_found.request", "Запрос на нового ребёнка не найден: обновите список детей.")
GROUP_NOT_FOUND = said("not_found.group",
                       "Группа не найдена: возможно, она удалена на портале. Синхронизируйте данные.")
APPLICATION_NOT_FOUND = said("not_found.application", "Заявка не найдена: обновите список заявок.")
CHILD_NOT_DECIDED = said("application.child_not_decided",
                         "Ребёнок этой заявки ещё не определён порталом: синхронизируйте данные.")


class ServiceError(Exception):
    """``reason``: the rule's reason code where the portal refuses the same thing with one (the
    same string: ``domain.attendance.R_*``, ``sync.protocol.R_*``), else "".

    ``code`` and ``params``: what the message says, for a screen in another language — from the
    message itself when it is a `Said`, or given here (``code=``, ``params=``) beside a plain one."""

    def __init__(self, message: str, *, reason: str = "", code: str = "",
                 params: dict[str, Any] | None = None) -> None:
        if code and not isinstance(message, Said):
            message = said(code, message, **(params or {}))
        super().__init__(message)
        self.message = message
        self.reason = reason

    @property
    def code(self) -> str:
        """The message's code ("" for a message not coded yet)."""
        return self.message.code if isinstance(self.message, Said) else ""

    @property
    def params(self) -> dict[str, Any]:
        return self.message.params if isinstance(self.message, Said) else {}


class ValidationError(ServiceError):
    """Bad input in one field: the UI shows ``message`` next to ``field``."""

    def __init__(self, field: str, message: str, *, reason: str = "", code: str = "",
                 params: dict[str, Any] | None = None) -> None:
        super().__init__(message, reason=reason, code=code, params=params)
        self.field = field


class PayloadInvalid(ValidationError):
    """Data the wire cannot carry (a name over the protocol's length, …), found while the op is
    built, before anything is queued — where the portal would have refused the op. ``errors``:
    every field path of the payload → what is wrong (Russian); ``field``/``message``: the first."""

    def __init__(self, errors: dict[str, str], message: str) -> None:
        super().__init__(next(iter(errors), "payload"), message)
        self.errors = errors


class NotAllowed(ServiceError):
    """The action breaks a rule (a child outside the group on that date, …)."""


class DuplicateChild(NotAllowed):
    """«Новый ребёнок» (or «Это другой ребёнок») refused: the child is already known on this PC;
    ``key`` is its `ChildRow` key (the dialog opens its card)."""

    def __init__(self, message: str, key: str, *, reason: str = "") -> None:
        super().__init__(message, reason=reason)
        self.key = key


class NotFound(ServiceError):
    pass
