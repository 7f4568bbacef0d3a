"""A fictional municipal district for demos, training and tests: deterministic for a seed.

«Заречный муниципальный округ»: schools, a ДШИ, a ДЮСШ, a ДДТ and a private club, programmes in
all six directions, groups with weekly schedules for the current academic year, children with
valid СНИЛС and certificates, memberships and the attendance entered so far. Each provider's head
has the position its kind of organisation gives (``head_position``: «директор» of a school,
«генеральный директор» of the ООО club), so the printed contracts read «в лице директора …».

Every membership stands on an application with its contract (docs/enrolment.md): «обучается» for a
live one, «отчислен» for an ended one, with the enrolment order, the contract number and, on a
certified programme, the price and its certificate / parent parts (``domain.pricing``). A ПФ
certificate's reserve is the sum of its contracts' certificate parts, never above its balance; a
child with a сертификат учёта on a certified programme pays the whole contract.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from pfdo_desktop.domain import pricing
from pfdo_desktop.domain.ages import age_in_months, age_on
from pfdo_desktop.domain.applications import EXPEL_REASONS_RU
from pfdo_desktop.domain.attendance import mark_id
from pfdo_desktop.domain.identity import make_snils
from pfdo_desktop.domain.money import format_rub
from pfdo_desktop.domain.requisites import account_error
from pfdo_desktop.domain.schedule import WeeklySlot, lesson_dates

from . import db, periods
from .region import MUNICIPALITY_CODE, REGION_CODE

MUNICIPALITY = "Заречный муниципальный округ"
TOWN = "г. Заречный"
# Children who moved in keep the certificate issued at home (some regions start with a zero).
OTHER_PREFIXES = ("0203", "0512", "0704", "5901", "6621")

SURNAMES = [
    ("Иванов", "Иванова"),
    ("Смирнов", "Смирнова"),
    ("Кузнецов", "Кузнецова"),
    ("Попов", "Попова"),
    ("Васильев", "Васильева"),
    ("Петров", "Петрова"),
    ("Соколов", "Соколова"),
    ("Михайлов", "Михайлова"),
    ("Новиков", "Новикова"),
    ("Фёдоров", "Фёдорова"),
    ("Морозов", "Морозова"),
    ("Волков", "Волкова"),
    ("Алексеев", "Алексеева"),
    ("Лебедев", "Лебедева"),
    ("Семёнов", "Семёнова"),
    ("Егоров", "Егорова"),
    ("Павлов", "Павлова"),
    ("Козлов", "Козлова"),
    ("Степанов", "Степанова"),
    ("Николаев", "Николаева"),
    ("Орлов", "Орлова"),
    ("Андреев", "Андреева"),
    ("Макаров", "Макарова"),
    ("Никитин", "Никитина"),
    ("Захаров", "Захарова"),
    ("Зайцев", "Зайцева"),
    ("Соловьёв", "Соловьёва"),
    ("Борисов", "Борисова"),
    ("Яковлев", "Яковлева"),
    ("Григорьев", "Григорьева"),
    ("Романов", "Романова"),
    ("Воробьёв", "Воробьёва"),
    ("Сергеев", "Сергеева"),
    ("Кузьмин", "Кузьмина"),
    ("Фролов", "Фролова"),
    ("Александров", "Александрова"),
    ("Дмитриев", "Дмитриева"),
    ("Королёв", "Королёва"),
    ("Гусев", "Гусева"),
    ("Киселёв", "Киселёва"),
    ("Ильин", "Ильина"),
    ("Максимов", "Максимова"),
    ("Поляков", "Полякова"),
    ("Сорокин", "Сорокина"),
    ("Виноградов", "Виноградова"),
    ("Ковалёв", "Ковалёва"),
    ("Белов", "Белова"),
    ("Медведев", "Медведева"),
    ("Антонов", "Антонова"),
    ("Тарасов", "Тарасова"),
    ("Жуков", "Жукова"),
    ("Баранов", "Баранова"),
    ("Филиппов", "Филиппова"),
    ("Комаров", "Комарова"),
    ("Давыдов", "Давыдова"),
    ("Беляев", "Беляева"),
    ("Герасимов", "Герасимова"),
    ("Богданов", "Богданова"),
    ("Осипов", "Осипова"),
    ("Сидоров", "Сидорова"),
    ("Шевченко", "Шевченко"),
    ("Черных", "Черных"),
    ("Белых", "Белых"),
    ("Ткаченко", "Ткаченко"),
]
MALE_NAMES = [
    "Александр",
    "Максим",
    "Артём",
    "Михаил",
    "Иван",
    "Дмитрий",
    "Даниил",
    "Кирилл",
    "Андрей",
    "Егор",
    "Никита",
    "Илья",
    "Алексей",
    "Матвей",
    "Тимофей",
    "Роман",
    "Владимир",
    "Ярослав",
    "Фёдор",
    "Георгий",
    "Константин",
    "Лев",
    "Николай",
    "Степан",
    "Марк",
    "Тимур",
    "Сергей",
    "Павел",
    "Глеб",
    "Арсений",
    "Денис",
    "Евгений",
    "Захар",
    "Семён",
    "Богдан",
    "Платон",
    "Виктор",
    "Вадим",
    "Савелий",
    "Демид",
]
FEMALE_NAMES = [
    "Анастасия",
    "Мария",
    "Анна",
    "Виктория",
    "Екатерина",
    "Наталья",
    "Марина",
    "Полина",
    "София",
    "Дарья",
    "Алиса",
    "Ксения",
    "Александра",
    "Елизавета",
    "Варвара",
    "Вероника",
    "Арина",
    "Ульяна",
    "Милана",
    "Василиса",
    "Ева",
    "Таисия",
    "Кира",
    "Валерия",
    "Алёна",
    "Диана",
    "Софья",
    "Ангелина",
    "Злата",
    "Маргарита",
    "Ольга",
    "Татьяна",
    "Юлия",
    "Яна",
    "Евгения",
    "Любовь",
    "Надежда",
    "Олеся",
    "Вера",
    "Мирослава",
]
# Father's name → (patronymic of a son, of a daughter).
PATRONYMICS = [
    ("Александрович", "Александровна"),
    ("Сергеевич", "Сергеевна"),
    ("Дмитриевич", "Дмитриевна"),
    ("Андреевич", "Андреевна"),
    ("Алексеевич", "Алексеевна"),
    ("Владимирович", "Владимировна"),
    ("Михайлович", "Михайловна"),
    ("Иванович", "Ивановна"),
    ("Николаевич", "Николаевна"),
    ("Евгеньевич", "Евгеньевна"),
    ("Викторович", "Викторовна"),
    ("Павлович", "Павловна"),
    ("Олегович", "Олеговна"),
    ("Игоревич", "Игоревна"),
    ("Юрьевич", "Юрьевна"),
    ("Максимович", "Максимовна"),
    ("Романович", "Романовна"),
    ("Денисович", "Денисовна"),
    ("Артёмович", "Артёмовна"),
    ("Константинович", "Константиновна"),
    ("Вадимович", "Вадимовна"),
    ("Антонович", "Антоновна"),
    ("Ильич", "Ильинична"),
    ("Никитич", "Никитична"),
    ("Фёдорович", "Фёдоровна"),
    ("Геннадьевич", "Геннадьевна"),
    ("Анатольевич", "Анатольевна"),
    ("Валерьевич", "Валерьевна"),
    ("Станиславович", "Станиславовна"),
    ("Егорович", "Егоровна"),
]

# Programme templates per direction: (name, short name, age from, age to in years, rooms).
PROGRAM_TEMPLATES: dict[str, list[tuple[str, str, int, int, tuple[str, ...]]]] = {
    "technical": [
        (
            "Робототехника и программирование микроконтроллеров",
            "Робототехника",
            8,
            14,
            ("каб. 204", "каб. 205"),
        ),
        ("Начальное техническое моделирование", "Техмоделирование", 6, 10, ("каб. 112",)),
        ("3D-моделирование и прототипирование", "3D-моделирование", 11, 17, ("каб. 301",)),
        ("Основы программирования на Python", "Python", 12, 18, ("каб. 302", "каб. 303")),
        ("Авиамоделирование", "Авиамоделирование", 9, 16, ("мастерская",)),
    ],
    "natural_science": [
        ("Юный эколог", "Юный эколог", 7, 12, ("каб. 108",)),
        ("Занимательная химия", "Химия", 11, 16, ("лаборатория химии",)),
        ("Астрономия для школьников", "Астрономия", 10, 16, ("каб. 215",)),
        ("Исследователи природы родного края", "Исследователи", 8, 13, ("каб. 109",)),
    ],
    "sport": [
        ("Футбол", "Футбол", 6, 17, ("спортзал", "стадион")),
        ("Волейбол", "Волейбол", 10, 18, ("спортзал",)),
        ("Самбо", "Самбо", 7, 17, ("зал единоборств",)),
        ("Шахматы", "Шахматы", 5, 18, ("шахматный клуб",)),
        ("Лыжные гонки", "Лыжи", 8, 17, ("лыжная база",)),
        ("Плавание", "Плавание", 6, 14, ("бассейн",)),
    ],
    "art": [
        (
            "Хореография: народный и современный танец",
            "Хореография",
            5,
            16,
            ("хореографический класс",),
        ),
        ("Изобразительное искусство", "ИЗО", 6, 15, ("мастерская ИЗО",)),
        ("Фортепиано", "Фортепиано", 6, 15, ("класс фортепиано", "каб. 12")),
        ("Вокальный ансамбль «Звонкие голоса»", "Вокал", 7, 17, ("актовый зал",)),
        ("Театральная студия «Маска»", "Театр", 9, 17, ("актовый зал",)),
        ("Декоративно-прикладное творчество", "ДПТ", 7, 14, ("каб. 14",)),
    ],
    "tourism": [
        ("Юный турист", "Юный турист", 9, 15, ("турклуб",)),
        ("Школьный краеведческий музей", "Краеведение", 10, 17, ("музей",)),
        ("Спортивное ориентирование", "Ориентирование", 10, 17, ("каб. 110", "стадион")),
    ],
    "social": [
        ("Школа юного журналиста", "Журналистика", 11, 17, ("медиацентр",)),
        ("Английский язык для дошкольников", "Английский", 5, 7, ("каб. 101",)),
        ("Юный волонтёр", "Волонтёры", 12, 18, ("каб. 207",)),
        ("Основы финансовой грамотности", "Финграмотность", 12, 17, ("каб. 209",)),
        ("Подготовка к школе «Умники и умницы»", "Подготовка к школе", 5, 7, ("каб. 102",)),
    ],
}
DIRECTION_ORDER = ("technical", "natural_science", "sport", "art", "tourism", "social")

LESSON_STARTS = ("14:00", "14:30", "15:00", "15:30", "16:00", "16:50", "17:40", "18:30")


# Kinds of provider: what the head's position is called in the charter of each (``head_position``).
KIND_SCHOOL = "school"  # общеобразовательная школа
KIND_KINDERGARTEN = "kindergarten"  # детский сад
KIND_ART_SCHOOL = "art_school"  # ДШИ
KIND_SPORT_SCHOOL = "sport_school"  # ДЮСШ
KIND_HOUSE_OF_CREATIVITY = "house_of_creativity"  # ДДТ, ЦДТ
KIND_LLC = "llc"  # ООО
KIND_NONPROFIT = "nonprofit"  # АНО
KIND_ENTREPRENEUR = "entrepreneur"  # ИП

_HEAD_POSITIONS = {
    KIND_SCHOOL: "директор",
    KIND_ART_SCHOOL: "директор",
    KIND_SPORT_SCHOOL: "директор",
    KIND_HOUSE_OF_CREATIVITY: "директор",
    KIND_LLC: "генеральный директор",
    KIND_NONPROFIT: "директор",
    KIND_ENTREPRENEUR: "",  # the entrepreneur acts in person; the forms tell an ИП by its name
}


def head_position(kind: str, male: bool) -> str:
    """The head's position as the charter of a ``kind`` of provider names it: «директор» of a school,
    «заведующий»/«заведующая» of a kindergarten (agreed with the head), «генеральный директор» of an
    ООО; "" for an individual entrepreneur."""
    if kind == KIND_KINDERGARTEN:
        return "заведующий" if male else "заведующая"
    return _HEAD_POSITIONS[kind]


@dataclass(frozen=True)
class ProviderSpec:
    name: str
    short_name: str
    directions: tuple[str, ...]
    registries: tuple[str, ...]
    groups: int
    street: str
    kind: str


# The demo district's random seed: with it the first provider (the one the demo and the tests
# enrol) has six programmes in three registries, certified groups with free places and namesakes.
DEMO_SEED = 133

DEMO_PROVIDERS = (
    ProviderSpec(
        "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная "
        "школа № 3» Заречного муниципального округа",
        "МАОУ СОШ № 3",
        ("technical", "natural_science", "social", "tourism", "sport"),
        ("general", "significant", "certified"),
        8,
        "ул. Ленина, д. 24",
        KIND_SCHOOL,
    ),
    ProviderSpec(
        "Муниципальное бюджетное учреждение дополнительного образования «Детская школа искусств "
        "имени П. И. Чайковского»",
        "ДШИ им. П. И. Чайковского",
        ("art",),
        ("preprofessional", "certified"),
        6,
        "ул. Пушкина, д. 5",
        KIND_ART_SCHOOL,
    ),
    ProviderSpec(
        "Муниципальное бюджетное учреждение дополнительного образования «Детско-юношеская "
        "спортивная школа «Олимп»»",
        "ДЮСШ «Олимп»",
        ("sport",),
        ("certified", "general"),
        6,
        "ул. Спортивная, д. 1",
        KIND_SPORT_SCHOOL,
    ),
    ProviderSpec(
        "Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества»",
        "ДДТ",
        DIRECTION_ORDER,
        ("certified", "general", "significant"),
        7,
        "пр. Мира, д. 17",
        KIND_HOUSE_OF_CREATIVITY,
    ),
    ProviderSpec(
        "Общество с ограниченной ответственностью «Клуб робототехники «Кванториум-Старт»»",
        "ООО «Кванториум-Старт»",
        ("technical",),
        ("certified", "paid"),
        3,
        "ул. Заводская, д. 8, офис 3",
        KIND_LLC,
    ),
)

SCHOOL_PROVIDER = ProviderSpec(
    "Муниципальное автономное общеобразовательное учреждение «Заречная средняя "
    "общеобразовательная школа № 1 с углублённым изучением отдельных предметов»",
    "МАОУ «Заречная СОШ № 1»",
    DIRECTION_ORDER,
    ("general", "significant", "certified"),
    120,
    "ул. Школьная, д. 1",
    KIND_SCHOOL,
)


@dataclass
class SeedSummary:
    created: bool
    providers: list[tuple[int, str]]
    demo_provider_id: int
    academic_year: tuple[date, date]
    counts: dict[str, int] = field(default_factory=dict)


class SeedError(ValueError):
    pass


def academic_year(today: date) -> tuple[date, date]:
    """Sep 1 – May 31 containing today; in summer the year that just ended, stretched to Aug 31."""
    if today.month >= 9:
        return date(today.year, 9, 1), date(today.year + 1, 5, 31)
    if today.month <= 5:
        return date(today.year - 1, 9, 1), date(today.year, 5, 31)
    return date(today.year - 1, 9, 1), date(today.year, 8, 31)


def holidays(date_from: date, date_to: date) -> list[date]:
    """Russian public holidays (and the New Year break) between two dates."""
    out: list[date] = []
    for year in range(date_from.year, date_to.year + 1):
        days = [date(year, 11, 4), date(year, 12, 31), date(year, 2, 23), date(year, 3, 8)]
        days += [date(year, 1, d) for d in range(1, 9)]
        days += [date(year, 5, 1), date(year, 5, 9)]
        out += [d for d in days if date_from <= d <= date_to]
    return sorted(set(out))


SEED_BANK = ("Волго-Вятский банк ПАО Сбербанк", "042202603", "30101810900000000603")
_ACCOUNTANTS = ("Михеева Ольга Николаевна", "Рябова Татьяна Сергеевна", "Громова Елена Викторовна",
                "Соколова Ирина Павловна", "Панова Наталья Александровна")


def seed_requisites(pid: int, inn: str) -> dict[str, str]:
    """A provider's bank requisites and chief accountant for the demo district: an account at one
    bank whose control digit is right (``domain.requisites``), a function of the provider's id, so
    the rest of the district draws as before."""
    bank, bik, corr = SEED_BANK
    stem = f"40703810{{}}42{pid:09d}"  # 40703: a non-profit organisation's account
    account = next(stem.format(d) for d in "0123456789" if account_error(stem.format(d), bik) is None)
    return {"kpp": f"{inn[:4]}01001", "bank_name": bank, "bik": bik, "account": account, "corr_account": corr,
            "chief_accountant": _ACCOUNTANTS[pid % len(_ACCOUNTANTS)]}


def _inn10(rng: random.Random) -> str:
    digits = [rng.randint(0, 9) for _ in range(9)]
    digits[0:4] = [int(x) for x in REGION_CODE + MUNICIPALITY_CODE]
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 % 10
    return "".join(map(str, digits)) + str(check)


def _ogrn13(rng: random.Random) -> str:
    body = "1" + f"{rng.randint(2, 23):02d}" + REGION_CODE + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return body + str(int(body) % 11 % 10)


class _Gen:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.snils_used: set[int] = set()
        self.cert_used: set[str] = set()

    def person(self, male: bool) -> tuple[str, str, str]:
        r = self.rng
        last = r.choice(SURNAMES)[0 if male else 1]
        first = r.choice(MALE_NAMES if male else FEMALE_NAMES)
        middle = r.choice(PATRONYMICS)[0 if male else 1]
        return last, first, middle

    def adult(self) -> str:
        return self.adult_and_gender()[0]

    def adult_and_gender(self) -> tuple[str, bool]:
        """An adult's «Фамилия Имя Отчество» and whether a man (the draws of ``adult``)."""
        male = self.rng.random() < 0.3
        last, first, middle = self.person(male)
        return f"{last} {first} {middle}", male

    def birth_date(self, age: int) -> date:
        t = self.today
        try:
            anniversary = t.replace(year=t.year - age)
        except ValueError:  # 29 February
            anniversary = t.replace(year=t.year - age, day=28)
        return anniversary - timedelta(days=self.rng.randint(0, 364))

    def snils(self) -> str:
        while True:
            n = self.rng.randint(100_000_000, 999_999_999)
            if n not in self.snils_used:
                self.snils_used.add(n)
                return make_snils(n)

    def cert_number(self) -> str:
        r = self.rng
        prefix = r.choice(OTHER_PREFIXES) if r.random() < 0.07 else REGION_CODE + MUNICIPALITY_CODE
        while True:
            number = prefix + f"{r.randint(0, 999_999):06d}"
            if number not in self.cert_used:
                self.cert_used.add(number)
                return number


