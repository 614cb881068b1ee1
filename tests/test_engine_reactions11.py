"""The buyer reacts to what the learner actually did (round 11): money offered while her
concern stands, a pitch on a follow-up visit, a "yes, but", and a goodbye that treats a
date she did not agree to as agreed."""

from __future__ import annotations

import pytest
import yaml

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.conftest import ROOT
from tests.engine_calls import RENEWAL_OPENING
from tests.engine_calls import call as _call


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


OPENING = RENEWAL_OPENING
PLEASED = ("glad you understand", "good that you see", "fijn dat u", "goed dat u",
           "fijn dat je", "goed dat je")


# a message that passes her concern by: she reminds the learner of it
IGNORES = {"en": "With more than 600 construction firms as clients, you know you're safe.",
           "nl": "Met meer dan 600 bouwbedrijven als klant weet u dat het goed zit."}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Our app fixes that, the guys fill it in on their phone. Look, if you sign this "
           "month I can do €8.50 instead of €9.40."),
    ("en", "I can give you 10% discount if you sign before the end of the month."),
    ("nl", "Ik kan kijken of er nog 10% korting af kan als u voor het eind van de maand "
           "tekent."),
])
def test_money_offered_while_her_concern_stands_gets_a_reaction(
        library: Library, lang: str, line: str) -> None:
    """An ex-controller notices a price cut; "you're not addressing my point" ignores it."""
    _engine, state, replies = _call(library, "objection-software-renewal", lang,
                                    [*OPENING[lang], IGNORES[lang], line])
    assert state.pending_objection, replies  # a discount answers no concern
    reply = replies[-1].lower()
    assert any(w in reply for w in ("price", "discount", "prijs", "korting")), replies[-1]


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Hi Marco, good to see you again! Thanks for having me back.",
            "Our lunch concept is fresh, healthy and varied: a salad bar, two hot dishes a day "
            "and sandwiches made to order.",
            "And the price is €6.90 per lunch, of which €2.50 for the employee. That's really "
            "competitive, most caterers are above €7.",
            "Plus we have an app where staff can see the menu and rate every dish, your people "
            "will love it.",
            "We also do the lunches at a big engineering firm in Delft, they're super happy "
            "with us."]),
    ("nl", ["Hoi Marco, leuk je weer te zien! Bedankt dat ik terug mocht komen.",
            "Ons lunchconcept is vers, gezond en gevarieerd: een saladebar, elke dag twee "
            "warme gerechten en broodjes op bestelling.",
            "En de prijs is € 6,90 per lunch, waarvan € 2,50 voor de medewerker. Dat is echt "
            "scherp, de meeste cateraars zitten boven de € 7.",
            "Daarnaast hebben we een app waarin medewerkers het menu zien en elk gerecht "
            "beoordelen, daar worden je mensen blij van.",
            "We doen ook de lunch bij een groot ingenieursbureau in Delft, die zijn super "
            "tevreden over ons."]),
])
def test_a_pitch_on_a_follow_up_visit_is_no_first_meeting(
        library: Library, lang: str, lines: list[str]) -> None:
    """The seller wrote them a proposal: "you don't know anything about us yet" is a line
    for a first visit."""
    _engine, _state, replies = _call(library, "closing-catering-followup", lang, lines)
    strangers = ("know anything about us", "hardly know us", "weet nog niets van ons",
                 "weet nog weinig van ons", "nauwelijks iets van ons")
    assert not any(s in r for r in replies for s in strangers), replies
    assert len(set(replies[1:])) == len(replies[1:]), replies  # no line said twice


@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    ("drill-objection-current-supplier", "nl",
     ["Dat hoor ik vaker, maar VanVloot heeft de scherpste tarieven van Nederland en een app "
      "waarin u alles zelf regelt."]),
    ("objection-software-renewal", "en",
     [*OPENING["en"], "I hear that a lot, but Werkwijzer HR simply has the sharpest rates "
      "in the country."]),
])
def test_a_yes_but_is_not_taken_as_understanding(
        library: Library, scenario: str, lang: str, lines: list[str]) -> None:
    _engine, state, replies = _call(library, scenario, lang, lines)
    assert state.pending_objection, replies
    assert not any(p in replies[-1].lower() for p in PLEASED), replies[-1]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "ok snap ik. laat maar weten wat je besluit"),
    ("nl", "Dat begrijp ik, u zit er al negen jaar en het werkt."),
])
def test_plain_understanding_with_a_softening_maar_is_still_welcomed(
        library: Library, lang: str, line: str) -> None:
    """"laat maar weten" is no "yes, but"."""
    _engine, _state, replies = _call(library, "objection-software-renewal", lang,
                                     [*OPENING[lang], line])
    assert any(p in replies[-1].lower() for p in PLEASED), replies[-1]


