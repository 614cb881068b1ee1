"""A cohort's results as data: learner × assignment, the weakest skills, who has not
started. Built once from ``CohortData`` and shared by /report, the charts, the CSV export
and the leaderboard, so they can never disagree."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from bot.storage.cohorts import CohortData
from bot.storage.models import Assignment, CallSession, Cohort, User
from bot.trainers.progress import Progress, learner_score, progress

SKILLS = ("preparation", "internal", "external", "questions", "objections", "closing")
WEAKEST = 3


@dataclass
class LearnerRow:
    user_id: int
    name: str
    hide_name: bool
    cells: list[Progress]
    skills: dict[str, float] = field(default_factory=dict)  # over their best attempts
    cell_skills: list[dict[str, float]] = field(default_factory=list)

    @property
    def started_nothing(self) -> bool:
        return all(c.status == "not_started" for c in self.cells)


@dataclass
class CohortReport:
    cohort: Cohort
    assignments: list[Assignment]
    rows: list[LearnerRow]
    weakest: list[tuple[str, float]]
    skill_means: dict[str, float]
    sessions: dict[int, CallSession]
    reviewed: set[int] = field(default_factory=set)  # attempts the trainer marked reviewed

    def not_started(self, index: int) -> list[str]:
        return [r.name for r in self.rows if r.cells[index].status == "not_started"]

    def best_scores(self) -> list[int]:
        """Per learner with a result, their ``learner_score`` (what the chart shows)."""
        return [score for row in self.rows if (score := learner_score(row.cells)) is not None]

    def pass_marks(self) -> list[int]:
        return sorted({a.pass_mark for a in self.assignments})

    def counted_ids(self, row: LearnerRow) -> list[int]:
        """The learner's attempts in the grade book (what the review queue holds)."""
        return list(dict.fromkeys(a.session_id for c in row.cells for a in c.counted))

    def waiting_for_review(self) -> list[tuple[str, int]]:
        """Per learner with counted attempts not yet reviewed: (name, how many)."""
        out = []
        for row in self.rows:
            waiting = sum(1 for sid in self.counted_ids(row) if sid not in self.reviewed)
            if waiting:
                out.append((row.name, waiting))
        return out


def mean(values: list[float] | list[int]) -> float:
    return sum(values) / len(values)


def display_names(users: list[User]) -> dict[int, str]:
    """First names, with the @username (or the end of the id) added where two clash."""
    counts = Counter((u.first_name or "").strip().lower() for u in users)
    names = {}
    for u in users:
        name = (u.first_name or "").strip() or f"#{u.id}"
        if counts[(u.first_name or "").strip().lower()] > 1:
            name += f" (@{u.username})" if u.username else f" (#{str(u.id)[-4:]})"
        names[u.id] = name
    return names


def build(data: CohortData, now: datetime) -> CohortReport:
    by_user: dict[int, list[CallSession]] = {}
    for cs in data.sessions:
        by_user.setdefault(cs.user_id, []).append(cs)
    names = display_names([u for u, _ in data.members])
    rows = []
    for user, _membership in data.members:
        sessions = by_user.get(user.id, [])
        cells = [progress(a, sessions, data.overrides, now,
                          data.exceptions.get((a.id or 0, user.id)))
                 for a in data.assignments]
        cell_skills = [_skills([data.skills.get(sid, {}) for sid in c.best_sessions.values()])
                       for c in cells]
        rows.append(LearnerRow(user.id, names[user.id], user.hide_name, cells,
                               _skills(cell_skills), cell_skills))
    skill_means = {skill: round(mean(values), 1) for skill in SKILLS
                   if (values := [r.skills[skill] for r in rows if skill in r.skills])}
    weakest = sorted(skill_means.items(), key=lambda kv: (kv[1], SKILLS.index(kv[0])))[:WEAKEST]
    return CohortReport(data.cohort, data.assignments, rows, weakest, skill_means,
                        {cs.id or 0: cs for cs in data.sessions})


def _skills(results: list[dict[str, float]]) -> dict[str, float]:
    """Per skill the mean over the given attempts that measured it."""
    out = {}
    for skill in SKILLS:
        values = [r[skill] for r in results if skill in r]
        if values:
            out[skill] = round(mean(values), 1)
    return out


def leaderboard(report: CohortReport) -> list[tuple[str | None, int, int]]:
    """(name or None when hidden, passed assignments, ``learner_score``), best first."""
    board = []
    for row in report.rows:
        score = learner_score(row.cells)
        if score is None:
            continue
        passed = sum(1 for c in row.cells if c.status == "passed")
        board.append((None if row.hide_name else row.name, passed, score))
    return sorted(board, key=lambda item: (-item[1], -item[2]))
