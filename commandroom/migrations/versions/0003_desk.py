"""desk: the call queue's lock and answer on the event, withdrawn assignments, console presence

Revision ID: 0003
Revises: 0002
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('console_presence',
    sa.Column('console', sa.String(length=64), nullable=False),
    sa.Column('login', sa.String(length=32), nullable=False),
    sa.Column('street_id', sa.Integer(), nullable=True),
    sa.Column('last_seen', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['street_id'], ['street.id'],
                            name=op.f('fk_console_presence_street_id_street')),
    sa.PrimaryKeyConstraint('console', name=op.f('pk_console_presence'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('taken_by', sa.String(length=32), server_default='', nullable=False))
        batch_op.add_column(sa.Column('taken_console', sa.String(length=64), server_default='',
                                      nullable=False))
        batch_op.add_column(sa.Column('taken_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('answer', sa.Text(), server_default='', nullable=False))
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('withdraw_reason', sa.String(length=200), server_default='',
                                      nullable=False))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), not batch mode: a batch rebuild drops and recreates
    # ``event``, which the rows that refer to it forbid while foreign keys are enforced.
    for column in ('withdraw_reason', 'withdrawn_at'):
        op.drop_column('assignment', column)
    for column in ('answer', 'taken_at', 'taken_console', 'taken_by'):
        op.drop_column('event', column)
    op.drop_table('console_presence')
