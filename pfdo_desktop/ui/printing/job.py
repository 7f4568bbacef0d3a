"""One print job: gather the documents and draw the PDF in the background, then show the preview.

``start_print`` runs ``collect(workspace)`` and ``Workspace.print_documents`` on the write pool
(after the marks typed just before, so they are in the printout). A progress window appears after
``PROGRESS_DELAY_MS``; its «Отмена» sets the task's cancel flag, printing stops with
``PrintCancelled`` and nothing is shown. The PDF goes to a private temporary directory (0700, files
0600) under a neutral name; the preview deletes it when closed, the directory goes at exit.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain import documents as d
from pfdo_desktop.workspace_types import ServiceError

from ..common.domain_words import title
from ..errors import show_failure
from ..tasks import PROGRESS_DELAY_MS, Task, run_task, write_pool

if TYPE_CHECKING:
    from pfdo_desktop.printing.render import Doc  # every printed document (not loaded at run time)
    from pfdo_desktop.workspace import Workspace

    from .preview import PreviewDialog

log = logging.getLogger(__name__)

Collect = Callable[["Workspace"], Sequence["Doc"]]

_dir_lock = threading.Lock()
_private_dir: Path | None = None


class NothingToPrint(ServiceError):
    """The documents to print are none (a group without applications): said to the operator."""


def private_dir() -> Path:
    """This process's directory for PDFs being previewed: readable by this user only, removed
    at exit (a crash leaves it in the system's temporary directory, which the system cleans)."""
    global _private_dir
    with _dir_lock:
        if _private_dir is None or not _private_dir.is_dir():
            _private_dir = Path(tempfile.mkdtemp(prefix="pfdo-print-"))  # mode 0700
            atexit.register(shutil.rmtree, _private_dir, True)
        return _private_dir


def file_name(*parts: object) -> str:
    """A PDF file name from ``parts`` that every file system accepts: «Журнал_Группа_1_2026-12.pdf»."""
    text = "_".join(str(p) for p in parts if str(p).strip())
    text = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", text)
    text = re.sub(r"\s+", "_", text.strip()).strip("._") or "document"
    return f"{text[:120]}.pdf"


# The start of a saved file's suggested name, per form.
FILE_PREFIX = {
    d.FORM_CERTIFICATE_APPLICATION: "Заявление_на_сертификат",
    d.FORM_CERTIFICATE_EXTRACT: "Выписка_из_реестра",
    d.FORM_ENROLMENT_APPLICATION: "Заявление_о_зачислении",
    d.FORM_CONTRACT: "Договор",
    d.FORM_CONSENT: "Согласие_ПДн",
    d.FORM_JOURNAL: "Журнал",
    d.FORM_TERMINATION: "Уведомление_о_расторжении",
}


def form_file_name(form: str, *parts: object) -> str:
    """The suggested name of ``form``'s PDF: «Договор_Иванов_Иван.pdf» (the operator's own copy may
    name the child; logs never do)."""
    return file_name(FILE_PREFIX.get(form, form), *parts)


def print_menu(
    parent: QWidget, forms: Sequence[str], chosen: Callable[[str], object]
) -> tuple[QMenu, dict[str, QAction]]:
    """A menu with one item per form (its Russian title); ``chosen(form)`` when one is picked."""
    menu = QMenu(parent)
    menu.setToolTipsVisible(True)  # a disabled item says why
    actions: dict[str, QAction] = {}
    for form in forms:
        action = QAction(title("PrintForm", form), menu)
        action.setData(form)
        action.triggered.connect(lambda _c=False, f=form: chosen(f))
        menu.addAction(action)
        actions[form] = action
    return menu, actions


class ProgressWindow(QDialog):
    """«Готовлю документы…» with a bar and «Отмена». Not a QProgressDialog: its setValue() runs
    processEvents() when modal, and a result arriving in there would close it mid-call."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(self.tr("Готовлю документы…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMinimumWidth(320)
        self.cancel_button = QPushButton(self.tr("Отмена"))
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(row)

    def set_progress(self, stage: str, done: int, total: int | None) -> None:
        if stage == "render" and total:
            text = self.tr("Документ %1 из %2").replace("%1", str(done)).replace("%2", str(total))
            self.label.setText(text)
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.label.setText(self.tr("Готовлю документы…"))
            self.bar.setRange(0, 0)


Tell = Callable[[str, bool], None]  # tell(text, error): a screen's message line


class _MessageSink:
    """``show_failure`` writes into a label: this one passes the text to the screen's ``tell``."""

    def __init__(self, tell: Tell) -> None:
        self.tell = tell

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name
        self.tell(text, True)

    def show(self) -> None:
        pass


class PrintJob(QObject):
    """A form printed for the operator: progress, then the preview (or the system viewer)."""

    previewed = Signal(object)  # PreviewDialog, shown
    opened_externally = Signal(str)  # the PDF's path: no preview engine, the system viewer has it
    ended = Signal()  # whatever happened (shown, cancelled, failed)

    def __init__(
        self,
        parent: QWidget,
        workspace: Workspace,
        form: str,
        collect: Collect,
        suggested_name: str,
        tell: Tell,
        empty_message: str = "",
        delay_ms: int = PROGRESS_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.widget = parent
        self.workspace = workspace
        self.form = form
        self.collect = collect
        self.suggested_name = suggested_name
        self.tell = tell
        self.empty_message = empty_message or self.tr("Печатать нечего: документов нет.")
        self.delay_ms = delay_ms
        self.task: Task | None = None
        self.progress_window: ProgressWindow | None = None
        self.preview: PreviewDialog | None = None
        self.path: Path | None = None
        self.pages = 0
        self.cancelled = False
        self.running = False
        self._latest: tuple[str, int, int | None] = ("", 0, None)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._show_progress)

    @property
    def title(self) -> str:
        return title("PrintForm", self.form)

    def start(self) -> PrintJob:
        workspace, form, collect, empty = self.workspace, self.form, self.collect, self.empty_message

        def work(report: Callable[[str, int, int | None], None], cancel: threading.Event) -> tuple[Path, int]:
            from pfdo_desktop.printing import PrintCancelled

            if cancel.is_set():
                raise PrintCancelled()
            report("collect", 0, None)
            docs = collect(workspace)
            if not docs:
                raise NothingToPrint(empty)
            if cancel.is_set():
                raise PrintCancelled()
            path = private_dir() / f"print-{uuid.uuid4().hex[:12]}.pdf"  # no name of a child
            pages = workspace.print_documents(
                form, docs, path, progress=lambda done, total: report("render", done, total), cancel=cancel
            )
            try:
                os.chmod(path, 0o600)
            except OSError:  # Windows: the directory is the user's own already
                pass
            return path, pages

        self.running = True
        log.info("printing %s", form)
        self.task = run_task(work, self._on_done, self._on_failed, progress=self._on_progress,
                             pool=write_pool(), delay_ms=0)
        if self.delay_ms <= 0:
            self._show_progress()
        else:
            self._delay.start(self.delay_ms)
        return self

    # --- progress and «Отмена» ------------------------------------------------------------------

    def _on_progress(self, stage: str, done: int, total: int | None) -> None:
        self._latest = (stage, done, total)
        if self.progress_window is not None:
            self.progress_window.set_progress(stage, done, total)

    @Slot()
    def _show_progress(self) -> None:
        if not self.running or self.progress_window is not None:
            return
        window = ProgressWindow(self.title, self.widget)
        window.set_progress(*self._latest)
        window.rejected.connect(self.cancel)
        self.progress_window = window
        window.show()

    @Slot()
    def cancel(self) -> None:
        """Stop making the PDF (what «Отмена» does): nothing will be shown."""
        if not self.running or self.cancelled:
            return
        self.cancelled = True
        if self.task is not None:
            self.task.cancel()
        if self.progress_window is not None:
            self.progress_window.label.setText(self.tr("Отменяю…"))
            self.progress_window.cancel_button.setEnabled(False)

    def _end(self) -> None:
        self.running = False
        self._delay.stop()
        window, self.progress_window = self.progress_window, None
        if window is not None:
            window.rejected.disconnect(self.cancel)
            window.close()
            window.deleteLater()

    # --- results --------------------------------------------------------------------------------

    def _on_done(self, result: tuple[Path, int]) -> None:
        self._end()
        path, pages = result
        if self.cancelled:  # «Отмена» came after the last check: the operator asked for nothing
            path.unlink(missing_ok=True)
            log.info("printing %s cancelled", self.form)
            self._finished()
            return
        self.path, self.pages = path, pages
        log.info("printed %s: %s pages", self.form, pages)
        from .pages import open_pages  # the PDF's pages (pdfium) and the preview: when a form is printed
        from .preview import PreviewDialog

        opened = open_pages(path)
        if opened is None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            self.tell(self.tr("PDF открыт в программе просмотра; файл: %1").replace("%1", str(path)), False)
            self.opened_externally.emit(str(path))
            self._finished()
            return
        else:
            preview = PreviewDialog(path, opened, self.title, self.suggested_name, self.widget.window())
            self.preview = preview
            preview.destroyed.connect(self._on_preview_destroyed)
            preview.show()
            preview.raise_()
            preview.activateWindow()
            self.previewed.emit(preview)
        self.ended.emit()  # the job goes with its preview

    def _on_preview_destroyed(self) -> None:
        self.preview = None
        self.deleteLater()

    def _finished(self) -> None:
        self.ended.emit()
        self.deleteLater()  # the Python attributes (cancelled, preview, …) stay readable

    def _on_failed(self, exc: BaseException) -> None:
        from pfdo_desktop.printing import PrintCancelled

        self._end()
        if isinstance(exc, PrintCancelled):
            log.info("printing %s cancelled", self.form)
        else:
            show_failure(
                _MessageSink(self.tell),
                exc,
                f"printing {self.form}",
                self.tr("Документ не напечатан из-за внутренней ошибки."),
                log,
            )
        self._finished()


def start_print(
    parent: QWidget,
    workspace: Workspace,
    form: str,
    collect: Collect,
    suggested_name: str,
    tell: Tell,
    empty_message: str = "",
    delay_ms: int = PROGRESS_DELAY_MS,
) -> PrintJob:
    """Print ``form`` for the documents ``collect(workspace)`` gives (in the background), then
    preview it; ``tell(text, error)`` shows why it failed (or where the file is, without a preview)."""
    job = PrintJob(parent, workspace, form, collect, suggested_name, tell, empty_message, delay_ms)
    return job.start()
