"""A newer PFDO Desktop (issue 14 §5): the release the portal publishes (`UpdateInfo`), how two
versions compare without third-party code, and the words that name the version to install when a
portal refuses this one — the portal's 426 and the PC's own protocol check say it with
``install_advice_ru``, so both sides name it the same way.

Nothing here downloads or runs anything: the PC downloads only when the operator presses
«Скачать», checks the SHA-256 (``sync/updates.py``) and lets the OS open the installer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .connection import download_address_problem_ru

# A published version: «0.2.0», «1.2.3.dev4», «2.0.0rc1» (as the X-PFDO-Client-Version header).
VERSION_PATTERN = r"^\d{1,6}(\.\d{1,6}){0,3}([-+.~][0-9A-Za-z.+~-]{1,20})?$"
VERSION_RE = re.compile(VERSION_PATTERN)
SHA256_PATTERN = r"^[0-9a-f]{64}$"
SHA256_RE = re.compile(SHA256_PATTERN)
MAX_URL = 2000
MAX_NOTES = 4000


@dataclass(frozen=True)
class UpdateInfo:
    """The client release the portal publishes: its version, where to download it, the SHA-256 of
    the file (lowercase hex) and what is new in it (plain text, shown as is)."""

    version: str
    url: str
    sha256: str
    notes: str = ""


def release_problem(version: str, url: str, sha256: str, notes: str = "") -> str | None:
    """Why a release cannot be published (Russian), or None: the version looks like «0.2.0», the
    address is http(s), the checksum is 64 hex digits, the notes are not too long."""
    if not VERSION_RE.fullmatch(version):
        return f"версия — числа через точку, например 0.2.0, а не «{version[:40]}»"
    if len(url) > MAX_URL or any(c.isspace() for c in url):
        return "адрес загрузки слишком длинный или содержит пробелы"
    if download_address_problem_ru(url) is not None:  # the desktop downloads over https only
        return "адрес загрузки должен начинаться с https:// (http:// — только для адреса этого компьютера)"
    if not SHA256_RE.fullmatch(sha256):
        return "SHA-256 — 64 шестнадцатеричные цифры (sha256sum ФАЙЛ)"
    if len(notes) > MAX_NOTES:
        return f"описание изменений длиннее {MAX_NOTES} символов"
    return None


def numeric_key(version: str) -> tuple[tuple[int, ...], int, str]:
    """A sort key of a version without ``packaging``: the numbers of its release part, then a
    pre-release («rc1», «dev2», «-beta») before the release itself."""
    match = re.match(r"\d+(?:\.\d+)*", version.strip())
    numbers = tuple(int(n) for n in match.group(0).split(".")) if match else (0,)
    while len(numbers) > 1 and numbers[-1] == 0:  # 1.2 == 1.2.0
        numbers = numbers[:-1]
    rest = version.strip()[match.end():] if match else version
    return numbers, (0 if rest else 1), rest


def numeric_newer(candidate: str, running: str) -> bool:
    """``candidate`` is a newer version than ``running`` by the numbers (see ``numeric_key``)."""
    return numeric_key(candidate) > numeric_key(running)


def install_advice_ru(minimum: str | None, release: UpdateInfo | None) -> str:
    """Which version to install and where to get it, for a portal's refusal: the published release
    when it is at least ``minimum`` (or no minimum is known), else ``minimum`` itself."""
    if release is not None and (minimum is None or not numeric_newer(minimum, release.version)):
        return f"Установите PFDO Desktop {release.version}: {release.url}"
    if minimum:
        return (f"Установите PFDO Desktop версии {minimum} или новее (её выдаёт оператор портала или "
                "уполномоченная организация).")
    return "Установите новую версию PFDO Desktop (её выдаёт оператор портала или уполномоченная организация)."
