"""board: the open events' loads per lead unit from one covering index

Revision ID: 0005_board
Revises: 0004_intake
"""
from typing import Sequence, Union

from alembic import op

revision: str = '0005_board'
down_revision: Union[str, Sequence[str], None] = '0004_intake'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_event_unit_load', 'event', ['status', 'lead_unit_id', 'handle_due'])


def downgrade() -> None:
    op.drop_index('ix_event_unit_load', table_name='event')
