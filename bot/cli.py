"""Command line: ``salesbot`` / ``python -m bot`` (the interface fixed in contract.md)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from bot.config import ConfigError, load_settings


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="salesbot", description="Rehearse B2B sales calls with a simulated buyer."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="run the Telegram bot (the local emulator without BOT_TOKEN)")
    play = sub.add_parser("play", help="play a scenario in the terminal")
    play.add_argument("scenario", help="scenario id (see `salesbot scenarios`)")
    play.add_argument("--lang", choices=["nl", "en"], default=None)
    play.add_argument("--script", type=Path, help="file with the learner's lines, one a line")
    play.add_argument("--prep", type=Path, help="preparation file (internal:/external:/questions:)")
    play.add_argument("--json", action="store_true", help="print the JSON report only")
    play.add_argument("--seed", type=int, default=None, help="fix the buyer's reply variants")
    play.add_argument("--date", type=_day, default=None, metavar="YYYY-MM-DD",
                      help="the day the call takes place (default: today); a month the "
                           "learner proposes is read as the next one after it")
    validate = sub.add_parser("validate", help="validate scenario YAML files or folders")
    validate.add_argument("paths", nargs="*", type=Path)
    scenarios = sub.add_parser("scenarios", help="list the available scenarios")
    scenarios.add_argument("--json", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"salesbot: {exc}", file=sys.stderr)
        return 2
    if args.command == "validate":
        return _validate(args.paths, settings.scenario_dirs)
    if args.command == "scenarios":
        return _scenarios(args.json, settings.scenario_dirs)
    if args.command == "play":
        from bot.terminal import play_command

        return play_command(args, settings)
    if args.command == "run":
        from bot.runner import run_command

        return run_command(settings)
    return 2


def _validate(paths: list[Path], extra_dirs: tuple[Path, ...]) -> int:
    from bot.scenario.library import library_paths
    from bot.scenario.loader import load_paths

    result = load_paths(paths or library_paths(extra_dirs))
    for problem in result.problems:
        print(problem, file=sys.stderr)
    count = len(result.scenarios)
    if result.problems:
        print(f"{len(result.problems)} problem(s); {count} scenario(s) valid", file=sys.stderr)
        return 1
    print(f"{count} scenario(s) valid")
    return 0


def _scenarios(as_json: bool, extra_dirs: tuple[Path, ...]) -> int:
    from bot.scenario.library import load_library
    from bot.scenario.text import localized

    result = load_library(extra_dirs)
    rows = [
        {
            "id": s.id,
            "title": localized(s.title, s.languages[0], s.languages),
            "kind": s.kind,
            "languages": list(s.languages),
            "minutes": s.minutes,
        }
        for s in sorted(result.scenarios.values(), key=lambda s: (s.kind, s.id))
    ]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            langs = "/".join(row["languages"])
            print(f"{row['id']:<32} {row['kind']:<12} {langs:<6} {row['minutes']:>3} min  "
                  f"{row['title']}")
    for problem in result.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    return 0
