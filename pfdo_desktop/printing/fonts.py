"""The Cyrillic fonts of the forms: PT Serif (text) and PT Sans (tables), from the fontpkg packages.

The TTF files come from the installed ``fontpkg-pt-serif`` / ``fontpkg-pt-sans`` dependencies and
are embedded into each PDF as subsets (only the glyphs used), so a printed form looks the same on
every computer. They are registered with ReportLab once per process.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SERIF = "PTSerif"
SERIF_BOLD = "PTSerif-Bold"
SERIF_ITALIC = "PTSerif-Italic"
SANS = "PTSans"
SANS_BOLD = "PTSans-Bold"

# ReportLab name → (fontpkg family, weight, style)
_FACES: dict[str, tuple[str, int, str]] = {
    SERIF: ("PT Serif", 400, "normal"),
    SERIF_BOLD: ("PT Serif", 700, "normal"),
    SERIF_ITALIC: ("PT Serif", 400, "italic"),
    SANS: ("PT Sans", 400, "normal"),
    SANS_BOLD: ("PT Sans", 700, "normal"),
}

_lock = threading.Lock()
_registered = False


class FontsMissing(RuntimeError):
    """The PT Serif / PT Sans packages are not installed (or their files are unreadable)."""


def register_fonts() -> None:
    """Register PT Serif (regular, bold, italic) and PT Sans (regular, bold) once.

    Raises ``FontsMissing`` with a Russian message saying which package to install.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        fonts = [TTFont(name, str(_font_path(*face))) for name, face in _FACES.items()]
        for font in fonts:
            pdfmetrics.registerFont(font)
        # <b>/<i> in any ReportLab markup resolve to the right faces
        addMapping(SERIF, 0, 0, SERIF)
        addMapping(SERIF, 1, 0, SERIF_BOLD)
        addMapping(SERIF, 0, 1, SERIF_ITALIC)
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        _registered = True


def _font_path(family: str, weight: int, style: str) -> object:
    package = "fontpkg-" + family.lower().replace(" ", "-")
    try:
        import fontpkg

        path = fontpkg.path(family, weight=weight, style=style)
        if not path.is_file():
            raise FileNotFoundError(path)
        return path
    except (ImportError, LookupError, OSError) as exc:  # fontpkg errors are LookupErrors
        raise FontsMissing(
            f"Не найден шрифт {family} для печатных форм. Установите пакет {package} "
            f"(pip install {package}) и повторите печать."
        ) from exc
