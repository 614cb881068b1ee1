"""Inline keyboards. Callback data stays short (Telegram allows 64 bytes) and is parsed
again on the way in: a stale or forged button can never reach an unknown scenario."""

from __future__ import annotations

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup

from bot.catalog import Catalog
from bot.i18n import t
from bot.practice.schedule import COMMON_TIMEZONES
from bot.scenario.model import Scenario
from bot.telegram import buttons
from bot.telegram.callback_data import button
from bot.telegram.render import part_label, picker_label, scenario_title

PAGE_SIZE = 8


def main_menu(lang: str, active_title: str | None = None, open_assignments: int = 0,
              trainer: bool = False) -> Markup:
    """The main menu; learners with open assignments and trainers get their own entry."""
    rows = []
    if active_title:
        rows.append([Button(t(lang, "tg.menu.continue", title=active_title), callback_data="cont")])
    if open_assignments:
        rows.append([Button(t(lang, "trainer.menu.assignments", count=open_assignments),
                            callback_data="as:list")])
    rows += [
        [Button(t(lang, "tg.menu.calls"), callback_data="pick"),
         Button(t(lang, "tg.menu.drills"), callback_data="k:drill:0")],
        [Button(t(lang, "tg.menu.progress"), callback_data="progress"),
         Button(t(lang, "tg.menu.settings"), callback_data="settings")],
        [Button(t(lang, "tg.menu.help"), callback_data="help")],
    ]
    if trainer:
        rows.append([Button(t(lang, "trainer.menu.trainer"), callback_data="tr:home")])
    return Markup(rows)


def kinds(lang: str, catalog: Catalog) -> Markup:
    rows = [[Button(t(lang, f"tg.kinds.{kind}"), callback_data=f"k:{kind}:0")]
            for kind in catalog.kinds()]
    rows.append([Button(t(lang, "tg.back"), callback_data="menu")])
    return Markup(rows)


def picker(lang: str, catalog: Catalog, kind: str, page: int, best: dict[str, int],
           audience: set[int] | None = None) -> Markup:
    items = catalog.of_kind(kind, lang, audience=audience)
    pages = max(1, -(-len(items) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    rows = [[Button(picker_label(s, lang, best.get(s.id)), callback_data=f"s:{s.id}")]
            for s in items[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]]
    nav = []
    if page > 0:
        nav.append(Button("◀", callback_data=f"k:{kind}:{page - 1}"))
    if page < pages - 1:
        nav.append(Button("▶", callback_data=f"k:{kind}:{page + 1}"))
    if nav:
        rows.append(nav)
    rows.append([Button(t(lang, "tg.back"), callback_data="pick" if kind != "drill" else "menu")])
    return Markup(rows)


def briefing(lang: str, scenario_id: str, can_prepare: bool) -> Markup:
    rows = []
    if can_prepare:
        rows.append([Button(t(lang, "tg.briefing.prepare"), callback_data=f"prep:{scenario_id}")])
    rows.append([Button(t(lang, "tg.briefing.start"), callback_data=f"go:{scenario_id}")])
    rows.append([Button(t(lang, "tg.back"), callback_data="pick")])
    return Markup(rows)


def preparation(lang: str) -> Markup:
    return Markup([[Button(t(lang, "tg.prep.skip_part"), callback_data="prep_next"),
                    Button(t(lang, "tg.prep.skip_all"), callback_data="prep_skip")]])


def after_card(lang: str, scenario_id: str) -> Markup:
    return Markup([[Button(t(lang, "tg.card.retry"), callback_data=f"s:{scenario_id}"),
                    Button(t(lang, "tg.card.other"), callback_data="pick")],
                   [Button(t(lang, "tg.card.menu"), callback_data="menu")]])


def settings(lang: str, paused: bool, hide_name: bool | None = None) -> Markup:
    """The settings panel. Every button names the state it sets (``set:practice:on``), so one
    pressed in an older panel still does what its label says instead of toggling.
    ``hide_name`` None: not in a cohort, so no leaderboard button."""
    pause_key = "tg.settings.resume" if paused else "tg.settings.pause"
    pause_data = "set:practice:on" if paused else "set:practice:off"
    name_row = [] if hide_name is None else [[Button(
        t(lang, "trainer.leaderboard.show_button" if hide_name
          else "trainer.leaderboard.hide_button"),
        callback_data="set:hide:0" if hide_name else "set:hide:1")]]
    return Markup([
        [Button("Nederlands", callback_data="set:lang:nl"),
         Button("English", callback_data="set:lang:en")],
        [Button(t(lang, "tg.settings.timezone"), callback_data="set:tz"),
         Button(t(lang, "tg.settings.time"), callback_data="set:time")],
        [Button(t(lang, "practice.settings.days_button"), callback_data="set:days"),
         Button(t(lang, "practice.settings.quiet_button"), callback_data="set:quiet")],
        [Button(t(lang, pause_key), callback_data=pause_data)],
        [Button(t(lang, "trainer.student_number.button"), callback_data="set:sn")],
        *name_row,
        [Button(t(lang, "tg.back"), callback_data="menu")],
    ])


def timezones(lang: str, zones: tuple[str, ...] | list[str] | None = None) -> Markup:
    """The common zones (``set:tz:<i>``), or the zones matching a typed city
    (``set:tzn:<zone>``; IANA names fit in Telegram's 64 bytes of callback data)."""
    if zones is None:
        rows = [[Button(zone.replace("_", " "), callback_data=f"set:tz:{i}")]
                for i, zone in enumerate(COMMON_TIMEZONES)]
    else:
        rows = [[Button(zone.replace("_", " "), callback_data=f"set:tzn:{zone}")]
                for zone in zones]
    rows.append([Button(t(lang, "tg.back"), callback_data="settings")])
    return Markup(rows)


def confirm_delete(lang: str) -> Markup:
    return Markup([[Button(t(lang, "tg.privacy.delete_yes"), callback_data="del:yes"),
                    Button(t(lang, "tg.privacy.delete_no"), callback_data="del:no")]])


def title_of(catalog: Catalog, scenario_id: str, lang: str) -> str:
    scenario = catalog.scenarios.get(scenario_id)  # titles of private scenarios too
    return scenario_title(scenario, lang) if scenario else scenario_id


def practice_prompt(lang: str, scenario_id: str) -> Markup:
    """The daily drill prompt: start it now, or later (the prompt stays)."""
    return Markup([[Button(t(lang, "practice.prompt.start"), callback_data=f"pd:{scenario_id}")],
                   [Button(t(lang, "practice.prompt.later"), callback_data="pl")]])


def drill_card(lang: str, scenario_id: str) -> Markup:
    """After a practice drill: one tap to repeat it at once, or back to the menu."""
    return Markup([[Button(t(lang, "practice.drill.retry"), callback_data=f"pd:{scenario_id}"),
                    Button(t(lang, "practice.drill.menu"), callback_data="menu")]])


def assignment_parts(lang: str, assignment_id: int, parts: list[Scenario | None]) -> Markup:
    """A new assignment or its reminder: one tap to each of its parts (a call plus drills
    are several things to do), and the assignment's own page with preparation and status."""
    rows = [[button(t(lang, "trainer.buttons.open_assignment"),
                    buttons.ShowAssignment(assignment_id))]]
    rows += [[button(part_label(scenario, lang), buttons.StartPart(assignment_id, n))]
             for n, scenario in enumerate(parts) if scenario is not None]
    return Markup(rows)
