"""How a trainer labels the opening and the asides of a call, and the buyer's reading of
them (round 20): an invitation to tell about herself is a situation question, an agenda
she is asked to agree to is the agenda, chat in mid-call is small talk."""

from __future__ import annotations

import pytest

from bot.scenario.library import load_library
from tests.engine_calls import script_turns

GREETING = {
    "en": "Good morning, I'm Sam from CleanCo, we clean offices across the country.",
    "nl": "Goedemorgen, ik ben Sam van CleanCo, wij maken kantoren schoon in heel Nederland.",
}


@pytest.fixture(scope="module")
def library():
    return load_library([])


def read(turn: dict) -> tuple:
    return turn["act"], turn["form"], turn["spin"]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "could u tell me bit about urself and the office"),
    ("en", "Would you maybe tell something about yourself and the firm?"),
    ("en", "Can you tell me a little about the company and what you do here?"),
    ("nl", "vertel eens wat over jezelf"),
    ("nl", "Kun je wat vertellen over jezelf en jullie kantoor?"),
    ("nl", "Vertel eens, wie bent u en wat doet u hier?"),
])
def test_an_invitation_to_introduce_herself_asks_her_situation(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang, [GREETING[lang], line])[-1]
    assert read(turn) == ("fact_question", "open", "situation")
    assert "introduce" in turn["objectives"]
    # she tells who she is, not "what can I do for you?"
    assert any(w in turn["buyer"].lower() for w in ("office manager", "officemanager"))


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Hi Marieke, Sam from SchoonWerk here, we clean offices all over the country. "
           "Before I go on, could you tell me a bit about yourself and the office?"),
    ("nl", "Hoi Marieke, Sam van SchoonWerk, wij maken kantoren schoon in heel Nederland. "
           "Kunt u eerst iets vertellen over uzelf en het kantoor?"),
])
def test_an_introduction_that_invites_hers_counts_a_situation_question(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang, [line])[-1]
    assert read(turn) == ("greet_introduce", "open", "situation")


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Good morning Mrs de Groot, Sam from SchoonWerk. Today I'd like to get to know "
           "you, hear how the cleaning goes now and maybe agree a next step. Does that "
           "work for you?"),
    ("nl", "Goedemorgen mevrouw De Groot, Sam van SchoonWerk. Ik wil vandaag graag "
           "kennismaken, horen hoe de schoonmaak nu loopt en kijken of er een vervolg in "
           "zit. Is dat goed?"),
])
def test_a_greeting_with_an_agenda_and_its_check_states_the_objective(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang, [line])[-1]
    assert read(turn) == ("state_objective", "closed", None)
    assert {"introduce", "needs"} <= set(turn["objectives"])


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "ok so plan for this half hour: how the cleaning runs now, what could be "
           "better n maybe a next step. ok?"),
    ("nl", "planning voor vandaag: hoe de schoonmaak nu gaat, wat beter kan en evt een "
           "vervolgafspraak. oke?"),
    ("en", "I suggest we first look at how the cleaning is arranged now, then at what "
           "you'd like to change, and at the end agree a next step. Does that sound like "
           "a good plan to you?"),
    ("nl", "Ik stel voor dat we eerst kijken hoe de schoonmaak nu geregeld is, dan wat "
           "u anders wilt, en aan het eind een vervolgstap. Is dat een goed plan voor "
           "vandaag?"),
])
def test_an_agenda_typed_as_a_list_or_asked_as_a_plan_is_the_agenda(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang, [GREETING[lang], line])[-1]
    assert read(turn) == ("state_objective", "closed", None)
    # she agrees to the plan; she recites no figures of the case to it
    assert not any(ch.isdigit() for ch in turn["buyer"])


