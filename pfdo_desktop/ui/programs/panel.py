"""«Программы»: the provider's catalogue with its filters on the left, the card on the right.

Every filter reads the catalogue again, in the background (``LatestQuery``: a few milliseconds
for thousands of programmes, more on a slow disk); the free text waits ``FILTER_DELAY_MS`` after
the last key. The direction filter shows how many programmes each direction has under the other
filters («техническая (12)»). «Новая программа…» and «Редактировать…» open
`ProgramEditorDialog`; its writes run as operations, and the list is read again when one reports
that programmes or groups changed (``on_changes``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from pfdo_desktop.domain.catalog import DIRECTIONS, PROGRAM_STATUSES, REGISTRIES
from pfdo_desktop.domain.program_card import MAX_AGE_YEARS, MIN_AGE_YEARS
from pfdo_desktop.workspace_types import CardView, Catalogue, Changes, ProgramListRow, ServiceError

from ..common.export import ask_xlsx_path, export_button, run_export, safe_file_name
from ..common.list_panel import ListPanel
from ..common.refusals import in_ui
from ..tasks import LatestQuery, QueryOp
from .card_view import ProgramCardView
from .editor import ProgramEditorDialog
from .model import (
    COL_AGES,
    COL_DIRECTION,
    COL_NAME,
    COL_REGISTRY,
    COL_SIZE,
    COL_STATUS,
    COL_TEACHERS,
    ProgramsTableModel,
)
from .texts import direction_text, registry_text
from .texts import status_text as program_status_title

log = logging.getLogger(__name__)

ANY_AGE = MIN_AGE_YEARS - 1  # the age spin box's «любой»


@dataclass(frozen=True)
class Filters:
    """The catalogue's filters as chosen (None: any)."""

    direction: str | None
    age: int | None
    registry: str | None
    status: str | None
    teacher: str | None
    text: str


