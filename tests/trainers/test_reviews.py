"""The review queue's rules (``bot.trainers.reviews``) on a real database: oldest first,
only the trainer's own grade book (once for a learner in two of their cohorts), skipping
and marking, comments checked for their turn, and what a redo request gives the learner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from bot.storage import Database, personal
from bot.storage.models import (
    Assignment,
    AssignmentException,
    AttemptReview,
    CallSession,
    Cohort,
    Membership,
    ReviewComment,
    Turn,
    User,
    utcnow,
)
from bot.trainers import reviews

A, B, LEARNER = 100, 101, 200
NOW = utcnow()


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    database.migrate()
    yield database
    database.close()


def _world(s: Session) -> dict[str, int]:
    """Trainer A has two cohorts with the learner in both (drill-a and drill-b set, two
    attempts each, pass 60); trainer B one, setting drill-a too."""
    for uid, name in ((A, "Tineke"), (B, "Otto"), (LEARNER, "Lotte")):
        s.add(User(id=uid, first_name=name, language="en"))
    s.flush()
    ids: dict[str, int] = {}
    for key, trainer, scenario in (("a1", A, "drill-a"), ("a2", A, "drill-b"),
                                   ("b", B, "drill-a")):
        cohort = Cohort(trainer_id=trainer, name=key, language="en", join_code=key)
        s.add(cohort)
        s.flush()
        s.add(Membership(cohort_id=cohort.id, user_id=LEARNER))
        a = Assignment(cohort_id=cohort.id, scenario_ids=[scenario], pass_mark=60,
                       max_attempts=2, due_at=NOW + timedelta(days=7),
                       created_at=NOW - timedelta(days=2))
        s.add(a)
        s.flush()
        ids[f"assignment_{key}"] = a.id
    for name, scenario, assignment, score, hours_ago in (
            ("for_a1", "drill-a", "a1", 50, 3), ("for_a2", "drill-b", "a2", 70, 2),
            ("for_b", "drill-a", "b", 40, 1), ("running", "drill-a", "a1", None, 0)):
        ended = NOW - timedelta(hours=hours_ago)
        cs = CallSession(user_id=LEARNER, scenario_id=scenario, language="en", score=score,
                         phase="ended" if score is not None else "call",
                         started_at=ended - timedelta(minutes=5),
                         ended_at=ended if score is not None else None,
                         assignment_id=ids[f"assignment_{assignment}"])
        s.add(cs)
        s.flush()
        ids[name] = cs.id
    for n, said in enumerate(("What do you compare it with?", "Shall I send a trial roll?"), 1):
        s.add(Turn(session_id=ids["for_a1"], number=n, learner=said, buyer="Hm."))
    return ids


def _queue(trainer: int):
    def query(s: Session) -> list[int]:
        return [w.session_id for w in reviews.queue(s, trainer, NOW)]
    return query


def test_the_queue_is_the_trainers_own_grade_book_oldest_first(db: Database) -> None:
    ids = db.call(_world)
    assert db.call(_queue(A)) == [ids["for_a1"], ids["for_a2"]]
    assert db.call(_queue(B)) == [ids["for_b"]]
    assert db.call(reviews.queue_count, A, NOW) == 2
    assert db.call(reviews.open_review, B, ids["for_a1"], NOW) is None
    assert db.call(reviews.open_review, A, ids["running"], NOW) is None  # not finished


def test_skipping_wraps_round_and_marking_takes_it_out(db: Database) -> None:
    ids = db.call(_world)
    first = db.call(reviews.next_waiting, A, NOW)
    assert (first.owned.session.id, first.position, first.waiting) == (ids["for_a1"], 1, 2)
    assert first.cohort == "a1" and first.turns[0].learner.startswith("What")
    assert db.call(reviews.next_waiting, A, NOW, ids["for_a1"]).owned.session.id \
        == ids["for_a2"]
    assert db.call(reviews.next_waiting, A, NOW, ids["for_a2"]).owned.session.id \
        == ids["for_a1"]
    assert db.call(reviews.mark_reviewed, B, ids["for_a1"], NOW) == (False, None)
    ok, following = db.call(reviews.mark_reviewed, A, ids["for_a1"], NOW)
    assert ok and following.owned.session.id == ids["for_a2"]
    assert db.call(_queue(A)) == [ids["for_a2"]]
    again = db.call(reviews.open_review, A, ids["for_a1"], NOW)
    assert again.position == 0 and again.reviewed_at is not None
    ok, following = db.call(reviews.mark_reviewed, A, ids["for_a1"], NOW)  # twice: no harm
    assert ok and db.call(_queue(A)) == [ids["for_a2"]]


def test_a_comment_is_checked_for_its_turn_and_its_text(db: Database) -> None:
    ids = db.call(_world)
    sid = ids["for_a1"]
    assert db.call(reviews.comment, A, sid, 3, "x", False, NOW).status == "no_turn"
    assert db.call(reviews.comment, A, sid, 1, "  \n ", False, NOW).status == "empty_comment"
    too_long = db.call(reviews.comment, A, sid, 1, "x" * 1001, False, NOW)
    assert (too_long.status, too_long.length) == ("too_long", 1001)
    assert db.call(reviews.comment, B, sid, 1, "mine", False, NOW).status == "not_found"
    assert db.call(reviews.comment, A, ids["for_a2"], 1, "x", False, NOW).status == "no_turns"
    done = db.call(reviews.comment, A, sid, 2, " Good close. ", False, NOW)
    assert (done.status, done.quote, done.comment.text, done.comment.turn) == (
        "sent", "Shall I send a trial roll?", "Good close.", 2)
    assert [c.text for c in db.call(reviews.open_review, A, sid, NOW).comments] == [
        "Good close."]


def _add_attempt(s: Session, assignment_id: int, score: int) -> None:
    s.add(CallSession(user_id=LEARNER, scenario_id="drill-a", language="en", score=score,
                      phase="ended", started_at=NOW - timedelta(minutes=30),
                      ended_at=NOW - timedelta(minutes=25), assignment_id=assignment_id))


def _extra(assignment_id: int):
    def query(s: Session) -> int:
        e = s.get(AssignmentException, (assignment_id, LEARNER))
        return e.extra_attempts if e else 0
    return query


def test_a_redo_is_graded_while_attempts_are_left_then_grants_one_extra(
        db: Database) -> None:
    ids = db.call(_world)
    first = db.call(reviews.comment, A, ids["for_a1"], None, "Again, please.", True, NOW)
    assert first.redo == reviews.Redo(True, 2, 2)
    assert first.comment.assignment_id == ids["assignment_a1"]
    assert db.call(_extra(ids["assignment_a1"])) == 0
    db.call(_add_attempt, ids["assignment_a1"], 45)  # the second and last attempt, failed
    second = db.call(reviews.comment, A, ids["for_a1"], None, "Once more.", True, NOW)
    assert second.redo == reviews.Redo(True, 3, 3, extra=True)
    assert second.comment.extra_attempt
    assert db.call(_extra(ids["assignment_a1"])) == 1


def test_a_redo_after_a_pass_is_practice(db: Database) -> None:
    ids = db.call(_world)
    done = db.call(reviews.comment, A, ids["for_a2"], None, "Try the other opening.", True,
                   NOW)
    assert done.redo == reviews.Redo(False)
    assert done.comment.assignment_id is None
    assert db.call(_extra(ids["assignment_a2"])) == 0


def _review_rows(s: Session) -> list[tuple[str, int, int]]:
    return sorted([("comment", c.session_id, c.trainer_id)
                   for c in s.exec(select(ReviewComment))]
                  + [("reviewed", r.session_id, r.trainer_id)
                     for r in s.exec(select(AttemptReview))])


def test_reviews_go_with_the_learners_attempts_and_stay_when_the_trainer_leaves(
        db: Database) -> None:
    ids = db.call(_world)
    sid = ids["for_a1"]
    db.call(reviews.comment, A, sid, 1, "Good question.", False, NOW)
    db.call(reviews.mark_reviewed, A, sid, NOW)
    mine = db.call(personal.export_user, LEARNER)
    attempt = next(s for s in mine["sessions"] if s["id"] == sid)
    assert [c["text"] for c in attempt["review_comments"]] == ["Good question."]
    assert [r["trainer_id"] for r in attempt["reviews"]] == [A]
    given = db.call(personal.export_user, A)["as_trainer"]
    assert [c["text"] for c in given["review_comments_given"]] == ["Good question."]

    assert db.call(personal.delete_user, A)  # the learner keeps what they were told
    heir = personal.FORMER_TRAINER_ID
    assert db.call(_review_rows) == [("comment", sid, heir), ("reviewed", sid, heir)]
    assert db.call(personal.delete_user, LEARNER)
    assert db.call(_review_rows) == []
