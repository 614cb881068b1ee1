"""Parse YAML while remembering on which line every value stands.

Trainers fix their files from the error messages alone, so each problem must point at
a line. PyYAML's composed nodes carry those marks; we build the plain Python data and a
``path -> line`` map from the same node tree. Duplicate keys, which PyYAML silently
overwrites, are reported as problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a scenario file, pointing at its line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class YamlError(Exception):
    """The file is not valid YAML; carries the problem with its line."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# libyaml parses about ten times faster and keeps line marks; PyYAML's own is the fallback.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_NODES = 200_000
_STR_TAG = "tag:yaml.org,2002:str"  # guards against alias bombs in uploaded files


class _Builder:
    """Walks composed nodes, building data and recording lines."""

    def __init__(self) -> None:
        self.constructor = yaml.SafeLoader("")
        self.lines: dict[Path, int] = {}
        self.duplicates: list[tuple[Path, int]] = []
        self.count = 0

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise ValueError("the file is too large or uses too many aliases")
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, str | int):  # 1.5 or null as a key: its text
                    key = str(key)
                if key in result:
                    self.duplicates.append(((*path, key), key_node.start_mark.line + 1))
                self.lines[(*path, key)] = value_node.start_mark.line + 1
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # most scalars: skip the (slow) generic constructor
        value = self.constructor.construct_object(node)
        self.constructor.constructed_objects.clear()
        return value


class MarkedDocument:
    """Plain data of a YAML document plus the line of each path in it."""

    def __init__(self, data: Any, lines: dict[Path, int], duplicates: list[tuple[Path, int]]):
        self.data = data
        self.lines = lines
        self.duplicates = duplicates

    def line_of(self, path: Path) -> int:
        """The line of the deepest part of ``path`` that exists in the document."""
        for cut in range(len(path), -1, -1):
            line = self.lines.get(path[:cut])
            if line is not None:
                return line
        return 1


def parse(text: str, filename: str, *, allow_empty: bool = False) -> MarkedDocument:
    """Parse one YAML document; raise YamlError with a line on a syntax error.

    ``allow_empty`` reads a file of only comments as an empty mapping (a config file
    whose every setting is left at its default), not as a mistake.
    """
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or "invalid YAML"
        raise YamlError(Problem(filename, line, f"YAML syntax error: {what}")) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(filename, 1, f"YAML error: {exc}")) from None
    if node is None:
        if allow_empty:
            return MarkedDocument({}, {}, [])
        raise YamlError(Problem(filename, 1, "the file is empty"))
    builder = _Builder()
    try:
        data = builder.build(node, ())
    except (ValueError, yaml.YAMLError) as exc:
        raise YamlError(Problem(filename, 1, str(exc))) from None
    return MarkedDocument(data, builder.lines, builder.duplicates)
