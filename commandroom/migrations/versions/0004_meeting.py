"""meeting: the weekly meeting's decisions

Revision ID: 0004_meeting
Revises: 0003
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0004_meeting'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('street_id', sa.Integer(), nullable=False),
    sa.Column('week', sa.String(length=8), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('what', sa.String(length=500), nullable=False),
    sa.Column('who', sa.String(length=64), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('decided_by', sa.String(length=32), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_decision_event_id_event')),
    sa.ForeignKeyConstraint(['street_id'], ['street.id'], name=op.f('fk_decision_street_id_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision'))
    )
    op.create_index('ix_decision_week', 'decision', ['street_id', 'week'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_decision_week', table_name='decision')
    op.drop_table('decision')
