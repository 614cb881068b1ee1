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


def upgrade() -> None:
    with op.batch_alter_table('cohorts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notify', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table('cohorts', schema=None) as batch_op:
        batch_op.drop_column('notify')
