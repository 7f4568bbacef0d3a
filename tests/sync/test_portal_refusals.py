"""What the PC says when the portal refuses a whole request under hostile-traffic rules
(issue 10 §5): the portal's own words for too many wrong codes, and a stalled body retried later."""

from __future__ import annotations

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
    """A client that sends half a body and goes quiet: the portal answers 408 and closes, the PC
    takes it for a bad line (sent again later), and the portal goes on serving. The client waits
    for the portal's answer on its socket, never for a while."""
    import socket
    from urllib.parse import urlsplit

    import h11

    settings = PortalSettings(body_idle_timeout=0.5)
    with EmbeddedPortal(portal_db, settings=settings) as running:
        address = urlsplit(running.url)
        body = b'{"code": "AAAA-BBBB"}'
        path = "/api/sync/v1/device/enrol"
        with socket.create_connection((address.hostname, address.port), timeout=60) as line:
            # the timeout only ends a test whose portal never answers; it measures nothing
            line.sendall(b"POST " + path.encode() + b" HTTP/1.1\r\nHost: portal\r\n"
                         b"Content-Type: application/json\r\nContent-Length: "
                         + str(len(body)).encode() + b"\r\n\r\n" + body[:10])
            # The rest of the body never comes: read until the portal answers and closes.
            reader = h11.Connection(h11.CLIENT)
            reader.send(h11.Request(method="POST", target=path, headers=[
                ("Host", "portal"), ("Content-Length", str(len(body)))]))
            status, headers, content, closed = None, [], b"", False
            while not closed:
                event = reader.next_event()
                if event is h11.NEED_DATA:
                    reader.receive_data(line.recv(65536))
                elif isinstance(event, h11.Response):
                    status, headers = event.status_code, [(k.decode(), v.decode()) for k, v in event.headers]
                elif isinstance(event, h11.Data):
                    content += bytes(event.data)
                elif isinstance(event, h11.EndOfMessage | h11.ConnectionClosed):
                    closed = True
            assert line.recv(1) == b""  # and the portal closed its side after it
        assert status == 408, content
        response = httpx.Response(status, headers=headers, content=content,
                                  request=httpx.Request("POST", running.url + path))
        with PortalClient(running.url) as client:
            error = client._error(response)
        # The portal goes on serving: the next request is answered.
        assert httpx.get(running.url + "/api/sync/v1/info", timeout=60).status_code == 200
    assert error.retryable, "a 408 is a bad line, not a bad request: the same ops are sent again"
    assert error.code == "body_timeout"
    assert error.message == ("Запрос передавался слишком медленно, портал перестал его ждать. "
                             "Проверьте связь и повторите синхронизацию.")
