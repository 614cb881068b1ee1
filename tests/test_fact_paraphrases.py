"""An ordinary question reaches the fact the buyer has a stored answer for, not a neighbour.

The paraphrase corpus (tests/data/fact_paraphrases.yaml) holds, per fact of the four full
scenarios and per language, the ways students really ask: formal and informal, typos,
other word orders, synonyms; tests/data/drill_paraphrases.yaml does the same for the
twelve two-minute drills. Each question is asked as the first question after a neutral
greeting (benchmarks/fact_recall.py prints the figures, also for the held-out part that
this test does not read). Questions the engine cannot place yet because it reads the
question's act or SPIN type differently are listed in the report of issue 11; the floors
below sit a little under what the keywords reach today, so a keyword edit that loses
paraphrases or sends them to a neighbouring fact fails here.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from fact_recall import CORPORA, evaluate, load_engine, reached

from bot.engine.engine import Engine

# per scenario/language: (recall at least, wrong-fact rate at most) on the tuning corpus
FLOORS = {
    "first-visit-cleaning/en": (0.90, 0.06),
    "first-visit-cleaning/nl": (0.93, 0.05),
    "objection-software-renewal/en": (0.95, 0.03),
    "objection-software-renewal/nl": (0.95, 0.03),
    "spin-printing-urgency/en": (0.82, 0.10),
    "spin-printing-urgency/nl": (0.77, 0.12),
    "closing-catering-followup/en": (0.92, 0.03),
    "closing-catering-followup/nl": (0.95, 0.03),
}

NEED_RECALL_FLOOR = 0.93  # per scenario/language, lines that name a need
OTHER_NEED_CEILING = 0.15  # lines that name another need besides (some name two)


@pytest.fixture(scope="module")
def corpus() -> dict[str, Any]:
    return yaml.safe_load(CORPORA["corpus"].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def engines(corpus: dict[str, Any]) -> dict[str, Engine]:
    return {sid: load_engine(sid, None) for sid in corpus}


@pytest.fixture(scope="module")
def figures(corpus: dict[str, Any], engines: dict[str, Engine]) -> tuple[dict, list[dict]]:
    return evaluate(corpus, engines)


def test_the_corpus_covers_every_fact_and_need_in_both_languages(
        corpus: dict[str, Any], engines: dict[str, Engine]) -> None:
    for sid, engine in engines.items():
        facts = set(corpus[sid]["facts"])
        assert facts == {f.id for f in engine.scenario.facts}, sid
        for fact_id, langs in corpus[sid]["facts"].items():
            assert {"nl", "en"} <= set(langs), (sid, fact_id)
            assert all(len(langs[lang]) >= 4 for lang in ("nl", "en")), (sid, fact_id)
        assert set(corpus[sid]["needs"]) == {n.id for n in engine.scenario.needs}, sid


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_paraphrases_reach_their_fact(figures: tuple[dict, list[dict]], key: str) -> None:
    summary, errors = figures
    recall_floor, wrong_ceiling = FLOORS[key]
    misses = [e for e in errors if f"{e['scenario']}/{e['lang']}" == key and "fact" in e]
    assert summary[key]["recall"] >= recall_floor, misses
    assert summary[key]["wrong_fact"] <= wrong_ceiling, [e for e in misses if e["got"]]


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_a_learner_naming_a_need_is_understood(figures: tuple[dict, list[dict]],
                                               key: str) -> None:
    """"geen loonstroken meer per post" names the employee app she wants: a solution or an
    objection answer tied to it counts as tied to her need."""
    summary, errors = figures
    misses = [e for e in errors if f"{e['scenario']}/{e['lang']}" == key and "need" in e]
    assert summary[key]["need_recall"] >= NEED_RECALL_FLOOR, misses
    assert summary[key]["other_need"] <= OTHER_NEED_CEILING, misses


def test_near_misses_do_not_reach_the_neighbouring_fact(
        figures: tuple[dict, list[dict]]) -> None:
    _summary, errors = figures
    assert [e for e in errors if "not" in e] == []


@pytest.mark.parametrize(("scenario", "lang", "question", "fact"), [
    # user tests (review/ut_en.md A, ut_nl.md, lead_user_try.md): a stonewall before
    ("objection-software-renewal", "en", "Who besides you decides on a new payroll system?",
     "dmu"),
    ("objection-software-renewal", "en",
     "How do the hours get from the sites to payroll at the moment?", "hours_process"),
    ("objection-software-renewal", "en", "How long does that take your team each month?",
     "hours_process"),
    ("closing-catering-followup", "en", "hmm ok. and who else needs to agree on it?", "dmu"),
    ("first-visit-cleaning", "en", "How big are both offices roughly, in square metres?",
     "square_metres"),
    ("spin-printing-urgency", "en", "What printers are you running now?", "fleet"),
    ("spin-printing-urgency", "nl", "Hoeveel labels gaan er per dag ongeveer door?",
     "operation"),
    ("first-visit-cleaning", "nl", "Hoe tevreden bent u over de huidige partij?",
     "satisfaction"),
    ("first-visit-cleaning", "nl", "Op welk moment van de dag gebeurt dat nu?", "time_of_day"),
    ("closing-catering-followup", "nl",
     "Hoe reageerden je collega's op het idee van een warme lunch?", "staff_survey"),
])
def test_questions_from_the_user_tests_get_their_answer(
        engines: dict[str, Engine], scenario: str, lang: str, question: str,
        fact: str) -> None:
    assert reached(engines[scenario], lang, question)[:1] == [fact]


def test_a_guarded_fact_reached_by_new_wording_stays_guarded(
        engines: dict[str, Engine]) -> None:
    """Reaching a fact with a trust level is what counts; she still keeps it to herself."""
    engine = engines["spin-printing-urgency"]
    state = engine.start("nl", seed=0)
    engine.turn(state, "Goedemorgen, ik ben Sam de Vries van Printwise.")
    result = engine.turn(state, "Wanneer loopt de afspraak met de storingsdienst af?")
    assert result.record is not None and result.record.answered[:1] == ["contract_end"]
    assert "31 augustus" not in result.reply and "guarded:contract_end" in result.events


# The twelve two-minute drills (tests/data/drill_paraphrases.yaml): the same measure, with
# a fact also counted when its answer is in the reply (an objection drill answers a
# clarifying question on the objection's path). Floors a little under today's figures;
# the misses left need a SPIN type on the fact or an engine change (report of issue 11).
DRILL_FLOORS = {
    "drill-closed-to-open/en": (0.80, 0.05),
    "drill-closed-to-open/nl": (0.90, 0.05),
    "drill-closing-next-step/en": (0.95, 0.05),
    "drill-closing-next-step/nl": (0.95, 0.05),
    "drill-closing-order/en": (0.80, 0.05),
    "drill-closing-order/nl": (0.80, 0.05),
    "drill-external-objective/en": (0.95, 0.05),
    "drill-external-objective/nl": (0.95, 0.05),
    "drill-forecast/en": (0.90, 0.05),
    "drill-forecast/nl": (0.95, 0.05),
    "drill-objection-bad-experience/en": (0.95, 0.05),
    "drill-objection-bad-experience/nl": (0.80, 0.05),
    "drill-objection-brochure/en": (0.95, 0.05),
    "drill-objection-brochure/nl": (0.95, 0.05),
    "drill-objection-contract-running/en": (0.80, 0.05),
    "drill-objection-contract-running/nl": (0.80, 0.05),
    "drill-objection-current-supplier/en": (0.85, 0.15),
    "drill-objection-current-supplier/nl": (0.80, 0.10),
    "drill-objection-discuss-others/en": (0.90, 0.05),
    "drill-objection-discuss-others/nl": (0.90, 0.05),
    "drill-objection-no-time/en": (0.80, 0.05),
    "drill-objection-no-time/nl": (0.85, 0.05),
    "drill-objection-price/en": (0.85, 0.05),
    "drill-objection-price/nl": (0.80, 0.05),
}


@pytest.fixture(scope="module")
def drill_corpus() -> dict[str, Any]:
    return yaml.safe_load(CORPORA["drills"].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def drill_engines(drill_corpus: dict[str, Any]) -> dict[str, Engine]:
    return {sid: load_engine(sid, None) for sid in drill_corpus}


@pytest.fixture(scope="module")
def drill_figures(drill_corpus: dict[str, Any],
                  drill_engines: dict[str, Engine]) -> tuple[dict, list[dict]]:
    return evaluate(drill_corpus, drill_engines, by_reply=True)


def test_the_drill_corpus_covers_every_drill_fact_and_need_in_both_languages(
        drill_corpus: dict[str, Any], drill_engines: dict[str, Engine]) -> None:
    drills = {p.stem for p in (ROOT / "scenarios" / "drills").glob("*.yaml")}
    with_facts = {sid for sid in drills if load_engine(sid, None).scenario.facts}
    assert set(drill_corpus) == with_facts
    for sid, engine in drill_engines.items():
        assert set(drill_corpus[sid]["facts"]) == {f.id for f in engine.scenario.facts}, sid
        for fact_id, langs in drill_corpus[sid]["facts"].items():
            assert all(len(langs[lang]) >= 4 for lang in ("nl", "en")), (sid, fact_id)
        assert set(drill_corpus[sid].get("needs", {})) == {
            n.id for n in engine.scenario.needs}, sid


@pytest.mark.parametrize("key", sorted(DRILL_FLOORS))
def test_drill_paraphrases_reach_their_fact(drill_figures: tuple[dict, list[dict]],
                                            key: str) -> None:
    summary, errors = drill_figures
    recall_floor, wrong_ceiling = DRILL_FLOORS[key]
    misses = [e for e in errors if f"{e['scenario']}/{e['lang']}" == key and "fact" in e]
    assert summary[key]["recall"] >= recall_floor, misses
    assert summary[key]["wrong_fact"] <= wrong_ceiling, [e for e in misses if e["got"]]


def test_a_learner_naming_a_need_in_a_drill_is_understood(
        drill_figures: tuple[dict, list[dict]]) -> None:
    summary, errors = drill_figures
    for key, figures in summary.items():
        if key == "all" or not figures["need_lines"]:
            continue
        misses = [e for e in errors if f"{e['scenario']}/{e['lang']}" == key and "need" in e]
        assert figures["need_recall"] >= NEED_RECALL_FLOOR, misses
        assert figures["other_need"] <= OTHER_NEED_CEILING, misses


def test_drill_near_misses_do_not_reach_the_neighbouring_fact(
        drill_figures: tuple[dict, list[dict]]) -> None:
    _summary, errors = drill_figures
    assert [e for e in errors if "not" in e] == []


@pytest.mark.parametrize(("drill", "lang", "question", "fact"), [
    # user tests (review/ut_en.md A 32-37, ut_nl.md A 22-24): a refusal or an
    # agenda acknowledgement before
    ("drill-closed-to-open", "nl",
     "Hoe ervaart u de samenwerking met uw huidige vervoerder op dit moment?",
     "carrier_experience"),
    ("drill-closed-to-open", "en",
     "Kees, how do you look back on the cooperation with your current carrier so far?",
     "carrier_experience"),
    ("drill-closed-to-open", "en", "do you think your carrier is doing a good job or not?",
     "carrier_experience"),
    ("drill-closed-to-open", "en", "and are they on time?", "friday_pickup"),
    ("drill-objection-discuss-others", "en", "who is that then?", "decision_unit"),
    ("drill-objection-discuss-others", "en", "ok just tell me when they decide",
     "decision_unit"),
    ("drill-objection-no-time", "en", "so when do you have time?", "when_time"),
    ("drill-objection-brochure", "nl",
     "Waar zou u in die brochure vooral naar zoeken, gezien die drie Excel-lijsten?",
     "brochure_focus"),
    ("drill-objection-price", "nl",
     "Hoe vaak scheurt de folie nu, en wat kost een uur stilstand van de inpaklijn u?",
     "line_stops"),
])
def test_drill_questions_from_the_user_tests_get_their_answer(
        drill: str, lang: str, question: str, fact: str) -> None:
    assert reached(load_engine(drill, None), lang, question, by_reply=True)[:1] == [fact]
