"""What a learner's message does: the questions it asks, the moves it makes, the topics.

This is the engine's reading of one turn, independent of how the buyer answers it, so
that scoring and the JSON report can use the same facts the buyer reacted to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from bot.engine.classify import (
    STEP_NOUNS,
    QuestionInfo,
    asks_her_opinion_of_the_offer,
    classify,
    count_questions,
    detect_moves,
    ends_with_tag,
    finds_out_and_reports_back,
    has_concrete_time,
    is_concrete,
    names_time_of_day,
    promises_to_send,
    sentence_form,
    spin_type,
    strip_fillers,
)
from bot.engine.compiled import CompiledLanguage, CompiledScenario
from bot.engine.cues import correct_typos
from bot.engine.language import LanguageModel
from bot.engine.state import SessionState
from bot.engine.text import Analyzed, Sentence
from bot.engine.value import statements, value_argument
from bot.engine.wording import (
    DAY_NAMES,
    MONTHS,
    SELLER_WORDS,
    offers_a_time,
    plans_no_meeting,
    proposes,
)
from bot.engine.yes_but import taken_back
from bot.scenario.model import Detector, Fact

PITCH_MIN_WORDS = 6


@dataclass
class TurnAnalysis:
    is_question: bool
    form: str | None
    spin: str | None
    asks: bool
    moves: set[str] = field(default_factory=set)
    facts: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    concrete_time: bool = False
    price: bool = False
    pitch: bool = False
    empty: bool = False
    responds_to: list[str] = field(default_factory=list)
    tied_needs: list[str] = field(default_factory=list)  # needs named that the buyer stated
    answered: list[str] = field(default_factory=list)  # facts to answer, best match first
    act: str = "other"  # the main act (bot.engine.acts.Act), set by the engine
    steps: list[str] = field(default_factory=list)  # objection steps this turn took
    word_count: int = 0
    answers_objection: list[str] = field(default_factory=list)  # needs that answer it
    asks_permission: bool = False  # "may I ...?", "would you like our newsletter?"
    states_benefit: bool = False  # the message itself claims a benefit or proposes something
    joke: bool = False  # "haha", an emoji: small talk, whatever else it mentions
    compliment: bool = False  # "nice office!", "mooie paasdecoratie!": she thanks for it
    # "totally unrelated, but ...?", "my uncle is a notary too, ...?": a question aside
    aside: bool = False
    # "how are you?", "busy day?": small talk about how she is (a scenario's "busy as ever")
    wellbeing: bool = False
    # "where do you live?", "good weekend?": small talk about her private life
    personal: bool = False
    meeting_words: bool = False  # names a meeting, a call, a quote to send (not just a date)
    about_objection: bool = False  # shares words with the pending objection as she said it
    follow_up: bool = False  # a follow-up visit: her needs are known from the first one
    seller_talk: bool = False  # talks about the seller's side ("our module", "we have")
    topic_stems: frozenset[str] = frozenset()  # content stems of the message (what it is about)
    # the same with the words that frame a question ("notice", "cost"): what a recap of
    # her answer may be matched on when no topic word is in it
    framed_stems: frozenset[str] = frozenset()
    asks_amount: bool = False  # "how much", "hoeveel": a figure answers it
    asks_when: bool = False  # "since when", "sinds wanneer", "which year": a date answers it
    names_date: bool = False  # "see you Thursday", "tot de 22e": a day or a date
    day_of_month: bool = False  # "op 20 juni", "on 3 July": a day in the diary, not a month
    dated: bool = False  # a time on a day offered: "shall we meet Thursday 15 January at 10?"
    # the question the message asks is a proposal: "... Dat kan! Zullen we die in de eerste
    # week van september doen?"
    asks_proposal: bool = False
    # "what does that do to payroll?" about a pain she already told: its consequence, not
    # the same story again
    consequence_of_told: bool = False
    # "who types *them* into the system?": points back at what she just told
    refers_back: bool = False
    # "Let me sum up: ... What did I miss?": a summary that ends in an open check of itself
    recap_check: bool = False
    # "how often does that happen?" right after she told what goes wrong: how often her
    # problem happens, not a fact that "how often" names
    how_often_told: bool = False
    asks_which: bool = False  # "welke merken?", "which carriers?": a named thing, not vague
    # next steps proposed with no day ("a demo sometime?"): credited when the day follows
    vague_steps: list[str] = field(default_factory=list)
    tagged: bool = False  # a statement made a question by a typed tag ("..., right")
    # the question itself asks to sign ("I'll send the confirmation, could you sign it?")
    question_closes: bool = False
    # "Hoi Monique, mijn forecast is 52.500 euro": a greeting that delivers figures
    greeting_with_content: bool = False
    # "are you happy with them? And who decides?": the form of the question that asks each
    # fact, where a message asks in several sentences (a closed one gets the short answer)
    fact_forms: dict[str, str | None] = field(default_factory=dict)
    # "who cleans now, and are you happy with them?": the later question probes deeper than
    # the situation fact that gives the type (she hears no bare list of facts)
    probes_deeper: bool = False
    # "Yes, they're cheaper, but ...", "Nee hoor, wij zijn juist ...": a reply to what she just
    # said, granting or denying it before the counter-argument
    yes_but: bool = False
    # "may I add you to our newsletter?": a question about the mailing list (her permission,
    # an internal objective), whatever else is going on in the call
    asks_mailing: bool = False
    # "I'll look into it and get back to you", "ik zoek het uit en kom erop terug": an
    # answer promised to her question, nothing offered or proposed
    reports_back: bool = False
    # "We have a new model that prints 30% faster. What matters most to you in a printer?":
    # a sentence that sells the offer beside the question (a trainer reads it as a pitch)
    pitch_aside: bool = False
    # "Apart from the price, is there anything else holding you back?": a yes/no question
    # that isolates her concern (a step of objection handling, no SPIN question)
    isolates: bool = False
    # "What did you think of our proposal?", "wat vond je ervan?": her opinion of the offer
    opinion_of_offer: bool = False
    # "Then I'd adapt the proposal: ...", "What we could do is ...", "Dan pas ik het voorstel
    # aan: ...": the offer changed to what she said (the adjusted solution)
    adjusts_offer: bool = False
    # "Mag ik het e-mailadres van de directeur?": where to reach her or a colleague
    asks_contact: bool = False
    # "thats how we work, same ppl every time": a sentence, not a question, about the
    # seller's own side ("we", "our", "bij ons")
    tells_own_side: bool = False


def analyze_turn(
    text: str, cs: CompiledScenario, cl: CompiledLanguage, state: SessionState
) -> TurnAnalysis:
    lm = cl.lm
    text = _without_her_name(text, cs.scenario.buyer.name)
    spelled = _spell_out_ellipsis(text, lm)
    msg = lm.analyze(spelled)
    correct_typos(msg, cl.corrector, lm.protected)
    if not msg.words:
        return TurnAnalysis(False, None, None, False, empty=True)
    concrete_time = has_concrete_time(msg, lm)
    cue_moves = set(lm.moves.match(msg))  # the moves the words name, before any inference
    if "small_talk" in cue_moves and _chat_is_the_offer(msg, lm, cl.text(
            cs.scenario.seller.company)):
        cue_moves.discard("small_talk")  # "hoe de koffie nu geregeld is" to a coffee service
    if "propose_solution" in cue_moves and _talks_about_the_proposal(msg, lm):
        cue_moves.discard("propose_solution")  # "did you read the proposal?" proposes nothing
    if "propose_next_step" in cue_moves and _MEETING_HER & {
            " ".join(msg.words[i:i + 3]) for i in range(len(msg.words))} and (
            "propose_next_step" not in _moves_without(msg, lm, _MEETING_HER)):
        cue_moves.discard("propose_next_step")  # "nice to meet you" proposes no meeting
    if "state_objective" in cue_moves and _asks_about_her_view(msg, lm) and not any(
            not s.question_mark and "state_objective" in lm.moves.match(
                lm.pipeline.analyze(" ".join(s.words))) for s in msg.sentences):
        # "how do you look back on ...?" asks; an agenda in a sentence of its own before
        # "Vertel eens, wat doe jij hier precies?" is still stated
        cue_moves.discard("state_objective")
    if "state_objective" in cue_moves and len(msg.sentences) > 1 and not any(
            "state_objective" in lm.moves.match(lm.pipeline.analyze(" ".join(s.words)))
            for s in msg.sentences):
        # "Vervelend om te horen. Wat ging er mis?": the plan's words ("om te horen wat")
        # run across two sentences, so no sentence states a plan
        cue_moves.discard("state_objective")
    if "propose_next_step" in cue_moves:
        joined_words = " ".join(msg.words)
        for marker in _PURPOSE:
            before, found, _ = joined_words.partition(f" {marker} ")
            if found and "propose_next_step" not in lm.moves.match(lm.pipeline.analyze(before)):
                # "..., zodat ik een offerte kan maken": the quotation is why she is asked,
                # no step proposed
                cue_moves.discard("propose_next_step")
                break
    if "propose_next_step" in cue_moves and _BACK_TO_A_TOPIC.search(" ".join(msg.words)) and (
            "propose_next_step" not in _moves_without_back_to(msg, lm)):
        # "u said at the start you'd come back to our price", "om even terug te komen op de
        # prijs": a topic taken up again, no visit proposed
        cue_moves.discard("propose_next_step")
    if "propose_next_step" in cue_moves and _OWN_OTHER_MEETING.search(" ".join(msg.words)) and (
            "propose_next_step" not in set(lm.moves.match(lm.pipeline.analyze(
                _OWN_OTHER_MEETING.sub(" ", " ".join(msg.words)))))):
        # "I've got another appointment in Beverwijk this afternoon": the seller's own diary,
        # no meeting proposed to her
        cue_moves.discard("propose_next_step")
    if promises_to_send(msg):
        cue_moves.add("propose_next_step")  # "I'll rework the quote and send it over"
    if concrete_time and offers_a_time(text) and is_concrete(msg, lm):
        cue_moves.add("propose_next_step")  # "wat dacht u van dinsdag om 9 uur?"
    elif "propose_next_step" in cue_moves and plans_no_meeting(text):
        cue_moves.discard("propose_next_step")  # "how did the demo at your competitor go?"
    moves = detect_moves(msg, lm, concrete_time, cue_moves)
    if "summarize" in moves and not (state.revealed or state.needs_stated) and (
            cs.scenario.buyer.visit == "first") and moves & {"propose_solution",
                                                              "respond_benefit"}:
        # "wij werken met vaste teams, dus u heeft nooit meer gedoe" before she told
        # anything: a benefit's "so you", no recap of what she said ("let me check I got
        # it right: you want ..." still sums up, wrongly)
        moves.discard("summarize")
    if "summarize" in moves and _ASKS_TO_TELL.search(text):
        # "kunt u vertellen hoe het bevalt met ...?" asks her to tell; the "u vertelde" of
        # a recap shares its stem, not its meaning
        moves.discard("summarize")
    details = _asks_her_details(msg)
    if details and msg.question_mark:
        # "could I have your email so I can send a confirmation?" asks for her details (a
        # fact question, an internal objective); the confirmation is no new proposal
        moves -= {"propose_next_step", "ask_for_order"}
    if _MAILING & set(msg.words):
        # "shall I sign you up for our newsletter?" / "vindt u het goed als we u onze
        # nieuwsbrief sturen?" asks her permission: it sells and proposes nothing
        moves -= {"ask_for_order", "propose_solution"}
    if "check" in moves and _asks_her_concerns(msg, lm):
        moves.discard("check")  # "what are your concerns about the proposal?" asks them
    if "acknowledge" in moves and msg.question_mark and not _acknowledges_outside_questions(
            msg, lm):
        moves.discard("acknowledge")  # "wat is voor u het vervelendste als ...?" asks
    if msg.words[-3:] in (["hoe", "is", "het"], ["how", "is", "it"]):
        moves.add("small_talk")  # "goedemorgen gerard, hoe is het" (not "hoe is het kantoor")
    if any(s.words[-2:] == ["alles", "goed"] for s in msg.sentences):
        moves.add("small_talk")  # "hoi marco, alles goed?" (not "om alles goed op te nemen")
    if msg.words[0] in _GREETING_OPENERS and msg.words[1:2] != [] and (
            msg.words[1] not in lm.lexicon.choice_words):
        moves.add("greet")  # "Morning Gerard, ..." (not "evening or morning cleaning?")
    elif msg.words[0] in _GREETING_OPENERS and len(msg.words) == 1:
        moves.add("greet")
    if (msg.words[-3:-1] == ["tot", "de"] or msg.words[-2:-1] == ["tot"]) and (
            _ORDINAL.fullmatch(msg.words[-1]) or msg.words[-1].isdigit()):
        moves.add("goodbye")  # "Dank u wel, tot de 7e" (not "... make up for the 14%?")
    if msg.words[-2:] == ["spreek", "u"] and not msg.question_mark:
        moves.add("goodbye")  # "Top, spreek je!" (not "Spreekt u dat aan?")
    joined = " ".join(msg.words)
    if not concrete_time and _plans_the_meeting(msg, lm) and (
        any(p in joined for p in _THEN)
        or (state.turn <= OPENING_PLAN_TURNS and _TODAY & set(msg.words))
    ):
        moves.add("state_objective")  # "ik wil graag horen hoe ..., en dan kijken of ..."
    if state.turn <= OPENING_PLAN_TURNS and not concrete_time and _today_heading(msg, lm):
        moves.add("state_objective")  # "today: your feedback, any changes, the next step. ok?"
    if not concrete_time and (msg.question_mark or _agreement_tag(msg, lm)) and (
            _only_asks_agreement(msg, lm) or _agreement_tag(msg, lm)) and (
        _first_then(msg.words)
        or (_steps_ahead(msg.words) and state.turn <= AGENDA_TURNS)
        or ("propose_next_step" in moves and len(msg.words) >= AGENDA_WORDS
            and state.turn <= AGENDA_TURNS  # later "I'll send a quote, OK?" is no agenda
            and not _question_proposes(msg, lm))  # "..., zal ik een offerte sturen?"
        or (_plans_the_meeting(msg, lm) and (
            "propose_next_step" not in moves or len(msg.words) >= AGENDA_WORDS))
    ):
        # "first ..., then ..., and at the end a next step. OK?" is an agenda, no proposal
        moves.add("state_objective")
    if state.last_act == "state_objective" and _tag_only(msg.words) and (
            msg.question_mark or _agreement_tag(msg, lm)):
        moves.add("state_objective")  # "Is dat goed?" sent after the agenda checks it
    if state.last_act == "state_objective" and state.turn <= OPENING_PLAN_TURNS and (
            not concrete_time and _goes_on_with_the_agenda(msg)):
        # "And if there's a match I'll show you a first idea, and we'll agree on the next
        # step": the rest of the agenda just given, no proposal made before she said a word
        moves.add("state_objective")
    if _names_own_company(msg, cl) and "introduced" not in state.flags:
        moves.add("introduce")  # naming the company again later is a pitch, not an intro
    if _closing_tag(msg, lm):
        moves.add("ask_for_order")  # "I can do 10% if you sign this month. Deal?"
    info = classify(msg, lm, moves)
    if "state_objective" in moves and not (
        "propose_next_step" in moves and has_concrete_time(msg, lm)
    ) and (
        not msg.question_mark or _only_asks_agreement(msg, lm)
    ):
        # "Today I'd like to hear how the cleaning is arranged, is that OK?" states an agenda
        # and asks agreement with it: a closed question that asks no facts
        agreement = msg.question_mark or _agreement_tag(msg, lm)
        info = QuestionInfo(agreement, "closed" if agreement else None, None, False)
    pending = state.pending_objection
    if "clarify" in moves and not (pending and info.is_question):
        moves.discard("clarify")
    if "propose_solution" in moves and info.form == "open" and info.spin != "need_payoff" and (
        "check" not in moves
    ):
        moves.discard("propose_solution")
    if "respond_benefit" in moves and info.is_question and not state.pending_objection and (
        "check" not in moves  # "..., so you have one contact. Would that suit you?" offers
    ):
        moves.discard("respond_benefit")
    analysis = TurnAnalysis(info.is_question, info.form, info.spin, info.asks, moves=moves)
    if info.is_question and lm.aside.match(msg) and not _asks_her_pains_apart(msg, lm) and not (
            _asks_the_case_apart(msg, cl, state.pending_objection)) and (
            not _back_to_business(msg, cs, cl, lm)):
        # "totally unrelated, but is that your dog?", "my sister has a web shop, do you do
        # returns too?": small talk, no fact of the case to recite
        moves.add("small_talk")
        analysis.aside = True
    analysis.wellbeing = bool(lm.wellbeing.match(msg))
    analysis.personal = bool(lm.personal.match(msg))
    analysis.states_benefit = bool(cue_moves & {"respond_benefit", "propose_solution"})
    analysis.meeting_words = "propose_next_step" in cue_moves
    analysis.question_closes = "ask_for_order" in moves and _question_asks_order(msg, lm)
    analysis.opinion_of_offer = info.is_question and asks_her_opinion_of_the_offer(msg)
    if not analysis.question_closes and info.form == "closed" and _trial_close(text, msg, moves):
        # "If we go with this, shall we pencil in Monday 2 September for the first lunch?",
        # "zal ik jullie vast inplannen voor 1 sept?": her yes puts the start in the diary
        moves.add("ask_for_order")
        analysis.question_closes = True
    # "Hoi Monique, mijn totaal is 70.500 euro": an amount is content however short the
    # greeting around it ("hi, 2 minutes?" is not)
    analysis.greeting_with_content = "greet" in moves and bool(msg.numbers) and (
        not info.is_question and "introduce" not in moves) and (
        len(msg.words) > GREETING_WORDS or any(n >= AMOUNT_MIN for n in msg.numbers))
    analysis.follow_up = cs.scenario.buyer.visit == "follow_up"
    analysis.probes_deeper = info.deeper
    analysis.yes_but = _yes_but(text, msg, lm)
    analysis.reports_back = finds_out_and_reports_back(msg)
    analysis.asks_mailing = info.is_question and any(
        s.question_mark and _MAILING & set(s.words) for s in msg.sentences)
    first_asked = next((s for s in msg.sentences if s.question_mark), None)
    if analysis.asks_mailing and info.form == "closed" and first_asked is not None and (
            _MAILING & set(first_asked.words)):
        # "do you get our newsletter?" asks leave to send it, no facts (her e-mail address
        # asked first is a fact like any other)
        analysis.spin = None
    intent = bool(lm.intents.match(msg))
    fillers = lm.lexicon.fillers
    analysis.asks_permission = intent or _opens_with_phrase(
        msg, (*_PERMISSION, "zou u", "zou je"), fillers)
    # "May I add *you* to the newsletter?" asks leave to act; "may I have *your* card?"
    # asks for her details, a situation question like any other
    permission = _opens_with_phrase(msg, _PERMISSION, fillers, first_question=True) or (
        intent and _acts_on_her(msg, lm))
    if info.form == "closed" and permission and not lm.requests.match(msg):
        analysis.spin = None  # "may I add you to our newsletter?" gathers no information
    asking = [x for x in msg.sentences if x.question_mark]
    if info.form == "closed" and len(asking) == 1 and _MAILING & set(asking[0].words):
        analysis.spin = None  # "do you get our newsletter?" offers it, it asks nothing of hers
    analysis.asks_contact = info.is_question and _asks_contact_details(msg)
    if analysis.spin is not None and _asks_contact_details(msg):
        # "what's the best email address for you?", "mag ik het mailadres van de directeur?":
        # where to reach someone is an internal objective, no SPIN question about her work
        analysis.spin = None
    analysis.needs = sorted(cl.needs.match(msg))
    if pending:
        # "wat u nu kwijt bent aan storingen verdient u snel terug" answers her money concern
        # with her own problem, in words her need's cue turns into its solution
        argued = value_argument(cl, cs.objections[pending], msg,
                                info.is_question and len(msg.sentences) == 1)
        analysis.needs += [n for n in argued if n not in analysis.needs]
    analysis.tied_needs = [n for n in analysis.needs if n in state.needs_stated]
    if "check" in moves and analysis.tied_needs and not pending and not moves & {
            "summarize", "propose_solution"}:
        # "een vast team na sluitingstijd, zou dat passen bij wat u zoekt?" offers what she
        # asked for and checks it: a first solution, even without "we can"
        moves.add("propose_solution")
    analysis.concrete_time = concrete_time and is_concrete(msg, lm)
    analysis.price = bool(lm.price.match(msg))
    analysis.responds_to = sorted(cl.objection_cues.match(msg))
    if _PERCENT_OFF.search(text):
        moves.add("discount")  # "15% off", "10% vanaf", "5 procent onder uw prijs"
    if (_offers_a_price(msg) or _FOR_AMOUNT.search(text) or _GO_TO_AMOUNT.search(text)) and \
            _price_objection_raised(
            cs, state):
        moves.add("discount")  # "€2,25 per couvert" after "they are cheaper" gives way on price
    cut = _CUT_BELOW_PRICE.search(text)
    if cut and _cut_is_lower(cut):
        moves.add("discount")  # "€9.40 sounds like a lot, but I can probably do €8.50"
    if "state_objective" in moves and not concrete_time:
        moves.discard("propose_next_step")  # "...and agree a next step" is part of the agenda
        moves.discard("ask_for_order")  # "...and see if we can move forward today" too
        if not analysis.tied_needs:
            moves.discard("propose_solution")  # "...and see if we can help" too
    if "propose_next_step" in moves and "propose_solution" in moves and (
        "propose_next_step" not in cue_moves
    ) and not _DAYS & set(msg.words):
        # "a fixed team after 17.00", "fixed within four hours": a solution's terms, no
        # appointment (that needs a meeting, a call, a visit, a quote to send)
        moves.discard("propose_next_step")
    if info.is_question and details:
        moves -= {"propose_next_step", "ask_for_order"}  # typed without a question mark
    proposing = "propose_next_step" in moves and not _asks_besides_proposal(msg, lm)
    if proposing and not analysis.needs:
        moves.discard("propose_solution")  # "I'll bring a tailored proposal" is the next step
    if "propose_solution" in moves and msg.question_mark and _only_asks_agreement(msg, lm):
        moves.add("check")  # "...and Ilse becomes your host. Does that appeal?" checks
    if info.form == "open" and moves & {"ask_for_order", "propose_next_step"} and (
        _opens_with(msg, lm, _WHO_WHAT) and not concrete_time
    ):
        # "who will sign?", "who else can I email about the quote?" ask about people
        moves.discard("ask_for_order")
        moves.discard("propose_next_step")
        info = QuestionInfo(True, info.form, spin_type(msg, lm, moves), True)
        analysis.form, analysis.spin = info.form, info.spin
    # "Let me sum up: ... What did I miss?": a recap with an open check asks no fact
    analysis.recap_check = "summarize" in moves and analysis.form == "open" and (
        _recap_with_open_check(msg, cl, lm))
    checking = ("check" in moves or "summarize" in moves) and (
        count_questions(msg, lm) == 0 or "propose_solution" in moves or analysis.recap_check)
    if "small_talk" in moves and "greet" in moves and state.turn <= 2:
        checking = True  # "hi Marco, how's the building work going?" is small talk
    # "shall we start after the summer?" asks her to commit, not for the start date
    closing_question = "ask_for_order" in moves and info.form == "closed" and (
        bool(lm.proposal.match(msg)) or _agreement_tag(msg, lm))  # "... voor u vast. Akkoord?"
    analysis.adjusts_offer = "propose_solution" in moves and bool(_ADJUSTS_OFFER.search(text))
    analysis.tells_own_side = any(not sentence.question_mark and SELLER_WORDS & set(
        sentence.words) for sentence in msg.sentences)
    # "Did you know our film never tears?", "..., sounds good right?" carry the offer: no
    # fact of hers is asked
    bare: set[str] = set()  # facts named by no topic word: "how often" alone
    if info.asks and not proposing and not checking and not closing_question and (
            "pitch_question" not in moves) and not analysis.aside:
        asked = count_questions(msg, lm)
        several = asked > 1
        where: dict[str, int] = {}
        framed: set[str] = set()
        spans: dict[str, tuple[int, int]] = {}
        scored = cl.facts.match(msg, where, framed, spans)
        if _BACK_TO_A_TOPIC.search(" ".join(msg.words)):
            # "Coming back to your cleaner for a sec: ..." takes a topic up again: it asks
            # about no visit or appointment ("come back")
            kept = cl.facts.match(lm.pipeline.analyze(
                _BACK_TO_A_TOPIC.sub(" ", " ".join(msg.words))))
            scored = {f: v for f, v in scored.items() if f in kept}
        # a permission question ("vindt u het goed als we u de nieuwsbrief sturen?") asks no
        # deeper SPIN question, whatever "als we" suggests: plain facts answer it
        fit_spin = "situation" if analysis.spin is None and info.spin else info.spin
        # a fact the question names too ("Dan uw punt over de prijsindicatie. Wat betaalt u
        # nu aan uw huidige leverancier?" asks the price it also names before) is asked
        aside = _outside_questions(msg, where)
        aside -= _named_in_questions(msg, cl, aside)
        # told only, not asked: no question names it too ("Begrijpelijk dat je rondkijkt.
        # Met wie heb je nog meer gesproken?" asks the competitor it also tells), and no
        # question points back at it ("..., whoever decides. Who would that be?")
        told_only = _told_only(msg, cl, aside)
        fitting = [f for f in scored
                   if _fits_question(cs.facts[f], fit_spin, several_questions=several)]
        if not fitting:
            # "what does the baker cost you now?": no deeper fact is asked; the one whose
            # own keyword holds the frame word ("baker ... cost") is
            fitting = [f for f in scored if _frame_is_asked_of(f, spans, msg, lm)]
        if not fitting and fit_spin == "implication":
            # no fact written for the deeper question: a fact about her pain still answers
            # "what happens when an allowance is paid wrongly?" (not "which rooms?"); the
            # value of a solution is hers to state, not a fact to recite
            fitting = [f for f in scored if not cs.facts[f].spin and cs.facts[f].reveals
                       and f not in aside]  # not a pain she is told about before the question
            fallback = True
        else:
            fallback = False
        if not fitting and fit_spin == "need_payoff":
            fitting = _worth_of_told(cs, state, scored)
            for f in fitting:
                scored.setdefault(f, NAMED_MATCH)
        if not fitting and fit_spin in ("situation", "problem"):
            # the words name a deeper fact and no other ("has it ever cost you a
            # customer?"): she plays it down with its short answer rather than "I couldn't
            # tell you much about that"; the full story still waits for the deeper question
            fitting = [f for f in scored if scored[f] >= NAMED_MATCH
                       and "implication" in cs.facts[f].spin
                       and cs.facts[f].short_answer is not None]
        if not fitting and fit_spin in ("situation", "problem"):
            # a deeper fact she has told already, asked about again in plain words ("who
            # pays that penalty, you or the web shop?"): she answers from what she said,
            # not "I couldn't tell you much about that" about her own story
            # (right after her story, the follow-up on it answers: "what did the partners
            # say about that?" is the part of it that names them)
            fitting = [f for f in scored if f in state.revealed and cs.facts[f].spin
                       and f not in aside and f not in state.last_answered]
        # "hoe vaak gaat het mis?": "how often" alone named the cleaning rota; the question
        # asks how often things go wrong, which a pain of hers its own words name answers
        how_often_only = {f for f in fitting if fit_spin == "problem"
                          and _names_no_topic(spans.get(f), msg, lm)
                          and not cl.facts.names(f, _topic_stems(msg, lm))
                          and "problem" not in cs.facts[f].spin}
        named_pains = [f for f in fitting if f not in how_often_only and cs.facts[f].reveals]
        if how_often_only and named_pains and len(named_pains) + len(how_often_only) == len(
                fitting) and not pending:
            fitting = named_pains
        if not fitting and fit_spin == "problem" and info.form == "open" and not several and (
                lm.lexicon.problem_question) and not any(
                    _DEEPER & set(cs.facts[f].spin) and not _names_no_topic(spans.get(f), msg, lm)
                    for f in scored):
            # "what's the biggest headache with payroll?" names no fact's words but asks her
            # problem: the one the scenario tied to "what problems do you run into?" (a
            # question that names a deeper fact, "when a trailer is missed", is no such one;
            # "where does it go wrong?" names none: its "it" is no topic)
            where, framed, spans = {}, set(), {}
            scored = cl.facts.match(lm.analyze(lm.lexicon.problem_question), where, framed,
                                    spans)
            problems = [f for f in scored if _fits_question(cs.facts[f], "problem",
                                                            several_questions=False)]
            # ("what doesn't go the way you'd like?" right after she told it: what she
            # just said answers it, not "I can't say much about that"; asked for an
            # example of it, she tells a story, not the same again)
            fitting = [f for f in problems if f not in state.revealed][:1] or [
                f for f in problems if f in state.last_answered
                and not lm.elaboration.match(msg)][:1]
        bare = {f for f in fitting if _names_no_topic(spans.get(f), msg, lm)
                and not cl.facts.names(f, _topic_stems(msg, lm))}
        analysis.facts = sorted(_without_swallowed(fitting, scored, spans),
                                key=lambda f: -scored[f])
        # what the question asks about is its matter, not a fact it asks for: "what did
        # your colleagues say about the employee contribution?" asks no payment process
        matter = _named_after_about(msg, spans, analysis.facts) if asked <= 1 else set()
        analysis.facts = [f for f in analysis.facts if f not in matter]
        if fit_spin == "implication":
            # "what does it mean for the staff *when their payslip is wrong*, and for the
            # workload in payroll?": the if-part names the trouble, the question asks what
            # it leads to; a fact named only inside it yields to one the question asks
            analysis.facts = _asked_beyond_condition(msg, lm, spans, analysis.facts)
        if analysis.facts and all(f in told_only for f in analysis.facts) and not pending and (
                _asks_of_its_own(msg, lm)):
            # "Wij doen printers. Heb jij hier altijd gewerkt?": the printers are what the
            # seller tells; the question asks something of its own, which no fact names
            analysis.facts = []
        if analysis.facts and pending and info.form == "closed" and "respond_benefit" in moves and (
                not _named_in_questions(msg, cl, set(analysis.facts))):
            # "Vers & Co is cheaper, but there you pay for 140 lunches, Fridays too. With us
            # you pay per lunch. Doesn't that save more than the 50 cents?": the argument
            # names her facts, the closed question checks it; she is not told them back
            analysis.facts = []
        if "small_talk" in cue_moves:
            # "why did you switch to HR?": the word a fact's cue found ("switch") is the
            # chat's own, asked about his career, not about switching supplier
            # (a cue of several words, "how are things going", asks the fact itself)
            analysis.facts = [f for f in analysis.facts if cs.facts[f].small_talk or (
                scored[f] >= SURE_MATCH + 1) or not _chat_words(msg, lm, spans.get(f))]
        analysis.answered = _best_matches(
            analysis.facts, scored, asked, state, where, framed, aside,
            _question_segments(msg, lm),
            {f for f in analysis.facts if state.trust < cs.facts[f].trust}, told_only)
        if "state_objective" in moves and analysis.facts and set(analysis.facts) <= aside and (
                not _question_names_a_fact(msg, cl)):
            # "Mijn voorstel voor vandaag: ..., dan uw vragen over de prijsindicatie, ...
            # Kunnen we het zo doen?": the agenda names its topics; the question asks to agree
            analysis.facts, analysis.answered = [], []
        if several:
            analysis.fact_forms = _forms_by_sentence(msg, cl, where, analysis.answered)
        if fallback and analysis.answered and not _AMOUNT & set(msg.words) and all(
                f in state.revealed for f in analysis.answered):
            # she told that pain already; asked what it leads to, she says what it costs
            # her instead of "like I just said" and the same story word for word ("how
            # much time does the retyping take?" asks for a figure she told: that she recaps)
            analysis.answered = []
            analysis.consequence_of_told = True
        personal = [f for f in analysis.facts if cs.facts[f].small_talk]
        if personal:
            # "how did you end up in logistics?" is small talk she answers, no fact of the
            # case; asked with a business question, that question is what counts
            analysis.facts = [f for f in analysis.facts if f not in personal]
            if not analysis.facts:
                moves.add("small_talk")
    raised = state.objections[pending].raised_turn if pending else None
    just_raised = raised is not None and state.turn - raised <= 1
    shares = strong = False
    if pending:
        shared = cl.objection_stems.get(pending, frozenset()) & msg.stem_set
        # one shared word is chance ("system"); two, or one in a short echo ("fifty cents?"),
        # is her point
        strong = bool(shared & cl.objection_rare.get(pending, frozenset()))  # "Loonhuis"
        shares = len(shared) >= 2 or (len(shared) == 1 and (
            len(msg.words) <= SHORT_ECHO or strong))
        analysis.about_objection = pending in analysis.responds_to or shares
    # her concern named in a statement beside a question about something else ("werkt u
    # hier al lang? Maar ik begrijp het: het contract loopt tot maart") makes that question
    # no question into her concern: its own words must name it
    asked_strong = strong
    if pending and strong and msg.question_mark and len(msg.sentences) > 1:
        asked_stems = lm.pipeline.analyze(" ".join(
            w for s in msg.sentences if s.question_mark for w in s.words)).stem_set
        asked_strong = bool(cl.objection_stems.get(pending, frozenset()) & asked_stems
                            & cl.objection_rare.get(pending, frozenset()))
    if pending and info.is_question and not moves & {
        "propose_next_step", "ask_for_order", "check"
    } and (not analysis.facts or strong or raised == 0 or (
        just_raised and shares and info.form == "open"  # "what went wrong with that switch?"
    )) and not details and (shares or raised == 0) and (
        asked_strong or (just_raised and info.form == "open")
        # "Zal ik een proefrol sturen?" offers the answer: no question about her concern
        or (analysis.responds_to and (info.form == "open" or shares))
        or (raised == 0 and not analysis.facts and info.form == "open")  # her opening concern
        # a drill she opened with her concern is about it: "Which days do you need them most,
        # just Saturday and Sunday?" asks what is behind it, whatever fact it names
        or (raised == 0 and cs.scenario.kind == "drill" and info.form == "open"
            and "small_talk" not in moves and not analysis.aside
            and any(f not in state.revealed for f in analysis.facts)
            and not _ASKS_HER_TIME.search(text))
    ):
        moves.add("clarify")  # a question right after her objection about what she said
    open_concern = pending or any(o.raised_turn is not None and not o.handled
                                  for o in state.objections.values())
    # the question itself isolates it ("Dat snap ik. Maar is de prijs het enige?"); a
    # statement next to it may do anything else
    asked_part = [s for s in msg.sentences if s.question_mark] if len(msg.sentences) > 1 else (
        msg.sentences)
    isolating = len(asked_part) == 1 and any(
        p in " ".join(asked_part[0].words) for p in _ISOLATING)
    analysis.isolates = info.form == "closed" and len(asked_part) == 1 and any(
        p in " ".join(asked_part[0].words) for p in _ISOLATING_ONLY)
    if open_concern and info.is_question and not details and isolating and not (
            moves & {"propose_next_step", "ask_for_order"}):
        # "Naast de prijs, is er nog iets anders?" isolates her concern (one she let rest
        # is taken up again)
        moves.add("clarify")
    if pending and {"check", "clarify"} <= moves and info.form == "open" and not (
            cue_moves & {"respond_benefit", "propose_solution"} or analysis.needs
            or state.objections[pending].steps["respond"]
            or "respond" in state.objections[pending].tried):
        # "..., what will they want to know, and what do you think yourself?" asks about
        # her concern: nothing is answered yet that a check could check
        moves.discard("check")
    if "clarify" in moves and analysis.facts and pending not in analysis.responds_to and not (
        moves & {"acknowledge"}
    ) and not _clarifies_alone(msg, lm) and not shares and raised != 0:
        moves.discard("clarify")  # "who else has a say?" asks about the DMU, not her concern
    if state.turn <= SMALL_TALK_TURNS and info.is_question and not analysis.facts and not (
        moves - {"greet", "thanks", "introduce"}
    ) and not pending and cs.scenario.kind != "drill" and analysis.spin == "situation" and (
        not _BUSINESS & set(msg.words)  # "have you had other proposals?" asks business
        and not _names_the_case(msg, cl)  # "hoe gaat t met de printers?" asks it too
    ):
        moves.add("small_talk")  # "hoe gaat het op de bouw, druk?" before the business
    chat = {"greet", "thanks", "introduce", "small_talk"}
    if pending and cs.scenario.kind == "drill" and info.is_question and not analysis.facts and (
            not moves - chat or (_laughs(text, msg) and not moves - chat - {"acknowledge"})) and (
            not analysis.about_objection and not analysis.responds_to and not analysis.needs
            and analysis.spin == "situation" and len(msg.words) >= CHAT_WORDS
            and not _BUSINESS & set(msg.words)
            and not cl.objection_stems.get(pending, frozenset()) & msg.stem_set
            and not _claims_with_tag(msg.sentences[-1].words)):  # "their vans are old, right?"
        # "Nice Easter decorations! Did you do them yourself?" while he says he has no time:
        # chat he brushes off, not a question he "couldn't tell you much about"; the "haha
        # ja, ik zie het" in front of it is a laugh, not understanding of his concern
        moves.add("small_talk")
        moves.discard("acknowledge")
    if "small_talk" in moves and "propose_next_step" in moves and not lm.proposal.match(msg) and (
            not analysis.meeting_words or (
                # "Nog leuke plannen voor het weekend?": her plans for her time off
                _LEISURE & set(msg.words) and not STEP_NOUNS & set(msg.words))):
        # "Did the rain hold off on your sites this week?": a week or a day in small talk
        # asks after hers, it plans nothing (no "I can't decide that alone" to it)
        moves.discard("propose_next_step")
    if "small_talk" in moves and not analysis.facts:
        analysis.spin = None  # "was it hard to find parking?" gathers no information
    # as long as she read it, not as spelled out
    analysis.word_count = len(msg.words if spelled == text else lm.analyze(text).words)
    analysis.tagged = info.is_question and not msg.question_mark and ends_with_tag(
        msg.sentences[-1].words)
    if info.is_question and not analysis.facts and len(msg.sentences[-1].words) > 3 and (
            tuple(msg.sentences[-1].words[-2:]) in _ARGUING_TAGS
            or tuple(msg.sentences[-1].words[-3:]) in _ARGUING_TAGS
            or msg.sentences[-1].words[-1:] == ["toch"]):
        # "your current package is rather dated, isn't it?", "die kwaliteit is niet goed,
        # toch?": a claim she is asked to agree with, no question about her situation
        analysis.tagged = True
        analysis.spin = None
    if info.is_question and analysis.facts and "respond_benefit" in cue_moves and (
            _claims_with_tag(msg.sentences[-1].words)) and not _opens_with_question_word(
                msg.sentences[-1].words, lm):
        # "if ur people save 2 days a month on corrections, thats way more than the
        # difference right?": a value argument she is asked to agree with; the corrections
        # it names are the seller's case, not a question about them ("as I said: thirty to
        # forty corrections ...")
        analysis.facts, analysis.answered = [], []
        analysis.tagged = True
        analysis.spin = None
        moves |= {"respond_benefit", "check"}
    if "small_talk" in moves and msg.words and msg.words[-1] in _SMALL_TALK_TAGS:
        # "mooi weer, toch?", "busy morning, huh?": she is asked to agree, not to tell
        analysis.tagged = True
    analysis.names_date = concrete_time or bool(_DAYS & set(msg.words)) or any(
        _ORDINAL.fullmatch(w) for w in msg.words)
    analysis.day_of_month = _day_of_month(msg.words)
    analysis.asks_proposal = "propose_next_step" in moves and _proposal_asked(msg, lm)
    analysis.dated = analysis.concrete_time and (bool(DAY_NAMES & set(msg.words)) or any(
        _ORDINAL.fullmatch(w) or w in MONTHS for w in msg.words)) and (
        offers_a_time(text) or proposes(text))
    analysis.topic_stems = _topic_stems(msg, lm)
    analysis.framed_stems = analysis.topic_stems | frozenset(
        st for st, w in zip(msg.stems, msg.words, strict=True)
        if w in lm.lexicon.frame_words and len(st) > 3 and w not in lm.lexicon.stopwords)
    analysis.asks_amount = bool(_AMOUNT & set(msg.words))
    analysis.asks_when = bool(_WHEN & set(msg.words))
    how_big = analysis.asks_amount and len(msg.words) <= FOLLOW_UP_WORDS and not (
        _WHEN & set(msg.words))  # "since when?" asks a point in time, a fact of the situation
    if how_big and analysis.facts and set(analysis.facts) <= bare and (
            _BACK_REFERENCES & set(msg.words) or not analysis.topic_stems) and any(
                f in cs.facts and cs.facts[f].reveals and f not in analysis.facts
                for f in state.last_answered):
        # "how often does that happen?" right after she told what goes wrong: "that" is
        # her problem, not the fact a bare "how often" names (how often they clean)
        analysis.facts, analysis.answered = [], []
        analysis.spin = "situation"
        analysis.how_often_told = bool(_OFTEN & set(msg.words))
    if analysis.spin == "situation" and (how_big or _EXAMPLE & set(msg.words)) and (
        set(analysis.facts) <= set(state.last_answered)
    ) and any(f in cs.facts and cs.facts[f].reveals for f in state.last_answered):
        # "how often, roughly?", "and how long does that take them?", "can you give me an
        # example?" right after she told a pain: how big her problem is, or an instance of
        # it (a problem question), not a new fact
        analysis.spin = "problem"
    analysis.refers_back = bool(_BACK_REFERENCES & set(msg.words))
    analysis.asks_which = any(
        w in _WHICH and i + 1 < len(msg.words) and msg.words[i + 1] not in lm.lexicon.stopwords
        for i, w in enumerate(msg.words))
    if _laughs(text, msg):
        moves.add("small_talk")
        analysis.joke = True
    analysis.compliment = "small_talk" in moves and bool(lm.compliment.match(msg))
    if pending:
        analysis.answers_objection = list(cs.objections[pending].answered_by)
    analysis.seller_talk = ("summarize" in moves or (
        not info.is_question and len(msg.words) >= PITCH_MIN_WORDS)) and bool(lm.pitch.match(msg))
    if (
        not info.is_question
        and len(msg.words) >= PITCH_MIN_WORDS
        and analysis.seller_talk
        and not moves & {"acknowledge", "summarize", "state_objective"}
        and not ("introduce" in moves and "introduced" not in state.flags)
    ):
        analysis.pitch = True
    if info.is_question and not moves & {"acknowledge", "summarize", "state_objective"} and not (
            "introduce" in moves and "introduced" not in state.flags):
        analysis.pitch_aside = not _MAILING & set(msg.words) and _pitch_beside_question(msg, lm)
    content = [w for w in msg.words if w not in lm.lexicon.stopwords]
    bare_step = "propose_next_step" in moves and not analysis.needs and (
        not analysis.states_benefit and len(content) <= BARE_STEP_WORDS)
    # "Heel logisch dat u dit samen met de directie beslist." only acknowledges her words
    echoes = "acknowledge" in moves and not analysis.needs and not analysis.states_benefit and (
        not moves & {"propose_next_step", "propose_solution"} and not info.is_question)
    if state.pending_objection and (analysis.needs or analysis.responds_to) and not (
            isolating and info.is_question and not analysis.states_benefit) and not (
            bare_step or echoes or (info.is_question and _grants_then_asks(cl, msg))) and not (
            info.is_question and analysis.facts and not analysis.states_benefit
            and cs.scenario.kind == "drill" and not _argues_first(cl, msg)) and not (
            # "when you say you don't want to be locked in again, what made this contract
            # feel that way?" asks about her need in her words: no benefit offered for it
            info.form == "open" and msg.question_mark and not analysis.states_benefit
            and not _argues_first(cl, msg) and all(s.question_mark for s in msg.sentences)):
        # ("lets plan a demo, next week?" proposes a step, it names no benefit)
        # (a question about what her concern is answers nothing yet: "Gaat het u om de
        # prijs per rol of om de totale kosten?"; nor does one about her need: "Hoe vaak
        # staat de lijn stil door scheurende folie?")
        analysis.moves.add("respond_benefit")
    if {"small_talk", "summarize"} <= moves and info.is_question and not analysis.facts and (
            not analysis.needs):
        # "Did you end up going to Portugal? Last time you were still doubting." recalls her
        # life outside the deal: small talk, no recap of what she told about her needs
        moves.discard("summarize")
    detector_hits = cl.detector_cues.match(msg)
    ticked: list[str] = []
    for fact_id in analysis.facts:
        objective_id = cs.facts[fact_id].objective
        if objective_id and objective_id not in ticked:
            ticked.append(objective_id)
    # (not "I'll call you Monday to set a time. Bye!": a call to plan it, taking leave)
    dated_step = "propose_next_step" in moves and "goodbye" not in moves and _fixes_a_day(msg, lm)
    for objective in cs.objectives.values():
        if objective.id in ticked:
            continue
        if dated_step and f"vague_step:{objective.id}" in state.flags:
            # "Can I give you a demo sometime?" - "How about Thursday 23 May at two?": the
            # day fixes the demo proposed before
            ticked.append(objective.id)
            continue
        for i, det in enumerate(objective.detect):
            if not _detector_holds(det, f"{objective.id}#{i}", analysis, detector_hits,
                                   msg.numbers) or _only_refers_back(det, analysis, msg):
                continue
            if det.spin and not det.moves and det.asked_by is None and analysis.facts and (
                    _SATISFACTION & set(msg.words)):
                # "Are you happy with them?", "Hoe bevalt dat?": her satisfaction with what she
                # has (a fact of the supplier's), not yet what she wishes or needs
                continue
            if _vague_step(det, analysis, msg, lm):
                analysis.vague_steps.append(objective.id)
                continue
            if not (_agenda_item(det, analysis) or _offer_on_her_words(det, analysis)
                    or _recap_check(det, analysis)):
                ticked.append(objective.id)
                break
    analysis.objectives = ticked
    return analysis


# the seller's own side: "we", "our", "bij ons" (a statement about it argues)


def _grants_then_asks(cl: CompiledLanguage, msg: Analyzed) -> bool:
    """"Snap ik, vijftig cent is per jaar best een bedrag. Vergelijk je alleen de prijs per
    lunch?": her point granted in her words, then a question that offers nothing; the
    answer's cue words in the understanding ("per jaar") argue nothing."""
    said = statements(cl, msg)
    if said is None or said is msg or "acknowledge" not in cl.lm.moves.match(said) or (
            SELLER_WORDS & set(said.words)):
        return False
    asked = cl.lm.analyze(" ".join(" ".join(s.words) for s in msg.sentences if s.question_mark))
    correct_typos(asked, cl.corrector, cl.lm.protected)
    return not (cl.needs.match(asked) or cl.objection_cues.match(asked))


