"""Benchmark row 14 (issue 14 §1): the installed size and the cold start of the built app to its
first painted window, beside a bare PySide6 window built the same way, same run.

Ours is the one-folder PyInstaller build of ``packaging/pfdo.spec`` (``dist/pfdo-desktop/``); the
baseline is ``packaging/bare_window.py`` — a QMainWindow of the main window's size with one label —
built by ``packaging/bare_window.spec`` with the same options (one folder, the same Python and
PyInstaller, the same excludes, Qt's translations cut alike, the same runtime hook, no strip, no
UPX) into ``dist/bare-window/``. A build is reused while none of its inputs (the sources, the spec,
the runtime hook, the venv's site-packages) is newer than it; ``--rebuild`` /
``PFDO_BENCH_REBUILD=1`` forces a new one, ``--reuse`` / ``PFDO_BENCH_REUSE=1`` takes the one in
``dist/`` whatever its age (the note says which, and the commit it was built from).

Size: the files of the folder (apparent bytes, what dpkg records as Installed-Size), and each
folder packed by ``packaging/build_deb.py`` with ``--fast`` (gzip -1: seconds; the shipped xz -6
takes over a minute here, its size is noted when ``dist/`` holds a current one).

Start: each program is started offscreen (``QT_QPA_PLATFORM=offscreen``) with the build's own
self-check (``packaging/rthook_smoke.py``): ``PFDO_SMOKE_T0`` is the launcher's ``time.time()``
taken right before the process is created, and the hook records ``first_paint_s`` — the first
Paint event the application delivers, i.e. the main window's first frame — then closes the window
at its deadline (``PFDO_SMOKE_SECONDS``, set from the previous runs: the app exits through its own
exit path). Ours is started in a fresh, empty data folder (no enrolment), and on a copy of a
synced school (``seed_demo(scale="school")``: ≈ 1,500 children, 120 groups, 40 k marks) whose
last-used journal is remembered (the fullest group at the scenario's month, ``remember_a_journal``):
there the hook also records ``journal_paint_s`` — the journal's rows painted, the journal the start
reopened — and the start ends at it (``PFDO_SMOKE_UNTIL=journal``): rows 14i (cold) and 14j (warm),
issue 15's «the last-used journal usable ≤ 3×» a bare window.

«Cold»: as root the page cache is dropped before each such start (``sync; echo 3 >
/proc/sys/vm/drop_caches``); without root it cannot be, and the row says «first start» instead
(one start per program, after the build). Warm starts follow, median of ``--runs`` (≥ 5) each.
One untimed start per program comes first (fontconfig's cache and the app's files in the HOME,
as on a PC where the program has run before). Starts of the three kinds are interleaved.

Standalone: ``.venv/bin/python -m benchmarks.packaging_bench [--rebuild|--reuse] [--runs N]``
prints the rows as the suite's table.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build"
RUNS = 5
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


@dataclass
class Program:
    name: str  # the folder in dist/ and the program inside it
    spec: Path
    inputs: list[Path]  # files and folders whose change makes the build stale

    @property
    def folder(self) -> Path:
        return DIST / self.name

    @property
    def exe(self) -> Path:
        return self.folder / self.name

    @property
    def stamp(self) -> Path:  # beside the folder, not in it (the folder is what gets packed)
        return DIST / f"{self.name}.bench.json"


OURS = Program("pfdo-desktop", PACKAGING / "pfdo.spec",  # what the spec takes from the checkout
               [ROOT / "pfdo_desktop", ROOT / "pfdo_portal", ROOT / "resources" / "i18n",
                ROOT / "docs" / "user-guide", PACKAGING / "pfdo.spec", PACKAGING / "rthook_smoke.py"])
BARE = Program("bare-window", PACKAGING / "bare_window.spec",
               [PACKAGING / "bare_window.py", PACKAGING / "bare_window.spec", PACKAGING / "rthook_smoke.py"])


def _step(msg: str) -> None:
    print(f"  · {msg}", file=sys.stderr, flush=True)


# --- builds -------------------------------------------------------------------------------------


def _newest(paths: Iterable[Path]) -> float:
    newest = 0.0
    for path in paths:
        if path.is_dir():
            for dirpath, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if d != "__pycache__"]
                for name in files:
                    newest = max(newest, os.stat(os.path.join(dirpath, name)).st_mtime)
        elif path.exists():
            newest = max(newest, path.stat().st_mtime)
    return newest


def _site_packages() -> Path:
    return Path(sysconfig.get_paths()["purelib"])  # its mtime changes when a package is (un)installed


def _source_state(program: Program) -> str:
    """The commit, and how many of the build's input files differ from it (others' work in progress)."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "?"
    paths = [str(path.relative_to(ROOT)) for path in program.inputs]
    dirty = subprocess.run(["git", "status", "--porcelain", "--", *paths], cwd=ROOT, capture_output=True,
                           text=True).stdout
    changed = len([line for line in dirty.splitlines() if line.strip()])
    return commit + (f" + {changed} uncommitted file(s)" if changed else "")


