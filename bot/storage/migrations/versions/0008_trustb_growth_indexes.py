"""indexes that keep the outbox, reports and cascades flat as data grows

Revision ID: 0008_trustb_growth_indexes
Revises: 0005_export_student_number
Create Date: 2026-11-30 14:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008_trustb_growth_indexes'
down_revision = '0005_export_student_number'
branch_labels = None
depends_on = None

UNSENT = sa.Column('reply_sent') == sa.false()


def upgrade() -> None:
    op.create_index('ix_turns_unsent', 'turns', ['id'], unique=False,
                    sqlite_where=UNSENT, postgresql_where=UNSENT)
    op.create_index('ix_sessions_user_scenario', 'sessions', ['user_id', 'scenario_id'],
                    unique=False)
    op.create_index('ix_skill_results_session', 'skill_results', ['session_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_skill_results_session', table_name='skill_results')
    op.drop_index('ix_sessions_user_scenario', table_name='sessions')
    op.drop_index('ix_turns_unsent', table_name='turns')
