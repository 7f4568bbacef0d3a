"""The provider record carries the provider's billed months (``locked_months``), and locking or
unlocking a month re-stamps it for that provider's PCs only: the next pull of each brings it."""

from __future__ import annotations

from datetime import date

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin


def _providers(page: dict) -> list[dict]:
    return page["changes"].get("provider", {}).get("upserts", [])


def test_lock_and_unlock_month_reach_the_provider_s_pcs_in_its_record(device, enrol, seeded, db_url):
    other = enrol(next(pid for pid, _ in seeded.providers if pid != device.provider_id))
    pages, cursor = device.pull_all("master")
    (provider,) = [r for page in pages for r in _providers(page)]
    assert provider["locked_months"] == []
    _, other_cursor = other.pull_all("master")

    admin.lock_month(db_url, device.provider_id, date(2025, 12, 17))
    admin.lock_month(db_url, device.provider_id, date(2025, 11, 1))
    page = device.pull("master", cursor).json()
    assert [r["locked_months"] for r in _providers(page)] == [["2025-11-01", "2025-12-01"]]
    assert p.ProviderRecord.model_validate(_providers(page)[0]).locked_months == [
        date(2025, 11, 1), date(2025, 12, 1)]
    assert other.pull("master", other_cursor).json()["changes"] == {}  # not another provider's
    assert admin.get_provider(db_url, device.provider_id)["locked_months"] == ["2025-11-01", "2025-12-01"]

    cursor = page["next_cursor"]
    admin.lock_month(db_url, device.provider_id, date(2025, 12, 1))  # already billed: nothing new
    assert device.pull("master", cursor).json()["changes"] == {}
    admin.unlock_month(db_url, device.provider_id, date(2025, 11, 1))
    page = device.pull("master", cursor).json()
    assert [r["locked_months"] for r in _providers(page)] == [["2025-12-01"]]
