"""Every trainer and assignment button, declared once (see ``bot.telegram.callback_data``).
Outside the handler package, so keyboards can build these buttons without importing it.

The wire format is the one the bot has always sent, so buttons already in chats work."""

from __future__ import annotations

from dataclasses import dataclass

from bot.telegram.callback_data import CallbackData
from bot.trainers.assigning import DUE_CHOICES

# -- the trainer panel (every ``tr:`` button checks the role first) ----------------------------


@dataclass(frozen=True)
class Home(CallbackData, prefix="tr:home"):
    pass


@dataclass(frozen=True)
class CohortList(CallbackData, prefix="tr:cl"):
    pass


@dataclass(frozen=True)
class ScenarioList(CallbackData, prefix="tr:sl"):
    pass


@dataclass(frozen=True)
class Leaderboards(CallbackData, prefix="tr:lbs"):
    pass


@dataclass(frozen=True)
class Promote(CallbackData, prefix="tr:pr"):
    user_id: int


@dataclass(frozen=True)
class TryScenario(CallbackData, prefix="tr:st"):
    scenario_id: str


@dataclass(frozen=True)
class CohortPanel(CallbackData, prefix="tr:c"):
    cohort_id: int


@dataclass(frozen=True)
class Report(CallbackData, prefix="tr:r"):
    cohort_id: int


@dataclass(frozen=True)
class Export(CallbackData, prefix="tr:x"):
    cohort_id: int


@dataclass(frozen=True)
class ExportFile(CallbackData, prefix="tr:xf"):
    """Send the export: ``fmt`` is xlsx or csv; ``transcripts`` 1 adds every conversation."""

    cohort_id: int
    transcripts: int
    fmt: str

    def check(self) -> bool:
        return super().check() and self.fmt in ("xlsx", "csv") and self.transcripts in (0, 1)


@dataclass(frozen=True)
class Charts(CallbackData, prefix="tr:ch"):
    cohort_id: int


@dataclass(frozen=True)
class Members(CallbackData, prefix="tr:m"):
    cohort_id: int


@dataclass(frozen=True)
class RotateLink(CallbackData, prefix="tr:rot"):
    cohort_id: int


@dataclass(frozen=True)
class ToggleJoin(CallbackData, prefix="tr:jo"):
    cohort_id: int


@dataclass(frozen=True)
class ToggleLeaderboard(CallbackData, prefix="tr:lb"):
    cohort_id: int


@dataclass(frozen=True)
class ToggleNotices(CallbackData, prefix="tr:nt"):
    cohort_id: int


@dataclass(frozen=True)
class ToggleDigest(CallbackData, prefix="tr:dg"):
    cohort_id: int


@dataclass(frozen=True)
class Attention(CallbackData, prefix="tr:at"):
    cohort_id: int


@dataclass(frozen=True)
class AssignMenu(CallbackData, prefix="tr:a"):
    cohort_id: int


@dataclass(frozen=True)
class AssignScenario(CallbackData, prefix="tr:ap"):
    cohort_id: int
    scenario_id: str


@dataclass(frozen=True)
class AssignDue(CallbackData, prefix="tr:ad"):
    cohort_id: int
    days: int
    scenario_id: str

    def check(self) -> bool:
        return super().check() and self.days in DUE_CHOICES


@dataclass(frozen=True)
class AssignmentPanel(CallbackData, prefix="tr:as"):
    assignment_id: int


@dataclass(frozen=True)
class AssignmentDelete(CallbackData, prefix="tr:asd"):
    assignment_id: int


@dataclass(frozen=True)
class AssignmentDeleteYes(CallbackData, prefix="tr:asdy"):
    assignment_id: int


@dataclass(frozen=True)
class LearnerDetail(CallbackData, prefix="tr:l"):
    cohort_id: int
    user_id: int


@dataclass(frozen=True)
class RemoveAsk(CallbackData, prefix="tr:rm"):
    cohort_id: int
    user_id: int


@dataclass(frozen=True)
class RemoveYes(CallbackData, prefix="tr:rmy"):
    cohort_id: int
    user_id: int


@dataclass(frozen=True)
class Reinvite(CallbackData, prefix="tr:ri"):
    cohort_id: int
    user_id: int


@dataclass(frozen=True)
class Transcript(CallbackData, prefix="tr:t"):
    session_id: int


# -- the review queue (every attempt is opened through ``attempts.owned_attempt``) ----------


@dataclass(frozen=True)
class ReviewQueue(CallbackData, prefix="tr:rvq"):
    """The oldest attempt waiting for the trainer's review."""


@dataclass(frozen=True)
class ReviewOpen(CallbackData, prefix="tr:rvo"):
    session_id: int


@dataclass(frozen=True)
class ReviewSkip(CallbackData, prefix="tr:rvs"):
    """The next waiting attempt after this one (this one stays in the queue)."""

    session_id: int


@dataclass(frozen=True)
class ReviewCall(CallbackData, prefix="tr:rvc"):
    """Comment on the whole call: the next text the trainer sends."""

    session_id: int


@dataclass(frozen=True)
class ReviewTurns(CallbackData, prefix="tr:rvt"):
    """Pick the turn to comment on."""

    session_id: int


@dataclass(frozen=True)
class ReviewTurn(CallbackData, prefix="tr:rvn"):
    """Comment on turn ``turn`` (1-based, as the review numbers them)."""

    session_id: int
    turn: int

    def check(self) -> bool:
        return super().check() and self.turn > 0


@dataclass(frozen=True)
class ReviewRedo(CallbackData, prefix="tr:rvr"):
    """Ask the learner for a redo, with the next text the trainer sends."""

    session_id: int


@dataclass(frozen=True)
class ReviewDone(CallbackData, prefix="tr:rvd"):
    """Mark reviewed, then the next waiting attempt."""

    session_id: int


# -- the learner's side ----------------------------------------------------------------------


@dataclass(frozen=True)
class MyAssignments(CallbackData, prefix="as:list"):
    pass


@dataclass(frozen=True)
class ShowAssignment(CallbackData, prefix="as"):
    assignment_id: int


@dataclass(frozen=True)
class StartPart(CallbackData, prefix="as:go"):
    assignment_id: int
    n: int


@dataclass(frozen=True)
class PreparePart(CallbackData, prefix="as:prep"):
    assignment_id: int
    n: int


@dataclass(frozen=True)
class Leave(CallbackData, prefix="co:l"):
    cohort_id: int


@dataclass(frozen=True)
class LeaveYes(CallbackData, prefix="co:ly"):
    cohort_id: int


@dataclass(frozen=True)
class RedoCall(CallbackData, prefix="rv:go"):
    """The learner does the call again that their trainer asked a redo of."""

    comment_id: int


@dataclass(frozen=True)
class PartBriefing(CallbackData, prefix="as:b"):
    """Part ``n`` of an assignment: its briefing, saying where a graded attempt goes, with
    the buttons that start it (the learner's list and the replay from a graded card)."""

    assignment_id: int
    n: int


@dataclass(frozen=True)
class StartBriefed(CallbackData, prefix="as:gg"):
    """Start part ``n`` from its graded briefing (``prepare`` 1: preparation first); the
    learner has just read the briefing, so only the graded line is repeated."""

    assignment_id: int
    n: int
    prepare: int

    def check(self) -> bool:
        return super().check() and self.prepare in (0, 1)
