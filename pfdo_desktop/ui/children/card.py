"""The child card: personal data, guardians, certificate, applications with their history and, for
a request the portal found ambiguous, the candidates side by side to choose from; for a request the
portal answered «уже есть в реестре» (or refused), «Это другой ребёнок?» — its СНИЛС and «Отправить
запрос снова» (``domain.privacy``, rule 2b: a СНИЛС tells namesakes apart)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.catalog import CERT_PF, NOMINAL_UNITS
from pfdo_desktop.domain.certificate_periods import PERIOD_OPEN
from pfdo_desktop.domain.documents import CHILD_FORMS, FORM_CERTIFICATE_EXTRACT
from pfdo_desktop.domain.money import format_rub
from pfdo_desktop.workspace_types import ChildCard, ChildRow, HistoryRow

from ..common.domain_words import title
from ..common.refusals import in_ui
from ..common.styles import ERROR_STYLE, MUTED_STYLE
from ..common.texts import (
    certificate_status_text,
    contract_split,
    pending_text,
    request_state_text,
    ru_date,
    ru_datetime,
    snils_tail,
    status_cell,
    status_text,
)
from ..printing.job import print_menu
from ..widgets.snils_edit import EMPTY as SNILS_EMPTY
from ..widgets.snils_edit import PARTIAL as SNILS_PARTIAL
from ..widgets.snils_edit import SnilsEdit
from .model import NAMESAKE_MARK, namesake_note

PENDING_COLOR = "#8a5300"
STATUS_COLOR = {"new": "#1d4a80", "confirmed": "#1d4a80", "active": "#1e5c2b", "rejected": "#b00020"}


def _value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CandidateFrame(QFrame):
    """One of the portal's candidates for an ambiguous request, with «Это он(а)»."""

    def __init__(self, candidate: ChildRow, chosen: Callable[[int], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.candidate = candidate
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("candidateFrame")
        self.setStyleSheet(
            "#candidateFrame { background: #f7f9fc; border: 1px solid #b9c6d8; border-radius: 4px; }"
        )
        name = QLabel(candidate.full_name)
        bold = name.font()
        bold.setBold(True)
        name.setFont(bold)
        name.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Дата рождения:"), _value_label(ru_date(candidate.birth_date)))
        form.addRow(self.tr("Сертификат:"), _value_label(candidate.certificate_number or "—"))
        form.addRow(self.tr("СНИЛС:"), _value_label(snils_tail(candidate.snils) or "—"))
        self.choose_button = QPushButton(self.tr("Это он(а)"))
        self.choose_button.clicked.connect(lambda _c=False: chosen(candidate.child_id or 0))
        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addLayout(form)
        layout.addWidget(self.choose_button)


class ChildCardWidget(QScrollArea):
    """Shows one `ChildCard`; the panel does the reading and writing."""

    new_application_requested = Signal(object)  # ChildRow
    resolve_requested = Signal(str, object)  # request uid, child id or None («новый ребёнок»)
    cancel_pending_requested = Signal(str)  # ChildRow.key of a request whose op is not sent yet
    print_requested = Signal(str, str)  # form (domain.documents.FORM_*), ChildRow.key
    resend_requested = Signal(str, str)  # request uid, the СНИЛС to send it again with
    activation_requested = Signal(str)  # ChildRow.key: «Запросить ПФ (заявление родителя)»

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: ChildCard | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)

        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #8a5300; font-weight: bold;")
        self.new_application_button = QPushButton(self.tr("Новая заявка…"))
        self.new_application_button.clicked.connect(self.on_new_application_button_clicked)
        self.cancel_pending_button = QPushButton(self.tr("Отменить неотправленное"))
        self.cancel_pending_button.setToolTip(
            self.tr("Отменить запрос или выбор ребёнка, пока он не отправлен на портал")
        )
        self.cancel_pending_button.clicked.connect(self.on_cancel_pending_button_clicked)
        self.print_button = QPushButton(self.tr("Печать"))
        self.print_button.setToolTip(self.tr("Заявление, выписка из реестра сертификатов, согласие"))
        self.print_menu, self.print_actions = print_menu(self, CHILD_FORMS, self._on_print_chosen)
        self.print_button.setMenu(self.print_menu)
        self._choice_locked = False  # a choice among the candidates waits to be sent

        # --- ambiguous request: the portal's candidates ---
        self.candidates_box = QGroupBox(self.tr("Портал нашёл похожих детей — выберите, кто это"))
        self.candidates_box.setStyleSheet("QGroupBox { font-weight: bold; }")
        self.candidates_intro = QLabel()
        self.candidates_intro.setWordWrap(True)
        self.candidates_intro.setStyleSheet("font-weight: normal;")
        self.candidates_grid = QGridLayout()
        self.new_child_button = QPushButton(self.tr("Нет, это новый ребёнок"))
        self.new_child_button.clicked.connect(self.on_new_child_button_clicked)
        candidates_layout = QVBoxLayout(self.candidates_box)
        candidates_layout.addWidget(self.candidates_intro)
        candidates_layout.addLayout(self.candidates_grid)
        none_row = QHBoxLayout()
        none_row.addStretch(1)
        none_row.addWidget(self.new_child_button)
        candidates_layout.addLayout(none_row)
        self.candidate_frames: list[CandidateFrame] = []

        # --- «уже есть в реестре» (or refused): another child? its СНИЛС and the request again ---
        self.other_child_box = QGroupBox(self.tr("Это другой ребёнок?"))
        self.other_child_box.setStyleSheet("QGroupBox { font-weight: bold; }")
        self.other_child_intro = QLabel()
        self.other_child_intro.setWordWrap(True)
        self.other_child_intro.setStyleSheet("font-weight: normal;")
        self.resend_snils_edit = SnilsEdit()
        self.resend_snils_edit.setStyleSheet("font-weight: normal;")
        self.resend_snils_edit.textEdited.connect(self.on_resend_snils_edit_text_edited)
        self.resend_snils_edit.returnPressed.connect(self.on_resend_button_clicked)
        self.resend_button = QPushButton(self.tr("Отправить запрос снова"))
        self.resend_button.clicked.connect(self.on_resend_button_clicked)
        self.resend_error_label = QLabel()
        self.resend_error_label.setWordWrap(True)
        self.resend_error_label.setStyleSheet(f"{ERROR_STYLE} font-weight: normal;")
        self.resend_error_label.hide()
        resend_row = QHBoxLayout()
        snils_title = QLabel(self.tr("СНИЛС ребёнка:"))
        snils_title.setStyleSheet("font-weight: normal;")
        resend_row.addWidget(snils_title)
        resend_row.addWidget(self.resend_snils_edit)
        resend_row.addWidget(self.resend_button)
        resend_row.addStretch(1)
        other_layout = QVBoxLayout(self.other_child_box)
        other_layout.addWidget(self.other_child_intro)
        other_layout.addLayout(resend_row)
        other_layout.addWidget(self.resend_error_label)

        # --- personal data ---
        self.person_box = QGroupBox(self.tr("Ребёнок"))
        self.birth_label = _value_label()
        self.snils_label = _value_label()
        self.document_label = _value_label()
        self.state_label = _value_label()
        person = QFormLayout(self.person_box)
        person.addRow(self.tr("Дата рождения:"), self.birth_label)
        person.addRow(self.tr("СНИЛС:"), self.snils_label)
        person.addRow(self.tr("Документ:"), self.document_label)
        person.addRow(self.tr("Состояние:"), self.state_label)

        # --- guardians ---
        self.guardians_box = QGroupBox(self.tr("Родитель (законный представитель)"))
        self.guardians_label = _value_label()
        self.guardians_label.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(self.guardians_box).addWidget(self.guardians_label)

        # --- certificate ---
        self.certificate_box = QGroupBox(self.tr("Сертификат"))
        self.cert_number_label = _value_label()
        self.cert_status_label = _value_label()
        self.cert_nominal_label = _value_label()
        self.cert_balance_label = _value_label()
        self.cert_reserve_label = _value_label()
        self.cert_as_of_label = _value_label()
        self.cert_as_of_label.setStyleSheet(MUTED_STYLE)
        self.no_certificate_label = _value_label()
        # The municipality's period (issue 17 §1): its dates and the nominal a ПФ certificate gets.
        self.cert_period_label = _value_label()
        self.cert_period_nominal_label = _value_label()
        cert = QFormLayout()
        cert.addRow(self.tr("Номер:"), self.cert_number_label)
        cert.addRow(self.tr("Статус:"), self.cert_status_label)
        cert.addRow(self.tr("Номинал:"), self.cert_nominal_label)
        cert.addRow(self.tr("Остаток:"), self.cert_balance_label)
        cert.addRow(self.tr("Зарезервировано:"), self.cert_reserve_label)
        cert.addRow(self.tr("Период:"), self.cert_period_label)
        cert.addRow(self.tr("Номинал на период:"), self.cert_period_nominal_label)
        self.cert_form = QWidget()
        self.cert_form.setLayout(cert)
        self.activate_button = QPushButton(self.tr("Запросить ПФ (заявление родителя)"))
        self.activate_button.setToolTip(self.tr(
            "Родитель принёс заявление о статусе ПФ: запрос уйдёт на портал при синхронизации. Статус ПФ "
            "выдаётся, пока не исчерпана квота муниципалитета на период."))
        self.activate_button.clicked.connect(self.on_activate_button_clicked)
        self.activation_note_label = _value_label()
        self.activation_note_label.setStyleSheet(f"color: {PENDING_COLOR};")
        self.activation_error_label = _value_label()
        self.activation_error_label.setStyleSheet(ERROR_STYLE)
        activate_row = QHBoxLayout()
        activate_row.addWidget(self.activate_button)
        activate_row.addStretch(1)
        cert_layout = QVBoxLayout(self.certificate_box)
        cert_layout.addWidget(self.cert_form)
        cert_layout.addWidget(self.cert_as_of_label)
        cert_layout.addWidget(self.no_certificate_label)
        cert_layout.addLayout(activate_row)
        cert_layout.addWidget(self.activation_note_label)
        cert_layout.addWidget(self.activation_error_label)

        # --- applications and their history ---
        self.applications_box = QGroupBox(self.tr("Заявки и зачисления"))
        # Rich text rather than a tree view: long programme names and notes wrap instead of being cut.
        self.applications_label = _value_label()
        self.applications_label.setTextFormat(Qt.TextFormat.RichText)
        self.applications_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.no_applications_label = QLabel(self.tr("Заявок нет."))
        self.no_applications_label.setStyleSheet(MUTED_STYLE)
        self.memberships_label = _value_label()
        self.memberships_label.setStyleSheet(MUTED_STYLE)
        apps_layout = QVBoxLayout(self.applications_box)
        apps_layout.addWidget(self.applications_label)
        apps_layout.addWidget(self.no_applications_label)
        apps_layout.addWidget(self.memberships_label)

        self.empty_label = QLabel(self.tr("Выберите ребёнка в списке, чтобы открыть его карточку."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #666; font-size: 12pt;")

        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        head.addWidget(self.cancel_pending_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.new_application_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addLayout(head)
        layout.addWidget(self.note_label)
        layout.addWidget(self.candidates_box)
        layout.addWidget(self.other_child_box)
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.person_box)
        left.addWidget(self.guardians_box)
        left.addStretch(1)
        top.addLayout(left, 1)
        top.addWidget(self.certificate_box, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.applications_box)
        layout.addWidget(self.empty_label, 1)
        layout.addStretch(0)
        self.show_card(None)

    # --- feeding ----------------------------------------------------------------------------

    def show_card(self, card: ChildCard | None) -> None:
        self.card = card
        has = card is not None
        for widget in (
            self.title_label,
            self.new_application_button,
            self.print_button,
            self.person_box,
            self.guardians_box,
            self.certificate_box,
            self.applications_box,
        ):
            widget.setVisible(has)
        self.empty_label.setVisible(not has)
        self.cancel_pending_button.setVisible(has and card is not None and bool(card.pending_action))
        self.cancel_pending_button.setEnabled(True)
        if card is None:
            self.note_label.hide()
            self.candidates_box.hide()
            self.other_child_box.hide()
            return
        child = card.child
        self.title_label.setText(child.full_name)
        notes = []
        if child.namesakes:
            notes.append(f"{NAMESAKE_MARK} {namesake_note(child.namesakes)}")
        if card.message:
            notes.append(in_ui(card.message))
        self.note_label.setText("\n".join(notes))
        self.note_label.setVisible(bool(notes))
        self.new_application_button.setEnabled(child.state != "rejected")
        extract = self.print_actions[FORM_CERTIFICATE_EXTRACT]
        extract.setEnabled(card.certificate is not None)
        extract.setToolTip("" if card.certificate is not None else self.tr("У ребёнка нет сертификата"))

        self.birth_label.setText(ru_date(child.birth_date))
        self.snils_label.setText(child.snils or self.tr("не указан"))
        kind = title("DocumentKind", card.doc_kind) if card.doc_kind else ""
        document = " № ".join(p for p in (kind, card.doc_number) if p)
        self.document_label.setText(document or self.tr("не указан"))
        if child.state == "ambiguous" and card.pending_action:  # the choice waits to be sent
            self.state_label.setText(pending_text(card.pending_action))
            self.state_label.setStyleSheet(f"color: {PENDING_COLOR};")
        elif child.state:
            self.state_label.setText(request_state_text(child.state))
            self.state_label.setStyleSheet(ERROR_STYLE if child.state in ("ambiguous", "rejected") else "")
        else:
            self.state_label.setText(self.tr("в реестре портала"))
            self.state_label.setStyleSheet("")

        self._show_guardians(card)
        self._show_certificate(card)
        self._show_applications(card)
        self._show_candidates(card)
        self._show_other_child(card)

    def _show_guardians(self, card: ChildCard) -> None:
        if not card.guardians:
            missing = self.tr("не указан")
            self.guardians_label.setText(f"<span style='color:#555'>{missing}</span>")
            return
        parts = []
        for guardian in card.guardians:
            relation = title("Relation", guardian.relation) if guardian.relation else ""
            line = f"<b>{_html(guardian.full_name)}</b>"
            if relation:
                line += f" ({_html(relation)})"
            contacts = [c for c in (guardian.phone, guardian.email) if c]
            if contacts:
                line += "<br>" + _html(", ".join(contacts))
            parts.append(line)
        self.guardians_label.setText("<br><br>".join(parts))

    def _show_certificate(self, card: ChildCard) -> None:
        cert = card.certificate
        self.cert_form.setVisible(cert is not None)
        self.cert_as_of_label.setVisible(cert is not None)
        self.no_certificate_label.setVisible(cert is None)
        self._show_activation(card)
        if cert is None:
            if card.child.state == "registered":  # the portal tells nothing before the number
                text = self.tr("Данные сертификата придут после заявки с его номером из заявления родителя.")
            elif card.child.state:
                text = self.tr("Сертификата нет или портал ещё не прислал его данные.")
            else:
                text = self.tr("Сертификата нет.")
            self.no_certificate_label.setText(text)
            return
        self.cert_number_label.setText(cert.number)
        self.cert_status_label.setText(certificate_status_text(cert.status))
        unit = NOMINAL_UNITS.get(cert.unit, cert.unit)
        self.cert_nominal_label.setText(_amount(cert.nominal, cert.unit, unit))
        self.cert_balance_label.setText(_amount(cert.balance, cert.unit, unit))
        self.cert_reserve_label.setText(_amount(cert.reserve, cert.unit, unit))
        period = cert.period
        if period is None:
            self.cert_period_label.setText(self.tr("портал не прислал период муниципалитета"))
            self.cert_period_nominal_label.setText("—")
        else:
            state = self.tr("открыт") if period.status == PERIOD_OPEN else self.tr("закрыт")
            self.cert_period_label.setText(
                self.tr("%1, %2–%3 (%4)").replace("%1", period.municipality)
                .replace("%2", ru_date(period.date_from)).replace("%3", ru_date(period.date_to))
                .replace("%4", state))
            self.cert_period_nominal_label.setText(
                _amount(period.nominal, period.unit, NOMINAL_UNITS.get(period.unit, period.unit)))
        if cert.as_of is not None:
            self.cert_as_of_label.setText(self.tr("по данным на %1").replace("%1", ru_datetime(cert.as_of)))
        else:
            self.cert_as_of_label.setText(self.tr("по данным последней синхронизации"))

    def _show_activation(self, card: ChildCard) -> None:
        """«Запросить ПФ» for a certificate of учёт; while a request waits, what happens to it."""
        cert = card.certificate
        wanted = cert is not None and cert.status != CERT_PF and card.child.child_id is not None
        pending = cert is not None and cert.activation_pending
        self.activate_button.setVisible(wanted and not pending)
        self.activate_button.setEnabled(True)
        self.activation_note_label.setVisible(pending)
        self.activation_note_label.setText(self.tr(
            "Запрос ПФ уйдёт на портал при синхронизации; ответ придёт в эту карточку, отказ — в «Требует "
            "внимания».") if pending else "")
        if self.activation_error_label.property("child_key") != card.child.key:
            self.show_activation_error("")
        self.activation_error_label.setProperty("child_key", card.child.key)

    def show_activation_error(self, message: str) -> None:
        """Why «Запросить ПФ» was refused on the spot (the rule's words), under the button."""
        self.activation_error_label.setText(message)
        self.activation_error_label.setVisible(bool(message))
        self.activate_button.setEnabled(True)

    def on_activate_button_clicked(self) -> None:
        if self.card is not None and self.activate_button.isEnabled():
            self.activate_button.setEnabled(False)  # no second request while this one is saved
            self.activation_requested.emit(self.card.child.key)

    def _show_applications(self, card: ChildCard) -> None:
        blocks = []
        for app in card.applications:
            head = f"<b>{_html(app.group_name)}</b>"
            if app.program_name:
                head += f" — {_html(app.program_name)}"
            color = PENDING_COLOR if app.pending_action else STATUS_COLOR.get(app.status, "#333333")
            details = [self.tr("с %1").replace("%1", ru_date(app.start_date))]
            if app.end_date is not None:
                details.append(self.tr("по %1").replace("%1", ru_date(app.end_date)))
            if app.number:
                details.append(self.tr("заявка № %1").replace("%1", app.number))
            if app.order_number:
                details.append(
                    self.tr("приказ № %1 от %2")
                    .replace("%1", app.order_number)
                    .replace("%2", ru_date(app.order_date))
                )
            split = contract_split(app.price_total, app.certificate_part, app.parent_part, app.registry)
            if split:
                details.append(self.tr("договор %1").replace("%1", split))
            if app.reason_text:
                details.append(app.reason_text)
            status = f"<b style='color:{color}'>{_html(status_cell(app))}</b>"
            lines = [f"{head}<br>{status} · {_html(' · '.join(details))}"]
            rows = []
            for event in card.history.get(app.uid, ()):
                style = f" style='color:{PENDING_COLOR}; font-style:italic'" if event.pending else ""
                cells = (ru_datetime(event.at), history_status(event), in_ui(event.note))
                rows.append(
                    f"<tr{style}>"
                    + "".join(f"<td style='padding-right:10px'>{_html(c)}</td>" for c in cells)
                    + "</tr>"
                )
            if rows:
                lines.append(f"<table style='margin-left:14px; color:#444'>{''.join(rows)}</table>")
            blocks.append("".join(lines))
        self.applications_label.setText("<hr>".join(blocks))
        self.applications_label.setVisible(bool(card.applications))
        self.no_applications_label.setVisible(not card.applications)
        memberships = [
            self.tr("%1: с %2%3 (%4)")
            .replace("%1", name)
            .replace("%2", ru_date(date_from))
            .replace("%3", self.tr(" по %1").replace("%1", ru_date(date_to)) if date_to else "")
            .replace("%4", title("MembershipStatus", status))
            for name, date_from, date_to, status in card.memberships
        ]
        self.memberships_label.setText(
            self.tr("В журналах групп: %1").replace("%1", "; ".join(memberships)) if memberships else ""
        )
        self.memberships_label.setVisible(bool(memberships))

    def _show_candidates(self, card: ChildCard) -> None:
        for frame in self.candidate_frames:
            self.candidates_grid.removeWidget(frame)
            frame.hide()  # at once: deleteLater() waits for the event loop
            frame.setParent(None)
            frame.deleteLater()
        self.candidate_frames = []
        ambiguous = card.child.state == "ambiguous" and card.child.request_uid is not None
        self.candidates_box.setVisible(ambiguous)
        if not ambiguous:
            return
        child = card.child
        self.candidates_intro.setText(
            self.tr(
                "Вы ввели: %1, дата рождения %2, СНИЛС %3. Сверьте дату рождения, сертификат и СНИЛС "
                "с документами и выберите этого ребёнка — или создайте нового."
            )
            .replace("%1", child.full_name)
            .replace("%2", ru_date(child.birth_date))
            .replace("%3", child.snils or self.tr("не указан"))
        )
        columns = max(1, min(3, len(card.candidates)))
        for position, candidate in enumerate(card.candidates):
            frame = CandidateFrame(candidate, self._on_candidate_chosen)
            self.candidates_grid.addWidget(frame, position // columns, position % columns)
            self.candidate_frames.append(frame)
        # A choice already waits to be sent: no second one (cancel it first to choose again).
        self._choice_locked = bool(card.pending_action)
        self.set_busy(False)

    def _show_other_child(self, card: ChildCard) -> None:
        child = card.child
        shown = (
            child.request_uid is not None
            and child.state in ("registered", "rejected")
            and not card.pending_action
        )
        self.other_child_box.setVisible(shown)
        self.resend_error_label.hide()
        self.resend_snils_edit.setStyleSheet("font-weight: normal;")
        if not shown:
            return
        if child.state == "rejected":
            intro = self.tr(
                "Исправьте СНИЛС по документу ребёнка, если нужно, и отправьте запрос снова."
            )
        elif child.snils:
            intro = self.tr(
                "В запросе был СНИЛС %1. Если в нём ошибка, укажите верный СНИЛС и отправьте запрос "
                "снова: по другому СНИЛС портал отличит ребёнка от записи в реестре."
            ).replace("%1", child.snils)
        else:
            intro = self.tr(
                "Если в реестре другой ребёнок с такими же ФИО и датой рождения, укажите СНИЛС вашего "
                "ребёнка и отправьте запрос снова: по СНИЛС портал отличит его и создаст новую запись."
            )
        self.other_child_intro.setText(intro)
        if self.resend_snils_edit.property("request_uid") != child.request_uid:
            self.resend_snils_edit.setProperty("request_uid", child.request_uid)
            self.resend_snils_edit.clear()

    def show_resend_error(self, message: str) -> None:
        """The service's or the portal's word on the СНИЛС, right under the field."""
        self.resend_error_label.setText(message)
        self.resend_error_label.setVisible(bool(message))
        self.resend_snils_edit.setStyleSheet(
            "font-weight: normal; border: 1px solid #b00020;" if message else "font-weight: normal;"
        )
        if message:
            self.resend_snils_edit.setFocus()

    # --- actions ------------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        """While a choice is being saved: no double clicks (and none while a choice waits)."""
        enabled = not busy and not self._choice_locked
        for frame in self.candidate_frames:
            frame.choose_button.setEnabled(enabled)
        self.new_child_button.setEnabled(enabled)
        self.cancel_pending_button.setEnabled(not busy)
        self.resend_button.setEnabled(not busy)

    def _on_candidate_chosen(self, child_id: int) -> None:
        if self.card is not None and self.card.child.request_uid:
            self.resolve_requested.emit(self.card.child.request_uid, child_id)

    def on_new_child_button_clicked(self) -> None:
        if self.card is not None and self.card.child.request_uid:
            self.resolve_requested.emit(self.card.child.request_uid, None)

    def on_resend_snils_edit_text_edited(self, _text: str) -> None:
        """Once a message is shown it follows the typing (gone as soon as the СНИЛС is right); an
        unfinished СНИЛС gets no message while it is being typed."""
        if self.resend_error_label.isVisible():
            edit = self.resend_snils_edit
            self.show_resend_error("" if edit.state() == SNILS_PARTIAL else edit.problem())

    def on_resend_button_clicked(self) -> None:
        if self.card is None or not self.card.child.request_uid or not self.resend_button.isEnabled():
            return
        edit = self.resend_snils_edit
        if edit.state() == SNILS_EMPTY:
            self.show_resend_error(
                self.tr("Укажите СНИЛС ребёнка по документу: 11 цифр, например 123-456-789 01.")
            )
            return
        if problem := edit.problem():
            self.show_resend_error(problem)
            return
        self.show_resend_error("")
        self.resend_requested.emit(self.card.child.request_uid, edit.snils())

    def on_cancel_pending_button_clicked(self) -> None:
        if self.card is not None and self.card.pending_action:
            self.cancel_pending_requested.emit(self.card.child.key)

    def on_new_application_button_clicked(self) -> None:
        if self.card is not None:
            self.new_application_requested.emit(self.card.child)

    def _on_print_chosen(self, form: str) -> None:
        if self.card is not None:
            self.print_requested.emit(form, self.card.child.key)


def history_status(event: HistoryRow) -> str:
    """A history line's status in Russian (a pending line says what waits in its note)."""
    return status_text(event.status)


def _amount(value: object, unit_code: str, unit: str) -> str:
    if not isinstance(value, Decimal):
        return str(value)
    if unit_code == "rub":
        return format_rub(value)
    return f"{value.normalize():f} {unit}"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
