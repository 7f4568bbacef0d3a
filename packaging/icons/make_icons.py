"""Render pfdo.svg into the committed pfdo.png (256 px, the Linux desktop entry's icon) and pfdo.ico
(Windows: the .exe, the shortcut and the uninstaller). Run again after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(HERE / "pfdo.svg")).render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ok = render(256).save(str(HERE / "pfdo.png"))
    ok = render(256).save(str(HERE / "pfdo.ico")) and ok  # Qt's ico plugin: one 256 px image
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
