"""Benchmarks of PFDO Desktop (issue #2). Run: ``.venv/bin/python -m benchmarks``."""
