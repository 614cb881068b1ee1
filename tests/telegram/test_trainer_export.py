"""Through the emulator: a learner sets a student number, works on a set of two drills, the
trainer corrects the score, reads why the attempt scored what it did, and takes the results
away as an Excel workbook and as CSV files (with the transcripts on request)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import openpyxl
from sqlmodel import select

from bot.emulator.user import EmulatedUser
from bot.storage.models import CallSession
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_flows import (
    PASSING_LINES,
    PASSING_OBJECTIONS,
    PASSING_SCORE,
    has_text,
    join,
    make_cohort,
    make_trainer,
    until,
)
from tests.trainers.bot_env import (
    admin_env,  # noqa: F401  (the trainer tests' env)
    )

DRILLS = "drill-objection-price,drill-closed-to-open"
PRICE = "Drill – objection: too expensive"
OPEN = "Drill – from a closed to an open question"




async def _class_with_one_attempt(env: BotEnv) -> tuple[EmulatedUser, int, int]:
    """A trainer, a cohort with a set of two drills, and Lotte de Vries (student number
    set, username lotte_dv) who passed the first drill (PASSING_SCORE), corrected to 85."""
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    learner = env.emulator.user(210, "Lotte", last_name="de Vries", username="lotte_dv",
                                language_code="en")
    await join(learner, code)
    await learner.send("/studentnumber 4711-22")
    assert "Your student number is now 4711-22" in (await learner.next_message())["text"]

    await trainer.send(f"/assign {cohort_id} {DRILLS} +7 pass=60 attempts=2")
    assert "1 of 1 learner was told" in (await trainer.next_message())["text"]
    notice = await learner.next_message()
    await learner.press(notice, buttons(notice)[0])
    detail = await learner.next_message()
    await learner.press(detail, next(b for b in buttons(detail) if b.startswith("as:go:")))
    await learner.next_message()  # the briefing
    assert "/hint" in (await learner.next_message())["text"]
    for line in PASSING_LINES:
        await learner.send(line)
    assert f"{PASSING_SCORE}/100" in (await until(learner, has_text("/100"), limit=10))["text"]

    session_id = await env.db.run(lambda s: s.exec(select(CallSession.id)).one())
    await trainer.send(f"/override {session_id} 85 handled the price objection well")
    assert f"{PASSING_SCORE} → 85" in (await trainer.next_message())["text"]
    return trainer, cohort_id, session_id


async def test_export_offers_a_workbook_and_csv_files_a_trainer_can_hand_in(
        env: BotEnv) -> None:
    trainer, cohort_id, session_id = await _class_with_one_attempt(env)

    await trainer.send(f"/export {cohort_id}")
    offer = await trainer.next_message()
    assert "Excel (.xlsx)" in offer["text"] and "Europe/Amsterdam" in offer["text"]
    assert buttons(offer) == [f"tr:xf:{cohort_id}:0:xlsx", f"tr:xf:{cohort_id}:0:csv",
                              f"tr:xf:{cohort_id}:1:xlsx", f"tr:xf:{cohort_id}:1:csv"]

    await trainer.press(offer, f"tr:xf:{cohort_id}:0:xlsx")
    workbook = await trainer.next_message()
    assert workbook["document"]["file_name"].endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(
        env.emulator.file_bytes(workbook["document"]["file_id"])))
    assert book.sheetnames == ["Results", "Attempts"]
    results = list(book["Results"].iter_rows(values_only=True))
    header, row = results[0], results[1]
    assert row[:4] == ("4711-22", "Lotte de Vries", "lotte_dv", 210)
    assert isinstance(row[header.index("Due (Europe/Amsterdam)")], datetime)
    assert row[header.index(PRICE)] == 85  # one column per drill of the set
    assert row[header.index(OPEN)] is None
    assert row[header.index("Status")] == "in progress"
    log = list(book["Attempts"].iter_rows(values_only=True))
    entry = dict(zip(log[0], log[1], strict=True))
    assert entry["Original score"] == PASSING_SCORE and entry["Score"] == 85
    assert entry["Reason"] == "handled the price objection well"
    assert entry["Corrected by"] == "Tineke" and entry["Attempt id"] == session_id
    assert isinstance(entry["Corrected at (Europe/Amsterdam)"], datetime)

    await trainer.press(offer, f"tr:xf:{cohort_id}:1:csv")
    files = [await trainer.next_message() for _ in range(3)]
    names = [f["document"]["file_name"] for f in files]
    assert [n.rsplit("-", 1)[-1] for n in names] == ["results.csv", "attempts.csv",
                                                     "transcripts.csv"]
    tables = [list(csv.reader(io.StringIO(
        env.emulator.file_bytes(f["document"]["file_id"]).decode("utf-8-sig"), newline="")))
        for f in files]
    assert tables[0][1][:4] == ["4711-22", "Lotte de Vries", "lotte_dv", "210"]
    assert tables[1][1][tables[1][0].index("Reason")] == "handled the price objection well"
    said = [r[tables[2][0].index("Learner")] for r in tables[2][1:]]
    assert said == PASSING_LINES

    await trainer.press(offer, f"tr:xf:{cohort_id}:1:xlsx")
    full = await trainer.next_message()
    assert "attempt log (1 attempt), transcripts (3 turns)" in full["caption"]
    book = openpyxl.load_workbook(io.BytesIO(env.emulator.file_bytes(full["document"]["file_id"])))
    turns = list(book["Transcripts"].iter_rows(values_only=True))
    assert [r[turns[0].index("Learner")] for r in turns[1:]] == PASSING_LINES


async def test_the_attempt_view_shows_why_the_score_is_what_it_is(env: BotEnv) -> None:
    trainer, _cohort_id, session_id = await _class_with_one_attempt(env)
    # the learner's results in the report lead to the attempt view
    await trainer.send("/report")
    report = await trainer.next_message()
    await trainer.press(report, next(b for b in buttons(report) if b.startswith("tr:m:")))
    members = await trainer.next_message()
    await trainer.press(members, next(b for b in buttons(members) if b.startswith("tr:l:")))
    detail = await trainer.next_message()
    await trainer.press(detail, f"tr:t:{session_id}")
    view = (await trainer.next_message())["text"]
    assert f"Score: {PASSING_SCORE}" in view and "Overridden to 85" in view
    assert "Scores per part" in view and f"Objection handling: {PASSING_OBJECTIONS}" in view
    assert "Call objectives" in view
    assert "✓ Acknowledge his concern" in view and "✓ Check that the concern is gone" in view
    assert "✗ Give a benefit tied to less downtime on his line" in view
    assert "Tips the learner got" in view
    assert view.index("Scores per part") < view.index("The call") < view.index(PASSING_LINES[0])


async def test_a_learner_sets_and_removes_the_student_number_in_settings(env: BotEnv) -> None:
    learner = env.emulator.user(211, "Sem", language_code="nl")
    await learner.send("/settings")
    panel = await learner.next_message()
    assert "set:sn" in buttons(panel) and "Studentnummer" not in panel["text"]
    await learner.press(panel, "set:sn")
    assert "Je studentnummer (nu: –)" in (await learner.next_message())["text"]
    await learner.send("=HYPERLINK(x)")
    assert "kan ik niet als studentnummer gebruiken" in (await learner.next_message())["text"]
    await learner.send("NL-2025/17")
    assert "Je studentnummer is nu NL-2025/17" in (await learner.next_message())["text"]
    assert "Studentnummer: NL-2025/17" in (await learner.next_message())["text"]
    await learner.send("/mydata")
    copy = await learner.next_message()
    stored = json.loads(env.emulator.file_bytes(copy["document"]["file_id"]))
    assert stored["user"]["student_number"] == "NL-2025/17"
    await learner.send("/studentnumber -")
    assert "verwijderd" in (await learner.next_message())["text"]
    await learner.send("/settings")
    assert "Studentnummer" not in (await learner.next_message())["text"]
