"""One portal per database: a PC never attaches its data and outbox to another portal.

Every portal has an identity (``portal_id`` in ``/info`` and in the enrolment answer: a UUID it made
once and keeps in its database, so a portal moved to a new address is still the same portal). The
device row keeps the id (and the name, for messages) of the portal it was enrolled with.

- **Enrolment**: ``/info`` of the new address is asked first; a PC bound to another portal is refused
  before the code goes to the portal (nothing spent, nothing changed). The likely case is a PC used
  on a training portal and then given a code of the real one: the training (demo) children, marks
  and queued changes must not travel into the real registry.
- **Sync**: ``/info`` answering with another id stops the run before anything is pushed or pulled
  (and before the portal's clock is sampled). An address that rejects the PC's token is asked again
  without it, so «this is another portal» is said instead of «enrol again».
- A device enrolled before portals had an identity learns it at its next sync; a portal too old to
  have one (``portal_id`` null) is not checked.
"""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select

from pfdo_desktop.models import Database, Device

from .client import ClientSettings, PortalClient, SyncError
from .protocol import InfoResponse

log = logging.getLogger(__name__)

OTHER_PORTAL = "other_portal"


class DeviceLike(Protocol):
    portal_id: str | None
    portal_name: str | None
    portal_url: str | None


def _named(name: str | None) -> str:
    return f"«{name}»" if name else "(без названия)"


def other_portal_enrol_message(device: DeviceLike, url: str, info: InfoResponse) -> str:
    """Re-enrolment into another portal, refused before the code is spent."""
    return (
        f"Эта база подключена к порталу {_named(device.portal_name)}"
        f"{f' (адрес {device.portal_url})' if device.portal_url else ''}, а "
        f"по адресу {url} работает другой портал — {_named(info.portal_name)}. Чтобы работать с "
        "другим порталом, создайте отдельную папку данных (запустите программу с другой папкой: "
        "pfdo-desktop --data-dir НОВАЯ_ПАПКА) и подключите её этим кодом. Данные этой базы — дети, "
        "заявки, отметки и неотправленные изменения — на другой портал не переносятся: учебные и "
        "демонстрационные данные не должны попасть в настоящий реестр. Код подключения не "
        "израсходован."
    )


def other_portal_sync_message(device: DeviceLike, url: str, name: str | None) -> str:
    """A sync whose address now answers as another portal."""
    return (
        f"По адресу {url} теперь отвечает другой портал — {_named(name)}, а эта база подключена к "
        f"порталу {_named(device.portal_name)}. Синхронизация остановлена: ничего не отправлено и "
        "не загружено, неотправленные изменения сохранены на этом ПК. Если портал переехал, узнайте "
        "в муниципальном опорном центре его новый адрес и подключите ПК по нему заново. С другим "
        "порталом эта база не работает: для него создайте отдельную папку данных "
        "(pfdo-desktop --data-dir НОВАЯ_ПАПКА) — данные этой базы туда не переносятся."
    )


def refuse_other_portal_enrol(device: DeviceLike, url: str, info: InfoResponse) -> None:
    """Raise ``SyncError(other_portal)`` when the PC belongs to another portal than ``info``'s."""
    if device.portal_id and info.portal_id and info.portal_id != device.portal_id:
        log.warning("enrolment refused: the address answers as another portal")
        raise SyncError(other_portal_enrol_message(device, url, info), OTHER_PORTAL)


def check_portal(db: Database, url: str, info: InfoResponse) -> None:
    """Before a sync uses ``info``: refuse another portal; learn the id the first time."""
    if not info.portal_id:
        return  # a portal too old to say who it is
    with db.read() as s:
        device = s.scalar(select(Device))
        assert device is not None
        known, name = device.portal_id, device.portal_name
        s.expunge(device)
    if known and known != info.portal_id:
        log.warning("sync refused: the portal's address answers as another portal")
        raise SyncError(other_portal_sync_message(device, url, info.portal_name), OTHER_PORTAL)
    if known != info.portal_id or name != info.portal_name:
        with db.write() as s:
            row = s.scalar(select(Device))
            assert row is not None
            if row.portal_id and row.portal_id != info.portal_id:  # changed meanwhile: check again
                raise SyncError(other_portal_sync_message(row, url, info.portal_name), OTHER_PORTAL)
            if row.portal_id is None:
                log.info("the portal's identity is learnt at this sync")
            row.portal_id, row.portal_name = info.portal_id, info.portal_name


def explain_rejected_token(db: Database, url: str, settings: ClientSettings) -> None:
    """The address rejected the PC's token: when it now answers as another portal, say that (raise
    ``SyncError(other_portal)``) instead of «enrol again». Returns when it cannot tell."""
    with db.read() as s:
        device = s.scalar(select(Device))
        assert device is not None
        s.expunge(device)
    if not device.portal_id:
        return
    try:
        with PortalClient(url, settings=settings) as client:
            info = client.info()
    except SyncError:
        return
    if info.portal_id and info.portal_id != device.portal_id:
        log.warning("sync refused: the portal's address answers as another portal")
        raise SyncError(other_portal_sync_message(device, url, info.portal_name), OTHER_PORTAL)
