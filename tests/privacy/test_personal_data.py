"""/mydata is a full copy built from the schema, and /deleteme of a trainer keeps the class."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import BigInteger, Column, ForeignKey, Integer, MetaData, Table
from sqlmodel import SQLModel, select

from bot.storage import Database, personal
from bot.storage import cohorts as cq
from bot.storage import practice as store
from bot.storage import queries as q
from bot.storage.models import Assignment, CallSession, Cohort, Membership, PracticePrompt
from bot.trainers import attempts
from tests.databases import new_database_url

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def db(tmp_path: Path):
    database = Database(new_database_url(tmp_path))
    database.migrate()
    yield database
    database.close()


def test_every_table_that_refers_to_a_person_is_in_the_export() -> None:
    """Add a table with a user id (or a session id) and forget /mydata: this fails."""
    covered = {(r.table, r.column) for r in personal.USER_REFS}
    missing = personal.user_columns(SQLModel.metadata) - covered
    assert missing == set(), f"not in /mydata or /deleteme: {sorted(missing)}"


def test_the_schema_check_finds_a_new_table_by_key_or_by_name() -> None:
    metadata = MetaData()
    for table in SQLModel.metadata.tables.values():
        table.to_metadata(metadata)
    Table("notes", metadata, Column("id", Integer, primary_key=True),
          Column("author", BigInteger, ForeignKey("users.id")))
    Table("call_tags", metadata, Column("id", Integer, primary_key=True),
          Column("call", Integer, ForeignKey("sessions.id")))
    Table("badges", metadata, Column("id", Integer, primary_key=True),
          Column("user_id", BigInteger))
    covered = {(r.table, r.column) for r in personal.USER_REFS}
    assert personal.user_columns(metadata) - covered == {
        ("notes", "author"), ("call_tags", "call"), ("badges", "user_id")}


def _class(db: Database) -> dict[str, int]:
    """A trainer (100) with a cohort, an assignment and a learner (7) who tried it, got a
    corrected score and a daily prompt; another learner (8)."""
    for uid, name in ((100, "Tineke"), (7, "Sanne"), (8, "Mees")):
        db.call(q.touch_user, uid, name, None, "nl")
    cohort = db.call(cq.create_cohort, 100, "Sales A", "nl", None, lambda: "code-1")
    for uid in (7, 8):
        db.call(cq.join, "code-1", uid, NOW.date())
    assignment, _ = db.call(cq.create_assignment, 100, cohort.id, ["drill-objection-price"],
                            NOW + dt.timedelta(days=7), 60, 3)
    sid = db.call(q.start_session, 7, "drill-objection-price", "drill", "nl", "call",
                  "assignment").id
    db.call(q.update_session, sid, assignment_id=assignment.id)
    db.call(q.record_turn, sid, number=1, message_id=1, learner="Wat bedoelt u met duur?",
            buyer="Te duur.", analysis={}, state={}, phase="call")
    db.call(q.finish_session, sid, state={}, score=40, report={"score": 40}, end_reason="done",
            skills={"objections": 40.0})
    assert db.call(attempts.override, 100, sid, 70, "Goed doorgevraagd") is not None
    db.call(cq.set_hide_name, 7, True)
    db.call(store.update_schedule, 7, NOW, practice_paused=False, quiet_start="22:00",
            quiet_end="07:00")
    db.call(q.mark_blocked, 7)
    db.call(lambda s: s.add(PracticePrompt(user_id=7, due_at=NOW, scenario_id="drill-x",
                                           reason="weakest", status="sent")))
    db.call(cq.claim_reminder, assignment.id, 7)
    return {"cohort": cohort.id, "assignment": assignment.id, "session": sid}


def test_mydata_holds_memberships_prompts_overrides_and_settings(db: Database) -> None:
    ids = _class(db)
    data = db.call(q.export_user, 7)
    user = data["user"]
    assert user["telegram_id"] == 7 and user["quiet_start"] == "22:00"
    assert user["blocked"] is True and user["practice_paused"] is False
    [membership] = data["memberships"]
    assert membership["cohort"] == "Sales A" and membership["trainer"] == "Tineke"
    assert user["hide_name"] is True
    [session] = data["sessions"]
    assert session["turns"][0]["learner"] == "Wat bedoelt u met duur?"
    [override] = session["score_overrides"]
    assert override["reason"] == "Goed doorgevraagd" and override["score"] == 70
    assert session["assignment_id"] == ids["assignment"]
    assert [p["scenario_id"] for p in data["practice_prompts"]] == ["drill-x"]
    assert data["assignment_reminders"][0]["assignment_id"] == ids["assignment"]
    assert data["skill_results"][0]["skill"] == "objections"
    trainer = db.call(q.export_user, 100)["as_trainer"]
    assert trainer["cohorts"][0]["name"] == "Sales A"
    assert trainer["score_overrides_given"][0]["reason"] == "Goed doorgevraagd"


def _rows_about(db: Database, user_id: int) -> dict[str, int]:
    def count(s):
        out = {}
        for ref in personal.USER_REFS:
            if ref.via_session:
                continue
            table = SQLModel.metadata.tables[ref.table]
            n = len(s.connection().execute(
                table.select().where(table.c[ref.column] == user_id)).all())
            if n:
                out[f"{ref.table}.{ref.column}"] = n
        return out
    return db.call(count)


def test_a_learners_deleteme_leaves_no_row_about_them(db: Database) -> None:
    _class(db)
    assert db.call(q.delete_user, 7)
    assert db.call(q.get_user, 7) is None
    assert _rows_about(db, 7) == {}
    assert db.call(q.export_user, 8)["memberships"]  # the other learner keeps theirs


@pytest.mark.parametrize("admins, heir", [((), personal.FORMER_TRAINER_ID), ((9000,), 9000)])
def test_a_trainers_deleteme_keeps_the_class(db: Database, admins, heir) -> None:
    ids = _class(db)
    db.call(q.touch_user, 9000, "Ada", None, "en")
    assert db.call(personal.is_trainer_of_something, 100)
    assert db.call(q.delete_user, 100, admins)
    assert db.call(q.get_user, 100) is None
    assert _rows_about(db, 100) == {}

    def state(s):
        cohort = s.get(Cohort, ids["cohort"])
        members = s.exec(select(Membership.user_id).where(
            Membership.cohort_id == ids["cohort"])).all()
        return (cohort.trainer_id, sorted(members), s.get(Assignment, ids["assignment"]),
                s.get(CallSession, ids["session"]))
    owner, members, assignment, session = db.call(state)
    assert owner == heir and members == [7, 8]
    assert assignment is not None and session is not None and session.score == 40
    assert len(db.call(q.session_turns, ids["session"])) == 1
    override = db.call(cq.overrides_for, heir, [ids["session"]])[ids["session"]]
    assert override.score == 70 and override.trainer_id == heir
    if heir == personal.FORMER_TRAINER_ID:
        former = db.call(q.get_user, heir)
        assert former.first_name == "" and former.role == "former_trainer"
        assert db.call(cq.staff, admins) == []  # never gets a command menu or a message
    else:
        assert [c.name for c, _ in db.call(cq.trainer_cohorts, 9000)] == ["Sales A"]
    assert db.call(personal.delete_user, personal.FORMER_TRAINER_ID) is False
