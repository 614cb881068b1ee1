"""Round-14 reading of the learner's message (helper acts13): act, form and SPIN type
decided by the grammar and the call's context, in wordings not taken from the dialogues."""

from __future__ import annotations

import pytest

from bot.engine.classify import QuestionInfo, classify, detect_moves
from bot.engine.language import language_model
from bot.scenario.library import load_library
from tests.engine_calls import RENEWAL_OPENING, last_turn, script_turns


def _read(lang: str, text: str) -> QuestionInfo:
    """How the engine reads one message on its own: form and SPIN type."""
    lm = language_model(lang)
    msg = lm.analyze(text)
    return classify(msg, lm, detect_moves(msg, lm))


@pytest.fixture(scope="module")
def library():
    return load_library([])


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "hey marco! busy week 😅 hows the new kitchen coming along"),
    ("en", "hi marco, great to be here again 🙂 how was your holiday"),
    ("nl", "hoi marco! lang niet gezien 😄 hoe was de vakantie"),
])
def test_an_emoji_ends_a_remark_before_a_small_talk_question(library, lang, line):
    """On a phone an emoji closes a sentence as a full stop would: the question after it
    ("hows the kitchen coming along") is an open question, and a greeting whose point is
    that question is small talk, not a bare greeting."""
    turn = last_turn(library, "closing-catering-followup", lang, [line])
    assert (turn["act"], turn["form"]) == ("small_talk", "open")


FOLLOW_UP = {"en": "Good morning Marco, good to see you again.", "nl": "Goedemorgen Marco."}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "today: your view on the quote, open questions, and a next step. ok?"),
    ("en", "agenda: the proposal, what you'd change, and then see where we stand"),
    ("nl", "vandaag: jouw reactie op de offerte, wat er anders moet, en de vervolgstap. goed?"),
    ("nl", "ik wou vandaag de offerte met je doorlopen en kijken of het past"),
    ("en", "I wanted to go through the quote with you today and see if it fits"),
])
def test_an_agenda_typed_as_a_list_or_in_the_past_tense_states_the_objective(
        library, lang, line):
    """"today: X, Y and Z. ok?" is an agenda under a heading; "ik wou vandaag ..." is the
    same plan as "ik wil vandaag ...": the objective of the visit, no question about facts."""
    turn = last_turn(library, "closing-catering-followup", lang, [FOLLOW_UP[lang], line])
    assert turn["act"] == "state_objective"


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Good morning, I'm Tom from SchoonWerk.",
            "For today I'd like to hear how things are arranged now and what matters to you, "
            "and then see if a follow-up makes sense. But first, could you tell me something "
            "about yourself?"]),
    ("nl", ["Goedemorgen, ik ben Tom van SchoonWerk.",
            "Vandaag wil ik graag horen hoe het nu geregeld is en wat u belangrijk vindt, en "
            "dan kijken of een vervolg zinvol is. Maar vertelt u eerst eens wat over uzelf?"]),
])
def test_the_agenda_with_an_invitation_to_introduce_herself_states_the_objective(
        library, lang, lines):
    """The opening's agenda ending in "but first, tell me about yourself" sets out the
    visit (domain.md §1: state the objective, ask her to introduce herself); the topics it
    lists are its items, not a fact question. She still introduces herself."""
    turn = last_turn(library, "first-visit-cleaning", lang, lines)
    assert turn["act"] == "state_objective"
    assert "Haarlem" in turn["buyer"]  # she introduces herself and her office


