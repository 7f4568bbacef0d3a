"""The provider's payment requisites (domain.requisites): the checks the portal applies when the
region enters them and the PC applies to the record it pulls. The control digits are the Bank of
Russia's; the valid cases are real banks' published correspondent accounts and accounts built
to pass the key by hand."""

from __future__ import annotations

import pytest

from pfdo_desktop.domain.requisites import (
    Requisites,
    account_error,
    cleaned,
    corr_account_error,
    requisites_errors,
    valid_or_blank,
)

SBER_URAL = ("046577674", "30101810500000000674")  # Уральский банк ПАО Сбербанк
SBER_MOSCOW = ("044525225", "30101810400000000225")  # ПАО Сбербанк, Москва
GOOD = Requisites(kpp="663901001", bank_name="Уральский банк ПАО Сбербанк", bik=SBER_URAL[0],
                  account="40703810316540012345", corr_account=SBER_URAL[1],
                  chief_accountant="Лаптева Ирина Олеговна")


def test_a_complete_set_of_real_requisites_has_no_error():
    assert requisites_errors(GOOD) == {}
    assert corr_account_error(SBER_MOSCOW[1], SBER_MOSCOW[0]) is None


def test_the_account_key_hand_computed():
    # «674» + «40703810316540012345», weights 7 1 3 …: the units of the products sum to 100.
    digits = "674" + "40703810316540012345"
    assert sum(int(d) * (7, 1, 3)[i % 3] % 10 for i, d in enumerate(digits)) == 100
    assert account_error("40703810316540012345", SBER_URAL[0]) is None
    # One digit changed anywhere fails the key; the message names both numbers.
    message = account_error("40703810316540012346", SBER_URAL[0])
    assert message is not None and "40703810316540012346" in message and SBER_URAL[0] in message
    # The same account at another bank does not pass: the key is the БИК's.
    assert account_error("40703810316540012345", "044030653") is not None


@pytest.mark.parametrize(("field", "value", "words"), [
    ("kpp", "66390100", "9 знаков"),
    ("kpp", "6639АБ001", "9 знаков"),
    ("bik", "46577674", "9 цифр"),
    ("bik", "146577674", "начинаться с 0"),
    ("account", "4070381031654001234", "20 цифр"),
    ("corr_account", "30101810500000000675", "контрольной цифре"),
    ("corr_account", "40101810500000000674", "301"),
    ("account", "٤٠٧٠٣٨١٠٣١٦٥٤٠٠١٢٣٤٥", "20 цифр"),  # Arabic-Indic digits print as boxes
    ("bik", "٠٤٦٥٧٧٦٧٤", "9 цифр"),
])
def test_a_wrong_field_is_named_with_what_is_wrong(field, value, words):
    errors = requisites_errors(cleaned(**{**_fields(GOOD), field: value}))
    assert list(errors) == [field] and words in errors[field]


def test_an_account_needs_its_bik_and_a_bank_name():
    errors = requisites_errors(Requisites(account="40703810316540012345"))
    assert set(errors) == {"account", "bank_name"}
    assert "без БИК" in errors["account"]


def test_a_treasury_account_is_taken_with_its_20_digits():
    """A budget school's казначейский счёт at an УФК (БИК «01…»), with the единый казначейский счёт
    «40102…» as its correspondent account: no bank key applies."""
    treasury = Requisites(kpp="663901001", bik="016577551", account="03234643657000006200",
                          bank_name="Уральское ГУ Банка России//УФК по Свердловской области",
                          corr_account="40102810645370000054")
    assert requisites_errors(treasury) == {}
    bank_corr = Requisites(**{**_fields(treasury), "corr_account": SBER_URAL[1]})
    assert "40102" in requisites_errors(bank_corr)["corr_account"]


def test_cleaning_drops_the_blanks_a_statement_prints_and_nothing_is_required():
    req = cleaned(bik=" 0465 77674 ", account="4070 3810 3165 4001 2345", kpp="663901001 ",
                  bank_name="  Уральский   банк ", corr_account=None)
    assert (req.bik, req.account, req.kpp, req.bank_name, req.corr_account) == (
        SBER_URAL[0], "40703810316540012345", "663901001", "Уральский банк", "")
    assert requisites_errors(Requisites()) == {}


def test_valid_or_blank_keeps_what_can_be_printed():
    broken = Requisites(**{**_fields(GOOD), "account": "40703810316540012346"})
    kept = valid_or_blank(broken)
    assert kept.account == ""
    assert (kept.bik, kept.corr_account, kept.kpp) == (GOOD.bik, GOOD.corr_account, GOOD.kpp)
    no_bik = valid_or_blank(Requisites(**{**_fields(GOOD), "bik": "12345"}))
    assert (no_bik.bik, no_bik.account, no_bik.corr_account) == ("", "", "")
    assert valid_or_blank(GOOD) is GOOD


def _fields(req: Requisites) -> dict[str, str]:
    return {name: getattr(req, name) for name in ("kpp", "bank_name", "bik", "account", "corr_account",
                                                  "chief_accountant")}
