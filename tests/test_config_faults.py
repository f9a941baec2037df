"""Every malformed feeds.yaml the issue lists, as a user meets it on the command line:
one line on stderr naming the file and the line, with a suggestion; exit code 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giftfind.cli import app
from giftfind.errors import ExitCode

runner = CliRunner()
URL = "https://a.example/feed"

#: name -> (feeds.yaml, the line named, what the message must suggest)
CASES: dict[str, tuple[str, int, str]] = {
    "tab indent": (f"feeds:\n\t- name: A\n\t  url: {URL}\n", 2, "indents with spaces, not tabs"),
    "tab in a value line": (
        f"feeds:\n  - name: A\n    url:\t{URL}\n",
        3,
        "indents with spaces, not tabs",
    ),
    "duplicate name": (
        f"feeds:\n  - name: Sailing World\n    url: {URL}\n"
        "  - name: sailing world\n    url: https://b.example/feed\n",
        4,
        "names must be unique",
    ),
    "duplicate key": (f"feeds:\n  - name: A\n    url: {URL}\n    url: {URL}/2\n", 4, "duplicate"),
    "tags not a list": (f"feeds:\n  - name: A\n    url: {URL}\n    tags: news\n", 4, "e.g. [news"),
    "weight not a number": (
        f"feeds:\n  - name: A\n    url: {URL}\n    weight: heavy\n",
        4,
        "must be a number above 0",
    ),
    "url not a string": ("feeds:\n  - name: A\n    url: 42\n", 3, "must be a string"),
    "setting of the wrong type": (
        f"settings:\n  concurrency: many\nfeeds:\n  - name: A\n    url: {URL}\n",
        2,
        "must be a whole number",
    ),
    "setting duration": (
        f"settings:\n  max_age: soon\nfeeds:\n  - name: A\n    url: {URL}\n",
        2,
        "invalid duration",
    ),
    "unknown feed key": (
        f"feeds:\n  - name: A\n    urll: {URL}\n",
        3,
        "did you mean 'url'?",
    ),
    "unknown setting": (
        f"settings:\n  retention: 5\nfeeds:\n  - name: A\n    url: {URL}\n",
        2,
        "did you mean 'retention_days'?",
    ),
    "unknown top-level key": (f"feed:\n  - name: A\n    url: {URL}\n", 1, "did you mean 'feeds'?"),
    "url without scheme": (
        "feeds:\n  - name: A\n    url: www.example.com/feed\n",
        3,
        "did you mean 'https://www.example.com/feed'?",
    ),
    "unsupported scheme": ("feeds:\n  - name: A\n    url: ftp://a.example/f\n", 3, "ftp"),
    "missing local file": (
        "feeds:\n  - name: A\n    url: snapshots/club-news.xml\n",
        3,
        "paths are relative to the feeds file",
    ),
    "missing absolute path": (
        "feeds:\n  - name: A\n    url: /nonexistent/dir/feed.xml\n",
        3,
        "looked for '/nonexistent/dir/feed.xml'",
    ),
    "missing url": ("feeds:\n  - name: A\n", 2, "missing 'url'"),
    "empty feeds": ("feeds: []\n", 1, "must be a non-empty list"),
}


def _refresh(path: Path) -> tuple[int, str, str]:
    r = runner.invoke(app, ["refresh", "--feeds", str(path)])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_malformed_feeds_yaml_is_one_line_with_file_line_and_a_suggestion(
    tmp_path: Path, case: str
) -> None:
    text, line, suggestion = CASES[case]
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = _refresh(path)
    assert code == ExitCode.USAGE, err
    assert out == ""
    (message,) = err.splitlines()
    assert message.startswith(f"giftfind: {path}:{line}: "), message
    assert suggestion in message, message


def test_a_search_with_a_malformed_feeds_yaml_says_the_same(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(CASES["unknown feed key"][0])
    r = runner.invoke(app, ["--feeds", str(path), "sailing"])
    assert r.exit_code == ExitCode.USAGE
    assert r.stderr == (f"giftfind: {path}:3: feed 'A': unknown key 'urll' (did you mean 'url'?)\n")


def test_a_feeds_file_that_does_not_exist(tmp_path: Path) -> None:
    code, _, err = _refresh(tmp_path / "nope.yaml")
    assert code == ExitCode.USAGE
    assert len(err.splitlines()) == 1
    assert "nope.yaml" in err


@pytest.mark.parametrize("text", ["false\n", "just a string\n", "42\n"])
def test_a_scalar_top_level_names_line_1(tmp_path: Path, text: str) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(text)
    code, _, err = _refresh(path)
    assert code == ExitCode.USAGE
    assert err.startswith(f"giftfind: {path}:1: ")


def test_an_anchor_defined_twice_prints_no_yaml_warning(tmp_path: Path) -> None:
    # Valid YAML (an alias names the latest definition): ruamel warns in eight lines.
    path = tmp_path / "feeds.yaml"
    path.write_text(
        f"feeds:\n  - &a\n    name: A\n    url: {URL}\n  - &a\n    name: B\n    url: {URL}/b\n"
    )
    code, _, err = _refresh(path)  # (the warning is an exception under pytest's settings)
    assert "Warning" not in err
    assert code == ExitCode.FEEDS_FAILED  # the feeds are unreachable, the file is fine


def test_wrong_types_are_named_in_yaml_words(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(f"feeds:\n  - name: [A, B]\n    url: {URL}\n")
    code, _, err = _refresh(path)
    assert code == ExitCode.USAGE
    assert "'name' must be a string, not a list" in err
    assert not re.search(r"Commented(Seq|Map)", err)


def test_text_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_bytes(b"feeds:\n  - name: Caf\xe9\n    url: https://a.example/f\n")
    code, _, err = _refresh(path)
    assert code == ExitCode.USAGE
    assert err.startswith(f"giftfind: {path}:2: not UTF-8")


@pytest.mark.parametrize(
    "text",
    [
        f"settings:\n  max_age: 1e20\nfeeds:\n  - name: A\n    url: {URL}\n",
        f"settings:\n  timeout: .inf\nfeeds:\n  - name: A\n    url: {URL}\n",
        f"settings:\n  max_age: 99999999999d\nfeeds:\n  - name: A\n    url: {URL}\n",
        f"feeds:\n  - name: A\n    url: {URL}\n    interval: 1e300\n",
    ],
)
def test_durations_too_long_for_a_date_are_refused(tmp_path: Path, text: str) -> None:
    # Found by test_fuzz.py: they overflowed timedelta (exit 70, "internal error").
    path = tmp_path / "feeds.yaml"
    path.write_text(text)
    code, _, err = _refresh(path)
    assert code == ExitCode.USAGE, err
    assert len(err.splitlines()) == 1
    assert err.startswith(f"giftfind: {path}:")
