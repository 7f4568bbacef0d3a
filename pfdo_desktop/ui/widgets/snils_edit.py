"""One СНИЛС field for every form: typed as digits, laid out as «123-456-789 01», with the
checksum message next to the field (the rule is ``domain.identity.snils_error``).

Why not an input mask («999-999-999 99»): the mask is text the operator types over («___-___-___ __»),
a click in the middle of it puts the cursor in the middle of the underscores, and a pasted
«112 233 445 95» lands in the wrong places. Here, as in the date field (``date_edit``):

* digits are laid out as they are typed: ``11223344595``, ``112-233-445 95`` and a pasted
  ``112 233 445 95`` all read 112-233-445 95 (the field puts the hyphens and the space itself, so
  typed ones change nothing); letters are refused; a twelfth digit is dropped;
* an empty field shows the placeholder «123-456-789 01» — a hint, not text;
* ``state()`` is EMPTY, PARTIAL (fewer than 11 digits), INVALID (the control number does not match)
  or OK; ``problem()`` says what is wrong in the rulebook's words, for the form to show next to the
  field (while the operator is still typing, a form shows no «unfinished» message).
"""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from pfdo_desktop.domain.identity import snils_digits, snils_error
from pfdo_desktop.domain.said import capital

from ..common.refusals import in_ui
from .text_width import width_for_text

EMPTY, PARTIAL, INVALID, OK = "empty", "partial", "invalid", "ok"
SEPARATORS = "- "
_GROUPS = (3, 3, 3, 2)
_JOINERS = ("", "-", "-", " ")  # before each group


def layout_snils_text(raw: str, cursor: int | None = None) -> tuple[str, int] | None:
    """``raw`` as typed, laid out as «XXX-XXX-XXX YY» so far, and where the cursor goes; None when
    ``raw`` holds anything but digits, hyphens and spaces."""
    cursor = len(raw) if cursor is None else cursor
    if any(not (ch.isdigit() or ch in SEPARATORS) for ch in raw):
        return None
    digits = "".join(ch for ch in raw if ch.isdigit())[: sum(_GROUPS)]
    parts: list[str] = []
    start = 0
    for size, joiner in zip(_GROUPS, _JOINERS, strict=True):
        group = digits[start:start + size]
        if not group:
            break
        parts.append(joiner + group)
        start += size
    text = "".join(parts)
    # the cursor stays after the same digit it followed
    before = sum(ch.isdigit() for ch in raw[:cursor])
    if before >= len(digits):
        return text, len(text)
    pos = seen = 0
    while pos < len(text) and seen < before:
        if text[pos].isdigit():
            seen += 1
        pos += 1
    return text, pos


def read_snils_text(text: str) -> str:
    """EMPTY, PARTIAL, INVALID or OK for a laid-out text."""
    digits = snils_digits(text)
    if not digits:
        return EMPTY
    if len(digits) < 11:
        return PARTIAL
    return INVALID if snils_error(digits) else OK


class _SnilsValidator(QValidator):
    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        laid = layout_snils_text(text, pos)
        if laid is None:
            return QValidator.State.Invalid, text, pos
        # Always acceptable: an unfinished or wrong СНИЛС is the form's message, not a blocked key
        # (with «Intermediate» Qt would swallow editingFinished and Return).
        return QValidator.State.Acceptable, laid[0], laid[1]


class SnilsEdit(QLineEdit):
    """A СНИЛС typed as digits (see the module's docstring)."""

    PLACEHOLDER = "123-456-789 01"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(_SnilsValidator(self))
        self.setPlaceholderText(self.PLACEHOLDER)
        self.setMaxLength(32)  # room for a pasted number with spaces; the layout keeps 11 digits
        # The placeholder and the widest СНИЛС shown whole.
        widest = max(width_for_text(self, self.PLACEHOLDER), width_for_text(self, "000-000-000 00"))
        self.setMinimumWidth(widest)

    def setText(self, text: str | None) -> None:  # noqa: N802 (QLineEdit's name)
        """Text set by the program is laid out like typed text (``setText`` skips the validator)."""
        laid = layout_snils_text(text or "")
        super().setText(laid[0] if laid is not None else (text or ""))

    def snils(self) -> str:
        """The СНИЛС as shown («112-233-445 95»), "" when the field is empty."""
        return self.text().strip()

    def state(self) -> str:
        return read_snils_text(self.text())

    def problem(self) -> str:
        """What is wrong with the СНИЛС as typed, in the rulebook's words ("" when nothing)."""
        if self.state() in (EMPTY, OK):
            return ""
        return in_ui(capital(snils_error(self.text()) or ""))
