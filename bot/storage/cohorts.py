"""Queries for trainers: roles, cohorts and members, assignments, overrides, reminders and
trainer scenarios. Like ``queries``, each takes an open session and runs in one
transaction (``Database.run``).

Authorisation lives here too, in the shape of the queries: every function a trainer
reaches takes the trainer's id and only ever finds *their* cohorts, so a forged button or
a guessed id finds nothing rather than someone else's data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, func, or_
from sqlalchemy.orm import load_only
from sqlmodel import Session, col, select

from bot.storage.models import (
    Assignment,
    AssignmentException,
    AssignmentReminder,
    CallSession,
    Cohort,
    Membership,
    Removal,
    ScoreOverride,
    SkillResult,
    TrainerDigest,
    TrainerScenario,
    Turn,
    User,
    utcnow,
)
from bot.storage.queries import set_fields

# -- roles -----------------------------------------------------------------------------------


def set_role(s: Session, user_id: int, role: str) -> User | None:
    """Promote or demote someone who has talked to the bot (None: never seen them)."""
    user = s.get(User, user_id)
    if user is None:
        return None
    user.role = role
    s.add(user)
    return user


def staff(s: Session, admins: Iterable[int] = ()) -> list[tuple[int, str]]:
    """Trainers and the configured admins who have used the bot: (id, language)."""
    rows = s.exec(select(User.id, User.language).where(
        or_(col(User.role).in_(("trainer", "admin")), col(User.id).in_(list(admins))))).all()
    return [(uid, lang) for uid, lang in rows]


def stored_role(s: Session, user_id: int) -> str:
    user = s.get(User, user_id)
    return user.role if user is not None else "learner"


# -- cohorts ---------------------------------------------------------------------------------


def create_cohort(s: Session, trainer_id: int, name: str, language: str,
                  ends_on: date | None, new_code: Callable[[], str]) -> Cohort:
    code = new_code()
    while s.exec(select(Cohort.id).where(Cohort.join_code == code)).first():
        code = new_code()  # practically never: 128 random bits
    cohort = Cohort(trainer_id=trainer_id, name=name, language=language, ends_on=ends_on,
                    join_code=code)
    s.add(cohort)
    s.flush()
    return cohort


def trainer_cohorts(s: Session, trainer_id: int) -> list[tuple[Cohort, int]]:
    """The trainer's cohorts with their member counts, newest first."""
    counts = (select(Membership.cohort_id, func.count().label("n"))
              .group_by(col(Membership.cohort_id)).subquery())
    rows = s.exec(
        select(Cohort, func.coalesce(counts.c.n, 0))
        .join(counts, col(Cohort.id) == counts.c.cohort_id, isouter=True)
        .where(Cohort.trainer_id == trainer_id)
        .order_by(col(Cohort.id).desc())
    ).all()
    return [(cohort, int(n)) for cohort, n in rows]


def own_cohort(s: Session, trainer_id: int, cohort_id: int) -> Cohort | None:
    """The cohort, only when it is this trainer's: the one gate to a cohort's data."""
    cohort = s.get(Cohort, cohort_id)
    return cohort if cohort is not None and cohort.trainer_id == trainer_id else None


def update_cohort(s: Session, trainer_id: int, cohort_id: int, **fields: object
                  ) -> Cohort | None:
    return set_fields(s, own_cohort(s, trainer_id, cohort_id), fields)


def toggle(s: Session, trainer_id: int, cohort_id: int, flag: str) -> Cohort | None:
    """Flip one of the cohort's switches (join_open, leaderboard, notify, digest)."""
    if flag not in ("join_open", "leaderboard", "notify", "digest"):
        raise ValueError(flag)
    cohort = own_cohort(s, trainer_id, cohort_id)
    return set_fields(s, cohort, {flag: not getattr(cohort, flag)}) if cohort else None


@dataclass
class CohortOverview:
    cohort: Cohort
    members: list[tuple[User, Membership]]
    assignments: list[Assignment]


