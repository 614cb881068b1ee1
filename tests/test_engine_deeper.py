"""A buyer who is asked further tells more: the next fact, not "as I said" and the same one.

Cases from reviewed calls nobody tuned on, each with a variation in the other language or
in a learner's typing, so a rule fitted to one sentence fails here.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call as _call

DIALOGUES = Path(__file__).resolve().parents[1] / "benchmarks" / "dialogues" / "dev"
REPEAT = ("As I said", "Like I just said", "Zoals ik al zei", "Dat zei ik net al")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", ["Good morning Ingrid, I'm Tom from PrintPartners.",
            "Do the printers ever cause problems?",
            "What happens when one jams at the end of the day?"], "seven"),
    ("en", ["Good morning Ingrid, I'm Tom from PrintPartners.",
            "do the printers ever give trouble",
            "what happens to ur deliveries then"], "seven"),
    ("nl", ["Goedemorgen Ingrid, ik ben Tom van PrintPartners.",
            "Hebben jullie weleens problemen met de printers?",
            "En wat gebeurt er dan met de orders die klaarstaan?"], "zeven uur"),
])
def test_a_consequence_question_after_her_short_answer_gets_the_consequence(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    _engine, state, replies = _call(library, "spin-printing-urgency", lang, lines)
    assert "short:jams_peak" in state.flags, replies[1]
    assert expected in replies[-1], replies
    assert "late_trucks" in state.revealed


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemorgen Ingrid, ik ben Tom van PrintPartners.",
            "Waar lopen jullie in de piek tegenaan met de printers?",
            "En wat gebeurt er dan met de orders die op dat moment klaarstaan?",
            "Wat betekent het voor uw webshopklanten als een wagen zonder die pakketten "
            "vertrekt?"]),
    ("en", ["Good morning Ingrid, I'm Tom from PrintPartners.",
            "Where do you run into problems with the printers at peak?",
            "What happens when one jams at the end of the day?",
            "What does it mean for your web-shop customers when a truck leaves without "
            "those parcels?"]),
])
def test_asked_further_about_a_told_consequence_she_tells_the_next_one(
        library: Library, lang: str, lines: list[str]) -> None:
    engine, state, replies = _call(library, "spin-printing-urgency", lang, lines[:-1])
    result = engine.turn(state, lines[-1])
    replies.append(result.reply)
    assert "late_trucks" in state.revealed, replies
    assert not replies[-1].startswith(REPEAT), replies[-1]
    # what comes next (the penalties, the lost customer): told, or kept back in her words
    assert state.revealed["late_trucks"] == 1, replies[-1]
    assert "late_trucks" not in result.analysis.answered or "penalties" in state.revealed or (
        "guarded:penalties" in result.events), replies


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Good afternoon, I'm Sam de Vries from Urenwerk.",
            "Where does the payroll process go wrong most often?",
            "And when a correction comes in late, what does that mean for the men on site "
            "and for your payroll people?"]),
    ("nl", ["Goedemiddag, ik ben Sam de Vries van Urenwerk.",
            "Waar gaat het in de salarisverwerking het vaakst mis?",
            "En als een correctie te laat binnenkomt, wat betekent dat dan voor de mannen op "
            "de bouwplaats en voor uw salarisadministratie?"]),
])
def test_an_implication_question_on_a_told_pain_is_no_repeat(
        library: Library, lang: str, lines: list[str]) -> None:
    _engine, state, replies = _call(library, "objection-software-renewal", lang, lines)
    assert "cao_errors" in state.revealed, replies
    assert not any(r in replies[-1] for r in REPEAT), replies[-1]
    assert "hours_process" in state.revealed or "staffing" in state.revealed, replies[-1]


@pytest.mark.parametrize(("lang", "lines", "fact", "expected"), [
    ("en", ["hi im tess from schoonwerk, nice to meet u",
            "wich company does the cleaning now"], "supplier", "Blinkend"),
    ("en", ["hi im tess from schoonwerk, nice to meet u",
            "whcih company cleans for u now?"], "supplier", "Blinkend"),
    ("nl", ["hoi ik ben tess van schoonwerk",
            "hoevel vierkante meter is het kantoor"], "square_metres", "450"),
])
def test_mistyped_question_words_still_ask_the_question(
        library: Library, lang: str, lines: list[str], fact: str, expected: str) -> None:
    _engine, state, replies = _call(library, "first-visit-cleaning", lang, lines)
    assert fact in state.revealed, replies
    assert expected in replies[-1]


@pytest.mark.parametrize(("scenario", "lang", "lines", "fact"), [
    ("objection-software-renewal", "en", ["Good afternoon, I'm Sam de Vries from Urenwerk.",
                                           "Who are you with at the moment?"],
     "current_supplier"),
    ("objection-software-renewal", "nl", ["Goedemiddag, ik ben Sam de Vries van Urenwerk.",
                                           "Bij wie zitten jullie nu eigenlijk?"],
     "current_supplier"),
    ("objection-software-renewal", "nl", ["Goedemiddag, ik ben Sam de Vries van Urenwerk.",
                                           "Hoe gaat het eigenlijk met het bedrijf, veel "
                                           "projecten?"], "organisation"),
    ("objection-software-renewal", "en", ["Good afternoon, I'm Sam de Vries from Urenwerk.",
                                           "So how is business, lots of projects?"],
     "organisation"),
    ("spin-printing-urgency", "en", ["Good morning Ingrid, I'm Tom from PrintPartners.",
                                      "What printers do you use on the packing line, and who "
                                      "looks after them?"], "maintenance"),
])
def test_everyday_wordings_reach_what_the_persona_knows(
        library: Library, scenario: str, lang: str, lines: list[str], fact: str) -> None:
    """"Who are you with?" is a question about the supplier, not one she "can't say much
    about"."""
    _engine, state, replies = _call(library, scenario, lang, lines)
    assert fact in state.revealed, replies


