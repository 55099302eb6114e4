"""The Alembic migrations and the models describe the same schema, on both backends."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from commandroom.models import Base
from commandroom.models.db import current_revision, head_revision


def test_migrations_match_models(db):
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_a_sqlite_file_is_backed_up_before_a_migration(tmp_path):
    from alembic import command

    from commandroom.models.db import Database, _alembic_config

    path = tmp_path / "room.sqlite3"
    fresh = Database(f"sqlite:///{path}")
    assert fresh.backup is None  # a new file has nothing to lose
    command.downgrade(_alembic_config(fresh.engine), "base")  # as if the schema were older
    fresh.dispose()

    upgraded = Database(f"sqlite:///{path}")
    assert upgraded.backup is not None and upgraded.backup.exists()
    assert upgraded.backup.name.startswith("room.sqlite3.") and upgraded.backup.suffix == ".bak"
    assert current_revision(upgraded.engine) == head_revision()
    upgraded.dispose()
