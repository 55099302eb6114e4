"""backbone: the log names its street and command, refuses UPDATE/DELETE; event code counters

Revision ID: 0002
Revises: 0001
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

APPEND_ONLY = "event_log is append-only: its rows are never updated or deleted"

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER event_log_no_{verb.lower()} BEFORE {verb} ON event_log
        BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"""
    for verb in ("UPDATE", "DELETE")
]
PG_TRIGGER = [
    f"""CREATE FUNCTION event_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$""",
    """CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON event_log
        FOR EACH ROW EXECUTE FUNCTION event_log_append_only()""",
    # TRUNCATE skips row triggers: refuse it with a statement trigger.
    """CREATE TRIGGER event_log_no_truncate BEFORE TRUNCATE ON event_log
        FOR EACH STATEMENT EXECUTE FUNCTION event_log_append_only()""",
]


def upgrade() -> None:
    op.create_table('code_counter',
    sa.Column('stem', sa.String(length=32), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('stem', name=op.f('pk_code_counter'))
    )
    # Batch mode rebuilds the table on SQLite (it cannot ALTER a constraint in); the triggers
    # come after, so the rebuild cannot drop them.
    with op.batch_alter_table('event_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('street_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('command_id', sa.String(length=32), nullable=False,
                                      server_default=''))
        batch_op.create_foreign_key(batch_op.f('fk_event_log_street_id_street'), 'street',
                                    ['street_id'], ['id'])
        batch_op.create_index('ix_event_log_street_at', ['street_id', 'at'], unique=False)
    if op.get_context().dialect.name == 'postgresql':
        for sql in PG_TRIGGER:
            op.execute(sql)
    else:
        for sql in SQLITE_TRIGGERS:
            op.execute(sql)


def downgrade() -> None:
    if op.get_context().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER event_log_no_truncate ON event_log")
        op.execute("DROP TRIGGER event_log_append_only ON event_log")
        op.execute("DROP FUNCTION event_log_append_only()")
    else:
        op.execute("DROP TRIGGER event_log_no_update")
        op.execute("DROP TRIGGER event_log_no_delete")
    with op.batch_alter_table('event_log', schema=None) as batch_op:
        batch_op.drop_index('ix_event_log_street_at')
        batch_op.drop_constraint(batch_op.f('fk_event_log_street_id_street'), type_='foreignkey')
        batch_op.drop_column('command_id')
        batch_op.drop_column('street_id')
    op.drop_table('code_counter')
