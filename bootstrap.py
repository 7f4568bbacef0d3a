#!/usr/bin/env python3
"""Set everything up, then open the demo or run the tests. Stdlib only; Linux and Windows.

    python3 bootstrap.py demo   # the app with the embedded portal and a demo district
    python3 bootstrap.py test   # the full test suite (what CI runs)

On Debian/Ubuntu it installs the system libraries Qt's platform plugins need (with sudo when not
root), creates `.venv`, installs the project with its test extra, and re-installs only when
pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MARKER = VENV / ".pfdo-installed"

# Qt offscreen/xcb runtime libraries (setup-notes.md). The second name is the Ubuntu 24.04 one.
QT_LIBS = ["libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libfreetype6", "libdbus-1-3",
           "libglib2.0-0|libglib2.0-0t64", "libx11-6", "fonts-dejavu-core"]
XCB_LIBS = ["libxkbcommon-x11-0", "libx11-xcb1", "libxcb-cursor0", "libxcb-icccm4",
            "libxcb-keysyms1", "libxcb-image0", "libxcb-randr0", "libxcb-render-util0",
            "libxcb-shape0", "libxcb-shm0", "libxcb-sync1", "libxcb-util1|libxcb-util0",
            "libxcb-xfixes0", "libxcb-xkb1"]
TEST_TOOLS = ["poppler-utils",  # pdftoppm/pdftotext, to look at printed forms
              "faketime"]  # libfaketime: tests/sync/test_clock.py syncs in a process with a shifted clock
# The parents' catalogue driven in a real browser (tests/browser, Selenium): Debian's own builds.
BROWSER_TEST = ["chromium", "chromium-driver"]
TYPED = ["pfdo_desktop", "pfdo_portal"]  # mypy checks every package, the UI included (style.md)


def say(text: str) -> None:
    print(f"[bootstrap] {text}", flush=True)


def fail(text: str) -> None:
    print(f"[bootstrap] ОШИБКА: {text}", file=sys.stderr, flush=True)
    sys.exit(2)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _dpkg_installed(name: str) -> bool:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
    return out.returncode == 0 and "install ok installed" in out.stdout


def _apt_known(name: str) -> bool:
    return subprocess.run(["apt-cache", "show", name], capture_output=True).returncode == 0


def system_packages(names: list[str]) -> None:
    """Install missing Debian/Ubuntu packages; elsewhere do nothing."""
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return
    missing = []
    for spec in names:
        choices = spec.split("|")
        if not any(_dpkg_installed(c) for c in choices):
            missing.append(choices)
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    if sudo and shutil.which("sudo") is None:
        fail("нужны системные пакеты " + " ".join(c[0] for c in missing) +
             ": установите их от root (apt-get install ...) и повторите")
    say("устанавливаю системные пакеты: " + " ".join(c[0] for c in missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=False, env=env)
    names_to_install = [next((c for c in choices if _apt_known(c)), choices[0]) for choices in missing]
    result = subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                                    *names_to_install], env=env)
    if result.returncode != 0:
        fail("apt-get не смог установить системные пакеты (см. вывод выше)")


def python_env() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script must run on an old Python to say so
        fail(f"нужен Python 3.11 или новее, а запущен {sys.version.split()[0]}")
    if venv_python().exists() and subprocess.run([str(venv_python()), "-m", "pip", "--version"],
                                                 capture_output=True).returncode != 0:
        say("окружение .venv повреждено (прерванная установка?): создаю заново")
        shutil.rmtree(VENV)
    if not venv_python().exists():
        if sys.platform.startswith("linux"):
            try:
                import ensurepip  # noqa: F401
            except ImportError:
                system_packages([f"python3.{sys.version_info.minor}-venv|python3-venv"])
        say("создаю окружение .venv")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not MARKER.exists() or MARKER.read_text() != digest:
        say("устанавливаю зависимости (один раз; ≈ 400 МБ)")
        py = str(venv_python())
        subprocess.run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], check=True)
        MARKER.write_text(digest)
    return venv_python()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("demo", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "demo":
        system_packages(QT_LIBS + XCB_LIBS)
        py = python_env()
        if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
                and not os.environ.get("WAYLAND_DISPLAY")
                and os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal")):
            fail("нет графического экрана (DISPLAY не задан): запустите команду в графическом сеансе "
                 "или через виртуальный экран: xvfb-run -a python3 bootstrap.py demo")
        return subprocess.call([str(py), "-m", "pfdo_desktop", "--demo", *rest], cwd=ROOT)
    system_packages(QT_LIBS + TEST_TOOLS + BROWSER_TEST)
    py = python_env()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Safety net: tests install an in-memory keyring; nothing may reach a real one.
    env.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    if not rest:  # the full run also checks lint and types (style.md: ruff; mypy on every package)
        say("ruff")
        if subprocess.call([str(py), "-m", "ruff", "check", "."], cwd=ROOT) != 0:
            return 1
        say("mypy (pfdo_desktop with its UI, pfdo_portal)")
        if subprocess.call([str(py), "-m", "mypy", *TYPED], cwd=ROOT) != 0:
            return 1
    # The full run spreads the tests over every core (pytest-xdist); a chosen subset runs in one
    # process, where -x and pdb behave as usual. Work stealing: a worker that runs out takes tests
    # queued for the other (a few tests take a minute, e.g. the .deb build; they no longer leave
    # one core idle at the end).
    spread = [] if rest else ["-n", "auto", "--dist", "worksteal"]
    return subprocess.call([str(py), "-m", "pytest", *spread, *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
