"""Names and ids of the operations a PC sends to the portal (shared by services and sync)."""

from __future__ import annotations

import os
import time
import uuid

OP_MARK_SET = "mark.set"
OP_MARK_CLEAR = "mark.clear"
# A lesson's state (issue 12, domain.lessons): held, cancelled by the provider, or moved; like a
# mark, one value per lesson where the later edit wins (coalesced in the outbox, not a command).
OP_LESSON_STATE = "lesson.state"
# A lesson's theme (КТП, domain.lesson_themes): one value per lesson where the later edit wins, like a
# mark (coalesced in the outbox, not a command); an empty theme clears it.
OP_LESSON_THEME = "lesson.theme"

# Commands: the school proposes, the portal decides (never coalesced in the outbox, unlike marks).
OP_CHILD_CREATE = "child.create"  # a new child + certificate request (the school as authorised org)
OP_CHILD_RESOLVE = "child.resolve"  # the operator's choice after an «ambiguous» answer
OP_APP_CREATE = "application.create"
OP_APP_CONFIRM = "application.confirm"
OP_APP_REJECT = "application.reject"
OP_APP_WITHDRAW = "application.withdraw"
OP_APP_ENROL = "application.enrol"
OP_APP_EXPEL = "application.expel"
OP_APP_TRANSFER = "application.transfer"
OP_APP_TERMINATE = "application.terminate"

OP_PROGRAM_SUBMIT = "program.submit"  # a card (new or a new revision) to the portal's moderation
OP_GROUP_SAVE = "group.save"  # a group and its schedule, created or changed (validated, no moderation)

# The monthly money (issue 12, docs/payment.md): the provider's figures, recomputed and decided by
# the portal (accepted only when they agree to the kopeck).
OP_MONTH_ADVANCE = "month.advance"  # the advance request for a month
OP_MONTH_INVOICE = "month.invoice"  # the invoice for a month with its annex

# A certificate's ПФ status on the parent's application (issue 17 §1, domain.certificate_periods).
OP_CERTIFICATE_ACTIVATE = "certificate.activate"

MARK_KINDS = (OP_MARK_SET, OP_MARK_CLEAR)
LESSON_KINDS = (OP_LESSON_STATE,)
THEME_KINDS = (OP_LESSON_THEME,)
PROGRAM_KINDS = (OP_PROGRAM_SUBMIT, OP_GROUP_SAVE)
CHILD_KINDS = (OP_CHILD_CREATE, OP_CHILD_RESOLVE)
APPLICATION_KINDS = (
    OP_APP_CREATE,
    OP_APP_CONFIRM,
    OP_APP_REJECT,
    OP_APP_WITHDRAW,
    OP_APP_ENROL,
    OP_APP_EXPEL,
    OP_APP_TRANSFER,
    OP_APP_TERMINATE,
)
MONEY_KINDS = (OP_MONTH_ADVANCE, OP_MONTH_INVOICE)
CERTIFICATE_KINDS = (OP_CERTIFICATE_ACTIVATE,)
COMMAND_KINDS = (*CHILD_KINDS, *APPLICATION_KINDS, *PROGRAM_KINDS, *MONEY_KINDS, *CERTIFICATE_KINDS)
OP_KINDS = (*MARK_KINDS, *LESSON_KINDS, *THEME_KINDS, *COMMAND_KINDS)


def new_uid() -> str:
    """A client-made id of a new record (application, child request): time-ordered like op ids."""
    return new_op_id()


def new_op_id() -> str:
    """A time-ordered unique id (uuid7 layout): neighbouring ops share a prefix on the wire."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80 | rand
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    return str(uuid.UUID(int=value))
