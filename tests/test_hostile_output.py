"""Hostile text from feeds never reaches the output raw, in any format.

Feeds carry terminal escape sequences, control and bidi characters, markup and
dangerous links in every field. Whatever they hold, the command's stdout (table,
json, jsonl, markdown) and stderr carry none of the unsafe characters, no
``<script``, no ``javascript:`` (or ``data:``, ``vbscript:``, ``file:``) link, and
Markdown holds no raw ``<`` from feed text.
"""

from __future__ import annotations

import json
import random
import re
import socket
import string
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from giftfind.cli import app
from giftfind.errors import ParseError
from giftfind.output import render
from giftfind.parse import TITLE_LEN, parse_feed
from giftfind.types import Article, FeedSpec, Result, SearchResponse

from .conftest import FeedServer, write_config

runner = CliRunner()

#: Characters no output may hold (newline aside, which the layouts use): C0 and C1
#: controls, DEL, zero-width space, LRM/RLM, bidi embeddings/overrides/isolates, BOM.
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
#: In a JSON string value even a newline is a leak: every field is one line.
UNSAFE_IN_VALUE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
FORMATS = ("table", "json", "jsonl", "markdown", "letter")
BAD_SCHEMES = re.compile(r"(?i)\b(?:java\s*script|vbscript|data|file)\s*:")

#: Terminal and Unicode tricks, each one put in every text field of one item.
ESCAPES: dict[str, str] = {
    "csi-colour": "\x1b[31;1mRED\x1b[0m",
    "osc-title-bel": "\x1b]0;owned title\x07",
    "osc-title-st": "\x1b]2;owned title\x1b\\",
    "osc-hyperlink": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "cursor-movement": "\x1b[2J\x1b[H\x1b[1A\x1b[10D\x1b[K\x1b7\x1b8",
    "csi-8-bit": "\x9b31m\x9b2J\x9b1;1H",
    "c0-controls": "".join(chr(c) for c in range(32)),
    "c1-controls": "".join(chr(c) for c in range(0x80, 0xA0)),
    "del-and-backspace": "safe\x7f\x08\x08\x08\x08evil\r\x1b[Kover",
    "bidi-override": "\u202eevil\u202c \u202aa\u202bb\u202dc\u202c",
    "bidi-isolates": "\u2066x\u2067y\u2068z\u2069",
    "zero-width": "a\u200bb\u200ec\u200fd\ufeffe",
    "line-separators": "one\u2028two\u2029three\x85four",
}
#: Markup, each put in every text field of one item (raw markup in JSON Feed HTML).
MARKUP: dict[str, str] = {
    "script-raw": "<script>alert(1)</script>",
    "script-mixed-case": "<ScRiPt type='text/javascript'>alert(1)</sCrIpT>",
    "script-escaped-once": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "script-escaped-twice": "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
    "img-onerror": '<img src=x onerror="alert(1)">',
    "img-onerror-escaped": "&lt;IMG SRC=x OnError=alert(1)&gt;",
    "svg-onload": "<svg onload=alert(1)><script>alert(2)</script></svg>",
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "anchor-javascript": '<a href="javascript:alert(1)">click</a>',
    "entity-escape": "&#x1b;[31mred&#27;]0;title&#7; &#x202e;rev &#x9b;2J",
}
#: Links that must be dropped (the item stays, without a link).
BAD_LINKS: dict[str, str] = {
    "javascript": "javascript:alert(1)",
    "javascript-mixed-case": "JaVaScRiPt:alert(document.cookie)",
    "javascript-padded": "  \tjavascript:alert(1)",
    "javascript-control": "\x01java\x00script:alert(1)",
    "javascript-slashes": "javascript://hostile.example/%0Aalert(1)",
    "data": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "vbscript:msgbox(1)",
    "file": "file:///etc/passwd",
    "file-upper": "FILE:///C:/Windows/win.ini",
}

_rng = random.Random(20261124)


def _word() -> str:
    return "".join(_rng.choice(string.ascii_lowercase) for _ in range(9))


#: One made-up word per item, so each item can be found in the output, and items
#: never look alike enough to be collapsed as near-duplicates.
MARKERS: dict[str, str] = {
    f"{kind}:{name}": _word()
    for kind, names in (("escape", ESCAPES), ("markup", MARKUP), ("link", BAD_LINKS))
    for name in names
}
MARKERS["long"] = _word()
LONG_TITLE = (
    "Sailing " + MARKERS["long"] + " " + " ".join(_word() for _ in range(10_000))
)  # ~100 KB


