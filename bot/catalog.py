"""The scenarios a running bot offers, compiled once and shared by every learner."""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from bot.engine.compiled import CompiledScenario
from bot.scenario.library import load_library
from bot.scenario.model import Scenario

log = logging.getLogger(__name__)
KIND_ORDER = ("first_visit", "spin", "objection", "closing", "drill")


class Catalog:
    """Scenario lookup by id and by kind; bad files are logged and left out, never fatal.

    Trainers' uploaded scenarios live here too (``add``), each with its owner: they are
    private to the owner and the owner's cohorts until an admin publishes them. A lookup
    given an ``audience`` (the user ids whose private scenarios the viewer may see: the
    viewer and the trainers of their cohorts) applies that; without one, ``get`` finds any
    scenario by id (running attempts and links must keep working) while ``of_kind``, which
    lists, shows only public scenarios.
    """

    def __init__(self, scenarios: Iterable[Scenario],
                 sources: Mapping[str, str] | None = None) -> None:
        self.scenarios = {s.id: s for s in scenarios}
        self.sources = dict(sources or {})  # scenario id → file, for downloads
        self.owners: dict[str, int] = {}  # trainer scenarios → owner id
        self.published: set[str] = set()
        self._compiled: dict[str, CompiledScenario] = {}

    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = ()) -> Catalog:
        result = load_library(extra_dirs)
        for problem in result.problems:
            log.warning("scenario skipped: %s", problem)
        return cls(result.scenarios.values(), result.sources)

    def copy(self) -> Catalog:
        """A catalog with the same library and no trainer scenarios (compiled lazily)."""
        builtin = [s for sid, s in self.scenarios.items() if sid not in self.owners]
        return Catalog(builtin, self.sources)

    def add(self, scenario: Scenario, owner_id: int, published: bool = False) -> None:
        """Install (or replace) a trainer's scenario."""
        self.scenarios[scenario.id] = scenario
        self.owners[scenario.id] = owner_id
        self._compiled.pop(scenario.id, None)
        self.set_published(scenario.id, published)

    def remove(self, scenario_id: str) -> None:
        if scenario_id in self.owners:
            self.scenarios.pop(scenario_id, None)
            self.owners.pop(scenario_id, None)
            self._compiled.pop(scenario_id, None)
            self.published.discard(scenario_id)

    def set_published(self, scenario_id: str, published: bool) -> None:
        if published:
            self.published.add(scenario_id)
        else:
            self.published.discard(scenario_id)

    def builtin_ids(self) -> set[str]:
        return {sid for sid in self.scenarios if sid not in self.owners}

    def visible(self, scenario_id: str, audience: Collection[int] | None) -> bool:
        """Public (library or published) or owned by someone in ``audience``."""
        if scenario_id not in self.scenarios:
            return False
        owner = self.owners.get(scenario_id)
        return (owner is None or scenario_id in self.published
                or (audience is not None and owner in audience))

    def get(self, scenario_id: str, audience: Collection[int] | None = None
            ) -> Scenario | None:
        if audience is not None and not self.visible(scenario_id, audience):
            return None
        return self.scenarios.get(scenario_id)

    def compiled(self, scenario_id: str) -> CompiledScenario:
        cs = self._compiled.get(scenario_id)
        if cs is None:
            cs = self._compiled[scenario_id] = CompiledScenario(self.scenarios[scenario_id])
        return cs

    def kinds(self) -> list[str]:
        present = {s.kind for s in self.scenarios.values() if self.visible(s.id, None)}
        return [k for k in KIND_ORDER if k in present]

    def of_kind(self, kind: str, lang: str | None = None,
                audience: Collection[int] | None = None) -> list[Scenario]:
        """Scenarios of one kind, easiest first; those in ``lang`` before the others."""
        found = [s for s in self.scenarios.values()
                 if s.kind == kind and self.visible(s.id, audience)]
        return sorted(found, key=lambda s: (lang is not None and lang not in s.languages,
                                            s.level, s.minutes, s.id))

    @staticmethod
    def language_for(scenario: Scenario, preferred: str) -> str:
        return preferred if preferred in scenario.languages else scenario.languages[0]