@pytest.mark.parametrize(("scenario", "lang", "lines", "greetings"), [
    ("objection-software-renewal", "en",
     ["Good morning Mr Smits! Great to be back. I've brought our new presentation, shall I "
      "just get started?",
      "So Werkwijzer HR is the complete package: payroll, an hours app for the building "
      "site and an employee app."], ("Welcome back", "Good to see you again")),
    ("closing-catering-followup", "en",
     ["Hi Marco, good to see you again.", "So what did you think of the proposal?",
      "Great to hear you like it! We also do catering for meetings, so you could have "
      "everything under one roof."], ("Welcome back", "Good to see you again")),
])
def test_no_greeting_once_the_call_is_under_way(
        library: Library, scenario: str, lang: str, lines: list[str],
        greetings: tuple[str, ...]) -> None:
    _engine, _state, replies = _call(library, scenario, lang, lines)
    assert not any(g in r for g in greetings for r in replies[1:]), replies


@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    ("objection-software-renewal", "en",
     ["Good afternoon, I'm Sam de Vries from Urenwerk.", "Who decides on new payroll software?",
      "Could you give me the finance director's email address, so I can send the invitation?"]),
    ("objection-software-renewal", "nl",
     ["Goedemiddag, ik ben Sam de Vries van Urenwerk.",
      "Wie beslist er over nieuwe salarissoftware?",
      "Mag ik het e-mailadres van de financieel directeur, dan stuur ik de uitnodiging?"]),
    ("closing-catering-followup", "en",
     ["Hi Marco, good to see you again.",
      "How does invoicing work with you, do you need a purchase order number?",
      "Could you send me the name of whoever handles your purchase orders?"]),
])
def test_asked_for_contact_details_she_gives_them_instead_of_a_told_fact(
        library: Library, scenario: str, lang: str, lines: list[str]) -> None:
    engine, state, replies = _call(library, scenario, lang, lines[:-1])
    told = dict(state.revealed)
    assert told, replies
    reply = engine.turn(state, lines[-1]).reply
    assert not any(r in reply for r in REPEAT), reply
    assert dict(state.revealed) == told, reply
    assert "mail" in reply.lower(), reply


