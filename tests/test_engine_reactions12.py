"""The buyer while her objection stands (round 12): a price brought down in any words is
money offered, a question meanwhile gets its answer, and her concern is not recalled on
every turn."""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call as _call


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


# Marco's catering call up to his price objection (fifty cents a lunch above Vers & Co)
CATERING = {
    "en": ["Hello Marco, nice to see you again. How's the new canteen coming along?",
           "Today I'd like to go over our proposal with you and agree on a start date. "
           "Does that work for you?",
           "How did you find the proposal?",
           "How many colleagues have lunch there on an average day?",
           "And how does the price of 6.90 per lunch sit with you?"],
    "nl": ["Hoi Marco, leuk je weer te zien. Hoe staat het met de nieuwe kantine?",
           "Vandaag wil ik graag ons voorstel met je doorlopen en een startdatum afspreken. "
           "Is dat goed?",
           "Wat vond je van het voorstel?",
           "Hoeveel collega's lunchen er op een gewone dag?",
           "En hoe zit het met de prijs van 6,90 per lunch voor jou?"],
}


def _price_objection(library: Library, lang: str) -> list[str]:
    _engine, state, replies = _call(library, "closing-catering-followup", lang,
                                    CATERING[lang])
    assert state.pending_objection, replies  # the setting of the tests below
    return replies


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Suppose we go down to 6.60 a lunch, could we sign this week?"),
    ("en", "OK, we can drop to 6,45. Deal today?"),
    ("en", "For 6.50 per lunch, would you sign now?"),
    ("nl", "Stel dat we zakken naar 6,60, kunnen we dan deze week tekenen?"),
    ("nl", "Als we naar 6,45 per lunch omlaag gaan, zet je dan vandaag je handtekening?"),
    ("nl", "Voor 6,50 per lunch, tekenen we dan vandaag?"),
])
def test_a_price_cut_with_the_ask_for_the_order_is_noticed(
        library: Library, lang: str, line: str) -> None:
    """A cut offered with "can we sign today?" gives money away: Marco notices the money
    rather than repeating the fifty cents as if nothing was offered."""
    _price_objection(library, lang)
    _engine, state, replies = _call(library, "closing-catering-followup", lang,
                                    [*CATERING[lang], line])
    reply = replies[-1].lower()
    assert any(w in reply for w in ("discount", "korting", "price", "prijs")), replies[-1]
    assert state.pending_objection, replies  # money offered answers no concern


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Shall we meet at 10.30 on Tuesday to go through it with Annelies?"),
    ("nl", "Zullen we dinsdag om 10.30 uur met Annelies om tafel?"),
])
def test_a_time_is_no_price_cut(library: Library, lang: str, line: str) -> None:
    """"10.30" in a proposal is a time, not money offered."""
    _engine, _state, replies = _call(library, "closing-catering-followup", lang,
                                     [*CATERING[lang], line])
    assert not any(w in replies[-1].lower() for w in ("discount", "korting")), replies[-1]


CUT = {"en": "Fine, we drop to 6.50 a lunch if we can sign today.",
       "nl": "Goed, we zakken naar 6,50 per lunch als we vandaag kunnen tekenen."}
DATE = {"en": "Brilliant. Can we kick off on Monday 4 January then?",
        "nl": "Top. Kunnen we dan maandag 4 januari beginnen?"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_after_money_offered_the_next_proposal_hears_her_concern_not_a_rebuke(
        library: Library, lang: str) -> None:
    """Her reply to the cut was about the money; the date next is the first time she
    says why she holds back, in words that take the cut in ("even at a lower price, why
    you?"; "fifty cents a lunch adds up" would restate a gap the cut narrowed), not "you're
    not addressing my point" as if she had said it already."""
    _engine, state, replies = _call(library, "closing-catering-followup", lang,
                                    [*CATERING[lang], CUT[lang], DATE[lang]])
    reply = replies[-1].lower()
    assert any(w in reply for w in ("lower price", "lagere prijs")), replies[-2:]
    assert not any(w in reply for w in ("fifty", "vijftig")), replies[-2:]
    assert not any(w in reply for w in ("not addressing", "niet op in", "still haven't",
                                        "nog geen antwoord")), replies[-2:]
    assert not state.closing["agreed"]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "OK. Could I get the e-mail of Annelies so I can mail her the contract?"),
    ("en", "Right, what's the mail of your director? Then I'll send the agreement over."),
    ("nl", "Oké. Mag ik de mail van Annelies, dan stuur ik haar het contract?"),
    ("nl", "Wat is het e-mail van je directeur? Dan stuur ik de overeenkomst op."),
])
def test_a_question_while_her_concern_stands_gets_its_answer(
        library: Library, lang: str, line: str) -> None:
    """Asked for the director's e-mail after she has restated her concern, she gives it
    (or says she will mail it); no third reminder, no "let me think it over"."""
    _engine, _state, replies = _call(library, "closing-catering-followup", lang,
                                     [*CATERING[lang], CUT[lang], DATE[lang], line])
    reply = replies[-1].lower()
    assert "mail" in reply, replies[-3:]
    assert not any(w in reply for w in ("colleagues", "collega", "sink in", "bezinken",
                                        "not addressing", "niet op in", "concern",
                                        "vijftig", "fifty")), replies[-3:]


