"""``giftfind for``, ``sent``, ``history``, ``digest`` and ``batch``, run as a user runs them.

The feeds are local files whose items are dated relative to now (a digest looks
at recent articles), refreshed with ``giftfind refresh --all``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from giftfind import core, followup
from giftfind.cli import app
from giftfind.index import Index
from giftfind.people import read_book

from .conftest import SAMPLE, rss, write_config
from .test_cli import RESULT_FIELDS

runner = CliRunner()


def run(*args: str, input: str | None = None) -> Any:
    return runner.invoke(app, list(args), input=input)


def item(slug: str, title: str, text: str, days_ago: float = 1.0) -> dict[str, str]:
    when = datetime.now(UTC) - timedelta(days=days_ago)
    link = f"https://news.example/{slug}"
    return {
        "title": title,
        "link": link,
        "guid": link,
        "description": text,
        "pubDate": format_datetime(when, usegmt=True),
    }


SAILING = [
    item(
        "regatta", "Sailing regatta on Lake Michigan", "Eighty sailing boats raced off Chicago.", 1
    ),
    item("school", "Learn sailing this winter", "A sailing school opens indoor classes.", 2),
    item(
        "harbor", "Chicago harbor reopens for sailing", "Sailing returns to the Chicago harbor.", 3
    ),
    item("bread", "Bread of the week", "Sourdough tips from a baker.", 1),
]
CITY = [
    item("train", "Chicago opens a new train line", "The CTA extends the Red Line south.", 1),
    item("bakery", "A Chicago bakery wins a prize", "Sourdough bread from the South Side.", 2),
]


class Feeds:
    """Two local feed files and their feeds.yaml; items can be added and refreshed."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.harbor = list(SAILING)
        self.city = list(CITY)
        self.config = write_config(
            directory / "feeds.yaml",
            [
                {"name": "Harbor News", "url": "harbor.xml"},
                {"name": "City Desk", "url": "city.xml"},
            ],
            settings="retention_days: 0\nmax_age: 1000d",
        )
        self.write()

    def write(self) -> None:
        (self.dir / "harbor.xml").write_text(rss(self.harbor), encoding="utf-8")
        (self.dir / "city.xml").write_text(rss(self.city), encoding="utf-8")

    def refresh(self) -> None:
        r = run("refresh", "--all", "--feeds", str(self.config))
        assert r.exit_code == 0, r.stderr

    def add(self, new: dict[str, str]) -> None:
        self.harbor.append(new)
        self.write()
        self.refresh()

    @property
    def opt(self) -> list[str]:
        return ["--feeds", str(self.config), "--offline"]


@pytest.fixture
def feeds(tmp_path: Path) -> Feeds:
    f = Feeds(tmp_path)
    f.refresh()
    return f


@pytest.fixture
def jane_and_sam(_isolated: Path) -> Path:
    assert run("people", "add", "Jane Doe", "-i", "sailing, Chicago").exit_code == 0
    assert run("people", "add", "Sam Lee", "-i", "sailing, bread").exit_code == 0
    return _isolated / "data"


def urls(stdout: str) -> list[str]:
    return [x["url"] for x in json.loads(stdout)["results"]]


# -- giftfind for / sent / history -------------------------------------------------------


def test_sent_gifts_never_come_back_for_her_but_do_for_others(
    feeds: Feeds, jane_and_sam: Path
) -> None:
    regatta = "https://news.example/regatta"
    before = run("for", "jane", *feeds.opt, "--json")
    assert before.exit_code == 0, before.stderr
    assert regatta in urls(before.stdout)

    r = run("sent", "Jane Doe", regatta + "?utm_source=newsletter")  # as pasted from a mail
    assert r.exit_code == 0, r.stderr
    assert r.stderr == (
        f"giftfind: recorded 'Sailing regatta on Lake Michigan' as sent to Jane Doe on "
        f"{datetime.now().date().isoformat()}\n"
    )
    for args in ([], ["--sort", "recent"], ["--since", "30d"], ["-n", "1"], ["--refresh"]):
        opts = feeds.opt if "--refresh" not in args else ["--feeds", str(feeds.config)]
        r = run("for", "jane", *opts, "--json", *args)
        assert r.exit_code == 0, (args, r.stderr)
        assert regatta not in urls(r.stdout), args
        assert urls(r.stdout), args
    # Sam shares the interest, and was sent nothing: it is still his.
    assert regatta in urls(run("for", "sam", *feeds.opt, "--json").stdout)
    # A digest does not bring it back either.
    digest = json.loads(run("digest", *feeds.opt, "--json").stdout)
    by_name = {p["name"]: [x["url"] for x in p["results"]] for p in digest["people"]}
    assert regatta not in by_name["Jane Doe"]
    assert regatta in by_name["Sam Lee"]


