"""The PFDO Desktop release the portal publishes (issue 14 §5): one row of ``portal_settings``
(``latest_client``, JSON), set by ``pfdo-portal publish-client`` and carried by ``GET /info`` as
``latest_client``; a portal that refuses an old PC (426) names it in its message."""

from __future__ import annotations

import logging

from pydantic import ValidationError
from sqlalchemy.engine import Connection

from pfdo_desktop.domain import updates
from pfdo_desktop.sync import protocol as p

from . import db

log = logging.getLogger(__name__)

LATEST_CLIENT_KEY = "latest_client"


class ReleaseError(ValueError):
    """A release that cannot be published (Russian, for the administrator)."""


def latest_client(conn: Connection) -> p.ClientRelease | None:
    """The published release, or None (none published, or a row this code cannot read)."""
    raw = db.get_setting(conn, LATEST_CLIENT_KEY)
    if not raw:
        return None
    try:
        return p.ClientRelease.model_validate_json(raw)
    except ValidationError:
        log.warning("the published client release is unreadable: ignored")
        return None


def as_update(release: p.ClientRelease | None) -> updates.UpdateInfo | None:
    if release is None:
        return None
    return updates.UpdateInfo(release.version, release.url, release.sha256, release.notes)


def publish_client(db_url: str, version: str, url: str, sha256: str, notes: str = "") -> p.ClientRelease:
    """Publish the current client release (replacing the one before); every PC learns it at its
    next sync. The checksum is kept in lowercase."""
    version, url, sha256 = version.strip(), url.strip(), sha256.strip().lower()
    notes = notes.strip().replace("\r\n", "\n")
    problem = updates.release_problem(version, url, sha256, notes)
    if problem is not None:
        raise ReleaseError(problem)
    release = p.ClientRelease(version=version, url=url, sha256=sha256, notes=notes)
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        db.set_setting(conn, LATEST_CLIENT_KEY, release.model_dump_json())
    log.info("client release %s published", version)
    return release


def clear_client(db_url: str) -> bool:
    """Publish no release any more; returns whether one was published."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        had = db.get_setting(conn, LATEST_CLIENT_KEY) is not None
        db.set_setting(conn, LATEST_CLIENT_KEY, None)
    return had


def published_client(db_url: str) -> p.ClientRelease | None:
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        return latest_client(conn)