def _argues_first(cl: CompiledLanguage, msg: Analyzed) -> bool:
    """A benefit said before the question ("Met onze folie staat de lijn minder vaak stil,
    en dat is meer waard dan veertien procent. Helpt u dat intern?"): the message argues,
    whatever fact its words happen to name."""
    said = statements(cl, msg)
    # ("Ik begrijp dat u niet nog eens drie jaar vast wilt zitten. Wat is de opzegtermijn?"
    # grants her point in her words before it asks: no argument)
    return said is not None and said is not msg and bool(
        cl.needs.match(said) or cl.objection_cues.match(said)) and (
        "acknowledge" not in cl.lm.moves.match(said) or bool(cl.lm.pitch.match(said)))


MAX_ANSWERS = 3
_TITLES = r"(?:mevrouw|mevr|mw|meneer|mijnheer|mnr|dhr|heer|mrs|mr|ms|miss|mister)\.?"
_NAME_PARTICLES = frozenset({"de", "van", "der", "den", "te", "ter", "ten", "het", "la", "le"})


@lru_cache(maxsize=64)
def _her_surname_pattern(name: str) -> re.Pattern[str] | None:
    """Her surname as a learner addresses her: "mevrouw De Groot", "Marieke de Groot",
    "mr Hoekstra", "de groot" typed in lower case (not the "groot" of "hoe groot")."""
    first, *rest = name.split()
    if not rest:
        return None
    surname = r"\s+".join(re.escape(w) for w in rest)
    alternatives = [rf"(?i:(?:{_TITLES}\s+)?{re.escape(first)}\s+{surname})",
                    rf"(?i:{_TITLES}\s+{surname})"]
    if any(w.lower() in _NAME_PARTICLES for w in rest):
        alternatives.append(rf"(?i:{surname})")
    else:
        alternatives.append(re.escape(rest[-1]))  # capitalised: "Kok" is her name, "kok" a cook
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