def seed_demo(db_url: str, scale: str = "demo", today: date | None = None,
              seed: int = DEMO_SEED) -> SeedSummary:
    """Fill an empty portal database with a fictional district; a filled one is left as it is.

    ``scale="demo"``: five providers (the first is the demo one) and a few hundred children;
    ``scale="school"``: one large school with ≈1,500 children in ≈120 groups.
    """
    if scale not in ("demo", "school"):
        raise SeedError(f"неизвестный масштаб: {scale} (demo или school)")
    today = today or date.today()
    with db.open_engine(db_url) as engine:
        with db.read_tx(engine) as conn:
            has_data = conn.execute(select(func.count()).select_from(db.providers)).scalar_one() > 0
        if not has_data:
            data = _generate(random.Random(seed), scale, today)
            with db.write_tx(engine) as conn:
                _insert(conn, data)
                year_from, _to = academic_year(today)
                periods.seed_period(conn, year_from, date(year_from.year + 1, 8, 31))
        return _summary(engine, created=not has_data, today=today)


def _summary(engine: Any, *, created: bool, today: date) -> SeedSummary:
    with db.read_tx(engine) as conn:
        provs = [
            (r.id, r.name)
            for r in conn.execute(select(db.providers.c.id, db.providers.c.name).order_by(db.providers.c.id))
        ]
        counts = {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in db.MASTER_TABLES.items()
        }
        counts["mark"] = conn.execute(
            select(func.count()).select_from(db.marks).where(db.marks.c.code.is_not(None))
        ).scalar_one()
    return SeedSummary(
        created=created,
        providers=provs,
        demo_provider_id=provs[0][0] if provs else 0,
        academic_year=academic_year(today),
        counts=counts,
    )