@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    # she answered the dated demo with her concern; two turns later the learner leaves as
    # if the date stood
    ("objection-software-renewal", "nl",
     ["Goedemorgen Gerard, dank je voor de koffie. Hoe is het sinds de vorige keer?",
      "Vandaag wil ik je graag laten zien wat we met de uren-app voor jullie kunnen doen.",
      "Of beter: zullen we een demo plannen? Dinsdag 8 oktober om 14.00 uur bijvoorbeeld?",
      "Wie zou je er verder bij willen hebben?",
      "Prima, dan stuur ik jullie een uitnodiging. Bedankt en tot dinsdag de 8e!"]),
    ("objection-software-renewal", "en",
     ["Good morning Gerard, thanks for the coffee. How have you been since last time?",
      "Today I'd like to show you what our hours app can do for you.",
      "Or better: shall we plan a demo? Tuesday 8 October at 2 pm, for instance?",
      "Who else would you like to be there?",
      "Great, I'll send you all an invitation. Thanks, and see you then!"]),
])
def test_a_goodbye_that_takes_up_a_refused_date_is_corrected(
        library: Library, scenario: str, lang: str, lines: list[str]) -> None:
    _engine, state, replies = _call(library, scenario, lang, lines)
    assert not state.closing["agreed"], replies
    assert any(w in replies[-1] for w in ("niet vast", "isn't agreed", "not agreed")), replies


def test_a_plain_goodbye_after_a_refused_date_is_just_goodbye(library: Library) -> None:
    """Leaving without assuming the date needs no correction."""
    _engine, _state, replies = _call(library, "objection-software-renewal", "en", [
        "Good morning Gerard, thanks for the coffee. How have you been since last time?",
        "Or better: shall we plan a demo? Tuesday 8 October at 2 pm, for instance?",
        "Who else would you like to be there?",
        "Thanks for your time, Gerard. Goodbye!"])
    assert "agreed" not in replies[-1], replies[-1]


GREETS = ("Nice to meet you.", "Welcome. Good of you to come.", "Prettig kennis te maken.",
          "Welkom. Goed dat u er bent.", "Welkom. Goed dat je er bent.")


@pytest.mark.parametrize(("scenario", "lang", "line", "word"), [
    ("spin-printing-urgency", "en",
     "hi ingrid, lisa from printwise :) thx for replying to our mail. busy day?", "busy"),
    ("spin-printing-urgency", "nl",
     "Hoi Ingrid, ik ben Joris van Printwise. Druk beneden zeg, is dat altijd zo?", "druk"),
    ("first-visit-cleaning", "en",
     "hi marieke, im sanne from schoonwerk. nice office! is that your dog on the photo?", ""),
    ("first-visit-cleaning", "nl", "Goedemorgen mevrouw de Groot, Daan Vermeer van SchoonWerk "
     "Nederland. Mooi pand trouwens, is het een van die oude grachtenpanden?", ""),
])
def test_a_first_greeting_that_asks_her_something_gets_an_answer(
        library: Library, scenario: str, lang: str, line: str, word: str) -> None:
    """"busy day?" is a question: "nice to meet you" leaves it hanging."""
    _engine, _state, replies = _call(library, scenario, lang, [line])
    assert replies[0] not in GREETS, replies[0]
    assert word in replies[0].lower(), replies[0]


def test_small_talk_later_in_the_call_does_not_restart_it(library: Library) -> None:
    """Once she has said her own small-talk line and told facts, "where shall we start?"
    would take the call back to its first minute."""
    _engine, _state, replies = _call(library, "spin-printing-urgency", "nl", [
        "Hoi Ingrid, ik ben Joris van Printwise. Druk beneden zeg, is dat altijd zo?",
        "Welke printers hebben jullie nu?",
        "En in december? Dan zal het wel knallen 😄"])
    assert "beginnen" not in replies[-1] and "helpen" not in replies[-1], replies[-1]


