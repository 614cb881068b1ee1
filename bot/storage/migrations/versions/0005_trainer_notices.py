"""cohorts.notify: the trainer hears when someone joins or completes an assignment

Revision ID: 0005_trainer_notices
Revises: 0004_trainer_override_history
Create Date: 2026-11-30 14:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_trainer_notices'
down_revision = '0004_trainer_override_history'
branch_labels = None
depends_on = None


# Plain ALTERs, not batch copies: rebuilding ``cohorts`` would drop the old table, and with
# foreign keys on that deletes every membership and assignment that cascades from it.


def upgrade() -> None:
    op.add_column('cohorts', sa.Column('notify', sa.Boolean(), nullable=False,
                                       server_default=sa.true()))


def downgrade() -> None:
    op.drop_column('cohorts', 'notify')