PRINTERS = {
    "en": ["Hi Ingrid, I'm Tom from Printwise.", "Which printers do you use on the packing lines?",
           "How often do they jam in the peak?"],
    "nl": ["Hoi Ingrid, ik ben Tom van Printwise.", "Welke printers gebruiken jullie aan de "
           "inpaktafels?", "Hoe vaak lopen ze vast in de piek?"],
}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Could you give me an example?"),
    ("en", "can u give an example of the last time that happened"),
    ("nl", "Heb je daar een voorbeeld van?"),
    ("nl", "Kun je een voorbeeld noemen van de laatste keer dat het gebeurde?"),
])
def test_an_example_of_the_pain_she_just_told_is_a_problem_question(library, lang, line):
    """Asked right after she told a pain, "can you give me an example?" probes that
    difficulty (domain.md §4: a problem question), like "how often?" does."""
    turn = last_turn(library, "spin-printing-urgency", lang, [*PRINTERS[lang], line])
    assert (turn["form"], turn["spin"]) == ("open", "problem")


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "since when?"),
    ("en", "since when has that been the case?"),
    ("nl", "sinds wanneer?"),
    ("nl", "sinds wanneer speelt dat?"),
])
def test_since_when_after_a_pain_asks_a_point_in_time(library, lang, line):
    """"How often?" after her pain asks how big it is (a problem question); "since when?"
    asks a date, a fact of her situation."""
    turn = last_turn(library, "spin-printing-urgency", lang, [*PRINTERS[lang], line])
    assert (turn["form"], turn["spin"]) == ("open", "situation")


@pytest.mark.parametrize("text", [
    "Hoe vaak valt er in zo'n hele drukke week een van de printers uit?",
    "Hoe vaak loopt er op een gewone maandagavond een labelprinter vast?",
    "Gaat er in de drukke weken rond de feestdagen weleens iets mis?",
])
def test_a_dutch_particle_at_the_end_of_a_long_clause_still_names_the_problem(text):
    """Dutch puts a separable verb's particle at the end of its clause ("valt ... uit",
    "loopt ... vast"), however many words stand between: the failure is still asked
    about (a problem question), not only when the middle is short."""
    lm = language_model("nl")
    msg = lm.analyze(text)
    assert classify(msg, lm, detect_moves(msg, lm)).spin == "problem"


def test_a_particle_in_the_next_clause_is_no_part_of_the_verb():
    """The particle's reach ends at the clause: "valt" and an "uit" after a comma are two
    things ("wat valt je op, en hoe ziet het eruit")."""
    lm = language_model("nl")
    msg = lm.analyze("Welke printers vallen bij jullie onder het contract, en wie zet ze uit?")
    assert classify(msg, lm, detect_moves(msg, lm)).spin == "situation"


@pytest.mark.parametrize(("lang", "text", "spin"), [
    ("nl", "Wat betekende die storing voor de klanten van die dag?", "implication"),
    ("nl", "Hoe vaak is het vorige maand misgegaan?", "problem"),
    ("nl", "Wat deed je toen het de laatste keer misging?", "problem"),
    ("en", "Since when has it been so bad?", "problem"),
    ("en", "What went wrong the last time?", "problem"),
])
def test_spin_cues_hold_in_the_past_tense(lang, text, spin):
    """A question about what went wrong last time or what it meant then is the same
    problem or implication question as in the present tense."""
    assert _read(lang, text).spin == spin


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "We can do the salad bar and soup for €6.50 per lunch. Deal?"),
    ("nl", "Dan maken we er €6,50 per lunch van, met de saladebar erbij. Deal?"),
    ("nl", "Salade en soep voor €6,50, en we starten 1 september. Afgesproken?"),
])
def test_a_one_word_trial_close_after_the_offer_asks_for_the_order(library, lang, line):
    """"... Deal?" asks for the decision on what was just offered (a trial close), not for
    a fact and not for her view."""
    turn = last_turn(library, "closing-catering-followup", lang, [FOLLOW_UP[lang], line])
    assert (turn["act"], turn["form"]) == ("ask_order", "closed")



