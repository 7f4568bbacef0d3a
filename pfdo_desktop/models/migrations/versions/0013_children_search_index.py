"""children search: an index of the children's name words and СНИЛС digits, and of birth dates

The children list searches as the operator types (services.children.search_children). Every token
was checked against every child in name order until 200 matched, so a token few children match (a
part of a СНИЛС, a certificate number, a rare surname) read all of them: ≈ 200–500 ms a keystroke
at 50,000 children. Each token now first takes the children it can match from an index — a word
from ``child_search_word`` (the words of ``search_name``, split at spaces and hyphens as the search
reads a word: a range of the key finds a word's prefix), a date from ``ix_child_birth``, a
certificate number from ``ix_certificate_number``, a part of a СНИЛС from the short strings of
``child_search_snils`` — and only those rows are checked.

The two tables are kept in step by triggers on ``child``, so every writer (the sync's bulk upserts
of master rows, a command's answer, a test's raw SQL) keeps them right without knowing of them. An
update that leaves the name and the СНИЛС as they were (a sync re-sending a child) costs nothing.
The words of a name are cut by SQLite itself: the name as a JSON string (``json_quote``) with each
space and hyphen made a string boundary, read by ``json_each`` (a quoted name never holds a space or
a hyphen inside an escape). The СНИЛС's trigrams or suffixes were measured too (9–11 index rows a
child, ≈ 60 µs a child in a first sync's upserts against ≈ 2 µs for one row of digits); the digits
are scanned instead: 50,000 short strings in a few milliseconds.

A later migration that rebuilds ``child`` (a batch ALTER copies it to a new table) drops these
triggers with the old table and must create them again: tests/services/test_children_search_index
fails if they are missing.

Revision ID: 0013_children_search_index
Revises: 0012_marks_by_cell
Create Date: 2026-12-07 20:30:00
"""

from alembic import op

revision = '0013_children_search_index'
down_revision = '0012_marks_by_cell'
branch_labels = None
depends_on = None


def _words(name: str) -> str:
    """The words of ``name`` (an SQL expression) as a JSON array for json_each."""
    return f"""'[' || replace(replace(json_quote({name}), ' ', '","'), '-', '","') || ']'"""


def _digits(snils: str) -> str:
    return f"replace(replace({snils}, '-', ''), ' ', '')"


def _add(row: str) -> list[str]:
    return [
        f"INSERT OR IGNORE INTO child_search_word (word, child_id) SELECT w.value, {row}.id "
        f"FROM json_each({_words(f'{row}.search_name')}) AS w WHERE w.value <> ''",
        f"INSERT OR REPLACE INTO child_search_snils (child_id, digits) "
        f"VALUES ({row}.id, {_digits(f'{row}.snils')})",
    ]


def _remove(row: str) -> list[str]:
    return [
        f"DELETE FROM child_search_word WHERE child_id = {row}.id AND word IN "
        f"(SELECT value FROM json_each({_words(f'{row}.search_name')}))",
        f"DELETE FROM child_search_snils WHERE child_id = {row}.id",
    ]


def _body(statements: list[str]) -> str:
    return "BEGIN\n    " + ";\n    ".join(statements) + ";\nEND"


TRIGGERS = {
    "child_search_insert": f"AFTER INSERT ON child {_body(_add('new'))}",
    "child_search_update": (
        "AFTER UPDATE OF id, search_name, snils ON child "
        "WHEN old.id IS NOT new.id OR old.search_name IS NOT new.search_name OR old.snils IS NOT new.snils "
        f"{_body(_remove('old') + _add('new'))}"),
    "child_search_delete": f"AFTER DELETE ON child {_body(_remove('old'))}",
}


def upgrade() -> None:
    op.execute("""
        CREATE TABLE child_search_word (
            word TEXT NOT NULL,
            child_id INTEGER NOT NULL,
            CONSTRAINT pk_child_search_word PRIMARY KEY (word, child_id)
        ) WITHOUT ROWID""")
    op.execute("""
        CREATE TABLE child_search_snils (
            child_id INTEGER NOT NULL,
            digits TEXT NOT NULL,
            CONSTRAINT pk_child_search_snils PRIMARY KEY (child_id)
        )""")
    op.create_index('ix_child_birth', 'child', ['birth_date'], unique=False)
    op.execute("INSERT OR IGNORE INTO child_search_word (word, child_id) SELECT w.value, c.id "
               f"FROM child AS c, json_each({_words('c.search_name')}) AS w WHERE w.value <> ''")
    op.execute(f"INSERT INTO child_search_snils (child_id, digits) SELECT id, {_digits('snils')} FROM child")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_index('ix_child_birth', table_name='child')
    op.execute("DROP TABLE child_search_snils")
    op.execute("DROP TABLE child_search_word")
