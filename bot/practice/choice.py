"""Which drill a learner gets today.

Priority, highest first:

1. ``assignment`` - an open teacher assignment due within 48 h (soonest first, overdue ones
   included: the caller passes only assignments that are still open);
2. ``review`` - a drill the learner failed and that spaced repetition says is due again;
3. ``weakest`` / ``new`` - a drill for the learner's weakest skill. Skills never practised
   rank below every practised one, so a new learner is walked through all skills before
   any is repeated; such a pick is reported as ``new``;
4. ``new`` - any drill at all (a catalogue whose drills carry no skills).

Variety: the drill sent yesterday and the drill attempted last are avoided whenever any
other candidate exists anywhere in the priority list (a review is dropped in favour of a
weakest-skill drill rather than repeated). Assignments are the exception: an open
assignment inside its 48 h window is sent again even if it went out yesterday when it is
the only assignment in the window - the deadline matters more than variety, and a second
nudge is the point. With several assignments in the window, yesterday's goes to the back.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from bot.scenario.model import Scenario

ASSIGNMENT_WINDOW = dt.timedelta(hours=48)
#: Days until a failed drill is due again, after the 1st, 2nd, 3rd, 4th+ failure in a row.
REVIEW_INTERVALS_DAYS: tuple[int, ...] = (1, 3, 7, 14)

ChoiceKind = Literal["assignment", "review", "weakest", "new"]


@dataclass(frozen=True)
class Attempt:
    drill_id: str
    at: dt.datetime
    score: int
    passed: bool


@dataclass(frozen=True)
class DrillInfo:
    id: str
    skills: frozenset[str]
    level: int = 1


@dataclass(frozen=True)
class OpenAssignment:
    scenario_id: str
    due: dt.datetime


AssignmentsFor = Callable[[Any, int, dt.datetime], Iterable[OpenAssignment]]
"""``(session, user_id, now)`` -> a learner's open assignments; the session is the
storage's, opaque here."""


@dataclass(frozen=True)
class Choice:
    kind: ChoiceKind
    scenario_id: str
    skill: str | None
    reason_key: str


def _choice(kind: ChoiceKind, scenario_id: str, skill: str | None) -> Choice:
    return Choice(kind, scenario_id, skill, f"practice.reason.{kind}")


# --- skill levels ---------------------------------------------------------------------------


def skill_levels(
    attempts: Iterable[Attempt],
    drill_skills: Mapping[str, frozenset[str]],
    now: dt.datetime,
    half_life_days: float = 14,
    extra: Sequence[tuple[str, dt.datetime, float]] = (),
) -> dict[str, float]:
    """Recency-weighted mean score (0-100) per skill; skills never scored are absent.

    Weights halve every ``half_life_days`` so a learner who has improved is not held back by
    old failures, while a single recent lucky score does not erase a long record either.
    ``extra`` carries per-skill section scores from full calls as (skill, when, score).
    """
    if half_life_days <= 0:
        raise ValueError("half_life_days must be positive")
    totals: dict[str, float] = defaultdict(float)
    weights: dict[str, float] = defaultdict(float)

    def add(skill: str, when: dt.datetime, score: float) -> None:
        age_days = max((now - when).total_seconds(), 0.0) / 86400
        weight = 0.5 ** (age_days / half_life_days)
        totals[skill] += weight * min(max(float(score), 0.0), 100.0)
        weights[skill] += weight

    for attempt in attempts:
        for skill in drill_skills.get(attempt.drill_id, ()):
            add(skill, attempt.at, attempt.score)
    for skill, when, score in extra:
        add(skill, when, score)
    return {skill: totals[skill] / weights[skill] for skill in totals if weights[skill] > 0}


# --- spaced repetition ----------------------------------------------------------------------


def _review_interval(failures_in_a_row: int) -> dt.timedelta:
    index = min(failures_in_a_row, len(REVIEW_INTERVALS_DAYS)) - 1
    return dt.timedelta(days=REVIEW_INTERVALS_DAYS[index])


def _review_due_at(attempts: Iterable[Attempt]) -> dict[str, dt.datetime]:
    """When each drill currently in review comes up again; passed drills are absent."""
    by_drill: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        by_drill[attempt.drill_id].append(attempt)
    due: dict[str, dt.datetime] = {}
    for drill_id, history in by_drill.items():
        history.sort(key=lambda a: a.at)
        failures = 0
        for attempt in reversed(history):
            if attempt.passed:
                break
            failures += 1
        if failures:
            due[drill_id] = history[-1].at + _review_interval(failures)
    return due