SPIN_START = {
    "en": ["Good morning Ingrid, I'm Tom from PrintPartners.",
           "Where do you run into problems with the printers at peak?",
           "What happens when one jams at the end of the day?"],
    "nl": ["Goedemorgen Ingrid, ik ben Tom van PrintPartners.",
           "Waar lopen jullie in de piek tegenaan met de printers?",
           "En wat gebeurt er dan met de orders die op dat moment klaarstaan?"],
}


@pytest.mark.parametrize(("lang", "summary", "confirmed"), [
    ("en", "So, to sum up: jams at peak, and then parcels miss the last trailer, which "
           "costs you penalties, overtime and maybe a customer. Did I get that right?", False),
    ("nl", "Als ik het samenvat: in de piek lopen ze vast, dan missen pakketten de trailer, "
           "en dat kost u boetes, overuren en misschien een klant. Klopt dat?", False),
    ("en", "So, to sum up: jams at peak, and then parcels miss the last trailer. Did I get "
           "that right?", True),
    ("nl", "Als ik het samenvat: in de piek lopen ze vast en dan missen pakketten de "
           "trailer. Klopt dat?", True),
])
def test_a_summary_with_things_she_never_said_is_corrected(
        library: Library, lang: str, summary: str, confirmed: bool) -> None:
    engine, state, replies = _call(library, "spin-printing-urgency", lang, SPIN_START[lang])
    assert "late_trucks" in state.revealed, replies
    result = engine.turn(state, summary)
    assert result.record is not None and result.record.act == "summary", result.record
    yes = ("that's right", "Exactly", "dat klopt", "Precies")
    assert any(y in result.reply for y in yes) is confirmed, result.reply


def test_she_names_who_decides_when_asked_who_the_boss_is(library: Library) -> None:
    _engine, state, replies = _call(library, "spin-printing-urgency", "en", [
        "Good morning Ingrid, I'm Tom from PrintPartners.",
        "Who's the boss on this, you or the director?"])
    assert "dmu" in state.revealed and "Ruud" in replies[-1], replies


@pytest.mark.parametrize(("lang", "lines", "told_again"), [
    ("en", ["Good afternoon, I'm Sam de Vries from Urenwerk.", "Who are you with at the moment?",
            "What budget have you set aside for payroll software next year, and when does the "
            "current contract end?"], "Loonhuis, since 2016"),
    ("nl", ["Goedemiddag, ik ben Sam de Vries van Urenwerk.", "Welk salarispakket gebruikt u?",
            "Wanneer loopt het contract met uw huidige leverancier af, en wat is de "
            "opzegtermijn?"], "Loonhuis, sinds 2016"),
])
def test_a_told_fact_is_not_recited_between_new_answers(
        library: Library, lang: str, lines: list[str], told_again: str) -> None:
    _engine, state, replies = _call(library, "objection-software-renewal", lang, lines)
    assert "current_supplier" in state.revealed, replies
    assert told_again not in replies[-1], replies[-1]
    assert "1 oktober" in replies[-1] or "1 October" in replies[-1] or (
        "contract_end" not in state.revealed), replies[-1]


def test_a_buyer_who_says_je_keeps_saying_je(library: Library) -> None:
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    assert library.scenarios["closing-catering-followup"].buyer.address == "je"
    lex = engine.cs.language("nl").lm.lexicon
    for key in lex.lines:
        for line in lex.line(key, "je"):
            assert not any(w in ("u", "uw") for w in line.lower().replace("?", " ").replace(
                ".", " ").replace(",", " ").split()), (key, line)


