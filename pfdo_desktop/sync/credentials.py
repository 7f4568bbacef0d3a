"""The device token lives in the OS keyring (Windows Credential Manager, macOS Keychain, Secret
Service or KWallet on Linux) — never in the database, a config file or a log.

keyring's own ``PYTHON_KEYRING_BACKEND`` setting is honoured, as keyring itself reads it.

Enrolment spends a one-time code, so it first makes sure the keyring can keep the token
(``check_usable``: a probe entry stored, read back and deleted) and replaces a working token only
once the new one is safely stored (``replace_token`` / ``restore_token``).
"""

from __future__ import annotations

import logging
import sys
import uuid

import keyring
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from pfdo_desktop.domain.said import said

log = logging.getLogger(__name__)

SERVICE = "pfdo-desktop"


def no_keyring_advice(platform: str | None = None) -> str:
    """What to do when there is no usable keyring, for this operating system (Russian)."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        where = said("keyring.windows", "В Windows хранилище паролей (диспетчер учётных данных) есть всегда: "
                     "войдите в Windows под своей учётной записью (не под временным профилем) и повторите.")
    elif platform == "darwin":
        where = said("keyring.macos", "В macOS хранилище паролей (связка ключей) есть всегда: разблокируйте "
                     "связку ключей «Вход» (Программы → Утилиты → Связка ключей) и повторите.")
    else:
        where = said("keyring.linux", "В Linux установите gnome-keyring или KWallet (например, «sudo apt "
                     "install gnome-keyring»), войдите в графический сеанс рабочего стола, чтобы хранилище "
                     "было разблокировано, и повторите.")
    return said("keyring.advice",
                where + " Другое хранилище можно указать переменной окружения PYTHON_KEYRING_BACKEND.",
                where=where)


NO_KEYRING_MESSAGE = said(
    "keyring.none",
    "В системе нет хранилища паролей, поэтому ключ доступа к порталу негде сохранить. "
    + no_keyring_advice(), advice=no_keyring_advice())


class CredentialsUnavailable(Exception):
    """No usable OS keyring; the message says what to do (Russian)."""

    code = "no_keyring"

    def __init__(self, message: str = NO_KEYRING_MESSAGE) -> None:
        super().__init__(message)
        self.message = message


def _account(db_uuid: str) -> str:
    return f"device-token:{db_uuid}"


def check_usable(navigator: bool = False) -> None:
    """Make sure a token can be kept: store, read back and delete a probe entry under our service.

    Called before an enrolment code is spent (or, with ``navigator``, before a Navigator's password
    is sent: there is no code then, and what is not kept is the password). Raises
    ``CredentialsUnavailable`` saying that the code was not used (the password not saved) and what
    to install.
    """
    account = f"probe:{uuid.uuid4()}"
    value = uuid.uuid4().hex
    refused = ("Хранилище паролей недоступно, поэтому ключ доступа к порталу негде сохранить. "
               "Код подключения не использован. ")
    try:
        keyring.set_password(SERVICE, account, value)
        stored = keyring.get_password(SERVICE, account)
    except NoKeyringError:
        if navigator:
            raise CredentialsUnavailable(said(
                "keyring.none_password_unsaved",
                "Пароль не сохранён: в системе нет хранилища паролей, где его хранить. ПК не подключён к "
                "Навигатору. " + no_keyring_advice(), advice=no_keyring_advice())) from None
        raise CredentialsUnavailable(said(
            "keyring.none_code_unused",
            "В системе нет хранилища паролей, поэтому ключ доступа к порталу негде сохранить. "
            "Код подключения не использован. " + no_keyring_advice(), advice=no_keyring_advice())) from None
    except KeyringError as exc:
        log.warning("the keyring refused the probe: %s", type(exc).__name__)
        if navigator:
            raise CredentialsUnavailable(said(
                "keyring.unavailable_password_unsaved",
                "Пароль не сохранён: хранилище паролей недоступно. ПК не подключён к Навигатору. "
                + no_keyring_advice(), advice=no_keyring_advice())) from None
        raise CredentialsUnavailable(said("keyring.unavailable_code_unused", refused + no_keyring_advice(),
                                          advice=no_keyring_advice())) from None
    try:
        keyring.delete_password(SERVICE, account)
    except KeyringError:
        log.warning("the keyring kept a probe entry it could not delete")
    if stored != value:
        # e.g. keyring's null backend accepts and forgets: the enrolment would be lost at the next sync.
        if navigator:
            raise CredentialsUnavailable(said(
                "keyring.forgets_password_unsaved",
                "Пароль не сохранён: хранилище паролей не сохраняет записи (проверьте "
                "PYTHON_KEYRING_BACKEND). ПК не подключён к Навигатору. " + no_keyring_advice(),
                advice=no_keyring_advice()))
        raise CredentialsUnavailable(said(
            "keyring.forgets_code_unused",
            "Хранилище паролей не сохраняет записи (проверьте PYTHON_KEYRING_BACKEND), поэтому ключ "
            "доступа к порталу негде сохранить. Код подключения не использован. " + no_keyring_advice(),
            advice=no_keyring_advice()))


def store_token(db_uuid: str, token: str) -> None:
    try:
        keyring.set_password(SERVICE, _account(db_uuid), token)
        stored = keyring.get_password(SERVICE, _account(db_uuid))
    except NoKeyringError:
        raise CredentialsUnavailable() from None
    except KeyringError as exc:
        log.warning("the keyring refused the token: %s", type(exc).__name__)
        raise CredentialsUnavailable(said(
            "keyring.refused_store",
            "Хранилище паролей отказалось сохранить ключ доступа к порталу. " + no_keyring_advice(),
            advice=no_keyring_advice())) from None
    if stored != token:
        raise CredentialsUnavailable(said(
            "keyring.not_stored",
            "Хранилище паролей не сохранило ключ доступа (проверьте PYTHON_KEYRING_BACKEND). "
            + NO_KEYRING_MESSAGE, none=NO_KEYRING_MESSAGE))


def load_token(db_uuid: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _account(db_uuid))
    except NoKeyringError:
        raise CredentialsUnavailable() from None
    except KeyringError as exc:
        log.warning("the keyring refused to read the token: %s", type(exc).__name__)
        raise CredentialsUnavailable(said(
            "keyring.refused_read",
            "Хранилище паролей не дало прочитать ключ доступа к порталу. " + no_keyring_advice(),
            advice=no_keyring_advice())) from None


def delete_token(db_uuid: str) -> None:
    try:
        keyring.delete_password(SERVICE, _account(db_uuid))
    except PasswordDeleteError:
        pass
    except NoKeyringError:
        raise CredentialsUnavailable() from None


def restore_token(db_uuid: str, previous: str | None) -> None:
    """Put back the token a failed enrolment was about to replace (``None``: there was none).

    Best effort: it runs while another error is being reported, so a keyring failure here is logged,
    not raised.
    """
    try:
        if previous is None:
            delete_token(db_uuid)
        else:
            keyring.set_password(SERVICE, _account(db_uuid), previous)
    except (KeyringError, CredentialsUnavailable) as exc:
        log.error("could not restore the previous device token: %s", type(exc).__name__)


class MemoryKeyring(KeyringBackend):
    """A keyring that lives as long as the process. Only for the demo (whose token opens nothing
    but the local fictional portal), the tests and the benchmarks — never for real work.

    It is never *chosen* by keyring: its priority raises, so keyring's detection (which runs over
    every imported backend class) finds it not viable. It is used only when installed explicitly
    with ``keyring.set_keyring(MemoryKeyring())``.
    """

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("MemoryKeyring is installed explicitly (demo, tests), never detected")

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def __str__(self) -> str:  # keyring's own __str__ prints the priority, which raises here
        return f"{type(self).__module__}.{type(self).__name__} (in memory)"

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)
