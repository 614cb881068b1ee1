"""assignments.label: a cohort's own number for each assignment (A1, A2, …) that never
renumbers when another assignment is added or one is deleted

Revision ID: 0010_assign_labels
Revises: 0009_attention_digest
Create Date: 2026-11-30 16:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010_assign_labels'
down_revision = '0009_attention_digest'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, not a batch copy: rebuilding ``assignments`` would drop the old
    # table, and with foreign keys on that clears or deletes the rows that refer to it.
    op.add_column('assignments', sa.Column('label', sa.Integer(), nullable=False,
                                           server_default='0'))
    # Existing assignments keep the numbers trainers saw: in the order they were set.
    op.execute("UPDATE assignments SET label = (SELECT COUNT(*) FROM assignments AS earlier "
               "WHERE earlier.cohort_id = assignments.cohort_id "
               "AND earlier.id <= assignments.id)")


def downgrade() -> None:
    op.drop_column('assignments', 'label')  # SQLite 3.35+ drops a column in place
