"""What a running sync is doing, in words: one text for the window's progress bar and the first
run's sync step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def sync_progress_text(stage: str, done: int, total: int | None) -> str:
    """«Отправка 3 из 10», «Получено записей: 1200» or «Связь с порталом…» for the engine's stage."""
    if stage == "push":
        return (QCoreApplication.translate("SyncProgress", "Отправка %1 из %2")
                .replace("%1", str(done)).replace("%2", str(total or 0)))
    if stage.startswith("pull"):
        return QCoreApplication.translate("SyncProgress", "Получено записей: %1").replace("%1", str(done))
    return QCoreApplication.translate("SyncProgress", "Связь с порталом…")


__all__ = ["sync_progress_text"]
