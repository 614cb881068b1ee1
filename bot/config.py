"""Settings from ``config.yaml`` and the environment (the environment wins).

Every setting is declared once, on :class:`Settings`: its type, its default, where it sits
in ``config.yaml`` and which environment variable overrides it. pydantic-settings reads the
environment and merges it over the file; a wrong value or a key the bot does not know
stops the start with one line naming that key, so a typo never silently falls back to a
default. Kept to plain data so that every front end (CLI, Telegram, tests) reads it the
same way.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    AliasChoices,
    AliasPath,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from bot.scenario.yaml_marks import MarkedDocument, YamlError, parse

DEFAULT_CONFIG = "config.yaml"
CONFIG_ENV = "SALESBOT_CONFIG"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def setting(default: Any, yaml: str, env: str | None = None, **constraints: Any) -> Any:
    """A setting found at the dotted ``yaml`` path in the file, overridden by ``env``."""
    path = AliasPath(*yaml.split("."))
    alias = AliasChoices(env, path) if env else AliasChoices(path)
    return Field(default, validation_alias=alias, **constraints)


class Settings(BaseModel):
    """Everything the bot can be configured with; the one place for the defaults."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_by_name=True,
                              validate_by_alias=True)

    bot_token: str | None = setting(None, "telegram.token", "BOT_TOKEN")
    api_base_url: str = setting("https://api.telegram.org/bot", "telegram.api_base_url",
                                "BOT_API_BASE_URL")
    database_url: str | None = setting(None, "storage.database_url", "DATABASE_URL")
    data_dir: Path = setting(Path("."), "storage.data_dir")
    scenario_dirs: tuple[Path, ...] = setting((), "scenario_dirs")
    default_language: Literal["nl", "en"] = setting("nl", "default_language")
    webhook_url: str | None = setting(None, "telegram.webhook.url")
    webhook_secret: str | None = setting(None, "telegram.webhook.secret_token",
                                         "BOT_WEBHOOK_SECRET")
    webhook_listen: str = setting("0.0.0.0", "telegram.webhook.listen")
    webhook_port: int = setting(8443, "telegram.webhook.port", ge=1, le=65535)
    messages_per_second: float = setting(30.0, "telegram.max_messages_per_second", ge=0)
    emulator_host: str = setting("127.0.0.1", "emulator.host")
    emulator_port: int = setting(8081, "emulator.port", ge=0, le=65535)
    admins: tuple[int, ...] = setting((), "admins", "SALESBOT_ADMINS")
    log_level: str = setting("INFO", "log_level", "LOG_LEVEL")

    @field_validator("admins", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        """``SALESBOT_ADMINS`` is a plain list of ids: ``123 456`` or ``123,456``."""
        if isinstance(value, str):
            return value.replace(",", " ").split()
        return value

    @field_validator("admins", mode="after")
    @classmethod
    def _positive_ids(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(i <= 0 for i in value):
            raise ValueError("Telegram ids are positive whole numbers")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _known_level(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().upper()
            if value not in LOG_LEVELS:
                raise ValueError(f"should be one of {', '.join(LOG_LEVELS)}")
        return value

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'salesbot.db').as_posix()}"


class ConfigError(Exception):
    """The configuration cannot be used; the one-line message says which key and why."""


class _Environment(PydanticBaseSettingsSource):
    """The declared environment variables, exactly as named (empty ones count as unset).

    pydantic-settings' own source would also read a variable named after each file
    section (``storage``, ``telegram``) as JSON; the bot promises only the names below.
    """

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        raise NotImplementedError  # __call__ reads every variable at once

    def __call__(self) -> dict[str, Any]:
        return {name: os.environ[name] for name in ENVIRONMENT[1:] if os.environ.get(name)}


class _EnvironmentOverFile(Settings, BaseSettings):
    """Settings read from the environment first, then the file's data (init arguments)."""

    model_config = SettingsConfigDict(extra="ignore")  # _check_keys named unknown keys

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (_Environment(settings_cls), init_settings)


@dataclass(frozen=True)
class _Key:
    """Where one setting is given: its field, its file key path, its environment variable."""

    field: str
    path: tuple[str, ...]
    env: str | None


def _declared() -> list[_Key]:
    keys = []
    for name, info in Settings.model_fields.items():
        alias = info.validation_alias
        assert isinstance(alias, AliasChoices)
        env = next((c for c in alias.choices if isinstance(c, str)), None)
        path = next(c.path for c in alias.choices if isinstance(c, AliasPath))
        keys.append(_Key(name, tuple(str(p) for p in path), env))
    return keys


_KEYS = _declared()
_FILE_KEYS = {key.path for key in _KEYS}
_SECTIONS = {key.path[:cut] for key in _KEYS for cut in range(1, len(key.path))}
ENVIRONMENT = (CONFIG_ENV, *(key.env for key in _KEYS if key.env))
"""Every environment variable the bot reads (README and contract.md list them)."""


def load_settings() -> Settings:
    """Read the file named by SALESBOT_CONFIG (default ./config.yaml), then the environment.

    Raises :class:`ConfigError` with a one-line message for anything the bot cannot use.
    """
    explicit = os.environ.get(CONFIG_ENV)
    path = Path(explicit or DEFAULT_CONFIG)
    if path.is_file():
        document = _read_file(path)
    elif explicit:
        raise ConfigError(f"{path}: config file not found (from {CONFIG_ENV})")
    else:
        document = MarkedDocument({}, {}, [])
    data = _without_blanks(document.data)
    _check_keys(data, document, path)
    try:
        loaded = _EnvironmentOverFile(**data)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, document, path)) from None
    base = path.parent if path.is_file() else Path(".")
    values = loaded.model_dump()
    values["data_dir"] = base / loaded.data_dir
    values["scenario_dirs"] = tuple(base / d for d in loaded.scenario_dirs)
    return Settings(**values)


