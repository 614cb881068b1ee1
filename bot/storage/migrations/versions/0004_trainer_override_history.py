"""score overrides keep their history: several rows per attempt, one trainer's each

Revision ID: 0004_trainer_override_history
Revises: d9d0d6f79b87
Create Date: 2026-11-30 14:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_trainer_override_history'
down_revision = 'd9d0d6f79b87'
branch_labels = None
depends_on = None

# The unique constraint on session_id was created without a name: SQLite's batch mode
# finds it through this convention, PostgreSQL named it itself.
NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def _unique_name() -> str:
    if op.get_bind().dialect.name == "postgresql":
        return "score_overrides_session_id_key"
    return "uq_score_overrides_session_id"


def upgrade() -> None:
    with op.batch_alter_table('score_overrides', naming_convention=NAMING) as batch_op:
        batch_op.drop_constraint(_unique_name(), type_='unique')
        batch_op.add_column(sa.Column('previous', sa.Integer(), nullable=True))
        batch_op.create_index('ix_score_overrides_session_trainer',
                              ['session_id', 'trainer_id'], unique=False)


def downgrade() -> None:
    # Back to one row per attempt: keep each attempt's latest correction.
    op.execute("DELETE FROM score_overrides WHERE id NOT IN "
               "(SELECT MAX(id) FROM score_overrides GROUP BY session_id)")
    with op.batch_alter_table('score_overrides', naming_convention=NAMING) as batch_op:
        batch_op.drop_index('ix_score_overrides_session_trainer')
        batch_op.drop_column('previous')
        batch_op.create_unique_constraint(_unique_name(), ['session_id'])
