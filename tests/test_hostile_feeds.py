"""Hostile and broken feed documents: parsing never crashes, a bad feed never stops a run.

At the parse level, any document gives articles or a one-line ParseError naming the
feed, never any other exception. End to end (a real refresh of local files and of a
real HTTP server on 127.0.0.1), a bad feed costs one warning line naming it and the
other feeds stay searchable. XML attacks (entity expansion, external entities and
DTDs) must neither hang, nor read a file, nor make a request.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import giftfind
from giftfind.cli import app
from giftfind.errors import ParseError
from giftfind.parse import SUMMARY_LEN, TITLE_LEN, ParsedFeed, parse_feed
from giftfind.types import Article, FeedSpec

from .conftest import FeedServer, rss, write_config

SPEC = FeedSpec(name="Hostile Feed", url="https://hostile.example/feed.xml")
runner = CliRunner()

#: What no article field may hold: C0/C1 controls (newline included: a field is one
#: line), DEL, zero-width and bidi control characters, BOM, lone surrogates.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def parse(body: bytes, headers: dict[str, str] | None = None) -> ParsedFeed | ParseError:
    """parse_feed's answer: the feed, or the ParseError it raised (any other exception fails).

    A ParseError must be one line that names the feed.
    """
    try:
        feed = parse_feed(body, SPEC, headers=headers)
    except ParseError as e:
        message = str(e)
        assert "\n" not in message
        assert "\r" not in message
        assert message.startswith("feed 'Hostile Feed': "), message
        assert not UNSAFE.search(message), repr(message)
        assert len(message) < 500
        return e
    check_articles(feed.articles)
    return feed


def check_articles(articles: tuple[Article, ...]) -> None:
    """What every parsed article holds, however hostile its feed."""
    for a in articles:
        assert a.id
        assert a.title
        assert a.feed == SPEC.name
        assert len(a.title) <= TITLE_LEN
        assert len(a.summary) <= SUMMARY_LEN
        texts = [a.id, a.title, a.summary, a.link, a.author or "", *a.tags]
        for text in texts:
            assert not UNSAFE.search(text), repr(text)
        assert a.link == "" or a.link.startswith(("http://", "https://")), a.link
        assert a.published is None or a.published.tzinfo is not None


def titles(result: ParsedFeed | ParseError) -> list[str]:
    assert isinstance(result, ParsedFeed), f"expected articles, got {result}"
    return [a.title for a in result.articles]


def rss_doc(items: str, *, encoding: str | None = "utf-8", extra: str = "") -> str:
    """An RSS 2.0 document around raw item markup (the conftest helper escapes nothing either)."""
    decl = f'<?xml version="1.0" encoding="{encoding}"?>\n' if encoding else ""
    return (
        f'{decl}<rss version="2.0"><channel><title>Hostile</title>'
        f"<link>https://hostile.example/</link><description>d</description>{extra}"
        f"{items}</channel></rss>"
    )


def item(title: str, link: str = "https://hostile.example/1", more: str = "") -> str:
    return f"<item><title>{title}</title><link>{link}</link>{more}</item>"


GOOD_ITEM = item("Intact story about sailing", "https://hostile.example/intact")
JSON_VERSION = "https://jsonfeed.org/version/1.1"


# -- malformed documents ---------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    body: bytes
    #: A substring of the ParseError message, when the document must be refused.
    error: str | None = None
    #: Substrings each of which some article title must hold (the document must parse).
    titles: tuple[str, ...] = ()
    #: The exact number of articles, when it is known.
    count: int | None = None


_GARBAGE = random.Random(1234).randbytes(4096)
_FULL_RSS = rss_doc(
    GOOD_ITEM + item("Second story", "https://hostile.example/2", "<description>Body</description>")
)

MALFORMED: dict[str, Case] = {
    "unclosed-title-tag": Case(
        rss_doc(
            GOOD_ITEM + "<item><title>Unclosed title<link>https://hostile.example/u</link></item>"
        ).encode(),
        titles=("Intact story",),
    ),
    "unclosed-channel-and-rss": Case(
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            + GOOD_ITEM
            + "<item><title>Never closed"
        ).encode(),
        titles=("Intact story",),
    ),
    "crossed-tags": Case(
        rss_doc(GOOD_ITEM + item("Crossed <b>tags</title></b>")).encode(),
        titles=("Intact story",),
    ),
    "bare-ampersand": Case(
        rss_doc(item("Fish & chips on the pier")).encode(), titles=("Fish & chips on the pier",)
    ),
    "undefined-entities": Case(
        rss_doc(item("Caf&eacute; &bogus; &nbsp;society &copy;")).encode(), titles=("Café",)
    ),
    "character-reference-nul": Case(
        rss_doc(GOOD_ITEM + item("Ref &#0; end")).encode(), titles=("Intact story", "Ref")
    ),
    "character-reference-surrogate": Case(rss_doc(GOOD_ITEM + item("Ref &#xD800; end")).encode()),
    "character-reference-too-big": Case(rss_doc(GOOD_ITEM + item("Ref &#x110000; end")).encode()),
    "character-reference-huge": Case(rss_doc(GOOD_ITEM + item("Ref &#99999999999; end")).encode()),
    "character-reference-not-hex": Case(
        rss_doc(GOOD_ITEM + item("Ref &#xZZ; end")).encode(), titles=("Intact story",)
    ),
    "truncated-mid-item": Case(
        _FULL_RSS[: _FULL_RSS.index("Second") + 3].encode(), titles=("Intact story",)
    ),
    "truncated-mid-tag": Case(
        _FULL_RSS[: _FULL_RSS.index("<description>Body") + 4].encode(), titles=("Intact story",)
    ),
    "truncated-in-declaration": Case(b"<?xml versi", error="not"),
    "truncated-after-root": Case(b'<?xml version="1.0"?><rss version="2.0">', count=0),
    "html-page": Case(
        b"<!DOCTYPE html><html><head><title>Welcome</title></head><body><p>Hi</p></body></html>",
        error="not a feed (an HTML page)",
    ),
    "html-page-without-doctype": Case(
        b"<html><body><h1>404 Not Found</h1></body></html>", error="not a feed (an HTML page)"
    ),
    "xhtml-page-with-feed-link": Case(
        b'<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        b'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml">'
        b'<head><title>x</title><link rel="alternate" type="application/rss+xml" href="/feed"/></head>'
        b"<body>hi</body></html>",
        error="HTML page",
    ),
    "xml-but-not-a-feed": Case(
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>hi</text></svg>',
        error="not a feed",
    ),
    "empty-body": Case(b"", error="empty document"),
    "whitespace-only": Case(b" \r\n\t \n", error="empty document"),
    "bom-only": Case(b"\xef\xbb\xbf", error="not"),
    "zero-items-rss": Case(rss_doc("").encode(), count=0),
    "zero-items-atom": Case(
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title>'
        b"<id>tag:hostile.example,2026:empty</id><updated>2026-11-20T10:00:00Z</updated></feed>",
        count=0,
    ),
    "zero-items-json": Case(
        json.dumps({"version": JSON_VERSION, "title": "Empty", "items": []}).encode(), count=0
    ),
    "binary-garbage": Case(_GARBAGE, error="not"),
    "nul-bytes": Case(b"\x00" * 1000, error="not"),
    "png-image": Case(b"\x89PNG\r\n\x1a\n" + _GARBAGE[:500], error="not"),
    "gzip-body-without-content-encoding": Case(gzip.compress(_FULL_RSS.encode()), error="not"),
    "fake-utf16-bom-then-garbage": Case(b"\xff\xfe" + _GARBAGE[:999], error="not"),
    "fake-utf32-bom-then-garbage": Case(b"\x00\x00\xfe\xff" + _GARBAGE[:1000], error="not"),
    "deeply-nested-xml": Case(
        rss_doc(
            item(
                "Deep",
                more="<description>" + "<div>" * 20000 + "x" + "</div>" * 20000 + "</description>",
            )
        ).encode(),
        titles=("Deep",),
    ),
    "deeply-nested-json": Case(b"[" * 100_000, error="nested too deeply"),
    "deeply-nested-json-feed": Case(
        b'{"version": "https://jsonfeed.org/version/1.1", "items": ['
        + b'{"a":' * 100_000
        + b"1"
        + b"}" * 100_000
        + b"]}",
        error="nested too deeply",
    ),
    "json-truncated": Case(
        b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"title": "x',
        error="invalid JSON",
    ),
    "json-huge-integer": Case(
        b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"title": '
        + b"9" * 5000
        + b"}]}",
        error="cannot parse",
    ),
    "json-top-level-null": Case(b"null", error="not"),
    "json-top-level-string": Case(b'"https://jsonfeed.org/version/1.1"', error="not"),
    "json-version-a-number": Case(b'{"version": 1.1, "items": []}', error="not a JSON Feed"),
    "json-items-an-object": Case(
        b'{"version": "https://jsonfeed.org/version/1.1", "items": {"title": "x"}}',
        error="'items' list",
    ),
    "json-not-utf8": Case(
        '{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": "Caf\xe9 \xff"}]}'.encode(
            "latin-1"
        ),
        titles=("Caf",),
    ),
    "rss-without-channel": Case(
        b'<rss version="2.0"><item><title>Orphan item</title><link>https://hostile.example/o</link></item></rss>'
    ),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_documents_give_articles_or_a_one_line_parse_error(name: str) -> None:
    case = MALFORMED[name]
    result = parse(case.body)
    if case.error is not None:
        assert isinstance(result, ParseError), f"{name}: parsed into {result}"
        assert case.error in str(result)
    if case.titles:
        got = titles(result)
        for want in case.titles:
            assert any(want in t for t in got), (want, got)
    if case.count is not None:
        assert isinstance(result, ParsedFeed), str(result)
        assert len(result.articles) == case.count


@pytest.mark.parametrize("ref", ["&#xD800;", "&#55296;", "&#x110000;", "&#99999999999;"])
def test_a_bad_character_reference_costs_only_its_own_text(ref: str) -> None:
    """Other malformations (bare &, undefined entities, &#0;) cost nothing but themselves."""
    result = parse(rss_doc(GOOD_ITEM + item(f"Bad reference {ref} here")).encode())
    got = titles(result)
    assert "Intact story about sailing" in got
    assert any(t.startswith("Bad reference") for t in got)


@pytest.mark.parametrize(
    "document",
    [
        _FULL_RSS,
        textwrap.dedent(
            """\
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>tag:h,2026:f</id>
            <entry><title type="html">Atom &lt;b&gt;one&lt;/b&gt; — déjà vu</title><id>tag:h,2026:1</id>
            <link href="https://hostile.example/a1"/><updated>2026-11-20T10:00:00-05:00</updated>
            <content type="html">&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content></entry>
            <entry><title>Atom two</title><id>tag:h,2026:2</id><link href="/a2"/></entry></feed>
            """
        ),
        json.dumps(
            {
                "version": JSON_VERSION,
                "title": "J",
                "items": [
                    {"id": "1", "title": "Jay one — ünïcode", "url": "https://hostile.example/j1"},
                    {"id": "2", "content_html": "<p>Two <b>bold</b></p>", "tags": ["a", "b"]},
                ],
            },
            ensure_ascii=False,
        ),
    ],
    ids=["rss", "atom", "json"],
)
def test_every_truncation_gives_articles_or_a_parse_error(document: str) -> None:
    """A download cut short at any byte (inside a tag, an entity, a UTF-8 sequence)."""
    data = document.encode("utf-8")
    for end in range(0, len(data), 3):
        parse(data[:end])
    assert titles(parse(data))  # the whole document has articles


def test_json_feed_with_wrong_types_everywhere() -> None:
    doc: dict[str, Any] = {
        "version": JSON_VERSION,
        "title": ["not", "a", "string"],
        "home_page_url": {"x": 1},
        "authors": "nobody",
        "items": [
            None,
            7,
            "a string item",
            ["a", "list"],
            {},
            {"id": {"nested": True}, "title": None, "url": 42, "content_html": ["x"]},
            {
                "id": True,
                "title": {"$gt": ""},
                "summary": 3.5,
                "url": ["https://hostile.example/list"],
                "external_url": {"href": "https://hostile.example/obj"},
                "date_published": {"year": 2026},
                "date_modified": [2026, 11, 1],
                "authors": {"name": "Not a list"},
                "author": "a string author",
                "tags": "sailing",
                "content_text": None,
            },
            {
                "id": ["k"],
                "title": "Typed right: sailing the lake",
                "url": "https://hostile.example/ok",
                "date_published": "2026-11-20T10:00:00Z",
                "authors": [
                    None,
                    5,
                    "x",
                    {"name": 7},
                    {"name": {"first": "A"}},
                    {"name": "Real Name"},
                ],
                "tags": [None, 1, {"t": 1}, ["x"], "sail", True],
            },
            {"id": 12, "title": 1e400, "summary": -0.0},
            {"id": "n", "title": False, "content_text": "Text only: bool title"},
        ],
    }
    result = parse(json.dumps(doc).encode())
    assert isinstance(result, ParsedFeed)
    assert result.format == "json11"
    by_title = {a.title: a for a in result.articles}
    ok = by_title["Typed right: sailing the lake"]
    assert ok.link == "https://hostile.example/ok"
    assert ok.published == datetime(2026, 11, 20, 10, tzinfo=UTC)
    assert ok.author == "7, Real Name"
    assert ok.tags == ("1", "sail")
    assert "3.5" in by_title  # a number is text
    assert by_title["3.5"].link == ""
    assert by_title["3.5"].published is None
    assert by_title["3.5"].author is None
    assert "Text only: bool title" in by_title
    assert result.title == ""


# -- encodings -------------------------------------------------------------------------

LATIN = "Zürich café, déjà vu"
CP1252 = "“Smart” quotes – €5 œuvre"
JAPANESE = "東京の喫茶店でジャズ"
MIXED = "Zürich 東京 ünïcode"


def _rss_titled(title: str, encoding: str | None) -> str:
    return rss_doc(item(title), encoding=encoding)


@pytest.mark.parametrize(
    ("body", "headers", "expected"),
    [
        pytest.param(
            _rss_titled(LATIN, "iso-8859-1").encode("latin-1"), None, LATIN, id="latin-1-declared"
        ),
        pytest.param(
            _rss_titled(LATIN, None).encode("latin-1"),
            {"content-type": "application/rss+xml; charset=iso-8859-1"},
            LATIN,
            id="latin-1-from-http-only",
        ),
        pytest.param(
            _rss_titled(CP1252, "windows-1252").encode("cp1252"),
            None,
            CP1252,
            id="windows-1252-declared",
        ),
        pytest.param(
            _rss_titled(CP1252, "iso-8859-1").encode("cp1252"),
            None,
            CP1252,
            id="windows-1252-labelled-latin-1",
        ),
        pytest.param(
            _rss_titled(CP1252, None).encode("cp1252"),
            {"content-type": "text/xml; charset=windows-1252"},
            CP1252,
            id="windows-1252-from-http-only",
        ),
        pytest.param(
            _rss_titled(JAPANESE, "shift_jis").encode("shift_jis"),
            None,
            JAPANESE,
            id="shift-jis-declared",
        ),
        pytest.param(
            _rss_titled(JAPANESE, None).encode("shift_jis"),
            {"content-type": "application/rss+xml; charset=Shift_JIS"},
            JAPANESE,
            id="shift-jis-from-http-only",
        ),
        pytest.param(
            b"\xef\xbb\xbf" + _rss_titled(MIXED, "utf-8").encode(), None, MIXED, id="utf-8-bom"
        ),
        pytest.param(
            b"\xef\xbb\xbf" + _rss_titled(MIXED, None).encode(),
            None,
            MIXED,
            id="utf-8-bom-no-declaration",
        ),
        pytest.param(
            b"\xef\xbb\xbf" + _rss_titled(MIXED, "utf-8").encode(),
            {"content-type": "application/rss+xml; charset=iso-8859-1"},
            MIXED,
            id="utf-8-bom-beats-http-latin-1",
        ),
        pytest.param(_rss_titled(MIXED, "utf-16").encode("utf-16"), None, MIXED, id="utf-16-bom"),
        pytest.param(
            b"\xfe\xff" + _rss_titled(MIXED, "utf-16").encode("utf-16-be"),
            None,
            MIXED,
            id="utf-16-be-bom",
        ),
        pytest.param(
            _rss_titled(MIXED, "utf-16").encode("utf-16-le"), None, MIXED, id="utf-16-le-no-bom"
        ),
        pytest.param(
            _rss_titled(MIXED, None).encode("utf-16"), None, MIXED, id="utf-16-no-declaration"
        ),
        pytest.param(
            _rss_titled(MIXED, "utf-16").encode("utf-16"),
            {"content-type": "application/rss+xml; charset=utf-8"},
            MIXED,
            id="utf-16-served-as-utf-8",
        ),
        pytest.param(_rss_titled(MIXED, "utf-32").encode("utf-32"), None, MIXED, id="utf-32-bom"),
        # Declared one encoding, served another.
        pytest.param(
            _rss_titled(LATIN, "utf-8").encode("latin-1"),
            {"content-type": "application/rss+xml; charset=iso-8859-1"},
            LATIN,
            id="declares-utf-8-http-and-bytes-latin-1",
        ),
        pytest.param(
            _rss_titled(LATIN, "iso-8859-1").encode("latin-1"),
            {"content-type": "application/rss+xml; charset=utf-8"},
            LATIN,
            id="declares-latin-1-http-says-utf-8-bytes-latin-1",
        ),
        pytest.param(
            _rss_titled("Ελληνικά Привет Kraków", "utf-8").encode(),
            {"content-type": "text/xml; charset=iso-8859-1"},
            "Ελληνικά Привет Kraków",
            id="declares-utf-8-http-says-latin-1-bytes-utf-8",
        ),
        pytest.param(
            _rss_titled(LATIN, "utf-8").encode("latin-1"),
            None,
            LATIN,
            id="declares-utf-8-bytes-latin-1",
        ),
        pytest.param(
            _rss_titled(LATIN, "x-no-such-charset").encode(),
            {"content-type": "text/xml; charset=x-nonsense"},
            LATIN,
            id="unknown-charset-names",
        ),
        pytest.param(
            _rss_titled(LATIN, "utf-8").encode(),
            {"content-type": "text/html; charset=utf-8"},
            LATIN,
            id="feed-served-as-text-html",
        ),
    ],
)
def test_encodings_give_the_right_text(
    body: bytes, headers: dict[str, str] | None, expected: str
) -> None:
    assert titles(parse(body, headers)) == [expected]


def test_invalid_utf8_in_the_middle_keeps_the_text_around_it() -> None:
    body = rss_doc(
        item("Zürich café", "https://hostile.example/1")
        + item("Good start BAD good end", "https://hostile.example/2")
    ).encode()
    body = body.replace(b"BAD", b"\xff\xfe\xc3(\x80")
    first, second = titles(parse(body))
    assert first == "Zürich café"
    assert second.startswith("Good start ")
    assert second.endswith(" good end")


@pytest.mark.parametrize("text", ["東京の喫茶店", "Ελληνικά νέα", "Привет мир"])
def test_invalid_utf8_in_the_middle_keeps_other_titles_right(text: str) -> None:
    body = rss_doc(
        item(text, "https://hostile.example/1") + item("Bad BAD byte", "https://hostile.example/2")
    ).encode()
    body = body.replace(b"BAD", b"\xff")
    first, _ = titles(parse(body))
    assert first == text


# -- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pub_date", "expected"),
    [
        (None, None),
        ("", None),
        ("not a date", None),
        ("yesterday at noon", None),
        ("Tue, 32 Foo 2026 25:61:61 +0000", None),
        ("Sat, 01 Jan 0000 00:00:00 +0000", None),
        ("Mon, 01 Jan 10000 00:00:00 +0000", None),
        ("-1", None),
        ("1e308", None),
        ("Fri, 31 Dec 9999 23:59:59 +0000", datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("Fri, 31 Dec 9999 23:59:59 -1200", None),  # past the last representable instant
        ("Thu, 01 Jan 1970 00:00:00 GMT", datetime(1970, 1, 1, tzinfo=UTC)),
        ("Wed, 31 Dec 1969 23:59:59 GMT", datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("Tue, 24 Nov 2026 23:30:00 -0930", datetime(2026, 11, 25, 9, 0, tzinfo=UTC)),
        ("Tue, 24 Nov 2026 01:00:00 -1200", datetime(2026, 11, 24, 13, 0, tzinfo=UTC)),
        ("Tue, 24 Nov 2026 01:00:00 EST", datetime(2026, 11, 24, 6, 0, tzinfo=UTC)),
        ("Tue, 24 Nov 2026 01:00:00 PDT", datetime(2026, 11, 24, 8, 0, tzinfo=UTC)),
        ("Tue, 24 Nov 2026 01:00:00 +1400", datetime(2026, 11, 23, 11, 0, tzinfo=UTC)),
        ("2026-11-24T23:30:00-09:30", datetime(2026, 11, 25, 9, 0, tzinfo=UTC)),
    ],
)
def test_rss_dates(pub_date: str | None, expected: datetime | None) -> None:
    more = f"<pubDate>{pub_date}</pubDate>" if pub_date is not None else ""
    result = parse(rss_doc(item("Dated", more=more)).encode())
    assert isinstance(result, ParsedFeed)
    (a,) = result.articles
    assert a.published == expected


def test_rss_date_beyond_year_9999_never_crashes() -> None:
    result = parse(rss_doc(item("Far", more="<pubDate>99999-01-01T00:00:00Z</pubDate>")).encode())
    assert isinstance(result, ParsedFeed)
    (a,) = result.articles
    assert a.published is None or a.published.year <= 9999


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9999-12-31T23:59:59Z", datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("9999-12-31T23:59:59-12:00", None),
        ("0001-01-01T00:00:00+14:00", None),
        ("1970-01-01T00:00:00Z", datetime(1970, 1, 1, tzinfo=UTC)),
        ("2026-11-24T23:30:00-09:30", datetime(2026, 11, 25, 9, 0, tzinfo=UTC)),
        ("2026-11-24T10:00:00+99:99", None),
        ("2026-02-30T00:00:00Z", None),
        ("Tue, 24 Nov 2026 01:00:00 -1200", datetime(2026, 11, 24, 13, 0, tzinfo=UTC)),
        ("garbage", None),
        (12345, None),
        (None, None),
        ([2026, 11, 24], None),
    ],
)
def test_json_feed_dates(value: Any, expected: datetime | None) -> None:
    doc = {"version": JSON_VERSION, "items": [{"id": "1", "title": "D", "date_published": value}]}
    result = parse(json.dumps(doc).encode())
    assert isinstance(result, ParsedFeed)
    (a,) = result.articles
    assert a.published == expected


