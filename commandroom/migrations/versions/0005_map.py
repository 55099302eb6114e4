"""map: a unit's own location (unit.lon, unit.lat, WGS-84; NULL where not known)

Revision ID: 0005_map
Revises: 0005_scan
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0005_map'
down_revision: Union[str, Sequence[str], None] = '0005_scan'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild: events and assignments refer to ``unit`` by foreign key).
    op.add_column('unit', sa.Column('lon', sa.Float(), nullable=True))
    op.add_column('unit', sa.Column('lat', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('unit') as batch:
        batch.drop_column('lat')
        batch.drop_column('lon')
