"""One scenario as the buyer plays it: the compiled scenario and what her answers
work out once per scenario (names, contact facts, the stems of her own lines)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.compiled import CompiledScenario
from bot.scenario.model import Scenario


@dataclass
class ScenarioContext:
    """Shared by every call of one engine; holds no per-session data."""

    cs: CompiledScenario
    names: dict[str, frozenset[str]] = field(default_factory=dict)
    contact_facts: dict[str, bool] = field(default_factory=dict)  # fact id -> gives contact details
    content: dict[tuple[str, str, str], frozenset[str]] = field(default_factory=dict)

    @property
    def scenario(self) -> Scenario:
        return self.cs.scenario