@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Do you already get our newsletter? It's full of tips on packaging."),
    ("en", "By the way, may I add you to our newsletter?"),
    ("nl", "Zal ik u meteen aanmelden voor onze nieuwsbrief?"),
])
def test_the_newsletter_offered_while_her_objection_stands_is_no_step_of_handling(
        library, lang, line):
    """Asking leave to send the newsletter is an internal objective (a fact question, no
    SPIN type), not an answer to the price concern she opened the drill with."""
    turn = last_turn(library, "drill-objection-price", lang, [line])
    assert (turn["act"], turn["spin"]) == ("fact_question", None)


@pytest.mark.parametrize("line", [
    "top. mag ik je mail nog voor de bevestiging?",
    "mag ik je nummer nog even?",
    "Kun je me je mail nog geven voor de uitnodiging?",
])
def test_her_details_asked_with_je_are_a_fact_question(library, line):
    """"je mail" is "your e-mail" (read as "u email"): asking for it is a fact question
    (an internal objective) that she answers with her address, not a new proposal."""
    turns = script_turns(library, "spin-printing-urgency", "nl", [
        "Hoi Ingrid, ik ben Tom van Printwise.", line])
    assert turns[-1]["act"] == "fact_question"
    assert "@" in turns[-1]["buyer"]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "What happens when an allowance is missed? Who spots it first?"),
    ("en", "And what happens when a correction gets missed?"),
    ("nl", "Wat gebeurt er als een correctie gemist wordt? Wie merkt dat als eerste?"),
])
def test_a_question_about_her_pain_is_no_clarification_of_another_concern(library, lang, line):
    """While her concern about switching stands, "what happens when a correction is
    missed?" asks about her payroll pain (a fact question she answers); that its words
    echo the cues of a price objection she never raised makes it no clarification."""
    turn = last_turn(library, "objection-software-renewal", lang, [*RENEWAL_OPENING[lang], line])
    assert turn["act"] == "fact_question"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Who does the cleaning now, and are you happy with them?"),
    ("en", "Which supplier do you use at the moment and how satisfied are you?"),
    ("en", "How many people work here, and how often does it go wrong?"),
    ("nl", "Wie doet nu de schoonmaak en bent u daar tevreden over?"),
    ("nl", "Hoeveel mensen werken er op de administratie, en hoeveel tijd kost dat?"),
])
def test_two_joined_questions_take_the_type_of_the_first(lang, text):
    """"Who cleans now, and are you happy with them?" asks a fact first: the message is a
    situation question (its form and type come from the first question asked), while it
    is marked as probing deeper, so no bare list of facts."""
    info = _read(lang, text)
    assert (info.spin, info.deeper) == ("situation", True)


@pytest.mark.parametrize(("lang", "text", "spin"), [
    ("en", "What goes well, and what could be better?", "problem"),
    ("nl", "Wat gaat er goed en wat zou beter kunnen?", "problem"),
    ("en", "How are you happy with them, and what does a failure cost you?", "implication"),
])
def test_two_questions_about_her_view_keep_the_deepest_type(lang, text, spin):
    """The first question decides only when it asks a fact (who, which, how many); two
    questions about how things go are read as the deeper one."""
    assert _read(lang, text).spin == spin


def test_a_satisfaction_question_after_a_fact_does_not_tire_her(library):
    """Asked with "and are you happy with them?", a situation question probes her
    satisfaction: it does not count towards the run of facts that makes her impatient
    (the fifth bare fact question in a row would)."""
    turns = script_turns(library, "first-visit-cleaning", "en", [
        "Good morning, I'm Tom from SchoonWerk.", "How many staff work here?",
        "How many square metres is the office?", "How often is it cleaned now?",
        "Which rooms are cleaned?", "Who does the cleaning now, and are you happy with them?"])
    assert turns[-1]["spin"] == "situation"
    assert "a lot of facts" not in turns[-1]["buyer"]


