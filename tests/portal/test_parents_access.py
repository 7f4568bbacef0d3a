"""An automated accessibility check of the parents' navigator (issue 17, part 2): every form field
of every page has a label, the pages say their language and fit a phone's width, and every text
colour of the stylesheet has a contrast of at least 4.5:1 (WCAG 2.x AA) with every background it
can stand on — computed here from the CSS itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from parents_web_helpers import code_for, open_group, parent_client
from portal_helpers import TODAY

from pfdo_portal import admin

CSS = Path(__file__).resolve().parents[2] / "pfdo_portal" / "web" / "static" / "style.css"
WHITE = "#ffffff"


class Fields(HTMLParser):
    """The form fields of a page and the labels that name them."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.in_label = 0
        self.html_lang: str | None = None
        self.viewport = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "meta" and a.get("name") == "viewport":
            self.viewport = "width=device-width" in (a.get("content") or "")
        if tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.label_for.add(a["for"] or "")
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit", "button"):
            self.fields.append({**a, "wrapped": "1" if self.in_label else None, "tag": tag})

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label -= 1


def unlabelled(page: str) -> tuple[Fields, list[str]]:
    parser = Fields()
    parser.feed(page)
    bad = [
        f"<{f['tag']} name={f.get('name')}>"
        for f in parser.fields
        if not (
            f.get("id") in parser.label_for
            or f.get("wrapped")
            or f.get("aria-label")
            or f.get("aria-labelledby")
        )
    ]
    return parser, bad


def test_every_field_of_every_page_has_a_label(portal, db_url):
    born = TODAY.replace(year=TODAY.year - 10)
    child, _ = admin.add_child(
        db_url, "Доступная", "Ольга", "Павловна", born, certificate_status="pf", nominal="10000.00"
    )
    group = open_group(db_url, "general", born, TODAY)
    parent = parent_client(portal.url)
    pages = {
        "каталог": parent.http.get("/catalog").text,
        "каталог с фильтрами": parent.http.get("/catalog", params={"direction": "art", "free": "1"}).text,
        "вход": parent.http.get("/catalog/login").text,
    }
    pages["программа"] = parent.http.get("/catalog/program/1").text
    parent.login(code_for(db_url, child))
    pages["кабинет"] = parent.http.get("/catalog/parent").text
    pages["заявка"] = parent.http.get("/catalog/apply", params={"group": group}).text
    counted = 0
    for name, page in pages.items():
        parser, bad = unlabelled(page)
        assert bad == [], f"{name}: fields without a label: {bad}"
        assert parser.html_lang == "ru" and parser.viewport, name
        counted += len(parser.fields)
    assert counted >= 12  # the filters, the code, the child and the date were all looked at


def test_the_check_finds_a_field_without_a_label():
    _parser, bad = unlabelled(
        '<label for="a">А</label><input id="a"><select name="b"></select>'
        '<label>В <input name="c"></label><input type="hidden" name="d">'
    )
    assert bad == ["<select name=b>"]


# --- contrast -----------------------------------------------------------------------------------------


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def css_rules(text: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every rule, the media queries' rules included."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"@media[^{]*\{", "", text)
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        decls = dict((k.strip(), v.strip()) for k, _, v in (d.partition(":") for d in body.split(";")) if v)
        for one in selector.split(","):
            rules.append((" ".join(one.split()), decls))
    return rules


def _colour(value: str | None) -> str | None:
    found = re.search(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b", value or "")
    return found.group(0).lower() if found else None


def text_on_background_pairs(text: str) -> list[tuple[str, str, str]]:
    """(selector, text colour, background) to check. A rule with both checks that pair; a text
    colour alone stands on the background of the rule its selector lies in (``header.site a`` on
    ``header.site``), or else on any light background of the stylesheet (the page, the panels)."""
    rules = css_rules(text)
    backgrounds = {
        sel: bg for sel, d in rules if (bg := _colour(d.get("background-color") or d.get("background")))
    }
    light = {bg for bg in backgrounds.values() if luminance(bg) > 0.5} | {WHITE}
    pairs = []
    for sel, d in rules:
        colour = _colour(d.get("color"))
        if colour is None:
            continue
        own = backgrounds.get(sel)
        if own:
            pairs.append((sel, colour, own))
            continue
        outer = next((backgrounds[s] for s in backgrounds if sel.startswith(s + " ")), None)
        if outer:
            pairs.append((sel, colour, outer))
        else:
            pairs += [(sel, colour, bg) for bg in sorted(light)]
    return pairs


def test_every_text_colour_of_the_stylesheet_has_contrast_4_5():
    pairs = text_on_background_pairs(CSS.read_text(encoding="utf-8"))
    assert len(pairs) > 20
    low = [(sel, fg, bg, round(contrast(fg, bg), 2)) for sel, fg, bg in pairs if contrast(fg, bg) < 4.5]
    assert low == []


@pytest.mark.parametrize(
    ("fg", "bg", "expected"),
    [("#000000", "#ffffff", 21.0), ("#777777", "#ffffff", 4.48), ("#ffffff", "#ffffff", 1.0)],
)
def test_the_contrast_is_wcag_s(fg, bg, expected):
    assert round(contrast(fg, bg), 2) == expected


def test_a_pale_colour_would_be_caught():
    pairs = text_on_background_pairs(
        ".x { color: #999999; } .y { color: #ffffff; background-color: #ffee00; }"
    )
    assert sorted({sel for sel, fg, bg in pairs if contrast(fg, bg) < 4.5}) == [".x", ".y"]
