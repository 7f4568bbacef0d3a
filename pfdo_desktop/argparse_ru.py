"""argparse in Russian: «Использование:», «параметры», «ошибка: …» instead of argparse's English.

argparse looks every one of its own messages up through ``gettext`` (the module-level names ``_``
and ``ngettext`` in ``argparse``) at the moment it prints them or builds a parser. ``install()``
points those two names at a Russian table — every message argparse 3.11–3.13 can print — so both
CLIs (``pfdo-desktop`` and ``pfdo-portal``) speak Russian, with no dependency and no locale files.
It must run before a parser is built (group titles and the help of ``-h`` are looked up then).
Standard library only: the portal imports it too.
"""

from __future__ import annotations

import argparse
from typing import Any

from pfdo_desktop.domain.plural import plural_ru

# argparse's English message → Russian. Keys are argparse's own strings (3.11–3.13), verbatim.
MESSAGES_RU: dict[str, str] = {
    "usage: ": "Использование: ",
    "positional arguments": "позиционные аргументы",
    "options": "параметры",
    "optional arguments": "параметры",  # before 3.10
    "subcommands": "команды",
    "show this help message and exit": "показать эту справку и выйти",
    "show program's version number and exit": "показать версию программы и выйти",
    " (default: %(default)s)": " (по умолчанию: %(default)s)",
    "%(heading)s:": "%(heading)s:",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ошибка: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: предупреждение: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "не указаны обязательные аргументы: %s",
    "one of the arguments %s is required": "укажите один из аргументов: %s",
    "unrecognized arguments: %s": "неизвестные аргументы: %s",
    "not allowed with argument %s": "нельзя указывать вместе с %s",
    "ignored explicit argument %r": "лишнее значение %r",
    "expected one argument": "нужно одно значение",
    "expected at most one argument": "нужно не больше одного значения",
    "expected at least one argument": "нужно хотя бы одно значение",
    "ambiguous option: %(option)s could match %(matches)s":
        "неоднозначный параметр %(option)s: подходят %(matches)s",
    "unexpected option string: %s": "неожиданный параметр: %s",
    "invalid %(type)s value: %(value)r": "недопустимое значение %(value)r: нужно %(type)s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "недопустимое значение %(value)r (можно: %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "неизвестная команда %(parser_name)r (можно: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "не удалось открыть «%(filename)s»: %(error)s",
    'argument "-" with mode %r': "аргумент «-» в режиме %r",
    "%r is not callable": "%r нельзя вызвать",
    "argument '%(argument_name)s' is deprecated": "аргумент «%(argument_name)s» устарел",
    "command '%(parser_name)s' is deprecated": "команда «%(parser_name)s» устарела",
    "option '%(option)s' is deprecated": "параметр «%(option)s» устарел",
    # Mistakes of the program itself (a parser built wrongly), still never in English:
    ".__call__() not defined": ".__call__() не определён",
    "conflicting subparser: %s": "команда %s уже есть",
    "conflicting subparser alias: %s": "другое имя команды %s уже есть",
    "cannot merge actions - two groups are named %r": "нельзя объединить аргументы: две группы называются %r",
    "'required' is an invalid argument for positionals": "«required» нельзя задать позиционному аргументу",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "недопустимый параметр %(option)r: он должен начинаться с символа %(prefix_chars)r",
    "dest= is required for options like %r": "для параметра вида %r нужен dest=",
    "invalid conflict_resolution value: %r": "недопустимое значение conflict_resolution: %r",
    "mutually exclusive arguments must be optional":
        "взаимоисключающие аргументы должны быть необязательными",
    "cannot have multiple subparser arguments": "команды задаются только одним аргументом",
}

# ngettext messages: (singular, plural) → Russian forms for 1, 2–4 and 5+ (одно, два, пять).
PLURALS_RU: dict[tuple[str, str], tuple[str, str, str]] = {
    ("expected %s argument", "expected %s arguments"):
        ("нужно %s значение", "нужно %s значения", "нужно %s значений"),
    ("conflicting option string: %s", "conflicting option strings: %s"):
        ("параметр уже есть: %s", "параметры уже есть: %s", "параметры уже есть: %s"),
}

# «invalid %(type)s value»: the type's Python name → what the value should be, in Russian.
TYPE_NAMES_RU = {
    "int": "целое число",
    "float": "число",
    "Path": "путь к файлу или папке",
    "str": "текст",
    "date": "дата ГГГГ-ММ-ДД",
    "Decimal": "число",
}


class _TypedFormat(str):
    """A format whose ``%(type)s`` becomes a Russian description of the expected value."""

    def __mod__(self, args: Any) -> str:
        if isinstance(args, dict) and "type" in args:
            name = str(args["type"])
            if name not in TYPE_NAMES_RU:  # a helper function's name says nothing to the user
                return str.__mod__("недопустимое значение %(value)r", args)
            args = {**args, "type": TYPE_NAMES_RU[name]}
        return str.__mod__(self, args)


def gettext_ru(message: str | None) -> str | None:
    """argparse's ``_``: the Russian text of one of its messages (unknown ones pass through;
    argparse passes None for a subparsers group with a title but no description)."""
    if message is None:
        return None
    text = MESSAGES_RU.get(message, message)
    return _TypedFormat(text) if "%(type)s" in text else text


def ngettext_ru(singular: str, plural: str, n: int) -> str:
    forms = PLURALS_RU.get((singular, plural))
    if forms is None:
        return singular if n == 1 else plural
    return plural_ru(n, *forms)


def install() -> None:
    """Make argparse speak Russian in this process (idempotent). Call before building a parser."""
    argparse._ = gettext_ru  # type: ignore[attr-defined]
    argparse.ngettext = ngettext_ru  # type: ignore[attr-defined]
