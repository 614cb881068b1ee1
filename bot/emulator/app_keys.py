"""Typed aiohttp application keys shared by the route modules."""

from __future__ import annotations

from aiohttp import web

from bot.emulator.state import EmulatorState

STATE_KEY = web.AppKey("emulator_state", EmulatorState)
