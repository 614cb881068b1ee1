"""The queries the bot needs. Each takes an open session and runs inside one transaction
(``Database.run``), so what a function changes is committed together or not at all."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import bindparam, false, func, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from bot.storage.models import CallSession, SkillResult, Turn, User, utcnow

T = TypeVar("T")
SKILL_WINDOW = 5  # a skill level is the mean of the learner's last five scores for it


# -- users ---------------------------------------------------------------------------------


def touch_user(s: Session, user_id: int, first_name: str, username: str | None,
               language: str, last_name: str | None = None) -> tuple[User, bool]:
    """Create or refresh the learner; returns (user, came_back_after_blocking)."""
    user = s.get(User, user_id)
    returned = False
    if user is None:
        user = User(id=user_id, first_name=first_name, last_name=last_name or None,
                    username=username, language=language)
        s.add(user)
    else:
        user.first_name = first_name or user.first_name
        user.last_name = last_name or None
        user.username = username
        user.last_seen_at = utcnow()
        if not user.language_chosen:
            user.language = language
        if user.blocked:
            user.blocked, user.blocked_at, returned = False, None, True
    s.flush()
    return user, returned


def get_user(s: Session, user_id: int) -> User | None:
    return s.get(User, user_id)


def set_fields(s: Session, row: T | None, fields: dict[str, Any]) -> T | None:
    """Change ``row`` (if there is one) and have it written with the transaction."""
    if row is None:
        return None
    for name, value in fields.items():
        setattr(row, name, value)
    s.add(row)
    return row


def _update(s: Session, model: type[T], key: int, fields: dict[str, Any]) -> T | None:
    return set_fields(s, s.get(model, key), fields)


def update_user(s: Session, user_id: int, **fields: Any) -> User | None:
    return _update(s, User, user_id, fields)


def mark_blocked(s: Session, user_id: int) -> None:
    """The learner blocked the bot: nothing is sent to them until they write again."""
    user = s.get(User, user_id)
    if user is not None and not user.blocked:
        user.blocked, user.blocked_at = True, utcnow()
        s.add(user)


# -- sessions --------------------------------------------------------------------------------


def active_session(s: Session, user_id: int) -> CallSession | None:
    return s.exec(
        select(CallSession)
        .where(CallSession.user_id == user_id, col(CallSession.ended_at).is_(None))
        .order_by(col(CallSession.id).desc())
    ).first()


def get_session(s: Session, session_id: int) -> CallSession | None:
    return s.get(CallSession, session_id)


def start_session(s: Session, user_id: int, scenario_id: str, kind: str, language: str,
                  phase: str, source: str, state: dict[str, Any] | None = None) -> CallSession:
    """A new attempt; an unfinished earlier one is closed as abandoned (kept, not scored)."""
    for old in s.exec(select(CallSession).where(
            CallSession.user_id == user_id, col(CallSession.ended_at).is_(None))):
        old.ended_at, old.end_reason, old.phase = utcnow(), "abandoned", "ended"
        s.add(old)
    session = CallSession(user_id=user_id, scenario_id=scenario_id, kind=kind, language=language,
                          phase=phase, source=source, state=state or {})
    s.add(session)
    s.flush()
    return session


def update_session(s: Session, session_id: int, **fields: Any) -> CallSession | None:
    return _update(s, CallSession, session_id, fields)


# The two statements of a call turn, built once. A turn is the bot's hottest path: these
# run through SQLAlchemy Core, not the ORM's unit of work, which cost more than the
# engine itself (see benchmarks/bot_throughput.py).
_SESSIONS = CallSession.__table__  # type: ignore[attr-defined]  # SQLModel leaves it untyped
_TURNS = Turn.__table__  # type: ignore[attr-defined]
_ANSWERED = (core_select(_TURNS.c.id)
             .where(_TURNS.c.session_id == _SESSIONS.c.id,
                    _TURNS.c.message_id == bindparam("message_id"))
             .exists())
_CALL_FOR_TURN = (
    core_select(_SESSIONS.c.id, _SESSIONS.c.scenario_id, _SESSIONS.c.language,
                _SESSIONS.c.phase, _SESSIONS.c.state, _ANSWERED.label("answered"))
    .where(_SESSIONS.c.user_id == bindparam("user_id"), _SESSIONS.c.ended_at.is_(None))
    .order_by(_SESSIONS.c.id.desc())
    .limit(1)
)
_INSERT_TURN = insert(_TURNS)
_SAVE_STATE = (update(_SESSIONS)
               .where(_SESSIONS.c.id == bindparam("sid"), _SESSIONS.c.ended_at.is_(None))
               .values(state=bindparam("state"), phase=bindparam("phase")))


class CallForTurn(NamedTuple):
    """The unfinished attempt a learner's message belongs to, as one turn needs it."""

    id: int
    scenario_id: str
    language: str
    phase: str
    state: dict[str, Any]
    answered: bool  # this Telegram message already has a turn: a redelivered update


def call_for_turn(s: Session, user_id: int, message_id: int | None) -> CallForTurn | None:
    row = s.connection().execute(_CALL_FOR_TURN,
                                 {"user_id": user_id, "message_id": message_id}).first()
    return None if row is None else CallForTurn(*row)


