"""A small local registry for the enrolment services: written straight into a fresh workspace (the
way a sync would leave it), so the service tests run without a portal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import text

from pfdo_desktop.domain.identity import make_snils, search_name
from pfdo_desktop.models import (
    Certificate,
    Child,
    Guardian,
    Membership,
    Module,
    Program,
    Provider,
    StudyGroup,
)
from pfdo_desktop.services.rows import NewChild

TODAY = date(2025, 11, 20)


@dataclass
class Registry:
    """Ids of the seeded rows."""

    budget_group: int = 10  # general registry, 5 to 10 years 11 months, capacity 3
    certified_group: int = 20  # certified registry, 5–17 years, capacity 10
    other_group: int = 11  # general registry, same programme as budget_group, capacity 5
    ivanov: int = 1  # Иванов Иван Иванович 12.03.2015, ПФ certificate 5201000001, balance 10 000
    ivanov_namesake: int = 2  # Иванов Иван Иванович 01.09.2016, учёт certificate
    artem: int = 3  # Ёлкин Артём Фёдорович 05.05.2014, ПФ 5201000003, balance 1 000 (reserve 500)
    corsakov: int = 4  # Римский-Корсаков Николай 18.03.2013, no certificate


def add_child(s, cid: int, last: str, first: str, middle: str, born: date, snils: str = "",
              cert: tuple[str, str, str, str] | None = None) -> None:
    """``cert`` = (number, status, balance, reserve)."""
    s.add(Child(id=cid, last_name=last, first_name=first, middle_name=middle, birth_date=born, snils=snils,
                doc_kind="", doc_number="", search_name=search_name(last, first, middle), archived=False))
    if cert is not None:
        number, status, balance, reserve = cert
        s.add(Certificate(id=cid, child_id=cid, number=number, status=status, nominal=Decimal(balance),
                          balance=Decimal(balance), reserve=Decimal(reserve), unit="rub", archived=False))


def seed(ws) -> Registry:
    reg = Registry()
    with ws.db.write() as s:
        s.execute(text("PRAGMA defer_foreign_keys = ON"))  # no ORM relationships: checked at commit
        s.add(Provider(id=1, name="Школа искусств", archived=False))
        s.add(Program(id=1, provider_id=1, name="Рисунок", direction="art", registry_code="general",
                      age_from_months=60, age_to_months=131, status="published", archived=False))
        s.add(Program(id=2, provider_id=1, name="Робототехника", direction="technical",
                      registry_code="certified", age_from_months=60, age_to_months=215,
                      status="published", archived=False))
        s.flush()
        s.add(Module(id=1, program_id=1, name="1 год", hours=72, min_children=1, max_children=15,
                     price=Decimal("0"), normative_price=Decimal("0"), archived=False))
        s.add(Module(id=2, program_id=2, name="1 год", hours=144, min_children=1, max_children=15,
                     price=Decimal("30000.00"), normative_price=Decimal("24000.00"), archived=False))
        s.flush()
        for gid, module, program, name, cap in ((reg.budget_group, 1, 1, "Рисунок-1", 3),
                                                (reg.other_group, 1, 1, "Рисунок-2", 5),
                                                (reg.certified_group, 2, 2, "Роботы-1", 10)):
            s.add(StudyGroup(id=gid, module_id=module, program_id=program, provider_id=1, name=name,
                             teacher="Петрова А. А.", date_from=date(2025, 9, 1), date_to=date(2026, 5, 31),
                             capacity=cap, cancelled_dates=[], archived=False))
        add_child(s, reg.ivanov, "Иванов", "Иван", "Иванович", date(2015, 3, 12), make_snils(112233445),
                  ("5201000001", "pf", "10000.00", "0.00"))
        add_child(s, reg.ivanov_namesake, "Иванов", "Иван", "Иванович", date(2016, 9, 1), "",
                  ("5201000002", "uchet", "0.00", "0.00"))
        add_child(s, reg.artem, "Ёлкин", "Артём", "Фёдорович", date(2014, 5, 5), make_snils(123456789),
                  ("5201000003", "pf", "1000.00", "500.00"))
        add_child(s, reg.corsakov, "Римский-Корсаков", "Николай", "", date(2013, 3, 18))
        s.flush()
        s.add(Guardian(id=1, child_id=reg.ivanov, last_name="Иванова", first_name="Мария",
                       middle_name="Петровна", relation="mother", phone="+79123456789", email="",
                       archived=False))
        # Two children already in the small group (capacity 3).
        s.add(Membership(id=1, group_id=reg.budget_group, child_id=reg.ivanov_namesake,
                         date_from=date(2025, 9, 1), date_to=None, status="active", archived=False))
        s.add(Membership(id=2, group_id=reg.budget_group, child_id=reg.corsakov,
                         date_from=date(2025, 9, 1), date_to=None, status="active", archived=False))
    return reg


def new_child(**changes) -> NewChild:
    values = dict(
        last_name="Сидорова", first_name="Алёна", middle_name="Петровна", birth_date=date(2016, 4, 1),
        snils="", doc_kind="birth_certificate", doc_number="IV-МЮ 123456",
        guardian_last_name="Сидорова", guardian_first_name="Ольга", guardian_middle_name="",
        guardian_relation="mother", phone="+7 912 345-67-89", email="", certificate_number="",
    )
    values.update(changes)
    return NewChild(**values)
