"""Manage the feeds list: list, add, remove and check feeds; import and export OPML.

A library for the command line's feed commands: nothing here prints, and every
deliberate error is a :class:`~giftfind.errors.GiftfindError` with a one-line message.

feeds.yaml is the user's file, so an edit touches only the lines it must. ruamel.yaml
(round-trip mode) reads the file to find where each entry starts, and writes the new
entries (``yaml.indent(mapping=2, sequence=4, offset=2)``, re-indented to the file's
own style); the new text is spliced in at those lines. Dumping the whole document
again would normalize what ruamel does not keep (``[a,b]`` becomes ``[a, b]``, a
``...`` end marker or a BOM is dropped, a ``- name`` at column 0 is indented), so
every other byte of the file stays as the user wrote it. The result is written
atomically (a temporary file in the same directory, then ``os.replace``, keeping the
file's mode) and read back with :func:`giftfind.config.load_config`; if it does not
load, or does not hold exactly the feeds intended, the original is put back.
"""

from __future__ import annotations

import io
import itertools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from . import _files
from .config import load_config
from .errors import ConfigError, FetchError, ParseError, UsageError
from .text import canonical_url, clean, shorten
from .types import Config, FeedSpec, Settings

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from .fetch import FetchResult
    from .parse import ParsedFeed

__all__ = [
    "STALE_DAYS",
    "AddResult",
    "CheckReport",
    "ImportResult",
    "add_feed",
    "check_feeds",
    "export_opml",
    "import_opml",
    "list_feeds",
    "remove_feed",
]

#: check_feeds reports a feed whose newest item is older than this many days.
STALE_DAYS = 30
#: Longest name given to a feed from its title or an OPML outline.
NAME_LEN = 100

# The MIME types of feeds a page can announce (RSS Board autodiscovery, RFC 4287 §7.1,
# JSON Feed 1.1 "Discovery"). application/json is JSON Feed 1.0's.
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"}
)
# Control characters, line and paragraph separators, lone surrogates: never in a name.
_BAD_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


# -- results --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class AddResult:
    """What :func:`add_feed` added."""

    #: The name it was given in feeds.yaml.
    name: str
    #: The URL (or local path) written to feeds.yaml.
    url: str
    #: "rss20", "atom10", "json11"... as :class:`~giftfind.parse.ParsedFeed` names it.
    format: str
    #: Items in the feed when it was fetched.
    items: int
    #: The newest item's date, if any item has one.
    newest: datetime | None
    #: The page the feed was found on, when the URL given was an HTML page.
    discovered_from: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckReport:
    """How one feed fared when fetched by :func:`check_feeds`."""

    name: str
    url: str
    #: Fetched, parsed, and holding at least one item.
    ok: bool
    #: As :attr:`giftfind.parse.ParsedFeed.format`; None when it could not be parsed.
    format: str | None = None
    items: int = 0
    newest: datetime | None = None
    #: One line each: the fetch or parse error, and anything worth fixing.
    problems: tuple[str, ...] = ()
    #: Where every redirect on the way was permanent (301/308): the feed's new URL.
    moved_to: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """What :func:`import_opml` did with each outline (``len()`` of each is its count)."""

    #: The feeds appended to feeds.yaml, as it now lists them.
    added: tuple[FeedSpec, ...] = ()
    #: Feeds already listed (the same canonical URL), one line each naming the entry.
    skipped_existing: tuple[str, ...] = ()
    #: Outlines that could not be imported, one line each with the reason.
    skipped_invalid: tuple[str, ...] = ()


# -- listing, adding, removing --------------------------------------------------------


def list_feeds(path: Path) -> list[FeedSpec]:
    """The feeds of a feeds.yaml, in its order."""
    return list(load_config(path).feeds)


