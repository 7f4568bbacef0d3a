"""Sample documents of the month's money forms (issue 12), for tests, previews and benchmarks.

Realistic Russian data, deterministic (the same arguments give the same documents), every figure
consistent: each line's payment is the monthly amount × k / 100 rounded half up to the kopeck,
the totals are the sums of the lines, «подлежит оплате» is the total less the advance. These are
not the month's computation (``domain.payment``): only documents that look like its output.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from pfdo_desktop.domain.documents import (
    AdvanceContractLine,
    AdvanceDoc,
    AdvanceGroupLine,
    ContractsRegisterDoc,
    InvoiceCorrection,
    InvoiceDoc,
    InvoiceLine,
    PayerInfo,
    ProviderInfo,
    RegisterRow,
)
from pfdo_desktop.domain.requisites import Requisites

KOPECK = Decimal("0.01")

SAMPLE_PROVIDER = ProviderInfo(
    name="Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная "
         "школа № 3» Заречного муниципального округа",
    short_name="МАОУ СОШ № 3",
    inn="6639012345",
    ogrn="1026600834567",
    address="624250, Свердловская область, г. Заречный, ул. Ленина, д. 12",
    head_name="Волкова Милана Валерьевна",
    municipality="Заречный муниципальный округ",
    requisites=Requisites(kpp="663901001", bank_name="Уральский банк ПАО Сбербанк", bik="046577674",
                          account="40703810316540012345", corr_account="30101810500000000674",
                          chief_accountant="Лаптева Ирина Олеговна"),
    head_position="директор",
)

SAMPLE_PAYER = PayerInfo(
    name="Управление образования администрации Заречного муниципального округа",
    inn="6639009876",
    address="624250, Свердловская область, г. Заречный, ул. Невского, д. 3",
)

# Certificate monthly amounts and completeness values the sample lines cycle through.
_MONTHLY = (Decimal("1250.00"), Decimal("1875.50"), Decimal("2400.00"), Decimal("933.33"),
            Decimal("1500.00"), Decimal("3120.75"))
_COMPLETENESS = (Decimal("100.00"), Decimal("75.00"), Decimal("87.50"), Decimal("100.00"),
                 Decimal("91.67"), Decimal("66.67"), Decimal("100.00"))
_SURNAMES = ("Смирнова", "Иванов", "Кузнецова", "Попов", "Соколова", "Лебедев", "Козлова", "Новиков",
             "Морозова", "Петров", "Волкова", "Соловьёв")
_NAMES = ("Полина Андреевна", "Марк Николаевич", "Анна Сергеевна", "Илья Петрович", "Дарья Олеговна",
          "Егор Дмитриевич")
_PROGRAMS = (("Робототехника", "Робототехника-1А"), ("Юный художник", "ИЗО-2"),
             ("Шахматы для начинающих", "Шахматы-1"), ("Хоровое пение", "Хор младший"))


def payment(monthly: Decimal, completeness: Decimal) -> Decimal:
    """A contract's certificate payment: monthly × k / 100, rounded half up to the kopeck."""
    return (monthly * completeness / 100).quantize(KOPECK, rounding=ROUND_HALF_UP)


def contract_number(i: int) -> str:
    return f"Д-{i + 123:06d}"


def certificate_number(i: int) -> str:
    return f"{5201003001 + i:010d}"


