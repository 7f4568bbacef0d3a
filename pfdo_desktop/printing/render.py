"""``render(form, docs, out)``: the documents of one form into one PDF (contract for issue #5)."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from pfdo_desktop.domain.documents import (
    FORMS_RU,
    AdvanceDoc,
    ApplicationDoc,
    ChildDoc,
    ContractsRegisterDoc,
    IndicatorsReportDoc,
    InvoiceDoc,
    JournalDoc,
)

from .fonts import SERIF, register_fonts
from .forms import FORMS
from .layout import BODY, draw_pages

Doc = (ChildDoc | ApplicationDoc | JournalDoc | InvoiceDoc | AdvanceDoc | ContractsRegisterDoc
       | IndicatorsReportDoc)

_DOC_RU = {ChildDoc: "ребёнка", ApplicationDoc: "заявки", JournalDoc: "журнала группы",
           InvoiceDoc: "счёта за месяц", AdvanceDoc: "заявки на аванс",
           ContractsRegisterDoc: "реестра договоров за месяц", IndicatorsReportDoc: "показателей за месяц"}


class PrintCancelled(Exception):
    """``cancel`` was set: nothing was written to ``out`` (a path is left untouched)."""


def render(form: str, docs: Sequence[Doc], out: Path | BinaryIO, *,
           progress: Callable[[int, int], None] | None = None,
           cancel: threading.Event | None = None) -> int:
    """Draw ``docs`` with ``form`` (a ``domain.documents.FORM_*``) into ``out``; return the pages.

    ``progress(done, total)`` is called after each document; ``cancel`` is checked between
    documents (``PrintCancelled``). A path is written atomically (a temporary file renamed), so a
    killed process never leaves half a PDF under the requested name. ``ValueError`` (Russian
    message) for an unknown form, a document of the wrong type for the form, or no documents.
    """
    spec = FORMS.get(form)
    if spec is None:
        raise ValueError(f"Неизвестная печатная форма: {form!r}")
    if not docs:
        raise ValueError(f"Нечего печатать: для формы «{FORMS_RU[form]}» не передано ни одного документа")
    for doc in docs:
        if not isinstance(doc, spec.doc_types):
            expected = " или ".join(_DOC_RU[t] for t in spec.doc_types)
            raise ValueError(f"Форма «{FORMS_RU[form]}» печатается по данным {expected}, "
                             f"а передан документ другого вида ({type(doc).__name__})")
    register_fonts()

    # The canvas keeps the whole PDF in memory until the end: a cancelled run writes nothing.
    canvas = Canvas(os.devnull, initialFontName=SERIF, initialFontSize=BODY)
    canvas.setTitle(FORMS_RU[form])  # never a child's name: metadata travels with the file
    canvas.setCreator("PFDO Desktop")
    canvas.setAuthor("PFDO Desktop")
    canvas.setSubject(FORMS_RU[form])
    total = len(docs)
    pages = 0
    for done, doc in enumerate(docs, 1):
        if cancel is not None and cancel.is_set():
            raise PrintCancelled("Печать отменена")
        doc_pages = spec.layout(doc)
        draw_pages(canvas, doc_pages)
        pages += len(doc_pages)
        if progress is not None:
            progress(done, total)
    if cancel is not None and cancel.is_set():
        raise PrintCancelled("Печать отменена")
    data = canvas.getpdfdata()
    if isinstance(out, (str, os.PathLike)):
        write_atomically(Path(out), data)
    else:
        out.write(data)
    return pages


_WRITE_ERRORS_RU = {
    errno.EACCES: "нет доступа к файлу или папке (возможно, файл открыт в другой программе)",
    errno.EPERM: "нет доступа к файлу или папке",
    errno.ENOSPC: "на диске не хватает места",
    errno.EDQUOT: "на диске не хватает места (квота)",
    errno.EROFS: "диск доступен только для чтения",
    errno.ENOENT: "папка не найдена",
    errno.ENOTDIR: "папка не найдена",
    errno.EISDIR: "на этом месте папка, а не файл",
    errno.ENAMETOOLONG: "слишком длинное имя файла",
}


def write_error_ru(exc: OSError) -> str:
    """Why a PDF could not be written, in Russian (the system's own wording is in English)."""
    known = _WRITE_ERRORS_RU.get(exc.errno or 0)
    if known:
        return known
    code = errno.errorcode.get(exc.errno or 0)
    return f"ошибка записи ({code})" if code else f"ошибка записи ({type(exc).__name__})"


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` into ``path`` as a whole or not at all (an existing file survives a failure): a
    temporary file next to ``path`` (mode 0600: children's personal data), then a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
