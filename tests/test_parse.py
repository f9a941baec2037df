"""Parsing: every supported format, real captured feeds, and any bytes at all."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giftfind.errors import GiftfindError, ParseError
from giftfind.parse import SUMMARY_LEN, parse_feed
from giftfind.types import FeedSpec

from .conftest import SHARED_FEEDS

SPEC = FeedSpec(name="Test", url="https://example.com/feed")

RSS20 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>News &amp; more</title><link>https://example.com/</link>
<description>d</description><ttl>90</ttl>
<item><title>First &lt;em&gt;story&lt;/em&gt;</title><link>https://example.com/1?utm_source=rss</link>
<guid isPermaLink="false">story-1</guid><pubDate>Tue, 24 Nov 2026 14:05:00 -0600</pubDate>
<description>&lt;p&gt;Sailing on &lt;b&gt;Lake Michigan&lt;/b&gt; &amp;amp; more&lt;/p&gt;</description>
<author>jane@example.com (Jane Doe)</author><category>Sailing</category><category>Chicago</category></item>
<item><title>No guid</title><link>https://example.com/2</link><description>Plain text.</description></item>
<item><title>Dangerous link</title><link>javascript:alert(1)</link><guid>urn:x:3</guid></item>
<item><title>First story again</title><link>https://example.com/other</link><guid isPermaLink="false">story-1</guid></item>
</channel></rss>"""

RSS10 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.com/"><title>RDF</title><link>https://example.com/</link>
<description>d</description></channel>
<item rdf:about="https://example.com/r1"><title>RDF item</title><link>https://example.com/r1</link>
<description>About gardening</description><dc:date>2026-11-20T08:00:00Z</dc:date></item>
</rdf:RDF>"""

RSS091 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="0.91"><channel><title>Old</title><link>https://example.com/</link>
<description>d</description><language>de</language>
<item><title>Z\xfcrich caf\xe9</title><link>https://example.com/z</link><description>Gr\xfcezi</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom feed</title><id>tag:example.com,2026:feed</id>
<updated>2026-11-20T10:00:00Z</updated>
<entry><title type="html">Atom &lt;b&gt;entry&lt;/b&gt;</title><id>tag:example.com,2026:1</id>
<link rel="alternate" href="https://example.com/atom/1"/><updated>2026-11-20T10:00:00+01:00</updated>
<author><name>Ann</name></author><summary type="html">&lt;p&gt;Short&lt;/p&gt;</summary>
<content type="html">&lt;p&gt;A much longer body about cycling in Chicago.&lt;/p&gt;</content></entry>
</feed>"""

JSONFEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "JSON feed",
    "items": [
        {
            "id": "j1",
            "url": "https://example.com/j/1",
            "title": "JSON item",
            "content_html": "<p>Running <em>marathons</em> in Boston</p>",
            "date_published": "2026-11-21T09:30:00-05:00",
            "authors": [{"name": "Bo"}],
            "tags": ["running", 7, None],
        },
        {"id": 2, "content_text": "Untitled note about photography", "url": "data:text/html,x"},
        {"id": "j3", "title": 5, "summary": ["wrong type"], "date_published": 12},
        "not an object",
    ],
}

JSONFEED_10 = {
    "version": "https://jsonfeed.org/version/1",
    "title": "JSON 1.0",
    "items": [
        {
            "id": "https://example.com/old/1",
            "url": "https://example.com/old/1",
            "title": "Version one",
            "summary": "Summary",
            "author": {"name": "Old Author"},
            "date_published": "2026-11-01T00:00:00Z",
        }
    ],
}


def test_rss20() -> None:
    feed = parse_feed(RSS20.encode(), SPEC)
    assert feed.format == "rss20"
    assert feed.title == "News & more"
    assert feed.ttl_minutes == 90
    first, second, third = feed.articles  # the repeated guid is dropped
    assert first.id == "https://example.com/feed#story-1"  # a bare guid is scoped to its feed
    assert first.title == "First story"
    assert first.link == "https://example.com/1"  # tracking parameters dropped
    assert first.summary == "Sailing on Lake Michigan & more"
    assert first.published == datetime(2026, 11, 24, 20, 5, tzinfo=UTC)
    assert first.tags == ("Sailing", "Chicago")
    assert first.author
    assert "Jane Doe" in first.author
    assert first.feed == "Test"
    assert second.id == "https://example.com/2"  # no guid: the canonical link
    assert second.published is None
    assert third.link == ""  # javascript: dropped
    assert third.id == "urn:x:3"


def test_rss10_and_rss091() -> None:
    (a,) = parse_feed(RSS10.encode(), SPEC).articles
    assert a.title == "RDF item"
    assert a.published == datetime(2026, 11, 20, 8, tzinfo=UTC)
    old = parse_feed(RSS091.encode("latin-1"), SPEC)
    assert old.format == "rss091u" or old.format.startswith("rss09")
    (b,) = old.articles
    assert b.title == "Zürich café"
    assert b.summary == "Grüezi"