def _month_back(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + month - 1 - back
    return index // 12, index % 12 + 1


def sample_invoice(lines: int = 12, *, corrections: int = 1, year: int = 2026, month: int = 11,
                   percent: Decimal = Decimal("80"), chief_accountant: str = "Кузнецова Ольга Петровна",
                   advance: Decimal | None = None) -> InvoiceDoc:
    """An invoice for ``month`` with ``lines`` contracts and ``corrections`` corrections of earlier
    months (alternately − and +); the advance is Σ monthly amounts × ``percent`` % unless given."""
    invoice_lines = tuple(
        InvoiceLine(contract_number(i), date(year, 9, 1 + i % 28), certificate_number(i),
                    _COMPLETENESS[i % len(_COMPLETENESS)],
                    payment(_MONTHLY[i % len(_MONTHLY)], _COMPLETENESS[i % len(_COMPLETENESS)]))
        for i in range(lines))
    fixes = tuple(
        InvoiceCorrection(contract_number(i), date(year, 9, 1 + i % 28), certificate_number(i),
                          *_month_back(year, month, 1 + k % 2),
                          Decimal("-312.50") if k % 2 == 0 else Decimal("156.25"))
        for k, i in enumerate(range(corrections)))
    total = sum((line.amount for line in invoice_lines), Decimal("0")) + sum(
        (c.amount for c in fixes), Decimal("0"))
    if advance is None:
        base = sum((_MONTHLY[i % len(_MONTHLY)] for i in range(lines)), Decimal("0"))
        advance = (base * percent / 100).quantize(KOPECK, rounding=ROUND_HALF_UP)
    next_year, next_month = _month_back(year, month, -1)
    return InvoiceDoc(
        provider=SAMPLE_PROVIDER, payer=SAMPLE_PAYER, year=year, month=month, number=f"{month:02d}/{year}",
        invoice_date=date(next_year, next_month, 3), lines=invoice_lines, total=total, advance=advance,
        due=total - advance, corrections=fixes, chief_accountant=chief_accountant)


def sample_advance(lines: int = 12, *, by_group: bool = False, year: int = 2026, month: int = 12,
                   percent: Decimal = Decimal("80"), chief_accountant: str = "") -> AdvanceDoc:
    """An advance request for ``month``: per contract, or (``by_group``) ``lines`` groups of
    seven contracts each."""
    advance_lines: tuple[AdvanceContractLine, ...] | tuple[AdvanceGroupLine, ...]
    if by_group:
        advance_lines = tuple(
            AdvanceGroupLine(_PROGRAMS[i % len(_PROGRAMS)][0], f"{_PROGRAMS[i % len(_PROGRAMS)][1]}-{i + 1}",
                             7, _MONTHLY[i % len(_MONTHLY)] * 7)
            for i in range(lines))
    else:
        advance_lines = tuple(
            AdvanceContractLine(contract_number(i), date(year, 9, 1 + i % 28), certificate_number(i),
                                _MONTHLY[i % len(_MONTHLY)])
            for i in range(lines))
    base = sum((line.monthly_amount for line in advance_lines), Decimal("0"))
    return AdvanceDoc(
        provider=SAMPLE_PROVIDER, payer=SAMPLE_PAYER, year=year, month=month,
        request_date=date(year, month, 2), lines=advance_lines, base=base, percent=percent,
        amount=(base * percent / 100).quantize(KOPECK, rounding=ROUND_HALF_UP), number=f"А-{month:02d}",
        chief_accountant=chief_accountant)


def sample_register(rows: int = 12, *, year: int = 2026, month: int = 11) -> ContractsRegisterDoc:
    """The register of ``rows`` contracts in force in ``month`` (every fourth with a parent's part)."""
    register_rows = tuple(
        RegisterRow(
            contract_number(i), date(year, 9, 1 + i % 28),
            f"{_SURNAMES[i % len(_SURNAMES)]} {_NAMES[i % len(_NAMES)]}", certificate_number(i),
            _PROGRAMS[i % len(_PROGRAMS)][0], _PROGRAMS[i % len(_PROGRAMS)][1],
            date(year, 9, 1 + i % 28), date(year + 1, 5, 31), _MONTHLY[i % len(_MONTHLY)],
            Decimal("450.00") if i % 4 == 3 else Decimal("0.00"))
        for i in range(rows))
    return ContractsRegisterDoc(provider=SAMPLE_PROVIDER, payer=SAMPLE_PAYER, year=year, month=month,
                                rows=register_rows, printed_on=date(year, month, 28))
