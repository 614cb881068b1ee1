"""The review queue: a trainer goes through the finished attempts in their grade book one
by one, oldest first, comments on a turn or on the whole call, may ask for a redo, and
marks the attempt reviewed. Use cases: each runs inside ``Database.run``.

The queue is the trainer's grade book as their reports count it (the counted attempts of
their own cohorts' assignments, ``bot.trainers.cohort_report``), minus what they marked
reviewed; every attempt is opened through ``attempts.owned_attempt``, so an attempt that
counts for another trainer's assignment is never shown or commented on, whatever the ids
in a button. A redo request makes the learner's next attempt a graded one when the
assignment can still take it; when the attempts are used up (and it is not passed) the
request grants one extra attempt, and says so; a passed assignment's redo is practice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot import calls
from bot.calls import Started
from bot.catalog import Catalog
from bot.storage import cohorts as cq
from bot.storage import queries as q
from bot.storage import reviews as rq
from bot.storage.models import CallSession, Cohort, ReviewComment, Turn, User
from bot.trainers import attempts, mine
from bot.trainers import cohort_report as rep
from bot.trainers.progress import attempts_left

MAX_COMMENT = 1000
QUOTE_CHARS = 300


@dataclass
class Waiting:
    """One attempt in the queue."""

    session_id: int
    learner: str
    cohort: str
    scenario_id: str
    number: int
    score: int
    ended_at: datetime | None


def _grade_book(s: Session, trainer_id: int, now: datetime) -> list[Waiting]:
    """Every counted attempt of the trainer's own cohorts, oldest first (once, also for a
    learner in two of their cohorts)."""
    found: dict[int, Waiting] = {}
    for cohort, _ in cq.trainer_cohorts(s, trainer_id):
        report = rep.build(cq.cohort_data(s, cohort), now)
        for row in report.rows:
            for cell in row.cells:
                for a in cell.counted:
                    found.setdefault(a.session_id, Waiting(
                        a.session_id, row.name, cohort.name, a.scenario_id, a.number,
                        a.score, a.ended_at))
    return sorted(found.values(), key=lambda w: (_key(w.ended_at), w.session_id))


def _key(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


def queue(s: Session, trainer_id: int, now: datetime) -> list[Waiting]:
    """The attempts waiting for this trainer's review, oldest first."""
    book = _grade_book(s, trainer_id, now)
    done = rq.reviewed(s, trainer_id, [w.session_id for w in book])
    return [w for w in book if w.session_id not in done]


def queue_count(s: Session, trainer_id: int, now: datetime) -> int:
    return len(queue(s, trainer_id, now))


@dataclass
class Review:
    """One attempt as the trainer reviews it."""

    owned: attempts.OwnedAttempt
    turns: list[Turn]
    comments: list[ReviewComment]
    reviewed_at: datetime | None
    position: int  # 1-based place in the queue; 0 when it is not waiting
    waiting: int  # how many wait, this one included when it waits
    cohort: str = ""  # the cohort of the assignment it counts for


def open_review(s: Session, trainer_id: int, session_id: int, now: datetime) -> Review | None:
    """The attempt with its turns and the trainer's comments; None when it is not in the
    trainer's grade book (or not finished)."""
    owned = attempts.owned_attempt(s, trainer_id, session_id)
    if owned is None or owned.session.score is None:
        return None
    waiting = [w.session_id for w in queue(s, trainer_id, now)]
    done = rq.reviewed(s, trainer_id, [session_id]).get(session_id)
    position = waiting.index(session_id) + 1 if session_id in waiting else 0
    cohort = s.get(Cohort, owned.assignment.cohort_id) if owned.assignment else None
    return Review(owned, q.session_turns(s, session_id), rq.comments(s, trainer_id, session_id),
                  done, position, len(waiting), cohort.name if cohort else "")


def next_waiting(s: Session, trainer_id: int, now: datetime, after: int | None = None
                 ) -> Review | None:
    """The oldest waiting attempt; with ``after``, the first one after that attempt in the
    queue (skipping), wrapping round to the start."""
    waiting = queue(s, trainer_id, now)
    ids = [w.session_id for w in waiting]
    if after in ids:
        i = ids.index(after)
        ids = ids[i + 1:] + ids[:i]
    return open_review(s, trainer_id, ids[0], now) if ids else None


def mark_reviewed(s: Session, trainer_id: int, session_id: int, now: datetime
                  ) -> tuple[bool, Review | None]:
    """Mark the attempt reviewed (False: not the trainer's) and open the next waiting one."""
    owned = attempts.owned_attempt(s, trainer_id, session_id)
    if owned is None or owned.session.score is None:
        return False, None
    rq.mark_reviewed(s, trainer_id, session_id)
    return True, next_waiting(s, trainer_id, now)


@dataclass
class TurnChoice:
    review: Review | None
    error: str | None = None  # no_turns, no_turn