@pytest.mark.parametrize(("lang", "lines", "bye"), [
    ("en", ["Good morning Ingrid, I'm Tom from PrintPartners.",
            "Could I come by for a demo on Wednesday 10 September at 2 pm?"],
     "Thanks Ingrid, see you then!"),
    ("nl", ["Goedemorgen Ingrid, ik ben Tom van PrintPartners.",
            "Mag ik woensdag 10 september om 14 uur langskomen voor een demo?"],
     "Dank je Ingrid, tot dan!"),
])
def test_a_goodbye_right_after_she_held_off_a_date_does_not_book_it(
        library: Library, lang: str, lines: list[str], bye: str) -> None:
    engine, state, replies = _call(library, "spin-printing-urgency", lang, lines)
    assert not state.closing["agreed"], replies
    reply = engine.turn(state, bye).reply
    assert state.ended
    assert "isn't agreed" in reply or "staat nog niet vast" in reply, reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", ["Good morning Ingrid, I'm Tom from PrintPartners.",
            "How many orders do you ship per day?",
            "And in peak season, how much more is that?"], "14,000"),
    ("nl", ["Goedemorgen Ingrid, ik ben Tom van PrintPartners.",
            "Hoeveel orders gaan er per dag de deur uit?",
            "En in de piek, hoeveel meer is dat dan?"], "14.000"),
])
def test_asked_how_much_more_at_peak_she_gives_the_peak_figure(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    _engine, _state, replies = _call(library, "spin-printing-urgency", lang, lines)
    assert expected in replies[-1], replies


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "Wat gebeurt er als de uren een keer te laat binnenkomen?"),
    ("en", "What happens when the hours come in late?"),
])
def test_late_hours_lead_to_the_corrections_she_knows_about(
        library: Library, lang: str, question: str) -> None:
    intro = {"nl": "Goedemiddag, ik ben Sam de Vries van Urenwerk.",
             "en": "Good afternoon, I'm Sam de Vries from Urenwerk."}[lang]
    _engine, state, replies = _call(library, "objection-software-renewal", lang,
                                    [intro, question])
    assert "cao_errors" in state.revealed, replies


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "Have you looked at other caterers too? Who are you comparing us with?"),
    ("en", "are u looking at other caterers too"),
    ("nl", "Kijken jullie ook nog bij andere cateraars?"),
])
def test_a_question_about_other_caterers_is_about_the_competitor(
        library: Library, lang: str, question: str) -> None:
    hello = {"en": "Hi Marco, good to see you again.", "nl": "Hoi Marco, goed je weer te zien."}
    _engine, state, replies = _call(library, "closing-catering-followup", lang,
                                    [hello[lang], question])
    assert "competitor" in state.revealed, replies
    assert "decision_criteria" not in state.revealed, replies


def test_an_argument_after_understanding_is_not_thanked_for_understanding(
        library: Library) -> None:
    engine, state, replies = _call(library, "spin-printing-urgency", "en", [
        "Good morning Ingrid, I'm Tom from PrintPartners.",
        "Where do you run into problems with the printers at peak?",
        "We could replace the label printers with new leased ones and monitor them remotely, "
        "so you'd have far fewer of the jams you just described."])
    assert state.pending_objection == "not_budgeted", replies
    result = engine.turn(state, "OK, I understand. Maybe we could spread the cost over the "
                                "lease, so it's a monthly amount instead of one big investment.")
    assert "glad you understand" not in result.reply and "Good that you see" not in (
        result.reply), result.reply


def test_accepting_an_answer_she_does_not_claim_an_offer_nobody_made(library: Library) -> None:
    """Pay-per-lunch convinces him; he names the trial week as his wish, not as if the
    learner had offered it ("A trial week ... yes, I can sell that")."""
    # the reviewed call, replayed up to the answer to his doubt
    path = DIALOGUES / "closing-catering-followup.en.good.h1.yaml"
    lines = [t["learner"] for t in yaml.safe_load(path.read_text())["turns"][:15]]
    engine, state, _replies = _call(library, "closing-catering-followup", "en", lines)
    result = engine.turn(state, "Because you pay per lunch taken, you only pay for what people "
                                "actually eat. Does that take away your doubt?")
    assert "handled:think_it_over" in result.events, result.reply
    assert not result.reply.startswith("A trial week"), result.reply
    assert "if we can start with a trial week" in result.reply, result.reply


