"""The portrait forms: every filled field is on paper, unknown fields are lines to fill by hand,
fonts are embedded, A4, one document per page run, and ``render``'s contract (progress, cancel,
atomic 0600 file, Russian errors)."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import stat
import threading
from datetime import date
from decimal import Decimal

import pypdf
import pytest
from documents_factory import (
    CERTIFICATE,
    CHILD,
    GUARDIAN,
    LONG_CHILD,
    LONG_PROGRAM,
    LONG_PROVIDER,
    PROVIDER,
    STUDY,
    application_doc,
    blank_application_doc,
    budget_application_doc,
    child_doc,
    journal_doc,
)
from pdf_reading import laid_out, page_fonts, pieces_outside, print_to_pdf, read_pdf
from reportlab.lib.pagesizes import A4

from pfdo_desktop.domain import documents as d
from pfdo_desktop.printing import PrintCancelled, render
from pfdo_desktop.printing import fonts as fonts_module
from pfdo_desktop.printing.text import format_money

CHILD_FIELDS = [CHILD.full_name, "14.03.2015", "112-233-445 95", "Свидетельство о рождении № IV-АИ 654321"]
GUARDIAN_FIELDS = [GUARDIAN.full_name, "мать", "Паспорт гражданина РФ № 65 12 345678", "+7 912 345-67-89",
                   "smirnova.eo@mail.ru"]
PROVIDER_FIELDS = ["6658012345", "1026602345678", PROVIDER.address]
STUDY_FIELDS = [STUDY.program_name, "техническая", "Первый год обучения", "72 ч.", "Робототехника-1А",
                STUDY.teacher]


def _rub(amount: str | Decimal) -> str:
    """The sum as the PDF's text reads it (the no-break spaces come back as spaces)."""
    return format_money(Decimal(amount)).replace("\u00a0", " ")


def _assert_all_in(text: str, values: list[str]) -> None:
    missing = [v for v in values if v not in text]
    assert not missing, f"not on paper: {missing}"


@pytest.fixture
def prints(tmp_path):
    """An empty folder for the PDFs."""
    folder = tmp_path / "prints"
    folder.mkdir()
    return folder


# --- what each form says ---------------------------------------------------------------------------


def test_certificate_application_shows_the_child_and_the_parent():
    printed = print_to_pdf(d.FORM_CERTIFICATE_APPLICATION, [child_doc()])

    assert "ЗАЯВЛЕНИЕ" in printed.flat
    assert "о предоставлении сертификата дополнительного образования" in printed.flat
    _assert_all_in(printed.flat, CHILD_FIELDS + GUARDIAN_FIELDS + ["г. Екатеринбург", "6601234567",
                                                                   "Смирнова Е. О."])
    assert re.search(r"Адрес места жительства _{20,}", printed.flat), "the address is a line to fill"


def test_certificate_application_without_a_representative_leaves_lines():
    printed = print_to_pdf(d.FORM_CERTIFICATE_APPLICATION, [child_doc(guardian=None, certificate=None)])

    _assert_all_in(printed.flat, CHILD_FIELDS)
    assert re.search(r"Заявитель: _{10,}", printed.flat)
    assert re.search(r"Кем приходится ребёнку _{20,}", printed.flat)
    assert re.search(r"Телефон _{20,}", printed.flat)
    assert re.search(r"№ сертификата \(если выдан\) _{20,}", printed.flat)
    assert "«___» ____________ 20___ г." in printed.flat  # the date is written by hand


def test_certificate_extract_shows_the_card_with_the_free_balance():
    printed = print_to_pdf(d.FORM_CERTIFICATE_EXTRACT, [child_doc()])

    _assert_all_in(printed.flat, ["ВЫПИСКА", "из реестра сертификатов", "6601234567", CHILD.full_name,
                                  "14.03.2015", "сертификат персонифицированного финансирования",
                                  "по данным на 01.09.2026", "Дата выдачи выписки: 02.09.2026",
                                  "Соколова И. В."])
    for amount in ("24000.00", "18500.50", "6400.00", "12100.50"):  # nominal, balance, reserve, free
        assert _rub(amount) in printed.flat


