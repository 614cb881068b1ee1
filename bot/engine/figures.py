"""Which amounts in a learner's message a buyer doing the maths would call wrong.

A forecast given with its working ("March is 25,500: Brink 12,000 plus De Hoeve 13,500")
names the terms of the sum next to the answer; those terms are no wrong answer. Nor is
what follows from the asked amounts ("that leaves 27,000 for April" when the total and
March are right)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

MAX_TERMS = 4  # a sum written out in a chat message has a few terms, not a ledger


def wrong_amounts(amounts: Sequence[float],
                  targets: Sequence[tuple[float, float]]) -> list[float]:
    """The amounts that are neither a target (value, tolerance), nor the difference of two
    targets, nor a term of a sum the message gives as one of those."""
    tolerance = max((t for _, t in targets), default=0.0)
    accepted = [v for v, _ in targets] + [abs(a - b) for (a, _), (b, _) in
                                          combinations(targets, 2)]

    def fits(n: float) -> bool:
        return any(abs(n - v) <= tolerance for v in accepted)

    answers = [n for n in amounts if fits(n)]
    rest = [n for n in amounts if not fits(n)]
    terms: set[int] = set()
    for size in range(2, min(MAX_TERMS, len(rest)) + 1):
        for picked in combinations(range(len(rest)), size):
            total = sum(rest[i] for i in picked)
            if any(abs(total - a) <= tolerance for a in answers):
                terms.update(picked)
    return [n for i, n in enumerate(rest) if i not in terms]