@pytest.mark.parametrize(("lang", "agenda"), [
    ("nl", "Mijn voorstel: we maken eerst kort kennis, dan stel ik u een aantal vragen over hoe "
           "de schoonmaak nu loopt en wat u belangrijk vindt, en aan het eind kijken we samen of "
           "een vervolgafspraak zin heeft. Past dat in uw half uur?"),
    ("en", "My proposal: first we get acquainted briefly, then I'll ask you some questions about "
           "how the cleaning goes now and what matters to you, and at the end we see together "
           "whether a follow-up appointment makes sense. Does that fit in your half hour?"),
])
def test_an_agenda_that_ends_in_a_follow_up_is_agreed_not_stalled(
        library: Library, lang: str, agenda: str) -> None:
    hello = {"nl": "Goedemorgen mevrouw De Groot, ik ben Sanne Bakker van SchoonWerk Nederland.",
             "en": "Good morning Ms de Groot, I'm Sanne Bakker from SchoonWerk Nederland."}
    engine, state, _replies = _call(library, "first-visit-cleaning", lang, [hello[lang]])
    result = engine.turn(state, agenda)
    assert "stall" not in result.events, result.reply
    assert "objective_stated" in state.flags, result.reply


@pytest.mark.parametrize(("lang", "lines", "ask"), [
    ("en", ["Good morning, I'm Tom from SchoonWerk Netherlands. Could you tell me about your role?",
            "Who cleans the office now, and how happy are you with them?",
            "How many square metres is it, and how often do they come?",
            "We can offer a fixed screened team that cleans after five."],
     "Great. Could I have your email address so I can send a confirmation?"),
    ("nl", ["Goedemorgen, ik ben Tom van SchoonWerk Nederland. Wat is uw rol hier?",
            "Wie maakt er nu schoon, en hoe tevreden bent u over hen?",
            "Hoeveel vierkante meter is het, en hoe vaak komen ze?",
            "Wij kunnen een vast, gescreend team bieden dat na vijf uur schoonmaakt."],
     "Mag ik uw e-mailadres en telefoonnummer noteren, dan stuur ik een bevestiging?"),
])
def test_asked_for_her_address_while_her_concern_stands_she_gives_her_card(
        library: Library, lang: str, lines: list[str], ask: str) -> None:
    engine, state, replies = _call(library, "first-visit-cleaning", lang, lines)
    assert state.pending_objection == "price", replies
    reply = engine.turn(state, ask).reply
    assert "card" in reply or "kaartje" in reply, reply


def test_her_reminder_is_not_the_same_sentence_twice_in_a_row(library: Library) -> None:
    engine, state, replies = _call(library, "first-visit-cleaning", "en", [
        "Good morning, I'm Tom from SchoonWerk Netherlands. Could you tell me about your role?",
        "Who cleans the office now, and how happy are you with them?",
        "How many square metres is it, and how often do they come?",
        "We can offer a fixed screened team that cleans after five."])
    assert state.pending_objection == "price", replies
    tails = []
    for proposal in ("Shall I come back on Thursday the 21st at ten with a quote?",
                     "Or would Friday the 22nd at nine suit you better?",
                     "Shall I come by on Monday the 25th at two then?"):
        reply = engine.turn(state, proposal).reply
        tails.append(reply.split(":", 1)[-1].strip().lower())  # after "Hold on, first this:"
    assert all(a != b for a, b in pairwise(tails)), tails


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Good afternoon, I'm Sam from Urenwerk.", "How do the hours from the sites come in?",
            "What does that mean for you?"]),
    ("nl", ["Goedemiddag, ik ben Sam van Urenwerk.", "Hoe komen de uren van de bouwplaats binnen?",
            "Wat betekent dat voor u?"]),
])
def test_what_that_means_right_after_a_problem_gets_what_follows_from_it(
        library: Library, lang: str, lines: list[str]) -> None:
    _engine, state, replies = _call(library, "objection-software-renewal", lang, lines)
    assert "hours_process" in state.revealed, replies
    assert "cao_errors" in state.revealed, replies[-1]
    assert "never" not in replies[-1] and "nooit" not in replies[-1], replies[-1]