@pytest.mark.parametrize(("lang", "text", "spin"), [
    ("en", "What would you change, if you could?", "problem"),
    ("en", "What would you improve about it if you could?", "problem"),
    ("nl", "Wat zou u verbeteren als u kon?", "problem"),
    ("en", "What would it mean for you if the breakdowns were fixed within four hours?",
     "need_payoff"),
])
def test_if_you_could_supposes_no_solution(lang, text, spin):
    """"What would you change, if you could?" asks what she is unhappy with (a problem
    question); only a supposed change ("if breakdowns were fixed") asks the value of a
    solution."""
    assert _read(lang, text).spin == spin


@pytest.mark.parametrize(("text", "spin"), [
    ("Hoeveel salarisfouten zijn er gemiddeld per maand?", "problem"),
    ("Hoe vaak heb je te maken met leveringsproblemen?", "problem"),
    ("Wat zou het voor je betekenen als de piek zonder printerstoringen verloopt?",
     "need_payoff"),
    ("Hoeveel weekendoveruren draaien jullie in de piek?", "implication"),
    ("Hoeveel medewerkers werken er op de administratie?", "situation"),
])
def test_a_dutch_compound_names_its_head(text, spin):
    """Dutch writes "printerstoringen" as one word with the head last: the failures are
    named (a problem question; without them, the value of a solution), while a compound
    whose end is no keyword ("medewerkers") stays a situation question."""
    lm = language_model("nl")
    msg = lm.analyze(text)
    assert classify(msg, lm, detect_moves(msg, lm)).spin == spin


@pytest.mark.parametrize(("text", "form"), [
    ("Prima, denk er rustig over na.", None),
    ("Kijk er gerust nog eens naar", None),
    ("Goed, neem er de tijd voor", None),
    ("is er nog iets dat u tegenhoudt", "closed"),
    ("zijn er nog andere leveranciers in beeld", "closed"),
    ("denk je er nog over na", "closed"),
])
def test_a_dutch_imperative_with_er_asks_nothing(text, form):
    """"Denk er rustig over na" puts the bare verb stem first, "er" after it and no subject:
    an imperative, no question typed without its question mark ("is er nog iets ...",
    "denk je er ..." are)."""
    lm = language_model("nl")
    msg = lm.analyze(text)
    assert classify(msg, lm, detect_moves(msg, lm)).form == form


@pytest.mark.parametrize(("lang", "text", "form"), [
    ("en", "Do you work with other caterers too? Who are they?", "closed"),
    ("en", "Can I put you on our newsletter? And what's your direct number?", "closed"),
    ("nl", "Hebben jullie ook een vestiging in Beverwijk? Hoe groot is die?", "closed"),
    ("en", "Who are you comparing us with? Do they do hot meals too?", "open"),
])
def test_the_first_of_two_asked_sentences_gives_the_form(lang, text, form):
    """Two questions in one message take the form of the first one asked (a yes/no
    question first is closed, whatever follows)."""
    assert _read(lang, text).form == form


PRICE_RAISED = {
    "en": ["Good morning Marco, good to see you again.", "What did you think of the proposal?",
           "How do you feel about the price per lunch?"],
    "nl": ["Goedemorgen Marco.", "Wat vond je van het voorstel?",
           "Wat vind je van de prijs per lunch?"],
}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Yes, they may be cheaper, but their food is nowhere near as good, everybody says so."),
    ("nl", "Ja, die zijn misschien goedkoper, maar die kwaliteit is gewoon minder, dat weet "
           "iedereen."),
    ("nl", "Nee hoor, maar wij koken alles vers op locatie, dat doen zij echt niet."),
])
def test_a_yes_but_right_after_her_objection_answers_it(library, lang, line):
    """Right after "Vers & Co is fifty cents below you", "yes, they may be cheaper, but
    ..." argues with her point: a (poor) objection response, not a pitch past it."""
    turns = script_turns(library, "closing-catering-followup", lang, [*PRICE_RAISED[lang], line])
    assert "Vers & Co" in turns[-2]["buyer"]  # the set-up: her concern was just raised
    assert turns[-1]["act"] == "objection_response"
