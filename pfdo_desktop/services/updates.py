"""The PFDO Desktop release the portal publishes, as this PC knows it (issue 14 §5).

The sync engine keeps the portal's ``latest_client`` of each ``/info`` in ``app_setting``
«latest_client» (``store_latest_client``; a portal that publishes none clears it);
``available_update`` says whether it is newer than the running program.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.orm import Session

from pfdo_desktop.domain.updates import SHA256_RE, VERSION_RE, UpdateInfo, numeric_newer
from pfdo_desktop.models import AppSetting, Database
from pfdo_desktop.sync import protocol as p

log = logging.getLogger(__name__)

LATEST_CLIENT_SETTING = "latest_client"  # app_setting key: {version, url, sha256, notes} or null


def is_newer(candidate: str, running: str) -> bool:
    """``candidate`` is a newer version than ``running``: PEP 440 when ``packaging`` is there,
    else by the numbers (``domain.updates.numeric_newer``)."""
    try:
        from packaging.version import InvalidVersion, Version
    except ImportError:  # not a dependency of ours: the installed app may go without it
        return numeric_newer(candidate, running)
    try:
        return Version(candidate) > Version(running)
    except InvalidVersion:
        return numeric_newer(candidate, running)


def store_latest_client(s: Session, release: p.ClientRelease | None) -> None:
    """Keep what the portal's ``/info`` published (None: nothing; an older portal says nothing
    either) — called by the sync engine at each run."""
    value = None if release is None else release.model_dump(mode="json")
    setting = s.get(AppSetting, LATEST_CLIENT_SETTING)
    if setting is None:
        s.add(AppSetting(key=LATEST_CLIENT_SETTING, value=value))
    elif setting.value != value:
        setting.value = value
        if value is not None:
            log.info("the portal publishes client version %s", release.version if release else "")


def from_wire(release: p.ClientRelease | None) -> UpdateInfo | None:
    if release is None:
        return None
    return UpdateInfo(version=release.version, url=release.url, sha256=release.sha256, notes=release.notes)


def latest_client(s: Session) -> UpdateInfo | None:
    """The release the portal published at the last sync, or None."""
    setting = s.get(AppSetting, LATEST_CLIENT_SETTING)
    return _update_info(setting.value if setting is not None else None)


def _update_info(raw: Any) -> UpdateInfo | None:
    if not isinstance(raw, dict):
        return None
    version, url, sha256 = (str(raw.get(k) or "") for k in ("version", "url", "sha256"))
    if not VERSION_RE.fullmatch(version) or not SHA256_RE.fullmatch(sha256) or not url:
        return None
    return UpdateInfo(version=version, url=url, sha256=sha256, notes=str(raw.get("notes") or ""))


def available_update(db: Database, running: str) -> UpdateInfo | None:
    """The published release when it is newer than ``running``, else None."""
    with db.read() as s:
        release = latest_client(s)
    if release is None or not is_newer(release.version, running):
        return None
    return release
