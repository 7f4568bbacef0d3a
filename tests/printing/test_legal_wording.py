"""The printed legal forms read as correct Russian (issue #10 §3): every name in the case its
sentence needs, the words agreed with the person's gender (neutral when the name does not tell it),
sums of money in words, and never a doubled «№». Checked on the text of the rendered PDFs."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from decimal import Decimal

import pytest
from documents_factory import (
    CHILD,
    GUARDIAN,
    LONG_CHILD,
    PROVIDER,
    STUDY,
    application_doc,
    blank_application_doc,
    child_doc,
)
from pdf_reading import laid_out, pieces_outside, print_to_pdf
from reportlab.lib.pagesizes import A4

from pfdo_desktop.domain import documents as d
from pfdo_desktop.domain.documents import payment_schedule
from pfdo_desktop.printing.layout import text_box

DIRECTOR_F = dataclasses.replace(PROVIDER, head_name="Волкова Милана Валерьевна", head_position="директор")
DIRECTOR_M = dataclasses.replace(PROVIDER, head_name="Захаров Тимофей Никитич", head_position="директор")
BOY = dataclasses.replace(CHILD, last_name="Новиков", first_name="Марк", middle_name="Николаевич")
FATHER = dataclasses.replace(GUARDIAN, last_name="Новиков", first_name="Николай", middle_name="Петрович",
                             relation="отец")
FOREIGN_CHILD = dataclasses.replace(CHILD, last_name="Ли", first_name="Мин", middle_name="")
FOREIGN_PARENT = dataclasses.replace(GUARDIAN, last_name="Ли", first_name="Сун", middle_name="")

MM = 72 / 25.4
LEFT, RIGHT = 22 * MM, A4[0] - 14 * MM


def _flat(form: str, doc) -> str:
    return print_to_pdf(form, [doc]).flat


# --- the contract's parties ------------------------------------------------------------------------


def test_a_female_director_is_in_the_genitive_with_the_participle_agreed():
    flat = _flat(d.FORM_CONTRACT, application_doc(provider=DIRECTOR_F))

    assert ("(далее — Исполнитель) в лице директора Волковой Миланы Валерьевны, действующей на "
            "основании Устава, с одной стороны") in flat
    assert "Волкова Милана Валерьевна" not in flat


def test_a_male_director_is_in_the_genitive_with_the_participle_agreed():
    flat = _flat(d.FORM_CONTRACT, application_doc(provider=DIRECTOR_M))

    assert "в лице директора Захарова Тимофея Никитича, действующего на основании Устава" in flat


HEADS = [
    ("заведующая", "Петрова Анна Сергеевна", "в лице заведующей Петровой Анны Сергеевны, действующей"),
    ("заведующий", "Петров Антон Сергеевич", "в лице заведующего Петрова Антона Сергеевича, действующего"),
    ("", "Соколова Ирина Владимировна", "в лице руководителя Соколовой Ирины Владимировны, действующей"),
    ("генеральный директор", "Мамедов Эльдар Рашид оглы",
     "в лице генерального директора Мамедова Эльдара Рашид оглы, действующего"),
    # the name does not tell the gender: the participle agrees with the title, the name as it is
    ("директор", "Ли Мин", "в лице директора Ли Мин, действующего на основании Устава"),
    ("заведующая", "Ли Мин", "в лице заведующей Ли Мин, действующей на основании Устава"),
    # a title the system cannot decline: the nominative after «в лице:»
    ("художественный руководитель", "Волкова Милана Валерьевна",
     "в лице: художественный руководитель Волкова Милана Валерьевна, действующая на основании Устава"),
    ("художественный руководитель", "Ли Мин",
     "в лице: художественный руководитель Ли Мин, действующий(-ая) на основании Устава"),
]


@pytest.mark.parametrize("position,head,expected", HEADS, ids=[f"head{i}" for i in range(len(HEADS))])
def test_the_head_s_title_and_name_read_right_whatever_they_are(position, head, expected):
    provider = dataclasses.replace(PROVIDER, head_name=head, head_position=position)

    assert expected in _flat(d.FORM_CONTRACT, application_doc(provider=provider))


def test_an_entrepreneur_acts_on_the_register_entry_not_a_charter():
    provider = dataclasses.replace(PROVIDER, name="Индивидуальный предприниматель Захарова Тамара Ивановна",
                                   head_name="Захарова Тамара Ивановна",
                                   head_position="индивидуальный предприниматель")
    flat = _flat(d.FORM_CONTRACT, application_doc(provider=provider))

    assert ("Индивидуальный предприниматель Захарова Тамара Ивановна (далее — Исполнитель), действующая "
            "на основании записи в Едином государственном реестре индивидуальных предпринимателей, "
            "с одной стороны") in flat
    assert "Устава" not in flat and "в лице" not in flat


def test_the_customer_is_the_subject_and_the_pupil_is_in_the_genitive():
    girl = _flat(d.FORM_CONTRACT, application_doc(provider=DIRECTOR_F))
    boy = _flat(d.FORM_CONTRACT, application_doc(provider=DIRECTOR_F, child=BOY, guardian=FATHER))

    assert ("и Смирнова Екатерина Олеговна (далее — Заказчик), действующая в интересах несовершеннолетней "
            "Смирновой Полины Андреевны, дата рождения 14.03.2015 (далее — Обучающийся)") in girl
    assert ("и Новиков Николай Петрович (далее — Заказчик), действующий в интересах несовершеннолетнего "
            "Новикова Марка Николаевича, дата рождения") in boy


def test_names_that_do_not_tell_the_gender_get_a_neutral_sentence_and_no_made_up_ending():
    flat = _flat(d.FORM_CONTRACT, application_doc(child=FOREIGN_CHILD, guardian=FOREIGN_PARENT))

    assert ("и Ли Сун (далее — Заказчик), законный представитель, действующий в интересах "
            "несовершеннолетнего ребёнка Ли Мин, дата рождения 14.03.2015") in flat
    assert "Ли Мина" not in flat and "Ли Суна" not in flat and "(ая)" not in flat


def test_a_contract_without_the_head_s_name_or_a_representative_has_lines_and_neutral_words():
    flat = _flat(d.FORM_CONTRACT, blank_application_doc())

    assert re.search(r"в лице руководителя _{10,}, действующего на основании Устава", flat)
    assert re.search(r"и _{20,} \(далее — Заказчик\), законный представитель, действующий в интересах "
                     r"несовершеннолетней Смирновой Полины Андреевны", flat)


# --- the contract's money --------------------------------------------------------------------------


def test_every_sum_of_the_contract_is_written_in_words_and_the_schedule_stays_in_figures():
    start, end = date(2026, 9, 7), date(2027, 5, 31)
    cert, parent = Decimal("10153.85"), Decimal("6346.15")
    doc = application_doc(price_total=cert + parent, certificate_part=cert, parent_part=parent,
                          schedule=payment_schedule(start, end, cert, parent))
    flat = _flat(d.FORM_CONTRACT, doc)

    assert "составляет 16 500 (шестнадцать тысяч пятьсот) рублей 00 копеек." in flat
    assert ("оплачивается 10 153 (десять тысяч сто пятьдесят три) рубля 85 копеек, за счёт средств "
            "Заказчика — 6 346 (шесть тысяч триста сорок шесть) рублей 15 копеек.") in flat
    assert "Итого 10 153,85 ₽ 6 346,15 ₽ 16 500,00 ₽" in flat  # the table: figures


def test_a_free_parent_part_is_written_in_words_too():
    cert = Decimal("14400.00")
    doc = application_doc(price_total=cert, certificate_part=cert, parent_part=Decimal("0.00"))

    assert ("за счёт средств Заказчика — 0 (ноль) рублей 00 копеек"
            in _flat(d.FORM_CONTRACT, doc))


def test_an_unpriced_contract_leaves_lines_for_figures_and_words():
    doc = application_doc(price_total=None, certificate_part=None, parent_part=None, schedule=(),
                          price_pending=True)
    flat = _flat(d.FORM_CONTRACT, doc)

    assert re.search(r"составляет _{6,} \(_{20,}\) руб\. _{2,} коп\.", flat)


def test_the_module_s_volume_is_written_in_hours_in_words():
    assert "объёмом 72 (семьдесят два) часа" in _flat(d.FORM_CONTRACT, application_doc())
    study = dataclasses.replace(STUDY, hours=144)
    assert "объёмом 144 (сто сорок четыре) часа" in _flat(d.FORM_CONTRACT, application_doc(study=study))


# --- the other forms -------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", [child_doc(), application_doc()], ids=["child", "application"])
def test_consent_i_in_the_nominative_the_child_in_the_genitive(doc):
    flat = _flat(d.FORM_CONSENT, doc)
    boy = _flat(d.FORM_CONSENT, dataclasses.replace(doc, child=BOY, guardian=FATHER))

    assert ("я, Смирнова Екатерина Олеговна, являясь законным представителем несовершеннолетней "
            "Смирновой Полины Андреевны, свободно") in flat
    assert ("я, Новиков Николай Петрович, являясь законным представителем несовершеннолетнего "
            "Новикова Марка Николаевича, свободно") in boy


def test_enrolment_application_is_addressed_to_the_head_and_agrees_with_the_parent():
    flat = _flat(d.FORM_ENROLMENT_APPLICATION, application_doc(provider=DIRECTOR_F))
    father = _flat(d.FORM_ENROLMENT_APPLICATION,
                   application_doc(provider=DIRECTOR_M, child=BOY, guardian=FATHER))
    unknown = _flat(d.FORM_ENROLMENT_APPLICATION, application_doc(guardian=None))

    assert "Директору МБУ ДО «ДДТ «Радуга»» Волковой М. В." in flat
    assert "Прошу зачислить моего ребёнка Смирнову Полину Андреевну на обучение" in flat
    assert "ознакомлена:" in flat
    assert "Директору МБУ ДО «ДДТ «Радуга»» Захарову Т. Н." in father
    assert "Прошу зачислить моего ребёнка Новикова Марка Николаевича на обучение" in father
    assert "ознакомлен:" in father
    assert "ознакомлен(а):" in unknown


def test_certificate_application_agrees_with_the_parent():
    assert "ознакомлена." in _flat(d.FORM_CERTIFICATE_APPLICATION, child_doc())
    assert "ознакомлен." in _flat(d.FORM_CERTIFICATE_APPLICATION, child_doc(guardian=FATHER, child=BOY))
    assert "ознакомлен(а)." in _flat(d.FORM_CERTIFICATE_APPLICATION, child_doc(guardian=None))


def test_extract_names_the_child_in_the_genitive_and_prepositional_and_the_head_by_title():
    missing = _flat(d.FORM_CERTIFICATE_EXTRACT, child_doc(certificate=None, provider=DIRECTOR_F))
    request = _flat(d.FORM_CERTIFICATE_EXTRACT, dataclasses.replace(
        child_doc(certificate=None, child=BOY), in_registry=False))

    assert "на имя Смирновой Полины Андреевны (дата рождения 14.03.2015) в реестре не значится" in missing
    assert "Директор" in missing and "Волкова М. В." in missing
    assert ("Сведения о ребёнке Новикове Марке Николаевиче (дата рождения 14.03.2015) ещё не внесены"
            in request)


def test_termination_notice_addresses_the_customer_in_the_dative_and_names_the_pupil():
    flat = _flat(d.FORM_TERMINATION, application_doc(provider=DIRECTOR_F))
    boy = _flat(d.FORM_TERMINATION, application_doc(child=BOY, guardian=FATHER))
    foreign = _flat(d.FORM_TERMINATION, application_doc(child=FOREIGN_CHILD, guardian=FOREIGN_PARENT))

    assert "Заказчику Смирновой Екатерине Олеговне" in flat
    assert "об отчислении обучающейся Смирновой Полины Андреевны." in flat
    assert "Уведомление получила:" in flat
    assert "Директор" in flat and "Руководитель" not in flat
    assert "Заказчику Новикову Николаю Петровичу" in boy
    assert "об отчислении обучающегося Новикова Марка Николаевича." in boy
    assert "Уведомление получил:" in boy
    assert "Заказчику: Ли Сун" in foreign and "об отчислении обучающегося Ли Мин." in foreign
    assert "Уведомление получил(а):" in foreign


# --- «№» -------------------------------------------------------------------------------------------

# «№ №», «№№», or a sign before a number that carries its own: «№ IV-АИ № 654321»
DOUBLED = r"№\s*(?:[^\s№]+\s*)?№"

NUMBERED = dict(
    number="№З-2026-004512", contract_number="№ Д-2026/0417", end_order_number="№ 212-од",
    order_number="N 145-од",
    child=dataclasses.replace(CHILD, doc_number="IV-АИ № 654321"),  # as the registry writes it
    guardian=dataclasses.replace(GUARDIAN, doc_number="№ 65 12 345678"),
    certificate=dataclasses.replace(child_doc().certificate, number="№6601234567"),
)
ALL_FORMS = [
    (d.FORM_CERTIFICATE_APPLICATION, child_doc(child=NUMBERED["child"], guardian=NUMBERED["guardian"],
                                                certificate=NUMBERED["certificate"])),
    (d.FORM_CERTIFICATE_EXTRACT, child_doc(child=NUMBERED["child"], certificate=NUMBERED["certificate"])),
    (d.FORM_CONSENT, application_doc(**NUMBERED)),
    (d.FORM_ENROLMENT_APPLICATION, application_doc(**NUMBERED)),
    (d.FORM_CONTRACT, application_doc(**NUMBERED)),
    (d.FORM_TERMINATION, application_doc(**NUMBERED)),
]


@pytest.mark.parametrize("form,doc", ALL_FORMS, ids=[f for f, _ in ALL_FORMS])
def test_a_number_that_carries_its_own_sign_is_not_given_another(form, doc):
    flat = _flat(form, doc)

    assert not re.search(DOUBLED, flat), re.findall(r".{30}" + DOUBLED + ".{20}", flat)
    if form in (d.FORM_CONSENT, d.FORM_ENROLMENT_APPLICATION, d.FORM_CERTIFICATE_APPLICATION):
        assert "Свидетельство о рождении IV-АИ № 654321" in flat
        assert "Паспорт гражданина РФ № 65 12 345678" in flat
    if form in (d.FORM_CONTRACT, d.FORM_ENROLMENT_APPLICATION, d.FORM_TERMINATION):
        assert "№ Д-2026/0417" in flat
    if form == d.FORM_TERMINATION:
        assert "приказ № 212-од от 18.12.2026" in flat


# --- the longer text stays on the paper ------------------------------------------------------------

LONG_HEAD = dataclasses.replace(PROVIDER, head_name="Римского-Корсакова-Салтыкова Анна-Мария Константиновна",
                                head_position="исполняющая обязанности директора")
ENTREPRENEUR = dataclasses.replace(
    PROVIDER, name="Индивидуальный предприниматель Константинопольская Анна-Мария Константиновна",
    head_position="индивидуальный предприниматель", head_name="Константинопольская Анна-Мария Константиновна")
LONG_DOCS = [(form, provider) for form in (d.FORM_CERTIFICATE_APPLICATION, d.FORM_CERTIFICATE_EXTRACT,
                                           d.FORM_ENROLMENT_APPLICATION, d.FORM_CONTRACT, d.FORM_CONSENT,
                                           d.FORM_TERMINATION)
             for provider in (LONG_HEAD, ENTREPRENEUR)]


@pytest.mark.parametrize("form,provider", LONG_DOCS,
                         ids=[f"{f}-{'io' if p is LONG_HEAD else 'ip'}" for f, p in LONG_DOCS])
def test_long_titles_and_declined_names_stay_inside_the_margins(form, provider):
    changes = {"provider": provider, "child": LONG_CHILD,
               "guardian": dataclasses.replace(GUARDIAN, last_name=LONG_CHILD.last_name)}
    child_form = form in d.CHILD_FORMS and form != d.FORM_CONSENT
    doc = child_doc(**changes) if child_form else application_doc(**changes)

    pages = laid_out(form, doc)

    assert pieces_outside(pages, LEFT, RIGHT) == []
    # no two pieces of text on one baseline overlap (a long title beside a date, a signature)
    for page in pages:
        rows: dict[float, list[tuple[float, float, str]]] = {}
        for piece in page.texts:
            x0, _, x1, _ = text_box(piece)
            rows.setdefault(round(piece[1], 1), []).append((x0, x1, piece[4]))
        for spans in rows.values():
            spans.sort()
            assert all(a[1] <= b[0] + 0.5 for a, b in zip(spans, spans[1:], strict=False)), spans


# --- organisations and municipalities after a word in an oblique case (review finding 11) -----------

ZARECHNY = dataclasses.replace(
    PROVIDER,
    name="Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 3» "
         "Заречного муниципального округа",
    short_name="",
    municipality="Заречный муниципальный округ",
)
ALL_FORMS = (d.FORM_CONSENT, d.FORM_CONTRACT, d.FORM_ENROLMENT_APPLICATION, d.FORM_TERMINATION,
             d.FORM_CERTIFICATE_APPLICATION, d.FORM_CERTIFICATE_EXTRACT)
# Words after which a name must be in their case (or follow a colon / a generic word in quotes).
OBLIQUE = ("оператору", "организации", "организацией", "директору", "руководителю", "учреждению",
           "согласие", "исполнителю", "исполнителем", "муниципального образования", "принято",
           "подготовлена")


def _form_doc(form: str, provider):
    if form in (d.FORM_CERTIFICATE_APPLICATION, d.FORM_CERTIFICATE_EXTRACT):
        return child_doc(provider=provider)
    return application_doc(provider=provider)


@pytest.mark.parametrize("form", ALL_FORMS)
@pytest.mark.parametrize("provider", [PROVIDER, ZARECHNY], ids=["city", "municipal-district"])
def test_no_organisation_or_municipality_in_the_nominative_after_an_oblique_word(form, provider):
    flat = _flat(form, _form_doc(form, provider))
    for name in (provider.name, provider.municipality, provider.short_name):
        if not name:
            continue
        for at in [m.start() for m in re.finditer(re.escape(name), flat)]:
            before = flat[max(0, at - 40):at].rstrip()
            # «X:» or a line of its own (a title, a label) or the start of a sentence: nominative is right.
            if not before or before.endswith((":", ".", "»")) or re.search(r"\d{2}\.\d{2}\.\d{4}$", before):
                continue
            word = before.split()[-1].casefold().strip("—–-,(")
            abbreviation = name == provider.short_name and word in ("директору", "руководителю")
            assert word not in OBLIQUE or abbreviation, (
                form, before[-30:] + " ⟨" + name + "⟩")
            assert not before.endswith(("—", "–")), (form, before[-30:] + " ⟨" + name + "⟩")


def test_the_consent_declines_a_municipal_district_and_names_the_operator_correctly():
    flat = _flat(d.FORM_CONSENT, application_doc(provider=ZARECHNY))

    assert "уполномоченной организации Заречного муниципального округа в объёме" in flat
    assert "Заречный муниципальный округ в объёме" not in flat
    assert ("даю согласие оператору персональных данных, указанному в пункте 1 (далее — Оператор), на "
            "обработку персональных данных ребёнка и моих персональных данных на следующих условиях") in flat
    assert f"1. Оператор персональных данных: {ZARECHNY.name}, ИНН 6658012345, ОГРН" in flat
    assert "оператору —" not in flat


def test_a_municipality_of_another_shape_keeps_its_name_after_a_generic_word():
    flat = _flat(d.FORM_CONSENT, application_doc())  # «г. Екатеринбург»

    assert "уполномоченной организации муниципального образования «г. Екатеринбург» в объёме" in flat


def test_an_addressee_without_a_short_name_is_not_put_after_the_dative():
    flat = _flat(d.FORM_ENROLMENT_APPLICATION, application_doc(provider=dataclasses.replace(
        DIRECTOR_F, short_name="", name=ZARECHNY.name)))

    assert f"Директору организации: {ZARECHNY.name} Волковой М. В." in flat
    assert f"Директору {ZARECHNY.name}" not in flat
