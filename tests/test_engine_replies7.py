"""The buyer answers what the learner said, like a person would (issue 11, round 7).

Each case is a learner line from a user test, with a variation in the other language or
wording, so a rule fitted to one sentence fails here.
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.cues import CueIndex
from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call as _call


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemiddag, ik ben Sem van Loonwijs. Fijn dat ik langs mag komen",
            "Ik wil het vandaag hebben over de verlenging van jullie contract, en horen hoe "
            "het bevalt. Is dat oké?"]),
    ("en", ["Good afternoon Gerard, Sem from Loonwijs here.",
            "I'd like to talk today about the renewal of your contract, and hear how it is "
            "going. Is that OK?"]),
])
def test_an_agenda_naming_a_guarded_topic_is_agreed_not_refused(
        library: Library, lang: str, lines: list[str]) -> None:
    _engine, state, replies = _call(library, "objection-software-renewal", lang, lines)
    assert "objective_stated" in state.flags, replies
    assert not any(k.startswith("guarded:") for k in state.flags), replies
    assert "terug" not in replies[-1] and "come back" not in replies[-1], replies


RENEWAL_EN_TO_THE_DEMO = [
    'Morning Gerard! Good to see you again. How was your weekend?',
    ("Last time you told me about the timesheets from the building sites. Today I'd like to"
     ' go a bit deeper into that and, if it fits, plan a demo. OK with you?'),
    'How do the hours get from the sites to payroll at the moment?',
    'who types them in?',
    'How long does that take her every month?',
    'And if a correction is wrong, what happens then?',
    ('I understand that switching feels risky after last time. What exactly went wrong back'
     ' then?'),
    ('What if we ran your own payroll in parallel for two months, so you only switch when '
     'the results match to the cent? Would that take away your worry?'),
    'Who besides you would need to be in the demo?',
    'Could we do the demo on Thursday 12 March at 2pm with Monique and the works council?',
]


@pytest.mark.parametrize("ask", [
    "Great. Could you also give me Monique's email address?",
    "Fine. can u send me monique's e-mail address?",
])
def test_a_contact_request_while_an_objection_waits_gets_the_details(
        library: Library, ask: str) -> None:
    engine, state, replies = _call(library, "objection-software-renewal", "en",
                                   RENEWAL_EN_TO_THE_DEMO)
    assert state.pending_objection, replies
    result = engine.turn(state, ask)
    assert result.analysis.steps == [], result.reply
    assert "mail" in result.reply.lower(), result.reply
    assert "settle my point" not in result.reply, result.reply


@pytest.mark.parametrize(("lang", "keyword", "near", "repeated"), [
    ("en", "discuss ... with ... coordinator",
     "I will discuss it with the IT coordinator and the head",
     "I will discuss it with the IT coordinator and with the head"),
    ("nl", "bespreken ... met ... coördinator",
     "ik moet het bespreken met de coördinator en de directeur",
     "ik moet het bespreken met de coördinator en met de directeur"),
])
def test_a_common_word_said_again_does_not_stretch_a_keyword(
        library: Library, lang: str, keyword: str, near: str, repeated: str) -> None:
    """The tightest stretch holding the keyword's words counts, not the first and last
    time a common word ("with", "met") occurs."""
    cl = CompiledScenario(library.scenarios["first-visit-cleaning"]).language(lang)
    index = CueIndex(cl.lm.pipeline)
    index.add_keywords("topic", [keyword])
    sure = index.match(cl.lm.analyze(near))["topic"]
    assert index.match(cl.lm.analyze(repeated)).get("topic") == sure


@pytest.mark.parametrize("ask", [
    # (her concern here is the last switch, not money: "wat zou voor jou een redelijk
    # bedrag zijn?" asks into a price concern she has not voiced; round 22 tests that)
    "Dat begrijp ik, negen jaar is lang. Wat zou er voor jou anders moeten?",
    "dat snap ik hoor. hoe zie je het zelf voor je?",
])
def test_an_open_question_after_acknowledging_is_not_dropped(
        library: Library, ask: str) -> None:
    lines = ["Goedemiddag, ik ben Sem van Loonwijs. Fijn dat ik langs mag komen",
             "hoe tevreden zijn jullie eigenlijk over het pakket?",
             "wat bedoel je precies met te duur?"]
    engine, state, replies = _call(library, "objection-software-renewal", "nl", lines)
    assert state.pending_objection, replies
    result = engine.turn(state, ask)
    assert "clarify" in result.analysis.steps, result.reply
    assert not result.reply.startswith("Fijn dat u dat begrijpt"), result.reply


@pytest.mark.parametrize(("lang", "keyword", "asks", "not_asks"), [
    ("nl", "tot wanneer|vanaf wanneer",
     ["tot wanneer loopt het contract?", "Wie beslist, en vanaf wanneer kunt u starten?"],
     ["wanneer gaat u tot actie over?"]),
    ("en", "by when|from when",
     ["By when do you need it?", "who decides, and from when could you start?"],
     ["when do you go by train?"]),
])
def test_a_keyword_with_a_preposition_before_its_question_word_matches(
        library: Library, lang: str, keyword: str, asks: list[str],
        not_asks: list[str]) -> None:
    cl = CompiledScenario(library.scenarios["first-visit-cleaning"]).language(lang)
    index = CueIndex(cl.lm.pipeline)
    index.add_keywords("topic", [keyword])
    for text in asks:
        assert "topic" in index.match(cl.lm.analyze(text)), text
    for text in not_asks:
        assert "topic" not in index.match(cl.lm.analyze(text)), text


@pytest.mark.parametrize(("lang", "keyword", "text"), [
    ("nl", "ict coordinator", "Kan ik het samen met de ICT-coördinator testen?"),
    ("nl", "coördinator", "Wanneer is de ICT-coördinator er?"),
    ("en", "account manager", "Would your account-manager join us?"),
])
def test_a_hyphenated_word_is_found_by_its_parts(
        library: Library, lang: str, keyword: str, text: str) -> None:
    cl = CompiledScenario(library.scenarios["first-visit-cleaning"]).language(lang)
    index = CueIndex(cl.lm.pipeline)
    index.add_keywords("topic", [keyword])
    assert "topic" in index.match(cl.lm.analyze(text)), text


@pytest.mark.parametrize(("lang", "lines", "first", "second"), [
    ("nl", ["Goedemorgen, ik ben Sanne Visser van SchoonWerk Nederland.",
            "Het doel van vandaag is kennismaken en uw wensen in kaart brengen.",
            "Hoe vaak komen ze nu, en hoe groot is het kantoor eigenlijk?"],
     "Drie keer per week", "450"),
    ("en", ["Good morning, I'm Sanne Visser from SchoonWerk.",
            "The aim for today is to get to know you and map your needs.",
            "How often do they come now, and how big is the office actually?"],
     "three times a week", "450"),
])
def test_two_questions_are_answered_in_the_order_asked(
        library: Library, lang: str, lines: list[str], first: str, second: str) -> None:
    """A keyword's place is where its words stand together ("how big"), not the first
    "how" of the message."""
    _engine, _state, replies = _call(library, "first-visit-cleaning", lang, lines)
    assert first in replies[-1] and second in replies[-1], replies[-1]
    assert replies[-1].index(first) < replies[-1].index(second), replies[-1]


def test_a_phrase_with_a_hyphen_keeps_its_own_meaning(library: Library) -> None:
    """'the run-up to Christmas' is a time of year: no 'run' for a go-live question."""
    cl = CompiledScenario(library.scenarios["spin-printing-urgency"]).language("en")
    index = CueIndex(cl.lm.pipeline)
    index.add_keywords("topic", ["run|running|up and running"])
    assert "topic" not in index.match(cl.lm.analyze("and in the run-up to Christmas?"))


def test_proposing_a_call_after_acknowledging_is_no_clarifying_question(
        library: Library) -> None:
    lines = ["Good afternoon Gerard, Sem from Loonwijs here.",
             "How happy are you with the package, actually?",
             "What exactly do you mean by that?"]
    engine, state, replies = _call(library, "objection-software-renewal", "en", lines)
    assert state.pending_objection, replies
    result = engine.turn(state, "Of course, take your time. When can I give you a call?")
    assert "clarify" not in result.analysis.steps, result.reply


@pytest.mark.parametrize("ask", [
    "Eight years says a lot, I wouldn't want to spoil that. What do you value most about "
    "them, and what does it cost you when an engineer is stuck without a van for a day?",
    "what do u like about them and how often is an engineer stuck without a van?",
])
def test_two_answers_that_share_a_sentence_say_it_once(library: Library, ask: str) -> None:
    _engine, _state, replies = _call(library, "drill-objection-current-supplier", "en",
                                     [ask])
    sentences = [s.strip() for s in replies[-1].replace("?", ".").split(". ") if s.strip()]
    assert len(sentences) == len(set(sentences)), replies[-1]


RENEWAL_EN_OBJECTION_HANDLED = [
    ('Hi Gerard, thanks for seeing me again. Last time we talked about the timesheets.'
     " Today I'd like to dig a bit deeper and see if a demo makes sense."),
    'Who fills in the hours on site now and how do they get to payroll?',
    'How long does that take your team each month?',
    'What happens when an allowance is calculated wrong?',
    ('I understand nine years with Loonhuis counts for something, and a bad switch is '
     'the last thing you want. What went wrong last time exactly?'),
    ('We run the old and new payroll side by side for two months, so nothing goes out '
     'until both match. Would that take away that worry?'),
]


@pytest.mark.parametrize("ask", [
    "How do you look at the €9.40 compared to what you pay now?",
    "and what are you paying loonhuis at the moment?",
])
def test_asked_what_she_pays_now_she_names_the_figure(library: Library, ask: str) -> None:
    engine, state, replies = _call(library, "objection-software-renewal", "en",
                                   RENEWAL_EN_OBJECTION_HANDLED)
    assert "7.80" in engine.turn(state, ask).reply, replies


SPIN_EN_BUDGET_OBJECTION = [
    'hi, Im Sem from LabelPro, thanks for making time. how are you doing?',
    ("Today I'd like to understand how printing works in your fulfilment centre and "
     'see if we can help, ok?'),
    'so how many printers do you have and who looks after them',
    'what kind of problems do you run into with them?',
    'how often does that happen',
    ('and what does that mean for your team when the printer is down before a '
     'deadline?'),
    'What would it be worth to you if that never happened again?',
    'We offer a managed print service where we fix any breakdown within 4 hours.',
]


@pytest.mark.parametrize("check", [
    "You said the downtime costs you hours before deadlines, with our 4-hour fix that "
    "would be solved. Does that sound useful?",
    "so the jams cost you trucks, and with our 4 hour fix that's gone. does that help?",
])
def test_a_summary_carrying_the_answer_to_her_objection_gets_an_answer_about_it(
        library: Library, check: str) -> None:
    engine, state, replies = _call(library, "spin-printing-urgency", "en",
                                   SPIN_EN_BUDGET_OBJECTION)
    assert state.pending_objection, replies
    result = engine.turn(state, check)
    assert "check" in result.analysis.steps, result.reply
    assert "right" not in result.reply and "Exactly" not in result.reply, result.reply


FIRST_VISIT_NL_WEAK = [
    'hoi, met tim van schoonwerk',
    'hoe gaat ie? lekker weer he vandaag',
    ('wij zijn de beste schoonmaker van nederland, we doen alles: kantoren, ramen, '
     'tapijt. zal ik een offerte sturen?'),
    'ok sorry. hoeveel vestigingen heeft u en wie maakt er nu schoon?',
    'wie doet dat dan?',
    'hoe lang zit u daar al mee?',
    'en bent u tevreden of niet eigenlijk',
    'heeft u klachten?',
]


@pytest.mark.parametrize(("lang", "lines", "ask"), [
    ("nl", FIRST_VISIT_NL_WEAK, "wij kunnen het 15% goedkoper doen als u nu tekent"),
    ("en", ["hi, tim from schoonwerk here",
            "how many branches do you have and who cleans them now?",
            "and are you happy with them or not",
            "any complaints?"], "we can do it 15% cheaper if you sign today"),
])
def test_asking_for_the_order_on_a_first_visit_is_no_agreed_appointment(
        library: Library, lang: str, lines: list[str], ask: str) -> None:
    engine, state, _replies = _call(library, "first-visit-cleaning", lang, lines)
    reply = engine.turn(state, ask).reply
    assert not state.closing["agreed"], reply
    assert "agenda" not in reply and "diary" not in reply, reply


def test_a_proposal_after_the_agreement_is_not_confirmed_like_a_summary(
        library: Library) -> None:
    lines = ["Goedemorgen, ik ben Sanne Visser van SchoonWerk Nederland.",
             "Het doel van vandaag is kennismaken en uw wensen in kaart brengen.",
             "Hoeveel vestigingen heeft u en wie maakt er nu schoon?",
             "Hoe tevreden bent u over de schoonmaak?",
             "Zal ik donderdag 14 maart om 10 uur langskomen met een voorstel?"]
    engine, state, replies = _call(library, "first-visit-cleaning", "nl", lines)
    assert state.closing["agreed"], replies
    reply = engine.turn(state, "kunnen we volgende week afspreken?").reply
    assert reply not in ("Ja, dat klopt.", "Zo is het, ja."), reply
