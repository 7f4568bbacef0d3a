"""Typed errors of the use cases. Messages are Russian: the UI shows them as they are."""

from __future__ import annotations


class ServiceError(Exception):
    """``reason``: the rule's reason code where the portal refuses the same thing with one (the
    same string: ``domain.attendance.R_*``, ``sync.protocol.R_*``), else ""."""

    def __init__(self, message: str, *, reason: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


class ValidationError(ServiceError):
    """Bad input in one field: the UI shows ``message`` next to ``field``."""

    def __init__(self, field: str, message: str, *, reason: str = "") -> None:
        super().__init__(message, reason=reason)
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
