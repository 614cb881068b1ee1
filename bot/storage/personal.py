"""A person's data as the schema holds it: the /mydata copy and /deleteme.

GDPR art. 15 asks for a full copy, and the easiest way to miss something is a new table.
So the copy is built from the schema: ``USER_REFS`` names every column that refers to a
person (directly, or through one of their call sessions), the export reads each of them
with every column of the row, and ``user_columns`` finds such columns in the metadata, so
``tests/test_privacy_storage.py`` fails when a table that refers to a user is added
without being listed here.

Erasing a *trainer* must not erase their class: learners' memberships, assignments,
attempts and the trainer's corrections of those attempts belong to the learners too. The
trainer's cohorts and scenarios are handed to an admin who has used the bot, or else kept
under an anonymised owner (``FORMER_TRAINER_ID``, a user row with no name that never
receives a message); only the trainer's own profile and their own practice go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, ColumnElement, MetaData, Table, delete, select, update
from sqlmodel import Session, SQLModel

from bot.storage.models import CallSession, User

_SESSIONS: Table = CallSession.__table__  # type: ignore[attr-defined]  # untyped in SQLModel

USERS, SESSIONS = "users", "sessions"
# Integer columns that hold a person's Telegram id without a foreign key (an override
# keeps its author even if that account is gone).
ID_COLUMN_NAMES = ("user_id", "trainer_id", "owner_id")
FORMER_TRAINER_ID = 0  # Telegram ids are positive: 0 is never a real person


@dataclass(frozen=True)
class UserRef:
    """Rows of ``table`` whose ``column`` holds the person's id (``via_session``: the id of
    one of their sessions), exported under ``section``."""

    table: str
    column: str
    section: str
    via_session: bool = False
    as_trainer: bool = False  # the person's work as a trainer (handed over on erasure)


USER_REFS: tuple[UserRef, ...] = (
    UserRef("sessions", "user_id", "sessions"),
    UserRef("turns", "session_id", "sessions.turns", via_session=True),
    UserRef("score_overrides", "session_id", "sessions.score_overrides", via_session=True),
    UserRef("skill_results", "user_id", "skill_results"),
    UserRef("skill_results", "session_id", "skill_results", via_session=True),
    UserRef("memberships", "user_id", "memberships"),
    UserRef("cohort_removals", "user_id", "cohort_removals"),
    UserRef("assignment_reminders", "user_id", "assignment_reminders"),
    UserRef("assignment_exceptions", "user_id", "assignment_exceptions"),
    UserRef("practice_prompts", "user_id", "practice_prompts"),
    UserRef("trainer_digests", "trainer_id", "trainer_digests"),
    UserRef("cohorts", "trainer_id", "trainer.cohorts", as_trainer=True),
    UserRef("trainer_scenarios", "owner_id", "trainer.scenarios", as_trainer=True),
    UserRef("score_overrides", "trainer_id", "trainer.score_overrides_given", as_trainer=True),
    # A trainer's review of a learner's attempt goes with the attempt (the learner's data:
    # they got the comments); erasing the trainer hands their reviews to the heir.
    UserRef("review_comments", "session_id", "sessions.review_comments", via_session=True),
    UserRef("attempt_reviews", "session_id", "sessions.reviews", via_session=True),
    UserRef("review_comments", "trainer_id", "trainer.review_comments_given", as_trainer=True),
    UserRef("attempt_reviews", "trainer_id", "trainer.reviews_given", as_trainer=True),
)


def _refers_to(column: Column[Any], table: str) -> bool:
    return any(fk.column.table.name == table for fk in column.foreign_keys)


def user_columns(metadata: MetaData) -> set[tuple[str, str]]:
    """Every (table, column) that refers to a person: a foreign key to ``users``, a
    foreign key to a session (a session belongs to one person), or an id column named
    like one (``ID_COLUMN_NAMES``)."""
    found = set()
    for table in metadata.tables.values():
        if table.name == USERS:
            continue
        for column in table.columns:
            if _refers_to(column, USERS) or _refers_to(column, SESSIONS) \
                    or column.name in ID_COLUMN_NAMES:
                found.add((table.name, column.name))
    return found


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _rows(s: Session, ref: UserRef, user_id: int) -> list[dict[str, Any]]:
    table = _table(ref.table)
    column = table.c[ref.column]
    if ref.via_session:
        sessions = select(_SESSIONS.c.id).where(
            _SESSIONS.c.user_id == user_id)
        where: ColumnElement[bool] = column.in_(sessions)
    else:
        where = column == user_id
    order = [c for c in table.primary_key.columns]
    result = s.connection().execute(select(table).where(where).order_by(*order))
    return [{k: _plain(v) for k, v in row._mapping.items()} for row in result]


def _named_cohorts(s: Session, memberships: list[dict[str, Any]]) -> None:
    """A membership names its cohort and trainer: an id alone tells the learner nothing."""
    cohorts, users = _table("cohorts"), _table(USERS)
    ids = [m["cohort_id"] for m in memberships]
    if not ids:
        return
    rows = s.connection().execute(
        select(cohorts.c.id, cohorts.c.name, users.c.first_name)
        .join(users, users.c.id == cohorts.c.trainer_id, isouter=True)
        .where(cohorts.c.id.in_(ids)))
    names = {cid: (name, trainer or "") for cid, name, trainer in rows}
    for m in memberships:
        m["cohort"], m["trainer"] = names.get(m["cohort_id"], (None, None))


def export_user(s: Session, user_id: int) -> dict[str, Any] | None:
    """Everything stored about one person, every column of every row, as JSON data."""
    user = s.get(User, user_id)
    if user is None:
        return None
    profile = {k: _plain(v) for k, v in user.model_dump().items()}
    data: dict[str, Any] = {"user": {"telegram_id": profile.pop("id"), **profile}}
    sections: dict[str, list[dict[str, Any]]] = {}
    for ref in USER_REFS:
        if ref.table == "skill_results" and ref.via_session:
            continue  # the same rows as by user_id
        sections[ref.section] = _rows(s, ref, user_id)
    turns: dict[int, list[dict[str, Any]]] = {}
    for turn in sorted(sections.pop("sessions.turns"), key=lambda t: t["number"]):
        turns.setdefault(turn["session_id"], []).append(turn)
    overrides: dict[int, list[dict[str, Any]]] = {}
    for override in sections.pop("sessions.score_overrides"):  # oldest first: the history
        overrides.setdefault(override["session_id"], []).append(override)
    nested = {key: _by_session(sections.pop(f"sessions.{key}"))
              for key in ("review_comments", "reviews")}
    for session in sections["sessions"]:
        session["turns"] = turns.get(session["id"], [])
        session["score_overrides"] = overrides.get(session["id"], [])
        for key, rows in nested.items():
            session[key] = rows.get(session["id"], [])
    _named_cohorts(s, sections["memberships"])
    trainer = {}
    for key in [k for k in sections if k.startswith("trainer.")]:
        trainer[key.removeprefix("trainer.")] = sections.pop(key)
    data.update(sections)
    data["as_trainer"] = trainer
    return data


def _by_session(rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row["session_id"], []).append(row)
    return out


def exported_tables() -> set[str]:
    return {ref.table for ref in USER_REFS}


# -- erasure ---------------------------------------------------------------------------------


def _heir(s: Session, user_id: int, admins: Iterable[int]) -> int:
    """Who keeps a departing trainer's class: an admin who has used the bot, else the
    anonymised owner (created on first use)."""
    for admin in admins:
        if admin != user_id and s.get(User, admin) is not None:
            return admin
    if s.get(User, FORMER_TRAINER_ID) is None:
        s.add(User(id=FORMER_TRAINER_ID, first_name="", role="former_trainer",
                   practice_paused=True))
        s.flush()
    return FORMER_TRAINER_ID


def is_trainer_of_something(s: Session, user_id: int) -> bool:
    """Whether erasing this person would touch a class (cohorts, scenarios, overrides)."""
    for ref in USER_REFS:
        if ref.as_trainer:
            column = _table(ref.table).c[ref.column]
            if s.connection().execute(select(column).where(column == user_id).limit(1)).first():
                return True
    return False


def delete_user(s: Session, user_id: int, admins: Sequence[int] = ()) -> bool:
    """Remove the person and everything about them (/deleteme). A trainer's cohorts,
    scenarios and score corrections first move to an heir, so no learner loses anything."""
    if user_id == FORMER_TRAINER_ID:
        return False
    if is_trainer_of_something(s, user_id):
        heir = _heir(s, user_id, admins)
        for ref in USER_REFS:
            if ref.as_trainer:
                table = _table(ref.table)
                s.connection().execute(update(table).where(table.c[ref.column] == user_id)
                                       .values({ref.column: heir}))
    conn = s.connection()
    sessions = select(_SESSIONS.c.id).where(_SESSIONS.c.user_id == user_id)
    # Children first, so this holds without relying on ON DELETE CASCADE being enforced.
    for ref in USER_REFS:
        if ref.via_session and not ref.as_trainer:
            table = _table(ref.table)
            conn.execute(delete(table).where(table.c[ref.column].in_(sessions)))
    for ref in reversed(USER_REFS):
        if not ref.via_session and not ref.as_trainer:
            table = _table(ref.table)
            conn.execute(delete(table).where(table.c[ref.column] == user_id))
    users = _table(USERS)
    deleted = conn.execute(delete(users).where(users.c.id == user_id))
    s.expire_all()
    return bool(deleted.rowcount)