def overview(s: Session, trainer_id: int, cohort_id: int) -> CohortOverview | None:
    """The trainer's own cohort with its members and assignments, in one read."""
    cohort = own_cohort(s, trainer_id, cohort_id)
    if cohort is None:
        return None
    return CohortOverview(cohort, members(s, cohort_id), cohort_assignments(s, cohort_id))


def rotate_code(s: Session, trainer_id: int, cohort_id: int,
                new_code: Callable[[], str]) -> Cohort | None:
    """A new join code; the old link stops working at once."""
    code = new_code()
    while s.exec(select(Cohort.id).where(Cohort.join_code == code)).first():
        code = new_code()
    return update_cohort(s, trainer_id, cohort_id, join_code=code, join_open=True)


@dataclass
class JoinResult:
    status: str  # joined, already, closed, ended, unknown
    cohort: Cohort | None = None
    trainer_name: str = ""


def join(s: Session, code: str, user_id: int, today: date) -> JoinResult:
    cohort = s.exec(select(Cohort).where(Cohort.join_code == code)).first()
    if cohort is None:
        return JoinResult("unknown")
    trainer = s.get(User, cohort.trainer_id)
    name = trainer.first_name if trainer else ""
    if s.get(Membership, (cohort.id, user_id)) is not None:
        return JoinResult("already", cohort, name)
    removal = s.get(Removal, (cohort.id, user_id))
    if removal is not None and removal.join_code == code:
        return JoinResult("removed", cohort, name)
    if not cohort.join_open:
        return JoinResult("closed", cohort, name)
    if cohort.ends_on is not None and cohort.ends_on < today:
        return JoinResult("ended", cohort, name)
    if removal is not None:  # a renewed link is a new invitation
        s.delete(removal)
    s.add(Membership(cohort_id=cohort.id or 0, user_id=user_id))
    s.flush()
    return JoinResult("joined", cohort, name)


def leave(s: Session, user_id: int, cohort_id: int) -> Cohort | None:
    membership = s.get(Membership, (cohort_id, user_id))
    if membership is None:
        return None
    s.delete(membership)
    return s.get(Cohort, cohort_id)


def remove_member(s: Session, trainer_id: int, cohort_id: int, user_id: int
                  ) -> tuple[User, Cohort] | None:
    """The trainer takes a learner out of their cohort (the learner's own data stays); the
    link the learner has stops letting them back in."""
    cohort = own_cohort(s, trainer_id, cohort_id)
    membership = s.get(Membership, (cohort_id, user_id)) if cohort is not None else None
    user = s.get(User, user_id)
    if cohort is None or membership is None or user is None:
        return None
    s.delete(membership)
    removal = s.get(Removal, (cohort_id, user_id)) or Removal(cohort_id=cohort_id,
                                                              user_id=user_id, join_code="")
    removal.join_code, removal.at = cohort.join_code, utcnow()
    s.add(removal)
    return user, cohort


def reinvite(s: Session, trainer_id: int, cohort_id: int, user_id: int
             ) -> tuple[User, Cohort] | None:
    """Let a removed learner join again with the current link."""
    cohort = own_cohort(s, trainer_id, cohort_id)
    removal = s.get(Removal, (cohort_id, user_id)) if cohort is not None else None
    user = s.get(User, user_id)
    if cohort is None or removal is None or user is None:
        return None
    s.delete(removal)
    return user, cohort


def members(s: Session, cohort_id: int) -> list[tuple[User, Membership]]:
    rows = s.exec(
        select(User, Membership).join(Membership, col(Membership.user_id) == col(User.id))
        .where(Membership.cohort_id == cohort_id)
        .order_by(func.lower(User.first_name), col(User.id))
    ).all()
    return [(u, m) for u, m in rows]


def learner_cohorts(s: Session, user_id: int) -> list[tuple[Cohort, Membership]]:
    rows = s.exec(
        select(Cohort, Membership).join(Membership, col(Membership.cohort_id) == col(Cohort.id))
        .where(Membership.user_id == user_id).order_by(col(Cohort.id))
    ).all()
    return [(c, m) for c, m in rows]


