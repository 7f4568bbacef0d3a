"""`pfdo-desktop guide --pdf ФАЙЛ`: the user guide (the help window's Markdown, with the screens'
pictures) as one A4 PDF, printed on a PC without a screen — real text in PT Sans, each chapter from
a page of its own."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from pfdo_desktop.ui.help_window import GUIDE_DIR, chapters

ROOT = Path(__file__).resolve().parents[1]


def run_guide(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as a person runs it: its own process, no display, no Qt platform chosen."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "pfdo_desktop", "guide", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_guide_is_one_a4_pdf_with_every_chapter_from_a_new_page(tmp_path: Path) -> None:
    out = tmp_path / "руководство.pdf"
    done = run_guide(tmp_path, "--pdf", str(out))
    assert done.returncode == 0, done.stderr
    said = done.stdout.strip()
    match = re.fullmatch(rf"Руководство сохранено: {re.escape(str(out))} \(страниц: (\d+)\)", said)
    assert match, said
    reader = PdfReader(out)
    assert len(reader.pages) == int(match[1]) >= 10
    assert reader.metadata is not None and reader.metadata.title == "PFDO Desktop — руководство оператора"
    pages = [words(page.extract_text() or "") for page in reader.pages]
    for page in reader.pages:  # A4 portrait, in points
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    titles = [c.title for c in chapters()]
    assert titles[0] == "Руководство оператора PFDO Desktop" and len(titles) == 11
    starts = [next((i for i, text in enumerate(pages) if text.startswith(title)), None) for title in titles]
    assert None not in starts, dict(zip(titles, starts, strict=True))  # each chapter opens its page
    assert starts == sorted(starts)  # in the order of the contents
    assert pages[-1].endswith(str(len(pages)))  # the page number at the foot
    everything = " ".join(pages)
    for said in ("Не отправлено: N", "Восстановить из резервной копии…", "Отправить на модерацию",
                 "pfdo-desktop schedule install --every 1h", "«Работа без интернета»"):
        assert said in everything, said
    assert "](" not in everything and ".md" not in everything  # links read as the chapters' titles
    fonts = {font.get_object()["/BaseFont"] for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert any("PTSans" in str(name) for name in fonts), fonts
    pictures = len(re.findall(r"!\[[^\]]*\]\(img/", " ".join(
        (GUIDE_DIR / c.file).read_text(encoding="utf-8") for c in chapters())))
    images = {ref.idnum for page in reader.pages
              for ref in page["/Resources"].get("/XObject", {}).values()
              if ref.get_object()["/Subtype"] == "/Image"}
    assert len(images) == pictures >= 8  # every screenshot, each once


def test_a_pdf_with_nowhere_to_go_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = run_guide(tmp_path, "--pdf", str(tmp_path / "нет такой папки" / "guide.pdf"))
    assert done.returncode == 1
    nowhere = tmp_path / "нет такой папки"
    assert done.stderr.strip() == f"pfdo-desktop: папки {nowhere} нет: PDF сохранить некуда"
    assert not (tmp_path / "нет такой папки").exists()
