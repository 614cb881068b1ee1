"""What a learner sees of each scenario, one Markdown file per scenario and language, for
the people who write labelled dialogues (benchmarks/dialogues/README.md).

A writer who sees more than a learner (the buyer's facts, the cues) writes lines fitted to
the engine; one who sees less writes calls no learner would type. So the view holds
exactly what the chat shows before and during a call: the briefing as the bot sends it
(with the month of the role-play), the buyer's first words as the engine says them (in an
objection drill her concern is part of them), and the ids and labels of the card.

    python benchmarks/learner_view.py OUT_DIR
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.scenario.library import load_library
from bot.telegram.render import briefing


def learner_view(cs: CompiledScenario, lang: str) -> str:
    """The Markdown view of one scenario in one language."""
    scenario, cl = cs.scenario, cs.language(lang)
    shown = html.unescape(re.sub(r"<[^>]+>", "", briefing(cs, lang, None)))
    opening = Engine(cs).start(lang, seed=0).opening
    lines = [f"# {scenario.id} ({lang}, {scenario.kind})", "", shown, "",
             f"## {scenario.buyer.name} opens the call with", "", f"> {opening}", "",
             "## The card's objectives (id: label)", ""]
    for kind in ("internal", "external"):
        lines += [f"- {kind} `{o.id}`: {cl.text(o.label)}"
                  for o in getattr(scenario.objectives, kind)]
    if scenario.objections:
        lines += ["", "## Objection ids that can appear in the JSON report", ""]
        lines += [f"- `{o.id}`" for o in scenario.objections]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for sid, scenario in sorted(load_library(()).scenarios.items()):
        cs = CompiledScenario(scenario)
        for lang in scenario.languages:
            (out / f"{sid}.{lang}.md").write_text(learner_view(cs, lang), encoding="utf-8")
            written += 1
    print(f"{written} views in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
