"""The terminal front end: ``play`` interactively or from a script (contract.md)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot.call_report import json_report, text_card
from bot.config import Settings
from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.state import SessionState, TurnRecord
from bot.engine.text import MAX_LEARNER_CHARS
from bot.i18n import t, word_list
from bot.scenario.library import load_library
from scoring.card import score_call
from scoring.preparation import PreparationResult, parse_prep_text, score_preparation

SECTIONS = ("internal", "external", "questions")
HINT, STOP = "/hint", "/stop"  # script lines that are commands, not turns


def script_lines(text: str) -> list[str]:
    """Learner lines of a script: blank lines and lines starting with '#' are skipped."""
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def fill(text: str) -> str:
    """Prose wrapped to the terminal's width, paragraph by paragraph (scenario texts come
    unwrapped, see ``bot.scenario.text.unwrap``)."""
    width = min(shutil.get_terminal_size((88, 24)).columns, 100) - 1
    return "\n\n".join("\n".join(textwrap.fill(line, width) for line in block.splitlines())
                       for block in text.strip().split("\n\n"))


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def play_command(args: argparse.Namespace, settings: Settings) -> int:
    library = load_library(settings.scenario_dirs)
    scenario = library.scenarios.get(args.scenario)
    if scenario is None:
        known = ", ".join(sorted(library.scenarios)) or "none"
        print(f"salesbot: unknown scenario '{args.scenario}' (available: {known})",
              file=sys.stderr)
        return 2
    lang = args.lang or (settings.default_language if settings.default_language
                         in scenario.languages else scenario.languages[0])
    if lang not in scenario.languages:
        print(f"salesbot: scenario '{scenario.id}' is not available in '{lang}' "
              f"(it has: {', '.join(scenario.languages)})", file=sys.stderr)
        return 2
    cs = CompiledScenario(scenario)
    if args.script is None:
        if args.prep is not None or args.json:
            print("salesbot: --prep and --json need --script", file=sys.stderr)
            return 2
        return interactive(cs, lang, args.seed, today=args.date or date.today())
    try:
        lines = script_lines(_read(args.script))
        prep_text = _read(args.prep) if args.prep is not None else None
    except OSError as exc:
        print(f"salesbot: cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    report = run_script(cs, lang, lines, prep_text, seed=args.seed,
                        today=args.date or date.today())
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for turn in report["turns"]:
            print(f"> {turn['learner']}\n{turn['buyer']}\n")
        print(f"score: {report['score']}")
    return 0


@dataclass
class PlayedCall:
    """A call played from script lines: what the card and the report are made from."""

    state: SessionState
    turns: list[TurnRecord]
    hints: list[str]


def play_lines(cs: CompiledScenario, lang: str, lines: Iterable[str], seed: int | None = None,
               today: date | None = None) -> PlayedCall:
    """Play the lines and end the call as /stop would: the one loop behind ``play
    --script`` and every benchmark or test that replays a scripted call.

    As in a live call, a line ``/hint`` asks for a tip (kept in ``hints``, not a turn)
    and a line ``/stop`` ends the call there; later lines are not played."""
    engine = Engine(cs)
    state = engine.start(lang, seed=0 if seed is None else seed, today=today)
    hints: list[str] = []
    turns: list[TurnRecord] = []
    for line in lines:
        if state.ended or line == STOP:
            break
        if line == HINT:
            hints.append(engine.hint(state))
            continue
        record = engine.turn(state, line[:MAX_LEARNER_CHARS]).record
        if record is not None:
            turns.append(record)
    engine.stop(state)
    return PlayedCall(state, turns, hints)


def run_script(cs: CompiledScenario, lang: str, lines: Iterable[str], prep_text: str | None,
               seed: int | None = None, today: date | None = None) -> dict[str, Any]:
    """Play the lines (``play_lines``) and return the JSON report.

    ``today`` is the day of the call (proposed months are read against it); without it a
    month is read as it stands, which keeps recorded scripts' results the same on any day."""
    preparation = None
    if prep_text is not None:
        preparation = score_preparation(cs.scenario, lang, parse_prep_text(prep_text))
    call = play_lines(cs, lang, lines, seed, today)
    report = json_report(cs, call.state, score_call(cs, call.state, preparation, call.turns))
    report["hints"] = call.hints
    # her first words before the learner's first line (in an objection drill, her concern):
    # a reviewer reading the turns judges the first reply against them
    report["opening"] = call.state.opening
    return report


