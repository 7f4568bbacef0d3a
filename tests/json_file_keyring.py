"""A keyring backend for child processes in tests: every entry in one JSON file of a private temp
folder (``PFDO_TEST_KEYRING_FILE``). Selected with
``PYTHON_KEYRING_BACKEND=json_file_keyring.JsonFileKeyring`` and ``tests/`` on ``PYTHONPATH``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend


class JsonFileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _load(self) -> dict[str, str]:
        path = Path(os.environ["PFDO_TEST_KEYRING_FILE"])
        return json.loads(path.read_text()) if path.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        Path(os.environ["PFDO_TEST_KEYRING_FILE"]).write_text(json.dumps(data))

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\n{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\n{username}", None)
        self._save(data)


def child_env(keyring_file: Path, workspace: Any = None) -> dict[str, str]:
    """The environment of a child process with this keyring in ``keyring_file`` (and ``tests/`` on
    its path); with ``workspace``, the keyring already holds that PC's device token."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHON_KEYRING_BACKEND"] = "json_file_keyring.JsonFileKeyring"
    env["PFDO_TEST_KEYRING_FILE"] = str(keyring_file)
    if workspace is not None:
        import keyring

        from pfdo_desktop.sync.credentials import SERVICE

        account = f"device-token:{workspace.device().db_uuid}"
        token = keyring.get_password(SERVICE, account) or ""
        keyring_file.write_text(json.dumps({f"{SERVICE}\n{account}": token}))
    return env
