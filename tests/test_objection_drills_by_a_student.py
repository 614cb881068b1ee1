"""The objection drills, played by a student in words of her own.

For every objection drill, two or three answers that take the four steps (acknowledge,
clarify, respond with a benefit tied to what the buyer said, check) in different words,
in both languages, typed neatly or on a phone: every step is credited, on the report and
on the card. And answers that skip a step: that step, and only that one, is missing.

Found this way and fixed in general: "That's a fair concern", "Natuurlijk, dat kan", "prima,
stuur ik op" take her point or her request seriously; an answer with its check in the same
message ("... maandelijks opzeggen. Spreekt u dat aan?", "... so ur engineers keep working.
interesting?") checks it, rather than clarifying it, and "Spreekt u dat aan?" is no
goodbye; "zou u daar iets mee kunnen?" checks instead of being chat; a benefit said before a
question ("..., en dat is meer waard dan veertien procent. Helpt u dat intern?") answers,
whatever fact a word of it names.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult, load_library
from tests.engine_calls import call

STEPS = ("acknowledge", "clarify", "respond", "check")
ALL = frozenset(STEPS)

# (drill, language, the student's messages, the steps a trainer credits)
CALLS: list[tuple[str, str, list[str], frozenset[str]]] = [
    ('drill-objection-price', 'nl',
     ['Snap ik, veertien procent is fors als u het intern moet uitleggen. Is de prijs het '
      'enige wat u tegenhoudt?',
      'Onze folie scheurt veel minder, dus uw inpaklijn staat minder vaak stil. Per pallet '
      'bent u daardoor goedkoper uit.',
      'Kunt u het zo intern verkopen?'],
     ALL),
    ('drill-objection-price', 'nl',
     ["Begrijpelijk dat u daarvan schrikt. Wat kost zo'n stilstand van de lijn u eigenlijk?",
      'Met onze voorrekfolie heeft u die scheuren niet meer en blijft de lijn draaien; dat '
      'verdient zich zo terug. Zou dat helpen?'],
     ALL),
    ('drill-objection-price', 'nl',
     ['ik snap het, 14% is veel. waarmee vergelijkt u precies?',
      'onze folie breekt minder dus minder stilstand, dan verdient u t verschil terug. neemt '
      'dat uw bezwaar weg?'],
     ALL),
    ('drill-objection-price', 'nl',
     ['Dat is inderdaad meer. Mag ik vragen waar u het mee vergelijkt?',
      'Onze folie scheurt minder, dus de lijn blijft draaien.'],
     frozenset(['acknowledge', 'clarify', 'respond'])),
    ('drill-objection-price', 'nl',
     ['Wat zou het voor u betekenen als de lijn niet meer stilvalt?',
      'Met onze folie staat de inpaklijn veel minder vaak stil, en dat is meer waard dan '
      'veertien procent. Helpt u dat intern?'],
     frozenset(['check', 'clarify', 'respond'])),
    ('drill-objection-price', 'en',
     ['I hear you, fourteen percent is a lot to explain internally. Is price the only thing '
      'holding you back?',
      'Our film tears far less, so your packing line keeps running, and per pallet you end up '
      'cheaper. Could you sell it internally like that?'],
     ALL),
    ('drill-objection-price', 'en',
     ["That's a fair concern. What does a line stop cost you now?",
      "Our pre-stretched film doesn't tear at your speed, so those stops go away and it pays "
      "for itself.",
      'Does that take away your concern?'],
     ALL),
    ('drill-objection-price', 'en',
     ['makes sense, 14% is a big jump. what are u comparing with?',
      'less tearing means less downtime, u earn the difference back fast. would that work for u?'],
     ALL),
    ('drill-objection-price', 'en',
     ['Understood. What are you comparing it with?',
      'Fair point. Does that change how you see it?'],
     frozenset(['acknowledge', 'clarify'])),
    ('drill-objection-price', 'en',
     ['I get it, that is a real difference.',
      'Our film tears less, so your line stops less often and you save on every stop. Does '
      'that help?'],
     frozenset(['acknowledge', 'check', 'respond'])),
    ('drill-objection-bad-experience', 'nl',
     ['Wat vervelend, midden in de aangifteperiode plat liggen is het ergste wat er is. Wat '
      'ging er precies mis?',
      'Bij ons krijgt u een vaste engineer die uw kantoor kent, met een reactietijd van een '
      'half uur in het contract. Neemt dat uw zorg weg?'],
     ALL),
    ('drill-objection-bad-experience', 'nl',
     ['Dat kan ik me goed voorstellen, dan ben je er klaar mee. Wat heeft u nu nodig van een '
      'nieuwe partij?',
      'U krijgt een direct nummer en een vaste beheerder, en in de aangifteperiode staan we '
      'extra paraat.',
      'Zou dat voor u het verschil maken?'],
     ALL),
    ('drill-objection-bad-experience', 'nl',
     ['snap ik heel goed. wat is er toen gebeurd?',
      "wij zijn altijd bereikbaar, u belt rechtstreeks uw vaste it'er. is dat wat u zoekt?"],
     ALL),
    ('drill-objection-bad-experience', 'nl',
     ['Wat ging er toen mis?',
      'Wij garanderen een reactietijd van 30 minuten, zwart op wit. Stelt dat u gerust?'],
     frozenset(['check', 'clarify', 'respond'])),
    ('drill-objection-bad-experience', 'en',
     ['That sounds awful, being down for a day in tax season. What exactly went wrong?',
      'With us you get a named engineer who knows your office, and a guaranteed response time '
      'of 30 minutes in the contract. Does that take away your worry?'],
     ALL),
    ('drill-objection-bad-experience', 'en',
     ["I completely understand you're wary after that. What would you need from a new IT partner?",
      "You'd have a direct line to your own engineer, and extra cover on standby during tax "
      "season.",
      'Would that make the difference for you?'],
     ALL),
    ('drill-objection-bad-experience', 'en',
     ['ugh, that must have been stressful. what happened exactly?',
      'we always pick up, you get a dedicated engineer. is that what you need?'],
     ALL),
    ('drill-objection-bad-experience', 'en',
     ['I understand, that must have been terrible. What went wrong?',
      'We have a dedicated engineer for you and a guaranteed response within half an hour.'],
     frozenset(['acknowledge', 'clarify', 'respond'])),
    ('drill-objection-brochure', 'nl',
     ['Natuurlijk, dat kan. Waar zou u in die brochure vooral naar kijken?',
      'Met onze verzuimmodule heeft u alles in één overzicht in plaats van drie Excel-lijsten. '
      'Heeft u daar iets aan?'],
     ALL),
    ('drill-objection-brochure', 'nl',
     ["Snap ik, u heeft het druk. Wat wilt u vooral weten over zo'n systeem?",
      'Dan ziet u in één oogopslag wie er ziek is, zonder losse lijstjes. Mag ik het u in een '
      'kwartier laten zien met uw eigen lijsten?',
      'Zou u daar iets mee kunnen?'],
     ALL),
    ('drill-objection-brochure', 'nl',
     ['prima, stuur ik op. wat zoekt u er precies in?',
      'in plaats van die drie excel lijsten staat alles op 1 plek. helpt dat?'],
     ALL),
    ('drill-objection-brochure', 'nl',
     ['Een brochure kan natuurlijk. Waar let u vooral op?',
      'Alles komt in één overzicht, dan bent u van die Excel-lijsten af.'],
     frozenset(['acknowledge', 'clarify', 'respond'])),
    ('drill-objection-brochure', 'en',
     ['Of course, I can send one. What would you mainly look for in it?',
      'With our absence module everything sits in one overview instead of three spreadsheets. '
      'Would that help you?'],
     ALL),
    ('drill-objection-brochure', 'en',
     ["Fair enough, you're busy. What would you want to read in a brochure?",
      "You'd see at a glance who is off sick, no more separate spreadsheets. Could I show you "
      "in fifteen minutes with your own data?",
      'Would that be useful for you?'],
     ALL),
    ('drill-objection-brochure', 'en',
     ['sure no problem. what info do u need most?',
      'all your absence in one place instead of 3 spreadsheets. does that help?'],
     ALL),
    ('drill-objection-brochure', 'en',
     ['What would you look for in the brochure?',
      'Everything in one overview, no more spreadsheets. Does that sound useful?'],
     frozenset(['check', 'clarify', 'respond'])),
    ('drill-objection-contract-running', 'nl',
     ['Dat begrijp ik, dat contract loopt gewoon door. Wat is uw opzegtermijn, en zit er een '
      'boete op?',
      'Bij ons zit u niet meer drie jaar vast: u kunt maandelijks opzeggen. Spreekt u dat aan?'],
     ALL),
    ('drill-objection-contract-running', 'nl',
     ['Helemaal goed, een lopend contract respecteer ik. Wanneer moet u uiterlijk opzeggen?',
      'Dan zorgen we dat u voor 1 december een voorstel heeft met een flexibel contract, '
      'zonder lange looptijd.',
      'Zou dat voor u werken?'],
     ALL),
    ('drill-objection-contract-running', 'nl',
     ['snap ik. tot wanneer loopt het precies?',
      'bij ons maandelijks opzegbaar, dus nooit meer vast voor jaren. klinkt dat goed?'],
     ALL),
    ('drill-objection-contract-running', 'nl',
     ['Wanneer loopt het contract af?',
      'Wij werken met een flexibel contract, per maand opzegbaar. Past dat bij u?'],
     frozenset(['check', 'clarify', 'respond'])),
    ('drill-objection-contract-running', 'en',
     ['I understand, a running contract is a running contract. When exactly does it end, and '
      'what notice do you have to give?',
      "With us you're never locked in for three years: it's a monthly rolling plan. Does that "
      "appeal to you?"],
     ALL),
    ('drill-objection-contract-running', 'en',
     ['Fair enough, I respect that. What is your notice period?',
      "Then let's make sure you have a flexible proposal before 1 December, no long term.",
      'Would that work for you?'],
     ALL),
    ('drill-objection-contract-running', 'en',
     ['makes sense. until when does it run?',
      "ours is month to month so you're never tied again. sound good?"],
     ALL),
    ('drill-objection-contract-running', 'en',
     ['I understand. When does the contract end?',
      'Our plans are flexible, you can cancel monthly.'],
     frozenset(['acknowledge', 'clarify', 'respond'])),
    ('drill-objection-current-supplier', 'nl',
     ['Acht jaar is mooi, dan doen ze veel goed. Wat bevalt u het meest aan ze, en wat kan beter?',
      'Bij ons staat er binnen vier uur een vervangende bus, zodat geen monteur thuis zit. Zou '
      'dat iets toevoegen?'],
     ALL),
    ('drill-objection-current-supplier', 'nl',
     ['Dat zegt veel over AutoLease. Hoe vaak zit er een monteur zonder bus?',
      'Wij garanderen een vervangende bus dezelfde dag, op locatie.',
      'Zou dat voor u het verschil maken?'],
     ALL),
    ('drill-objection-current-supplier', 'nl',
     ['mooi dat u tevreden bent. wat mist u nog?',
      'wij leveren binnen 4 uur een vervangende bus, dan kan uw monteur gewoon door. interessant?'],
     ALL),
    ('drill-objection-current-supplier', 'nl',
     ['Acht jaar, dat is een lange samenwerking.',
      'Bij ons heeft u binnen vier uur een vervangende bus. Spreekt dat u aan?'],
     frozenset(['acknowledge', 'check', 'respond'])),
    ('drill-objection-current-supplier', 'en',
     ['Eight years says a lot, they must be doing plenty right. What do you like about them, '
      'and what could be better?',
      'With us a replacement van is on site within four hours, so no engineer sits at home. '
      'Would that add something for you?'],
     ALL),
    ('drill-objection-current-supplier', 'en',
     ["Good to hear you're happy with them. How often is an engineer left without a van?",
      'We guarantee a loan van the same day, delivered to where he is.',
      'Would that make a difference for you?'],
     ALL),
    ('drill-objection-current-supplier', 'en',
     ["nice, 8 yrs is loyal. what's missing for u?",
      'we get a replacement van to u within 4 hours, so ur engineers keep working. interesting?'],
     ALL),
    ('drill-objection-current-supplier', 'en',
     ["That's great. What could they do better?",
      'We deliver a replacement van within four hours.'],
     frozenset(['acknowledge', 'clarify', 'respond'])),
    ('drill-objection-discuss-others', 'nl',
     ['Heel logisch dat u dit samen beslist. Wie moeten er nog meer bij zijn, en wat willen '
      'zij weten?',
      'Ons scherm werkt met alle gangbare laptops, draadloos. Helpt dat u intern verder?'],
     ALL),
    ('drill-objection-discuss-others', 'nl',
     ["Dat begrijp ik, zo'n beslissing neem je niet alleen. Wat zal de IT-coördinator vooral "
      "willen weten?",
      'Dan nodig ik hem uit om het met zijn eigen laptop te testen, het werkt ook met oudere '
      'laptops.',
      'Zou dat u helpen om het intern voor te leggen?'],
     ALL),
    ('drill-objection-discuss-others', 'nl',
     ['snap ik. wie beslist er mee?',
      'het werkt met elke laptop, ook de oude. helpt u dat?'],
     ALL),
    ('drill-objection-discuss-others', 'nl',
     ['Met wie moet u het bespreken?',
      'Het scherm werkt draadloos met alle laptops. Kunt u daarmee verder?'],
     frozenset(['check', 'clarify', 'respond'])),
    ('drill-objection-discuss-others', 'en',
     ["That makes sense, it's a decision you make together. Who else decides, and what will "
      "they want to know?",
      'Our screen works with any laptop, wirelessly, the older ones too. Does that help you '
      'move forward internally?'],
     ALL),
    ('drill-objection-discuss-others', 'en',
     ["I understand, you can't decide that alone. What will the IT coordinator mainly want to "
      "know?",
      'Then let him test it with his own laptop; it works with all common laptops.',
      'Would that help you take it to the management team?'],
     ALL),
    ('drill-objection-discuss-others', 'en',
     ['makes sense. who else is involved?',
      'it works with every laptop, old ones too. does that help?'],
     ALL),
    ('drill-objection-discuss-others', 'en',
     ['Of course. Who else has a say?',
      'It works with any laptop, even the old ones.'],
     frozenset(['acknowledge', 'clarify', 'respond'])),
    ('drill-objection-no-time', 'nl',
     ['Ik zie het, u staat zelf achter de kassa. Voor welke dagen zoekt u mensen?',
      'Wij kunnen u deze week nog vier mensen voor het weekend leveren. Zou dat helpen?'],
     ALL),
    ('drill-objection-no-time', 'nl',
     ['Snap ik, het is druk. Hoeveel mensen komt u tekort?',
      'Dan heeft u vanaf zaterdag vier ervaren krachten voor de kassa.',
      'Is dat wat u zoekt?'],
     ALL),
    ('drill-objection-no-time', 'nl',
     ['begrijp ik, kort dan: hoeveel mensen zoekt u?',
      'ik kan u vier mensen voor het weekend sturen, dan hoeft u niet achter de kassa. '
      'interessant?'],
     ALL),
    ('drill-objection-no-time', 'nl',
     ['Hoeveel mensen mist u?',
      'Wij leveren vier mensen voor het weekend. Zou dat helpen?'],
     frozenset(['check', 'clarify', 'respond'])),
    ('drill-objection-no-time', 'en',
     ["I can see you're swamped. Which days are you short?",
      'We can get you four people for the weekend, trained on the till. Would that help?'],
     ALL),
    ('drill-objection-no-time', 'en',
     ["Understood, it's mad here. How many people are you short?",
      "Then you'd have four weekend staff from Saturday, so you're off the till.",
      'Does that sound good?'],
     ALL),
    ('drill-objection-no-time', 'en',
     ['got it, quick one: how many people do u need?',
      'i can send you four people for the weekend so ur not stuck on the till. interested?'],
     ALL),
    ('drill-objection-no-time', 'en',
     ["I see you're busy. How many people are you missing?",
      'We can send four trained people for this weekend.'],
     frozenset(['acknowledge', 'clarify', 'respond'])),
]


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


@pytest.mark.parametrize("sid,lang,lines,expected", CALLS,
                         ids=[f"{c[0].removeprefix('drill-objection-')}-{c[1]}-{i}"
                              for i, c in enumerate(CALLS)])
def test_each_step_taken_is_credited(library: LoadResult, sid: str, lang: str,
                                     lines: list[str], expected: frozenset[str]) -> None:
    _, state, replies = call(library, sid, lang, lines)
    objection = next(iter(state.objections.values()))
    taken = {s for s in STEPS if objection.steps[s]}
    on_card = {s for s in STEPS if s in state.objectives}
    assert taken == expected, replies
    assert on_card == expected, replies
    assert objection.handled == ("respond" in expected), replies


@pytest.mark.parametrize("lang,line", [("nl", "Spreekt u dat aan?"),
                                       ("nl", "Zou u daar iets mee kunnen?")])
def test_a_check_is_no_goodbye_and_no_chat(library: LoadResult, lang: str, line: str) -> None:
    lines = ["Bij ons zit u niet meer drie jaar vast, u kunt maandelijks opzeggen.", line]
    _, state, replies = call(library, "drill-objection-contract-running", lang, lines)
    assert not state.ended or state.end_reason != "goodbye", replies
    assert state.objections["contract_running"].steps["check"], replies


def test_spreek_je_at_the_end_still_takes_leave(library: LoadResult) -> None:
    _, state, _ = call(library, "first-visit-cleaning", "nl",
                       ["Goedemorgen, ik ben Tom van SchoonWerk.", "Dank u wel, spreek je!"])
    assert state.ended and state.end_reason == "goodbye"
