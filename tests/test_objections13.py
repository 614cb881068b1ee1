"""Round 14, objections: how the buyer reacts while an objection is open, and what her
explanation of it tells the learner."""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.scenario.library import LoadResult, load_library
from bot.scenario.loader import BUILTIN_DIR, load_text
from scoring.card import visit_report

CATERING = (BUILTIN_DIR / "closing-catering-followup.yaml").read_text(encoding="utf-8")

# Marco's follow-up up to his "Vers & Co is fifty cents below you", and the question
# that gets his explanation (Vers & Co, the fifty cents, the fixed 140 lunches)
CATERING_COMPARE = {
    "en": ["Hi Marco, good to be back.",
           "Today: your feedback on the proposal, any changes, and agree the next step. OK?",
           "What did you think of the price?",
           "I understand. Can you tell me a bit more about that?"],
    "nl": ["Hoi Marco, fijn om terug te zijn.",
           "Vandaag: je feedback op het voorstel, wat er anders moet, en de volgende stap. Oké?",
           "Wat vond je van de prijs?",
           "Wat bedoel je precies?"],
}


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_objective_told_in_her_explanation_is_met_and_not_still_unknown(
        library: LoadResult, lang: str) -> None:
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start(lang, seed=0)
    results = [engine.turn(state, line) for line in CATERING_COMPARE[lang]]
    assert "Vers & Co" in results[-1].reply and "140" in results[-1].reply, results[-1].reply
    assert "competitor" in state.objectives
    report = visit_report(engine.cs, state, [r.record for r in results])
    assert "competitor" not in report.missed
    learned = dict(report.learned)
    assert "Vers & Co" in learned["competitor"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_agenda_that_asks_for_feedback_names_no_price(library: LoadResult, lang: str) -> None:
    """"your feedback on the proposal" is no word about money ("fee*" read "feedback" as
    a fee): his fifty-cents concern waits until the price comes up."""
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, line).reply for line in CATERING_COMPARE[lang][:2]]
    assert "Vers & Co" not in replies[1], replies
    assert state.objections["cheaper_competitor"].raised_turn is None


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_explain_tells_names_an_unknown_objective_with_its_line() -> None:
    text = CATERING.replace("explain_tells: [competitor]", "explain_tells: [competitr]")
    _, problems = load_text(text, "c.yaml")
    bad = [p for p in problems if "competitr" in str(p)]
    assert bad and bad[0].line == _line_of(text, "explain_tells: [competitr]"), problems
    assert str(bad[0]).startswith(f"c.yaml:{bad[0].line}:")
    assert "no objective has the id 'competitr'" in str(bad[0])


def test_explain_tells_without_an_explanation_is_refused() -> None:
    start = CATERING.index("  - id: cheaper_competitor")
    end = CATERING.index("    good_handling:", start)
    block = CATERING[start:end]
    explain = block[block.index("    explain:\n"):]
    text = CATERING[:start] + block.replace(explain, "") + CATERING[end:]
    _, problems = load_text(text, "c.yaml")
    assert any("explain_tells needs 'explain'" in str(p) for p in problems), problems


def test_the_builtin_scenarios_compile_with_explain_tells(library: LoadResult) -> None:
    cs = CompiledScenario(library.scenarios["objection-software-renewal"])
    tells = {o.id: o.explain_tells for o in cs.scenario.objections}
    assert tells["price"] == ["competitor_price"] and tells["dmu_consult"] == ["dmu"]


# Marco's concern raised, then the price cut to Vers & Co's level, a question in between,
# and the learner wrapping up at the new price
CATERING_CUT = {
    "en": [*CATERING_COMPARE["en"][:3],
           "We can do a smaller hot dish for €6.40, that's within your budget. Would that work?",
           "How does payment work on your side?",
           "So: 6.40 per lunch, start 1 September, you and your director sign. Shall we put it "
           "on paper?"],
    "nl": [*CATERING_COMPARE["nl"][:3],
           "We kunnen een kleiner warm gerecht doen voor €6,40, dat past in je budget. Werkt dat?",
           "Hoe gaat het betalen bij jullie?",
           "Dus: 6,40 per lunch, start 1 september, jij en je directeur tekenen. Zullen we het "
           "op papier zetten?"],
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_after_a_price_cut_she_does_not_restate_the_gap_it_closed(
        library: LoadResult, lang: str) -> None:
    """A cut to the competitor's level, then a proposal: no "fifty cents times a hundred
    lunches"; she notes the lower price and asks in other words why them."""
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, line).reply for line in CATERING_CUT[lang]]
    assert state.pending_objection == "cheaper_competitor", replies
    last = replies[-1].lower()
    assert "fifty cents" not in last and "vijftig cent" not in last, replies[-1]
    assert "lower price" in last or "lagere prijs" in last, replies[-1]