def _without_her_name(text: str, name: str) -> str:
    """The message with her surname read as her first name: "Dank u wel mevrouw De Groot"
    thanks her; the "groot" of her name is no boast ("de grootste") and no question about
    the size of the office."""
    pattern = _her_surname_pattern(name)
    return pattern.sub(name.split()[0], text) if pattern else text


# "kunt u vertellen hoe ...?", "could you tell me what ...?": a request to tell, no recap
_ASKS_TO_TELL = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:kunt|kun|wilt|wil|zou|zoudt|could|can|would|will)\s+"
    r"(?:u|je|jij|you)\s+(?:me\s+|mij\s+|eens\s+|iets\s+|wat\s+|even\s+|ons\s+)*"
    r"(?:vertellen|beschrijven|toelichten|uitleggen|schetsen|tell|describe|explain|walk)\b",
    re.IGNORECASE)
_ORDINAL = re.compile(r"\d{1,2}(?:e|ste|de|st|nd|rd|th)")
SURE_MATCH = 101.0  # a keyword match with at least one whole topic word close together
NAMED_MATCH = 103.0  # three topic words: the question names that fact whatever its SPIN type
CUE_MATCH = 100.0  # a keyword cue matched (a fuzzy phrasing scores below)
TOLD_MARGIN = 3.0  # how much surer a told fact's match must be to come before an untold one
# words that ask for a figure, a year or a date ("hoe vaak", "uit welk jaar", "how old")
_DEEPER = frozenset({"implication", "need_payoff"})
_AMOUNT = frozenset({"hoeveel", "hoelang", "vaak", "oud", "jaar", "bouwjaar", "wanneer",
                     "datum", "often", "old", "year", "many", "much", "long", "when", "date"})
