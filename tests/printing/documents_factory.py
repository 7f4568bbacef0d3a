"""Sample documents for the printing tests: realistic Russian data, every field filled unless a test
asks for a blank."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from pfdo_desktop.domain.attendance import AttendanceCode
from pfdo_desktop.domain.documents import (
    ApplicationDoc,
    CertificateInfo,
    ChildDoc,
    JournalChild,
    JournalDoc,
    PersonInfo,
    ProviderInfo,
    StudyInfo,
    payment_schedule,
)

PRINTED_ON = date(2026, 9, 2)

PROVIDER = ProviderInfo(
    name="Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества "
         "«Радуга»»",
    short_name="МБУ ДО «ДДТ «Радуга»»",
    inn="6658012345",
    ogrn="1026602345678",
    address="620026, г. Екатеринбург, ул. Луначарского, д. 210",
    head_name="Соколова Ирина Владимировна",
    municipality="г. Екатеринбург",
)

CHILD = PersonInfo(
    last_name="Смирнова", first_name="Полина", middle_name="Андреевна", birth_date=date(2015, 3, 14),
    snils="112-233-445 95", doc_kind="Свидетельство о рождении", doc_number="IV-АИ 654321",
)

GUARDIAN = PersonInfo(
    last_name="Смирнова", first_name="Екатерина", middle_name="Олеговна", birth_date=date(1987, 11, 2),
    snils="123-456-789 64", doc_kind="Паспорт гражданина РФ", doc_number="65 12 345678",
    relation="мать", phone="+7 912 345-67-89", email="smirnova.eo@mail.ru",
)

# A double surname and hyphenated first name: must wrap (or shrink) inside every box.
LONG_CHILD = dataclasses.replace(
    CHILD, last_name="Римского-Корсакова-Салтыкова", first_name="Анна-Мария", middle_name="Константиновна")
LONG_PROGRAM = ("Дополнительная общеобразовательная общеразвивающая программа технической направленности "
                "«Робототехника, программирование микроконтроллеров и основы инженерного "
                "конструирования для начинающих исследователей»")
LONG_PROVIDER = dataclasses.replace(
    PROVIDER,
    name="Муниципальное автономное учреждение дополнительного образования «Центр детского "
         "(юношеского) технического творчества и профессиональной ориентации «Инженерная "
         "академия будущего» имени Героя Советского Союза Константина Константиновича "
         "Константинопольского»",
    address="620026, Свердловская область, городской округ «Город Екатеринбург», Октябрьский "
            "район, ул. Луначарского, д. 210, литера А, корпус 3, помещение 14",
)

CERTIFICATE = CertificateInfo(
    number="6601234567", status="pf", status_ru="персонифицированного финансирования",
    nominal=Decimal("24000.00"), balance=Decimal("18500.50"), reserve=Decimal("6400.00"),
    as_of=date(2026, 9, 1),
)

STUDY = StudyInfo(
    program_name="Робототехника и программирование микроконтроллеров",
    direction_ru="техническая",
    registry_ru="сертифицированные программы",
    module_name="Первый год обучения",
    hours=72,
    group_name="Робототехника-1А",
    teacher="Кузнецов Дмитрий Сергеевич",
    group_from=date(2026, 9, 1),
    group_to=date(2027, 5, 31),
    schedule="Пн, Ср 15:00–15:45, каб. 12",
    address="г. Екатеринбург, ул. Луначарского, д. 210, каб. 12",
)


def child_doc(**changes: Any) -> ChildDoc:
    doc = ChildDoc(provider=PROVIDER, child=CHILD, guardian=GUARDIAN, certificate=CERTIFICATE,
                   printed_on=PRINTED_ON)
    return dataclasses.replace(doc, **changes)


def application_doc(**changes: Any) -> ApplicationDoc:
    """A certified programme, 14 400 ₽: 12 000 ₽ from the certificate, 2 400 ₽ from the parent."""
    start, end = date(2026, 9, 7), date(2027, 5, 31)
    cert_part, parent_part = Decimal("12000.00"), Decimal("2400.00")
    doc = ApplicationDoc(
        provider=PROVIDER, child=CHILD, guardian=GUARDIAN, certificate=CERTIFICATE, study=STUDY,
        number="З-2026-004512", status_ru="обучается", created=date(2026, 8, 25),
        start_date=start, end_date=end, contract_number="Д-2026/0417", contract_date=date(2026, 8, 28),
        price_total=cert_part + parent_part, certificate_part=cert_part, parent_part=parent_part,
        schedule=payment_schedule(start, end, cert_part, parent_part),
        order_number="145-од", order_date=date(2026, 9, 4),
        end_order_number="212-од", end_order_date=date(2026, 12, 18),
        end_reason_ru="по инициативе заказчика (заявление родителя)",
        printed_on=PRINTED_ON,
    )
    return dataclasses.replace(doc, **changes)


def budget_application_doc(**changes: Any) -> ApplicationDoc:
    """A budget programme: no money at all."""
    doc = application_doc(price_total=None, certificate_part=None, parent_part=None, schedule=(),
                          study=dataclasses.replace(STUDY, registry_ru="общеразвивающие программы"))
    return dataclasses.replace(doc, **changes)


def blank_application_doc() -> ApplicationDoc:
    """What a fresh application knows: no contract, no representative, no orders."""
    return application_doc(guardian=None, certificate=None, number="", contract_number="",
                           contract_date=None, order_number="", order_date=None, end_order_number="",
                           end_order_date=None, end_reason_ru="",
                           provider=dataclasses.replace(PROVIDER, inn="", ogrn="", address="",
                                                        head_name=""))


SURNAMES = ("Иванов", "Петрова", "Сидоренко", "Кузнецова", "Попов", "Васильева", "Соколов", "Михайлова",
            "Новиков", "Фёдорова", "Морозов", "Волкова", "Алексеев", "Лебедева", "Семёнов", "Егорова")
NAMES = ("Артём", "Софья", "Михаил", "Анна", "Максим", "Мария", "Иван", "Алиса", "Лев", "Ева")


def journal_doc(children: int, *, lessons: int = 9, month: tuple[int, int] = (2026, 12),
                long_name_at: int | None = None, printed_on: date | None = None) -> JournalDoc:
    """A group's month: lessons on Mondays and Wednesdays (or every day when ``lessons`` > 9);
    marks cycle deterministically through the four codes, some cells empty or inactive. Printed
    (``printed_on``) the day after the month by default, when every lesson is held."""
    year, mon = month
    first = date(year, mon, 1)
    days = [first + timedelta(days=i) for i in range(31) if (first + timedelta(days=i)).month == mon]
    dates = [d for d in days if d.weekday() in (0, 2)] if lessons <= 9 else days
    dates = dates[:lessons]
    rows = []
    for n in range(children):
        codes: list[int | None] = []
        inactive: list[bool] = []
        for k in range(len(dates)):
            late_joiner = n % 7 == 3 and k < 2  # joined the group after the month began
            inactive.append(late_joiner)
            if late_joiner:
                codes.append(None)
            elif (n + k) % 11 == 5:
                codes.append(None)  # not marked yet
            else:
                codes.append((1, 1, 1, 2, 1, 3, 1, 4)[(n * 3 + k) % 8])
        patronymic = "Сергеевич" if n % 2 == 0 else "Олеговна"
        name = f"{SURNAMES[n % len(SURNAMES)]} {NAMES[n % len(NAMES)]} {patronymic}"
        if long_name_at == n:
            name = LONG_CHILD.full_name
        rows.append(JournalChild(full_name=name, codes=tuple(codes), inactive=tuple(inactive)))
    return JournalDoc(provider=PROVIDER, study=STUDY, year=year, month=mon, lessons=tuple(dates),
                      children=tuple(rows),
                      printed_on=printed_on or date(year + mon // 12, mon % 12 + 1, 1))


def present_counts(doc: JournalDoc) -> tuple[list[int], list[int]]:
    """The expected totals: «был» per child and present per lesson."""
    per_child = [sum(1 for c in ch.codes if c == AttendanceCode.PRESENT) for ch in doc.children]
    per_lesson = [sum(1 for ch in doc.children if ch.codes[k] == AttendanceCode.PRESENT)
                  for k in range(len(doc.lessons))]
    return per_child, per_lesson
