"""The connector's HTTP layer against the Navigator emulator on a real socket (issue 16).

Each test is something an operator would notice: a wrong password said in Russian, a sync that
survives the Navigator's token expiry, a refusal shown in the Navigator's own words, all 60
children of a big group with their marks, a mark that is really there afterwards, another
school's group kept out, and no more than the polite number of requests at once.
"""

from __future__ import annotations

import logging
from datetime import date

import keyring
import pytest

from pfdo_desktop.sync import credentials
from pfdo_desktop.sync.client import Cancelled
from pfdo_desktop.sync.navigator_client import (
    USER_AGENT,
    MarkCell,
    NavigatorAccountLocked,
    NavigatorClient,
    NavigatorCredentials,
    NavigatorForbidden,
    NavigatorLoginFailed,
    NavigatorRefusal,
    NavigatorSettings,
    day_marks,
)

pytestmark = pytest.mark.usefixtures("navigator")


def _client(navigator, db_uuid: str, account: int = 0, **settings) -> NavigatorClient:
    return NavigatorClient(navigator.url, navigator.accounts[account].email, db_uuid=db_uuid,
                           settings=NavigatorSettings(**settings) if settings else None)


def _october(client: NavigatorClient) -> tuple[dict, date]:
    group = client.groups()[0]
    return group, date(int(group["date_start"][:4]), 10, 1)


def test_login_keeps_the_password_and_tokens_in_the_keyring_and_names_the_product(navigator, db_uuid):
    account = navigator.accounts[0]
    with _client(navigator, db_uuid) as client:
        user = client.login(account.password)
        groups = client.groups()
    assert user["partner_id"] == str(account.partner_id)
    assert len(groups) == 8 and {g["partner_id"] for g in groups} == {account.partner_id}
    stored = NavigatorCredentials(db_uuid)
    assert stored.load_password() == account.password
    tokens = stored.load_tokens()
    assert tokens is not None and tokens.access_token and tokens.access_token not in repr(tokens)
    # Beside the device token of the reference portal, under keys of its own.
    assert keyring.get_password(credentials.SERVICE, f"device-token:{db_uuid}") is None
    assert navigator.control.user_agents == {USER_AGENT}
    assert USER_AGENT.startswith("PFDO-Desktop/")


def test_a_wrong_password_is_refused_in_russian_and_never_stored(navigator, db_uuid):
    with _client(navigator, db_uuid) as client, pytest.raises(NavigatorLoginFailed) as refused:
        client.login("не-тот-пароль")
    assert "Неверный логин или пароль" in refused.value.message
    assert "Проверьте" in refused.value.message
    assert NavigatorCredentials(db_uuid).load_password() is None
    assert NavigatorCredentials(db_uuid).load_tokens() is None


def test_a_locked_account_is_said_so_at_login_and_in_the_middle_of_work(navigator, db_uuid):
    account = navigator.accounts[0]
    with _client(navigator, db_uuid) as client:
        client.login(account.password)
        navigator.control.lock_account(account.email)
        with pytest.raises(NavigatorAccountLocked) as mid_work:
            client.groups()
        with pytest.raises(NavigatorAccountLocked) as at_login:
            client.login(account.password)
    for refused in (mid_work.value, at_login.value):
        assert "заблокирована" in refused.message and "администратор" in refused.message


def test_token_expiry_mid_sequence_is_renewed_without_the_operator(navigator, db_uuid):
    account = navigator.accounts[0]
    with _client(navigator, db_uuid) as client:
        client.login(account.password)
        group, month = _october(client)
        before = client.members(group["id"], group["year"], month)
        navigator.control.expire_access_tokens()
        after = client.members(group["id"], group["year"], month)
    assert after == before and len(after) > 0
    assert navigator.control.calls["/api/user/refresh"] == 1
    assert navigator.control.calls["/api/user/login"] == 1

    # Both tokens gone stale while the PC was off: the next run logs in with the kept password.
    navigator.control.expire_access_tokens()
    navigator.control.expire_refresh_tokens()
    with _client(navigator, db_uuid) as next_run:
        assert len(next_run.groups()) == 8
    assert navigator.control.calls["/api/user/login"] == 2


def test_a_token_about_to_expire_is_renewed_before_the_call_not_after_a_refusal(navigator, db_uuid):
    # At ≈5 s a request a refused call is time the operator waits for nothing: the login says how
    # long the token lives (expired_at − last_authorize_ts, both the Navigator's clock).
    now = [1000.0]
    with NavigatorClient(navigator.url, navigator.accounts[0].email, db_uuid=db_uuid,
                         clock=lambda: now[0]) as client:
        client.login(navigator.accounts[0].password)
        client.groups()
        now[0] += 29 * 60 + 30  # 30 s before the 30 minutes are up
        navigator.control.reset_counts()
        assert len(client.groups()) == 8
    assert navigator.control.calls == {"/api/user/refresh": 1, "/api/rest/eventGroups": 1}


def test_an_err_code_refusal_reaches_the_operator_in_the_navigators_words(navigator, db_uuid):
    with _client(navigator, db_uuid) as client:
        client.login(navigator.accounts[0].password)
        group, month = _october(client)
        kid = client.members(group["id"], group["year"], month)[0]["kid_id"]
        day = client.lesson_dates(group["id"], month)[0]
        navigator.control.refuse_next("/api/attendance/save", "Журнал группы за этот месяц закрыт",
                                      err_code=17)
        with pytest.raises(NavigatorRefusal) as refused:
            client.save_mark(MarkCell(group["id"], kid, day, 1))
    assert refused.value.message == "Журнал группы за этот месяц закрыт"
    assert refused.value.err_code == 17 and not refused.value.retryable


