"""«Импорт списка детей»: file → columns → preview → import → report.

Nothing is written until the operator presses «Импортировать» on the preview: a file that cannot
be read is refused with the reader's message (and a message box) and changes nothing. Reading the
file (an XLSX of thousands of rows takes seconds) and checking its rows run in the background, the
page waiting with its buttons disabled. Only rows
without errors whose child is not known yet are queued as new-child requests, in one transaction,
in the background; the report says what was imported and what was skipped and why. The column
mapping is remembered for files with the same headers.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pfdo_desktop.workspace_types import ROSTER_FIELDS as FIELDS
from pfdo_desktop.workspace_types import (
    ImportReport,
    PreviewRow,
    RawTable,
    guess_roster_mapping,
    missing_roster_fields,
)

from ..common.refusals import in_ui
from ..common.styles import BAD_FIELD_STYLE, ERROR_STYLE, MUTED_STYLE, OK_COLOR, WARN_COLOR
from ..common.texts import quoted
from ..errors import error_code, expected_message
from ..rows_model import row_list_view
from ..tasks import CollectionOp, LatestQuery, Task
from ..widgets.files import remember_folder, start_folder
from .model import (
    COL_BIRTH,
    COL_CERTIFICATE,
    COL_CHECK,
    COL_LINE,
    COL_NAME,
    COL_PARENT,
    COL_PHONE,
    COL_SNILS,
    RosterPreviewModel,
    RowRole,
    field_title,
    row_kind,
    row_problems,
)

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

log = logging.getLogger(__name__)

PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_REPORT = range(4)
REQUIRED_NOTE = "*"


class FilePage(QWizardPage):
    def __init__(self, wizard: RosterImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Файл со списком детей"))
        self.setSubTitle(
            self.tr(
                "Книга Excel (.xlsx) или CSV. Первая строка — заголовки столбцов: ФИО (или фамилия, имя, "
                "отчество), дата рождения, СНИЛС, номер сертификата, представитель, телефон, e-mail."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Путь к файлу .xlsx или .csv"))
        self.path_edit.textChanged.connect(self.on_path_edit_text_changed)
        self.browse_button = QPushButton(self.tr("Выбрать файл…"))
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.error_box: QMessageBox | None = None
        self.reading_label = QLabel(self.tr("Читаю файл…"))
        self.reading_label.setStyleSheet(MUTED_STYLE)
        self.reading_label.hide()
        self.read_query = LatestQuery(self)
        self._read: Path | None = None  # the file just read: the next validatePage lets it through
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.reading_label)
        layout.addStretch(1)

    @property
    def reading(self) -> bool:
        return self.read_query.loading

    def on_path_edit_text_changed(self, _text: str) -> None:
        self.error_label.hide()
        self.completeChanged.emit()

    def on_browse_button_clicked(self) -> None:
        typed = Path(self.path_edit.text().strip()).expanduser()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Список детей"),
            str(typed.parent if typed.is_absolute() and typed.parent.is_dir() else start_folder()),
            self.tr("Таблицы (*.xlsx *.xlsm *.csv *.txt);;Все файлы (*)"),
        )
        if path:
            remember_folder(path)
            self.path_edit.setText(path)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path_edit.text().strip()) and not self.reading

    def validatePage(self) -> bool:  # noqa: N802
        """«Далее»: read the file in the background; the wizard moves on once it has been read."""
        path = Path(self.path_edit.text().strip())
        if self._read is not None and self._read == path:
            self._read = None
            return True
        if self.reading:
            return False
        workspace = self.owner.workspace
        self.error_label.hide()
        self.read_query.run(lambda: workspace.read_roster(path), lambda table: self._on_read(path, table),
                            self._on_read_failed)
        self._set_reading(True)  # (after the read started: «Далее» waits for it)
        return False

    def _set_reading(self, reading: bool) -> None:
        self.path_edit.setEnabled(not reading)
        self.browse_button.setEnabled(not reading)
        self.reading_label.setVisible(reading)
        self.completeChanged.emit()

    def _on_read(self, path: Path, table: RawTable) -> None:
        self._set_reading(False)
        if not table.rows:
            self.refuse(self.tr("В файле «%1» нет строк с детьми под заголовками.").replace("%1", path.name))
            return
        self.owner.set_table(path, table)
        if self.owner.isVisible() and self.owner.currentPage() is self:
            self._read = path
            self.owner.next()

    def _on_read_failed(self, exc: BaseException) -> None:
        self._set_reading(False)
        message = expected_message(exc)  # RosterFileError: the reader's own words
        if message is None:
            sys.excepthook(type(exc), exc, exc.__traceback__)
            message = self.tr("Файл не прочитан из-за внутренней ошибки.")
        else:
            log.info("roster file refused: %s", error_code(exc))
        self.refuse(message)

    def refuse(self, message: str) -> None:
        """The file cannot be imported: say why here and in a message box (non-blocking)."""
        self.error_label.setText(message)
        self.error_label.show()
        if self.error_box is not None:
            self.error_box.deleteLater()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Файл не загружен"), message, parent=self)
        box.setInformativeText(self.tr("Ничего не изменено. Исправьте файл и выберите его снова."))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.error_box = box
        box.open()


class MappingPage(QWizardPage):
    def __init__(self, wizard: RosterImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Столбцы"))
        self.setSubTitle(
            self.tr(
                "Укажите, в каком столбце файла что записано. Обязательны ФИО (или фамилия и имя) и дата "
                "рождения; остальное — если есть."
            )
        )
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for name in FIELDS:
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(40)
            combo.currentIndexChanged.connect(self.on_combo_changed)
            self.combos[name] = combo
            form.addRow(field_title(name) + ":", combo)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet(MUTED_STYLE)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(ERROR_STYLE)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.missing_label)
        self._loading = False

    def initializePage(self) -> None:  # noqa: N802
        table = self.owner.table
        assert table is not None
        saved = self.owner.workspace.roster_mapping(table.headers)
        mapping = saved if saved is not None else guess_roster_mapping(table.headers)
        self.source_label.setText(
            self.tr("Сопоставление из прошлого импорта файла с такими же столбцами.")
            if saved is not None
            else self.tr("Столбцы угаданы по заголовкам — проверьте.")
        )
        self._loading = True
        try:
            for name, combo in self.combos.items():
                combo.clear()
                combo.addItem(self.tr("— нет в файле —"), None)
                for index, header in enumerate(table.headers):
                    sample = next(
                        (r[index] for r in table.rows[:20] if index < len(r) and r[index].strip()), ""
                    )
                    text = self.tr("%1: «%2»").replace("%1", str(index + 1)).replace("%2", header or "")
                    if sample:
                        text += self.tr(" (например, %1)").replace("%1", sample[:30])
                    combo.addItem(text, index)
                combo.setCurrentIndex(max(0, combo.findData(mapping.get(name))))
        finally:
            self._loading = False
        self._show_missing()

    def mapping(self) -> dict[str, int]:
        return {
            name: combo.currentData()
            for name, combo in self.combos.items()
            if combo.currentData() is not None
        }

    def missing(self) -> tuple[str, ...]:
        return tuple(missing_roster_fields(self.mapping()))

    def on_combo_changed(self, _index: int) -> None:
        if not self._loading:
            self._show_missing()

    def _show_missing(self) -> None:
        missing = self.missing()
        for name, combo in self.combos.items():
            combo.setStyleSheet(BAD_FIELD_STYLE if name in missing else "")
        if missing:
            titles = ", ".join(quoted(field_title(n)) for n in missing)
            self.missing_label.setText(
                self.tr("Не выбраны обязательные столбцы: %1. Без них строки не проверить.").replace(
                    "%1", titles
                )
            )
        self.missing_label.setVisible(bool(missing))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return not self.missing()

    def validatePage(self) -> bool:  # noqa: N802
        self.owner.mapping = self.mapping()
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: RosterImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Проверка строк"))
        self.setSubTitle(
            self.tr(
                "Красные строки с ошибками и жёлтые (ребёнок уже есть в базе) будут пропущены; причина — в "
                "столбце «Проверка», целиком — под таблицей для выбранной строки."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Импортировать"))
        self.model = RosterPreviewModel(self)
        self.table = row_list_view(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (COL_LINE, 56),
            (COL_CHECK, 300),
            (COL_NAME, 200),
            (COL_BIRTH, 96),
            (COL_SNILS, 108),
            (COL_CERTIFICATE, 100),
            (COL_PARENT, 170),
            (COL_PHONE, 118),
        ):
            header.resizeSection(column, width)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_row_changed)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.row_label = QLabel()  # the whole reason of the row under the cursor
        self.row_label.setWordWrap(True)
        self.row_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.row_label)
        layout.addWidget(self.error_label)
        self.task: Task | None = None
        self.report: ImportReport | None = None
        self.preview_query = LatestQuery(self)

    @property
    def checking(self) -> bool:
        """The rows are being checked (in the background)."""
        return self.preview_query.loading

    def initializePage(self) -> None:  # noqa: N802
        owner = self.owner
        table, workspace, mapping, today = owner.table, owner.workspace, owner.mapping, owner.today
        assert table is not None
        self.report = None
        self.error_label.hide()
        self.model.set_rows([])
        self.row_label.clear()
        self.summary_label.setText(self.tr("Проверяю строки…"))
        self.summary_label.setStyleSheet(MUTED_STYLE)
        self.preview_query.run(lambda: workspace.roster_preview(table, mapping, today), self._on_checked,
                               self._on_check_failed)
        self.completeChanged.emit()

    def _on_check_failed(self, exc: BaseException) -> None:
        message = expected_message(exc)
        if message is None:
            sys.excepthook(type(exc), exc, exc.__traceback__)
            message = self.tr("Строки не проверены из-за внутренней ошибки: ничего не изменено.")
        else:
            log.info("roster preview refused: %s", error_code(exc))
        self.summary_label.clear()
        self.error_label.setText(message)
        self.error_label.show()
        self.completeChanged.emit()

    def _on_checked(self, rows: list[PreviewRow]) -> None:
        self.model.set_rows(rows)
        self.row_label.setText(self.tr("Выберите строку, чтобы прочитать причину целиком."))
        self.row_label.setStyleSheet(MUTED_STYLE)
        self.summary_label.setStyleSheet("")
        counts = self.model.counts()
        text = (
            self.tr("Строк в файле: %1. Будут импортированы: %2. С ошибками: %3. Уже есть в базе: %4.")
            .replace("%1", str(len(rows)))
            .replace("%2", str(counts["ok"]))
            .replace("%3", str(counts["invalid"]))
            .replace("%4", str(counts["existing"]))
        )
        if not counts["ok"]:
            text += " " + self.tr("Импортировать нечего: исправьте файл или столбцы.")
        self.summary_label.setText(text)
        self.completeChanged.emit()

    def on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.data(current, RowRole) if current.isValid() else None
        if row is None:
            self.row_label.clear()
            return
        kind = row_kind(row)
        line = self.tr("Строка %1: ").replace("%1", str(row.line_no))
        if kind == "ok":
            self.row_label.setText(line + self.tr("будет импортирована."))
            self.row_label.setStyleSheet(f"color: {OK_COLOR};")
        else:
            self.row_label.setText(line + row_problems(row))
            self.row_label.setStyleSheet(ERROR_STYLE if kind == "invalid" else f"color: {WARN_COLOR};")

    def isComplete(self) -> bool:  # noqa: N802
        return (bool(self.model.valid_rows()) and not self.checking
                and (self.task is None or not self.task.running))

    def validatePage(self) -> bool:  # noqa: N802
        if self.report is not None:
            return True
        if self.task is not None and self.task.running:
            return False
        owner = self.owner
        rows, workspace, today, headers, mapping = (
            self.model.rows(),
            owner.workspace,
            owner.today,
            owner.headers,
            owner.mapping,
        )

        def work() -> ImportReport:
            report = workspace.import_roster(rows, today)
            workspace.save_roster_mapping(headers, mapping)
            return report

        self.error_label.hide()
        self.summary_label.setText(self.tr("Импорт…"))
        self.task = CollectionOp(self, work).success(self._on_imported).failure(
            self._on_import_failed
        ).run_in_background()
        self.completeChanged.emit()
        return False

    def _on_imported(self, report: ImportReport) -> None:
        self.report = report
        self.owner.report = report
        self.completeChanged.emit()
        self.owner.imported.emit(report)
        self.owner.next()

    def _on_import_failed(self, exc: BaseException) -> None:
        self.completeChanged.emit()
        message = expected_message(exc)
        if message is None:
            message = self.tr("Импорт не выполнен из-за внутренней ошибки: ничего не изменено.")
            sys.excepthook(type(exc), exc, exc.__traceback__)
        else:
            log.info("roster import refused: %s", error_code(exc))
        self.error_label.setText(message)
        self.error_label.show()
        self.initializePage()
        self.error_label.show()


class ReportPage(QWizardPage):
    def __init__(self, wizard: RosterImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Готово"))
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.details_edit = QPlainTextEdit()
        self.details_edit.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.details_edit, 1)

    def initializePage(self) -> None:  # noqa: N802
        report = self.owner.report
        if report is None:
            return
        self.summary_label.setText(
            self.tr(
                "Импортировано: %1 — запросы на новых детей уйдут на портал при синхронизации; портал "
                "найдёт каждого в реестре или создаст с сертификатом учёта. Пропущено строк: %2."
            )
            .replace("%1", str(report.imported))
            .replace("%2", str(report.invalid))
        )
        lines: list[str] = []
        if report.reasons:
            lines.append(self.tr("Почему пропущены строки:"))
            for reason, count in sorted(report.reasons.items(), key=lambda item: -item[1]):
                lines.append(f"  • {in_ui(reason)} — {count}")
        if report.skipped:
            lines.append("")
            lines.append(self.tr("Пропущенные строки:"))
            for line_no, why in report.skipped:
                lines.append(self.tr("  строка %1: %2").replace("%1", str(line_no)).replace("%2", in_ui(why)))
        self.details_edit.setPlainText("\n".join(lines) if lines else self.tr("Все строки импортированы."))
        self.details_edit.setVisible(True)


class RosterImportWizard(QWizard):
    """Non-blocking: open() it; ``imported`` fires once the rows are queued."""

    imported = Signal(object)  # ImportReport

    def __init__(self, workspace: Workspace, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.path: Path | None = None
        self.table: RawTable | None = None
        self.mapping: dict[str, int] = {}
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Импорт списка детей"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Далее >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Назад"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Отмена"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Готово"))
        self.resize(1100, 640)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.report_page = ReportPage(self)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_PREVIEW, self.preview_page)
        self.setPage(PAGE_REPORT, self.report_page)

    def reject(self) -> None:
        task = self.preview_page.task
        if task is not None and task.running:
            return  # the import finishes in a moment; its report needs this wizard
        super().reject()

    @property
    def headers(self) -> tuple[str, ...]:
        return self.table.headers if self.table is not None else ()

    def set_table(self, path: Path, table: RawTable) -> None:
        self.path = path
        self.table = table

    def preview_rows(self) -> list[PreviewRow]:
        return self.preview_page.model.rows()
