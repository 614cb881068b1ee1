"""Typed schema of a scenario file.

The schema is the trainer's contract: every field here is documented in README.md
("Scenario format"). Models forbid unknown keys so that a typo such as ``answr`` is
reported with its line instead of being silently ignored.

Texts that the learner or buyer sees are *localized*: either a plain string (allowed
when the scenario has a single language) or a mapping ``{nl: ..., en: ...}`` that
covers every language of the scenario. Coverage is checked in ``checks.py`` because it
depends on the scenario's ``languages`` field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Lang = Literal["nl", "en"]
LANGS: tuple[str, ...] = ("nl", "en")
Kind = Literal["first_visit", "spin", "objection", "closing", "drill"]
Move = Literal[
    "introduce",
    "invite_introduction",
    "state_objective",
    "summarize",
    "acknowledge",
    "clarify",
    "respond_benefit",
    "check",
    "propose_solution",
    "propose_next_step",
    "ask_for_order",
    "discount",
    "rude",
]
# What an external objective stands for in the method, so that feedback and hints about
# it work whatever id a trainer gives it.
Role = Literal["introduce", "needs", "solution", "follow_up"]
ROLES: tuple[str, ...] = ("introduce", "needs", "solution", "follow_up")
SpinType = Literal["situation", "problem", "implication", "need_payoff"]
Form = Literal["open", "closed"]

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_\-]*$", max_length=64)]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]

# A localized text: "one text" or {lang: text}.
LText = NonEmpty | dict[Lang, NonEmpty]
# Localized variants: "one", [several], or {lang: one-or-several}.
LVariants = NonEmpty | list[NonEmpty] | dict[Lang, NonEmpty | list[NonEmpty]]
# A keyword entry: alternatives separated by "|"; each alternative is words that must all
# appear in the message, in any order; a word ending in "*" matches any word it starts.
KeywordEntry = NonEmpty


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cues(_Strict):
    """How a learner refers to a topic in one language."""

    keywords: list[KeywordEntry] = Field(default_factory=list)
    phrasings: list[NonEmpty] = Field(default_factory=list)


# Cues for one language (single-language scenario) or per language.
LCues = Cues | dict[Lang, Cues]


class NumberCheck(_Strict):
    value: float
    tolerance: float = Field(default=0.0, ge=0)


class Detector(_Strict):
    """Conditions on one learner message; all given conditions must hold."""

    moves: list[Move] = Field(default_factory=list)
    form: Form | None = None
    spin: list[SpinType] = Field(default_factory=list)
    asked_by: LCues | None = None
    number: NumberCheck | None = None
    tied_to_need: bool = False


class Objective(_Strict):
    id: Ident
    label: LText
    # The keyword a seller writes on their pad, per language ({nl: "afl. contr.", en:
    # "contract end"}). A plain keyword is jargon of the scenario's first language.
    pad: LText | None = None
    weight: float = Field(default=1.0, ge=0)
    detect: list[Detector] = Field(default_factory=list)
    # The method's role of this objective; an objective whose id is a role's name has
    # that role unless it says otherwise.
    role: Role | None = None
    # The label asks for her agreement ("Agree a concrete next step"): proposed and not
    # taken, it keeps its credit but the card marks it proposed, not met.
    agreed: bool = False

    @property
    def method_role(self) -> str | None:
        return self.role or (self.id if self.id in ROLES else None)


    def pad_in(self, lang: str, languages: Sequence[str]) -> str | None:
        """The pad keyword in ``lang``, or None: a plain keyword is only shown in the
        scenario's first language, so no learner reads another language's jargon."""
        if isinstance(self.pad, dict):
            found: str | None = self.pad.get(lang)  # type: ignore[call-overload]
            return found
        return self.pad if self.pad and (not languages or languages[0] == lang) else None


class Objectives(_Strict):
    internal: list[Objective] = Field(default_factory=list)
    external: list[Objective] = Field(default_factory=list)


class Trust(_Strict):
    start: int = Field(default=0, ge=-5, le=10)
    earned_by: LText | None = None


class Buyer(_Strict):
    name: NonEmpty
    role: LText
    company: LText
    personality: LText
    # Persona: used in every default buyer line, hint and tip.
    gender: Literal["female", "male"] = "female"
    address: Literal["u", "je"] = "u"  # how she addresses the seller (Dutch u/je)
    visit: Literal["first", "follow_up"] = "first"  # a follow-up visit greets differently
    patience: int = Field(default=12, ge=1, le=100)
    trust: Trust = Field(default_factory=Trust)
    greeting: LVariants
    lines: dict[Ident, LVariants] = Field(default_factory=dict)


class Seller(_Strict):
    company: LText
    offer: LText | None = None


class ChecklistItem(_Strict):
    id: Ident
    label: LText
    aliases: dict[Lang, list[NonEmpty]] | list[NonEmpty] = Field(default_factory=list)


class Preparation(_Strict):
    internal: list[ChecklistItem] = Field(default_factory=list)
    external: list[ChecklistItem] = Field(default_factory=list)
    questions: list[ChecklistItem] = Field(default_factory=list)


class Need(_Strict):
    id: Ident
    label: LText
    asked_by: LCues


class Fact(_Strict):
    id: Ident
    objective: Ident | None = None
    asked_by: LCues
    answer: LVariants
    short_answer: LVariants | None = None
    trust: int = Field(default=0, ge=0, le=10)
    spin: list[SpinType] = Field(default_factory=list)
    after: list[Ident] = Field(default_factory=list)
    guarded: LVariants | None = None
    reveals: list[Ident] = Field(default_factory=list)
    # about her person ("how did you end up in logistics?"): she answers it, and asking
    # it is small talk, no fact of the case
    small_talk: bool = False


class Trigger(_Strict):
    """When the buyer raises an objection: the first event that matches."""

    after: Literal["start", "solution", "next_step", "fact", "turn", "price"]
    fact: Ident | None = None
    turn: int | None = Field(default=None, ge=1)


class Objection(_Strict):
    id: Ident
    raise_when: Trigger
    text: LVariants
    firmer: LVariants | None = None
    accepted: LVariants
    answered_by: list[Ident] = Field(default_factory=list)
    reveals: list[Ident] = Field(default_factory=list)
    respond: LCues | None = None
    # What is behind it: her answer when the learner asks (clarifies) about the objection.
    explain: LVariants | None = None
    # Objectives her explanation tells ("Vers & Co charges fifty cents less" answers which
    # competitor she compares with): met when she gives it, as if the learner had asked.
    explain_tells: list[Ident] = Field(default_factory=list)
    # How she raises it once she has already told what it is about (a fact of one of the
    # `explain_tells` objectives): "like I said, Vers & Co is fifty cents below you", not
    # "I have to be honest - ..." as if it were news.
    told_before: LVariants | None = None
    good_handling: LText


class BuyingSignal(_Strict):
    after_turn: int = Field(ge=1)
    text: LVariants
    # Facts that settle what the signal asks ("how soon could you start?" once she told her
    # start date): once she has told one of them, she no longer asks.
    about: list[Ident] = Field(default_factory=list)


class ClosingRequires(_Strict):
    trust: int = Field(default=0, ge=-5, le=10)
    objectives: list[Ident] = Field(default_factory=list)
    objections_handled: bool = True


class Closing(_Strict):
    requires: ClosingRequires = Field(default_factory=ClosingRequires)
    agree: LVariants
    stall: LVariants
    vague: LVariants | None = None
    # Months a proposed date may not fall in (her deadline has passed by then: a visit on
    # 15 December when the quotation must be there in November), and what she says then.
    # The list starts at the first month past her deadline and runs on in calendar order;
    # a proposed month is read as the next one to come after the day of the call.
    late_months: list[int] = Field(default_factory=list)
    late: LVariants | None = None
    buying_signals: list[BuyingSignal] = Field(default_factory=list)


class Weights(_Strict):
    preparation: float = Field(default=10, ge=0)
    internal: float = Field(default=25, ge=0)
    external: float = Field(default=25, ge=0)
    questions: float = Field(default=15, ge=0)
    objections: float = Field(default=10, ge=0)
    closing: float = Field(default=15, ge=0)


class Scoring(_Strict):
    weights: Weights = Field(default_factory=Weights)
    max_turns: int = Field(default=30, ge=1, le=200)


SHORT_TITLE_MAX = 20  # with "✓100 " and " · L1" a button of at most 30 characters


class Scenario(_Strict):
    id: Ident
    title: LText
    # A few words for a phone button ("Too expensive"), where the title would wrap.
    short_title: LText | None = None
    kind: Kind
    languages: list[Lang] = Field(min_length=1)
    level: int = Field(default=1, ge=1, le=3)
    minutes: int = Field(default=15, ge=1, le=120)
    briefing: LText
    # The month the role-play takes place in (1-12), in its own calendar: the briefing names
    # it and the months a learner proposes are read against it, so a deadline written as
    # "notice before 1 January" means the same in whatever month a learner practises.
    # Without it the day of the call counts.
    month: int | None = Field(default=None, ge=1, le=12)
    seller: Seller
    buyer: Buyer
    preparation: Preparation = Field(default_factory=Preparation)
    objectives: Objectives
    needs: list[Need] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    objections: list[Objection] = Field(default_factory=list)
    closing: Closing | None = None
    scoring: Scoring = Field(default_factory=Scoring)
