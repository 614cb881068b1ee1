"""Inline keyboards. Every button is one declared in ``bot.telegram.buttons`` and packed by
the codec (which keeps it within Telegram's 64 bytes); on the way in the same codec decodes
it, so a stale or forged button can never reach an unknown scenario."""

from __future__ import annotations

from telegram import InlineKeyboardButton
from telegram import InlineKeyboardMarkup as Markup

from bot.catalog import Catalog
from bot.i18n import t
from bot.practice.schedule import COMMON_TIMEZONES
from bot.scenario.model import Scenario
from bot.telegram import buttons as b
from bot.telegram.callback_data import CallbackData, button
from bot.telegram.render import part_label, picker_label, scenario_title

PAGE_SIZE = 8


def main_menu(lang: str, active_title: str | None = None, open_assignments: int = 0,
              trainer: bool = False) -> Markup:
    """The main menu; learners with open assignments and trainers get their own entry."""
    rows = []
    if active_title:
        rows.append([button(t(lang, "tg.menu.continue", title=active_title), b.Resume())])
    if open_assignments:
        rows.append([button(t(lang, "trainer.menu.assignments", count=open_assignments),
                            b.MyAssignments())])
    rows += [
        [button(t(lang, "tg.menu.calls"), b.Kinds()),
         button(t(lang, "tg.menu.drills"), b.Picker("drill", 0))],
        [button(t(lang, "tg.menu.progress"), b.Progress()),
         button(t(lang, "tg.menu.settings"), b.Settings())],
        [button(t(lang, "tg.menu.help"), b.Help())],
    ]
    if trainer:
        rows.append([button(t(lang, "trainer.menu.trainer"), b.Home())])
    return Markup(rows)


def kinds(lang: str, catalog: Catalog) -> Markup:
    rows = [[button(t(lang, f"tg.kinds.{kind}"), b.Picker(kind, 0))] for kind in catalog.kinds()]
    rows.append([back(lang)])
    return Markup(rows)


def picker(lang: str, catalog: Catalog, kind: str, page: int, best: dict[str, int],
           audience: set[int] | None = None) -> Markup:
    items = catalog.of_kind(kind, lang, audience=audience)
    pages = max(1, -(-len(items) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    rows = [[button(picker_label(s, lang, best.get(s.id)), b.Briefing(s.id))]
            for s in items[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]]
    nav = []
    if page > 0:
        nav.append(button("◀", b.Picker(kind, page - 1)))
    if page < pages - 1:
        nav.append(button("▶", b.Picker(kind, page + 1)))
    if nav:
        rows.append(nav)
    rows.append([back(lang, b.Kinds() if kind != "drill" else b.Menu())])
    return Markup(rows)


def briefing(lang: str, scenario_id: str, can_prepare: bool) -> Markup:
    rows = []
    if can_prepare:
        rows.append([button(t(lang, "tg.briefing.prepare"), b.Prepare(scenario_id))])
    rows.append([button(t(lang, "tg.briefing.start"), b.Go(scenario_id))])
    rows.append([back(lang, b.Kinds())])
    return Markup(rows)


def preparation(lang: str) -> Markup:
    return Markup([[button(t(lang, "tg.prep.skip_part"), b.PrepNext()),
                    button(t(lang, "tg.prep.skip_all"), b.PrepSkip())]])


def after_card(lang: str, scenario_id: str) -> Markup:
    return Markup([[button(t(lang, "tg.card.retry"), b.Briefing(scenario_id)),
                    button(t(lang, "tg.card.other"), b.Kinds())],
                   [button(t(lang, "tg.card.menu"), b.Menu())]])


def settings(lang: str, paused: bool, hide_name: bool | None = None) -> Markup:
    """The settings panel. Every button names the state it sets (practice on, not "toggle"),
    so one pressed in an older panel still does what its label says.
    ``hide_name`` None: not in a cohort, so no leaderboard button."""
    pause_key = "tg.settings.resume" if paused else "tg.settings.pause"
    name_row = [] if hide_name is None else [[button(
        t(lang, "trainer.leaderboard.show_button" if hide_name
          else "trainer.leaderboard.hide_button"),
        b.HideName(0 if hide_name else 1))]]
    return Markup([
        [button("Nederlands", b.SetLanguage("nl")), button("English", b.SetLanguage("en"))],
        [button(t(lang, "tg.settings.timezone"), b.AskTimezone()),
         button(t(lang, "tg.settings.time"), b.AskTime())],
        [button(t(lang, "practice.settings.days_button"), b.Days()),
         button(t(lang, "practice.settings.quiet_button"), b.AskQuiet())],
        [button(t(lang, pause_key), b.SetPractice("on" if paused else "off"))],
        [button(t(lang, "trainer.student_number.button"), b.AskStudentNumber())],
        *name_row,
        [back(lang)],
    ])


def timezones(lang: str, zones: tuple[str, ...] | list[str] | None = None) -> Markup:
    """The common zones, or the zones matching a typed city."""
    if zones is None:
        rows = [[button(zone.replace("_", " "), b.CommonTimezone(i))]
                for i, zone in enumerate(COMMON_TIMEZONES)]
    else:
        rows = [[button(zone.replace("_", " "), b.NamedTimezone(zone))] for zone in zones]
    rows.append([back(lang, b.Settings())])
    return Markup(rows)


def confirm_delete(lang: str) -> Markup:
    return Markup([[button(t(lang, "tg.privacy.delete_yes"), b.DeleteYes()),
                    button(t(lang, "tg.privacy.delete_no"), b.DeleteNo())]])


def back(lang: str, to: CallbackData | None = None) -> InlineKeyboardButton:
    """"Back", to the main menu unless told where."""
    return button(t(lang, "tg.back"), to if to is not None else b.Menu())


def title_of(catalog: Catalog, scenario_id: str, lang: str) -> str:
    scenario = catalog.scenarios.get(scenario_id)  # titles of private scenarios too
    return scenario_title(scenario, lang) if scenario else scenario_id


def practice_prompt(lang: str, scenario_id: str) -> Markup:
    """The daily drill prompt: start it now, or later (the prompt stays)."""
    return Markup([[button(t(lang, "practice.prompt.start"), b.StartDrill(scenario_id))],
                   [button(t(lang, "practice.prompt.later"), b.DrillLater())]])


def drill_card(lang: str, scenario_id: str) -> Markup:
    """After a practice drill: one tap to repeat it at once, or back to the menu."""
    return Markup([[button(t(lang, "practice.drill.retry"), b.StartDrill(scenario_id)),
                    button(t(lang, "practice.drill.menu"), b.Menu())]])


def assignment_parts(lang: str, assignment_id: int, parts: list[Scenario | None]) -> Markup:
    """A new assignment or its reminder: one tap to each of its parts (a call plus drills
    are several things to do), and the assignment's own page with preparation and status."""
    rows = [[button(t(lang, "trainer.buttons.open_assignment"),
                    b.ShowAssignment(assignment_id))]]
    rows += [[button(part_label(scenario, lang), b.StartPart(assignment_id, n))]
             for n, scenario in enumerate(parts) if scenario is not None]
    return Markup(rows)