class ProgramsPanel(ListPanel[ProgramListRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ProgramsTableModel(), parent)
        self._loading = False
        self._select_next: str | None = None  # a programme to show at the next reading
        self.opening: str | None = None  # the card being read for the editor
        self.list_query = LatestQuery(self)
        self.card_query = LatestQuery(self)

        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Название или педагог"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.textChanged.connect(lambda _t: self.filter_timer.start())
        self.direction_combo = QComboBox()
        self.direction_combo.addItem(self.tr("Все направленности"), None)
        for code in DIRECTIONS:
            self.direction_combo.addItem(direction_text(code), code)
        self.direction_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.age_spin = QSpinBox()
        self.age_spin.setRange(ANY_AGE, MAX_AGE_YEARS)
        self.age_spin.setSpecialValueText(self.tr("любого"))
        self.age_spin.setSuffix(self.tr(" лет"))
        self.age_spin.setValue(ANY_AGE)
        self.age_spin.setToolTip(self.tr("Программы, которые принимают ребёнка этого возраста"))
        self.registry_combo = QComboBox()
        self.registry_combo.addItem(self.tr("Все реестры"), None)
        for code in REGISTRIES:
            self.registry_combo.addItem(registry_text(code), code)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Все статусы"), None)
        for code in PROGRAM_STATUSES:
            self.status_combo.addItem(program_status_title(code), code)
        self.teacher_combo = QComboBox()
        self.teacher_combo.addItem(self.tr("Все педагоги"), None)
        self.teacher_combo.setMinimumContentsLength(22)
        self.teacher_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for combo in (self.direction_combo, self.registry_combo, self.status_combo, self.teacher_combo):
            combo.currentIndexChanged.connect(self.on_filter_changed)
        self.age_spin.valueChanged.connect(self.on_filter_changed)

        self.column_widths((
            (COL_DIRECTION, 150),
            (COL_AGES, 72),
            (COL_REGISTRY, 130),
            (COL_STATUS, 120),
            (COL_TEACHERS, 120),
            (COL_SIZE, 62),
        ), stretch_last=False)
        name = QHeaderView.ResizeMode.Stretch
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, name)  # the name takes the rest
        self.table.doubleClicked.connect(lambda _i: self.on_edit_button_clicked())
        self.new_button = QPushButton(self.tr("Новая программа…"))
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.edit_button = QPushButton(self.tr("Редактировать…"))
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.export_button = export_button(self)
        self.export_button.clicked.connect(self.on_export_button_clicked)

        self.card = ProgramCardView()

        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.text_edit, 0, 0, 1, 2)
        filters.addWidget(self.direction_combo, 0, 2)
        age = QHBoxLayout()
        age.addWidget(QLabel(self.tr("для возраста")))
        age.addWidget(self.age_spin)
        filters.addLayout(age, 0, 3)
        filters.addWidget(self.registry_combo, 1, 0)
        filters.addWidget(self.status_combo, 1, 1)
        filters.addWidget(self.teacher_combo, 1, 2, 1, 2)
        filters.setColumnStretch(0, 1)
        filters.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        self.assemble(filters, buttons, card=self.card, stretch=(3, 2), sizes=(900, 340))
        self._update_buttons()

    # --- feeding ----------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """The catalogue or the card is being read (for the card beside it or the editor)."""
        return self.list_query.loading or self.card_query.loading or self.opening is not None

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if changes & (Changes.PROGRAMS | Changes.GROUPS):
            self.refresh_all()

    def refresh_all(self) -> None:
        """After a sync: the teachers of the filter and the list (keeping the filters)."""
        self._fill_teachers()
        self.reload()

    def _fill_teachers(self) -> None:
        teachers: list[str] = []
        if self.workspace is not None:
            try:
                teachers = self.workspace.program_teachers()
            except ServiceError as exc:
                self.show_message(in_ui(exc.message), error=True)
        keep = self.teacher_combo.currentData()
        self._loading = True
        try:
            self.teacher_combo.clear()
            self.teacher_combo.addItem(self.tr("Все педагоги"), None)
            for name in teachers:
                self.teacher_combo.addItem(name, name)
            index = self.teacher_combo.findData(keep) if keep else 0
            self.teacher_combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False

    def filters(self) -> Filters:
        age = self.age_spin.value()
        return Filters(
            direction=self.direction_combo.currentData(),
            age=None if age == ANY_AGE else age,
            registry=self.registry_combo.currentData(),
            status=self.status_combo.currentData(),
            teacher=self.teacher_combo.currentData(),
            text=self.text_edit.text().strip(),
        )

    @Slot()
    def reload(self) -> None:
        """Read the catalogue with the current filters (in the background), keeping the selected
        programme."""
        self.filter_timer.stop()
        selected = self.selected_program()
        keep = selected.key if selected is not None else (self.card.view.key if self.card.view else None)
        wanted, self._select_next = self._select_next, None
        workspace, f = self.workspace, self.filters()
        if workspace is None:
            self._show_catalogue(Catalogue(rows=(), counts={}, total=0), keep, wanted)
            return
        self.list_query.run(
            lambda: workspace.program_catalogue(direction=f.direction, age=f.age, registry=f.registry,
                                                status=f.status, teacher=f.teacher, text=f.text),
            lambda found: self._show_catalogue(found, keep, wanted),
            self._on_read_failed,
        )

    def _show_catalogue(self, found: Catalogue, keep: str | None, wanted: str | None) -> None:
        rows, total = list(found.rows), found.total
        self._show_counts(dict(found.counts), total)
        self.model.set_rows(rows)
        if total and len(rows) < total:
            text = self.tr("Программ: %1 из %2").replace("%1", str(len(rows))).replace("%2", str(total))
        else:
            text = self.tr("Программ: %1").replace("%1", str(len(rows)))
        self.count_label.setText(text)
        if wanted is not None:
            self.show_program(wanted)
            return
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)  # the reset cleared the selection: this reads the card again
        elif len(rows) == 1:
            self.table.selectRow(0)
        elif keep and self.card.view is not None:
            self._show_card(keep)  # the card stays open even when the filters hide it
        self._update_buttons()

    def _on_read_failed(self, exc: BaseException) -> None:
        self.report_failure(exc, "programme catalogue")

    def _show_counts(self, counts: dict[str, int], total: int) -> None:
        combo = self.direction_combo
        combo.setItemText(0, self.tr("Все направленности (%1)").replace("%1", str(total)))
        for i in range(1, combo.count()):
            code = combo.itemData(i)
            combo.setItemText(i, f"{direction_text(code)} ({counts.get(code, 0)})")

    def selected_program(self) -> ProgramListRow | None:
        return self.selected_row()

    def show_program(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
            self._show_card(key)

    def _show_card(self, key: str | None) -> None:
        workspace = self.workspace
        if workspace is None or key is None:
            self.card_query.cancel()
            self._on_card_read(None)
            return
        self.card_query.run(lambda: workspace.open_program(key), self._on_card_read, self._on_card_failed)

    def _on_card_read(self, view: CardView | None) -> None:
        self.card.show_card(view)
        self._update_buttons()

    def _on_card_failed(self, exc: BaseException) -> None:
        self.card.show_card(None)
        self._update_buttons()
        self.report_failure(exc, "programme card")

    def _update_buttons(self) -> None:
        has = self.workspace is not None and self.opening is None  # not while a card is read for the editor
        self.new_button.setEnabled(has)
        self.edit_button.setEnabled(has and self.card.view is not None)
        view = self.card.view
        self.edit_button.setText(
            self.tr("Открыть…") if view is not None and not view.editable else self.tr("Редактировать…")
        )

    # --- «Экспорт в Excel…» -------------------------------------------------------------------------

    @Slot()
    def on_export_button_clicked(self) -> None:
        if self.workspace is None:
            return
        out = ask_xlsx_path(self, self.tr("Экспорт каталога программ в Excel"),
                            safe_file_name(self.tr("Программы")))
        if out is not None:
            self.export_to(out)

    def export_to(self, out: Path) -> None:
        """The programmes the filters select (with their modules and groups), to ``out``."""
        workspace, f = self.workspace, self.filters()
        if workspace is None:
            return
        run_export(self, lambda: workspace.export_programs(
            out, direction=f.direction, age=f.age, registry=f.registry, status=f.status, teacher=f.teacher,
            text=f.text), out, lambda n: self.tr("программ: %1").replace("%1", str(n)), self.show_message,
            self.export_button)

    # --- filters --------------------------------------------------------------------------------

    @Slot()
    def on_filter_changed(self) -> None:
        if not self._loading:
            self.reload()

    def on_selection_changed(self) -> None:
        program = self.selected_program()
        if program is not None:
            self._show_card(program.key)
        else:
            self._update_buttons()

    # --- the editor -------------------------------------------------------------------------------

    @Slot()
    def on_new_button_clicked(self) -> ProgramEditorDialog | None:
        return self.open_editor(None)

    @Slot()
    def on_edit_button_clicked(self) -> ProgramEditorDialog | None:
        view = self.card.view
        return self.open_editor(view.key) if view is not None else None

    def open_editor(self, key: str | None) -> ProgramEditorDialog | None:
        """The editor of ``key`` (None: a new programme, returned at once). An existing card is
        read again first, in the background, with the buttons disabled meanwhile; the editor opens
        when it has been read (``self.dialog``; returns None)."""
        workspace = self.workspace
        if workspace is None or self.dialog is not None or self.opening is not None:
            return None
        if key is None:
            return self._open_editor(None)
        self.opening = key
        self._update_buttons()
        QueryOp(self, lambda: workspace.open_program(key), self._on_program_opened).failure(
            self._on_open_failed
        ).run_in_background()
        return None

    def _on_program_opened(self, view: CardView) -> None:
        self.opening = None
        self._update_buttons()
        if self.dialog is None and self.workspace is not None:
            self._open_editor(view)

    def _on_open_failed(self, exc: BaseException) -> None:
        self.opening = None
        self._update_buttons()
        self.report_failure(exc, "programme editor")

    def _open_editor(self, view: CardView | None) -> ProgramEditorDialog | None:
        workspace = self.workspace
        if workspace is None:
            return None
        dialog = ProgramEditorDialog(
            workspace, self.today(), view=view, price_cap_ratio=workspace.program_price_cap(), parent=self
        )
        dialog.saved.connect(self._on_draft_saved)
        dialog.submitted.connect(self._on_submitted)
        dialog.group_saved.connect(self._on_group_saved)
        self.open_dialog(dialog)
        return dialog

    def _dialog_key(self, draft_key: str) -> str:
        """The catalogue lists a programme's draft under the programme's key."""
        dialog = self.dialog
        view = dialog.view if isinstance(dialog, ProgramEditorDialog) else None
        return view.key if view is not None and view.key.startswith("p:") else draft_key

    def _on_draft_saved(self, draft_key: str) -> None:
        self._select_next = self._dialog_key(draft_key)
        self.show_message(self.tr("Черновик сохранён на ПК."))

    def _on_submitted(self, draft_key: str) -> None:
        self._select_next = self._dialog_key(draft_key)
        self.show_message(self.tr("Карточка отправлена на модерацию: она уйдёт на портал при синхронизации."))

    def _on_group_saved(self, _uid: str) -> None:
        self.show_message(self.tr("Группа сохранена: она уйдёт на портал при синхронизации."))