def ensure_build(program: Program, rebuild: bool, reuse: bool) -> str:
    """Build ``program`` with PyInstaller unless a current build is in dist/; returns how it came."""
    newest = max(_newest(program.inputs), _site_packages().stat().st_mtime)
    built = program.exe.stat().st_mtime if program.exe.is_file() else None
    stamp = json.loads(program.stamp.read_text(encoding="utf-8")) if program.stamp.is_file() else {}
    if built is not None and not rebuild and (reuse or built >= newest):
        stale = " (its inputs are newer: --reuse)" if built < newest else ""
        return (f"reused dist/{program.name} built {datetime.fromtimestamp(built):%Y-%m-%d %H:%M} from "
                f"{stamp.get('source', '?')}{stale}")
    _step(f"PyInstaller: {program.spec.relative_to(ROOT)} (a minute or so)")
    source = _source_state(program)
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
                           "WARN", "--distpath", str(DIST), "--workpath", str(WORK), str(program.spec)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"PyInstaller {program.spec.name} failed:\n{done.stderr[-3000:]}")
    seconds = time.perf_counter() - t
    program.stamp.write_text(json.dumps({"source": source, "seconds": round(seconds, 1)}), encoding="utf-8")
    return f"built now from {source} in {seconds:.0f} s"


def _build_deb_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pfdo_build_deb", PACKAGING / "build_deb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def folder_mib(folder: Path) -> float:
    """The files' apparent bytes, as dpkg's Installed-Size counts them."""
    return int(_build_deb_module().tree_size_kib(folder)) / 1024


def deb_mib(folder: Path, out: Path) -> float:
    """The folder packed by packaging/build_deb.py --fast (gzip -1), MiB."""
    deb: Path = _build_deb_module().build_deb(folder, out, fast=True)
    return deb.stat().st_size / 2**20


def biggest_parts(folder: Path, count: int = 5) -> str:
    sizes = []
    for entry in (folder / "_internal").iterdir():
        if entry.is_symlink():  # PyInstaller links some libraries to their place inside PySide6
            continue
        size = entry.stat().st_size if entry.is_file() else _tree_bytes(entry)
        sizes.append((size, entry.name))
    sizes.sort(reverse=True)
    return ", ".join(f"{name} {size / 2**20:.0f}" for size, name in sizes[:count])


def _tree_bytes(path: Path) -> int:
    return sum(os.lstat(os.path.join(d, f)).st_size for d, _dirs, files in os.walk(path) for f in files)


# --- the school's data --------------------------------------------------------------------------


def make_school_data(target: Path, tmp: Path) -> str:
    """A data folder synced from a portal seeded with the school scenario (the app's own code, in
    this process, memory keyring); the portal is gone afterwards (starts find it offline)."""
    import keyring

    from benchmarks.scenario import seed_school
    from pfdo_desktop.sync.credentials import MemoryKeyring
    from pfdo_desktop.workspace import Workspace
    from pfdo_portal.admin import issue_code, list_providers
    from pfdo_portal.embedded import EmbeddedPortal

    if not isinstance(keyring.get_keyring(), MemoryKeyring):
        keyring.set_keyring(MemoryKeyring())
    db_url = f"sqlite:///{tmp / 'school-portal.sqlite3'}"
    summary = seed_school(db_url)  # seeded for the benchmarks' fixed day (benchmarks/scenario.py)
    provider_id = list_providers(db_url)[0].id
    with EmbeddedPortal(db_url) as portal:
        workspace = Workspace.open(target)
        try:
            workspace.enrol(portal.url, issue_code(db_url, provider_id))
            report = workspace.sync()
            journal = remember_a_journal(workspace)
        finally:
            workspace.close()
    size = _tree_bytes(target) / 2**20
    return (f"{summary.counts.get('child', 0)} children, {summary.counts.get('group', 0)} groups, "
            f"{report.pulled} records synced, {size:.0f} MiB folder; the last-used journal: {journal}")


