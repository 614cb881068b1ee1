"""Where the tests keep their data: a SQLite file per test, or, when
``SALESBOT_TEST_DATABASE_URL`` names a PostgreSQL server, a fresh database on it per test.

The server URL names any database the test user may connect to (e.g. ``…/postgres``); the
user must be allowed to create databases. ``.ci/with-postgres`` starts a throwaway server
and sets the variable. New databases, on the server and as SQLite files alike, are copied
from a template migrated once per run, so a test pays for a copy (milliseconds to tens of
milliseconds), not for the migrations.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

SERVER_VARIABLE = "SALESBOT_TEST_DATABASE_URL"
_names = itertools.count(1)
_created: list[str] = []
_admin: Engine | None = None
_template: str | None = None
_sqlite_template: Path | None = None


def server_url() -> str | None:
    return os.environ.get(SERVER_VARIABLE) or None


def on_server() -> bool:
    return server_url() is not None


def _admin_engine() -> Engine:
    global _admin
    if _admin is None:
        _admin = create_engine(server_url() or "", isolation_level="AUTOCOMMIT",
                               pool_size=1, max_overflow=0)
    return _admin


def _url_for(name: str) -> str:
    return make_url(server_url() or "").set(database=name).render_as_string(
        hide_password=False)


def _create(name: str, template: str | None = None) -> None:
    with _admin_engine().connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        clause = f' TEMPLATE "{template}"' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))


def _migrated_template() -> str:
    """A database at the newest schema, created on first use and copied for each test."""
    global _template
    if _template is None:
        from bot.storage import Database

        name = f"salesbot_test_{os.getpid()}_template"
        _create(name)
        db = Database(_url_for(name))
        try:
            db.migrate()
        finally:
            db.close()
        _template = name
    return _template


def _sqlite_copy(path: Path) -> None:
    """The migrated SQLite template, copied page by page to ``path`` (SQLite's backup API,
    which leaves nothing behind in a write-ahead log)."""
    global _sqlite_template
    if _sqlite_template is None:
        from bot.storage import Database

        template = Path(tempfile.mkdtemp(prefix="salesbot-test-")) / "template.db"
        db = Database(f"sqlite:///{template.as_posix()}")
        try:
            db.migrate()
        finally:
            db.close()
        _sqlite_template = template
    source, target = sqlite3.connect(_sqlite_template), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def new_database_url(folder: Path, name: str = "bot", *, empty: bool = False) -> str:
    """A database for one test: a SQLite file in ``folder``, or a new database on the
    server, at the newest schema (``migrate()`` then has nothing to do) unless ``empty``."""
    if not on_server():
        path = folder / f"{name}.db"
        if not empty and not path.exists():
            _sqlite_copy(path)
        return f"sqlite:///{path.as_posix()}"
    template = None if empty else _migrated_template()
    database = f"salesbot_test_{os.getpid()}_{next(_names)}"
    _create(database, template)
    _created.append(database)
    return _url_for(database)


def created_count() -> int:
    return len(_created)


def drop_created(since: int = 0) -> None:
    """Drops the databases made since ``created_count()`` was ``since`` (connections that a
    test left open are closed by the server)."""
    if not on_server():
        return
    while len(_created) > since:
        name = _created.pop()
        _drop(name)


def _drop(name: str) -> None:
    with _admin_engine().connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def drop_all() -> None:
    """At the end of the run: every database this run made, the template last."""
    global _admin, _template, _sqlite_template
    if _sqlite_template is not None:
        shutil.rmtree(_sqlite_template.parent, ignore_errors=True)
        _sqlite_template = None
    if not on_server():
        return
    drop_created()
    if _template is not None:
        _drop(_template)
        _template = None
    if _admin is not None:
        _admin.dispose()
        _admin = None