# words that ask for a point in time: "since when", "uit welk jaar", not "how many"
# "kun je een voorbeeld geven?", "for instance?": an instance of what she just told
_EXAMPLE = frozenset({"voorbeeld", "voorbeelden", "example", "examples", "instance"})
_OFTEN = frozenset({"often", "frequently", "vaak", "dikwijls"})
_WHEN = frozenset({"wanneer", "sinds", "jaar", "bouwjaar", "datum", "when", "since",
                   "year", "date"})
AGREEMENT_QUESTION_WORDS = 6
AGREEMENT_TAG_WORDS = 4
SHORT_ECHO = 4
SMALL_TALK_TURNS = 2
FOLLOW_UP_WORDS = 7
AGENDA_WORDS = 14
GREETING_WORDS = 8
AMOUNT_MIN = 1000  # a figure in euros, not "2 minutes" or "3 questions"
BARE_STEP_WORDS = 4  # content words of a next step that names nothing else
AGENDA_TURNS = 4  # an agenda is set at the start of the call
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


# SPIN types of a question about her own problems, whatever private story comes with it
_ABOUT_HER_PAINS = frozenset({"problem", "implication", "need_payoff"})


def _question_names_a_fact(msg: Analyzed, cl: CompiledLanguage) -> bool:
    """The message's questions, read alone, name a fact ("Did you have time to read it?")."""
    asked = [s for s in msg.sentences if s.question_mark]
    return any(cl.facts.match(cl.lm.pipeline.analyze(" ".join(s.words)))
               or _TOOK_IT_IN & set(s.words) for s in asked)


# "Did you have time to read it?", "Heeft u het kunnen lezen?": whether she took in what the
# agenda names, a question about it (she says so)
_TOOK_IT_IN = frozenset({"read", "look", "looked", "seen", "lezen", "gelezen", "bekeken",
                         "bekijken", "doorgenomen", "doornemen", "doorgelezen", "gekeken"})


# "ok when do u have time then?", "wanneer schikt het u beter?": when to come back, a question
# that takes her brush-off as it stands rather than asking what is behind it
_ASKS_HER_TIME = re.compile(
    r"\b(?:when|wanneer)\b[^?]*\b(?:time|free|suit|suits|convenient|tijd|vrij|schikt|"
    r"uitkomt|past)\b", re.IGNORECASE)


def _asks_the_case_apart(msg: Analyzed, cl: CompiledLanguage, pending: str | None) -> bool:
    """"Mijn broer werkt ook in de thuiszorg. Wat is bij TeleNed eigenlijk de opzegtermijn,
    en zit er een boete op?": the private story is a statement of its own, and the question
    after it, read alone, names a fact of the case in its cue words; she answers that
    question (a question hung on the story, "my brother has an office in Haarlem too, do
    you ever go to the market there?", stays the aside). A cue word alone ("busy") is
    enough only where the question names her pending concern too ("TeleNed")."""
    lm = cl.lm
    asked = [s for s in msg.sentences if s.question_mark]
    if not asked or len(asked) == len(msg.sentences):
        return False
    concern = cl.objection_rare.get(pending, frozenset()) if pending else frozenset()
    for sentence in asked:
        alone = lm.pipeline.analyze(" ".join(sentence.words))
        if lm.aside.match(alone):
            return False
        needed = CUE_MATCH if concern & alone.stem_set else NAMED_MATCH
        if not any(score >= needed for score in cl.facts.match(alone).values()):
            return False
    return True


def _asks_her_pains_apart(msg: Analyzed, lm: LanguageModel) -> bool:
    """"O die ken ik, mijn zwager heeft daar gewerkt. Hoe bevalt het?": the private story
    stands apart, and the question of its own asks about her problems (not "totally
    different, but is that your dog?")."""
    for sentence in msg.sentences:
        if not sentence.question_mark:
            continue
        asked = lm.pipeline.analyze(" ".join(sentence.words))
        if not lm.aside.match(asked) and lm.spin.match(asked).keys() & _ABOUT_HER_PAINS:
            return True
    return False
# her time off, what small talk asks her plans for
_LEISURE = frozenset({"weekend", "vakantie", "zomervakantie", "holiday", "holidays", "vacation",
                      "kerst", "christmas", "feestdagen", "vrije", "vrij"})
_JOIN_WORDS = frozenset({"en", "of", "and", "or"})
_WHICH = frozenset({"welke", "welk", "which"})
_HOW_WHEN = frozenset({"how", "when", "hoe", "wanneer"})
# tags that ask her to agree with a claim ("..., of niet?", "..., isn't it?")
# (English contractions are spelled out by then: "isn't it" is "is not it")
_SMALL_TALK_TAGS = frozenset({"toch", "hè", "he", "hé", "niet", "right", "eh", "huh", "no"})
_ARGUING_TAGS = frozenset({("of", "niet"), ("niet", "dan"), ("not", "it"), ("not", "they"),
                           ("not", "you"), ("you", "think"), ("not", "we"),
                           ("vindt", "u", "niet"), ("vind", "u", "niet"), ("denkt", "u", "niet")})
# pronouns that point at what she just said ("who types them in?", "hoe lang duurt dat?")
_BACK_REFERENCES = frozenset({"them", "they", "those", "that", "these", "it", "dat", "dit",
                              "die", "ze", "zij", "daar", "daarmee", "daarvan", "dan"})
_GREETING_OPENERS = frozenset({"morning", "afternoon", "evening", "hiya", "hoi", "hey", "hi",
                               "hallo", "hello", "morgen", "middag", "goeiemorgen"})
_WHO_WHAT = frozenset({"wie", "wat", "welke", "who", "what", "which", "whom", "whose"})


# "the proposal", "het voorstel": the one she has, talked about ("our proposal" makes one)
_PROPOSAL_NOUNS = frozenset({"proposal", "proposals", "voorstel", "voorstellen"})
# "other proposals", "andere voorstellen": the competitors' offers she has
_THE = frozenset({"the", "that", "this", "your", "het", "dat", "dit", "uw", "je", "jullie",
                  "other", "any", "more", "competing", "andere", "ander", "meer"})
_CHANGES = frozenset({"adjust", "adapt", "change", "update", "amend", "tweak", "revise",
                      "aanpassen", "pas", "aangepast", "wijzigen", "bijstellen", "bijgesteld"})


# "wie beslist er en wanneer?", "who decides and when?": a bare question word at the end
# ... also after a question mark, typed short or unfinished ("who decides, u or the
# director? n when")
_ELLIPSIS = re.compile(r"^\s*(\w+)\s+(.+?)\s*[,?]*\s+(?:en|and|n|&)\s+(\w+)\s*\?*\s*$", re.I)


def _spell_out_ellipsis(text: str, lm: LanguageModel) -> str:
    """A second question word left bare at the end asks about the same thing as the
    first question: spelled out ("wie beslist er? wanneer beslist er?") both halves reach
    their facts and count as two questions."""
    found = _ELLIPSIS.match(text)
    if found is None:
        return text
    first, rest, second = found.group(1), found.group(2), found.group(3)
    words = lm.lexicon.question_words
    if first.lower() not in words or second.lower() not in words:
        return text
    return f"{first} {rest}? {second} {rest}?"