def add_feed(
    path: Path,
    url: str,
    *,
    name: str | None = None,
    tags: Sequence[str] = (),
    pick: int | None = None,
    settings: Settings | None = None,
) -> AddResult:
    """Fetch ``url`` and append it to the feeds file at ``path``.

    ``url`` is an http(s) URL or a local path (relative to the feeds file). When it
    is an HTML page, the feeds it announces with ``<link rel="alternate">`` are
    found; if there are several, ``pick`` (1-based) chooses one (it is ignored when
    ``url`` is a feed itself). ``name`` defaults
    to the feed's title, made unique. The file is created if it does not exist.

    Raises UsageError for a URL that is not a feed (or a page announcing one), that
    is already listed, or a name that is taken; ConfigError when the feeds file is
    invalid or cannot be written.
    """
    url = url.strip()
    if not url:
        raise UsageError("no URL given")
    wanted_name = _check_name(name) if name is not None else None
    wanted_tags = _check_tags(tags)
    if pick is not None and pick < 1:
        raise UsageError(f"--pick {pick}: feeds are numbered from 1")
    doc = _Document.read(path, create=True)
    spec = _spec_for(url, doc.base)
    _refuse_listed(doc, spec, url)
    if settings is None:
        settings = doc.config.settings if doc.config is not None else Settings()

    result = _fetch_one(spec, settings, url)
    discovered_from: str | None = None
    parsed = _parse_or_none(result, spec)
    if parsed is None:
        links = _discover_or_fail(result, spec, url)
        if pick is None and len(links) > 1:
            listing = "; ".join(
                f"{i}) {link.title} <{link.url}>" if link.title else f"{i}) <{link.url}>"
                for i, link in enumerate(links, 1)
            )
            raise UsageError(f"several feeds found on {url}: {listing}; choose one with --pick N")
        if pick is not None and pick > len(links):
            found = "1 feed" if len(links) == 1 else f"{len(links)} feeds"
            raise UsageError(f"--pick {pick}: only {found} found on {url}")
        chosen = links[(pick or 1) - 1].url
        discovered_from = url
        spec = FeedSpec(name=chosen, url=chosen)
        _refuse_listed(doc, spec, chosen)
        result = _fetch_one(spec, settings, chosen)
        try:
            parsed = _parse(result, spec)
        except ParseError as e:
            raise UsageError(f"{chosen} (announced by {url}): {e.message}") from e

    # A feed that moved for good is written at its new address (RFC 9110 §15.4.2).
    stored = result.moved_to or spec.url

    # Fetching took a while: read the file again, in case it changed meanwhile.
    doc = _Document.read(path, create=True)
    _refuse_listed(doc, spec, spec.url)
    if stored != spec.url:
        _refuse_listed(doc, FeedSpec(name=stored, url=stored), stored)
    taken = {f.name.casefold(): f for f in doc.feeds}
    if wanted_name is not None:
        if wanted_name.casefold() in taken:
            other = taken[wanted_name.casefold()]
            raise UsageError(
                f"a feed named {other.name!r} is already listed (line {other.line}); "
                "choose another name"
            )
        final_name = wanted_name
    else:
        final_name = _unique_name(_default_name(parsed.title, stored), set(taken))
    doc.append([_Entry(final_name, stored, wanted_tags)])
    dates = [a.published for a in parsed.articles if a.published is not None]
    return AddResult(
        name=final_name,
        url=stored,
        format=parsed.format,
        items=len(parsed.articles),
        newest=max(dates, default=None),
        discovered_from=discovered_from,
    )


def remove_feed(path: Path, name: str) -> FeedSpec:
    """Remove the feed named ``name`` (any case) from the feeds file; return it as it was.

    Everything else in the file stays as it was, comments included; comment lines
    indented under the entry, right below it, go with it.
    """
    doc = _Document.read(path, create=False)
    key = name.strip().casefold()
    index = next((i for i, f in enumerate(doc.feeds) if f.name.casefold() == key), None)
    if index is None:
        raise UsageError(f"no feed named {name.strip()!r} in {path}{_did_you_mean(key, doc.feeds)}")
    removed = doc.feeds[index]
    if len(doc.feeds) == 1:
        raise UsageError(
            f"{removed.name!r} is the only feed in {path}; a feeds file needs at least one"
        )
    doc.remove(index)
    return removed


# -- checking ---------------------------------------------------------------------------


def check_feeds(
    config: Config,
    names: Sequence[str] = (),
    *,
    settings: Settings | None = None,
    now: datetime | None = None,
    stale_days: int = STALE_DAYS,
) -> list[CheckReport]:
    """Fetch the feeds (all, or those named) now and report how each fares, in config order.

    Nothing is stored, and no conditional request is made. One feed's failure is a
    report, never an exception; only an unknown name raises (UsageError).
    """
    from .fetch import fetch_iter

    chosen = _select(config, names)
    settings = settings or config.settings
    now = now or datetime.now(UTC)
    outcomes: dict[str, FetchResult | FetchError] = {}
    fetchable = []
    reports: dict[str, CheckReport] = {}
    for spec in chosen:
        if "{query}" in spec.url:
            reports[spec.name] = CheckReport(
                name=spec.name,
                url=spec.url,
                ok=True,
                problems=("a search feed ({query} in its URL): checked only when searched",),
            )
        else:
            fetchable.append(spec)
    for spec, outcome in fetch_iter(fetchable, {}, settings):
        outcomes[spec.name] = outcome
    for spec in fetchable:
        reports[spec.name] = _check_one(spec, outcomes[spec.name], now, stale_days)
    return [reports[spec.name] for spec in chosen]


def _select(config: Config, names: Sequence[str]) -> list[FeedSpec]:
    if not names:
        return list(config.feeds)
    by_key = {f.name.casefold(): f for f in config.feeds}
    chosen: dict[str, FeedSpec] = {}
    for name in names:
        key = name.strip().casefold()
        if key not in by_key:
            raise UsageError(
                f"no feed named {name.strip()!r} in {config.path}"
                + _did_you_mean(key, config.feeds)
            )
        chosen[key] = by_key[key]
    return [f for f in config.feeds if f.name.casefold() in chosen]


