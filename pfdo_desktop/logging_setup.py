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
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1***"),  # tokens
    (re.compile(r"(?i)(token[\"']?\s*[:=]\s*[\"']?)[A-Za-z0-9._~+/=-]+"), r"\1***"),
)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = message
        for pattern, replacement in _MASKS:
            redacted = pattern.sub(replacement, redacted)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def log_dir() -> Path:
    return Path(user_log_dir("pfdo-desktop", appauthor=False))


def setup_logging(level: int = logging.INFO, directory: Path | None = None) -> Path:
    """Log to ``pfdo-desktop.log`` (rotating, 5 × 2 MB) and return its path."""
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "pfdo-desktop.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) and
               getattr(h, "baseFilename", "") == str(path) for h in root.handlers):
        root.addHandler(handler)
    for noisy in ("httpx", "httpcore", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
