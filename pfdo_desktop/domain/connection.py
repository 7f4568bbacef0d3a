"""The portal's address as a channel (issue 14, outside review F6 and F9): which addresses may carry
a device's key and children's data, and the words for a connection that did not happen.

One place for the rules both the desktop (enrolment, «Проверить соединение», the update download)
and its tests use:

- **plain http is for this computer only.** The device's key, the children's names and СНИЛС and
  the update's checksum travel over the portal's channel; over ``http://`` anyone on the school's
  network can read or replace them. A connection over http is accepted only to a loopback address
  (the demo's embedded portal, the tests) or when the region runs a closed network and says so
  (``PFDO_ALLOW_HTTP=1``). A release is downloaded over https only (loopback aside).
- **an enrolment that did not reach a portal is not a failed sync:** its words say what to check
  (the internet, the address) instead of «повторите синхронизацию позже».
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

ALLOW_HTTP_ENV = "PFDO_ALLOW_HTTP"


def is_loopback(url: str) -> bool:
    """True for an address on this computer (localhost, 127.0.0.0/8, ::1)."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_http_problem_ru(url: str, allow_http: bool = False) -> str | None:
    """Why a portal at ``url`` may not be used (None: it may). https always; http on loopback, or
    anywhere when the region allowed it (``allow_http``)."""
    if url.startswith("https://") or not url.startswith("http://"):
        return None
    if allow_http or is_loopback(url):
        return None
    return (f"Адрес {url} начинается с http://: связь с порталом по нему не шифруется, и ключ доступа "
            "этого ПК и данные детей можно перехватить в сети. Укажите адрес, который начинается с "
            "https:// (его выдаёт муниципальный опорный центр). Если регион работает в закрытой сети "
            f"без https, администратор может разрешить http переменной окружения {ALLOW_HTTP_ENV}=1.")


def download_address_problem_ru(url: str) -> str | None:
    """A release is downloaded over https only (a loopback address aside: the tests, a local mirror)."""
    if url.startswith("https://") or (url.startswith("http://") and is_loopback(url)):
        return None
    return ("Адрес загрузки новой версии должен начинаться с https://: файл, скачанный без шифрования, "
            "можно подменить по дороге. Скачайте программу с сайта, который указал муниципальный "
            "опорный центр.")


NO_ANSWER = frozenset({"unreachable", "timeout"})
NOT_A_PORTAL = frozenset({"garbage", "not_found"})


def enrol_refusal_ru(code: str, url: str, enrolling: bool = True) -> str | None:
    """The words for an enrolment (or a connection check) that did not reach a portal at ``url``,
    by the client's error code; None when the portal itself answered (its words stand)."""
    kept = " Код подключения не израсходован." if enrolling else ""
    if code in NO_ANSWER:
        return (f"Портал по адресу {url} не отвечает. Проверьте, что компьютер подключён к интернету и "
                "адрес набран без ошибок. Если интернета сейчас нет, подключите компьютер позже: журнал "
                f"работает и без подключения.{kept}")
    client_error = code.startswith("http_4") and code[5:].isdigit()  # 4xx from a server that is no portal
    if code in NOT_A_PORTAL or client_error:
        return (f"По адресу {url} отвечает не портал ПФДО. Проверьте адрес: его выдаёт муниципальный "
                f"опорный центр вместе с кодом подключения.{kept}")
    return None


__all__ = ["ALLOW_HTTP_ENV", "download_address_problem_ru", "enrol_refusal_ru", "is_loopback",
           "plain_http_problem_ru"]