def _talks_about_the_proposal(msg: Analyzed, lm: LanguageModel) -> bool:
    """The only proposal word names the proposal already made ("how did you find the
    proposal?", "vind je het voorstel goed?"), not a new one."""
    at = [i for i, w in enumerate(msg.words) if w in _PROPOSAL_NOUNS]
    if not at or any(i == 0 or msg.words[i - 1] not in _THE for i in at) or (
            _CHANGES & set(msg.words)):
        return False  # "I'd adjust the proposal like this: ..." makes a new one
    rest = " ".join(w for i, w in enumerate(msg.words) if i not in at)
    return "propose_solution" not in lm.moves.match(lm.pipeline.analyze(rest))


# "email", "telefoonnummer": her details
_CONTACT = frozenset({"email", "emailadres", "mailadres", "mail", "telefoonnummer",
                      "nummer", "number", "phone", "mobile", "mobiel", "06", "kaartje",
                      "card", "contactgegevens", "gegevens", "details"})
_WHOSE = frozenset({"your", "uw", "jouw", "je", "his", "her", "zijn", "haar", "their", "hun"})
_OWN = frozenset({"eigen", "own"})


def _asks_her_details(msg: Analyzed) -> bool:
    """The first question asks for her (or a colleague's) contact details ("your email",
    "uw telefoonnummer"), not "shall I send you an email?"."""
    for sentence in msg.sentences:
        if sentence.question_mark or sentence is msg.sentences[-1]:
            words = sentence.words
            return any((w in _WHOSE and bool(_CONTACT.intersection(words[i + 1:i + 3]))
                        # "uw eigen gegevens", "your own data": her figures, not her card
                        and words[i + 1:i + 2] != [] and words[i + 1] not in _OWN)
                       # "je mail" is read "u email": "u" right before the noun is "your"
                       or (w == "u" and words[i + 1:i + 2] != [] and words[i + 1] in _CONTACT)
                       for i, w in enumerate(words))  # "your (direct) number"
    return False


# "the email address", "welk mailadres", "the phone number": how to reach someone,
# whoever's it is
_REACH = frozenset({"emailadres", "mailadres", "telefoonnummer", "contactgegevens"})
_REACH_HEADS = frozenset({"email", "mail", "phone", "mobile", "mobiel"})  # + address/number
_REACH_TAILS = frozenset({"address", "addresses", "adres", "number", "nummer"})
_BEFORE_REACH = _WHOSE | frozenset({"the", "which", "what", "het", "de", "welk", "welke", "an",
                                    "een", "best", "beste", "right", "juiste"})


def _asks_contact_details(msg: Analyzed) -> bool:
    """The first question asks where to reach her or a colleague: "your email", "his
    number", or an e-mail address or phone number asked with an article ("which email
    address is best?", "mag ik het e-mailadres van de directeur?"); "shall I send you an
    email?" names no address, "was it the phone?" no number, and "who else should I
    invite, and what are their addresses?" asks who first."""
    asking = [s for s in msg.sentences if s.question_mark] or msg.sentences[-1:]
    words = asking[0].words
    for i, w in enumerate(words):
        if w in _SECOND_ASKS and words[i - 1:i] in (["and"], ["en"]):
            words = words[:i - 1]  # "..., and what ...": the first question decides
            break
    for i, w in enumerate(words):
        before = words[max(i - 2, 0):i]  # "your (direct) number", "your director's email"
        reach = w in _REACH or (w in _REACH_HEADS and words[i + 1:i + 2] != [] and (
            words[i + 1] in _REACH_TAILS))
        if (reach and (not before or bool(_BEFORE_REACH.intersection(before)))) or (
                w in _CONTACT and bool(_WHOSE.intersection(before))
                and not _ON_A_DEVICE.intersection(before)) or (
                w in _CONTACT and before[-1:] == ["u"]):  # "je mail" is read "u email"
            return True
    return False


# "an app on their phone" uses the phone; it does not ask for the number
_ON_A_DEVICE = frozenset({"on", "op", "via", "with", "met", "through", "in"})

_SECOND_ASKS = frozenset({"what", "which", "who", "how", "where", "wat", "welk", "welke", "wie",
                          "hoe", "waar", "op"})


def _opens_with(msg: Analyzed, lm: LanguageModel, words: frozenset[str]) -> bool:
    for sentence in msg.sentences:
        rest = [w for w in sentence.words if w not in lm.lexicon.fillers]
        if rest and rest[0] in words:
            return True
    return False


def _opens_with_phrase(msg: Analyzed, phrases: tuple[str, ...],
                       fillers: frozenset[str] = frozenset(), *,
                       first_question: bool = False) -> bool:
    """A sentence or a clause opens with one of the phrases ("one last thing: would you
    like ...", "en vindt u het goed als ..."); with ``first_question``, the first sentence
    that asks (the one that gives a message its form and SPIN type)."""
    sentences = msg.sentences
    if first_question:
        asking = [s for s in sentences if s.question_mark]
        sentences = asking[:1] or sentences[:1]
    return any(" ".join(strip_fillers(part, fillers)).startswith(phrases)
               for s in sentences for part in (s.words, *s.clauses[1:]))


def _acknowledges_outside_questions(msg: Analyzed, lm: LanguageModel) -> bool:
    """Understanding is shown in a statement ("I see, ..."), not inside a question that
    opens with a question word ("what's the most annoying ...?")."""
    for sentence in msg.sentences:
        words = [w for w in sentence.words if w not in lm.lexicon.fillers] or sentence.words
        if sentence.question_mark and words[0] in lm.lexicon.question_words:
            continue
        if "acknowledge" in lm.moves.match(lm.pipeline.analyze(" ".join(sentence.words))):
            return True
    return False


# words of the deal itself: a question about them is no small talk, however early
_BUSINESS = frozenset({
    "proposal", "proposals", "offer", "offers", "quote", "quotes", "quotation", "offerte",
    "offertes", "voorstel", "voorstellen", "aanbod", "schedule", "rooster", "planning",
    "contract", "contracten", "supplier", "suppliers", "leverancier", "leveranciers",
    "price", "prices", "prijs", "prijzen", "tarief", "tarieven", "cost", "costs", "kosten",
    "budget", "invoice", "invoices", "factuur", "facturen", "competitor", "competitors",
    "concurrent", "concurrenten", "vendor", "vendors"})
_MAILING = frozenset({"newsletter", "nieuwsbrief", "mailing", "mailinglijst", "mailinglist",
                      "maillijst"})
_CONCERNS = ("concern", "zorg", "worr", "bezwa")


def _asks_her_concerns(msg: Analyzed, lm: LanguageModel) -> bool:
    """"What are your concerns about the proposal?" asks what worries her; "does that take
    away your concern?" checks an answer: only the concern word made the first a check."""
    if not _opens_with(msg, lm, _WHO_WHAT):
        return False
    rest = " ".join(w for w in msg.words if not w.startswith(_CONCERNS))
    return "check" not in lm.moves.match(lm.pipeline.analyze(rest))


def _clarifies_alone(msg: Analyzed, lm: LanguageModel) -> bool:
    """Phrases that only ever clarify ("what do you mean", "apart from that")."""
    text = " ".join(msg.words)
    return any(p in text for p in _CLARIFY_ONLY)


# "is there anything else?": isolating her concern from any other
_ISOLATING = ("iets anders", "anything else", "something else", "is dat het enige",
              "is that the only", "what else", "wat nog meer", "wat houdt u nog meer",
              # "Is de prijs het enige?", "Is price the only issue?"
              "het enige", "enige punt", "enige bezwaar", "the only thing", "only issue",
              "only concern", "only point", "only thing",
              # "Bedoelt u ...?", "Gaat het u om X of om Y?": what her concern is exactly
              "bedoelt u", "bedoel je", "do you mean", "gaat het u om", "gaat het je om",
              "gaat het vooral om", "is het vooral", "is it mainly", "is it mostly",
              "is it about")
# the phrases that set her concern apart from others ("anything else", "het enige"), not
# those that ask what it is exactly ("is it mainly ...?" asks about her situation)
_ISOLATING_ONLY = _ISOLATING[:_ISOLATING.index("bedoelt u")]
_CLARIFY_ONLY = ("wat bedoelt u", "hoe bedoelt u", "afgezien van", "behalve de", "los van",
                 "nog iets anders", "something else",
                 "is dat het enige", "what do you mean", "apart from", "is that the only",
                 "anything else", "what else", "besides the", "other than",
                 "you are worried", "worried that", "afraid that", "bent u bang", "bang dat",
                 "maakt u zich zorgen", "maak je je zorgen")


_LEAVE_VERBS = frozenset({"mag", "kan", "zal", "may", "can", "could", "shall"})


def _acts_on_her(msg: Analyzed, lm: LanguageModel) -> bool:
    """"mag ik u aanmelden", "can I put you on the list": the buyer is the object of what
    the seller asks leave to do."""
    for sentence in msg.sentences:
        for part in (sentence.words, *sentence.clauses[1:]):
            words = [w for w in part if w not in lm.lexicon.fillers]
            if len(words) > 2 and words[0] in _LEAVE_VERBS and words[1] in ("ik", "i") and (
                    {"u", "you"} & set(words[2:5])):
                return True
    return False


def _opens_with_question_word(words: list[str], lm: LanguageModel) -> bool:
    """"what do you pay now, right?" asks, whatever tag it ends in."""
    words = strip_fillers(words, lm.lexicon.fillers)
    return bool(words) and words[0] in lm.lexicon.question_words


def _claims_with_tag(words: list[str]) -> bool:
    """A claim that asks agreement: "..., right?", "..., aren't they?" (read as "are not
    they"), "..., toch?"."""
    return ends_with_tag(words) or words[-1:] in (["toch"], ["niet"]) or (
        "not" in words[-4:-1] and words[-1] in {"think", "agree"}) or (
        len(words) > 3 and words[-2] == "not" and words[-1] in {
            "they", "it", "you", "we", "he", "she", "there", "i"})


_YES_NO = frozenset({"ja", "yes", "yeah", "yep", "nee", "no", "nope", "jawel", "klopt"})
YES_BUT_CLAUSES = 3  # "Ja, die zijn goedkoper, maar ...": the turn comes early


def _yes_but(text: str, msg: Analyzed, lm: LanguageModel) -> bool:
    """The first sentence opens with a yes or a no to her words and turns with a "but" that
    takes it back (``yes_but``, the reader the card shares) in its first three clauses
    ("Ja, die zijn goedkoper, maar ...", "Yes, but our film ...")."""
    first = msg.sentences[0]
    words = [w for w in first.words if w not in lm.lexicon.fillers or w in _YES_NO]
    but = taken_back(text)
    if not words or but is None:
        return False
    before = text[:but.start]
    if words[0] not in _YES_NO and not lm.price.match(lm.analyze(before)):
        # (her price granted before the "but" is a yes too: "they might be cheaper, but
        # ...", "die zijn vaak goedkoper, dat klopt, maar ...")
        return False
    return not re.search(r"[.!?]\s", before) and len(re.findall(r"[,;:]", before)) < (
        YES_BUT_CLAUSES)


def _pitch_beside_question(msg: Analyzed, lm: LanguageModel) -> bool:
    """A statement of the seller's offer ("we do managed print: leasing, maintenance, the
    whole thing", "wij hebben net een prijs gewonnen voor groene middelen") in a sentence
    of its own beside the question: the offer nobody asked about, whatever it asks."""
    for sentence in msg.sentences:
        if sentence.question_mark or len(sentence.words) < PITCH_MIN_WORDS:
            continue
        if not SELLER_WORDS & set(sentence.words) or _AGREED & set(sentence.words):
            continue  # "de prijs blijft zoals we hebben besproken" confirms, it sells nothing
        said = lm.pipeline.analyze(" ".join(sentence.words))
        not_selling = lm.moves.match(said).keys() & _NOT_SELLING
        if not_selling == {"introduce"} and not _FIRST_PERSON & set(sentence.words):
            # "We're the biggest cleaning company in the country, with fixed teams": "we
            # are the" introduces nobody; the company talks itself up
            not_selling = set()
        if lm.pitch.match(said) and not not_selling:
            return True
    return False


_FIRST_PERSON = frozenset({"i", "my", "me", "ik", "mijn", "mij"})


# a sentence that sums up, acknowledges, plans, thanks or proposes a step is no pitch
_NOT_SELLING = frozenset({"summarize", "acknowledge", "state_objective", "propose_next_step",
                          "introduce", "clarify", "check", "ask_for_order", "small_talk",
                          "thanks", "greet"})
_AGREED = frozenset({"besproken", "afgesproken", "discussed", "agreed"})


def _laughs(text: str, msg: Analyzed) -> bool:
    """A laugh or a joke in the message: an emoji, "haha", "grapje"."""
    return bool(_EMOJI.search(text) or {"haha", "hihi", "lol", "hahaha", "grapje", "kidding"}
                & set(msg.words))


def _goes_on_with_the_agenda(msg: Analyzed) -> bool:
    """The message opens as the next part of a plan ("and if there's a match, ...",
    "daarna ...") and holds no question of its own beyond an agreement tag."""
    opening = " ".join(msg.words[:4])
    return any(opening == p or opening.startswith(p + " ") for p in _AGENDA_GOES_ON)


def _plans_the_meeting(msg: Analyzed, lm: LanguageModel) -> bool:
    """A statement of what the seller wants to do in this meeting, before an agreement
    check: "Ik wil graag horen hoe ..., dan kijken we ... Is dat goed?"."""
    for sentence in msg.sentences:
        words = sentence.words
        if sentence.question_mark:
            if len(sentence.clauses) < 2 or not _agreement_tag(msg, lm):
                continue
            words = [w for c in sentence.clauses[:-1] for w in c]  # "..., is dat ok?"
        text = " ".join(words)
        if any(p in text for p in _PLAN_PHRASES):
            return True
    return False


OPENING_PLAN_TURNS = 3
# A day names an appointment; a clock time alone can be a solution's term ("na 17.00 uur")
_DAYS = frozenset({
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "morgen",
    "overmorgen", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "tomorrow", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "january", "february", "march", "june", "july",
    "august", "october", "week"})
def _offers_a_price(msg: Analyzed) -> bool:
    """An amount the learner offers ("we can do 2.25", "ik kan het doen voor €2,25"), not
    one she is asked about or told ("betaalt u nu 2,10 euro?")."""
    words = msg.words
    amount = any(w.startswith("€") for w in words) or any(
        w[:1].isdigit() and bool(_MONEY & set(words[max(i - 1, 0):i + 2]))
        for i, w in enumerate(words))
    joined = f" {' '.join(words)} "
    return amount and any(p in joined for p in _OFFER)


