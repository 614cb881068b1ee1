"""cohorts.digest and trainer_digests: a daily message to the trainer about who needs
attention, at most once a day

Revision ID: 0009_attention_digest
Revises: 0008_trustb_growth_indexes
Create Date: 2026-11-30 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0009_attention_digest'
down_revision = '0008_trustb_growth_indexes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, not a batch copy: rebuilding ``cohorts`` would drop the old table,
    # and with foreign keys on that deletes every membership and assignment of it.
    op.add_column('cohorts', sa.Column('digest', sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    op.create_table(
        'trainer_digests',
        sa.Column('trainer_id', sa.BigInteger(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('sent_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['trainer_id'], ['users.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('trainer_id', 'day'),
    )


def downgrade() -> None:
    op.drop_table('trainer_digests')
    op.drop_column('cohorts', 'digest')  # SQLite 3.35+ drops a column in place