def remember_a_journal(workspace: Any) -> str:
    """Make the data folder's last-used journal (what a start reopens, issue 15) the fullest month
    of the scenario's day: the group with the most children in it, at that month — an operator's
    journal, not the first group of the list a start would show anyway."""
    from benchmarks.scenario import SCHOOL_TODAY

    best: tuple[int, int, str] | None = None
    for group in workspace.groups():
        shown = workspace.journal_month(group.id, SCHOOL_TODAY)
        size = len(shown.children) * len(shown.lessons)
        if shown.children and (best is None or size > best[0]):
            best = (size, group.id, group.name)
    if best is None:
        return "none (no group has children in the scenario's month)"
    workspace.remember_journal(best[1], SCHOOL_TODAY)
    return f"group {best[1]} at {SCHOOL_TODAY:%m.%Y}"


# --- starts -------------------------------------------------------------------------------------


def can_drop_caches() -> bool:
    if os.geteuid() != 0:
        return False
    try:
        drop_caches()
    except OSError:
        return False
    return True


def drop_caches() -> None:
    os.sync()
    DROP_CACHES.write_text("3\n")


@dataclass
class Kind:
    label: str
    program: Program
    data: Path | None  # a template copied into each start's data folder; None: no --data-dir
    fresh: bool = False  # a new empty data folder for each start
    journal: bool = False  # also time the journal's rows painted (the hook's journal_paint_s)
    deadline: dict[bool, float] = field(default_factory=lambda: {True: 10.0, False: 4.0})
    samples: dict[bool, list[float]] = field(default_factory=lambda: {True: [], False: []})
    journals: dict[bool, list[float]] = field(default_factory=lambda: {True: [], False: []})
    retries: int = 0


class Starter:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.home = tmp / "home"
        self.home.mkdir()
        self.count = 0

    def start(self, kind: Kind, cold: bool, record: bool = True) -> float:
        """One start; the seconds from before the process was created to its first paint (and,
        for a ``journal`` kind, to the journal's rows painted, kept in ``kind.journals``)."""
        while True:
            seen = self._once(kind, cold, kind.deadline[cold])
            paint, journal = seen.get("first_paint_s"), seen.get("journal_paint_s")
            if paint is not None and (journal is not None or not kind.journal):
                break
            kind.retries += 1  # the hook's deadline came before the paint: again, with more time
            kind.deadline[cold] = min(kind.deadline[cold] * 4, 120.0)
        # the next start's deadline: twice this one's paint (the hook counts from its own start,
        # a little after T0), so a start lasts little longer than its paint plus the app's exit; a
        # journal kind's start ends at its journal's paint (PFDO_SMOKE_UNTIL=journal)
        last = float(journal) if kind.journal and journal is not None else float(paint)
        kind.deadline[cold] = max(0.6, min(kind.deadline[cold], 2 * last))
        if record:
            kind.samples[cold].append(float(paint))
            if kind.journal:
                kind.journals[cold].append(float(journal))
        return float(paint)

    def _once(self, kind: Kind, cold: bool, deadline: float) -> dict[str, Any]:
        self.count += 1
        run_dir = self.tmp / f"start-{self.count}"
        run_dir.mkdir()
        args: list[str] = []
        if kind.fresh:
            args = ["--data-dir", str(run_dir / "data")]
        elif kind.data is not None:
            shutil.copytree(kind.data, run_dir / "data")
            args = ["--data-dir", str(run_dir / "data")]
        report = run_dir / "smoke.json"
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "LANG": "C.UTF-8",
               "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
               "PFDO_SMOKE_REPORT": str(report), "PFDO_SMOKE_SECONDS": f"{deadline:.2f}"}
        if kind.journal:
            env["PFDO_SMOKE_UNTIL"] = "journal"
        if cold:
            drop_caches()
        env["PFDO_SMOKE_T0"] = repr(time.time())
        done = subprocess.run([str(kind.program.exe), *args], env=env, capture_output=True, text=True,
                              timeout=deadline + 120)
        try:
            seen = json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise RuntimeError(f"{kind.label}: no self-check report (exit {done.returncode}): "
                               f"{done.stderr[-1500:]}") from None
        if seen.get("error") or done.returncode != 0:
            raise RuntimeError(f"{kind.label}: exit {done.returncode}, {seen.get('error')}: "
                               f"{done.stderr[-1500:]}")
        shutil.rmtree(run_dir, ignore_errors=True)
        return dict(seen)


