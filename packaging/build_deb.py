#!/usr/bin/env python3
"""Build the Linux package: the PyInstaller one-folder build under /opt/pfdo-desktop, the command on
PATH (/usr/bin/pfdo-desktop), a desktop entry with its icon. Stdlib only; needs dpkg-deb.

    .venv/bin/python packaging/build_deb.py             # pyinstaller + dpkg-deb: dist/pfdo-desktop_*.deb
    .venv/bin/python packaging/build_deb.py --dist DIR      # package an existing build folder instead
    .venv/bin/python packaging/build_deb.py --fast          # gzip -1 instead of xz -6 (tests: same contents)

Prints the path of the .deb it made.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NAME = "pfdo-desktop"
INSTALL_DIR = Path("opt") / NAME


def project_version() -> str:
    text = (ROOT / "pfdo_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if match is None:
        raise SystemExit("no __version__ in pfdo_desktop/__init__.py")
    return match.group(1)


def pyinstaller_build(dist: Path, work: Path) -> Path:
    """Run PyInstaller with packaging/pfdo.spec; returns the one-folder build."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(HERE / "pfdo.spec")]
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / NAME


def tree_size_kib(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return (total + 1023) // 1024


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()


def stage(build: Path, root: Path, version: str) -> None:
    """Lay out the package's files under ``root`` (DEBIAN/ included)."""
    shutil.copytree(build, root / INSTALL_DIR, symlinks=True)
    launcher = root / "usr" / "bin" / NAME
    launcher.parent.mkdir(parents=True)
    shutil.copyfile(HERE / "deb" / "pfdo-desktop.sh", launcher)
    launcher.chmod(0o755)
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copyfile(HERE / "deb" / "pfdo-desktop.desktop", applications / f"{NAME}.desktop")
    icons = root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copyfile(HERE / "icons" / "pfdo.png", icons / f"{NAME}.png")
    for dirpath, dirs, files in os.walk(root):  # the build may carry a umask's modes: normalise
        for name in dirs:
            os.chmod(os.path.join(dirpath, name), 0o755)
        for name in files:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, 0o755 if os.stat(path).st_mode & 0o111 else 0o644)
    control = (HERE / "deb" / "control.in").read_text(encoding="utf-8")
    control = (control.replace("@VERSION@", version).replace("@ARCH@", architecture())
               .replace("@INSTALLED_SIZE@", str(tree_size_kib(root))))
    (root / "DEBIAN").mkdir(mode=0o755)
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")


def build_deb(build: Path, out_dir: Path, fast: bool = False) -> Path:
    version = project_version()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{NAME}_{version}_{architecture()}.deb"
    with tempfile.TemporaryDirectory(prefix="pfdo-deb-") as tmp:
        root = Path(tmp) / "root"
        stage(build, root, version)
        compression = ["-Zgzip", "-z1"] if fast else ["-Zxz", "-z6"]
        subprocess.run(["dpkg-deb", "--root-owner-group", *compression, "--build", str(root), str(target)],
                       check=True, stdout=subprocess.DEVNULL)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the .deb of PFDO Desktop")
    parser.add_argument("--dist", type=Path, default=None,
                        help="an existing one-folder build (dist/pfdo-desktop); without it PyInstaller runs")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the .deb goes (dist/)")
    parser.add_argument("--fast", action="store_true", help="gzip -1 instead of xz (same contents)")
    args = parser.parse_args(argv)
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb is missing: apt-get install dpkg-dev (or dpkg)")
    build = args.dist or pyinstaller_build(ROOT / "dist", ROOT / "build")
    if not (build / NAME).is_file():
        raise SystemExit(f"{build} is not a one-folder build of {NAME} (no {NAME} program inside)")
    print(build_deb(build, args.out, fast=args.fast))
    return 0


if __name__ == "__main__":
    sys.exit(main())
