"""Configuration: the file, the environment over it, and one clear line for a mistake."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ENVIRONMENT, ConfigError, Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write a config file and point SALESBOT_CONFIG at it, in a clean environment."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "config.yaml"
    monkeypatch.setenv("SALESBOT_CONFIG", str(path))

    def write(text: str) -> Path:
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_the_shipped_config_file_states_the_defaults(config, monkeypatch) -> None:
    """config.yaml documents every setting with its default; it must not drift from them."""
    config((ROOT / "config.yaml").read_text(encoding="utf-8"))
    loaded = load_settings()
    base = Path(os.environ["SALESBOT_CONFIG"]).parent
    assert loaded == Settings(data_dir=base)


def test_the_file_sets_values_and_paths_are_relative_to_it(config) -> None:
    path = config("default_language: en\n"
                  "log_level: debug\n"
                  "telegram:\n  max_messages_per_second: 0\n  webhook:\n    port: 9000\n"
                  "storage:\n  data_dir: data\n"
                  "scenario_dirs: [mine, /srv/scenarios]\n"
                  "admins: [42, 43]\n")
    loaded = load_settings()
    assert (loaded.default_language, loaded.log_level) == ("en", "DEBUG")
    assert (loaded.messages_per_second, loaded.webhook_port) == (0, 9000)
    assert loaded.data_dir == path.parent / "data"
    assert loaded.effective_database_url == f"sqlite:///{path.parent / 'data' / 'salesbot.db'}"
    assert loaded.scenario_dirs == (path.parent / "mine", Path("/srv/scenarios"))
    assert loaded.admins == (42, 43)


def test_the_environment_overrides_the_file(config, monkeypatch) -> None:
    config("telegram:\n  token: from-file\n  api_base_url: http://file/bot\n"
           "  webhook:\n    secret_token: file-secret\n"
           "storage:\n  database_url: sqlite:///file.db\n"
           "admins: [1]\nlog_level: INFO\n")
    monkeypatch.setenv("BOT_TOKEN", "123:env")
    monkeypatch.setenv("BOT_API_BASE_URL", "http://127.0.0.1:8081/bot")
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@h/db")
    monkeypatch.setenv("BOT_WEBHOOK_SECRET", "env-secret")
    monkeypatch.setenv("SALESBOT_ADMINS", "7, 8 9")
    monkeypatch.setenv("LOG_LEVEL", "warning")
    loaded = load_settings()
    assert loaded.bot_token == "123:env"
    assert loaded.api_base_url == "http://127.0.0.1:8081/bot"
    assert loaded.effective_database_url == "postgresql+psycopg://u@h/db"
    assert loaded.webhook_secret == "env-secret"
    assert loaded.admins == (7, 8, 9)
    assert loaded.log_level == "WARNING"


def test_empty_values_mean_not_set(config, monkeypatch) -> None:
    config('telegram:\n  token: ""\n  webhook:\n    url: ""\n    port:\nemulator:\n')
    monkeypatch.setenv("BOT_TOKEN", "")
    loaded = load_settings()
    assert (loaded.bot_token, loaded.webhook_url, loaded.webhook_port) == (None, None, 8443)


@pytest.mark.parametrize(("text", "message"), [
    ("telegram:\n  tokn: x\n", ":2: telegram.tokn: unknown setting (did you mean telegram.token?)"),
    ("emulator:\n  host: 127.0.0.1\n  prot: 1\n", ":3: emulator.prot: unknown setting"),
    ("telegram:\n  webhook:\n    port: eighty\n", ":3: telegram.webhook.port: "),
    ("telegram:\n  max_messages_per_second: -1\n", ":2: telegram.max_messages_per_second: "),
    ("default_language: de\n", ":1: default_language: "),
    ("admins: [12, twelve]\n", ":1: admins.1: "),
    ("log_level: loud\n", ":1: log_level: should be one of DEBUG"),
    ("telegram: yes\n", ":1: telegram: should be a section of settings"),
    ("telegram:\n  token: a\n  token: b\n", ":3: telegram.token: given twice"),
    ("telegram: [\n", ":2: YAML syntax error"),
])
def test_a_mistake_in_the_file_names_the_key_and_line(config, text, message) -> None:
    path = config(text)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert str(caught.value).startswith(f"{path}{message}")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("name", "value"), [
    ("SALESBOT_ADMINS", "12,twelve"), ("SALESBOT_ADMINS", "-5"), ("LOG_LEVEL", "loud"),
])
def test_a_bad_environment_variable_is_named(config, monkeypatch, name, value) -> None:
    config("admins: [1]\nlog_level: INFO\n")
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"^environment variable {name}: "):
        load_settings()


def test_a_missing_named_config_file_is_an_error(config, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SALESBOT_CONFIG", str(tmp_path / "nowhere.yaml"))
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings()


def test_run_prints_one_line_not_a_traceback(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("telegram:\n  webhook:\n    prot: 8443\n")
    environ = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT}
    environ["SALESBOT_CONFIG"] = str(config)
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=environ,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == (f"salesbot: {config}:3: telegram.webhook.prot: unknown setting "
                           "(did you mean telegram.webhook.port?)\n")