def _check_one(
    spec: FeedSpec, outcome: FetchResult | FetchError, now: datetime, stale_days: int
) -> CheckReport:
    if isinstance(outcome, FetchError):
        return CheckReport(name=spec.name, url=spec.url, ok=False, problems=(outcome.message,))
    problems: list[str] = []
    if outcome.moved_to:
        problems.append(f"moved permanently to {outcome.moved_to}; update its url in feeds.yaml")
    try:
        parsed = _parse(outcome, spec)
    except ParseError as e:
        reason = e.message
        if _is_html(outcome):
            links = _discover(outcome)
            if len(links) == 1:
                reason += f"; it announces a feed: {links[0].url}"
            elif links:
                reason += f"; it announces {len(links)} feeds, the first {links[0].url}"
        return CheckReport(
            name=spec.name,
            url=spec.url,
            ok=False,
            problems=(reason, *problems),
            moved_to=outcome.moved_to,
        )
    articles = parsed.articles
    dates = [a.published for a in articles if a.published is not None]
    newest = max(dates, default=None)
    if not articles:
        problems.append("no items")
    elif not dates:
        problems.append("no dates")
    without_links = sum(1 for a in articles if not a.link)
    if without_links:
        problems.append(f"items without links: {without_links}")
    if newest is not None:
        age = now - newest
        if age > timedelta(days=stale_days):
            problems.append(f"newest item is {age.days} days old")
        elif -age > timedelta(days=2):
            problems.append(f"newest item is dated {(-age).days} days in the future")
    return CheckReport(
        name=spec.name,
        url=spec.url,
        ok=bool(articles),
        format=parsed.format,
        items=len(articles),
        newest=newest,
        problems=tuple(problems),
        moved_to=outcome.moved_to,
    )


# -- OPML -------------------------------------------------------------------------------


def import_opml(path: Path, opml: Path | bytes) -> ImportResult:
    """Append the feeds of an OPML 1.0/2.0 subscription list to the feeds file at ``path``.

    Folders (outlines without an ``xmlUrl``) become lowercase tags of the feeds inside
    them, outermost first, and so do the parts of a ``category`` attribute
    (``"a/b,c"``: a, b, c). Feeds already listed (the same canonical URL) are skipped;
    a feed that appears in several folders is added once, with all their tags. Only
    http(s) ``xmlUrl`` values are taken. Nothing is fetched. The file is created if
    it does not exist, and left untouched when nothing is added.

    Raises UsageError for a document that is not OPML, or that declares a DOCTYPE or
    entities (refused unread: OPML never needs them, and entities can expand without
    bound).
    """
    if isinstance(opml, bytes):
        source, data = "the OPML document", opml
    else:
        source = str(opml)
        try:
            data = opml.read_bytes()
        except OSError as e:
            raise UsageError(f"cannot read {source}: {e.strerror or e}") from e
    outlines, invalid = _read_opml(data, source)

    doc = _Document.read(path, create=True)
    listed = {canonical_url(f.url): f for f in doc.feeds if not f.is_local}
    taken = {f.name.casefold() for f in doc.feeds}
    pending: dict[str, _Entry] = {}
    existing: dict[str, str] = {}
    for outline in outlines:
        key = canonical_url(outline.url)
        if key in listed:
            existing.setdefault(
                key, f"{outline.name} <{outline.url}>: already listed as {listed[key].name!r}"
            )
        elif key in pending:
            first = pending[key]
            pending[key] = _Entry(first.name, first.url, _unique_tags((*first.tags, *outline.tags)))
        else:
            name = _unique_name(outline.name, taken)
            taken.add(name.casefold())
            pending[key] = _Entry(name, outline.url, outline.tags)
    added: tuple[FeedSpec, ...] = ()
    if pending:
        config = doc.append(list(pending.values()))
        names = {e.name for e in pending.values()}
        added = tuple(f for f in config.feeds if f.name in names)
    return ImportResult(
        added=added, skipped_existing=tuple(existing.values()), skipped_invalid=tuple(invalid)
    )


