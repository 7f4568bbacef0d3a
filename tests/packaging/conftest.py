"""The .deb is a Linux package: its tests are collected on Linux only (absent elsewhere, not
skipped)."""

import sys

LINUX = sys.platform.startswith("linux")
collect_ignore = [] if LINUX else ["test_packaging_deb.py"]


def pytest_collection_modifyitems(config, items):
    if not LINUX:
        items[:] = [item for item in items if "deb" not in item.name]
