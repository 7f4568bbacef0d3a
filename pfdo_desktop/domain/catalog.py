"""Dictionaries of the programme catalogue: directions, registries, certificate statuses."""

from __future__ import annotations

# The six directions (направленности), wire code → Russian title.
DIRECTIONS: dict[str, str] = {
    "technical": "техническая",
    "natural_science": "естественнонаучная",
    "sport": "физкультурно-спортивная",
    "art": "художественная",
    "tourism": "туристско-краеведческая",
    "social": "социально-гуманитарная",
}

# Registries of programmes.
REGISTRIES: dict[str, str] = {
    "certified": "сертифицированные",
    "preprofessional": "предпрофессиональные",
    "significant": "значимые",
    "general": "общеразвивающие (иные)",
    "paid": "платные",
}
BUDGET_REGISTRIES = frozenset({"preprofessional", "significant", "general"})

# Certificate statuses.
CERT_ACCOUNTING = "uchet"  # сертификат учёта
CERT_PF = "pf"  # сертификат персонифицированного финансирования
CERTIFICATE_STATUSES: dict[str, str] = {
    CERT_ACCOUNTING: "учёт",
    CERT_PF: "ПФ",
}
NOMINAL_UNITS: dict[str, str] = {"rub": "₽", "hours": "ч"}

PROGRAM_STATUSES: dict[str, str] = {
    "draft": "черновик",
    "moderation": "на модерации",
    "published": "опубликована",
    "returned": "на доработке",
    "archived": "архив",
}

MEMBERSHIP_STATUSES: dict[str, str] = {
    "active": "обучается",
    "expelled": "отчислен",
}