def _json_items() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for n, (name, hostile) in enumerate({**ESCAPES, **MARKUP}.items()):
        kind = "escape" if name in ESCAPES else "markup"
        marker = MARKERS[f"{kind}:{name}"]
        items.append(
            {
                "id": f"h{n}",
                "url": f"https://hostile.example/{n}",
                "title": f"Sailing {marker} {hostile} harbour",
                "content_html": f"<p>The {marker} {_word()} crew {hostile} {_word()} lighthouse</p>",
                "authors": [{"name": f"Author {hostile} {marker}"}],
                "tags": [hostile, f"tag {hostile}"],
                "date_published": "2026-11-20T10:00:00Z",
            }
        )
    for n, (name, link) in enumerate(BAD_LINKS.items()):
        marker = MARKERS[f"link:{name}"]
        items.append(
            {
                "id": f"l{n}",
                "url": link,
                "external_url": link,
                "title": f"Sailing {marker} linked {_word()}",
                "content_text": f"The {marker} {_word()} {_word()} marina",
            }
        )
    items.append(
        {
            "id": "long",
            "url": "https://hostile.example/long",
            "title": LONG_TITLE,
            "content_text": LONG_TITLE,
        }
    )
    return items


def _rss_items() -> str:
    """The same markup through RSS: in CDATA, escaped once and twice in the XML source."""
    parts = []
    for n, (name, hostile) in enumerate(MARKUP.items()):
        marker = _word()
        MARKERS[f"rss:{name}"] = marker
        parts.append(
            f"<item><title>{escape(f'Sailing {marker} {hostile} dock')}</title>"
            f"<link>https://rss.example/{n}</link><guid>https://rss.example/{n}</guid>"
            f"<description><![CDATA[<p>The {marker} {_word()} {hostile} buoy</p>]]></description>"
            f"<author>x@rss.example ({escape(hostile)})</author>"
            f"<category>{escape(hostile)}</category></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>RSS</title>'
        f"<link>https://rss.example/</link><description>d</description>{''.join(parts)}"
        "</channel></rss>"
    )


JSON_FEED = json.dumps(
    {"version": "https://jsonfeed.org/version/1.1", "title": "Hostile", "items": _json_items()}
)
RSS_FEED = _rss_items()


@pytest.fixture
def hostile_config(tmp_path: Path, server: FeedServer) -> Path:
    (tmp_path / "hostile.json").write_text(JSON_FEED, encoding="utf-8")
    return write_config(
        tmp_path / "feeds.yaml",
        [
            {"name": "Hostile JSON", "url": "hostile.json"},
            {
                "name": "Hostile RSS",
                "url": server.add(
                    "/rss.xml", RSS_FEED, headers={"Content-Type": "application/rss+xml"}
                ),
            },
        ],
        settings="retention_days: 0",
    )


