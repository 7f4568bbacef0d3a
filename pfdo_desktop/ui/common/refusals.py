"""What the services and the domain say (refusals, validation, storage and keyring problems) in the
UI's language (issue 14 §2, «English complete»).

The domain and the services speak Russian, and a message they make is a ``domain.said.Said``: the
Russian text as it always read, with a stable code and the parts it was made from. Here each code
has its template — the Russian wording with ``%1``, ``%2`` … where the parts go, declared for
pyside6-lupdate in the context «Refusals» (its English is in resources/i18n/pfdo_desktop_en.ts) —
and the names of the parts in that order. ``in_ui(text)`` says a message again in English
from its template and its parts (a part that is itself a `Said` is said again the same way; a date
reads ДД.ММ.ГГГГ; a name, a path or a number as it is); in Russian, or for a text without a code, it
is the text itself.

A title of one of the domain's dictionaries inside a message (an action, a status, a document kind,
a field of a form) comes as ``said.term(dictionary, title)`` and reads through ``domain_words``.

tests/ui/test_english_refusals.py checks that every code the sources say has a template here with
its English, and that each template, filled with the Russian parts, gives back the Russian text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from pfdo_desktop.domain.said import Said

from .domain_words import word

# Parts that are lists: joined with «; » (reasons), any other list with «, » (titles).
_SEMICOLON_LISTS = frozenset({"refusals", "reasons"})

# code → (the parts in the order of %1, %2 …, the Russian template)
TEMPLATES: dict[str, tuple[tuple[str, ...], Any]] = {  # (QT_TRANSLATE_NOOP gives the text back)
    "quoted": (("text",), QT_TRANSLATE_NOOP("Refusals", "«%1»")),
    "age.years_months": (("years", "months", "word"), QT_TRANSLATE_NOOP("Refusals", "%1 %3 %2 мес.")),
    "application.child_ambiguous": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Портал нашёл несколько похожих детей: сначала выберите нужного в карточке ребёнка, потом "
        "подавайте заявку.")),
    "application.child_not_decided": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок этой заявки ещё не определён порталом: синхронизируйте данные.")),
    "application.child_rejected": (("why",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Портал отклонил запрос на этого ребёнка: %1. Исправьте данные и создайте ребёнка заново.")),
    "application.command_waiting": (("command",), QT_TRANSLATE_NOOP(
        "Refusals",
        "По этой заявке уже отправлено «%1»: дождитесь ответа портала (синхронизируйте данные), "
        "затем выберите следующее действие.")),
    "application.comment_required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Для причины «Иная причина» напишите её в комментарии")),
    "application.comment_too_long": (("limit", "length"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Комментарий не длиннее %1 символов, сейчас %2")),
    "application.date.enrol": ((), QT_TRANSLATE_NOOP("Refusals", "дата зачисления")),
    "application.date.transfer": ((), QT_TRANSLATE_NOOP("Refusals", "дата перевода")),
    "application.date_closed_month": (("what", "day", "earliest"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 %2 приходится на закрытый месяц: поставьте дату не раньше %3")),
    "application.date_outside_group": (("what", "day", "group_from", "group_to"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 %2 вне сроков группы %3–%4")),
    "application.date_required": (("what",), QT_TRANSLATE_NOOP("Refusals", "Укажите %1")),
    "application.expel_date": (("first", "group_to"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Последний день обучения должен быть между началом обучения %1 и окончанием группы %2")),
    "application.expel_reason": ((), QT_TRANSLATE_NOOP("Refusals", "Выберите причину отчисления из списка")),
    "application.navigator_create": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Этот ПК работает с Навигатором: заявку подаёт родитель на сайте Навигатора (или "
        "организация в кабинете Навигатора), из PFDO Desktop новые заявки туда не отправляются. "
        "Решения по заявкам из Навигатора принимайте здесь, на вкладке «Заявки».")),
    "application.refused": (("refusals", "advice"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Заявку подать нельзя: %1. %2")),
    "application.refused_bare": ((), QT_TRANSLATE_NOOP("Refusals", "Заявку подать нельзя.")),
    "application.reject_reason": ((), QT_TRANSLATE_NOOP("Refusals", "Выберите причину отклонения из списка")),
    "application.see_card": ((), QT_TRANSLATE_NOOP("Refusals", "см. карточку")),
    "application.termination_date_early": (("day", "made"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Заявление от %1 раньше самой заявки (подана %2): проверьте дату заявления")),
    "application.termination_date_future": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата заявления родителя не может быть позже сегодняшней")),
    "application.transfer_date": (("start",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата перевода должна быть позже начала обучения %1")),
    "application.transfer_same_group": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Выберите другую группу: ребёнок уже в этой")),
    "application.wrong_status": (("action", "status", "allowed"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Нельзя %1 заявку в статусе «%2»: это возможно только для статуса %3")),
    "backup.damaged": (("problem",), QT_TRANSLATE_NOOP("Refusals", "повреждена: %1")),
    "backup.database_sound": (("file", "taken"), QT_TRANSLATE_NOOP(
        "Refusals",
        "база %1 исправна: восстановление заменит её копией от %2, и изменения, сделанные после "
        "копии, останутся только в отложенном файле. Если это нужно, повторите команду с --force")),
    "backup.folder_holds_data": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "папка %1 содержит саму папку данных: выберите отдельную папку для резервных копий (лучше на "
        "другом диске или флешке)")),
    "backup.folder_is_file": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 — это файл, а не папка: выберите папку для резервных копий")),
    "backup.folder_refused": (("folder", "why"), QT_TRANSLATE_NOOP(
        "Refusals",
        "в папку %1 нельзя сохранить резервную копию: %2 Резервные копии по-прежнему сохраняются в "
        "прежнюю папку.")),
    "backup.folder_in_use": (("in_use",), QT_TRANSLATE_NOOP("Refusals", "%1 База не изменена.")),
    "backup.holds": (("children", "groups", "marks", "unsent", "schema"), QT_TRANSLATE_NOOP(
        "Refusals",
        "детей %1, групп %2, отметок %3, неотправленных изменений %4, схема %5")),
    "backup.missing": (("file", "folder"), QT_TRANSLATE_NOOP(
        "Refusals",
        "резервной копии %1 нет: укажите файл из списка (pfdo-desktop restore --data-dir \"%2\")")),
    "backup.no_schema": (("file",), QT_TRANSLATE_NOOP(
        "Refusals",
        "в файле %1 нет схемы PFDO Desktop: выберите другую копию")),
    "backup.not_enrolled": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "ПК в этой копии не подключён к порталу — после восстановления понадобится новый код "
        "подключения")),
    "backup.restored": (("taken", "holds"), QT_TRANSLATE_NOOP(
        "Refusals",
        "База восстановлена из резервной копии от %1 (%2).")),
    "backup.restored_enrol": (("restored", "note"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 %2 (его выдаёт муниципальный опорный центр); после подключения всё, что есть на портале, "
        "загрузится заново.")),
    "backup.restored_kept": (("restored", "file"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 Прежний файл сохранён как %2: изменения, сделанные после этой копии и не отправленные на "
        "портал, остались только в нём.")),
    "backup.restored_sync": (("restored",), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 Синхронизируйте: всё, что есть на портале, загрузится заново.")),
    "backup.too_new": (("file", "schema"), QT_TRANSLATE_NOOP(
        "Refusals",
        "резервная копия %1 сделана более новой версией программы (схема %2): установите последнюю "
        "версию PFDO Desktop")),
    "backup.unusable": (("file", "problem"), QT_TRANSLATE_NOOP(
        "Refusals",
        "резервная копия %1 не подходит (%2): выберите другую из списка")),
    "birth_date.future": (("on",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата рождения позже %1: проверьте год рождения по документу")),
    "birth_date.required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Укажите дату рождения ребёнка (ДД.ММ.ГГГГ) по документу")),
    "birth_date.too_old": (("on", "age", "min_age", "max_age", "word"), QT_TRANSLATE_NOOP(
        "Refusals",
        "На %1 ему уже %2 %5: дополнительное образование детей по сертификату — с %3 лет до "
        "достижения %4. Проверьте дату рождения по документу")),
    "birth_date.too_young": (("on", "age", "min_age", "turns", "word"), QT_TRANSLATE_NOOP(
        "Refusals",
        "На %1 ребёнку %2 %5 — меньше %3 лет. Сертификат и зачисление доступны с %3 лет, то есть с "
        "%4. Проверьте дату рождения по документу")),
    "card.choice_failed": (("why", "note"), QT_TRANSLATE_NOOP("Refusals", "%1 %2")),
    "card.note_and_pending": (("note", "pending"), QT_TRANSLATE_NOOP("Refusals", "%1 Сейчас: %2.")),
    "card.request_ambiguous": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Портал нашёл в реестре несколько похожих детей. Сверьте дату рождения, номер сертификата и "
        "последние цифры СНИЛС с документами и выберите нужного ребёнка — или «Новый ребёнок», если "
        "это никто из них.")),
    "card.request_created": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Портал создал нового ребёнка и сертификат учёта; карточка обновится после следующей "
        "синхронизации.")),
    "card.request_existing": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок уже был в реестре: портал использовал его запись; карточка обновится после "
        "следующей синхронизации.")),
    "card.request_pending": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Запрос на нового ребёнка ещё не обработан порталом: он уйдёт при следующей синхронизации, "
        "портал найдёт ребёнка в реестре или создаст его с сертификатом учёта.")),
    "card.request_registered": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок с такими ФИО и датой рождения уже есть в реестре портала; данные о нём придут после "
        "заявки с номером сертификата. Если это тот же ребёнок — попросите у родителя номер "
        "сертификата (он указан в заявлении) и укажите его в «Новой заявке». Если это другой ребёнок "
        "— укажите его СНИЛС ниже и отправьте запрос снова: по СНИЛС портал отличит его от ребёнка в "
        "реестре.")),
    "card.request_registered_with_snils": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок уже есть в реестре портала: совпали ФИО и дата рождения или СНИЛС; данные о нём "
        "придут после заявки с номером сертификата. Если это тот же ребёнок — попросите у родителя "
        "номер сертификата (он указан в заявлении) и укажите его в «Новой заявке». Если это другой "
        "ребёнок — сверьте СНИЛС с документом: ошибку исправьте ниже и отправьте запрос снова; если "
        "СНИЛС верен — обратитесь в уполномоченную организацию, она проверит запись в реестре.")),
    "card.request_rejected": ((), QT_TRANSLATE_NOOP("Refusals", "Портал отклонил запрос на нового ребёнка.")),
    "certificate.activation_needs_registry": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок ещё не в реестре портала: запрос ПФ можно отправить после ответа на запрос «Новый "
        "ребёнок».")),
    "certificate.activation_queued": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Запрос ПФ для этого сертификата уже ждёт отправки на портал: ответ придёт при синхронизации.")),
    "certificate.already_pf": ((), QT_TRANSLATE_NOOP("Refusals", "Сертификат уже имеет статус ПФ.")),
    "certificate.no_period": (("day",), QT_TRANSLATE_NOOP(
        "Refusals",
        "У муниципалитета нет открытого периода на %1: статус ПФ сейчас не выдаётся. Сохраните заявление "
        "родителя и отправьте запрос, когда муниципалитет откроет период.")),
    "certificate.none_for_activation": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "У ребёнка нет сертификата: сначала нужен сертификат учёта (запрос «Новый ребёнок» с заявлением "
        "родителя о сертификате).")),
    "certificate.quota_exhausted": (("quota",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Квота сертификатов ПФ муниципалитета на период исчерпана: заняты все %1 мест. Сертификат остался "
        "сертификатом учёта (бюджетные программы доступны).")),
    "certificate_number.advice.mismatch": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Сверьте номер с заявлением родителя или с выпиской из реестра сертификатов и подайте заявку "
        "снова с верным номером.")),
    "certificate_number.advice.required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Возьмите номер сертификата из заявления родителя (10 цифр), укажите его в заявке и подайте "
        "заявку снова.")),
    "certificate_number.advice.too_many_attempts": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дождитесь времени, которое назвал портал, сверьте номер с заявлением родителя и подайте "
        "заявку снова.")),
    "certificate_number.format": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "номер сертификата — ровно 10 цифр (регион 2 + муниципалитет 2 + 6 цифр)")),
    "certificate_number.mismatch": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Номер сертификата не совпадает с сертификатом ребёнка в реестре — проверьте номер в "
        "заявлении родителя")),
    "certificate_number.required_certified": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Программа сертифицированная: для оплаты сертификатом укажите номер сертификата из заявления "
        "родителя")),
    "certificate_number.required_registered": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок уже есть в реестре: попросите у родителя номер сертификата и укажите его в заявке")),
    "certificate_number.text.mismatch": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Номер сертификата не совпадает с сертификатом ребёнка в реестре.")),
    "certificate_number.text.required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Не указан номер сертификата ребёнка.")),
    "certificate_number.text.too_many_attempts": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Слишком много неверных номеров сертификатов: портал временно не проверяет номера.")),
    "choice.not_ambiguous": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Выбирать ребёнка нужно, только когда портал нашёл несколько похожих: у этого запроса такого "
        "ответа нет.")),
    "choice.pick": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Выберите ребёнка из списка найденных порталом или «Новый ребёнок».")),
    "choice.waiting": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Выбор по этому запросу уже сделан и ждёт ответа портала (синхронизируйте данные). Пока он "
        "не отправлен, его можно отменить кнопкой «Отменить неотправленное» и выбрать заново.")),
    "damage.a_folder": ((), QT_TRANSLATE_NOOP("Refusals", "на месте файла базы — папка")),
    "damage.cannot_open": ((), QT_TRANSLATE_NOOP("Refusals", "файл не открывается")),
    "damage.corrupt": ((), QT_TRANSLATE_NOOP("Refusals", "испорчено содержимое файла")),
    "damage.damaged": ((), QT_TRANSLATE_NOOP("Refusals", "файл повреждён")),
    "damage.empty": ((), QT_TRANSLATE_NOOP("Refusals", "файл пустой, 0 байт")),
    "damage.integrity": ((), QT_TRANSLATE_NOOP("Refusals", "проверка целостности нашла ошибки")),
    "damage.no_schema": ((), QT_TRANSLATE_NOOP("Refusals", "в файле нет схемы PFDO Desktop")),
    "damage.no_schema_copy": ((), QT_TRANSLATE_NOOP("Refusals", "нет схемы PFDO Desktop")),
    "damage.not_a_database": ((), QT_TRANSLATE_NOOP("Refusals", "файл не является базой данных")),
    "damage.not_sqlite": ((), QT_TRANSLATE_NOOP("Refusals", "файл не является базой данных SQLite")),
    "document.birth_certificate_format": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Серия свидетельства о рождении — римские цифры, дефис и две русские буквы, затем 6 цифр "
        "номера, например IV-МЮ 123456")),
    "document.kind_required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Выберите документ ребёнка: свидетельство о рождении, паспорт или документ иностранца — или "
        "оставьте номер пустым")),
    "document.kind_unknown": (("kind", "kinds"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Неизвестный вид документа «%1»: выберите его из списка (%2)")),
    "document.number_required": (("kind",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Укажите серию и номер документа (%1)")),
    "document.number_too_long": (("limit", "length"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Номер документа не длиннее %1 символов, сейчас %2")),
    "document.passport_format": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Серия и номер паспорта — 10 цифр: 4 цифры серии и 6 цифр номера, например 45 10 123456")),
    "documents.no_such_month": (("month",), QT_TRANSLATE_NOOP("Refusals", "Нет такого месяца: %1")),
    "duplicate.child": (("what",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Этот ребёнок уже есть на ПК — %1. Откройте его карточку и подайте заявку оттуда: новая "
        "запись не нужна.")),
    "duplicate.registered_request": (("what",), QT_TRANSLATE_NOOP(
        "Refusals",
        "На ПК уже есть запрос на этого ребёнка — %1; портал ответил, что ребёнок уже есть в "
        "реестре. Откройте карточку запроса: если это тот же ребёнок — подайте заявку с номером "
        "сертификата из заявления родителя; если другой — укажите его СНИЛС в карточке и отправьте "
        "запрос снова.")),
    "duplicate.same_certificate": ((), QT_TRANSLATE_NOOP("Refusals", "тот же номер сертификата")),
    "duplicate.same_child": ((), QT_TRANSLATE_NOOP("Refusals", "тот же ребёнок (ФИО и дата рождения)")),
    "duplicate.same_snils": ((), QT_TRANSLATE_NOOP("Refusals", "тот же СНИЛС")),
    "duplicate.snils": (("what",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Этот СНИЛС уже есть на ПК — %1. Сверьте СНИЛС с документом ребёнка.")),
    "duplicate.what": (("why", "who"), QT_TRANSLATE_NOOP("Refusals", "%1: %2")),
    "duplicate.what_request": (("why", "who"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 (запрос на нового ребёнка с этого ПК): %2")),
    "email.at": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "В адресе электронной почты должен быть ровно один знак «@». Пример: ivanova@mail.ru")),
    "email.comma": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "В адресе стоит запятая: замените её точкой. Пример: ivanova@mail.ru")),
    "email.domain": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Домен после «@» записан неверно: проверьте точки и буквы. Пример: ivanova@mail.ru")),
    "email.mailbox": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Имя ящика (до «@») пишется латинскими буквами, цифрами и знаками . _ - +. Пример: "
        "ivanova@mail.ru")),
    "email.no_domain": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "После «@» нужен домен с точкой, например mail.ru. Пример: ivanova@mail.ru")),
    "email.no_mailbox": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Перед «@» должно быть имя ящика. Пример: ivanova@mail.ru")),
    "email.required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Укажите адрес электронной почты. Пример: ivanova@mail.ru")),
    "email.spaces": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "В адресе электронной почты не должно быть пробелов. Пример: ivanova@mail.ru")),
    "email.zone": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Домен должен заканчиваться зоной из букв, например .ru или .рф. Пример: ivanova@mail.ru")),
    "enrolment.advice.age_too_old": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Проверьте дату рождения по документу. Если она верна — предложите программу для старшего "
        "возраста.")),
    "enrolment.advice.age_too_young": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Проверьте дату рождения по документу. Если она верна — выберите группу с более поздней "
        "датой начала или программу для младшего возраста.")),
    "enrolment.advice.cert_accounting_on_certified": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Попросите родителя перевести сертификат в статус ПФ (через портал или уполномоченную "
        "организацию) и подайте заявку снова, либо выберите бюджетную программу.")),
    "enrolment.advice.cert_status_unknown": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Синхронизируйте данные с порталом; если статус не появится — обратитесь в уполномоченную "
        "организацию.")),
    "enrolment.advice.duplicate_enrolment": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Откройте существующую заявку или зачисление ребёнка в этой группе; новую заявку можно "
        "подать только после отчисления или отклонения прежней.")),
    "enrolment.advice.group_full": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Выберите другую группу этого модуля или дождитесь, когда место освободится.")),
    "enrolment.advice.no_certificate": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Сначала оформите сертификат: заявление о включении в систему подаёт родитель (или ребёнок с "
        "14 лет) в уполномоченной организации или на портале.")),
    "enrolment.advice.start_after_group": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Группа к этой дате уже закончит занятия: выберите более раннюю дату или другую группу.")),
    "enrolment.advice.start_before_group": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Поставьте дату начала не раньше первого дня занятий группы.")),
    "enrolment.advice.start_in_closed_period": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Прошлые месяцы закрыты. Поставьте дату начала не раньше 1-го числа текущего месяца.")),
    "enrolment.age_too_old": (("on", "age", "bound"), QT_TRANSLATE_NOOP(
        "Refusals",
        "На дату начала обучения %1 ребёнку будет %2, а программа — до %3")),
    "enrolment.age_too_young": (("on", "age", "bound"), QT_TRANSLATE_NOOP(
        "Refusals",
        "На дату начала обучения %1 ребёнку будет %2, а программа — с %3")),
    "enrolment.cert_accounting_on_certified": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Программа сертифицированная, а сертификат в статусе «учёт»")),
    "enrolment.cert_status_unknown": (("status",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Статус сертификата «%1» неизвестен")),
    "enrolment.duplicate_enrolment": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "У ребёнка уже есть действующая заявка или зачисление в эту группу")),
    "enrolment.group_full": (("occupied", "capacity"), QT_TRANSLATE_NOOP(
        "Refusals",
        "В группе занято %1 мест из %2")),
    "enrolment.no_certificate": (("registry",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Для программы из реестра «%1» нужен сертификат дополнительного образования")),
    "enrolment.start_after_group": (("start", "group_to"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата начала %1 позже окончания занятий группы %2")),
    "enrolment.start_before_group": (("start", "group_from"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата начала %1 раньше начала занятий группы %2")),
    "enrolment.start_in_closed_period": (("start", "earliest"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата начала %1 раньше %2: прошлые месяцы закрыты")),
    "enrolment.text.age_too_old": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок старше возраста, на который рассчитана программа.")),
    "enrolment.text.age_too_young": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок младше возраста, на который рассчитана программа.")),
    "enrolment.text.cert_accounting_on_certified": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Сертификат в статусе «учёт» не даёт права на сертифицированную программу: её оплачивает "
        "только сертификат ПФ.")),
    "enrolment.text.cert_status_unknown": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Неизвестный статус сертификата.")),
    "enrolment.text.duplicate_enrolment": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок уже зачислен в эту группу или уже подал в неё заявку.")),
    "enrolment.text.group_full": ((), QT_TRANSLATE_NOOP("Refusals", "В группе нет свободных мест.")),
    "enrolment.text.no_certificate": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "У ребёнка нет сертификата дополнительного образования.")),
    "enrolment.text.start_after_group": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата начала обучения позже окончания занятий группы.")),
    "enrolment.text.start_before_group": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата начала обучения раньше начала занятий группы.")),
    "enrolment.text.start_in_closed_period": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата начала обучения приходится на закрытый период (прошлый месяц).")),
    "group.capacity": (("min", "max", "capacity"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Мест в группе должно быть от %1 до %2 (пределы модуля), а указано %3: исправьте число мест "
        "или пределы модуля")),
    "group.date_from_required": ((), QT_TRANSLATE_NOOP("Refusals", "Укажите дату начала занятий")),
    "group.date_outside": (("day", "date_from", "date_to"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата %1 вне сроков группы %2 – %3")),
    "group.date_to_required": ((), QT_TRANSLATE_NOOP("Refusals", "Укажите дату окончания занятий")),
    "group.dates_swapped": (("date_from",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата окончания раньше даты начала: укажите дату не раньше %1")),
    "group.name_required": ((), QT_TRANSLATE_NOOP("Refusals", "Укажите название группы")),
    "group.schedule_required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Задайте расписание: дни недели и время или даты занятий")),
    "group.time_format": ((), QT_TRANSLATE_NOOP("Refusals", "Время — в виде ЧЧ:ММ, например 15:30")),
    "group.time_order": ((), QT_TRANSLATE_NOOP("Refusals", "Время окончания должно быть позже начала")),
    "group.weekday": ((), QT_TRANSLATE_NOOP("Refusals", "Выберите день недели")),
    "guardian.relation": (("kinds",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Выберите, кем представитель приходится ребёнку, из списка (%1)")),
    "keyring.advice": (("where",), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 Другое хранилище можно указать переменной окружения PYTHON_KEYRING_BACKEND.")),
    "keyring.forgets_code_unused": (("advice",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Хранилище паролей не сохраняет записи (проверьте PYTHON_KEYRING_BACKEND), поэтому ключ "
        "доступа к порталу негде сохранить. Код подключения не использован. %1")),
    "keyring.linux": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "В Linux установите gnome-keyring или KWallet (например, «sudo apt install gnome-keyring»), "
        "войдите в графический сеанс рабочего стола, чтобы хранилище было разблокировано, и "
        "повторите.")),
    "keyring.macos": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "В macOS хранилище паролей (связка ключей) есть всегда: разблокируйте связку ключей «Вход» "
        "(Программы → Утилиты → Связка ключей) и повторите.")),
    "keyring.none": (("advice",), QT_TRANSLATE_NOOP(
        "Refusals",
        "В системе нет хранилища паролей, поэтому ключ доступа к порталу негде сохранить. %1")),
    "keyring.forgets_password_unsaved": (("advice",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Пароль не сохранён: хранилище паролей не сохраняет записи (проверьте PYTHON_KEYRING_BACKEND). "
        "ПК не подключён к Навигатору. %1")),
    "keyring.none_password_unsaved": (("advice",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Пароль не сохранён: в системе нет хранилища паролей, где его хранить. ПК не подключён к "
        "Навигатору. %1")),
    "keyring.unavailable_password_unsaved": (("advice",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Пароль не сохранён: хранилище паролей недоступно. ПК не подключён к Навигатору. %1")),
    "keyring.none_code_unused": (("advice",), QT_TRANSLATE_NOOP(
        "Refusals",
        "В системе нет хранилища паролей, поэтому ключ доступа к порталу негде сохранить. Код "
        "подключения не использован. %1")),
    "keyring.not_stored": (("none",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Хранилище паролей не сохранило ключ доступа (проверьте PYTHON_KEYRING_BACKEND). %1")),
    "keyring.refused_read": (("advice",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Хранилище паролей не дало прочитать ключ доступа к порталу. %1")),
    "keyring.refused_store": (("advice",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Хранилище паролей отказалось сохранить ключ доступа к порталу. %1")),
    "keyring.unavailable_code_unused": (("advice",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Хранилище паролей недоступно, поэтому ключ доступа к порталу негде сохранить. Код "
        "подключения не использован. %1")),
    "keyring.windows": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "В Windows хранилище паролей (диспетчер учётных данных) есть всегда: войдите в Windows под "
        "своей учётной записью (не под временным профилем) и повторите.")),
    "lesson.marked": (("day",), QT_TRANSLATE_NOOP(
        "Refusals",
        "На занятии %1 уже отмечены дети: занятие с отметками нельзя отменить или перенести. Снимите "
        "отметки и повторите.")),
    "lesson.month_locked": (("month",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Месяц %1 уже закрыт для оплаты: занятия за него не меняются. Если занятие отмечено неверно, "
        "обратитесь в уполномоченную организацию.")),
    "lesson.moved_outside_group_dates": (("day", "group_from", "group_to"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 вне дат группы: перенести занятие можно на день с %2 по %3.")),
    "lesson.moved_to_required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Укажите дату, на которую переносится занятие (другую, чем дата занятия).")),
    "lesson.moved_to_taken": (("day",), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 у группы уже есть занятие: выберите для переноса другой день.")),
    "lesson.not_scheduled": (("day",), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 у группы нет занятия по расписанию: отменить или перенести можно только занятие из "
        "расписания группы.")),
    "lesson.outside_group_dates": (("day", "group_from", "group_to"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 вне дат группы: группа работает с %2 по %3.")),
    "lesson.reason_required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Укажите причину, по которой занятие не проведено (например, «болезнь педагога»).")),
    "lesson.reason_too_long": (("limit",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Причина длиннее %1 символов: сократите её.")),
    "lesson.unknown_state": (("state",), QT_TRANSLATE_NOOP("Refusals", "Неизвестное состояние занятия: %1.")),
    "mark.lesson_cancelled": (("day",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Занятие %1 не проведено по вине исполнителя: отметки на нём не ставятся. Если занятие было, "
        "отметьте его проведённым (меню заголовка столбца) и повторите отметку.")),
    "mark.lesson_moved": (("day", "moved_to"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Занятие %1 перенесено на %2: отметки ставятся в столбце %2.")),
    "mark.month_locked": (("month",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Месяц %1 уже закрыт для оплаты: отметки за него не меняются. Если отметка неверна, "
        "обратитесь в уполномоченную организацию.")),
    "mark.no_lesson": (("day",), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 у группы нет занятия по расписанию: отметку поставить нельзя. Если занятие было, "
        "добавьте эту дату в расписание группы на портале и повторите отметку после синхронизации.")),
    "mark.not_member": (("day",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок не числится в группе на %1: отметку поставить нельзя. Проверьте даты зачисления и "
        "отчисления в карточке ребёнка.")),
    "mark.outside_group_dates": (("day", "group_from", "group_to"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 вне дат группы: группа работает с %2 по %3. Проверьте дату отметки.")),
    "mark.unknown_code": (("value",), QT_TRANSLATE_NOOP(
        "Refusals",
        "неизвестный код посещаемости: %1 (ожидается 1, 2, 3 или 4)")),
    "module.hours": ((), QT_TRANSLATE_NOOP("Refusals", "Количество часов должно быть больше нуля")),
    "module.max_below_min": (("max", "min"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Максимум детей (%1) меньше минимума (%2): увеличьте максимум или уменьшите минимум")),
    "module.min_children": ((), QT_TRANSLATE_NOOP("Refusals", "Минимум детей в группе — хотя бы 1")),
    "module.name_required": ((), QT_TRANSLATE_NOOP("Refusals", "Укажите название модуля")),
    "module.normative_price_negative": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Нормативная стоимость не может быть отрицательной")),
    "module.price_negative": ((), QT_TRANSLATE_NOOP("Refusals", "Цена не может быть отрицательной")),
    "module.price_over_cap": (("price", "cap", "ratio"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Цена %1 ₽ выше предела региона %2 ₽ (нормативная стоимость × %3)")),
    "money.already_on_portal": (("kind", "month", "number", "status"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 за %2 уже на портале (№ %3, %4): второй за тот же месяц не принимается. Новый можно "
        "отправить, только если портал вернёт этот.")),
    "money.already_waiting": (("kind", "month"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 за %2 уже ждёт отправки на портал: синхронизируйте данные.")),
    "money.draft_queued": ((), QT_TRANSLATE_NOOP("Refusals", "черновик — ждёт отправки на портал")),
    "money.draft_refused": (("why",), QT_TRANSLATE_NOOP("Refusals", "черновик — портал не принял: %1")),
    "money.status_because": (("status", "why"), QT_TRANSLATE_NOOP("Refusals", "%1: %2")),
    "money.status_on": (("status", "day"), QT_TRANSLATE_NOOP("Refusals", "%1 %2")),
    "move.a_file": (("folder", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 — это файл, а не папка: выберите пустую папку или новую. %2")),
    "move.contains_data": (("folder", "source", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Папка данных %2 находится внутри папки %1: выберите новую пустую папку. %3")),
    "move.copy_damaged": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Копия базы в %1 не прошла проверку целостности; перенос отменён. Проверьте диск или "
        "выберите другую папку.")),
    "move.copy_differs": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Копия базы не совпала с оригиналом (данные менялись во время переноса); перенос отменён. "
        "Закройте другие окна программы и повторите.")),
    "move.copying_database": ((), QT_TRANSLATE_NOOP("Refusals", "Копирую базу данных…")),
    "move.copying_files": ((), QT_TRANSLATE_NOOP("Refusals", "Копирую резервные копии и остальные файлы…")),
    "move.failed_denied": (("folder", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Перенос не выполнен: нет прав на запись в папку %1 (или диск только для чтения). Выберите "
        "другую папку. %2")),
    "move.failed_full": (("folder", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Перенос не выполнен: на диске с папкой %1 закончилось место. Освободите место или выберите "
        "другой диск. %2")),
    "move.failed_full_db": (("folder", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Перенос не выполнен: на диске с папкой %1 закончилось место. %2")),
    "move.failed_storage": (("why", "stay"), QT_TRANSLATE_NOOP("Refusals", "Перенос не выполнен: %1 %2")),
    "move.failed_write": (("folder", "error", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Перенос не выполнен: ошибка записи в папку %1 (%2). Проверьте диск и попробуйте ещё раз или "
        "выберите другую папку. %3")),
    "move.file_incomplete": (("file",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Файл %1 скопирован не полностью; перенос отменён. Проверьте диск.")),
    "move.folder_not_removed": ((), QT_TRANSLATE_NOOP("Refusals", "папка не удалена")),
    "move.inside_data": (("folder", "source", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Папка %1 находится внутри папки данных %2: выберите папку вне её (например, на другом "
        "диске). %3")),
    "move.no_access": (("folder", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Нет доступа к папке %1: выберите папку, в которую вы можете записывать (например, в "
        "«Документах»). %2")),
    "move.no_space": (("folder", "needed", "free", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "На диске с папкой %1 недостаточно места: нужно %2, свободно %3. Освободите место или "
        "выберите другой диск. %4")),
    "move.no_write": (("folder", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Нет прав на запись в папку %1: выберите папку, в которую вы можете записывать (например, в "
        "«Документах»), или попросите права у администратора. %2")),
    "move.not_empty": (("folder", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Папка %1 не пуста: выберите пустую папку или укажите новую — программа создаст её сама. %2")),
    "move.same_folder": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Данные уже в папке %1: выберите другую папку.")),
    "move.stay": (("folder",), QT_TRANSLATE_NOOP("Refusals", "Данные остаются в папке %1.")),
    "move.stay_working": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Данные остаются в папке %1, программа работает с ними как прежде.")),
    "name.bad_character": (("field", "character"), QT_TRANSLATE_NOOP(
        "Refusals",
        "«%1»: недопустимый символ «%2» — допускаются только русские буквы, дефис и пробел")),
    "name.digits": (("field",), QT_TRANSLATE_NOOP(
        "Refusals",
        "«%1»: цифры не допускаются, только русские буквы, дефис и пробел")),
    "name.hyphen": (("field",), QT_TRANSLATE_NOOP(
        "Refusals",
        "«%1»: дефис ставится только между буквами, без пробелов вокруг (например, "
        "«Римский-Корсаков»)")),
    "name.latin": (("field",), QT_TRANSLATE_NOOP(
        "Refusals",
        "«%1»: пишите русскими буквами — латинские буквы не допускаются (проверьте раскладку "
        "клавиатуры)")),
    "name.required": (("field",), QT_TRANSLATE_NOOP("Refusals", "Заполните поле «%1»")),
    "name.too_long": (("field", "limit", "length"), QT_TRANSLATE_NOOP(
        "Refusals",
        "«%1»: не длиннее %2 символов, сейчас %3")),
    "navigator.bad_at_once": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Запросов к Навигатору одновременно — от 1 до 5 (обычно 3: сервер общий на весь регион).")),
    "navigator.bad_excused_code": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Уважительную причину можно отправлять в Навигатор только как «не был» (2) или «болел» (3).")),
    "new_child.advice.too_many_namesakes": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дождитесь времени, которое назвал портал, и отправьте запрос снова из карточки ребёнка "
        "(«Отправить запрос снова»).")),
    "new_child.certificate_number": (("error",), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1. Если сертификата нет — оставьте поле пустым")),
    "new_child.guardian_required": (("age",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнку меньше %1 лет: укажите законного представителя (родителя или опекуна), он "
        "подписывает заявление")),
    "new_child.text.too_many_namesakes": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Слишком много новых детей, которых портал отличил от тёзок в реестре по СНИЛС: портал "
        "временно не различает тёзок по СНИЛС.")),
    "not_found.application": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Заявка не найдена: обновите список заявок.")),
    "not_found.application_child": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок заявки ещё не загружен с портала: синхронизируйте данные.")),
    "not_found.application_group": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Группа заявки не найдена в локальной базе: синхронизируйте данные.")),
    "not_found.child": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок не найден: возможно, он ещё не загружен с портала. Синхронизируйте данные.")),
    "not_found.child_refresh": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ребёнок не найден: обновите список детей.")),
    "not_found.draft": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Черновик не найден: возможно, программа уже опубликована")),
    "not_found.group": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Группа не найдена: возможно, она удалена на портале. Синхронизируйте данные.")),
    "not_found.module_group": ((), QT_TRANSLATE_NOOP("Refusals", "Группа не найдена в этом модуле")),
    "not_found.program": ((), QT_TRANSLATE_NOOP("Refusals", "Программа не найдена")),
    "not_found.program_key": (("key",), QT_TRANSLATE_NOOP("Refusals", "Нет такой программы: %1")),
    "not_found.provider": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Организация не найдена в локальной базе: подключите ПК к порталу и синхронизируйте данные.")),
    "not_found.record": ((), QT_TRANSLATE_NOOP("Refusals", "Запись не найдена: обновите список.")),
    "not_found.request": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Запрос на нового ребёнка не найден: обновите список детей.")),
    "order.date_future": (("day",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Дата приказа %1 ещё не наступила: проверьте год и месяц")),
    "order.date_old": (("day",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Приказ от %1 старше года: проверьте год. Старые приказы вносит уполномоченная организация "
        "на портале")),
    "order.date_required": ((), QT_TRANSLATE_NOOP("Refusals", "Укажите дату приказа")),
    "order.number_required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Укажите номер приказа (как в книге приказов), например 15-у")),
    "order.number_too_long": (("limit", "length"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Номер приказа не длиннее %1 символов, сейчас %2")),
    "payment.advance_after_invoice": (("month",), QT_TRANSLATE_NOOP(
        "Refusals",
        "За %1 уже выставлен счёт: аванс после счёта не подаётся (счёт выставлен без него).")),
    "payment.advance_too_early": (("month", "opens"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Заявку на аванс за %1 можно подать с %2 (второй рабочий день месяца).")),
    "payment.advance_too_late": (("month", "last"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Заявку на аванс за %1 можно было подать до %2: месяц прошёл, за него выставляется счёт.")),
    "payment.advice.too_early": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Отправьте документ с даты, которую назвал портал. Если дата на компьютере неверна — "
        "исправьте её и синхронизируйте.")),
    "payment.advice.too_late": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Аванс просят в течение месяца, пока за него не выставлен счёт; за прошедший месяц выставьте "
        "счёт — он будет без аванса.")),
    "payment.invoice_too_early": (("month", "opens"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Счёт за %1 можно выставить с %2: месяц ещё не закончился.")),
    "payment.no_contracts": (("month",), QT_TRANSLATE_NOOP(
        "Refusals", "В месяце %1 нет договоров, оплачиваемых по сертификатам: счёт и заявку на аванс "
        "формировать не по чему. Синхронизируйте данные, если договоры заключены на портале.")),
    "payment.no_payers": ((), QT_TRANSLATE_NOOP("Refusals", "нет")),
    "payment.payer_unknown": (("month", "payer", "payers"), QT_TRANSLATE_NOOP(
        "Refusals",
        "В месяце %1 нет договоров плательщика «%2». Плательщики месяца: %3.")),
    "payment.payers_several": (("month", "payers"), QT_TRANSLATE_NOOP(
        "Refusals",
        "В месяце %1 несколько плательщиков: %2. Укажите одного.")),
    "payment.text.too_early": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Срок подачи этого документа за месяц ещё не наступил.")),
    "payment.text.too_late": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Заявку на аванс за этот месяц подать уже нельзя.")),
    "pending.sent": (("command",), QT_TRANSLATE_NOOP("Refusals", "отправлено на портал: %1 — ждёт ответа")),
    "pending.waiting": (("command",), QT_TRANSLATE_NOOP("Refusals", "ожидает отправки: %1")),
    "phone.characters": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Телефон содержит лишние символы: допускаются цифры, «+» в начале, пробелы, дефисы и скобки. "
        "Пример: +7 912 345-67-89")),
    "phone.country_code": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Добавьте код страны: +7 или 8 в начале номера. Пример: +7 4912 34-56-78")),
    "phone.digits": (("count",), QT_TRANSLATE_NOOP(
        "Refusals",
        "В номере %1 цифр, а нужно 11 (+7 и 10 цифр, или 8 и 10 цифр). Пример: +7 912 345-67-89")),
    "phone.not_russian": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Нужен российский номер, начинающийся с +7. Пример: +7 912 345-67-89")),
    "phone.required": ((), QT_TRANSLATE_NOOP("Refusals", "Укажите телефон в формате +7 XXX XXX-XX-XX")),
    "program.age_range": (("low", "high", "value"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Возраст — от %1 до %2 лет, а указано %3")),
    "program.ages_swapped": (("age_to", "age_from"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Возраст «до» (%1) меньше возраста «от» (%2): поменяйте местами")),
    "program.archived": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Программа в архиве: её карточку изменить нельзя")),
    "program.conflict": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Карточка изменилась на портале, пока вы её правили. Сверьте черновик с версией портала и "
        "выберите, что оставить, — затем отправляйте")),
    "program.direction": ((), QT_TRANSLATE_NOOP("Refusals", "Выберите направленность")),
    "program.duration": ((), QT_TRANSLATE_NOOP("Refusals", "Продолжительность должна быть больше нуля")),
    "program.fix_card": (("first",), QT_TRANSLATE_NOOP("Refusals", "Исправьте карточку: %1")),
    "program.fix_card_more": (("first", "more"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Исправьте карточку: %1 (и ещё %2)")),
    "program.form": ((), QT_TRANSLATE_NOOP("Refusals", "Выберите форму обучения из списка")),
    "program.group_needs_module": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Группы добавляются к модулю опубликованной программы: отправьте карточку на модерацию, а "
        "после публикации добавьте группы")),
    "program.kind": ((), QT_TRANSLATE_NOOP("Refusals", "Выберите вид программы из списка")),
    "program.level": ((), QT_TRANSLATE_NOOP("Refusals", "Выберите уровень из списка")),
    "program.modules_required": ((), QT_TRANSLATE_NOOP("Refusals", "Добавьте хотя бы один модуль")),
    "program.name_required": ((), QT_TRANSLATE_NOOP("Refusals", "Укажите полное название программы")),
    "program.no_conflict": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Расхождения с порталом нет: черновик можно править и отправлять")),
    "program.ovz_unknown": (("code",), QT_TRANSLATE_NOOP("Refusals", "Неизвестная категория ОВЗ: %1")),
    "program.pending_group": ((), QT_TRANSLATE_NOOP("Refusals", "ожидает отправки")),
    "program.pending_submit": ((), QT_TRANSLATE_NOOP("Refusals", "ожидает отправки: отправка на модерацию")),
    "program.registry": ((), QT_TRANSLATE_NOOP("Refusals", "Выберите реестр")),
    "program.save_first": ((), QT_TRANSLATE_NOOP("Refusals", "Сначала сохраните черновик карточки")),
    "program.under_moderation": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Карточка на модерации: изменить её можно после решения модератора")),
    "resend.application_waiting": (("start",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Сначала отмените неотправленную заявку этого ребёнка (с %1): она подана по прежнему запросу.")),
    "resend.not_now": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Отправить запрос снова можно, только когда портал ответил «ребёнок уже есть в реестре» или "
        "отклонил запрос.")),
    "resend.same_snils": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Портал уже получил этот СНИЛС — ответ будет тем же. Если СНИЛС верен, а ребёнок другой, "
        "обратитесь в уполномоченную организацию: она проверит запись в реестре")),
    "resend.snils_required": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Укажите СНИЛС ребёнка по документу (11 цифр, например 123-456-789 01): по нему портал "
        "отличит его от ребёнка в реестре")),
    "resend.waiting": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Этот запрос ещё ждёт отправки на портал: синхронизируйте данные и дождитесь ответа.")),
    "roster.binary": (("file", "save_as"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Файл «%1» не текстовый (в нём двоичные данные). %2")),
    "roster.birth_date_required": ((), QT_TRANSLATE_NOOP("Refusals", "укажите дату рождения")),
    "roster.birth_date_unreadable": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "дата не распознана: напишите её как ДД.ММ.ГГГГ, например 05.03.2016")),
    "roster.cannot_open": (("file", "why"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Не удалось открыть файл «%1»: %2.")),
    "roster.certificate_leading_zero": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "в номере сертификата 9 цифр вместо 10: возможно, Excel убрал ведущий ноль — допишите его")),
    "roster.column_missing": (("column", "field"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Столбец №%1 для поля «%2» в файле отсутствует")),
    "roster.csv_damaged": (("file", "line", "why"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Файл «%1» повреждён около строки %2: %3. Проверьте кавычки в этой строке или сохраните файл "
        "из Excel заново.")),
    "roster.duplicate_child": (("line",), QT_TRANSLATE_NOOP(
        "Refusals",
        "этот ребёнок (ФИО и дата рождения) уже есть в строке %1: оставьте одну строку")),
    "roster.duplicate_child_anywhere": ((), QT_TRANSLATE_NOOP(
        "Refusals", "этот ребёнок (ФИО и дата рождения) уже есть: оставьте одну строку")),
    "roster.earlier_in_file": ((), QT_TRANSLATE_NOOP("Refusals", "этот ребёнок уже есть выше в файле")),
    "roster.empty_file": (("file",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Файл «%1» пуст. Выберите файл со списком детей.")),
    "roster.encoding": (("file",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Не удалось прочитать текст файла «%1»: кодировка не UTF-8 и не Windows-1251. Сохраните его "
        "как «CSV UTF-8 (разделитель — запятая)» или как .xlsx.")),
    "roster.field_required": (("field",), QT_TRANSLATE_NOOP("Refusals", "заполните поле «%1»")),
    "roster.first_name_required": ((), QT_TRANSLATE_NOOP("Refusals", "укажите имя")),
    "roster.full_name_parts": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "нужны фамилия и имя через пробел (отчество — если есть)")),
    "roster.full_name_required": ((), QT_TRANSLATE_NOOP("Refusals", "укажите фамилию, имя и отчество")),
    "roster.headers_only": (("file",), QT_TRANSLATE_NOOP(
        "Refusals",
        "В файле «%1» есть только строка заголовков, а детей нет. Проверьте, тот ли это файл и тот "
        "ли лист стоит первым.")),
    "roster.known_certificate": (("who",), QT_TRANSLATE_NOOP(
        "Refusals",
        "такой номер сертификата уже есть в базе у ребёнка %1: проверьте, чей он")),
    "roster.known_child": (("who",), QT_TRANSLATE_NOOP(
        "Refusals",
        "ребёнок уже есть в базе: %1 — строка пропущена")),
    "roster.known_snils": (("who",), QT_TRANSLATE_NOOP(
        "Refusals",
        "такой СНИЛС уже есть в базе у ребёнка %1: проверьте, чей он")),
    "roster.last_name_required": ((), QT_TRANSLATE_NOOP("Refusals", "укажите фамилию")),
    "roster.legacy_format": (("suffix", "save_as"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Формат %1 не поддерживается. %2")),
    "roster.no_name_or_birth_date": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "нет ФИО или даты рождения — строка пропущена")),
    "roster.no_rows": (("file",), QT_TRANSLATE_NOOP(
        "Refusals",
        "В файле «%1» нет ни одной заполненной строки. Выберите файл со списком детей.")),
    "roster.no_sheets": (("file", "save_as"), QT_TRANSLATE_NOOP(
        "Refusals",
        "В книге «%1» нет листов с таблицей. %2")),
    "roster.not_a_table": (("file", "save_as"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Файл «%1» не похож на таблицу: нужен файл .xlsx или .csv. %2")),
    "roster.not_excel": (("file", "save_as"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Файл «%1» не является книгой Excel (.xlsx) или повреждён. %2")),
    "roster.parent_characters": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "ФИО представителя — русские буквы, дефис, пробел и точки инициалов")),
    "roster.parent_latin": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "есть латинские буквы: пишите ФИО представителя русскими буквами")),
    "roster.protected": (("file", "save_as"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Файл «%1» защищён паролем или сохранён в старом формате Excel 97–2003 (.xls). Снимите "
        "пароль (Файл → Сведения → Защита книги). %2")),
    "roster.reason": (("field", "message"), QT_TRANSLATE_NOOP("Refusals", "%1: %2")),
    "roster.reasons": (("reasons",), QT_TRANSLATE_NOOP("Refusals", "%1")),
    "roster.same_certificate": ((), QT_TRANSLATE_NOOP("Refusals", "такой же номер сертификата")),
    "roster.same_snils": ((), QT_TRANSLATE_NOOP("Refusals", "такой же СНИЛС")),
    "roster.same_value": (("what", "line"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 уже указан в строке %2 у другого ребёнка: проверьте, чей он")),
    "roster.same_value_anywhere": (("what",), QT_TRANSLATE_NOOP(
        "Refusals", "%1 уже указан у другого ребёнка: проверьте, чей он")),
    "roster.save_as": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Откройте его в Excel и сохраните как «Книга Excel (.xlsx)» или «CSV (разделители — точка с "
        "запятой)».")),
    "roster.too_big": (("file", "size", "limit"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Файл «%1» слишком большой (%2 МБ, можно до %3 МБ). Разделите список на несколько файлов или "
        "удалите лишние листы и столбцы.")),
    "roster.too_many_columns": (("file", "limit"), QT_TRANSLATE_NOOP(
        "Refusals",
        "В файле «%1» больше %2 заполненных столбцов: это не похоже на список детей. Оставьте на "
        "первом листе только таблицу со списком.")),
    "roster.too_many_rows": (("file", "limit"), QT_TRANSLATE_NOOP(
        "Refusals",
        "В файле «%1» больше %2 строк. Разделите список на части до %2 строк и загрузите их по "
        "очереди.")),
    "roster.unpacked_too_big": (("file", "limit"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Книга «%1» после распаковки занимает больше %2 МБ: в ней, кроме списка, что-то очень "
        "большое (картинки, тысячи пустых строк). Скопируйте список на новый лист новой книги и "
        "сохраните её.")),
    "roster.who_requested": (("who",), QT_TRANSLATE_NOOP("Refusals", "%1 (уже отправлен запрос с этого ПК)")),
    "roster.xlsx_as_csv": (("file",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Файл «%1» — это книга Excel, а не текст CSV. Выберите исходный файл .xlsx или сохраните "
        "книгу как CSV.")),
    "size.mb": (("number",), QT_TRANSLATE_NOOP("Refusals", "%1 МБ")),
    "snils.checksum": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "контрольное число СНИЛС не сходится: проверьте цифры по документу")),
    "snils.length": (("count",), QT_TRANSLATE_NOOP("Refusals", "СНИЛС должен содержать 11 цифр, а здесь %1")),
    "storage.check_data_dir": ((), QT_TRANSLATE_NOOP("Refusals", "проверьте путь в --data-dir")),
    "storage.damaged": (("file", "reason", "command"), QT_TRANSLATE_NOOP(
        "Refusals",
        "База данных %1 повреждена (%2); программа её не изменяет. Восстановите базу из резервной "
        "копии: в программе — «Восстановить из резервной копии…», в командной строке — %3 (покажет "
        "копии и что в них). Повреждённый файл будет сохранён рядом.")),
    "storage.disk_full": (("file",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Диск заполнен: не удалось записать %1. Освободите место на диске (удалите ненужные файлы, "
        "очистите корзину) и повторите. Последнее действие не сохранено, всё сохранённое раньше цело.")),
    "storage.disk_io": (("file", "command"), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ошибка чтения или записи диска при работе с %1. Проверьте, что диск исправен и подключён "
        "(съёмный или сетевой диск) и на нём есть место, и повторите. Если ошибка повторяется, "
        "восстановите базу из резервной копии: %2.")),
    "storage.give_data_dir": ((), QT_TRANSLATE_NOOP("Refusals", "укажите --data-dir")),
    "storage.no_access_file": (("file", "folder"), QT_TRANSLATE_NOOP(
        "Refusals", "Нет прав на запись в файл %1: программа не может сохранять данные. Проверьте права на "
        "файл и папку %2 (они должны принадлежать пользователю, под которым запущена программа, и быть "
        "доступны для записи).")),
    "storage.no_access_folder": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Нет прав на запись в папку %1: программа не может хранить в ней данные. Проверьте права на "
        "папку (она должна принадлежать пользователю, под которым запущена программа, и быть "
        "доступна для записи) или укажите другую папку данных (--data-dir).")),
    "storage.no_database": (("folder", "advice"), QT_TRANSLATE_NOOP(
        "Refusals",
        "в папке %1 нет базы PFDO Desktop: %2")),
    "storage.not_a_folder": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 — не папка (там файл), поэтому хранить в нём данные нельзя. Укажите папку данных "
        "(--data-dir) или уберите этот файл.")),
    "storage.too_new": (("file", "schema"), QT_TRANSLATE_NOOP(
        "Refusals",
        "База данных %1 создана более новой версией программы (схема %2). Установите последнюю "
        "версию PFDO Desktop; эта версия её не откроет, чтобы не испортить данные.")),
    "theme.no_lesson": (("day",), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 у группы нет занятия: тему можно задать только занятию из расписания группы. Выберите "
        "столбец занятия в журнале.")),
    "theme.outside_group_dates": (("day", "group_from", "group_to"), QT_TRANSLATE_NOOP(
        "Refusals",
        "%1 вне дат группы: группа работает с %2 по %3. Тему можно задать только занятию группы.")),
    "theme.too_long": (("limit",), QT_TRANSLATE_NOOP("Refusals", "Тема длиннее %1 символов: сократите её.")),
    "unsent.already_sent": (("command",), QT_TRANSLATE_NOOP(
        "Refusals",
        "«%1» уже отправлено на портал — дождитесь ответа (синхронизируйте данные). Отменить можно "
        "только то, что ещё не отправлено.")),
    "unsent.application_first": (("start",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Сначала отмените заявку этого ребёнка (с %1, раздел «Заявки»): она тоже ещё не отправлена и "
        "без этого запроса на ребёнка не может быть подана.")),
    "unsent.nothing": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Отменять нечего: у этой записи нет изменений, ожидающих отправки на портал.")),
    "unsent.registry_child": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "У ребёнка из реестра нет неотправленного запроса: отменять нечего.")),
    # the workspace (connecting, disconnecting, moving the data folder) and the data folder's lock
    "disconnect.busy": ((), QT_TRANSLATE_NOOP(
        "Refusals", "Идёт синхронизация: дождитесь её окончания и отключите ПК снова.")),
    "disconnect.not_connected": ((), QT_TRANSLATE_NOOP(
        "Refusals", "ПК не подключён к порталу: отключать нечего.")),
    "disconnect.unsent": (("count",), QT_TRANSLATE_NOOP(
        "Refusals",
        "На портал ещё не отправлено изменений: %1. Сначала синхронизируйте, чтобы они дошли до портала, "
        "затем отключайте ПК. Если отключить всё равно, изменения останутся на этом ПК и уйдут, когда его "
        "снова подключат к тому же порталу и той же организации.")),
    "folder.busy": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Папку данных %1 сейчас переносит или восстанавливает из резервной копии другое окно PFDO Desktop "
        "или команда pfdo-desktop: дождитесь окончания и повторите.")),
    "folder.in_use": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Папку данных %1 сейчас использует другая программа или окно PFDO Desktop (второе окно программы, "
        "команда pfdo-desktop или синхронизация по расписанию): закройте их и повторите.")),
    "folder.moved_away": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Пока программа ждала, папку данных %1 перенесли в другое место (другое окно программы или команда "
        "pfdo-desktop move-data): запустите программу снова — она откроет новую папку.")),
    "folder.window_open": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Программа уже открыта с этой папкой данных (%1): перейдите в её окно. Чтобы одновременно работать "
        "с другой организацией, запустите программу с другой папкой данных (--data-dir).")),
    "move.busy": (("stay",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Идёт синхронизация (в этом окне или по расписанию): дождитесь её окончания и повторите "
        "перенос. %1")),
    "move.clearing_leftover": ((), QT_TRANSLATE_NOOP("Refusals", "Удаляю остатки прерванного переноса…")),
    "move.copy_not_opened": (("folder", "why", "stay"), QT_TRANSLATE_NOOP(
        "Refusals", "Копия в папке %1 не открылась (%2); перенос отменён. %3")),
    "move.demo": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Учебные (демонстрационные) данные не переносятся: перенесите папку данных, открыв программу без "
        "--demo.")),
    "move.leftover_not_empty": (("folder", "marker", "stay"), QT_TRANSLATE_NOOP(
        "Refusals",
        "В папке %1 остатки прерванного переноса данных (файл %2) и другие файлы. Остатки (базу, резервные "
        "копии) можно удалить: данные — в прежней папке. Удалите их или выберите другую папку. %3")),
    "move.preferences": (("error", "stay"), QT_TRANSLATE_NOOP(
        "Refusals", "Не удалось сохранить новую папку в настройках (%1); перенос отменён. %2")),
    "portal.bad_url": ((), QT_TRANSLATE_NOOP("Refusals", "Адрес портала должен начинаться с http:// или https://")),
    "portal.no_address": ((), QT_TRANSLATE_NOOP(
        "Refusals", "Компьютер ещё не подключён к порталу: укажите адрес портала.")),
    "portal.no_token": ((), QT_TRANSLATE_NOOP(
        "Refusals",
        "Ключ доступа к порталу не найден в хранилище паролей. Подключите ПК заново новым кодом.")),
    "portal.not_enrolled": ((), QT_TRANSLATE_NOOP(
        "Refusals", "ПК ещё не подключён к порталу: введите адрес портала и код подключения.")),
    "storage.data_folder_missing": (("folder",), QT_TRANSLATE_NOOP(
        "Refusals",
        "Папка данных %1 (выбрана в настройках) не найдена или в ней нет базы. Если она на отдельном диске "
        "или флешке, подключите его и запустите программу снова. Чтобы работать с другой папкой, запустите "
        "программу с ней: pfdo-desktop --data-dir ПАПКА.")),
    "update.none": ((), QT_TRANSLATE_NOOP(
        "Refusals", "Новой версии программы нет: синхронизируйте, чтобы узнать о ней.")),
}

# The titles messages quote (``said.term``) beyond the dictionaries of ``domain_words``.
_DECLARED = (
    # a field of a form or of a roster (services.roster.FIELD_TITLES, the new-child form)
    QT_TRANSLATE_NOOP("FieldTitle", "Фамилия"),
    QT_TRANSLATE_NOOP("FieldTitle", "Имя"),
    QT_TRANSLATE_NOOP("FieldTitle", "Отчество"),
    QT_TRANSLATE_NOOP("FieldTitle", "ФИО"),
    QT_TRANSLATE_NOOP("FieldTitle", "Дата рождения"),
    QT_TRANSLATE_NOOP("FieldTitle", "СНИЛС"),
    QT_TRANSLATE_NOOP("FieldTitle", "Номер сертификата"),
    QT_TRANSLATE_NOOP("FieldTitle", "Законный представитель"),
    QT_TRANSLATE_NOOP("FieldTitle", "Телефон"),
    QT_TRANSLATE_NOOP("FieldTitle", "E-mail"),
    QT_TRANSLATE_NOOP("FieldTitle", "Повтор в файле"),
    QT_TRANSLATE_NOOP("FieldTitle", "Уже есть в базе"),
    QT_TRANSLATE_NOOP("FieldTitle", "Фамилия представителя"),
    QT_TRANSLATE_NOOP("FieldTitle", "Имя представителя"),
    QT_TRANSLATE_NOOP("FieldTitle", "Отчество представителя"),
    # money documents (services.money_rows)
    QT_TRANSLATE_NOOP("MoneyKind", "Заявка на аванс"),
    QT_TRANSLATE_NOOP("MoneyKind", "Счёт"),
    QT_TRANSLATE_NOOP("MoneyStatus", "черновик"),
    QT_TRANSLATE_NOOP("MoneyStatus", "отправлен"),
    QT_TRANSLATE_NOOP("MoneyStatus", "принят"),
    QT_TRANSLATE_NOOP("MoneyStatus", "возвращён"),
    QT_TRANSLATE_NOOP("MoneyStatus", "оплачен"),
    QT_TRANSLATE_NOOP("MoneyStatus", "отправлена"),
    QT_TRANSLATE_NOOP("MoneyStatus", "принята"),
    QT_TRANSLATE_NOOP("MoneyStatus", "возвращена"),
    QT_TRANSLATE_NOOP("MoneyStatus", "оплачена"),
    # a command of unknown kind waiting in the outbox (services.applications)
    QT_TRANSLATE_NOOP("PendingAction", "команда"),
)


def in_ui(text: str) -> str:
    """``text`` (a message of the services or the domain) in the UI's language: said again from its
    code and parts when the UI is not Russian and the text is a `Said` with a template; else as
    it is."""
    if not isinstance(text, Said) or QLocale().language() == QLocale.Language.Russian:
        return text
    return _said_again(text, english=True)


def is_said(text: object) -> bool:
    """Is ``text`` a message with a code (``domain.said.Said``)?"""
    return isinstance(text, Said)


def russian(text: Said) -> str:
    """The Russian template of ``text`` filled with its parts said in Russian: the text itself when
    the template is right (what the tests check)."""
    return _said_again(text, english=False)


def has_template(code: str) -> bool:
    return code in TEMPLATES or code == "term"


_PLACE = re.compile(r"%(\d+)")


def _said_again(text: Said, *, english: bool) -> str:
    if text.code == "term":
        return word(str(text.params.get("dictionary", "")), str(text)) if english else str(text)
    entry = TEMPLATES.get(text.code)
    if entry is None:
        return str(text)  # a code without a template yet: its Russian
    names, source = entry[0], str(entry[1])
    template = QCoreApplication.translate("Refusals", source) if english else source
    parts = [_part(name, text.params.get(name, ""), english=english) for name in names]

    def put(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return parts[index] if 0 <= index < len(parts) else match.group(0)

    result = _PLACE.sub(put, template)
    if text.capital:
        result = result[:1].upper() + result[1:]
    return result


def _part(name: str, value: Any, *, english: bool) -> str:
    if isinstance(value, Said):
        return _said_again(value, english=english)
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, (tuple, list)):
        joiner = "; " if name in _SEMICOLON_LISTS else ", "
        return joiner.join(_part(name, item, english=english) for item in value)
    return str(value)


__all__ = ["TEMPLATES", "has_template", "in_ui", "is_said", "russian"]
