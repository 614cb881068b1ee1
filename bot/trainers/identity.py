"""Who a learner is in a trainer's export: full name, @username and the student number the
learner gave themselves (schools hand in grades by student number)."""

from __future__ import annotations

import re

from bot.storage.models import User

MAX_STUDENT_NUMBER = 20
CLEAR_WORDS = ("-", "clear", "wis", "geen", "none")
# Letters and digits, with - . / _ inside: what schools use, and never the start of a
# spreadsheet formula.
_STUDENT_NUMBER = re.compile(r"^[0-9A-Za-z](?:[0-9A-Za-z._/-]*[0-9A-Za-z])?$")


def clean_student_number(text: str) -> str | None:
    """The number as stored, ``""`` for "remove it", or None when it is not one."""
    value = text.strip()
    if value.lower() in CLEAR_WORDS:
        return ""
    if len(value) > MAX_STUDENT_NUMBER or not _STUDENT_NUMBER.match(value):
        return None
    return value


def full_name(user: User) -> str:
    return " ".join(p for p in ((user.first_name or "").strip(),
                                (user.last_name or "").strip()) if p) or f"#{user.id}"
