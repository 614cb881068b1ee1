"""The handler modules import each other one way only: shared helpers live in
``keyboards.py``, ``bot.i18n`` and ``app.py``, so no handler needs a function-level import
to dodge a cycle (issue 10, item 6)."""

from __future__ import annotations

import ast
from pathlib import Path

HANDLERS = Path(__file__).resolve().parents[2] / "bot" / "telegram" / "handlers"
PREFIX = "bot.telegram.handlers."


def handler_imports() -> dict[str, set[str]]:
    """Every handler module and the handler modules it imports anywhere in its body."""
    graph: dict[str, set[str]] = {}
    for path in HANDLERS.glob("*.py"):
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module.startswith(PREFIX):
                    found.add(node.module.removeprefix(PREFIX).split(".")[0])
                elif node.module == PREFIX.rstrip("."):
                    found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name.removeprefix(PREFIX).split(".")[0] for a in node.names
                          if a.name.startswith(PREFIX)}
        graph[path.stem] = found - {path.stem}
    return graph


def test_no_import_cycle_between_handler_modules() -> None:
    graph = handler_imports()
    assert {"play", "practice", "settings"} <= set(graph)
    done: set[str] = set()

    def visit(module: str, stack: tuple[str, ...]) -> None:
        assert module not in stack, " -> ".join((*stack, module))
        if module in done:
            return
        for imported in graph.get(module, ()):
            visit(imported, (*stack, module))
        done.add(module)

    for module in graph:
        visit(module, ())


def test_no_handler_module_is_over_300_lines() -> None:
    """Issue 13: a handler module that grows past this holds more than one feature (or
    rules that belong in a use case); split it."""
    long = {str(path.relative_to(HANDLERS)): n for path in HANDLERS.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}
