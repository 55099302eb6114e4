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