PRINTING_TO_OBJECTION = [
    "Dag Ingrid, Lotte Hermans van Printwise. Fijn dat je tijd maakt, ik hou het binnen de "
    "twintig minuten.",
    "Mijn voorstel: ik vertel kort wie wij zijn, dan wil ik vooral van jou horen hoe het "
    "printen hier loopt en waar het knelt, en we sluiten af met een logische volgende stap. "
    "Is dat oké?",
    "Welke printers staan er nu op de vloer, en wie doet het onderhoud?",
    "Hoe vaak valt er weleens een printer uit?",
    "Wat betekent zo'n storing voor de orders die die dag de deur uit moeten?",
    "Wat zou het voor jou betekenen als een storing binnen vier uur verholpen is, of al "
    "gemeld wordt voordat de printer stilvalt?",
    "Dat is precies wat onze monitoring doet: je zei dat bij een storing de orders blijven "
    "liggen. Wij zien een storing aankomen en een monteur is binnen vier uur bij je, met een "
    "vervangende printer.",
    "Dat begrijp ik, het staat niet in de begroting. Wanneer wordt die voor volgend jaar "
    "gemaakt, en wie beslist daarover?",
]


def test_a_dated_proposal_while_she_objects_gets_an_answer_to_the_proposal(
        library: Library) -> None:
    """"I hear you, but my point stands" to "a demo on Thursday 3 October at 9, does that
    suit you?" ignores the proposal; she answers it ("before we plan anything: ...")."""
    _engine, state, replies = _call(library, "spin-printing-urgency", "nl", [
        *PRINTING_TO_OBJECTION,
        "Dan stel ik voor dat ik op donderdag 3 oktober om 9.00 uur hier op de vloer een demo "
        "geef, aan jou en aan degene die over het budget gaat. Past dat?"])
    assert state.pending_objection == "not_budgeted", replies
    # October is past her 1 July notice date: "too late" answers the proposal first
    assert replies[-1].startswith(("Ho, eerst dit", "Voordat we iets inplannen",
                                   "Dat is te laat")), replies[-1]
    assert "Ruud" in replies[-1]  # and her concern still stands


def _dev_lines(name: str, upto: int) -> list[str]:
    """The learner's lines of a labelled dev call, up to (not including) turn ``upto``."""
    path = ROOT / "benchmarks" / "dialogues" / "dev" / name
    return [t["learner"] for t in yaml.safe_load(path.read_text())["turns"][:upto]]


@pytest.mark.parametrize(("month", "late"), [("October", True), ("June", False)])
def test_a_demo_after_her_deadline_is_too_late(library: Library, month: str,
                                                late: bool) -> None:
    """She said it must run by mid-October and Ruud decides in July: a demo on 10 October
    comes after everything is decided; a June date is agreed."""
    _engine, state, replies = _call(library, "spin-printing-urgency", "en", [
        *_dev_lines("spin-printing-urgency.en.good.yaml", 14),
        f"Shall we do a demo on your packing line on Tuesday 10 {month} at 9, with you and "
        "your director?"])
    assert ("too late" in replies[-1]) is late, replies[-1]
    assert state.closing["agreed"] is not late, replies[-1]


def test_money_offered_does_not_win_her_over(library: Library) -> None:
    """An earlier answer plus "I understand ... I can give you 15% off" is no answer to his
    worry about the switch: no "all right, it's worth a look"."""
    _engine, state, replies = _call(library, "objection-software-renewal", "en", [
        *_dev_lines("objection-software-renewal.en.pitch.h1.yaml", 7),
        "I understand it's more than you pay now. But if you sign before the end of the "
        "month I can give you 15% off."])
    assert not state.objections["happy_current"].handled, replies[-1]
    assert "worth a look" not in replies[-1], replies[-1]


def test_asking_what_holds_him_back_gets_his_reason_not_his_yes(library: Library) -> None:
    """A clarifying question after an earlier answer: he says what is behind his doubt,
    he does not accept as if an answer had just been given ("that helps, yes")."""
    _engine, state, replies = _call(library, "closing-catering-followup", "nl", [
        *_dev_lines("closing-catering-followup.nl.good.h3.yaml", 12),
        "Ik snap dat je er nog even over na wilt denken. Waar wil je precies nog over "
        "nadenken: het menu, de prijs of iets anders?"])
    assert not replies[-1].startswith("Dat helpt"), replies[-1]
    assert state.pending_objection, replies[-1]


def test_a_count_set_against_another_is_no_discount(library: Library) -> None:
    """"alles in 1 overzicht ipv 3 excel lijsten" sets no price against another: the
    answer to her brochure request is not read as money offered."""
    lines = ["snap ik, u heeft het druk. wat zou u in die brochure vooral willen zien?",
             "met onze verzuimmodule staat alles in 1 overzicht ipv 3 excel lijsten, en u "
             "ziet meteen wie er ziek is"]
    engine = Engine(CompiledScenario(library.scenarios["drill-objection-brochure"]))
    state = engine.start("nl", seed=0)
    results = [engine.turn(state, line) for line in lines]
    assert "discount" not in results[-1].analysis.moves, results[-1].reply
    assert state.objections["send_brochure"].handled, results[-1].reply


