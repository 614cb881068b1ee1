"""What a learner has done so far, as the picker and the progress view show it."""

from __future__ import annotations

from bot.storage import queries as q

best_scores = q.best_scores  # best score per finished scenario: the picker marks these done
scored_sessions = q.scored_sessions  # finished, scored attempts, oldest first
skill_levels = q.skill_levels  # per skill the mean of the recent results
