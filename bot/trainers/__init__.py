"""Trainers: roles, cohorts and join codes, assignment statuses, reports, CSV export,
uploaded scenarios and assignment reminders. Transport-free, so the rules can be tested
without Telegram; ``bot.telegram.handlers.trainer`` is the Telegram face of it."""
