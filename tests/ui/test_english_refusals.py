"""English chosen (issue 14 §2): what the services and the domain refuse with — a wrong СНИЛС in
«Новый ребёнок», a mark in a month billed meanwhile, a full group in «Новая заявка», no password
store when connecting, a full disk while saving — reads in English; in Russian it reads as it always
did, byte for byte (the CLI, the portal and the printed forms keep the domain's Russian).

The messages are ``domain.said.Said``: the Russian text with a code and its parts; the UI says them
again from ``ui/common/refusals.py``'s templates. Guards: every code the sources say has a template
with its English, each template filled with the Russian parts gives the Russian text back, and no
use case raises a refusal without a code.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select
from ui_helpers import free_cells, settle, type_text

from pfdo_desktop.domain.said import Said
from pfdo_desktop.ui.common.refusals import TEMPLATES, in_ui, russian
from pfdo_desktop.ui.i18n import install_translator
from pfdo_desktop.ui.tasks import wait_for_all

ROOT = Path(__file__).resolve().parents[2]
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Cyrillic an English message keeps on purpose: examples of what to type (a birth certificate's series,
# a Cyrillic domain, a double surname, an order number) and the placeholder of a command line.
KEPT_RUSSIAN = ("IV-МЮ", ".рф", "Римский-Корсаков", "15-у")
# Parts only the Russian wording needs (the plural of «год»).
RUSSIAN_ONLY_PARTS = {"word"}


def russian_left(text: str, *data: str) -> list[str]:
    """The Cyrillic words of ``text`` once the data it quotes (names, examples) are cut out."""
    for kept in (*data, *KEPT_RUSSIAN):
        text = text.replace(kept, "")
    return re.findall(r"\S*[А-Яа-яЁё]\S*", text)


# --- the guards ----------------------------------------------------------------------------------------


def said_codes() -> dict[str, str]:
    """Every code written at a ``said(...)``/``Said(...)`` below the UI: code → where."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "pfdo_desktop").rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[1] == "ui":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("said", "Said") and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{rel}:{node.lineno}")
    return found


def test_every_code_the_program_says_has_its_english(qapp):
    codes = said_codes()
    assert len(codes) > 300
    missing = sorted(f"{code} ({where})" for code, where in codes.items()
                     if code not in TEMPLATES and code != "term")
    assert not missing, "give them a template (ui/common/refusals.py) and its English: " + ", ".join(missing)

    from PySide6.QtCore import QCoreApplication

    install_translator(qapp, "en")
    problems = []
    for code, (names, source) in TEMPLATES.items():
        english = QCoreApplication.translate("Refusals", source)
        places = set(re.findall(r"%\d", source))
        needed = {f"%{i}" for i, name in enumerate(names, 1) if name not in RUSSIAN_ONLY_PARTS} & places
        if (english == source and CYRILLIC.search(source)) or russian_left(english):
            problems.append(f"{code}: not in English: {english!r}")
        elif not needed <= set(re.findall(r"%\d", english)):
            problems.append(f"{code}: the English loses a part: {english!r}")
        if {f"%{i}" for i in range(1, len(names) + 1)} != places:
            problems.append(f"{code}: the template and its parts {names} do not agree")
    assert not problems, "\n".join(problems)


REFUSALS = ("ServiceError", "ValidationError", "NotAllowed", "NotFound", "DuplicateChild", "RosterFileError",
            "MoveRefused")
# Said only by the command line (pfdo-desktop export): their Russian is the CLI's.
CLI_ONLY = ("pfdo_desktop/services/exports.py",)


def _plain_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.BinOp) and (_plain_text(node.left) or _plain_text(node.right))