def review_due(attempts: Iterable[Attempt], now: dt.datetime) -> list[str]:
    """Drill ids due for review at ``now``, most overdue first.

    Each failure in a row pushes the next review further out (1, 3, 7, 14 days after the
    latest failure): a learner who keeps failing is not nagged daily with the same drill,
    but it never drops out of review until it is passed.
    """
    due = _review_due_at(attempts)
    ready = [(at, drill_id) for drill_id, at in due.items() if at <= now]
    return [drill_id for _, drill_id in sorted(ready)]


# --- the choice -----------------------------------------------------------------------------


def _last_attempted(attempts: Sequence[Attempt]) -> str | None:
    if not attempts:
        return None
    return max(attempts, key=lambda a: (a.at, a.drill_id)).drill_id


def _pick_assignment(
    assignments: Sequence[OpenAssignment], now: dt.datetime, avoid: frozenset[str]
) -> Choice | None:
    window = sorted(
        (a for a in assignments if a.due - now <= ASSIGNMENT_WINDOW),
        key=lambda a: (a.due, a.scenario_id),
    )
    if not window:
        return None
    fresh = [a for a in window if a.scenario_id not in avoid]
    return _choice("assignment", (fresh or window)[0].scenario_id, None)


def _drill_skill(drill: DrillInfo, levels: Mapping[str, float]) -> str | None:
    """The drill skill the learner is weakest at, to name in the reason text."""
    if not drill.skills:
        return None
    return min(drill.skills, key=lambda s: (s in levels, levels.get(s, 0.0), s))


def drill_skill(drill: DrillInfo, levels: Mapping[str, float]) -> str | None:
    """Public name of the rule above: which skill a prompt says the drill trains."""
    return _drill_skill(drill, levels)


SECTION_SKILLS = ("internal", "external", "questions", "objections", "closing")


def drill_infos(drills: Iterable[Scenario]) -> list[DrillInfo]:
    """The drills with the skills they train: the scored sections of their weights.

    Almost every drill also scores "external" (stating the call's objective) as framing;
    where a drill scores a more specific skill too, only that one counts, or every drill
    would be an "external" drill and the weakest-skill choice would have nothing to steer.
    """
    infos = []
    for scenario in drills:
        weights = scenario.scoring.weights
        skills = {s for s in SECTION_SKILLS if getattr(weights, s) > 0}
        if len(skills) > 1:
            skills.discard("external")
        infos.append(DrillInfo(scenario.id, frozenset(skills), scenario.level))
    return infos


def prompt_skill(drill_id: str, drills: Sequence[DrillInfo], attempts: Iterable[Attempt],
                 now: dt.datetime) -> str | None:
    """The skill a daily prompt says its drill trains: the drill's skill this learner is
    weakest at (None for a drill that is no longer in the catalogue)."""
    info = next((d for d in drills if d.id == drill_id), None)
    levels = skill_levels(attempts, {d.id: d.skills for d in drills}, now)
    return drill_skill(info, levels) if info else None


def _target_level(skill_level: float | None) -> int:
    """Drill difficulty (1-3) that suits a skill level: start easy, step up as scores rise."""
    if skill_level is None or skill_level < 50:
        return 1
    return 2 if skill_level < 75 else 3


def _tied(candidates: Sequence[DrillInfo], counts: Counter[str], target: int
          ) -> list[DrillInfo]:
    key = {d.id: (counts[d.id], abs(d.level - target)) for d in candidates}
    best = min(key.values())
    return sorted((d for d in candidates if key[d.id] == best), key=lambda d: d.id)


