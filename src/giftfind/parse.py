"""Turn a feed document (bytes) into articles.

RSS 0.9x/1.0/2.0 and Atom go through feedparser; JSON Feed 1.0/1.1 (which
feedparser does not read) through :mod:`json`. Every text field leaves here as
sanitized plain text (:func:`giftfind.text.to_plain`), every link as an http(s) URL
or "". Any failure becomes a :class:`~giftfind.errors.ParseError` naming the feed.
"""

from __future__ import annotations

import calendar
import contextlib
import hashlib
import io
import json
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from ._log import log
from .errors import ParseError
from .text import allowed_url, canonical_url, strip_tracking, to_plain
from .types import Article, FeedSpec

TITLE_LEN = 300
SUMMARY_LEN = 1000
AUTHOR_LEN = 120
MAX_TAGS = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedFeed:
    """What a feed document holds."""

    #: "rss20", "atom10", "json11"... as feedparser names them (json* for JSON Feed).
    format: str
    title: str
    articles: tuple[Article, ...]
    #: The feed's own hint of how often to poll (RSS <ttl>, sy:updatePeriod), minutes.
    ttl_minutes: int | None = None


def parse_feed(
    content: bytes,
    spec: FeedSpec,
    *,
    headers: Mapping[str, str] | None = None,
    url: str | None = None,
) -> ParsedFeed:
    """Parse one feed document into articles (duplicates within it dropped)."""
    headers = headers or {}
    try:
        if _looks_like_json(content, headers.get("content-type", "")):
            parsed = _parse_json_feed(content, spec)
        else:
            parsed = _parse_xml_feed(content, spec, headers, url)
    except ParseError:
        raise
    except RecursionError as e:
        raise ParseError(spec.name, "document nested too deeply") from e
    except Exception as e:  # feedparser and json raise many kinds; one feed never fails a run
        log().debug("parse %s failed", spec.name, exc_info=True)
        raise ParseError(spec.name, f"cannot parse: {type(e).__name__}: {e}") from e
    return parsed


def _looks_like_json(content: bytes, content_type: str) -> bool:
    head = content[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return True
    return "json" in content_type.lower() and not head.startswith(b"<")


# -- RSS and Atom ----------------------------------------------------------------------


def _parse_xml_feed(
    content: bytes,
    spec: FeedSpec,
    headers: Mapping[str, str],
    url: str | None,
    *,
    fast: bool = True,
) -> ParsedFeed:
    if not content.strip():
        raise ParseError(spec.name, "empty document")
    content = _repair(content, headers.get("content-type", ""))
    found: tuple[str, Mapping[str, Any], list[Any]] | None = None
    if fast:
        found = _fast_xml(content, headers.get("content-type", ""))
    if found is None:
        found = _feedparser(content, spec, headers)
    version, feed, entries = found
    # Relative links resolve against the feed's own address; for a local file, or
    # a server that did not say, against the site link the feed gives.
    base = url if url and url.startswith(("http://", "https://")) else None
    base = base or allowed_url(feed.get("link"))
    articles = []
    for entry in entries:
        article = _xml_entry(entry, spec, base)
        if article is not None:
            articles.append(article)
    return ParsedFeed(
        format=version or "unknown",
        title=to_plain(feed.get("title"), TITLE_LEN),
        articles=_unique(articles),
        ttl_minutes=_ttl(feed),
    )


def _feedparser(
    content: bytes, spec: FeedSpec, headers: Mapping[str, str]
) -> tuple[str, Mapping[str, Any], list[Any]]:
    import feedparser

    response_headers = {
        k: v for k, v in headers.items() if k in ("content-type", "content-language")
    }
    # No content-location: given one, feedparser joins every URI in the document
    # against it (a third of its time); _resolve joins the few links used.
    # Always a stream: feedparser treats a str or bytes argument that names a file
    # or URL as one to open, which a hostile body must never trigger.
    with warnings.catch_warnings():
        # feedparser warns about feeds' quirks; a bad feed is reported as a
        # ParseError, not as Python warnings on the user's terminal.
        warnings.simplefilter("ignore")
        d = feedparser.parse(
            io.BytesIO(content),
            response_headers=response_headers,
            sanitize_html=False,  # every field is reduced to plain text anyway
            resolve_relative_uris=False,
        )
    version = d.get("version") or ""
    entries = d.get("entries") or []
    if not version and not entries:
        problem = d.get("bozo_exception")
        head = content[:512].lower()
        if b"<html" in head or b"<!doctype html" in head:
            raise ParseError(spec.name, "not a feed (an HTML page)")
        if problem is not None:
            raise ParseError(spec.name, f"not a valid feed: {_one_line(problem)}")
        raise ParseError(spec.name, "not a feed (no RSS, Atom or JSON Feed found)")
    return version, d.get("feed") or {}, entries


_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.IGNORECASE)
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));")


