"""Database tables. Changing one means adding an Alembic revision (tests check they agree).

Times are aware UTC datetimes (SQLModel stores them as UTC on every backend).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, ForeignKey, Index, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from bot.clock import utcnow as utcnow  # storage's callers read the clock here too


class User(SQLModel, table=True):
    """A person who talked to the bot; the Telegram id is the key."""

    __tablename__ = "users"

    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    first_name: str = ""
    last_name: str | None = None  # as Telegram gives it; trainers' exports show the full name
    username: str | None = None
    student_number: str | None = None  # set by the learner (/studentnumber), for exports
    language: str = "nl"
    language_chosen: bool = False  # False: follow the Telegram app's language
    timezone: str = "Europe/Amsterdam"
    practice_time: str = "09:00"  # local HH:MM
    practice_days: str = "0123456"  # weekdays, 0 = Monday
    practice_paused: bool = True  # daily prompts are opt-in
    quiet_start: str | None = None  # local HH:MM; no prompts between start and end
    quiet_end: str | None = None
    next_practice_at: datetime | None = Field(default=None, index=True)
    role: str = "learner"
    hide_name: bool = False  # anonymous on every cohort's leaderboard, joined or rejoined
    blocked: bool = False
    blocked_at: datetime | None = None
    awaiting: str | None = None  # free-text input a settings flow waits for
    settings: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)


class CallSession(SQLModel, table=True):
    """One attempt at a scenario: briefing, preparation, the call and its score.

    ``state`` is the engine's SessionState after the last committed turn, so a restarted
    process continues the call exactly there.
    """

    __tablename__ = "sessions"
    __table_args__ = (Index("ix_sessions_user_active", "user_id", "ended_at"),
                      # a cohort report reads its members' attempts at the assigned
                      # scenarios, not every attempt at those scenarios
                      Index("ix_sessions_user_scenario", "user_id", "scenario_id"))

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    )
    scenario_id: str = Field(index=True)
    kind: str = "call"  # the scenario's kind: call or drill
    language: str
    phase: str = "briefing"  # briefing, prep_internal, prep_external, prep_questions, call, ended
    source: str = "menu"  # menu, link, retry, practice, assignment
    assignment_id: int | None = Field(
        default=None,
        sa_column=Column(ForeignKey("assignments.id", ondelete="SET NULL",
                                    name="fk_sessions_assignment_id_assignments"),
                         nullable=True,
                         index=True),
    )
    prep: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    prep_score: int | None = None
    state: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    started_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = None
    end_reason: str | None = None
    score: int | None = None
    report: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class Turn(SQLModel, table=True):
    """One learner message and the buyer's answer, kept for transcripts and feedback.

    ``reply_sent`` is the outbox flag: the turn is committed before the answer goes out,
    and an answer that a crash kept from being sent is sent after the restart. The partial
    index holds only the unsent ones (a handful), so the outbox finds them without
    reading every turn ever stored.
    """

    __tablename__ = "turns"
    __table_args__ = (UniqueConstraint("session_id", "message_id", name="uq_turns_message"),
                      Index("ix_turns_unsent", "id",
                            sqlite_where=Column("reply_sent") == false(),
                            postgresql_where=Column("reply_sent") == false()))

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(
        sa_column=Column(ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    number: int
    message_id: int | None = None  # the learner's Telegram message id: one turn per message
    learner: str
    buyer: str
    analysis: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    reply_sent: bool = True


class SkillResult(SQLModel, table=True):
    """A section score of one finished session: what /progress and daily drills build on."""

    __tablename__ = "skill_results"
    __table_args__ = (Index("ix_skill_results_user_skill", "user_id", "skill"),
                      Index("ix_skill_results_session", "session_id"))

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    )
    session_id: int = Field(
        sa_column=Column(ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False)
    )
    skill: str
    score: float
    at: datetime = Field(default_factory=utcnow)


# -- trainers: cohorts, assignments, their own scenarios -----------------------------------


class Cohort(SQLModel, table=True):
    """A trainer's group of learners, joined through a link with a secret code."""

    __tablename__ = "cohorts"

    id: int | None = Field(default=None, primary_key=True)
    trainer_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
                         index=True)
    )
    name: str
    language: str = "nl"
    ends_on: date | None = None
    join_code: str = Field(unique=True, index=True)
    join_open: bool = True
    leaderboard: bool = False
    notify: bool = True  # tell the trainer when someone joins or completes an assignment
    digest: bool = False  # a daily message to the trainer about who needs attention
    created_at: datetime = Field(default_factory=utcnow)


class Membership(SQLModel, table=True):
    """A learner in a cohort (leaving deletes it; ``User.hide_name`` outlives it)."""

    __tablename__ = "memberships"

    cohort_id: int = Field(
        sa_column=Column(ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True)
    )
    user_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True,
                         index=True)
    )
    joined_at: datetime = Field(default_factory=utcnow)


