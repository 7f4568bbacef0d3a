"""Use cases: one transaction each, rules from ``domain``, frozen rows out, typed errors."""

from .errors import NotAllowed, NotFound, ServiceError, ValidationError

__all__ = ["NotAllowed", "NotFound", "ServiceError", "ValidationError"]