def interactive(cs: CompiledScenario, lang: str, seed: int | None,
                read: Callable[[str], str] = input, write: Callable[[str], None] = print,
                today: date | None = None) -> int:
    engine = Engine(cs)
    cl = cs.language(lang)
    scenario = cs.scenario
    write(f"\n== {cl.text(scenario.title)} ==\n")
    write(f"{t(lang, 'terminal.briefing')}:\n{fill(cl.text(scenario.briefing))}\n")
    if scenario.month:
        month = word_list(lang, "month_names")[scenario.month - 1]
        write(f"{t(lang, 'terminal.month', month=month)}\n")
    state = None
    preparation = None
    turns: list[TurnRecord] = []
    try:
        preparation = _prepare(cs, lang, read, write)
        state = engine.start(lang, seed=seed, today=today)
        write(t(lang, "terminal.commands"))
        buyer = scenario.buyer.name
        write(f"\n{buyer}: {state.opening}")
        while not state.ended:
            line = read(f"{t(lang, 'terminal.you')}> ").strip()
            if not line:
                continue
            if line.lower() in ("/stop", "/quit", "/exit"):
                break
            if line.lower() == "/hint":
                write(f"  ({t(lang, 'terminal.hint')}: {engine.hint(state)})")
                continue
            if _is_command(line):  # a typo'd or unknown command is not a line for the buyer
                write(t(lang, "terminal.unknown_command", command=line.split()[0]))
                continue
            if len(line) > MAX_LEARNER_CHARS:
                write(t(lang, "terminal.too_long", limit=MAX_LEARNER_CHARS))
                line = line[:MAX_LEARNER_CHARS]
            result = engine.turn(state, line)
            if result.record is not None:
                turns.append(result.record)
            write(f"{buyer}: {result.reply}")
    except (EOFError, KeyboardInterrupt):
        write("")
    if state is None:
        return 0  # left during the briefing or preparation: nothing to score
    engine.stop(state)
    write("\n" + t(lang, "terminal.ended") + "\n")
    write(text_card(cs, state, score_call(cs, state, preparation, turns)))
    return 0


def _is_command(line: str) -> bool:
    """A single word after a slash ("/skip", "/hlep"), as the terminal's commands are."""
    word = line.split()[0]
    return len(line.split()) == 1 and len(word) > 1 and word[0] == "/" and word[1:].isalpha()


def _prepare(cs: CompiledScenario, lang: str, read: Callable[[str], str],
             write: Callable[[str], None]) -> PreparationResult | None:
    if not any(getattr(cs.scenario.preparation, s) for s in SECTIONS):
        return None
    write(t(lang, "terminal.prep_intro"))
    answers: dict[str, list[str]] = {s: [] for s in SECTIONS}
    for section in SECTIONS:
        write(f"\n{t(lang, f'terminal.prep_sections.{section}')}:")
        while True:
            line = read("  - ").strip()
            if line.lower() == "/skip":
                return None
            if not line:
                break
            answers[section].append(line)
    result = score_preparation(cs.scenario, lang, answers)
    labels = {item.id: cs.language(lang).text(item.label)
              for section in SECTIONS for item in getattr(cs.scenario.preparation, section)}
    missing = "; ".join(labels.get(i, i) for i in result.missing) or "-"
    write(t(lang, "terminal.prep_score", score=result.score, missing=missing) + "\n")
    return result
