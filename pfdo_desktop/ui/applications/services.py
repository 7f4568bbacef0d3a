"""The enrolment services, imported on first use.

They pull in SQLAlchemy and the ORM (≈ 300 ms); the main window imports these screens and must
appear before that cost is paid (setup-notes.md, «Speed facts»). By the time an operator types
or clicks, the workspace — and so the ORM — is loaded anyway.
"""

from __future__ import annotations

from types import ModuleType


def children() -> ModuleType:
    from pfdo_desktop.services import children as module

    return module


def applications() -> ModuleType:
    from pfdo_desktop.services import applications as module

    return module


def roster_import() -> ModuleType:
    from pfdo_desktop.services import roster_import as module

    return module


def pending() -> ModuleType:
    from pfdo_desktop.services import pending as module

    return module


def pending_titles() -> dict[str, str]:
    from pfdo_desktop.services.enrolment_rows import PENDING_TITLES_RU

    return PENDING_TITLES_RU
