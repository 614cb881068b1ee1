"""A concern about money, and what answers it: value, not just any benefit.

"Fourteen percent more than we pay now", "I expect you'll be more expensive than Blinkend
Schoon": a buyer who objects to the price is answered by what the offer earns back, what
her problem costs her now, what she gets for the money. "Our team can do the reception
desk after hours too" may be a benefit tied to a need she stated, but it says nothing about
the price: she takes it as a partial answer, not as the end of her concern.

And the other way round: "what you lose on breakdowns now, you earn back quickly" ties the
offer to her own problem and to money, even in words no need lists ("storingen" where
the need says "minder storingen"): it is the value argument the method asks for.

Plain lexicon and scenario words only (no scenario's own content in code): a trainer's own
scenario reads the same way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.engine.cues import correct_typos
from bot.engine.text import Analyzed

if TYPE_CHECKING:
    from bot.engine.compiled import CompiledLanguage
    from bot.scenario.model import Objection


def money_concern(cl: CompiledLanguage, objection: Objection) -> bool:
    """Her concern is about money: it comes up with the price, or her words name money
    ("fifty cents per lunch below you", "a monthly fee isn't in my budget", "twintig
    procent meer")."""
    if objection.raise_when.after == "price":
        return True
    said = cl.lm.analyze(" ".join(cl.texts(objection.text)))
    return bool(cl.lm.price.match(said) or cl.lm.value.match(said))


def speaks_to_value(cl: CompiledLanguage, msg: Analyzed) -> bool:
    """The message talks money or value: a price, a cost, what it earns back or saves,
    what she loses now, what she gets for it."""
    return bool(cl.lm.price.match(msg) or cl.lm.value.match(msg) or _AMOUNT.search(msg.raw))


# an amount of money as typed: "€2.50", "€ 0,50", "9,40 euro"
_AMOUNT = re.compile(r"[€$£]\s*\d|\d\s*(?:euro|eur|cent)\b", re.IGNORECASE)


def statements(cl: CompiledLanguage, msg: Analyzed) -> Analyzed | None:
    """The message without its questions ("... verdient u snel terug. Neemt dat uw
    bezwaar weg?" argues in its first sentence); None when it only asks."""
    said = [s for s in msg.sentences if not s.question_mark]
    if not said:
        return None
    if len(said) == len(msg.sentences):
        return msg
    part = cl.lm.analyze(" ".join(" ".join(s.words) for s in said))
    correct_typos(part, cl.corrector, cl.lm.protected)
    return part


def value_argument(cl: CompiledLanguage, objection: Objection, msg: Analyzed,
                   asks_only: bool) -> list[str]:
    """The needs that answer her money concern which a value argument names as her
    problem: a statement that speaks of money or value and names what goes wrong now
    ("wat u nu kwijt bent aan storingen verdient u snel terug", "what the downtime costs
    you now pays for the difference"). A question ("what do the stops cost you?") asks
    about her problem; it argues nothing."""
    if asks_only or not objection.answered_by or not money_concern(cl, objection):
        return []
    said = statements(cl, msg)
    if said is None or not cl.lm.value.match(said):
        return []
    named = cl.problems.match(said)
    return [need for need in objection.answered_by if need in named]
