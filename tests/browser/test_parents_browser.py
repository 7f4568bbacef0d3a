"""The parents' navigator in a real browser (issue 17, part 2): Debian's chromium driven by its
chromium-driver through Selenium against the live portal (EmbeddedPortal on 127.0.0.1) — search
with filters, open a programme, log in with a one-time code, apply, and see the status change
after the provider's PC synced and confirmed. One browser for the module. The district is the
demo one on SQLite, or on PostgreSQL when PFDO_PORTAL_TEST_DB is set; the PC is enrolled and
synced with it first, as a school's would be.

Screenshots of the main pages (a desktop and a phone width) are kept in tests/out/browser/ (the
path is printed); the phone pages must not scroll sideways."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from sqlalchemy import create_engine, make_url, text

from pfdo_portal import admin, db, parents
from pfdo_portal.embedded import EmbeddedPortal
from pfdo_portal.seed import seed_demo

SHOTS = Path(__file__).resolve().parents[1] / "out" / "browser"
TODAY = date.today()  # the root fixtures' district is seeded for the real today
BORN = date(TODAY.year - 10, 3, 10)
DESKTOP = (1280, 900)
PHONE = (390, 844)
PG_URL = os.environ.get("PFDO_PORTAL_TEST_DB")


@dataclass
class District:
    url: str  # the live portal
    db_url: str
    ws: Any  # the provider's PC (Workspace), enrolled and synced
    provider_id: int


def _pg(sql: str) -> None:
    engine = create_engine(PG_URL or "", isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


@pytest.fixture
def district(tmp_path: Path, seeded_portal_template: Path, workspace) -> Iterator[District]:
    """The demo district (seeded for today) served on 127.0.0.1, and the demo provider's PC."""
    name = ""
    if PG_URL:
        name = "t_" + uuid.uuid4().hex[:12]
        _pg(f"CREATE DATABASE {name}")
        db_url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
        seed_demo(db_url, "demo")
    else:
        shutil.copyfile(seeded_portal_template, tmp_path / "portal.sqlite3")
        db_url = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    try:
        with EmbeddedPortal(db_url) as portal:
            provider_id = admin.list_providers(db_url)[0].id
            workspace.enrol(portal.url, admin.issue_code(db_url, provider_id))
            workspace.sync()
            yield District(portal.url, db_url, workspace, provider_id)
    finally:
        if name:
            _pg(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _find(*names: str) -> str:
    for name in names:
        if path := shutil.which(name):
            return path
    raise AssertionError(
        f"{' / '.join(names)} is not installed: python3 bootstrap.py test installs "
        "Debian's chromium and chromium-driver"
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = Options()
    options.binary_location = _find("chromium", "chromium-browser")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--lang=ru-RU",
        f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(_find("chromedriver")))
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {SHOTS}")
    yield driver
    driver.quit()


def _shot(driver: webdriver.Chrome, name: str, size: tuple[int, int] = DESKTOP) -> None:
    """A screenshot of the whole page at this width (the window grows to the page's height)."""
    driver.set_window_size(*size)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(size[0], min(max(height + 140, size[1]), 2400))
    assert driver.save_screenshot(str(SHOTS / f"{name}.png"))
    if size == PHONE:  # one column: nothing wider than the phone
        wide, view = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert wide <= view, f"{name}: the page is {wide} px wide on a {view} px phone"
    driver.set_window_size(*DESKTOP)


def _text(driver: webdriver.Chrome) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def _certified_group(db_url: str, provider_id: int) -> tuple[int, int]:
    """(programme, group) of the demo provider: certified, open now, for a ten-year-old."""
    from pfdo_desktop.domain.ages import age_in_months

    engine = db.make_engine(db_url)
    g, pr = db.groups.c, db.programs.c
    with engine.connect() as conn:
        rows = conn.execute(
            db.groups.select()
            .with_only_columns(
                g.id, g.program_id, g.date_from, g.date_to, pr.age_from_months, pr.age_to_months
            )
            .select_from(db.groups.join(db.programs, pr.id == g.program_id))
            .where(pr.registry == "certified", g.provider_id == provider_id)
            .order_by(g.id)
        ).all()
    engine.dispose()
    for r in rows:
        if (
            r.date_from <= TODAY <= r.date_to
            and r.age_from_months <= age_in_months(BORN, TODAY) <= r.age_to_months
        ):
            return int(r.program_id), int(r.id)
    raise AssertionError("the demo provider has no certified group open for a ten-year-old")


def test_a_parent_finds_applies_and_sees_the_provider_s_decision(browser, district):
    driver = browser
    ws: Any = district.ws
    portal_url, portal_db, demo_provider_id = district.url, district.db_url, district.provider_id
    # A page being replaced leaves stale elements behind: a wait reads them again.
    wait = WebDriverWait(
        driver, 20, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)
    )
    # Search with filters.
    driver.get(portal_url + "/catalog")
    assert driver.title.startswith("Каталог программ")
    _shot(driver, "catalog")
    _shot(driver, "catalog-phone", PHONE)
    Select(driver.find_element(By.ID, "pay")).select_by_value("certificate")
    driver.find_element(By.ID, "age").send_keys("10")
    driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    wait.until(lambda d: "pay=certificate" in d.current_url)
    cards = wait.until(lambda d: [c.text for c in d.find_elements(By.CSS_SELECTOR, "li.card")] or None)
    assert all("сертифицированные" in c for c in cards)
    # A programme's page.
    program_id, group_id = _certified_group(portal_db, demo_provider_id)
    link = driver.find_element(By.CSS_SELECTOR, f"a[href='/catalog/program/{program_id}']")
    name = link.text
    link.click()
    wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text == name)
    assert "сертификат оплатит до" in _text(driver) and "Свободно мест" in _text(driver)
    _shot(driver, "program")
    _shot(driver, "program-phone", PHONE)
    # Log in with a one-time code.
    child, _number = admin.add_child(
        portal_db, "Браузерова", "Вера", "Андреевна", BORN, certificate_status="pf", nominal="45000.00"
    )
    engine = db.make_engine(portal_db)
    code = parents.issue_code(engine, [child], []).code
    engine.dispose()
    driver.find_element(By.LINK_TEXT, "Войти").click()
    wait.until(lambda d: d.find_elements(By.ID, "code"))
    _shot(driver, "login-phone", PHONE)
    driver.find_element(By.ID, "code").send_keys(code.lower().replace("-", " "))  # as a parent types it
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(lambda d: d.current_url.endswith("/catalog/parent"))
    wait.until(lambda d: "Браузерова Вера Андреевна" in _text(d))
    assert "Заявок нет" in _text(driver)
    # Apply: the pre-check, then «Отправить заявку».
    driver.get(f"{portal_url}/catalog/program/{program_id}")
    driver.find_element(By.CSS_SELECTOR, f"a[href='/catalog/apply?group={group_id}']").click()
    wait.until(lambda d: "Проверка по правилам" in _text(d))
    assert "Ребёнок подходит по правилам программы" in _text(driver) and "Сертификат оплатит" in _text(driver)
    _shot(driver, "apply")
    _shot(driver, "apply-phone", PHONE)
    driver.find_element(By.XPATH, "//button[normalize-space()='Отправить заявку']").click()
    wait.until(lambda d: "отправлена в организацию" in _text(d))
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "span.status").text == "новая")
    _shot(driver, "parent-new")
    # The provider's PC syncs, confirms offline, syncs; the parent reloads the page.
    ws.sync()
    (online,) = admin.list_applications(portal_db, child_id=child)
    (row,) = [a for a in ws.applications(status="new") if a.uid == online["id"]]
    assert (row.source, row.group_id) == ("portal", group_id)
    ws.confirm_application(row.uid, TODAY)
    ws.sync()
    driver.refresh()
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "span.status").text == "подтверждена")
    assert "сертификат" in driver.find_element(By.CSS_SELECTOR, "table.apps").text
    assert "отправлена в организацию" not in _text(driver)  # the decision, not the old notice
    _shot(driver, "parent-confirmed")
    _shot(driver, "parent-confirmed-phone", PHONE)
