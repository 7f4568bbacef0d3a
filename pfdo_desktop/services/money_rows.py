"""What the «Оплата» screen shows of a money document (issue 12): light on purpose — the UI imports
it through ``workspace_types`` before the ORM is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pfdo_desktop.domain.said import said, term

KIND_ADVANCE = "advance"
KIND_INVOICE = "invoice"
KINDS_RU = {KIND_ADVANCE: "Заявка на аванс", KIND_INVOICE: "Счёт"}
STATUSES_RU = {"draft": "черновик", "sent": "отправлен", "accepted": "принят", "returned": "возвращён",
               "paid": "оплачен"}
# «заявка» is feminine: «заявка на аванс отправлена / принята / возвращена / оплачена»
ADVANCE_STATUSES_RU = {**STATUSES_RU, "sent": "отправлена", "accepted": "принята", "returned": "возвращена",
                       "paid": "оплачена"}


@dataclass(frozen=True, slots=True)
class MoneyDocumentRow:
    """An advance request or an invoice of the month and where it stands: ``draft`` (on this PC:
    ``queued`` while its command waits in the outbox, else refused by the portal with
    ``refused_text``), ``sent``, ``accepted``, ``returned`` (the payer's ``reason``), ``paid``."""

    uid: str
    kind: str
    month: tuple[int, int]
    payer: str
    number: str
    status: str
    reason: str
    refused_text: str
    queued: bool
    total: Decimal  # the invoice's total / the advance's amount
    advance: Decimal
    to_pay: Decimal
    lines: int
    sent_on: date | None
    decided_on: date | None
    paid_on: date | None

    @property
    def status_text(self) -> str:
        """«черновик — ждёт отправки», «отправлен», «возвращён: …», «оплачен 10.12.2026»."""
        if self.status == "draft":
            if self.queued:
                return said("money.draft_queued", "черновик — ждёт отправки на портал")
            if self.refused_text:
                return said("money.draft_refused", f"черновик — портал не принял: {self.refused_text}",
                            why=self.refused_text)
            return term("MoneyStatus", "черновик")
        words = ADVANCE_STATUSES_RU if self.kind == KIND_ADVANCE else STATUSES_RU
        text = term("MoneyStatus", words.get(self.status, self.status))
        if self.status == "returned" and self.reason:
            return said("money.status_because", f"{text}: {self.reason}", status=text, why=self.reason)
        if self.status == "paid" and self.paid_on is not None:
            return said("money.status_on", f"{text} {self.paid_on:%d.%m.%Y}", status=text, day=self.paid_on)
        if self.status == "accepted" and self.decided_on is not None:
            return said(
                "money.status_on", f"{text} {self.decided_on:%d.%m.%Y}", status=text, day=self.decided_on)
        return text

    @property
    def title(self) -> str:
        """«Счёт № С-12-2026-11», «Заявка на аванс» (no number before the portal gives one)."""
        head = KINDS_RU.get(self.kind, self.kind)
        return f"{head} № {self.number}" if self.number else head
