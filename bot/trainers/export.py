"""A cohort's results as tables a trainer can hand in: the results (one row per learner per
assignment, one column per drill of a drill set and per skill), the attempt log (every
counted attempt with its original score, the trainer's correction and the reason, and
when the trainer reviewed it with how many comments) and, on
request, the transcripts. ``bot.trainers.spreadsheet`` writes them as CSV or .xlsx.

Learners are named in full (first and last name as Telegram has them), with their
Telegram username (without the @, which a spreadsheet would read as a formula) and the
student number they set themselves (``/studentnumber``): schools hand grades in by
student number. Moments are datetimes in the *trainer's* time zone (the column header
names it); the writers turn them into date cells.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from bot.i18n import t
from bot.storage import cohorts as cq
from bot.storage import reviews as rv
from bot.storage.models import Assignment, ScoreOverride, Turn, User
from bot.trainers import cohort_report as rep
from bot.trainers import identity
from bot.trainers.dates import local
from bot.trainers.progress import Progress

Cell = str | int | datetime | None
SEPARATORS = {"nl": ";", "en": ","}


def separator(lang: str) -> str:
    """Dutch Excel expects ``;`` (the comma is its decimal separator), English ``,``."""
    return SEPARATORS.get(lang, ",")


@dataclass
class Table:
    key: str  # results, attempts, transcripts: names the sheet and the CSV file
    title: str  # the sheet's name in the trainer's language
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class ExportData:
    """What an export reads, in one transaction: the report and what it leaves out."""

    report: rep.CohortReport
    users: dict[int, User]
    overrides: dict[int, list[tuple[ScoreOverride, str]]]  # session id → (change, author)
    turns: dict[int, list[Turn]] = field(default_factory=dict)  # session id → its turns
    with_transcripts: bool = False
    reviewed: dict[int, datetime] = field(default_factory=dict)  # session id → when
    comments: dict[int, int] = field(default_factory=dict)  # session id → review comments


def gather(s: Session, trainer_id: int, cohort_id: int, now: datetime,
           transcripts: bool = False) -> ExportData | None:
    """The trainer's own cohort, ready to export (None: not theirs or no such cohort)."""
    cohort = cq.own_cohort(s, trainer_id, cohort_id)
    if cohort is None:
        return None
    data = cq.cohort_data(s, cohort)
    report = rep.build(data, now)
    counted = [a.session_id for row in report.rows for c in row.cells for a in c.counted]
    reviewed = rv.reviewed(s, trainer_id, counted)
    report.reviewed = set(reviewed)
    return ExportData(report, {u.id: u for u, _ in data.members},
                      dict(cq.override_log(s, trainer_id, counted)),
                      dict(cq.turns_of(s, counted)) if transcripts else {}, transcripts,
                      reviewed, rv.comment_counts(s, trainer_id, counted))


def tables(data: ExportData, lang: str, title: Callable[[str], str], tz: str
           ) -> list[Table]:
    out = [results(data, lang, title, tz), attempts(data, lang, title, tz)]
    if data.with_transcripts:
        out.append(transcripts(data, lang, title, tz))
    return out


def _who(lang: str) -> list[str]:
    return [t(lang, f"trainer.csv.{c}") for c in
            ("student_number", "name", "username", "learner_id")]


def _person(user: User | None, user_id: int) -> list[Cell]:
    if user is None:
        return ["", f"#{user_id}", "", user_id]
    return [user.student_number or "", identity.full_name(user), user.username or "", user.id]


def _when(lang: str, key: str, tz: str) -> str:
    return t(lang, f"trainer.csv.{key}", tz=tz)


def _moment(value: datetime | None, tz: str) -> datetime | None:
    """Local wall-clock time to the minute, without a zone: what a date cell holds."""
    if value is None:
        return None
    return local(value, tz).replace(tzinfo=None, second=0, microsecond=0)


def drill_columns(assignments: list[Assignment]) -> list[str]:
    """Every scenario that is part of a set of drills, each once, in assignment order."""
    seen: dict[str, None] = {}
    for a in assignments:
        if len(a.scenario_ids) > 1:
            seen.update(dict.fromkeys(a.scenario_ids))
    return list(seen)


def per_drill(cell: Progress, scenario_id: str) -> int | None:
    """The best counted score (after corrections) at one drill of a set."""
    scores = [a.score for a in cell.counted if a.scenario_id == scenario_id]
    return max(scores) if scores else None