def export_opml(config: Config, *, now: datetime | None = None) -> str:
    """The http(s) feeds of ``config`` as an OPML 2.0 document.

    Feeds are grouped into folder outlines by their first tag (feeds without tags
    stay at the top level), folders placed where their first feed is. All the
    feed's tags also go in the ``category`` attribute, so that :func:`import_opml`
    gives them back. Local files and search feeds are left out: a feed reader cannot
    use them. Weights are not exported (OPML has no place for them).
    """
    from email.utils import format_datetime

    when = format_datetime((now or datetime.now(UTC)).astimezone(UTC), usegmt=True)
    order: list[FeedSpec | str] = []
    folders: dict[str, list[FeedSpec]] = {}
    for feed in config.feeds:
        if feed.is_local or "{query}" in feed.url:
            continue
        if not feed.tags:
            order.append(feed)
            continue
        folder = feed.tags[0]
        if folder not in folders:
            folders[folder] = []
            order.append(folder)
        folders[folder].append(feed)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        "    <title>giftfind feeds</title>",
        f"    <dateCreated>{_xml_text(when)}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for item in order:
        if isinstance(item, str):
            lines.append(f"    <outline text={_xml_attr(item)} title={_xml_attr(item)}>")
            lines.extend(f"      {_outline(feed)}" for feed in folders[item])
            lines.append("    </outline>")
        else:
            lines.append(f"    {_outline(item)}")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _outline(feed: FeedSpec) -> str:
    attrs = [("type", "rss"), ("text", feed.name), ("title", feed.name), ("xmlUrl", feed.url)]
    if len(feed.tags) > 1:
        # OPML 2.0 category: comma-separated, "/" nests; neither may appear in a tag.
        tags = (t.replace(",", "_").replace("/", "_") for t in feed.tags)
        attrs.append(("category", ",".join(tags)))
    return "<outline " + " ".join(f"{k}={_xml_attr(v)}" for k, v in attrs) + " />"


