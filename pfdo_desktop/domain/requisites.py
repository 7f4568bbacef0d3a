"""A provider's payment requisites (банковские реквизиты) and its chief accountant: what an invoice
and an advance request print under «Исполнитель» so the payer can pay (issue 12).

One definition for both sides: the portal checks them when the region enters them
(``pfdo-portal set-provider-details``) and the PC reads the provider's record through the same
rules before it stores it (a record with a broken account is stored without it: the forms then
print lines to fill by hand rather than a number no bank will take).

The checks are the Bank of Russia's:

* **БИК** — 9 digits starting with «0»: a credit institution's starts with «04» (the country
  code), a territorial body of the Treasury's (a budget school's казначейский счёт) with «00» or
  «01» since 2021.
* **Расчётный счёт** — 20 digits; at a credit institution (БИК «04…») its control digit (the 9th) is
  checked with the БИК's last three digits: the 23 digits «БИК[6:9] + счёт», each multiplied by the
  weights 7, 1, 3 repeated, the units of the products summed — the sum's last digit must be 0. A
  treasury account is only checked for its 20 digits (its key follows other rules).
* **Корреспондентский счёт** — 20 digits, «301…» at a credit institution (checked the same way
  with «0» + БИК[4:6]); a treasury's «единый казначейский счёт» is «40102…».
* **КПП** — 9 characters: 4 digits (the tax office), 2 digits or capital Latin letters (the
  reason), 3 digits. An individual entrepreneur has none.

Every field is optional: an unknown one is "" and the forms print a line to fill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

_WEIGHTS = (7, 1, 3)
_KPP = re.compile(r"[0-9]{4}[0-9A-Z]{2}[0-9]{3}")


@dataclass(frozen=True, slots=True)
class Requisites:
    """The provider's bank requisites and chief accountant, as the portal keeps them."""

    kpp: str = ""
    bank_name: str = ""  # «ПАО Сбербанк», as the bank writes itself
    bik: str = ""
    account: str = ""  # расчётный (или лицевой казначейский) счёт
    corr_account: str = ""  # корреспондентский счёт
    chief_accountant: str = ""  # «Фамилия Имя Отчество»

    @property
    def has_bank(self) -> bool:
        return bool(self.bik and self.account)


FIELDS_RU = {
    "kpp": "КПП",
    "bank_name": "банк",
    "bik": "БИК",
    "account": "расчётный счёт",
    "corr_account": "корреспондентский счёт",
    "chief_accountant": "главный бухгалтер",
}


def _control_ok(digits: str) -> bool:
    return sum(int(d) * _WEIGHTS[i % 3] % 10 for i, d in enumerate(digits)) % 10 == 0


def bik_error(bik: str) -> str | None:
    if not re.fullmatch(r"[0-9]{9}", bik):
        return f"БИК «{bik}» — это 9 цифр."
    if not bik.startswith("0"):
        return f"БИК «{bik}» должен начинаться с 0: 04… у банка, 00…/01… у органа казначейства."
    return None


def _bank_bik(bik: str) -> bool:
    """A credit institution's valid БИК (its accounts' control digit can be checked)."""
    return bool(bik) and bik_error(bik) is None and bik.startswith("04")


def account_error(account: str, bik: str) -> str | None:
    """The settlement account's error, or None; checked against the БИК (given and valid)."""
    if not re.fullmatch(r"[0-9]{20}", account):
        return f"Расчётный счёт «{account}» — это 20 цифр."
    if _bank_bik(bik) and not _control_ok(bik[-3:] + account):
        return (f"Расчётный счёт {account} не сходится с БИК {bik} по контрольной цифре: проверьте обе "
                "цифры по выписке банка.")
    return None


def corr_account_error(corr: str, bik: str) -> str | None:
    if not re.fullmatch(r"[0-9]{20}", corr):
        return f"Корреспондентский счёт «{corr}» — это 20 цифр."
    if not _bank_bik(bik):  # a treasury's единый казначейский счёт
        if bik and bik_error(bik) is None and not corr.startswith("40102"):
            return (f"У органа казначейства (БИК {bik}) корреспондентский счёт — единый казначейский счёт "
                    f"40102…, а не {corr}.")
        return None
    if not corr.startswith("301"):
        return f"Корреспондентский счёт банка {corr} должен начинаться с 301."
    if not _control_ok("0" + bik[4:6] + corr):
        return f"Корреспондентский счёт {corr} не сходится с БИК {bik} по контрольной цифре."
    return None


def kpp_error(kpp: str) -> str | None:
    if not _KPP.fullmatch(kpp):
        return f"КПП «{kpp}» — это 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры."
    return None


def requisites_errors(req: Requisites) -> dict[str, str]:
    """Field → the Russian message of what is wrong; empty when every given field is right.
    An account needs its БИК (the control digit is the БИК's)."""
    out: dict[str, str] = {}
    if req.kpp and (err := kpp_error(req.kpp)):
        out["kpp"] = err
    if req.bik and (err := bik_error(req.bik)):
        out["bik"] = err
    if req.account:
        if not req.bik:
            out["account"] = "Расчётный счёт указан без БИК банка: укажите БИК."
        elif err := account_error(req.account, req.bik):
            out["account"] = err
    if req.corr_account and (err := corr_account_error(req.corr_account, req.bik)):
        out["corr_account"] = err
    if (req.account or req.bik) and not req.bank_name:
        out["bank_name"] = "Укажите наименование банка."
    if len(req.chief_accountant) > 200:
        out["chief_accountant"] = "ФИО главного бухгалтера длиннее 200 знаков."
    return out


def cleaned(**values: str | None) -> Requisites:
    """``Requisites`` from raw texts: spaces trimmed, blanks inside numbers dropped (a statement
    prints «4070 2810 …»), None as ""."""
    out = {}
    for f in fields(Requisites):
        raw = (values.get(f.name) or "").strip()
        if f.name in ("bik", "account", "corr_account", "kpp"):
            raw = re.sub(r"[\s-]", "", raw).upper()
        else:
            raw = " ".join(raw.split())
        out[f.name] = raw
    return Requisites(**out)


def valid_or_blank(req: Requisites) -> Requisites:
    """The requisites with every wrong field blanked (the PC stores what it can print)."""
    errors = requisites_errors(req)
    if not errors:
        return req
    values = {f.name: getattr(req, f.name) for f in fields(Requisites)}
    for name in errors:
        values[name] = ""
    if "bik" in errors:
        values["account"] = values["corr_account"] = ""
    return Requisites(**values)


__all__ = [
    "FIELDS_RU",
    "Requisites",
    "account_error",
    "bik_error",
    "cleaned",
    "corr_account_error",
    "kpp_error",
    "requisites_errors",
    "valid_or_blank",
]
