"""``giftfind feeds ...`` and ``giftfind schedule``, run as a user runs them (real servers)."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giftfind.cli import app

from .conftest import FeedServer, free_port, rss, write_config

runner = CliRunner()

FEED = rss(
    [{"title": "Regatta on the lake", "link": "https://a.example/1", "guid": "g1",
      "description": "Sailing crews raced.", "pubDate": "Mon, 23 Nov 2026 10:00:00 +0000"}],
    title="Harbor News",
)  # fmt: skip
COMMENTED = """\
# My feeds.
feeds:
  # --- Sailing ---
  - name: Harbor     # the best one
    url: {harbor}
    tags: [sailing]

  # --- Chicago ---
  - name: City
    url: {city}
# end
"""


def run(*args: str) -> object:
    return runner.invoke(app, list(args))


@pytest.fixture
def config(server: FeedServer, tmp_path: Path) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        COMMENTED.format(
            harbor=server.add("/harbor.xml", FEED), city=server.add("/city.xml", FEED)
        ),
        encoding="utf-8",
    )
    return path


def test_list(config: Path) -> None:
    r = run("feeds", "list", "--feeds", str(config))
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0].split()[:2] == ["Harbor", "sailing"]
    doc = json.loads(run("feeds", "list", "--json", "--feeds", str(config)).stdout)
    assert [(f["name"], f["tags"], f["search"]) for f in doc["feeds"]] == [
        ("Harbor", ["sailing"], False),
        ("City", [], False),
    ]


def test_add_discovers_and_remove_keeps_comments(
    config: Path, server: FeedServer, tmp_path: Path
) -> None:
    before = config.read_text(encoding="utf-8")
    feed = server.add("/blog/feed.xml", FEED, headers={"Content-Type": "application/rss+xml"})
    other = server.add("/blog/comments.xml", FEED)
    page = server.add(
        "/blog/",
        '<html><head><link rel="alternate" type="application/rss+xml" title="Posts" '
        'href="feed.xml"><link rel="alternate" type="application/rss+xml" title="Comments" '
        'href="comments.xml"></head><body></body></html>',
        headers={"Content-Type": "text/html"},
    )
    r = run("feeds", "add", page, "--feeds", str(config))
    assert r.exit_code == 2
    assert f"1) Posts <{feed}>; 2) Comments <{other}>; choose one with --pick N" in r.stderr
    assert config.read_text(encoding="utf-8") == before

    r = run("feeds", "add", page, "--pick", "1", "--name", "Blog", "--tags", "a, b",
            "--feeds", str(config))  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert f"added 'Blog' <{feed}> (announced by {page})" in r.stderr
    assert "rss20, 1 items, newest 2026-11-23" in r.stderr
    after = config.read_text(encoding="utf-8")
    assert after.startswith(before.removesuffix("# end\n"))
    assert f"  - name: Blog\n    url: {feed}\n    tags: [a, b]\n" in after
    assert "# the best one" in after

    r = run("feeds", "remove", "blog", "--feeds", str(config))  # any case
    assert r.exit_code == 0, r.stderr
    # Back to what it was (but for the blank line the entry came with).
    restored = config.read_text(encoding="utf-8").splitlines()
    assert [x for x in restored if x] == [x for x in before.splitlines() if x]
    r = run("feeds", "remove", "Harbour", "--feeds", str(config))
    assert r.exit_code == 2
    assert "no feed named 'Harbour'" in r.stderr
    assert "Harbor" in r.stderr  # did you mean


def test_add_to_the_default_list_copies_it_first(server: FeedServer, cache_dir: Path) -> None:
    from giftfind.config import default_config_path

    url = server.add("/f.xml", FEED)
    r = run("feeds", "add", url)
    assert r.exit_code == 0, r.stderr
    user = cache_dir.parent / "config" / "giftfind" / "feeds.yaml"
    assert f"copied the default feeds list to {user}" in r.stderr
    assert url in user.read_text(encoding="utf-8")
    assert url not in default_config_path().read_text(encoding="utf-8")
    # From then on, a search reads the copy.
    doc = json.loads(run("feeds", "list", "--json").stdout)
    assert doc["feeds"][-1]["url"] == url


def test_check_reports_each_feed_and_exits_3_on_problems(config: Path, server: FeedServer) -> None:
    r = run("feeds", "check", "--feeds", str(config))
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == [
        "ok   Harbor: rss20, 1 item, newest 2026-11-23",
        "ok   City: rss20, 1 item, newest 2026-11-23",
    ]
    server.add("/city.xml", "<html><body>moved</body></html>")
    r = run("feeds", "check", "City", "--json", "--feeds", str(config))
    assert r.exit_code == 3
    doc = json.loads(r.stdout)
    assert [(f["name"], f["ok"]) for f in doc["feeds"]] == [("City", False)]
    assert doc["feeds"][0]["problems"]
    assert "1 of 1 feeds have problems" in r.stderr


def test_opml_round_trip(config: Path, tmp_path: Path) -> None:
    out = tmp_path / "subs.opml"
    r = run("feeds", "export", "-o", str(out), "--feeds", str(config))
    assert r.exit_code == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert run("feeds", "export", "--feeds", str(config)).stdout == out.read_text(encoding="utf-8")

    fresh = tmp_path / "new.yaml"
    r = run("feeds", "import", str(out), "--feeds", str(fresh))
    assert r.exit_code == 0, r.stderr
    assert "imported 2 feeds" in r.stderr
    listed = [
        (f["name"], f["url"], f["tags"])
        for f in json.loads(run("feeds", "list", "--json", "--feeds", str(fresh)).stdout)["feeds"]
    ]
    original = [
        (f["name"], f["url"], f["tags"])
        for f in json.loads(run("feeds", "list", "--json", "--feeds", str(config)).stdout)["feeds"]
    ]
    assert listed == original
    # Importing again adds nothing: every feed is already listed.
    r = run("feeds", "import", str(out), "--feeds", str(fresh))
    assert "imported 0 feeds" in r.stderr
    assert "2 already listed" in r.stderr


def test_status_shows_health_and_back_off(server: FeedServer, tmp_path: Path) -> None:
    good = server.add("/good.xml", FEED)
    busy = server.add("/busy.xml", "slow down", status=429, headers={"Retry-After": "7200"})
    gone = server.add("/gone.xml", "", status=410)
    dead = f"http://127.0.0.1:{free_port()}/feed.xml"
    config = write_config(
        tmp_path / "feeds.yaml",
        [
            {"name": "Good", "url": good},
            {"name": "Busy", "url": busy},
            {"name": "Gone", "url": gone},
            {"name": "Dead", "url": dead},
            {"name": "Search", "url": server.url("/s/{query}.xml")},
        ],
    )
    server.add("/s/sailing.xml", FEED)
    r = run("refresh", "--feeds", str(config))
    assert r.exit_code == 3
    run("--feeds", str(config), "--offline", "sailing")  # registers nothing: offline
    run("--feeds", str(config), "sailing")  # fetches the search feed for "sailing"
    r = run("feeds", "status", "--feeds", str(config))
    assert r.exit_code == 0, r.stderr
    lines = {line.split()[0]: line for line in r.stdout.splitlines()[1:]}
    assert re.search(r"Good\s+1\s+now\s+in (59m|1h)\s+ok$", lines["Good"])
    assert "paused by its server until" in lines["Busy"]
    assert "disabled (410 Gone)" in lines["Gone"]
    assert re.search(r"failing ×1, backing off 2h: connection refused", lines["Dead"])
    assert "Search:" in lines  # the instance for "sailing"

    feeds = {f["name"]: f for f in json.loads(
        run("feeds", "status", "--json", "--feeds", str(config)).stdout)["feeds"]}  # fmt: skip
    assert feeds["Good"]["articles"] == 1
    assert feeds["Good"]["due"] is False
    assert feeds["Good"]["interval_source"] == "default"
    assert feeds["Busy"]["retry_until"] is not None
    assert feeds["Gone"]["disabled"] == "410 Gone"
    assert feeds["Dead"]["failures"] == 1
    assert feeds["Dead"]["backoff"] == 7200
    assert feeds["Dead"]["last_error"] == "connection refused"
    assert feeds["Search: sailing"]["kind"] == "search"
    assert feeds["Search: sailing"]["articles"] == 1


# -- schedule -------------------------------------------------------------------------


def test_schedule_cron_line_runs_as_printed(tmp_path: Path, server: FeedServer) -> None:
    config = write_config(
        tmp_path / "my feeds%.yaml", [{"name": "A", "url": server.add("/a", FEED)}]
    )
    cache = tmp_path / "cache dir"
    r = run("schedule", "--cron", "--feeds", str(config), "--cache-dir", str(cache))
    assert r.exit_code == 0, r.stderr
    line = [x for x in r.stdout.splitlines() if x and not x.startswith("#")]
    assert len(line) == 1
    fields = line[0].split(" ", 5)
    assert re.fullmatch(r"\d{1,2}-59/15", fields[0])
    assert fields[1:5] == ["*", "*", "*", "*"]
    command = shlex.split(fields[5].replace(r"\%", "%"))  # what cron runs
    assert command[0] == str(Path(sys.executable).parent / "giftfind")  # this install's
    assert command[1:] == ["refresh", "--feeds", str(config.resolve()), "--cache-dir",
                           str(cache.resolve()), "--wait", "60"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # quiet on success: cron mails nothing
    assert len(server.hits("/a")) == 1


@pytest.mark.parametrize(
    ("every", "cron", "calendar"),
    [
        ("5m", r"\d-59/5 \* \* \* \*", r"\*:0\d/5"),
        ("1h", r"\d+ \* \* \* \*", r"\*:\d\d"),
        ("6h", r"\d+ \d-23/6 \* \* \*", r"0\d/6:\d\d"),
        ("1d", r"\d+ \d+ \* \* \*", r"\d\d:\d\d"),
    ],
)
def test_schedule_periods(every: str, cron: str, calendar: str) -> None:
    r = run("schedule", "--every", every)
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    cron_line = next(x for x in lines if x and not x.startswith("#"))
    assert re.match(cron + " /", cron_line), cron_line
    assert re.fullmatch(
        "OnCalendar=" + calendar, next(x for x in lines if x.startswith("OnCalendar"))
    )


def test_schedule_systemd_units(tmp_path: Path) -> None:
    cache = tmp_path / "50% cache"
    r = run("schedule", "--systemd", "--cache-dir", str(cache))
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "crontab" not in out
    assert "[Service]\nType=oneshot\nExecStart=" in out
    exec_start = next(x for x in out.splitlines() if x.startswith("ExecStart="))
    assert f'"{str(cache.resolve()).replace("%", "%%")}"' in exec_start
    assert "SuccessExitStatus=3" in out
    assert "[Timer]" in out
    assert "Persistent=true" in out
    assert "WantedBy=timers.target" in out
    assert "systemctl --user enable --now giftfind-refresh.timer" in out


def test_schedule_refuses_a_period_a_calendar_cannot_repeat() -> None:
    r = run("schedule", "--every", "50m")
    assert r.exit_code == 2
    assert "--every 50m: a schedule repeats a divisor of an hour or of a day" in r.stderr


def test_feeds_commands_print_help_and_fail_cleanly() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "giftfind", "feeds", "remove", "X", "--feeds", "/nonexistent.yaml"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1
    assert "Traceback" not in r.stderr


def test_schedule_pairs_refresh_with_a_digest(tmp_path: Path, server: FeedServer) -> None:
    feed = rss([{"title": "Sailing news", "link": "https://a.example/s", "guid": "s",
                 "description": "A regatta on the lake."}])  # fmt: skip
    config = write_config(tmp_path / "feeds.yaml", [{"name": "A", "url": server.add("/a", feed)}])
    r = run("schedule", "--cron", "--feeds", str(config), "--cache-dir", str(tmp_path / "c"))
    paired = next(x for x in r.stdout.splitlines() if x.startswith("# 0 8 * * * "))
    refresh, digest = paired.removeprefix("# 0 8 * * * ").split("; ")
    digest_args = shlex.split(digest.removesuffix(" >> $HOME/giftfind-digest.md"))
    assert digest_args[1:4] == ["digest", "--format", "markdown"]
    # Run as cron would, with a person to follow: the digest lists what the refresh stored.
    assert subprocess.run(shlex.split(refresh), capture_output=True, timeout=60).returncode == 0
    data = digest_args[digest_args.index("--data-dir") + 1]
    add = run("people", "add", "Jane Doe", "--interests", "sailing", "--data-dir", data)
    assert add.exit_code == 0, add.stderr
    done = subprocess.run(digest_args, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "## Jane Doe" in done.stdout
    assert "Sailing news" in done.stdout