def test_for_still_fills_the_limit_after_leaving_out_sent_ones(
    feeds: Feeds, jane_and_sam: Path
) -> None:
    first = urls(run("for", "jane", *feeds.opt, "--json", "-n", "2").stdout)
    assert len(first) == 2
    for url in first:
        assert run("sent", "jane", url).exit_code == 0
    r = run("for", "jane", *feeds.opt, "--json", "-n", "2")
    doc = json.loads(r.stdout)
    assert len(doc["results"]) == 2
    assert not set(urls(r.stdout)) & set(first)
    assert doc["left_out"] == 2


def test_for_json_and_jsonl_shapes(feeds: Feeds, jane_and_sam: Path) -> None:
    r = run("for", "jane", *feeds.opt, "--json")
    doc = json.loads(r.stdout)
    assert list(doc) == [
        "schema_version", "person", "query", "interests", "cached", "results", "warnings",
        "left_out",
    ]  # fmt: skip
    assert doc["person"] == "Jane Doe"
    assert doc["query"] == "sailing, Chicago"
    assert doc["interests"] == ["sailing", "Chicago"]
    assert [x["rank"] for x in doc["results"]] == list(range(1, len(doc["results"]) + 1))
    for x in doc["results"]:
        assert set(x) == RESULT_FIELDS
    r = run("for", "jane", *feeds.opt, "-f", "jsonl")
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert lines
    for x in lines:
        assert set(x) == RESULT_FIELDS | {"schema_version", "person", "query", "interests"}
        assert x["person"] == "Jane Doe"
    md = run("for", "jane", *feeds.opt, "-f", "markdown").stdout
    assert md.startswith("## Articles for Jane Doe (sailing, Chicago)\n")
    table = run("for", "jane", *feeds.opt).stdout
    assert table.startswith(" 1. ")


@pytest.mark.usefixtures("_isolated")
def test_for_with_nothing_left_exits_1(feeds: Feeds) -> None:
    assert run("people", "add", "Ann", "-i", "bread").exit_code == 0
    for url in urls(run("for", "ann", *feeds.opt, "--json", "-n", "10").stdout):
        assert run("sent", "ann", url).exit_code == 0
    r = run("for", "ann", *feeds.opt, "--json")
    assert r.exit_code == 1
    assert json.loads(r.stdout)["results"] == []
    assert "no matching articles for Ann (2 already sent left out)" in r.stderr
    r = run("for", "nobody", *feeds.opt)
    assert r.exit_code == 2
    assert "no person named 'nobody'" in r.stderr


def test_sent_needs_a_stored_link_or_a_title(feeds: Feeds, jane_and_sam: Path) -> None:
    r = run("sent", "jane", "https://elsewhere.example/story")
    assert r.exit_code == 2
    assert r.stderr == (
        "giftfind: https://elsewhere.example/story is not an article giftfind has stored: "
        "check the link, or give --title to record it anyway\n"
    )
    r = run(
        "sent",
        "jane",
        "https://elsewhere.example/story",
        "--title",
        "A story",
        "--date",
        "2026-11-20",
    )
    assert r.exit_code == 0, r.stderr
    assert run("sent", "jane", "javascript:alert(1)", "--title", "x").exit_code == 2
    assert run("sent", "jane", "https://news.example/train", "--date", "soon").exit_code == 2
    # The same article twice is recorded once.
    assert run("sent", "jane", "https://news.example/train", "--date", "2026-11-21").exit_code == 0
    r = run("sent", "jane", "https://NEWS.example/train/")
    assert r.exit_code == 0
    assert "was already sent to Jane Doe on 2026-11-21; nothing recorded" in r.stderr

    r = run("history", "jane")
    assert r.stdout.splitlines() == [
        "2026-11-20  A story",
        "            https://elsewhere.example/story",
        "2026-11-21  Chicago opens a new train line",
        "            https://news.example/train",
    ]
    doc = json.loads(run("history", "jane", "--json").stdout)
    assert doc["name"] == "Jane Doe"
    assert doc["gifts"] == [
        {
            "sent": "2026-11-20",
            "title": "A story",
            "url": "https://elsewhere.example/story",
            "id": None,
        },
        {
            "sent": "2026-11-21",
            "title": "Chicago opens a new train line",
            "url": "https://news.example/train",
            "id": "https://news.example/train",
        },
    ]
    r = run("history", "sam")
    assert r.stdout == ""
    assert "nothing sent to Sam Lee yet" in r.stderr