# --- the run ------------------------------------------------------------------------------------


def run(rebuild: bool = False, reuse: bool = False, runs: int = RUNS) -> tuple[list[Any], list[str]]:
    """(rows, notes) for the suite: rows are benchmarks.table.Row with figures numbered 14a…"""
    from benchmarks.table import Row

    runs = max(runs, 5)
    rows: list[Row] = []
    how = {program.name: ensure_build(program, rebuild, reuse) for program in (OURS, BARE)}
    with tempfile.TemporaryDirectory(prefix="pfdo-packaging-bench-") as name:
        tmp = Path(name)
        ours_mib, bare_mib = folder_mib(OURS.folder), folder_mib(BARE.folder)
        rows.append(Row("14a. installed size: the one-folder build, MiB", ours_mib, bare_mib, "MiB",
                        "— (none in issue)", None, 1))
        deb_note = ""
        if shutil.which("dpkg-deb"):
            _step("packing both folders with build_deb.py --fast")
            t = time.perf_counter()
            ours_deb = deb_mib(OURS.folder, tmp / "deb-ours")
            bare_deb = deb_mib(BARE.folder, tmp / "deb-bare")
            rows.append(Row("14b. installed size: the .deb (build_deb.py --fast, gzip -1), MiB", ours_deb,
                            bare_deb, "MiB", "— (none in issue)", None, 1))
            deb_note = f"; both packed in {time.perf_counter() - t:.0f} s"
            shipped = sorted(DIST.glob("pfdo-desktop_*.deb"))
            if shipped and shipped[-1].stat().st_mtime >= OURS.exe.stat().st_mtime:
                deb_note += (f"; the shipped xz -6 .deb of this build in dist/ is "
                             f"{shipped[-1].stat().st_size / 2**20:.1f} MiB")
        _step("the school's data for the starts (seed + sync)")
        school = tmp / "school"
        school_note = make_school_data(school, tmp)

        starter = Starter(tmp)
        bare = Kind("bare", BARE, None)
        fresh = Kind("fresh", OURS, None, fresh=True)
        loaded = Kind("school", OURS, school, journal=True)
        kinds = [bare, fresh, loaded]
        cold_ok = can_drop_caches()
        _step("first starts (untimed), then cold and warm starts of both programs")
        started = time.perf_counter()
        for kind in kinds:
            starter.start(kind, cold=False, record=False)
        for _ in range(runs if cold_ok else 0):
            for kind in kinds:
                starter.start(kind, cold=True)
        for _ in range(runs):
            for kind in kinds:
                starter.start(kind, cold=False)
        starts_s = time.perf_counter() - started

    def ms(kind: Kind, cold: bool) -> float:
        return statistics.median(kind.samples[cold]) * 1000

    def journal_ms(cold: bool) -> float:
        return statistics.median(loaded.journals[cold]) * 1000

    mark = "≤ 1.5× bare (issue 15)"
    if cold_ok:
        rows.append(Row(f"14c. cold start to the first painted window, fresh data folder (no enrolment), "
                        f"page cache dropped, median of {runs}, ms", ms(fresh, True), ms(bare, True), "ms",
                        "— (none in issue)", None, 0))
        rows.append(Row(f"14d. cold start to the first painted window, school data, page cache dropped, "
                        f"median of {runs}, ms", ms(loaded, True), ms(bare, True), "ms", mark,
                        ms(loaded, True) <= 1.5 * ms(bare, True), 0))
    rows.append(Row(f"14e. warm start to the first painted window, fresh data folder (no enrolment), "
                    f"median of {runs}, ms", ms(fresh, False), ms(bare, False), "ms", "— (none in issue)",
                    None, 0))
    rows.append(Row(f"14f. warm start to the first painted window, school data, median of {runs}, ms",
                    ms(loaded, False), ms(bare, False), "ms", "— (warm)" if cold_ok else mark,
                    None if cold_ok else ms(loaded, False) <= 1.5 * ms(bare, False), 0))
    journal_mark = "≤ 3× bare (issue 15: the last-used journal usable)"
    if cold_ok:
        rows.append(Row(f"14i. cold start to the last-used journal usable (its rows painted), the built app, "
                        f"school data, page cache dropped, median of {runs}, ms", journal_ms(True),
                        ms(bare, True), "ms", journal_mark, journal_ms(True) <= 3 * ms(bare, True), 0))
    rows.append(Row(f"14j. warm start to the last-used journal usable (its rows painted), the built app, "
                    f"school data, median of {runs}, ms", journal_ms(False), ms(bare, False), "ms",
                    "— (warm)" if cold_ok else journal_mark,
                    None if cold_ok else journal_ms(False) <= 3 * ms(bare, False), 0))

    def spread(kind: Kind) -> str:
        parts = [f"{'cold' if cold else 'warm'} {min(s) * 1000:.0f}–{max(s) * 1000:.0f}"
                 for cold, s in sorted(kind.samples.items(), reverse=True) if s]
        parts += [f"journal {'cold' if cold else 'warm'} {min(s) * 1000:.0f}–{max(s) * 1000:.0f}"
                  for cold, s in sorted(kind.journals.items(), reverse=True) if s]
        return f"{kind.label} " + ", ".join(parts)

    cold_how = ("page cache dropped before each cold start (running as root: sync; echo 3 > "
                "/proc/sys/vm/drop_caches)" if cold_ok else
                "no cold figures: the page cache cannot be dropped without root, so only warm starts "
                "are measured")
    retries = sum(k.retries for k in kinds)
    notes = [
        f"14: benchmarks/packaging_bench.py — ours {how[OURS.name]}; bare window "
        f"(packaging/bare_window.py: a QMainWindow 1240×760 with one label) {how[BARE.name]}, same "
        f"PyInstaller options. Sizes: the folder's files (as dpkg's Installed-Size; biggest parts of ours, "
        f"MiB: {biggest_parts(OURS.folder)}){deb_note}. Starts: offscreen, the build's self-check "
        f"(rthook_smoke.py) timing the first Paint event from a time.time() taken before the process is "
        f"created, and on the school's data the first paint of the journal's rows (the last-used "
        f"journal the start reopens; PFDO_SMOKE_UNTIL=journal ends the start there); {cold_how}; an "
        f"untimed first start of each before; ours in a fresh data folder and on "
        f"a copy of a synced school ({school_note}; its portal offline); min–max ms: {spread(bare)}; "
        f"{spread(fresh)}; {spread(loaded)}"
        + (f"; {retries} start(s) repeated with a later self-check deadline" if retries else "")
        + f"; {starter.count} starts in {starts_s:.0f} s.",
    ]
    return rows, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark row 14: size and start of the built app")
    parser.add_argument("--rebuild", action="store_true", default=os.environ.get("PFDO_BENCH_REBUILD") == "1",
                        help="build both programs even if dist/ is current (PFDO_BENCH_REBUILD=1)")
    parser.add_argument("--reuse", action="store_true", default=os.environ.get("PFDO_BENCH_REUSE") == "1",
                        help="take the builds in dist/ even if their inputs are newer (PFDO_BENCH_REUSE=1)")
    parser.add_argument("--runs", type=int, default=RUNS, help="starts per kind (≥ 5)")
    args = parser.parse_args(argv)
    from benchmarks.table import render

    rows, notes = run(args.rebuild, args.reuse, args.runs)
    print(render(rows, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
