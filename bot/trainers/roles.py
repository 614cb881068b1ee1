"""Who may do what. Admins come from configuration (never from the database, so a
database edit cannot make anyone admin); trainers are promoted by an admin."""

from __future__ import annotations

from collections.abc import Collection

LEARNER, TRAINER, ADMIN = "learner", "trainer", "admin"


def effective_role(user_id: int, stored: str, admins: Collection[int]) -> str:
    """The role that counts: configured admins are admins whatever the stored role says."""
    if user_id in admins:
        return ADMIN
    return TRAINER if stored in (TRAINER, ADMIN) else LEARNER


def can_train(role: str) -> bool:
    """Trainers and admins run cohorts; admins also promote trainers and publish scenarios."""
    return role in (TRAINER, ADMIN)


def is_admin(role: str) -> bool:
    return role == ADMIN