@pytest.mark.parametrize(("lang", "proposal", "contradiction"), [
    ("en", "If we go ahead on this basis, shall we plan the start for Monday 1 September, when "
           "the canteen opens?", "after the summer"),
    ("nl", "Stel dat we het zo doen, kunnen we dan uitgaan van een start op 1 september?",
     "na de zomer"),
])
def test_stalling_a_start_date_she_does_not_name_that_very_date(
        library: Library, lang: str, proposal: str, contradiction: str) -> None:
    hello = {"en": "Hi Marco, good to see you again.", "nl": "Hoi Marco, goed je weer te zien."}
    engine, state, _replies = _call(library, "closing-catering-followup", lang, [hello[lang]])
    result = engine.turn(state, proposal)
    assert state.objections["think_it_over"].raised_turn is not None, result.reply
    assert contradiction not in result.reply, result.reply


def test_a_new_option_is_not_called_old_news(library: Library) -> None:
    """"Then we add a cold lunch option as standard" adds something: "that was all in the
    proposal" would be untrue, whatever the message is read as."""
    engine, state, _replies = _call(library, "closing-catering-followup", "nl", [
        "hoi marco, hoe gaat ie", "wat vond je van het voorstel", "wat zou je anders willen"])
    reply = engine.turn(state, "dan doen we standaard een extra koude lunchoptie erbij, "
                               "zelfde prijs").reply
    assert "stond allemaal in het voorstel" not in reply, reply


@pytest.mark.parametrize(("lang", "offer"), [
    ("en", "We could lower the price: the employee contribution goes to €2.25."),
    ("nl", "We kunnen de prijs verlagen: de eigen bijdrage gaat naar € 2,25."),
])
def test_a_discount_on_a_follow_up_visit_is_not_met_with_you_dont_know_our_needs(
        library: Library, lang: str, offer: str) -> None:
    hello = {"en": "Hi Marco, good to see you again.", "nl": "Hoi Marco, goed je weer te zien."}
    engine, state, _replies = _call(library, "closing-catering-followup", lang, [hello[lang]])
    result = engine.turn(state, offer)
    reply = result.reply
    assert "discount" in result.record.moves, result.record
    assert "know what we need" not in reply and "wat we nodig hebben" not in reply, reply
    assert "Korting?" in reply or "discount" in reply.lower(), reply


@pytest.mark.parametrize(("sid", "lang", "lines", "expected"), [
    ("first-visit-cleaning", "en", ["Good morning, I'm Sem from SchoonWerk.",
                                    "Who does the cleaning now and are you happy with them?",
                                    "can you give me an example?"], "will reading"),
    ("first-visit-cleaning", "nl", ["Goedemorgen, ik ben Sem van SchoonWerk.",
                                    "Wie maakt er nu schoon en bent u tevreden?",
                                    "Kunt u een voorbeeld geven?"], "testamentbespreking"),
    ("spin-printing-urgency", "en", ["Hi, I'm Sem from Printwise.",
                                     "What problems do you have with the printers?",
                                     "can you give me an example?"], "trailer"),
])
def test_asked_for_an_example_of_what_she_just_told_she_tells_what_it_led_to(
        library: Library, sid: str, lang: str, lines: list[str], expected: str) -> None:
    """'Hm, I couldn't tell you much about that' to 'can you give me an example?' right
    after her complaint: a person tells the story behind it."""
    _engine, _state, replies = _call(library, sid, lang, lines)
    assert expected in replies[-1], replies


def test_giving_an_example_is_not_giving_her_contact_details(library: Library) -> None:
    """'geven' is no 'gegevens' (the Dutch stemmer makes both 'geven')."""
    _engine, _state, replies = _call(library, "first-visit-cleaning", "nl", [
        "Goedemorgen, ik ben Sem van SchoonWerk.", "Kunt u een voorbeeld geven?"])
    assert "kaartje" not in replies[-1] and "@" not in replies[-1], replies