BUSINESS = {"en": ["Could you tell me a bit about yourself?", "Who cleans the office now?"],
            "nl": ["Kunt u iets over uzelf vertellen?", "Wie maakt er nu schoon?"]}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Did you see the match last night?"),
    ("en", "Was Ajax playing yesterday?"),
    ("en", "Terrible weather today, huh"),
    ("en", "The motorway was packed this morning, took me an hour."),
    ("en", "Lovely building, is it old?"),
    ("en", "Great coffee by the way!"),
    ("nl", "Zag je trouwens de wedstrijd gisteren?"),
    ("nl", "Wat een rotweer vandaag he"),
    ("nl", "Nog leuke plannen voor het weekend?"),
    ("nl", "Stond vanochtend een uur vast op de snelweg, wat een spits."),
    ("nl", "Prachtig pand trouwens, is het oud?"),
    ("nl", "Mooi pand!"),
])
def test_chat_in_mid_call_is_small_talk(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang,
                        [GREETING[lang], *BUSINESS[lang], line])[-1]
    assert turn["act"] == "small_talk" and turn["spin"] is None
    assert turn["objectives"] == []  # "plannen voor het weekend" plans no follow-up
    assert not any(ch.isdigit() for ch in turn["buyer"])  # no fact of the case recited


@pytest.mark.parametrize(("lang", "line", "act"), [
    ("en", "Does that match what you need?", "fact_question"),
    ("nl", "Zullen we na het weekend een afspraak plannen?", "next_step_proposal"),
])
def test_business_with_a_chat_word_stays_business(library, lang, line, act):
    turn = script_turns(library, "first-visit-cleaning", lang,
                        [GREETING[lang], *BUSINESS[lang], line])[-1]
    assert turn["act"] == act


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Let me look into it and get back to you on that."),
    ("en", "Good question, I'll check with our planner and let you know."),
    ("nl", "Goede vraag, dat zoek ik voor u uit en ik kom er morgen op terug."),
    ("nl", "Dat moet ik even navragen bij onze planner, ik laat het je weten."),
])
def test_promising_to_find_out_is_no_next_step_and_no_pitch(library, lang, line):
    turns = script_turns(library, "first-visit-cleaning", lang,
                         [GREETING[lang], *BUSINESS[lang], line])
    assert turns[-1]["act"] == "other"
    assert "follow_up" not in turns[-1]["objectives"]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "I'll check the rates and come back to you with a quote on Friday."),
])
def test_finding_out_for_a_quote_is_a_next_step(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang,
                        [GREETING[lang], *BUSINESS[lang], line])[-1]
    assert turn["act"] == "next_step_proposal"


@pytest.mark.parametrize(("sid", "lang", "line", "reaction"), [
    ("first-visit-cleaning", "en",
     "Good morning Mrs de Groot! Tom Bakker, SchoonWerk Netherlands. We are the largest "
     "cleaning company in the country, ISO certified, and we clean for three hundred notary "
     "firms. So I'm sure we can do something for you as well.", "about us"),
    ("closing-catering-followup", "nl",
     "Goedemiddag Marco! Straks staat daar de mooiste kantine van Rotterdam en wij zorgen "
     "ervoor dat hij ook vol zit.", "benieuwd"),
])
def test_an_opening_greeting_that_boasts_stays_the_greeting(library, sid, lang, line,
                                                              reaction):
    turn = script_turns(library, sid, lang, [line])[-1]
    assert read(turn) == ("greet_introduce", None, None)
    # she still answers the boast, not with a plain "nice to meet you"
    assert reaction in turn["buyer"]


def test_a_boast_later_in_the_call_is_still_a_pitch(library):
    turn = script_turns(library, "first-visit-cleaning", "en", [
        GREETING["en"], "Who cleans the office now?",
        "Well, we are the largest cleaning company in the country, ISO certified, so I'm "
        "sure we can do something for you as well."])[-1]
    assert turn["act"] == "pitch"


