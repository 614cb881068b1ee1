"""sessions.assignment_id for earlier menu attempts: the rule that only an attempt started
for an assignment is graded (``bot.trainers.mine``) would otherwise drop them from reports

Before this revision an attempt started from the menu counted for every assignment of the
learner's cohorts that set its scenario before it began. From now on an attempt counts for
the one assignment it is linked to. So that no trainer's report loses a result it showed,
each such earlier attempt is linked to the assignment the new rule would have chosen then:
among the learner's assignments set before it began, not passed (on the stored score) and
with attempts left at that scenario, the one not yet due first, soonest due first. An
attempt no assignment could take stays free practice. Data only: the downgrade keeps the
links (the earlier rule still counts a linked attempt for its assignment).

Revision ID: 0013_assign_graded_attempts
Revises: 0012_review_queue
Create Date: 2026-11-30 17:40:00
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0013_assign_graded_attempts'
down_revision = '0012_review_queue'
branch_labels = None
depends_on = None


def _aware(value: object) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def upgrade() -> None:
    c = op.get_bind()
    assignments: dict[int, list[dict]] = {}  # user id → the assignments of their cohorts
    for row in c.execute(sa.text(
            "SELECT a.id, a.scenario_ids, a.due_at, a.created_at, a.pass_mark, a.max_attempts,"
            " m.user_id FROM assignments a JOIN memberships m ON m.cohort_id = a.cohort_id")):
        ids = row.scenario_ids
        assignments.setdefault(row.user_id, []).append({
            "id": row.id, "scenarios": json.loads(ids) if isinstance(ids, str) else ids,
            "due": _aware(row.due_at), "created": _aware(row.created_at),
            "pass": row.pass_mark, "max": row.max_attempts})
    if not assignments:
        return
    used: dict[tuple[int, str], int] = {}  # (assignment, scenario) → graded attempts
    passed: set[tuple[int, str]] = set()
    links = []
    for row in c.execute(sa.text(
            "SELECT id, user_id, scenario_id, assignment_id, started_at, score FROM sessions"
            " WHERE score IS NOT NULL ORDER BY started_at, id")):
        chosen = row.assignment_id
        if chosen is None:
            started = _aware(row.started_at)
            options = [a for a in assignments.get(row.user_id, [])
                       if row.scenario_id in a["scenarios"] and a["created"] <= started
                       and (a["id"], row.scenario_id) not in passed
                       and used.get((a["id"], row.scenario_id), 0) < a["max"]]
            options.sort(key=lambda a: (a["due"] < started, a["due"], a["id"]))
            if not options:
                continue
            chosen = options[0]["id"]
            links.append({"id": row.id, "a": chosen})
        key = (chosen, row.scenario_id)
        used[key] = used.get(key, 0) + 1
        rule = next((a for a in assignments.get(row.user_id, []) if a["id"] == chosen), None)
        if rule is not None and row.score >= rule["pass"]:
            passed.add(key)
    for link in links:
        c.execute(sa.text("UPDATE sessions SET assignment_id = :a WHERE id = :id"), link)


def downgrade() -> None:
    pass
