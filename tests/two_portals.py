"""A second real portal on its own socket, for the «one portal per database» tests: another copy of
the seeded district (its own identity, made at its first /info — as a training portal seeded on its
own), or a copy of a running portal's database given a new identity (an administrator who copied the
real portal to make a training one: the PC's token is valid on both)."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

from pfdo_portal import db, service
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal

TRAINING = "Навигатор дополнительного образования (учебный портал)"  # the `portal` fixture's name
REAL = "Навигатор дополнительного образования Заречного муниципального округа"


def seeded_copy(template: Path, target: Path) -> str:
    """Another portal with the same seeded district (providers numbered 1…5 as on every portal)."""
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def copy_with_new_identity(db_url: str, target: Path) -> str:
    """A consistent copy of a running SQLite portal (its WAL included), then a new identity."""
    src = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    url = f"sqlite:///{target}"
    engine = db.make_engine(url)
    try:
        with db.write_tx(engine) as conn:
            db.set_setting(conn, service.PORTAL_ID_KEY, str(uuid.uuid4()))
    finally:
        engine.dispose()
    return url


def start(db_url: str, name: str = REAL) -> EmbeddedPortal:
    return EmbeddedPortal(db_url, settings=PortalSettings(portal_name=name)).start()