# -- giftfind digest ---------------------------------------------------------------------


def digest_urls(stdout: str) -> dict[str, list[str]]:
    doc = json.loads(stdout)
    return {p["name"]: [x["url"] for x in p["results"]] for p in doc["people"]}


def marks(data: Path) -> dict[str, datetime | None]:
    return {p.name: p.last_digest for p in read_book(data).people}


def test_digest_shows_only_what_is_new_since_the_last_one(feeds: Feeds, jane_and_sam: Path) -> None:
    r = run("digest", *feeds.opt, "--json")
    assert r.exit_code == 0, r.stderr
    first = digest_urls(r.stdout)
    assert "https://news.example/regatta" in first["Jane Doe"]
    assert "https://news.example/bread" in first["Sam Lee"]
    assert all(m is not None for m in marks(jane_and_sam).values())

    # Nothing was stored since: nothing new (exit 1, like a search that finds nothing).
    r = run("digest", *feeds.opt, "--json")
    assert r.exit_code == 1
    assert digest_urls(r.stdout) == {"Jane Doe": [], "Sam Lee": []}
    assert "nothing new since the last digest" in r.stderr
    r = run("digest", *feeds.opt)
    assert (r.exit_code, r.stdout) == (1, "")

    # A new article arrives; an old one is fetched again (not new); one is sent first.
    feeds.add(
        item(
            "mackinac",
            "Chicago sailing race to Mackinac set",
            "The sailing race starts in Chicago.",
            0.1,
        )
    )
    feeds.add(
        item(
            "ferry",
            "Sailing ferry to Chicago returns",
            "A sailing ferry links Chicago and Michigan.",
            0.1,
        )
    )
    assert run("sent", "sam", "https://news.example/ferry").exit_code == 0
    r = run("digest", *feeds.opt, "--json")
    assert r.exit_code == 0, r.stderr
    assert digest_urls(r.stdout) == {
        "Jane Doe": ["https://news.example/mackinac", "https://news.example/ferry"]
        if digest_urls(r.stdout)["Jane Doe"][0].endswith("mackinac")
        else ["https://news.example/ferry", "https://news.example/mackinac"],
        "Sam Lee": ["https://news.example/mackinac"],
    }
    # --since looks further back, whatever the marks say.
    r = run("digest", *feeds.opt, "--json", "--since", "30d", "--person", "jane")
    assert "https://news.example/regatta" in digest_urls(r.stdout)["Jane Doe"]
    assert list(digest_urls(r.stdout)) == ["Jane Doe"]


def test_digest_json_shape_and_formats(feeds: Feeds, jane_and_sam: Path) -> None:
    r = run("digest", *feeds.opt, "--json", "-n", "1", "-p", "jane", "-p", "JANE DOE")
    doc = json.loads(r.stdout)
    assert list(doc) == ["schema_version", "generated", "people", "warnings"]
    assert doc["generated"].endswith("Z")
    assert len(doc["people"]) == 1
    section = doc["people"][0]
    assert list(section) == ["name", "interests", "since", "left_out", "results"]
    assert section["interests"] == ["sailing", "Chicago"]
    assert datetime.fromisoformat(section["since"]) < datetime.now(UTC)
    assert len(section["results"]) == 1
    assert set(section["results"][0]) == RESULT_FIELDS

    r = run("digest", *feeds.opt, "--since", "7d", "-f", "jsonl")
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert {x["person"] for x in lines} == {"Jane Doe", "Sam Lee"}
    for x in lines:
        assert set(x) == RESULT_FIELDS | {"schema_version", "person", "interests", "since"}

    r = run("digest", *feeds.opt, "--since", "7d", "-f", "markdown")
    assert r.stdout.startswith("# giftfind digest, ")
    assert "\n## Jane Doe (sailing, Chicago): " in r.stdout
    r = run("digest", *feeds.opt, "--since", "7d")
    assert r.stdout.startswith("== Jane Doe (sailing, Chicago): ")
    r = run("digest", *feeds.opt, "--since", "7d", "-f", "letter", "-n", "1")
    assert r.stdout.startswith("For Jane Doe:\n\nSince we talked about ")