def test_see_you_then_after_a_refused_weekday_is_corrected(library: Library) -> None:
    """"demo next thursday at ur place?" - her concern - "cool see u then! bye": the
    Thursday was never agreed."""
    _engine, state, replies = _call(library, "spin-printing-urgency", "en",
                                    _dev_lines("spin-printing-urgency.en.mobile.h3.yaml", 14))
    assert not state.closing["agreed"], replies[-2:]
    assert "isn't agreed" in replies[-1], replies[-2:]


def test_her_reminder_after_a_colon_reads_as_one_sentence(library: Library) -> None:
    """"Voordat we iets inplannen: u gaat er niet op in", not "...: U gaat"; "I" and "OR"
    keep their capitals."""
    _engine, _state, replies = _call(library, "objection-software-renewal", "nl",
                                     _dev_lines("objection-software-renewal.nl.pitch.h3.yaml", 9))
    assert not any(": U " in r for r in replies), replies
    _engine, _state, replies = _call(library, "spin-printing-urgency", "en",
                                     _dev_lines("spin-printing-urgency.en.mobile.h3.yaml", 13))
    assert not any(": i'" in r or ": i " in r for r in replies), replies


@pytest.mark.parametrize(("name", "lang", "word"), [
    ("objection-software-renewal.nl.pitch.h3.yaml", "nl", "bezwaar"),
    ("objection-software-renewal.en.pitch.h1.yaml", "en", "concern"),
])
def test_she_does_not_loop_on_her_concern(library: Library, name: str, lang: str,
                                          word: str) -> None:
    """A learner who keeps proposing past her concern hears it stands, firmly and once
    more; after that she puts the proposals off coolly instead of a reminder every turn."""
    lines = _dev_lines(name, 99)
    _engine, state, replies = _call(library, "objection-software-renewal", lang, lines)
    reminders = [r for r in replies if word in r.lower()]
    assert len(reminders) <= 2, replies
    assert not state.closing["agreed"], replies


def test_she_does_not_ask_what_the_seller_told_before_a_question(library: Library) -> None:
    """The seller opened with "we take care of label and office printers" and then asked
    about her company: "do you do label printers too?" later shows she was not listening."""
    _engine, _state, replies = _call(library, "spin-printing-urgency", "en",
                                     _dev_lines("spin-printing-urgency.en.average.h3.yaml", 10))
    assert not any("label printers too" in r for r in replies), replies


@pytest.mark.parametrize(("scenario", "name"), [
    ("first-visit-cleaning", "first-visit-cleaning.nl.pitch.h1.yaml"),
])
def test_a_learner_who_keeps_pitching_hears_no_reply_twice(
        library: Library, scenario: str, name: str) -> None:
    """Three pitches in a row get three different replies, not the first one again."""
    lang = name.split(".")[1]
    _engine, _state, replies = _call(library, scenario, lang, _dev_lines(name, 99))
    long = [r for r in replies if len(r) > 25]
    assert len(set(long)) == len(long), replies


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Ah, ok, the €2.50 is too much for them. What if we make it €2 then, would that "
           "help?"),
    ("nl", "Oké, die € 2,50 is te veel voor ze. Wat als we de bijdrage verlagen naar 2 euro?"),
])
def test_a_price_brought_down_is_noticed(library: Library, lang: str, line: str) -> None:
    """"What if we make it €2?" gives money away; Marco notices instead of moving on."""
    _engine, _state, replies = _call(library, "closing-catering-followup", lang, [
        *_dev_lines(f"closing-catering-followup.{lang}.pitch.h3.yaml" if lang == "en"
                    else "closing-catering-followup.nl.off_script.h3.yaml", 5), line])
    assert any(w in replies[-1].lower() for w in ("discount", "korting", "price", "prijs")), \
        replies[-1]


def test_she_welcomes_him_back_once(library: Library) -> None:
    """A second opening line that names the seller's company is no new arrival: no second
    "good to see you again"."""
    _engine, _state, replies = _call(library, "objection-software-renewal", "nl", [
        "Goedemorgen meneer Smits, fijn dat ik er weer mag zijn.",
        "Ik heb een korte presentatie meegenomen over Werkwijzer HR, als u het goed vindt "
        "loop ik die even met u door."])
    assert replies[0] != replies[1], replies
