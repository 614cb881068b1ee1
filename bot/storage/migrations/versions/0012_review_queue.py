"""review_comments and attempt_reviews: a trainer's comments on an attempt (a turn or the
whole call, a redo request) and the attempts they have reviewed

Revision ID: 0012_review_queue
Revises: 0011_assign_exceptions
Create Date: 2026-11-30 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0012_review_queue'
down_revision = '0011_assign_exceptions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New tables only: nothing here rebuilds users or cohorts.
    op.create_table(
        'review_comments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('trainer_id', sa.BigInteger(), nullable=False),
        sa.Column('turn', sa.Integer(), nullable=True),
        sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('redo', sa.Boolean(), nullable=False),
        sa.Column('assignment_id', sa.Integer(), nullable=True),
        sa.Column('extra_attempt', sa.Boolean(), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_review_comments_session_id'), 'review_comments', ['session_id'],
                    unique=False)
    op.create_table(
        'attempt_reviews',
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('trainer_id', sa.BigInteger(), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('session_id', 'trainer_id'),
    )


def downgrade() -> None:
    op.drop_table('attempt_reviews')
    op.drop_index(op.f('ix_review_comments_session_id'), table_name='review_comments')
    op.drop_table('review_comments')
