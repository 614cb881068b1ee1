"""The HTML parse mode and safe rendering, checked as properties where possible."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.emulator.errors import ApiError
from bot.emulator.formatting import (
    MAX_TEXT_LENGTH,
    detect_entities,
    format_text,
    parse_html,
    render_html,
    utf16_len,
)

BMP_TEXT = st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)), max_size=40)
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
TAGS = ["b", "i", "u", "s", "code", "blockquote", 'span class="tg-spoiler"']
RENDERED_TAG = re.compile(
    r'</?(b|i|u|s|code|blockquote|pre|span|a)( (class|href|target|rel|data-[a-z]+)="[^"<>]*")*>'
)


def wrap(tag: str, inner: str) -> str:
    return f"<{tag}>{inner}</{tag.split()[0]}>"


html_sources = st.recursive(
    ANY_TEXT.map(html.escape),
    lambda inner: st.one_of(
        st.tuples(st.sampled_from(TAGS), inner).map(lambda pair: wrap(*pair)),
        st.lists(inner, min_size=1, max_size=3).map("".join),
    ),
    max_leaves=8,
)


def entity_set(entities: list[dict]) -> list[tuple]:
    return sorted((e["type"], e["offset"], e["length"]) for e in entities)


@given(ANY_TEXT)
def test_escaped_text_parses_back_to_itself(text: str) -> None:
    parsed, entities = parse_html(html.escape(text))

    assert parsed == text
    assert entities == []


@given(html_sources)
def test_render_then_parse_is_lossless(source: str) -> None:
    text, entities = parse_html(source)

    again_text, again_entities = parse_html(render_html(text, entities))

    assert again_text == text
    assert entity_set(again_entities) == entity_set(entities)


@given(
    BMP_TEXT,
    st.lists(
        st.tuples(
            st.sampled_from(["bold", "italic", "code", "pre", "text_link", "spoiler", "mention"]),
            st.integers(0, 45),
            st.integers(0, 45),
        ),
        max_size=6,
    ),
)
def test_rendering_never_lets_markup_through(text: str, spans: list[tuple]) -> None:
    entities = [
        {"type": kind, "offset": start, "length": length, "url": "javascript:alert(1)"}
        for kind, start, length in spans
    ]

    rendered = render_html(text, entities)
    visible = html.unescape(RENDERED_TAG.sub("", rendered))

    assert "<" not in RENDERED_TAG.sub("", rendered)
    assert "javascript:" not in rendered
    assert visible == text


def test_entity_offsets_count_utf16_units() -> None:
    text, entities = parse_html("👋 <b>hallo</b> <i>wereld</i>")

    assert text == "👋 hallo wereld"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 5},
        {"type": "italic", "offset": 9, "length": 6},
    ]


def test_pre_with_language_and_links() -> None:
    text, entities = parse_html(
        '<pre><code class="language-python">x = 1</code></pre> '
        '<a href="https://example.org/?a=1&amp;b=2">site</a>'
    )

    assert text == "x = 1 site"
    assert entities[0] == {"type": "pre", "offset": 0, "length": 5, "language": "python"}
    assert entities[1]["url"] == "https://example.org/?a=1&b=2"


@pytest.mark.parametrize(
    ("source", "detail"),
    [
        ("<p>x</p>", 'Unsupported start tag "p"'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag"),
        ("<span>x</span>", "tg-spoiler"),
    ],
)
def test_invalid_html_is_a_bad_request(source: str, detail: str) -> None:
    with pytest.raises(ApiError) as caught:
        parse_html(source)

    assert caught.value.code == 400
    assert caught.value.description.startswith("Bad Request: can't parse entities: ")
    assert detail in caught.value.description


def test_limits_apply_after_parsing_and_trimming() -> None:
    long_markup = "<b>" + "x" * MAX_TEXT_LENGTH + "</b>"

    text, _ = format_text(f"  {long_markup}\n", "HTML")

    assert utf16_len(text) == MAX_TEXT_LENGTH
    with pytest.raises(ApiError, match="too long"):
        format_text("😀" * (MAX_TEXT_LENGTH // 2 + 1), None)
    with pytest.raises(ApiError, match="unsupported parse_mode"):
        format_text("x", "BBCode")


def test_user_text_gets_command_and_url_entities() -> None:
    entities = detect_entities("/price@salesbot_local_bot now, see https://example.org/x.")

    assert entities == [
        {"type": "bot_command", "offset": 0, "length": len("/price@salesbot_local_bot")},
        {"type": "url", "offset": 35, "length": len("https://example.org/x")},
    ]
    assert detect_entities("a/b and 1/2") == []
