"""Search feeds: a feeds.yaml URL with {query}, fetched per interest at search time (real server)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import giftfind
from giftfind import core
from giftfind.cli import app
from giftfind.errors import ConfigError
from giftfind.store import Store

from .conftest import FeedServer, rss, write_config

runner = CliRunner()

GENERAL = rss(
    [
        {"title": "City budget approved", "link": "https://city.example/budget",
         "guid": "b1", "description": "The council passed the budget for Chicago.",
         "pubDate": "Tue, 24 Nov 2026 08:00:00 +0000"},
        {"title": "Bread of the week", "link": "https://city.example/bread",
         "guid": "b2", "description": "Sourdough tips from a baker.",
         "pubDate": "Tue, 24 Nov 2026 09:00:00 +0000"},
    ]
)  # fmt: skip
SAILING = rss(
    [
        {"title": "Regatta season opens on the lake", "link": "https://search.example/regatta",
         "guid": "s1", "description": "Sailing crews raced off the harbor.",
         "pubDate": "Mon, 23 Nov 2026 10:00:00 +0000"},
        {"title": "A sailing school for winter", "link": "https://search.example/school",
         "guid": "s2", "description": "Indoor sailing classes start in December.",
         "pubDate": "Sun, 22 Nov 2026 10:00:00 +0000"},
    ]
)  # fmt: skip


@pytest.fixture
def config(server: FeedServer, tmp_path: Path) -> Path:
    server.add("/general.xml", GENERAL)
    server.add("/search/sailing.xml", SAILING)
    server.add("/search/Chicago.xml", rss([]))
    return write_config(
        tmp_path / "feeds.yaml",
        [
            {"name": "City Desk", "url": server.url("/general.xml")},
            {"name": "News search", "url": server.url("/search/{query}.xml"), "interval": "2h"},
        ],
        settings="retention_days: 0",
    )


def search(config: Path, query: str, *args: str) -> object:
    return runner.invoke(app, ["--feeds", str(config), "--format", "json", *args, query])


def test_search_feed_articles_join_the_ranking(config: Path, server: FeedServer) -> None:
    r = search(config, "sailing, Chicago")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    sources = {(x["title"], x["source"]) for x in doc["results"]}
    assert ("Regatta season opens on the lake", "News search: sailing") in sources
    assert ("City budget approved", "City Desk") in sources
    # One request per interest, the interest URL-encoded into the template.
    assert len(server.hits("/search/sailing.xml")) == 1
    assert len(server.hits("/search/Chicago.xml")) == 1
    # A regular refresh leaves search feeds to searches.
    report = giftfind.refresh(feeds=config, force=True)
    assert {o.feed for o in report.outcomes} == {"City Desk"}
    assert len(server.hits("/search/sailing.xml")) == 1


def test_search_feeds_keep_their_own_interval(
    config: Path, server: FeedServer, cache_dir: Path
) -> None:
    search(config, "sailing")
    r = search(config, "sailing", "--limit", "3")  # not the same answer: ranks again
    assert r.exit_code == 0, r.stderr
    assert "Regatta" in r.stdout
    assert len(server.hits("/search/sailing.xml")) == 1  # its 2 hours have not passed
    core.close_stores()
    with Store(cache_dir) as store:
        state = store.state(server.url("/search/sailing.xml"))
    assert state is not None
    assert state.interval == 7200
    assert state.interval_source == "feeds.yaml"
    # --refresh fetches them again (a conditional request where the server allows).
    search(config, "sailing", "--refresh")
    assert len(server.hits("/search/sailing.xml")) == 2


def test_interests_are_url_encoded(config: Path, server: FeedServer) -> None:
    search(config, "Zürich & co")
    assert [h.path for h in server.requests if h.path.startswith("/search/")] == [
        "/search/Z%C3%BCrich+%26+co.xml"
    ]


def test_offline_search_fetches_nothing(config: Path, server: FeedServer) -> None:
    r = search(config, "sailing", "--offline")
    assert not server.hits("/search/sailing.xml")
    assert r.exit_code == 1  # nothing stored yet


def test_a_failing_search_feed_is_a_warning(server: FeedServer, tmp_path: Path) -> None:
    server.add("/general.xml", GENERAL)
    server.add("/search/Chicago.xml", "oops", status=500)
    config = write_config(
        tmp_path / "feeds.yaml",
        [
            {"name": "City Desk", "url": server.url("/general.xml")},
            {"name": "News search", "url": server.url("/search/{query}.xml")},
        ],
    )
    r = search(config, "Chicago")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["results"][0]["title"] == "City budget approved"
    assert "warning: feed 'News search: Chicago': HTTP 500" in r.stderr
    assert "Traceback" not in r.stderr


def test_search_feed_articles_expire_with_the_rest(
    config: Path, server: FeedServer, cache_dir: Path
) -> None:
    search(config, "sailing")
    core.close_stores()
    cache = cache_dir
    with Store(cache) as store:
        assert store.feed_articles(server.url("/search/sailing.xml"), "x")
    # retention_days: 0 keeps everything; a retention of a day drops these 2026 articles
    # once it is 2027, search-feed articles included.
    from datetime import UTC, datetime

    giftfind.refresh(feeds=config, retention_days=1, now=datetime(2027, 6, 1, tzinfo=UTC))
    core.close_stores()
    with Store(cache) as store:
        assert not store.feed_articles(server.url("/search/sailing.xml"), "x")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://news.example/search?q={query}&x={other}", "braces other than {query}"),
        ("https://news.example/search?q={query", "braces other than {query}"),
        ("search-{query}.xml", "a search feed needs an http(s) URL"),
    ],
)
def test_bad_templates_are_config_errors(tmp_path: Path, url: str, message: str) -> None:
    config = write_config(tmp_path / "feeds.yaml", [{"name": "S", "url": f"'{url}'"}])
    with pytest.raises(ConfigError, match=re.escape(message)) as caught:
        giftfind.load(config)
    assert "feeds.yaml:3" in str(caught.value)
