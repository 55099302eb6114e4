"""Alembic environment: the connection (in its transaction, under the migration lock) or the
engine comes from ``commandroom.models.db`` (or -x url=… on the CLI)."""

from alembic import context
from sqlalchemy import create_engine

from commandroom.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # the caller commits
        _run(connection)
        return
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(context.get_x_argument(as_dictionary=True)["url"])
    with engine.begin() as connection:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
        compare_type=True,
    )
    context.run_migrations()


run_migrations_online()