def test_digest_mark_stays_when_output_fails_in_process(
    feeds: Feeds, jane_and_sam: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import giftfind.report

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("render failed")

    with monkeypatch.context() as patch:
        patch.setattr(giftfind.report, "render_digest", broken)
        r = run("digest", *feeds.opt)
    assert r.exit_code == 70
    assert "render failed" in r.stderr
    assert marks(jane_and_sam) == {"Jane Doe": None, "Sam Lee": None}
    r = run("digest", *feeds.opt)
    assert r.exit_code == 0
    assert None not in marks(jane_and_sam).values()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and /dev/full")
@pytest.mark.parametrize("target", ["closed-pipe", "full-disk"])
def test_digest_mark_stays_when_stdout_fails(feeds: Feeds, jane_and_sam: Path, target: str) -> None:
    if target == "full-disk" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    args = [sys.executable, "-m", "giftfind", "digest", *feeds.opt]
    env = {**os.environ}
    if target == "closed-pipe":
        read, write = os.pipe()
        os.close(read)  # nobody will read: the first write fails (EPIPE)
        proc = subprocess.run(
            args, stdout=write, stderr=subprocess.PIPE, text=True, env=env, check=False
        )
        os.close(write)
    else:
        with open("/dev/full", "w") as full:
            proc = subprocess.run(
                args, stdout=full, stderr=subprocess.PIPE, text=True, env=env, check=False
            )
    assert proc.returncode == 1, proc.stderr
    assert "giftfind: cannot write the digest" in proc.stderr
    assert "the digest marks were not moved" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert marks(jane_and_sam) == {"Jane Doe": None, "Sam Lee": None}
    # Printed for real this time: the marks move.
    proc = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Sailing regatta" in proc.stdout
    assert None not in marks(jane_and_sam).values()


def test_digest_mark_is_the_newest_article_seen_not_the_clock(
    feeds: Feeds, jane_and_sam: Path
) -> None:
    config = core.load(feeds.config)
    made = followup.digest(read_book(jane_and_sam).people, config=config, offline=True)
    newest = max(
        a.first_seen
        for _, articles in core._open_store(None).articles(
            {k: k for k in core._open_store(None).feed_keys()}
        )[1]
        for a in articles
        if a.first_seen is not None
    )
    assert set(made.marks.values()) == {newest}
    followup.commit_digest(jane_and_sam, made)
    assert set(marks(jane_and_sam).values()) == {newest}


def test_digest_without_people(feeds: Feeds) -> None:
    r = run("digest", *feeds.opt)
    assert r.exit_code == 1
    assert "no people yet" in r.stderr


# -- giftfind batch ----------------------------------------------------------------------


def test_batch_csv_reports_bad_rows_by_line_and_answers_the_rest(
    feeds: Feeds, tmp_path: Path
) -> None:
    file = tmp_path / "people.csv"
    file.write_text(
        "company,name,interests\n"
        'Acme,Jane Doe,"sailing, Chicago"\n'
        "Acme,No Interests,\n"
        "Short\n"
        "\n"
        'Beta,"Sam\nLee",bread\n'
        "Gamma,,sailing\n"
        "Delta,Al,quantum chromodynamics\n",
        encoding="utf-8",
    )
    r = run("batch", str(file), *feeds.opt, "-n", "2")
    assert r.exit_code == 5, r.stderr
    assert r.stderr.splitlines() == [
        f"giftfind: {file}:3: no interests",
        f"giftfind: {file}:4: 1 fields, but the header names 3",
        f"giftfind: {file}:8: no name",
        f"giftfind: 3 bad rows in {file} (the others were answered)",
    ]
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(x["line"], x["name"]) for x in rows] == [(2, "Jane Doe"), (6, "Sam Lee"), (9, "Al")]
    for x in rows:
        assert list(x) == ["schema_version", "line", "name", "query", "interests", "results"]
        assert len(x["results"]) <= 2
        for res in x["results"]:
            assert set(res) == RESULT_FIELDS
    assert rows[0]["interests"] == ["sailing", "Chicago"]
    assert "https://news.example/regatta" in [x["url"] for x in rows[0]["results"]]
    assert rows[1]["results"][0]["title"] in {"Bread of the week", "A Chicago bakery wins a prize"}
    assert rows[2]["results"] == []