def _price_objection_raised(cs: CompiledScenario, state: SessionState) -> bool:
    """A price objection is on the table (or was): an amount now gives way on price."""
    return any(o.raise_when.after == "price" and state.objections[oid].raised_turn is not None
               for oid, o in cs.objections.items() if oid in state.objections)


# A percentage off the price, typed with "%" (the word pipeline drops the sign); in line
# with scoring's ``offers_discount``
_PERCENT_OFF = re.compile(
    r"\d+\s*(%|procent|percent|per cent)\s*(off|vanaf|eraf|korting|discount|goedkoper|cheaper"
    r"|onder|below|under)\b"
    r"|\d+\s*(%|procent|percent)\s+van\s+(de|het|uw|je)\s+\w+\s+af\b",
    re.IGNORECASE)
# "for 6.50 we can sign today", "voor € 6,50 per lunch": a price named as the terms, once
# her price objection is on the table ("voor 10.30 uur" names a time)
_FOR_AMOUNT = re.compile(
    r"\b(?:for|voor)\s+(?:€\s*\d[\d.,]*|\d+[.,]\d{2}\b)(?!\s*(?:uur|u\b|h\b|am\b|pm\b))",
    re.IGNORECASE)
# a price named, then a lower one offered against it: "I know €9.40 sounds like a lot, but I
# can probably do €8.50 if we agree today", "€ 32 is veel, maar ik kan naar € 28"
_EUROS = r"(?:€\s*(\d+(?:[.,]\d{1,2})?)|(\d+(?:[.,]\d{2})?)\s*(?:euros?|eur)\b)"
_CUT_BELOW_PRICE = re.compile(
    _EUROS + r"[^.?!]{0,60}?\b(?:but|maar|though|toch)\b[^.?!]{0,40}?"
    r"\b(?:can|could|kan|kunnen|zou|zouden)\b[^.?!€\d]{0,30}?" + _EUROS, re.IGNORECASE)


def _cut_is_lower(match: re.Match[str]) -> bool:
    """The amount offered is below the one named first (not "€6 now, but we can do €7")."""
    amounts = [g for g in match.groups() if g]
    if len(amounts) < 2:
        return False
    first, last = (float(a.replace(",", ".")) for a in (amounts[0], amounts[-1]))
    return last < first


# "I can go to €6.40", "ik kan wel naar € 6,40 gaan": the price brought to an amount
_MONEY_AMOUNT = r"(?:€\s*\d|\d+[.,]\d{2}\b|\d[\d.,]*\s*(?:euros?\b|eur\b))"
_GO_TO_AMOUNT = re.compile(
    r"\b(?:can|could)\s+(?:\w+\s+)?go\s+(?:down\s+)?to\s+" + _MONEY_AMOUNT
    + r"|\b(?:kan|kunnen|zou|zouden)\b[^.?!]{0,20}?\bnaar\s+" + _MONEY_AMOUNT
    + r"[^.?!]{0,20}?\b(?:gaan|zakken)\b", re.IGNORECASE)
_MONEY = frozenset({"euro", "euros", "eur", "cent", "cents"})
_OFFER = (" doen voor ", " kan het voor ", " kunnen het voor ", " voor maar ", " verlagen ",
          " zakken naar ", " omlaag naar ", " do it for ", " can do it for ", " for just ",
          " for only ", " drop it to ", " down to ", " lower ")
_TODAY = frozenset({"vandaag", "today", "gesprek", "meeting", "eerst", "first"})
_PURPOSE = ("zodat ik", "zodat wij", "zodat we", "so that i", "so that we", "so i can",
            "so we can", "so i could", "in order to", "dan kan ik", "then i can")
CHAT_WORDS = 4  # "Deal?" asks for the order in a word; chat takes a few more
# How the second message of an agenda carries on from the first
_AGENDA_GOES_ON = ("en als", "en dan", "en daarna", "daarna", "en tot slot", "tot slot",
                   "en aan het eind", "and if", "and then", "then", "after that",
                   "and finally", "finally", "and at the end")
_THEN = ("en dan", "dan kijken", "daarna", "and then", "then see", "after that")
_AGREEMENT = frozenset({"goed", "ok", "oke", "okay", "akkoord", "prima", "fine", "alright",
                        "suit", "suits", "right", "klopt"})


def _agreement_tag(msg: Analyzed, lm: LanguageModel) -> bool:
    """A short agreement check closing the message, with or without a question mark:
    "..., is dat ok", "... Akkoord?", "..., does that suit you"."""
    last = msg.sentences[-1]
    tail = last.clauses[-1] if last.clauses else last.words
    return len(tail) <= AGREEMENT_TAG_WORDS + 1 and bool(_AGREEMENT & set(tail)) and (
        len(tail) <= 2 or tail[0] in lm.lexicon.question_verbs)


_PERMISSION = ("would you like", "do you want", "wilt u", "wil je", "vindt u het goed",
               "vind u het goed", "is het goed als", "is het goed dat", "is it ok if",
               "is it okay if", "do you mind", "would you mind", "would it be ok if",
               "would it be okay if", "is it alright if", "would it be alright if",
               "vind je het goed", "zou u het goed vinden", "zou je het goed vinden")
_PLAN_PHRASES = ("ik wil graag", "ik zou graag", "wil ik graag", "ik wil even", "dan kijken we",
                 "ik wil vandaag", "ik wil vooral", "wil ik vandaag", "vandaag wil ik",
                 "daarna kijken", "i would like", "i would love to", "i want to", "then we",
                 "het hebben over", "wil het vandaag", "wil ik het hebben", "talk about today",
                 "today i want", "today i would like",
                 "after that we", "we could then", "wat ik graag", "what i would like",
                 # the same wish in the past tense or typed as spoken ("ik wou even ...")
                 "ik wou", "wou ik", "ik wilde", "wilde ik", "i wanted to", "i was hoping to")
# A heading that opens an agenda typed as a list: "today: ..., ... and ...", "vandaag: ..."
_HEADINGS = frozenset({("today",), ("vandaag",), ("for", "today"), ("voor", "vandaag"),
                       ("agenda",), ("plan", "for", "today"), ("plan", "voor", "vandaag")})


# a short heading naming the plan or the day ("plan for these 20 minutes:", "vandaag:")
_HEADING_WORDS = frozenset({"today", "vandaag", "plan", "agenda", "planning", "programma"})
HEADING_WORDS = 6


# steps of an agenda ("ik vertel kort ..., dan ..., en aan het eind ...")
_SEQUENCE = ("dan", "daarna", "tot slot", "aan het eind", "aan het einde", "als laatste",
             "then", "after that", "at the end", "finally", "to finish")


def _names_the_case(msg: Analyzed, cl: CompiledLanguage) -> bool:
    """The message names the case's own subject ("printers", "loonstroken") as typed (the
    seller's own company name, "Printwise", is no printer)."""
    return bool(cl.case_stems.intersection(
        stem for word, stem in zip(msg.words, msg.stems, strict=False)
        if word not in cl.company_words))


def _today_heading(msg: Analyzed, lm: LanguageModel) -> bool:
    """"today: your feedback on the proposal, any changes, and the next step. ok?": a heading
    for this meeting, then at least two items, asking at most her agreement."""
    first = msg.sentences[0]
    if len(first.clauses) <= 2 or ":" not in msg.raw.split(".")[0]:
        return False
    # "ok so today:", "plan for these 20 min:", "planning voor vandaag:" head it too
    head = strip_fillers(first.clauses[0], lm.lexicon.fillers)
    heading = tuple(head) in _HEADINGS or (
        len(head) <= HEADING_WORDS and bool(_HEADING_WORDS & set(head)))
    return heading and _only_asks_agreement(msg, lm)


def _first_then(words: list[str]) -> bool:
    """"first ..., then ...": the "then" comes after the "first" ("zou je dan meteen
    willen beginnen, of eerst met soep?" offers a choice, no agenda)."""
    for first, thens in (("eerst", ("dan", "daarna")), ("first", ("then",))):
        if first in words and any(w in thens for w in words[words.index(first) + 1:]):
            return True
    return False


def _steps_ahead(words: list[str]) -> bool:
    """Two steps named after the first ("..., dan ..., en aan het eind ..."): an agenda
    at the start of a call (later it is a plan for after the call)."""
    joined = f" {' '.join(words)} "
    return sum(f" {marker} " in joined for marker in _SEQUENCE) >= 2


def _only_asks_agreement(msg: Analyzed, lm: LanguageModel) -> bool:
    """Every question in the message is a short closed one ("is dat goed?", "OK?")."""
    for sentence in msg.sentences:
        if not sentence.question_mark:
            continue
        last = sentence.clauses[-1] if sentence.clauses else sentence.words
        first = sentence.clauses[0] if sentence.clauses else sentence.words
        if _ADDITIONS & set(sentence.words) and len(sentence.clauses) > 1 and (
                len(first) <= AGREEMENT_QUESTION_WORDS and first[:1] != []
                and first[0] in lm.lexicon.question_verbs
                and len(sentence.words) <= AGREEMENT_QUESTION_WORDS * 3):
            # "Is dat goed, of wilt u nog iets toevoegen?", "Is that all right, or is there
            # something you'd like to add?": her own points for the agenda, with its check
            continue
        if last and last[0] in lm.lexicon.question_words:
            return False
        if len(last) > AGREEMENT_QUESTION_WORDS and not (
                # "Is dat een goed plan voor vandaag?", "does that sound like a good plan to you?"
                len(last) <= AGREEMENT_QUESTION_WORDS + PLAN_CHECK_EXTRA
                and last[0] in lm.lexicon.question_verbs and _PLAN_NOUNS & set(last)):
            return False
    return True


_ADDITIONS = frozenset({"add", "toevoegen", "aanvullen", "aanvulling", "aanvullingen"})
_PLAN_NOUNS = frozenset({"plan", "opzet", "aanpak", "agenda", "approach", "programma"})
PLAN_CHECK_EXTRA = 3


def _outside_questions(msg: Analyzed, where: dict[str, int]) -> set[str]:
    """Topics named only before or after the sentences that ask: in "you only pay for
    lunches taken, so on days half the office is out you pay nothing. How does that
    compare with their offer?" the office is what the learner tells, the offer is asked."""
    spans: list[tuple[int, int]] = []
    start = 0
    for sentence in msg.sentences:
        if sentence.question_mark:
            spans.append((start, start + len(sentence.words)))
        start += len(sentence.words)
    if not spans or len(spans) == len(msg.sentences):
        return set()
    return {t for t, i in where.items() if not any(lo <= i < hi for lo, hi in spans)}


def _without_swallowed(facts: list[str], scored: dict[str, float],
                       spans: dict[str, tuple[int, int]]) -> list[str]:
    """Drop a match whose words all stand inside a surer match of another fact the
    question may ask: the "order" of "do you need a purchase order number?" is part of
    the purchase order (the invoicing), no question about who orders the lunch."""
    def swallowed(fact: str) -> bool:
        low, high = spans.get(fact, (-1, -1))
        return low >= 0 and any(
            other != fact and scored[other] > scored[fact] and other in spans
            and spans[other][0] <= low and high <= spans[other][1] for other in facts)
    return [f for f in facts if not swallowed(f)]


def _best_matches(facts: list[str], scored: dict[str, float], asked: int,
                  state: SessionState, where: dict[str, int] | None = None,
                  framed: set[str] | None = None,
                  told: set[str] | None = None,
                  segments: list[int] | None = None,
                  kept_back: set[str] | None = None,
                  told_only: set[str] | None = None) -> list[str]:
    """What to answer: the best-matching fact, or one per question when several are asked.

    A single question that happens to hold a cue of another fact ("how happy are you with
    the cleaners?" also names the cleaners) is answered with the fact it matches best; a
    fact already told comes after any fact not yet told, so "as I said" is for real repeats
    ("who decides about the cleaning?" also names the cleaning she already talked about).
    A fact found only by a question's frame ("how much *time* does the retyping *cost*")
    comes after one that names what is asked about, told before or not."""
    if not facts:
        return []
    weak = framed or set()
    at = where or {}
    # equal matches: the one named first, nearest the question word ("what goes wrong with
    # the timesheets?" asks about what goes wrong)
    aside = told or set()  # named in a statement, not in the question
    # a told fact the question names outright ("what do they charge per lunch?" about the
    # rival she described) is asked again, whatever loose match an untold one has
    fresh = max((scored[f] for f in facts if f not in state.revealed), default=0.0)
    again = {f for f in facts if f in state.revealed and scored[f] >= NAMED_MATCH
             and scored[f] - fresh >= TOLD_MARGIN}
    # equal matches told in a statement before the question: the one named last, nearest
    # the question ("..., you hesitated when I asked if you're happy with them. What is it
    # that doesn't go well?" is about her being happy, not the "coming back" at the start)
    # Between two equal matches in the statement before a bare question she talks about the
    # one she would tell rather than the one she keeps back ("I sent you the price, 9.40.
    # What did you think of it?" asks her reaction, not her own figures)
    guarded = (kept_back or set()) & aside
    ranked = sorted(facts, key=lambda f: (f in aside, f in weak,
                                          f in state.revealed and f not in again,
                                          -scored[f], f in guarded,
                                          -at.get(f, 0) if f in aside else at.get(f, 0)))
    if asked > 1 and segments:
        # "Who else is involved when you choose a cleaning company? Do the partners
        # decide?" asks about the decision twice: the loose match "choose a cleaning
        # company" in the same question as the decision asks for no requirements of its own
        ranked = [f for f in ranked if not _outmatched_in_question(f, facts, scored, at, segments)]
    told = told_only or set()
    if asked > 1 and any(f not in told for f in ranked):
        # "we lease and maintain printers. What's your role, and which printers do you
        # run?": what the seller tells fills no question's answer
        ranked = [f for f in ranked if f not in told]
    if asked > 1:
        # one answer per question, and any other sure match (three at most): "who does it,
        # are you happy, and what does it cost?" asks three things; a keyword found only
        # with words far apart is no question of its own. In the order asked, as a person
        # does.
        chosen = [f for i, f in enumerate(ranked[:MAX_ANSWERS])
                  if i < asked or scored[f] >= SURE_MATCH]
        return sorted(chosen, key=lambda f: at.get(f, len(chosen) + chosen.index(f)))
    return ranked[:1]


# words after which a question names the matter it asks about, not what it asks
_ABOUT = frozenset({"about", "regarding", "concerning", "over", "omtrent", "betreffende"})


