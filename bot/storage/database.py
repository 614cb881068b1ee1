"""The database connection: SQLite tuned for a bot by default, any SQLAlchemy URL otherwise.

All work runs in a small thread pool so that a slow disk or a lock held by another process
never blocks the event loop. On SQLite the pool has one thread and every write starts
with ``BEGIN IMMEDIATE``: the write lock is taken up front (waiting up to the busy
timeout) instead of on the first write, where SQLite would fail with "database is
locked" rather than wait.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

log = logging.getLogger(__name__)
T = TypeVar("T")
BUSY_TIMEOUT_MS = 10_000
LOCK_RETRIES = 3
CHECKPOINT_EVERY_S = 0.25
# SQLite's own checkpoint on commit, kept as a safety net behind the Checkpointer (40 MB)
AUTOCHECKPOINT_PAGES = 100_000


class DatabaseBusy(Exception):
    """The database stayed locked by someone else for longer than the busy timeout."""


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL, synchronous=NORMAL and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False,
                                              "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Checkpointer:
    """Copies SQLite's write-ahead log into the database file from a thread of its own.

    By default SQLite does this inside whichever commit finds the log past 1000 pages, so a
    call turn that happened to commit then waited for those pages to be written and synced
    to disk: 200 ms while daily practice was being planned (``benchmarks/growth.py``). A
    PASSIVE checkpoint blocks neither readers nor writers, and the sqlite3 module lets go
    of the GIL while it runs.
    """

    def __init__(self, path: str, every_s: float = CHECKPOINT_EVERY_S) -> None:
        self._path, self._every = path, every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="db-checkpoint", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        conn = sqlite3.connect(self._path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            while not self._stop.wait(self._every):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error as exc:  # a locked or vanished file: try again later
                    log.debug("background checkpoint skipped: %s", exc)
        finally:
            conn.close()


def _nothing(_session: Session) -> None:
    """The work of a transaction that only carries deferred writes."""


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


class Database:
    """One database, used from async code through ``run``."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        workers = 1 if is_sqlite(self.engine) else 4
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="db")
        self._deferred: list[Callable[[Session], Any]] = []
        self._deferred_lock = threading.Lock()
        self._checkpointer: Checkpointer | None = None
        database = make_url(url).database
        if is_sqlite(self.engine) and database and database != ":memory:":
            self._checkpointer = Checkpointer(database)
        self._checkpointing = False

    def defer(self, fn: Callable[[Session], Any]) -> None:
        """Have ``fn(session)`` run inside the next transaction, whoever's it is.

        For small writes that must not wait their turn behind a queue of other work (the
        "answer sent" marks, see ``bot/telegram/outbox.py``): they ride along with the
        next transaction to start, at no cost of a transaction of their own. If that
        transaction fails they wait for the one after it. ``flush`` makes sure one runs.
        """
        with self._deferred_lock:
            self._deferred.append(fn)

    def has_deferred(self) -> bool:
        with self._deferred_lock:
            return bool(self._deferred)

    def _take_deferred(self) -> list[Callable[[Session], Any]]:
        with self._deferred_lock:
            taken, self._deferred = self._deferred, []
        return taken

    def _give_back(self, taken: list[Callable[[Session], Any]]) -> None:
        with self._deferred_lock:
            self._deferred[:0] = taken

    def migrate(self) -> None:
        """Create the schema on first start, or upgrade an existing database to this release."""
        from bot.storage.migrations import upgrade

        upgrade(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose ``commit`` makes everything done inside it durable at once."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(session, ...)`` in one transaction, committed when it returns."""
        for attempt in range(LOCK_RETRIES):
            deferred = self._take_deferred()
            try:
                with self.session() as session:
                    deferred = self._write_deferred(session, deferred)
                    result = fn(session, *args, **kwargs)
                    session.commit()
                    return result
            except OperationalError as exc:
                self._give_back(deferred)
                if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                    raise
                log.warning("database busy (attempt %d of %d)", attempt + 1, LOCK_RETRIES)
            except BaseException:
                self._give_back(deferred)
                raise
        raise DatabaseBusy("the database stayed locked")

    @staticmethod
    def _write_deferred(session: Session, deferred: list[Callable[[Session], Any]]
                        ) -> list[Callable[[Session], Any]]:
        """Run the deferred writes; one that fails for any reason but a busy database is
        dropped (logged), so it can never take other people's transactions down with it."""
        try:
            for write in deferred:
                write(session)
        except OperationalError:
            raise
        except Exception:
            log.warning("a deferred write failed and was dropped", exc_info=True)
            session.rollback()
            return []
        return deferred

    async def flush(self) -> None:
        """Run a transaction if deferred writes are waiting (one that starts earlier takes
        them along; then this finds nothing left and does nothing)."""
        while self.has_deferred():
            await self.run(_nothing)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``call`` off the event loop. The first call starts the background checkpoints:
        the bot works through here, scripts and tests that only ``call`` need none."""
        if self._checkpointer is not None and not self._checkpointing:
            self._checkpointing = True
            self._checkpointer.start()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, partial(self.call, fn, *args, **kwargs))

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        if self._checkpointing and self._checkpointer is not None:
            self._checkpointer.stop()
        self.engine.dispose()