def audience(s: Session, user_id: int) -> set[int]:
    """Whose private scenarios this person may play: their own and their trainers'."""
    trainers = s.exec(
        select(Cohort.trainer_id).join(Membership, col(Membership.cohort_id) == col(Cohort.id))
        .where(Membership.user_id == user_id)
    ).all()
    return {user_id, *trainers}


def set_hide_name(s: Session, user_id: int, hide: bool) -> User | None:
    """Keep the learner's name off every leaderboard; kept on the person, not the
    membership, so leaving and rejoining does not undo it."""
    return set_fields(s, s.get(User, user_id), {"hide_name": hide})


def trainers_of(s: Session, user_id: int) -> set[int]:
    """Whose private scenarios this learner may play: their cohorts' trainers."""
    rows = s.exec(select(Cohort.trainer_id).join(
        Membership, col(Membership.cohort_id) == col(Cohort.id))
        .where(Membership.user_id == user_id)).all()
    return set(rows)


# -- assignments -----------------------------------------------------------------------------


def create_assignment(s: Session, trainer_id: int, cohort_id: int, scenario_ids: list[str],
                      due_at: datetime, pass_mark: int, max_attempts: int
                      ) -> tuple[Assignment, list[User]] | None:
    """The assignment and the members to tell about it (None: not this trainer's cohort)."""
    if own_cohort(s, trainer_id, cohort_id) is None:
        return None
    last = s.exec(select(func.max(Assignment.label))
                  .where(Assignment.cohort_id == cohort_id)).one()
    assignment = Assignment(cohort_id=cohort_id, scenario_ids=scenario_ids, due_at=due_at,
                            pass_mark=pass_mark, max_attempts=max_attempts,
                            label=(last or 0) + 1)
    s.add(assignment)
    s.flush()
    return assignment, [u for u, _ in members(s, cohort_id)]


def cohort_assignments(s: Session, cohort_id: int) -> list[Assignment]:
    return list(s.exec(select(Assignment).where(Assignment.cohort_id == cohort_id)
                       .order_by(col(Assignment.due_at), col(Assignment.id))))


def own_assignment(s: Session, trainer_id: int, assignment_id: int
                   ) -> tuple[Assignment, Cohort] | None:
    """An assignment of one of the trainer's own cohorts, with its cohort; else None."""
    assignment = s.get(Assignment, assignment_id)
    if assignment is None:
        return None
    cohort = own_cohort(s, trainer_id, assignment.cohort_id)
    return None if cohort is None else (assignment, cohort)


def grant(s: Session, trainer_id: int, assignment_id: int, user_id: int,
          extra_attempts: int = 0, due_at: datetime | None = None
          ) -> tuple[Assignment, User, AssignmentException] | None:
    """Give one learner of the trainer's own assignment more attempts or a later due
    moment (added to what they had); None when the assignment or learner is not theirs."""
    found = own_assignment(s, trainer_id, assignment_id)
    user = s.get(User, user_id)
    if found is None or user is None or s.get(Membership, (found[1].id, user_id)) is None:
        return None
    e = s.get(AssignmentException, (assignment_id, user_id)) or AssignmentException(
        assignment_id=assignment_id, user_id=user_id)
    e.extra_attempts += extra_attempts
    if due_at is not None:
        e.due_at = due_at
    e.at = utcnow()
    s.add(e)
    s.flush()
    return found[0], user, e


def delete_assignment(s: Session, trainer_id: int, assignment_id: int) -> Assignment | None:
    assignment = s.get(Assignment, assignment_id)
    if assignment is None or own_cohort(s, trainer_id, assignment.cohort_id) is None:
        return None
    s.delete(assignment)
    return assignment