def test_batch_json_lines_from_stdin(feeds: Feeds) -> None:
    lines = "\n".join(
        [
            json.dumps({"name": "Jane Doe", "interests": "sailing, Chicago"}),
            "{not json",
            json.dumps(["a", "list"]),
            json.dumps({"name": "Sam", "interests": ["bread", "sourdough"], "extra": 1}),
            json.dumps({"name": "Al", "interests": 3}),
        ]
    )
    r = run("batch", "-", *feeds.opt, input=lines + "\n")
    assert r.exit_code == 5
    assert r.stderr.splitlines()[:3] == [
        "giftfind: <stdin>:2: not valid JSON (Expecting property name enclosed in double quotes)",
        'giftfind: <stdin>:3: expected an object: {"name": ..., "interests": ...}',
        "giftfind: <stdin>:5: no interests (a comma-separated string)",
    ]
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(x["line"], x["interests"]) for x in rows] == [
        (1, ["sailing", "Chicago"]),
        (4, ["bread", "sourdough"]),
    ]
    r = run("batch", "-", *feeds.opt, input=json.dumps({"name": "A", "interests": "sailing"}))
    assert r.exit_code == 0
    assert r.stderr == ""


def test_batch_file_errors(feeds: Feeds, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("who,what\nJane,sailing\n")
    r = run("batch", str(bad), *feeds.opt)
    assert r.exit_code == 2
    assert r.stderr == (
        f"giftfind: {bad}:1: the first line must name the columns: name,interests "
        "(or give JSON Lines)\n"
    )
    r = run("batch", str(tmp_path / "missing.csv"), *feeds.opt)
    assert r.exit_code == 2
    assert "cannot read it" in r.stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert run("batch", str(empty), *feeds.opt).exit_code == 0


@pytest.fixture
def index_opens(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Counts Index.open calls (each maps a snapshot's arrays: the cost batch saves)."""
    calls: list[Path] = []
    original = Index.open.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Index], parent: Path) -> Index | None:
        calls.append(parent)
        return original(cls, parent)  # type: ignore[no-any-return]

    monkeypatch.setattr(Index, "open", classmethod(counting))
    return calls


def test_batch_of_200_rows_opens_the_index_once(
    feeds: Feeds, tmp_path: Path, index_opens: list[Path]
) -> None:
    queries = ["sailing, Chicago", "bread", "train", "sailing school", "Chicago bakery"]
    file = tmp_path / "many.csv"
    file.write_text(
        "name,interests\n" + "".join(f'P{n},"{queries[n % 5]}, topic{n}"\n' for n in range(200)),
        encoding="utf-8",
    )
    r = run("batch", str(file), *feeds.opt)
    assert r.exit_code == 0, r.stderr
    assert len(r.stdout.splitlines()) == 200
    assert len(index_opens) == 1
    # The library call, too; separate searches open it each time (the spy works).
    index_opens.clear()
    rows = [
        followup.Row(line=n, name=f"P{n}", query=queries[n % 5] + f", other{n}") for n in range(200)
    ]
    answers = list(followup.batch(rows, feeds=feeds.config, offline=True))
    assert len(answers) == 200
    assert len(index_opens) == 1
    index_opens.clear()
    for q in ("sailing, x1", "bread, x2", "train, x3"):
        core.search_response(q, feeds=feeds.config, offline=True)
    assert len(index_opens) == 3


def test_batch_rows_answer_as_a_search_does(feeds: Feeds) -> None:
    rows = [followup.Row(line=1, name="J", query="sailing, Chicago")]
    (answer,) = followup.batch(rows, feeds=feeds.config, offline=True, limit=3)
    assert isinstance(answer, followup.RowAnswer)
    search = core.search_response("sailing, Chicago", feeds=feeds.config, offline=True, limit=3)
    assert [r.id for r in answer.results] == [r.id for r in search.results]


# -- lazy imports --------------------------------------------------------------------------


@pytest.mark.skipif(not SAMPLE.is_dir(), reason="the bundled sample is absent")
def test_for_imports_nothing_heavy(tmp_path: Path) -> None:
    from .test_lazy_imports import HEAVY, SCRIPT

    env = {
        "GIFTFIND_CACHE_DIR": str(tmp_path / "cache"),
        "GIFTFIND_DATA_DIR": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
        "COLUMNS": "100",
    }
    feeds = str(SAMPLE / "feeds.yaml")

    def modules(*args: str) -> tuple[int, set[str]]:
        proc = subprocess.run(
            [sys.executable, "-c", SCRIPT, *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        return data["code"], set(data["modules"])

    assert modules("refresh", "--feeds", feeds)[0] == 0
    assert modules("people", "add", "Jane Doe", "-i", "sailing, Chicago")[0] == 0
    code, loaded = modules("for", "jane", "--feeds", feeds, "--offline")
    assert code == 0
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
