"""Checks across fields that the schema alone cannot express.

Each check yields ``(path, message)``; the loader turns the path into a line. The
checks catch what would otherwise surface mid-call: a text missing in one language, a
fact serving an objective that does not exist, an objective nothing can ever tick.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from bot.engine.lexicon import load_lexicon
from bot.scenario.model import SHORT_TITLE_MAX, Cues, Scenario
from bot.scenario.yaml_marks import Path

Finding = tuple[Path, str]

# Every line the buyer can say is one a scenario may write in its own words: the keys of
# the lexicons' stock lines, so a line added there is never refused here.
STOCK_LINES = frozenset(load_lexicon("en").lines) | frozenset(load_lexicon("nl").lines)


def _langs_of(value: Any, path: Path, langs: Sequence[str]) -> Iterator[Finding]:
    """A localized value must be plain (single-language scenario) or cover every language."""
    if value is None:
        return
    if isinstance(value, dict):
        missing = [lang for lang in langs if lang not in value]
        extra = [lang for lang in value if lang not in langs]
        if missing:
            yield path, f"missing the {'/'.join(missing)} text (the scenario's languages are " \
                f"{', '.join(langs)})"
        if extra:
            yield path, f"language {'/'.join(extra)} is not among the scenario's languages"
        for lang, item in value.items():
            if isinstance(item, list) and not item:
                yield (*path, lang), "needs at least one text"
    elif len(langs) > 1:
        yield path, f"give one text per language, e.g. {{{langs[0]}: ..., {langs[1]}: ...}}"
    elif isinstance(value, list) and not value:
        yield path, "needs at least one text"


def _cues(value: Any, path: Path, langs: Sequence[str]) -> Iterator[Finding]:
    if value is None:
        return
    if isinstance(value, Cues):
        if len(langs) > 1:
            yield path, f"give the cues per language, e.g. {{{langs[0]}: {{keywords: [...]}}}}"
        per_lang = {langs[0]: value}
    else:
        yield from _langs_of(value, path, langs)
        per_lang = value
    for lang, cues in per_lang.items():
        if not cues.keywords and not cues.phrasings:
            yield (*path, lang), "give at least one keyword or phrasing"


def _unique(items: list[Any], path: Path, seen: dict[str, Path]) -> Iterator[Finding]:
    for i, item in enumerate(items):
        if item.id in seen:
            yield (*path, i, "id"), f"id '{item.id}' is used twice"
        else:
            seen[item.id] = (*path, i)


def check_scenario(s: Scenario) -> Iterator[Finding]:
    langs = list(dict.fromkeys(s.languages))
    if len(langs) != len(s.languages):
        yield ("languages",), "a language is listed twice"
    for name in ("title", "briefing", "short_title"):
        yield from _langs_of(getattr(s, name), (name,), langs)
    short = s.short_title
    for text in (short.values() if isinstance(short, dict) else [short] if short else []):
        if len(text) > SHORT_TITLE_MAX:
            yield ("short_title",), (f"'{text}' is longer than {SHORT_TITLE_MAX} characters "
                                     "(it goes on a phone button)")
    yield from _langs_of(s.seller.company, ("seller", "company"), langs)
    yield from _langs_of(s.seller.offer, ("seller", "offer"), langs)
    for name in ("role", "company", "personality", "greeting"):
        yield from _langs_of(getattr(s.buyer, name), ("buyer", name), langs)
    yield from _langs_of(s.buyer.trust.earned_by, ("buyer", "trust", "earned_by"), langs)
    for key, value in s.buyer.lines.items():
        if key not in STOCK_LINES:
            yield ("buyer", "lines", key), (
                f"unknown line '{key}'; known lines: {', '.join(sorted(STOCK_LINES))}"
            )
        yield from _langs_of(value, ("buyer", "lines", key), langs)

    objective_ids: dict[str, Path] = {}
    for group in ("internal", "external"):
        items = getattr(s.objectives, group)
        yield from _unique(items, ("objectives", group), objective_ids)
        for i, obj in enumerate(items):
            yield from _langs_of(obj.label, ("objectives", group, i, "label"), langs)
            if isinstance(obj.pad, dict):  # a plain keyword stays allowed (see Objective)
                yield from _langs_of(obj.pad, ("objectives", group, i, "pad"), langs)
            for j, det in enumerate(obj.detect):
                yield from _cues(det.asked_by, ("objectives", group, i, "detect", j, "asked_by"),
                                 langs)
    if not objective_ids:
        yield ("objectives",), "give at least one objective"
    roles: dict[str, str] = {}
    for i, obj in enumerate(s.objectives.external):
        role = obj.method_role
        if role is None:
            continue
        if role in roles:
            yield ("objectives", "external", i, "role"), (
                f"role '{role}' is already taken by objective '{roles[role]}'")
        roles[role] = obj.id
    for i, obj in enumerate(s.objectives.internal):
        if obj.role is not None:
            yield ("objectives", "internal", i, "role"), "roles are for external objectives"

    checklist_ids: dict[str, Path] = {}
    for group in ("internal", "external", "questions"):
        items = getattr(s.preparation, group)
        yield from _unique(items, ("preparation", group), checklist_ids)
        for i, item in enumerate(items):
            yield from _langs_of(item.label, ("preparation", group, i, "label"), langs)
            if isinstance(item.aliases, dict):
                yield from _langs_of(item.aliases, ("preparation", group, i, "aliases"), langs)

    need_ids: dict[str, Path] = {}
    yield from _unique(s.needs, ("needs",), need_ids)
    for i, need in enumerate(s.needs):
        yield from _langs_of(need.label, ("needs", i, "label"), langs)
        yield from _cues(need.asked_by, ("needs", i, "asked_by"), langs)

    fact_ids: dict[str, Path] = {}
    yield from _unique(s.facts, ("facts",), fact_ids)
    served: set[str] = set()
    for i, fact in enumerate(s.facts):
        base: Path = ("facts", i)
        if fact.objective is not None:
            served.add(fact.objective)
            if fact.objective not in objective_ids:
                yield (*base, "objective"), f"no objective has the id '{fact.objective}'"
        yield from _cues(fact.asked_by, (*base, "asked_by"), langs)
        for name in ("answer", "short_answer", "guarded"):
            yield from _langs_of(getattr(fact, name), (*base, name), langs)
        for j, need_id in enumerate(fact.reveals):
            if need_id not in need_ids:
                yield (*base, "reveals", j), f"no need has the id '{need_id}'"
    for i, fact in enumerate(s.facts):
        for j, other in enumerate(fact.after):
            if other not in fact_ids:
                yield ("facts", i, "after", j), f"no fact has the id '{other}'"
            elif other == fact.id:
                yield ("facts", i, "after", j), "a fact cannot wait for itself"

    served.update(oid for obj in s.objections for oid in obj.explain_tells)
    for group in ("internal", "external"):
        for i, obj in enumerate(getattr(s.objectives, group)):
            if obj.id not in served and not obj.detect:
                yield ("objectives", group, i), (
                    f"objective '{obj.id}' can never be ticked: no fact serves it and it has "
                    "no detect rule"
                )

    objection_ids: dict[str, Path] = {}
    yield from _unique(s.objections, ("objections",), objection_ids)
    for i, obj in enumerate(s.objections):
        base = ("objections", i)
        for name in ("text", "firmer", "accepted", "explain", "good_handling"):
            yield from _langs_of(getattr(obj, name), (*base, name), langs)
        yield from _cues(obj.respond, (*base, "respond"), langs)
        for field_name in ("answered_by", "reveals"):
            for j, need in enumerate(getattr(obj, field_name)):
                if need not in need_ids:
                    yield (*base, field_name, j), f"no need has the id '{need}'"
        if obj.explain_tells and obj.explain is None:
            yield (*base, "explain_tells"), "explain_tells needs 'explain': the words that tell it"
        for j, oid in enumerate(obj.explain_tells):
            if oid not in objective_ids:
                yield (*base, "explain_tells", j), f"no objective has the id '{oid}'"
        trig = obj.raise_when
        if trig.after == "fact" and trig.fact not in fact_ids:
            yield (*base, "raise_when"), "after: fact needs 'fact:' naming one of the facts"
        if trig.after == "turn" and trig.turn is None:
            yield (*base, "raise_when"), "after: turn needs 'turn:' with a turn number"

    if s.closing is not None:
        base = ("closing",)
        if s.closing.late_months and s.closing.late is None:
            yield (*base, "late"), "late_months needs 'late': what she says to a date too late"
        for j, month in enumerate(s.closing.late_months):
            if not 1 <= month <= 12:
                yield (*base, "late_months", j), f"{month} is no month (1-12)"
        for name in ("agree", "stall", "vague", "late"):
            yield from _langs_of(getattr(s.closing, name), (*base, name), langs)
        for j, oid in enumerate(s.closing.requires.objectives):
            if oid not in objective_ids:
                yield (*base, "requires", "objectives", j), f"no objective has the id '{oid}'"
        for j, signal in enumerate(s.closing.buying_signals):
            yield from _langs_of(signal.text, (*base, "buying_signals", j, "text"), langs)
            for k, fact_id in enumerate(signal.about):
                if fact_id not in fact_ids:
                    yield (*base, "buying_signals", j, "about", k), (
                        f"no fact has the id '{fact_id}'")