def learner_assignment(s: Session, user_id: int, assignment_id: int
                       ) -> tuple[Assignment, Cohort] | None:
    """An assignment of one of the learner's cohorts, else None."""
    assignment = s.get(Assignment, assignment_id)
    if assignment is None or s.get(Membership, (assignment.cohort_id, user_id)) is None:
        return None
    cohort = s.get(Cohort, assignment.cohort_id)
    return (assignment, cohort) if cohort is not None else None


# A report never needs an attempt's engine state or full report (large JSON): leave them.
SESSION_COLUMNS = ("id", "user_id", "scenario_id", "kind", "language", "phase", "source",
                   "assignment_id", "started_at", "ended_at", "end_reason", "score")


@dataclass
class CohortData:
    """Everything a report needs about one cohort, read in one go (a handful of queries,
    whatever the cohort's size)."""

    cohort: Cohort
    members: list[tuple[User, Membership]]
    assignments: list[Assignment]
    sessions: list[CallSession] = field(default_factory=list)
    skills: dict[int, dict[str, float]] = field(default_factory=dict)  # session id → skills
    overrides: dict[int, ScoreOverride] = field(default_factory=dict)  # session id → override
    exceptions: dict[tuple[int, int], AssignmentException] = field(default_factory=dict)
    # (assignment id, user id) → what the trainer granted that learner


def cohort_data(s: Session, cohort: Cohort, user_ids: list[int] | None = None) -> CohortData:
    """Members, assignments and the members' attempts at the assigned scenarios."""
    data = CohortData(cohort, members(s, cohort.id or 0), cohort_assignments(s, cohort.id or 0))
    if user_ids is not None:
        data.members = [(u, m) for u, m in data.members if u.id in user_ids]
    scenario_ids = {sid for a in data.assignments for sid in a.scenario_ids}
    ids = [u.id for u, _ in data.members]
    if not scenario_ids or not ids:
        return data
    sessions = s.exec(
        select(CallSession)
        .options(load_only(*(getattr(CallSession, c) for c in SESSION_COLUMNS)))
        .where(col(CallSession.user_id).in_(ids), col(CallSession.scenario_id).in_(scenario_ids))
        .order_by(col(CallSession.started_at), col(CallSession.id))
    ).all()
    data.sessions = list(sessions)
    assignment_ids = [a.id for a in data.assignments if a.id is not None]
    for e in s.exec(select(AssignmentException)
                    .where(col(AssignmentException.assignment_id).in_(assignment_ids),
                           col(AssignmentException.user_id).in_(ids))):
        data.exceptions[(e.assignment_id, e.user_id)] = e
    session_ids = [cs.id for cs in data.sessions if cs.id is not None and cs.score is not None]
    for chunk in _chunks(session_ids, 500):
        for sid, skill, score in s.exec(
                select(SkillResult.session_id, SkillResult.skill, SkillResult.score)
                .where(col(SkillResult.session_id).in_(chunk))):
            data.skills.setdefault(sid, {})[skill] = score
        data.overrides.update(overrides_for(s, cohort.trainer_id, chunk))
    return data


def _chunks(values: list[int], size: int) -> list[list[int]]:
    return [values[i:i + size] for i in range(0, len(values), size)]


def learner_open_work(s: Session, user_id: int) -> list[CohortData]:
    """The learner's own view: per cohort, the assignments and their own attempts."""
    out = []
    for cohort, _ in learner_cohorts(s, user_id):
        out.append(cohort_data(s, cohort, [user_id]))
    return out


# -- overrides -------------------------------------------------------------------------------


def attempt_candidates(s: Session, trainer_id: int, session_id: int
                       ) -> tuple[CallSession, User, list[Assignment]] | None:
    """An attempt, its learner and the assignments of this trainer's cohorts the learner is
    in that the attempt could count for (same scenario; the one it was started from, if
    any). Whether it *does* count is the trainers' rule (``bot.trainers.attempts``)."""
    row = s.get(CallSession, session_id)
    user = s.get(User, row.user_id) if row is not None else None
    if row is None or user is None:
        return None
    query = (
        select(Assignment).join(Cohort, col(Cohort.id) == col(Assignment.cohort_id))
        .join(Membership, col(Membership.cohort_id) == col(Cohort.id))
        .where(Cohort.trainer_id == trainer_id, Membership.user_id == row.user_id)
    )
    if row.assignment_id is not None:
        query = query.where(Assignment.id == row.assignment_id)
    found = [a for a in s.exec(query) if row.scenario_id in a.scenario_ids]
    return row, user, found


