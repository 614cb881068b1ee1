"""Pieces of the Telegram front that need no server: splitting, texts, log redaction."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from bot.i18n import catalog
from bot.logs import RedactToken
from bot.telegram.split import LIMIT, split_html

ROOT = Path(__file__).resolve().parents[1]


def test_short_text_is_one_message() -> None:
    assert split_html("<b>Hi</b>\nthere") == ["<b>Hi</b>\nthere"]


def test_long_text_splits_between_lines_and_keeps_every_line_whole() -> None:
    lines = [f"<b>{i}</b> " + "word " * 30 for i in range(200)]
    parts = split_html("\n".join(lines))
    assert len(parts) > 1 and all(len(p) <= LIMIT for p in parts)
    assert "\n".join(parts).split("\n") == [ln for ln in lines]
    assert all(p.count("<b>") == p.count("</b>") for p in parts)


def test_one_giant_line_is_cut_at_spaces_and_loses_nothing_but_tags() -> None:
    text = "<i>" + " ".join(f"w{i}" for i in range(3000)) + "</i>"
    parts = split_html(text)
    assert all(len(p) <= LIMIT for p in parts)
    assert " ".join(parts).split() == [f"w{i}" for i in range(3000)]


def _catalog_keys(node: object, prefix: str = "") -> set[str]:
    if isinstance(node, dict):
        return {k for key, value in node.items()
                for k in _catalog_keys(value, f"{prefix}{key}.")}
    return {prefix.rstrip(".")}


@pytest.fixture(scope="module")
def catalogs() -> dict[str, set[str]]:
    return {lang: _catalog_keys(catalog(lang)) for lang in ("nl", "en")}


def test_dutch_and_english_have_the_same_texts(catalogs: dict[str, set[str]]) -> None:
    assert catalogs["nl"] == catalogs["en"]


def test_every_text_the_code_asks_for_exists(catalogs: dict[str, set[str]]) -> None:
    used = set()
    for path in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("scoring/*.py")]:
        used |= set(re.findall(r"""\btr?\(\s*[\w.]+,\s*["']([a-z_]+\.[a-z_.]+)["']""",
                               path.read_text()))
    assert len(used) > 50
    assert used - catalogs["en"] == set()


def test_the_token_is_redacted_from_any_log_record(caplog: pytest.LogCaptureFixture) -> None:
    token = "123456:SECRET-abc"
    logger = logging.getLogger("httpx")
    caplog.handler.addFilter(RedactToken([token]))
    with caplog.at_level(logging.INFO, logger="httpx"):
        logger.info("HTTP Request: POST %s \"HTTP/1.1 200 OK\"",
                    f"https://api.telegram.org/bot{token}/getUpdates")
    assert "SECRET" not in caplog.text and "<token>" in caplog.text
