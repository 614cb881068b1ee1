"""Front ends reach the database through use cases only (the developers' guide: handlers
hold no SQL). A handler that imports ``bot.storage`` has started calling queries itself,
one that imports SQLModel or SQLAlchemy is writing them; this fails then, naming the module
and the line.

Two imports stay allowed: the ``Database`` handle (and its ``DatabaseBusy``), which runs
a use case in one transaction and is no query, and row types imported for annotations only
(under ``if TYPE_CHECKING:``), which never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRONT_ENDS = [*sorted((ROOT / "bot" / "telegram").rglob("*.py")),
              ROOT / "bot" / "terminal.py", ROOT / "bot" / "cli.py"]
HANDLE = {"Database", "DatabaseBusy"}
TYPE_ONLY = ("TYPE_CHECKING", "typing.TYPE_CHECKING")
SQL = ("bot.storage", "sqlmodel", "sqlalchemy")


def _sql(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in SQL)


def _type_only(tree: ast.Module) -> set[int]:
    """Ids of the import nodes inside ``if TYPE_CHECKING:`` blocks."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in TYPE_ONLY:
            found |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return found


def storage_imports(source: str) -> list[str]:
    """Each import of storage or SQL in ``source`` a front end may not make, as
    ``line: statement``."""
    tree = ast.parse(source)
    skip = _type_only(tree)
    bad = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            hit = any(_sql(a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            handle = node.module == "bot.storage" and {a.name for a in node.names} <= HANDLE
            hit = _sql(node.module) and not handle
            # ``from bot import storage`` reaches the same package
            hit |= node.module == "bot" and any(a.name == "storage" for a in node.names)
        else:
            continue
        if hit:
            bad.append(f"{node.lineno}: {ast.unparse(node)}")
    return bad


def test_the_check_sees_a_storage_import() -> None:
    assert storage_imports("from bot.storage import queries as q\n") != []
    assert storage_imports("import bot.storage.cohorts\n") != []
    assert storage_imports("from bot import storage\n") != []
    assert storage_imports("def f():\n    from bot.storage.models import utcnow\n") != []
    assert storage_imports("from sqlmodel import select\n") != []
    assert storage_imports("import sqlalchemy as sa\n") != []
    assert storage_imports("from bot.storage import Database, DatabaseBusy\n") == []
    assert storage_imports("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                           "    from bot.storage.models import User\n") == []
    assert storage_imports("if not TYPE_CHECKING:\n    from bot.storage import queries\n") != []


def test_no_front_end_imports_storage_queries() -> None:
    assert len(FRONT_ENDS) > 20  # the walk found the handler modules
    found = {str(path.relative_to(ROOT)): bad for path in FRONT_ENDS
             if (bad := storage_imports(path.read_text(encoding="utf-8")))}
    assert found == {}, "call a use case (bot/calls.py, bot/accounts.py, bot/trainers/...)"