def test_no_use_case_refuses_with_a_message_without_a_code():
    """A refusal raised with a bare Russian string would stay Russian on an English screen."""
    plain = []
    for folder in ("services", "domain"):
        for path in sorted((ROOT / "pfdo_desktop" / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in CLI_ONLY:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id in REFUSALS) or any(k.arg == "code" for k in node.keywords):
                    continue
                at = 1 if node.func.id == "ValidationError" else 0
                if len(node.args) > at and _plain_text(node.args[at]):
                    plain.append(f"{rel}:{node.lineno}")
    assert not plain, "give these messages a code (domain.said): " + ", ".join(plain)


def sample_messages() -> list[Said]:
    """A message of each kind the operator meets, made by the real rules."""
    from pfdo_desktop.domain import attendance, lessons, new_child, payment, program_card
    from pfdo_desktop.domain.applications import wrong_status_message
    from pfdo_desktop.domain.catalog import CERT_ACCOUNTING
    from pfdo_desktop.domain.enrolment import (
        Application,
        CertificateState,
        GroupTerms,
        ProgramTerms,
        check_application,
    )
    from pfdo_desktop.models.backups import NOT_ENROLLED_RU
    from pfdo_desktop.models.database import DatabaseDamaged, DiskFailure, DiskFull, NoAccess
    from pfdo_desktop.sync.credentials import NO_KEYRING_MESSAGE, no_keyring_advice

    day = date(2026, 3, 5)
    out: list[Said] = []
    for flags in ({"month_locked": True}, {"member": False}, {"lesson_day": False}, {"cancelled": True},
                  {"moved_to": date(2026, 3, 6)}):
        args = {"lesson_day": True, "marked_that_day": False, "member": True, "month_locked": False, **flags}
        refusal = attendance.mark_refusal(day, group_from=date(2025, 9, 1), group_to=date(2026, 5, 31),
                                          **args)
        assert refusal is not None
        out.append(refusal.message)
    out.append(attendance.code_error("7"))
    refusal = lessons.state_refusal(day, lessons.LessonState(lessons.CANCELLED, reason="болезнь педагога"),
                                    group_from=date(2025, 9, 1), group_to=date(2026, 5, 31),
                                    scheduled=lambda _d: True, states={}, marked_days={day},
                                    locked_months=())
    assert refusal is not None
    out.append(refusal.message)
    child = new_child.NewChildData(
        "Ivanov", "Иван1", date(2024, 1, 1), snils="112-233-445 96", doc_kind="passport", doc_number="12",
        certificate_number="123", guardian=new_child.GuardianData("Петрова", "Анна", relation="aunt",
                                                                  phone="8912", email="a b@mail"))
    out += new_child.form_errors(child, date(2026, 3, 1)).values()
    out += new_child.form_errors(new_child.NewChildData("", "", date(2005, 1, 1)), date(2026, 3, 1)).values()
    application = Application(date(2024, 1, 1), date(2026, 2, 1), CertificateState(CERT_ACCOUNTING))
    refusals = check_application(ProgramTerms(120, 130, "certified"), GroupTerms(day, day, 2, 2, 1),
                                 application, date(2026, 3, 10))
    out += [text for r in refusals for text in (r.message, r.text, r.advice)]
    out.append(wrong_status_message("enrol", "new"))
    for kind, today in (("advance", date(2026, 3, 1)), ("advance", date(2026, 4, 20)), ("invoice", day)):
        refused = payment.document_refusal(kind, (2026, 3), today)
        assert refused is not None
        out.append(refused[1])
    module = program_card.ModuleCard("", 0, 5, 3, Decimal("-1"), Decimal("100"))
    card = program_card.ProgramCard("", "", "", "", "x", "", "", "", 30, 4, 0, ovz=("zz",), modules=(module,))
    out += [error.message for error in program_card.validate_card(card, Decimal("1.1"))]
    path = Path("/srv/pfdo/pfdo.sqlite3")
    out += [DiskFull(path).message, DiskFailure(path).message, NoAccess(path.parent).message,
            NoAccess(path.parent, file=path).message, NoAccess(path, not_a_folder=True).message]
    from pfdo_desktop.models.database import _DAMAGE_RU

    out.append(DatabaseDamaged(path, _DAMAGE_RU["SQLITE_CORRUPT"]).message)
    out += [NO_KEYRING_MESSAGE, NOT_ENROLLED_RU, no_keyring_advice("win32"), no_keyring_advice("darwin")]
    return out


def test_each_template_gives_back_the_russian_and_reads_in_english(qapp):
    messages = sample_messages()
    assert all(isinstance(m, Said) for m in messages), [m for m in messages if not isinstance(m, Said)]
    assert [russian(m) for m in messages] == [str(m) for m in messages]
    assert [in_ui(m) for m in messages] == [str(m) for m in messages]  # in Russian: as it is
    install_translator(qapp, "en")
    english = {str(m): in_ui(m) for m in messages}
    left = {ru: en for ru, en in english.items() if russian_left(en, "Иван1", "Петрова", "Анна")}
    assert not left, left
    assert english[str(messages[0])] == (
        "The month 03.2026 is already closed for payment: its marks no longer change. If a mark is wrong, "
        "contact the authorised organisation.")


# --- the screens ---------------------------------------------------------------------------------------


def new_child_snils_message(qtbot, window) -> str:
    """«Новый ребёнок» with a СНИЛС whose control number does not match: the message under it."""
    window.tabs.setCurrentIndex(window.children_tab)
    panel = window.children_panel
    qtbot.mouseClick(panel.new_child_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    qtbot.waitExposed(dialog)
    dialog.last_name_edit.setText("Соколова")
    dialog.birth_date_edit.setDate(QDate(2016, 4, 12))
    dialog.snils_edit.setFocus()
    type_text(dialog.snils_edit, "11223344596")
    qtbot.keyClick(dialog.snils_edit, Qt.Key.Key_Tab)
    label = dialog.error_labels["snils"]
    assert label.isVisible()
    text = label.text()
    dialog.reject()
    settle(qtbot)
    return text


def billed_month_message(qtbot, window, panel) -> str:
    """A mark in a month the portal billed after the journal was read: the service refuses it."""
    from pfdo_desktop.models import Provider

    model = panel.model
    cell = free_cells(panel, 1)[0]
    day = model.lesson_at(cell.column()).lesson_date
    with window.workspace.db.write() as s:
        for provider in s.scalars(select(Provider)):
            provider.locked_months = [*provider.locked_months, day.replace(day=1).isoformat()]
    assert model.is_editable(cell)  # the journal on screen does not know yet
    panel.set_code_at(cell, 1, move_down=False)
    wait_for_all(10_000)
    qtbot.waitUntil(lambda: model.data(cell) == "")  # refused: the cell is empty again
    with window.workspace.db.write() as s:  # the next pass starts from an open month again
        for provider in s.scalars(select(Provider)):
            provider.locked_months = [m for m in provider.locked_months if m != f"{day:%Y-%m}-01"]
    return window.message_label.text()


def full_group_check(qtbot, window) -> str:
    """«Новая заявка» for a group with no free place: the pre-check's reasons and advice."""
    from pfdo_desktop.models import StudyGroup
    from pfdo_desktop.services import applications as application_service
    from pfdo_desktop.services import children as children_service

    ws = window.workspace
    today = date.today()
    pair = next((child, group) for group in application_service.groups_for_application(ws.db)
                for child in children_service.search_children(ws.db, "")
                if not application_service.precheck(ws.db, child.key, group.id, max(today, group.date_from),
                                                    today).refusals)
    child, group = pair
    with ws.db.write() as s:
        s.get(StudyGroup, group.id).capacity = 0
    window.tabs.setCurrentIndex(window.children_tab)
    panel = window.children_panel
    panel.show_child(child.key)
    qtbot.waitUntil(lambda: panel.card.card is not None and panel.card.card.child.key == child.key)
    qtbot.mouseClick(panel.card.new_application_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    qtbot.waitExposed(dialog)
    combo = dialog.group_combo
    combo.setCurrentIndex(next(i for i in range(1, combo.count()) if combo.itemData(i).id == group.id))
    html = dialog.check_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    settle(qtbot)
    return re.sub(r"<[^>]+>", " ", html)


def no_keyring_message(qtbot, tmp_path, portal, portal_db, provider_id, memory_keyring, language) -> str:
    """Connecting another PC where no password store works: the first run's connection step says
    what to do."""
    import keyring
    from keyring.backends import fail

    from pfdo_desktop.ui.first_run import FirstRunWizard
    from pfdo_desktop.workspace import Workspace
    from pfdo_portal.admin import issue_code

    other = Workspace.open(tmp_path / f"pc-{language}")
    wizard = FirstRunWizard(other)
    qtbot.addWidget(wizard)
    wizard.show()
    keyring.set_keyring(fail.Keyring())
    try:
        qtbot.mouseClick(wizard.connect_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(wizard.url_edit, portal.url)
        qtbot.keyClicks(wizard.code_edit, issue_code(portal_db, provider_id))
        qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not wizard.busy and wizard.error_label.isVisible(), timeout=20_000)
        assert not other.enrolled and wizard.pages.currentIndex() == wizard.CONNECT
        return wizard.error_label.text()
    finally:
        keyring.set_keyring(memory_keyring)
        wizard.close()
        other.close()


def test_refusals_read_in_english_and_as_they_were_in_russian(
        qtbot, qapp, main_window, journal_panel, portal, portal_db, demo_provider_id, memory_keyring,
        tmp_path):
    window, panel = main_window, journal_panel
    seen: dict[str, dict[str, str]] = {}
    for language in ("en", "ru"):
        install_translator(qapp, language)
        window.tabs.setCurrentIndex(window.journal_tab)
        seen[language] = {
            "billed month": billed_month_message(qtbot, window, panel),
            "snils": new_child_snils_message(qtbot, window),
            "no keyring": no_keyring_message(qtbot, tmp_path, portal, portal_db, demo_provider_id,
                                             memory_keyring, language),
        }
    seen["en"]["full group"], seen["ru"]["full group"] = "", ""
    for language in ("en", "ru"):
        install_translator(qapp, language)
        seen[language]["full group"] = full_group_check(qtbot, window)

    english, russian_texts = seen["en"], seen["ru"]
    assert {what: russian_left(text) for what, text in english.items()} == dict.fromkeys(english, [])
    assert english["snils"] == "The SNILS check number does not match: check the digits against the document"
    assert english["billed month"].startswith("The month ")
    assert "closed for payment" in english["billed month"]
    assert "The group has no free places." in english["full group"]
    assert re.search(r"\d+ of 0 places in the group are taken", english["full group"])
    assert "Choose another group of this module" in english["full group"]
    assert english["no keyring"].startswith("The system has no password store")
    assert "The enrolment code was not used." in english["no keyring"]

    assert russian_texts["snils"] == "Контрольное число СНИЛС не сходится: проверьте цифры по документу"
    assert re.fullmatch(r"Месяц \d\d\.\d{4} уже закрыт для оплаты: отметки за него не меняются\. Если "
                        r"отметка неверна, обратитесь в уполномоченную организацию\.",
                        russian_texts["billed month"])
    assert "В группе нет свободных мест." in russian_texts["full group"]
    assert re.search(r"В группе занято \d+ мест из 0", russian_texts["full group"])
    assert russian_texts["no keyring"].startswith(
        "В системе нет хранилища паролей, поэтому ключ доступа к порталу негде сохранить. Код подключения не "
        "использован. ")


def test_a_full_disk_reads_in_english_with_its_path_and_in_russian_as_before(
        qtbot, qapp, main_window, journal_panel, enrolled_workspace):
    """SQLite's own «database or disk is full» while marks are saved: the storage dialog."""
    from storage_faults import no_room_to_grow

    from pfdo_desktop.ui import errors as errors_module
    from pfdo_desktop.ui.journal.model import CodeRole

    engine = enrolled_workspace.db.engine
    no_room_to_grow(engine)
    engine.dispose()
    panel = journal_panel
    free_cells(panel, 1)

    def fill_until_refused() -> str:
        for column in range(panel.model.lesson_count):
            for row in range(panel.model.child_count):
                if errors_module.storage_problem_box() is not None:
                    box = errors_module.storage_problem_box()
                    text = box.text()
                    box.done(0)
                    return text
                index = panel.model.index(row, column)
                if panel.model.is_editable(index) and panel.model.data(index, CodeRole) is None:
                    panel.set_code_at(index, 2, move_down=False)
                    wait_for_all(10_000)
                    qtbot.wait(10)
        raise AssertionError("the disk never filled up")

    install_translator(qapp, "en")
    english = fill_until_refused()
    path = str(enrolled_workspace.db.path)
    assert english.startswith(f"The disk is full: {path} could not be written.")
    assert not russian_left(english, path)
    install_translator(qapp, "ru")
    russian_text = fill_until_refused()
    assert russian_text.startswith(f"Диск заполнен: не удалось записать {path}.")
