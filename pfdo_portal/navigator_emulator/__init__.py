"""A test double of the «Навигатор дополнительного образования» admin API (Inlearno).

Most regions do not run our reference portal but the Navigator, whose admin pages talk to a JSON
API that schools' own scripts already use. We do not own that system, so this package imitates
the subset the connector (``pfdo_desktop/sync/navigator_client.py``) calls, with its quirks, and
``docs/navigator.md`` says call by call what it does and where each fact comes from.

It is its own FastAPI application over its own database (``schema.py``), seeded from the demo
district the reference portal uses (``seeding.py``), served by ``pfdo-portal navigator-emulator``
or, in tests, by ``EmbeddedNavigator`` (``server.py``).
"""