def scored_attempts(s: Session, user_id: int, scenario_id: str) -> list[CallSession]:
    """A learner's scored attempts at one scenario, oldest first (light columns only)."""
    return list(s.exec(
        select(CallSession)
        .options(load_only(*(getattr(CallSession, c) for c in SESSION_COLUMNS)))
        .where(CallSession.user_id == user_id, CallSession.scenario_id == scenario_id,
               col(CallSession.score).is_not(None))
        .order_by(col(CallSession.started_at), col(CallSession.id))))


def save_override(s: Session, trainer_id: int, session: CallSession, score: int, reason: str
                  ) -> ScoreOverride:
    """Add a correction to this trainer's history of the attempt (never replacing one)."""
    current = overrides_for(s, trainer_id, [session.id or 0]).get(session.id or 0)
    override = ScoreOverride(session_id=session.id or 0, trainer_id=trainer_id, score=score,
                             previous=current.score if current else session.score,
                             reason=reason)
    s.add(override)
    s.flush()
    return override


def overrides_for(s: Session, trainer_id: int, session_ids: list[int]
                  ) -> dict[int, ScoreOverride]:
    """This trainer's current correction per attempt (their latest); another trainer's
    never enter their grade book."""
    if not session_ids:
        return {}
    rows = s.exec(select(ScoreOverride)
                  .where(col(ScoreOverride.session_id).in_(session_ids),
                         ScoreOverride.trainer_id == trainer_id)
                  .order_by(col(ScoreOverride.at), col(ScoreOverride.id)))
    return {o.session_id: o for o in rows}  # later rows win


def override_history(s: Session, trainer_id: int, session_id: int
                     ) -> list[tuple[ScoreOverride, str]]:
    """This trainer's corrections of one attempt, oldest first, with the author's name."""
    rows = s.exec(select(ScoreOverride, User.first_name)
                  .join(User, col(User.id) == col(ScoreOverride.trainer_id), isouter=True)
                  .where(ScoreOverride.session_id == session_id,
                         ScoreOverride.trainer_id == trainer_id)
                  .order_by(col(ScoreOverride.at), col(ScoreOverride.id))).all()
    return [(o, name or "") for o, name in rows]



def override_log(s: Session, trainer_id: int, session_ids: list[int]
                 ) -> dict[int, list[tuple[ScoreOverride, str]]]:
    """This trainer's corrections per attempt, oldest first, with the author's name (the
    export's attempt log)."""
    out: dict[int, list[tuple[ScoreOverride, str]]] = {}
    for chunk in _chunks(session_ids, 500):
        rows = s.exec(select(ScoreOverride, User.first_name)
                      .join(User, col(User.id) == col(ScoreOverride.trainer_id), isouter=True)
                      .where(col(ScoreOverride.session_id).in_(chunk),
                             ScoreOverride.trainer_id == trainer_id)
                      .order_by(col(ScoreOverride.at), col(ScoreOverride.id))).all()
        for o, name in rows:
            out.setdefault(o.session_id, []).append((o, name or ""))
    return out


def turns_of(s: Session, session_ids: list[int]) -> dict[int, list[Turn]]:
    """The turns of several attempts at once, in order (transcripts in an export)."""
    out: dict[int, list[Turn]] = {}
    for chunk in _chunks(session_ids, 500):
        for turn in s.exec(select(Turn).where(col(Turn.session_id).in_(chunk))
                           .order_by(col(Turn.session_id), col(Turn.number))):
            out.setdefault(turn.session_id, []).append(turn)
    return out

# -- reminders -------------------------------------------------------------------------------


