"""intake: API keys of the intake's clients; each report's client, category hint and photos;
one report per client and external id (a unique index)

Revision ID: 0004_intake
Revises: 0004_alerts
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0004_intake'
down_revision: Union[str, Sequence[str], None] = '0004_alerts'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

WHERE = "client <> '' AND external_ref <> ''"


def upgrade() -> None:
    op.create_table('intake_client',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('key_hint', sa.String(length=12), nullable=False),
    sa.Column('street_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['street_id'], ['street.id'], name=op.f('fk_intake_client_street_id_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_client')),
    sa.UniqueConstraint('key_hash', name=op.f('uq_intake_client_key_hash')),
    sa.UniqueConstraint('name', name=op.f('uq_intake_client_name'))
    )
    # Plain ADD COLUMN (no batch rebuild: rows refer to ``contact``'s table by foreign key).
    op.add_column('contact', sa.Column('client', sa.String(length=64), server_default='', nullable=False))
    op.add_column('contact', sa.Column('category_hint', sa.String(length=16), server_default='',
                                       nullable=False))
    op.add_column('contact', sa.Column('media', sa.Text(), server_default='', nullable=False))
    op.create_index('uq_contact_client_ref', 'contact', ['client', 'external_ref'], unique=True,
                    sqlite_where=sa.text(WHERE), postgresql_where=sa.text(WHERE))


def downgrade() -> None:
    op.drop_index('uq_contact_client_ref', table_name='contact')
    for column in ('media', 'category_hint', 'client'):
        op.drop_column('contact', column)
    op.drop_table('intake_client')