SOFTWARE_CUT = {
    "en": ["Morning Gerard! Good weekend?",
           "How are things with the paper timesheets, still the same?",
           "Since when do you work like that?",
           "I know €9.40 sounds like a lot, but I can probably do €8.50 if we agree today."],
    "nl": ["Goedemorgen Gerard! Goed weekend gehad?",
           "Hoe gaat het met de papieren urenbriefjes, nog steeds hetzelfde?",
           "Sinds wanneer werken jullie zo?",
           "Ik weet dat €9,40 veel lijkt, maar ik kan waarschijnlijk €8,50 doen als we vandaag "
           "akkoord gaan."],
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_unprompted_cut_against_the_first_price_is_noticed(
        library: LoadResult, lang: str) -> None:
    """"€9.40 sounds like a lot, but I can do €8.50" is money offered: a former controller
    asks what that price is really based on, not "you're not addressing my point"."""
    engine = Engine(CompiledScenario(library.scenarios["objection-software-renewal"]))
    state = engine.start(lang, seed=0)
    results = [engine.turn(state, line) for line in SOFTWARE_CUT[lang]]
    assert state.objections["happy_current"].raised_turn is not None
    assert "discount" in results[-1].record.moves
    reply = results[-1].reply.lower()
    assert any(w in reply for w in ("real price", "price really", "echte prijs",
                                    "prijs dan eigenlijk")), reply
    assert "not addressing" not in reply and "niet op in" not in reply, reply


@pytest.mark.parametrize(("lang", "cut"), [
    ("nl", "En over de prijs worden we het wel eens hoor. Als u een jaar vastlegt kan ik 8% "
           "korting geven."),
    ("en", "We'll agree on the price. If you commit for a year I can give you 8% off."),
])
def test_a_drill_buyer_answers_the_discount_in_his_own_words(
        library: LoadResult, lang: str, cut: str) -> None:
    """Hoekstra's own reply to money ("so you were just too high to begin with?"), not
    "that doesn't change the fourteen percent" to an 8% cut that plainly changes it."""
    engine = Engine(CompiledScenario(library.scenarios["drill-objection-price"]))
    state = engine.start(lang, seed=0)
    engine.turn(state, "Goedemiddag meneer Hoekstra! Onze folie bestaat uit zeven lagen en "
                "heeft een mooie glans." if lang == "nl" else
                "Good afternoon Mr Hoekstra! Our film has seven layers and a nice shine.")
    reply = engine.turn(state, cut).reply
    assert "te hoog" in reply or "too high" in reply, reply
    assert "verandert niets" not in reply and "doesn't change" not in reply, reply


@pytest.mark.parametrize(("lang", "line", "expected"), [
    ("nl", "Goedemiddag mevrouw Kok! Mooi kantoor trouwens, met dat uitzicht op de rivier. "
           "Maar helemaal goed hoor, dat contract respecteer ik natuurlijk.", "respecteert"),
    ("en", "Good afternoon Mrs Kok! Nice office, by the way. But that's fine of course, I "
           "respect the contract.", "respect"),
])
def test_respect_for_her_contract_after_small_talk_is_taken_as_respect(
        library: LoadResult, lang: str, line: str, expected: str) -> None:
    """The "but" turns from the view to her contract: no yes-but, and no "that doesn't
    take my concern away" to a learner who just said he respects it."""
    engine = Engine(CompiledScenario(library.scenarios["drill-objection-contract-running"]))
    state = engine.start(lang, seed=0)
    reply = engine.turn(state, line).reply
    assert expected in reply, reply
    assert "zorg niet weg" not in reply and "concern away" not in reply, reply


# Marco's fifty cents raised, acknowledged and explored; then an answer that is not his
CATERING_ASKED = {
    "en": [*CATERING_COMPARE["en"], "I get that, price matters."],
    "nl": [*CATERING_COMPARE["nl"], "Dat snap ik, de prijs telt."],
}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "OK. Ours is fresh and cooked on site, and staff only pay €2.50, so for them it's "
           "hardly more than the baker."),
    ("en", "And is there a budget for this per year?"),
    ("nl", "Dan stel ik voor dat we elke dag een vegetarisch warm gerecht toevoegen, voor "
           "dezelfde € 6,90. Past dat bij wat je zoekt?"),
    ("nl", "En is daar per jaar een budget voor?"),
])
def test_she_accepts_only_the_argument_her_acceptance_speaks_of(
        library: LoadResult, lang: str, line: str) -> None:
    """"If I only pay for what gets eaten, you're cheaper over the year" answers the per
    lunch sum; fresh food, a vegetarian dish or a question about the budget made no such
    argument, and she does not thank the learner for it."""
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start(lang, seed=0)
    for text in CATERING_ASKED[lang]:
        engine.turn(state, text)
    assert state.pending_objection == "cheaper_competitor"
    reply = engine.turn(state, line).reply
    assert not state.objections["cheaper_competitor"].handled, reply
    assert "only pay for what gets eaten" not in reply and "alleen betaal wat" not in reply


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "With us you only pay for lunches actually taken, so on quiet days you don't pay "
           "for empty seats. How does that compare with their offer?"),
    ("en", "With us you only pay for lunches actually taken, so on quiet days you don't pay "
           "for empty seats. How does that compare with Vers & Co?"),
    ("nl", "Bij ons betaal je alleen per afgenomen lunch, dus op rustige dagen betaal je niet "
           "voor lege stoelen. Hoe verhoudt dat zich tot Vers & Co?"),
])
def test_the_argument_made_before_an_open_check_is_accepted(
        library: LoadResult, lang: str, line: str) -> None:
    """The per-lunch argument, then "how does that compare with their offer?": the
    argument was made, and the open question checks it (no second explanation)."""
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start(lang, seed=0)
    least = {"en": "And which part did people like least?",
             "nl": "En wat vonden de mensen het minst?"}[lang]  # Fridays are empty
    for text in [*CATERING_ASKED[lang], least]:
        engine.turn(state, text)
    assert "flexible_numbers" in state.needs_stated
    reply = engine.turn(state, line).reply
    assert state.objections["cheaper_competitor"].handled, reply
    assert "only pay for what gets eaten" in reply or "alleen betaal wat" in reply, reply
    assert "sent something too" not in reply and "ook iets gestuurd" not in reply, reply


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemiddag Ingrid, fijn dat je tijd hebt.",
            "Hoe zit het met de labelprinters in de piek?",
            "Wij zouden die vervangen door nieuwe printers in lease, met een monteur binnen "
            "vier uur. Past dat?",
            "Als ik het goed samenvat: de printers zijn oud, de storingsdienst is traag, en "
            "in de piek leidt dat tot te late wagens en overuren. Klopt dat?"]),
    ("en", ["Hi Ingrid, thanks for making time.",
            "How are the label printers holding up at peak?",
            "We would replace them with new leased printers, with an engineer within four "
            "hours. Does that fit?",
            "So to sum up: the printers are old, the repair service is slow, and at peak that "
            "means late trucks and overtime. Is that right?"]),
])
def test_a_summary_of_her_problems_is_confirmed_not_taken_as_the_answer(
        library: LoadResult, lang: str, lines: list[str]) -> None:
    """A recap of her problems while "it isn't budgeted" stands: she confirms or corrects
    it, no "put like that, doing nothing costs me more"."""
    engine = Engine(CompiledScenario(library.scenarios["spin-printing-urgency"]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, text).reply for text in lines]
    assert state.objections["not_budgeted"].raised_turn is not None, replies
    assert not state.objections["not_budgeted"].handled, replies[-1]
    assert "niks doen" not in replies[-1] and "doing nothing" not in replies[-1], replies[-1]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_trial_offered_before_she_would_ask_for_it_keeps_her_doubt_unsaid(
        library: LoadResult, lang: str) -> None:
    """"What if the colleagues don't like it?" asks for the trial week; once the learner
    offered one, a proposal does not bring the doubt up as if it had not been said."""
    trial = {"en": "We could start with a two-week trial when the canteen opens, no minimum "
                   "number of lunches.",
             "nl": "We kunnen beginnen met een proefperiode van twee weken als de kantine "
                   "opengaat, zonder minimum aantal lunches."}[lang]
    ask = {"en": "Shall we put the start on Monday 1 September, then?",
           "nl": "Zullen we de start dan op maandag 1 september zetten?"}[lang]
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, text).reply for text in [*CATERING_COMPARE[lang][:2], trial,
                                                           ask]]
    assert state.objections["think_it_over"].raised_turn is None, replies
    assert "colleagues don't like" not in replies[-1] and "vinden de collega" not in replies[-1]


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemorgen Gerard! Nog steeds zo'n drukte op de bouw?",
            "Hoe gaat het met de papieren urenbriefjes?",
            "Ik stuur u straks onze brochure, dan heeft u alles op een rij.",
            "Hoeveel mensen werken er op de salarisadministratie?",
            "Hoeveel correcties zijn er per maand?",
            "Wie beslist er over een nieuw salarispakket?",
            "Wanneer valt dat besluit?",
            "Hoe lang zitten jullie al bij Loonhuis?",
            "Wat vindt u het belangrijkste aan een nieuw pakket?",
            "Kunt u iets meer vertellen over de OR?",
            "Wat heeft de vorige overstap u gekost?",
            "Hoe gaat het nu met de cao-toeslagen?"]),
    ("en", ["Morning Gerard! Still busy on the sites?",
            "How are things with the paper timesheets?",
            "I'll send you our brochure later, so you have everything in one place.",
            "How many people work in payroll?",
            "How many corrections are there a month?",
            "Who decides on a new payroll package?",
            "When will that decision be made?",
            "How long have you been with Loonhuis?",
            "What matters most to you in a new package?",
            "Could you tell me more about the works council?",
            "What did the last switch cost you?",
            "How are the allowances going at the moment?"]),
])
def test_no_request_of_her_own_for_the_brochure_already_offered(
        library: LoadResult, lang: str, lines: list[str]) -> None:
    """Gerard's "just send me the brochure" (due at turn 8) is no idea of his own once the
    learner offered to send it."""
    engine = Engine(CompiledScenario(library.scenarios["objection-software-renewal"]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, text).reply for text in lines]
    assert state.turn >= 8
    assert state.objections["brochure"].raised_turn is None, replies
    assert not any("brochure" in r for r in replies[3:]), replies