def reminder_candidates(s: Session, due_from: datetime, due_to: datetime
                        ) -> list[tuple[Assignment, CohortData]]:
    """Assignments due in the window (for everyone, or for a learner whose due moment the
    trainer moved into it), with their cohorts' data, for the reminder job."""
    extended = select(AssignmentException.assignment_id).where(
        col(AssignmentException.due_at) > due_from, col(AssignmentException.due_at) <= due_to)
    assignments = s.exec(select(Assignment).where(
        (col(Assignment.due_at) > due_from) & (col(Assignment.due_at) <= due_to)
        | col(Assignment.id).in_(extended))).all()
    out = []
    for a in assignments:
        cohort = s.get(Cohort, a.cohort_id)
        if cohort is not None:
            out.append((a, cohort_data(s, cohort)))
    return out


def reminded(s: Session, assignment_ids: list[int]) -> set[tuple[int, int]]:
    if not assignment_ids:
        return set()
    rows = s.exec(select(AssignmentReminder.assignment_id, AssignmentReminder.user_id)
                  .where(col(AssignmentReminder.assignment_id).in_(assignment_ids))).all()
    return {(a, u) for a, u in rows}


def claim_reminder(s: Session, assignment_id: int, user_id: int) -> bool:
    """Record the reminder before it is sent: at most once, even across restarts."""
    if s.get(AssignmentReminder, (assignment_id, user_id)) is not None:
        return False
    s.add(AssignmentReminder(assignment_id=assignment_id, user_id=user_id))
    s.flush()
    return True


def digest_cohorts(s: Session) -> list[tuple[User, list[Cohort]]]:
    """Trainers with their cohorts that have the daily digest switched on."""
    rows = s.exec(select(User, Cohort).join(Cohort, col(Cohort.trainer_id) == col(User.id))
                  .where(col(Cohort.digest)).order_by(col(User.id), col(Cohort.id))).all()
    out: dict[int, tuple[User, list[Cohort]]] = {}
    for user, cohort in rows:
        out.setdefault(user.id, (user, []))[1].append(cohort)
    return list(out.values())


def claim_digest(s: Session, trainer_id: int, day: date) -> bool:
    """Record the day's digest before it is sent: at most one a day, even across restarts."""
    if s.get(TrainerDigest, (trainer_id, day)) is not None:
        return False
    s.add(TrainerDigest(trainer_id=trainer_id, day=day))
    s.flush()
    return True


# -- trainer scenarios -----------------------------------------------------------------------


def trainer_scenarios(s: Session, owner_id: int | None = None) -> list[TrainerScenario]:
    query = select(TrainerScenario).order_by(col(TrainerScenario.scenario_id))
    if owner_id is not None:
        query = query.where(TrainerScenario.owner_id == owner_id)
    return list(s.exec(query))


def trainer_scenario(s: Session, scenario_id: str) -> TrainerScenario | None:
    return s.exec(select(TrainerScenario)
                  .where(TrainerScenario.scenario_id == scenario_id)).first()


def save_trainer_scenario(s: Session, owner_id: int, scenario_id: str, file_name: str,
                          yaml_text: str) -> TrainerScenario:
    row = trainer_scenario(s, scenario_id)
    if row is None:
        row = TrainerScenario(scenario_id=scenario_id, owner_id=owner_id, file_name=file_name,
                              yaml_text=yaml_text)
    else:
        row.file_name, row.yaml_text, row.updated_at = file_name, yaml_text, utcnow()
    s.add(row)
    s.flush()
    return row


def set_published(s: Session, scenario_id: str, published: bool) -> TrainerScenario | None:
    row = trainer_scenario(s, scenario_id)
    if row is not None:
        row.published = published
        s.add(row)
    return row


def delete_trainer_scenario(s: Session, owner_id: int, scenario_id: str) -> bool:
    result = s.exec(delete(TrainerScenario).where(col(TrainerScenario.scenario_id) == scenario_id,
                                                  col(TrainerScenario.owner_id) == owner_id))
    return bool(result.rowcount)
