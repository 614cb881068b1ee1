"""Trainers: roles, cohorts and join codes, setting assignments and their statuses, whose
grade book an attempt is in and overrides, reports, leaderboards, CSV export,
uploaded scenarios and assignment reminders. Transport-free, so the rules can be tested
without Telegram; ``bot.telegram.handlers.trainer`` (one module per feature) is the
Telegram face of it."""
