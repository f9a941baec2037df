"""The command line, run as a user runs it (typer's runner, and a few real subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giftfind.cli import app

from .conftest import FeedServer, free_port, rss, write_config

runner = CliRunner()

SAILING = rss(
    [
        {
            "title": "Sailing on Lake Michigan",
            "link": "https://news.example/sail-chicago",
            "guid": "https://news.example/sail-chicago",
            "description": "A &lt;b&gt;regatta&lt;/b&gt; off Chicago's lakefront drew 80 boats.",
            "pubDate": "Mon, 23 Nov 2026 10:00:00 +0000",
        },
        {
            "title": "Learn to sail this winter",
            "link": "https://news.example/sail-school",
            "guid": "https://news.example/sail-school",
            "description": "A sailing school opens indoor classes.",
            "pubDate": "Sun, 22 Nov 2026 10:00:00 +0000",
        },
        {
            "title": "Bread of the week",
            "link": "https://news.example/bread",
            "guid": "https://news.example/bread",
            "description": "Sourdough tips from a baker.",
            "pubDate": "Sun, 22 Nov 2026 11:00:00 +0000",
        },
    ]
)
CITY = rss(
    [
        {
            "title": "Chicago opens a new train line",
            "link": "https://city.example/train",
            "guid": "https://city.example/train",
            "description": "The CTA extends the Red Line south.",
            "pubDate": "Tue, 24 Nov 2026 08:00:00 -0600",
        },
        {
            "title": "Weather turns cold",
            "link": "https://city.example/weather",
            "guid": "https://city.example/weather",
            "description": "Snow is expected this weekend.",
            "pubDate": "Tue, 24 Nov 2026 09:00:00 -0600",
        },
    ]
)

RESULT_FIELDS = {
    "rank", "title", "url", "source", "published", "summary", "author", "score",
    "matched_interests", "matched_terms", "also_in", "id",
}  # fmt: skip


@pytest.fixture
def config(server: FeedServer, tmp_path: Path) -> Path:
    return write_config(
        tmp_path / "feeds.yaml",
        [
            {"name": "Harbor News", "url": server.add("/sail.xml", SAILING, etag='"s1"')},
            {"name": "City Desk", "url": server.add("/city.xml", CITY, etag='"c1"')},
            {
                "name": "Broken",
                "url": server.add("/broken.xml", "<html><body>not a feed</body></html>"),
            },
            {"name": "Dead", "url": f"http://127.0.0.1:{free_port()}/feed.xml"},
        ],
        settings="retention_days: 0",
    )


def run(*args: str) -> object:
    return runner.invoke(app, list(args))


def test_table_search_with_broken_feeds(config: Path, server: FeedServer) -> None:
    r = run("--feeds", str(config), "sailing, Chicago")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert out.splitlines()[0] == " 1. Sailing on Lake Michigan"
    assert "Harbor News · 2026-11-23" in out
    assert "https://news.example/sail-chicago" in out
    assert "A regatta off Chicago's lakefront drew 80 boats." in out  # no raw HTML
    assert "<b>" not in out
    assert "Chicago opens a new train line" in out
    assert "Bread" not in out
    assert "Weather" not in out
    assert "matched: sailing, Chicago" in out
    # One line per failing feed, on stderr, naming it.
    assert "giftfind: warning: feed 'Broken': not a feed (an HTML page)" in r.stderr
    assert "giftfind: warning: feed 'Dead': connection refused" in r.stderr
    assert "Traceback" not in r.stderr


def test_json_schema_and_option_placement(config: Path) -> None:
    for args in (
        ["--json", "--feeds", str(config), "sailing, Chicago"],
        ["sailing, Chicago", "--feeds", str(config), "--format", "json"],
        ["search", "--feeds", str(config), "sailing, Chicago", "--json"],
    ):
        r = run(*args)
        assert r.exit_code == 0, r.stderr
        doc = json.loads(r.stdout)
        assert doc["schema_version"] == 1
        assert doc["query"] == "sailing, Chicago"
        assert doc["interests"] == ["sailing", "Chicago"]
        assert {w["feed"] for w in doc["warnings"]} >= {"Broken", "Dead"} or doc["cached"]
        results = doc["results"]
        assert [x["rank"] for x in results] == list(range(1, len(results) + 1))
        for x in results:
            assert set(x) == RESULT_FIELDS
            assert isinstance(x["title"], str)
            assert x["title"]
            assert x["url"].startswith("https://")
            assert x["source"] in {"Harbor News", "City Desk"}
            assert x["published"].endswith("Z")
            assert isinstance(x["score"], float)
            assert x["score"] > 0
            assert set(x["matched_interests"]) <= {"sailing", "Chicago"}
            assert x["matched_terms"]
        top = results[0]
        assert top["title"] == "Sailing on Lake Michigan"
        assert top["matched_interests"] == ["sailing", "Chicago"] or top["matched_interests"] == [
            "Chicago",
            "sailing",
        ]
        assert top["published"] == "2026-11-23T10:00:00Z"


def test_jsonl_and_markdown(config: Path) -> None:
    r = run("--feeds", str(config), "sailing", "-f", "jsonl")
    assert r.exit_code == 0
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(lines) == 2
    assert all(x["query"] == "sailing" and x["schema_version"] == 1 for x in lines)
    assert set(lines[0]) >= RESULT_FIELDS
    r = run("--feeds", str(config), "sailing, Chicago", "--format", "markdown", "--limit", "1")
    assert r.exit_code == 0
    md = r.stdout
    assert md.startswith("## Articles for sailing, Chicago")
    assert (
        "1. **[Sailing on Lake Michigan](<https://news.example/sail-chicago>)** — Harbor News, 2026-11-23"
        in md
    )
    assert "2." not in md


def test_second_identical_search_is_cached_and_fetches_nothing(
    config: Path, server: FeedServer
) -> None:
    first = run("--feeds", str(config), "sailing, Chicago", "--json")
    assert first.exit_code == 0
    assert json.loads(first.stdout)["cached"] is False
    before = len(server.requests)
    second = run("--feeds", str(config), "sailing, Chicago", "--json")
    assert second.exit_code == 0
    assert len(server.requests) == before  # nothing fetched
    doc2 = json.loads(second.stdout)
    assert doc2["cached"] is True
    assert doc2["results"] == json.loads(first.stdout)["results"]


def test_a_renamed_or_reweighted_feed_is_not_answered_from_the_cache(
    config: Path, server: FeedServer
) -> None:
    first = run("--feeds", str(config), "sailing", "--json")
    assert first.exit_code == 0
    assert run("--feeds", str(config), "sailing", "--json", "--offline").exit_code == 0
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("name: Harbor News", "name: Harbour Daily"), encoding="utf-8")
    renamed = json.loads(run("--feeds", str(config), "sailing", "--json", "--offline").stdout)
    assert renamed["cached"] is False
    assert renamed["results"][0]["source"] == "Harbour Daily"
    again = json.loads(run("--feeds", str(config), "sailing", "--json", "--offline").stdout)
    assert again["cached"] is True
    weighted = text.replace("name: Harbor News\n", "name: Harbor News\n    weight: 0.5\n")
    assert weighted != text
    config.write_text(weighted, encoding="utf-8")
    reweighted = json.loads(run("--feeds", str(config), "sailing", "--json", "--offline").stdout)
    assert reweighted["cached"] is False
    assert reweighted["results"][0]["score"] < json.loads(first.stdout)["results"][0]["score"]


def test_refresh_flag_sends_conditional_requests(config: Path, server: FeedServer) -> None:
    assert run("--feeds", str(config), "sailing").exit_code == 0
    r = run("--feeds", str(config), "sailing", "--refresh")
    assert r.exit_code == 0
    sail = server.hits("/sail.xml")
    assert len(sail) == 2
    assert sail[1].headers.get("if-none-match") == '"s1"'


def test_no_match_exits_1(config: Path) -> None:
    r = run("--feeds", str(config), "quantum chromodynamics")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert "no matching articles" in r.stderr
    r = run("--feeds", str(config), "quantum chromodynamics", "--json")
    assert r.exit_code == 1
    assert json.loads(r.stdout)["results"] == []


def test_offline_never_fetches(config: Path, server: FeedServer) -> None:
    r = run("--feeds", str(config), "sailing", "--offline")
    assert r.exit_code == 1
    assert server.requests == []


def test_empty_query_is_a_usage_error(config: Path) -> None:
    r = run("--feeds", str(config), " , ")
    assert r.exit_code == 2
    assert "empty query" in r.stderr


def test_bad_options(config: Path) -> None:
    r = run("--feeds", str(config), "x", "--since", "soon")
    assert r.exit_code == 2
    assert "--since: invalid duration 'soon'" in r.stderr
    r = run("--feeds", str(config), "x", "--refresh", "--offline")
    assert r.exit_code == 2
    r = run("--feeds", str(config), "x", "--format", "xml")
    assert r.exit_code == 2


def test_config_error_exits_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("feeds:\n  - name: A\n    urll: https://a.example/f\n")
    for args in (["--feeds", str(bad), "sailing"], ["refresh", "--feeds", str(bad)]):
        r = run(*args)
        assert r.exit_code == 2
        assert r.stderr.strip() == (
            f"giftfind: {bad}:3: feed 'A': unknown key 'urll' (did you mean 'url'?)"
        )
        assert r.stdout == ""


def test_refresh_command_exit_codes(config: Path, server: FeedServer, tmp_path: Path) -> None:
    r = run("refresh", "--feeds", str(config))
    assert r.exit_code == 3
    assert "feed 'Broken'" in r.stderr
    assert "feed 'Dead'" in r.stderr
    assert "4 feeds: 2 fetched" in r.stderr
    assert r.stdout == ""
    good = write_config(
        tmp_path / "good.yaml", [{"name": "Harbor News", "url": server.url("/sail.xml")}]
    )
    r = run("refresh", "--feeds", str(good))
    assert r.exit_code == 0
    assert r.stderr == ""  # quiet on success
    r = run("--feeds", str(good), "refresh", "-v")  # options before the command
    assert r.exit_code == 0
    assert "1 feeds: 0 fetched (0 new articles), 0 not modified, 1 not due" in r.stderr
    r = run("--feeds", str(good), "refresh", "-v", "--all")  # due or not
    assert r.exit_code == 0
    assert "1 feeds: 0 fetched (0 new articles), 1 not modified, 0 not due" in r.stderr


def test_search_for_the_word_refresh(config: Path) -> None:
    r = run("search", "refresh", "--feeds", str(config))
    assert r.exit_code == 1
    assert "no matching articles for refresh" in r.stderr


def test_no_arguments_shows_help() -> None:
    r = run()
    assert r.exit_code == 2
    assert "Usage" in r.stdout + r.stderr


def test_internal_errors_are_one_line_unless_debug(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import giftfind.core

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(giftfind.core, "search_response", boom)
    r = run("--feeds", str(config), "sailing")
    assert r.exit_code == 70
    assert r.stderr.strip() == "giftfind: internal error (RuntimeError: kaboom); rerun with --debug"
    r = run("--feeds", str(config), "sailing", "--debug")
    assert isinstance(r.exception, RuntimeError)


def test_real_process_python_m_and_console_script(config: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "giftfind", "--version"], capture_output=True, text=True, check=False
    )
    assert r.returncode == 0
    assert r.stdout.startswith("giftfind ")
    exe = Path(sys.executable).with_name("giftfind")
    if not exe.exists():
        pytest.skip("the giftfind console script is not installed next to this Python")
    r = subprocess.run(
        [str(exe), "--feeds", str(config), "Chicago", "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.splitlines()[0])["title"] == "Chicago opens a new train line"
    assert "Traceback" not in r.stderr


def test_the_quick_exit_loses_no_output_no_exit_code_and_no_stored_data(
    config: Path, tmp_path: Path
) -> None:
    """The console script ends with os._exit after flushing: every byte of a long
    answer reaches a pipe, exit codes are kept, what a refresh stored is there for
    the next process, and a pipe closed early is not an error."""
    cache = tmp_path / "quick-exit-cache"
    base = [sys.executable, "-m", "giftfind", "--feeds", str(config), "--cache-dir", str(cache)]
    r = subprocess.run([*base, "refresh"], capture_output=True, text=True, check=False)
    assert r.returncode == 3, r.stderr  # two of the four feeds fail
    assert "2 fetched (5 new articles)" in r.stderr
    r = subprocess.run(
        [*base, "--offline", "Chicago, sailing, bread", "-n", "1000", "--json", "--explain"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["results"]) >= 3  # parses: nothing was cut off
    r = subprocess.run([*base, "--offline", "zzqqxx"], capture_output=True, text=True)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr.strip() == "giftfind: no matching articles for zzqqxx"
    r = subprocess.run([*base, "--offline", "--limit", "0", "x"], capture_output=True, text=True)
    assert r.returncode == 2
    assert "--limit" in r.stderr
    # With stderr closed (2>&- under cron): no traceback in place of the answer.
    r = subprocess.run(
        [sys.executable, "-m", "giftfind", "--version"],
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(2),
    )
    assert (r.returncode, r.stdout.startswith("giftfind ")) == (0, True)
    # A profiler still writes its results (it needs the normal exit).
    profile = tmp_path / "out.prof"
    r = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "giftfind", "--version"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert profile.stat().st_size > 0


def test_the_quick_exit_and_a_reader_that_goes_away(tmp_path: Path) -> None:
    """A long answer (hundreds of kilobytes, more than a pipe holds) to a reader that
    stops after the first line: exit 0, nothing on stderr."""
    items = [
        {
            "title": f"Sailing story {i} on the lake",
            "link": f"https://long.example/{i}",
            "guid": f"https://long.example/{i}",
            "description": "A regatta report with many words about sailing. " * 20,
        }
        for i in range(400)
    ]
    feed = tmp_path / "long.xml"
    feed.write_text(rss(items), encoding="utf-8")
    config = write_config(tmp_path / "feeds.yaml", [{"name": "Long", "url": str(feed)}])
    base = [sys.executable, "-m", "giftfind", "--feeds", str(config)]
    base += ["--cache-dir", str(tmp_path / "cache")]
    assert subprocess.run([*base, "refresh"], capture_output=True).returncode == 0
    full = subprocess.run(
        [*base, "--offline", "sailing", "-n", "400", "--format", "jsonl", "--explain"],
        capture_output=True,
        check=False,
    )
    assert full.returncode == 0, full.stderr
    assert len(full.stdout) > 256 * 1024  # more than a pipe's buffer
    assert len(full.stdout.decode().splitlines()) == 400
    with subprocess.Popen(
        [*base, "--offline", "sailing", "-n", "400", "--format", "jsonl", "--explain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert json.loads(proc.stdout.readline())["title"].startswith("Sailing story")
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 0
    assert err == b""


def test_the_quick_exit_waits_for_a_running_thread() -> None:
    """With a thread that is not a daemon still running, the exit is Python's own
    (which waits for it), not os._exit."""
    import threading

    from giftfind.cli import _exit_now

    release = threading.Event()
    worker = threading.Thread(target=release.wait, daemon=False)
    worker.start()
    try:
        with pytest.raises(SystemExit) as exited:
            _exit_now(3)
        assert exited.value.code == 3
    finally:
        release.set()
        worker.join()


def test_empty_store_says_so(config: Path) -> None:
    r = run("--feeds", str(config), "sailing", "--offline")
    assert r.exit_code == 1
    assert "no articles are stored for these feeds yet (searching offline)" in r.stderr


def test_a_search_runs_without_the_other_commands_but_any_named_one_is_there() -> None:
    from giftfind.cli import CORE_COMMANDS, _app_for, _command_name

    light = _app_for(["--offline", "sailing, Chicago"])
    assert light is not app
    assert {_command_name(c) for c in light.registered_commands} == set(CORE_COMMANDS)
    assert not light.registered_groups
    for argv in (["history", "Jane"], ["feeds", "list"], ["search", "digest"], ["-h"], []):
        assert _app_for(argv) is app
    # The full app still has every command.
    names = {_command_name(c) for c in app.registered_commands}
    assert {"search", "refresh", "schedule", "for", "sent", "history", "digest", "batch"} <= names


@pytest.mark.parametrize(
    "command",
    [["sailing"], ["search", "sailing"], ["for", "Jane Doe"], ["digest"], ["batch", "-"]],
)
def test_refresh_and_offline_together_are_refused(config: Path, command: list[str]) -> None:
    r = run(*command, "--feeds", str(config), "--refresh", "--offline")
    assert r.exit_code == 2
    assert r.stderr.strip() == "giftfind: --refresh and --offline cannot be used together"
