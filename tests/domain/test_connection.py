"""The portal's address as a channel (domain/connection.py): a device's key, children's data and a
release's checksum never travel over plain http to another computer; a connection that did not
reach a portal is worded as one (what to check), not as a failed sync."""

from __future__ import annotations

import pytest

from pfdo_desktop.domain.connection import (
    download_address_problem_ru,
    enrol_refusal_ru,
    is_loopback,
    plain_http_problem_ru,
)
from pfdo_desktop.domain.updates import release_problem

SHA = "a" * 64


@pytest.mark.parametrize(("url", "loopback"), [
    ("http://127.0.0.1:8000", True), ("http://127.8.9.10/", True), ("http://localhost:1", True),
    ("http://[::1]:80", True), ("http://192.168.1.5:8000", False), ("https://pfdo.example.ru", False),
    ("http://127.0.0.1.evil.example", False), ("http://localhost.evil.example", False),
])
def test_only_this_computer_is_loopback(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


def test_plain_http_is_refused_to_another_computer_unless_the_region_allows_it() -> None:
    problem = plain_http_problem_ru("http://10.0.0.7:8000")
    assert problem is not None and problem.startswith("Адрес http://10.0.0.7:8000 начинается с http://")
    assert "https://" in problem and "PFDO_ALLOW_HTTP=1" in problem
    assert plain_http_problem_ru("http://10.0.0.7:8000", allow_http=True) is None
    assert plain_http_problem_ru("https://pfdo.example.ru") is None
    assert plain_http_problem_ru("http://127.0.0.1:8000") is None  # the demo's embedded portal


def test_a_release_is_downloaded_and_published_over_https_only() -> None:
    assert download_address_problem_ru("https://downloads.example.ru/pfdo.exe") is None
    assert download_address_problem_ru("http://127.0.0.1:9000/pfdo.exe") is None  # a local mirror, the tests
    refused = download_address_problem_ru("http://downloads.example.ru/pfdo.exe")
    assert refused is not None and "https://" in refused
    # the portal's publish-client applies the same rule, so it never publishes what the PC refuses
    assert release_problem("0.2.0", "https://downloads.example.ru/pfdo.exe", SHA) is None
    said = release_problem("0.2.0", "http://downloads.example.ru/pfdo.exe", SHA)
    assert said is not None and said.startswith("адрес загрузки должен начинаться с https://")


def test_a_connection_that_reached_no_portal_says_what_to_check() -> None:
    none = enrol_refusal_ru("unreachable", "https://pfdo.example.ru")
    assert none.startswith("Портал по адресу https://pfdo.example.ru не отвечает.")
    assert none.endswith("Код подключения не израсходован.")
    assert "Код" not in enrol_refusal_ru("timeout", "https://x.example", enrolling=False)
    for code in ("garbage", "not_found", "http_404", "http_405"):
        assert enrol_refusal_ru(code, "https://x.example").startswith(
            "По адресу https://x.example отвечает не портал ПФДО.")
    for code in ("code_invalid", "code_used", "http_500", "token_invalid"):  # the portal's own words
        assert enrol_refusal_ru(code, "https://x.example") is None
