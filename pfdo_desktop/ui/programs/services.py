"""The programme services, imported on first use (they pull in the ORM: see
`ui.applications.services`)."""

from __future__ import annotations

from decimal import Decimal
from types import ModuleType


def programs() -> ModuleType:
    from pfdo_desktop.services import programs as module

    return module


def price_cap_ratio(db: object) -> Decimal | None:
    """The region's cap of the price over the normative cost (a Decimal), or None when not set."""
    module = programs()
    with db.read() as session:  # type: ignore[attr-defined]
        cap: Decimal | None = module.price_cap(session)
        return cap
