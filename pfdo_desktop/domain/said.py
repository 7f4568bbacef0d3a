"""What the program says to the operator: a Russian message that also carries its ``code`` and
the ``params`` it was made from (issue 14 §2, «English complete»).

The domain and the services speak Russian — the portal, the CLI, the printed forms and many tests
read their words byte for byte — so a message stays the Russian ``str`` it always was. ``said``
makes it a `Said`: the same text, plus a stable code («mark.month_locked») and the parts it was
built from (dates, counts, a group's name, or another `Said` it quotes). A screen in another
language says the same from the code and the parts (``pfdo_desktop/ui/common/refusals.py``: one
template per code); in Russian, and everywhere else, it is the text it reads.

Rules for a code: literal at its ``said(...)`` call (tests/ui/test_english_refusals.py collects them
from the sources and checks each has its English), dotted (the area, then what), never reused for
another wording. A param is a ``str`` (data: a name, a path, a number as the Russian shows it), an
``int``, a ``date`` (read as ДД.ММ.ГГГГ) or another `Said` (said again in the UI's language).

What a `Said` goes through keeps it only as long as it stays itself: slicing, ``+`` and f-strings
give a plain ``str``. ``capital`` (the first letter up) and ``said`` around the longer text keep
the code.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

T = TypeVar("T", bound=str)


class Said(str):
    """A Russian message with its ``code`` and ``params`` (see the module's docstring)."""

    code: str
    params: dict[str, Any]
    capital: bool  # said with its first letter up (``capital``): the translation is too

    def __new__(cls, code: str, text: str, params: dict[str, Any] | None = None,
                capital: bool = False) -> Said:
        self = super().__new__(cls, text)
        self.code = code
        self.params = dict(params or {})
        self.capital = capital
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickle and copy keep the code
        return Said, (self.code, str(self), self.params, self.capital)


def said(code: str, text: str, /, **params: Any) -> Said:
    """``text`` (Russian, as it reads) said under ``code`` with the parts it was made from."""
    return Said(code, text, params)


def capital(text: T) -> T:
    """``text`` with its first letter up; a `Said` stays one (its translation gets a capital too)."""
    up = text[:1].upper() + text[1:]
    if isinstance(text, Said):
        return cast(T, Said(text.code, up, text.params, capital=True))
    return cast(T, up)


def term(dictionary: str, title: str) -> Said:
    """A title of one of the domain's dictionaries (``ACTIONS_RU``, ``APPLICATION_STATUSES_RU`` …)
    quoted in a message: said again from the dictionary ``dictionary`` (the UI's name for it,
    ``ui/common/domain_words.DICTIONARIES``)."""
    return Said("term", title, {"dictionary": dictionary})


def quoted(text: str) -> Said:
    """«``text``» (a title quoted in a message)."""
    return Said("quoted", f"«{text}»", {"text": text})


def code_of(text: object) -> str:
    """The code of a message ("" for a plain text)."""
    return text.code if isinstance(text, Said) else ""


__all__ = ["Said", "capital", "code_of", "quoted", "said", "term"]
