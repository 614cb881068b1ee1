"""Telegram handlers, one module per area; ``bot.telegram.app`` registers them."""
