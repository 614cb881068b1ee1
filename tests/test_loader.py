"""Trainers fix scenario files from the error messages alone: each names file:line."""

from __future__ import annotations

import subprocess
import sys
from itertools import pairwise
from pathlib import Path

from bot.scenario.loader import load_paths, load_text
from tests.conftest import FLAGSHIP, ROOT

GOOD = FLAGSHIP.read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_builtin_library_is_valid_and_has_every_kind():
    result = load_paths([ROOT / "scenarios"])
    assert result.problems == []
    kinds = {s.kind for s in result.scenarios.values()}
    assert {"first_visit", "spin", "objection", "closing", "drill"} <= kinds
    assert sum(s.kind == "drill" for s in result.scenarios.values()) >= 8
    for scenario in result.scenarios.values():
        assert set(scenario.languages) == {"nl", "en"}, scenario.id


def test_yaml_syntax_error_names_the_line():
    scenario, problems = load_text("id: x\ntitle: [unclosed\nkind: drill\n", "bad.yaml")
    assert scenario is None
    assert str(problems[0]).startswith("bad.yaml:")
    assert "syntax" in problems[0].message


def test_unknown_field_is_reported_with_suggestion_and_line():
    text = GOOD.replace("  patience: 16", "  patiense: 16")
    _, problems = load_text(text, "s.yaml")
    messages = [str(p) for p in problems]
    line = _line_of(text, "patiense")
    assert any(m.startswith(f"s.yaml:{line}:") and "did you mean 'patience'" in m
               for m in messages), messages


def test_comma_inside_flow_mapping_is_explained():
    text = GOOD.replace(
        'label: {nl: "Einde contract, opzegtermijn, boete", en: "Contract end, notice, penalty"}',
        "label: {nl: Einde contract, opzegtermijn, en: Contract end}",
    )
    _, problems = load_text(text, "s.yaml")
    assert len(problems) == 1
    assert "put texts with commas in quotes" in problems[0].message
    assert problems[0].line == _line_of(text, "label: {nl: Einde contract, opzegtermijn")


def test_missing_language_and_bad_reference_are_found():
    text = GOOD.replace("    objective: dmu\n", "    objective: dmuu\n").replace(
        "      en: SchoonWerk Netherlands}", "}"
    ).replace("company: {nl: SchoonWerk Nederland, }", "company: {nl: SchoonWerk Nederland}")
    _, problems = load_text(text, "s.yaml")
    messages = " | ".join(str(p) for p in problems)
    assert "no objective has the id 'dmuu'" in messages
    assert any(p.line == _line_of(text, "objective: dmuu") for p in problems)


def test_wrong_type_names_field_and_expectation():
    text = GOOD.replace("  patience: 16", "  patience: lots")
    _, problems = load_text(text, "s.yaml")
    assert [p.line for p in problems] == [_line_of(text, "patience: lots")]
    assert "buyer.patience" in problems[0].message and "integer" in problems[0].message


def test_duplicate_keys_are_reported():
    text = GOOD.replace("minutes: 15\n", "minutes: 15\nminutes: 20\n", 1)
    scenario, problems = load_text(text, "s.yaml")
    assert scenario is None
    assert any("duplicate key" in p.message for p in problems)


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path):
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("id: [", encoding="utf-8")
    (tmp_path / "binary.yaml").write_bytes(b"\xff\xfe\x00bad")
    result = load_paths([tmp_path])
    assert list(result.scenarios) == ["first-visit-cleaning"]
    assert {Path(p.file).name for p in result.problems} == {"bad.yaml", "binary.yaml"}


