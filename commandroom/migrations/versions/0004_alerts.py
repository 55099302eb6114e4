"""alerts: what an alert is about (kind, deadline, due time, late), its acknowledgement, and
one row per (event, level, deadline) guaranteed by a unique constraint

Revision ID: 0004_alerts
Revises: 0004_admin
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0004_alerts'
down_revision: Union[str, Sequence[str], None] = '0004_admin'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # The table was empty until now (nothing raised alerts), so batch mode's rebuild on SQLite
    # (needed for the constraint) copies nothing and no event row refers to it.
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), server_default='', nullable=False))
        batch_op.add_column(sa.Column('deadline', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('due_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('late', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('acknowledged_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('acknowledge_note', sa.String(length=200), server_default='',
                                      nullable=False))
        batch_op.create_unique_constraint('uq_alert_once', ['event_id', 'deadline', 'level'])
        batch_op.create_index('ix_alert_uncleared', ['cleared_at', 'event_id'], unique=False)
    # Not batch mode for ``event``: a rebuild is refused while rows refer to it.
    op.create_index('ix_event_supervise', 'event', ['status', 'street_id', 'dispatched_at', 'response_due',
                                                    'handle_due', 'acknowledged_at', 'priority',
                                                    'category_id', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_event_supervise', table_name='event')
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.drop_index('ix_alert_uncleared')
        batch_op.drop_constraint('uq_alert_once', type_='unique')
        for column in ('acknowledge_note', 'acknowledged_at', 'late', 'due_at', 'deadline', 'kind'):
            batch_op.drop_column(column)
