"""Russian legal wording: a person's name in the case the sentence needs, the words agreed with the
person's gender, a position title in its case, sums of money and hours written in words.

Names are declined with ``pytrovich`` (a port of petrovich's rules), numbers are written with
``num2words``; what they cannot be sure of is never guessed:

* **The gender** is told by the patronymic (-вич/-ич, -вна/-чна, «оглы»/«кызы»); a name without one
  only when the first name and the surname both say the same (Иванова Мария). Otherwise it is
  unknown (``None``) and the forms word the sentence so that it needs no gender.
* **A name is declined** only when its gender is known and every part is written in Russian
  letters (a hyphen allowed: Римского-Корсакова); a foreign or Latin-lettered name, or one whose
  gender is unknown (Ли Мин, Шмидт Анна), stays in the nominative, never with a half-made ending;
  so does a name with a one-letter part (an initial) or one a rule would change beyond its ending.
  A Turkic patronymic («Рашид оглы», «Алиевна кызы») is not declined, as in Russian usage.
* **Position titles**: the common ones are declined (директор, генеральный директор, руководитель,
  заведующий / заведующая, начальник, индивидуальный предприниматель, исполняющий обязанности …,
  и. о. …); the words after the title («директор филиала») stay as they are. An unknown title is
  ``None`` in any case but the nominative: the form then prints it in a sentence that reads right
  in the nominative («в лице: <должность> <ФИО>»).
* **Municipalities** (``Municipality``): the common «<прилагательное> муниципальный/городской
  округ/район» is declined («уполномоченной организации Заречного муниципального округа»), as is
  «городской округ <название>» («городского округа Тольятти»); any other name («г. Екатеринбург»,
  «Город Н-ск») keeps its nominative after a generic word in the case the sentence needs
  («муниципального образования «г. Екатеринбург»»). An organisation's official name is never
  declined: the forms put it where the nominative is right (a subject, after a colon, a labelled
  field).
* **Money**: «16 500 (шестнадцать тысяч пятьсот) рублей 00 копеек» — the roubles in figures, the
  roubles in words in brackets, «рубль» agreed with the number, then the kopecks in two figures
  with «копейка» agreed with them (the form of Russian contracts). Hours: «144 (сто сорок четыре)
  часа».

pytrovich logs the names it looks at (DEBUG, and a WARNING on a contradictory name): its logger
is silenced here, so no name ever reaches the application's log.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from pfdo_desktop.domain.documents import PersonInfo
from pfdo_desktop.domain.plural import plural_ru

if TYPE_CHECKING:
    from pytrovich.detector import PetrovichGenderDetector
    from pytrovich.maker import PetrovichDeclinationMaker

# Names of children and parents must never reach a log line (pytrovich logs every name it reads).
logging.getLogger("pytrovich").setLevel(logging.CRITICAL + 1)

NBSP = "\u00a0"


class Case(Enum):
    NOMINATIVE = "именительный"  # кто? — «Я, Иванова Мария Петровна»
    GENITIVE = "родительный"  # кого? — «в лице директора Волковой Миланы Валерьевны»
    DATIVE = "дательный"  # кому? — «Заказчику Смирновой Екатерине Олеговне»
    ACCUSATIVE = "винительный"  # кого? — «зачислить Новикова Марка Николаевича»
    INSTRUMENTAL = "творительный"  # кем?
    PREPOSITIONAL = "предложный"  # о ком? — «о ребёнке Новикове Марке Николаевиче»


class Gender(Enum):
    MALE = "м"
    FEMALE = "ж"


NOM, GEN, DAT, ACC, INS, PREP = Case


def agree(gender: Gender | None, male: str, female: str, neutral: str) -> str:
    """The word agreed with ``gender``; ``neutral`` when the gender is not known."""
    if gender is Gender.MALE:
        return male
    if gender is Gender.FEMALE:
        return female
    return neutral


# --- names ----------------------------------------------------------------------------------------

_WORD = r"[А-Яа-яЁё]+(?:['’][А-Яа-яЁё]+)*"
_RUSSIAN_PART = re.compile(rf"{_WORD}(?:-{_WORD})*")  # Иванова, Римского-Корсакова, Анна-Мария
_RUSSIAN_WORDS = re.compile(rf"{_WORD}(?:[- ]{_WORD})*")  # a patronymic may be two words
# The Turkic patronymic: «Рашид оглы», «Алиевна кызы» — the particle tells the gender; not declined.
_TURKIC_MALE = ("оглы", "огли", "улы", "уулу", "углы", "угли")
_TURKIC_FEMALE = ("кызы", "гызы", "кизи", "кзы")


@lru_cache(maxsize=1)
def _maker() -> PetrovichDeclinationMaker:
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


@lru_cache(maxsize=1)
def _detector() -> PetrovichGenderDetector:
    from pytrovich.detector import PetrovichGenderDetector

    return PetrovichGenderDetector()


def _is_russian(part: str, *, words: bool = False) -> bool:
    """Russian letters only, every word (and half of a double name) at least two letters long: a
    lone letter is an initial («А.») or a typo, and a rule would replace it whole («А» → «ы»)."""
    return (bool((_RUSSIAN_WORDS if words else _RUSSIAN_PART).fullmatch(part))
            and all(len(piece) >= 2 for piece in re.split(r"[- ]", part)))


def _turkic_gender(middle: str) -> Gender | None:
    last = middle.split()[-1].casefold() if middle.split() else ""
    for ending in _TURKIC_MALE:
        if last.endswith(ending):
            return Gender.MALE
    for ending in _TURKIC_FEMALE:
        if last.endswith(ending):
            return Gender.FEMALE
    return None


def _detected(**part: str) -> Gender | None:
    from pytrovich.enums import Gender as PtGender

    found = _detector().detect(**part)
    return {PtGender.MALE: Gender.MALE, PtGender.FEMALE: Gender.FEMALE}.get(found)


@lru_cache(maxsize=4096)
def gender_of(last: str, first: str, middle: str) -> Gender | None:
    """The person's gender as the name tells it: by the patronymic; without one, by the first name
    and the surname when both say the same; ``None`` when the name does not tell (a foreign or
    Latin-lettered name, «Руденко Саша», «Ли Мин»)."""
    last, first, middle = last.strip(), first.strip(), middle.strip()
    if middle and _is_russian(middle, words=True):
        by_middle = _turkic_gender(middle)
        if by_middle is None and " " not in middle:
            by_middle = _detected(middlename=middle)
        if by_middle is not None:
            return by_middle
    if first and last and _is_russian(first) and _is_russian(last):
        by_first = _detected(firstname=first)
        if by_first is not None and _detected(lastname=last) is by_first:
            return by_first
    return None


def _decline_part(part_kind: str, gender: Gender, case: Case, value: str) -> str:
    from pytrovich.enums import Case as PtCase
    from pytrovich.enums import Gender as PtGender
    from pytrovich.enums import NamePart

    kind = {"last": NamePart.LASTNAME, "first": NamePart.FIRSTNAME, "middle": NamePart.MIDDLENAME}[part_kind]
    pt_gender = PtGender.MALE if gender is Gender.MALE else PtGender.FEMALE
    pt_case = PtCase[case.name]
    shouting = value.isupper() and len(value) > 1  # «ИВАНОВА» from a paper list: «ИВАНОВОЙ»
    source = "-".join(p.capitalize() for p in value.split("-")) if shouting else value
    declined = _maker().make(kind, pt_gender, pt_case, source)
    return declined.upper() if shouting else declined


@lru_cache(maxsize=8192)
def _declined(last: str, first: str, middle: str, case: Case) -> tuple[str, str, str]:
    gender = gender_of(last, first, middle)
    if case is NOM or gender is None or not _declinable(last, first, middle):
        return last, first, middle
    declined = (
        _decline_part("last", gender, case, last) if last else "",
        _decline_part("first", gender, case, first) if first else "",
        # «Рашид оглы» stays as it is; a Russian patronymic is declined
        middle if not middle or " " in middle or _turkic_gender(middle) else
        _decline_part("middle", gender, case, middle),
    )
    if not all(_only_the_ending_changed(old, new) for old, new in zip((last, first, middle), declined,
                                                                       strict=True)):
        return last, first, middle  # a rule that would rewrite a word («Ая» → «ой»): as it is
    return declined


def _only_the_ending_changed(old: str, new: str) -> bool:
    """Each half of ``new`` keeps all but the last three letters of ``old``'s (at least the first
    letter; «ё» read as «е»: Пётр → Петра, Лев → Льва) and grows by at most four."""
    old_halves, new_halves = old.split("-"), new.split("-")
    if len(old_halves) != len(new_halves):
        return False
    for o, n in zip(old_halves, new_halves, strict=True):
        o_, n_ = o.casefold().replace("ё", "е"), n.casefold().replace("ё", "е")
        if not n_.startswith(o_[:max(1, len(o_) - 3)]) or len(n_) - len(o_) > 4:
            return False
    return True


def _declinable(last: str, first: str, middle: str) -> bool:
    return (bool(last) and _is_russian(last) and (not first or _is_russian(first))
            and (not middle or _is_russian(middle, words=True)))


@dataclass(frozen=True, slots=True)
class Name:
    """A person's «Фамилия Имя Отчество» in any case (see the module's rules)."""

    last: str
    first: str = ""
    middle: str = ""

    @classmethod
    def of(cls, person: PersonInfo | None) -> Name:
        """The name of a child or a representative; an empty name for an unknown person."""
        if person is None:
            return cls("")
        return cls(person.last_name.strip(), person.first_name.strip(), person.middle_name.strip())

    @classmethod
    def parse(cls, full_name: str) -> Name:
        """«Фамилия Имя Отчество» from one string (a head's name as the portal sends it); the words
        after the first name are the patronymic («Рашид оглы»)."""
        words = full_name.split()
        if not words:
            return cls("")
        return cls(words[0], words[1] if len(words) > 1 else "", " ".join(words[2:]))

    def __bool__(self) -> bool:
        return bool(self.last or self.first)

    @property
    def gender(self) -> Gender | None:
        return gender_of(self.last, self.first, self.middle) if self else None

    @property
    def declinable(self) -> bool:
        """True when the name is printed in the case asked, not left in the nominative."""
        return self.gender is not None and _declinable(self.last, self.first, self.middle)

    def __call__(self, case: Case = NOM) -> str:
        """«Волковой Миланы Валерьевны» (``GEN``); the nominative when the name cannot be declined;
        "" for an unknown person."""
        return " ".join(p for p in _declined(self.last, self.first, self.middle, case) if p)

    def short(self, case: Case = NOM) -> str:
        """«Соколовой И. В.»: the surname in ``case`` and the initials."""
        if not self.last:
            return ""
        last, _, _ = _declined(self.last, self.first, self.middle, case)
        initials = [f"{part[0]}." for part in (self.first, self.middle.split()[0] if self.middle else "")
                    if part]
        return " ".join([last, *initials])

    def agree(self, male: str, female: str, neutral: str) -> str:
        """The word agreed with this person's gender (``neutral`` when it is not known)."""
        return agree(self.gender, male, female, neutral)


# --- position titles ------------------------------------------------------------------------------

# title (lower case) → genitive, dative, the grammatical gender of the title
_TITLES: dict[str, tuple[str, str, Gender]] = {
    "директор": ("директора", "директору", Gender.MALE),
    "генеральный директор": ("генерального директора", "генеральному директору", Gender.MALE),
    "исполнительный директор": ("исполнительного директора", "исполнительному директору", Gender.MALE),
    "руководитель": ("руководителя", "руководителю", Gender.MALE),
    "заведующий": ("заведующего", "заведующему", Gender.MALE),
    "заведующая": ("заведующей", "заведующей", Gender.FEMALE),
    "начальник": ("начальника", "начальнику", Gender.MALE),
    "индивидуальный предприниматель": ("индивидуального предпринимателя",
                                       "индивидуальному предпринимателю", Gender.MALE),
    "исполняющий обязанности": ("исполняющего обязанности", "исполняющему обязанности", Gender.MALE),
    "исполняющая обязанности": ("исполняющей обязанности", "исполняющей обязанности", Gender.FEMALE),
    "временно исполняющий обязанности": ("временно исполняющего обязанности",
                                         "временно исполняющему обязанности", Gender.MALE),
    "временно исполняющая обязанности": ("временно исполняющей обязанности",
                                         "временно исполняющей обязанности", Gender.FEMALE),
}
# Abbreviations read the same in every case: «и. о. директора», «врио директора».
_ABBREVIATED = re.compile(r"(?:и\.\s*о\.|врио)(?:\s|$)", re.IGNORECASE)

ENTREPRENEUR = "индивидуальный предприниматель"
DEFAULT_TITLE = "руководитель"


@dataclass(frozen=True, slots=True)
class Title:
    """A position («директор», «заведующая отделом», «и. о. директора») in its case."""

    text: str

    def _match(self) -> tuple[str, str, str, Gender] | None:
        """(genitive, dative, the words after the title, gender) of a known title."""
        text = " ".join(self.text.split())
        if _ABBREVIATED.match(text):
            return text, text, "", Gender.MALE
        low = text.casefold()
        for head in sorted(_TITLES, key=len, reverse=True):
            if low == head or low.startswith(head + " "):
                gen, dat, gender = _TITLES[head]
                return gen, dat, text[len(head):], gender
        return None

    @property
    def known(self) -> bool:
        return self._match() is not None

    @property
    def gender(self) -> Gender | None:
        """The title's grammatical gender («директор» м., «заведующая» ж.): what a participle agrees
        with when the person's own gender is not known; ``None`` for an unknown title."""
        match = self._match()
        return match[3] if match else None

    @property
    def entrepreneur(self) -> bool:
        return " ".join(self.text.split()).casefold() == ENTREPRENEUR

    def __call__(self, case: Case = NOM) -> str | None:
        """The title in ``case`` (its capital letter kept); ``None`` for an unknown title in any case
        but the nominative. Only the nominative, genitive and dative are known."""
        text = " ".join(self.text.split())
        if case is NOM:
            return text
        match = self._match()
        if match is None:
            return None
        gen, dat, rest, _ = match
        if case is GEN:
            head = gen
        elif case is DAT:
            head = dat
        else:
            raise ValueError("должность склоняется только в родительном и дательном падежах, "
                             f"не в {case.value}")
        if _ABBREVIATED.match(text):
            return text
        if text[:1].isupper():
            head = head[:1].upper() + head[1:]
        return head + rest


# --- municipalities -------------------------------------------------------------------------------

# «округ», «район» in the genitive, dative, prepositional
_MUNICIPAL_NOUNS: dict[str, tuple[str, str, str]] = {
    "округ": ("округа", "округу", "округе"),
    "район": ("района", "району", "районе"),
}
_GENERIC_ADJECTIVES = ("муниципальный", "городской")
_HARD = {GEN: "ого", DAT: "ому", PREP: "ом"}
_SOFT = {GEN: "его", DAT: "ему", PREP: "ем"}
_MO = {NOM: "муниципальное образование", GEN: "муниципального образования",
       DAT: "муниципальному образованию", PREP: "муниципальном образовании"}


def _adjective(word: str, case: Case) -> str | None:
    """A masculine adjective («Заречный», «Верхнекамский», «Ханты-Мансийский», «Синий») in
    ``case``; only its last half changes. ``None`` when its ending is not one of the plain patterns."""
    head, _, last = word.rpartition("-")
    low = last.casefold()
    if case is NOM:
        return word
    if low.endswith(("ый", "ой")) or (low.endswith("ий") and len(low) > 2 and low[-3] in "гкх"):
        endings = _HARD
    elif low.endswith("ий") and len(low) > 2 and low[-3] in "жшчщн":
        endings = _SOFT
    else:
        return None
    if len(low) < 4 or case not in endings:
        return None
    declined = last[:-2] + endings[case]
    if last.isupper():
        declined = declined.upper()
    return f"{head}-{declined}" if head else declined


def _noun(word: str, case: Case) -> str | None:
    forms = _MUNICIPAL_NOUNS.get(word.casefold())
    if forms is None:
        return None
    if case is NOM:
        return word
    index = {GEN: 0, DAT: 1, PREP: 2}.get(case)
    if index is None:
        return None
    form = forms[index]
    return form.upper() if word.isupper() else (form.capitalize() if word[:1].isupper() else form)


@dataclass(frozen=True, slots=True)
class Municipality:
    """A municipality's name as the registry writes it («Заречный муниципальный округ») in the case a
    sentence needs (see the module's rules)."""

    text: str

    def __call__(self, case: Case = NOM) -> str | None:
        """The declined name (GEN, DAT, PREP; NOM as it is); ``None`` for a name of another shape."""
        words = self.text.split()
        if case is NOM:
            return " ".join(words)
        # «Заречный муниципальный округ [Свердловской области]»
        if len(words) >= 3 and words[1].casefold() in _GENERIC_ADJECTIVES:
            parts = [_adjective(words[0], case), _adjective(words[1], case), _noun(words[2], case)]
            rest = words[3:]
        # «городской округ Тольятти», «муниципальный район «Город N»»
        elif len(words) >= 3 and words[0].casefold() in _GENERIC_ADJECTIVES:
            parts = [_adjective(words[0], case), _noun(words[1], case)]
            rest = words[2:]
        else:
            return None
        russian = all(re.fullmatch(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*", w) for w in words[:len(parts)])
        if not russian or any(p is None for p in parts):
            return None
        return " ".join([*(p for p in parts if p), *rest])

    def phrase(self, case: Case) -> str:
        """The name in ``case`` when it can be declined; otherwise kept as the registry writes it,
        after «муниципальное образование» in ``case`` («муниципального образования «г. Екатеринбург»»)."""
        text = " ".join(self.text.split())
        declined = self(case)
        if declined is not None:
            return declined
        if text.casefold().startswith(_MO[NOM]):  # «Муниципальное образование «Город N»»
            generic = _MO[case] if case in _MO else _MO[GEN]
            return generic + text[len(_MO[NOM]):]
        name = text if text.startswith("«") and text.endswith("»") else f"«{text}»"
        return f"{_MO.get(case, _MO[GEN])} {name}"


# --- numbers in words ----------------------------------------------------------------------------


def _words(n: int) -> str:
    from num2words import num2words

    return str(num2words(n, lang="ru"))


def _figures(n: int) -> str:
    """«16 500»: thousands split by a no-break space."""
    return f"{n:,}".replace(",", NBSP)


def rubles_in_words(amount: Decimal) -> str:
    """«16 500 (шестнадцать тысяч пятьсот) рублей 00 копеек», «21 (двадцать один) рубль 01 копейка»:
    the roubles in figures and in words, the kopecks in figures; every word agreed with its number.
    The words stay on one line with their figures (no-break spaces)."""
    if amount < 0:
        raise ValueError("сумма договора не может быть отрицательной")
    amount = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    rubles = int(amount)
    kopecks = int((amount - rubles) * 100)
    return (f"{_figures(rubles)} ({_words(rubles)}){NBSP}{plural_ru(rubles, 'рубль', 'рубля', 'рублей')} "
            f"{kopecks:02d}{NBSP}{plural_ru(kopecks, 'копейка', 'копейки', 'копеек')}")


def hours_in_words(hours: int | Decimal) -> str:
    """«144 (сто сорок четыре) часа»; a fraction of an hour only in figures: «1,5 часа»."""
    value = Decimal(hours)
    if value != value.to_integral_value():
        return f"{value.normalize():f}".replace(".", ",") + NBSP + "часа"
    n = int(value)
    return f"{_figures(n)} ({_words(n)}){NBSP}{plural_ru(n, 'час', 'часа', 'часов')}"