def _generate(rng: random.Random, scale: str, today: date) -> dict[str, list[dict[str, Any]]]:
    gen = _Gen(rng, today)
    year_from, year_to = academic_year(today)
    cancelled = [d.isoformat() for d in holidays(year_from, year_to)]
    cancelled_dates = [date.fromisoformat(d) for d in cancelled]
    specs = DEMO_PROVIDERS if scale == "demo" else (SCHOOL_PROVIDER,)
    size_range = (10, 15) if scale == "demo" else (12, 15)
    reuse_share = 0.12 if scale == "demo" else 0.075

    out: dict[str, list[dict[str, Any]]] = {k: [] for k in (*db.MASTER_TABLES, "mark")}
    ids = {k: 0 for k in db.MASTER_TABLES}

    def next_id(entity: str) -> int:
        ids[entity] += 1
        return ids[entity]

    child_ages: dict[int, int] = {}
    child_male: dict[int, bool] = {}

    def new_child(age: int) -> int:
        cid = next_id("child")
        male = rng.random() < 0.5
        last, first, middle = gen.person(male)
        # A few namesakes: same ФИО as an earlier child, another birth date.
        if cid > 20 and rng.random() < 0.03:
            same_sex = [c for c in out["child"][-40:] if child_male[c["id"]] == male]
            if same_sex:
                twin = rng.choice(same_sex)
                last, first, middle = twin["last_name"], twin["first_name"], twin["middle_name"]
        out["child"].append(
            {
                "id": cid,
                "last_name": last,
                "first_name": first,
                "middle_name": middle if rng.random() > 0.01 else "",
                "birth_date": gen.birth_date(age),
                "snils": gen.snils(),
            }
        )
        child_ages[cid] = age
        child_male[cid] = male
        pf = rng.random() < 0.6
        nominal = Decimal(rng.choice((18000, 20000, 24000, 26500))) if pf else Decimal(0)
        spent = (nominal * Decimal(rng.randint(0, 45)) / 100).quantize(Decimal("0.01")) if pf else Decimal(0)
        out["certificate"].append(
            {
                "id": next_id("certificate"),
                "child_id": cid,
                "number": gen.cert_number(),
                "status": "pf" if pf else "uchet",
                "nominal": f"{nominal:.2f}",
                "balance": f"{nominal - spent:.2f}",
                "reserve": f"{(spent / 3).quantize(Decimal('0.01')):.2f}" if pf else "0.00",
                "unit": "rub",
            }
        )
        return cid

    template_use: dict[str, int] = {}
    for spec in specs:
        pid = next_id("provider")
        inn, ogrn = _inn10(rng), _ogrn13(rng)
        head, male = gen.adult_and_gender()  # the position takes no draw: the district stays as it was
        out["provider"].append(
            {
                "id": pid,
                "name": spec.name,
                "short_name": spec.short_name,
                "inn": inn,
                "ogrn": ogrn,
                "address": f"{MUNICIPALITY}, {TOWN}, {spec.street}",
                "head_name": head,
                "municipality": MUNICIPALITY,
                "head_position": head_position(spec.kind, male),
                **seed_requisites(pid, inn),
            }
        )
        groups_left = spec.groups
        d_index = 0
        while groups_left > 0:
            direction = spec.directions[d_index % len(spec.directions)]
            d_index += 1
            templates = PROGRAM_TEMPLATES[direction]
            n_used = template_use.get(f"{pid}:{direction}", 0)
            template_use[f"{pid}:{direction}"] = n_used + 1
            name, short, age_from, age_to, rooms = templates[n_used % len(templates)]
            if n_used >= len(templates):
                name = f"{name} (углублённый курс {n_used // len(templates) + 1})"
            registry = spec.registries[rng.randrange(len(spec.registries))]
            prog_id = next_id("program")
            out["program"].append(
                {
                    "id": prog_id,
                    "provider_id": pid,
                    "name": name,
                    "short_name": short,
                    "direction": direction,
                    "registry": registry,
                    # Codes of domain.program_card (KINDS_RU, FORMS_RU, LEVELS_RU), as the editor sends.
                    "kind": "preprofessional" if registry == "preprofessional" else "general",
                    "form": "full_time",
                    "level": rng.choice(("start", "base", "advanced")),
                    "age_from_months": age_from * 12,
                    "age_to_months": age_to * 12,
                    "status": "published",
                }
            )
            n_modules = 2 if groups_left >= 2 and rng.random() < 0.6 else 1
            for year_no in range(1, n_modules + 1):
                groups_in_module = min(groups_left, 2 if scale == "school" else 1)
                if groups_left <= 0:
                    break
                hours = rng.choice((36, 72, 108, 144))
                base = Decimal(rng.randrange(60, 300)) * 100
                price = base if registry in ("certified", "paid") else Decimal(0)
                normative = (
                    (base * Decimal("1.05")).quantize(Decimal(1)) if registry != "paid" else Decimal(0)
                )
                module_id = next_id("module")
                out["module"].append(
                    {
                        "id": module_id,
                        "program_id": prog_id,
                        "name": f"{year_no}-й год обучения",
                        "hours": hours,
                        "min_children": 8,
                        "max_children": 20,  # ≥ every group capacity below (validate_group)
                        "price": f"{price:.2f}",
                        "normative_price": f"{normative:.2f}",
                    }
                )
                for g_no in range(groups_in_module):
                    groups_left -= 1
                    gid = next_id("group")
                    capacity = rng.choice((15, 15, 16, 18, 20))
                    out["group"].append(
                        {
                            "id": gid,
                            "module_id": module_id,
                            "program_id": prog_id,
                            "provider_id": pid,
                            "name": f"{short} {year_no}{'АБВГД'[g_no]}",
                            "teacher": gen.adult(),
                            "date_from": year_from,
                            "date_to": year_to,
                            "capacity": capacity,
                            "cancelled_dates": json.dumps(cancelled),
                        }
                    )
                    slots = _slots(rng, rooms, direction)
                    for s in slots:
                        out["schedule_slot"].append(
                            {
                                "id": next_id("schedule_slot"),
                                "group_id": gid,
                                "weekday": s.weekday,
                                "time_from": s.time_from.strftime("%H:%M"),
                                "time_to": s.time_to.strftime("%H:%M"),
                                "room": s.room,
                            }
                        )
                    lo = max(5, age_from)
                    hi = max(lo, min(17, age_to - 1))
                    n_children = rng.randint(*size_range)
                    members: set[int] = set()
                    for _ in range(n_children):
                        candidates = (
                            [c for c, a in child_ages.items() if lo <= a <= hi and c not in members]
                            if child_ages and rng.random() < reuse_share
                            else []
                        )
                        cid = rng.choice(candidates) if candidates else new_child(rng.randint(lo, hi))
                        members.add(cid)
                        _membership(
                            rng,
                            out,
                            next_id,
                            gid,
                            pid,
                            cid,
                            year_from,
                            year_to,
                            today,
                            slots,
                            cancelled_dates,
                        )
    # Added data draws from its own generator, so the district above stays what it always was.
    extra = random.Random(rng.getrandbits(64))
    _documents_and_guardians(extra, out, today)
    _online_applications(extra, out, today)
    _contracts(out, today)
    _card_fields(out)
    return out


