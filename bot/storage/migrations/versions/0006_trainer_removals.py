"""cohort_removals: a removed learner cannot rejoin with the same link until re-invited

Revision ID: 0006_trainer_removals
Revises: 0005_trainer_notices
Create Date: 2026-11-30 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0006_trainer_removals'
down_revision = '0005_trainer_notices'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'cohort_removals',
        sa.Column('cohort_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.BigInteger(), nullable=False),
        sa.Column('join_code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('cohort_id', 'user_id'),
    )


def downgrade() -> None:
    op.drop_table('cohort_removals')
