"""How long /report and /export take for a full class. Prints JSON.

A cohort of 30 learners with 10 assignments (two of them drill sets), each learner with
one to three scored attempts per scenario, per-skill results and a few overrides, in a
SQLite file (WAL, as the bot runs it). Timed: everything the handlers do apart from
Telegram itself: reading the cohort (``cohort_data``), building the report, rendering the
/report HTML and the export (CSV files or the .xlsx workbook, transcripts included).
Median and max over ``--runs`` runs after one warm-up.

Measured on the development machine: 2 cores, shared with other work, Python 3.11.

    .venv/bin/python benchmarks/trainer_reports.py [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import Session, select

from bot.storage import Database
from bot.storage import cohorts as cq
from bot.storage.models import (
    Assignment,
    CallSession,
    Cohort,
    Membership,
    ScoreOverride,
    SkillResult,
    User,
    utcnow,
)
from bot.trainers import cohort_report as rep
from bot.trainers import export, spreadsheet, views

LEARNERS, ASSIGNMENTS = 30, 10
SCENARIOS = ["first-visit-cleaning", "spin-printing-urgency", "objection-software-renewal",
             "closing-catering-followup", "drill-objection-price", "drill-closed-to-open",
             "drill-objection-no-time", "drill-closing-next-step", "drill-forecast",
             "drill-external-objective", "drill-objection-brochure", "drill-closing-order"]


def seed(s: Session, learners: int = LEARNERS, assignments: int = ASSIGNMENTS,
         seed_value: int = 7) -> int:
    """A trainer, a cohort with ``learners`` members and ``assignments`` assignments with
    attempts; returns the cohort id. Names include accents, a comma, a quote and a
    formula-like start, the things that break naive CSV."""
    rnd = random.Random(seed_value)
    now = utcnow()
    s.add(User(id=1, first_name="Trainer", role="trainer"))
    s.flush()
    cohort = Cohort(trainer_id=1, name="Sales A", join_code="x" * 22)
    s.add(cohort)
    s.flush()
    odd = ['Zoë', 'Jan, de Vries', 'Anne "AJ"', '=SUM(A1)', 'Ömer']
    for i in range(learners):
        name = odd[i] if i < len(odd) else f"Learner {i}"
        s.add(User(id=1000 + i, first_name=name))
    s.flush()
    for i in range(learners):
        s.add(Membership(cohort_id=cohort.id, user_id=1000 + i))
    made = []
    for j in range(assignments):
        ids = [SCENARIOS[j % len(SCENARIOS)]]
        if j in (3, 7):
            ids = SCENARIOS[4:7]
        a = Assignment(cohort_id=cohort.id, scenario_ids=ids, due_at=now + timedelta(days=j - 3),
                       pass_mark=60, max_attempts=3, created_at=now - timedelta(days=30))
        s.add(a)
        made.append(a)
    s.flush()
    for i in range(learners):
        for a in made:
            if rnd.random() < 0.15:
                continue  # not started
            for sid in a.scenario_ids:
                for _ in range(rnd.randint(1, 3)):
                    started = now - timedelta(days=rnd.randint(1, 20))
                    cs = CallSession(user_id=1000 + i, scenario_id=sid, language="nl",
                                     phase="ended", source="assignment", assignment_id=a.id,
                                     started_at=started, ended_at=started + timedelta(minutes=9),
                                     score=rnd.randint(20, 100), report={"feedback": ["tip"]})
                    s.add(cs)
                    s.flush()
                    for skill in rep.SKILLS:
                        s.add(SkillResult(user_id=1000 + i, session_id=cs.id, skill=skill,
                                          score=rnd.randint(0, 100), at=cs.ended_at))
                    if rnd.random() < 0.03:
                        s.add(ScoreOverride(session_id=cs.id, trainer_id=1, score=70,
                                            reason="checked the transcript"))
    s.flush()
    return cohort.id or 0


def _report(db: Database, cohort_id: int) -> rep.CohortReport:
    cohort = db.call(cq.own_cohort, 1, cohort_id)
    return rep.build(db.call(cq.cohort_data, cohort), utcnow())


def time_report(db: Database, cohort_id: int) -> int:
    report = _report(db, cohort_id)
    return len(views.report_text("nl", report, str, "Europe/Amsterdam"))


def time_export(db: Database, cohort_id: int, fmt: str) -> int:
    """Reading (with transcripts), building the tables and writing CSV files or .xlsx."""
    data = db.call(export.gather, 1, cohort_id, utcnow(), True)
    tables = export.tables(data, "nl", str, "Europe/Amsterdam")
    if fmt == "xlsx":
        return len(spreadsheet.to_xlsx(tables, "nl"))
    return sum(len(spreadsheet.to_csv(t, "nl")) for t in tables)


def measure(fn, runs: int) -> dict[str, float]:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/bench.db")
        db.migrate()
        cohort_id = db.call(seed)
        sessions = db.call(lambda s: len(s.exec(select(CallSession)).all()))
        result = {
            "machine": f"2 cores, shared; {platform.python_implementation()} "
                       f"{platform.python_version()}",
            "learners": LEARNERS, "assignments": ASSIGNMENTS, "attempts": sessions,
            "report": measure(lambda: time_report(db, cohort_id), args.runs),
            "export_csv": measure(lambda: time_export(db, cohort_id, "csv"), args.runs),
            "export_xlsx": measure(lambda: time_export(db, cohort_id, "xlsx"), args.runs),
            "budget_ms": 1000,
        }
        db.close()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
