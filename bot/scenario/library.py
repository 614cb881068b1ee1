"""The scenario library a running bot or CLI works with: built-in plus configured folders."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bot.scenario.loader import BUILTIN_DIR, LoadResult, load_paths


def library_paths(extra_dirs: Iterable[Path] = ()) -> list[Path]:
    return [BUILTIN_DIR, *extra_dirs]


def load_library(extra_dirs: Iterable[Path] = ()) -> LoadResult:
    """Load the built-in scenarios and any configured folders, skipping bad files."""
    return load_paths(library_paths(extra_dirs))
