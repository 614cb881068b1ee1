"""The scenarios a running bot offers, compiled once and shared by every learner."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from bot.engine.compiled import CompiledScenario
from bot.scenario.library import load_library
from bot.scenario.model import Scenario

log = logging.getLogger(__name__)
KIND_ORDER = ("first_visit", "spin", "objection", "closing", "drill")


class Catalog:
    """Scenario lookup by id and by kind; bad files are logged and left out, never fatal."""

    def __init__(self, scenarios: Iterable[Scenario]) -> None:
        self.scenarios = {s.id: s for s in scenarios}
        self._compiled: dict[str, CompiledScenario] = {}

    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = ()) -> Catalog:
        result = load_library(extra_dirs)
        for problem in result.problems:
            log.warning("scenario skipped: %s", problem)
        return cls(result.scenarios.values())

    def get(self, scenario_id: str) -> Scenario | None:
        return self.scenarios.get(scenario_id)

    def compiled(self, scenario_id: str) -> CompiledScenario:
        cs = self._compiled.get(scenario_id)
        if cs is None:
            cs = self._compiled[scenario_id] = CompiledScenario(self.scenarios[scenario_id])
        return cs

    def kinds(self) -> list[str]:
        present = {s.kind for s in self.scenarios.values()}
        return [k for k in KIND_ORDER if k in present]

    def of_kind(self, kind: str, lang: str | None = None) -> list[Scenario]:
        """Scenarios of one kind, easiest first; those in ``lang`` before the others."""
        found = [s for s in self.scenarios.values() if s.kind == kind]
        return sorted(found, key=lambda s: (lang is not None and lang not in s.languages,
                                            s.level, s.minutes, s.id))

    @staticmethod
    def language_for(scenario: Scenario, preferred: str) -> str:
        return preferred if preferred in scenario.languages else scenario.languages[0]
