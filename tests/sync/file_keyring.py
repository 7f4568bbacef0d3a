"""A keyring backend for a child process in tests: reads one token from a private temp folder."""

from __future__ import annotations

import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ["PFDO_TEST_KEYRING_DIR"]) / "token"

    def get_password(self, service: str, username: str) -> str | None:
        path = self._path()
        return path.read_text() if path.exists() else None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._path().write_text(password)

    def delete_password(self, service: str, username: str) -> None:
        self._path().unlink(missing_ok=True)
