"""The programme services, imported on first use (they pull in the ORM: see
`ui.applications.services`)."""

from __future__ import annotations

from types import ModuleType


def programs() -> ModuleType:
    from pfdo_desktop.services import programs as module

    return module


def price_cap_ratio(db: object) -> object:
    """The region's cap of the price over the normative cost (a Decimal), or None when not set."""
    module = programs()
    with db.read() as session:  # type: ignore[attr-defined]
        return module.price_cap(session)
