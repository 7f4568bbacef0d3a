"""The portal publishes the current PFDO Desktop release (issue 14 §5): ``pfdo-portal
publish-client`` sets or clears it, ``GET /info`` carries it as ``latest_client`` (additive: the
protocol's own model reads it, an older PC ignores it), and a refusal of an old PC names the
version to install and where to get it."""

from __future__ import annotations

import pytest
from portal_helpers import TODAY
from pydantic import ConfigDict

from pfdo_desktop.sync import protocol as p
from pfdo_portal import releases
from pfdo_portal.app import PortalSettings
from pfdo_portal.cli import main
from pfdo_portal.embedded import EmbeddedPortal

SHA = "ab" * 32
URL = "https://updates.example.org/pfdo-desktop-0.2.0-setup.exe"


def publish(db_url: str, *extra: str) -> int:
    return main(["publish-client", "--db", db_url, "--version", "0.2.0", "--url", URL, "--sha256",
                 SHA.upper(), *extra])


class StrictRelease(p.ClientRelease):
    model_config = ConfigDict(extra="forbid", frozen=True)


def test_publish_show_and_clear_from_the_command_line(db_url, capsys):
    assert main(["publish-client", "--db", db_url]) == 0
    assert "не опубликована" in capsys.readouterr().out
    assert publish(db_url, "--notes", "Печать журнала на A3.\nИсправлена синхронизация.") == 0
    assert "Опубликована версия 0.2.0" in capsys.readouterr().out
    release = releases.published_client(db_url)
    assert release == p.ClientRelease(version="0.2.0", url=URL, sha256=SHA,  # kept in lowercase
                                      notes="Печать журнала на A3.\nИсправлена синхронизация.")
    assert main(["publish-client", "--db", db_url]) == 0
    shown = capsys.readouterr().out
    assert "0.2.0" in shown and URL in shown and SHA in shown and "A3" in shown
    assert main(["publish-client", "--db", db_url, "--clear"]) == 0
    assert "больше не публикуется" in capsys.readouterr().out
    assert releases.published_client(db_url) is None


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--version", "два", "--url", URL, "--sha256", SHA], "версия"),
        (["--version", "0.2.0", "--url", "ftp://x/y.exe", "--sha256", SHA], "https://"),
        (["--version", "0.2.0", "--url", URL, "--sha256", "abc"], "SHA-256"),
        (["--version", "0.2.0", "--url", URL], "--sha256"),
        (["--clear", "--version", "0.2.0"], "--clear"),
    ],
    ids=["version", "url", "sha256", "missing", "clear-and-publish"],
)
def test_a_release_that_cannot_be_published_is_refused(db_url, capsys, args, said):
    assert main(["publish-client", "--db", db_url, *args]) == 2
    assert said in capsys.readouterr().err
    assert releases.published_client(db_url) is None


def test_info_carries_the_published_release(db_url, http):
    assert http.get("/info").json()["latest_client"] is None
    assert publish(db_url, "--notes", "Новое") == 0
    body = http.get("/info").json()
    release = StrictRelease.model_validate(body["latest_client"])  # no key the protocol does not declare
    assert (release.version, release.url, release.sha256, release.notes) == ("0.2.0", URL, SHA, "Новое")
    assert p.InfoResponse.model_validate(body).latest_client == p.ClientRelease(**release.model_dump())
    assert main(["publish-client", "--db", db_url, "--clear"]) == 0
    assert http.get("/info").json()["latest_client"] is None


def test_an_older_pc_reads_info_with_the_release_and_ignores_it():
    """The PC of an earlier version read /info with a model that has no ``latest_client``."""
    older = type("OlderInfo", (p.WireModel,), {"__annotations__": {"portal_name": str}})
    body = {"portal_name": "портал", "latest_client": {"version": "0.2.0", "url": URL, "sha256": SHA}}
    assert older.model_validate(body).portal_name == "портал"


def test_a_release_this_pc_cannot_read_does_not_stop_its_sync():
    info = p.InfoResponse.model_validate({
        "server_time": "2026-12-07T09:00:00Z", "protocol_min": 1, "protocol_max": 1,
        "min_client_version": "0.1.0", "max_ops_per_push": 500, "max_pull_limit": 5000,
        "portal_name": "портал", "latest_client": {"version": "0.2.0", "url": URL, "sha256": "nope"}})
    assert info.latest_client is None


def test_the_openapi_description_declares_the_release():
    from pfdo_portal.app import create_app

    components = create_app("sqlite://").openapi()["components"]["schemas"]
    release = components["ClientRelease"]
    assert set(release["required"]) == {"version", "url", "sha256"}
    assert release["properties"]["sha256"]["pattern"] == "^[0-9a-f]{64}$"
    assert "latest_client" not in components["InfoResponse"].get("required", [])


@pytest.mark.parametrize("published", [True, False], ids=["published", "not-published"])
def test_a_portal_that_wants_a_newer_program_names_the_version_to_install(db_url, published):
    import httpx

    if published:
        assert publish(db_url) == 0
    settings = PortalSettings(today=TODAY, min_client_version="0.2.0")
    with EmbeddedPortal(db_url, settings=settings) as portal:
        r = httpx.get(portal.url + p.API_PREFIX + "/info", headers={p.HEADER_CLIENT_VERSION: "0.1.0"})
    assert r.status_code == 426
    body = r.json()
    assert body["code"] == "client_too_old"
    assert "0.2.0" in body["message"]
    assert (URL in body["message"]) is published
    if not published:
        assert "версии 0.2.0 или новее" in body["message"]


def test_a_release_older_than_the_minimum_is_not_the_one_named(db_url):
    import httpx

    assert publish(db_url) == 0  # 0.2.0, but the portal wants 0.3.0
    settings = PortalSettings(today=TODAY, min_client_version="0.3.0")
    with EmbeddedPortal(db_url, settings=settings) as portal:
        r = httpx.get(portal.url + p.API_PREFIX + "/info", headers={p.HEADER_CLIENT_VERSION: "0.1.0"})
    assert r.status_code == 426
    assert "версии 0.3.0 или новее" in r.json()["message"]
    assert URL not in r.json()["message"]
