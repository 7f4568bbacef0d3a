"""The real thing, in the default run (issue 14: «a .deb built from a clean checkout installs and
starts here in the test run»; PyInstaller ≈ 40 s, the whole module ≈ 50 s on one xdist worker): the
one-folder build from packaging/pfdo.spec, packed into the .deb, installed with dpkg into a
throwaway root, and started offscreen in demo mode. The build's runtime hook
(packaging/rthook_smoke.py) checks the first paint, that the demo portal answers, that groups and a
journal are shown, then closes the window: the exit code must be 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"

pytestmark = [pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def installed_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("deb")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(tmp / "dist"), "--workpath", str(tmp / "work"),
                    str(PACKAGING / "pfdo.spec")], check=True, cwd=ROOT, capture_output=True, timeout=800)
    made = subprocess.run([sys.executable, str(PACKAGING / "build_deb.py"), "--fast",
                           "--dist", str(tmp / "dist/pfdo-desktop"), "--out", str(tmp / "out")],
                          check=True, capture_output=True, text=True)
    deb = Path(made.stdout.strip())
    root = tmp / "root"
    (root / "var/lib/dpkg/updates").mkdir(parents=True)
    (root / "var/lib/dpkg/info").mkdir(parents=True)
    (root / "var/lib/dpkg/status").touch()
    # --force-depends: the throwaway root's dpkg database knows none of the system's libraries
    subprocess.run(["dpkg", f"--root={root}", "--force-depends", "--force-script-chrootless", "-i", str(deb)],
                   check=True, capture_output=True)
    return root


def test_deb_installs_under_opt_with_launcher_and_desktop_entry(installed_root: Path) -> None:
    status = subprocess.run(["dpkg", f"--root={installed_root}", "-s", "pfdo-desktop"], check=True,
                            capture_output=True, text=True).stdout
    assert "Status: install ok installed" in status
    assert (installed_root / "opt/pfdo-desktop/pfdo-desktop").is_file()
    assert "/opt/pfdo-desktop/pfdo-desktop" in (installed_root / "usr/bin/pfdo-desktop").read_text()
    assert (installed_root / "usr/share/applications/pfdo-desktop.desktop").is_file()
    assert (installed_root / "usr/share/icons/hicolor/256x256/apps/pfdo-desktop.png").is_file()
    internal = installed_root / "opt/pfdo-desktop/_internal"
    assert (internal / "resources/i18n/pfdo_desktop_en.qm").is_file()
    assert (internal / "PySide6/Qt/translations/qtbase_ru.qm").is_file()
    assert (internal / "fontpkg_pt_sans/files/PT_Sans-Web-Regular.ttf").is_file()
    guide = internal / "pfdo_desktop/resources/user-guide"  # Справка → Руководство (F1)
    assert (guide / "README.md").is_file() and len(list((guide / "img").glob("*.png"))) == len(
        list((ROOT / "docs/user-guide/img").glob("*.png")))
    assert (internal / "pfdo_portal/web/templates/catalog.html").is_file()  # the demo portal's pages
    assert len(list((internal / "pfdo_desktop/models/migrations/versions").glob("*.py"))) == len(
        list((ROOT / "pfdo_desktop/models/migrations/versions").glob("*.py")))
    version = subprocess.run([str(installed_root / "opt/pfdo-desktop/pfdo-desktop"), "--version"],
                             capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == "pfdo-desktop 0.1.0"


def test_installed_app_starts_demo_shows_journal_and_exits_cleanly(
    installed_root: Path, tmp_path: Path
) -> None:
    report = tmp_path / "smoke.json"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "PFDO_SMOKE_REPORT": str(report),
           "PFDO_SMOKE_T0": repr(time.time()), "PFDO_SMOKE_SECONDS": "90"}
    done = subprocess.run([str(installed_root / "opt/pfdo-desktop/pfdo-desktop"), "--demo",
                           "--data-dir", str(tmp_path / "data")], env=env, capture_output=True, text=True,
                          timeout=150)
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert seen["error"] is None, seen
    assert seen["first_paint_s"] is not None
    assert seen["portal_answered"] and seen["portal_url"].startswith("http://127.0.0.1:")
    assert seen["groups"] > 0 and seen["journal_rows"] > 0 and seen["journal_title"]
    assert done.returncode == 0, done.stderr[-2000:]
    logs = list((tmp_path / "home").rglob("pfdo-desktop.log"))
    assert logs and "CRITICAL" not in logs[0].read_text(encoding="utf-8")
    assert os.environ.get("PFDO_SMOKE_REPORT") is None  # the variable never leaks into the suite