def test_certificate_extract_in_hours_counts_hours_not_roubles():
    certificate = dataclasses.replace(CERTIFICATE, unit="hours", nominal=Decimal("144.00"),
                                      balance=Decimal("108.00"), reserve=Decimal("36.00"))
    printed = print_to_pdf(d.FORM_CERTIFICATE_EXTRACT, [child_doc(certificate=certificate)])

    for row in ("Номинал сертификата 144 ч", "Остаток средств (баланс) 108 ч",
                "Зарезервировано по действующим договорам 36 ч", "Свободный остаток 72 ч"):
        assert row in printed.flat
    assert "₽" not in printed.text


def test_certificate_extract_of_a_child_without_a_certificate_says_so_as_of_the_last_sync():
    doc = dataclasses.replace(child_doc(certificate=None), registry_as_of=date(2026, 8, 30))
    printed = print_to_pdf(d.FORM_CERTIFICATE_EXTRACT, [doc])

    assert ("на 30.08.2026 сертификат дополнительного образования на имя Смирновой Полины Андреевны "
            "(дата рождения 14.03.2015) в реестре не значится") in printed.flat
    assert "₽" not in printed.text


def test_certificate_extract_of_a_request_not_yet_registered_does_not_claim_the_registry():
    doc = dataclasses.replace(child_doc(certificate=None), in_registry=False)
    printed = print_to_pdf(d.FORM_CERTIFICATE_EXTRACT, [doc])

    assert "ещё не внесены в реестр" in printed.flat and "не значится" not in printed.flat


def test_enrolment_application_shows_every_filled_field():
    printed = print_to_pdf(d.FORM_ENROLMENT_APPLICATION, [application_doc()])

    _assert_all_in(printed.flat, CHILD_FIELDS + GUARDIAN_FIELDS + PROVIDER_FIELDS + STUDY_FIELDS + [
        "Руководителю МБУ ДО «ДДТ «Радуга»» Соколовой И. В.", "ЗАЯВЛЕНИЕ № З-2026-004512", "акцепт оферты",
        "№ Д-2026/0417 от 28.08.2026", "с 07.09.2026 по 31.05.2027", "6601234567", "25.08.2026",
        "ознакомлена", "с уставом организации", "с лицензией", "152-ФЗ", "Смирнова Е. О."])
    assert len(printed.pages) == 1


def test_enrolment_application_leaves_lines_for_what_is_unknown():
    printed = print_to_pdf(d.FORM_ENROLMENT_APPLICATION, [blank_application_doc()])

    flat = printed.flat
    assert re.search(r"договор об образовании № _{5,} от «___» _+ 20__ г\.", flat)
    assert re.search(r"ИНН _{5,}, ОГРН _{5,}", flat)
    assert re.search(r"Заявитель: _{10,}", flat)
    assert re.search(r"Номер сертификата _{20,}", flat)
    assert re.search(r"Электронная почта _{20,}", flat)
    assert re.search(r"/ _{20,}", flat), "the customer's name under the signature is a line"


def test_contract_splits_the_cost_and_schedules_the_months():
    doc = application_doc()
    printed = print_to_pdf(d.FORM_CONTRACT, [doc])
    flat = printed.flat

    _assert_all_in(flat, ["Смирновой Полины Андреевны", CHILD_FIELDS[1]] + PROVIDER_FIELDS + [
        STUDY.program_name, "техническая", "Первый год обучения", "72 (семьдесят два) часа",
        "Робототехника-1А",
        "ДОГОВОР № Д-2026/0417", "28.08.2026", PROVIDER.name, "Соколовой Ирины Владимировны",
        GUARDIAN.full_name, "с 07.09.2026 по 31.05.2027", "6601234567", "Соколова И. В.", "Смирнова Е. О.",
        "Права и обязанности сторон", "расторгнут", "Сентябрь 2026", "Май 2027"])
    assert "составляет 14 400 (четырнадцать тысяч четыреста) рублей 00 копеек" in flat
    assert ("оплачивается 12 000 (двенадцать тысяч) рублей 00 копеек, за счёт средств Заказчика — "
            "2 400 (две тысячи четыреста) рублей 00 копеек") in flat
    assert f"Сентябрь 2026 {_rub('1333.36')} {_rub('266.72')} {_rub('1600.08')}" in flat  # + the kopecks
    for month in doc.schedule[1:]:
        assert _rub(month.certificate) in flat and _rub(month.parent) in flat
    assert f"Итого {_rub('12000')} {_rub('2400')} {_rub('14400')}" in flat