def _read_file(path: Path) -> MarkedDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"{path}: cannot read config file: {reason}") from None
    try:
        document = parse(text, str(path), allow_empty=True)
    except YamlError as exc:
        raise ConfigError(str(exc)) from None
    if not isinstance(document.data, dict):
        raise ConfigError(f"{path}:1: the config file must be a mapping of settings")
    return document


def _check_keys(data: dict[str, Any], document: MarkedDocument, path: Path) -> None:
    """Unknown and repeated keys are mistakes: name the first one, with its line."""
    for key_path, line in document.duplicates:
        raise ConfigError(f"{path}:{line}: {_dotted(key_path)}: given twice")
    for key_path in _leaf_paths(data, ()):
        where = f"{path}:{document.line_of(key_path)}: {_dotted(key_path)}"
        if key_path in _SECTIONS:
            raise ConfigError(f"{where}: should be a section of settings, not a single value")
        if key_path not in _FILE_KEYS:
            prefix, name = key_path[:-1], str(key_path[-1])
            siblings = {k[len(prefix)] for k in _FILE_KEYS if k[: len(prefix)] == prefix}
            close = difflib.get_close_matches(name, sorted(siblings), n=1)
            hint = f" (did you mean {_dotted((*prefix, close[0]))}?)" if close else ""
            raise ConfigError(f"{where}: unknown setting{hint}")


def _leaf_paths(data: Any, prefix: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    """Key paths down to values, descending only into the file's sections."""
    if isinstance(data, Mapping) and (not prefix or prefix in _SECTIONS):
        for key, value in data.items():
            yield from _leaf_paths(value, (*prefix, key))
    else:
        yield prefix


def _without_blanks(data: Any) -> Any:
    """Empty values (``token: ""``, ``port:``) mean "not set": the default applies."""
    if isinstance(data, dict):
        return {k: _without_blanks(v) for k, v in data.items() if v is not None and v != ""}
    return data


def _describe(exc: ValidationError, document: MarkedDocument, path: Path) -> str:
    """The first error as one line naming the key, in the file or in the environment."""
    error = exc.errors(include_url=False)[0]
    key, inside = _key_at(tuple(error["loc"]))
    problem = f"{error['msg'].removeprefix('Value error, ')}: {error['input']!r}"
    if key.env and os.environ.get(key.env):  # the environment wins, so it gave the value
        return f"environment variable {key.env}: {problem}"
    where = (*key.path, *inside)
    return f"{path}:{document.line_of(where)}: {_dotted(where)}: {problem}"


def _key_at(loc: tuple[str | int, ...]) -> tuple[_Key, tuple[str | int, ...]]:
    """The setting an error location points into, and the rest (a list item's index)."""
    for key in _KEYS:
        if loc[:1] in ((key.field,), (key.env,)):
            return key, loc[1:]
        if loc[: len(key.path)] == key.path:
            return key, loc[len(key.path):]
    raise LookupError(loc)  # pragma: no cover - every location belongs to a field


def _dotted(key_path: tuple[str | int, ...]) -> str:
    return ".".join(str(k) for k in key_path)
