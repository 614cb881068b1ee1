"""hide_name moves from memberships to users: it survives leaving and rejoining

Revision ID: 0007_trainer_hide_name
Revises: 0006_trainer_removals
Create Date: 2026-11-30 15:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007_trainer_hide_name'
down_revision = '0006_trainer_removals'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, not a batch copy: rebuilding ``users`` would drop the old table,
    # and with foreign keys on that deletes every row that cascades from a user.
    op.add_column('users', sa.Column('hide_name', sa.Boolean(), nullable=False,
                                     server_default=sa.false()))
    op.execute("UPDATE users SET hide_name = TRUE WHERE id IN "
               "(SELECT user_id FROM memberships WHERE hide_name)")
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.drop_column('hide_name')


def downgrade() -> None:
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hide_name', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute("UPDATE memberships SET hide_name = TRUE WHERE user_id IN "
               "(SELECT id FROM users WHERE hide_name)")
    op.drop_column('users', 'hide_name')  # SQLite 3.35+ drops a column in place
