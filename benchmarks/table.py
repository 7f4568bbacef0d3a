"""A benchmark figure (``Row``), the Markdown table of the figures and their JSON form.

Every figure stands beside a baseline measured in the same run; ``ratio`` is ours ÷ baseline. A
figure that could not be measured keeps its row with ``status`` saying why (no numbers).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any


@dataclass
class Row:
    figure: str
    ours: float | None
    baseline: float | None
    unit: str
    target: str
    met: bool | None
    digits: int = 1
    runs: int | None = None  # timed runs behind ``ours`` (a median of them, or one run)
    status: str = ""  # "" when measured; else «not measured: why»
    key: str = ""  # a stable name for tracking the figure run to run: «bench:label» (set by the suite)

    @property
    def ratio(self) -> float | None:
        if self.ours is None or not self.baseline:
            return None
        return self.ours / self.baseline

    @property
    def label(self) -> str:
        """The figure's number in the table («1», «1′», «14d»), or its text when it has none."""
        m = re.match(r"(\d+[a-z]?[′″‴]*)\.\s", self.figure)
        return m.group(1) if m else self.figure

    def as_json(self, bench: str) -> dict[str, Any]:
        ratio = self.ratio
        return {
            "name": self.key or f"{bench}:{self.label}",
            "bench": bench,
            "figure": self.figure,
            "ours": _num(self.ours),
            "baseline": _num(self.baseline),
            "unit": self.unit,
            "ratio": None if ratio is None else round(ratio, 4),
            "target": self.target,
            "met": self.met,
            "runs": self.runs,
            "status": self.status or "measured",
        }


def _num(value: float | None) -> float | None:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return round(float(value), 6)


def _fmt(value: float | None, unit: str, digits: int) -> str:
    if value is None:
        return "—"
    if digits == 0:
        return f"{value:,.0f} {unit}".replace(",", " ").strip()
    return f"{value:,.{digits}f} {unit}".replace(",", " ").strip()


def sort_key(figure: str) -> tuple[int, str]:
    """Rows in the order of their numbers (1, 1′, 2a … 9, 10, 11a …); unnumbered ones last."""
    m = re.match(r"(\d+)(.*)", figure)
    return (int(m.group(1)), m.group(2)) if m else (10**6, figure)


def render(rows: list[Row], notes: list[str]) -> str:
    lines = ["| figure | ours | baseline | ratio (ours ÷ baseline) | target | met? |",
             "|---|---:|---:|---:|---|:---:|"]
    for r in rows:
        if r.status:
            lines.append(f"| {r.figure} | {r.status} | — | — | {r.target} | — |")
            continue
        ratio = r.ratio
        met = "—" if r.met is None else ("✅ yes" if r.met else "❌ no")
        shown = "—" if ratio is None else f"{ratio:.2f}×"
        lines.append(f"| {r.figure} | {_fmt(r.ours, r.unit, r.digits)} | "
                     f"{_fmt(r.baseline, r.unit, r.digits)} | {shown} | {r.target} | {met} |")
    return "\n".join(lines + [""] + [f"- {n}" for n in notes]) + "\n"
