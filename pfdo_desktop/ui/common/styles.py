"""Colours and style sheets every screen uses: errors red, success green, hints grey."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_COLOR = "#b00020"
WARN_COLOR = "#8a5300"
OK_COLOR = "#2e6b34"
MUTED_COLOR = "#555555"
ERROR_STYLE = f"color: {ERROR_COLOR};"
OK_STYLE = f"color: {OK_COLOR};"
WARN_STYLE = f"color: {WARN_COLOR};"
MUTED_STYLE = f"color: {MUTED_COLOR};"
BAD_FIELD_STYLE = f"border: 1px solid {ERROR_COLOR};"  # a line edit whose value is refused


def message_style(error: bool) -> str:
    """A screen's message line: red for what went wrong, green for what was done."""
    return ERROR_STYLE if error else OK_STYLE


def make_error_label() -> QLabel:
    """The message under a field: red, wrapped, hidden until there is something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setContentsMargins(0, 0, 0, 4)
    label.hide()
    return label
