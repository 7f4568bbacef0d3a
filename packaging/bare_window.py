"""The baseline of benchmark row 14 (benchmarks/packaging_bench.py): a bare PySide6 window — a
QMainWindow of the main window's size with one label, nothing else imported — built by
packaging/bare_window.spec exactly as packaging/pfdo.spec builds the app (one folder, same Python,
same excludes, same runtime hook).

Run by the benchmark with ``PFDO_SMOKE_REPORT`` set: the build's runtime hook (rthook_smoke.py)
times the first paint and closes the window, as it does for the app. Run by hand, the window
closes itself once painted.
"""

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class CloseWhenPainted(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("PySide6")
window.setCentralWidget(QLabel("Пустое окно PySide6"))
window.resize(1240, 760)  # the size MainWindow opens with
window.show()
if not os.environ.get("PFDO_SMOKE_REPORT"):  # the hook decides when to close when it is watching
    closer = CloseWhenPainted()
    app.installEventFilter(closer)
sys.exit(app.exec())