def _repair(content: bytes, content_type: str) -> bytes:
    """Fix two faults that would otherwise cost a whole feed.

    * A document in UTF-8 (by its declaration or by default) with a few invalid
      bytes: feedparser would then read all of it as windows-1252, garbling
      every non-Latin title; the bad bytes become U+FFFD instead.
    * A numeric character reference to no character (``&#xD800;``,
      ``&#x110000;``): feedparser would refuse the document; it becomes U+FFFD.
    """
    if b"&#" in content:
        content = _CHAR_REF.sub(_check_ref, content)
    if content.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in content[:4]:
        return content  # UTF-16/32: not ours to second-guess
    declared = _XML_ENCODING.match(content[:200])
    charset = _CHARSET.search(content_type)
    names = {m.group(1).decode("ascii", "replace").lower() for m in [declared] if m}
    if charset:
        names.add(charset.group(1).lower())
    if names - {"utf-8", "utf8"}:
        return content
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        text = content.decode("utf-8", errors="replace")
        # Real UTF-8 elsewhere in it: UTF-8 with a few bad bytes. None at all: most
        # likely Latin-1 mislabelled, which feedparser's fallback reads right.
        if any(ord(c) > 127 and c != "\ufffd" for c in text):
            return text.encode("utf-8")
    return content


def _check_ref(m: re.Match[bytes]) -> bytes:
    digits = m.group(1) or m.group(2)
    if len(digits) > 8:
        return b"&#xFFFD;"
    code = int(digits, 16) if m.group(1) else int(digits)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return b"&#xFFFD;"
    return m.group(0)


def _one_line(e: object) -> str:
    return to_plain(str(e), 200) or type(e).__name__


def _resolve(href: Any, base: str | None) -> str:
    if not isinstance(href, str) or not href.strip():
        return ""
    href = href.strip()
    if base and not href.startswith(("http://", "https://")) and ":" not in href.split("/")[0]:
        try:
            href = urljoin(base, href)
        except ValueError:
            return ""
    return strip_tracking(allowed_url(href))


# -- a fast path for plain RSS 2.0 and Atom ----------------------------------------------
#
# feedparser reads anything, at about 4,000 items a second. Most feeds are plain,
# well-formed RSS 2.0 or Atom in UTF-8, which ElementTree reads forty times
# faster. For those, _fast_xml builds the same entries feedparser would (the
# fields giftfind uses, as feedparser shapes them); anything it does not know
# (another encoding, a DTD, xml:base, an element it has no rule for) goes to
# feedparser. tests/test_parse.py checks both give the very same articles on
# every real feed capture.

_RSS_ITEM = {
    "title", "link", "description", "guid", "pubDate", "category", "comments", "enclosure",
    "{http://purl.org/rss/1.0/modules/content/}encoded",
    "{http://purl.org/dc/elements/1.1/}creator",
    "{http://purl.org/dc/elements/1.1/}date",
    "{http://wellformedweb.org/CommentAPI/}commentRss",
    "{http://purl.org/rss/1.0/modules/slash/}comments",
}  # fmt: skip
_ATOM = "{http://www.w3.org/2005/Atom}"
_ATOM_ENTRY = {
    f"{_ATOM}{name}"
    for name in ("title", "link", "id", "updated", "published", "summary", "content", "author",
                 "category", "rights")
}  # fmt: skip
_SY = "{http://purl.org/rss/1.0/modules/syndication/}"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class _Decline(Exception):
    """The document is not one the fast path reads exactly as feedparser does."""


