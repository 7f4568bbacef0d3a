"""`python -m build` makes an sdist and a wheel that carry everything the app reads from files (the
Alembic migrations, the UI's .qm), and the wheel installed into a fresh venv runs both commands.

The fresh venv gets the wheel alone (``--no-deps --no-index``); its dependencies come from the
project's .venv through a .pth line, so the test needs no network beyond build's own isolated
setuptools and takes seconds, not the ≈ 400 MB of a full install (docs/packaging.md, «Wheel»).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = sorted(p.name for p in (ROOT / "pfdo_desktop/models/migrations/versions").glob("*.py"))
QM = sorted(p.name for p in (ROOT / "resources/i18n").glob("*.qm"))
GUIDE = sorted(p.relative_to(ROOT / "docs/user-guide").as_posix()
               for pattern in ("*.md", "img/*.png") for p in (ROOT / "docs/user-guide").glob(pattern))


def checkout_copy(target: Path) -> Path:
    """The files git knows (tracked, and new ones not ignored): what a clean checkout builds from."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("build")
    source = checkout_copy(tmp / "src")
    out = tmp / "dist"
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(source)], check=True,
                   capture_output=True, timeout=300)
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


def test_wheel_carries_migrations_translations_and_entry_points(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built["wheel"]) as wheel:
        names = set(wheel.namelist())
        entry_points = next(wheel.read(n).decode() for n in names if n.endswith("entry_points.txt"))
        metadata = next(wheel.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    for migration in MIGRATIONS:
        assert f"pfdo_desktop/models/migrations/versions/{migration}" in names
    assert "pfdo_desktop/models/migrations/env.py" in names
    assert "pfdo_desktop/models/migrations/script.py.mako" in names
    assert QM and all(f"pfdo_desktop/resources/i18n/{qm}" in names for qm in QM)
    # the user guide (Справка → Руководство): every chapter and screenshot, where ui/help_window.py looks
    assert "README.md" in GUIDE and "img/journal.png" in GUIDE
    assert all(f"pfdo_desktop/resources/user-guide/{name}" in names for name in GUIDE)
    assert "pfdo-desktop = pfdo_desktop.cli:main" in entry_points
    assert "pfdo-portal = pfdo_portal.cli:main" in entry_points
    # the fonts are dependencies (fontpkg packages), not files of ours
    assert "Requires-Dist: fontpkg-pt-sans" in metadata and "Requires-Dist: fontpkg-pt-serif" in metadata
    assert not any("__pycache__" in n or n.startswith(("tests/", "benchmarks/")) for n in names)


def test_sdist_builds_the_same_wheel(built: dict[str, Path]) -> None:
    with tarfile.open(built["sdist"]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert {f"resources/i18n/{qm}" for qm in QM} <= names
    assert {f"docs/user-guide/{name}" for name in GUIDE} <= names
    assert {f"pfdo_desktop/models/migrations/versions/{m}" for m in MIGRATIONS} <= names
    packaging = {"packaging/pfdo.spec", "packaging/inno/pfdo.iss", "packaging/build_deb.py"}
    assert {"setup.py", "MANIFEST.in", "pyproject.toml", *packaging} <= names


@pytest.fixture(scope="module")
def fresh_venv(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with the wheel alone; its dependencies from the project's venv through a .pth line."""
    venv = tmp_path_factory.mktemp("venv") / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    fresh_site = Path(subprocess.run([str(python), "-c", where], check=True, capture_output=True,
                                     text=True).stdout.strip())
    (fresh_site / "project_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    "--no-index", str(built["wheel"])], check=True, capture_output=True, timeout=120)
    return python


def run_in(python: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(python.parent / args[0]), *args[1:]], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)


def test_wheel_installs_into_a_fresh_venv_and_both_commands_run(fresh_venv: Path, tmp_path: Path) -> None:
    done = run_in(fresh_venv, tmp_path, "pfdo-desktop", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "pfdo-desktop 0.1.0"
    done = run_in(fresh_venv, tmp_path, "pfdo-portal", "--help")
    assert done.returncode == 0, done.stderr
    assert "seed-demo" in done.stdout
    # the installed copy is the one that runs, and it finds its files
    probe = (
        "import pfdo_desktop, fontpkg, pathlib;"
        "from pfdo_desktop.models.database import MIGRATIONS_DIR;"
        "here = pathlib.Path(pfdo_desktop.__file__).parent;"
        "print(here);"
        "print(len(list((MIGRATIONS_DIR / 'versions').glob('*.py'))));"
        "print(sorted(p.name for p in (here / 'resources' / 'i18n').glob('*.qm')));"
        "print(fontpkg.path('PT Sans', weight=700).is_file(), fontpkg.path('PT Serif').is_file());"
        "from pfdo_desktop.ui.help_window import GUIDE_DIR, chapters;"
        "print(GUIDE_DIR); print(len(chapters()))"
    )
    lines = run_in(fresh_venv, tmp_path, "python", "-c", probe).stdout.splitlines()
    assert Path(lines[0]).is_relative_to(fresh_venv.parent.parent)
    assert int(lines[1]) == len(MIGRATIONS)
    assert lines[2] == str(QM)
    assert lines[3] == "True True"
    assert Path(lines[4]) == Path(lines[0]) / "resources" / "user-guide"  # the installed copy's guide
    assert int(lines[5]) == sum(1 for name in GUIDE if name.endswith(".md"))  # the contents and chapters


def test_pfdo_portal_version(fresh_venv: Path, tmp_path: Path) -> None:
    done = run_in(fresh_venv, tmp_path, "pfdo-portal", "--version")
    assert done.returncode == 0 and "0.1.0" in done.stdout