# Gerard's renewal call: his concern about switching handled at the seventh turn, and his
# "just send me the brochure" due from the eighth
RENEWAL = {
    "en": ["Good afternoon Gerard, Sanne from Loonwijs. Thanks for making time.",
           "I'd like to hear how your payroll runs today and then see together whether "
           "renewing makes sense. Alright?",
           "How do the hours get from the building sites to payroll?",
           "What goes wrong there most often?",
           "How much time does that retyping cost your people each month?",
           "And what does a payroll run that has to be redone mean for you?",
           "I get that, after a switch that went badly you want certainty. Our hours app "
           "lets the foremen enter hours on site and the cao allowances are calculated "
           "automatically, so the retyping disappears."],
    "nl": ["Goedemiddag Gerard, Sanne van Loonwijs. Fijn dat u tijd heeft.",
           "Ik wil graag horen hoe de salarisverwerking nu loopt en dan samen kijken of "
           "verlengen zinvol is. Is dat goed?",
           "Hoe komen de uren van de bouwplaats bij de salarisadministratie?",
           "Waar gaat het daar het vaakst mis?",
           "Hoeveel tijd kost dat overtypen uw mensen per maand?",
           "En wat betekent een loonrun die over moet voor u?",
           "Dat begrijp ik, na een overstap die slecht liep wilt u zekerheid. Met onze "
           "uren-app voeren de uitvoerders de uren op de bouwplaats in en de cao-toeslagen "
           "worden automatisch berekend, dus het overtypen verdwijnt."],
}


@pytest.mark.parametrize(("lang", "check"), [
    ("en", "How does that sound to you?"),
    ("en", "Would that take away your worry?"),
    ("nl", "Hoe klinkt dat voor u?"),
    ("nl", "Neemt dat uw zorg weg?"),
])
def test_her_yes_to_the_check_is_not_taken_back_in_the_same_breath(
        library: Library, lang: str, check: str) -> None:
    """"Yes, I can work with that. You know what, I have a site meeting at eleven, just
    send me the brochure" grants and brushes off at once; the brush-off waits a turn."""
    _engine, state, replies = _call(library, "objection-software-renewal", lang,
                                    [*RENEWAL[lang], check])
    assert state.objections["happy_current"].handled, replies[-2:]
    assert "brochure" not in replies[-1].lower(), replies[-2:]
    _engine, state, replies = _call(library, "objection-software-renewal", lang,
                                    [*RENEWAL[lang], check, "Wie beslist er verder mee?"
                                     if lang == "nl" else "Who else has a say in this?"])
    assert "brochure" in replies[-1].lower(), replies[-3:]  # it comes, a turn later


# his brush-off ("just send me the brochure"), raised the turn after his concern settled
BRUSHED_OFF = {
    "en": [*RENEWAL["en"], "Does that answer your concern?", "Who else has a say in this?"],
    "nl": [*RENEWAL["nl"], "Neemt dat uw zorg weg?", "Wie beslist er verder mee?"],
}


@pytest.mark.parametrize(("lang", "offer"), [
    ("en", "Shall I e-mail you our brochure then, with a sample calculation?"),
    ("en", "OK, I'll send the brochure over this afternoon, alright?"),
    ("nl", "Zal ik de brochure dan vanmiddag naar u mailen?"),
    ("nl", "Dan stuur ik u de folder met een voorbeeldberekening toe, goed?"),
])
def test_offering_the_brochure_she_asked_for_gets_a_yes(
        library: Library, lang: str, offer: str) -> None:
    """"Just send me the brochure" - "shall I mail it?": he says yes to his own request,
    not "really, a brochure is enough for me"; giving in handles nothing."""
    _engine, state, replies = _call(library, "objection-software-renewal", lang,
                                    BRUSHED_OFF[lang])
    assert state.pending_objection == "brochure", replies[-2:]
    _engine, state, replies = _call(library, "objection-software-renewal", lang,
                                    [*BRUSHED_OFF[lang], offer])
    reply = replies[-1].lower()
    assert not any(w in reply for w in ("enough", "genoeg", "first this", "eerst dit",
                                        "before we", "voordat we")), replies[-2:]
    assert any(w in reply for w in ("yes", "sure", "ja", "prima", "goed")), replies[-2:]
    assert not state.objections["brochure"].handled


# his "I can't decide that alone, Monique and the works council first" raised by a demo
DMU_RAISED = {
    "en": [*BRUSHED_OFF["en"], "What would you want to read in that brochure?",
           "How about a demo on Thursday 15 January at 10?"],
    "nl": [*BRUSHED_OFF["nl"], "Wat zou u in die brochure willen lezen?",
           "Zal ik donderdag 15 januari om 10 uur een demo komen geven?"],
}


@pytest.mark.parametrize(("lang", "first", "second"), [
    ("en", "Could we do that demo together with Monique then, same day?",
     "Or Tuesday 8 September at 2, with Monique and the works council?"),
    ("nl", "Kunnen we die demo dan samen met Monique doen, zelfde dag?",
     "Of dinsdag 8 september om 14 uur, met Monique en de OR erbij?"),
])
def test_a_proposal_that_takes_up_her_concern_is_not_told_it_ignores_it(
        library: Library, lang: str, first: str, second: str) -> None:
    """Bringing Monique in answers part of "I need to discuss this with Monique first":
    "that helps, but", never "you're not addressing my point"."""
    _engine, state, replies = _call(library, "objection-software-renewal", lang,
                                    DMU_RAISED[lang])
    assert state.pending_objection == "dmu_consult", replies[-2:]
    _engine, state, replies = _call(library, "objection-software-renewal", lang,
                                    [*DMU_RAISED[lang], first, second])
    for reply in replies[-2:]:
        assert not any(w in reply.lower() for w in (
            "not addressing", "niet op in", "still haven't", "nog geen antwoord")), replies[-2:]
    assert not state.closing["agreed"]