# ОВЗ categories a programme accepts (program_card.OVZ_RU keys), by its id: most accept none.
_OVZ_BY_ID = ((), (), ("speech",), (), ("zpr", "speech"), (), ("musculoskeletal",), ())


def _card_fields(out: dict[str, list[dict[str, Any]]]) -> None:
    """The card's fields of issue 4 (annotation, duration, ОВЗ, addresses, teachers), derived from
    the district without drawing random numbers: the rest of the district stays as it was."""
    address = {pr["id"]: pr["address"] for pr in out["provider"]}
    years: dict[int, int] = {}
    for m in out["module"]:
        years[m["program_id"]] = years.get(m["program_id"], 0) + 1
    teachers: dict[int, list[str]] = {}
    for g in out["group"]:
        names = teachers.setdefault(g["program_id"], [])
        if g["teacher"] not in names:
            names.append(g["teacher"])
    for prog in out["program"]:
        pid = prog["id"]
        prog["annotation"] = (
            f"Программа «{prog['name']}» для детей {prog['age_from_months'] // 12}–"
            f"{prog['age_to_months'] // 12} лет: занятия в группах, {years.get(pid, 1)} "
            f"{'год' if years.get(pid, 1) == 1 else 'года'} обучения."
        )
        prog["duration_weeks"] = 36 * years.get(pid, 1)
        prog["ovz"] = json.dumps(list(_OVZ_BY_ID[pid % len(_OVZ_BY_ID)]))
        prog["medical_certificate"] = prog["direction"] == "sport"
        prog["addresses"] = json.dumps([address[prog["provider_id"]]], ensure_ascii=False)
        prog["teachers"] = json.dumps(teachers.get(pid, []), ensure_ascii=False)
        prog["revision"] = 1
        prog["moderation_comment"] = ""