def test_a_group_of_60_is_read_25_at_a_time_with_every_childs_day_fields(navigator, db_uuid):
    with _client(navigator, db_uuid) as client:
        client.login(navigator.accounts[0].password)
        group, month = _october(client)
        already = len(client.members(group["id"], group["year"], month))
        navigator.control.add_kids(group["id"], 60 - already)
        navigator.control.reset_counts()
        rows = client.members(group["id"], group["year"], month)
        days = client.lesson_dates(group["id"], month)
    assert len(rows) == 60 and len({r["kid_id"] for r in rows}) == 60
    assert navigator.control.calls["/api/attendance/members/get"] == 3  # 25 + 25 + 10
    assert days and all(set(day_marks(r)) == set(days) for r in rows)
    # The seeded children have their marks; the ones just added have none yet.
    assert sum(1 for r in rows if any(v is not None for v in day_marks(r).values())) == already


def test_a_saved_mark_is_in_the_members_rows_and_can_be_cleared(navigator, db_uuid):
    with _client(navigator, db_uuid) as client:
        client.login(navigator.accounts[0].password)
        group, month = _october(client)
        kid = client.members(group["id"], group["year"], month)[0]["kid_id"]
        day = client.lesson_dates(group["id"], month)[-1]
        client.save_mark(MarkCell(group["id"], kid, day, 3))
        row = next(r for r in client.members(group["id"], group["year"], month) if r["kid_id"] == kid)
        assert day_marks(row)[day] == 3  # болел
        client.save_mark(MarkCell(group["id"], kid, day, 0))
        row = next(r for r in client.members(group["id"], group["year"], month) if r["kid_id"] == kid)
        assert day_marks(row)[day] is None


def test_another_organisations_group_is_refused(navigator, db_uuid):
    with _client(navigator, db_uuid, account=1) as other:
        other.login(navigator.accounts[1].password)
        theirs, month = _october(other)
        their_kid = other.members(theirs["id"], theirs["year"], month)[0]["kid_id"]
    with _client(navigator, db_uuid) as client:
        client.login(navigator.accounts[0].password)
        assert theirs["id"] not in {g["id"] for g in client.groups()}
        with pytest.raises(NavigatorForbidden) as read:
            client.group(theirs["id"])
        with pytest.raises(NavigatorForbidden):
            client.members(theirs["id"], theirs["year"], month)
        with pytest.raises(NavigatorForbidden) as write:
            client.save_mark(MarkCell(theirs["id"], their_kid, month.replace(day=2), 1))
    assert read.value.message == write.value.message == "Доступ запрещён"


@pytest.mark.parametrize("at_once", [3, 1])
def test_many_cells_go_at_most_n_at_a_time_oldest_first(navigator, db_uuid, at_once):
    with _client(navigator, db_uuid, concurrency=at_once) as client:
        client.login(navigator.accounts[0].password)
        group, month = _october(client)
        kids = [r["kid_id"] for r in client.members(group["id"], group["year"], month)][:3]
        days = client.lesson_dates(group["id"], month)[:3]
        cells = [MarkCell(group["id"], kid, day, 2) for day in reversed(days) for kid in kids]
        seen: list[tuple[int, int]] = []
        navigator.control.delay = 0.2
        navigator.control.reset_counts()
        results = client.save_marks(cells, progress=lambda done, total: seen.append((done, total)))
        navigator.control.delay = 0.0
        rows = client.members(group["id"], group["year"], month)
    assert navigator.control.max_in_flight == at_once
    assert navigator.control.calls["/api/attendance/save"] == 9
    assert all(r.saved for r in results) and [r.cell.day for r in results] == sorted(c.day for c in cells)
    assert seen[-1] == (9, 9) and len(seen) == 9
    assert all(day_marks(r)[d] == 2 for r in rows if r["kid_id"] in kids for d in days)


def test_a_cancelled_push_sends_nothing_more(navigator, db_uuid):
    with _client(navigator, db_uuid) as client:
        client.login(navigator.accounts[0].password)
        group, month = _october(client)
        kid = client.members(group["id"], group["year"], month)[0]["kid_id"]
        cells = [MarkCell(group["id"], kid, d, 1) for d in client.lesson_dates(group["id"], month)]
        navigator.control.reset_counts()
        client.cancel.set()
        results = client.save_marks(cells)
    assert navigator.control.calls["/api/attendance/save"] == 0
    assert all(isinstance(r.error, Cancelled) for r in results)


def test_the_log_never_holds_the_password_a_token_or_a_childs_name(navigator, db_uuid, caplog):
    caplog.set_level(logging.DEBUG)
    account = navigator.accounts[0]
    with _client(navigator, db_uuid) as client:
        client.login(account.password)
        group, month = _october(client)
        row = client.members(group["id"], group["year"], month)[0]
        navigator.control.expire_access_tokens()
        client.find_kids(row["kid_last_name"])
        navigator.control.refuse_next("/api/rest/order", "Сервис временно недоступен")
        with pytest.raises(NavigatorRefusal):
            client.orders(group["year"])
        tokens = NavigatorCredentials(db_uuid).load_tokens()
    assert tokens is not None
    text = caplog.text
    assert "navigator" in text  # it did log
    for secret in (account.password, tokens.access_token, tokens.refresh_token, row["kid_last_name"]):
        assert secret not in text
