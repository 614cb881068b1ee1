"""The state of one call: plain data, so it can be stored after every turn and resumed."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

STATE_VERSION = 2


@dataclass
class ObjectionState:
    raised_turn: int | None = None
    handled: bool = False
    attempts: int = 0
    idle: int = 0  # turns in a row that did nothing for it
    recalled: bool = False  # the buyer reminded the learner of it (once)
    rested: bool = False  # left unanswered: the buyer let it rest (it counts as unhandled)
    tried: list[str] = field(default_factory=list)  # steps attempted but not done well
    steps: dict[str, bool] = field(
        default_factory=lambda: {"acknowledge": False, "clarify": False, "respond": False,
                                 "check": False}
    )


@dataclass
class TurnRecord:
    """One turn as scoring sees it. Kept outside the state (the turns table, or the
    front end's transcript), so a long call costs the same per turn as a short one."""

    learner: str
    buyer: str
    form: str | None
    spin: str | None
    objectives: list[str]
    moves: list[str]
    facts: list[str]
    needs: list[str]
    phase: str
    act: str = "other"
    answered: list[str] = field(default_factory=list)  # facts the buyer answered
    steps: list[str] = field(default_factory=list)  # objection steps taken this turn

    def stored(self) -> dict[str, Any]:
        """What the turns table keeps next to the learner's and buyer's words."""
        return {"form": self.form, "spin": self.spin, "objectives": list(self.objectives),
                "moves": list(self.moves), "facts": list(self.facts), "needs": list(self.needs),
                "phase": self.phase, "act": self.act, "answered": list(self.answered),
                "steps": list(self.steps)}

    @classmethod
    def from_stored(cls, learner: str, buyer: str, analysis: dict[str, Any]) -> TurnRecord:
        """A turn read back from the turns table (older rows lack the newer keys)."""
        return cls(
            learner=learner, buyer=buyer, form=analysis.get("form"), spin=analysis.get("spin"),
            objectives=list(analysis.get("objectives") or []),
            moves=list(analysis.get("moves") or []), facts=list(analysis.get("facts") or []),
            needs=list(analysis.get("needs") or []), phase=str(analysis.get("phase") or ""),
            act=str(analysis.get("act") or "other"),
            answered=list(analysis.get("answered") or []),
            steps=list(analysis.get("steps") or []),
        )


@dataclass
class SessionState:
    scenario_id: str
    lang: str
    seed: int
    phase: str = "opening"
    turn: int = 0
    trust: float = 0.0
    patience: int = 12
    ended: bool = False
    end_reason: str | None = None
    opening: str = ""
    objectives: dict[str, int] = field(default_factory=dict)  # id -> turn first ticked
    revealed: dict[str, int] = field(default_factory=dict)  # fact id -> times told
    needs_stated: list[str] = field(default_factory=list)
    objections: dict[str, ObjectionState] = field(default_factory=dict)
    pending_objection: str | None = None
    flags: dict[str, int] = field(default_factory=dict)  # once-only events -> turn
    closing: dict[str, bool] = field(
        default_factory=lambda: {"attempted": False, "concrete": False, "agreed": False}
    )
    signals_sent: list[int] = field(default_factory=list)
    hints_used: int = 0
    last_act: str | None = None
    situation_streak: int = 0
    spins: list[str] = field(default_factory=list)  # SPIN types asked so far (for hints)
    last_answered: list[str] = field(default_factory=list)  # facts told in her last answer
    # The calendar month the call takes place in (1-12; 0 when unknown): a proposed month
    # is read as the next one to come, so "15 January" in December is weeks away, not a
    # date past a September deadline.
    month: int = 0
    # Calls stored before state version 2 kept their transcript here; new calls keep it
    # outside the state (TurnResult.record, the turns table).
    history: list[TurnRecord] = field(default_factory=list)
    version: int = STATE_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Plain data for storage. Written out by hand: ``dataclasses.asdict`` deep-copies
        every value and was a seventh of a stored turn's CPU."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["objections"] = {k: {"raised_turn": o.raised_turn, "handled": o.handled,
                                  "attempts": o.attempts, "idle": o.idle,
                                  "recalled": o.recalled, "rested": o.rested,
                                  "tried": list(o.tried),
                                  "steps": dict(o.steps)}
                              for k, o in self.objections.items()}
        data["history"] = [{**vars(t), "objectives": list(t.objectives), "moves": list(t.moves),
                            "facts": list(t.facts), "needs": list(t.needs),
                            "answered": list(t.answered), "steps": list(t.steps)}
                           for t in self.history]
        for key in ("objectives", "revealed", "flags", "closing"):
            data[key] = dict(data[key])
        for key in ("needs_stated", "signals_sent", "last_answered"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionState:
        data = dict(data)
        data["objections"] = {k: ObjectionState(**v) for k, v in data.get("objections", {}).items()}
        data["history"] = [TurnRecord(**t) for t in data.get("history", [])]
        return cls(**data)
