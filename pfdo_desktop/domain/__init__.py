"""The rulebook: pure functions over plain values, shared by the desktop and the portal.

Nothing here imports anything outside the standard library.
"""
