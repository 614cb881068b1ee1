"""Every button the bot sends, declared once (see ``bot.telegram.callback_data``): the
trainer panel, assignments and cohorts, then the learner's menu, calls, practice, privacy
and settings. Outside the handler package, so keyboards can build these buttons without
importing it.

The wire format is the one the bot has always sent, so buttons already in chats work."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.i18n import LANGUAGES
from bot.practice.schedule import COMMON_TIMEZONES, validate_timezone
from bot.telegram.callback_data import CallbackData
from bot.trainers.assigning import DUE_CHOICES

KIND = re.compile(r"[a-z_]+")

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


# -- the learner's menu, picker and calls ------------------------------------------------------


@dataclass(frozen=True)
class Menu(CallbackData, prefix="menu"):
    pass


@dataclass(frozen=True)
class Help(CallbackData, prefix="help"):
    pass


@dataclass(frozen=True)
class Progress(CallbackData, prefix="progress"):
    pass


@dataclass(frozen=True)
class Kinds(CallbackData, prefix="pick"):
    """The kinds of scenario (calls, drills…) to pick from."""


@dataclass(frozen=True)
class Picker(CallbackData, prefix="k"):
    """One page of the scenarios of one kind."""

    kind: str
    page: int

    def check(self) -> bool:
        return KIND.fullmatch(self.kind) is not None


@dataclass(frozen=True)
class Briefing(CallbackData, prefix="s"):
    """A scenario's briefing, with prepare and start (also "again" on the score card)."""

    scenario_id: str


@dataclass(frozen=True)
class Prepare(CallbackData, prefix="prep"):
    scenario_id: str


@dataclass(frozen=True)
class Go(CallbackData, prefix="go"):
    scenario_id: str


@dataclass(frozen=True)
class PrepNext(CallbackData, prefix="prep_next"):
    """Skip one part of the preparation."""


@dataclass(frozen=True)
class PrepSkip(CallbackData, prefix="prep_skip"):
    """Skip the rest of the preparation: the call starts."""


@dataclass(frozen=True)
class Resume(CallbackData, prefix="cont"):
    """Back to the call or preparation in progress."""


# -- daily practice ----------------------------------------------------------------------------


@dataclass(frozen=True)
class StartDrill(CallbackData, prefix="pd"):
    """From the daily prompt or a drill's card: straight to the buyer's opening."""

    scenario_id: str


@dataclass(frozen=True)
class DrillLater(CallbackData, prefix="pl"):
    pass


# -- privacy -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeleteYes(CallbackData, prefix="del:yes"):
    pass


@dataclass(frozen=True)
class DeleteNo(CallbackData, prefix="del:no"):
    pass


# -- settings ----------------------------------------------------------------------------------
# Every ``set:`` button names the state it sets, so one pressed in an older panel does what
# its label says; the two bare toggles are still declared for panels sent before that.


@dataclass(frozen=True)
class Settings(CallbackData, prefix="settings"):
    """The settings panel (closes any open settings question)."""


class InSettings:
    """A button inside the settings panel: pressing it keeps an open settings question
    (time, city, quiet hours) open; any other button or command closes it."""


@dataclass(frozen=True)
class SetLanguage(InSettings, CallbackData, prefix="set:lang"):
    lang: str

    def check(self) -> bool:
        return self.lang in LANGUAGES


@dataclass(frozen=True)
class AskTimezone(InSettings, CallbackData, prefix="set:tz"):
    pass


@dataclass(frozen=True)
class CommonTimezone(InSettings, CallbackData, prefix="set:tz"):
    """One of ``COMMON_TIMEZONES``, by its place in the list."""

    index: int

    def check(self) -> bool:
        return self.index < len(COMMON_TIMEZONES)


@dataclass(frozen=True)
class NamedTimezone(InSettings, CallbackData, prefix="set:tzn"):
    """A zone matching a typed city (IANA names fit in the 64 bytes)."""

    zone: str

    def check(self) -> bool:
        return validate_timezone(self.zone) is not None


@dataclass(frozen=True)
class AskTime(InSettings, CallbackData, prefix="set:time"):
    pass


@dataclass(frozen=True)
class SetPractice(InSettings, CallbackData, prefix="set:practice"):
    """Daily practice ``on`` or ``off``."""

    state: str

    def check(self) -> bool:
        return self.state in ("on", "off")


@dataclass(frozen=True)
class TogglePause(InSettings, CallbackData, prefix="set:pause"):
    """From panels sent before buttons named their state: flips the pause."""


@dataclass(frozen=True)
class AskStudentNumber(InSettings, CallbackData, prefix="set:sn"):
    pass


@dataclass(frozen=True)
class HideName(InSettings, CallbackData, prefix="set:hide"):
    """1 hides one's name on the cohort leaderboards, 0 shows it."""

    hide: int

    def check(self) -> bool:
        return self.hide in (0, 1)


@dataclass(frozen=True)
class Days(InSettings, CallbackData, prefix="set:days"):
    """The practice days panel."""


@dataclass(frozen=True)
class DayPreset(InSettings, CallbackData, prefix="set:days"):
    preset: str

    def check(self) -> bool:
        return self.preset in ("all", "work")


@dataclass(frozen=True)
class SetDay(InSettings, CallbackData, prefix="set:day"):
    """A weekday (0 is Monday) on (1) or off (0)."""

    day: int
    on: int

    def check(self) -> bool:
        return self.day <= 6 and self.on in (0, 1)


@dataclass(frozen=True)
class ToggleDay(InSettings, CallbackData, prefix="set:day"):
    """From panels sent before day buttons named their state: flips the day."""

    day: int

    def check(self) -> bool:
        return self.day <= 6


@dataclass(frozen=True)
class AskQuiet(InSettings, CallbackData, prefix="set:quiet"):
    pass


@dataclass(frozen=True)
class QuietOff(InSettings, CallbackData, prefix="set:quiet:off"):
    pass
