"""Downloading the published PFDO Desktop release (issue 14 §5) — only when the operator presses
«Скачать» — into the data folder's ``updates/``, and checking it against the SHA-256 the portal
published. A file that does not match is deleted and refused. Nothing here runs the file: the UI
hands the checked file to the OS («Установить»), which opens the installer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from pfdo_desktop import __version__
from pfdo_desktop.domain.connection import download_address_problem_ru
from pfdo_desktop.domain.updates import UpdateInfo

from .client import ClientSettings, SyncError

log = logging.getLogger(__name__)

UPDATES_DIRNAME = "updates"
CHUNK = 64 * 1024
MAX_BYTES = 1024 * 1024 * 1024  # an installer is ~100 MB; a link that streams forever is cut at 1 GiB
STAGE = "download"

ProgressFn = Callable[[str, int, "int | None"], None]


class UpdateRefused(SyncError):
    """The download failed or its checksum did not match; nothing is left in ``updates/``."""


def file_name(release: UpdateInfo) -> str:
    """The file's name from the address («pfdo-desktop-0.2.0-setup.exe»), made safe; a bare
    address gives «pfdo-desktop-<version>»."""
    name = unquote(urlsplit(release.url).path.rsplit("/", 1)[-1])
    name = re.sub(r"[^0-9A-Za-z._-]", "_", name).strip("._")[:120]
    return name or f"pfdo-desktop-{release.version}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def mismatch_message(release: UpdateInfo) -> str:
    return (f"Файл версии {release.version} не совпал с контрольной суммой, опубликованной порталом "
            "(он повреждён при загрузке или подменён). Файл удалён, устанавливать его нельзя. "
            "Скачайте ещё раз; если ошибка повторится — сообщите оператору портала.")


def verify(path: Path, release: UpdateInfo) -> Path:
    """``path`` if its SHA-256 is the published one; else it is deleted and ``UpdateRefused``."""
    try:
        actual = sha256_of(path)
    except OSError:
        raise UpdateRefused(f"Файл версии {release.version} не найден или не читается: скачайте его "
                            "ещё раз.", "update_missing") from None
    if actual != release.sha256.lower():
        path.unlink(missing_ok=True)
        log.warning("downloaded client %s: checksum mismatch, file deleted", release.version)
        raise UpdateRefused(mismatch_message(release), "checksum_mismatch")
    return path


def download(
    release: UpdateInfo,
    folder: Path,
    settings: ClientSettings | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Stream ``release.url`` into ``folder`` (as ``<name>.part``, renamed once checked) and
    return the checked file. ``UpdateRefused`` (Russian) when the address does not give the file,
    the download is stopped, or the checksum does not match — then no file is left behind."""
    problem = download_address_problem_ru(release.url)
    if problem is not None:
        raise UpdateRefused(problem, "bad_url")
    s = settings or ClientSettings()
    report = progress or (lambda stage, done, total: None)
    stop = cancel or threading.Event()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the program's own, as the data folder
    except OSError:
        raise UpdateRefused(f"Не удалось создать папку для загрузки: {folder}", "no_folder") from None
    target = folder / file_name(release)
    part = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    try:
        with httpx.Client(timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
                          follow_redirects=True,
                          headers={"User-Agent": f"pfdo-desktop/{__version__}"}) as http, \
                http.stream("GET", release.url) as response:
            moved = download_address_problem_ru(str(response.url))
            if moved is not None:  # an https address redirected to plain http: not taken
                raise UpdateRefused(moved, "bad_url")
            if response.status_code != 200:
                raise UpdateRefused(
                    f"Новая версия не скачалась: сервер ответил HTTP {response.status_code}. "
                    "Проверьте связь и повторите позже; если ошибка повторится — сообщите оператору "
                    "портала.", f"http_{response.status_code}")
            length = response.headers.get("Content-Length", "")
            total = int(length) if length.isdigit() else None
            done = 0
            report(STAGE, 0, total)
            with open(os.open(part, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600), "wb") as out:
                for chunk in response.iter_bytes(CHUNK):
                    if stop.is_set():
                        raise UpdateRefused("Загрузка остановлена.", "cancelled")
                    done += len(chunk)
                    if done > MAX_BYTES:
                        raise UpdateRefused("Файл по адресу загрузки слишком большой для установщика "
                                            "программы: загрузка остановлена.", "too_large")
                    out.write(chunk)
                    digest.update(chunk)
                    report(STAGE, done, total)
    except httpx.HTTPError as exc:
        part.unlink(missing_ok=True)
        raise UpdateRefused(f"Новая версия не скачалась: нет связи с сервером загрузки "
                            f"({type(exc).__name__}). Повторите позже.", "unreachable") from None
    except OSError as exc:  # the disk is full, the folder is not writable
        part.unlink(missing_ok=True)
        why = exc.strerror or type(exc).__name__
        raise UpdateRefused(f"Не удалось записать файл новой версии в {folder} ({why}). Освободите "
                            "место на диске и повторите.", "write_failed") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    if digest.hexdigest() != release.sha256.lower():
        part.unlink(missing_ok=True)
        log.warning("downloaded client %s: checksum mismatch, file deleted", release.version)
        raise UpdateRefused(mismatch_message(release), "checksum_mismatch")
    os.replace(part, target)
    log.info("client %s downloaded and checked (%d bytes)", release.version, done)
    return target