# Guardians' e-mail: a transliterated surname at a common Russian mailbox.
_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))
MAIL_DOMAINS = ("mail.ru", "yandex.ru", "bk.ru", "inbox.ru", "gmail.com")
ROMAN_SERIES = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
CERT_LETTERS = "АВГДЕЖИКЛМНОПРСТУФХЦЧШЭЮЯ"


def _latin(text: str) -> str:
    return "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())


def _gender_form(surname: str, male: bool) -> str:
    """The surname of the same family in the other person's gender («Иванов» → «Иванова»)."""
    for pair in SURNAMES:
        if surname in pair:
            return pair[0 if male else 1]
    return surname


def _documents_and_guardians(rng: random.Random, out: dict[str, list[dict[str, Any]]], today: date) -> None:
    """A document for every child (a passport from 14, else a birth certificate) and a parent."""
    for child in out["child"]:
        if age_on(child["birth_date"], today) >= 14:
            child["doc_kind"] = "passport"
            child["doc_number"] = f"{REGION_CODE}{rng.randint(10, 24):02d} {rng.randint(0, 999_999):06d}"
        else:
            letters = "".join(rng.choice(CERT_LETTERS) for _ in range(2))
            child["doc_kind"] = "birth_certificate"
            child["doc_number"] = f"{rng.choice(ROMAN_SERIES)}-{letters} № {rng.randint(0, 999_999):06d}"
        roll = rng.random()
        relation = "mother" if roll < 0.7 else "father" if roll < 0.95 else "guardian"
        male = relation == "father" or (relation == "guardian" and rng.random() < 0.3)
        last = _gender_form(child["last_name"], male) if relation != "guardian" else rng.choice(SURNAMES)[
            0 if male else 1
        ]
        first = rng.choice(MALE_NAMES if male else FEMALE_NAMES)
        middle = rng.choice(PATRONYMICS)[0 if male else 1]
        email = ""
        if rng.random() < 0.7:
            email = f"{_latin(last)}{rng.randint(1, 99)}@{rng.choice(MAIL_DOMAINS)}"
        out["guardian"].append(
            {
                "id": len(out["guardian"]) + 1,
                "child_id": child["id"],
                "last_name": last,
                "first_name": first,
                "middle_name": middle,
                "relation": relation,
                "phone": f"+79{rng.randint(0, 999_999_999):09d}",
                "email": email,
            }
        )


