"""The device token lives in the OS keyring (Windows Credential Manager, macOS Keychain, Secret
Service on Linux) — never in the database, a config file or a log.

keyring's own ``PYTHON_KEYRING_BACKEND`` setting is honoured, as keyring itself reads it.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

SERVICE = "pfdo-desktop"

NO_KEYRING_MESSAGE = (
    "В системе нет хранилища паролей, поэтому ключ доступа к порталу негде сохранить. "
    "Windows и macOS имеют его всегда; в Linux установите и запустите gnome-keyring или KWallet "
    "(или укажите хранилище в переменной PYTHON_KEYRING_BACKEND) и повторите подключение."
)


class CredentialsUnavailable(Exception):
    """No usable OS keyring; the message says what to do (Russian)."""

    def __init__(self, message: str = NO_KEYRING_MESSAGE) -> None:
        super().__init__(message)
        self.message = message


def _account(db_uuid: str) -> str:
    return f"device-token:{db_uuid}"


def store_token(db_uuid: str, token: str) -> None:
    try:
        keyring.set_password(SERVICE, _account(db_uuid), token)
        stored = keyring.get_password(SERVICE, _account(db_uuid))
    except NoKeyringError:
        raise CredentialsUnavailable() from None
    except KeyringError as exc:
        raise CredentialsUnavailable(f"Хранилище паролей отказало: {exc}. {NO_KEYRING_MESSAGE}") from None
    if stored != token:
        # e.g. keyring's null backend accepts and forgets: enrolment would be lost at the next sync.
        raise CredentialsUnavailable(
            "Хранилище паролей не сохранило ключ доступа (проверьте PYTHON_KEYRING_BACKEND). "
            + NO_KEYRING_MESSAGE
        )


def load_token(db_uuid: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _account(db_uuid))
    except NoKeyringError:
        raise CredentialsUnavailable() from None
    except KeyringError as exc:
        raise CredentialsUnavailable(f"Хранилище паролей отказало: {exc}.") from None


def delete_token(db_uuid: str) -> None:
    try:
        keyring.delete_password(SERVICE, _account(db_uuid))
    except PasswordDeleteError:
        pass
    except NoKeyringError:
        raise CredentialsUnavailable() from None


class MemoryKeyring(KeyringBackend):
    """A keyring that lives as long as the process. Only for the demo (whose token opens nothing
    but the local fictional portal), the tests and the benchmarks — never for real work."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)