def _fast_xml(content: bytes, content_type: str) -> tuple[str, dict[str, Any], list[Any]] | None:
    """``(version, feed, entries)`` as feedparser would give them, or None to use feedparser."""
    import xml.etree.ElementTree as ET

    head = content[:1024]
    if (
        b"<!DOCTYPE" in head.upper()
        or b"<!ENTITY" in content
        or content.startswith(b"\xef\xbb\xbf")
    ):
        return None
    declared = _XML_ENCODING.match(head)
    charset = _CHARSET.search(content_type)
    for name in (declared.group(1).decode() if declared else None, charset and charset.group(1)):
        if name is not None and name.lower() not in ("utf-8", "utf8"):
            return None
    try:
        content.decode("utf-8")
        # Safe on untrusted input here: documents declaring a DTD or entities
        # (entity expansion, external entities) were sent to feedparser above.
        root = ET.fromstring(content)  # noqa: S314
    except (UnicodeDecodeError, ET.ParseError, ValueError):
        return None
    try:
        if any(_XML_BASE in el.attrib for el in root.iter()):
            return None
        if root.tag == "rss" and root.get("version") == "2.0":
            channel = root.find("channel")
            if channel is None:
                return None
            return "rss20", _rss_channel(channel), [_rss_item(i) for i in channel.iter("item")]
        if root.tag == f"{_ATOM}feed":
            return "atom10", _atom_feed(root), [_atom_entry(e) for e in root.iter(f"{_ATOM}entry")]
    except _Decline:
        return None
    return None


def _fp_text(value: str | None) -> str:
    """Text as feedparser returns it: stripped, and UTF-8 read as Latin-1 repaired."""
    value = (value or "").strip()
    if not value.isascii():
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            value = value.encode("iso-8859-1").decode("utf-8")
    return value


def _has_children(el: Any) -> bool:
    return len(el) > 0


def _rss_channel(channel: Any) -> dict[str, Any]:
    feed: dict[str, Any] = {}
    for child in channel:
        if child.tag == "item":
            continue
        if _has_children(child) and child.tag in ("title", "link", "ttl"):
            raise _Decline
        if child.tag == "title":
            feed["title"] = _fp_text(child.text)
        elif child.tag == "link" and "link" not in feed:
            feed["link"] = _fp_text(child.text)
        elif child.tag == "ttl":
            feed["ttl"] = _fp_text(child.text)
        elif child.tag in (f"{_SY}updatePeriod", f"{_SY}updateFrequency"):
            raise _Decline  # feedparser's reading of these is its own
    return feed


