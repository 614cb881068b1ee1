"""Why an attempt scored what it did, for the trainer's attempt view: per objective whether
the learner asked for it and whether the buyer told them, the score of every part, and
the tips and hints the learner got.

Read from what was stored when the call ended (the session's JSON report, whose keys
``contract.md`` fixes) and the scenario's own labels; nothing is scored again, so the
view shows exactly what the learner was shown. "Asked" is the report's objective tick
(the learner worked towards it), "learned" is the visit report (the buyer gave the
answer): a learner can ask for the price and be refused it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.scenario.model import Scenario
from bot.scenario.text import localized

GROUPS = ("internal", "external")


@dataclass
class Item:
    id: str
    label: str
    asked: bool
    learned: bool | None  # None: nothing to learn (no fact answers it)


@dataclass
class Breakdown:
    stored: bool  # False: no report was kept (an abandoned or very old attempt)
    internal: list[Item] = field(default_factory=list)
    external: list[Item] = field(default_factory=list)
    sections: list[tuple[str, int]] = field(default_factory=list)  # parts that counted
    tips: list[str] = field(default_factory=list)
    hints: int = 0


def breakdown(report: dict[str, Any] | None, scenario: Scenario | None, lang: str,
              hints: object = 0) -> Breakdown:
    """``lang``: the trainer's language for the labels when the scenario has it."""
    if not report:
        return Breakdown(stored=False)
    out = Breakdown(stored=True, hints=hints if isinstance(hints, int) else 0)
    objectives = report.get("objectives") or {}
    learned = set(((report.get("visit_report") or {}).get("learned") or {}).keys())
    labels, answerable = _scenario_facts(scenario, lang, report.get("language") or lang)
    for group in GROUPS:
        for oid, asked in (objectives.get(group) or {}).items():
            item = Item(oid, labels.get(oid, oid), bool(asked),
                        (oid in learned) if oid in answerable else None)
            getattr(out, group).append(item)
    out.sections = [(name, round(value)) for name, value in (report.get("sections") or {}).items()
                    if isinstance(value, int | float)]
    out.tips = [str(tip) for tip in report.get("feedback") or []]
    return out


def _scenario_facts(scenario: Scenario | None, lang: str, fallback: str
                    ) -> tuple[dict[str, str], set[str]]:
    """Objective labels, and the internal objectives a fact answers (only those can be
    "learned")."""
    if scenario is None:
        return {}, set()
    langs = scenario.languages
    pick = lang if lang in langs else fallback if fallback in langs else langs[0]
    objectives = [*scenario.objectives.internal, *scenario.objectives.external]
    labels = {o.id: str(localized(o.label, pick, langs)) for o in objectives}
    internal = {o.id for o in scenario.objectives.internal}
    answerable = {f.objective for f in scenario.facts if f.objective in internal}
    return labels, {a for a in answerable if a}
