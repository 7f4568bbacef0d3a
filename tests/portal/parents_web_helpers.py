"""Helpers of the parents' navigator tests: a parent's browser-like HTTP client (cookies, CSRF
tokens taken from the pages), the demo district's groups, the page's text."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date

import httpx
from sqlalchemy import select

from pfdo_desktop.domain.ages import age_in_months
from pfdo_portal import db, parents

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def text_of(page: str) -> str:
    """What a reader sees: the tags dropped, the entities read, the spaces folded."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page))).strip()


def csrf_of(page: str) -> str:
    found = CSRF.search(page)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def code_for(db_url: str, *child_ids: int) -> str:
    engine = db.make_engine(db_url)
    try:
        return parents.issue_code(engine, list(child_ids), []).code
    finally:
        engine.dispose()


@dataclass
class Parent:
    """A parent's browser: its cookies live in the client."""

    http: httpx.Client

    def login(self, code: str) -> httpx.Response:
        page = self.http.get("/catalog/login")
        return self.http.post("/catalog/login", data={"csrf": csrf_of(page.text), "code": code})

    def apply(self, child_id: int, group_id: int, start: date) -> httpx.Response:
        page = self.http.get(
            "/catalog/apply", params={"group": group_id, "child": child_id, "start": start.isoformat()}
        )
        assert page.status_code == 200, text_of(page.text)
        return self.http.post(
            "/catalog/apply",
            data={
                "csrf": csrf_of(page.text),
                "group": group_id,
                "child": child_id,
                "start": start.isoformat(),
            },
        )

    def cabinet(self) -> str:
        r = self.http.get("/catalog/parent")
        assert r.status_code == 200, r.status_code
        return text_of(r.text)


def parent_client(base_url: str) -> Parent:
    return Parent(httpx.Client(base_url=base_url, timeout=20, follow_redirects=False))


def open_group(db_url: str, registry: str, born: date, start: date) -> int:
    """A group of a published programme of ``registry`` open on ``start`` for a child born ``born``."""
    engine = db.make_engine(db_url)
    g, pr = db.groups.c, db.programs.c
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(g.id, g.date_from, g.date_to, pr.age_from_months, pr.age_to_months)
                .select_from(db.groups.join(db.programs, pr.id == g.program_id))
                .where(pr.registry == registry, pr.status == "published")
                .order_by(g.id)
            ).all()
    finally:
        engine.dispose()
    age = age_in_months(born, start)
    for r in rows:
        if r.date_from <= start <= r.date_to and r.age_from_months <= age <= r.age_to_months:
            return int(r.id)
    raise AssertionError(f"no open {registry} group for a child born {born}")
