from pathlib import Path

import pytest

from etl.config import Config, ConfigError, load_config


def test_defaults_load_without_a_file() -> None:
    assert load_config(None) == Config()


def test_file_settings_override_defaults(tmp_path: Path) -> None:
    path = tmp_path / "etl.toml"
    path.write_text('[etl]\nworkers = 2\nwarehouse = "/data/wh"\nday_first = true\n')
    config = load_config(path)
    assert (config.workers, config.warehouse, config.day_first) == (2, "/data/wh", True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[etl]\nworkerz = 2\n", "unknown setting 'workerz'"),
        ("[etl]\nworkers = 'two'\n", "workers must be int"),
        ("[etl]\nworkers = 0\n", "workers must be at least 1"),
        ("[etl]\nday_first = 1\n", "day_first must be bool"),
        ("[other]\nx = 1\n", "unknown table"),
        ("[etl\n", "invalid TOML"),
        ("[etl]\nengine = 'dask'\n", "needs a scheduler"),
    ],
    ids=["unknown-key", "wrong-type", "out-of-range", "bool-not-int", "unknown-table", "bad-toml", "dask-without-scheduler"],
)
def test_bad_settings_fail_naming_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "etl.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_command_line_overrides_ignore_flags_not_given() -> None:
    assert Config().replace(workers=None, warehouse="x") == Config(warehouse="x")