def _xml_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attr(value: str) -> str:
    # Whitespace characters are escaped too: a parser would normalize them to spaces
    # (XML 1.0 §3.3.3).
    escaped = (
        _xml_text(value)
        .replace('"', "&quot;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
    )
    return f'"{escaped}"'


@dataclass(frozen=True, slots=True)
class _Outline:
    name: str
    url: str
    tags: tuple[str, ...]


def _read_opml(data: bytes, source: str) -> tuple[list[_Outline], list[str]]:
    """The feed outlines of an OPML document, and a reason for each one refused."""
    import xml.etree.ElementTree as ET

    # Checked before parsing: with no DOCTYPE there can be no entity to expand
    # (billion laughs) and no external one to fetch. NULs are dropped from the probe
    # so that a UTF-16 or UTF-32 document cannot hide a declaration.
    probe = data.replace(b"\x00", b"").lower()
    if b"<!doctype" in probe or b"<!entity" in probe:
        raise UsageError(
            f"{source}: refused: it declares a DOCTYPE or entities, which OPML never needs"
        )
    try:
        root = ET.fromstring(data)  # noqa: S314 - no DOCTYPE, so no entities (checked above)
    except ET.ParseError as e:
        raise UsageError(f"{source}: not valid XML: {e}") from e
    if _local(root.tag) != "opml":
        raise UsageError(f"{source}: not an OPML document (the root element is <{root.tag}>)")
    body = next((el for el in root if _local(el.tag) == "body"), None)
    if body is None:
        raise UsageError(f"{source}: not an OPML document (no <body> element)")
    outlines: list[_Outline] = []
    invalid: list[str] = []
    try:
        found = list(_walk(body, ()))
    except RecursionError as e:
        raise UsageError(f"{source}: outlines nested too deeply") from e
    for element, folders in found:
        attrs = {_local(k).lower(): v for k, v in element.attrib.items()}
        raw = attrs["xmlurl"].strip()
        name = shorten(clean(attrs.get("text") or attrs.get("title") or ""), NAME_LEN)
        problem = _url_problem(raw)
        if problem:
            invalid.append(f"{name or '(untitled)'}: {problem}")
            continue
        name = name or _default_name("", raw)
        tags = _unique_tags((*folders, *_category_tags(attrs.get("category", ""))))
        outlines.append(_Outline(name, raw, tags))
    return outlines, invalid


def _walk(parent: Element, folders: tuple[str, ...]) -> Iterator[tuple[Element, tuple[str, ...]]]:
    """Each outline with an xmlUrl (in document order), with the folders it is in."""
    for element in parent:
        if _local(element.tag) != "outline":
            continue
        attrs = {_local(k).lower(): v for k, v in element.attrib.items()}
        if "xmlurl" in attrs:
            yield element, folders
            yield from _walk(element, folders)
        else:
            folder = clean(attrs.get("text") or attrs.get("title") or "").lower()
            yield from _walk(element, (*folders, folder) if folder else folders)


def _local(tag: str) -> str:
    """An element or attribute name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def _category_tags(category: str) -> tuple[str, ...]:
    """``"/a/b,c"`` (OPML 2.0: comma-separated, slash-delimited) -> ("a", "b", "c")."""
    return tuple(
        part for item in category.split(",") for part in (clean(p).lower() for p in item.split("/"))
    )


def _unique_tags(tags: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in tags if t))


def _url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a feed's http(s) URL, or None."""
    if not url:
        return "no feed URL"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return f"not a usable URL: {url!r}"
    if parts.scheme.lower() not in ("http", "https"):
        return f"not an http(s) URL: {url!r}"
    if any(c.isspace() for c in url) or _BAD_CHARS.search(url):
        return f"not a usable URL: {url!r}"
    if not host:
        return f"no host in {url!r}"
    return None


# -- fetching and finding a feed --------------------------------------------------------


def _spec_for(url: str, base: Path) -> FeedSpec:
    """A FeedSpec to fetch ``url`` with: an http(s) URL, or a local file under ``base``."""
    scheme = url.split(":", 1)[0].lower() if re.match(r"[A-Za-z][A-Za-z0-9+.-]+:", url) else ""
    if scheme and ("." in scheme or re.match(r"[^:]+:\d", url)) and "://" not in url:
        # "example.com:8080/feed", "localhost:8080/feed": a host and port, no scheme.
        raise UsageError(f"URL without a scheme: {url!r} (did you mean 'https://{url}'?)")
    if scheme:
        problem = _url_problem(url)
        if problem and scheme not in ("http", "https"):
            raise UsageError(
                f"unsupported URL scheme {scheme!r} in {url!r} "
                "(only http and https URLs, or a local path)"
            )
        if problem:
            raise UsageError(f"{url}: {problem}")
        return FeedSpec(name=url, url=url)
    candidate = (base / Path(url).expanduser()).resolve()
    if not candidate.is_file():
        head = url.split("/", 1)[0]
        hint = (
            f" (did you mean 'https://{url}'?)"
            if re.fullmatch(r"[\w-]+(\.[\w-]+)+", head)
            and head.rsplit(".", 1)[-1].lower() not in _FILE_SUFFIXES
            else " (a local path is relative to the feeds file)"
        )
        raise UsageError(f"no such file: {url!r} (looked for {str(candidate)!r}){hint}")
    return FeedSpec(name=url, url=url, path=str(candidate))


_FILE_SUFFIXES = frozenset({"xml", "rss", "atom", "json", "rdf", "feed", "html", "htm", "txt"})


def _refuse_listed(doc: _Document, spec: FeedSpec, shown: str) -> None:
    """Raise UsageError if the feeds file already lists ``spec`` (by canonical URL or path)."""
    if spec.is_local:
        same = next((f for f in doc.feeds if f.path == spec.path), None)
    else:
        key = canonical_url(spec.url)
        same = next((f for f in doc.feeds if not f.is_local and canonical_url(f.url) == key), None)
    if same is not None:
        raise UsageError(f"{shown} is already listed as {same.name!r} (line {same.line})")


def _fetch_one(spec: FeedSpec, settings: Settings, shown: str) -> FetchResult:
    from .fetch import fetch_iter

    for _, outcome in fetch_iter([spec], {}, settings):
        if isinstance(outcome, FetchError):
            raise UsageError(f"{shown}: {outcome.message}") from outcome
        if outcome.content is None:  # pragma: no cover - only a conditional request gets a 304
            break
        return outcome
    raise UsageError(f"{shown}: nothing was fetched")


def _parse(result: FetchResult, spec: FeedSpec) -> ParsedFeed:
    from .parse import parse_feed

    assert result.content is not None
    return parse_feed(result.content, spec, headers=result.headers, url=result.url)


def _parse_or_none(result: FetchResult, spec: FeedSpec) -> ParsedFeed | None:
    """The feed, or None when the document is an HTML page; UsageError when it is neither."""
    if _is_html(result, sniff_only=True):
        return None
    try:
        return _parse(result, spec)
    except ParseError as e:
        # A page served as HTML but not recognizable as one by its first bytes.
        if _is_html(result):
            return None
        raise UsageError(f"{spec.url}: {e.message}") from e


_PROLOG = re.compile(rb"\A(?:\s+|<\?xml[^>]*>|<!--.*?-->)*", re.DOTALL)


def _is_html(result: FetchResult, *, sniff_only: bool = False) -> bool:
    """An HTML page: by its start (``<!DOCTYPE html``, ``<html``) or, unless
    ``sniff_only``, by its Content-Type. Feeds are often served as text/html, so the
    type alone decides only after parsing failed."""
    content = (result.content or b"").removeprefix(b"\xef\xbb\xbf")
    start = _PROLOG.sub(b"", content[:4096], count=1)[:20].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return True
    if sniff_only:
        return False
    ctype = result.headers.get("content-type", "").split(";")[0].strip().lower()
    return ctype in ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class _Link:
    url: str
    title: str


def _discover_or_fail(result: FetchResult, spec: FeedSpec, shown: str) -> list[_Link]:
    links = _discover(result)
    if not links:
        raise UsageError(
            f"{shown}: an HTML page that announces no feed "
            '(no <link rel="alternate"> of an RSS, Atom or JSON Feed type)'
        )
    return links


def _discover(result: FetchResult) -> list[_Link]:
    """The feeds an HTML page announces (RSS Board autodiscovery), in page order.

    ``<link rel="alternate" type="application/rss+xml" href=...>`` and its Atom and
    JSON Feed kin; ``rel="alternate feed"`` too. Relative hrefs are resolved against
    ``<base href>`` or the page's URL (a local page takes absolute ones only).
    """
    from html.parser import HTMLParser

    content = result.content or b""
    charset = re.search(r"charset=[\"']?([\w.:-]+)", result.headers.get("content-type", ""))
    try:
        text = content.decode(charset.group(1) if charset else "utf-8", errors="replace")
    except LookupError:
        text = content.decode("utf-8", errors="replace")

    links: list[dict[str, str]] = []
    bases: list[str] = []

    class _Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = {k: (v or "") for k, v in attrs}
            if tag == "link":
                links.append(values)
            elif tag == "base" and values.get("href"):
                bases.append(values["href"])

    parser = _Links(convert_charrefs=True)
    parser.feed(text)
    parser.close()

    page = result.url if result.url.startswith(("http://", "https://")) else ""
    base = urljoin(page, bases[0].strip()) if page and bases else page
    found: dict[str, _Link] = {}
    for attrs in links:
        rel = attrs.get("rel", "").lower().split()
        kind = attrs.get("type", "").split(";")[0].strip().lower()
        href = attrs.get("href", "").strip()
        if not href or kind not in _FEED_TYPES or not ({"alternate", "feed"} & set(rel)):
            continue
        url = urljoin(base, href) if base else href
        if _url_problem(url):
            continue
        # WordPress announces its REST API as rel="alternate" type="application/json":
        # a post as JSON, not a feed.
        if kind == "application/json" and "/wp-json/" in url:
            continue
        title = shorten(clean(attrs.get("title", "")), 80)
        found.setdefault(canonical_url(url), _Link(url, title))
    return list(found.values())


# -- names and tags ---------------------------------------------------------------------


def _check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise UsageError("the feed name is blank")
    if _BAD_CHARS.search(cleaned):
        raise UsageError(f"the feed name {cleaned!r} contains control characters")
    return cleaned


def _check_tags(tags: Sequence[str]) -> tuple[str, ...]:
    if isinstance(tags, str):
        raise TypeError("tags must be a sequence of strings, not one string")
    out = []
    for tag in tags:
        cleaned = tag.strip().lower()
        if _BAD_CHARS.search(cleaned):
            raise UsageError(f"the tag {cleaned!r} contains control characters")
        out.append(cleaned)
    return _unique_tags(out)


def _default_name(title: str, url: str) -> str:
    """The feed's title, else its host (``www.`` dropped), else the file's name."""
    name = shorten(clean(title), NAME_LEN)
    if name:
        return name
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    if host:
        return host.removeprefix("www.")
    return Path(url).stem or url


def _unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... whichever is not taken (any case)."""
    if name.casefold() not in taken:
        return name
    n = 2
    while f"{name} ({n})".casefold() in taken:
        n += 1
    return f"{name} ({n})"


def _did_you_mean(key: str, feeds: Sequence[FeedSpec]) -> str:
    """`` (did you mean 'A' or 'B'?)`` for names containing ``key`` or close to it."""
    import difflib

    by_key = {f.name.casefold(): f.name for f in feeds}
    close = [k for k in by_key if key and key in k]
    close += difflib.get_close_matches(key, list(by_key), n=3, cutoff=0.6)
    names = [by_key[k] for k in dict.fromkeys(close)][:3]
    if not names:
        return ""
    quoted = [repr(n) for n in names]
    listing = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f" (did you mean {listing}?)"


# -- editing feeds.yaml -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    """A feed entry to write."""

    name: str
    url: str
    tags: tuple[str, ...] = ()


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    # The project's style: "feeds:", then "  - name: ..." with keys 4 columns in.
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long URL or name onto a second line
    return yaml


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


class _Document:
    """A feeds.yaml as lines of text, with where each feed entry sits in them."""

    def __init__(self, path: Path, original: bytes | None) -> None:
        self.path = path
        self.original = original
        # Writes go to the file a symlink points at, so the link survives.
        self.target = Path(os.path.realpath(path))
        self.base = path.resolve().parent
        text = "" if original is None else _decode(original, path)
        self.bom = text.startswith("\ufeff")
        text = text.removeprefix("\ufeff")
        # CRLF is kept only when every line ends so; lines are edited without it.
        self.crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
        if self.crlf:
            text = text.replace("\r\n", "\n")
        self.final_newline = text.endswith("\n") or not text
        self.lines = text.split("\n") if text else []
        if text.endswith("\n"):
            self.lines.pop()
        self.config: Config | None = None
        self.feeds: tuple[FeedSpec, ...] = ()
        #: [start, end) line range of each entry, parallel to ``feeds``.
        self.spans: list[tuple[int, int]] = []
        self.dash_col = 2
        self.key_col = 4
        #: Where appended entries go, and a line to put instead of ``feeds: []``.
        self.insert_at = len(self.lines)
        self.header: tuple[int, str] | None = None

    @classmethod
    def read(cls, path: Path, *, create: bool) -> _Document:
        """Read and locate; a missing file is an empty one when ``create``."""
        try:
            original: bytes | None = path.read_bytes()
        except FileNotFoundError:
            if not create:
                load_config(path)  # raises the usual "cannot read" ConfigError
                raise  # pragma: no cover
            original = None
        except OSError as e:
            raise ConfigError(f"cannot read: {e.strerror or e}", path=path) from e
        doc = cls(path, original)
        doc._locate()
        return doc

    def _locate(self) -> None:
        from ruamel.yaml.error import YAMLError

        try:
            data = _yaml().load("\n".join(self.lines))
        except YAMLError:
            load_config(self.path)  # the same parser: raises a ConfigError with the line
            raise  # pragma: no cover
        node: Any = data.get("feeds") if isinstance(data, dict) else None
        if data is None or (isinstance(data, dict) and (node is None or node == [])):
            self._locate_empty(data)
            return
        self.config = load_config(self.path)  # any problem in the file stops the edit here
        self.feeds = self.config.feeds
        if node.fa.flow_style():
            raise ConfigError(
                "the feeds list is written in flow style ([...]); giftfind edits only "
                "a block list ('- name: ...' lines), so edit this file by hand",
                path=self.path,
                line=_line(data, "feeds"),
            )
        for i in range(len(node)):
            row, col = node.lc.item(i)
            start, dash = self._dash(row, col, i)
            if i == 0:
                self.dash_col = dash
                self.key_col = col if col > dash + 1 else dash + 2
            self.spans.append((start, self._entry_end(start, dash)))
        if len(self.spans) != len(self.feeds):  # pragma: no cover - config checks each entry
            raise ConfigError("cannot tell where each feed entry is", path=self.path)
        self.insert_at = self._after_list(self.spans[-1][1])

    def _locate_empty(self, data: Any) -> None:
        """No feeds yet: a missing, empty or comment-only file, ``feeds:`` or ``feeds: []``."""
        if not isinstance(data, dict) or "feeds" not in data:
            self.header = (len(self.lines), "feeds:")
            return
        row = _line(data, "feeds")
        if row is None:  # pragma: no cover - ruamel marks every key
            raise ConfigError("cannot find the 'feeds:' line", path=self.path)
        row -= 1
        line = self.lines[row]
        m = re.fullmatch(r"(feeds\s*:)\s*?(?:~|null|Null|NULL|\[\s*\])?(\s*#.*)?", line)
        if m is None:
            raise ConfigError(
                "cannot add to the 'feeds:' line as written; give it a first feed by hand",
                path=self.path,
                line=row + 1,
            )
        self.header = (row, m.group(1) + (m.group(2) or ""))
        at = row + 1
        while at < len(self.lines) and self.lines[at].strip().startswith("#"):
            if _indent(self.lines[at]) == 0:
                break
            at += 1
        self.insert_at = at

    def _dash(self, row: int, col: int, i: int) -> tuple[int, int]:
        """The line and column of the ``-`` that starts entry ``i``."""
        before = self.lines[row][:col]
        if before.strip() == "-":
            return row, before.index("-")
        if not before.strip():  # "-" alone on a line, the mapping below it
            j = row - 1
            while j >= 0 and _is_blank_or_comment(self.lines[j]):
                j -= 1
            if j >= 0 and self.lines[j].split("#", 1)[0].strip() == "-":
                return j, self.lines[j].index("-")
        raise ConfigError(f"cannot tell where feed #{i + 1} starts", path=self.path, line=row + 1)

    def _entry_end(self, start: int, dash: int) -> int:
        """The line after entry's last: its content is indented past its dash."""
        last = start
        j = start + 1
        while j < len(self.lines):
            line = self.lines[j]
            if not _is_blank_or_comment(line):
                if _indent(line) <= dash:
                    break
                last = j
            j += 1
        end = last + 1
        # Comment lines right below, indented under the entry (a commented-out key),
        # are its own; one at the dash's column heads what follows.
        while (
            end < len(self.lines)
            and self.lines[end].strip().startswith("#")
            and _indent(self.lines[end]) > dash
        ):
            end += 1
        return end

    def _after_list(self, end: int) -> int:
        """Where appended entries go: after the last one, and after comment lines that
        follow it at the list's indentation (a section heading waiting for entries,
        commented-out entries); before anything less indented."""
        at = j = end
        if self.dash_col == 0:
            return at  # a top-level comment cannot be told from one in the list
        while j < len(self.lines):
            line = self.lines[j]
            if not line.strip():
                j += 1
            elif line.strip().startswith("#") and _indent(line) >= self.dash_col:
                j += 1
                at = j
            else:
                break
        return at

    def _separated(self) -> bool:
        """Every entry is set off from the next by a blank line."""
        return len(self.spans) > 1 and all(
            any(not self.lines[k].strip() for k in range(a[1], b[0]))
            for a, b in itertools.pairwise(self.spans)
        )

    def entry_lines(self, entry: _Entry) -> list[str]:
        """The entry as feeds.yaml lines, indented as the file's entries are."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        item = CommentedMap()
        item["name"] = entry.name
        item["url"] = entry.url
        if entry.tags:
            tags = CommentedSeq(entry.tags)
            tags.fa.set_flow_style()
            item["tags"] = tags
        out = io.StringIO()
        _yaml().dump(CommentedSeq([item]), out)
        # ruamel writes "  - name: ..." and "    url: ..."; the file may indent otherwise.
        dumped = [line[4:] for line in out.getvalue().rstrip("\n").split("\n")]
        first = " " * self.dash_col + "-" + " " * (self.key_col - self.dash_col - 1)
        return [first + dumped[0], *(" " * self.key_col + line for line in dumped[1:])]

    def append(self, entries: Sequence[_Entry]) -> Config:
        """Append entries at the end of the feeds list; write, check and return the result."""
        lines = list(self.lines)
        new: list[str] = []
        gap = self._separated()
        for entry in entries:
            if gap and (new or self.spans):
                new.append("")
            new.extend(self.entry_lines(entry))
        at = self.insert_at
        if self.header is not None:
            row, header = self.header
            if row == len(lines):
                lines.append(header)
                at = len(lines)
            else:
                lines[row] = header
        # Appended at the very end: the file ends with a newline from now on.
        final_newline = self.final_newline or at == len(lines)
        lines[at:at] = new
        expected = [(f.name, f.url) for f in self.feeds] + [(e.name, e.url) for e in entries]
        return self._commit(lines, final_newline, expected)

    def remove(self, index: int) -> Config:
        """Remove entry ``index``; write, check and return the result."""
        lines = list(self.lines)
        start, end = self.spans[index]
        del lines[start:end]
        # Where the entry stood between two blank lines (or a blank one and the end),
        # keep one.
        if (
            start > 0
            and not lines[start - 1].strip()
            and (start == len(lines) or not lines[start].strip())
        ):
            del lines[start - 1]
        expected = [(f.name, f.url) for i, f in enumerate(self.feeds) if i != index]
        return self._commit(lines, self.final_newline, expected)

    def _commit(
        self, lines: list[str], final_newline: bool, expected: list[tuple[str, str]]
    ) -> Config:
        text = "\n".join(lines) + ("\n" if final_newline and lines else "")
        if self.crlf:
            text = text.replace("\n", "\r\n")
        if self.bom:
            text = "\ufeff" + text
        try:
            now = self.target.read_bytes()
        except FileNotFoundError:
            now = None
        except OSError as e:
            raise ConfigError(f"cannot read: {e.strerror or e}", path=self.path) from e
        if now != self.original:
            raise ConfigError("changed while giftfind was editing it; try again", path=self.path)
        _write(self.target, text.encode("utf-8"), create=self.original is None)
        try:
            config = load_config(self.path)
            got = [(f.name, f.url) for f in config.feeds]
            if got != expected:  # pragma: no cover - a splice gone wrong; never seen
                raise ConfigError("the edit did not come out as intended", path=self.path)
        except ConfigError as e:
            self._restore()
            where = f"line {e.line}: " if e.line is not None else ""
            raise ConfigError(
                f"the edited file did not load ({where}{e.message}); it was left as it was",
                path=self.path,
            ) from e
        return config

    def _restore(self) -> None:
        try:
            if self.original is None:
                self.target.unlink(missing_ok=True)
            else:
                _write(self.target, self.original, create=False)
        except ConfigError:  # pragma: no cover - the write just worked
            pass


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError(f"not UTF-8 text ({e.reason} at byte {e.start})", path=path) from e


def _line(node: Any, key: str) -> int | None:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _write(target: Path, data: bytes, *, create: bool) -> None:
    """Replace ``target``'s content atomically, keeping its mode; or create it."""
    import stat

    try:
        if create:
            # A new file: created here, so that the umask gives it its mode.
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            return
        _files.write_atomic(target, data, mode=stat.S_IMODE(target.stat().st_mode))
    except FileExistsError as e:
        raise ConfigError("appeared while giftfind was creating it; try again", path=target) from e
    except OSError as e:
        raise ConfigError(f"cannot write: {e.strerror or e}", path=target) from e