def test_same_id_twice_is_a_problem(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    result = load_paths([tmp_path])
    assert len(result.scenarios) == 1
    assert "already used" in result.problems[0].message


def test_validate_command_exit_codes_and_stderr(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("kind: first_visit", "kind: webinar"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "bot", "validate", str(bad)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    first = run.stderr.splitlines()[0]
    assert first.startswith(f"{bad}:{_line_of(bad.read_text(), 'kind: webinar')}: kind")
    ok = subprocess.run([sys.executable, "-m", "bot", "validate"], capture_output=True,
                        text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def test_yaml_block_texts_reach_the_learner_as_prose():
    """A line break the author typed to keep the file narrow is a space on the phone; a
    blank line (a new paragraph) and a list item keep their own line."""
    briefing = (
        "briefing:\n  nl: |\n    Eerste regel van de alinea\n    loopt hier door.\n\n"
        "    Tweede alinea:\n    - punt een\n    - punt twee\n  en: >\n    Folded\n"
        "    text.\n"
    )
    source = GOOD.replace(GOOD[GOOD.index("briefing:"):GOOD.index("\nseller:") + 1], briefing)
    scenario, problems = load_text(source, "trainer.yaml")
    assert problems == [] and scenario is not None
    assert scenario.briefing == {
        "nl": "Eerste regel van de alinea loopt hier door.\n\nTweede alinea:\n- punt een\n"
              "- punt twee",
        "en": "Folded text.",
    }
    library = load_paths([ROOT / "scenarios"])
    for scenario in library.scenarios.values():
        for text in _texts(scenario.model_dump()):
            for paragraph in text.split("\n\n"):
                lines = paragraph.splitlines()
                for line, after in pairwise(lines):
                    # A single break only before a list item or around a laid-out row.
                    assert after.startswith("- ") or "   " in line + after, (scenario.id, text)


def test_a_table_in_a_briefing_keeps_one_row_a_line_and_prose_is_unwrapped():
    """An indented block (a table of figures) is laid out by the author: each row keeps
    its line on the phone and in the terminal, and so does the line after it."""
    briefing = (
        "briefing:\n  en: |\n    These are your open quotations, wrapped at\n"
        "    the author's editor width:\n\n"
        "      Brink accountants     €24,000   chance 50%\n"
        "      Kuipers transport     €30,000   chance 60%   LOST\n"
        "    Give her your total forecast.\n  nl: Tekst.\n"
    )
    source = GOOD.replace(GOOD[GOOD.index("briefing:"):GOOD.index("\nseller:") + 1], briefing)
    scenario, problems = load_text(source, "trainer.yaml")
    assert problems == [] and scenario is not None
    assert scenario.briefing["en"].splitlines() == [
        "These are your open quotations, wrapped at the author's editor width:",
        "",
        "Brink accountants     €24,000   chance 50%",
        "Kuipers transport     €30,000   chance 60%   LOST",
        "Give her your total forecast.",
    ]


def test_pad_keywords_are_per_language_and_a_plain_one_stays_in_its_language():
    both = GOOD.replace('pad: {nl: lev, en: supplier}', 'pad: {nl: lev}')
    scenario, problems = load_text(both, "half.yaml")
    assert scenario is None and any("pad" in p.message and "en" in p.message for p in problems)
    plain = GOOD.replace('pad: {nl: lev, en: supplier}', 'pad: lev')
    scenario, problems = load_text(plain, "plain.yaml")
    assert problems == [] and scenario is not None
    supplier = next(o for o in scenario.objectives.internal if o.id == "current_supplier")
    assert supplier.pad_in("nl", scenario.languages) == "lev"
    assert supplier.pad_in("en", scenario.languages) is None  # not Dutch jargon in English


def test_a_scenario_may_word_every_stock_line_and_only_those():
    """Lines added to the lexicons later ("contact_yes", "already_agreed") are a trainer's
    to rewrite too; a misspelt key still names the line it cannot find."""
    extra = ("    contact_yes: {nl: Hier is mijn kaartje., en: Here is my card.}\n"
             "    alredy_agreed: {nl: Prima., en: Fine.}\n")
    text = GOOD.replace("  lines:\n", "  lines:\n" + extra, 1)
    _, problems = load_text(text, "s.yaml")
    messages = " | ".join(str(p) for p in problems)
    assert "unknown line 'alredy_agreed'" in messages
    assert "contact_yes" not in messages.split("known lines")[0]
    assert len(problems) == 1
    assert problems[0].line == _line_of(text, "alredy_agreed:")
