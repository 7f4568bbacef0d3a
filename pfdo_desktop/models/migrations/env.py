"""Alembic environment: runs on the engine handed over by ``models.database``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from pfdo_desktop.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # `alembic revision --autogenerate` during development
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite needs batch mode to alter tables
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
