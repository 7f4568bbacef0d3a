"""Fixtures of the enrolment service tests."""

from __future__ import annotations

import pytest
from enrolment_data import Registry, seed


@pytest.fixture
def reg(workspace) -> Registry:
    """A small local registry (``enrolment_data.seed``) in a fresh workspace."""
    return seed(workspace)
