"""The Russian plural rule: which form of a noun follows a number (1 рубль, 2 рубля, 5 рублей)."""

from __future__ import annotations


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """``one`` after 1, 21, 101 …; ``few`` after 2–4, 22–24 …; ``many`` after 0, 5–20, 25–30,
    111–114 … (the sign of ``n`` does not matter)."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many
