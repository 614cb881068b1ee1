"""Load scenario files into validated models, collecting every problem with its line.

One bad file never stops the others: ``load_paths`` returns the good scenarios and the
problems of the bad ones side by side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from rapidfuzz import process

from bot.scenario.checks import check_scenario
from bot.scenario.model import Scenario
from bot.scenario.text import unwrap_all
from bot.scenario.yaml_marks import MarkedDocument, Path, Problem, YamlError, parse

BUILTIN_DIR = FsPath(__file__).resolve().parents[2] / "scenarios"
MAX_FILE_BYTES = 512 * 1024
SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadResult:
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def format_path(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _clean_loc(data: Any, loc: tuple[str | int, ...]) -> Path:
    """Drop pydantic's union-branch tags so the path names real keys of the file."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not _is_branch_tag(part):
            path.append(part)  # a missing or unknown key: keep it, stop descending
            break
    return tuple(path)


_TYPE_NAMES = {"str", "list", "dict", "int", "float", "bool", "none"}


def _is_branch_tag(part: str) -> bool:
    """Pydantic names union branches in ``loc`` (``constrained-str``, ``list[...]``)."""
    return part in _TYPE_NAMES or any(ch in part for ch in "[-'")


def _language_key_slips(grouped: dict[Path, list[ErrorDetails]], data: Any
                        ) -> dict[Path, list[str]]:
    """Find ``{nl: a, b, en: c}``: YAML reads ``b`` as a key, and pydantic says little."""
    slips: dict[Path, list[str]] = {}
    for path, errs in grouped.items():
        if path and any("[key]" in e["loc"] for e in errs):
            slips.setdefault(path[:-1], []).append(str(path[-1]))
    return slips


def _slip_message(keys: list[str], parent: Any) -> str:
    names = ", ".join(f"'{k}'" for k in keys)
    msg = f"{names} {'is' if len(keys) == 1 else 'are'} not a language code (nl or en)"
    if isinstance(parent, dict) and any(lang in parent for lang in ("nl", "en")):
        msg += "; a comma inside {...} ends a text, so put texts with commas in quotes"
    return msg


def _value_at(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _friendly(errors: list[ErrorDetails], doc: MarkedDocument, filename: str
              ) -> list[Problem]:
    grouped: dict[Path, list[ErrorDetails]] = {}
    for err in errors:
        grouped.setdefault(_clean_loc(doc.data, err["loc"]), []).append(err)
    problems = []
    slips = _language_key_slips(grouped, doc.data)
    for parent, keys in slips.items():
        message = _slip_message(keys, _value_at(doc.data, parent))
        problems.append(Problem(filename, doc.line_of(parent), f"{format_path(parent)}: {message}"))
    for path, errs in grouped.items():
        if path in slips or (path and path[:-1] in slips):
            continue
        line = doc.line_of(path)
        types = {e["type"] for e in errs}
        where = format_path(path)
        if "extra_forbidden" in types:
            known = _model_fields_at(path[:-1])
            hint = ""
            if known:
                best = process.extractOne(str(path[-1]), known, score_cutoff=60)
                if best:
                    hint = f" (did you mean '{best[0]}'?)"
            msg = f"{where}: unknown field{hint}"
        elif "missing" in types:
            msg = f"{where}: required field is missing"
        else:
            wants = []
            for e in errs:
                text = e["msg"].removeprefix("Input should be ").removeprefix("Value error, ")
                if text not in wants:
                    wants.append(text)
            got = errs[0].get("input")
            shown = "" if isinstance(got, dict | list) else f" (got {got!r:.60})"
            msg = f"{where}: expected {', or '.join(wants)}{shown}"
        problem = Problem(filename, line, msg)
        if problem not in problems:
            problems.append(problem)
    return problems


def _model_fields_at(path: Path) -> list[str]:
    """Field names allowed at a path, for 'did you mean' suggestions."""
    from pydantic import BaseModel

    model: Any = Scenario
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return []
        info = model.model_fields.get(part)
        if info is None:
            return []
        model = _first_model(info.annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def _first_model(annotation: Any) -> Any:
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def load_text(text: str, filename: str) -> tuple[Scenario | None, list[Problem]]:
    """Validate one scenario given as text; return it or the problems, never raise."""
    try:
        doc = parse(text, filename)
    except YamlError as exc:
        return None, [exc.problem]
    problems = [
        Problem(filename, line, f"{format_path(path)}: duplicate key")
        for path, line in doc.duplicates
    ]
    if not isinstance(doc.data, dict):
        return None, [Problem(filename, 1, "a scenario file must be a mapping of fields")]
    try:
        scenario = Scenario.model_validate(unwrap_all(doc.data))
    except ValidationError as exc:
        return None, problems + _friendly(exc.errors(), doc, filename)
    for path, message in check_scenario(scenario):
        problems.append(Problem(filename, doc.line_of(path), f"{format_path(path)}: {message}"))
    return (None if problems else scenario), problems


def load_file(path: FsPath) -> tuple[Scenario | None, list[Problem]]:
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [Problem(name, 1, f"file is larger than {MAX_FILE_BYTES // 1024} KiB")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, 1, f"cannot read file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(name, 1, f"file is not UTF-8 text (byte {exc.start})")]
    return load_text(text, name)


def scenario_files(paths: Iterable[FsPath]) -> tuple[list[FsPath], list[Problem]]:
    files: list[FsPath] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), 1, "no such file or folder"))
    return files, problems


def load_paths(paths: Iterable[FsPath]) -> LoadResult:
    """Load every scenario below ``paths``; later files may not reuse an id."""
    result = LoadResult()
    files, result.problems = scenario_files(paths)
    for file in files:
        scenario, problems = load_file(file)
        result.problems.extend(problems)
        if scenario is None:
            continue
        if scenario.id in result.scenarios:
            first = result.sources[scenario.id]
            result.problems.append(
                Problem(str(file), 1, f"id: '{scenario.id}' is already used by {first}")
            )
            continue
        result.scenarios[scenario.id] = scenario
        result.sources[scenario.id] = str(file)
    return result
