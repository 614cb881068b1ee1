"""users.last_name and users.student_number: the export names a learner in full

Revision ID: 0005_export_student_number
Revises: 0007_trainer_hide_name
Create Date: 2026-11-30 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0005_export_student_number'
down_revision = '0007_trainer_hide_name'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs: a batch copy of ``users`` would cascade-delete every learner's data.
    op.add_column('users', sa.Column('last_name', sqlmodel.sql.sqltypes.AutoString(),
                                     nullable=True))
    op.add_column('users', sa.Column('student_number', sqlmodel.sql.sqltypes.AutoString(),
                                     nullable=True))


def downgrade() -> None:
    op.drop_column('users', 'student_number')  # SQLite 3.35+ drops a column in place
    op.drop_column('users', 'last_name')
