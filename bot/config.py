"""Settings from ``config.yaml`` and the environment (the environment wins).

Kept to plain data so that every front end (CLI, Telegram, tests) reads it the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT_CONFIG = "config.yaml"


@dataclass(frozen=True)
class Settings:
    bot_token: str | None = None
    api_base_url: str = "https://api.telegram.org/bot"
    database_url: str | None = None
    data_dir: Path = Path(".")
    scenario_dirs: tuple[Path, ...] = ()
    default_language: str = "nl"
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    messages_per_second: float = 30.0
    emulator_host: str = "127.0.0.1"
    emulator_port: int = 8081
    admins: tuple[int, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'salesbot.db').as_posix()}"


class ConfigError(Exception):
    """The config file cannot be used; the message says why and where."""


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{line}: invalid YAML in config file") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config file must be a mapping of settings")
    return data


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read the config file named by SALESBOT_CONFIG (default ./config.yaml), then env."""
    env = dict(os.environ if environ is None else environ)
    explicit = env.get("SALESBOT_CONFIG")
    path = Path(explicit or DEFAULT_CONFIG)
    data: dict[str, Any] = {}
    if path.is_file():
        data = _read_yaml(path)
    elif explicit:
        raise ConfigError(f"{path}: config file not found (from SALESBOT_CONFIG)")
    base = path.parent if path.is_file() else Path(".")
    telegram = data.get("telegram") or {}
    storage = data.get("storage") or {}
    webhook = telegram.get("webhook") or {}
    emulator = data.get("emulator") or {}
    data_dir = Path(storage.get("data_dir") or ".")
    if not data_dir.is_absolute():
        data_dir = base / data_dir
    dirs = tuple(
        (p if p.is_absolute() else base / p)
        for p in (Path(d) for d in (data.get("scenario_dirs") or []))
    )
    admins_env = env.get("SALESBOT_ADMINS")
    admins = (
        tuple(int(a) for a in admins_env.replace(",", " ").split())
        if admins_env
        else tuple(int(a) for a in (data.get("admins") or []))
    )
    return Settings(
        bot_token=env.get("BOT_TOKEN") or telegram.get("token") or None,
        api_base_url=env.get("BOT_API_BASE_URL")
        or telegram.get("api_base_url")
        or Settings.api_base_url,
        database_url=env.get("DATABASE_URL") or storage.get("database_url") or None,
        data_dir=data_dir,
        scenario_dirs=dirs,
        default_language=data.get("default_language") or "nl",
        webhook_url=webhook.get("url") or None,
        webhook_secret=env.get("BOT_WEBHOOK_SECRET") or webhook.get("secret_token") or None,
        webhook_listen=webhook.get("listen") or "0.0.0.0",
        webhook_port=int(webhook.get("port") or 8443),
        messages_per_second=float(telegram.get("max_messages_per_second", 30)),
        emulator_host=emulator.get("host") or "127.0.0.1",
        emulator_port=int(emulator.get("port", 8081) if emulator.get("port") is not None
                          else 8081),
        admins=admins,
        extra=data,
    )
