"""The programme card (domain.md, «Programme card»): its parts, its dictionaries and its rules.

The editor validates a card with ``validate_card`` as the operator types (each error is shown next
to its field, the first bad field gets the focus); the portal runs the same function before it
accepts a card for moderation or a group change. An error's ``path`` names the field:
``"age_from_years"``, ``"modules.0.hours"``, ``"modules.0.groups.2.capacity"``,
``"modules.0.groups.2.slots.1"``.

Ages are **years in the UI, months on the wire** (the portal stores months): ``years_to_months``
and ``months_to_years``. A programme «from 7 to 11 years» takes children from their 7th birthday
up to the day before their 12th: ``age_from_months = 7 * 12``, ``age_to_months = 12 * 12 - 1``.

Rules (issue 4):
- ages: from ≤ to, both within 5–18 years;
- module: hours > 0; 1 ≤ min children ≤ max children; price and normative cost ≥ 0; the price not
  above the region's cap over the normative cost when one is set (``price_cap_ratio``: 1.2 = the
  price may exceed the normative cost by 20 %);
- group: a name; dates from ≤ to; capacity within the module's min…max; a schedule (weekly slots,
  or explicit dates) with every slot's end after its start and every explicit date inside the
  group's dates;
- card: full name, direction, registry, at least one module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pfdo_desktop.domain.catalog import DIRECTIONS, REGISTRIES
from pfdo_desktop.domain.said import said

MIN_AGE_YEARS = 5
MAX_AGE_YEARS = 18

KINDS_RU: dict[str, str] = {
    "general": "общеразвивающая",
    "preprofessional": "предпрофессиональная",
    "sport": "спортивной подготовки",
}
FORMS_RU: dict[str, str] = {
    "full_time": "очная",
    "part_time": "очно-заочная",
    "distance": "заочная",
    "full_time_distance": "очная с применением дистанционных технологий",
}
LEVELS_RU: dict[str, str] = {
    "start": "стартовый",
    "base": "базовый",
    "advanced": "продвинутый",
}
OVZ_RU: dict[str, str] = {
    "hearing": "нарушения слуха",
    "vision": "нарушения зрения",
    "speech": "нарушения речи",
    "musculoskeletal": "нарушения опорно-двигательного аппарата",
    "intellectual": "нарушения интеллекта",
    "autism": "расстройства аутистического спектра",
    "zpr": "задержка психического развития",
}

# Moderation states of a card (catalog.PROGRAM_STATUSES has the Russian titles).
ST_DRAFT = "draft"
ST_MODERATION = "moderation"
ST_PUBLISHED = "published"
ST_RETURNED = "returned"
ST_ARCHIVED = "archived"
EDITABLE_STATUSES = frozenset({ST_DRAFT, ST_PUBLISHED, ST_RETURNED})


def years_to_months(years: int, *, upper: bool = False) -> int:
    """Years in the UI → months on the wire; an upper bound covers its whole last year."""
    return years * 12 + 11 if upper else years * 12


def months_to_years(months: int) -> int:
    """Months on the wire → full years shown in the UI (an upper bound 143 → 11)."""
    return months // 12


@dataclass(frozen=True)
class SlotCard:
    weekday: int  # 1 = Monday … 7 = Sunday
    time_from: str  # "HH:MM"
    time_to: str
    room: str = ""


@dataclass(frozen=True)
class GroupCard:
    name: str
    date_from: date | None
    date_to: date | None
    capacity: int
    teacher: str = ""
    slots: tuple[SlotCard, ...] = ()
    explicit_dates: tuple[date, ...] = ()  # a schedule by dates instead of weekly slots
    id: int | None = None  # the portal's id; None for a group not sent yet
    uid: str = ""  # a client-made id of a new group


@dataclass(frozen=True)
class ModuleCard:
    name: str
    hours: int
    min_children: int
    max_children: int
    price: Decimal
    normative_price: Decimal
    groups: tuple[GroupCard, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class ProgramCard:
    name: str
    short_name: str
    annotation: str
    direction: str  # catalog.DIRECTIONS key
    kind: str  # KINDS_RU key
    form: str  # FORMS_RU key
    level: str  # LEVELS_RU key
    registry: str  # catalog.REGISTRIES key
    age_from_years: int
    age_to_years: int
    duration_weeks: int
    ovz: tuple[str, ...] = ()  # OVZ_RU keys
    medical_certificate: bool = False
    addresses: tuple[str, ...] = ()
    teachers: tuple[str, ...] = ()
    modules: tuple[ModuleCard, ...] = field(default_factory=tuple)
    id: int | None = None


@dataclass(frozen=True)
class FieldError:
    path: str
    message: str


def _time_minutes(text: str) -> int | None:
    parts = (text or "").split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    h, m = int(parts[0]), int(parts[1])
    if not (0 <= h <= 23 and 0 <= m <= 59):
        return None
    return h * 60 + m


def validate_ages(age_from_years: int, age_to_years: int) -> list[FieldError]:
    errors: list[FieldError] = []
    for path, value in (("age_from_years", age_from_years), ("age_to_years", age_to_years)):
        if not MIN_AGE_YEARS <= value <= MAX_AGE_YEARS:
            errors.append(FieldError(path, said("program.age_range", f"Возраст — от {MIN_AGE_YEARS} до "
                                                f"{MAX_AGE_YEARS} лет, а указано {value}",
                                                low=MIN_AGE_YEARS, high=MAX_AGE_YEARS, value=value)))
    if not errors and age_from_years > age_to_years:
        errors.append(FieldError("age_to_years", said(
            "program.ages_swapped",
            f"Возраст «до» ({age_to_years}) меньше возраста «от» ({age_from_years}): поменяйте местами",
            age_to=age_to_years, age_from=age_from_years)))
    return errors


def validate_module(module: ModuleCard, prefix: str, price_cap_ratio: Decimal | None) -> list[FieldError]:
    errors: list[FieldError] = []
    if not module.name.strip():
        errors.append(FieldError(f"{prefix}.name", said("module.name_required", "Укажите название модуля")))
    if module.hours <= 0:
        errors.append(FieldError(
            f"{prefix}.hours", said("module.hours", "Количество часов должно быть больше нуля")))
    if module.min_children < 1:
        errors.append(FieldError(
            f"{prefix}.min_children", said("module.min_children", "Минимум детей в группе — хотя бы 1")))
    elif module.min_children > module.max_children:
        errors.append(FieldError(f"{prefix}.max_children",
                                 said("module.max_below_min",
                                      f"Максимум детей ({module.max_children}) меньше минимума "
                                      f"({module.min_children}): увеличьте максимум или уменьшите минимум",
                                      max=module.max_children, min=module.min_children)))
    if module.price < 0:
        errors.append(FieldError(
            f"{prefix}.price", said("module.price_negative", "Цена не может быть отрицательной")))
    if module.normative_price < 0:
        errors.append(FieldError(f"{prefix}.normative_price",
                                 said("module.normative_price_negative",
                                      "Нормативная стоимость не может быть отрицательной")))
    # The cap is over the normative cost: a module without one (a paid programme) has no cap.
    if price_cap_ratio is not None and module.normative_price > 0:
        cap = (module.normative_price * price_cap_ratio).quantize(Decimal("0.01"))
        if module.price > cap:
            errors.append(FieldError(f"{prefix}.price",
                                     said("module.price_over_cap", f"Цена {module.price} ₽ выше предела "
                                          f"региона {cap} ₽ (нормативная стоимость × {price_cap_ratio})",
                                          price=str(module.price), cap=str(cap), ratio=str(price_cap_ratio))))
    return errors


def validate_group(group: GroupCard, module: ModuleCard, prefix: str) -> list[FieldError]:
    errors: list[FieldError] = []
    if not group.name.strip():
        errors.append(FieldError(f"{prefix}.name", said("group.name_required", "Укажите название группы")))
    if group.date_from is None:
        errors.append(FieldError(
            f"{prefix}.date_from", said("group.date_from_required", "Укажите дату начала занятий")))
    if group.date_to is None:
        errors.append(FieldError(
            f"{prefix}.date_to", said("group.date_to_required", "Укажите дату окончания занятий")))
    if group.date_from and group.date_to and group.date_from > group.date_to:
        errors.append(FieldError(f"{prefix}.date_to",
                                 said("group.dates_swapped",
                                      f"Дата окончания раньше даты начала: укажите дату не раньше "
                                      f"{group.date_from:%d.%m.%Y}", date_from=group.date_from)))
    limits_ok = 1 <= module.min_children <= module.max_children
    if limits_ok and not module.min_children <= group.capacity <= module.max_children:
        errors.append(FieldError(f"{prefix}.capacity",
                                 said("group.capacity",
                                      f"Мест в группе должно быть от {module.min_children} до "
                                      f"{module.max_children} (пределы модуля), а указано {group.capacity}: "
                                      "исправьте число мест или пределы модуля", min=module.min_children,
                                      max=module.max_children, capacity=group.capacity)))
    if not group.slots and not group.explicit_dates:
        errors.append(FieldError(f"{prefix}.slots",
                                 said("group.schedule_required",
                                      "Задайте расписание: дни недели и время или даты занятий")))
    for i, slot in enumerate(group.slots):
        start, end = _time_minutes(slot.time_from), _time_minutes(slot.time_to)
        if not 1 <= slot.weekday <= 7:
            errors.append(FieldError(f"{prefix}.slots.{i}", said("group.weekday", "Выберите день недели")))
        elif start is None or end is None:
            errors.append(FieldError(
                f"{prefix}.slots.{i}", said("group.time_format", "Время — в виде ЧЧ:ММ, например 15:30")))
        elif end <= start:
            errors.append(FieldError(
                f"{prefix}.slots.{i}", said("group.time_order", "Время окончания должно быть позже начала")))
    if group.date_from and group.date_to:
        for i, day in enumerate(group.explicit_dates):
            if not group.date_from <= day <= group.date_to:
                errors.append(FieldError(f"{prefix}.explicit_dates.{i}",
                                         said("group.date_outside",
                                              f"Дата {day:%d.%m.%Y} вне сроков группы "
                                              f"{group.date_from:%d.%m.%Y} – {group.date_to:%d.%m.%Y}",
                                              day=day, date_from=group.date_from, date_to=group.date_to)))
    return errors


def validate_card(card: ProgramCard, price_cap_ratio: Decimal | None = None) -> list[FieldError]:
    """Every error of the card, in form order; an empty list means it may be submitted."""
    errors: list[FieldError] = []
    if not card.name.strip():
        errors.append(FieldError("name", said("program.name_required", "Укажите полное название программы")))
    if card.direction not in DIRECTIONS:
        errors.append(FieldError("direction", said("program.direction", "Выберите направленность")))
    if card.registry not in REGISTRIES:
        errors.append(FieldError("registry", said("program.registry", "Выберите реестр")))
    if card.kind and card.kind not in KINDS_RU:
        errors.append(FieldError("kind", said("program.kind", "Выберите вид программы из списка")))
    if card.form and card.form not in FORMS_RU:
        errors.append(FieldError("form", said("program.form", "Выберите форму обучения из списка")))
    if card.level and card.level not in LEVELS_RU:
        errors.append(FieldError("level", said("program.level", "Выберите уровень из списка")))
    errors.extend(validate_ages(card.age_from_years, card.age_to_years))
    if card.duration_weeks <= 0:
        errors.append(FieldError(
            "duration_weeks", said("program.duration", "Продолжительность должна быть больше нуля")))
    for code in card.ovz:
        if code not in OVZ_RU:
            errors.append(FieldError(
                "ovz", said("program.ovz_unknown", f"Неизвестная категория ОВЗ: {code}", code=code)))
    if not card.modules:
        errors.append(FieldError("modules", said("program.modules_required", "Добавьте хотя бы один модуль")))
    for m, module in enumerate(card.modules):
        errors.extend(validate_module(module, f"modules.{m}", price_cap_ratio))
        for g, group in enumerate(module.groups):
            errors.extend(validate_group(group, module, f"modules.{m}.groups.{g}"))
    return errors