def _rss_item(item: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    tags = []
    guid_is_link = False
    for child in item:
        tag = child.tag
        if tag not in _RSS_ITEM or (_has_children(child) and tag != "enclosure"):
            raise _Decline
        text = _fp_text(child.text)
        if tag == "title":
            entry["title"] = text
        elif tag == "link":
            entry["link"] = text
        elif tag == "description":
            entry["summary"] = text
        elif tag == "guid":
            entry["id"] = text
            guid_is_link = child.get("isPermaLink", "true") == "true"
        elif tag == "pubDate":
            entry["published_parsed"] = _fast_date(text, rfc822=True)
        elif tag == "{http://purl.org/dc/elements/1.1/}date":
            entry["updated_parsed"] = _fast_date(text, rfc822=False)
        elif tag == "category":
            if text:
                tags.append({"term": text})
        elif tag == "{http://purl.org/rss/1.0/modules/content/}encoded":
            entry.setdefault("content", []).append({"value": text})
        elif tag == "{http://purl.org/dc/elements/1.1/}creator":
            entry["author"] = text
    if guid_is_link and entry.get("id") and not entry.get("link"):
        entry["link"] = entry["id"]  # an RSS guid is a permalink unless it says not
    if tags:
        entry["tags"] = tags
    return entry


def _atom_feed(root: Any) -> dict[str, Any]:
    feed: dict[str, Any] = {}
    for child in root:
        if child.tag == f"{_ATOM}title":
            if child.get("type", "text") not in ("text", "html"):
                raise _Decline
            feed["title"] = _fp_text(child.text)
        elif child.tag == f"{_ATOM}link" and child.get("rel", "alternate") == "alternate":
            feed.setdefault("link", _fp_text(child.get("href")))
    return feed


def _atom_entry(el: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    links = []
    tags = []
    for child in el:
        tag = child.tag
        if tag not in _ATOM_ENTRY:
            raise _Decline
        if tag in (f"{_ATOM}title", f"{_ATOM}summary", f"{_ATOM}content"):
            if child.get("type", "text") not in ("text", "html") or child.get("src"):
                raise _Decline
            if _has_children(child):
                raise _Decline
        text = _fp_text(child.text)
        if tag == f"{_ATOM}title":
            entry["title"] = text
        elif tag == f"{_ATOM}link":
            href = _fp_text(child.get("href"))
            rel = child.get("rel", "alternate")
            links.append({"rel": rel, "href": href})
            if rel == "alternate" and "link" not in entry:
                entry["link"] = href
        elif tag == f"{_ATOM}id":
            entry["id"] = text
        elif tag == f"{_ATOM}updated":
            entry["updated_parsed"] = _fast_date(text, rfc822=False)
        elif tag == f"{_ATOM}published":
            entry["published_parsed"] = _fast_date(text, rfc822=False)
        elif tag == f"{_ATOM}summary":
            entry["summary"] = text
        elif tag == f"{_ATOM}content":
            entry.setdefault("content", []).append({"value": text})
        elif tag == f"{_ATOM}author":
            names = [c for c in child if c.tag == f"{_ATOM}name"]
            if len(child) != len(names) or len(names) != 1:
                raise _Decline  # email, uri: feedparser composes its own author string
            entry["author"] = _fp_text(names[0].text)
        elif tag == f"{_ATOM}category":
            if child.get("label") is not None:
                raise _Decline
            term = _fp_text(child.get("term"))
            if term:
                tags.append({"term": term})
    if links:
        entry["links"] = links
    if tags:
        entry["tags"] = tags
    return entry


_RFC822_YEAR = re.compile(r"\b(\d{4})\b")


def _fast_date(text: str, *, rfc822: bool) -> Any:
    """A UTC struct_time, as feedparser's; a date this cannot read exactly declines."""
    if not text:
        raise _Decline
    try:
        if rfc822:
            year = _RFC822_YEAR.search(text)
            if year is None or not 1900 <= int(year.group(1)) <= 9998:
                raise _Decline  # two-digit and far-off years: feedparser's rules
            when = parsedate_to_datetime(text)
        elif _ISO.match(text) and ("T" in text or len(text) == 10):
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
        else:
            raise _Decline
        if when.tzinfo is None:
            raise _Decline  # feedparser's assumptions about local time are its own
        return when.astimezone(UTC).replace(microsecond=0).timetuple()
    except (TypeError, ValueError, IndexError, OverflowError) as e:
        raise _Decline from e


def _xml_entry(entry: dict[str, Any], spec: FeedSpec, base: str | None) -> Article | None:
    link = _resolve(entry.get("link"), base)
    if not link:
        for candidate in entry.get("links") or ():
            if candidate.get("rel", "alternate") == "alternate":
                link = _resolve(candidate.get("href"), base)
                if link:
                    break
    title = to_plain(entry.get("title"), TITLE_LEN)
    # The longest of the description, the full content and the iTunes subtitle:
    # podcast feeds often cut <itunes:summary> short and keep the text elsewhere.
    texts = [entry.get("summary"), entry.get("subtitle")]
    texts.extend(c.get("value") for c in entry.get("content") or ())
    summary = max((to_plain(t, SUMMARY_LEN) for t in texts if t), key=len, default="")
    if not title and not summary:
        return None
    # dict.get: FeedParserDict maps a missing updated_parsed to published_parsed
    # with a DeprecationWarning; read the raw keys instead.
    published = _struct_time(dict.get(entry, "published_parsed")) or _struct_time(
        dict.get(entry, "updated_parsed")
    )
    author = to_plain(entry.get("author"), AUTHOR_LEN) or None
    tags = tuple(
        t
        for t in (
            to_plain(tag.get("term") or tag.get("label"), 60) for tag in entry.get("tags") or ()
        )
        if t
    )[:MAX_TAGS]
    return Article(
        id=_article_id(entry.get("id"), link, title, summary, spec),
        feed=spec.name,
        title=title or _untitled(summary),
        link=link,
        published=published,
        summary=summary,
        author=author,
        tags=tags,
    )


def _struct_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None


def _ttl(feed: Mapping[str, Any]) -> int | None:
    ttl = feed.get("ttl")
    if ttl and str(ttl).strip().isdigit():
        return int(str(ttl).strip())
    period = str(feed.get("sy_updateperiod") or "").strip().lower()
    minutes = {"hourly": 60, "daily": 1440, "weekly": 10080, "monthly": 43200, "yearly": 525600}
    if period in minutes:
        freq = str(feed.get("sy_updatefrequency") or "1").strip()
        n = int(freq) if freq.isdigit() and int(freq) > 0 else 1
        return max(1, minutes[period] // n)
    return None


# -- JSON Feed (https://jsonfeed.org/version/1.1) --------------------------------------


def _parse_json_feed(content: bytes, spec: FeedSpec) -> ParsedFeed:
    text = content.decode("utf-8-sig", errors="replace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ParseError(spec.name, f"invalid JSON at line {e.lineno}: {e.msg}") from e
    if not isinstance(data, dict):
        raise ParseError(spec.name, "not a JSON Feed (the top level is not an object)")
    version = data.get("version")
    if not isinstance(version, str) or "jsonfeed.org" not in version:
        raise ParseError(spec.name, "not a JSON Feed (no jsonfeed.org version)")
    items = data.get("items")
    if not isinstance(items, list):
        raise ParseError(spec.name, "JSON Feed without an 'items' list")
    fmt = "json11" if version.rstrip("/").endswith("1.1") else "json10"
    articles = []
    for item in items:
        if isinstance(item, dict):
            article = _json_item(item, spec)
            if article is not None:
                articles.append(article)
    return ParsedFeed(
        format=fmt,
        title=to_plain(_str(data.get("title")), TITLE_LEN),
        articles=_unique(articles),
    )


def _str(value: Any) -> str | None:
    """The value if it is a string; JSON Feeds in the wild put numbers and nulls anywhere."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _json_item(item: Mapping[str, Any], spec: FeedSpec) -> Article | None:
    link = strip_tracking(
        allowed_url(_str(item.get("url"))) or allowed_url(_str(item.get("external_url")))
    )
    title = to_plain(_str(item.get("title")), TITLE_LEN)
    summary = to_plain(_str(item.get("summary")), SUMMARY_LEN)
    body = to_plain(_str(item.get("content_html")) or _str(item.get("content_text")), SUMMARY_LEN)
    if len(body) > len(summary):
        summary = body
    if not title and not summary:
        return None
    published = _iso_date(_str(item.get("date_published"))) or _iso_date(
        _str(item.get("date_modified"))
    )
    names = []
    authors = item.get("authors")
    if not isinstance(authors, list):
        authors = [item.get("author")]  # JSON Feed 1.0
    for a in authors:
        if isinstance(a, dict) and _str(a.get("name")):
            names.append(to_plain(_str(a.get("name")), AUTHOR_LEN))
    raw_tags = item.get("tags")
    tags = tuple(
        t
        for t in (to_plain(_str(x), 60) for x in (raw_tags if isinstance(raw_tags, list) else ()))
        if t
    )[:MAX_TAGS]
    return Article(
        id=_article_id(_str(item.get("id")), link, title, summary, spec),
        feed=spec.name,
        title=title or _untitled(summary),
        link=link,
        published=published,
        summary=summary,
        author=", ".join(n for n in names if n) or None,
        tags=tags,
    )


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _iso_date(value: str | None) -> datetime | None:
    """RFC 3339 dates as JSON Feed requires; RFC 822 ones as some feeds send anyway."""
    if not value:
        return None
    value = value.strip()
    try:
        if _ISO.match(value):
            when = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        else:
            when = parsedate_to_datetime(value)
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return when.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


# -- shared ----------------------------------------------------------------------------


def _untitled(summary: str) -> str:
    from .text import shorten

    return shorten(summary, 80) if summary else "(untitled)"


def _article_id(guid: str | None, link: str, title: str, summary: str, spec: FeedSpec) -> str:
    """A stable id: the guid, else the canonical link, else a hash of the text.

    <guid> is not required in RSS (and Atom ids are sometimes reused), so a guid
    that is not globally unique by its form (a URL, tag: or urn:) is scoped to
    the feed: "123" from two feeds is two articles.
    """
    guid = to_plain(guid, 500) if guid else ""
    if guid:
        if "://" in guid or guid.startswith(("tag:", "urn:")):
            return guid
        return f"{spec.url}#{guid}"
    if link:
        return canonical_url(link)
    digest = hashlib.sha1(f"{title}\x1f{summary}".encode(), usedforsecurity=False).hexdigest()
    return f"{spec.url}#sha1:{digest[:16]}"


def _unique(articles: list[Article]) -> tuple[Article, ...]:
    """Keep the first of articles sharing an id.

    Not a link: within one feed, items with their own guids are distinct even
    when they share a link (podcast feeds often link every episode to the
    show's home page). An item without a guid already has its canonical link
    as its id.
    """
    seen: set[str] = set()
    out = []
    for a in articles:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return tuple(out)


# -- parsing on every core -------------------------------------------------------------


def _parse_job(
    content: bytes, spec: FeedSpec, headers: Mapping[str, str], url: str | None
) -> ParsedFeed | str:
    """:func:`parse_feed` in a worker process; a failure comes back as its message.

    (Not as the ParseError itself: what crosses back is pickled, and an answer
    the parent cannot unpickle kills the pool's result thread, after which every
    ``get()`` waits forever.)
    """
    try:
        return parse_feed(content, spec, headers=headers, url=url)
    except ParseError as e:
        return e.message


#: How long a document may take to parse in a worker before it is given up.
PARSE_TIMEOUT = 120.0


class _Job:
    """A document being parsed in a worker: ``ready()``, then ``get()`` the ParsedFeed
    or a ParseError, never an exception and never a wait without end."""

    def __init__(self, result: Any, spec: FeedSpec) -> None:
        self._result = result
        self._spec = spec

    def ready(self) -> bool:
        return bool(self._result.ready())

    def get(self) -> ParsedFeed | ParseError:
        import multiprocessing

        try:
            value = self._result.get(timeout=PARSE_TIMEOUT)
        except multiprocessing.TimeoutError:
            return ParseError(self._spec.name, f"not parsed within {PARSE_TIMEOUT:g}s")
        except Exception as e:  # the worker died, or its answer could not be read
            log().debug("parse worker failed on %s", self._spec.name, exc_info=True)
            return ParseError(self._spec.name, f"the parser failed ({type(e).__name__})")
        if isinstance(value, ParsedFeed):
            return value
        return ParseError(self._spec.name, str(value))


class ParsePool:
    """Parses feed documents in worker processes, so that parsing keeps pace with the
    network: feedparser takes ~0.25 ms an item, the event loop must not wait for it.

    The workers are forked when the pool is made, which must be before the
    caller starts any thread (forking a threaded process is unsafe).
    """

    def __init__(self, workers: int) -> None:
        import multiprocessing

        self._pool = multiprocessing.get_context("fork").Pool(workers)

    @classmethod
    def maybe(cls, documents: int) -> ParsePool | None:
        """A pool when there are enough documents to gain from one, on a platform that forks."""
        import multiprocessing
        import os
        import threading

        workers = min(os.cpu_count() or 1, 4)
        if (
            documents < MIN_POOL_DOCUMENTS
            or workers < 2
            or "fork" not in multiprocessing.get_all_start_methods()
            or threading.active_count() > 1
        ):
            return None
        return cls(workers)

    def submit(
        self, content: bytes, spec: FeedSpec, headers: Mapping[str, str], url: str | None
    ) -> _Job:
        """Start parsing; the result's ``get()`` gives a ParsedFeed or a ParseError."""
        return _Job(self._pool.apply_async(_parse_job, (content, spec, dict(headers), url)), spec)

    def close(self) -> None:
        """Stop the workers."""
        self._pool.terminate()
        self._pool.join()


#: Feeds to fetch below which documents are parsed in this process.
MIN_POOL_DOCUMENTS = 8
