"""The read-only card beside the catalogue: every field of the card, the moderation state, the
modules with price and normative cost, the groups with their schedules."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from pfdo_desktop.domain.money import format_rub
from pfdo_desktop.workspace_types import CardView

from ..common.refusals import in_ui
from ..common.texts import cost_text
from .texts import (
    ages_text,
    direction_text,
    form_text,
    kind_text,
    level_text,
    ovz_text,
    registry_text,
    schedule_text,
    status_text,
)

CSS = """
h2 { margin: 0 0 4px 0; }
.muted { color: #555555; }
.error { color: #b00020; font-weight: bold; }
.warn { color: #8a5300; font-weight: bold; }
td.k { color: #555555; padding-right: 10px; vertical-align: top; white-space: nowrap; }
td { vertical-align: top; }
th { text-align: left; background: #eef1f5; padding: 2px 6px; }
table.grid td { padding: 2px 6px; border-bottom: 1px solid #e3e6ea; }
h3 { margin: 10px 0 2px 0; }
"""


def _e(text: object) -> str:
    return escape(str(text))


class ProgramCardView(QTextBrowser):
    """Shows one `CardView` (or a hint when none is chosen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: CardView | None = None
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(CSS)
        self.show_card(None)

    def show_card(self, view: CardView | None) -> None:
        self.view = view
        if view is None:
            hint = self.tr("Выберите программу в списке, чтобы увидеть её карточку.")
            self.setHtml(f"<p class='muted'>{_e(hint)}</p>")
            return
        self.setHtml(self.card_html(view))

    def card_html(self, view: CardView) -> str:
        card = view.card
        untitled = self.tr("(без названия)")
        status_title = self.tr("Статус:")
        parts: list[str] = [f"<h2>{_e(card.name or untitled)}</h2>"]
        if card.short_name and card.short_name != card.name:
            parts.append(f"<p class='muted'>{_e(card.short_name)}</p>")
        draft_state = "draft" if view.draft_uid and view.status not in ("moderation", "returned") else ""
        status = status_text(view.status, draft_state, "")
        parts.append(f"<p><b>{_e(status_title)}</b> {_e(status)}</p>")
        notes: list[tuple[str, str]] = []
        if view.status == "returned" and view.comment:
            notes.append(("error", self.tr("Замечание модератора: %1").replace("%1", view.comment)))
        elif view.comment:
            notes.append(("error", self.tr("Портал не принял карточку: %1").replace("%1", view.comment)))
        if view.conflict_card is not None:
            notes.append(
                (
                    "warn",
                    self.tr(
                        "Карточка изменена на портале, пока правился черновик: откройте "
                        "редактор, чтобы сверить."
                    ),
                )
            )
        if not view.editable and view.why_not:
            notes.append(("muted", in_ui(view.why_not)))
        if view.pending:
            notes.append(("muted", in_ui(view.pending)))
        parts.extend(f"<p class='{css}'>{_e(text)}</p>" for css, text in notes)
        rows = [
            (self.tr("Направленность"), direction_text(card.direction)),
            (self.tr("Вид"), kind_text(card.kind)),
            (self.tr("Форма обучения"), form_text(card.form)),
            (self.tr("Уровень"), level_text(card.level)),
            (self.tr("Реестр"), registry_text(card.registry)),
            (self.tr("Возраст"), ages_text(card.age_from_years, card.age_to_years)),
            (self.tr("Продолжительность"), self.tr("%1 нед.").replace("%1", str(card.duration_weeks))),
            (self.tr("ОВЗ"), ", ".join(ovz_text(c) for c in card.ovz) or self.tr("нет")),
            (
                self.tr("Медицинская справка"),
                self.tr("нужна") if card.medical_certificate else self.tr("не нужна"),
            ),
            (self.tr("Адреса"), "\n".join(card.addresses) or "—"),
            (self.tr("Педагоги"), ", ".join(card.teachers) or "—"),
        ]
        parts.append("<table>")
        for key, value in rows:
            value_html = _e(value).replace("\n", "<br>")
            parts.append(f"<tr><td class='k'>{_e(key)}</td><td>{value_html}</td></tr>")
        parts.append("</table>")
        if card.annotation:
            annotation = self.tr("Аннотация")
            parts.append(f"<h3>{_e(annotation)}</h3><p>{_e(card.annotation)}</p>")
        modules_title = self.tr("Модули")
        parts.append(f"<h3>{_e(modules_title)}</h3>")
        if not card.modules:
            none = self.tr("Модулей нет.")
            parts.append(f"<p class='muted'>{_e(none)}</p>")
        places = self.tr("мест: %1")
        no_schedule = self.tr("расписание не задано")
        for module in card.modules:
            line = self.tr("%1 ч, детей в группе %2–%3, цена %4, нормативная стоимость %5")
            for key, value in (
                ("%1", str(module.hours)),
                ("%2", str(module.min_children)),
                ("%3", str(module.max_children)),
                ("%4", cost_text(module.price, card.registry)),
                ("%5", format_rub(module.normative_price)),
            ):
                line = line.replace(key, value)
            parts.append(f"<p><b>{_e(module.name)}</b><br><span class='muted'>{_e(line)}</span></p>")
            for group in module.groups:  # one paragraph per group: readable in a narrow pane
                facts = (
                    [f"{group.date_from:%d.%m.%Y} – {group.date_to:%d.%m.%Y}"]
                    if group.date_from and group.date_to
                    else []
                )
                facts.append(places.replace("%1", str(group.capacity)))
                if group.teacher:
                    facts.append(group.teacher)
                schedule = schedule_text(group) or no_schedule
                parts.append(
                    f"<p style='margin-left: 12px;'><b>{_e(group.name)}</b> · {_e(' · '.join(facts))}"
                    f"<br><span class='muted'>{_e(schedule)}</span></p>"
                )
        return "".join(parts)
