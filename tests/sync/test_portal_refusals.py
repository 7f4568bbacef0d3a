"""What the PC says when the portal refuses a whole request under hostile-traffic rules
(issue 10 §5): the portal's own words for too many wrong codes, and a stalled body retried later."""

from __future__ import annotations

import time

import httpx
import pytest

from pfdo_desktop.sync.client import PortalClient, RateLimited, SyncError
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal


def test_too_many_wrong_codes_are_explained_in_the_portals_words(workspace, portal, portal_db,
                                                                  demo_provider_id):
    from pfdo_portal.admin import issue_code

    refusals: list[SyncError] = []
    for n in range(12):
        with pytest.raises(SyncError) as caught:
            workspace.enrol(portal.url, f"ZZZZ-{n:04d}")
        refusals.append(caught.value)
    limited = [r for r in refusals if isinstance(r, RateLimited)]
    assert limited, [r.code for r in refusals]
    # Not «Портал перегружен»: the operator is told the codes were wrong and when to try again.
    assert "неверных кодов подключения" in limited[0].message
    assert "мин." in limited[0].message
    assert not workspace.enrolled
    # Still blocked for this address: even a right code waits, and is not spent by the refusal.
    code = issue_code(portal_db, demo_provider_id)
    with pytest.raises(RateLimited):
        workspace.enrol(portal.url, code)
    assert not workspace.enrolled


def test_a_body_the_portal_stopped_waiting_for_is_retried_later(portal_db):
    settings = PortalSettings(body_idle_timeout=0.5)
    with EmbeddedPortal(portal_db, settings=settings) as running:
        def stalled():
            yield b'{"code": "'
            time.sleep(2.0)  # the line goes quiet longer than the portal waits
            yield b'AAAA-BBBB"}'

        try:
            response = httpx.post(running.url + "/api/sync/v1/device/enrol", content=stalled(),
                                  headers={"Content-Type": "application/json"}, timeout=10)
        except httpx.HTTPError:
            pytest.fail("the portal must answer a stalled body, not drop the connection")
        assert response.status_code == 408
        with PortalClient(running.url) as client:
            error = client._error(response)
    assert error.retryable, "a 408 is a bad line, not a bad request: the same ops are sent again"
    assert error.code == "body_timeout"
    assert "медлен" in error.message or "не дождался" in error.message