def test_a_budget_contract_is_free_and_has_no_money():
    printed = print_to_pdf(d.FORM_CONTRACT, [budget_application_doc()])

    assert "Обучение бесплатно за счёт бюджета" in printed.flat
    assert "₽" not in printed.text


def test_a_paid_programmes_contract_not_priced_yet_leaves_the_money_to_fill():
    doc = application_doc(price_total=None, certificate_part=None, parent_part=None, schedule=(),
                          price_pending=True)
    printed = print_to_pdf(d.FORM_CONTRACT, [doc])

    flat = printed.flat
    assert "бесплатно" not in flat  # the price is to come, it is not a budget place
    assert re.search(r"составляет _{6,} \(_{20,}\) руб\. _{2,} коп\.", flat)
    assert re.search(r"оплачивается _{6,} \(_{20,}\) руб\. _{2,} коп\., за счёт средств Заказчика — "
                     r"_{6,} \(_{20,}\) руб\. _{2,} коп\.", flat)
    assert "₽" not in flat
    assert "вносить плату за образовательную услугу" in flat  # the parent's duty to pay stays
    assert "Итого" not in flat  # no schedule of sums nobody knows


def test_a_contract_without_a_number_has_lines_for_it():
    printed = print_to_pdf(d.FORM_CONTRACT, [blank_application_doc()])

    flat = printed.flat
    assert re.search(r"ДОГОВОР № _{5,}", flat)
    assert "«___» ________ 20__ г." in flat
    assert re.search(r"в лице руководителя _{10,}", flat)
    assert re.search(r"Документ: _{10,}", flat)


@pytest.mark.parametrize("doc", [child_doc(), application_doc()], ids=["child", "application"])
def test_consent_names_the_subject_operator_data_actions_term_and_revocation(doc):
    printed = print_to_pdf(d.FORM_CONSENT, [doc])

    _assert_all_in(printed.flat, CHILD_FIELDS + GUARDIAN_FIELDS + [
        "СОГЛАСИЕ", "на обработку персональных данных", "152-ФЗ", PROVIDER.name, "ИНН 6658012345",
        PROVIDER.address, "Цель обработки", "Перечень персональных данных", "СНИЛС",
        "сбор, запись, систематизация, накопление, хранение", "удаление, уничтожение",
        "региональную информационную систему", "Согласие действует", "может быть отозвано",
        "письменным заявлением", "6601234567",
        f"я, {GUARDIAN.full_name}, являясь законным представителем несовершеннолетней Смирновой Полины "
        "Андреевны",
        f"1. Оператор персональных данных: {PROVIDER.name}, ИНН 6658012345, ОГРН 1026602345678, адрес: "
        f"{PROVIDER.address}.",
        "даю согласие оператору персональных данных, указанному в пункте 1 (далее — Оператор), на обработку"])
    if isinstance(doc, d.ApplicationDoc):
        assert STUDY.program_name in printed.flat
        assert "(31.05.2027)" in printed.flat


def test_consent_without_a_representative_leaves_lines():
    printed = print_to_pdf(d.FORM_CONSENT, [child_doc(guardian=None)])

    assert re.search(r"Законный представитель \(субъект персональных данных\) "
                     r"Фамилия, имя, отчество _{20,}", printed.flat)
    assert re.search(r"я, _{20,}, являясь законным представителем", printed.flat)


def test_termination_notice_names_the_contract_order_and_reason():
    printed = print_to_pdf(d.FORM_TERMINATION, [application_doc()])

    _assert_all_in(printed.flat, [
        "УВЕДОМЛЕНИЕ", "о расторжении договора", "№ Д-2026/0417 от 28.08.2026", CHILD.full_name,
        "14.03.2015", STUDY.program_name, "«Робототехника-1А»", "31.05.2027", "приказ № 212-од от 18.12.2026",
        "по инициативе заказчика (заявление родителя)", "Соколова И. В.", "6601234567",
        "Заказчику Смирновой Екатерине Олеговне"])


