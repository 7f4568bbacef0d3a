"""Which kind of portal a PC connects to (issue 16), for the first run's connection step (the first
start and «Подключить к порталу…» open the same wizard, ``ui/first_run.py``):

- «Портал ПФДО» — a portal speaking our protocol: its address and a one-time code from the
  municipal support centre (``Workspace.enrol``);
- «Навигатор дополнительного образования» — the Inlearno Navigator most regions run: its address
  and the organisation's own admin account, e-mail and password (``Workspace.enrol_navigator``).

The password is typed into a ``Password`` field, goes to the background call and nowhere else (not
to the log, not to a setting); the screens clear it once the Navigator has answered it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

PORTAL, NAVIGATOR = "portal", "navigator"

NAVIGATOR_PLACEHOLDER = "https://р29.навигатор.дети"

# A refused Navigator connection: which field it points at (the rest — a wrong or locked account, no
# password store — is the password's).
NAVIGATOR_ADDRESS_PROBLEMS = frozenset({"bad_url", "plain_http", "unreachable", "timeout", "garbage",
                                        "other_portal", "not_found"})
NAVIGATOR_EMAIL_PROBLEMS = frozenset({"other_provider"})


def navigator_field(code: str) -> str:
    """«url», «email» or «password»: the field to fix after ``Workspace.enrol_navigator`` refused
    with ``code`` (``ui.errors.error_code``)."""
    if code in NAVIGATOR_ADDRESS_PROBLEMS or code.startswith("http_"):
        return "url"
    if code in NAVIGATOR_EMAIL_PROBLEMS:
        return "email"
    return "password"


def navigator_refusal_text(code: str, message: str, url: str) -> str:
    """What to show for a refused Navigator connection: the connector's words, except for a
    Navigator that does not answer — the connector words that for a sync («всё сохранено… уйдёт
    при следующей синхронизации»), and here nothing was to be sent yet."""
    if code in ("unreachable", "timeout"):
        return QCoreApplication.translate(
            "PortalKind",
            "Навигатор по адресу %1 не отвечает. Проверьте адрес и подключение к интернету и повторите; "
            "на этом ПК ничего не изменилось.").replace("%1", url)
    return message


def navigator_login_problem(email: str, password: str) -> tuple[str, str] | None:
    """What is missing before the Navigator is asked: (the field, what to do), or None."""
    if "@" not in email.strip(" @"):
        return "email", QCoreApplication.translate(
            "PortalKind", "Введите e-mail учётной записи организации в Навигаторе, например org@example.ru.")
    if not password:
        return "password", QCoreApplication.translate(
            "PortalKind", "Введите пароль учётной записи организации в Навигаторе.")
    return None


class PortalKindChoice(QWidget):
    """Two radio buttons: «Портал ПФДО (код подключения)» and «Навигатор дополнительного
    образования (e-mail и пароль организации)»; ``changed`` with the kind chosen."""

    changed = Signal(str)

    def __init__(self, kind: str = PORTAL, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portal_kind")
        self.portal_radio = QRadioButton(self.tr("Портал ПФДО (код подключения)"))
        self.portal_radio.setObjectName("kind_portal")
        self.navigator_radio = QRadioButton(
            self.tr("Навигатор дополнительного образования (e-mail и пароль организации)"))
        self.navigator_radio.setObjectName("kind_navigator")
        self.group = QButtonGroup(self)
        self.group.addButton(self.portal_radio)
        self.group.addButton(self.navigator_radio)
        (self.navigator_radio if kind == NAVIGATOR else self.portal_radio).setChecked(True)
        self.navigator_radio.toggled.connect(lambda _on: self.changed.emit(self.kind()))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.portal_radio)
        box.addWidget(self.navigator_radio)

    def kind(self) -> str:
        return NAVIGATOR if self.navigator_radio.isChecked() else PORTAL

    def set_kind(self, kind: str) -> None:
        (self.navigator_radio if kind == NAVIGATOR else self.portal_radio).setChecked(True)


def kind_of(portal_id: str | None) -> str:
    """The kind a PC was connected to before (a disconnected PC keeps its portal's identity)."""
    return NAVIGATOR if (portal_id or "").startswith("navigator:") else PORTAL


__all__ = ["NAVIGATOR", "PORTAL", "PortalKindChoice", "kind_of", "navigator_field", "navigator_login_problem",
           "navigator_refusal_text"]
