"""Validation people expect: Cyrillic names, Russian phones, e-mail, a child's date of birth."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pfdo_desktop.domain.ages import age_on
from pfdo_desktop.domain.validation import (
    birth_date_error,
    email_error,
    normalize_person_name,
    normalize_phone,
    person_name_error,
    phone_error,
)

# --- names --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Иванов", "Ёлкина", "Римский-Корсаков", "Анна Мария", "  Пётр  ",
                                  "Салтыков-Щедрин", "ибн Сина", "Оглы Мамедов"])
def test_cyrillic_names_are_accepted(name):
    assert person_name_error(name, "Фамилия") is None


@pytest.mark.parametrize(
    "name, fragment",
    [
        ("", "Заполните поле «Фамилия»"),
        ("   ", "Заполните поле «Фамилия»"),
        ("Ivanov", "латинские буквы"),
        ("Иваноv", "латинские буквы"),  # a Latin letter hidden among Cyrillic ones
        ("Иванов2", "цифры не допускаются"),
        ("Иванов_", "недопустимый символ «_»"),
        ("О'Нил", "недопустимый символ «'»"),
        ("-Иванов", "дефис ставится только между буквами"),
        ("Иванов-", "дефис ставится только между буквами"),
        ("Римский--Корсаков", "дефис ставится только между буквами"),
        ("Римский - Корсаков", "дефис ставится только между буквами"),
        ("Я" * 101, "не длиннее 100 символов"),
    ],
)
def test_bad_names_say_what_is_wrong_in_the_named_field(name, fragment):
    error = person_name_error(name, "Фамилия")
    assert error is not None and fragment in error
    assert "Фамилия" in error


def test_name_normalisation_trims_and_collapses_spaces():
    assert normalize_person_name("  Анна   Мария ") == "Анна Мария"


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
               min_size=1, max_size=40))
def test_any_cyrillic_word_is_a_valid_name(word):
    assert person_name_error(word, "Имя") is None


@given(st.text(min_size=1, max_size=30))
def test_name_error_is_none_or_a_message_and_never_crashes(text):
    error = person_name_error(text, "Отчество")
    assert error is None or "Отчество" in error


# --- phones -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    ["+7 912 345-67-89", "+7 (912) 345-67-89", "89123456789", "8 912 345 67 89", "8(912)3456789",
     "+79123456789", "79123456789", "  +7-912-345-67-89 ", "9123456789"],
)
def test_russian_phone_spellings_normalise_to_plus_seven(text):
    assert normalize_phone(text) == "+79123456789"
    assert phone_error(text) is None


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "Укажите телефон"),
        ("4912345678", "Добавьте код страны"),  # a landline without its country code
        ("+7 912 345-67-8", "10 цифр"),
        ("8912345678901", "нужно 11"),
        ("+1 212 555-12-34", "российский номер"),
        ("+7 912 ABC-67-89", "лишние символы"),
        ("доб. 123", "лишние символы"),
        ("+7 \u0669\u0661\u0662 345-67-89", "лишние символы"),  # Arabic-Indic digits pasted from a web page
    ],
)
def test_bad_phones_say_how_to_fix_them(text, fragment):
    error = phone_error(text)
    assert error is not None and fragment in error
    assert normalize_phone(text) is None


@given(st.from_regex(r"[0-9]{10}", fullmatch=True))
def test_eight_and_plus_seven_spellings_are_the_same_number(ten):
    assert normalize_phone("8" + ten) == normalize_phone("+7" + ten) == "+7" + ten
    assert normalize_phone(f"+7 ({ten[:3]}) {ten[3:6]}-{ten[6:8]}-{ten[8:]}") == "+7" + ten


@given(st.text(max_size=25))
def test_phone_error_and_normalize_agree(text):
    assert (phone_error(text) is None) == (normalize_phone(text) is not None)


# --- e-mail -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ivanova@mail.ru", "a.ivanova+school@yandex.ru", "info@школа.рф",
                                  "first_last@sub.domain.org", " ivan@mail.ru "])
def test_usual_addresses_are_accepted(text):
    assert email_error(text) is None


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "Укажите адрес"),
        ("ivanova mail.ru", "пробелов"),
        ("ivanova.mail.ru", "ровно один знак «@»"),
        ("a@b@mail.ru", "ровно один знак «@»"),
        ("@mail.ru", "имя ящика"),
        ("ivanova@mail,ru", "запятая"),
        ("иванова@mail.ru", "латинскими буквами"),
        ("ivanova.@mail.ru", "латинскими буквами"),
        ("ivanova@mailru", "домен с точкой"),
        ("ivanova@mail..ru", "Домен после «@»"),
        ("ivanova@.mail.ru", "Домен после «@»"),
        ("ivanova@mail.r", "зоной из букв"),
        ("ivanova@mail.123", "зоной из букв"),
    ],
)
def test_bad_addresses_say_what_is_wrong(text, fragment):
    error = email_error(text)
    assert error is not None and fragment in error
    assert "Пример: ivanova@mail.ru" in error


# --- date of birth ------------------------------------------------------------------------------

ON = date(2026, 9, 1)


@pytest.mark.parametrize(
    "birth, ok",
    [
        (date(2021, 9, 1), True),  # 5th birthday on the date
        (date(2021, 9, 2), False),  # one day short of 5
        (date(2008, 9, 2), True),  # 17, the day before the 18th birthday
        (date(2008, 9, 1), False),  # 18th birthday on the date: the certificate has ended
        (date(2007, 9, 1), False),  # 19 today
        (date(2016, 5, 20), True),
    ],
)
def test_age_from_five_until_the_eighteenth_birthday(birth, ok):
    assert (birth_date_error(birth, ON) is None) is ok


def test_too_young_says_the_age_and_when_the_child_turns_five():
    error = birth_date_error(date(2022, 3, 10), ON)
    assert error is not None
    assert "На 01.09.2026 ребёнку 4 года — меньше 5 лет" in error
    assert "с 10.03.2027" in error


def test_too_old_says_the_age_and_the_rule():
    error = birth_date_error(date(2005, 1, 1), ON)
    assert error is not None and "уже 21 год" in error and "до достижения 18" in error


def test_birth_after_the_date_is_a_typo_in_the_year():
    error = birth_date_error(date(2026, 9, 2), ON)
    assert error is not None and "позже 01.09.2026" in error and "год рождения" in error


def test_leap_day_child_turns_five_on_first_of_march():
    error = birth_date_error(date(2024, 2, 29), date(2029, 2, 28))
    assert error is not None and "с 01.03.2029" in error
    assert birth_date_error(date(2024, 2, 29), date(2029, 3, 1)) is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)),
       st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 1, 1)))
def test_birth_date_error_agrees_with_age_in_full_years(birth, on):
    ok = birth <= on and 5 <= age_on(birth, on) < 18
    assert (birth_date_error(birth, on) is None) is ok
