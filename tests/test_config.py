from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giftfind.config import (
    default_config_path,
    find_config,
    load_config,
    parse_duration,
    parse_size,
)
from giftfind.errors import ConfigError, GiftfindError, UsageError

from .conftest import ROOT


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_feeds_and_settings(tmp_path: Path) -> None:
    (tmp_path / "local.xml").write_text("<rss/>")
    path = write(
        tmp_path,
        """
settings:
  max_age: 2h
  retention_days: 30
  concurrency: 4
  max_bytes: 2MB
feeds:
  - name: Example
    url: https://example.com/feed.xml
    tags: [news, World]
    weight: 0.5
  - name: Local
    url: local.xml
""",
    )
    config = load_config(path)
    assert config.path == path
    assert config.settings.max_age == timedelta(hours=2)
    assert config.settings.retention_days == 30
    assert config.settings.concurrency == 4
    assert config.settings.max_bytes == 2_000_000
    example, local = config.feeds
    assert example.name == "Example"
    assert example.url == "https://example.com/feed.xml"
    assert example.tags == ("news", "world")
    assert example.weight == 0.5
    assert example.path is None
    assert example.line == 8
    assert local.path == str((tmp_path / "local.xml").resolve())
    assert local.is_local


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        (
            "feeds:\n  - name: A\n    urll: https://a.example/f\n",
            3,
            "urll",
            "feed 'A': unknown key 'urll' (did you mean 'url'?)",
        ),
        ("feeds:\n  - name: A\n", 2, "url", "feed 'A': missing 'url'"),
        ("feeds:\n  - url: https://a.example/f\n", 2, "name", "missing 'name'"),
        (
            "feeds:\n  - name: A\n    url: ftp://a.example/f\n",
            3,
            "url",
            "unsupported URL scheme 'ftp'",
        ),
        (
            "feeds:\n  - name: A\n    url: javascript:alert(1)\n",
            3,
            "url",
            "unsupported URL scheme 'javascript'",
        ),
        (
            "feeds:\n  - name: A\n    url: www.example.com/feed\n",
            3,
            "url",
            "did you mean 'https://www.example.com/feed'?",
        ),
        (
            "feeds:\n  - name: A\n    url: missing.xml\n",
            3,
            "url",
            "local feed file not found: 'missing.xml'",
        ),
        (
            "feeds:\n  - name: A\n    url: https://a.example/f\n  - name: a\n    url: https://b.example/f\n",
            4,
            "name",
            "duplicate name (first used on line 2)",
        ),
        (
            "feeds:\n  - name: A\n    url: https://a.example/f\n    tags: news\n",
            4,
            "tags",
            "'tags' must be a list",
        ),
        (
            "feeds:\n  - name: A\n    url: https://a.example/f\n    weight: heavy\n",
            4,
            "weight",
            "'weight' must be a number above 0",
        ),
        ("feeds:\n  - name: 12\n    url: https://a.example/f\n", 2, "name", "must be a string"),
        ("feed:\n  - name: A\n", 1, "feed", "unknown top-level key 'feed' (did you mean 'feeds'?)"),
        ("feeds: []\n", 1, "feeds", "must be a non-empty list"),
        ("settings:\n  retention_days: 10\n", 1, "feeds", "missing the 'feeds:' list"),
        (
            "settings:\n  max_agee: 2h\nfeeds:\n  - name: A\n    url: https://a.example/f\n",
            2,
            "max_agee",
            "unknown key 'max_agee' (did you mean 'max_age'?)",
        ),
        (
            "settings:\n  max_age: soon\nfeeds:\n  - name: A\n    url: https://a.example/f\n",
            2,
            "max_age",
            "invalid duration 'soon'",
        ),
        (
            "settings:\n  concurrency: 0\nfeeds:\n  - name: A\n    url: https://a.example/f\n",
            2,
            "concurrency",
            "must be between 1 and 256",
        ),
    ],
)
def test_invalid_config_names_file_line_and_field(
    tmp_path: Path, text: str, line: int, field: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    e = info.value
    assert e.exit_code == 2
    assert e.line == line
    assert e.field == field
    assert message in str(e)
    assert str(e).startswith(f"{path}:{line}: ")
    assert "\n" not in str(e)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("feeds:\n\t- name: A\n", 2, "tabs"),
        ("feeds: [\n", 2, "invalid YAML"),
        ("feeds:\n  - name: A\n    name: B\n    url: https://a.example/f\n", 3, "duplicate key"),
        ("", 1, "the file is empty"),
        ("- just\n- a list\n", 1, "top level must be a mapping"),
    ],
)
def test_invalid_yaml(tmp_path: Path, text: str, line: int, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert info.value.line == line
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_bytes(b"feeds:\n  - name: Caf\xe9\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


def test_find_config_order(tmp_path: Path) -> None:
    explicit = write(tmp_path, "x")
    env_file = tmp_path / "env.yaml"
    env_file.write_text("x")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    user = tmp_path / "user"
    user.mkdir()
    assert find_config(explicit, {"GIFTFIND_FEEDS": str(env_file)}, cwd, user) == explicit
    assert find_config(None, {"GIFTFIND_FEEDS": str(env_file)}, cwd, user) == env_file
    assert find_config(None, {}, cwd, user) == default_config_path()
    (user / "feeds.yaml").write_text("x")
    assert find_config(None, {}, cwd, user) == user / "feeds.yaml"
    (cwd / "feeds.yaml").write_text("x")
    assert find_config(None, {}, cwd, user) == cwd / "feeds.yaml"
    with pytest.raises(ConfigError, match="not found"):
        find_config(tmp_path / "nope.yaml", {}, cwd, user)
    with pytest.raises(ConfigError, match="GIFTFIND_FEEDS"):
        find_config(None, {"GIFTFIND_FEEDS": str(tmp_path / "nope")}, cwd, user)


def test_packaged_default_is_valid_and_broad() -> None:
    config = load_config(default_config_path())
    assert len(config.feeds) >= 40
    assert all(f.url.startswith(("http://", "https://")) for f in config.feeds)
    tags = {t for f in config.feeds for t in f.tags}
    assert "chicago" in tags
    assert default_config_path().resolve() == (ROOT / "feeds.yaml").resolve() or (
        default_config_path().read_bytes() == (ROOT / "feeds.yaml").read_bytes()
    )


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30d", 30 * 86400), ("6h", 21600), ("90m", 5400), ("1h30m", 5400), ("2w", 1209600),
     ("45s", 45), ("1.5h", 5400), (" 2 H ", 7200)],
)  # fmt: skip
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "d", "30", "30x", "h6", "1h 30", "-1d"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(UsageError, match="invalid duration"):
        parse_duration(text)