def results(data: ExportData, lang: str, title: Callable[[str], str], tz: str) -> Table:
    report = data.report
    drills = drill_columns(report.assignments)
    header = [
        *_who(lang),
        t(lang, "trainer.csv.assignment"), t(lang, "trainer.csv.scenarios"),
        _when(lang, "due", tz), t(lang, "trainer.csv.pass_mark"),
        t(lang, "trainer.csv.max_attempts"), t(lang, "trainer.csv.status"),
        t(lang, "trainer.csv.best_score"), t(lang, "trainer.csv.attempts"),
        t(lang, "trainer.csv.overridden"), t(lang, "trainer.csv.late"),
        _when(lang, "last_attempt", tz),
        *(title(sid) for sid in drills), *(t(lang, f"card.sections.{s}") for s in rep.SKILLS),
    ]
    table = Table("results", t(lang, "trainer.csv.sheet_results"), header)
    yes, no = t(lang, "trainer.csv.yes"), t(lang, "trainer.csv.no")
    for row in report.rows:
        person = _person(data.users.get(row.user_id), row.user_id)
        for index, assignment in enumerate(report.assignments):
            cell, skills = row.cells[index], row.cell_skills[index]
            last = max((a.ended_at for a in cell.counted if a.ended_at), default=None)
            table.rows.append([
                *person, f"A{assignment.label}",
                " + ".join(title(sid) for sid in assignment.scenario_ids),
                _moment(cell.due_at or assignment.due_at, tz), assignment.pass_mark,
                cell.max_attempts or assignment.max_attempts,
                t(lang, f"trainer.status.{cell.status}"), cell.best, cell.attempts,
                yes if cell.overridden else no, yes if cell.late else no, _moment(last, tz),
                *(per_drill(cell, sid) if sid in assignment.scenario_ids else None
                  for sid in drills),
                *(round(skills[s]) if s in skills else None for s in rep.SKILLS),
            ])
    return table


def attempts(data: ExportData, lang: str, title: Callable[[str], str], tz: str) -> Table:
    """Every attempt that counts, with the score the engine gave, the trainer's current
    correction (who, when, why) and how many corrections came before it."""
    header = [
        *_who(lang),
        t(lang, "trainer.csv.assignment"), t(lang, "trainer.csv.scenario"),
        t(lang, "trainer.csv.attempt"), _when(lang, "started", tz), _when(lang, "ended", tz),
        t(lang, "trainer.csv.original_score"), t(lang, "trainer.csv.score"),
        t(lang, "trainer.csv.override_by"), _when(lang, "override_at", tz),
        t(lang, "trainer.csv.override_reason"), t(lang, "trainer.csv.earlier_changes"),
        t(lang, "trainer.csv.attempt_id"), _when(lang, "reviewed", tz),
        t(lang, "trainer.csv.review_comments"),
    ]
    table = Table("attempts", t(lang, "trainer.csv.sheet_attempts"), header)
    report = data.report
    for row in report.rows:
        person = _person(data.users.get(row.user_id), row.user_id)
        for index, cell in enumerate(row.cells):
            for a in cell.counted:
                cs = report.sessions.get(a.session_id)
                history = data.overrides.get(a.session_id, [])
                current, author = history[-1] if history else (None, "")
                at, reason = (current.at, current.reason) if current else (None, "")
                table.rows.append([
                    *person, f"A{report.assignments[index].label}", title(a.scenario_id),
                    a.number, _moment(cs.started_at if cs else None, tz), _moment(a.ended_at, tz),
                    a.original, a.score, author, _moment(at, tz), reason,
                    max(0, len(history) - 1), a.session_id,
                    _moment(data.reviewed.get(a.session_id), tz),
                    data.comments.get(a.session_id, 0),
                ])
    return table


def transcripts(data: ExportData, lang: str, title: Callable[[str], str], tz: str) -> Table:
    """One row per turn of every counted attempt: what the learner wrote, what the buyer
    answered."""
    header = [
        *_who(lang),
        t(lang, "trainer.csv.assignment"), t(lang, "trainer.csv.scenario"),
        t(lang, "trainer.csv.attempt"), t(lang, "trainer.csv.turn"), _when(lang, "at", tz),
        t(lang, "trainer.csv.learner_said"), t(lang, "trainer.csv.buyer_said"),
    ]
    table = Table("transcripts", t(lang, "trainer.csv.sheet_transcripts"), header)
    for row in data.report.rows:
        person = _person(data.users.get(row.user_id), row.user_id)
        for index, cell in enumerate(row.cells):
            for a in cell.counted:
                for turn in data.turns.get(a.session_id, []):
                    table.rows.append([
                        *person, f"A{data.report.assignments[index].label}",
                        title(a.scenario_id), a.number, turn.number,
                        _moment(turn.created_at, tz), turn.learner, turn.buyer,
                    ])
    return table