def test_atom_negative_timezone() -> None:
    body = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title>'
        b"<id>tag:h,2026:1</id><updated>2026-11-24T23:30:00-09:30</updated></entry></feed>"
    )
    result = parse(body)
    assert isinstance(result, ParsedFeed)
    (a,) = result.articles
    assert a.published == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def test_items_without_links_or_titles() -> None:
    items = (
        "<item><title>Title only, no link</title></item>"
        "<item><description>Description only: a regatta on the lake at dawn</description></item>"
        "<item><link>https://hostile.example/link-only</link></item>"
        "<item><guid>urn:hostile:nothing</guid><pubDate>Tue, 24 Nov 2026 01:00:00 +0000</pubDate></item>"
        "<item></item>"
        "<item><title>&lt;script&gt;alert(1)&lt;/script&gt;</title><description>Markup-only title</description></item>"
        "<item><title>   </title><link>javascript:alert(1)</link><description>Blank title, bad link</description></item>"
    )
    result = parse(rss_doc(items).encode())
    assert isinstance(result, ParsedFeed)
    by_title = {a.title: a for a in result.articles}
    assert set(by_title) == {
        "Title only, no link",
        "Description only: a regatta on the lake at dawn",
        "Markup-only title",
        "Blank title, bad link",
    }
    assert by_title["Title only, no link"].link == ""
    assert by_title["Title only, no link"].id.startswith(f"{SPEC.url}#sha1:")
    assert by_title["Description only: a regatta on the lake at dawn"].summary
    assert by_title["Blank title, bad link"].link == ""


