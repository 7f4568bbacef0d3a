"""Refresh resources/i18n/pfdo_desktop_en.ts from the UI sources and compile it to .qm.

    .venv/bin/python resources/i18n/update_translations.py

lupdate keeps existing translations; new strings arrive «unfinished» and
tests/ui/test_i18n.py fails until somebody translates them (in Qt Linguist or by hand).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "pfdo_desktop_en.ts"
BIN = Path(sys.executable).parent


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pfdo_desktop" / "ui").rglob("*.py"))


def lupdate(ts: Path, extra: tuple[str, ...] = ()) -> None:
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *ui_sources(), "-source-language", "ru",
         "-target-language", "en", *extra, "-ts", str(ts)],
        cwd=ROOT, check=True, capture_output=True,
    )


def lrelease(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    return qm


if __name__ == "__main__":
    lupdate(TS, ("-no-obsolete",))
    print(lrelease(TS))
