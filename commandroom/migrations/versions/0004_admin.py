"""admin: passwords and lockout on app_user, the demo mark on street, the handover note

Revision ID: 0004_admin
Revises: 0004_meeting
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0004_admin'
down_revision: Union[str, Sequence[str], None] = '0004_meeting'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('app_user', sa.Column('password_hash', sa.String(length=200), server_default='',
                                        nullable=False))
    op.add_column('app_user', sa.Column('failed_count', sa.Integer(), server_default='0',
                                        nullable=False))
    op.add_column('app_user', sa.Column('locked_until', sa.DateTime(), nullable=True))
    op.add_column('app_user', sa.Column('last_sign_in', sa.DateTime(), nullable=True))
    op.add_column('street', sa.Column('demo', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
    # Before this revision only the demo generator (and tests) made streets, and no user had a
    # password: every street already there is a demo, where --user keeps working.
    op.execute(sa.text("UPDATE street SET demo = :yes").bindparams(yes=True))
    op.create_table('handover',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('street_id', sa.Integer(), nullable=True),
    sa.Column('login', sa.String(length=32), nullable=False),
    sa.Column('console', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('acknowledged_by', sa.String(length=32), server_default='', nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['street_id'], ['street.id'], name=op.f('fk_handover_street_id_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handover'))
    )
    op.create_index(op.f('ix_handover_street_id'), 'handover', ['street_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_handover_street_id'), table_name='handover')
    op.drop_table('handover')
    op.drop_column('street', 'demo')
    for column in ('last_sign_in', 'locked_until', 'failed_count', 'password_hash'):
        op.drop_column('app_user', column)
