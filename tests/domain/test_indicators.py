"""Indicators (issue 13, docs/indicators.md): hand-computed datasets, every figure worked out in the
comment beside it; the worked example of the doc is checked line by line against the doc itself."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pfdo_desktop.domain.applications import (
    APP_ACTIVE,
    APP_CONFIRMED,
    APP_EXPELLED,
    APP_NEW,
    APP_REJECTED,
    APP_TERMINATED,
    APP_TRANSFERRED,
)
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERT_PF
from pfdo_desktop.domain.indicators import (
    AdvanceLine,
    ApplicationRow,
    CertificateRow,
    EnrolmentRow,
    GroupPlaces,
    MarkRow,
    MoneyLine,
    ProgrammeRow,
    applications_by_status,
    attendance_by_group,
    certificate_figures,
    compute_indicators,
    correction_lines,
    count_text,
    coverage,
    direction_figures,
    format_share,
    in_age_band,
    in_force_on,
    money_by_month,
    money_lines,
    share,
    share_number,
)
from pfdo_desktop.domain.payment import LESSON_CANCELLED, LESSON_MOVED, Lesson
from pfdo_desktop.domain.payment_month import ContractRow, Correction, GroupRow, compute_month

D = Decimal
DOC = Path(__file__).resolve().parents[2] / "docs" / "indicators.md"
ON = date(2025, 11, 15)
BORN_2012 = date(2012, 1, 1)
SEP1, NOV30 = date(2025, 9, 1), date(2025, 11, 30)
YEAR_END = date(2026, 5, 31)


def d(day: int, month: int = 11, year: int = 2025) -> date:
    return date(year, month, day)


def cert(number: str, child: str, born: date, status: str = CERT_PF, nominal: str = "0.00",
         **kw: object) -> CertificateRow:
    return CertificateRow(number, child, born, status, D(nominal), **kw)  # type: ignore[arg-type]


def enrol(child: str, programme: str, group: str | None = None, start: date = SEP1,
          end: date | None = None, status: str = APP_ACTIVE, born: date = BORN_2012,
          provider: str = "") -> EnrolmentRow:
    return EnrolmentRow(child, born, programme, group or f"g-{programme}", start, end, status, provider)


# --- shares -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("part", "base", "expected"), [
    (1, 8, "12.5"),        # exactly 12.5
    (1, 16, "6.3"),        # 6.25 → half up 6.3 (the bankers' rounding would give 6.2)
    (1, 80, "1.3"),        # 1.25 → 1.3
    (1, 400, "0.3"),       # 0.25 → 0.3
    (1, 2000, "0.1"),      # 0.05 → 0.1
    (1, 2001, "0.0"),      # 0.04997… → 0.0
    (3, 16, "18.8"),       # 18.75 → 18.8
    (1, 3, "33.3"),        # 33.333…
    (2, 3, "66.7"),        # 66.666…
    (3, 4, "75.0"),        # a whole number keeps its decimal
    (5, 5, "100.0"),
    (0, 7, "0.0"),
    (9, 8, "112.5"),       # more than the base: printed as it is
    (123_456_789, 987_654_321, "12.5"),  # 12.4999998860… → 12.5
    (1_234_567, 9_876_560, "12.5"),  # 12.4999999… just below .x5 → 12.5; exact integers, no float
])
def test_share_is_one_decimal_half_up(part, base, expected):
    assert share(part, base) == D(expected)
    assert str(share(part, base)) == expected


def test_share_just_below_and_at_a_half():
    # 1249 / 10 000 = 12.49 → 12.5; 12 449 / 100 000 = 12.449 → 12.4; 12 450 / 100 000 = 12.45 → 12.5.
    assert (share(1249, 10_000), share(12_449, 100_000), share(12_450, 100_000)) == \
        (D("12.5"), D("12.4"), D("12.5"))


def test_a_zero_base_has_no_share():
    assert share(0, 0) is None and share(5, 0) is None
    assert format_share(None) == "—" and format_share(None, plain=True) == ""
    assert share_number(None) is None


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        share(-1, 10)
    with pytest.raises(ValueError):
        share(1, -10)


@pytest.mark.parametrize(("value", "ru", "plain", "number"), [
    (D("12.5"), "12,5 %", "12.5", 12.5),
    (D("100.0"), "100,0 %", "100.0", 100.0),
    (D("0.0"), "0,0 %", "0.0", 0.0),
    (D("6.3"), "6,3 %", "6.3", 6.3),
])
def test_format_share(value, ru, plain, number):
    assert format_share(value) == ru
    assert format_share(value, plain=True) == plain
    assert share_number(value) == number and json.dumps(share_number(value)) == plain


@pytest.mark.parametrize(("n", "text"), [(0, "0"), (999, "999"), (1000, "1\u202f000"),
                                         (12_480, "12\u202f480"), (1_000_000, "1\u202f000\u202f000")])
def test_count_text(n, text):
    assert count_text(n) == text


# --- ages --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("born", "counted"), [
    (d(15, 11, 2020), True),   # 5 today (the 5th birthday is counted)
    (d(16, 11, 2020), False),  # 4, turns 5 tomorrow
    (d(16, 11, 2007), True),   # 17, turns 18 tomorrow
    (d(15, 11, 2007), False),  # 18 today: the certificate ran «до достижения 18 лет»
    (d(1, 1, 2012), True),
])
def test_the_age_band_5_to_18_is_5th_birthday_to_the_day_before_the_18th(born, counted):
    assert in_age_band(born, ON) is counted


def test_boundary_ages_5_and_18_for_certificates():
    certificates = [
        cert("0101000001", "five", d(15, 11, 2020)),        # 5 today: counted
        cert("0101000002", "four", d(16, 11, 2020)),        # 4: not
        cert("0101000003", "seventeen", d(16, 11, 2007)),   # 17: counted
        cert("0101000004", "eighteen", d(15, 11, 2007)),    # 18 today: not
    ]
    enrolments = [enrol(c.child_id, "p1", born=c.birth_date) for c in certificates]
    figures = certificate_figures(certificates, enrolments, ON, population=4)
    assert (figures.issued, figures.used, figures.on_1) == (2, 2, 2)
    assert (figures.issued_share, figures.used_share) == (D("50.0"), D("100.0"))


def test_boundary_ages_17_and_18_for_coverage():
    enrolments = [
        enrol("seventeen", "p1", born=d(16, 11, 2007)),  # 17 years 364 days: counted
        enrol("eighteen", "p1", born=d(15, 11, 2007)),   # 18 today: not
        enrol("five", "p1", born=d(15, 11, 2020)),       # 5 today: counted
        enrol("four", "p1", born=d(16, 11, 2020)),       # 4: not
    ]
    result = coverage(enrolments, ON, population=8)
    assert (result.children, result.percent) == (2, D("25.0"))


# --- used certificates and children on 1, 2, 3+ programmes ----------------------------------------------

def test_a_child_on_programmes_of_two_providers_is_counted_once():
    certificates = [cert("0101000001", "ann", d(1, 1, 2012)), cert("0101000002", "bob", d(1, 1, 2013))]
    enrolments = [
        enrol("ann", "robotics", provider="ddt"),
        enrol("ann", "football", provider="sport-school"),  # the same child at a second provider
        enrol("bob", "football", provider="sport-school"),
    ]
    figures = certificate_figures(certificates, enrolments, ON, population=10)
    # 2 used children (not 3 enrolments): ann on 2 programmes, bob on 1.
    assert (figures.used, figures.on_1, figures.on_2, figures.on_3_plus) == (2, 1, 1, 0)
    assert (figures.used_share, figures.on_1_share, figures.on_2_share) == (D("100.0"), D("50.0"), D("50.0"))
    assert coverage(enrolments, ON, 10).children == 2


def test_two_groups_of_one_programme_are_one_programme():
    certificates = [cert("0101000001", "ann", d(1, 1, 2012))]
    enrolments = [enrol("ann", "chess", "g1"), enrol("ann", "chess", "g2")]
    figures = certificate_figures(certificates, enrolments, ON)
    assert (figures.on_1, figures.on_2) == (1, 0)


def test_three_and_more_programmes():
    certificates = [cert("0101000001", "ann", d(1, 1, 2012)), cert("0101000002", "bob", d(1, 1, 2012))]
    enrolments = [enrol("ann", p) for p in ("a", "b", "c")] + [enrol("bob", p) for p in ("a", "b", "c", "d")]
    figures = certificate_figures(certificates, enrolments, ON)
    assert (figures.used, figures.on_3_plus, figures.on_3_plus_share) == (2, 2, D("100.0"))


@pytest.mark.parametrize(("row", "used"), [
    (enrol("c", "p", start=d(1, 9), end=d(31, 10), status=APP_EXPELLED), False),  # only an expired contract
    (enrol("c", "p", start=d(1, 9), end=d(14, 11), status=APP_TERMINATED), False),  # ended the day before
    (enrol("c", "p", start=d(1, 9), end=d(15, 11), status=APP_EXPELLED), True),  # its last day: in force
    (enrol("c", "p", start=d(15, 11)), True),  # starts on the date
    (enrol("c", "p", start=d(16, 11)), False),  # starts tomorrow
    (enrol("c", "p", start=d(1, 9), end=d(30, 11), status=APP_TRANSFERRED), True),
    (enrol("c", "p", start=d(1, 11), status=APP_CONFIRMED), False),  # an offer, not enrolled
    (enrol("c", "p", start=d(1, 11), status=APP_NEW), False),
    (enrol("c", "p", start=d(1, 11), status=APP_REJECTED), False),
])
def test_a_certificate_is_used_only_with_an_enrolment_in_force(row, used):
    assert in_force_on(row, ON) is used
    figures = certificate_figures([cert("0101000001", "c", d(1, 1, 2012))], [row], ON)
    assert figures.used == int(used)


def test_certificates_issued_pf_and_accounting_and_the_nominal():
    certificates = [
        cert("0101000001", "a", d(1, 1, 2012), CERT_PF, "12000.00"),
        cert("0101000002", "b", d(1, 1, 2012), CERT_PF, "9000.50"),
        cert("0101000003", "c", d(1, 1, 2012), CERT_ACCOUNTING),
        cert("0101000004", "d", d(1, 1, 2012), CERT_PF, "72", unit="hours"),
        cert("0101000005", "e", d(1, 1, 2012), CERT_PF, "5000.00", issued_on=d(16)),  # after the date
        cert("0101000001", "a", d(1, 1, 2012), CERT_PF, "12000.00"),  # the same number twice: once
    ]
    figures = certificate_figures(certificates, [], ON, population=16)
    # 4 issued of 16 children = 25.0 %; ПФ 3 of 4 = 75.0 %, учёт 1 = 25.0 %.
    assert (figures.issued, figures.issued_share) == (4, D("25.0"))
    assert (figures.pf, figures.pf_share, figures.accounting, figures.accounting_share) == \
        (3, D("75.0"), 1, D("25.0"))
    assert (figures.nominal_rub, figures.nominal_hours) == (D("21000.50"), D("72"))
    assert (figures.used, figures.used_share) == (0, D("0.0"))


def test_a_provider_has_no_population_and_no_share_of_it():
    figures = certificate_figures([cert("0101000001", "a", d(1, 1, 2012))], [], ON)
    assert (figures.population, figures.issued, figures.issued_share) == (None, 1, None)
    assert coverage([enrol("a", "p")], ON).percent is None


def test_an_unknown_status_or_unit_is_refused():
    with pytest.raises(ValueError, match="неизвестный статус"):
        certificate_figures([cert("0101000001", "a", d(1, 1, 2012), "gold")], [], ON)
    with pytest.raises(ValueError, match="единица"):
        certificate_figures([cert("0101000001", "a", d(1, 1, 2012), unit="eur")], [], ON)
    with pytest.raises(ValueError, match="отрицательной"):
        certificate_figures([], [], ON, population=-1)


def test_coverage_counts_children_without_a_certificate_and_each_child_once():
    enrolments = [
        enrol("a", "p1"), enrol("a", "p2"),   # a: twice, counted once
        enrol("b", "p1"),                     # b: no certificate (a budget programme): counted
        enrol("c", "p1", end=d(31, 10), status=APP_EXPELLED),  # ended: not
    ]
    result = coverage(enrolments, ON, population=16)
    assert (result.children, result.percent) == (2, D("12.5"))


# --- empty inputs -------------------------------------------------------------------------------------

def test_empty_inputs():
    result = compute_indicators(ON, SEP1, NOV30)
    c = result.certificates
    assert (c.issued, c.used, c.on_1, c.on_2, c.on_3_plus) == (0, 0, 0, 0, 0)
    assert (c.issued_share, c.used_share, c.pf_share, c.on_1_share) == (None, None, None, None)
    assert (result.coverage.children, result.coverage.percent) == (0, None)
    assert [(x.programmes, x.programmes_share, x.occupancy) for x in result.directions] == \
        [(0, None, None)] * 6
    assert (result.places.places, result.places.occupancy) == (0, None)
    assert all(a.count == 0 and a.share is None for a in result.applications)
    assert [(m.month, m.nominal, m.reserved, m.paid, m.returned) for m in result.money] == [
        ((2025, 9), 0, 0, 0, 0), ((2025, 10), 0, 0, 0, 0), ((2025, 11), 0, 0, 0, 0)]
    assert result.attendance == () and result.lessons_cancelled == 0
    rows = {row.key: (row.value, row.share) for row in result.table_rows()}
    assert rows["children_5_18"] == ("—", "")
    assert rows["certificates.issued"] == ("0", "—")
    assert rows["certificates.used"] == ("0", "—")
    assert rows["coverage"] == ("0", "—")
    data = json.loads(json.dumps(result.to_json()))
    assert data["certificates"]["issued_share"] is None and data["coverage"]["percent"] is None
    assert data["children_5_18"] is None


def test_a_population_of_zero_gives_no_shares():
    result = compute_indicators(ON, SEP1, NOV30, population=0,
                                certificates=[cert("0101000001", "a", d(1, 1, 2012))])
    assert (result.certificates.issued, result.certificates.issued_share, result.coverage.percent) == \
        (1, None, None)


def test_a_period_backwards_is_refused():
    with pytest.raises(ValueError, match="период"):
        compute_indicators(ON, NOV30, SEP1)


# --- a district's published table ------------------------------------------------------------------------

def district(population: int, pf: int, accounting: int, on_1: int, on_2: int, on_3: int,
             uncertified_enrolled: int) -> dict[str, object]:
    """Rows of a district with exactly these counts: certificates (ПФ first), their holders on 1, 2,
    3 programmes (at alternating providers), the rest not studying, and children studying without a
    certificate (coverage only)."""
    born = d(1, 6, 2012)
    certificates = [cert(f"01{i:08d}", f"c{i}", born, CERT_PF if i < pf else CERT_ACCOUNTING,
                         "10000.00" if i < pf else "0.00") for i in range(pf + accounting)]
    enrolments: list[EnrolmentRow] = []
    child = 0
    for programmes, how_many in ((1, on_1), (2, on_2), (3, on_3)):
        for _ in range(how_many):
            for p in range(programmes):
                enrolments.append(enrol(f"c{child}", f"p{p}", provider=f"prov{(child + p) % 2}", born=born))
            child += 1
    assert child <= pf + accounting
    enrolments += [enrol(f"u{i}", "p0", born=born) for i in range(uncertified_enrolled)]
    return {"population": population, "certificates": certificates, "enrolments": enrolments}


PUBLISHED_TABLES = [
    pytest.param(
        # 6 400 children; 4 800 certificates (1 236 ПФ, 3 564 учёт); 2 940 used: 2 004 on one programme,
        # 732 on two, 204 on three; 3 120 children studying (180 of them without a certificate).
        (6400, 1236, 3564, 2004, 732, 204, 180),
        {
            "certificates.issued": "75,0 %",      # 4 800 / 6 400 = 75 exactly
            "certificates.pf": "25,8 %",          # 1 236 / 4 800 = 25.75
            "certificates.accounting": "74,3 %",  # 3 564 / 4 800 = 74.25 (bankers: 74,2)
            "certificates.used": "61,3 %",        # 2 940 / 4 800 = 61.25 (bankers: 61,2)
            "certificates.on_1": "41,8 %",        # 2 004 / 4 800 = 41.75
            "certificates.on_2": "15,3 %",        # 732 / 4 800 = 15.25 (bankers: 15,2)
            "certificates.on_3_plus": "4,3 %",    # 204 / 4 800 = 4.25 (bankers: 4,2)
            "coverage": "48,8 %",                 # 3 120 / 6 400 = 48.75
        },
        id="zarechny",
    ),
    pytest.param(
        # 3 000 children; 1 200 certificates (300 ПФ); 363 used: 243 / 90 / 30; 1 001 studying.
        (3000, 300, 900, 243, 90, 30, 638),
        {
            "certificates.issued": "40,0 %",      # 1 200 / 3 000 = 40
            "certificates.pf": "25,0 %",          # 300 / 1 200 = 25
            "certificates.accounting": "75,0 %",
            "certificates.used": "30,3 %",        # 363 / 1 200 = 30.25 (bankers: 30,2)
            "certificates.on_1": "20,3 %",        # 243 / 1 200 = 20.25 (bankers: 20,2)
            "certificates.on_2": "7,5 %",         # 90 / 1 200 = 7.5
            "certificates.on_3_plus": "2,5 %",    # 30 / 1 200 = 2.5
            "coverage": "33,4 %",                 # 1 001 / 3 000 = 33.366…
        },
        id="lesnoy",
    ),
    pytest.param(
        # 7 777 children; 1 111 certificates, all учёт; 1 used on one programme; 1 child studying.
        (7777, 0, 1111, 1, 0, 0, 0),
        {
            "certificates.issued": "14,3 %",      # 1 111 / 7 777 = 14.2857…
            "certificates.pf": "0,0 %",
            "certificates.accounting": "100,0 %",
            "certificates.used": "0,1 %",         # 1 / 1 111 = 0.0900…
            "certificates.on_1": "0,1 %",
            "certificates.on_2": "0,0 %",
            "certificates.on_3_plus": "0,0 %",
            "coverage": "0,0 %",                  # 1 / 7 777 = 0.0128…
        },
        id="gorny",
    ),
]


@pytest.mark.parametrize(("counts", "published"), PUBLISHED_TABLES)
def test_a_districts_published_table_comes_out_exactly(counts, published):
    population, pf, accounting, on_1, on_2, on_3, uncertified = counts
    rows = district(population, pf, accounting, on_1, on_2, on_3, uncertified)
    result = compute_indicators(ON, SEP1, NOV30, **rows)  # type: ignore[arg-type]
    c = result.certificates
    assert (c.issued, c.pf, c.accounting, c.used, c.on_1, c.on_2, c.on_3_plus) == \
        (pf + accounting, pf, accounting, on_1 + on_2 + on_3, on_1, on_2, on_3)
    assert result.coverage.children == on_1 + on_2 + on_3 + uncertified
    printed = {row.key: row.share for row in result.table_rows()}
    assert {key: printed[key] for key in published} == published
    numbers = result.to_json()["certificates"]
    assert isinstance(numbers, dict)
    assert numbers["used_share"] == float(published["certificates.used"].removesuffix(" %").replace(",", "."))


# --- directions, places, applications --------------------------------------------------------------------

def test_directions_places_and_occupancy():
    programmes = [ProgrammeRow("p1", "technical"), ProgrammeRow("p2", "technical"),
                  ProgrammeRow("p3", "art"), ProgrammeRow("p4", "sport", status="draft")]
    groups = [
        GroupPlaces("g1", "p1", SEP1, YEAR_END, 10),
        GroupPlaces("g2", "p2", SEP1, d(31, 10), 10),  # ended before the date: not counted
        GroupPlaces("g3", "p3", SEP1, YEAR_END, 8),
        GroupPlaces("g4", "p4", SEP1, YEAR_END, 4),     # a draft's group running: its places count
    ]
    enrolments = [enrol("a", "p1", "g1"), enrol("b", "p1", "g1"), enrol("a", "p3", "g3"),
                  enrol("c", "p4", "g4"),
                  enrol("d", "elsewhere", "gx")]  # a programme of another territory: left out
    rows, totals = direction_figures(programmes, groups, enrolments, ON)
    by = {r.direction: r for r in rows}
    assert [r.direction for r in rows] == \
        ["technical", "natural_science", "sport", "art", "tourism", "social"]
    # 3 published: technical 2 (66.7 %), art 1 (33.3 %); the draft is not a programme.
    assert (by["technical"].programmes, by["technical"].programmes_share) == (2, D("66.7"))
    assert (by["art"].programmes, by["art"].programmes_share) == (1, D("33.3"))
    assert (by["sport"].programmes, by["sport"].programmes_share) == (0, D("0.0"))
    # technical: g1 only (g2 ended) → 2 of 10 = 20.0 %; art 1 of 8 = 12.5 %; sport 1 of 4 = 25.0 %.
    assert (by["technical"].groups, by["technical"].places, by["technical"].occupied,
            by["technical"].occupancy) == (1, 10, 2, D("20.0"))
    assert (by["art"].occupied, by["art"].occupancy, by["sport"].occupancy) == (1, D("12.5"), D("25.0"))
    assert by["tourism"].occupancy is None
    assert (by["technical"].children, by["art"].children, by["sport"].children) == (2, 1, 1)
    # 4 of 22 = 18.18… → 18.2 %; children a, b, c once each.
    assert (totals.programmes, totals.groups, totals.places, totals.occupied, totals.occupancy,
            totals.children) == (3, 3, 22, 4, D("18.2"), 3)


def test_a_group_of_an_unknown_programme_or_direction_is_refused():
    with pytest.raises(ValueError, match="направленность"):
        direction_figures([ProgrammeRow("p1", "cooking")], [], [], ON)
    with pytest.raises(ValueError, match="нет данных о программе"):
        direction_figures([], [GroupPlaces("g1", "p1", SEP1, YEAR_END, 10)], [], ON)


def test_applications_made_in_the_period_by_status():
    apps = [
        ApplicationRow("1", APP_NEW, d(3)),
        ApplicationRow("2", APP_ACTIVE, SEP1),        # the period's first day
        ApplicationRow("3", APP_ACTIVE, NOV30),       # its last day
        ApplicationRow("4", APP_REJECTED, d(10, 10)),
        ApplicationRow("5", APP_ACTIVE, d(31, 8)),    # before the period: not counted
    ]
    counts = {a.status: (a.count, a.share) for a in applications_by_status(apps, SEP1, NOV30)}
    assert len(counts) == 9
    assert counts[APP_ACTIVE] == (2, D("50.0"))
    assert counts[APP_NEW] == counts[APP_REJECTED] == (1, D("25.0"))
    assert counts[APP_EXPELLED] == (0, D("0.0"))
    with pytest.raises(ValueError, match="неизвестный статус"):
        applications_by_status([ApplicationRow("6", "lost", d(3))], SEP1, NOV30)


# --- money by month ---------------------------------------------------------------------------------------

MONEY = [
    MoneyLine((2025, 9), D("1000.00"), D("1000.00"), "c1"),
    MoneyLine((2025, 9), D("1000.00"), D("750.00"), "c2"),
    MoneyLine((2025, 10), D("1000.00"), D("1000.00"), "c1"),
    MoneyLine((2025, 10), D("1000.00"), D("1000.00"), "c2"),
    MoneyLine((2025, 9), D("0.00"), D("125.00"), "c2"),  # a correction of September, carried in October
    MoneyLine((2025, 11), D("1000.00"), None, "c1"),      # not invoiced yet: reserved
    MoneyLine((2025, 11), D("1000.00"), None, "c2"),
    MoneyLine((2025, 11), D("500.03"), None, "c3"),
    MoneyLine((2025, 8), D("999.99"), D("999.99"), "c9"),  # outside the period
]
ADVANCES = [AdvanceLine((2025, 9), D("1600.00")), AdvanceLine((2025, 10), D("1600.00")),
            AdvanceLine((2025, 11), D("2000.02")), AdvanceLine((2025, 12), D("5.00"))]


def test_money_by_month_sums_equal_the_sum_of_their_lines():
    months = money_by_month(MONEY, SEP1, NOV30, ADVANCES)
    assert [(m.month, m.nominal, m.reserved, m.paid, m.returned, m.advance, m.lines) for m in months] == [
        # September: 1000 + 1000 (+ 0 the correction) = 2000.00; paid 1000 + 750 + 125 = 1875.00;
        # returned 2000.00 − 1875.00 = 125.00.
        ((2025, 9), D("2000.00"), D("0.00"), D("1875.00"), D("125.00"), D("1600.00"), 3),
        ((2025, 10), D("2000.00"), D("0.00"), D("2000.00"), D("0.00"), D("1600.00"), 2),
        ((2025, 11), D("2500.03"), D("2500.03"), D("0.00"), D("0.00"), D("2000.02"), 3),
    ]
    for m in months:
        mine = [line for line in MONEY if line.month == m.month]
        assert m.nominal == sum((line.amount for line in mine), D(0))
        assert m.paid == sum((line.paid for line in mine if line.paid is not None), D(0))
        assert m.nominal == m.reserved + m.paid + m.returned


def test_money_lines_from_the_monthly_cycle():
    group = GroupRow("A", "Робототехника", SEP1, YEAR_END, tuple(
        Lesson(d(day), 2, LESSON_CANCELLED if day in (11, 20) else "held")
        for day in (4, 6, 11, 13, 18, 20, 25, 27)))  # k = 75.00 (docs/payment.md)
    contracts = [
        ContractRow("c1", "1", d(25, 8), "A", SEP1, YEAR_END, D("9000.00"), certificate_number="0101000001"),
        ContractRow("c2", "2", d(25, 8), "A", SEP1, YEAR_END, D("0.00"), D("900.00")),  # no certificate part
    ]
    figures = compute_month((2025, 11), [group], contracts)
    reserved = money_lines(figures, invoiced=False)
    paid = money_lines(figures, invoiced=True)
    assert reserved == [MoneyLine((2025, 11), D("1000.00"), None, "c1", "0101000001")]
    assert paid == [MoneyLine((2025, 11), D("1000.00"), D("750.00"), "c1", "0101000001")]
    correction = Correction("c1", "1", d(25, 8), "0101000001", "mo-1", (2025, 11), D("-50.00"))
    nov = money_by_month(paid + correction_lines([correction]), d(1), NOV30)[0]
    # paid 750.00 − 50.00 = 700.00; returned 1000.00 − 700.00 = 300.00.
    assert (nov.nominal, nov.reserved, nov.paid, nov.returned) == \
        (D("1000.00"), D("0.00"), D("700.00"), D("300.00"))


# --- attendance -----------------------------------------------------------------------------------------

def test_attendance_share_of_present_marks_and_cancelled_lessons():
    # November: Tue/Thu 2 h — 4, 6, 11, 13, 18, 20, 25, 27; 11.11 cancelled by the provider, 25.11
    # moved to 26.11 (held): planned 8, held 7, cancelled 1 → k = 100 × 14 / 16 = 87.50.
    group = GroupRow("g1", "Робототехника", SEP1, YEAR_END, tuple(
        Lesson(d(day), 2, LESSON_CANCELLED if day == 11 else LESSON_MOVED if day == 25 else "held",
               d(26) if day == 25 else None)
        for day in (4, 6, 11, 13, 18, 20, 25, 27)))
    empty = GroupRow("g2", "Шахматы", d(1, 12), YEAR_END, ())  # starts in December: no row
    marks = [
        MarkRow("g1", "a", d(4), 1), MarkRow("g1", "a", d(6), 1), MarkRow("g1", "a", d(13), 1),
        MarkRow("g1", "b", d(4), 1), MarkRow("g1", "b", d(6), 3), MarkRow("g1", "b", d(13), 2),
        MarkRow("g1", "b", d(18), 4),  # an excused absence known in advance: after the date, not yet
        MarkRow("g1", "a", d(30, 10), 4),  # October: a month without lessons given, but a mark
    ]
    rows = attendance_by_group([group, empty], marks, d(1, 10), NOV30, ON)
    assert [(r.month, r.planned_lessons, r.held_lessons, r.cancelled_lessons, r.k, r.marks, r.present,
             r.present_share) for r in rows] == [
        ((2025, 10), 0, 0, 0, None, 1, 0, D("0.0")),
        # 6 marks up to 15.11, 4 «был» → 66.666… → 66.7 %.
        ((2025, 11), 8, 7, 1, D("87.50"), 6, 4, D("66.7")),
    ]
    assert rows[1].cancelled_hours == 2
    with pytest.raises(ValueError, match="нет данных о группе"):
        attendance_by_group([group], [MarkRow("g9", "a", d(4), 1)], d(1), NOV30, ON)
    with pytest.raises(ValueError, match="неизвестный код"):
        attendance_by_group([group], [MarkRow("g1", "a", d(4), 7)], d(1), NOV30, ON)


# --- the worked example of docs/indicators.md ------------------------------------------------------------

def worked_example() -> dict[str, object]:
    """«Заречный район» on 15.11.2025 for 01.09–30.11.2025 (docs/indicators.md, «A worked example»)."""
    pf, uchet = CERT_PF, CERT_ACCOUNTING
    certificates = [
        cert("0101000001", "А", d(1, 3, 2010), pf, "12000.00"),
        cert("0101000002", "Б", d(10, 6, 2012), pf, "12000.00"),
        cert("0101000003", "В", d(20, 1, 2015), pf, "12000.00"),
        cert("0101000004", "Г", d(15, 11, 2020), uchet),            # 5 today: counted
        cert("0101000005", "Д", d(15, 11, 2007), pf, "12000.00"),   # 18 today: not counted
        cert("0101000006", "Е", d(16, 11, 2007), uchet),            # 17: counted
        cert("0101000007", "Ж", d(5, 5, 2014), uchet),              # only an expired contract
        cert("0101000008", "З", d(2, 2, 2016), pf, "12000.00", issued_on=d(20)),  # issued later
        cert("0101000009", "И", d(9, 9, 2013), uchet),              # not studying
        cert("0101000010", "Л", d(3, 3, 2011), pf, "12000.00"),     # an offer, not enrolled
        cert("0101000011", "М", d(4, 4, 2012), pf, "12000.00"),
        cert("0101000012", "Н", d(6, 6, 2014), pf, "12000.00"),
    ]
    born = {c.child_id: c.birth_date for c in certificates} | {"К": d(7, 7, 2011)}
    programmes = [
        ProgrammeRow("p1", "technical", provider_id="ДДТ"),     # Робототехника
        ProgrammeRow("p2", "sport", provider_id="ДДТ"),         # Шахматы
        ProgrammeRow("p3", "sport", provider_id="ДЮСШ"),        # Футбол
        ProgrammeRow("p4", "art", provider_id="Школа № 1"),     # Хор
        ProgrammeRow("p5", "tourism", provider_id="Школа № 1"),  # Краеведение
        ProgrammeRow("p6", "natural_science", "draft", "ДДТ"),  # Юный химик: a draft
        ProgrammeRow("p7", "art", provider_id="ДЮСШ"),          # Театр
    ]
    groups = [GroupPlaces(f"g{p}", f"p{p}", SEP1, YEAR_END, cap)
              for p, cap in ((1, 10), (2, 8), (3, 15), (4, 12), (5, 10), (7, 5))]
    groups.append(GroupPlaces("g8", "p3", SEP1, d(31, 10), 10))  # ended on 31.10
    def e(child: str, group: str, **kw: object) -> EnrolmentRow:
        return enrol(child, "p3" if group == "g8" else "p" + group[1:], group, born=born[child],
                     **kw)  # type: ignore[arg-type]
    enrolments = [
        e("А", "g1"), e("А", "g3"),                # two providers: counted once, on 2 programmes
        e("Б", "g1"), e("Б", "g2"), e("Б", "g4"),  # on 3
        e("В", "g3"),
        e("Г", "g4", start=ON),                    # from the date itself
        e("Д", "g3"),                              # 18: a place, a child of sport, not coverage
        e("Е", "g5"),
        e("Ж", "g2", end=d(31, 10), status=APP_EXPELLED),
        e("Л", "g5", start=d(1, 12), status=APP_CONFIRMED),
        e("М", "g4"), e("М", "g7"),
        e("Н", "g7"),
        e("Н", "g8", end=d(31, 10), status=APP_TRANSFERRED),
        e("К", "g4"),                              # no certificate: coverage only
    ]
    applications = [ApplicationRow(str(i), status, made) for i, (status, made) in enumerate([
        (APP_ACTIVE, d(25, 8)),  # made in August: outside the period
        (APP_ACTIVE, d(2, 9)), (APP_ACTIVE, d(2, 9)), (APP_ACTIVE, d(3, 9)), (APP_ACTIVE, d(10, 9)),
        (APP_ACTIVE, d(15, 11)), (APP_CONFIRMED, d(12, 11)), (APP_NEW, d(14, 11)), (APP_REJECTED, d(1, 10)),
    ])]
    lessons = [GroupRow("g1", "Робототехника", SEP1, YEAR_END, tuple(
        Lesson(d(day), 2, LESSON_CANCELLED if day == 11 else "held")
        for day in (4, 6, 11, 13, 18, 20, 25, 27)))]
    marks = [MarkRow("g1", child, d(day), code)
             for child, codes in (("А", (1, 1, 1)), ("Б", (1, 3, 2)))
             for day, code in zip((4, 6, 13), codes, strict=True)]
    marks.append(MarkRow("g1", "Б", d(18), 4))  # after the date: not yet
    return {
        "scope": "Заречный район", "population": 160, "certificates": certificates,
        "enrolments": enrolments, "programmes": programmes, "groups": groups,
        "applications": applications, "money": MONEY[:-1], "advances": ADVANCES[:3],
        "lessons": lessons, "marks": marks,
    }


def _doc_table(heading: str) -> list[list[str]]:
    """The markdown table under a heading of docs/indicators.md, cells stripped, spaces normalised."""
    text = DOC.read_text(encoding="utf-8")
    start = text.index(heading)
    lines = text[start:].splitlines()[1:]
    table: list[list[str]] = []
    for line in lines:
        if line.startswith("|"):
            cells = [re.sub(r"\s+", " ", cell.replace("\u202f", " ").replace("\u00a0", " ")).strip()
                     for cell in line.strip().strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                table.append(cells)
        elif table:
            break
    return table[1:]  # without the header


def _printed(cells: tuple[str, ...] | list[str]) -> list[str]:
    return [re.sub(r"\s+", " ", c.replace("\u202f", " ")).strip() for c in cells]


def test_worked_example_of_docs_indicators_md():
    result = compute_indicators(ON, SEP1, NOV30, **worked_example())  # type: ignore[arg-type]
    c = result.certificates
    # Counted: А Б В Г Е Ж И Л М Н = 10 (Д is 18 today, З issued on 20.11); 10 / 160 = 6.25 → 6.3 %.
    assert (c.issued, c.issued_share) == (10, D("6.3"))
    # ПФ: А Б В Л М Н = 6 (60.0 %); учёт: Г Е Ж И = 4 (40.0 %); nominal 6 × 12 000.00.
    assert (c.pf, c.pf_share, c.accounting, c.accounting_share) == (6, D("60.0"), 4, D("40.0"))
    assert c.nominal_rub == D("72000.00")
    # Used: А(2) Б(3) В(1) Г(1) Е(1) М(2) Н(1) = 7 → 70.0 %; on 1: В Г Е Н = 4, on 2: А М, on 3+: Б.
    assert (c.used, c.used_share) == (7, D("70.0"))
    assert (c.on_1, c.on_2, c.on_3_plus, c.on_1_share, c.on_2_share, c.on_3_plus_share) == \
        (4, 2, 1, D("40.0"), D("20.0"), D("10.0"))
    # Coverage: А Б В Г Е М Н К = 8 of 160 = 5.0 % (Д is 18).
    assert (result.coverage.children, result.coverage.percent) == (8, D("5.0"))
    # Places: 10 + 8 + 15 + 12 + 10 + 5 = 60 (g8 ended); occupied g1 2, g2 1, g3 3, g4 4, g5 1, g7 2 = 13
    # → 21.666… → 21.7 %; children studying: А Б В Г Д Е К М Н = 9.
    p = result.places
    assert (p.places, p.occupied, p.occupancy, p.children) == (60, 13, D("21.7"), 9)
    assert result.lessons_cancelled == 1

    main = _doc_table("#### Главная таблица")
    assert main == [_printed((r.title, r.value, r.share)) for r in result.table_rows()]
    directions = _doc_table("#### Направленности")
    assert directions == [_printed((x.title, count_text(x.programmes), format_share(x.programmes_share),
                                    count_text(x.places), count_text(x.occupied), format_share(x.occupancy),
                                    count_text(x.children)))
                          for x in result.directions]
    assert _doc_table("#### Деньги по месяцам") == [_printed(r) for r in result.money_rows()]
    assert _doc_table("#### Посещаемость") == [_printed(r) for r in result.attendance_rows()]

    data = json.loads(json.dumps(result.to_json()))
    assert data["certificates"]["issued_share"] == 6.3 and data["certificates"]["nominal_rub"] == "72000.00"
    assert data["money"][0] == {"month": "2025-09", "nominal": "2000.00", "reserved": "0.00",
                                "paid": "1875.00", "returned": "125.00", "advance": "1600.00", "lines": 3}
    assert data["attendance"][0]["present_share"] == 66.7 and data["attendance"][0]["k"] == "87.50"
    assert [a["count"] for a in data["applications"] if a["count"]] == [1, 1, 5, 1]


def test_json_keys_are_the_same_whatever_the_data():
    empty = compute_indicators(ON, SEP1, NOV30).to_json()
    full = compute_indicators(ON, SEP1, NOV30, **worked_example()).to_json()  # type: ignore[arg-type]
    assert empty.keys() == full.keys()
    for section in ("certificates", "coverage", "places"):
        assert empty[section].keys() == full[section].keys()  # type: ignore[attr-defined]
    for section in ("directions", "applications", "money"):
        assert empty[section][0].keys() == full[section][0].keys()  # type: ignore[index]
