"""Checking a scenario file a trainer sends, with exactly the rules of
``python -m bot validate`` (the same ``load_text``), plus what only applies to uploads:
a size limit, a limit on scenarios per trainer, and ids that must not take over the
built-in library or another trainer's scenario.

A new scenario id gets the trainer's own ending (``installed_id``): ``my-drill`` from one
trainer is installed as ``my-drill-k3f9qa``, from another as ``my-drill-p2x7mb``. So an
upload never collides with another trainer's scenario, and its answer is the same whether
or not someone else uses that id privately: the answer used to be "not available" for a
taken id only, which told a trainer that another trainer's private scenario existed.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from pathlib import PurePath

from bot.scenario.loader import SUFFIXES, load_text
from bot.scenario.model import Scenario

MAX_UPLOAD_BYTES = 64 * 1024
MAX_SCENARIOS_PER_TRAINER = 20
MAX_ID = 64  # as the scenario format allows


@dataclass
class UploadCheck:
    scenario: Scenario | None = None
    problems: list[str] = field(default_factory=list)  # "file:line: message", as validate
    error: str | None = None  # an i18n key for a problem with the file itself
    values: dict[str, object] = field(default_factory=dict)
    replaces: bool = False
    uploaded_id: str | None = None  # the id in the file, when it was installed under another


def namespace(owner_id: int) -> str:
    """A trainer's own ending for new scenario ids: short, stable, and not their Telegram
    id (which learners of a published scenario would otherwise see)."""
    digest = hashlib.blake2b(str(owner_id).encode(), digest_size=5,
                             person=b"salesbot-ids").digest()
    return base64.b32encode(digest).decode().lower()[:6]


def installed_id(scenario_id: str, owner_id: int, owners: dict[str, int]) -> str:
    """The id an upload is installed under: the trainer's own scenario of that id (also
    one from before ids had endings) is replaced; any other id gets their ending."""
    if owners.get(scenario_id) == owner_id:
        return scenario_id
    ending = f"-{namespace(owner_id)}"
    if scenario_id.endswith(ending):
        return scenario_id
    return scenario_id[:MAX_ID - len(ending)].rstrip("-_") + ending


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
    sid = installed_id(scenario.id, owner_id, owners)
    owner = owners.get(sid)
    if owner is not None and owner != owner_id:
        # Only an id from before endings existed, or two trainers' endings alike: one
        # answer, never "another trainer".
        return UploadCheck(error="trainer.upload.taken_id", values={"id": sid})
    if owner is None and own_count >= MAX_SCENARIOS_PER_TRAINER:
        return UploadCheck(error="trainer.upload.too_many",
                           values={"limit": MAX_SCENARIOS_PER_TRAINER})
    if sid == scenario.id:
        return UploadCheck(scenario=scenario, replaces=owner is not None)
    return UploadCheck(scenario=scenario.model_copy(update={"id": sid}),
                       replaces=owner is not None, uploaded_id=scenario.id)
