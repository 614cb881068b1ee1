"""What a learner saw on their phone, end to end through the emulator (issue 10, item 4)."""

from __future__ import annotations

import re

from bot.storage import queries as q
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons, open_briefing, start_call, until_buttons

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


async def test_preparation_feedback_names_what_is_missing_and_is_quiet_when_complete(
        env: BotEnv) -> None:
    user = env.emulator.user(3004, "Sanne", language_code="en")
    briefing = await open_briefing(user, "first-visit-cleaning")
    await user.press(briefing, "prep:first-visit-cleaning")
    await user.next_message()
    await user.send("decision maker\ncurrent supplier\ncontract end\nsquare metres\n"
                    "what they pay\ncontact details")
    feedback = (await user.next_message())["text"]
    assert "Newsletter permission" in feedback and "Appointment for a quotation" in feedback
    assert "point(s)" not in feedback and "DMU and roles" in feedback.split("Not yet")[0]
    await user.next_message()  # part 2/3
    await user.send("introduce\nneeds\nfirst solution\nnext step")
    feedback = (await user.next_message())["text"]
    assert feedback.count("✓") == 4
    assert "Not yet" not in feedback and "Nothing" not in feedback
    dutch = env.emulator.user(3005, "Daan", language_code="nl")
    briefing = await open_briefing(dutch, "first-visit-cleaning")
    await dutch.press(briefing, "prep:first-visit-cleaning")
    ask = await dutch.next_message()
    await dutch.press(ask, "prep_next")
    skipped = (await dutch.next_message())["text"]
    assert "Toestemming nieuwsbrief" in skipped and "punt(en)" not in skipped


async def test_counts_agree_with_their_nouns_in_both_languages(env: BotEnv) -> None:

    for uid, lang, one in ((3006, "en", "1 scored call ·"),
                           (3007, "nl", "1 gescoord gesprek ·")):
        user = env.emulator.user(uid, "Sanne", language_code=lang)
        await start_call(user)
        await user.send("/stop")
        await until_buttons(user, "pick")
        await user.send("/progress")
        text = (await user.next_message())["text"]
        assert one in text, text
    # a drill's last turns: "1 turn left" / "nog 1 beurt"
    for uid, lang, line, last in (
            (3016, "en", "I understand. Could you tell me more?", "· 1 turn left"),
            (3017, "nl", "Dat begrijp ik. Kunt u daar meer over vertellen?", "· nog 1 beurt")):
        user = env.emulator.user(uid, "Sanne", language_code=lang)
        await start_call(user, "drill-objection-no-time")
        seen = []
        for _ in range(2):
            await user.send(line)
            seen.append((await user.next_message())["text"].splitlines()[-1])
        assert seen[-1].endswith(last), seen
    from bot.i18n import t

    assert t("nl", "practice.prompt.streak", count=1, best=3) == "🔥 Reeks: 1 dag (record: 3)"
    assert t("en", "tg.prep.ask.external", count=1).endswith("has 1 point.")


CALL = {
    "en": ["Good morning, I'm Tom from SchoonWerk, a national cleaning company.",
           "Who does your cleaning at the moment, and when does that contract end?",
           "How satisfied are you with them?", "Who decides about the cleaning?"],
    "nl": ["Goedemorgen, ik ben Tom van SchoonWerk, een landelijk schoonmaakbedrijf.",
           "Wie doet nu uw schoonmaak, en wanneer loopt dat contract af?",
           "Hoe tevreden bent u daarover?", "Wie beslist er over de schoonmaak?"],
}
DUTCH_PAD = ("lev:", "afl. contr.", "€ conc", "nw. contract", "overige", "vrvlg")


async def _card_after_call(user, lang: str) -> tuple[str, list[str]]:

    await start_call(user)
    replies = []
    for line in CALL[lang]:
        await user.send(line)
        replies.append((await user.next_message())["text"].split("\n\n")[0])
    await user.send("/stop")
    return (await until_buttons(user, "pick"))[-1]["text"], replies


async def test_the_visit_report_is_short_notes_in_the_learners_language(env: BotEnv) -> None:
    english = env.emulator.user(3008, "Sanne", language_code="en")
    card, replies = await _card_after_call(english, "en")
    report = card.split("Visit report", 1)[1]
    assert not any(word in card for word in DUTCH_PAD), report
    assert "supplier:" in report and "contract end:" in report
    notes = [line.split(": ", 1)[1] for line in report.splitlines() if line.startswith("– ")]
    assert len(notes) >= 3
    sentences = [s for n in notes for s in n.split(" · ")]
    # one answer told both the supplier and the contract end: each item notes its own part
    assert len(sentences) == len(set(sentences)), report
    for note in sentences:
        assert len(note) <= 100
        assert not any(note == reply.split(": ", 1)[1].rstrip(".") for reply in replies
                       if len(reply) > 130), note  # a note, not the buyer's whole reply
    dutch = env.emulator.user(3009, "Daan", language_code="nl")
    card, _ = await _card_after_call(dutch, "nl")
    report = card.split("Bezoekrapport", 1)[1]
    assert "lev:" in report and "afl. contr." in report  # Dutch learners keep their pad words


