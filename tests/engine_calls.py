"""Playing a few lines straight through the engine, for the tests of the buyer's replies."""

from __future__ import annotations

from typing import Any

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.state import SessionState, TurnRecord
from bot.scenario.library import LoadResult, load_library
from bot.terminal import run_script

# Gerard's follow-up visit (software renewal) up to the moment he raises his objection.
RENEWAL_OPENING = {
    "en": ["Morning Gerard! Good to see you again.",
           "Last time you told me about the timesheets. Today I'd like to go deeper and "
           "plan a demo. OK?",
           "Shall we plan the switch now?"],
    "nl": ["Goedemorgen Gerard, fijn u weer te zien.",
           "Vorige keer vertelde u over de urenbriefjes. Vandaag wil ik daar dieper op "
           "ingaan en een demo plannen. Goed?",
           "Zullen we de overstap nu plannen?"],
}
# How the buyer sounds pleased that the seller understands her.
PLEASED = ("glad you understand", "good that you see", "fijn dat u", "goed dat u")


def compiled_library() -> dict[str, CompiledScenario]:
    """Every built-in scenario and drill, compiled once (for a module-scoped fixture)."""
    return {sid: CompiledScenario(s) for sid, s in load_library(()).scenarios.items()}


def play(library: dict[str, CompiledScenario], sid: str, lang: str,
         lines: list[str]) -> dict[str, Any]:
    """The JSON report of ``play --script --json`` for these lines."""
    return run_script(library[sid], lang, lines, None)


def turn_record(learner: str, act: str, *, form: str | None = None, spin: str | None = None,
                objectives: tuple[str, ...] = (), facts: tuple[str, ...] = (),
                steps: tuple[str, ...] = (), buyer: str = "…") -> TurnRecord:
    """A turn as the engine records it, for scoring tests that set up the call by hand."""
    return TurnRecord(learner=learner, buyer=buyer, form=form, spin=spin,
                      objectives=list(objectives), moves=[], facts=list(facts), needs=[],
                      phase="inventory", act=act, answered=list(facts), steps=list(steps))


def call(library: LoadResult, scenario_id: str, lang: str,
         lines: list[str]) -> tuple[Engine, SessionState, list[str]]:
    """The engine, its state after the lines, and the buyer's replies (seed 0)."""
    engine = Engine(CompiledScenario(library.scenarios[scenario_id]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, line).reply for line in lines]
    return engine, state, replies


def last_reply(library: LoadResult, scenario_id: str, lang: str, lines: list[str]) -> str:
    """The buyer's reply to the last of the lines."""
    return call(library, scenario_id, lang, lines)[2][-1]


def script_report(library: LoadResult, scenario_id: str, lang: str,
                  lines: list[str]) -> dict[str, Any]:
    """The JSON report of ``play --script --json`` for these lines."""
    return run_script(CompiledScenario(library.scenarios[scenario_id]), lang, lines, None)


def script_turns(library: LoadResult, scenario_id: str, lang: str,
                 lines: list[str]) -> list[dict[str, Any]]:
    """The per-turn records of the JSON report, as ``play --script --json`` gives them."""
    return list(script_report(library, scenario_id, lang, lines)["turns"])


def last_turn(library: LoadResult, scenario_id: str, lang: str,
              lines: list[str]) -> dict[str, Any]:
    """The report's record of the last of the lines (its act, form, SPIN type, details)."""
    return script_turns(library, scenario_id, lang, lines)[-1]


# Gerard's renewal call as a student typed it on a phone (the lead's user test): lower
# case, two questions at once, warming up until "it pays for itself", then a demo date
RENEWAL_PHONE_CALL = [
    "hi mr smits, good to see you again! how was your summer?",
    "so last time you said the renewal with Loonhuis is coming up. today I'd like to hear "
    "where you stand and see if we can help, ok?",
    "what's the biggest headache with payroll at the moment",
    "how often does that happen? and who fixes it",
    "hmm ok. what does that cost you in time per month roughly?",
    "and if Joke leaves in november, what happens then?",
    "what would it mean for you if the allowances were calculated automatically from the CAO?",
    "we have a CAO module that does exactly that, the allowances come out right the first "
    "time. would that help?",
    "ok i get that the price matters. what are you comparing it with?",
    "fair. if you count the hours your team spends on corrections, our price is lower over "
    "the year. does that make sense?",
    "shall we plan a demo with Monique next tuesday 16 june at 10?",
    "great, whats monique's email so i can send the invite?",
    "thanks, bye!",
]