def test_a_question_before_any_answer_is_no_check_of_one(library: LoadResult) -> None:
    """"En sinds wanneer is dat zo uit de hand gelopen?" while Gerard's concern stands
    checks no answer (none was given): no "Ik hoor het. Maar daarmee is mijn punt nog
    niet van tafel", as if he were weighing one."""
    engine = Engine(CompiledScenario(library.scenarios["objection-software-renewal"]))
    state = engine.start("nl", seed=0)
    lines = ["Goedemorgen Gerard!",
             "Vorige keer had je het over de papieren urenbriefjes, en jullie werken met zo'n "
             "250 man, toch?",
             "Hoeveel uur is de salarisadministratie daar per week mee bezig?",
             "En sinds wanneer is dat zo uit de hand gelopen?"]
    results = [engine.turn(state, line) for line in lines]
    assert state.pending_objection == "happy_current"
    assert "check" not in results[-1].record.steps
    assert "Ik hoor het" not in results[-1].reply, results[-1].reply


@pytest.mark.parametrize(("lang", "cut", "own"), [
    ("en", "But our film is simply better quality, and if you order more I can take 5 percent "
           "off.", "too high"),
    ("nl", "Maar onze folie is gewoon beter, en als u meer afneemt kan ik 5 procent korting "
           "geven.", "te hoog"),
])
def test_her_own_reply_to_money_stands_alone(library: LoadResult, lang: str, cut: str,
                                             own: str) -> None:
    """"So you were just too high to begin with?" is her reply to the cut; her concern in
    other words waits for the next message, not glued on in the same breath."""
    engine = Engine(CompiledScenario(library.scenarios["drill-objection-price"]))
    state = engine.start(lang, seed=0)
    engine.turn(state, "I understand fourteen percent sounds like a lot." if lang == "en"
                else "Ik begrijp dat veertien procent veel lijkt.")
    reply = engine.turn(state, cut).reply
    assert own in reply, reply
    assert "lower price" not in reply and "lagere prijs" not in reply, reply


@pytest.mark.parametrize(("lang", "cut", "date"), [
    ("nl", "Ik kan wel naar €6,40 gaan.", "Zullen we 1 september starten?"),
    ("en", "I can go to €6.40 a lunch.", "Shall we start on 1 September?"),
])
def test_a_price_brought_to_the_rivals_level_is_money_offered(
        library: LoadResult, lang: str, cut: str, date: str) -> None:
    """"Ik kan wel naar €6,40 gaan" after "Vers & Co is fifty cents below you" gives way
    on price: "then what is that price really based on?", and the date next gets no "fifty
    cents times a hundred lunches"."""
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start(lang, seed=0)
    for text in CATERING_COMPARE[lang][:3]:
        engine.turn(state, text)
    assert state.pending_objection == "cheaper_competitor"
    result = engine.turn(state, cut)
    assert "discount" in result.record.moves, result.reply
    reply = engine.turn(state, date).reply.lower()
    assert "vijftig cent" not in reply and "fifty cents" not in reply, reply
