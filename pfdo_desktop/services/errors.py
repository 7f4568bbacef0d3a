"""Typed errors of the use cases. Messages are Russian: the UI shows them as they are."""

from __future__ import annotations


class ServiceError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(ServiceError):
    """Bad input in one field: the UI shows ``message`` next to ``field``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotAllowed(ServiceError):
    """The action breaks a rule (a child outside the group on that date, …)."""


class NotFound(ServiceError):
    pass
