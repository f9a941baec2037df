"""Odd queries, as a user types them, against the bundled sample: empty, only stop words
or punctuation, 10 KB long, non-ASCII. Each gets an answer or one clear line; never
a traceback."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giftfind.cli import app
from giftfind.core import close_stores
from giftfind.errors import ExitCode

from .conftest import SAMPLE

runner = CliRunner()
FEEDS = str(SAMPLE / "feeds.yaml")
#: What the sample's articles say, for queries made of real words.
WORDS = sorted(
    {
        w
        for p in SAMPLE.iterdir()
        if p.suffix != ".md"
        for w in re.findall(r"[a-z]{5,}", p.read_text())
    }
)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("queries") / "cache"
    r = runner.invoke(app, ["refresh", "--feeds", FEEDS, "--cache-dir", str(cache)])
    close_stores()
    assert r.exit_code == 0, r.stderr
    return cache


@pytest.fixture
def cache(stored: Path, tmp_path: Path) -> Path:
    shutil.copytree(stored, tmp_path / "cache")
    return tmp_path / "cache"


def ask(cache: Path, query: str, *options: str) -> tuple[int, str, str]:
    r = runner.invoke(
        app, ["--feeds", FEEDS, "--cache-dir", str(cache), "--offline", *options, "--", query]
    )
    close_stores()
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.stderr
    assert "\x1b" not in r.stderr
    return r.exit_code, r.stdout, r.stderr


def ask_json(cache: Path, query: str, *options: str) -> tuple[int, dict, str]:
    code, out, err = ask(cache, query, "--json", *options)
    return code, json.loads(out) if out else {}, err


@pytest.mark.parametrize("query", ["", "   ", ",", " , ,, ", "\t\n", "\u00a0,\u3000"])
def test_empty_query_is_a_usage_error(cache: Path, query: str) -> None:
    code, out, err = ask(cache, query)
    assert code == ExitCode.USAGE
    assert out == ""
    assert err == "giftfind: empty query: give one or more interests, separated by commas\n"


@pytest.mark.parametrize("query", ["the, and, of", "the", "a, an, it", "!!!, ???", "...", "-", "’"])
def test_query_with_nothing_to_search_for_is_a_usage_error(cache: Path, query: str) -> None:
    code, out, err = ask(cache, query)
    assert code == ExitCode.USAGE
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith("giftfind: nothing to search for in ")


@pytest.mark.parametrize("query", ["the, and, of", "!!!, ???", "-"])
def test_query_with_nothing_to_search_for_never_answers(cache: Path, query: str) -> None:
    # (Whether it is called a usage error or finds nothing, it shows nothing.)
    code, out, err = ask(cache, query)
    assert code in (ExitCode.USAGE, ExitCode.NO_RESULTS)
    assert out == ""
    assert len(err.splitlines()) == 1


def test_stop_words_beside_a_real_interest_are_harmless(cache: Path) -> None:
    code, doc, err = ask_json(cache, "the, sailing, of")
    assert (code, err) == (0, "")
    assert {i for r in doc["results"] for i in r["matched_interests"]} == {"sailing"}


def test_ten_kilobyte_query_of_one_word(cache: Path) -> None:
    query = ("sailing " * 1300)[:10240].strip()
    code, doc, err = ask_json(cache, query)
    assert (code, err) == (0, "")
    assert doc["query"] == query
    assert len(doc["results"]) == 5
    assert all("sailing" in " ".join(r["matched_terms"]).lower() for r in doc["results"])


def test_ten_kilobyte_query_of_many_interests(cache: Path) -> None:
    query = ", ".join(WORDS)[:10240].rsplit(",", 1)[0]
    interests = query.split(", ")
    assert len(query) > 9000
    code, doc, err = ask_json(cache, query, "-n", "20")
    assert (code, err) == (0, "")
    assert len(doc["results"]) == 20
    for r in doc["results"]:
        assert set(r["matched_interests"]) <= set(doc["interests"])
    assert set(doc["interests"]) <= set(interests) | {query}


def test_ten_kilobyte_query_of_nonsense_finds_nothing_cleanly(cache: Path) -> None:
    rng = random.Random(7)
    query = ", ".join("".join(rng.choice("qxzjvk") for _ in range(7)) for _ in range(1300))
    code, out, err = ask(cache, query[:10240])
    assert code == ExitCode.NO_RESULTS
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith("giftfind: no matching articles for ")


def test_non_ascii_interests(cache: Path) -> None:
    code, doc, err = ask_json(cache, "Zürich, café, 東京", "-n", "10")
    assert (code, err) == (0, "")
    assert doc["interests"] == ["Zürich", "café", "東京"]
    matched = {i for r in doc["results"] for i in r["matched_interests"]}
    assert matched == {"Zürich", "café", "東京"}
    # Accents and case fold: Zürich is Zurich is ZÜRICH.
    ids = [r["id"] for r in ask_json(cache, "Zürich")[1]["results"]]
    assert ids
    assert [r["id"] for r in ask_json(cache, "Zurich")[1]["results"]] == ids
    assert [r["id"] for r in ask_json(cache, "ZÜRICH")[1]["results"]] == ids
    # CJK text is searched in character pairs: 東京 finds what is written in it.
    tokyo = ask_json(cache, "東京")[1]["results"]
    assert tokyo
    assert all("東京" in r["title"] + r["summary"] for r in tokyo)


@pytest.mark.parametrize(
    "query", ["\x1b[31mred\x1b[0m", "sailing\u202e", "\x00sailing", "sail\x7fing, 🙂"]
)
def test_control_characters_in_a_query_never_reach_the_terminal(cache: Path, query: str) -> None:
    code, out, err = ask(cache, query)
    assert code in (ExitCode.OK, ExitCode.NO_RESULTS, ExitCode.USAGE)
    for text in (out, err):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", text), text


@pytest.mark.parametrize("option", ["--since", "--max-age"])
@pytest.mark.parametrize("value", ["99999999999d", "9999999d"])
def test_durations_too_long_for_a_date_are_usage_errors(
    cache: Path, option: str, value: str
) -> None:
    # They overflowed timedelta or the date arithmetic: exit 70, "internal error".
    code, _, err = ask(cache, "sailing", option, value)
    assert code == ExitCode.USAGE, err
    assert err.startswith(f"giftfind: {option}: invalid duration")