class Removal(SQLModel, table=True):
    """A learner the trainer took out of a cohort: the link they had no longer lets them
    back in, until the trainer invites them again (or the link is renewed)."""

    __tablename__ = "cohort_removals"

    cohort_id: int = Field(
        sa_column=Column(ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True)
    )
    user_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    )
    join_code: str  # the cohort's code when they were removed
    at: datetime = Field(default_factory=utcnow)


class Assignment(SQLModel, table=True):
    """Work a trainer set for a cohort: one scenario or a set of drills, with a deadline."""

    __tablename__ = "assignments"

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(
        sa_column=Column(ForeignKey("cohorts.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    scenario_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    due_at: datetime = Field(index=True)
    pass_mark: int = 60
    max_attempts: int = 3
    label: int = 0  # A<label> within the cohort: given once, never renumbered
    created_at: datetime = Field(default_factory=utcnow)


class AssignmentException(SQLModel, table=True):
    """What a trainer granted one learner on one assignment: extra attempts (per scenario)
    and a later due moment of their own."""

    __tablename__ = "assignment_exceptions"

    assignment_id: int = Field(
        sa_column=Column(ForeignKey("assignments.id", ondelete="CASCADE"), primary_key=True)
    )
    user_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    )
    extra_attempts: int = 0
    due_at: datetime | None = None
    at: datetime = Field(default_factory=utcnow)


class AssignmentReminder(SQLModel, table=True):
    """A reminder sent (so a restart never sends it twice)."""

    __tablename__ = "assignment_reminders"

    assignment_id: int = Field(
        sa_column=Column(ForeignKey("assignments.id", ondelete="CASCADE"), primary_key=True)
    )
    user_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    )
    sent_at: datetime = Field(default_factory=utcnow)


class TrainerDigest(SQLModel, table=True):
    """A trainer's daily digest, claimed before it is sent: at most one per local day,
    even across restarts."""

    __tablename__ = "trainer_digests"

    trainer_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    )
    day: date = Field(primary_key=True)  # the trainer's local date
    sent_at: datetime = Field(default_factory=utcnow)


class ScoreOverride(SQLModel, table=True):
    """One correction of a learner's result by a trainer, always with a reason.

    Corrections are kept, never replaced: the latest of a trainer's rows for an attempt is
    the score in their grade book, the earlier ones its history. Each trainer's rows are
    their own (a menu attempt can count in two trainers' books)."""

    __tablename__ = "score_overrides"
    __table_args__ = (Index("ix_score_overrides_session_trainer", "session_id", "trainer_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(
        sa_column=Column(ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False)
    )
    trainer_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    score: int
    previous: int | None = None  # the score in this trainer's book before this change
    reason: str
    at: datetime = Field(default_factory=utcnow)


class ReviewComment(SQLModel, table=True):
    """A trainer's comment on a learner's attempt, on one turn (``turn``) or on the whole
    call (``turn`` None), sent to the learner; ``redo`` asks them to do the call again.

    Like an override it belongs to the learner's attempt (it goes with the attempt) and
    keeps its author's id without a foreign key (erasing the trainer hands it over)."""

    __tablename__ = "review_comments"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(
        sa_column=Column(ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False,
                         index=True)
    )
    trainer_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    turn: int | None = None  # the turn's number in the transcript; None: the whole call
    text: str
    redo: bool = False  # the learner is asked to do the call again
    assignment_id: int | None = None  # where the redo goes as a graded attempt, if anywhere
    extra_attempt: bool = False  # the redo came with one extra attempt (none were left)
    at: datetime = Field(default_factory=utcnow)


class AttemptReview(SQLModel, table=True):
    """A trainer marked an attempt in their grade book as reviewed: it leaves their queue."""

    __tablename__ = "attempt_reviews"

    session_id: int = Field(
        sa_column=Column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    )
    trainer_id: int = Field(sa_column=Column(BigInteger, primary_key=True))
    at: datetime = Field(default_factory=utcnow)


class TrainerScenario(SQLModel, table=True):
    """A scenario a trainer uploaded: private to them until an admin publishes it."""

    __tablename__ = "trainer_scenarios"

    id: int | None = Field(default=None, primary_key=True)
    scenario_id: str = Field(unique=True, index=True)
    owner_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
                         index=True)
    )
    file_name: str
    yaml_text: str
    published: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


# -- daily practice ------------------------------------------------------------------------


class PracticePrompt(SQLModel, table=True):
    """One daily prompt (or weekly summary) per learner and due moment.

    The row is written in the same transaction that moves the learner's
    ``next_practice_at`` on, and the unique key makes a second claim of the same moment
    impossible, so a restart can neither send a prompt twice nor skip one silently.
    """

    __tablename__ = "practice_prompts"
    __table_args__ = (UniqueConstraint("user_id", "kind", "due_at", name="uq_prompt_due"),
                      Index("ix_prompts_status", "status", "due_at"))

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    )
    kind: str = "drill"  # drill or weekly
    due_at: datetime
    scenario_id: str | None = None
    reason: str | None = None  # why this drill: assignment, review, weakest, new
    status: str = "claimed"  # claimed, sent, skipped, blocked, failed
    attempts: int = 0
    sent_at: datetime | None = None
    message_id: int | None = None