def record_turn(s: Session, session_id: int, *, number: int, message_id: int | None,
                learner: str, buyer: str, analysis: dict[str, Any], state: dict[str, Any],
                phase: str) -> int | None:
    """Store a turn and the state after it together; returns the turn's id, or None when
    the attempt has ended meanwhile. ``call_for_turn`` tells whether a Telegram message was
    answered already; should one slip through, the unique key (session, message id) makes
    the whole transaction fail rather than answer it twice."""
    conn = s.connection()
    saved = conn.execute(_SAVE_STATE, {"sid": session_id, "state": state, "phase": phase})
    if saved.rowcount != 1:
        return None
    result = conn.execute(_INSERT_TURN, {
        "session_id": session_id, "number": number, "message_id": message_id,
        "learner": learner, "buyer": buyer, "analysis": analysis, "created_at": utcnow(),
        "reply_sent": False})
    key = result.inserted_primary_key
    assert key is not None  # an INSERT of one row always has one
    return int(key[0])


def mark_reply_sent(s: Session, turn_id: int) -> None:
    turn = s.get(Turn, turn_id)
    if turn is not None:
        turn.reply_sent = True
        s.add(turn)


_MARK_SENT = update(_TURNS).where(_TURNS.c.id.in_(bindparam("ids", expanding=True))) \
    .values(reply_sent=True)


def mark_replies_sent(s: Session, turn_ids: list[int]) -> None:
    """Core, not the ORM: this rides along with nearly every call turn (outbox.py)."""
    s.connection().execute(_MARK_SENT, {"ids": list(turn_ids)})


def unsent_replies(s: Session, older_than: datetime | None = None
                   ) -> list[tuple[int, Turn, str]]:
    """Answers committed but not delivered (the process died or the network failed in
    between): (user id, turn, session language), oldest first. ``reply_sent = false`` is
    written as the literal the partial index ``ix_turns_unsent`` is defined with, so the
    database reads only the unsent turns, however many have been stored."""
    query = (
        select(CallSession.user_id, Turn, CallSession.language)
        .join(CallSession, col(Turn.session_id) == col(CallSession.id))
        .where(Turn.reply_sent == false())
        .order_by(col(Turn.id))
    )
    if older_than is not None:
        query = query.where(col(Turn.created_at) < older_than)
    rows = s.exec(query).all()
    return [(uid, turn, lang) for uid, turn, lang in rows]


def finish_session(s: Session, session_id: int, *, state: dict[str, Any], score: int,
                   report: dict[str, Any], end_reason: str | None,
                   skills: dict[str, float | None]) -> CallSession | None:
    """Close a scored session and record its section scores as skill results."""
    session = s.get(CallSession, session_id)
    if session is None or session.ended_at is not None:
        return None
    now = utcnow()
    session.state, session.phase, session.ended_at = state, "ended", now
    session.score, session.report, session.end_reason = score, report, end_reason
    s.add(session)
    for skill, value in skills.items():
        if value is not None:
            s.add(SkillResult(user_id=session.user_id, session_id=session_id, skill=skill,
                              score=float(value), at=now))
    s.flush()
    return session


def session_turns(s: Session, session_id: int) -> list[Turn]:
    return list(s.exec(select(Turn).where(Turn.session_id == session_id)
                       .order_by(col(Turn.number))))


# -- progress --------------------------------------------------------------------------------


def best_scores(s: Session, user_id: int) -> dict[str, int]:
    """Best score per scenario the learner finished: the picker marks these as done."""
    rows = s.exec(
        select(CallSession.scenario_id, func.max(CallSession.score))
        .where(CallSession.user_id == user_id, col(CallSession.score).is_not(None))
        .group_by(CallSession.scenario_id)
    ).all()
    return {sid: int(best) for sid, best in rows if best is not None}


def scored_sessions(s: Session, user_id: int, limit: int = 200) -> list[CallSession]:
    """Finished, scored sessions, oldest first (the last ``limit``)."""
    rows = s.exec(
        select(CallSession)
        .where(CallSession.user_id == user_id, col(CallSession.score).is_not(None))
        .order_by(col(CallSession.ended_at).desc())
        .limit(limit)
    ).all()
    return list(reversed(rows))


def skill_levels(s: Session, user_id: int) -> dict[str, float]:
    """Per skill the mean of the last SKILL_WINDOW results: recent work counts, old does not."""
    rows = s.exec(
        select(SkillResult.skill, SkillResult.score)
        .where(SkillResult.user_id == user_id)
        .order_by(col(SkillResult.at).desc(), col(SkillResult.id).desc())
    ).all()
    recent: dict[str, list[float]] = defaultdict(list)
    for skill, score in rows:
        if len(recent[skill]) < SKILL_WINDOW:
            recent[skill].append(score)
    return {skill: sum(v) / len(v) for skill, v in recent.items()}


# -- privacy: see bot.storage.personal ------------------------------------------------------

from bot.storage.personal import delete_user, export_user  # noqa: E402, F401