def _strings(value: Any) -> Iterator[str]:
    """Every string in a decoded JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


_OWN_MD_LINK = re.compile(r"\]\(<https?://[^<>\s]*>\)")


def check_safe(text: str, fmt: str) -> None:
    """The invariants of one rendered output."""
    bad = UNSAFE.search(text)
    assert bad is None, (
        f"{fmt}: unsafe {bad.group()!r} in {text[max(0, bad.start() - 40) : bad.end() + 40]!r}"
    )
    if fmt in ("json", "jsonl"):
        docs = [json.loads(text)] if fmt == "json" else [json.loads(x) for x in text.splitlines()]
        for doc in docs:
            for s in _strings(doc):
                assert not UNSAFE_IN_VALUE.search(s), (fmt, s)
    if fmt == "markdown":
        # Our own links are "[title](<https://...>)"; any other "<" or ">" came from
        # feed text and was left unescaped.
        rest = _OWN_MD_LINK.sub("", text)
        assert "<" not in rest, rest[rest.index("<") - 60 : rest.index("<") + 60]
        assert ">" not in rest, rest[rest.index(">") - 60 : rest.index(">") + 60]


@pytest.mark.parametrize(
    ("body", "headers"),
    [(JSON_FEED, None), (RSS_FEED, {"content-type": "application/rss+xml"})],
    ids=["json-feed", "rss"],
)
def test_parsed_fields_are_plain(body: str, headers: dict[str, str] | None) -> None:
    """Every field, tags and authors included (the store and index see these), is plain."""
    feed = parse_feed(body.encode(), FeedSpec(name="P", url="https://p.example/f"), headers=headers)
    assert len(feed.articles) >= len(MARKUP)
    for a in feed.articles:
        for text in (a.id, a.title, a.summary, a.link, a.author or "", *a.tags):
            assert not UNSAFE_IN_VALUE.search(text), repr(text)
            assert "<script" not in text.lower()
            assert "onerror" not in text.lower()
        assert a.link == "" or re.match(r"https?://", a.link)
        assert not BAD_SCHEMES.search(a.link)
    tags = [t for a in feed.articles for t in a.tags]
    assert tags  # the hostile tags were read, and cleaned


def _search(config: Path, fmt: str, *extra: str) -> Any:
    r = runner.invoke(
        app, ["--feeds", str(config), "sailing", "-n", "200", "--format", fmt, *extra]
    )
    assert r.exit_code == 0, r.stderr
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "Traceback" not in r.stderr
    return r


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_text_never_reaches_the_output(hostile_config: Path, fmt: str) -> None:
    r = _search(hostile_config, fmt, "--explain")
    out = r.stdout
    missing = [k for k, m in MARKERS.items() if m not in out]
    assert not missing, f"items not shown, so not checked: {missing}"
    check_safe(out, fmt)
    check_safe(r.stderr, "stderr")
    assert "<script" not in out.lower()
    assert "onerror" not in out.lower()
    assert "onload" not in out.lower()
    assert "alert(2)" not in out  # the content of a script element is not text
    assert not BAD_SCHEMES.search(out), BAD_SCHEMES.search(out)
    assert "owned title" not in out  # an OSC sequence goes whole, parameters included


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_fields_are_plain_and_links_dropped(hostile_config: Path, fmt: str) -> None:
    out = _search(hostile_config, fmt).stdout
    results = (
        json.loads(out)["results"] if fmt == "json" else [json.loads(x) for x in out.splitlines()]
    )
    by_marker = {m: x for x in results for m in MARKERS.values() if m in x["title"]}
    for x in results:
        assert x["url"] is None or re.match(r"https?://[^\s<>\"]+$", x["url"]), x["url"]
        assert len(x["title"]) <= TITLE_LEN
        assert len(x["summary"]) <= 1000
    for name in BAD_LINKS:
        assert by_marker[MARKERS[f"link:{name}"]]["url"] is None, name
    for name in ESCAPES:
        x = by_marker[MARKERS[f"escape:{name}"]]
        assert x["url"] is not None
        assert x["author"].startswith("Author")
    # Each trick is removed, the words around it stay.
    assert "RED" in by_marker[MARKERS["escape:csi-colour"]]["title"]
    assert "click" in by_marker[MARKERS["escape:osc-hyperlink"]]["title"]
    assert by_marker[MARKERS["escape:bidi-override"]]["title"].count("evil") == 1
    assert "abcde" in by_marker[MARKERS["escape:zero-width"]]["title"]
    assert "one two three four" in by_marker[MARKERS["escape:line-separators"]]["title"]
    long = by_marker[MARKERS["long"]]
    assert long["title"].startswith("Sailing " + MARKERS["long"])
    assert long["title"].endswith("…")


def test_table_layout_with_hostile_text(hostile_config: Path) -> None:
    out = _search(hostile_config, "table").stdout
    lines = out.splitlines()
    for line in lines:
        if line.startswith("    http"):
            continue  # a link is never cut
        assert len(line) <= 100, line
    for name in BAD_LINKS:
        marker = MARKERS[f"link:{name}"]
        at = next(i for i, line in enumerate(lines) if marker in line and line[:4].strip())
        link_line = next(
            line
            for line in lines[at + 1 :]
            if line.startswith("    ") and (line.startswith("    http") or line == "    (no link)")
        )
        assert link_line == "    (no link)", (name, link_line)


def test_markdown_cannot_be_injected(tmp_path: Path) -> None:
    """Feed text that is Markdown syntax stays text: no link, image, HTML or heading."""
    tricks = [
        "[click me](javascript:alert(1))",
        "![pixel](https://evil.example/track.png)",
        "<https://evil.example/autolink>",
        "<javascript:alert(1)>",
        "[ref]: javascript:alert(1)",
        "**bold** _em_ `code` ~~strike~~ | a | b |",
        "&lt;b&gt;entity&lt;/b&gt; &amp;amp; &#60;i&#62;",
        "5 < 6 > 4 & 7",
        "\\[escaped\\](javascript:alert(1))",
    ]
    items = [
        {
            "id": f"m{n}",
            "url": f"https://md.example/{n}",
            "title": f"Sailing {_word()} {trick}",
            "content_text": f"Dock {_word()} {trick} {_word()}",
            "authors": [{"name": trick}],
        }
        for n, trick in enumerate(tricks)
    ]
    (tmp_path / "md.json").write_text(
        json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items})
    )
    config = write_config(
        tmp_path / "feeds.yaml", [{"name": "Markdown [x](javascript:y)", "url": "md.json"}]
    )
    r = _search(config, "markdown")
    md = r.stdout
    check_safe(md, "markdown")
    assert md.count("1. **[") == 1
    # Every link target is ours: "](<https://...>)"; any other "](" is escaped text.
    for m in re.finditer(r"(?<!\\)\]\(", md):
        assert md[m.end() :].startswith("<https://md.example/"), md[m.start() - 40 : m.end() + 40]
    assert "![" not in md.replace("!\\[", "")
    assert not re.search(r"(?m)^\s*\[ref\]:", md)


# -- defects: hostile text that still gets through ------------------------------------


def _single_item_config(tmp_path: Path, title: str, summary: str, link: str) -> Path:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"id": "x", "title": title, "content_html": summary, "url": link}],
    }
    (tmp_path / "one.json").write_text(json.dumps(doc))
    return write_config(tmp_path / "feeds.yaml", [{"name": "One", "url": "one.json"}])


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_markup_inside_a_link_is_not_output_raw(tmp_path: Path, fmt: str) -> None:
    config = _single_item_config(
        tmp_path,
        "Sailing links",
        "A harbour",
        'https://hostile.example/<script>alert(1)</script>?q="onmouseover="alert(2)',
    )
    out = _search(config, fmt).stdout
    assert "Sailing links" in out
    assert "<script" not in out.lower()


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_markup_escaped_three_times_is_not_output_raw(tmp_path: Path, fmt: str) -> None:
    thrice = "&amp;amp;lt;script&amp;amp;gt;alert(1)&amp;amp;lt;/script&amp;amp;gt;"
    config = _single_item_config(
        tmp_path, f"Sailing {thrice} news", f"Harbour {thrice}", "https://x.example/1"
    )
    out = _search(config, fmt).stdout
    assert "Sailing" in out
    assert "<script" not in out.lower()


@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("cut", ["<script src=//evil.example/x.js", "<img src=x onerror=alert(1)"])
def test_an_unclosed_tag_at_the_end_is_not_output_raw(tmp_path: Path, fmt: str, cut: str) -> None:
    config = _single_item_config(
        tmp_path, f"Sailing news {cut}", f"Harbour report {cut}", "https://x.example/1"
    )
    out = _search(config, fmt).stdout.lower()
    assert "sailing news" in out
    assert "<script" not in out
    assert "onerror" not in out


# -- hostile servers: what reaches stderr ---------------------------------------------


@pytest.fixture
def raw_server() -> Iterator[tuple[int, list[bytes]]]:
    """A server that answers every request with the same raw bytes (a hostile status line)."""
    responses: list[bytes] = []
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(responses[0])
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1], responses
    finally:
        stop.set()
        thread.join(timeout=5)
        sock.close()


def test_hostile_status_line_and_redirects_stay_off_the_terminal(
    tmp_path: Path, server: FeedServer, raw_server: tuple[int, list[bytes]]
) -> None:
    port, responses = raw_server
    responses.append(
        b"HTTP/1.1 503 \x9b31mBusy \xe2\x80\xae\xc2\x9b2J \x1b]0;owned\x07\r\n"
        b"Content-Length: 0\r\nConnection: close\r\n\r\n"
    )
    good = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>G</title>'
        "<item><title>Sailing is fine</title><link>https://good.example/1</link></item></channel></rss>"
    )
    config = write_config(
        tmp_path / "feeds.yaml",
        [
            {"name": "Good", "url": server.add("/good.xml", good)},
            {"name": "Evil Status", "url": f"http://127.0.0.1:{port}/feed.xml"},
            {
                "name": "To JavaScript",
                "url": server.add("/js", status=302, headers={"Location": "javascript:alert(1)"}),
            },
            {
                "name": "To File",
                "url": server.add("/file", status=301, headers={"Location": "file:///etc/passwd"}),
            },
            {
                "name": "To Data",
                "url": server.add(
                    "/data", status=307, headers={"Location": "data:text/xml,<rss/>"}
                ),
            },
        ],
    )
    for fmt in FORMATS:
        r = _search(config, fmt, "--refresh")
        assert "Sailing is fine" in r.stdout
        check_safe(r.stderr, "stderr")
        assert "owned" not in r.stderr
        lines = r.stderr.splitlines()
        for name in ("Evil Status", "To JavaScript", "To File", "To Data"):
            assert sum(f"feed {name!r}" in line for line in lines) == 1, (name, r.stderr)
        assert "root:" not in r.stdout + r.stderr
        if fmt == "json":
            for w in json.loads(r.stdout)["warnings"]:
                assert not UNSAFE_IN_VALUE.search(w["error"]), w


# -- property: any text, every format --------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "<script>", "</script>", "<img src=x onerror=alert(1)>", "<b>", "</p>", "<!--", "-->",
        "<![CDATA[", "]]>", "&lt;", "&gt;", "&amp;", "&#27;", "&#x9b;", "&#x202e;", "&", "<", ">",
        "\x1b[", "\x1b]0;", "\x1b\\", "\x07", "\x9b", "\x9d", "\x1b", "[31m", "\u202e", "\u2066",
        "\u200b", "\ufeff", "\u2028", "\r\n", "\t", "\x00", "\x7f", "\x85", "javascript:", "](",
        "[", "*", "_", "`", "|", "\\",
    ]
)  # fmt: skip
hostile_text = st.lists(
    st.one_of(_FRAGMENTS, st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)),
    max_size=12,
).map("".join)


def _response(articles: list[Article]) -> SearchResponse:
    results = tuple(
        Result(
            id=a.id,
            title=a.title,
            url=a.link,
            source=a.feed,
            published=a.published,
            summary=a.summary,
            author=a.author,
            score=1.0 / (n + 1),
            matched_interests=("sailing",),
            matched_terms=("sailing",),
        )
        for n, a in enumerate(articles)
    )
    return SearchResponse(query="sailing", interests=("sailing",), results=results)


def _check_every_format(resp: SearchResponse) -> None:
    for fmt in FORMATS:
        text = render(resp, fmt, width=80)
        check_safe(text, fmt)


@settings(max_examples=150)
@given(
    st.lists(
        st.tuples(hostile_text, hostile_text, hostile_text, hostile_text), min_size=1, max_size=4
    )
)
def test_any_feed_text_renders_safely(items: list[tuple[str, str, str, str]]) -> None:
    """RSS items built from arbitrary text (controls, markup, escapes) in the title
    (escaped), the description (CDATA), the author and the link; the parsed articles
    rendered in every format hold no unsafe character."""
    body = "".join(
        f"<item><title>{escape(title)}</title><description><![CDATA[{summary}]]></description>"
        f"<author>{escape(author)}</author><link>{escape(link)}</link>"
        f"<guid>https://p.example/{n}</guid></item>"
        for n, (title, summary, author, link) in enumerate(items)
    )
    doc = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>P</title>{body}</channel></rss>'
    try:
        feed = parse_feed(doc.encode("utf-8"), FeedSpec(name="Prop", url="https://p.example/feed"))
    except ParseError:
        return
    _check_every_format(_response(list(feed.articles)))


@settings(max_examples=150)
@given(hostile_text, hostile_text, hostile_text, hostile_text, hostile_text)
def test_results_built_from_raw_text_render_safely(
    title: str, summary: str, author: str, url: str, source: str
) -> None:
    """A library caller's Result from raw text: the renderers clean it again."""
    article = Article(
        id=url or "x",
        feed=source,
        title=title,
        link=url,
        published=datetime(2026, 11, 20, tzinfo=UTC),
        summary=summary,
        author=author or None,
    )
    resp = _response([article])
    resp = SearchResponse(
        query=title, interests=(title, summary), results=resp.results, outcomes=resp.outcomes
    )
    _check_every_format(resp)
