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
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_column('withdraw_reason')
        batch_op.drop_column('withdrawn_at')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_column('answer')
        batch_op.drop_column('taken_at')
        batch_op.drop_column('taken_console')
        batch_op.drop_column('taken_by')
    op.drop_table('console_presence')