# -- XML attacks -----------------------------------------------------------------------

_LAUGHS = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
_ITEM_USING = (
    '<rss version="2.0"><channel><title>T</title><link>https://hostile.example/</link>'
    "<description>d</description><item><title>Laughs &{e}; end</title>"
    "<description>Body &{e}; end</description><link>https://hostile.example/1</link>"
    "</item></channel></rss>"
)
BILLION_LAUGHS = {
    "multiline": f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n{_LAUGHS}]>\n'
    + _ITEM_USING.format(e="lol9"),
    "one-line": '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">'
    + _LAUGHS.replace("\n", "")
    + "]>"
    + _ITEM_USING.format(e="lol9"),
    "quadratic-blowup": f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "{"A" * 50_000}">\n]>\n'
    + _ITEM_USING.format(e="a;&a" * 200),
}

_PARSE_IN_CHILD = """
import json, sys
from giftfind.errors import ParseError
from giftfind.parse import parse_feed
from giftfind.types import FeedSpec
data = open(sys.argv[1], "rb").read()
try:
    feed = parse_feed(data, FeedSpec(name="Hostile Feed", url="https://hostile.example/f"))
except ParseError as e:
    print(json.dumps({"error": str(e)}))
else:
    print(json.dumps({"articles": [[a.title, a.summary] for a in feed.articles]}))
"""


