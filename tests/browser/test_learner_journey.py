"""What a learner does on their phone, in the chat page, against the real bot process:
the menu, a scenario, its briefing, preparation, the call, the score card, /progress with
its chart, /settings, a drill, and the "/" command menu."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import pytest
from playwright.sync_api import expect

from bot.catalog import Catalog
from bot.scenario.model import Scenario
from bot.telegram.render import short_title
from tests.browser.phone import Phone, pattern, shown
from tests.telegram.newcomer import SCORE

FLAGSHIP = "first-visit-cleaning"
DRILL = "drill-closed-to-open"


@cache
def catalog() -> Catalog:
    return Catalog.load()


def scenario(scenario_id: str) -> Scenario:
    return catalog().scenarios[scenario_id]


def title(scenario_id: str, lang: str) -> str:
    value = scenario(scenario_id).title
    return value[lang] if isinstance(value, dict) else value


def picker_button(scenario_id: str, lang: str) -> re.Pattern[str]:
    """A scenario's button in the picker, by the short title the picker shows (the label
    around it, score, level and minutes, may vary)."""
    shown_start = short_title(scenario(scenario_id), lang).rstrip("…").strip()
    return re.compile(re.escape(shown_start), re.IGNORECASE)


def test_a_practice_call_from_the_menu_to_the_progress_chart(phone: Phone) -> None:
    en = "en"
    phone.send("/start", pattern(en, "tg.start.welcome"))
    expect(phone.button(shown(en, "tg.menu.calls"))).to_be_visible()
    phone.shot("menu")

    phone.tap(shown(en, "tg.menu.calls"), shown(en, "tg.picker.kinds"))
    phone.shot("kinds")
    phone.tap(shown(en, "tg.kinds.first_visit"), shown(en, "tg.kinds.first_visit"))
    phone.shot("scenario-picker")

    flagship = title(FLAGSHIP, en)
    phone.tap(picker_button(FLAGSHIP, en), flagship)
    expect(phone.button(shown(en, "tg.briefing.start"))).to_be_visible()
    phone.assert_fits()
    phone.shot("briefing")

    phone.tap(shown(en, "tg.briefing.prepare"), shown(en, "tg.prep.title.internal"))
    phone.shot("preparation-1")
    phone.send("who decides\ncontract end date\nwhat they pay now",
               shown(en, "tg.prep.title.external"))
    phone.send("get to know each other and agree a next appointment",
               shown(en, "tg.prep.title.questions"))
    phone.shot("preparation-3")
    phone.send("How is the cleaning arranged now?\nHow satisfied are you with it?",
               shown(en, "tg.call.started"))
    expect(phone.page.get_by_text(pattern(en, "tg.prep.done"))).to_be_visible()
    phone.shot("call-starts")

    buyer = scenario(FLAGSHIP).buyer.name
    phone.send("Good morning Ms De Groot, I'm Daniel Hughes, account manager at SchoonWerk "
               "Netherlands. Thank you for having me.", buyer)
    phone.send("Who does the cleaning for you now, and how satisfied are you with them?",
               buyer)
    phone.shot("call")

    card = phone.send("/stop", SCORE)
    expect(phone.button(shown(en, "tg.card.retry"))).to_be_visible()
    assert "/100" in card.inner_text()
    phone.assert_fits()
    phone.shot("score-card")

    phone.send("/progress", shown(en, "tg.progress.title"))
    chart = phone.wait_for_image()
    expect(chart).to_be_in_viewport(ratio=1)
    expect(phone.page.get_by_text(shown(en, "tg.progress.chart_caption"))).to_be_visible()
    phone.assert_fits()
    phone.shot("progress-chart")


DRILL_LINES = {
    "en": ["How satisfied are you with your current carrier?",
           "What could be better about your transport?"],
    "nl": ["Hoe tevreden bent u over uw huidige vervoerder?",
           "Wat zou er beter kunnen aan het vervoer?"],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_drill_ends_by_itself_with_its_score_card(open_phone: Callable[..., Phone],
                                                    lang: str) -> None:
    phone = open_phone(lang)
    phone.send("/start", pattern(lang, "tg.start.welcome"))
    phone.tap(shown(lang, "tg.menu.drills"), shown(lang, "tg.kinds.drill"))
    phone.assert_fits()
    phone.shot("drill-list")

    phone.tap(picker_button(DRILL, lang), title(DRILL, lang))
    phone.shot("drill-briefing")
    drill = scenario(DRILL)
    phone.tap(shown(lang, "tg.briefing.start"), drill.buyer.greeting[lang])
    first, last = DRILL_LINES[lang]
    phone.send(first, drill.buyer.name)
    phone.shot("drill-call")
    phone.send(last, SCORE)  # the drill's last turn ends it: no /stop needed
    expect(phone.button(shown(lang, "tg.card.retry"))).to_be_visible()
    phone.assert_fits()
    phone.shot("drill-score-card")


def test_settings_change_language_and_practice_time(phone: Phone) -> None:
    phone.send("/settings", shown("en", "tg.settings.text", language="", timezone="", time=""))
    phone.shot("settings")

    phone.tap("Nederlands", shown("nl", "tg.settings.text", language="", timezone="",
                                  time=""))
    expect(phone.newest()).to_contain_text("Nederlands")
    phone.shot("settings-dutch")

    phone.tap(shown("nl", "tg.settings.time"), shown("nl", "tg.settings.ask_time"))
    phone.send("19:00", "19:00")
    phone.shot("practice-time")

    phone.tap("English", shown("en", "tg.settings.text", language="", timezone="", time=""))
    expect(phone.newest()).to_contain_text("English")
    phone.assert_fits()
    phone.shot("settings-english")


def test_the_command_menu_lists_the_commands_in_the_learners_language(
        open_phone: Callable[..., Phone]) -> None:
    for lang in ("en", "nl"):
        phone = open_phone(lang)
        menu_button = phone.page.locator("#menu")
        expect(menu_button).to_be_visible()
        menu_button.tap()
        menu = phone.page.locator("#commands")
        expect(menu).to_be_visible()
        for command in ("start", "hint", "stop", "progress", "settings", "help"):
            expect(menu.get_by_role("button", name=f"/{command}")).to_contain_text(
                shown(lang, f"tg.commands.{command}"))
        phone.shot("command-menu")

        phone.mark_seen()
        menu.get_by_role("button", name="/help").tap()
        expect(menu).to_be_hidden()
        phone.expect_reply(shown(lang, "tg.help"))
        phone.assert_fits()
        phone.shot("help")
