"""Logging: a rotating file in the user log directory; never personal data or tokens.

Modules log ids and counts only. As a safety net a filter masks anything shaped like a СНИЛС,
a bearer token or a certificate number that slips into a message.
"""

from __future__ import annotations

import logging
import logging.handlers
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


def setup_logging(level: int = logging.INFO, directory: Path | None = None) -> Path:
    """Log to ``pfdo-desktop.log`` (rotating, 5 × 2 MB) and return its path."""
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "pfdo-desktop.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) and
               getattr(h, "baseFilename", "") == str(path) for h in root.handlers):
        root.addHandler(handler)
    for noisy in ("httpx", "httpcore", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