@pytest.mark.parametrize("name", list(BILLION_LAUGHS))
def test_entity_expansion_neither_hangs_nor_explodes(name: str, tmp_path: Path) -> None:
    doc = tmp_path / "laughs.xml"
    doc.write_text(BILLION_LAUGHS[name])
    # In a child process with a generous deadline: a hang or a memory blow-up
    # fails this test instead of the whole run.
    r = subprocess.run(
        [sys.executable, "-c", _PARSE_IN_CHILD, str(doc)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    answer = json.loads(r.stdout)
    if "error" in answer:
        assert answer["error"].startswith("feed 'Hostile Feed': ")
        return
    for title, summary in answer["articles"]:
        assert len(title) <= TITLE_LEN
        assert len(summary) <= SUMMARY_LEN
        assert "lollollollollollollol" not in title + summary


def _xxe_documents(secret: Path, port: int) -> dict[str, str]:
    body = _ITEM_USING.format(e="xxe")
    uses_evil = _ITEM_USING.format(e="evil")
    return {
        "passwd-multiline": f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n{body}',
        "passwd-one-line": f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>{body}',
        "secret-multiline": f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file://{secret}">\n]>\n{body}',
        "secret-one-line": f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>{body}',
        "secret-bare-path": f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "{secret}">\n]>\n{body}',
        "secret-public-id": f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY xxe PUBLIC "-//X//Y//EN" "file://{secret}">\n]>\n{body}',
        "http-entity": f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/xxe.txt">\n]>\n{body}',
        "external-dtd": f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:{port}/evil.dtd">\n{uses_evil}',
        "external-dtd-public": f'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Evil//DTD//EN" "http://127.0.0.1:{port}/evil.dtd">\n{uses_evil}',
        "parameter-entity": f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY % pe SYSTEM "http://127.0.0.1:{port}/evil.dtd">\n%pe;\n]>\n{uses_evil}',
        "parameter-entity-file": f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY % pe SYSTEM "file://{secret}">\n%pe;\n]>\n{body}',
        "xinclude": _ITEM_USING.replace(
            "<title>Laughs",
            f'<title xmlns:xi="http://www.w3.org/2001/XInclude">Laughs <xi:include href="file://{secret}" parse="text"/>',
        ).format(e="amp"),
    }


