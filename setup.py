"""setuptools hook (the project is described in pyproject.toml): the wheel also carries the UI's
compiled translations, resources/i18n/*.qm, as pfdo_desktop/resources/i18n/*.qm. They live outside
the package in the checkout (beside their .ts sources and update_translations.py); MANIFEST.in
puts them into the sdist, and this copies them into the wheel. The user guide (docs/user-guide: its
Markdown and screenshots) goes the same way, as pfdo_desktop/resources/user-guide. Editable installs
read the checkout."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "pfdo_desktop" / "resources" / "i18n"
        self.mkpath(str(target))
        for qm in sorted(Path("resources", "i18n").glob("*.qm")):
            self.copy_file(str(qm), str(target / qm.name))
        # The user guide (Справка → Руководство, `pfdo-desktop guide --pdf`): its Markdown and the
        # screenshots the tests make, as pfdo_desktop/resources/user-guide (ui/help_window.py).
        guide = Path("docs", "user-guide")
        for source in sorted([*guide.glob("*.md"), *guide.glob("img/*.png")]):
            out = Path(self.build_lib, "pfdo_desktop", "resources", "user-guide", source.relative_to(guide))
            self.mkpath(str(out.parent))
            self.copy_file(str(source), str(out))


setup(cmdclass={"build_py": BuildPyWithTranslations})
