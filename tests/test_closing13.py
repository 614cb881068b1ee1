"""Round 14, proposals and endings: what the buyer says when the learner's date, summary
or goodbye does not match what she said, and how a drill ends."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.wording import split_sentences
from bot.scenario.library import LoadResult, load_library
from tests.conftest import ROOT

CALL_DAY = date(2026, 12, 1)  # the day the reviewed calls were played


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


def replies(library: LoadResult, sid: str, lang: str, lines: list[str]) -> list[str]:
    """The buyer's replies to the lines, in a call held on CALL_DAY (seed 0)."""
    engine = Engine(CompiledScenario(library.scenarios[sid]))
    state = engine.start(lang, seed=0, today=CALL_DAY)
    return [engine.turn(state, line).reply for line in lines]


# Marieke must give notice before 1 January; in December, 14 January is past it.
CLEANING_PRICE_PENDING = {
    "en": ["Good morning, I'm Sanne from CleanWorks. Thanks for having me.",
           "How is the cleaning organised now?",
           "How satisfied are you with it?",
           "When does the current contract run out?",
           "We work with a fixed team per location and come after office hours.",
           "Shall I come back on Thursday 14 January at 10 with a quotation?"],
    "nl": ["Goedemorgen mevrouw, ik ben Sanne van Schoonwerk. Fijn dat ik even langs mag komen.",
           "Hoe is de schoonmaak nu geregeld?",
           "Hoe tevreden bent u daarover?",
           "Wanneer loopt het contract af?",
           "Wij werken met een vast team per locatie en komen na kantoortijd.",
           "Zal ik op donderdag 14 januari om 10 uur terugkomen met een offerte?"],
}
TOO_LATE = {"en": "too late", "nl": "te laat"}
PRICE = {"en": "price", "nl": "prijs"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_date_past_her_notice_deadline_is_called_too_late_while_her_concern_stands(
        library: LoadResult, lang: str) -> None:
    reply = replies(library, "first-visit-cleaning", lang, CLEANING_PRICE_PENDING[lang])[-1]
    assert TOO_LATE[lang] in reply and "1 jan" in reply.lower()
    assert PRICE[lang] in reply  # the price concern still stands, and she says so too
    assert not reply.rstrip().endswith("?")  # no date of her own while she objects


def test_a_date_past_her_deadline_is_called_too_late_when_she_is_not_ready_to_plan(
        library: LoadResult) -> None:
    early = ["Good morning, I'm Sanne from CleanWorks. Thanks for having me.",
             "Shall I come back on Thursday 14 January at 10 with a quotation?"]
    reply = replies(library, "first-visit-cleaning", "en", early)[-1]
    assert reply.startswith("That's too late for us")
    assert "not talk about that yet" in reply or "information" in reply
    in_time = replies(library, "first-visit-cleaning", "en",
                      [early[0], early[1].replace("14 January", "19 November")])[-1]
    assert "too late" not in in_time


def drill_replies(library: LoadResult, sid: str, lang: str,
                  lines: list[str]) -> tuple[list[str], bool]:
    """The buyer's replies in a drill, and whether the drill has ended after them."""
    engine = Engine(CompiledScenario(library.scenarios[sid]))
    state = engine.start(lang, seed=0, today=CALL_DAY)
    said = [engine.turn(state, line).reply for line in lines]
    return said, state.ended


OUT_OF_TIME = ("out of time", "tijd is om")


def test_a_drill_that_ends_on_her_invitation_to_go_on_does_not_run_out_of_time_too(
        library: LoadResult) -> None:
    said, ended = drill_replies(library, "drill-external-objective", "nl", [
        "Goedemorgen Linda, ik ben Sanne van Koffie & Co.",
        "ik wil vandaag vooral horen hoe jullie koffie nu geregeld is op de 3 vestigingen en "
        "wat jullie belangrijk vinden, en dan kijken of we een vervolgafspraak maken. is dat "
        "goed?"])
    assert ended
    assert said[-1].rstrip().endswith("Begint u maar."), said[-1]
    said, ended = drill_replies(library, "drill-objection-current-supplier", "en", [
        "Good morning, I'm Sanne from FleetFlex.",
        "Honestly, your current supplier is slow and too expensive.",
        "With us a replacement van is there within 4 hours, so your engineers are never stuck."])
    assert ended
    assert "Tell me how" in said[-1] and not any(w in said[-1] for w in OUT_OF_TIME), said[-1]


def test_a_drill_that_ends_on_her_yes_still_says_her_time_is_up(library: LoadResult) -> None:
    said, ended = drill_replies(library, "drill-closing-order", "nl", [
        "Goedemorgen, fijn dat u tijd heeft.",
        "Zal ik de orderbevestiging dan vandaag nog naar u mailen, zodat u kunt tekenen en "
        "wij de levering voor 1 maart vastzetten?"])
    assert ended and any(w in said[-1] for w in OUT_OF_TIME), said[-1]


PUT_OFF_THEN_BOOKED = {
    "en": ["Good morning, nice to meet you.", "Shall we meet on Thursday 14 January at 10:00?",
           "Great, I'll send you the invitation today. How many people work there?",
           "Thanks, see you on the 14th!"],
    "nl": ["Goedemorgen, leuk u te spreken.", "Zullen we donderdag 14 januari om 10 uur afspreken?",
           "Mooi, ik stuur vandaag de uitnodiging. Hoeveel mensen werken er?",
           "Dank u, tot de 14e!"],
}
NOT_FIXED = ("isn't agreed yet", "staat nog niet vast")


@pytest.mark.parametrize("sid", ["first-visit-cleaning", "spin-printing-urgency",
                                 "objection-software-renewal", "closing-catering-followup"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_date_she_put_off_and_the_learner_books_anyway_is_corrected_in_her_words(
        library: LoadResult, sid: str, lang: str) -> None:
    said = replies(library, sid, lang, PUT_OFF_THEN_BOOKED[lang])
    assert not any(w in said[1] for w in NOT_FIXED), said[1]  # she put it off
    # "I'll send you the invitation" mid-call: corrected first, and the question answered
    assert any(said[2].startswith(w) or w in said[2].split(".")[0] for w in NOT_FIXED), said[2]
    assert len(split_sentences(said[2])) > 1, said[2]  # and how many people work there
    # her correction is the persona's own (the first words of her goodbye to a date she
    # did not agree), and the goodbye right after leaves it out: she just said it
    own = library.scenarios[sid].buyer.lines["goodbye_unagreed"]
    assert said[2].split(".")[0] == str(own[lang]).split(".")[0], (said[2], own)
    assert not any(w in said[3] for w in NOT_FIXED) and said[3], said[3]


def test_her_correction_comes_once_for_a_date(library: LoadResult) -> None:
    said = replies(library, "spin-printing-urgency", "en", [
        *PUT_OFF_THEN_BOOKED["en"][:3],
        "And I'll put it in my diary. What does a jam cost you?"])
    assert not any(w in said[3] for w in NOT_FIXED), said[3]


PRINTERS_TOLD = {
    "en": ["Good morning Ingrid, I'm Sanne from Printwise.",
           "Which printers do you use on the packing lines, and who maintains them?"],
    "nl": ["Goedemorgen Ingrid, ik ben Sanne van Printwise.",
           "Welke printers gebruiken jullie op de inpaklijnen, en wie doet het onderhoud?"],
}
SUMMARY = {
    "en": "So if I understand correctly: about {n} label printers from 2016, and when one "
          "breaks you call PrintFix. Is that right?",
    "nl": "Dus als ik het goed begrijp: zo'n {n} labelprinters uit 2016 en bij een storing "
          "bellen jullie PrintFix. Klopt dat?",
}
COUNTS = {"en": ("thirty", "sixteen"), "nl": ("dertig", "zestien")}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_count_spelled_out_wrong_in_a_summary_is_corrected_with_hers(
        library: LoadResult, lang: str) -> None:
    wrong, right = COUNTS[lang]
    said = replies(library, "spin-printing-urgency", lang,
                   [*PRINTERS_TOLD[lang], SUMMARY[lang].format(n=wrong)])
    # hers is given back (with "as I said" when she told it)
    assert f": {wrong}?" in said[-1] and right in said[-1].lower(), said[-1]
    said = replies(library, "spin-printing-urgency", lang,
                   [*PRINTERS_TOLD[lang], SUMMARY[lang].format(n=right)])
    assert "?" not in said[-1], said[-1]  # the right count is confirmed


def test_a_small_count_the_learner_worked_out_is_no_misquote(library: LoadResult) -> None:
    said = replies(library, "first-visit-cleaning", "en", [
        "Good morning, I'm Sanne from CleanWorks.",
        "Where are your offices?",
        "So you have two offices, in Haarlem and Beverwijk. Is that right?"])
    assert "never said" not in said[-1], said[-1]


def _dev_lines(name: str, upto: int) -> list[str]:
    """The learner's lines of a dev call, up to and including turn ``upto``."""
    path = ROOT / "benchmarks" / "dialogues" / "dev" / name
    return [t["learner"] for t in yaml.safe_load(path.read_text())["turns"][:upto]]


def test_a_summary_that_gives_him_a_need_he_never_voiced_is_put_right(
        library: LoadResult) -> None:
    """He asked for vegan and halal and no paying for empty Fridays; "meer afwisseling"
    (variety) is the seller's idea, and he says so instead of "ja, dat klopt"."""
    said = replies(library, "closing-catering-followup", "nl",
                   _dev_lines("closing-catering-followup.nl.good.h4.yaml", 8))
    assert said[-1].startswith("Niet helemaal: afwisseling?"), said[-1]


def test_a_summary_of_the_first_visit_is_not_checked_against_this_one(
        library: LoadResult) -> None:
    said = replies(library, "objection-software-renewal", "en", [
        "Good morning Gerard, good to see you again.",
        "Last time you told me the site foremen still fill in paper timesheets, and payroll "
        "retypes them every week. Is that still the case?"])
    assert "never said" not in said[-1], said[-1]


@pytest.mark.parametrize("lang,proposal", [
    ("en", "Shall we meet again next Thursday at 10, well before 1 January, so you can give "
           "notice in time?"),
    ("nl", "Zullen we volgende week donderdag om 10 uur afspreken, ruim voor 1 januari, zodat "
           "u op tijd kunt opzeggen?"),
])
def test_her_deadline_named_in_a_proposal_is_no_date_past_it(
        library: LoadResult, lang: str, proposal: str) -> None:
    reply = replies(library, "first-visit-cleaning", lang,
                    [CLEANING_PRICE_PENDING[lang][0], proposal])[-1]
    assert TOO_LATE[lang] not in reply, reply


def test_too_late_is_said_once_when_her_answer_just_gave_the_deadline(
        library: LoadResult) -> None:
    reply = replies(library, "objection-software-renewal", "nl",
                    _dev_lines("objection-software-renewal.nl.average.h3.yaml", 13))[-1]
    assert "te laat" in reply and reply.count("1 oktober") == 1, reply


@pytest.mark.parametrize("proposal", ["Zal ik in januari terugkomen met een offerte?",
                                      "Zal ik half december terugkomen met een offerte?"])
def test_a_month_past_her_deadline_is_too_late_before_it_is_too_vague(
        library: LoadResult, proposal: str) -> None:
    """Once she is ready to plan, "some time in January" gets "that's too late for us",
    not "fine, but when exactly?" about a month she cannot use."""
    lines = _dev_lines("first-visit-cleaning.nl.average.h4.yaml", 14)
    reply = replies(library, "first-visit-cleaning", "nl", [*lines, proposal])[-1]
    assert reply.startswith("Dat is te laat"), reply
    in_time = replies(library, "first-visit-cleaning", "nl",
                      [*lines, "Zal ik in november terugkomen met een offerte?"])[-1]
    assert "te laat" not in in_time and "wanneer" in in_time, in_time


def test_a_figure_she_gave_for_something_else_is_corrected_with_the_right_one(
        library: LoadResult) -> None:
    """"Five times a week": she said five (years with Blinkend Schoon), but the offices are
    done three times a week; she says so instead of letting it stand."""
    reply = replies(library, "first-visit-cleaning", "en",
                    _dev_lines("first-visit-cleaning.en.good.h4.yaml", 13))[-1]
    assert "five?" in reply and "three times a week" in reply, reply


def test_figures_she_gave_for_the_thing_named_stand(library: LoadResult) -> None:
    said = replies(library, "spin-printing-urgency", "en", [
        *PRINTERS_TOLD["en"],
        "So: sixteen label printers and 4 laser printers from 2016, fixed by PrintFix. "
        "Is that right?"])
    assert "never said" not in said[-1], said[-1]