@pytest.mark.parametrize(("lang", "line", "form", "spin"), [
    ("en", "We just won an award for our green cleaning products, by the way. Do you look "
           "at sustainability when you choose a cleaner?", "closed", "situation"),
    ("nl", "Wij hebben trouwens net een prijs gewonnen met onze groene schoonmaakmiddelen. "
           "Wat vindt u het belangrijkste aan een schoonmaker?", "open", "situation"),
])
def test_the_offer_told_beside_a_question_is_a_pitch_with_the_questions_form(
        library, lang, line, form, spin):
    turn = script_turns(library, "first-visit-cleaning", lang,
                        [GREETING[lang], *BUSINESS[lang], line])[-1]
    assert read(turn) == ("pitch", form, spin)
    assert turn["buyer"]  # she reacts to the pitch, and still answers what she was asked


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "We also have a newsletter with cleaning tips, four times a year. Shall I sign "
           "you up?"),
    ("nl", "Dank voor het gesprek tot nu toe, dat helpt ons enorm. Hoeveel vierkante meter "
           "is het kantoor?"),
])
def test_a_question_beside_thanks_or_the_newsletter_is_no_pitch(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang,
                        [GREETING[lang], *BUSINESS[lang], line])[-1]
    assert turn["act"] == "fact_question"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "did u get a chance to look at the quote i sent?"),
    ("en", "Any more questions so far?"),
    ("nl", "Heeft u het voorstel al kunnen doorlezen?"),
    ("nl", "Zijn er verder nog vragen over de offerte?"),
])
def test_checking_she_read_the_offer_is_a_closed_question_without_spin(library, lang, line):
    turn = script_turns(library, "closing-catering-followup", lang, [
        {"en": "Hi Marco, good to see you again.", "nl": "Hoi Marco, goed je weer te zien."}[
            lang], line])[-1]
    assert (turn["form"], turn["spin"]) == ("closed", None)


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "O die ken ik wel, mijn zwager heeft daar nog gewerkt. Hoe bevalt het?"),
    ("en", "Oh I know them, my brother worked there for a while. How happy are you with "
           "them?"),
    ("nl", "en hoe tevreeden bent u eigenlijk over hen?"),
    ("nl", "hoe tevreen bent u over die schoonmaker?"),
])
def test_her_satisfaction_asked_beside_a_private_story_or_misspelt_is_a_problem_question(
        library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang,
                        [GREETING[lang], BUSINESS[lang][1], line])[-1]
    assert (turn["act"], turn["spin"]) == ("fact_question", "problem")
    assert "satisfaction" in turn["buyer"].lower() or "tevreden" in turn["buyer"].lower() or (
        "happy" in turn["buyer"].lower())


@pytest.mark.parametrize(("lang", "line", "spin"), [
    ("en", "I see the price matters. Apart from the price, is there anything else that "
           "would stop you?", None),
    ("nl", "Snap ik. Is de prijs het enige, of speelt er nog iets anders?", None),
    # asked open, what she doubts about is her problem
    ("nl", "Snap ik. Waar twijfel je verder nog over?", "problem"),
])
def test_isolating_her_objection_with_a_yes_no_question_has_no_spin_type(
        library, lang, line, spin):
    turn = script_turns(library, "drill-objection-price", lang, [line])[-1]
    assert turn["act"] == "objection_response"
    assert turn["spin"] == spin


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Today I'd like to hear how the cleaning is arranged now and what could be better. "
           "Is that all right, or is there something you'd like to add?"),
    ("nl", "Vandaag wil ik graag horen hoe de schoonmaak nu geregeld is en wat beter kan. Is "
           "dat goed, of heeft u zelf nog iets dat u wilt toevoegen?"),
])
def test_an_agenda_checked_with_room_for_her_own_points_is_the_agenda(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang, [GREETING[lang], line])[-1]
    assert read(turn) == ("state_objective", "closed", None)
    # her points for the agenda, not the newsletter or her current supplier
    assert turn["objectives"] == ["needs"]
