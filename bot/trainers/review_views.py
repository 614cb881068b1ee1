"""Telegram HTML for the review queue: the attempt as the trainer reviews it (the attempt
view with a numbered transcript and their comments so far), the questions while they
write, and the messages the learner gets. Every word comes from ``trainer.review.*``."""

from __future__ import annotations

from bot.i18n.html import h, tr
from bot.storage.models import ReviewComment
from bot.trainers import reviews, views
from bot.trainers.breakdown import Breakdown

PREVIEW_CHARS = 60


def review(lang: str, r: reviews.Review, title: str, buyer: str, tz: str,
           why: Breakdown | None) -> str:
    """Where the attempt stands in the queue, then the attempt view (score, checklist,
    tips, the transcript with numbered turns), then the trainer's comments so far."""
    owned = r.owned
    if r.position:
        head = tr(lang, "trainer.review.title", pos=r.position, total=r.waiting)
    elif r.reviewed_at is not None:
        head = tr(lang, "trainer.review.title_done", when=views.when(r.reviewed_at, tz),
                  count=r.waiting)
    else:
        head = tr(lang, "trainer.review.title_other", count=r.waiting)
    out = [f"<b>{head}</b>", *([f"<i>{h(r.cohort)}</i>"] if r.cohort else []), "",
           views.transcript(lang, owned.session, r.turns, owned.learner.first_name, title,
                            buyer, owned.history, tz, owned.number, why, numbered=True)]
    if r.comments:
        out += ["", tr(lang, "trainer.review.comments")]
        out += [comment_line(lang, c, tz) for c in r.comments]
    return "\n".join(out)


def comment_line(lang: str, c: ReviewComment, tz: str) -> str:
    key = "redo_line" if c.redo else ("turn_line" if c.turn is not None else "call_line")
    return tr(lang, f"trainer.review.{key}", when=views.when(c.at, tz), turn=c.turn or 0,
              text=c.text)


def pick_turn(lang: str, r: reviews.Review) -> str:
    """The turns to choose from, each with the start of what the learner said."""
    out = [tr(lang, "trainer.review.pick_turn", name=r.owned.learner.first_name,
              count=len(r.turns))]
    for n, turn in enumerate(r.turns, 1):
        text = turn.learner if len(turn.learner) <= PREVIEW_CHARS \
            else turn.learner[:PREVIEW_CHARS - 1].rstrip() + "…"
        out.append(f"<b>{n}.</b> {h(text)}")
    return "\n".join(out)


def ask(lang: str, r: reviews.Review, turn: int | None, redo: bool) -> str:
    """The question while the trainer types: what the comment is about, and who gets it."""
    name = r.owned.learner.first_name
    if redo:
        return tr(lang, "trainer.review.ask_redo", name=name)
    if turn is None:
        return tr(lang, "trainer.review.ask_call", name=name)
    said = r.turns[turn - 1].learner
    return tr(lang, "trainer.review.ask_turn", name=name, turn=turn) \
        + f"\n<blockquote>{h(said)}</blockquote>"


def redo_note(lang: str, redo: reviews.Redo | None, name: str) -> str:
    """For the trainer: what the redo gives the learner."""
    if redo is None or not redo.graded:
        return tr(lang, "trainer.review.redo_free", name=name)
    if redo.extra:
        return tr(lang, "trainer.review.redo_extra", name=name, n=redo.number, max=redo.limit)
    return tr(lang, "trainer.review.redo_graded", n=redo.number, max=redo.limit)


def told(lang: str, done: reviews.Commented, trainer: str, title: str, when: str) -> str:
    """What the learner gets: the comment, quoting the turn it is about; for a redo what
    the next attempt counts as."""
    c = done.comment
    assert c is not None
    values = {"trainer": trainer, "title": title, "n": done.number, "when": when}
    if c.redo:
        redo = done.redo
        how = ("told_extra" if redo.extra else "told_graded") if redo and redo.graded \
            else "told_free"
        return "\n".join([tr(lang, "trainer.review.told_redo", **values), h(c.text), "",
                          tr(lang, f"trainer.review.{how}")])
    if c.turn is None:
        return "\n".join([tr(lang, "trainer.review.told_call", **values), h(c.text)])
    return "\n".join([tr(lang, "trainer.review.told_turn", turn=c.turn, **values),
                      f"<blockquote>{h(done.quote)}</blockquote>", h(c.text)])
