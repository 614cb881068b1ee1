"""Daily practice as stored: the learner's schedule and what a prompt message shows.

The rules themselves are pure (``bot.practice``); these are the transactions around them.
"""

from __future__ import annotations

from bot.storage import practice as store

PromptView = store.PromptView
update_schedule = store.update_schedule  # change schedule fields and replan the next prompt
prompt_view = store.prompt_view  # everything a prompt needs, read at send time