def _named_after_about(msg: Analyzed, spans: dict[str, tuple[int, int]],
                       facts: list[str]) -> set[str]:
    """The facts a one-question message names after its "about"/"over" ("what did your
    colleagues say *about* the employee contribution?", "beslist u zelf *over* de
    schoonmaak?"), when another fact is named wholly before it (the colleagues' reaction,
    who decides): the matter, not the question asked."""
    start = 0
    for sentence in msg.sentences:
        end = start + len(sentence.words)
        if sentence.question_mark or len(msg.sentences) == 1:
            cut = next((i for i in range(start + 1, end) if msg.words[i] in _ABOUT), None)
            if cut is None:
                return set()
            head = {f for f in facts if f in spans and start <= spans[f][0] and (
                spans[f][1] < cut)}
            tail = {f for f in facts if f in spans and cut < spans[f][1] < end}
            return tail if head else set()
        start = end
    return set()


def _condition_spans(msg: Analyzed, lm: LanguageModel) -> list[tuple[int, int]]:
    """Where the if-parts of a message stand: from "als"/"when"/"if" (not its first word)
    to the end of its clause ("... voor de medewerkers [als hun loonstrook niet klopt], en
    voor de werkdruk ...")."""
    markers = lm.lexicon.subordinators
    found: list[tuple[int, int]] = []
    start = 0
    for sentence in msg.sentences:
        at = start
        for clause in sentence.clauses or [sentence.words]:
            cut = next((i for i, w in enumerate(clause) if i > 0 and w in markers), None)
            if cut is not None:
                found.append((at + cut, at + len(clause)))
            at += len(clause)
        start += len(sentence.words)
    return found


def _asked_beyond_condition(msg: Analyzed, lm: LanguageModel,
                            spans: dict[str, tuple[int, int]], facts: list[str]) -> list[str]:
    """The facts less those named wholly inside an if-part, when another fact is named
    outside it: what the trouble leads to is asked, not the trouble itself."""
    conditions = _condition_spans(msg, lm)
    if not conditions:
        return facts

    def inside(fact: str) -> bool:
        low, high = spans.get(fact, (-1, -1))
        return low >= 0 and any(lo <= low and high <= hi for lo, hi in conditions)

    rest = [f for f in facts if not inside(f)]
    return rest or facts


def _named_in_questions(msg: Analyzed, cl: CompiledLanguage, aside: set[str]) -> set[str]:
    """Of the facts named outside the questions, the one the questions name best as well
    (not one a loose word of the question also finds: "Many offices have their cleaning
    in the evening. Who decides on the cleaning contract?" asks who decides)."""
    if not aside:
        return set()
    scored = cl.facts.match(_asked_part(msg, cl.lm))
    best = max(scored.values(), default=0.0)
    return {f for f in aside if f in scored and scored[f] >= best}


def _asked_part(msg: Analyzed, lm: LanguageModel) -> Analyzed:
    """The message's questions on their own, read as one question (the statements around
    them left out); worked out once per message, as several readings ask for it."""
    found = msg.memo.get("asked_part")
    if found is None:
        asking = [s for s in msg.sentences if s.question_mark]
        found = lm.analyze(" ".join(" ".join(s.words) for s in asking) + "?")
        msg.memo["asked_part"] = found
    return found


def _told_only(msg: Analyzed, cl: CompiledLanguage, aside: set[str]) -> set[str]:
    """Of the facts named outside the questions, those no question names too and no
    question points back at (with "that", "die", "ervan")."""
    if not aside:
        return set()
    lm = cl.lm
    question = _asked_part(msg, lm)
    if set(question.words) & (_BACK_REFERENCES | _POINTING_BACK):
        return set()
    return aside - set(cl.facts.match(question))


OWN_QUESTION_WORDS = 2  # topic words a question needs to ask something of its own
_POINTING_BACK = frozenset({"ervan", "erover", "daarover", "eraan", "daaraan", "erin", "daarin",
                            "hem", "het", "this", "its", "him"})


def _asks_of_its_own(msg: Analyzed, lm: LanguageModel) -> bool:
    """The sentences that ask name topics of their own ("have you always worked here, or
    do you come from another line of work?"), unlike "what did you think of it?" or "is
    it like that here too?", which ask about what the statement before them said."""
    asking = [s for s in msg.sentences if s.question_mark]
    if not asking or len(asking) == len(msg.sentences):
        return False
    question = _asked_part(msg, lm)
    lex = lm.lexicon
    if set(question.words) & (_BACK_REFERENCES | _POINTING_BACK):
        return False  # "wat vond u ervan?", "is that still the case?" ask about it
    own = _topic_stems(question, lm) - {
        st for st, w in zip(question.stems, question.words, strict=True)
        if w in lex.frame_words or w in lex.reaction_words}
    return len(own) >= OWN_QUESTION_WORDS


def _chat_words(msg: Analyzed, lm: LanguageModel, span: tuple[int, int] | None) -> bool:
    """The words a fact's keyword found are part of the small talk: without them the
    message no longer chats ("why did you switch to HR?" without "switch"), and on their
    own they do not chat ("other caterers in the picture?" is about the caterers)."""
    if span is None:
        return False
    part = [w for w in msg.words[span[0]:span[1] + 1] if w not in lm.lexicon.stopwords]
    near = msg.words[max(0, span[0] - 1):span[1] + 2]  # "in *the picture*" around "picture"
    # each of its words is the chat's ("how's it going with your transport?" names the
    # transport beside the chat's "how's it going")
    return bool(part) and all(
        "small_talk" not in _moves_without(msg, lm, frozenset({w})) for w in part) and (
        "small_talk" not in lm.moves.match(lm.pipeline.analyze(" ".join(near))))


def _names_own_company(msg: Analyzed, cl: CompiledLanguage) -> bool:
    """A word of the seller's company name, as the seller's: "Tom from Van Dalen
    Transport"; "how's it going with *your* transport?" asks about hers."""
    return any(w in cl.company_words and not (i and msg.words[i - 1] in _WHOSE)
               for i, w in enumerate(msg.words))


def _back_to_business(msg: Analyzed, cs: CompiledScenario, cl: CompiledLanguage,
                      lm: LanguageModel) -> bool:
    """"Haha, my mother-in-law orders five parcels on Black Friday. But seriously: which
    printers do you have now?": the aside is told in a sentence of its own, and the
    question after it asks a fact of the case, so the question is what counts."""
    asking = [s for s in msg.sentences if s.question_mark]
    if not asking or len(asking) == len(msg.sentences):
        return False
    question = _asked_part(msg, lm)
    # (a fact of her situation or problems: "is it like that here too?" asks none)
    return not lm.aside.match(question) and any(
        f in cs.facts and not {"implication", "need_payoff"} & set(cs.facts[f].spin)
        for f in cl.facts.match(question))


def _forms_by_sentence(msg: Analyzed, cl: CompiledLanguage, where: dict[str, int],
                       facts: list[str]) -> dict[str, str | None]:
    """The form of the sentence that names each fact, when the message asks in several
    sentences: "Are you happy with them? And who else decides?" wants a short yes or no to
    the first and the people to the second, not "No, I only advise" to "who decides?". A
    fact the first of them asks openly ("how does payment work for you? and does the
    contribution go through payroll?") is told in full."""
    lm = cl.lm
    if sum(1 for s in msg.sentences if s.question_mark) < 2:
        return {}
    forms: dict[str, str | None] = {}
    start = 0
    for sentence in msg.sentences:
        end = start + len(sentence.words)
        for fact in facts:
            if fact in where and start <= where[fact] < end and sentence.question_mark:
                forms[fact] = sentence_form(sentence, lm)
        start = end
    for sentence in msg.sentences:
        if sentence.question_mark and sentence_form(sentence, lm) == "open":
            named = cl.facts.match(lm.analyze(" ".join(sentence.words) + "?"))
            for fact in facts:
                if fact in named and named[fact] >= SURE_MATCH:
                    forms[fact] = "open"
    return forms


def _question_segments(msg: Analyzed, lm: LanguageModel) -> list[int]:
    """Where each question of the message starts (word positions): a new sentence, or a
    question word right after "and"/"or" ("who decides and when ...")."""
    lex = lm.lexicon
    starts: list[int] = []
    at = 0
    for sentence in msg.sentences:
        starts.append(at)
        words = sentence.words
        for i, word in enumerate(words[1:], start=1):
            # "and how", "and roughly how", "en tot wanneer"
            if words[i - 1] not in _JOIN_WORDS and not (i > 1 and words[i - 2] in _JOIN_WORDS and (
                    words[i - 1] in lex.fillers or words[i - 1] in lex.frame_words
                    or words[i - 1] in lex.prepositions)):
                continue
            if word in lex.question_words or (word in lex.question_verbs and i + 1 < len(
                    words) and words[i + 1] in lex.subjects):
                starts.append(at + i)  # "... en bent u tevreden?" asks again
        at += len(sentence.words)
    return starts


def _outmatched_in_question(fact: str, facts: list[str], scored: dict[str, float],
                            at: dict[str, int], segments: list[int]) -> bool:
    """A loose match that stands in the same question as a surer one: that question asks
    for the surer fact, so the loose one gets no answer of its own ("how often is it
    cleaned, during or after hours?" holds two sure matches and asks both)."""
    if scored[fact] >= SURE_MATCH or fact not in at:
        return False
    mine = bisect_right(segments, at[fact])
    return any(other != fact and other in at and scored[other] > scored[fact]
               and bisect_right(segments, at[other]) == mine for other in facts)


def _chat_is_the_offer(msg: Analyzed, lm: LanguageModel, company: str) -> bool:
    """The small-talk word is what the seller's firm is named for: "coffee" is chat at a
    printer supplier's visit, and the business itself for "Bonenburg Koffieservice".
    Without those words no chat is left. (The offer's description is not used: "a guided
    switch" would make "why did you switch to HR?" business.)"""
    sold = [w for w in lm.analyze(company).words if len(w) >= OFFER_WORD]
    own = {i for i, w in enumerate(msg.words) if len(w) >= OFFER_WORD and any(
        w in s for s in sold)}
    if not own:
        return False
    rest = " ".join(w for i, w in enumerate(msg.words) if i not in own)
    return "small_talk" not in lm.moves.match(lm.analyze(rest))


OFFER_WORD = 5  # letters of a word that names the offer ("koffie", "beans"), not "van"


def _proposal_asked(msg: Analyzed, lm: LanguageModel) -> bool:
    """The last question of the message proposes a step ("shall we do it in the first week
    of September?"), whatever the sentences before it recall of hers."""
    asking = [p for s, p in zip(msg.sentences, _proposing_sentences(msg, lm), strict=True)
              if s.question_mark and not _tag_only(s.words)]
    return bool(asking) and asking[-1]


def _proposing_sentences(msg: Analyzed, lm: LanguageModel) -> list[bool]:
    """Per sentence, whether it proposes a next step; worked out once per message (both
    readings below ask it of a message that proposes)."""
    found = msg.memo.get("proposing")
    if found is None:
        found = []
        for sentence in msg.sentences:
            sub = lm.pipeline.analyze(" ".join(sentence.words))
            found.append("propose_next_step" in lm.moves.match(sub)
                         or bool(lm.proposal.match(sub)))
        msg.memo["proposing"] = found
    return found


def _asks_besides_proposal(msg: Analyzed, lm: LanguageModel) -> bool:
    """A sentence other than the next-step proposal asks something of its own."""
    proposing = _proposing_sentences(msg, lm)
    # "..., I'll send a quote. Is that OK?" asks nothing of its own
    asked = any(not p and s.question_mark and not _tag_only(s.words)
                for s, p in zip(msg.sentences, proposing, strict=True))
    return asked and any(proposing)


_MEETING_HER = frozenset({"to meet you", "kennis te maken", "kennis maken", "meet you too"})


# coming back to a topic, not to her: "come back to our price", "get back to your point",
# "terug te komen op de prijs", "terugkomen op uw vraag" (not "come back to you next week")
_BACK_TO_A_TOPIC = re.compile(
    r"\b(?:come|comes|coming|came|get|getting|go|going)\s+back\s+(?:to|on)\s+"
    r"(?!you\b|u\b|ya\b|yours\b|ur\b|your\s+(?:office|place|premises|site|building)\b)"
    r"|\bterug\s*(?:te\s+)?(?:komen|komt|kom|kwam|gekomen)\s+op\b")


# her satisfaction asked ("are you happy with them?", "bent u tevreden?", "hoe bevalt dat?")
_SATISFACTION = frozenset({"happy", "satisfied", "content", "pleased", "tevreden", "tevrede",
                           "blij", "bevalt", "bevallen", "beviel"})
# "I've got another appointment this afternoon", "ik heb vanmiddag nog een afspraak": the
# seller's own diary
_OWN_OTHER_MEETING = re.compile(
    r"\b(?:i|i have|i have got|ik heb|ik moet)\b(?:\s+\S+){0,3}?\s+"
    r"(?:another|other|one more|nog een|een andere|straks een|vanmiddag een)\s+"
    r"(?:appointment|meeting|afspraak|klant|client|customer)\b")


def _moves_without_back_to(msg: Analyzed, lm: LanguageModel) -> set[str]:
    text = _BACK_TO_A_TOPIC.sub(" ", " ".join(msg.words))
    return set(lm.moves.match(lm.pipeline.analyze(text)))


def _moves_without(msg: Analyzed, lm: LanguageModel, phrases: frozenset[str]) -> set[str]:
    text = f" {' '.join(msg.words)} "
    for phrase in phrases:
        text = text.replace(f" {phrase} ", " ")
    return set(lm.moves.match(lm.pipeline.analyze(text)))


def _asks_about_her_view(msg: Analyzed, lm: LanguageModel) -> bool:
    """"How do you look back on the cooperation so far?": an open question to her whose
    words only happen to name an agenda ("today I'd like to look back on ...")."""
    lex = lm.lexicon
    for sentence in msg.sentences:
        if not sentence.question_mark:
            continue
        for part in (sentence.words, *sentence.clauses[1:]):  # "Kees, how do you ...?"
            words = strip_fillers(part, lex.fillers)
            if len(words) > 2 and words[0] in lex.question_words and (
                    words[1] in lex.question_verbs and words[2] in lex.second_person):
                return True
    return False


# A one-word trial close after the offer: "... Deal?", "... Afgesproken?"
_CLOSING_TAGS = frozenset({"deal", "afgesproken", "dealtje"})


def _closing_tag(msg: Analyzed, lm: LanguageModel) -> bool:
    """The message ends in a closing word asked on its own ("Deal?"): it asks for the
    decision on what it just offered."""
    last = msg.sentences[-1]
    words = [w for w in last.words if w not in lm.lexicon.fillers]
    return len(msg.sentences) > 1 and last.question_mark and len(words) == 1 and (
        words[0] in _CLOSING_TAGS)


