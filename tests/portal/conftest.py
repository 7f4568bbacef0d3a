"""Fixtures for the portal tests: a fresh database per test (SQLite file, or a PostgreSQL schema
when PFDO_PORTAL_TEST_DB is set), the portal on a real socket, enrolled devices."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from portal_helpers import PG_URL, TODAY, Device, client_headers
from sqlalchemy import create_engine, make_url, text

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal
from pfdo_portal.seed import DEMO_SEED, SeedSummary, seed_demo


def _pg_schema_url() -> tuple[str, str]:
    schema = "t_" + uuid.uuid4().hex[:12]
    sep = "&" if "?" in PG_URL else "?"
    return schema, f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def empty_db_url(tmp_path) -> Iterator[str]:
    """A fresh, empty portal database for one test."""
    if not PG_URL:
        yield f"sqlite:///{tmp_path / 'portal.db'}"
        return
    schema, url = _pg_schema_url()
    admin_engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield url
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin_engine.dispose()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> tuple[Path, SeedSummary]:
    path = tmp_path_factory.mktemp("template") / "portal.db"
    summary = seed_demo(f"sqlite:///{path}", "demo", today=TODAY, seed=DEMO_SEED)
    return path, summary


def _pg_database_url(name: str) -> str:
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _pg_admin(sql: str) -> None:
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[tuple[str, SeedSummary]]:
    """The demo district seeded once per test process into a database of its own, which each test
    copies (``CREATE DATABASE … TEMPLATE``: a file copy, ≈ 10× faster than seeding again)."""
    name = f"pfdo_tpl_{os.getpid()}"
    _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _pg_admin(f"CREATE DATABASE {name}")
    summary = seed_demo(_pg_database_url(name), "demo", today=TODAY, seed=DEMO_SEED)
    # A template is copied only while nobody is connected to it.
    _pg_admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
              f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")
    yield name, summary
    _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def _seeded_pair(request, tmp_path) -> Iterator[tuple[str, SeedSummary]]:
    if PG_URL:
        template, pg_summary = request.getfixturevalue("_pg_template")
        name = "t_" + uuid.uuid4().hex[:12]
        _pg_admin(f"CREATE DATABASE {name} TEMPLATE {template}")
        try:
            yield _pg_database_url(name), pg_summary
        finally:
            _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        return
    path, summary = request.getfixturevalue("_sqlite_template")
    target = tmp_path / "portal.db"
    shutil.copyfile(path, target)
    yield f"sqlite:///{target}", summary


@pytest.fixture
def db_url(_seeded_pair) -> str:
    """A portal database with the demo district (DEMO_SEED, today = TODAY), fresh per test."""
    return _seeded_pair[0]


@pytest.fixture
def seeded(_seeded_pair) -> SeedSummary:
    return _seeded_pair[1]


@pytest.fixture
def portal(db_url) -> Iterator[EmbeddedPortal]:
    """The portal on a real socket; its «today» is TODAY, the day the district was seeded for."""
    with EmbeddedPortal(db_url, settings=PortalSettings(today=TODAY)) as running:
        yield running


@pytest.fixture
def http(portal) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers(), timeout=20) as c:
        yield c


@pytest.fixture
def enrol(portal, db_url) -> Iterator[Any]:
    clients: list[httpx.Client] = []

    def _enrol(provider_id: int) -> Device:
        code = admin.issue_code(db_url, provider_id)
        with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers()) as c:
            r = c.post(
                "/device/enrol",
                json={"code": code, "db_uuid": uuid.uuid4().hex, "app_version": "0.1.0"},
            )
        assert r.status_code == 200, r.text
        body = r.json()
        client = httpx.Client(
            base_url=portal.url + p.API_PREFIX, headers=client_headers(body["token"]), timeout=30
        )
        clients.append(client)
        return Device(client, body["device_id"], body["token"], body["provider_id"])

    yield _enrol
    for c in clients:
        c.close()


@pytest.fixture
def device(seeded, enrol) -> Device:
    return enrol(seeded.demo_provider_id)
