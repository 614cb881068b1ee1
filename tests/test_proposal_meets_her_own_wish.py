"""A proposal that gives what the buyer asked for herself ("could we do a trial week
first?") while another concern stands is welcomed, and the concern still open is named
("the price is still open for me"), not brushed off with the pending objection."""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult, load_library
from tests.engine_calls import call

SID = "closing-catering-followup"
LINES = {
    "nl": ["hoi marco! lang niet gezien, hoe is t met de verbouwing?",
           "top. ik wil vandaag graag horen wat u van ons voorstel vond en kijken of we het "
           "rond krijgen, ok?",
           "wat vond u ervan eerlijk gezegd",
           "hmm ok. wat bedoelt u precies met te duur?",
           "en wat kost die bakker u nu per maand ongeveer",
           "snap ik. als we nou de eigen bijdrage omlaag doen naar 2 euro, helpt dat?",
           "en wie moet er verder nog ja zeggen behalve u",
           "wanneer willen jullie beslissen dan",
           "stel dat we na de zomer starten met een proefweek, zou dat iets zijn?"],
    "en": ["hi marco! long time no see, how's the renovation going?",
           "great. today i'd like to hear what you thought of our proposal and see if we can "
           "wrap it up, ok?",
           "what did you honestly think of it",
           "hmm ok. what exactly do you mean by too expensive?",
           "and what does the baker cost you per month roughly",
           "i see. if we lower the personal contribution to 2 euros, does that help?",
           "and who else has to say yes besides you",
           "when do you want to decide then",
           "what if we start with a trial week after the summer, would that work for you?"],
}
WELCOME = {"nl": ("graag", "hoopte"), "en": ("like that", "hoping for")}
PRICE = {"nl": "prijs", "en": "price"}


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_her_own_wish_is_welcomed_and_the_open_concern_named(library: LoadResult,
                                                             lang: str) -> None:
    _, state, replies = call(library, SID, lang, LINES[lang])
    scenario = library.scenarios[SID]
    assert state.pending_objection is not None, "the price concern is still open"
    reply = replies[-1]
    assert any(word in reply for word in WELCOME[lang]), reply
    assert PRICE[lang] in reply.lower(), reply
    # not her firmer reminder ("fifty cents times a whole year"), as if he proposed nothing
    objection = next(o for o in scenario.objections if o.id == state.pending_objection)
    assert objection.firmer is not None
    assert isinstance(objection.firmer, dict)
    firmer = objection.firmer[lang]
    for text in [firmer] if isinstance(firmer, str) else firmer:
        assert text not in reply


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_reminder_on_a_later_proposal_names_the_concern(library: LoadResult,
                                                          lang: str) -> None:
    date = {"nl": "prima, zullen we 14 september beginnen dan?",
            "en": "fine, shall we start on 14 september then?"}
    more = {"nl": "en als we dan 15 september tekenen?",
            "en": "and if we sign on 15 september?"}
    _, _, replies = call(library, SID, lang, [*LINES[lang], date[lang], more[lang]])
    for reply in replies[-2:]:
        assert "bezwaar blijft" not in reply and "concern still stands" not in reply, reply
