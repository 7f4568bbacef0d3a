"""The layout helpers that keep every value inside its box: wrapping and shrinking to fit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pfdo_desktop.printing.fonts import SANS, SERIF
from pfdo_desktop.printing.layout import Sheet, blank_to, fit, text_box, width_of, wrap

LONG_NAME = "Римского-Корсакова-Салтыкова Анна-Мария Константиновна"

words = st.text(alphabet="абвгдежзийклмнопрстуфхцчшщъыьэюяАБВЁЖЗ-«»,.0123456789", min_size=1, max_size=40)


@settings(max_examples=80, deadline=None)
@given(st.lists(words, min_size=1, max_size=12), st.floats(min_value=12, max_value=400),
       st.sampled_from([SERIF, SANS]), st.sampled_from([5.5, 7.5, 10.5]))
def test_wrapped_lines_never_exceed_the_width_and_lose_no_letter(parts, width, font, size):
    text = " ".join(parts)

    lines = wrap(text, font, size, width)

    assert all(width_of(line, font, size) <= width + 1e-6 for line in lines if len(line) > 1)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_a_double_surname_breaks_after_its_hyphens_first():
    lines = wrap(LONG_NAME, SANS, 7.5, 45)  # a very narrow column: «Константиновна» is wider

    assert lines == ("Римского-", "Корсакова-", "Салтыкова", "Анна-Мария", "Константино", "вна")
    assert all(width_of(line, SANS, 7.5) <= 45 for line in lines)


def test_fit_shrinks_a_name_into_two_lines_of_its_cell():
    size, lines = fit(LONG_NAME, SANS, 80, 7.5, 5.5, max_lines=2)

    assert 5.5 <= size < 7.5
    assert lines == ("Римского-Корсакова-Салтыкова", "Анна-Мария Константиновна")
    assert all(width_of(line, SANS, size) <= 80 for line in lines)


def test_a_blank_is_a_line_of_underscores_as_wide_as_the_room():
    line = blank_to(200)

    assert set(line) == {"_"}
    assert 190 < width_of(line, SERIF, 10.5) <= 200


def test_a_long_name_under_a_signature_stays_on_its_line_inside_the_margin():
    sheet = Sheet()
    with sheet.column(sheet.left, sheet.left + 80 * 72 / 25.4):  # a contract's party column
        sheet.signature("", LONG_NAME, dated=None)

    texts = sheet.page.texts
    name_pieces = [t for t in texts if t[4] not in {"/", "(подпись)", "(расшифровка подписи)"}
                   and set(t[4]) != {"_"}]
    assert " ".join(t[4] for t in sorted(name_pieces, key=lambda t: -t[1])) == LONG_NAME
    assert all(text_box(t)[2] <= sheet.left + 80 * 72 / 25.4 + 0.5 for t in texts)
