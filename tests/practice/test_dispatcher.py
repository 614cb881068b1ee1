"""The dispatcher against a real SQLite file, a fake Telegram and a clock moved by hand."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.practice.dispatcher import Blocked, Dispatcher, RetryLater
from bot.storage import Database
from bot.storage import practice as store
from bot.storage.models import PracticePrompt, User
from tests.practice.conftest import DRILLS, Clock, add_learner

UTC = dt.UTC


def at(zone: str, *args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=ZoneInfo(zone)).astimezone(UTC)


class FakeTelegram:
    """Records deliveries; ``fail`` maps a user id to errors to raise on the next sends."""

    def __init__(self) -> None:
        self.delivered: list[tuple[int, str, dt.datetime]] = []
        self.fail: dict[int, list[Exception]] = {}
        self.calls = 0

    async def send(self, prompt: PracticePrompt) -> int:
        self.calls += 1
        errors = self.fail.get(prompt.user_id)
        if errors:
            raise errors.pop(0)
        self.delivered.append((prompt.user_id, prompt.kind, prompt.due_at))
        return len(self.delivered)


def make(db: Database, clock: Clock, tg: FakeTelegram, **kw) -> Dispatcher:
    return Dispatcher(db, lambda: DRILLS, tg.send, clock=clock, **kw)


def prompts(db: Database, user_id: int | None = None) -> list[PracticePrompt]:
    def q(s):
        query = select(PracticePrompt).order_by(PracticePrompt.due_at)
        if user_id is not None:
            query = query.where(PracticePrompt.user_id == user_id)
        return list(s.exec(query).all())
    return db.call(q)


async def run_days(dispatcher: Dispatcher, clock: Clock, until: dt.datetime,
                   step: dt.timedelta) -> None:
    while clock.now < until:
        clock.advance(seconds=step.total_seconds())
        await dispatcher.sweep()


@pytest.mark.parametrize(("zone", "start", "until"), [
    ("Europe/Amsterdam", (2024, 3, 28), (2024, 4, 2)),   # spring forward, 31 March
    ("Europe/Amsterdam", (2024, 10, 24), (2024, 10, 30)),  # fall back, 27 October
    ("Australia/Sydney", (2024, 4, 4), (2024, 4, 10)),    # fall back, 7 April
    ("Australia/Sydney", (2024, 10, 3), (2024, 10, 9)),   # spring forward, 6 October
])
@pytest.mark.parametrize("time", [dt.time(2, 30), dt.time(9, 0)])
async def test_dst_changes_neither_skip_nor_double_a_prompt(
        db: Database, zone: str, start: tuple, until: tuple, time: dt.time) -> None:
    clock = Clock(at(zone, *start))
    tg = FakeTelegram()
    add_learner(db, 1, clock.now, timezone=zone, practice_time=time.strftime("%H:%M"))
    await run_days(make(db, clock, tg), clock, at(zone, *until), dt.timedelta(minutes=15))
    drills = [due for _, kind, due in tg.delivered if kind == "drill"]
    local_days = [d.astimezone(ZoneInfo(zone)).date() for d in drills]
    first = dt.date(*start)
    expected = [first + dt.timedelta(days=i) for i in range((dt.date(*until) - first).days)]
    assert local_days == expected  # one a day, every day, across the change
    for due in drills:  # and at the learner's wall-clock time (03:00 on a day without 02:30)
        wall = due.astimezone(ZoneInfo(zone)).time()
        assert wall == time or (time == dt.time(2, 30) and wall == dt.time(3, 0))


async def test_restart_in_the_middle_of_a_burst_sends_each_prompt_exactly_once(
        db: Database) -> None:
    clock = Clock(at("Europe/Amsterdam", 2024, 6, 3, 8, 59))
    for uid in range(1, 121):
        add_learner(db, uid, clock.now)
    tg = FakeTelegram()
    first = make(db, clock, tg, workers=4)
    stopping = {"flag": False}
    first.running = lambda: not stopping["flag"]

    async def stop_after(count: int) -> None:
        while len(tg.delivered) < count:
            await asyncio.sleep(0)
        stopping["flag"] = True  # what Application.stop() does to app.running

    clock.advance(minutes=1)
    await asyncio.gather(first.sweep(), stop_after(40))
    assert 40 <= len(tg.delivered) < 120
    states = Counter(p.status for p in prompts(db))
    assert states["sent"] == len(tg.delivered) and states["claimed"] == 120 - len(tg.delivered)

    clock.advance(seconds=30)
    await make(db, clock, tg).sweep()  # a new process, the first sweep after start
    assert sorted(uid for uid, _, _ in tg.delivered) == list(range(1, 121))
    assert Counter(p.status for p in prompts(db)) == {"sent": 120}


async def test_a_send_that_must_wait_is_left_for_the_next_sweep(db: Database) -> None:
    """Waiting out 429s and reconnecting are the send policy's; what it gives up on
    (RetryLater) stays claimed, is not tried again in the same sweep, and goes next time."""
    clock = Clock(at("Europe/Amsterdam", 2024, 6, 3, 8, 59))
    add_learner(db, 1, clock.now)
    add_learner(db, 2, clock.now)
    tg = FakeTelegram()
    tg.fail[1] = [RetryLater(30)]
    dispatcher = make(db, clock, tg, workers=1)
    clock.advance(minutes=1)
    first = await dispatcher.sweep()
    assert (first.sent, first.deferred, tg.calls) == (1, 1, 2)
    assert [p.status for p in prompts(db, 1)] == ["claimed"]
    clock.advance(seconds=30)
    assert (await dispatcher.sweep()).sent == 1
    assert sorted(u for u, _, _ in tg.delivered) == [1, 2]
    assert [(p.status, p.attempts) for p in prompts(db, 1)] == [("sent", 2)]


async def test_403_marks_the_learner_blocked_and_stops_their_prompts(db: Database) -> None:
    clock = Clock(at("Europe/Amsterdam", 2024, 6, 3, 8, 59))
    add_learner(db, 1, clock.now)
    tg = FakeTelegram()
    tg.fail[1] = [Blocked()]
    dispatcher = make(db, clock, tg)
    clock.advance(minutes=1)
    assert (await dispatcher.sweep()).blocked == 1
    assert db.call(lambda s: s.get(User, 1).blocked)
    await run_days(dispatcher, clock, clock.now + dt.timedelta(days=3), dt.timedelta(hours=1))
    assert tg.calls == 1 and [p.status for p in prompts(db, 1)] == ["blocked"]


async def test_a_prompt_that_keeps_failing_is_given_up_after_max_attempts(
        db: Database) -> None:
    clock = Clock(at("Europe/Amsterdam", 2024, 6, 3, 8, 59))
    add_learner(db, 1, clock.now)
    tg = FakeTelegram()
    tg.fail[1] = [RetryLater(None)] * store.MAX_ATTEMPTS
    dispatcher = make(db, clock, tg)
    clock.advance(minutes=1)
    for _ in range(store.MAX_ATTEMPTS - 1):
        assert (await dispatcher.sweep()).deferred == 1
        clock.advance(seconds=30)
    assert (await dispatcher.sweep()).failed == 1
    clock.advance(seconds=30)
    await dispatcher.sweep()
    assert tg.delivered == [] and tg.calls == store.MAX_ATTEMPTS
    assert [(p.status, p.attempts) for p in prompts(db, 1)] == [("failed", store.MAX_ATTEMPTS)]


async def test_pause_and_resume(db: Database) -> None:
    clock = Clock(at("Europe/Amsterdam", 2024, 6, 3, 8, 0))
    add_learner(db, 1, clock.now)
    tg = FakeTelegram()
    dispatcher = make(db, clock, tg)
    db.call(store.update_schedule, 1, clock.now, practice_paused=True)
    assert db.call(lambda s: s.get(User, 1).next_practice_at) is None
    await run_days(dispatcher, clock, at("Europe/Amsterdam", 2024, 6, 5, 12), dt.timedelta(
        minutes=30))
    assert tg.delivered == []
    db.call(store.update_schedule, 1, clock.now, practice_paused=False)  # Wednesday 12:00
    await run_days(dispatcher, clock, at("Europe/Amsterdam", 2024, 6, 6, 12), dt.timedelta(
        minutes=30))
    # Nothing is made up for the paused days; the next one comes on Thursday at 09:00.
    assert [due for _, _, due in tg.delivered] == [at("Europe/Amsterdam", 2024, 6, 6, 9)]


async def test_changing_the_time_while_a_prompt_is_due(db: Database) -> None:
    clock = Clock(at("Europe/Amsterdam", 2024, 6, 3, 8, 0))
    add_learner(db, 1, clock.now)
    tg = FakeTelegram()
    dispatcher = make(db, clock, tg)
    clock.now = at("Europe/Amsterdam", 2024, 6, 3, 9, 0, 10)  # due, not yet swept
    db.call(store.update_schedule, 1, clock.now, practice_time="17:30")
    await dispatcher.sweep()
    assert tg.delivered == []  # moved, not sent at the old time
    await run_days(dispatcher, clock, at("Europe/Amsterdam", 2024, 6, 4, 18), dt.timedelta(
        minutes=10))
    assert [due for _, _, due in tg.delivered] == [at("Europe/Amsterdam", 2024, 6, 3, 17, 30),
                                                   at("Europe/Amsterdam", 2024, 6, 4, 17, 30)]
    # Moving it back to the morning after today's prompt went out: no second one today.
    db.call(store.update_schedule, 1, clock.now, practice_time="19:00")
    await run_days(dispatcher, clock, at("Europe/Amsterdam", 2024, 6, 4, 23), dt.timedelta(
        minutes=10))
    assert len(tg.delivered) == 2


async def test_never_the_same_drill_two_days_in_a_row(db: Database) -> None:
    clock = Clock(at("Europe/Amsterdam", 2024, 6, 3, 8, 0))
    add_learner(db, 1, clock.now)
    await run_days(make(db, clock, FakeTelegram()), clock, at("Europe/Amsterdam", 2024, 6, 10, 8),
                   dt.timedelta(hours=1))
    drills = [p.scenario_id for p in prompts(db, 1) if p.kind == "drill"]
    assert len(drills) == 7 and all(a != b for a, b in pairwise(drills))


async def test_quiet_hours_move_the_prompt_to_their_end(db: Database) -> None:
    clock = Clock(at("Europe/Amsterdam", 2024, 6, 3, 8, 0))
    add_learner(db, 1, clock.now, practice_time="06:30", quiet_start="22:00", quiet_end="07:00")
    tg = FakeTelegram()
    await run_days(make(db, clock, tg), clock, at("Europe/Amsterdam", 2024, 6, 4, 12),
                   dt.timedelta(minutes=10))
    assert [due for _, _, due in tg.delivered] == [at("Europe/Amsterdam", 2024, 6, 4, 7)]