def _online_applications(rng: random.Random, out: dict[str, list[dict[str, Any]]], today: date) -> None:
    """A handful of parents' online applications («новая») to the demo provider, into groups with
    free places, for children the rulebook admits: the demo shows them waiting for a decision."""
    demo_provider = out["provider"][0]["id"]
    start = date(today.year + (today.month == 12), today.month % 12 + 1, 1)  # the 1st of next month
    programs = {p["id"]: p for p in out["program"]}
    certificates: dict[int, str] = {}
    for cert in out["certificate"]:
        certificates.setdefault(cert["child_id"], cert["status"])
    members: dict[int, set[int]] = {}
    occupied: dict[int, int] = {}
    for m in out["membership"]:
        members.setdefault(m["group_id"], set()).add(m["child_id"])
        if m["date_to"] is None or m["date_to"] >= start:
            occupied[m["group_id"]] = occupied.get(m["group_id"], 0) + 1
    groups = [
        g for g in out["group"]
        if g["provider_id"] == demo_provider and g["date_from"] <= start <= g["date_to"]
        and g["capacity"] - occupied.get(g["id"], 0) >= 2
    ]
    wanted = rng.randint(5, 8)
    for group in rng.sample(groups, min(wanted, len(groups))):
        program = programs[group["program_id"]]

        def eligible(child: dict[str, Any], program: dict[str, Any] = program, group: dict = group) -> bool:
            months = age_in_months(child["birth_date"], start)
            status = certificates.get(child["id"])
            fits = status is not None and (program["registry"] != "certified" or status == "pf")
            return (
                program["age_from_months"] <= months <= program["age_to_months"]
                and (fits or program["registry"] == "paid")
                and child["id"] not in members.get(group["id"], set())
            )

        candidates = [c for c in out["child"] if eligible(c)]
        if not candidates:
            continue
        child = rng.choice(candidates)
        members.setdefault(group["id"], set()).add(child["id"])
        n = len(out["application"]) + 1
        created = datetime.combine(today - timedelta(days=rng.randint(1, 10)), time(rng.randint(8, 21), 0),
                                   tzinfo=UTC)
        history = [{"at": created.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "status": "new",
                    "note": "Заявка подана родителем на портале"}]
        out["application"].append(
            {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"pfdo-demo-application/{n}")),
                "number": f"З-{n:06d}",
                "child_id": child["id"],
                "group_id": group["id"],
                "provider_id": demo_provider,
                "start_date": start,
                "status": "new",
                "source": "portal",
                "created_at": created,
                "decided_at": None,
                "reason_code": "",
                "reason_text": "",
                "order_number": "",
                "order_date": None,
                "end_date": None,
                "end_order_number": "",
                "end_order_date": None,
                "end_reason": "",
                "contract_number": "",
                "price_total": None,
                "certificate_part": None,
                "parent_part": None,
                "transferred_to": None,
                "history": json.dumps(history, ensure_ascii=False),
                "device_id": None,
                "certificate_id": None,
                "membership_id": None,
            }
        )


# Reasons of the seeded expulsions, in turn (never «завершение обучения»: the year is not over).
SEED_EXPEL_REASONS = ("parent_request", "moved", "health", "parent_request", "other")