CANARY = "TOP-CANARY-7f3a9c1e"


@pytest.fixture
def evil_server(module_server: FeedServer) -> FeedServer:
    """Serves what an attacker's DTD and entities would fetch; no request seen yet."""
    server = module_server
    server.add(
        "/evil.dtd",
        f'<!ENTITY evil "{CANARY}-from-dtd">',
        headers={"Content-Type": "application/xml-dtd"},
    )
    server.add("/xxe.txt", f"{CANARY}-over-http", headers={"Content-Type": "text/plain"})
    return server


def _all_text(articles: tuple[Article, ...]) -> str:
    return "\n".join(
        "\n".join([a.id, a.title, a.summary, a.link, a.author or "", *a.tags]) for a in articles
    )


@pytest.mark.parametrize(
    "name",
    [
        "passwd-multiline", "passwd-one-line", "secret-multiline", "secret-one-line",
        "secret-bare-path", "secret-public-id", "http-entity", "external-dtd",
        "external-dtd-public", "parameter-entity", "parameter-entity-file", "xinclude",
    ],
)  # fmt: skip
def test_external_entities_are_never_resolved(
    name: str, tmp_path: Path, evil_server: FeedServer
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(CANARY + "\n")
    doc = _xxe_documents(secret, evil_server.port)[name]
    for url in (None, evil_server.url("/feed.xml")):
        try:
            feed = parse_feed(doc.encode(), SPEC, url=url)
        except ParseError as e:
            assert CANARY not in str(e)
            continue
        check_articles(feed.articles)
        text = _all_text(feed.articles)
        assert CANARY not in text
        assert "root:" not in text  # /etc/passwd
    assert evil_server.requests == []


def test_xxe_and_external_dtd_end_to_end(
    tmp_path: Path, evil_server: FeedServer, cache_dir: Path
) -> None:
    """Through a real refresh and search: a served feed naming a DTD on the same server,
    and local feeds with external entities. No request for the DTD, no secret in any output."""
    secret = tmp_path / "secret.txt"
    secret.write_text(CANARY + "\n")
    docs = _xxe_documents(secret, evil_server.port)
    served = docs["external-dtd"].replace("Laughs", "Sailing served")
    (tmp_path / "xxe.xml").write_text(
        docs["secret-multiline"].replace("Laughs", "Sailing local").replace("/1<", "/local<")
    )
    (tmp_path / "xxe1.xml").write_text(
        docs["passwd-one-line"].replace("Laughs", "Sailing passwd").replace("/1<", "/passwd<")
    )
    config = write_config(
        tmp_path / "feeds.yaml",
        [
            {
                "name": "Served DTD",
                "url": evil_server.add(
                    "/feed.xml", served, headers={"Content-Type": "application/rss+xml"}
                ),
            },
            {"name": "Local XXE", "url": "xxe.xml"},
            {"name": "Local Passwd", "url": "xxe1.xml"},
        ],
        settings="retention_days: 0",
    )
    for fmt in ("json", "table", "markdown"):
        r = runner.invoke(
            app,
            [
                "--feeds",
                str(config),
                "--cache-dir",
                str(cache_dir),
                "sailing",
                "-n",
                "20",
                "-f",
                fmt,
            ],
        )
        assert r.exit_code == 0, r.stderr
        assert CANARY not in r.stdout + r.stderr
        assert "root:" not in r.stdout
        assert "Traceback" not in r.stderr
        if fmt == "json":
            got = {x["source"] for x in json.loads(r.stdout)["results"]}
            assert got == {"Served DTD", "Local XXE", "Local Passwd"}
    assert evil_server.hits("/evil.dtd") == []
    assert evil_server.hits("/xxe.txt") == []
    assert [req.path for req in evil_server.requests] == ["/feed.xml"]


# -- end to end: broken feeds among good ones ------------------------------------------

GOOD = rss(
    [
        {
            "title": "Sailing on Lake Michigan",
            "link": "https://good.example/sail",
            "guid": "https://good.example/sail",
            "description": "A regatta off the lakefront drew 80 boats.",
            "pubDate": "Mon, 23 Nov 2026 10:00:00 +0000",
        }
    ]
)

#: Feeds that cannot be read at all: each must cost exactly one warning line.
#: name -> (how it is given, body, headers / route options)
BROKEN_SERVED: dict[str, tuple[bytes, dict[str, Any]]] = {
    "Served HTML": (
        b"<!DOCTYPE html><html><head><title>Home</title></head><body>sailing</body></html>",
        {"headers": {"Content-Type": "text/html; charset=utf-8"}},
    ),
    "Served Empty": (b"", {"headers": {"Content-Type": "application/rss+xml"}}),
    "Served Garbage": (_GARBAGE, {"headers": {"Content-Type": "application/rss+xml"}}),
    "Served Bad JSON": (
        b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"title": "sailing',
        {"headers": {"Content-Type": "application/feed+json"}},
    ),
    "Served Not JSON Feed": (
        b'{"sailing": true}',
        {"headers": {"Content-Type": "application/json"}},
    ),
    "Served SVG": (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>sailing</text></svg>',
        {"headers": {"Content-Type": "application/xml"}},
    ),
    "Served Cut Short": (GOOD.encode(), {"cut_after": 120}),
    "Served Fake Gzip": (
        GOOD.encode(),
        {"headers": {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}},
    ),
}
BROKEN_LOCAL: dict[str, bytes] = {
    "Local HTML": b"<html><body><p>sailing</p></body></html>",
    "Local Empty": b"",
    "Local Garbage": _GARBAGE,
    "Local Cut Declaration": b'<?xml version="1.0" encod',
    "Local Deep JSON": b"[" * 100_000,
}
#: Feeds that are odd but readable: no warning, and what they hold is searchable.
ODD_LOCAL: dict[str, tuple[bytes, str]] = {
    "Zero Items": (rss_doc("").encode(), ""),
    "Bare Ampersand": (
        rss_doc(item("Fish & chips after sailing", "https://odd.example/fish")).encode(),
        "Fish & chips after sailing",
    ),
    "Truncated Tail": (
        rss_doc(
            item("Sailing lessons at the harbour", "https://odd.example/lessons")
            + item("Second sailing", "https://odd.example/second")
        ).encode()[
            : -len(
                "ond sailing</title><link>https://odd.example/second</link></item></channel></rss>"
            )
        ],
        "Sailing lessons at the harbour",
    ),
    "Wrong Types JSON": (
        json.dumps(
            {
                "version": JSON_VERSION,
                "title": 5,
                "items": [
                    None,
                    {"id": [1], "title": {"x": 1}},
                    {
                        "id": "w",
                        "title": "Sailing dinghies for beginners",
                        "url": "https://odd.example/w",
                        "tags": "x",
                    },
                ],
            }
        ).encode(),
        "Sailing dinghies for beginners",
    ),
    "Latin-1 Undeclared": (
        rss_doc(
            item("Sailing on the Zürichsee, déjà vu", "https://odd.example/zh"), encoding=None
        ).encode("latin-1"),
        "Sailing on the Zürichsee, déjà vu",
    ),
}


@pytest.fixture
def mixed_config(tmp_path: Path, server: FeedServer) -> Path:
    feeds: list[dict[str, Any]] = [{"name": "Good", "url": server.add("/good.xml", GOOD)}]
    for name, (body, options) in BROKEN_SERVED.items():
        path = "/" + name.lower().replace(" ", "-")
        feeds.append({"name": name, "url": server.add(path, body, **options)})
    for name, body in BROKEN_LOCAL.items():
        file = name.lower().replace(" ", "-") + ".xml"
        (tmp_path / file).write_bytes(body)
        feeds.append({"name": name, "url": file})
    for name, (body, _) in ODD_LOCAL.items():
        file = name.lower().replace(" ", "-") + ".xml"
        (tmp_path / file).write_bytes(body)
        feeds.append({"name": name, "url": file})
    return write_config(tmp_path / "feeds.yaml", feeds, settings="retention_days: 0")


BROKEN = set(BROKEN_SERVED) | set(BROKEN_LOCAL)
EXPECTED_SAILING = {"Sailing on Lake Michigan"} | {t for _, t in ODD_LOCAL.values() if t}


def _warning_lines(stderr: str) -> dict[str, list[str]]:
    """stderr's warning lines, by the feed they name."""
    named: dict[str, list[str]] = {}
    for line in stderr.splitlines():
        m = re.match(r"giftfind: warning: feed '([^']+)': \S", line)
        if m:
            named.setdefault(m.group(1), []).append(line)
    return named


def test_library_refresh_survives_broken_feeds(mixed_config: Path, cache_dir: Path) -> None:
    report = giftfind.refresh(feeds=mixed_config, cache_dir=cache_dir)
    by_feed = {o.feed: o for o in report.outcomes}
    assert {o.feed for o in report.failed} == BROKEN
    for o in report.failed:
        assert o.error
        assert "\n" not in o.error
        assert not UNSAFE.search(o.error), (o.feed, o.error)
    assert by_feed["Good"].status == "fetched"
    for name in ODD_LOCAL:
        assert by_feed[name].status == "fetched", (name, by_feed[name])
    assert by_feed["Zero Items"].items == 0
    results = giftfind.search(
        "sailing", feeds=mixed_config, cache_dir=cache_dir, limit=50, offline=True
    )
    assert {r.title for r in results} == EXPECTED_SAILING
    assert {r.source for r in results} <= {"Good", *ODD_LOCAL}


def test_cli_gives_one_warning_line_per_broken_feed(mixed_config: Path) -> None:
    r = runner.invoke(app, ["--feeds", str(mixed_config), "sailing", "-n", "50", "--json"])
    assert r.exit_code == 0, r.stderr
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "Traceback" not in r.stderr
    warnings = _warning_lines(r.stderr)
    assert set(warnings) == BROKEN
    for name, lines in warnings.items():
        assert len(lines) == 1, (name, lines)
    # Nothing else on stderr: every line is one of those warnings.
    assert len(r.stderr.splitlines()) == len(BROKEN), r.stderr
    assert not UNSAFE.search(r.stderr.replace("\n", ""))
    doc = json.loads(r.stdout)
    assert {x["title"] for x in doc["results"]} == EXPECTED_SAILING
    assert {w["feed"] for w in doc["warnings"]} == BROKEN


def test_cli_refresh_command_with_broken_feeds(mixed_config: Path) -> None:
    r = runner.invoke(app, ["refresh", "--feeds", str(mixed_config)])
    assert r.exit_code == 3
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    warnings = _warning_lines(r.stderr)
    assert set(warnings) == BROKEN
    assert all(len(lines) == 1 for lines in warnings.values())
    total = 1 + len(BROKEN) + len(ODD_LOCAL)
    assert f"giftfind: {total} feeds: {total - len(BROKEN)} fetched" in r.stderr
    # Then the good and odd feeds answer offline.
    r = runner.invoke(
        app, ["--feeds", str(mixed_config), "sailing", "-n", "50", "--offline", "-f", "jsonl"]
    )
    assert r.exit_code == 0, r.stderr
    assert {json.loads(line)["title"] for line in r.stdout.splitlines()} == EXPECTED_SAILING


def test_served_encodings_end_to_end(tmp_path: Path, server: FeedServer, cache_dir: Path) -> None:
    """Declared one encoding, served another: the HTTP charset, the XML declaration and
    the bytes disagree, and the titles still come out as the right text."""
    feeds = {
        "Latin-1 Everywhere": (
            rss_doc(
                item("Sailing past Zürich, déjà vu", "https://enc.example/1"), encoding="iso-8859-1"
            ).encode("latin-1"),
            "application/rss+xml; charset=iso-8859-1",
            "Sailing past Zürich, déjà vu",
        ),
        "Declares UTF-8 Served Latin-1": (
            rss_doc(item("Sailing at Genève régate", "https://enc.example/2")).encode("latin-1"),
            "application/rss+xml; charset=iso-8859-1",
            "Sailing at Genève régate",
        ),
        "Declares Latin-1 Served UTF-8 Header": (
            rss_doc(
                item("Sailing into Málaga", "https://enc.example/3"), encoding="iso-8859-1"
            ).encode("latin-1"),
            "application/rss+xml; charset=utf-8",
            "Sailing into Málaga",
        ),
        "UTF-8 Body Latin-1 Header": (
            rss_doc(item("Sailing Ελληνικά Kraków", "https://enc.example/4")).encode(),
            "text/xml; charset=iso-8859-1",
            "Sailing Ελληνικά Kraków",
        ),
        "Shift-JIS Header Only": (
            rss_doc(item("Sailing 東京湾のヨット", "https://enc.example/5"), encoding=None).encode(
                "shift_jis"
            ),
            "application/rss+xml; charset=shift_jis",
            "Sailing 東京湾のヨット",
        ),
        "Windows-1252 Header Only": (
            rss_doc(item("“Sailing” – €5 œuvre", "https://enc.example/6"), encoding=None).encode(
                "cp1252"
            ),
            "application/rss+xml; charset=windows-1252",
            "“Sailing” – €5 œuvre",
        ),
        "UTF-16 Served As UTF-8": (
            rss_doc(
                item("Sailing ünïcode 東京", "https://enc.example/7"), encoding="utf-16"
            ).encode("utf-16"),
            "application/rss+xml; charset=utf-8",
            "Sailing ünïcode 東京",
        ),
        "BOM Beats Latin-1 Header": (
            b"\xef\xbb\xbf" + rss_doc(item("Sailing Øresund ü", "https://enc.example/8")).encode(),
            "application/rss+xml; charset=iso-8859-1",
            "Sailing Øresund ü",
        ),
    }
    config = write_config(
        tmp_path / "feeds.yaml",
        [
            {"name": name, "url": server.add(f"/enc{i}.xml", body, headers={"Content-Type": ctype})}
            for i, (name, (body, ctype, _)) in enumerate(feeds.items())
        ],
        settings="retention_days: 0",
    )
    report = giftfind.refresh(feeds=config, cache_dir=cache_dir)
    assert report.failed == ()
    results = giftfind.search("sailing", feeds=config, cache_dir=cache_dir, limit=50, offline=True)
    got = {r.source: r.title for r in results}
    assert got == {name: title for name, (_, _, title) in feeds.items()}


def test_dates_end_to_end(tmp_path: Path, cache_dir: Path) -> None:
    """Far-future, epoch, negative-offset and missing dates through the store, index and output."""
    items = [
        ("Sailing far future", "Fri, 31 Dec 9999 23:59:59 +0000", "9999-12-31T23:59:59Z"),
        ("Sailing at the epoch", "Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00Z"),
        (
            "Dinghy sailing in late December of 1969",
            "Wed, 31 Dec 1969 23:59:59 GMT",
            "1969-12-31T23:59:59Z",
        ),
        ("Sailing in Marquesas time", "Tue, 24 Nov 2026 23:30:00 -0930", "2026-11-25T09:00:00Z"),
        ("Sailing on Baker Island", "Tue, 24 Nov 2026 01:00:00 -1200", "2026-11-24T13:00:00Z"),
        ("Sailing with no date", None, None),
        ("Sailing with a bad date", "the day after tomorrow", None),
        ("Sailing past the end of time", "Fri, 31 Dec 9999 23:59:59 -1200", None),
    ]
    body = "".join(
        item(title, f"https://dates.example/{n}", f"<pubDate>{date}</pubDate>" if date else "")
        for n, (title, date, _) in enumerate(items)
    )
    (tmp_path / "dates.xml").write_text(rss_doc(body))
    config = write_config(
        tmp_path / "feeds.yaml",
        [{"name": "Dates", "url": "dates.xml"}],
        settings="retention_days: 0",
    )
    expected = {title: iso for title, _, iso in items}
    for sort in ("hybrid", "recent", "relevance"):
        r = runner.invoke(
            app,
            [
                "--feeds",
                str(config),
                "--cache-dir",
                str(cache_dir),
                "sailing",
                "-n",
                "50",
                "--json",
                "--sort",
                sort,
            ],
        )
        assert r.exit_code == 0, r.stderr
        got = {x["title"]: x["published"] for x in json.loads(r.stdout)["results"]}
        assert got == expected
    for fmt in ("table", "markdown"):
        r = runner.invoke(
            app,
            [
                "--feeds",
                str(config),
                "--cache-dir",
                str(cache_dir),
                "sailing",
                "-n",
                "50",
                "-f",
                fmt,
            ],
        )
        assert r.exit_code == 0, r.stderr
        assert "9999-12-31" in r.stdout
        assert "1970-01-01" in r.stdout
        assert "undated" in r.stdout
    r = runner.invoke(
        app,
        [
            "--feeds",
            str(config),
            "--cache-dir",
            str(cache_dir),
            "sailing",
            "--since",
            "30d",
            "--json",
        ],
    )
    assert r.exit_code in (0, 1), r.stderr
    assert "Traceback" not in r.stderr
    since = {x["title"] for x in json.loads(r.stdout)["results"]}
    assert "Sailing at the epoch" not in since
    assert "Dinghy sailing in late December of 1969" not in since
    # The default retention (90 days) drops the old ones at refresh, without failing.
    config90 = write_config(tmp_path / "feeds90.yaml", [{"name": "Dates", "url": "dates.xml"}])
    report = giftfind.refresh(feeds=config90, cache_dir=tmp_path / "cache90")
    assert report.failed == ()


def test_items_without_links_or_titles_end_to_end(tmp_path: Path, cache_dir: Path) -> None:
    items = (
        "<item><title>Sailing without a link</title><description>No link at all.</description></item>"
        "<item><description>Sailing description only, about a regatta at dawn</description></item>"
        "<item><title>Sailing with a javascript link</title><link>javascript:alert(1)</link></item>"
        '<item><guid isPermaLink="false">nothing-here</guid></item>'
    )
    (tmp_path / "bare.xml").write_text(rss_doc(items))
    config = write_config(
        tmp_path / "feeds.yaml", [{"name": "Bare", "url": "bare.xml"}], settings="retention_days: 0"
    )
    r = runner.invoke(
        app,
        ["--feeds", str(config), "--cache-dir", str(cache_dir), "sailing", "-n", "50", "--json"],
    )
    assert r.exit_code == 0, r.stderr
    results = json.loads(r.stdout)["results"]
    assert {x["title"] for x in results} == {
        "Sailing without a link",
        "Sailing description only, about a regatta at dawn",
        "Sailing with a javascript link",
    }
    assert all(x["url"] is None for x in results)
    r = runner.invoke(
        app, ["--feeds", str(config), "--cache-dir", str(cache_dir), "sailing", "-n", "50"]
    )
    assert r.exit_code == 0
    assert r.stdout.count("(no link)") == 3
    r = runner.invoke(
        app,
        [
            "--feeds",
            str(config),
            "--cache-dir",
            str(cache_dir),
            "sailing",
            "-n",
            "50",
            "-f",
            "markdown",
        ],
    )
    assert r.exit_code == 0
    assert "](" not in r.stdout  # no link at all
    assert "**Sailing without a link**" in r.stdout


@pytest.mark.parametrize("case", ["fake-gzip", "over-size-cap"])
def test_real_process_stderr_holds_only_giftfind_lines(
    case: str, tmp_path: Path, server: FeedServer
) -> None:
    """The user's terminal, not CliRunner's: nothing but giftfind's own lines on stderr."""
    (tmp_path / "good.xml").write_text(GOOD)
    if case == "fake-gzip":
        url = server.add("/bad.xml", GOOD, headers={"Content-Encoding": "gzip"})
        settings = "retention_days: 0"
    else:
        url = server.add("/bad.xml", GOOD * 30)
        settings = "retention_days: 0\nmax_bytes: 1KiB"
    config = write_config(
        tmp_path / "feeds.yaml",
        [{"name": "Good", "url": "good.xml"}, {"name": "Bad Body", "url": url}],
        settings=settings,
    )
    cache = str(tmp_path / "cache")
    for args, code in (
        (["--feeds", str(config), "--cache-dir", cache, "sailing"], 0),
        (["refresh", "--all", "--feeds", str(config), "--cache-dir", cache], 3),
    ):
        r = subprocess.run(
            [sys.executable, "-m", "giftfind", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert r.returncode == code, r.stderr
        lines = r.stderr.splitlines()
        assert sum("feed 'Bad Body'" in line for line in lines) == 1, r.stderr
        assert all(line.startswith("giftfind: ") for line in lines), r.stderr
