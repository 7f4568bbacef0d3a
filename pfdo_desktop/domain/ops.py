"""Names and ids of the operations a PC sends to the portal (shared by services and sync)."""

from __future__ import annotations

import os
import time
import uuid

OP_MARK_SET = "mark.set"
OP_MARK_CLEAR = "mark.clear"
OP_KINDS = (OP_MARK_SET, OP_MARK_CLEAR)


def new_op_id() -> str:
    """A time-ordered unique id (uuid7 layout): neighbouring ops share a prefix on the wire."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80 | rand
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    return str(uuid.UUID(int=value))