def test_atom() -> None:
    feed = parse_feed(ATOM.encode(), SPEC)
    assert feed.format == "atom10"
    (a,) = feed.articles
    assert a.id == "tag:example.com,2026:1"
    assert a.title == "Atom entry"
    assert a.link == "https://example.com/atom/1"
    assert a.summary == "A much longer body about cycling in Chicago."
    assert a.published == datetime(2026, 11, 20, 9, tzinfo=UTC)
    assert a.author == "Ann"


def test_json_feed_11_tolerates_wrong_types() -> None:
    feed = parse_feed(json.dumps(JSONFEED).encode(), SPEC)
    assert feed.format == "json11"
    a, b, c = feed.articles
    assert a.title == "JSON item"
    assert a.summary == "Running marathons in Boston"
    assert a.published == datetime(2026, 11, 21, 14, 30, tzinfo=UTC)
    assert a.author == "Bo"
    assert a.tags == ("running", "7")
    assert a.id == "https://example.com/feed#j1"
    assert b.link == ""  # data: dropped
    assert b.title == "Untitled note about photography"
    assert c.title == "5"
    assert c.published is None


def test_json_feed_10() -> None:
    feed = parse_feed(json.dumps(JSONFEED_10).encode(), SPEC)
    assert feed.format == "json10"
    (a,) = feed.articles
    assert a.author == "Old Author"
    assert a.id == "https://example.com/old/1"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty document"),
        (b"   \n", "empty document"),
        (b"<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>", "HTML page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00garbage", "not"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": 3}', "'items' list"),
        (b'{"hello": "world"}', "not a JSON Feed"),
        (b"[1, 2]", "not a JSON Feed"),
        (b'{"version": ', "invalid JSON"),
    ],
)
def test_not_a_feed(body: bytes, message: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_feed(body, SPEC)
    assert message in str(info.value)
    assert str(info.value).startswith("feed 'Test': ")


def test_summary_is_capped() -> None:
    body = RSS20.replace("Plain text.", "word " * 1000)
    (_, second, _) = parse_feed(body.encode(), SPEC).articles
    assert len(second.summary) <= SUMMARY_LEN


def test_feedparser_never_opens_a_path_named_by_the_body(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text(RSS20)
    with pytest.raises(ParseError):
        parse_feed(str(secret).encode(), SPEC)


def captures() -> list[Path]:
    if not SHARED_FEEDS.is_dir():
        return []
    return sorted(p for p in SHARED_FEEDS.iterdir() if p.name != "MANIFEST.tsv")


@pytest.mark.skipif(not SHARED_FEEDS.is_dir(), reason="../shared/feeds (real captures) is absent")
@pytest.mark.parametrize("path", captures(), ids=lambda p: p.name)
def test_real_capture_parses(path: Path) -> None:
    import gzip

    content = path.read_bytes()
    if path.suffix == ".gz":
        content = gzip.decompress(content)
    feed = parse_feed(content, FeedSpec(name=path.stem, url=f"https://example.com/{path.name}"))
    assert feed.articles, f"{path.name}: no articles"
    for a in feed.articles:
        assert a.title
        assert a.id
    with_links = [a for a in feed.articles if a.link]
    assert len(with_links) >= len(feed.articles) * 0.5, f"{path.name}: most articles lack links"
    assert all(a.link.startswith(("http://", "https://")) for a in with_links)
    ids = [a.id for a in feed.articles]
    assert len(ids) == len(set(ids))


@given(st.binary(max_size=3000))
def test_any_bytes_give_articles_or_a_parse_error(data: bytes) -> None:
    try:
        feed = parse_feed(data, SPEC)
    except GiftfindError as e:
        assert isinstance(e, ParseError)
        assert "\n" not in str(e)
    else:
        assert all(a.id and a.title for a in feed.articles)


def _is_mojibake(s: str) -> bool:
    """True for text that is UTF-8 bytes read as Latin-1 ("Â¡" for "¡").

    feedparser deliberately repairs such double-encoded titles, so they do not
    round-trip, by design. It repairs a part of a title too ("\\xa0Â\\xa00" holds
    "Â\\xa0", a no-break space read as Latin-1): any UTF-8 lead byte followed by a
    continuation byte, read as Latin-1, counts.
    """
    return re.search("[\xc2-\xf4][\x80-\xbf]", s) is not None


xml_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() and not _is_mojibake(s))


@given(
    st.lists(
        st.tuples(xml_text, st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True)),
        min_size=1,
        max_size=5,
        unique_by=lambda t: t[1],
    )
)
def test_generated_rss_round_trips_titles_and_links(items: list[tuple[str, str]]) -> None:
    from giftfind.text import to_plain

    body = "".join(
        f"<item><title>{escape(t)}</title><link>https://example.com/{slug}</link>"
        f"<guid>https://example.com/{slug}</guid></item>"
        for t, slug in items
    )
    doc = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>{body}</channel></rss>'
    feed = parse_feed(doc.encode(), SPEC)
    by_link = {a.link: a for a in feed.articles}
    for title, slug in items:
        expected = to_plain(title)
        if not expected:
            continue
        article = by_link[f"https://example.com/{slug}"]
        assert article.title == to_plain(expected)


