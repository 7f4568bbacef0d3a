"""Soak tests: hundreds of rounds of kill -9 and of random faults against the real portal. Marked
``slow``: excluded from the default run, run with ``python3 bootstrap.py test -m slow``.

PFDO_SOAK_ROUNDS sets the rounds of each test (default 200: what the product promises survives),
PFDO_SOAK_SEED the random seed (default: a new one, printed by a failing test to replay it)."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))  # fault_proxy
pytest.register_assert_rewrite("soak_helpers")  # its failed checks say what differed


@pytest.fixture
def rng() -> random.Random:
    seed = int(os.environ.get("PFDO_SOAK_SEED") or random.randrange(2**32))
    print(f"PFDO_SOAK_SEED={seed}")  # shown with a failure: replay the same rounds with it
    return random.Random(seed)