_ORDER_WORDS = frozenset({"delivery", "deliveries", "levering", "leveringen", "order",
                          "bestelling"})


def _question_asks_order(msg: Analyzed, lm: LanguageModel) -> bool:
    """The last question asks for the order and names no meeting of its own: "..., could
    you sign it tomorrow?" (not "shall we meet Thursday to sign?")."""
    asking = [s for s in msg.sentences if s.question_mark]
    if not asking:
        return False
    if _closing_tag(msg, lm):
        return True
    last = asking[-1]
    asked = strip_fillers(last.clauses[-1] if last.clauses else last.words, lm.lexicon.fillers)
    if not asked or (asked[0] not in lm.lexicon.question_verbs and asked[0] not in _HOW_WHEN):
        # "..., zodat jullie kunnen tekenen?" says what the visit is for ("so how would you
        # like to proceed with the order?" asks for it)
        return False
    found = lm.moves.match(lm.pipeline.analyze(" ".join(asked)))
    # "Shall I book the delivery for the week of 20 February?" books the order itself
    return "ask_for_order" in found and (
        "propose_next_step" not in found or bool(_ORDER_WORDS & set(asked)))


# "Then I'd adapt the proposal: ...", "Here's what I can do: ...", "What we could do is ...",
# "We could also drop the hot dish on Fridays", "Dan pas ik het voorstel aan: ...", "Wij
# kunnen beginnen met een proefperiode ...": a sentence that opens by changing the offer
_ADJUSTS_OFFER = re.compile(
    r"(?:^|[.!?:]\s+)(?:(?:then|so|ok|okay|oke|oké|dan|nou|goed)[,]?\s+)?"
    r"(?:i'?d adapt|i would adapt|i'?ll adapt|let me adapt|i'?d adjust|i'?ll adjust|"
    r"my suggestion|here'?s what (?:i|we) can do|what (?:i|we) could do|what (?:i|we) can do|"
    r"we could(?: also)?|we can(?: also)? do|"
    r"pas ik (?:het|ons|mijn) voorstel|ik pas (?:het|ons|mijn) voorstel|mijn voorstel|"
    r"wat (?:ik|we|wij) kunnen doen|(?:dan )?kunnen we|wij kunnen|we kunnen|dan doen we)\b",
    re.IGNORECASE)
# "If we go with this, ...", "Als we het zo doen, ...", "Stel dat we het zo aanpassen, ...":
# the question that follows is asked on the condition of her yes
_ON_HER_YES = re.compile(
    r"^\W*(?:\w+[,.!]?\s+)?(?:if|als|stel dat|assuming|suppose|say)\s+(?:we|you|u|jullie|je)\s+"
    r"(?:\S+\s+){0,2}?(?:go with|go ahead|do it|het zo|t zo|it like this|it this way|"
    r"ervoor gaan|ervoor kiezen|ervoor kiest|voor gaan|for it|akkoord)", re.IGNORECASE)
# "zal ik jullie vast inplannen", "kan ik u dan noteren voor", "shall I pencil you in",
# "can I book you in for": she (not a meeting) is put in the diary
_BOOKS_HER = re.compile(
    r"\b(?:u|jullie|je)\s+(?:\S+\s+){0,2}?(?:inplannen|noteren|inschrijven)\b"
    r"|\b(?:pencil|book|put)\s+(?:you|you guys|u)\s+(?:in|down)\b", re.IGNORECASE)
# the start of the service or its delivery (what a trial close puts in the diary)
_START_WORDS = frozenset({"start", "starten", "beginnen", "begin", "starting", "levering",
                          "delivery", "eerste", "first"})


def _trial_close(text: str, msg: Analyzed, moves: set[str]) -> bool:
    """A closed question that fixes the start of the service on her yes: asked on the
    condition that she goes ahead ("If we go with this, shall we pencil in Monday 2
    September for the first lunch?", "Stel dat we het zo doen, zou je dan per 1 september
    willen beginnen?"), or putting her, not a meeting, in the diary ("zal ik jullie vast
    inplannen voor 1 sept?"). A meeting, a demo or a quote to send stays the next step."""
    if STEP_NOUNS & set(msg.words):
        return False
    if _BOOKS_HER.search(text) and "propose_next_step" in moves:
        return True
    return bool(_ON_HER_YES.search(text)) and bool(
        moves & {"ask_for_order", "propose_next_step"} or _START_WORDS & set(msg.words))


def _question_proposes(msg: Analyzed, lm: LanguageModel) -> bool:
    """The question itself is a proposal ("..., we do it all. Zal ik een offerte sturen?"),
    not an agreement check after one ("... Does that work for you?")."""
    for sentence in msg.sentences:
        if not sentence.question_mark:
            continue
        asked = sentence.clauses[-1] if sentence.clauses else sentence.words
        if "propose_next_step" in lm.moves.match(lm.pipeline.analyze(" ".join(asked))):
            return True
    return False


def _tag_only(words: list[str]) -> bool:
    """A sentence that is only an agreement check ("Is dat goed?", "OK?", "Alright?")."""
    return len(words) <= AGREEMENT_TAG_WORDS and bool(_AGREEMENT & set(words))


def _fits_question(fact: Fact, spin: str | None, *, several_questions: bool = False) -> bool:
    """Deeper SPIN questions reach the facts written for them, not plain situation facts.

    "What does it mean for your clients when the meeting room isn't clean?" is about
    consequences; it should not tick (or answer) the fact about which rooms are cleaned.
    """
    if fact.spin:
        return spin in fact.spin
    if several_questions:
        return True  # "Who cleans now and how happy are you?" asks two things
    return spin not in ("implication", "need_payoff")


def _worth_of_told(cs: CompiledScenario, state: SessionState,
                   scored: dict[str, float]) -> list[str]:
    """"What would it mean for you if the jams were gone?" in words no value fact lists:
    once she told the pain a value fact is written after, she says what a fix is worth
    in her words (the one written after the pain the question names; a fix of something
    she never raised, "if the proofs were ready in two days", names none)."""
    ready = [fid for fid, fact in cs.facts.items()
             if "need_payoff" in fact.spin and fid not in state.revealed and fact.after
             and all(f in state.revealed for f in fact.after) and state.trust >= fact.trust]
    return [fid for fid in ready if set(cs.facts[fid].after) & scored.keys()][:1]


def _topic_stems(msg: Analyzed, lm: LanguageModel) -> frozenset[str]:
    """The content stems of a message: what it is about, not how it asks."""
    lex = lm.lexicon
    return frozenset(
        st for st, w in zip(msg.stems, msg.words, strict=True)
        if w not in lex.stopwords and w not in lex.question_words and len(st) > 2
        and w not in _AMOUNT and w not in lex.frame_words
        and w not in lex.fillers and w not in _BACK_REFERENCES)


def _names_no_topic(span: tuple[int, int] | None, msg: Analyzed, lm: LanguageModel) -> bool:
    """A keyword match of question, amount and frame words only ("how often", "hoe
    vaak"): it says what kind of answer is asked, not what about."""
    if span is None:
        return False
    lex = lm.lexicon
    plain = lex.question_words | lex.stopwords | lex.frame_words | lex.fillers
    return all(w in plain or w in _AMOUNT or w in _BACK_REFERENCES
               for w in msg.words[span[0]:span[1] + 1])


def _frame_is_asked_of(fact: str, spans: dict[str, tuple[int, int]], msg: Analyzed,
                       lm: LanguageModel) -> bool:
    """The fact's own keyword holds the word that framed the question as a deeper one:
    "what does the baker cost you now?" asks what the current supplier costs (the fact
    written for "baker ... cost"), not what a problem costs her."""
    span = spans.get(fact)
    if span is None or span[1] <= span[0] or _BACK_REFERENCES & set(msg.words):
        return False  # "what does that cost you?" asks what the pain she told costs
    frame = lm.lexicon.frame_words
    # the keyword holds every other match ("baker ... cost" the "baker" of her story)
    return any(w in frame for w in msg.words[span[0]:span[1] + 1]) and all(
        span[0] <= low and high <= span[1] for other, (low, high) in spans.items()
        if other != fact)


_APPOINTMENT = ("appointment", "afspraak")


def _asks_for_an_appointment(det: Detector) -> bool:
    """The detector's words ask for an appointment as such (not a demo, a trial, ...)."""
    cues = det.asked_by
    groups = cues.values() if isinstance(cues, dict) else [cues] if cues else []
    return any(word in str(entry) for group in groups for entry in group.keywords
               for word in _APPOINTMENT)


# short day names a learner types ("tue 25/6", "do 26 juni")
# short day names; the Dutch ones only in Dutch: "could we do a demo sometime?" names no
# Thursday ("do")
_SHORT_DAYS = {"en": frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri"}),
               "nl": frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
                                "ma", "di", "wo", "do", "vr"})}


def _fixes_a_day(msg: Analyzed, lm: LanguageModel) -> bool:
    """A day her diary can take ("Thursday", "the 21st", "1 September", "tue 25/6", "om 10
    uur"); "next week", "in a few weeks", "sometime", "in January" fix none."""
    words = msg.words
    short = _SHORT_DAYS.get(lm.lexicon.lang, frozenset())
    return bool((DAY_NAMES | short) & set(words)) or _day_of_month(words) or any(
        _ORDINAL.fullmatch(w) for w in words) or (
        names_time_of_day(msg, lm) and any(w.isdigit() for w in words))


def _vague_step(det: Detector, a: TurnAnalysis, msg: Analyzed, lm: LanguageModel) -> bool:
    """A next step proposed without a day ("Shall I come back in a few weeks with a quote?",
    "Can I give you a demo sometime?"): it fixes nothing yet, so the objective of a next
    step waits for the day (the labelling convention: vague next steps earn no objective)."""
    return set(det.moves) == {"propose_next_step"} and "ask_for_order" not in a.moves and (
        not _fixes_a_day(msg, lm))


def _agenda_item(det: Detector, a: TurnAnalysis) -> bool:
    """A step named as an item of the agenda ("for today: a quick recap, a few questions,
    and then whether a demo is useful"): announced, not done yet, so the recap's objective
    waits for the recap itself."""
    return "state_objective" in a.moves and bool(det.moves) and set(det.moves) <= {
        "summarize", "propose_solution", "respond_benefit"}


def _recap_check(det: Detector, a: TurnAnalysis) -> bool:
    """"Let me sum up: ..., you want to try it first. Did I miss anything?": the check of a
    summary asks whether she was heard right, so the order or a trial close on the start is
    not asked by the words it sums up ("you want to start on 1 August and the director
    signs. Right?")."""
    if "summarize" not in a.moves or a.question_closes or "propose_next_step" in a.moves:
        return False  # "so: 6.40 per lunch, start 1 September. Shall we put it on paper?"
    return set(det.moves) == {"ask_for_order"} or (not det.moves and det.form is not None)


def _offer_on_her_words(det: Detector, a: TurnAnalysis) -> bool:
    """"Our hours app would fix exactly those late timesheets you talked about": her words
    cited to offer the solution, no summary of them (the summary act's own rule), so the
    summary's objective is not earned by it."""
    return set(det.moves) == {"summarize"} and (
        "propose_solution" in a.moves
        or ("respond_benefit" in a.moves and not a.is_question))


RECAP_WORDS = 8  # a statement this long before an open question can sum something up


def _only_refers_back(det: Detector, a: TurnAnalysis, msg: Analyzed) -> bool:
    """An open question that only points back ("Interesting. You said the repair firm is
    local, how fast are they there?") asks; it does not sum up her problem, so it does not
    earn an objective that only a summary earns."""
    if set(det.moves) != {"summarize"} or a.form != "open":
        return False
    return not _recaps(msg, None)


def _asking(sentence: Sentence, lm: LanguageModel | None) -> bool:
    """A sentence that asks: a question mark, or typed without one, a question word first."""
    return sentence.question_mark or (lm is not None and bool(sentence.words) and (
        sentence.words[0] in lm.lexicon.question_words))


def _recaps(msg: Analyzed, lm: LanguageModel | None) -> bool:
    """The statement before the question is long enough to sum something up (the one rule
    for the summary act and the summary objective): "You said the repair firm is local,
    how fast are they?" only points back."""
    return sum(len(s.words) for s in msg.sentences if not _asking(s, lm)) >= RECAP_WORDS


def _recap_with_open_check(msg: Analyzed, cl: CompiledLanguage, lm: LanguageModel) -> bool:
    """A recap followed by an open question that names no fact of hers ("What did I
    miss?", "Wat mis ik nog?"): it checks the summary; a new question after a recap ("...,
    how much does that cost you?") still asks that fact."""
    if not _recaps(msg, lm):
        return False
    asked = " ".join(" ".join(s.words) for s in msg.sentences if _asking(s, lm))
    return bool(asked) and not cl.facts.match(lm.analyze(asked))


def _benefit_on_her_words(a: TurnAnalysis) -> bool:
    """"You said payroll loses days on corrections. Our cao module calculates the
    allowances, so that work goes away": a benefit that cites what she said offers the
    solution to it, even when it answers her concern (a trainer credits the solution)."""
    return {"respond_benefit", "summarize"} <= a.moves


def _detector_holds(
    det: Detector, key: str, a: TurnAnalysis, hits: dict[str, float], numbers: list[float]
) -> bool:
    if det.moves and not a.moves.intersection(det.moves) and not (
            det.tied_to_need and "propose_solution" in det.moves and _benefit_on_her_words(a)):
        return False
    if det.form is not None and a.form != det.form:
        return False
    if det.spin and a.spin not in det.spin:
        return False
    if det.asked_by is not None and key not in hits and not (
        "propose_next_step" in det.moves and "propose_next_step" in a.moves and a.concrete_time
        and _asks_for_an_appointment(det)
    ):
        # a day and a time proposed is an appointment, whatever it is called ("shall I go
        # through the quote with you on Tuesday at 10?"); a demo still has to be a demo
        return False
    if det.number is not None and not any(
        abs(n - det.number.value) <= det.number.tolerance for n in numbers
    ):
        return False
    if det.tied_to_need and not a.tied_needs:
        return False
    return bool(det.moves or det.form or det.spin or det.asked_by or det.number)


def _day_of_month(words: list[str]) -> bool:
    """"op 20 juni", "on 3 July", "July 3": a date without a weekday or a time."""
    return any(w.isdigit() and 0 < int(w) <= 31 and (
        (i > 0 and words[i - 1] in MONTHS) or (i + 1 < len(words) and words[i + 1] in MONTHS))
        for i, w in enumerate(words))
