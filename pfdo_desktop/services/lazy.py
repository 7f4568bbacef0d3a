"""A module imported when one of its names is first used (issue 15, cold start).

What a screen does not need when the program opens — the sync's httpx and keyring, the wire's
pydantic models, the other screens' use cases — is held as ``deferred("pfdo_desktop.…")`` and loaded
by the first call that uses it; type checkers see the real module (``if TYPE_CHECKING:`` beside it).
"""

from __future__ import annotations

import importlib
from typing import Any


class Deferred:
    """Stands for the module ``name`` and imports it at the first attribute asked of it (then
    ``importlib`` answers from ``sys.modules``)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)

    def __repr__(self) -> str:
        return f"<deferred module {self._name!r}>"


def deferred(name: str) -> Any:
    """The module ``name``, imported when first used."""
    return Deferred(name)
