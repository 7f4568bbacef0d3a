"""The provider's money documents on this PC (issue 12): the advance requests and invoices sent to
the portal with ``month.advance`` / ``month.invoice``, and what the portal decided of them.

A row is made here when the operator sends a document (status ``draft`` while its command waits in
the outbox or after the portal refused it), and takes the portal's record (``protocol.InvoiceRecord``)
from the command's answer and from the own stream's entity ``invoice`` — also the documents the
provider's other PCs sent. Keyed by the document's uid (made where it was sent).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Money, UtcDateTime

MONEY_DRAFT = "draft"  # on this PC only: waiting in the outbox, or refused by the portal
MONEY_SENT = "sent"
MONEY_ACCEPTED = "accepted"
MONEY_RETURNED = "returned"
MONEY_PAID = "paid"
# A document that stands on the portal: the month has it, a second one is refused.
MONEY_STANDING = (MONEY_SENT, MONEY_ACCEPTED, MONEY_PAID)


class MoneyDocument(Base):
    __tablename__ = "money_document"
    uid: Mapped[str] = mapped_column(String(40), primary_key=True)
    portal_id: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # advance | invoice
    month: Mapped[str] = mapped_column(String(7))  # «ГГГГ-ММ»
    payer: Mapped[str] = mapped_column(Text, default="")
    number: Mapped[str] = mapped_column(String(40), default="")  # the portal's
    status: Mapped[str] = mapped_column(String(16), default=MONEY_DRAFT)
    reason: Mapped[str] = mapped_column(Text, default="")  # the payer's reason of a return
    refused_code: Mapped[str] = mapped_column(String(32), default="")  # the portal's refusal of a draft
    refused_text: Mapped[str] = mapped_column(Text, default="")
    percent: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    base: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    total: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    advance: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    to_pay: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    advance_excess: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)  # made (here or on the PC that sent it)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)  # the portal took it
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    __table_args__ = (Index("ix_money_document_month", "month", "kind"),)
