"""Checking a scenario file a trainer sends, with exactly the rules of
``python -m bot validate`` (the same ``load_text``), plus what only applies to uploads:
a size limit, a limit on scenarios per trainer, and ids that must not take over the
built-in library or another trainer's scenario."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from bot.scenario.loader import SUFFIXES, load_text
from bot.scenario.model import Scenario

MAX_UPLOAD_BYTES = 64 * 1024
MAX_SCENARIOS_PER_TRAINER = 20


@dataclass
class UploadCheck:
    scenario: Scenario | None = None
    problems: list[str] = field(default_factory=list)  # "file:line: message", as validate
    error: str | None = None  # an i18n key for a problem with the file itself
    values: dict[str, object] = field(default_factory=dict)
    replaces: bool = False


def precheck(file_name: str, size: int | None) -> UploadCheck | None:
    """Refuse before downloading: wrong kind of file or too big. None: go ahead."""
    if PurePath(file_name).suffix.lower() not in SUFFIXES:
        return UploadCheck(error="trainer.upload.not_yaml", values={"name": file_name})
    if size is not None and size > MAX_UPLOAD_BYTES:
        return UploadCheck(error="trainer.upload.too_big",
                           values={"name": file_name, "limit": MAX_UPLOAD_BYTES // 1024})
    return None


def check_upload(file_name: str, raw: bytes, owner_id: int, builtin_ids: set[str],
                 owners: dict[str, int], own_count: int) -> UploadCheck:
    """Validate the file; ``owners`` maps existing trainer scenario ids to their owners."""
    early = precheck(file_name, len(raw))
    if early is not None:
        return early
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return UploadCheck(problems=[f"{file_name}:1: file is not UTF-8 text (byte {exc.start})"])
    scenario, problems = load_text(text, file_name)
    if scenario is None:
        return UploadCheck(problems=[str(p) for p in problems])
    if scenario.id in builtin_ids:
        return UploadCheck(error="trainer.upload.builtin_id", values={"id": scenario.id})
    owner = owners.get(scenario.id)
    if owner is not None and owner != owner_id:
        # One answer, private or published, and never "another trainer": an upload must
        # not tell a trainer which private ids exist or whose they are.
        return UploadCheck(error="trainer.upload.taken_id", values={"id": scenario.id})
    if owner is None and own_count >= MAX_SCENARIOS_PER_TRAINER:
        return UploadCheck(error="trainer.upload.too_many",
                           values={"limit": MAX_SCENARIOS_PER_TRAINER})
    return UploadCheck(scenario=scenario, replaces=owner is not None)
