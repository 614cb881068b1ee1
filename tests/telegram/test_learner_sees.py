"""What a learner saw on their phone, end to end through the emulator (issue 10, item 4)."""

from __future__ import annotations

import re

from bot.storage import queries as q
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import open_briefing

WRAPPED = re.compile(r"[^\n]\n[^\n]")  # a single line break inside a paragraph


def labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_the_briefing_reads_as_prose_not_as_the_yaml_lines(env: BotEnv) -> None:
    for uid, lang, words in ((3001, "en", "cleaning-services company. Inside sales"),
                             (3002, "nl", "schoonmaakbedrijf. De binnendienst")):
        user = env.emulator.user(uid, "Sanne", language_code=lang)
        briefing = (await open_briefing(user, "first-visit-cleaning"))["text"]
        body = briefing.split("\n\n", 1)[1]  # below the title and the meta line
        assert words in body
        assert not WRAPPED.search(body), body


async def test_a_settings_button_in_an_older_panel_sets_what_its_label_says(
        env: BotEnv) -> None:
    user = env.emulator.user(3003, "Sanne", language_code="en")
    await user.send("/settings")
    older = await user.next_message()
    await user.send("/settings")
    newer = await user.next_message()
    start = "▶ Turn daily practice on"
    assert start in labels(older)
    await user.press(newer, start)
    edited = await user.next_edit()
    assert edited["message_id"] == newer["message_id"]  # the panel itself changed
    assert start not in labels(edited)
    assert not (await env.db.run(q.get_user, 3003)).practice_paused
    await user.press(older, start)  # the same label in the older panel: still "on"
    await user.next_edit()
    assert not (await env.db.run(q.get_user, 3003)).practice_paused
    # Days: "✓ Mon" switches Monday off, also when pressed again in another, older copy
    await user.press(newer, "set:days")
    await user.next_edit()
    await user.press(older, "set:days")
    await user.next_edit()
    await user.press(newer, "✓ Mon")
    assert "Mon" in labels(await user.next_edit())
    await user.press(older, "✓ Mon")
    assert "Mon" in labels(await user.next_edit())
    assert "0" not in (await env.db.run(q.get_user, 3003)).practice_days
    # none of this posted a new message
    assert [m["message_id"] for m in user.bot_messages()] == [older["message_id"],
                                                              newer["message_id"]]
