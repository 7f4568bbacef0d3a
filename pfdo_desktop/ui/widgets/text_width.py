"""How wide a line edit must be to show a text whole (its placeholder or its longest value)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

# QLineEdit keeps 2 pixels between its contents rectangle and the text on each side (Qt's
# QLineEditPrivate::horizontalMargin); a little air keeps the last letter off the frame.
_TEXT_MARGIN = 2
_AIR = 6


def text_area_width(edit: QLineEdit) -> int:
    """The width the text of ``edit`` has now (the frame and Qt's own margins taken off)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return contents.width() - margins.left() - margins.right() - 2 * _TEXT_MARGIN


def width_for_text(edit: QLineEdit, text: str) -> int:
    """The width ``edit`` needs to show ``text`` whole, in its font and style."""
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    advance = edit.fontMetrics().horizontalAdvance(text)
    return advance + 2 * frame + 2 * _TEXT_MARGIN + margins.left() + margins.right() + _AIR


def fit_placeholder(edit: QLineEdit, minimum: int = 0) -> None:
    """Make ``edit`` at least as wide as its placeholder (e.g. «10 цифр из заявления родителя»)."""
    edit.setMinimumWidth(max(minimum, width_for_text(edit, edit.placeholderText())))