def _monospace_runs(message: dict) -> list[tuple[int, str]]:
    """(line number, text) of every code entity (offsets are UTF-16, as on Telegram)."""
    text = message["text"]
    units = text.encode("utf-16-le")
    runs = []
    for entity in message.get("entities", []):
        if entity["type"] == "code":
            start, end = entity["offset"] * 2, (entity["offset"] + entity["length"]) * 2
            before = units[:start].decode("utf-16-le")
            runs.append((before.count("\n"), units[start:end].decode("utf-16-le")))
    return runs


async def test_text_bars_line_up_whatever_the_number_of_digits(env: BotEnv) -> None:
    user = env.emulator.user(3010, "Sanne", language_code="en")
    card, _ = await _card_after_call(user, "en")
    card_message = [m for m in user.bot_messages() if m.get("text") == card][-1]
    await user.send("/progress")
    progress = await user.next_message()
    for message in (card_message, progress):
        lines = message["text"].splitlines()
        bar_lines = {i for i, line in enumerate(lines) if "░" in line or "█" in line}
        bars = [run for i, run in _monospace_runs(message)
                if i in bar_lines and re.search(r"\d", run) and "/100" not in lines[i]]
        assert len(bars) >= 4, message["text"]
        # the bar and its number share one monospace run of equal width: " 12", " 65", "100"
        assert len({len(run) for run in bars}) == 1, bars
        for i in bar_lines - {0, 1}:
            label = lines[i][len(bars[0]):].strip()
            assert label and not label[0].isdigit(), lines[i]


def test_the_progress_chart_fits_and_reads_on_a_320_px_phone() -> None:
    import datetime as dt

    from matplotlib.text import Text

    from bot import charts
    from bot.telegram.handlers.progress import chart_texts

    start = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
    points = [(start + dt.timedelta(days=2 * i), s) for i, s in enumerate((40, 55, 100, 7))]
    levels = {"preparation": 12, "internal": 65, "external": 5, "questions": 100,
              "objections": None, "closing": 60}
    for lang in ("nl", "en"):
        fig = charts._progress_figure(points, levels, empty_text="", **chart_texts(lang))
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        width_px = fig.bbox.width
        shown = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
        assert chart_texts(lang)["title"] in [t.get_text() for t in shown]
        for text in shown:
            box = text.get_window_extent(renderer)
            assert box.x0 >= 0 and box.x1 <= width_px and box.y1 <= fig.bbox.height, \
                (lang, text.get_text())  # nothing cut off at the image's edges
            px_at_320 = text.get_fontsize() * fig.dpi / 72 * 320 / width_px
            assert px_at_320 >= 9, (lang, text.get_text(), px_at_320)


async def test_drill_buttons_fit_one_line_on_a_phone(env: BotEnv) -> None:

    for uid, lang in ((3011, "en"), (3012, "nl")):
        user = env.emulator.user(uid, "Sanne", language_code=lang)
        await start_call(user, "drill-objection-bad-experience")
        await user.send("/stop")
        await until_buttons(user, "menu")
        await user.send("/start")
        menu = await user.next_message()
        await user.press(menu, "k:drill:0")
        drills = []
        page = await user.next_message()
        while True:
            drills += [label for label, data in zip(labels(page), buttons(page), strict=True)
                       if data.startswith("s:")]
            if "k:drill:1" not in buttons(page) or len(drills) > 8:
                break
            await user.press(page, "k:drill:1")
            page = await user.next_message()
        assert len(drills) >= 12
        assert max(len(label) for label in drills) <= 30, drills
        assert any(label.startswith("✓") for label in drills)


async def test_an_assignment_offers_each_part_and_the_join_link_is_tappable(tmp_path) -> None:
    from tests.telegram.test_trainer_flows import join, make_cohort, make_trainer
    from tests.trainers.bot_env import trainer_env

    async with trainer_env(tmp_path) as env:
        trainer = await make_trainer(env)
        cohort_id, code = await make_cohort(trainer)
        panel = trainer.bot_messages()[-1]
        links = [e.get("url") for e in panel["entities"] if e["type"] == "text_link"]
        assert len(links) == 1 and links[0].endswith(f"?start=join_{code}")  # one tap joins
        assert not any(e["type"] == "code" for e in panel["entities"])
        await trainer.press(panel, f"tr:rot:{cohort_id}")
        rotated = await trainer.next_message()
        assert [e["type"] for e in rotated["entities"]] == ["text_link"]

        learner = env.emulator.user(3013, "Lotte", language_code="nl")
        code = rotated["entities"][0]["url"].rsplit("join_", 1)[1]
        await join(learner, code)
        await trainer.send(f"/assign {cohort_id} first-visit-cleaning,drill-objection-price,"
                           "drill-objection-no-time +7")
        await trainer.next_message()
        notice = await learner.next_message()
        parts = [b for b in buttons(notice) if b.startswith("as:go:")]
        assert [p.rsplit(":", 1)[1] for p in parts] == ["0", "1", "2"]
        assert "▶️ “Te duur”" in labels(notice) and all(len(x) <= 45 for x in labels(notice))
        await learner.press(notice, parts[2])  # straight to the second drill
        briefing = await learner.next_message()
        assert "geen tijd" in briefing["text"].lower()