def test_parse_size() -> None:
    assert parse_size("10MB") == 10_000_000
    assert parse_size("512KiB") == 512 * 1024
    with pytest.raises(UsageError):
        parse_size("ten")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_config_or_a_config_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    try:
        load_config(path)
    except GiftfindError as e:
        assert "\n" not in str(e)


yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["name", "url", "tags", "weight", "extra"]),
        st.one_of(yaml_scalars, st.lists(yaml_scalars, max_size=3)),
    )
)
def test_any_entry_gives_a_config_or_a_config_error(tmp_path: Path, entry: dict) -> None:
    import json

    path = tmp_path / "fuzz.yaml"
    # JSON is YAML: this writes arbitrary values without YAML-quoting worries.
    path.write_text(json.dumps({"feeds": [entry]}), encoding="utf-8")
    try:
        config = load_config(path)
    except ConfigError as e:
        assert "\n" not in str(e)
    else:
        assert config.feeds[0].name


def test_every_setting_is_checked() -> None:
    from dataclasses import fields

    from giftfind.config import _SETTINGS
    from giftfind.types import Settings

    assert set(_SETTINGS) == {f.name for f in fields(Settings)}


def test_checked_config_is_cached_until_the_file_changes(tmp_path: Path) -> None:
    path = write(
        tmp_path, "settings:\n  max_age: 2h\nfeeds:\n  - name: A\n    url: https://a.example/f\n"
    )
    cache = tmp_path / "cache"
    first = load_config(path, cache)
    assert first == load_config(path)
    assert len(list((cache / "configs").iterdir())) == 1
    again = load_config(path, cache)
    assert again == first
    # Edited (a different size): read again, errors and all.
    path.write_text("feeds:\n  - name: A\n    urll: https://a.example/f\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key 'urll'"):
        load_config(path, cache)
    # A corrupt cache file is ignored.
    path.write_text("feeds:\n  - name: B\n    url: https://b.example/f\n", encoding="utf-8")
    load_config(path, cache)
    (next((cache / "configs").iterdir())).write_text("{broken")
    assert load_config(path, cache).feeds[0].name == "B"