def test_termination_notice_without_an_order_leaves_lines():
    printed = print_to_pdf(d.FORM_TERMINATION, [blank_application_doc()])

    assert re.search(r"приказ № _{5,} от «___» ________ 20__ г\.", printed.flat)
    assert re.search(r"Причина расторжения _{20,}", printed.flat)


# --- what every form shares ------------------------------------------------------------------------

PORTRAIT = [
    (d.FORM_CERTIFICATE_APPLICATION, child_doc()),
    (d.FORM_CERTIFICATE_EXTRACT, child_doc()),
    (d.FORM_ENROLMENT_APPLICATION, application_doc()),
    (d.FORM_CONTRACT, application_doc()),
    (d.FORM_CONSENT, application_doc()),
    (d.FORM_TERMINATION, application_doc()),
]


@pytest.mark.parametrize("form,doc", PORTRAIT + [(d.FORM_JOURNAL, journal_doc(12))],
                         ids=lambda v: v if isinstance(v, str) else "")
def test_every_form_is_a4_with_embedded_pt_fonts_and_no_names_in_metadata(form, doc):
    printed = print_to_pdf(form, [doc])

    for page in printed.reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        expected = (A4[1], A4[0]) if form == d.FORM_JOURNAL else A4
        assert size == pytest.approx(expected, abs=0.5)
        fonts = page_fonts(page)
        assert fonts, "the page has text"
        for base_font, embedded in fonts:
            assert embedded, f"{base_font} is not embedded"
            assert "PTSerif" in base_font or "PTSans" in base_font, base_font
    meta = printed.reader.metadata
    assert meta.title == d.FORMS_RU[form]
    assert meta.creator == "PFDO Desktop"
    values = " ".join(str(v) for v in meta.values())
    assert "Смирнова" not in values and "Соколова" not in values


def test_a_batch_puts_each_application_on_its_own_pages():
    names = ["Смирнова", "Кузнецова", "Ахмедова"]
    docs = [application_doc(child=dataclasses.replace(CHILD, last_name=n)) for n in names]
    calls: list[tuple[int, int]] = []

    pages = render(d.FORM_ENROLMENT_APPLICATION, docs, buffer := io.BytesIO(),
                   progress=lambda done, total: calls.append((done, total)))

    assert calls == [(1, 3), (2, 3), (3, 3)]
    reader = pypdf.PdfReader(io.BytesIO(buffer.getvalue()))
    assert pages == len(reader.pages) == 3
    for page, name in zip(reader.pages, names, strict=True):
        text = page.extract_text()
        assert f"{name} Полина Андреевна" in text
        assert all(f"{other} Полина" not in text for other in names if other != name)


def test_a_pdf_file_is_written_for_its_owner_only_and_without_leftovers(prints):
    out = prints / "заявления.pdf"

    pages = render(d.FORM_ENROLMENT_APPLICATION, [application_doc()], out)

    assert pages == 1
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert os.listdir(prints) == ["заявления.pdf"]
    assert CHILD.full_name in read_pdf(out).flat


def test_cancel_stops_between_documents_and_writes_nothing(prints):
    out = prints / "group.pdf"
    out.write_bytes(b"the previous print")
    cancel = threading.Event()
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done == 2:
            cancel.set()

    with pytest.raises(PrintCancelled):
        render(d.FORM_ENROLMENT_APPLICATION, [application_doc()] * 5, out, progress=progress, cancel=cancel)

    assert calls == [1, 2]
    assert out.read_bytes() == b"the previous print"
    assert os.listdir(prints) == ["group.pdf"]


def test_cancel_before_the_start_creates_no_file(tmp_path):
    cancel = threading.Event()
    cancel.set()

    with pytest.raises(PrintCancelled):
        render(d.FORM_CONTRACT, [application_doc()], tmp_path / "c.pdf", cancel=cancel)

    assert not (tmp_path / "c.pdf").exists()


