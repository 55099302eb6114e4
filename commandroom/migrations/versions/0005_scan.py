"""scan: the supervision scan reads a partial index of the held events only (ten thousand
entries, not the million of ``ix_event_supervise``, which goes), and each event's last
progress from a partial index of the log without the alerts' own rows

Revision ID: 0005_scan
Revises: 0005_board
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0005_scan'
down_revision: Union[str, Sequence[str], None] = '0005_board'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Word for word as models/events.py HELD_WHERE: SQLite matches a query's WHERE to it as written.
WHERE = "status IN ('acknowledged', 'dispatched', 'in_progress')"
COLUMNS = ['status', 'id', 'street_id', 'dispatched_at', 'response_due', 'handle_due', 'acknowledged_at',
           'priority', 'category_id']
PROGRESS = "action NOT IN ('acknowledge_alert', 'clear_alert', 'raise_alert')"


def upgrade() -> None:
    op.create_index('ix_event_held', 'event', COLUMNS, unique=False,
                    sqlite_where=sa.text(WHERE), postgresql_where=sa.text(WHERE))
    op.drop_index('ix_event_supervise', table_name='event')
    op.create_index('ix_event_log_progress', 'event_log', ['event_id', 'id', 'at', 'action'], unique=False,
                    sqlite_where=sa.text(PROGRESS), postgresql_where=sa.text(PROGRESS))


def downgrade() -> None:
    op.drop_index('ix_event_log_progress', table_name='event_log')
    op.create_index('ix_event_supervise', 'event', ['status', 'street_id', 'dispatched_at', 'response_due',
                                                    'handle_due', 'acknowledged_at', 'priority',
                                                    'category_id', 'id'], unique=False)
    op.drop_index('ix_event_held', table_name='event')
