"""Score a learner's written preparation against the scenario's checklist. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.engine.text import fold
from bot.scenario.model import ChecklistItem, Scenario

SECTIONS = ("internal", "external", "questions")
MATCH_THRESHOLD = 88


@dataclass
class PreparationResult:
    score: int
    covered: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w€@%+]+", " ", fold(text))).strip()


def _aliases(item: ChecklistItem, lang: str) -> list[str]:
    aliases = next((v for k, v in item.aliases.items() if k == lang), []) \
        if isinstance(item.aliases, dict) else item.aliases
    return [a for a in (_norm(x) for x in aliases) if a]


def item_covered(item: ChecklistItem, lang: str, lines: list[str]) -> bool:
    for line in (_norm(x) for x in lines):
        if not line:
            continue
        for alias in _aliases(item, lang):
            if alias in line.split() or f" {alias} " in f" {line} ":
                return True
            if len(alias) >= 4 and fuzz.partial_ratio(alias, line) >= MATCH_THRESHOLD:
                return True
    return False


def score_preparation(
    scenario: Scenario, lang: str, answers: dict[str, list[str]]
) -> PreparationResult:
    """``answers`` maps internal/external/questions to the learner's lines."""
    result = PreparationResult(score=0)
    total = 0
    for section in SECTIONS:
        lines = answers.get(section, [])
        for item in getattr(scenario.preparation, section):
            total += 1
            if item_covered(item, lang, lines):
                result.covered.append(item.id)
            else:
                result.missing.append(item.id)
    result.score = round(100 * len(result.covered) / total) if total else 0
    return result


def parse_prep_text(text: str) -> dict[str, list[str]]:
    """The --prep file: headings 'internal:', 'external:', 'questions:' then lines."""
    sections: dict[str, list[str]] = {s: [] for s in SECTIONS}
    current: str | None = None
    headings = {"internal": "internal", "intern": "internal", "interne": "internal",
                "external": "external", "extern": "external", "externe": "external",
                "questions": "questions", "vragen": "questions"}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, sep, rest = line.partition(":")
        key = headings.get(head.strip().lower()) if sep else None
        if key:
            current = key
            if rest.strip():
                sections[key].append(rest.strip())
            continue
        if current:
            sections[current].append(line.lstrip("-*• ").strip())
    return sections
