"""assignment_exceptions: extra attempts and a later due moment for one learner

Revision ID: 0011_assign_exceptions
Revises: 0010_assign_labels
Create Date: 2026-11-30 16:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0011_assign_exceptions'
down_revision = '0010_assign_labels'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'assignment_exceptions',
        sa.Column('assignment_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.BigInteger(), nullable=False),
        sa.Column('extra_attempts', sa.Integer(), nullable=False),
        sa.Column('due_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('assignment_id', 'user_id'),
    )


def downgrade() -> None:
    op.drop_table('assignment_exceptions')