class DrillSet:
    """A catalogue's drills with what every choice derives from them, derived once.

    Planning a busy minute chooses for tens of thousands of learners from the same drills;
    rebuilding the skill lists per learner was most of the cost. ``choose`` follows exactly
    the rules and random draws of ``choose_drill`` (which is ``DrillSet(drills).choose``).
    """

    def __init__(self, drills: Iterable[DrillInfo]) -> None:
        self.drills: tuple[DrillInfo, ...] = tuple(drills)
        self.by_id = {d.id: d for d in self.drills}
        self.drill_skills = {d.id: d.skills for d in self.drills}
        self.skills = sorted({s for d in self.drills for s in d.skills})
        self.with_skill = {s: [d for d in self.drills if s in d.skills] for s in self.skills}
        self._without: dict[frozenset[str], DrillSet] = {}
        self._fresh_ties: dict[tuple[str | None, int], list[DrillInfo]] = {}

    def without(self, avoid: frozenset[str]) -> DrillSet:
        """The drills not in ``avoid`` (kept: learners avoid the same few drills)."""
        if not avoid & self.by_id.keys():
            return self
        if avoid not in self._without:
            if len(self._without) > 256:
                self._without.clear()
            self._without[avoid] = DrillSet(d for d in self.drills if d.id not in avoid)
        return self._without[avoid]

    def best(self, skill: str | None, candidates: Sequence[DrillInfo], counts: Counter[str],
             skill_level: float | None, rng: random.Random) -> DrillInfo:
        """``_best_drill``; the ties of a learner without attempts are kept per skill."""
        target = _target_level(skill_level)
        if counts:
            return rng.choice(_tied(candidates, counts, target))
        if (skill, target) not in self._fresh_ties:
            self._fresh_ties[skill, target] = _tied(candidates, counts, target)
        return rng.choice(self._fresh_ties[skill, target])

    def pick_weakest(self, levels: Mapping[str, float], counts: Counter[str],
                     rng: random.Random) -> Choice | None:
        skills = list(self.skills)
        # Shuffle before the stable sort so equal levels (e.g. all unpractised) come in
        # random order.
        rng.shuffle(skills)
        skills.sort(key=lambda s: (s in levels, levels.get(s, 0.0)))
        for skill in skills:
            candidates = self.with_skill[skill]
            if candidates:
                drill = self.best(skill, candidates, counts, levels.get(skill), rng)
                return _choice("weakest" if skill in levels else "new", drill.id, skill)
        return None

    def pick(self, attempts: Sequence[Attempt], now: dt.datetime,
             levels: Mapping[str, float], rng: random.Random) -> Choice | None:
        for drill_id in review_due(attempts, now) if attempts else ():
            if drill_id in self.by_id:
                return _choice("review", drill_id, _drill_skill(self.by_id[drill_id], levels))
        counts = Counter(a.drill_id for a in attempts)
        weakest = self.pick_weakest(levels, counts, rng)
        if weakest or not self.drills:
            return weakest
        drill = self.best(None, self.drills, counts, None, rng)
        return _choice("new", drill.id, _drill_skill(drill, levels))

    def choose(
        self,
        attempts: Sequence[Attempt],
        now: dt.datetime,
        *,
        assignments: Sequence[OpenAssignment] = (),
        yesterday: str | None = None,
        rng: random.Random | None = None,
    ) -> Choice:
        """See ``choose_drill``."""
        rng = rng or random.Random()
        attempts = list(attempts)
        avoid = frozenset(x for x in (yesterday, _last_attempted(attempts)) if x is not None)
        assignment = _pick_assignment(assignments, now, avoid) if assignments else None
        if assignment:
            return assignment
        levels = skill_levels(attempts, self.drill_skills, now) if attempts else {}
        choice = self.without(avoid).pick(attempts, now, levels, rng) or self.pick(
            attempts, now, levels, rng
        )
        if choice is None:
            raise ValueError("no drills and no open assignments to choose from")
        return choice


def choose_drill(
    drills: Sequence[DrillInfo] | DrillSet,
    attempts: Sequence[Attempt],
    now: dt.datetime,
    *,
    assignments: Sequence[OpenAssignment] = (),
    yesterday: str | None = None,
    rng: random.Random | None = None,
) -> Choice:
    """Today's drill for one learner (see the module docstring for the rules).

    Deterministic for a seeded ``rng``; without one, ties are broken by fresh randomness.
    Raises ValueError when there is neither an assignment nor a drill to offer. Pass a
    ``DrillSet`` when choosing for many learners from the same drills.
    """
    drill_set = drills if isinstance(drills, DrillSet) else DrillSet(drills)
    return drill_set.choose(attempts, now, assignments=assignments, yesterday=yesterday,
                            rng=rng)
