"""The bundled offline sample: what the README's quick start runs."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

import giftfind
from giftfind.cli import app
from giftfind.config import load_config
from giftfind.parse import parse_feed

from .conftest import SAMPLE

runner = CliRunner()
FEEDS = str(SAMPLE / "feeds.yaml")


def test_sample_is_broad_enough() -> None:
    config = load_config(SAMPLE / "feeds.yaml")
    assert len(config.feeds) >= 8
    assert config.settings.retention_days == 0
    formats = set()
    total = 0
    for spec in config.feeds:
        assert spec.path is not None
        feed = parse_feed(Path(spec.path).read_bytes(), spec)
        formats.add(feed.format)
        total += len(feed.articles)
    assert {"rss20", "atom10", "json11"} <= formats
    assert total >= 200


def test_quick_start_json_has_sailing_and_chicago_with_every_field() -> None:
    r = runner.invoke(app, ["--feeds", FEEDS, "sailing, Chicago", "--json"])
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    doc = json.loads(r.stdout)
    assert doc["interests"] == ["sailing", "Chicago"]
    results = doc["results"]
    assert len(results) == 5
    matched = {i for x in results for i in x["matched_interests"]}
    assert matched == {"sailing", "Chicago"}
    for x in results:
        for field in ("title", "url", "source", "summary"):
            assert isinstance(x[field], str)
            assert x[field]
        assert x["url"].startswith("https://")
        assert "utm_" not in x["url"]
        assert "<" not in x["summary"]
        assert x["score"] > 0
        assert x["matched_terms"]
        assert x["published"] is None or datetime.fromisoformat(x["published"])
    # The top result matches both interests.
    assert set(results[0]["matched_interests"]) == {"sailing", "Chicago"}
    # The story syndicated to three feeds shows once, naming the others.
    titles = [x["title"].lower() for x in results]
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "markdown"])
def test_every_format_on_the_sample(fmt: str) -> None:
    r = runner.invoke(app, ["--feeds", FEEDS, "photography, jazz", "--format", fmt, "-n", "3"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip()
    assert "\x1b" not in r.stdout


def test_the_sample_keeps_working_a_year_from_now(cache_dir: Path) -> None:
    later = datetime.now(UTC) + timedelta(days=400)
    results = giftfind.search("sailing, Chicago", feeds=FEEDS, cache_dir=cache_dir, now=later)
    assert len(results) == 5
    refreshed = giftfind.refresh(feeds=FEEDS, cache_dir=cache_dir, now=later)
    assert refreshed.count("failed") == 0
    again = giftfind.search(
        "sailing, Chicago", feeds=FEEDS, cache_dir=cache_dir, now=later, refresh=True
    )
    assert [r.url for r in again] == [r.url for r in results]


def test_library_api(cache_dir: Path) -> None:
    results = giftfind.search("gardening", feeds=FEEDS, cache_dir=cache_dir, limit=3)
    assert 1 <= len(results) <= 3
    r = results[0]
    assert isinstance(r, giftfind.Result)
    assert "gardening" in r.matched_interests
    response = giftfind.search_response("gardening", feeds=FEEDS, cache_dir=cache_dir, limit=3)
    assert response.cached
    assert [x.url for x in response.results] == [x.url for x in results]
    n = len(load_config(SAMPLE / "feeds.yaml").feeds)
    assert giftfind.refresh(feeds=FEEDS, cache_dir=cache_dir).count("not_due") == n
    assert giftfind.refresh(feeds=FEEDS, cache_dir=cache_dir, force=True).count("not_modified") == n


def test_explain_sort_and_exclude_on_the_command_line() -> None:
    r = runner.invoke(app, ["--feeds", FEEDS, "sailing, Chicago", "--json", "--explain"])
    assert r.exit_code == 0, r.stderr
    for x in json.loads(r.stdout)["results"]:
        e = x["explain"]
        assert set(e) == {"interests", "weight", "relevance", "recency"}
        assert set(e["interests"]) == set(x["matched_interests"])
        assert abs(x["score"] - e["relevance"] * e["recency"]) < 1e-3
    table = runner.invoke(app, ["--feeds", FEEDS, "sailing", "--explain", "-n", "1"])
    assert "score " in table.stdout
    assert "× recency" in table.stdout

    r = runner.invoke(app, ["--feeds", FEEDS, "running", "--sort", "recent", "--json", "-n", "5"])
    dates = [x["published"] for x in json.loads(r.stdout)["results"] if x["published"]]
    assert dates == sorted(dates, reverse=True)

    plain = runner.invoke(app, ["--feeds", FEEDS, "running", "--json", "-n", "20"])
    titles = {x["title"] for x in json.loads(plain.stdout)["results"]}
    assert any("mayor" in t.lower() for t in titles)
    r = runner.invoke(
        app, ["--feeds", FEEDS, "running", "--exclude", "mayor", "--json", "-n", "20"]
    )
    assert not any("mayor" in x["title"].lower() for x in json.loads(r.stdout)["results"])

    r = runner.invoke(app, ["--feeds", FEEDS, "running", "--sort", "newest"])
    assert r.exit_code == 2