async def test_the_visit_report_names_the_buyer_instead_of_guessing_her_or_him(
        env: BotEnv) -> None:

    for uid, lang, wanted in ((3014, "en", "What Henk Brouwer needs:"),
                              (3015, "nl", "Behoeften van Henk Brouwer:")):
        user = env.emulator.user(uid, "Sanne", language_code=lang)
        await start_call(user, "drill-objection-no-time")
        await user.send("I understand you are busy. What exactly is the problem at weekends?"
                        if lang == "en" else
                        "Ik begrijp dat u het druk heeft. Wat is precies het probleem in het "
                        "weekend?")
        await user.next_message()
        await user.send("/stop")
        card = (await until_buttons(user, "menu"))[-1]["text"]
        assert wanted in card and "Her needs" not in card and "Haar behoeften" not in card


async def test_a_drill_card_shows_no_empty_visit_report(env: BotEnv) -> None:
    """A question-form drill asks for no facts: 'Visit report – nothing yet' under a
    100/100 card read as if something had gone wrong."""
    user = env.emulator.user(3040, "Sanne", language_code="nl")
    briefing = await open_briefing(user, "drill-closed-to-open")
    await user.press(briefing, "go:drill-closed-to-open")
    await user.next_message()
    texts = []
    for line in ("Hoe tevreden bent u over uw huidige vervoerder?",
                 "Wat zou er beter kunnen aan het vervoer?"):
        await user.send(line)
        texts.append((await user.next_message())["text"])
    while not any("/100" in text for text in texts):
        texts.append((await user.next_message())["text"])
    card = next(text for text in texts if "/100" in text)
    assert "Scorekaart" in card and "Bezoekrapport" not in card


async def test_a_drill_with_a_need_reports_the_need_without_found_out_nothing(
        env: BotEnv) -> None:
    """The price drill has no facts to find out: after he told how often the line stops,
    'What you found out: nothing yet' contradicted the call. The report keeps his need."""
    user = env.emulator.user(3042, "Sanne", language_code="en")
    briefing = await open_briefing(user, "drill-objection-price")
    await user.press(briefing, "go:drill-objection-price")
    await user.next_message()
    await user.send("I understand, 14 percent is a real difference. What does it cost you "
                    "when the film tears and the line stops?")
    await user.next_message()
    await user.send("/stop")
    card = (await until_buttons(user, "menu"))[-1]["text"]
    assert "Visit report" in card and "needs" in card
    assert "What you found out" not in card and "nothing yet" not in card


async def test_a_question_she_would_not_answer_yet_shows_as_asked_not_as_known(
        env: BotEnv) -> None:
    """Asking what they pay counts on the card, but she kept it to herself: the card must
    not tick it as known while the visit report lists it as still unknown."""
    user = env.emulator.user(3041, "Sanne", language_code="nl")
    await start_call(user, "first-visit-cleaning")
    await user.send("Goedemorgen, ik ben Sem van SchoonWerk Nederland.")
    await user.next_message()
    await user.send("Wat betalen jullie nu voor de schoonmaak?")
    refusal = (await user.next_message())["text"]
    assert "euro" not in refusal  # she keeps the amount to herself at this trust
    await user.send("/stop")
    card = (await until_buttons(user, "menu"))[-1]["text"]
    assert "❔ Wat ze nu betalen (gevraagd; nog niet verteld)" in card
    assert "✅ Wat ze nu betalen" not in card
    assert "Nog onbekend" in card and "€ conc" in card.split("Nog onbekend")[1]


async def test_an_appointment_made_and_a_card_handed_over_show_as_done(env: BotEnv) -> None:
    """A new appointment is no fact she tells: proposing it ticks it. Her short answer
    "here's my card, everything is on it" gives the contact details."""
    user = env.emulator.user(3042, "Sanne", language_code="nl")
    await start_call(user, "first-visit-cleaning")
    for line in ("Goedemorgen, ik ben Sem van SchoonWerk Nederland.",
                 "Mag ik uw e-mailadres voor de bevestiging?",
                 "Zullen we donderdag 14 maart om 10 uur afspreken om een offerte te bespreken?"):
        await user.send(line)
        await user.next_message()
    await user.send("/stop")
    card = (await until_buttons(user, "menu"))[-1]["text"]
    assert "✅ NAW-gegevens van de DMU voor het CRM" in card
    assert "✅ Nieuwe afspraak voor een offerte" in card
    assert "(gevraagd; nog niet verteld)" not in card