def check_turn(s: Session, trainer_id: int, session_id: int, turn: int | None,
               now: datetime) -> TurnChoice:
    """The attempt, when ``turn`` (1-based; None: the whole call) is one of its turns."""
    review = open_review(s, trainer_id, session_id, now)
    if review is None:
        return TurnChoice(None)
    if turn is not None and not review.turns:
        return TurnChoice(review, "no_turns")
    if turn is not None and not 1 <= turn <= len(review.turns):
        return TurnChoice(review, "no_turn")
    return TurnChoice(review)


@dataclass
class Redo:
    """What a redo request gives the learner: a graded attempt (``number`` of ``limit``,
    ``extra``: the one extra attempt the request granted) or free practice."""

    graded: bool
    number: int = 0
    limit: int = 0
    extra: bool = False


@dataclass
class Commented:
    status: str  # sent, empty_comment, too_long, no_turn, no_turns, not_found
    comment: ReviewComment | None = None
    learner: User | None = None
    session: CallSession | None = None
    number: int = 1  # the learner's attempt number
    quote: str = ""  # what the learner said on the turn
    turns: int = 0
    redo: Redo | None = None
    length: int = 0


def comment(s: Session, trainer_id: int, session_id: int, turn: int | None, text: str,
            redo: bool, now: datetime) -> Commented:
    """Store the trainer's comment on a turn or the whole call (and, with ``redo``, the
    request to do it again), for the handler to pass on to the learner."""
    text = text.strip()
    choice = check_turn(s, trainer_id, session_id, turn, now)
    review = choice.review
    if review is None:
        return Commented("not_found")
    if choice.error is not None:
        return Commented(choice.error, turns=len(review.turns))
    if not text:
        return Commented("empty_comment")
    if len(text) > MAX_COMMENT:
        return Commented("too_long", length=len(text))
    owned = review.owned
    row = ReviewComment(session_id=session_id, trainer_id=trainer_id, turn=turn, text=text,
                        redo=redo, at=now)
    granted = _redo(s, trainer_id, owned, now, row) if redo else None
    rq.add_comment(s, row)
    quote = review.turns[turn - 1].learner if turn is not None else ""
    if len(quote) > QUOTE_CHARS:
        quote = quote[:QUOTE_CHARS - 1].rstrip() + "…"
    return Commented("sent", row, owned.learner, owned.session, owned.number, quote,
                     len(review.turns), granted)


def _redo(s: Session, trainer_id: int, owned: attempts.OwnedAttempt, now: datetime,
          row: ReviewComment) -> Redo:
    """Where the redo goes: the assignment while it can take a graded attempt; one extra
    attempt when the learner has used them all without passing; else free practice."""
    assignment = owned.assignment
    item = mine.one(s, owned.learner.id, assignment.id or 0, now) if assignment else None
    if assignment is None or item is None:
        return Redo(False)
    sid = owned.session.scenario_id
    part = next((p for p in item.progress.parts if p.scenario_id == sid), None)
    if item.progress.status == "passed" or (part is not None and part.passed):
        return Redo(False)
    row.assignment_id = assignment.id
    limit = item.progress.max_attempts or assignment.max_attempts
    left = attempts_left(assignment, item.progress, sid)
    if left == 0:
        cq.grant(s, trainer_id, assignment.id or 0, owned.learner.id, extra_attempts=1)
        row.extra_attempt = True
        return Redo(True, limit + 1, limit + 1, extra=True)
    return Redo(True, limit - left + 1, limit)


@dataclass
class RedoStart:
    started: Started | None = None
    scenario_id: str = ""
    graded: bool = False
    error: str | None = None  # gone, used


def start_redo(s: Session, catalog: Catalog, user_id: int, comment_id: int, lang: str,
               now: datetime) -> RedoStart:
    """The learner taps the redo button: the call again, as a graded attempt for the
    assignment when it can still take one, else as practice. A button whose request is
    gone, or that the learner already followed (a later attempt at the scenario), is stale."""
    found = rq.learner_comment(s, user_id, comment_id)
    if found is None or not found[0].redo or found[1].scenario_id not in catalog.scenarios:
        return RedoStart(error="gone")
    row, attempt = found
    sid = attempt.scenario_id
    if rq.attempted_since(s, user_id, sid, row.at):
        return RedoStart(scenario_id=sid, error="used")
    if row.assignment_id is not None:
        item = mine.one(s, user_id, row.assignment_id, now)
        if item is not None and sid in item.assignment.scenario_ids:
            begun = mine.begin_assignment(s, catalog, user_id, row.assignment_id,
                                          item.assignment.scenario_ids.index(sid), lang,
                                          False, now)
            if begun.started is not None:
                return RedoStart(begun.started, sid, True)
    play_lang = catalog.language_for(catalog.compiled(sid).scenario, lang)
    return RedoStart(calls.begin(s, catalog, user_id, sid, play_lang, "retry", False), sid)

