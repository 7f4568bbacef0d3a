"""Logging: a rotating file in the user log directory; never personal data or tokens.

Modules log ids and counts only. As a safety net a filter masks anything shaped like a СНИЛС,
a bearer token or a certificate number that slips into a message.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
from pathlib import Path

from platformdirs import user_log_dir

_MASKS = (
    (re.compile(r"\b\d{3}-\d{3}-\d{3}[ -]?\d{2}\b"), "***-***-*** **"),  # СНИЛС
    (re.compile(r"\b\d{10,11}\b"), "**********"),  # certificate numbers, bare СНИЛС
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1***"),  # tokens
    (re.compile(r"(?i)(token[\"']?\s*[:=]\s*[\"']?)[A-Za-z0-9._~+/=-]+"), r"\1***"),
)


def redact(text: str) -> str:
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    """Masks the whole formatted record — the message *and* any traceback (an exception's text
    may carry SQL parameters)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_dir() -> Path:
    return Path(user_log_dir("pfdo-desktop", appauthor=False))


# The log folder and files are the user's alone (ids and counts only, but still the user's work).
DIR_MODE = 0o700
FILE_MODE = 0o600
_POSIX = os.name == "posix"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created 0600 whatever the umask (the rotated copies keep
    the mode when renamed), and narrowed to 0600 if an older version left them wider."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        if _POSIX:
            os.fchmod(fd, FILE_MODE)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(level: int = logging.INFO, directory: Path | None = None) -> Path:
    """Log to ``pfdo-desktop.log`` (rotating, 5 × 2 MB; folder 0700, files 0600) and return its path."""
    directory = directory or log_dir()
    directory.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if _POSIX:
        os.chmod(directory, DIR_MODE)  # mkdir's mode goes through the umask; an old folder may be wider
    path = directory / "pfdo-desktop.log"
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) and
               getattr(h, "baseFilename", "") == str(path) for h in root.handlers):
        root.addHandler(handler)
    for noisy in ("httpx", "httpcore", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
