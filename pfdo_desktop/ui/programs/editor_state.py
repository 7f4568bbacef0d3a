"""What the three tabs of the programme editor share: the working copy of the card and what the
operator has touched.

The working copy is a frozen `ProgramCard` replaced on every edit; ``validate`` runs
`validate_card` on it (a few hundred microseconds for 4 modules and 20 groups). A message shows
once its field was touched, or for every field after «Отправить на модерацию» (``show_all``).
A field path names a field of the card: «name», «modules.0.hours», «modules.0.groups.2.slots.1».
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QObject, Signal

from pfdo_desktop.domain.program_card import FieldError, GroupCard, ModuleCard, ProgramCard, validate_card

from ..common.refusals import in_ui

TAB_MAIN, TAB_MODULES, TAB_GROUPS = range(3)
GROUP_FIELDS = ("name", "date_from", "date_to", "capacity", "teacher", "slots", "explicit_dates")
# Fields that share one message line: touching one reveals the other's message too.
TOGETHER = {
    "age_from_years": ("age_from_years", "age_to_years"),
    "age_to_years": ("age_from_years", "age_to_years"),
    "min_children": ("min_children", "max_children"),
    "max_children": ("min_children", "max_children"),
    "date_from": ("date_from", "date_to", "explicit_dates"),
    "date_to": ("date_from", "date_to", "explicit_dates"),
}
MODULE_PATH = re.compile(r"^modules\.(\d+)\.(\w+)$")
GROUP_PATH = re.compile(r"^modules\.(\d+)\.groups\.(\d+)\.(\w+)(?:\.(\d+))?$")


def group_key(group: GroupCard) -> str:
    """As `services.programs.group_key` (``CardView.pending_groups`` holds these)."""
    return f"g:{group.id}" if group.id is not None else f"u:{group.uid}"


def tab_of(path: str) -> int:
    """The tab that shows the field ``path``."""
    if ".groups." in path:
        return TAB_GROUPS
    if path.startswith("modules"):
        return TAB_MODULES
    return TAB_MAIN


def money(value: float) -> Decimal:
    return Decimal(f"{value:.2f}")


class EditorState(QObject):
    """The working copy and its checks; the tabs edit it and say so with ``edit``."""

    edited = Signal(bool)  # an edit: True — of the card itself (its draft), False — of a group alone
    check_requested = Signal()  # a tab shows other fields now: check and show their messages
    module_replaced = Signal(int)  # the module in this row (its fields or groups) changed
    group_replaced = Signal(int, int)  # (module, group) changed

    def __init__(self, card: ProgramCard, *, today: date, editable: bool,
                 price_cap_ratio: Decimal | None, pending_groups: Iterable[str] = (),
                 show_all: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.today = today
        self.editable = editable
        self.price_cap_ratio = price_cap_ratio
        self.pending_groups = set(pending_groups)  # group keys whose group.save waits to be sent
        self.touched: set[str] = set()
        self.show_all = show_all  # an existing card: its problems show at once
        self.extra: list[FieldError] = []  # the service's verdict, until the next edit
        self.errors: list[FieldError] = []
        self.unsaved_groups: set[tuple[int, int]] = set()  # (module, group) changed, not yet sent
        self.sent_groups: set[tuple[int, int]] = set()  # saved in this session, waiting for a sync
        self.busy = False  # a write of the editor runs: nothing is edited meanwhile
        self._filling = 0

    def may_edit(self) -> bool:
        return self.editable and not self.busy

    # --- filling the forms ---------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """The forms are being filled from the card: their signals are not edits."""
        return self._filling > 0

    @contextmanager
    def filling(self) -> Iterator[None]:
        self._filling += 1
        try:
            yield
        finally:
            self._filling -= 1

    # --- edits ---------------------------------------------------------------------------------------

    def touch(self, path: str, field: str) -> None:
        """Mark ``path`` (and the fields sharing its message line) as touched."""
        base = path[: len(path) - len(field)]
        for name in TOGETHER.get(field, (field,)):
            self.touched.add(base + name)

    def edit(self, draft: bool = True) -> None:
        """An edit was made (``draft``: of the card itself, not of a group saved on its own)."""
        self.extra = []
        self.edited.emit(draft)

    def set_modules(self, modules: list[ModuleCard]) -> None:
        self.card = replace(self.card, modules=tuple(modules))

    def set_module(self, row: int, module: ModuleCard) -> None:
        modules = list(self.card.modules)
        modules[row] = module
        self.set_modules(modules)
        self.module_replaced.emit(row)

    def set_group(self, m: int, g: int, group: GroupCard) -> None:
        module = self.card.modules[m]
        groups = list(module.groups)
        groups[g] = group
        self.set_module(m, replace(module, groups=tuple(groups)))
        self.group_replaced.emit(m, g)

    def forget_module(self, row: int) -> None:
        """The module in ``row`` was removed: the paths and groups after it moved up."""
        self.touched = {p for p in self.touched if not p.startswith("modules.")}  # indexes moved
        self.unsaved_groups = {(mm, g) for mm, g in self.unsaved_groups if mm < row} | {
            (mm - 1, g) for mm, g in self.unsaved_groups if mm > row
        }
        self.sent_groups = {(mm, g) for mm, g in self.sent_groups if mm < row} | {
            (mm - 1, g) for mm, g in self.sent_groups if mm > row
        }

    def forget_group(self, m: int, g: int) -> None:
        """The group ``g`` of module ``m`` was removed: the groups after it moved up."""
        prefix = f"modules.{m}.groups."
        self.touched = {p for p in self.touched if not p.startswith(prefix)}
        self.unsaved_groups = {
            (mm, gg) if mm != m or gg < g else (mm, gg - 1)
            for mm, gg in self.unsaved_groups
            if (mm, gg) != (m, g)
        }
        self.sent_groups = {
            (mm, gg) if mm != m or gg < g else (mm, gg - 1)
            for mm, gg in self.sent_groups
            if (mm, gg) != (m, g)
        }

    # --- checks --------------------------------------------------------------------------------------

    def validate(self, typed: list[FieldError]) -> list[FieldError]:
        """Every problem of the working copy: ``typed`` (dates left unfinished) first, then the
        rulebook's, then the service's last verdict."""
        errors = typed + validate_card(self.card, self.price_cap_ratio)
        known = {(e.path, e.message) for e in errors}
        errors += [e for e in self.extra if (e.path, e.message) not in known]
        self.errors = errors
        return errors

    def shown(self, typing: Iterable[str] = ()) -> dict[str, str]:
        """The messages to show, path → message: of touched fields (all after a submission),
        except ``typing`` (still being typed: the message comes when the field is left)."""
        shown: dict[str, str] = {}
        for error in self.errors:
            if self.show_all or error.path in self.touched or error in self.extra:
                shown.setdefault(error.path, in_ui(error.message))
        for path in typing:
            shown.pop(path, None)
        return shown

    def message(self, path: str) -> str:
        return next((in_ui(e.message) for e in self.errors if e.path == path), "")
