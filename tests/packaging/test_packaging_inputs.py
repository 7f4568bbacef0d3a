"""What can be checked here of the builds without building them: the PyInstaller spec (run with
stand-ins for PyInstaller's classes that record their arguments), the Inno Setup script (parsed),
and the .deb's layout (staged around a stand-in build and packed with dpkg-deb)."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
VERSION = re.search(r'__version__ = "([^"]+)"', (ROOT / "pfdo_desktop/__init__.py").read_text()).group(1)  # type: ignore[union-attr]


class Recorded:
    """Stands for Analysis/PYZ/EXE/COLLECT: keeps its arguments."""

    calls: list[Recorded] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        Recorded.calls.append(self)


def run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    classes = {name: type(name, (Recorded,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT")}

    def analysis_init(self: Any, scripts: list[str], **kwargs: Any) -> None:
        Recorded.__init__(self, scripts, **kwargs)
        self.datas = [(dest_name, src, "DATA") for src, dest_name in
                      ((s, str(Path(d) / Path(s).name)) for s, d in kwargs["datas"])]
        self.datas += [("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
                       ("PySide6/Qt/translations/qtbase_ru.qm", "x", "DATA")]
        self.pure, self.scripts, self.binaries = ["pure"], ["scripts"], ["binaries"]

    classes["Analysis"].__init__ = analysis_init  # type: ignore[misc]
    Recorded.calls = []
    monkeypatch.setattr(sys, "platform", platform)
    spec = PACKAGING / "pfdo.spec"
    namespace: dict[str, Any] = {"SPECPATH": str(PACKAGING), "__file__": str(spec), **classes}
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    return namespace


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_spec_names_the_files_the_app_reads(platform: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert importlib.util.find_spec("PyInstaller") is not None, "PyInstaller is in the test extra: bootstrap"
    namespace = run_spec(platform, monkeypatch)
    analysis = namespace["a"]
    (script,) = analysis.args[0]
    assert Path(script) == ROOT / "pfdo_desktop" / "__main__.py"
    datas = analysis.kwargs["datas"]
    for source, _dest in datas:
        assert Path(source).exists(), source
    pairs = {(Path(s).name, Path(d).as_posix()) for s, d in datas}
    for migration in (ROOT / "pfdo_desktop/models/migrations/versions").glob("*.py"):
        assert (migration.name, "pfdo_desktop/models/migrations/versions") in pairs
    assert ("env.py", "pfdo_desktop/models/migrations") in pairs
    assert ("script.py.mako", "pfdo_desktop/models/migrations") in pairs
    qms = [p.name for p in (ROOT / "resources/i18n").glob("*.qm")]
    assert qms and all((qm, "resources/i18n") in pairs for qm in qms)  # where ui/i18n.py looks
    pages = [p.name for p in (ROOT / "pfdo_portal/web/templates").glob("*.html")]  # the parents' pages
    assert "catalog.html" in pages and all((page, "pfdo_portal/web/templates") in pairs for page in pages)
    assert ("style.css", "pfdo_portal/web/static") in pairs
    names = {Path(s).name for s, _ in datas}
    for font in ("PT_Sans-Web-Regular.ttf", "PT_Sans-Web-Bold.ttf", "PT_Serif-Web-Regular.ttf"):
        assert font in names
    assert any(d.endswith(".dist-info") and "fontpkg_pt_sans" in d for _s, d in datas)  # entry points
    hidden = analysis.kwargs["hiddenimports"]
    assert "alembic" in hidden or "alembic.op" in hidden  # what the migration files import
    assert [Path(h).name for h in analysis.kwargs["runtime_hooks"]] == ["rthook_smoke.py"]
    # Qt's translations: Russian and English only
    kept = {d for d, _s, _t in analysis.datas if "translations" in d}
    assert kept == {"PySide6/Qt/translations/qtbase_ru.qm"}
    collect = namespace["coll"]
    assert collect.kwargs["name"] == "pfdo-desktop"  # one folder: COLLECT, and EXE without binaries
    exes = [c for c in Recorded.calls if type(c).__name__ == "EXE"]
    assert all(e.kwargs["exclude_binaries"] for e in exes)
    if platform == "win32":
        assert {(e.kwargs["name"], e.kwargs["console"]) for e in exes} == {("pfdo-desktop", True),
                                                                          ("PFDO Desktop", False)}
        assert all(Path(e.kwargs["icon"]).is_file() for e in exes)
    else:
        assert [e.kwargs["name"] for e in exes] == ["pfdo-desktop"]


def win_path(base: Path, relative: str) -> Path:
    return (base / relative.replace("\\", "/")).resolve()


def iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = []
        elif current:
            sections[current].append(line)
    return sections


def test_inno_script_installs_per_user_and_keeps_the_data_folder() -> None:
    raw = (PACKAGING / "inno" / "pfdo.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM: Inno reads it as ANSI"
    text = raw.decode("utf-8-sig")
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', text))
    assert defines["AppVersion"] == VERSION
    sections = iss_sections(text)
    assert {"Setup", "Languages", "Files", "Icons", "Run", "Code"} <= sections.keys()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # never an elevation prompt
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\{#AppName}"
    assert win_path(PACKAGING / "inno", setup["SetupIconFile"]) == PACKAGING / "icons" / "pfdo.ico"
    assert win_path(PACKAGING / "inno", setup["OutputDir"]) == ROOT / "dist"
    assert any("Russian.isl" in line for line in sections["Languages"])
    # the files: the spec's COLLECT folder (dist/pfdo-desktop) and its windowed program
    build_dir = win_path(PACKAGING / "inno", defines["BuildDir"])
    assert build_dir == ROOT / "dist" / "pfdo-desktop"
    files = sections["Files"]
    assert any(line.startswith('Source: "{#BuildDir}\\*"') and "recursesubdirs" in line for line in files)
    assert defines["AppExe"] == "PFDO Desktop.exe"
    spec = (PACKAGING / "pfdo.spec").read_text(encoding="utf-8")
    assert 'name="PFDO Desktop", console=False' in spec
    assert any(line.startswith('Name: "{autoprograms}\\{#AppName}"') and "{app}\\{#AppExe}" in line
               for line in sections["Icons"])
    # the uninstaller: the data folder (platformdirs' user_data_dir on Windows) only when asked
    assert defines["DataDirName"] == "pfdo-desktop"
    code = "\n".join(sections["Code"])
    assert "usPostUninstall" in code and "DelTree(DataDir()" in code
    assert "MB_DEFBUTTON2" in code  # «Нет» is the default answer
    assert "{param:PURGEDATA|0}" in code  # a silent uninstall keeps the data
    assert not any("{localappdata}\\{#DataDirName}" in line for line in sections.get("UninstallDelete", []))


def test_desktop_entry_is_valid() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "deb" / "pfdo-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"] == "/usr/bin/pfdo-desktop"
    assert desktop["Icon"] == "pfdo-desktop" and desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(PACKAGING / "deb" / "pfdo-desktop.desktop")], check=True)


def test_deb_layout_around_a_stand_in_build(tmp_path: Path) -> None:
    assert shutil.which("dpkg-deb"), "needs dpkg-deb (part of dpkg on Debian/Ubuntu)"
    sys.path.insert(0, str(PACKAGING))
    try:
        import build_deb
    finally:
        sys.path.remove(str(PACKAGING))
    build = tmp_path / "pfdo-desktop"
    (build / "_internal").mkdir(parents=True)
    (build / "pfdo-desktop").write_text("#!/bin/sh\necho stand-in\n")
    (build / "pfdo-desktop").chmod(0o700)
    (build / "_internal" / "data.txt").write_text("x" * 5000)
    deb = build_deb.build_deb(build, tmp_path / "out", fast=True)
    assert deb.name == f"pfdo-desktop_{VERSION}_{build_deb.architecture()}.deb"
    info = subprocess.run(["dpkg-deb", "--field", str(deb)], check=True, capture_output=True, text=True)
    lines = info.stdout.splitlines()
    fields = dict(line.split(": ", 1) for line in lines if ": " in line and not line.startswith(" "))
    assert fields["Package"] == "pfdo-desktop" and fields["Version"] == VERSION
    assert int(fields["Installed-Size"]) >= 5
    assert "libxcb-cursor0" in fields["Depends"] and "libegl1" in fields["Depends"]
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], check=True, capture_output=True,
                             text=True).stdout
    rows = {line.split()[-1].lstrip("."): line.split()[0] for line in listing.splitlines()}
    assert rows["/opt/pfdo-desktop/pfdo-desktop"] == "-rwxr-xr-x"
    assert rows["/opt/pfdo-desktop/_internal/data.txt"] == "-rw-r--r--"
    assert rows["/usr/bin/pfdo-desktop"] == "-rwxr-xr-x"
    assert "/usr/share/applications/pfdo-desktop.desktop" in rows
    assert "/usr/share/icons/hicolor/256x256/apps/pfdo-desktop.png" in rows
    assert all(line.split()[1] == "root/root" for line in listing.splitlines())