@pytest.mark.parametrize("form,docs,message", [
    (d.FORM_CONTRACT, [child_doc()], "Форма «Договор об образовании (оферта)» печатается по данным заявки"),
    (d.FORM_JOURNAL, [application_doc()], "по данным журнала группы"),
    (d.FORM_CERTIFICATE_EXTRACT, [journal_doc(3)], "по данным ребёнка"),
    ("invoice-annex", [application_doc()], "Неизвестная печатная форма"),
    (d.FORM_ENROLMENT_APPLICATION, [], "Нечего печатать"),
])
def test_wrong_input_is_refused_in_russian(tmp_path, form, docs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        render(form, docs, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_missing_fonts_are_reported_in_russian(tmp_path, monkeypatch):
    import fontpkg

    def not_installed(*args, **kwargs):
        raise fontpkg.FamilyNotInstalled("pt-serif")

    monkeypatch.setattr(fonts_module, "_registered", False)
    monkeypatch.setattr(fontpkg, "path", not_installed)

    with pytest.raises(fonts_module.FontsMissing, match="Установите пакет fontpkg-pt-serif"):
        render(d.FORM_CONSENT, [child_doc()], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


# --- long values stay inside the paper -------------------------------------------------------------

LONG = {"child": LONG_CHILD, "provider": LONG_PROVIDER}
LONG_GENITIVE = "Римского-Корсаковой-Салтыковой Анны-Марии Константиновны"
LONG_APPLICATION = {**LONG, "study": dataclasses.replace(STUDY, program_name=LONG_PROGRAM),
                    "guardian": dataclasses.replace(GUARDIAN, last_name=LONG_CHILD.last_name)}
LONG_DOCS = [
    (d.FORM_CERTIFICATE_APPLICATION, child_doc(**LONG)),
    (d.FORM_CERTIFICATE_EXTRACT, child_doc(**LONG)),
    (d.FORM_ENROLMENT_APPLICATION, application_doc(**LONG_APPLICATION)),
    (d.FORM_CONTRACT, application_doc(**LONG_APPLICATION)),
    (d.FORM_CONSENT, application_doc(**LONG_APPLICATION)),
    (d.FORM_TERMINATION, application_doc(**LONG_APPLICATION)),
]


@pytest.mark.parametrize("form,doc", LONG_DOCS, ids=[f for f, _ in LONG_DOCS])
def test_long_names_wrap_inside_the_margins_and_stay_whole(form, doc):
    pages = laid_out(form, doc)

    assert pieces_outside(pages, 22 * 72 / 25.4, A4[0] - 14 * 72 / 25.4) == []
    flat = print_to_pdf(form, [doc]).flat
    # the contract names the pupil only in the genitive («в интересах несовершеннолетней …»)
    assert (LONG_GENITIVE if form == d.FORM_CONTRACT else LONG_CHILD.full_name) in flat
    if form not in (d.FORM_CERTIFICATE_APPLICATION, d.FORM_CERTIFICATE_EXTRACT):
        assert " ".join(LONG_PROGRAM.split()) in flat


def test_contract_requisites_keep_each_party_in_its_column():
    doc = dict(LONG_DOCS)[d.FORM_CONTRACT]
    pages = laid_out(d.FORM_CONTRACT, doc)
    left, right = 22 * 72 / 25.4, A4[0] - 14 * 72 / 25.4
    middle = (left + right) / 2
    last = pages[-1]
    heading = next(p for p in last.texts if p[4] == "Заказчик")  # the right column starts here
    right_column = [p for p in last.texts if p[1] <= heading[1] and p[0] >= middle]
    assert any("Римского-Корсакова-Салтыкова" in p[4] for p in right_column)
    assert pieces_outside([dataclasses.replace(last, texts=right_column)], middle, right) == []
    left_column = [p for p in last.texts if p[1] <= heading[1] and p[0] < middle]
    assert pieces_outside([dataclasses.replace(last, texts=left_column)], left, middle) == []


def test_money_is_written_the_russian_way():
    assert format_money(Decimal("12345.67")) == "12\u00a0345,67\u00a0₽"
    assert format_money(Decimal("1234567.5")) == "1\u00a0234\u00a0567,50\u00a0₽"
    assert format_money(Decimal("0")) == "0,00\u00a0₽"
    assert format_money(Decimal("999.999")) == "1\u00a0000,00\u00a0₽"
    assert format_money(Decimal("-15")) == "-15,00\u00a0₽"
    assert format_money(CERTIFICATE.nominal) == "24\u00a0000,00\u00a0₽"