def _order_day(day: date, today: date) -> date:
    """An enrolment order is signed on the working day before the first lesson (and not later
    than yesterday)."""
    order = day - timedelta(days=1)
    while order.weekday() >= 5:
        order -= timedelta(days=1)
    return min(order, today - timedelta(days=1))


def _stamp(day: date, hour: int) -> str:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _contracts(out: dict[str, list[dict[str, Any]]], today: date) -> None:
    """The application behind every membership (source «portal»: the parent applied online, the
    provider confirmed and enrolled): «обучается», or «отчислен» for a membership that ended. On a
    certified programme the contract is priced by ``domain.pricing`` with the free balance of the
    child's ПФ certificate, whose reserve becomes the sum of the parts. No randomness: the rest of
    the district stays as the generators made it."""
    groups = {g["id"]: g for g in out["group"]}
    programs = {p["id"]: p for p in out["program"]}
    modules = {m["id"]: m for m in out["module"]}
    cert_of: dict[int, dict[str, Any]] = {}  # the certificate that pays: the ПФ one, else the newest
    for cert in out["certificate"]:
        best = cert_of.get(cert["child_id"])
        if best is None or cert["status"] == "pf" or best["status"] != "pf":
            cert_of[cert["child_id"]] = cert
    reserved = {c["id"]: Decimal(0) for c in out["certificate"]}
    # Orders of each provider numbered in date order: one enrolment order per first day, one
    # expulsion order per last day.
    orders: set[tuple[int, date, str]] = set()
    for m in out["membership"]:
        pid = groups[m["group_id"]]["provider_id"]
        orders.add((pid, _order_day(m["date_from"], today), "enrol"))
        if m["date_to"] is not None:
            orders.add((pid, m["date_to"], "expel"))
    numbers: dict[tuple[int, date, str], str] = {}
    counters: dict[int, int] = {}
    for key in sorted(orders):
        counters[key[0]] = counters.get(key[0], 0) + 1
        numbers[key] = f"{counters[key[0]]}-у"

    for m in out["membership"]:
        group = groups[m["group_id"]]
        pid = group["provider_id"]
        module = modules[group["module_id"]]
        first, last = m["date_from"], m["date_to"]
        own = cert_of.get(m["child_id"])
        paying = own if own is not None and own["status"] == "pf" else None
        money: dict[str, Any] = {"price_total": None, "certificate_part": None, "parent_part": None}
        confirmed_note = "Заявка подтверждена порталом: место в группе зарезервировано"
        if programs[group["program_id"]]["registry"] == "certified":
            free = Decimal(paying["balance"]) - reserved[paying["id"]] if paying is not None else Decimal(0)
            cost = pricing.contract_cost_for_period(
                first, group["date_to"], group["date_from"], group["date_to"],
                module["price"], module["normative_price"], free,
            )
            confirmed_note = (
                "Заявка подтверждена порталом: место зарезервировано, сертификат оплатит "
                f"{format_rub(cost.certificate_part)}"
                + (f", доплата родителя {format_rub(cost.parent_part)}" if cost.parent_pays else "")
            )
            if last is not None:  # expelled: the days studied, the reserved part as the ceiling
                cost = pricing.contract_cost_for_period(
                    first, min(last, group["date_to"]), group["date_from"], group["date_to"],
                    module["price"], module["normative_price"], cost.certificate_part,
                )
            money = {
                "price_total": f"{cost.all:.2f}",
                "certificate_part": f"{cost.certificate_part:.2f}",
                "parent_part": f"{cost.parent_part:.2f}",
            }
            if paying is not None:
                reserved[paying["id"]] += cost.certificate_part
        else:
            paying = None  # a budget or paid programme reserves nothing
        order_day = _order_day(first, today)
        order_number = numbers[(pid, order_day, "enrol")]
        applied_on = order_day - timedelta(days=4)
        history = [
            {"at": _stamp(applied_on, 10), "status": "new", "note": "Заявка подана родителем на портале"},
            {"at": _stamp(applied_on + timedelta(days=1), 12), "status": "confirmed", "note": confirmed_note},
            {"at": _stamp(order_day, 15), "status": "active",
             "note": f"Зачислен с {first:%d.%m.%Y}, приказ № {order_number} от {order_day:%d.%m.%Y}"},
        ]
        end: dict[str, Any] = {
            "end_date": None, "end_order_number": "", "end_order_date": None, "end_reason": ""
        }
        if last is not None:
            reason = SEED_EXPEL_REASONS[m["id"] % len(SEED_EXPEL_REASONS)]
            end = {
                "end_date": last,
                "end_order_number": numbers[(pid, last, "expel")],
                "end_order_date": last,
                "end_reason": reason,
            }
            history.append({
                "at": _stamp(last, 16), "status": "expelled",
                "note": f"Отчислен {last:%d.%m.%Y} ({EXPEL_REASONS_RU[reason].lower()}), приказ "
                f"№ {end['end_order_number']} от {last:%d.%m.%Y}",
            })
        n = len(out["application"]) + 1
        out["application"].append(
            {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"pfdo-demo-contract/{m['id']}")),
                "number": f"З-{n:06d}",
                "child_id": m["child_id"],
                "group_id": group["id"],
                "provider_id": pid,
                "start_date": first,
                "status": "active" if last is None else "expelled",
                "source": "portal",
                "created_at": datetime.combine(applied_on, time(10, 0), tzinfo=UTC),
                "decided_at": datetime.combine(applied_on + timedelta(days=1), time(12, 0), tzinfo=UTC),
                "reason_code": "",
                "reason_text": "",
                "order_number": order_number,
                "order_date": order_day,
                **end,
                "contract_number": f"Д-{n:06d}",
                **money,
                "transferred_to": None,
                "history": json.dumps(history, ensure_ascii=False),
                "device_id": None,
                "certificate_id": paying["id"] if paying is not None else None,
                "membership_id": m["id"],
            }
        )
    for cert in out["certificate"]:
        cert["reserve"] = f"{reserved[cert['id']]:.2f}"