@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "id": st.one_of(st.text(max_size=10), st.integers(), st.none()),
                "title": st.one_of(st.text(max_size=30), st.integers(), st.none()),
                "url": st.one_of(st.text(max_size=30), st.none()),
                "date_published": st.one_of(st.text(max_size=30), st.integers(), st.none()),
                "tags": st.one_of(st.lists(st.text(max_size=5), max_size=3), st.text(max_size=5)),
            }
        ),
        max_size=5,
    )
)
def test_generated_json_feed_never_crashes(items: list[dict]) -> None:
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": items}
    feed = parse_feed(json.dumps(doc).encode(), SPEC)
    assert all(a.id for a in feed.articles)


def _read(path: Path) -> bytes:
    import gzip

    content = path.read_bytes()
    return gzip.decompress(content) if path.suffix == ".gz" else content


def _parity_inputs() -> list[Path]:
    """The captured and sample feeds the fast path reads (feedparser reads the rest)."""
    from giftfind.parse import _fast_xml, _repair

    from .conftest import SAMPLE

    paths = captures()
    if SAMPLE.is_dir():
        paths += sorted(SAMPLE.glob("*.xml")) + sorted(SAMPLE.glob("*.atom"))
    return [p for p in paths if _fast_xml(_repair(_read(p), ""), "") is not None]


@pytest.mark.parametrize("path", _parity_inputs(), ids=lambda p: p.name)
def test_fast_path_gives_the_very_articles_feedparser_gives(path: Path) -> None:
    """Where the ElementTree fast path reads a feed, it must agree with feedparser exactly."""
    from giftfind.parse import _parse_xml_feed

    content = _read(path)
    spec = FeedSpec(name=path.stem, url=f"https://example.com/{path.name}")
    fast = _parse_xml_feed(content, spec, {}, None, fast=True)
    slow = _parse_xml_feed(content, spec, {}, None, fast=False)
    assert fast.format == slow.format
    assert fast.title == slow.title
    assert fast.articles == slow.articles


def test_fast_path_reads_plain_feeds_and_declines_the_rest() -> None:
    from giftfind.parse import _fast_xml

    plain = RSS20.replace("<author>jane@example.com (Jane Doe)</author>", "")
    assert _fast_xml(plain.encode(), "") is not None
    assert _fast_xml(RSS20.encode(), "") is None  # <author>: feedparser composes its own
    assert _fast_xml(ATOM.encode(), "") is not None
    assert _fast_xml(RSS10.encode(), "") is None  # RDF: feedparser
    assert _fast_xml(RSS091.encode("latin-1"), "") is None  # not UTF-8
    assert _fast_xml(plain.encode(), "text/xml; charset=iso-8859-1") is None
    doctype = plain.replace("<rss", '<!DOCTYPE rss SYSTEM "x.dtd"><rss', 1)
    assert _fast_xml(doctype.encode(), "") is None
    itunes = plain.replace(
        "<category>Chicago</category>",
        '<category>Chicago</category><itunes:summary xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">x</itunes:summary>',
    )
    assert _fast_xml(itunes.encode(), "") is None  # an element it has no rule for


@given(
    st.lists(
        st.tuples(
            xml_text,
            st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True),
            xml_text,
            st.sampled_from(
                ["Tue, 24 Nov 2026 14:05:00 -0600", "Mon, 2 Nov 2026 08:00:00 GMT", ""]
            ),
        ),
        min_size=1,
        max_size=5,
        unique_by=lambda t: t[1],
    )
)
def test_fast_path_agrees_with_feedparser_on_generated_feeds(
    items: list[tuple[str, str, str, str]],
) -> None:
    from giftfind.parse import _fast_xml, _parse_xml_feed

    body = "".join(
        f"<item><title>{escape(t)}</title><link>https://example.com/{slug}</link>"
        f"<guid>https://example.com/{slug}</guid><description>{escape(d)}</description>"
        + (f"<pubDate>{date}</pubDate>" if date else "")
        + "</item>"
        for t, slug, d, date in items
    )
    doc = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        f"{body}</channel></rss>"
    ).encode()
    if _fast_xml(doc, "") is None:
        return
    fast = _parse_xml_feed(doc, SPEC, {}, None, fast=True)
    slow = _parse_xml_feed(doc, SPEC, {}, None, fast=False)
    assert fast.articles == slow.articles
