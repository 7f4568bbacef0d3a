"""A journal usable after a start (issue 15: «the last-used journal usable ≤ 3×» a bare PySide6
window), timed from outside on the app started from the checkout.

The built app's self-check hook (packaging/rthook_smoke.py, row 14) records only the first paint,
and a hook cannot be added to a build without changing the build; so this row starts the app from
the checkout — ``python -m benchmarks.start_probe app … --data-dir DIR`` — beside
``packaging/bare_window.py`` started the same way by the same Python (the baseline), each watched
by benchmarks/start_probe.py. Ours: from before the process is created to the journal's table
painted with the children's rows, on a copy of a synced school (the same data as row 14d, offline)
whose last-used journal is remembered (``packaging_bench.remember_a_journal``): the app reopens it —
read from the file before the ORM is loaded, the groups' list after it (the note gives both times);
the probe would pick the first group itself if no journal were shown.

«Cold»: as root the page cache is dropped before each start (``sync; echo 3 >
/proc/sys/vm/drop_caches``: the interpreter, the venv's modules and the data are read from disk);
without root the row is warm only (three warm starts are noted beside the cold ones). One
untimed start of each program first; then the kinds interleaved.

Standalone: ``.venv/bin/python -m benchmarks.start_bench [--runs N]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.table import Row

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
WARM_BESIDE_COLD = 3


def _start(tmp: Path, home: Path, mode: str, data: Path | None, cold: bool, n: int) -> dict[str, Any]:
    from benchmarks.packaging_bench import drop_caches

    run_dir = tmp / f"start-{n}"
    run_dir.mkdir()
    args: list[str] = []
    if data is not None:
        shutil.copytree(data, run_dir / "data")
        args = ["--data-dir", str(run_dir / "data")]
    report = run_dir / "probe.json"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "PFDO_PROBE_SECONDS": "60",
           "PYTHONPATH": str(ROOT)}
    if cold:
        drop_caches()
    env["PFDO_PROBE_T0"] = repr(time.time())
    done = subprocess.run([sys.executable, "-m", "benchmarks.start_probe", mode, str(report), *args],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    try:
        seen: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise RuntimeError(f"start_probe {mode}: no report (exit {done.returncode}): "
                           f"{done.stderr[-1500:]}") from None
    if seen.get("error") or done.returncode != 0:
        raise RuntimeError(f"start_probe {mode}: exit {done.returncode}, {seen.get('error')}: "
                           f"{done.stderr[-1500:]}")
    if mode == "app" and seen.get("journal_paint_s") is None:
        raise RuntimeError(f"start_probe app: no journal within the probe's deadline: {seen}")
    shutil.rmtree(run_dir, ignore_errors=True)
    return seen


def run(runs: int = RUNS, school: Path | None = None) -> tuple[list[Row], list[str]]:
    from benchmarks.packaging_bench import can_drop_caches, make_school_data

    with tempfile.TemporaryDirectory(prefix="pfdo-start-bench-") as name:
        tmp = Path(name)
        home = tmp / "home"
        home.mkdir()
        data = tmp / "school"
        school_note = make_school_data(data, tmp) if school is None else "given"
        if school is not None:
            shutil.copytree(school, data)
        cold = can_drop_caches()
        samples: dict[tuple[str, bool], list[dict[str, Any]]] = {}
        n = 0
        started = time.perf_counter()
        for mode in ("bare", "app"):  # untimed first starts: fontconfig's cache, the app's files in HOME
            n += 1
            _start(tmp, home, mode, data if mode == "app" else None, False, n)
        for kind_cold in ([True] if cold else []) + [False]:
            # warm starts are the figure only without root; beside cold ones, three for the note
            for _ in range(runs if kind_cold or not cold else min(runs, WARM_BESIDE_COLD)):
                for mode in ("bare", "app"):
                    n += 1
                    seen = _start(tmp, home, mode, data if mode == "app" else None, kind_cold, n)
                    samples.setdefault((mode, kind_cold), []).append(seen)
        seconds = time.perf_counter() - started

    def med(mode: str, is_cold: bool, key: str) -> float:
        return statistics.median(s[key] for s in samples[(mode, is_cold)]) * 1000

    how = "cold" if cold else "warm"
    journal = med("app", cold, "journal_paint_s")
    bare = med("bare", cold, "first_paint_s")
    paint = med("app", cold, "first_paint_s")
    rows = [
        Row(f"14g. the journal usable (its rows painted) after a {how} start from the checkout, school "
            f"data, median of {runs}, ms", journal, bare, "ms",
            "≤ 3× a bare PySide6 window (issue 15: the last-used journal)", journal <= 3 * bare, 0,
            runs=runs),
        Row(f"14h. first painted window after a {how} start from the checkout, school data, median of "
            f"{runs}, ms", paint, bare, "ms", "— (diagnostic; the built app: 14d)", None, 0, runs=runs),
    ]
    apps = samples[("app", cold)]
    picked = sum(1 for s in apps if s["picked_by_probe"])
    steps = ", ".join(f"{k} {statistics.median(s[k] for s in apps if s[k] is not None) * 1000:.0f}"
                      for k in ("first_paint_s", "groups_s", "picked_s", "journal_rows_s", "journal_paint_s")
                      if any(s[k] is not None for s in apps))
    dropped = ("page cache dropped before each start (root)" if cold else
               "warm starts only (no root to drop the page cache)")
    warm = ""
    if cold:
        warm = (f" Warm starts (median of {min(runs, WARM_BESIDE_COLD)}): journal "
                f"{med('app', False, 'journal_paint_s'):.0f} ms, "
                f"first paint {med('app', False, 'first_paint_s'):.0f} ms, bare "
                f"{med('bare', False, 'first_paint_s'):.0f} ms.")
    notes = [
        f"14g: benchmarks/start_bench.py — the app from the checkout (`python -m benchmarks.start_probe app "
        f"… --data-dir`, on a copy of a synced school: {school_note}; its portal gone, offline) beside "
        f"packaging/bare_window.py started the same way, same Python; {dropped}; "
        f"times from before the process is created. Ours: the journal's table painted with its rows "
        f"({apps[-1]['journal_rows']} rows); the app opened a journal by itself in {len(apps) - picked} of "
        f"{len(apps)} starts (else the probe picked the first group once the list was filled). Medians, "
        f"ms: {steps}.{warm} {n} starts in {seconds:.0f} s.",
    ]
    return rows, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A journal usable after a start, beside a bare window")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    from benchmarks.table import render

    rows, notes = run(args.runs)
    print(render(rows, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
