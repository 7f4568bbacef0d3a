"""The programme card editor: a thin dialog around three tabs — «Основное» (`MainTab`), «Модули»
(`ModulesTab`), «Группы» (`GroupsTab` with its `ScheduleEditor`) — that edit one working copy
(`EditorState`).

Every edit checks the whole card and every message stands next to its field — for a module or a
group next to its row («Замечание») and under the form of the selected one, for a weekly slot
under that slot. A message shows once the field was touched, or for every field after «Отправить
на модерацию», which then focuses the first bad field (switching to its tab and row).

«Сохранить черновик» always works (an unfinished card is kept on the PC). A card under moderation
opens read-only with the service's reason at the top; a returned one shows the moderator's
comment; a card changed on the portal while a local draft exists shows the portal's version beside
the draft, with «Оставить мой черновик» / «Взять версию портала» (`Workspace.resolve_program_conflict`).
A group is saved on its own («Сохранить группу»); closing the editor warns about unsaved changes.
Every write runs as an operation: the catalogue reads itself again from what it reports.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.program_card import FieldError, ProgramCard
from pfdo_desktop.workspace_types import NEW_PROGRAM_KEY, CardView

from ..common.dialog import FormDialog
from ..common.refusals import in_ui
from ..common.styles import ERROR_COLOR, OK_COLOR
from ..errors import show_failure
from ..tasks import CollectionOp, Task
from .editor_state import GROUP_FIELDS, TAB_GROUPS, TAB_MAIN, TAB_MODULES, EditorState, tab_of
from .groups_tab import GroupsTab
from .main_tab import MainTab
from .modules_tab import ModulesTab
from .widgets import ConflictTable, differences

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

log = logging.getLogger(__name__)

__all__ = ["TAB_GROUPS", "TAB_MAIN", "TAB_MODULES", "ProgramEditorDialog"]


class ProgramEditorDialog(FormDialog):
    """Non-blocking: open() it and listen to ``saved`` / ``submitted`` / ``group_saved``."""

    saved = Signal(str)  # the draft's key (the dialog stays open)
    submitted = Signal(str)  # the draft's key (the dialog then closes)
    group_saved = Signal(str)  # the group's uid (a command for the portal)
    what = "programme card"

    def __init__(
        self,
        workspace: Workspace,
        today: date,
        view: CardView | None = None,
        card: ProgramCard | None = None,
        price_cap_ratio: Decimal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.view = view
        self.key: str = view.key if view is not None else NEW_PROGRAM_KEY
        self.dirty = False
        self._close_warned = False
        self._submitted_as: list[str] = []  # the draft saved by a submission, even if it was refused
        if card is None:
            card = view.card if view is not None else workspace.new_program_card()
        self.state = EditorState(
            card, today=today, editable=view is None or bool(view.editable), price_cap_ratio=price_cap_ratio,
            pending_groups=view.pending_groups if view is not None else (), show_all=view is not None,
            parent=self,
        )

        title = card.name or self.tr("Новая программа")
        self.setWindowTitle(self.tr("Программа: %1").replace("%1", title))
        self.setMinimumSize(900, 620)
        self.resize(1060, 760)

        self._build_banner()
        self.main_tab = MainTab(self.state)
        self.modules_tab = ModulesTab(self.state)
        self.groups_tab = GroupsTab(self.state)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.main_tab, self.tr("Основное"))
        self.tabs.addTab(self.modules_tab, self.tr("Модули"))
        self.tabs.addTab(self.groups_tab, self.tr("Группы"))
        self._tab_titles = [self.tabs.tabText(i) for i in range(self.tabs.count())]

        self.message_label = QLabel()  # what belongs to no field, and «Черновик сохранён»
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Сохранить черновик"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.submit_button = self.buttons.addButton(
            self.tr("Отправить на модерацию"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(self.tr("Закрыть"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button = self.submit_button
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)
        self.submit_button.setDefault(False)
        self.submit_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

        self.state.edited.connect(self._on_edited)
        self.state.check_requested.connect(self.validate)
        self.main_tab.field_edited.connect(self._on_main_field_edited)
        self.modules_tab.modules_renamed.connect(self.groups_tab.refresh_module_combo)
        self.modules_tab.modules_listed.connect(self.groups_tab.on_modules_listed)
        self.groups_tab.save_requested.connect(self.save_group)

        self.load(card)
        self._show_banner()
        if not self.state.editable:
            self._set_read_only(True)
        self.main_tab.name_edit.setFocus()

    @property
    def editable(self) -> bool:
        return self.state.editable

    @property
    def errors(self) -> list[FieldError]:
        return self.state.errors

    # === building ====================================================================================

    def _build_banner(self) -> None:
        self.banner = QFrame()
        self.banner.setObjectName("programBanner")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.compare_button = QPushButton(self.tr("Показать версию портала"))
        self.compare_button.setCheckable(True)
        self.compare_button.toggled.connect(self.on_compare_button_toggled)
        self.keep_draft_button = QPushButton(self.tr("Оставить мой черновик"))
        self.keep_draft_button.setToolTip(
            self.tr("Черновик ляжет поверх новой версии портала; его можно будет отправить на модерацию")
        )
        self.keep_draft_button.clicked.connect(lambda _c=False: self.resolve_conflict(keep_draft=True))
        self.take_portal_button = QPushButton(self.tr("Взять версию портала"))
        self.take_portal_button.setToolTip(self.tr("Удалить черновик и открыть карточку, как она на портале"))
        self.take_portal_button.clicked.connect(lambda _c=False: self.resolve_conflict(keep_draft=False))
        self.conflict_table = ConflictTable()
        self.conflict_table.hide()
        line = QHBoxLayout()
        line.addWidget(self.banner_label, 1)
        for button in (self.compare_button, self.keep_draft_button, self.take_portal_button):
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self.banner)
        layout.addLayout(line)
        layout.addWidget(self.conflict_table)
        self.banner.hide()

    # === the working copy ============================================================================

    def load(self, card: ProgramCard) -> None:
        """Put ``card`` into every tab (the working copy becomes ``card``)."""
        state = self.state
        with state.filling():
            state.card = card
            self.main_tab.load(card)
            state.card = self.main_tab.read(card)  # a dictionary's Russian title read back as its code
            self.modules_tab.load()
            self.groups_tab.refresh_module_combo()
            state.unsaved_groups = set()
            state.sent_groups = set()
        has_modules = bool(state.card.modules)
        self.modules_tab.select_module(0 if has_modules else -1)
        self.groups_tab.choose_module(0 if has_modules else -1)
        self.validate()

    def card(self) -> ProgramCard:
        """The working copy as the forms show it."""
        return self.state.card

    def _on_main_field_edited(self, path: str) -> None:
        self.modules_tab.set_registry(self.state.card.registry)  # a budget programme: «бесплатно»
        if path == "teachers":
            self.groups_tab.refresh_teachers()

    def _on_edited(self, draft: bool) -> None:
        """An edit: ``draft`` — of the card itself (not of a group, which is saved on its own)."""
        if draft:
            self.dirty = True
        self._close_warned = False
        self.message_label.hide()
        self.validate()

    # === validation ==================================================================================

    def validate(self) -> list[FieldError]:
        """Check the working copy; show each visible message next to its field or row."""
        errors = self.state.validate(self.groups_tab.typed_date_errors())  # «01.09» left unfinished first
        shown = self.state.shown(self.groups_tab.typing_date_paths())
        self.main_tab.show_errors(shown)
        self.modules_tab.show_errors(shown)
        self.groups_tab.show_errors(shown)
        self._mark_tabs(shown)
        return errors

    def _mark_tabs(self, shown: dict[str, str]) -> None:
        counts = [0, 0, 0]
        for path in shown:
            counts[tab_of(path)] += 1
        bar = self.tabs.tabBar()
        for i, count in enumerate(counts):
            self.tabs.setTabText(i, f"{self._tab_titles[i]} ({count})" if count else self._tab_titles[i])
            bar.setTabTextColor(i, QColor(ERROR_COLOR) if count else QColor())

    def focus_error(self, path: str) -> QWidget | None:
        """Show the tab and the row of ``path`` and put the focus on its field."""
        tab = tab_of(path)
        self.tabs.setCurrentIndex(tab)
        if tab == TAB_GROUPS:
            widget = self.groups_tab.focus_field(path)
        elif tab == TAB_MODULES:
            widget = self.modules_tab.focus_field(path)
        else:
            widget = self.main_tab.field(path)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
                widget.selectAll()
        return widget

    # === banner, read-only ===========================================================================

    def _show_banner(self) -> None:
        view = self.view
        for button in (self.compare_button, self.keep_draft_button, self.take_portal_button):
            button.hide()
        style = "#programBanner { background: %s; border: 1px solid %s; border-radius: 4px; }"
        if view is None:
            self.banner.hide()
            return
        if view.conflict_card is not None:
            self.banner_label.setText(
                self.tr(
                    "Карточка изменена на портале после того, как вы начали черновик. Черновик сохранён "
                    "на ПК; сравните его с версией портала и решите, что отправить."
                )
            )
            self.banner.setStyleSheet(style % ("#fff4e0", "#e0b060"))
            for button in (self.compare_button, self.keep_draft_button, self.take_portal_button):
                button.show()
                button.setEnabled(self.editable)
            self.conflict_table.show_differences(differences(self.state.card, view.conflict_card))
        elif not view.editable:
            self.banner_label.setText(in_ui(view.why_not) or self.tr("Эту карточку сейчас изменить нельзя."))
            self.banner.setStyleSheet(style % ("#eef3fb", "#9db4d6"))
        elif view.status == "returned":
            comment = view.comment or self.tr("(без комментария)")
            self.banner_label.setText(
                self.tr(
                    "Модератор вернул карточку на доработку: «%1». Исправьте и отправьте снова — "
                    "это будет новая редакция."
                ).replace("%1", comment)
            )
            self.banner.setStyleSheet(style % ("#fdecee", "#d88a94"))
        elif view.pending:
            self.banner_label.setText(in_ui(view.pending))
            self.banner.setStyleSheet(style % ("#eef3fb", "#9db4d6"))
        else:
            self.banner.hide()
            return
        self.banner.show()

    def on_compare_button_toggled(self, checked: bool) -> None:
        if self.view is not None and self.view.conflict_card is not None:
            self.conflict_table.show_differences(differences(self.state.card, self.view.conflict_card))
        self.conflict_table.setVisible(checked)
        self.compare_button.setText(
            self.tr("Скрыть версию портала") if checked else self.tr("Показать версию портала")
        )

    def resolve_conflict(self, keep_draft: bool) -> Task | None:
        """Keep the draft on top of the portal's new revision, or take the portal's card."""
        if self.busy or self.view is None:
            return None
        workspace, key, card, dirty = self.workspace, self.key, self.state.card, self.dirty

        def work() -> CardView:
            if keep_draft and dirty:
                workspace.save_program_draft(key, card)  # what is on screen is the draft that stays
            return workspace.open_program(workspace.resolve_program_conflict(key, keep_draft=keep_draft))

        self.task = CollectionOp(self, work).success(self._on_conflict_resolved).failure(
            self._on_failed
        ).run_in_background()
        self.set_busy(True, self.tr("Сохраняю выбор…"))
        return self.task

    def _on_conflict_resolved(self, view: CardView) -> None:
        self.view = view
        self.key = view.key
        self.state.editable = bool(view.editable)
        self.state.pending_groups = set(view.pending_groups)
        self.compare_button.setChecked(False)
        self.load(view.card)
        self.dirty = False
        self._show_banner()
        self._set_read_only(not self.editable)
        self.set_busy(False)
        self.show_message(
            self.tr("Черновик оставлен: его можно отправить на модерацию.")
            if view.draft_uid
            else self.tr("В редакторе — карточка с портала; черновик удалён.")
        )
        self.saved.emit(view.key)

    def _set_read_only(self, read_only: bool) -> None:
        self.main_tab.set_read_only(read_only)
        self.modules_tab.set_read_only(read_only)
        self.groups_tab.set_read_only(read_only)
        self._update_enabled()

    def _update_enabled(self) -> None:
        editable = self.state.may_edit()
        self.save_button.setEnabled(editable)
        self.submit_button.setEnabled(editable)
        self.modules_tab.update_enabled()
        self.groups_tab.update_enabled()

    # === saving ======================================================================================

    def show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR};")
        self.message_label.setVisible(bool(text))

    def busy_text(self) -> str:
        return self.tr("Отправляю на модерацию…")

    def set_busy(self, busy: bool, text: str | None = None) -> None:
        self.state.busy = busy
        if busy:
            self.show_message(text if text is not None else self.busy_text())
        self._update_enabled()

    def save_draft(self) -> Task | None:
        """Keep the card on the PC as it is (even unfinished)."""
        if self.busy or not self.editable:
            return None
        workspace, key, card = self.workspace, self.key, self.state.card
        self.task = CollectionOp(self, lambda: workspace.save_program_draft(key, card)).success(
            self._on_saved
        ).failure(self._on_failed).run_in_background()
        self.set_busy(True, self.tr("Сохраняю черновик…"))
        return self.task

    def _on_saved(self, draft_key: str) -> None:
        self.key = draft_key
        self.dirty = False
        self.set_busy(False)
        self.show_message(
            self.tr("Черновик сохранён на ПК. На портал он уйдёт, когда вы отправите его на модерацию.")
        )
        self.saved.emit(draft_key)

    def submit(self) -> Task | None:
        """Check everything; the first bad field gets the focus; else save and send to moderation."""
        if not self.editable:
            return None
        return self.start()

    def prepare(self) -> Callable[[], Any] | None:
        if self.view is not None and self.view.conflict_card is not None:
            self.show_message(
                self.tr(
                    "Сначала решите расхождение с порталом: «Оставить мой черновик» или «Взять версию "
                    "портала»."
                ),
                error=True,
            )
            self.keep_draft_button.setFocus()
            return None
        self.state.show_all = True
        errors = self.validate()
        if errors:
            self.show_message(
                self.tr("Карточка не отправлена: исправьте замечания (%1).").replace("%1", str(len(errors))),
                error=True,
            )
            self.focus_error(errors[0].path)
            return None
        workspace, key, card, today = self.workspace, self.key, self.state.card, self.today
        saved = self._submitted_as = []

        def work() -> str:
            draft_key = workspace.save_program_draft(key, card)
            saved.append(draft_key)  # the draft stays saved even if the submission is refused
            workspace.submit_program(draft_key, today)
            return draft_key

        return work

    def succeeded(self, result: Any) -> None:
        self.key = str(result)
        self.dirty = False
        self.submitted.emit(self.key)

    def refused(self, exc: BaseException) -> None:
        saved = self._submitted_as
        if saved:
            self.key = saved[-1]
            self.dirty = False
            self.saved.emit(saved[-1])
        self._on_failed(exc)

    def _on_failed(self, exc: BaseException, group_prefix: str = "") -> None:
        self.set_busy(False)
        errors = getattr(exc, "errors", None)  # `CardInvalid`: every problem with its field path
        if isinstance(errors, list) and errors and all(isinstance(e, FieldError) for e in errors):
            if group_prefix:  # save_group names its fields «group.capacity», «group.slots.1»
                errors = [FieldError(group_prefix + e.path.removeprefix("group."), e.message) for e in errors]
            self.state.extra = list(errors)
            self.state.show_all = True
            self.validate()
            self.show_message(
                in_ui(getattr(exc, "message", ""))
                or self.tr("Портал не примет карточку: исправьте замечания."),
                error=True,
            )
            self.focus_error(errors[0].path)
            return
        self.message_label.setStyleSheet(f"color: {ERROR_COLOR};")
        show_failure(
            self.message_label,
            exc,
            self.what,
            self.tr("Карточка не сохранена из-за внутренней ошибки."),
            log,
        )

    def save_group(self) -> Task | None:
        """A published programme's group goes to the portal as a command (no moderation)."""
        state, tab = self.state, self.groups_tab
        m, g = tab.module_row, tab.group_row
        if self.busy or m < 0 or g < 0 or state.card.id is None:
            return None
        module = state.card.modules[m]
        prefix = f"modules.{m}.groups.{g}."
        state.touched |= {f"{prefix}{f}" for f in GROUP_FIELDS}
        errors = [e for e in self.validate() if e.path.startswith(prefix)]
        if errors:
            for error in errors:
                state.touched.add(error.path)
            self.validate()
            self.focus_error(errors[0].path)
            return None
        workspace, program_id, module_id, group = self.workspace, state.card.id, module.id, module.groups[g]
        if module_id is None:
            return None
        self.task = CollectionOp(self, lambda: workspace.save_group(program_id, module_id, group)).success(
            lambda uid: self._on_group_saved(m, g, uid)
        ).failure(lambda exc: self._on_failed(exc, group_prefix=prefix)).run_in_background()
        self.set_busy(True, self.tr("Сохраняю группу…"))
        return self.task

    def _on_group_saved(self, m: int, g: int, uid: str) -> None:
        self.set_busy(False)
        self.groups_tab.group_saved(m, g, uid)
        self.show_message(self.tr("Группа сохранена: она уйдёт на портал при синхронизации."))
        self.group_saved.emit(uid)

    # === closing =====================================================================================

    def reject(self) -> None:
        if self.busy:
            return  # the write finishes in a moment; its answer needs this dialog
        if self.editable and not self._close_warned and (self.dirty or self.state.unsaved_groups):
            self._close_warned = True
            self.show_message(
                self.tr(
                    "Есть несохранённые изменения (черновик или группы). Сохраните их или нажмите "
                    "«Закрыть» ещё раз, чтобы выйти без сохранения."
                ),
                error=True,
            )
            return
        super().reject()