def _slots(rng: random.Random, rooms: tuple[str, ...], direction: str) -> list[WeeklySlot]:
    n = rng.choice((1, 2, 2, 2, 3))
    days = sorted(rng.sample(range(1, 7) if direction in ("sport", "art") else range(1, 6), n))
    start = rng.choice(LESSON_STARTS)
    length = 90 if rng.random() < 0.35 else 45
    h, m = map(int, start.split(":"))
    t_from = time(h, m)
    end = datetime.combine(date(2000, 1, 1), t_from) + timedelta(minutes=length)
    room = rng.choice(rooms)
    return [WeeklySlot(d, t_from, end.time(), room) for d in days]


def _membership(
    rng: random.Random,
    out: dict[str, list[dict[str, Any]]],
    next_id: Any,
    gid: int,
    pid: int,
    cid: int,
    year_from: date,
    year_to: date,
    today: date,
    slots: list[WeeklySlot],
    cancelled: list[date],
) -> None:
    # One draw from the district's generator per membership, whatever the date: the marks up to
    # today take a varying number of draws, and the district (its programmes, children, namesakes)
    # must not change with the day it is seeded on.
    rng = random.Random(rng.getrandbits(64))
    date_from = year_from
    if rng.random() < 0.1:
        date_from = year_from + timedelta(days=rng.randint(7, 45))
    date_to = None
    status = "active"
    if rng.random() < 0.04 and (today - date_from).days > 40:
        date_to = date_from + timedelta(days=rng.randint(30, (today - date_from).days - 1))
        status = "expelled"
    out["membership"].append(
        {
            "id": next_id("membership"),
            "group_id": gid,
            "child_id": cid,
            "date_from": date_from,
            "date_to": date_to,
            "status": status,
        }
    )
    last = min(year_to, date_to or year_to, today - timedelta(days=1))
    if last < date_from:
        return
    often_ill = rng.random() < 0.1
    for day in lesson_dates(slots, date_from, last, cancelled):
        roll = rng.random()
        if roll < (0.75 if often_ill else 0.86):
            code = 1
        elif roll < 0.92:
            code = 2
        elif roll < 0.97:
            code = 3
        else:
            code = 4
        stamp = datetime.combine(day, time(15, 0), tzinfo=UTC)
        out["mark"].append(
            {
                "group_id": gid,
                "child_id": cid,
                "lesson_date": day,
                "mark_uid": mark_id(gid, cid, day),
                "provider_id": pid,
                "code": code,
                "changed_at": stamp,
                "changed_by": "portal",
                "device_id": None,
                "recorded_at": stamp,
            }
        )


def _insert(conn: Any, data: dict[str, list[dict[str, Any]]]) -> None:
    for entity, table in db.MASTER_TABLES.items():
        _bulk(conn, table, data[entity])
    _bulk(conn, db.marks, data["mark"])
    db.fix_pg_sequences(conn)
    db.advance_number(conn, "application_number", len(data["application"]))

    # The change log: one row per key and provider that sees it.
    group_provider = {g["id"]: g["provider_id"] for g in data["group"]}
    program_provider = {p["id"]: p["provider_id"] for p in data["program"]}
    module_provider = {m["id"]: program_provider[m["program_id"]] for m in data["module"]}
    child_providers: dict[int, set[int]] = {}
    for m in data["membership"]:
        child_providers.setdefault(m["child_id"], set()).add(group_provider[m["group_id"]])
    for a in data["application"]:
        child_providers.setdefault(a["child_id"], set()).add(a["provider_id"])
    keys: list[tuple[str, str, str, int]] = []
    for p in data["provider"]:
        keys.append(("master", "provider", str(p["id"]), p["id"]))
    for row in data["program"]:
        keys.append(("master", "program", str(row["id"]), row["provider_id"]))
    for row in data["module"]:
        keys.append(("master", "module", str(row["id"]), module_provider[row["id"]]))
    for row in data["group"]:
        keys.append(("master", "group", str(row["id"]), row["provider_id"]))
    for row in data["schedule_slot"]:
        keys.append(("master", "schedule_slot", str(row["id"]), group_provider[row["group_id"]]))
    for row in data["child"]:
        for pid in sorted(child_providers.get(row["id"], ())):
            keys.append(("master", "child", str(row["id"]), pid))
    for row in data["guardian"]:
        for pid in sorted(child_providers.get(row["child_id"], ())):
            keys.append(("master", "guardian", str(row["id"]), pid))
    for row in data["certificate"]:
        for pid in sorted(child_providers.get(row["child_id"], ())):
            keys.append(("master", "certificate", str(row["id"]), pid))
    for row in data["membership"]:
        keys.append(("master", "membership", str(row["id"]), group_provider[row["group_id"]]))
    for row in data["application"]:
        keys.append(("master", "application", row["id"], row["provider_id"]))
    for row in data["mark"]:
        keys.append(
            (
                "own",
                "mark",
                row["mark_uid"],
                row["provider_id"],
            )
        )
    seqs = db.take_seqs(conn, len(keys))
    mark_dates = {row["mark_uid"]: row["lesson_date"] for row in data["mark"]}
    _bulk(
        conn,
        db.sync_changes,
        [
            {
                "seq": seq,
                "stream": s,
                "entity": e,
                "entity_key": k,
                "provider_id": pid,
                "deleted": False,
                "mark_date": mark_dates.get(k) if e == "mark" else None,
            }
            for (s, e, k, pid), seq in zip(keys, seqs, strict=True)
        ],
    )


def _bulk(conn: Any, table: Any, rows: list[dict[str, Any]], chunk: int = 10_000) -> None:
    for i in range(0, len(rows), chunk):
        conn.execute(table.insert(), rows[i : i + chunk])


def child_age(birth_date: date, today: date) -> int:
    return age_on(birth_date, today)
