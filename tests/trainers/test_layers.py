"""The trainers package is transport-free, as its docstring says: no Telegram imports."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "bot" / "trainers"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    return names


def test_no_trainer_use_case_imports_telegram() -> None:
    found = {p.name: sorted(m for m in _imports(p) if m.split(".")[0] == "telegram"
                            or m.startswith("bot.telegram"))
             for p in PACKAGE.glob("*.py")}
    assert {name: mods for name, mods in found.items() if mods} == {}
