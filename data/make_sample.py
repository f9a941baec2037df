"""Write the offline sample snapshot in ``data/sample/``.

Run ``python data/make_sample.py`` (from any directory; paths are relative to this
file). It rewrites ``data/sample/`` with:

* eleven feeds from made-up publications: RSS 2.0 (``.xml``), Atom 1.0 (``.atom``)
  and JSON Feed 1.1 (``.json``), about 265 articles dated 2026-08-01 to 2026-11-24;
* ``feeds.yaml``, a giftfind feed list that points at those files by relative path;
* ``README.md``, a short description with the counts.

The output is deterministic: every date is a literal in this file and nothing reads
the clock or a random generator, so two runs give byte-identical files. Only the
standard library is used.

The sample deliberately contains what a feed reader and a ranker must cope with:
HTML, entities and images in summaries; plain-text items; three undated items and one
odd but parseable date; an item without a link and one without a title; non-ASCII
text; the same story syndicated to several feeds (same link with tracking parameters,
or wire copy with a word or two changed); and distractors that use an interest word
in another sense ("plain sailing", a Chicago-style pizza chain in Phoenix).

All publications, people, stories and links (``*.example`` domains) are invented.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

OUT_DIR = Path(__file__).resolve().parent / "sample"
YEAR = 2026

#: Time zone name -> (UTC offset in summer, UTC offset in winter, first winter day).
#: Only the autumn 2026 clock changes matter: the sample spans August to November.
TIME_ZONES: dict[str, tuple[int, int, tuple[int, int]]] = {
    "chicago": (-5, -6, (11, 1)),
    "new_york": (-4, -5, (11, 1)),
    "denver": (-6, -7, (11, 1)),
    "seattle": (-7, -8, (11, 1)),
    "london": (1, 0, (10, 25)),
    "zurich": (2, 1, (10, 25)),
    "utc": (0, 0, (12, 31)),
}

TITLE_WORDS = (5, 14)
SUMMARY_WORDS = (25, 90)


@dataclass(frozen=True)
class Article:
    """One story as a publication lists it in its feed."""

    #: Local publication time "MM-DD HH:MM" in the feed's time zone; None = undated.
    when: str | None
    #: Unique within the feed; used in the link, the guid and the Atom id.
    slug: str
    title: str | None
    #: Plain text, or HTML when it contains a tag or an entity.
    summary: str
    by: str | None = None
    tags: tuple[str, ...] = ()
    #: Extra HTML paragraphs: the full content is the summary followed by these.
    more: str | None = None
    #: An explicit link (syndicated copies pointing at another site).
    url: str | None = None
    linked: bool = True
    #: Local time of a later revision, "MM-DD HH:MM".
    updated: str | None = None
    #: RSS only: the pubDate text written verbatim instead of the formatted `when`.
    raw_date: str | None = None


def _fold(text: str) -> str:
    """Collapse the line breaks and indentation of a wrapped triple-quoted string."""
    return " ".join(text.split())


def art(
    when: str | None,
    slug: str,
    title: str | None,
    summary: str,
    *,
    by: str | None = None,
    tags: tuple[str, ...] = (),
    more: str | None = None,
    url: str | None = None,
    linked: bool = True,
    updated: str | None = None,
    raw_date: str | None = None,
) -> Article:
    """Build an :class:`Article`, folding the whitespace of the wrapped texts."""
    return Article(
        when=when,
        slug=slug,
        title=title,
        summary=_fold(summary),
        by=by,
        tags=tags,
        more=_fold(more) if more else None,
        url=url,
        linked=linked,
        updated=updated,
        raw_date=raw_date,
    )


@dataclass(frozen=True)
class Feed:
    """A made-up publication and the articles its feed carries."""

    file: str
    name: str
    domain: str
    description: str
    tz: str
    tags: tuple[str, ...]
    articles: tuple[Article, ...]
    #: Link path below the home page; fields y, m, d, slug.
    path: str = "{y}/{m}/{slug}"
    weight: float | None = None
    ttl: int | None = None
    #: RSS: wrap HTML descriptions in CDATA instead of escaping them.
    cdata: bool = False
    #: RSS and JSON Feed: guid/id = prefix + slug. None: the link is the guid.
    guid_prefix: str | None = None
    #: RSS: <author>email (Name)</author> instead of <dc:creator>.
    email_authors: bool = False
    language: str = "en-us"

    @property
    def kind(self) -> str:
        return {"xml": "RSS 2.0", "atom": "Atom 1.0", "json": "JSON Feed 1.1"}[
            self.file.rsplit(".", 1)[1]
        ]

    @property
    def home(self) -> str:
        return f"https://{self.domain}/"


# --------------------------------------------------------------------------- helpers

_HTML = re.compile(r"<[a-zA-Z/!]|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_STAMP = re.compile(r"(\d\d)-(\d\d) (\d\d):(\d\d)")


def is_html(text: str) -> bool:
    """True if `text` holds markup or an entity, so it must be treated as HTML."""
    return bool(_HTML.search(text))


def as_html(text: str) -> str:
    """`text` as an HTML fragment (plain text becomes one escaped paragraph)."""
    return text if is_html(text) else f"<p>{html_escape(text, quote=False)}</p>"


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment, with a space at block boundaries."""

    _BLOCKS = frozenset({"p", "li", "ul", "ol", "br", "img", "div"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(text: str) -> str:
    """The readable text of `text` (tags dropped, entities decoded, spaces folded)."""
    if not is_html(text):
        return text
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    return " ".join("".join(parser.parts).split())


def local_time(feed: Feed, stamp: str) -> datetime:
    """The aware datetime of "MM-DD HH:MM" in the feed's time zone."""
    match = _STAMP.fullmatch(stamp)
    if match is None:
        raise ValueError(f"{feed.file}: bad time stamp {stamp!r}")
    month, day, hour, minute = (int(part) for part in match.groups())
    summer, winter, first_winter_day = TIME_ZONES[feed.tz]
    hours = winter if (month, day) >= first_winter_day else summer
    return datetime(YEAR, month, day, hour, minute, tzinfo=timezone(timedelta(hours=hours)))


def rfc822(moment: datetime) -> str:
    """RSS date: ``Tue, 24 Nov 2026 14:05:00 -0600``."""
    return format_datetime(moment)


def rfc3339(moment: datetime) -> str:
    """Atom and JSON Feed date: ``2026-11-24T14:05:00-06:00`` (``Z`` for UTC)."""
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def published(feed: Feed, article: Article) -> datetime | None:
    return local_time(feed, article.when) if article.when else None


def revised(feed: Feed, article: Article) -> datetime | None:
    return local_time(feed, article.updated) if article.updated else published(feed, article)


def link_of(feed: Feed, article: Article) -> str | None:
    if not article.linked:
        return None
    if article.url:
        return article.url
    if article.when is None:
        return f"{feed.home}guides/{article.slug}"
    month, day = article.when[:2], article.when[3:5]
    return feed.home + feed.path.format(y=YEAR, m=month, d=day, slug=article.slug)


def guid_of(feed: Feed, article: Article) -> tuple[str, bool]:
    """The RSS guid / JSON Feed id of an article and whether it is the permalink."""
    if feed.guid_prefix is not None:
        return feed.guid_prefix + article.slug, False
    link = link_of(feed, article)
    if link is not None and article.url is None:
        return link, True
    return f"{feed.domain}:{article.slug}", False


def atom_id(feed: Feed, article: Article) -> str:
    return f"tag:{feed.domain},{YEAR}:{article.slug}"


def content_html(article: Article) -> str | None:
    """The full HTML content, if the article has more than its summary."""
    return as_html(article.summary) + article.more if article.more else None


def in_order(feed: Feed) -> list[Article]:
    """Newest first, as feeds usually list them; undated items last, in script order."""
    epoch = datetime(YEAR, 1, 1, tzinfo=UTC)
    return sorted(
        feed.articles,
        key=lambda a: (a.when is not None, published(feed, a) or epoch),
        reverse=True,
    )


def newest(feed: Feed) -> datetime:
    return max(m for a in feed.articles if (m := revised(feed, a)) is not None)


def _text(value: str) -> str:
    return xml_escape(value)


def _cdata(value: str) -> str:
    if "]]>" in value:
        raise ValueError(f"cannot put {value[:40]!r}... in CDATA")
    return f"<![CDATA[{value}]]>"


# --------------------------------------------------------------------------- writers


def render_rss(feed: Feed) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "  <channel>",
        f"    <title>{_text(feed.name)}</title>",
        f"    <link>{_text(feed.home)}</link>",
        f"    <description>{_text(feed.description)}</description>",
        f"    <language>{feed.language}</language>",
        f"    <lastBuildDate>{rfc822(newest(feed))}</lastBuildDate>",
        "    <generator>data/make_sample.py</generator>",
    ]
    if feed.ttl is not None:
        lines.append(f"    <ttl>{feed.ttl}</ttl>")
    lines.append(
        f'    <atom:link href={quoteattr(feed.home + feed.file)} rel="self"'
        ' type="application/rss+xml"/>'
    )
    for article in in_order(feed):
        lines.append("    <item>")
        if article.title is not None:
            lines.append(f"      <title>{_text(article.title)}</title>")
        link = link_of(feed, article)
        if link is not None:
            lines.append(f"      <link>{_text(link)}</link>")
        guid, permalink = guid_of(feed, article)
        flag = "" if permalink else ' isPermaLink="false"'
        lines.append(f"      <guid{flag}>{_text(guid)}</guid>")
        if article.raw_date is not None:
            lines.append(f"      <pubDate>{_text(article.raw_date)}</pubDate>")
        elif (moment := published(feed, article)) is not None:
            lines.append(f"      <pubDate>{rfc822(moment)}</pubDate>")
        if article.by is not None:
            if feed.email_authors:
                author = f"newsroom@{feed.domain} ({article.by})"
                lines.append(f"      <author>{_text(author)}</author>")
            else:
                lines.append(f"      <dc:creator>{_text(article.by)}</dc:creator>")
        lines.extend(f"      <category>{_text(tag)}</category>" for tag in article.tags)
        summary = article.summary
        wrap = _cdata if feed.cdata and is_html(summary) else _text
        lines.append(f"      <description>{wrap(summary)}</description>")
        if (full := content_html(article)) is not None:
            wrap = _cdata if feed.cdata else _text
            lines.append(f"      <content:encoded>{wrap(full)}</content:encoded>")
        lines.append("    </item>")
    lines += ["  </channel>", "</rss>"]
    return "\n".join(lines) + "\n"


def render_atom(feed: Feed) -> str:
    lang = feed.language.split("-")[0]
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <title>{_text(feed.name)}</title>",
        f"  <subtitle>{_text(feed.description)}</subtitle>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(feed.home)}/>',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(feed.home + feed.file)}/>',
        f"  <id>tag:{feed.domain},{YEAR}:feed</id>",
        f"  <updated>{rfc3339(newest(feed))}</updated>",
        f"  <author><name>{_text(feed.name)}</name></author>",
        '  <generator uri="https://giftfind.example/">data/make_sample.py</generator>',
    ]
    for article in in_order(feed):
        moment, changed = published(feed, article), revised(feed, article)
        if article.title is None or moment is None or changed is None:
            raise ValueError(f"{feed.file}: {article.slug}: Atom needs a title and a date")
        lines += [
            "  <entry>",
            f"    <title>{_text(article.title)}</title>",
        ]
        link = link_of(feed, article)
        if link is not None:
            lines.append(f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>')
        lines += [
            f"    <id>{_text(atom_id(feed, article))}</id>",
            f"    <published>{rfc3339(moment)}</published>",
            f"    <updated>{rfc3339(changed)}</updated>",
        ]
        if article.by is not None:
            lines.append(f"    <author><name>{_text(article.by)}</name></author>")
        lines.extend(f"    <category term={quoteattr(tag)}/>" for tag in article.tags)
        kind = "html" if is_html(article.summary) else "text"
        lines.append(f'    <summary type="{kind}">{_text(article.summary)}</summary>')
        if (full := content_html(article)) is not None:
            lines.append(f'    <content type="html">{_text(full)}</content>')
        lines.append("  </entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def render_json(feed: Feed) -> str:
    items: list[dict[str, object]] = []
    for article in in_order(feed):
        item: dict[str, object] = {"id": guid_of(feed, article)[0]}
        link = link_of(feed, article)
        if link is not None:
            item["url"] = link
        if article.title is not None:
            item["title"] = article.title
        item["summary"] = plain_text(article.summary)
        full = content_html(article)
        if full is not None:
            item["content_html"] = full
        elif is_html(article.summary):
            item["content_html"] = article.summary
        else:
            item["content_text"] = article.summary
        if (moment := published(feed, article)) is not None:
            item["date_published"] = rfc3339(moment)
        if article.updated is not None:
            item["date_modified"] = rfc3339(local_time(feed, article.updated))
        if article.by is not None:
            item["authors"] = [{"name": article.by}]
        if article.tags:
            item["tags"] = list(article.tags)
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.name,
        "home_page_url": feed.home,
        "feed_url": feed.home + feed.file,
        "description": feed.description,
        "language": feed.language,
        "authors": [{"name": feed.name, "url": feed.home}],
        "items": items,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"xml": render_rss, "atom": render_atom, "json": render_json}


def render_feeds_yaml(feeds: tuple[Feed, ...]) -> str:
    lines = [
        "# Offline sample written by data/make_sample.py (made-up publications).",
        "settings:",
        "  retention_days: 0      # keep everything: the sample's dates are fixed",
        "  max_age: 6h",
        "feeds:",
    ]
    for feed in feeds:
        lines += [
            f"  - name: {feed.name}",
            f"    url: {feed.file}",
            f"    tags: [{', '.join(feed.tags)}]",
        ]
        if feed.weight is not None:
            lines.append(f"    weight: {feed.weight}")
    return "\n".join(lines) + "\n"


def render_readme(feeds: tuple[Feed, ...]) -> str:
    per_kind: dict[str, list[int]] = {}
    for feed in feeds:
        per_kind.setdefault(feed.kind, []).append(len(feed.articles))
    kinds = ", ".join(f"{len(n)} {kind}" for kind, n in per_kind.items())
    articles = ", ".join(f"{sum(n)} {kind.split()[0]}" for kind, n in per_kind.items())
    total = sum(len(feed.articles) for feed in feeds)
    return "\n".join(
        [
            "# Offline sample feeds",
            "",
            f"An offline snapshot of {len(feeds)} made-up publications for giftfind's tests,",
            "demos and benchmarks; `feeds.yaml` lists them by relative path.",
            "Generated by `python data/make_sample.py`: edit the script, not these files.",
            "Reruns are byte-identical (all dates are fixed, 2026-08-01 to 2026-11-24).",
            f"Feeds: {len(feeds)} ({kinds}). Articles: {total} ({articles}).",
            "It mixes HTML and plain summaries, undated items, syndicated near-duplicates",
            "and distractor stories that use an interest word in another sense.",
            "All publications, people, stories and links (`*.example` domains) are invented.",
            "",
        ]
    )


def validate(feeds: tuple[Feed, ...]) -> None:
    """Refuse to write a sample that breaks the rules in the module docstring."""
    problems: list[str] = []
    if len({f.file for f in feeds}) != len(feeds) or len({f.name for f in feeds}) != len(feeds):
        problems.append("feed files and names must be unique")
    for feed in feeds:
        if feed.tz not in TIME_ZONES:
            problems.append(f"{feed.file}: unknown time zone {feed.tz!r}")
        slugs = [a.slug for a in feed.articles]
        problems += [f"{feed.file}: duplicate slug {s}" for s in set(slugs) if slugs.count(s) > 1]
        for a in feed.articles:
            where = f"{feed.file}: {a.slug}"
            if a.title is not None and not (
                TITLE_WORDS[0] <= len(a.title.split()) <= TITLE_WORDS[1]
            ):
                problems.append(f"{where}: title has {len(a.title.split())} words")
            words = len(plain_text(a.summary).split())
            if not SUMMARY_WORDS[0] <= words <= SUMMARY_WORDS[1]:
                problems.append(f"{where}: summary has {words} words")
            if feed.file.endswith(".atom") and (a.title is None or a.when is None):
                problems.append(f"{where}: Atom entries need a title and a date")
            if a.title is None and not a.linked:
                problems.append(f"{where}: an item needs a title or a link")
    if problems:
        raise SystemExit("make_sample: " + "\n  ".join(problems))


def main() -> None:
    validate(FEEDS)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    outputs = {feed.file: RENDERERS[feed.file.rsplit(".", 1)[1]](feed) for feed in FEEDS}
    outputs["feeds.yaml"] = render_feeds_yaml(FEEDS)
    outputs["README.md"] = render_readme(FEEDS)
    for name, text in outputs.items():
        (OUT_DIR / name).write_text(text, encoding="utf-8", newline="\n")
    total = sum(len(feed.articles) for feed in FEEDS)
    print(f"wrote {len(outputs)} files, {len(FEEDS)} feeds, {total} articles to {OUT_DIR}")


# --------------------------------------------------------------------------- the data

# Syndicated stories: the canonical links that other feeds copy with tracking parameters.
MACKINAC_URL = "https://harborandhelm.example/2026/11/mackinac-2027-dates"
ROBOTICS_URL = "https://circuitnotes.example/2026/09/11/seattle-robotics-85-million/"

LAKEFRONT_LEDGER = (
    art(
        "08-03 06:45",
        "lakefront-trail-resurfacing",
        "Lakefront Trail resurfacing to close stretch near Oak Street Beach",
        """
        The Park District will repave roughly a mile of the Lakefront Trail between Oak
        Street Beach and North Avenue starting Monday, sending cyclists, runners and
        skaters onto a temporary lane carved out of a nearby parking lot. Crews expect the
        job to take three weeks if the weather cooperates, and detour signs are already
        going up.
        """,
        by="Tom Brennan",
        tags=("cycling", "running", "parks", "Lakefront Trail"),
    ),
    art(
        "08-06 17:20",
        "pilsen-mural-restoration",
        "Pilsen muralists race the calendar to restore fading 18th Street walls",
        """
        <p>A dozen artists, some of whom painted the originals in the 1990s, are
        retouching murals along 18th Street before cold weather ends the painting season.
        The neighborhood&#8217;s arts council raised the money through a block party and
        small donations.</p><p>&ldquo;Sun does more damage than taggers,&rdquo; said one
        painter, who invited passers-by to stop and watch.</p>
        """,
        by="Maria Delgado",
        tags=("art", "murals", "Pilsen", "neighborhoods"),
    ),
    art(
        "08-11 09:10",
        "cta-bus-tracker-outage",
        "CTA Bus Tracker outage leaves riders guessing during Tuesday rush",
        """
        Arrival predictions vanished from apps and station screens for nearly three hours
        on Tuesday morning after what the transit agency called a failed server update.
        Riders on the Ashland and Western routes reported long waits followed by bunches
        of three buses arriving together. The CTA said no data had been lost and
        apologized for the disruption.
        """,
        by="Keisha Howard",
        tags=("CTA", "transit", "buses"),
    ),
    art(
        "08-14 12:00",
        "library-hours-plain-sailing",
        "Library hours plan looks like plain sailing at City Council committee",
        """
        After months of wrangling over staffing, a proposal to keep every branch library
        open on Sundays appears headed for easy approval, with no alderman signing on to
        a rival plan. Budget staff say the extra hours will cost about $4 million a year,
        covered by a reshuffled hiring budget rather than new taxes.
        """,
        by="Pete Nowak",
        tags=("city council", "libraries", "budget"),
    ),
    art(
        "08-19 19:40",
        "wrigleyville-night-games",
        "Wrigleyville neighbors push back on more Friday night games at Wrigley",
        """
        Residents of the blocks around the ballpark packed a community meeting to oppose
        the Cubs’ request for four additional Friday night games next season. Neighbors
        cited late crowds, parking and noise, while bar owners said night games keep their
        kitchens busy. The team says it will add shuttle service and security if the
        change is approved.
        """,
        by="Danny Kowalczyk",
        tags=("Cubs", "baseball", "Lakeview", "Wrigley Field"),
    ),
    art(
        "08-24 07:15",
        "montrose-point-warblers",
        "Early warblers crowd Montrose Point as fall migration gets underway",
        """
        Birders with binoculars and long lenses lined the paths of the Magic Hedge at dawn
        on Sunday as the first strong north winds of the season pushed warblers along the
        lakeshore. Volunteers counted eighteen species before nine o’clock, including a
        Canada warbler and several Blackburnians. Peak migration usually arrives in
        mid-September.
        """,
        by="Aisha Rahman",
        tags=("birdwatching", "migration", "Montrose Point", "lakefront"),
    ),
    art(
        "08-28 10:30",
        "bridgeport-library-ten-years",
        "Bridgeport branch library marks ten years in its glass-walled home",
        """
        The rounded, glass-skinned library on Halsted Street opened a decade ago and still
        draws architecture students as well as readers. Staff celebrated with calligraphy
        lessons and tours of the building’s shaded reading rooms. Librarians say
        circulation has nearly doubled since the branch left its cramped storefront.
        """,
        by="Pete Nowak",
        tags=("architecture", "libraries", "Bridgeport"),
    ),
    art(
        "09-07 08:00",
        "chicago-river-swim",
        "Open-water swimmers test the Chicago River after years of cleanup",
        """
        About three hundred swimmers took to the main branch of the river on Sunday for a
        one-mile charity swim, the first permitted event of its kind in decades.
        Organizers sampled the water at dawn and said bacteria levels were within state
        limits. Several participants said the hardest part was the chill, not the river’s
        reputation.
        """,
        by="Keisha Howard",
        tags=("swimming", "Chicago River", "environment"),
    ),
    art(
        "09-10 21:05",
        "bears-stadium-hearing",
        "Bears stadium plan draws crowd to heated lakefront zoning hearing",
        """
        <p>More than four hundred people signed up to speak at Wednesday&#8217;s hearing
        on the Bears&#8217; proposed domed stadium, which would rise south of the current
        lakefront site. Supporters pointed to <strong>construction jobs</strong> and
        year-round events; opponents warned about the precedent of building on protected
        parkland.</p><p>The committee adjourned near midnight without a vote.</p>
        """,
        by="Pete Nowak",
        tags=("Bears", "football", "lakefront", "zoning", "city council"),
        more="""
        <p>The team&#8217;s plan calls for a public plaza, a reworked Museum Campus bus
        loop and parking tucked beneath a landscaped berm. Park advocates said the
        renderings understate how much open space would be fenced off on game days.</p>
        <p>A second hearing is scheduled for October; the full council would vote after
        that. <a href="https://lakefrontledger.example/2026/09/bears-stadium-explainer">Our
        explainer</a> covers the financing.</p>
        """,
    ),
    art(
        "09-16 11:45",
        "lasalle-office-conversions",
        "LaSalle Street office towers begin their conversion into apartments",
        """
        Construction crews have started gutting the first of four aging office buildings
        on LaSalle Street that the city is helping convert into about 1,000 apartments, a
        third of them priced for moderate-income renters. Developers say the deep floor
        plates required creative fixes, including light wells cut through former trading
        floors.
        """,
        by="Maria Delgado",
        tags=("real estate", "housing", "Loop", "urban planning"),
    ),
    art(
        "09-21 13:20",
        "irving-park-hot-dog-stand",
        "Irving Park hot dog stand serves its last char dog after 52 years",
        """
        Lines wrapped around the block on Sunday as a family-run hot dog stand on Irving
        Park Road closed for good. The owners, who are retiring, said no buyer wanted to
        keep the charcoal grill that gave the place its smoky signature. Regulars took
        home paper menus and hand-painted signs as souvenirs.
        """,
        by="Danny Kowalczyk",
        tags=("food", "restaurants", "Irving Park"),
    ),
    art(
        "09-25 15:10",
        "monroe-harbor-sailing-scholarships",
        "Monroe Harbor community sailing school doubles its youth scholarships",
        """
        A nonprofit sailing school that operates from a dock in Monroe Harbor says it will
        fund 240 free summer spots next year, up from 120, thanks to a bequest from a
        longtime volunteer instructor. Most scholarships go to students from South and
        West Side schools, many of whom had never been on Lake Michigan before their first
        lesson.
        """,
        by="Aisha Rahman",
        tags=("sailing", "youth", "Monroe Harbor", "Lake Michigan"),
    ),
    art(
        "10-01 09:00",
        "bike-share-expansion",
        "Bike share adds 600 e-bikes and new stations on the South and West sides",
        """
        The city’s bike share system is adding electric bikes and 45 docking stations in
        neighborhoods that had few options before, including Chatham, Austin and Little
        Village. Officials also cut the per-minute e-bike fee for members with
        reduced-fare passes. Cycling advocates welcomed the expansion but said protected
        lanes must follow.
        """,
        by="Tom Brennan",
        tags=("cycling", "bike share", "transit"),
    ),
    art(
        "10-04 09:05",
        "uptown-late-jazz-sets",
        "Late-night jazz sets return to an Uptown basement club",
        """
        <p>After three years of early closings, a basement club on Broadway is bringing
        back its <em>1 a.m.</em> sets on Fridays and Saturdays. The house trio will anchor
        the new schedule, with guest saxophonists from the city&#8217;s jam-session
        circuit.</p><p>Cover is $15; the club still takes cash only.</p>
        """,
        by="Maria Delgado",
        tags=("jazz", "music", "nightlife", "Uptown"),
        raw_date="Sun, 4 Oct 2026 9:05:00 CDT",
    ),
    art(
        "10-09 16:00",
        "marathon-road-closures",
        "Marathon road closures: what to know before Sunday’s 26.2-mile race",
        """
        <p>Streets along the course will close in stages starting at 5&nbsp;a.m. Sunday.
        Key points:</p><ul><li>Columbus Drive and Grant Park access close Saturday
        night;</li><li>the CTA will run extra Red and Brown Line trains;</li>
        <li>spectators should avoid driving near Lake Shore Drive until
        mid-afternoon.</li></ul>
        """,
        by="Keisha Howard",
        tags=("running", "marathon", "traffic", "CTA"),
    ),
    art(
        "10-12 08:30",
        "marathon-local-runners",
        "Local runners shine as marathon field finishes under cool, clear skies",
        """
        Perfect racing weather on Sunday helped dozens of Chicago-area runners set personal
        bests, including a Humboldt Park teacher who finished among the top twenty women.
        Medical tents reported fewer heat cases than in recent years. More than 50,000
        runners crossed the finish line in Grant Park, according to race organizers.
        """,
        by="Tom Brennan",
        tags=("running", "marathon", "Grant Park"),
    ),
    art(
        "10-13 06:30",
        "architecture-open-house",
        "Architecture weekend opens 150 buildings, including a few firsts",
        """
        This year’s open house weekend adds a restored Art Deco bank vault in the Loop, a
        Pullman rowhouse converted into artists’ studios and the rooftop garden of a new
        South Loop tower. Volunteers will staff every site, and most require no tickets.
        Expect lines at the most popular addresses by ten in the morning.
        """,
        by="Maria Delgado",
        tags=("architecture", "open house", "Loop", "Pullman"),
    ),
    art(
        "10-15 06:00",
        "red-line-extension-milestone",
        "Red Line extension hits construction milestone on the Far South Side",
        """
        Crews building the Red Line extension in Chicago set the final beam of the first
        elevated section on Wednesday afternoon, a milestone for the long-delayed project
        that will carry trains 5.6 miles south to 130th Street. Transit officials said the
        extension remains on schedule and could open to riders in 2030. Residents of
        Roseland and West Pullman have waited decades for the service.
        """,
        by="Morning Wire",
        tags=("CTA", "Red Line", "transit", "Far South Side"),
    ),
    art(
        "10-21 22:45",
        "bulls-season-opener",
        "Bulls open season at home with a younger roster and modest hopes",
        """
        A crowd that arrived skeptical left the United Center mildly encouraged on
        Wednesday after the Bulls’ young backcourt combined for 51 points in a narrow
        loss. Coaches have preached patience through the preseason, and the front office
        has made clear that player development, not the standings, is the measure of this
        season.
        """,
        by="Danny Kowalczyk",
        tags=("Bulls", "basketball", "NBA"),
    ),
    art(
        "10-26 10:15",
        "logan-square-winter-market",
        "Logan Square farmers market moves indoors for its winter season",
        """
        Starting next Sunday, the neighborhood’s year-round market will set up in a former
        auto showroom on Milwaukee Avenue, with about forty vendors selling squash, apples,
        cheese, bread and preserves. Market managers say the new space is larger than last
        winter’s and includes a heated seating area where a local coffee roaster will run
        a pop-up.
        """,
        by="Aisha Rahman",
        tags=("food", "farmers market", "Logan Square"),
    ),
    art(
        "10-30 14:00",
        "harbors-haul-out",
        "Sailboats come out of the water as city harbors close for the season",
        """
        Cranes at Burnham and Diversey harbors lifted hundreds of sailboats onto cradles
        this week as the season’s last slip leases expired. Boat owners said a warm
        October stretched their sailing into the final weekends, but gusty forecasts
        convinced most to haul out on schedule. Harbor staff expect to finish winter
        storage moves by mid-November.
        """,
        by="Aisha Rahman",
        tags=("sailing", "harbors", "Lake Michigan", "boating"),
    ),
    art(
        "11-04 00:30",
        "cook-county-turnout",
        "Cook County turnout tops projections in a busy midterm election",
        """
        Election officials reported turnout above 55 percent in suburban Cook County and
        close to 50 percent in the city, both higher than forecast, after a record
        early-voting period. Several precincts on the North Side stayed open late because
        of long lines. Results in two close congressional races may not be known until
        mail ballots are counted.
        """,
        by="Pete Nowak",
        tags=("elections", "politics", "Cook County"),
        updated="11-04 06:15",
    ),
    art(
        "11-09 07:20",
        "race-to-mackinac-2027",
        "Chicago Yacht Club Sets Dates and New Division for 2027 Race to Mackinac",
        """
        The 333-mile freshwater race from Chicago to Mackinac Island will start in
        mid-July next year and add a division for double-handed crews, organizers
        announced. The Chicago Yacht Club said the change reflects the growing number of
        two-person boats training on Lake Michigan. Harbor & Helm has details on the entry
        schedule and safety rules.
        """,
        by="Aisha Rahman",
        tags=("sailing", "Race to Mackinac", "Lake Michigan"),
        url=MACKINAC_URL + "?utm_source=lakefrontledger&utm_medium=rss",
    ),
    art(
        "11-13 05:50",
        "first-snow-plows",
        "City readies 300 plows ahead of the season’s first measurable snow",
        """
        Streets and Sanitation crews loaded salt spreaders overnight as forecasters
        predicted one to three inches of snow by Friday morning. The city’s online plow
        tracker is live again, and officials reminded drivers that overnight parking bans
        on arterial streets begin December 1. Salt domes are full after a mild winter last
        year left a surplus.
        """,
        by="Keisha Howard",
        tags=("weather", "snow", "city services"),
    ),
    art(
        "11-18 17:00",
        "corrections-mid-november",
        "Corrections and clarifications from the Ledger for mid-November",
        """
        A story on Aug. 28 about the Bridgeport branch library misstated the architect’s
        firm; it was a local practice, not a New York office. An article on Oct. 26 gave
        the wrong opening time for the Logan Square winter market, which opens at 9 a.m.
        on Sundays. The Ledger regrets the errors.
        """,
        tags=("corrections",),
        linked=False,
    ),
    art(
        "11-21 11:00",
        "daley-plaza-holiday-market",
        "German-style holiday market returns to Daley Plaza with longer hours",
        """
        Wooden stalls selling ornaments, sausages and mulled wine opened Friday in the
        Loop, with evening hours extended to 9 p.m. on weekends. Organizers added more
        vendors after last year’s crowds overwhelmed the plaza. The collectible
        boot-shaped mugs are back, in a deep blue this year.
        """,
        by="Danny Kowalczyk",
        tags=("holidays", "Loop", "food", "markets"),
    ),
    art(
        None,
        "movable-bridges-guide",
        "A guide to Chicago’s movable bridges and when they lift",
        """
        <p>Chicago has more movable bridges than almost any city in the world, and twice a
        year they rise in sequence so sailboats can travel between Lake Michigan and
        inland boatyards. Spring lifts run from April to June, fall lifts from late
        September into November.</p><p>The best viewing spot is the
        <a href="https://lakefrontledger.example/maps/riverwalk">Riverwalk</a> near Wabash
        Avenue.</p>
        """,
        by="Tom Brennan",
        tags=("architecture", "bridges", "Chicago River", "sailing"),
    ),
)

HARBOR_AND_HELM = (
    art(
        "08-04 18:30",
        "monroe-harbor-inshore-regatta",
        "Light air tests crews at an inshore regatta off Chicago’s Monroe Harbor",
        """
        Forty-two keelboats spent Saturday afternoon hunting for puffs on a glassy Lake
        Michigan as the breeze never topped six knots. Race officers shortened the second
        course, and the J/105 fleet finished just before the time limit. Sunday brought a
        steady southerly and three clean races, rescuing a weekend several skippers had
        written off.
        """,
        by="Ellen Marsh",
        tags=("sailing", "regatta", "Chicago", "Lake Michigan"),
        more="""
        <p><img src="https://harborandhelm.example/media/2026/08/monroe-start.jpg"
        alt="Keelboats drifting at the start line off Monroe Harbor" width="800"
        height="533"></p><p>The regatta committee said it would consider earlier starts
        next year, when the lake breeze is more reliable. Full results are posted on the
        host club&#8217;s site.</p>
        """,
    ),
    art(
        "08-09 10:00",
        "cedar-strip-daysailer",
        "Door County apprentices launch a cedar-strip daysailer two winters in the making",
        """
        Six high school apprentices at a boatbuilding school in Sturgeon Bay watched their
        seventeen-foot daysailer float for the first time on Saturday. The students milled
        the western red cedar strips themselves, sheathed the hull in fiberglass and
        stitched the sails with help from a local loft. The boat will be raffled to fund
        next year’s class.
        """,
        by="Rob Lindqvist",
        tags=("boat building", "wooden boats", "Door County"),
    ),
    art(
        "08-13 07:45",
        "seiche-explainer",
        "Why a seiche can catch Great Lakes sailors off guard",
        """
        A seiche, the sloshing of a lake after a fast-moving storm line, can raise or drop
        the water at a harbor mouth by several feet in minutes. Our explainer walks
        through how to read marine forecasts for seiche warnings, why the shallow southern
        end of Lake Michigan is especially prone, and what to do if you are caught near a
        breakwall.
        """,
        by="Sam Okafor",
        tags=("sailing", "safety", "weather", "Great Lakes"),
    ),
    art(
        "08-18 16:10",
        "optimist-championship-lake-erie",
        "Optimist dinghy sailors from 30 states converge on Lake Erie",
        """
        More than 250 young sailors, most of them between nine and fifteen, raced the boxy
        single-handed dinghies off Put-in-Bay last week. Choppy conditions on the final
        day favored heavier sailors who could hike hard, and a twelve-year-old from Texas
        took the championship by a single point. Coaches praised the event’s fast rescue
        response after two capsizes.
        """,
        by="Ingrid Havel",
        tags=("sailing", "youth sailing", "dinghy", "Lake Erie"),
    ),
    art(
        "08-27 12:00",
        "lake-superior-solo",
        "Retired teacher completes a solo circumnavigation of Lake Superior in 42 days",
        """
        <p>Sailing a 27-foot sloop she bought for $9,000, a retired chemistry teacher from
        Duluth covered roughly 1,300 miles and anchored in forty-one different coves.
        &ldquo;The cold water keeps you humble,&rdquo; she wrote in her log.</p><p>Her
        route, fuel stops and gear list are in
        <a href="https://harborandhelm.example/2026/08/superior-solo-log">her
        logbook</a>.</p>
        """,
        by="Ellen Marsh",
        tags=("sailing", "cruising", "single-handed", "Lake Superior"),
    ),
    art(
        "09-01 09:30",
        "foiling-moth-clinic",
        "Foiling Moth clinic draws curious dinghy sailors to Lake Geneva",
        """
        A weekend clinic on Wisconsin’s Lake Geneva let forty sailors try the tiny
        hydrofoiling dinghies that lift clear of the water at speed. Most spent the first
        day swimming, instructors admitted, but by Sunday nearly half could foil across
        the lake. Organizers plan a loaner fleet next season to lower the cost of trying
        the class.
        """,
        by="Sam Okafor",
        tags=("sailing", "foiling", "dinghy", "Wisconsin"),
    ),
    art(
        "09-06 14:20",
        "milwaukee-sail-loft",
        "Inside a Milwaukee sail loft where old Dacron gets a second life",
        """
        A three-person loft in Bay View repairs roughly four hundred sails a year, from
        tired club jibs to spinnakers shredded in summer squalls. Offcuts that cannot be
        saved are turned into tote bags and winch covers. The owner says a good repair can
        double a sail’s useful life, but admits that some cruisers wait far too long to
        bring them in.
        """,
        by="Rob Lindqvist",
        tags=("sailing", "sailmaking", "Milwaukee"),
    ),
    art(
        "09-10 11:00",
        "zurich-autumn-regatta",
        "Lake Zurich’s autumn regatta lures Great Lakes crews across the Atlantic",
        """
        Three crews from Michigan and Illinois chartered boats for the autumn regatta on
        the Zürichsee, where shifting mountain breezes reward local knowledge. The
        visitors placed mid-fleet but said the racing was as tactical as anything on the
        Great Lakes. Between races they rode the lake ferries and compared notes on Swiss
        club traditions.
        """,
        by="Ingrid Havel",
        tags=("sailing", "regatta", "Zürich", "Switzerland"),
    ),
    art(
        "09-15 08:00",
        "electric-outboards",
        "Electric outboards gain ground among Great Lakes cruising sailors",
        """
        Quiet, light and nearly maintenance-free, electric motors are replacing small
        gasoline outboards on a growing number of cruising boats and dinghies. Owners like
        the absence of fuel smells and winterizing chores, but range anxiety is real: most
        setups give an hour or two of motoring at hull speed. We tested three models on a
        30-foot sloop.
        """,
        by="Sam Okafor",
        tags=("sailing", "electric motors", "gear", "cruising"),
    ),
    art(
        "09-19 19:15",
        "womens-match-racing-final",
        "Women’s match racing series crowns its champion after a tense final",
        """
        Two crews split the first four flights of the best-of-five final off Harbor
        Springs before a late wind shift decided the last race. The winning skipper, a
        Great Lakes native who learned in Optimists, drew a penalty on her rival at the
        windward mark to take the series. Organizers say entries have doubled in three
        years.
        """,
        by="Ellen Marsh",
        tags=("sailing", "match racing", "women in sport"),
    ),
    art(
        "09-24 07:00",
        "how-to-heave-to",
        "Learning to heave to: a skill every cruiser should practice",
        """
        <p>Heaving to parks a sailboat in open water, with the jib backed and the tiller
        lashed, so the crew can rest, reef or eat. Practice it on a calm day first:</p>
        <ul><li>Tack without releasing the jib sheet.</li><li>Ease the main until the boat
        settles.</li><li>Lash the helm to leeward.</li></ul>
        """,
        by="Rob Lindqvist",
        tags=("sailing", "seamanship", "cruising", "how-to"),
    ),
    art(
        "09-29 13:40",
        "marina-insurance-premiums",
        "Marina insurance premiums climb after a stormy summer on Lake Michigan",
        """
        Several Lake Michigan marinas say their insurance renewals rose between 20 and 40
        percent this year after storms damaged docks in Racine and St. Joseph. Some are
        passing the costs to slip holders, while others are delaying dredging and repairs.
        Boat owners should expect higher winter storage bills as well, brokers warn.
        """,
        by="Ingrid Havel",
        tags=("sailing", "marinas", "insurance", "Lake Michigan"),
    ),
    art(
        "10-03 17:00",
        "schooner-leaves-chicago",
        "Tall ship schooner makes a final Chicago voyage before moving to Maine",
        """
        The two-masted schooner that has taken tourists on sunset sails from Navy Pier for
        nineteen seasons left Chicago for the last time on Friday, bound for a new home
        port in Maine. Her captain plans to sail through the Great Lakes and the St.
        Lawrence Seaway before winter. Hundreds gathered on the pier to see her off.
        """,
        by="Ellen Marsh",
        tags=("sailing", "tall ships", "Chicago", "Navy Pier"),
    ),
    art(
        "10-08 20:00",
        "collegiate-invitational-upset",
        "Collegiate fall sailing wraps with an upset at a Lake Michigan invitational",
        """
        A small Wisconsin college team with only eight sailors beat two nationally ranked
        programs at the season’s final intercollegiate regatta. Gusty offshore winds made
        the racing unpredictable, and the winners credited hours of heavy-air practice on
        Green Bay. The result earns the team an invitation to the spring championships.
        """,
        by="Sam Okafor",
        tags=("sailing", "college sailing", "regatta", "Lake Michigan"),
    ),
    art(
        "10-11 08:10",
        "sleeping-bear-dismasting-rescue",
        "Two sailors rescued after dismasting off Sleeping Bear Dunes",
        """
        Two sailors were rescued from Lake Michigan on Saturday after their 34-foot
        sailboat lost its mast in gale-force gusts about six miles off Sleeping Bear Dunes,
        the U.S. Coast Guard said. A helicopter crew from Traverse City hoisted both men,
        who wore life jackets and had activated an emergency beacon. Neither was seriously
        hurt, and the boat was later towed to Leland.
        """,
        by="Morning Wire",
        tags=("sailing", "safety", "Coast Guard", "Lake Michigan"),
    ),
    art(
        "10-14 09:00",
        "winterizing-checklist",
        "Winterizing a sailboat: five steps crews skip at their peril",
        """
        Freeze damage is the most common and most avoidable repair bill at spring launch.
        Before the shrink-wrap goes on, flush the raw-water cooling system with
        antifreeze, drain the water heater, change the engine oil, remove wet cushions and
        leave lockers open to air. Owners who hire the yard should still check the work.
        """,
        by="Rob Lindqvist",
        tags=("sailing", "maintenance", "winter storage"),
    ),
    art(
        "10-19 10:30",
        "fiberglass-boat-recycling",
        "End-of-life fiberglass boats find a second use in cement kilns",
        """
        Thousands of abandoned fiberglass boats sit in Great Lakes backyards and
        boatyards. A pilot program in Michigan is shredding hulls and burning the material
        in cement kilns, where the glass fibers replace some of the sand and clay.
        Organizers say disposal costs owners about $400, far less than landfill fees.
        """,
        by="Ingrid Havel",
        tags=("boats", "recycling", "environment", "Michigan"),
    ),
    art(
        "10-24 08:15",
        "ice-boating-forecast",
        "Ice boaters eye early freeze forecasts for inland Wisconsin lakes",
        """
        With long-range outlooks calling for a cold December, ice boat sailors are tuning
        runners and checking hulls in hopes of racing before Christmas. The sport needs
        clear, snow-free black ice at least four inches thick, conditions that arrive
        unpredictably. Local clubs run phone trees to alert members within hours of good
        ice.
        """,
        by="Sam Okafor",
        tags=("sailing", "ice boating", "winter", "Wisconsin"),
    ),
    art(
        "10-30 11:50",
        "great-lakes-water-levels",
        "Great Lakes water levels dip, leaving some marina slips too shallow",
        """
        Lake Michigan and Lake Huron are about eight inches lower than a year ago after a
        dry summer, and several smaller harbors report boats touching bottom at the end of
        their slips. The Army Corps of Engineers says levels remain near the long-term
        average. Sailors with deep-draft keels should check depth charts before visiting
        unfamiliar ports.
        """,
        by="Ellen Marsh",
        tags=("sailing", "Great Lakes", "water levels", "marinas"),
    ),
    art(
        "11-06 09:00",
        "mackinac-2027-dates",
        "Chicago Yacht Club sets dates and new division for 2027 Race to Mackinac",
        """
        The Chicago Yacht Club has set next July’s start dates for the Race to Mackinac
        and will add a double-handed division, a response to the growing fleet of
        two-person crews on Lake Michigan. The 333-mile course from the Chicago harbor
        entrance to Mackinac Island is unchanged. Entries open in January, and new safety
        rules will require AIS transponders on every boat.
        """,
        by="Ellen Marsh",
        tags=("sailing", "Race to Mackinac", "Chicago", "regatta", "Lake Michigan"),
        more="""
        <p>The double-handed boats will start with the smallest section on the Friday,
        a day ahead of the big fleet. Race officials expect twenty to thirty two-person
        entries in the first year.</p><p>Other changes include a revised course
        boundary near the Manitou Passage &amp; earlier inspection dates for boats
        arriving from Lake Erie.</p>
        """,
    ),
    art(
        "11-12 12:30",
        "winter-boat-show-preview",
        "Winter boat show promises more small daysailers and fewer megayachts",
        """
        Organizers of January’s boat show in Chicago say exhibitors have shifted toward
        trailerable sailboats, electric dinghies and used-boat brokers. The change follows
        two years of softer sales for large powerboats. A new hall will host seminars on
        buying a first boat, joining a sailing club and chartering abroad.
        """,
        by="Ingrid Havel",
        tags=("sailing", "boat show", "Chicago"),
    ),
    art(
        "11-20 15:00",
        "winter-sailing-books",
        "Ten sailing books worth reading while your boat sleeps under shrink-wrap",
        """
        <p>Our editors picked ten books for the off-season, from a classic account of a
        <em>single-handed</em> Atlantic crossing to a new history of Great Lakes schooners
        and a practical guide to diesel engines. Several are out of print but easy to find
        secondhand.</p><p>The full list, with notes, is
        <a href="https://harborandhelm.example/2026/11/winter-reading">on our site</a>.</p>
        """,
        by="Rob Lindqvist",
        tags=("sailing", "books", "gift guide"),
    ),
)

SECOND_CITY_BUSINESS = (
    art(
        "08-03 10:20",
        "pizza-chain-chapter-11",
        "Chicago-style pizza chain based in Phoenix files for bankruptcy protection",
        """
        A 60-restaurant chain that sells deep-dish pies in Arizona, Nevada and Texas filed
        for Chapter 11 in Delaware, blaming high cheese prices and delivery-app fees. The
        company, which has no locations in Illinois despite its Chicago-style branding,
        plans to close fifteen underperforming stores and keep the rest open during the
        restructuring.
        """,
        by="Mark Szymanski",
        tags=("restaurants", "bankruptcy", "retail"),
    ),
    art(
        "08-07 08:40",
        "fulton-market-lab-glut",
        "Fulton Market lab space glut pushes landlords toward creative leases",
        """
        Developers who raced to build life-science labs in the West Loop are now offering
        free rent periods, shared equipment floors and shorter lease terms to lure biotech
        tenants. Brokers estimate that more than a third of the new lab space is vacant.
        Some owners are quietly marketing floors to tech companies and even schools.
        """,
        by="Lauren Pike",
        tags=("real estate", "life sciences", "West Loop"),
    ),
    art(
        "08-12 07:15",
        "payroll-fintech-series-b",
        "Chicago payroll fintech raises $40 million to court restaurant owners",
        """
        A River North startup that pays hourly workers their tips and wages the same day
        closed a $40 million Series B led by a New York growth fund. The company says more
        than 3,000 restaurants use its software, and it plans to double its sales team.
        Founders said the round was priced flat to the last one, a sign of a tougher
        market.
        """,
        by="Priya Natarajan",
        tags=("fintech", "startups", "venture capital", "restaurants"),
    ),
    art(
        "08-17 12:05",
        "evanston-board-game-publisher",
        "Evanston board game publisher bets on cooperative games for the holidays",
        """
        A twelve-person studio behind a hit cooperative game about rescuing lighthouse
        keepers has ordered its largest print run yet, betting that families want games
        where everyone wins or loses together. The founders said tariffs on printing in
        Asia raised their costs by about a fifth, which they absorbed rather than raise
        prices.
        """,
        by="Daniel Ochoa",
        tags=("board games", "small business", "Evanston"),
    ),
    art(
        "08-21 15:30",
        "regional-banks-smooth-sailing",
        "Smooth sailing for regional bank stocks as rate worries fade",
        """
        Shares of Midwest regional lenders rose for a fifth straight week as traders bet
        that interest rates have peaked, easing concerns about deposit costs and
        commercial real estate losses. Analysts cautioned that office loans remain a weak
        spot. Two Chicago-area banks reported stronger-than-expected quarterly earnings on
        Thursday.
        """,
        by="Priya Natarajan",
        tags=("banking", "stocks", "markets"),
    ),
    art(
        "08-26 09:00",
        "ohare-terminal-contract",
        "O’Hare terminal contract finally awarded after a year of delays",
        """
        The city awarded the main construction contract for O’Hare’s new global terminal
        to a joint venture of three local builders, ending a procurement fight that
        stalled the project for a year. The terminal’s timber-and-glass roof design
        survived cost reviews largely intact. Airlines will begin moving gates in 2029 if
        the schedule holds.
        """,
        by="Mark Szymanski",
        tags=("aviation", "construction", "O’Hare", "urban planning"),
    ),
    art(
        "09-01 06:50",
        "pilsen-roaster-expands",
        "Pilsen coffee roaster opens second roastery to supply grocery chains",
        """
        A family-owned roaster that started with a single café on 18th Street has leased a
        20,000-square-foot warehouse in McKinley Park to keep up with orders from regional
        grocers. The company buys most of its beans directly from cooperatives in Oaxaca
        and Chiapas. It expects to hire about twenty roasters, packers and drivers.
        """,
        by="Daniel Ochoa",
        tags=("coffee", "small business", "Pilsen", "manufacturing"),
    ),
    art(
        "09-04 11:10",
        "midwest-vc-second-fund",
        "Midwest-focused venture fund closes $210 million second fund",
        """
        A Chicago venture firm that backs early-stage software and logistics companies
        across the Midwest closed its second fund above target, drawing money from
        university endowments and two state pension systems. Partners said they will
        write first checks of $1 million to $3 million and plan to lead about twenty-five
        deals over four years.
        """,
        by="Priya Natarajan",
        tags=("venture capital", "startups", "Midwest"),
    ),
    art(
        "09-09 13:45",
        "electric-truck-depots",
        "Logistics firms build electric truck charging depots along I-55",
        """
        Two freight companies are building charging depots for heavy electric trucks near
        Joliet, a sign that battery-powered semis are moving beyond pilot programs. Each
        site will have megawatt-scale chargers and rooftop solar. The companies say
        electricity costs per mile are already lower than diesel, though the trucks still
        cost about twice as much.
        """,
        by="Lauren Pike",
        tags=("electric vehicles", "logistics", "energy"),
    ),
    art(
        "09-12 08:00",
        "seattle-robotics-85-million",
        "Seattle Robotics Startup Raises $85 Million for Warehouse Picking Arms",
        """
        The Seattle company, which opened an engineering office in Chicago’s West Loop last
        year, raised an $85 million Series B to expand production of its AI-guided picking
        arms. Circuit Notes reports that two Midwest grocery distributors are among its
        customers.
        """,
        by="Priya Natarajan",
        tags=("robotics", "startups", "venture capital"),
        url=ROBOTICS_URL + "?utm_source=secondcity&utm_medium=rss",
    ),
    art(
        "09-18 16:00",
        "cubs-broadcast-rights",
        "Cubs broadcast renewal tests the value of regional sports networks",
        """
        With cable subscriptions shrinking, the Cubs are weighing whether to renew their
        own television channel or sell streaming rights to a national platform. Media
        analysts say the team’s large out-of-market fan base gives it leverage few clubs
        have. A decision is expected before spring training.
        """,
        by="Mark Szymanski",
        tags=("baseball", "Cubs", "media", "streaming"),
    ),
    art(
        "09-23 10:00",
        "tipped-wage-phase-in",
        "Restaurants adjust menus as the tipped minimum wage phase-in continues",
        """
        Two years into Chicago’s phase-out of the lower tipped minimum wage, restaurant
        owners report a mix of strategies: service charges, smaller menus and counter
        ordering. Worker groups point to higher take-home pay, while an industry
        association says about forty restaurants have cited labor costs in closing
        announcements.
        """,
        by="Daniel Ochoa",
        tags=("restaurants", "labor", "wages"),
    ),
    art(
        "09-28 14:30",
        "brewery-consolidation",
        "Craft breweries consolidate as taproom traffic flattens across Illinois",
        """
        Three Chicago-area breweries announced mergers in September, and several others
        have closed taprooms to focus on distribution. Owners say younger drinkers are
        ordering less beer and more non-alcoholic options. Brewers who survive, one
        consultant said, will be those with a strong neighborhood following and efficient
        canning lines.
        """,
        by="Lauren Pike",
        tags=("craft beer", "breweries", "small business"),
    ),
    art(
        "10-02 09:25",
        "hospital-ransomware-recovery",
        "Suburban hospital network restores systems weeks after ransomware attack",
        """
        <p>A hospital network in the western suburbs says its electronic records are fully
        back online <strong>five weeks</strong> after a ransomware attack forced staff onto
        paper charts and diverted ambulances. The company has not said whether it paid a
        ransom.</p><p>Security experts say the attackers got in through a vendor&#8217;s
        remote-access account.</p>
        """,
        by="Priya Natarajan",
        tags=("cybersecurity", "ransomware", "healthcare", "hospitals"),
    ),
    art(
        "10-07 07:30",
        "marathon-weekend-spending",
        "Marathon weekend expected to pour $600 million into the city’s economy",
        """
        Hotels downtown report occupancy above 95 percent for race weekend, and restaurants
        near the course are adding brunch seatings and extra staff. A study commissioned
        by the race sponsor estimates the event generates about $600 million in spending.
        Sporting goods stores say race-week sales rival the holiday season.
        """,
        by="Mark Szymanski",
        tags=("running", "marathon", "tourism", "hotels"),
    ),
    art(
        "10-15 11:20",
        "red-line-extension-milestone",
        "Red Line extension reaches construction milestone on Far South Side",
        """
        Crews building the Red Line extension in Chicago placed the final beam of the
        first elevated section on Wednesday, a milestone for the long-awaited project that
        will carry trains 5.6 miles south to 130th Street. Transit officials said the
        extension remains on budget and could open to riders in 2030. Residents of
        Roseland and West Pullman have waited decades for the service.
        """,
        by="Morning Wire",
        tags=("transit", "infrastructure", "CTA"),
    ),
    art(
        "10-16 08:10",
        "wine-distributors-merge",
        "Two Illinois wine distributors merge to counter national consolidation",
        """
        A Chicago wine importer and a Springfield distributor are combining to form the
        state’s largest independent wholesaler, with a catalog of about 4,000 wines. The
        owners say the deal will help small producers from Portugal, Greece and Oregon
        reach restaurants that national distributors overlook. Terms were not disclosed.
        """,
        by="Daniel Ochoa",
        tags=("wine", "distribution", "mergers"),
    ),
    art(
        "10-21 10:40",
        "quantum-park-second-tenant",
        "Quantum computing campus on former steel site signs its second tenant",
        """
        A startup developing error-corrected quantum processors has agreed to build a
        research facility at the quantum park rising on the South Side lakefront, joining
        the campus’s anchor tenant. State officials said incentives totaling $40 million
        helped seal the deal. Construction on the shared cryogenics plant is expected to
        begin in the spring.
        """,
        by="Lauren Pike",
        tags=("quantum computing", "technology", "South Side"),
    ),
    art(
        "10-27 13:15",
        "boat-dealers-slow-season",
        "Boat dealers report slower sales as buyers wait out high financing costs",
        """
        Dealers along the Illinois and Wisconsin shorelines say sales of new sailboats and
        powerboats fell about 15 percent this season, as buyers balked at loan rates near
        9 percent. Used boats are moving faster, and some dealers are offering free winter
        storage to clear inventory before the January boat show.
        """,
        by="Mark Szymanski",
        tags=("boating", "sailing", "retail", "interest rates"),
    ),
    art(
        "11-02 12:00",
        "bronzeville-jazz-club-coop",
        "Historic South Side jazz club sold to a musicians’ cooperative",
        """
        A Bronzeville jazz club that has hosted late-night sessions since the 1960s was
        sold for $2.1 million to a cooperative of about sixty musicians and neighbors. The
        buyers raised most of the down payment through small shares priced at $500. They
        plan to add a recording studio upstairs and keep the house band in place.
        """,
        by="Daniel Ochoa",
        tags=("jazz", "music", "Bronzeville", "real estate"),
    ),
    art(
        "11-05 09:35",
        "state-street-vacancies",
        "State Street retail vacancies tick down as holiday pop-ups arrive",
        """
        The share of empty storefronts on State Street fell to its lowest level since 2019
        as seasonal pop-up shops, a climbing gym and a food hall filled long-dark spaces.
        Landlords credit new apartments in the Loop for steadier foot traffic. Brokers
        caution that many of the leases run only through January.
        """,
        by="Lauren Pike",
        tags=("retail", "real estate", "Loop"),
    ),
    art(
        "11-10 11:25",
        "architecture-firm-seoul-tower",
        "Chicago architecture firm wins Seoul tower commission, adding 40 jobs",
        """
        A West Loop architecture practice known for timber-hybrid high-rises won an
        international competition to design a 60-story office and housing tower in Seoul.
        The firm will hire about forty architects and engineers in Chicago. Its design
        sets a mass-timber upper section on a concrete core to cut embodied carbon.
        """,
        by="Mark Szymanski",
        tags=("architecture", "design", "mass timber"),
    ),
    art(
        "11-16 08:50",
        "ai-insurance-claims-startup",
        "Chicago startup uses AI to help clinics fight denied insurance claims",
        """
        A Fulton Market company has raised $18 million to expand software that reads
        denial letters, drafts appeals and flags billing errors for small medical
        practices. The founders, a former nurse and a data scientist, say clients recover
        about a third of previously written-off claims. Insurers argue that automated
        appeals flood their review teams.
        """,
        by="Priya Natarajan",
        tags=("healthcare", "AI", "startups", "insurance"),
    ),
    art(
        "11-20 15:40",
        "warehouse-hiring-slows",
        "Holiday warehouse hiring slows as retailers lean on automation",
        """
        Seasonal job postings at distribution centers in Will and Kane counties are down
        about a quarter from last year, according to a staffing firm’s survey. Operators
        say robotic sorters and better demand forecasting let them handle peak volumes
        with fewer temporary workers. Pay for the seasonal jobs that remain has risen to
        about $21 an hour.
        """,
        by="Lauren Pike",
        tags=("logistics", "jobs", "automation"),
    ),
)

TRAILHEAD_WEEKLY = (
    art(
        "08-01 06:00",
        "fourteener-permit-pilot",
        "Colorado pilots timed-entry permits on two crowded fourteeners",
        """
        Hikers heading for two of the state’s most popular 14,000-foot peaks will need a
        free timed-entry reservation on summer weekends starting next year, under a pilot
        program meant to ease trailhead parking chaos. Rangers say early starts remain
        essential because afternoon thunderstorms build over the summits most days in July
        and August.
        """,
        by="Kurt Halvorsen",
        tags=("hiking", "mountains", "Colorado", "permits"),
    ),
    art(
        "08-05 17:45",
        "flint-hills-gravel-tires",
        "Gravel racers swap aero bars for wider tires in the Flint Hills",
        """
        The 200-mile gravel race through Kansas ranch country drew more than 4,000
        cyclists, and the trend in the bike racks was unmistakable: tires 45 millimeters
        wide or more, run at pressures that would have seemed absurd a decade ago. Flats
        were down sharply from last year, mechanics said, though sharp flint still claimed
        plenty of sidewalls.
        """,
        by="Owen Price",
        tags=("cycling", "gravel", "racing", "Kansas"),
    ),
    art(
        "08-10 09:20",
        "trail-shoe-test",
        "We ran 300 miles in eight trail shoes. Here is what held up.",
        """
        <p>Our testers logged rocky miles in Colorado and muddy ones in Oregon. The
        standouts:</p><ul><li>a lugged mountain shoe that gripped wet granite;</li>
        <li>a cushioned all-rounder for long, smooth trails;</li><li>a budget pick under
        $100.</li></ul><p>Two pairs split at the toe box before 150 miles.</p>
        """,
        by="Jess Arroyo",
        tags=("running", "trail running", "gear", "reviews"),
    ),
    art(
        "08-15 11:00",
        "montana-trout-closures",
        "Low flows prompt fishing closures on Montana trout rivers",
        """
        State wildlife officials imposed afternoon angling restrictions on stretches of
        four trout rivers after water temperatures climbed above 73 degrees, a level that
        stresses fish caught and released. Fly-fishing guides have shifted trips to dawn
        and to cooler tailwaters below dams. The rules lift once temperatures fall for
        three consecutive days.
        """,
        by="Kurt Halvorsen",
        tags=("fly fishing", "trout", "rivers", "Montana", "drought"),
    ),
    art(
        "08-19 08:30",
        "fire-lookout-big-sit",
        "A birding big sit turns a fire lookout into a tally station",
        """
        For twenty-four hours, five birders stayed inside a seventeen-foot circle on a
        decommissioned fire lookout in the Oregon Cascades, counting every species they
        could see or hear. They logged 71, including a flammulated owl heard before dawn
        and a goshawk hunting below the ridge. The event raised money for a raptor
        rehabilitation center.
        """,
        by="Mei Tanaka",
        tags=("birdwatching", "Oregon", "fundraising"),
    ),
    art(
        "08-23 14:15",
        "ultralight-rethink",
        "How light is too light? Rethinking the ultralight backpacking craze",
        """
        A base weight under ten pounds has become a badge of honor for long-distance
        hikers, but search-and-rescue teams report more calls from hikers who left behind
        warm layers or water filters to save ounces. Our columnist argues for a smarter
        target: carry what the forecast and the route demand, then trim.
        """,
        by="Jess Arroyo",
        tags=("hiking", "backpacking", "safety", "gear"),
    ),
    art(
        "08-29 07:30",
        "chicago-lakefront-ride",
        "A slow Sunday ride along Chicago’s eighteen-mile lakefront trail",
        """
        Starting at Hollywood Beach and rolling south to the South Shore Cultural Center,
        our writer spent a morning on one of the country’s great urban bike paths.
        Highlights included sailboats tacking off Belmont Harbor, the skyline from
        Northerly Island and a very good doughnut near 31st Street. Go early on weekends,
        before the crowds.
        """,
        by="Owen Price",
        tags=("cycling", "Chicago", "urban trails", "Lakefront Trail"),
        more="""
        <p>Bike share docks sit at most beaches along the way, and the trail is split
        into separate lanes for walkers and riders for most of its length. Watch for
        sand drifts south of the Museum Campus after windy nights.</p>
        """,
    ),
    art(
        "09-03 12:40",
        "kentucky-crag-access",
        "Climbers and landowners reach access deal for a Kentucky sandstone crag",
        """
        A regional climbing coalition has bought a twenty-acre parcel that includes the
        approach trail to a popular sandstone crag in eastern Kentucky, ending a two-year
        closure. Climbers will pay a small parking fee that funds trail work and liability
        insurance. Bolting new routes will require review by a volunteer committee.
        """,
        by="Mei Tanaka",
        tags=("rock climbing", "access", "Kentucky"),
    ),
    art(
        "09-07 16:00",
        "apostle-islands-sea-caves",
        "Paddling the sea caves of the Apostle Islands before autumn storms",
        """
        Lake Superior’s sandstone sea caves are best seen from a kayak on a calm September
        morning, when the water is clear enough to see boulders twenty feet below. Guides
        warn that conditions change fast: waves rebound off the cliffs and there are few
        places to land. Go with an outfitter unless you are confident in cold-water
        rescues.
        """,
        by="Owen Price",
        tags=("kayaking", "paddling", "Lake Superior", "Wisconsin"),
    ),
    art(
        "09-12 10:10",
        "duluth-hawk-migration",
        "Hawk migration peaks over Duluth’s ridge with thousands of broad-wings",
        """
        Counters on the overlook above Duluth tallied more than 40,000 broad-winged hawks
        in a single day this week as the raptors rode thermals along the North Shore of
        Lake Superior. Good flights need northwest winds and sunshine. Volunteers band a
        few hawks for research and let visitors watch the birds being released.
        """,
        by="Mei Tanaka",
        tags=("birdwatching", "raptors", "migration", "Minnesota"),
    ),
    art(
        "09-17 06:50",
        "marathon-training-heat",
        "Training for a fall marathon through a hot September",
        """
        Long runs in late-summer heat can leave runners discouraged just weeks before race
        day. Coaches recommend running by effort rather than pace, shifting long runs to
        dawn, and practicing fueling with the same drinks that will be on the course.
        Expect paces to improve quickly once temperatures drop.
        """,
        by="Jess Arroyo",
        tags=("running", "marathons", "training"),
    ),
    art(
        "09-22 13:30",
        "national-park-records",
        "National parks set visitor records as shoulder seasons get busier",
        """
        September used to be the quiet month in the big western parks. Not anymore:
        visitation at several parks hit records this month, with trailhead parking full by
        8 a.m. Rangers suggest weekday visits, lesser-known trails and shuttle buses. Some
        parks are considering extending reservation systems into autumn.
        """,
        by="Kurt Halvorsen",
        tags=("hiking", "national parks", "travel"),
    ),
    art(
        "09-26 09:00",
        "winter-bike-commuting-gear",
        "Gear up for winter bike commuting without breaking the bank",
        """
        Studded tires, bright lights and a wind-blocking shell matter more than expensive
        jerseys, according to year-round commuters in Minneapolis and Chicago. Our guide
        covers fenders, lobster-claw gloves and how to keep a chain alive through salt
        season. Most of it can be bought secondhand.
        """,
        by="Owen Price",
        tags=("cycling", "bike commuting", "winter", "gear"),
    ),
    art(
        "10-02 08:00",
        "midwest-foliage-hikes",
        "Six fall foliage hikes within a day’s drive of the Midwest",
        """
        <p>Maples in Michigan&#8217;s Porcupine Mountains, oaks along Wisconsin&#8217;s
        Ice Age Trail and the bluffs of Starved Rock in Illinois lead our list of autumn
        hikes. Peak color moves south through October. Check
        <a href="https://trailheadweekly.example/foliage-map">our foliage map</a>, updated
        weekly.</p>
        """,
        by="Kurt Halvorsen",
        tags=("hiking", "fall foliage", "Midwest"),
    ),
    art(
        "10-06 18:20",
        "steelhead-fly-patterns",
        "Fly tiers swap recipes for Great Lakes steelhead patterns",
        """
        As fall steelhead push into Michigan tributaries, tiers are filling boxes with egg
        patterns, leeches and swinging flies. We asked three guides for their favorite
        patterns and the colors they reach for in stained water. Bright chartreuse and
        pink still work, but subtle olive flies are catching more fish on pressured
        rivers.
        """,
        by="Kurt Halvorsen",
        tags=("fly fishing", "fly tying", "steelhead", "Great Lakes"),
    ),
    art(
        "10-12 15:30",
        "first-marathon-chicago",
        "My first marathon: mile-by-mile notes from the streets of Chicago",
        """
        The cheering in Lakeview made me run too fast, a mariachi band in Pilsen kept me
        going at mile 19, and the little hill on Roosevelt Road felt like a mountain. A
        first-time marathoner recounts what worked, what hurt and what she would change
        about her training and race-day fueling.
        """,
        by="Jess Arroyo",
        tags=("running", "marathon", "Chicago"),
    ),
    art(
        "10-16 11:45",
        "early-snowmaking",
        "Ski resorts fire up snowmaking early after a cold October night",
        """
        A handful of Colorado and Utah resorts started making snow this week, racing to
        open beginner runs before Thanksgiving. Newer snow guns use less water and power
        per acre, operators say, but warm spells still threaten opening dates. Season-pass
        prices rose about six percent on average this year.
        """,
        by="Mei Tanaka",
        tags=("skiing", "snowmaking", "Colorado", "Utah"),
    ),
    art(
        "10-21 09:40",
        "bears-open-food-lockers",
        "Bears learn to open campground food lockers, rangers say",
        """
        Black bears in a California national forest have figured out how to pry open
        older food storage lockers, and rangers are replacing latches at fourteen
        campgrounds. Campers are asked to keep coolers locked in car trunks until the new
        hardware arrives. No one has been hurt, but one bear made off with a whole
        Thanksgiving-sized ham.
        """,
        by="Mei Tanaka",
        tags=("wildlife", "camping", "California"),
    ),
    art(
        "10-27 10:00",
        "e-bikes-on-singletrack",
        "E-bikes on singletrack: land managers split on where to draw the line",
        """
        Pedal-assist mountain bikes are now allowed on some federal trails but banned on
        others, and the patchwork confuses riders. Trail builders say the bikes cause
        little extra erosion, while some hikers and equestrians worry about speed. A new
        signage system would mark which class of e-bike each trail allows.
        """,
        by="Owen Price",
        tags=("cycling", "mountain biking", "e-bikes", "trails"),
    ),
    art(
        "11-01 07:00",
        "avalanche-courses-full",
        "Avalanche courses fill up early as backcountry skiing keeps growing",
        """
        Introductory avalanche safety classes in Colorado and Washington are booking out
        weeks in advance, a sign of how many skiers are heading beyond resort boundaries.
        Instructors teach snowpack assessment, companion rescue and, above all, terrain
        choices. Forecast centers are adding daily podcasts and trip-planning tools this
        season.
        """,
        by="Kurt Halvorsen",
        tags=("skiing", "backcountry", "avalanche safety"),
    ),
    art(
        "11-06 12:30",
        "turkey-trot-boom",
        "Turkey trot registrations surge as families make races a holiday ritual",
        """
        Thanksgiving morning races from Buffalo to San Diego are reporting record
        sign-ups, with many adding kids’ dashes and costume contests. Race directors say
        the events have become the most popular day of the year for recreational running.
        Proceeds often go to food banks, which need the help this year.
        """,
        by="Jess Arroyo",
        tags=("running", "races", "Thanksgiving"),
    ),
    art(
        "11-11 08:15",
        "hiking-in-hunting-season",
        "Hiking during hunting season: wear orange and know the dates",
        """
        November is a beautiful month for hiking, but it is also firearm deer season in
        much of the country. Wear blaze orange on hat and torso, keep dogs leashed and
        visible, and check state wildlife agency calendars. Many state parks close certain
        trails on hunt days; national parks usually remain open.
        """,
        by="Kurt Halvorsen",
        tags=("hiking", "safety", "hunting season"),
    ),
    art(
        "11-17 16:20",
        "trail-report-sanitas",
        None,
        """
        Trail report: the lower switchbacks on the Mount Sanitas loop near Boulder are icy
        in the mornings after this week’s storm, and the upper section holds a few inches
        of crusty snow. Microspikes made the descent much easier. Rangers ask hikers to
        stay on the main tread rather than trampling the slopes beside it.
        """,
        by="Mei Tanaka",
        tags=("hiking", "trail conditions", "Colorado"),
    ),
    art(
        None,
        "cold-weather-running-layers",
        "How to layer for cold-weather running",
        """
        The classic rule is to dress as if it were twenty degrees warmer than the
        thermometer says. Start with a wicking base layer, add a light insulating top below
        freezing, and finish with a wind shell when it blows. Protect hands and ears first;
        a thin hat and gloves can be stuffed into a pocket once you warm up.
        """,
        by="Jess Arroyo",
        tags=("running", "winter", "gear", "how-to"),
    ),
)

THE_GREEN_PLOT = (
    art(
        "08-02 08:00",
        "late-blight-tomatoes",
        "Spotting late blight on tomatoes before it takes the whole bed",
        """
        Dark, greasy-looking patches on leaves and firm brown lesions on fruit are the
        classic signs of late blight, which spreads quickly in cool, wet August weather.
        Remove infected plants, bag them rather than composting, and water at the base in
        the morning. Resistant varieties are worth trying next spring.
        """,
        by="Nora Whitcomb",
        tags=("gardening", "tomatoes", "plant disease"),
    ),
    art(
        "08-06 09:30",
        "sourdough-in-summer",
        "Why your sourdough behaves differently in humid summer kitchens",
        """
        <p>Warm, humid air speeds fermentation, so a starter that took eight hours in March
        may peak in five in August. Cut the levain to <strong>10 percent</strong> of the
        flour, use cooler water and shape earlier than the recipe says.</p><p>A chilled
        overnight proof in the fridge gives you more control &mdash; and a better
        crust.</p>
        """,
        by="Hannah Bloom",
        tags=("baking", "sourdough", "bread"),
    ),
    art(
        "08-11 07:45",
        "chicago-parkway-pollinators",
        "Chicago’s parkway pollinator gardens bloom after a slow, wet start",
        """
        Hundreds of Chicago homeowners who replaced parkway grass with coneflowers, bee
        balm and little bluestem under a city pilot program are seeing their first full
        season of blooms. Bumblebees and monarchs have followed. The program’s coordinator
        says the biggest challenge has been convincing neighbors that a native planting is
        not an unkempt lawn.
        """,
        by="Nora Whitcomb",
        tags=("gardening", "native plants", "pollinators", "Chicago"),
    ),
    art(
        "08-16 10:00",
        "varroa-mite-checks",
        "Late-summer mite checks can decide whether a beehive survives winter",
        """
        Varroa mite populations peak just as colonies raise the long-lived winter bees
        that must carry the hive to spring. Beekeepers should do an alcohol wash or sugar
        roll in August, and treat if counts exceed three mites per hundred bees. Waiting
        until October, when brood rearing slows, is often too late.
        """,
        by="Rosa Ferreira",
        tags=("beekeeping", "honeybees", "varroa mites"),
    ),
    art(
        "08-20 18:00",
        "zucchini-glut",
        "Four ways to use up a late-summer zucchini glut",
        """
        <p>When the garden produces more squash than anyone wants, try one of these:</p>
        <ul><li>shredded into fritters with feta and dill;</li><li>slow-cooked into a
        jammy pasta sauce;</li><li>pickled in thin ribbons with chili;</li><li>baked into
        a lemony olive-oil cake.</li></ul>
        """,
        by="Jamal Carter",
        tags=("cooking", "recipes", "zucchini", "vegetables"),
    ),
    art(
        "08-25 12:00",
        "beginner-kimchi",
        "A beginner’s kimchi, and the science of a good ferment",
        """
        Salt draws water out of napa cabbage and keeps spoilage microbes at bay while
        lactic acid bacteria get to work. Our recipe uses a simple paste of garlic,
        ginger, fish sauce and gochugaru, and ferments for two days on the counter before
        moving to the fridge. Taste it every day; sourness is a matter of preference.
        """,
        by="Jamal Carter",
        tags=("fermentation", "cooking", "Korean food"),
    ),
    art(
        "08-30 08:20",
        "cold-brew-ratios",
        "Cold brew at home: ratios, grinds and how long to steep",
        """
        A coarse grind and a ratio of one part coffee to eight parts water, steeped for
        sixteen to eighteen hours in the fridge, makes a smooth concentrate. Dilute it one
        to one with water or milk. Lighter roasts give fruity, tea-like cold brew; darker
        roasts taste of chocolate. Filter twice for a cleaner cup.
        """,
        by="Hannah Bloom",
        tags=("coffee", "cold brew", "drinks"),
    ),
    art(
        "09-04 09:00",
        "saving-seeds",
        "Saving seeds from your best tomatoes, beans and peppers",
        """
        Open-pollinated varieties grow true from saved seed, so choose the healthiest,
        tastiest plants and let a few fruits ripen fully. Tomato seeds benefit from a few
        days of fermentation in water; beans and peppers just need to dry. Label
        everything. Seeds kept cool and dry in paper envelopes stay viable for years.
        """,
        by="Nora Whitcomb",
        tags=("gardening", "seed saving", "heirloom vegetables"),
    ),
    art(
        "09-09 11:40",
        "peach-galette",
        "A rustic peach galette for the last good stone fruit",
        """
        No pie dish and no fuss: roll an all-butter crust into a rough circle, pile sliced
        peaches tossed with brown sugar and a little cornstarch in the middle, and fold up
        the edges. Brush with cream, sprinkle with coarse sugar and bake until the juices
        bubble. Serve warm with crème fraîche.
        """,
        by="Hannah Bloom",
        tags=("baking", "desserts", "peaches"),
    ),
    art(
        "09-13 07:30",
        "honey-harvest",
        "The honey harvest is in, and it tastes like a rainy summer",
        """
        Our columnist pulled twelve frames from her two backyard hives in the Hudson Valley
        and got about forty pounds of light, floral honey, less than last year but plenty
        for gifts. She explains how she leaves enough stores for winter, why she uses a
        fume board instead of smoke, and how to bottle without heating.
        """,
        by="Rosa Ferreira",
        tags=("beekeeping", "honey", "Hudson Valley"),
    ),
    art(
        "09-18 16:15",
        "natural-wine-primer",
        "A plain-spoken primer on natural wine for curious drinkers",
        """
        Natural wine has no legal definition, but most producers mean grapes farmed
        organically, fermented with native yeasts and bottled with little or no added
        sulfur. The results range from thrilling to faulty. Start with a chilled red from
        the Loire or a skin-contact white from Slovenia, and ask the shop what they
        actually like.
        """,
        by="Rosa Ferreira",
        tags=("wine", "natural wine"),
    ),
    art(
        "09-23 08:45",
        "planting-garlic",
        "Plant garlic in October for fat bulbs next July",
        """
        Garlic needs a cold spell to form bulbs, so northern gardeners plant cloves a few
        weeks before the ground freezes. Separate the largest cloves, set them pointy end
        up about two inches deep and six inches apart, and mulch with straw. Hardneck
        types suit cold winters and reward you with scapes in June.
        """,
        by="Nora Whitcomb",
        tags=("gardening", "garlic", "fall planting"),
    ),
    art(
        "09-28 10:20",
        "heirloom-apples",
        "Beyond Honeycrisp: heirloom apples worth seeking at the orchard",
        """
        Orchards across New England and the upper Midwest are growing varieties that never
        made it to supermarkets, from the russeted, nutty Roxbury Russet to tart,
        pink-fleshed apples that blush when sliced. We tasted fourteen apples and sorted
        them by what they do best: eating out of hand, baking into pies or pressing into
        cider.
        """,
        by="Jamal Carter",
        tags=("apples", "orchards", "cooking"),
    ),
    art(
        "10-03 09:00",
        "boston-fern-indoors",
        "Keeping a Boston fern alive indoors through a dry winter",
        """
        Boston ferns that thrived on a humid porch all summer often shed their fronds
        within weeks of moving inside. Give them bright, indirect light, the most humid
        room in the house and steady moisture without soggy roots. A tray of wet pebbles
        helps more than misting. Cut back brown fronds and new growth will follow.
        """,
        by="Nora Whitcomb",
        tags=("houseplants", "ferns", "gardening"),
    ),
    art(
        "10-08 15:00",
        "browned-butter-pumpkin-bread",
        "The pumpkin bread we make every October, with browned butter",
        """
        <p>Browning the butter adds a nutty depth that plays well with canned pumpkin,
        ginger and a pinch of black pepper. The loaf keeps for days and tastes better on
        the second.</p><p><img src="https://thegreenplot.example/img/2026/10/pumpkin-bread.jpg"
        alt="Sliced pumpkin bread on a wooden board"></p>
        """,
        by="Hannah Bloom",
        tags=("baking", "pumpkin", "recipes"),
        more="""
        <p>Makes one 9-by-5-inch loaf. Brown 1/2 cup butter until it smells of toffee,
        cool it slightly, then whisk in sugar, eggs and 1&nbsp;1/2 cups pumpkin. Fold in
        the dry ingredients and bake at 350&deg;F for about an hour.</p>
        """,
    ),
    art(
        "10-13 07:10",
        "home-espresso-year",
        "Is a home espresso machine worth it? A year of daily shots",
        """
        After twelve months with a mid-range machine and a good burr grinder, our writer
        has calculated the cost per shot, logged the learning curve and counted the
        cleaning minutes. The verdict: worth it for anyone who drinks two milk drinks a
        day, less so for occasional sippers. The grinder matters more than the machine.
        """,
        by="Jamal Carter",
        tags=("coffee", "espresso", "kitchen gear"),
    ),
    art(
        "10-18 11:00",
        "leave-the-leaves",
        "Leave the leaves: why shredded fall leaves make the best free mulch",
        """
        Running a mower over fallen leaves and spreading them on beds feeds the soil,
        shelters overwintering insects and saves paying for bagged mulch. Whole leaves can
        mat and smother small plants, so shred them first. Oak leaves break down slowly and
        suit shrubs; maple leaves rot faster into rich leaf mold.
        """,
        by="Nora Whitcomb",
        tags=("gardening", "mulch", "compost", "fall"),
    ),
    art(
        "10-23 17:30",
        "italian-beef-at-home",
        "Making a Chicago-style Italian beef at home, giardiniera and all",
        """
        The sandwich that made Chicago’s beef stands famous depends on three things:
        thinly shaved roast beef, a garlicky, peppery jus and hot giardiniera. Our version
        roasts an eye of round, chills it for easy slicing and simmers the slices in
        broth. Dip the whole roll if you like it wet; purists insist.
        """,
        by="Jamal Carter",
        tags=("cooking", "sandwiches", "Chicago"),
    ),
    art(
        "10-28 09:50",
        "mushroom-foraging-clubs",
        "Foraging for autumn mushrooms: start with a local club, not an app",
        """
        Hen-of-the-woods and chicken of the woods are relatively easy for beginners to
        recognize, but dangerous look-alikes exist for many wild mushrooms. Mycological
        societies run identification walks every fall. Experts say phone apps are useful
        for learning but should never be the final word on whether something is safe to
        eat.
        """,
        by="Rosa Ferreira",
        tags=("foraging", "mushrooms", "cooking"),
    ),
    art(
        "11-02 12:00",
        "thanksgiving-wines",
        "Wines for Thanksgiving that can handle everything on the table",
        """
        Turkey is easy; it is the cranberry sauce, sweet potatoes and green bean casserole
        that trip up wine. Go for high acid and gentle tannins: a Beaujolais, a dry
        riesling, a sparkling rosé or a Sicilian red. Buy more bottles than you think you
        need and skip anything that demands decanting.
        """,
        by="Rosa Ferreira",
        tags=("wine", "Thanksgiving", "food pairing"),
    ),
    art(
        "11-07 10:30",
        "forcing-amaryllis",
        "Forcing amaryllis bulbs for blooms in time for the holidays",
        """
        Amaryllis bulbs planted in early November usually flower in six to eight weeks.
        Use a pot only slightly wider than the bulb, leave the top third exposed and water
        sparingly until growth appears. Rotate the pot every few days so the stalk grows
        straight. After blooming, the bulb can be kept for next year.
        """,
        by="Nora Whitcomb",
        tags=("gardening", "bulbs", "houseplants"),
    ),
    art(
        "11-12 08:30",
        "all-butter-pie-crust",
        "The all-butter pie crust that finally stopped shrinking",
        """
        <p>Three habits fixed our crust: keeping the butter in <em>visible</em> pea-sized
        pieces, resting the dough overnight, and chilling the shaped shell for an hour
        before blind baking. A splash of vinegar makes it easier to roll.</p><p>Full
        method &amp; step-by-step photos are in the recipe card.</p>
        """,
        by="Hannah Bloom",
        tags=("baking", "pie", "Thanksgiving"),
    ),
    art(
        "11-17 13:00",
        "city-compost-programs",
        "City compost programs expand as households cut food waste",
        """
        Curbside food-scrap collection now reaches more than a dozen large American cities,
        and several report diverting thousands of tons from landfills each year.
        Participation is highest where pickup is free and bins are included. Backyard
        composters can handle most vegetable scraps but should leave meat and dairy to
        industrial programs.
        """,
        by="Rosa Ferreira",
        tags=("composting", "food waste", "sustainability"),
    ),
    art(
        "11-21 09:00",
        "vegetarian-thanksgiving-wellington",
        "A vegetarian Thanksgiving centerpiece that nobody will call a side dish",
        """
        Our mushroom and chestnut Wellington wraps a savory filling of cremini, thyme and
        toasted chestnuts in puff pastry, and it slices beautifully at the table. Make the
        filling two days ahead. Serve it with a red wine gravy built on caramelized onions
        and a spoonful of miso for depth.
        """,
        by="Jamal Carter",
        tags=("cooking", "vegetarian", "Thanksgiving"),
    ),
    art(
        None,
        "kitchen-worm-bin",
        "How to start a worm bin under the kitchen sink",
        """
        Red wiggler worms turn vegetable scraps, coffee grounds and shredded paper into
        rich castings, and a small bin fits in a cupboard without smelling if you keep it
        balanced. Start with a pound of worms, damp shredded newspaper and a modest daily
        feeding. Harvest castings every three months for houseplants and seedlings.
        """,
        by="Nora Whitcomb",
        tags=("composting", "vermicomposting", "gardening"),
    ),
)

FRAME_AND_LIGHT = (
    art(
        "08-03 10:00",
        "chicago-l-platform-photographs",
        "A new show revisits 1970s Chicago street photography from the L platforms",
        """
        A gallery in Chicago’s West Town is showing ninety black-and-white prints made by
        a little-known transit worker who photographed commuters from elevated platforms
        between 1971 and 1979. The pictures, found in a basement after her death, capture
        fashions, newspapers and weather with unusual tenderness. The show runs through
        October.
        """,
        by="Felix Adeyemi",
        tags=("photography", "street photography", "Chicago", "exhibitions"),
    ),
    art(
        "08-08 09:15",
        "film-camera-repair-shops",
        "Film cameras are back, and so are the repair shops",
        """
        Sales of secondhand 35mm cameras have tripled over five years, and a new
        generation of technicians is learning to replace light seals and calibrate
        shutters. Young photographers say film slows them down. The downside is cost: a
        roll of colour film plus developing now runs well over twenty pounds in London.
        """,
        by="Imogen Clarke",
        tags=("photography", "film photography", "London"),
    ),
    art(
        "08-12 11:30",
        "london-modern-wing-reopens",
        "London museum reopens its modern wing after a two-year rebuild",
        """
        <p>The museum&#8217;s twentieth-century galleries reopened on Tuesday with
        <strong>wider corridors</strong>, new skylights and a rehang that puts women
        artists of the 1950s alongside their better-known contemporaries.</p><p>Admission
        to the permanent collection remains free; the opening exhibition on British
        abstraction costs &pound;18.</p>
        """,
        by="Imogen Clarke",
        tags=("museums", "modern art", "London"),
    ),
    art(
        "08-17 20:00",
        "brittany-jazz-festival",
        "At a seaside jazz festival, the young bandleaders steal the show",
        """
        Three days of jazz on the Brittany coast offered a fine set from a veteran pianist,
        but the real excitement came from bandleaders under thirty: a tuba-led quintet
        from Lyon, a Senegalese-French singer with a string trio and a drummer whose
        compositions swung from bebop to drum and bass within a bar.
        """,
        by="Clara Duval",
        tags=("jazz", "festivals", "music", "France"),
    ),
    art(
        "08-21 09:00",
        "brutalism-reassessed",
        "Brutalism reassessed: why concrete buildings are winning new fans",
        """
        Once derided as grey and hostile, many postwar concrete buildings are now listed,
        restored and photographed obsessively on social media. Preservationists credit
        careful cleaning and new lighting, while critics argue nostalgia is smoothing over
        the real failures of some estates. We look at three restorations in London, Boston
        and Belgrade.
        """,
        by="Hugo Brandt",
        tags=("architecture", "modern architecture", "brutalism", "preservation"),
    ),
    art(
        "08-26 14:00",
        "autumn-opera-season",
        "The autumn opera season bets on rarities and a new Carmen",
        """
        Europe’s major opera houses are mixing crowd-pleasers with neglected works this
        autumn, including a Czech fairy-tale opera and a Baroque revival with a
        countertenor in the title role. A stripped-down Carmen set in a cigarette
        factory’s final week is the most anticipated premiere. The cheapest seats are
        selling fastest.
        """,
        by="Clara Duval",
        tags=("opera", "classical music"),
    ),
    art(
        "08-31 22:10",
        "chicago-musical-west-end-revival",
        "West End revival of Chicago sells out its first month of previews",
        """
        The Kander and Ebb musical about murder, jazz and celebrity in 1920s Illinois
        returns to London with a new choreographer and a cast led by two stars of British
        television. Producers extended the run before opening night after previews sold
        out. Critics will be invited at the end of September.
        """,
        by="Imogen Clarke",
        tags=("theatre", "musicals", "London", "West End"),
    ),
    art(
        "09-04 08:00",
        "sardine-fishers-photo-prize",
        "Portraits of fishing families win a major documentary photography prize",
        """
        A Portuguese photographer won this year’s documentary prize for a series on three
        generations of sardine fishers in Peniche, shot over six years. The judges praised
        the quiet portraits and the way the work shows the toll of shrinking quotas. The
        winning images will tour Lisbon, Berlin and Manchester next spring.
        """,
        by="Felix Adeyemi",
        tags=("photography", "documentary photography", "Portugal", "prizes"),
    ),
    art(
        "09-09 18:00",
        "documentary-festival-opens",
        "Documentary festival opens with a film about a village that lost its river",
        """
        A documentary festival in Sheffield opened with a quiet film following residents
        of a Spanish village after a reservoir project diverted their river. The director
        spent four years there and largely avoids narration. Other highlights include a
        portrait of a Tokyo sushi apprentice and a hand-drawn animated documentary about
        refugee doctors.
        """,
        by="Hugo Brandt",
        tags=("film", "documentary", "festivals"),
    ),
    art(
        "09-14 13:00",
        "lake-shore-drive-towers-restoration",
        "Restoring a steel-and-glass landmark on Chicago’s lakefront, pane by pane",
        """
        <p>The twin apartment towers by Ludwig Mies van der Rohe on Lake Shore Drive are
        undergoing a careful facade restoration, replacing corroded steel mullions and
        1950s glass that had begun to fail. Conservators are matching the original
        tint.</p><p>Residents stay in place while crews work from suspended platforms, one
        bay at a time.</p>
        """,
        by="Hugo Brandt",
        tags=("architecture", "modern architecture", "Chicago", "preservation"),
        more="""
        <p>The restoration architects spent a year cataloguing every mullion. About a
        third will be replaced outright; the rest are being stripped, repaired and
        repainted in the original black.</p><p>The project is expected to finish in
        2028.</p>
        """,
    ),
    art(
        "09-19 21:30",
        "late-beethoven-quartets-weekend",
        "A string quartet plays all of Beethoven’s late quartets in one weekend",
        """
        Across three evenings in Edinburgh, a young Scandinavian quartet performed the five
        late quartets and the Grosse Fuge, music that baffled listeners in the 1820s and
        still demands total attention. The playing was raw in places and revelatory in
        others, especially a slow movement from Opus 132 taken at an almost unbearably
        patient tempo.
        """,
        by="Clara Duval",
        tags=("classical music", "chamber music", "Beethoven", "Edinburgh"),
    ),
    art(
        "09-24 10:00",
        "museum-returns",
        "Museums face growing pressure to return looted bronzes and manuscripts",
        """
        Several European museums have agreed this year to return objects taken during
        colonial campaigns, and more claims are pending. Curators describe painstaking
        provenance research that can take years. Some institutions now share custody or
        lend objects back for ceremonies, while critics say the pace of returns remains
        far too slow.
        """,
        by="Felix Adeyemi",
        tags=("museums", "repatriation", "cultural heritage"),
    ),
    art(
        "09-29 08:30",
        "phone-photography-tips",
        "Five ways to take better photographs with the phone in your pocket",
        """
        <p>Small habits make the biggest difference:</p><ul><li>clean the lens, since
        most soft photos start with a fingerprint;</li><li>tap to set exposure on the
        brightest part of the scene;</li><li>use the main lens rather than digital
        zoom;</li><li>shoot in the hour after sunrise;</li><li>edit lightly and crop with
        intent.</li></ul>
        """,
        by="Felix Adeyemi",
        tags=("photography", "smartphones", "tips"),
    ),
    art(
        "10-04 11:00",
        "zurich-swiss-typography",
        "Zürich’s design museum celebrates a century of Swiss typography",
        """
        The exhibition traces the clean, grid-based graphic style that made Swiss posters
        famous, from 1920s railway advertising to the sans-serif typefaces that still
        dominate corporate logos. Visitors can set type by hand in a working letterpress
        studio. The museum café, in a restored tram depot, is worth the visit on its own.
        """,
        by="Hugo Brandt",
        tags=("design", "typography", "museums", "Zürich"),
    ),
    art(
        "10-09 16:45",
        "lost-silent-film-found",
        "A lost silent film resurfaces in a Norwegian archive and gets a new score",
        """
        A 1926 melodrama believed lost was found mislabeled in a film archive in Oslo and
        restored from a nitrate print. Its London premiere at a restored cinema will
        feature a new score for piano, violin and accordion. Restorers say about a fifth
        of the footage was too damaged to save.
        """,
        by="Imogen Clarke",
        tags=("film", "silent film", "restoration"),
    ),
    art(
        "10-14 12:00",
        "chicago-jazz-tapes-digitised",
        "Chicago jazz archive digitises 4,000 hours of club recordings",
        """
        A university library in Chicago has finished digitising a collection of
        reel-to-reel tapes made by a South Side sound engineer who recorded club sets from
        1958 to 1985. Many performances by local players who never made commercial records
        are now available online. Archivists are asking the public to help identify
        uncredited musicians.
        """,
        by="Clara Duval",
        tags=("jazz", "Chicago", "archives", "music"),
    ),
    art(
        "10-19 19:00",
        "laundrette-fringe-play",
        "A fringe play set in a laundrette becomes the season’s surprise hit",
        """
        Written by a former nurse and staged in a working laundrette in south London, the
        seventy-minute play follows four strangers waiting out a night-long power cut. The
        run sold out within days, and a transfer to a larger venue is being discussed.
        Audiences sit on the benches among the washing machines.
        """,
        by="Imogen Clarke",
        tags=("theatre", "fringe", "London"),
    ),
    art(
        "10-24 10:00",
        "paris-photobook-fair",
        "At the Paris photobook fair, small publishers outshine the giants",
        """
        Hand-bound editions of fifty copies, risograph zines and a book printed on the
        backs of old maps drew the longest queues at this year’s photobook fair in Paris.
        Independent publishers say the fair is where they make a third of their annual
        sales. Prices ranged from eight euros to several thousand.
        """,
        by="Felix Adeyemi",
        tags=("photography", "photobooks", "publishing", "Paris"),
    ),
    art(
        "10-29 20:30",
        "glacier-symphony-premiere",
        "An orchestra premieres a symphony built from recordings of melting glaciers",
        """
        A Scandinavian orchestra gave the premiere of a forty-minute symphony that weaves
        hydrophone recordings from Greenland’s glaciers into the string and brass writing.
        The composer spent a month on a research ship. The piece is less an alarm than a
        lament, and the audience sat silent for a long moment before applauding.
        """,
        by="Clara Duval",
        tags=("classical music", "new music", "climate"),
    ),
    art(
        "11-03 09:30",
        "ai-art-gallery-debate",
        "Should galleries show art made with AI? Curators are divided",
        """
        A group show in Berlin that includes works generated partly with image models has
        reignited arguments about authorship and labour. Some curators see the tools as
        another medium, as photography once was; others worry about models trained on
        artists’ work without consent. Several artists in the show displayed their prompts
        alongside the works.
        """,
        by="Hugo Brandt",
        tags=("AI", "art", "galleries", "Berlin"),
    ),
    art(
        "11-08 07:00",
        "tokyo-modernist-houses-walk",
        "A walking tour of Tokyo’s quiet modernist houses and small museums",
        """
        <p>Beyond the towers of Shinjuku, 東京 rewards walkers with small concrete houses,
        tiny galleries and <em>kissaten</em> tucked into residential lanes. Our route runs
        from Aoyama to Setagaya over a long afternoon.</p><p>Most house museums close on
        Mondays &amp; require advance booking.</p>
        """,
        by="Hugo Brandt",
        tags=("architecture", "museums", "Tokyo", "travel"),
    ),
    art(
        "11-13 19:45",
        "dance-in-empty-pool",
        "A contemporary dance company turns a disused swimming pool into a stage",
        """
        Performers dive, slide and climb across the tiled basin of an empty 1930s public
        pool in Manchester in a new piece about memory and childhood summers. Audiences
        watch from the old spectator gallery. The company plans to tour to pools in
        Glasgow and Leeds that are awaiting restoration.
        """,
        by="Clara Duval",
        tags=("dance", "performance", "Manchester"),
    ),
    art(
        "11-18 12:00",
        "great-lakes-lighthouses-by-sail",
        "Photographer spends a year documenting Great Lakes lighthouses from a sailboat",
        """
        Sailing a 28-foot sloop from Lake Ontario to Lake Superior, an American
        photographer made large-format pictures of more than sixty lighthouses, many
        reachable only by water. The resulting book pairs the images with keepers’ logbook
        entries. She says the hardest part was holding a tripod steady on a rolling deck
        in fog.
        """,
        by="Felix Adeyemi",
        tags=("photography", "sailing", "lighthouses", "Great Lakes"),
    ),
    art(
        "11-23 10:00",
        "offbeat-holiday-films",
        "Ten holiday films that are not the usual suspects",
        """
        Tired of the same Christmas classics? Our critics suggest a Finnish comedy about a
        reindeer herder, a Japanese family drama set over New Year, a 1940s screwball
        romance rarely shown on television and a documentary about a department store’s
        window dressers. Most are streaming or screening at repertory cinemas this month.
        """,
        by="Imogen Clarke",
        tags=("film", "holidays", "cinema"),
    ),
)

CIRCUIT_NOTES = (
    art(
        "08-02 10:00",
        "maintainer-burnout-survey",
        "Open source maintainers say burnout, not funding, is their biggest risk",
        """
        A survey of about 1,200 maintainers of widely used open source projects found that
        most work on them unpaid in evenings and weekends, and nearly half have considered
        quitting in the past year. Respondents said corporate sponsorships help, but what
        they want most is help triaging issues and reviewing pull requests.
        """,
        by="Sarah Lindgren",
        tags=("open source", "developers", "burnout"),
    ),
    art(
        "08-06 09:30",
        "ai-query-energy",
        "How much electricity does an AI query use? The estimates vary widely",
        """
        Researchers have published estimates ranging from a fraction of a watt-hour to
        several watt-hours per chatbot query, depending on model size, hardware and data
        center efficiency. The disagreement matters for utilities planning new power
        plants. Several labs have started publishing energy figures, but methods are not
        standardized.
        """,
        by="Ravi Menon",
        tags=("AI", "energy", "data centers", "climate"),
    ),
    art(
        "08-11 14:00",
        "password-manager-breach",
        "Password manager breach exposes encrypted vaults and customer emails",
        """
        <p>A mid-sized password manager disclosed that attackers copied encrypted vault
        backups and customer email addresses. The company says master passwords were not
        stored, but security researchers urge users with <strong>weak master
        passwords</strong> to rotate critical credentials now.</p><p>Phishing emails
        impersonating the company are already circulating.</p>
        """,
        by="Tasha Kim",
        tags=("cybersecurity", "passwords", "data breach"),
        updated="08-12 09:00",
    ),
    art(
        "08-15 11:20",
        "memory-safe-rewrites",
        "Why more teams are rewriting hot code paths in memory-safe languages",
        """
        From browser engines to network daemons, engineering teams are replacing the most
        exposed C and C++ components with Rust or Go, citing data showing that
        memory-safety bugs account for most severe vulnerabilities. The rewrites are
        incremental. Interviews with five teams suggest the hardest part is build tooling,
        not the language.
        """,
        by="Alex Moreau",
        tags=("programming", "security", "Rust"),
    ),
    art(
        "08-20 08:45",
        "ev-battery-software-updates",
        "Over-the-air updates are quietly extending electric car battery range",
        """
        Several automakers have pushed software updates that improve winter range by
        preconditioning batteries more cleverly and tuning heat pumps. Owners report gains
        of five to ten percent in cold weather. Engineers say battery management software
        now matters as much to range as chemistry, and it can improve long after a car is
        sold.
        """,
        by="Ravi Menon",
        tags=("electric vehicles", "batteries", "software"),
    ),
    art(
        "08-24 16:30",
        "startup-layoffs-august",
        "Startups trim staff again as late-stage funding stays scarce",
        """
        Layoff trackers counted more than 150 startup job cuts in August, concentrated in
        companies that raised large rounds in 2021 and have struggled to grow into their
        valuations. Founders describe a two-speed market: AI infrastructure companies raise
        easily, while consumer apps and marketplaces face flat or down rounds.
        """,
        by="Sarah Lindgren",
        tags=("startups", "layoffs", "venture capital"),
    ),
    art(
        "08-29 12:00",
        "quantum-error-correction-explained",
        "A quantum error-correction milestone, explained without the hype",
        """
        A research group showed that adding more physical qubits to a logical qubit made
        errors fall rather than rise, a threshold experts have chased for decades. That is
        genuinely important, but useful quantum computers still need thousands of such
        logical qubits. We explain what was shown, what was not, and why timelines remain
        uncertain.
        """,
        by="Alex Moreau",
        tags=("quantum computing", "research", "explainer"),
    ),
    art(
        "09-02 13:15",
        "volunteer-chess-engine",
        "An open source chess engine trained on volunteers’ spare laptop cycles",
        """
        A community-run chess engine has climbed to within a few rating points of the
        strongest programs, powered by a neural network trained on games played by
        thousands of volunteers’ computers. The project shares its training data and code
        freely. Grandmasters use it to prepare openings, and club players use it to review
        their blunders.
        """,
        by="Alex Moreau",
        tags=("chess", "open source", "AI"),
    ),
    art(
        "09-07 10:40",
        "ai-phishing-red-teams",
        "AI-written phishing emails are getting harder to spot, red teams warn",
        """
        Security testers say language models have eliminated the clumsy grammar that once
        gave away phishing emails, and attackers are tailoring messages with details
        scraped from social profiles. Companies are responding with hardware security keys
        and training that focuses on verifying requests, not spotting typos. Voice cloning
        is the next worry.
        """,
        by="Tasha Kim",
        tags=("cybersecurity", "AI", "phishing"),
    ),
    art(
        "09-11 06:00",
        "seattle-robotics-85-million",
        "Seattle robotics startup raises $85 million for warehouse picking arms",
        """
        A Seattle startup that builds AI-guided robotic arms for picking items from
        warehouse shelves has raised an $85 million Series B led by a growth fund. The
        company says its arms handle more than 20,000 different products for grocery and
        pharmacy distributors. It plans to triple production and expand its engineering
        office in Chicago.
        """,
        by="Sarah Lindgren",
        tags=("robotics", "startups", "venture capital", "AI"),
        more="""
        <p>The arms use a suction gripper and a camera system trained on millions of
        product images. Customers lease them by the month, a model the founders say
        avoids the large upfront purchases that slowed earlier warehouse robots.</p>
        """,
    ),
    art(
        "09-16 15:00",
        "smart-tv-acr-opt-out",
        "Your smart TV is watching what you watch. Here is how to opt out",
        """
        <p>Most smart TVs use automatic content recognition to log what appears on screen,
        even from a game console or antenna, and share it with advertisers. The settings
        to turn it off are buried:</p><ul><li>look for &ldquo;viewing information&rdquo;
        or &ldquo;ACR&rdquo;;</li><li>decline personalized ads;</li><li>recheck after
        every update.</li></ul>
        """,
        by="Tasha Kim",
        tags=("privacy", "smart home", "how-to"),
    ),
    art(
        "09-21 09:00",
        "database-license-fork",
        "A popular database’s license change prompts a community fork",
        """
        After the company behind a widely used open source database moved new releases to
        a source-available license, longtime contributors launched a fork under the
        original permissive terms. Cloud providers quickly pledged engineers to the fork.
        The episode is the latest test of whether venture-backed open source companies can
        keep community trust.
        """,
        by="Alex Moreau",
        tags=("open source", "licensing", "databases"),
    ),
    art(
        "09-25 11:30",
        "instant-payments-mainstream",
        "Instant payments go mainstream as banks switch on real-time rails",
        """
        More than a thousand American banks and credit unions can now send money instantly
        through real-time payment networks, and payroll providers are starting to use them
        for same-day wages. Fintech companies see an opening for cheaper alternatives to
        card payments at checkout, though fraud on irreversible transfers remains a
        challenge.
        """,
        by="Ravi Menon",
        tags=("fintech", "payments", "banking"),
    ),
    art(
        "09-30 17:20",
        "small-satellite-imaging",
        "Small satellite startups race to sell sharper views of the planet",
        """
        A wave of startups is launching shoebox-sized satellites that photograph the Earth
        daily at resolutions once reserved for spy agencies. Customers include insurers,
        farm cooperatives and climate researchers tracking methane leaks. Rideshare
        launches have cut costs sharply, but the companies face crowded orbits and a small
        pool of paying customers.
        """,
        by="Sarah Lindgren",
        tags=("space", "satellites", "startups"),
    ),
    art(
        "10-05 10:00",
        "local-ai-coding-assistants",
        "Developers weigh local AI coding assistants against cloud tools",
        """
        Models small enough to run on a laptop can now autocomplete code and answer
        questions about a codebase without sending anything to the cloud. Developers at
        regulated companies like the privacy; others find the suggestions noticeably
        weaker. We benchmarked four setups on real pull requests and report what we found.
        """,
        by="Alex Moreau",
        tags=("AI", "developers", "privacy"),
    ),
    art(
        "10-10 13:45",
        "laundry-folding-robots",
        "Home robots that fold laundry are coming, slowly and expensively",
        """
        Several robotics startups demonstrated humanoid and wheeled robots folding towels
        and loading dishwashers, but the fine print revealed remote human operators in some
        demos and prices above $20,000. Researchers say handling soft, unpredictable
        objects like clothing remains one of the hardest problems in robotics.
        """,
        by="Ravi Menon",
        tags=("robotics", "AI", "consumer tech"),
    ),
    art(
        "10-15 08:10",
        "cyber-insurance-backups",
        "Cyber insurers now demand proof of backups before they will pay",
        """
        Insurers have tightened policies after years of heavy ransomware losses, and many
        now require tested offline backups, multifactor authentication and endpoint
        monitoring as conditions of coverage. Small businesses say premiums have
        stabilized but paperwork has multiplied. Brokers advise keeping evidence of
        security controls ready for renewal.
        """,
        by="Tasha Kim",
        tags=("cybersecurity", "insurance", "ransomware"),
    ),
    art(
        "10-20 12:30",
        "venture-capital-ai-share",
        "Venture capital piles into AI while other sectors wait their turn",
        """
        Artificial intelligence companies captured more than half of all U.S. venture
        dollars last quarter, according to a new tally, with a few giant rounds skewing the
        numbers. Investors in climate, health and consumer startups say fundraising
        remains slow. Some partners warn of a bubble; others say the revenue growth is
        real this time.
        """,
        by="Sarah Lindgren",
        tags=("venture capital", "AI", "startups"),
    ),
    art(
        "10-25 09:00",
        "accessibility-deadlines",
        "New accessibility rules push websites to fix contrast, captions and forms",
        """
        Public agencies and many businesses face deadlines under new accessibility
        regulations, and developers are auditing sites for screen-reader support, keyboard
        navigation and captioned video. Automated checkers catch only part of the problem.
        Disabled users who test sites say the most common failures are unlabeled form
        fields and inaccessible CAPTCHAs.
        """,
        by="Alex Moreau",
        tags=("accessibility", "web development"),
    ),
    art(
        "10-30 14:00",
        "charging-reliability",
        "The charging plug war is over. The charging reliability war is not",
        """
        Nearly every automaker selling in North America has adopted the same connector,
        ending years of confusion. But drivers say broken or slow chargers remain their
        top complaint. A federal uptime requirement and a payment standard aim to help,
        and charging networks are publishing reliability data for the first time.
        """,
        by="Ravi Menon",
        tags=("electric vehicles", "charging", "infrastructure"),
    ),
    art(
        "11-04 07:30",
        "midterm-election-security",
        "Election officials report no major cyber incidents during the midterms",
        """
        State and county election offices said Tuesday’s voting went smoothly from a
        cybersecurity standpoint, with scattered denial-of-service attempts against
        results websites but no breaches of voting systems. Officials credited paper
        ballots, post-election audits and information sharing among states.
        Misinformation was a bigger headache than hacking.
        """,
        by="Tasha Kim",
        tags=("cybersecurity", "elections"),
    ),
    art(
        "11-09 10:15",
        "ai-medical-scribes",
        "AI scribes are easing doctors’ paperwork, early studies suggest",
        """
        Clinics using ambient AI tools that listen to appointments and draft notes report
        that physicians spend less time typing after hours. Early studies show modest
        reductions in burnout scores. Doctors still need to check every note; several
        found errors such as invented medication doses. Consent practices vary widely
        among health systems.
        """,
        by="Ravi Menon",
        tags=("AI", "healthcare", "doctors"),
    ),
    art(
        "11-14 16:00",
        "digital-board-games",
        "Digital editions are bringing board games to a new crowd",
        """
        App versions of popular strategy board games let players learn the rules through
        tutorials and play with friends across time zones. Publishers say digital sales
        now lead many people to buy the physical box. Designers, though, worry that
        automated scoring hides the table talk and rule-checking that make tabletop play
        social.
        """,
        by="Sarah Lindgren",
        tags=("board games", "gaming", "apps"),
    ),
    art(
        "11-19 11:00",
        "data-center-water-use",
        "Data centers in dry regions look for ways to use less water",
        """
        Cooling servers can consume millions of gallons of water a year, and communities in
        Arizona, Spain and Chile are pushing back. Operators are experimenting with
        closed-loop liquid cooling, reclaimed wastewater and sites in colder climates. The
        trade-off is often higher electricity use, which complicates climate pledges.
        """,
        by="Ravi Menon",
        tags=("data centers", "water", "climate"),
    ),
)

FIELD_SCIENCE_REVIEW = (
    art(
        "08-01 12:00",
        "lake-michigan-record-warmth",
        "Lake Michigan’s surface hits record warmth in early August",
        """
        Buoys in southern Lake Michigan recorded surface temperatures above 80 degrees
        Fahrenheit for several days, the warmest readings in the instrument record.
        Scientists say warm water fuels algal blooms and stresses cold-water fish. It also
        delights swimmers, but upwelling can drop near-shore temperatures by twenty
        degrees overnight.
        """,
        by="Marcus Feld",
        tags=("climate", "Great Lakes", "Lake Michigan", "limnology"),
    ),
    art(
        "08-05 15:00",
        "sleep-spindles-memory",
        "Brief bursts of brain activity during sleep help lock in new memories",
        """
        Recordings from volunteers in a sleep lab show that sleep spindles, short bursts of
        activity in deep sleep, coincide with replay of patterns learned during the day.
        When researchers played quiet sounds linked to a task during spindles, recall
        improved the next morning. The findings could inform treatments for age-related
        memory decline.
        """,
        by="Yuki Sato",
        tags=("neuroscience", "sleep", "memory"),
    ),
    art(
        "08-10 09:00",
        "perseids-dark-skies",
        "The Perseids peak this week under moonless, dark skies",
        """
        <p>This year&#8217;s Perseid meteor shower coincides with a new moon, so observers
        far from city lights may see up to 60&nbsp;meteors an hour before dawn on
        <strong>August 12 and 13</strong>.</p><p>No telescope needed: lie back, let your
        eyes adjust for twenty minutes and look toward the northeast.</p>
        """,
        by="Laila Haddad",
        tags=("astronomy", "meteor showers", "stargazing"),
    ),
    art(
        "08-14 10:30",
        "ultra-processed-eating-speed",
        "Ultra-processed food study points to eating speed, not just ingredients",
        """
        In a controlled feeding trial, volunteers ate about 300 more calories a day on an
        ultra-processed diet, matching earlier results, but the gap shrank when meals were
        matched for texture and eating speed. Nutrition researchers say softer,
        faster-to-eat foods may explain part of the effect. The trial involved only forty
        adults.
        """,
        by="Helen Okoro",
        tags=("nutrition", "diet", "health research"),
    ),
    art(
        "08-19 08:00",
        "cold-climate-heat-pumps",
        "Cold-climate heat pumps pass a winter test in northern Minnesota",
        """
        A two-year field study of thirty homes near the Canadian border found that modern
        air-source heat pumps supplied most heating needs down to minus 15 degrees
        Fahrenheit, with backup heat needed only on the coldest nights. Energy bills fell
        for homes switching from propane. Researchers say installation quality made the
        biggest difference.
        """,
        by="Marcus Feld",
        tags=("renewable energy", "heat pumps", "buildings", "Minnesota"),
    ),
    art(
        "08-23 11:15",
        "exercise-and-depression",
        "Walking and strength training rival talk therapy for mild depression",
        """
        A large review of randomized trials found that structured exercise reduced
        symptoms of mild to moderate depression about as much as psychotherapy, with
        walking, yoga and strength training showing the strongest effects. Researchers
        caution that exercise works best as part of a treatment plan, not as a replacement
        for care in severe cases.
        """,
        by="Helen Okoro",
        tags=("mental health", "exercise", "depression"),
    ),
    art(
        "08-28 07:30",
        "lab-corals-spawn",
        "Lab-raised corals spawn in sync with their wild relatives",
        """
        Corals grown from fragments in an aquarium in Florida released their eggs and sperm
        on the same night as wild colonies on the reef, thanks to lighting that mimics the
        lunar cycle. Marine biologists hope to use such captive spawning to breed
        heat-tolerant corals for restoration as ocean warming bleaches reefs more often.
        """,
        by="Laila Haddad",
        tags=("oceans", "coral reefs", "marine biology"),
    ),
    art(
        "09-02 14:00",
        "mars-sample-tubes",
        "What scientists hope to learn from rocks collected on Mars",
        """
        Samples sealed in titanium tubes by a rover in Jezero Crater include mudstones from
        an ancient river delta that could preserve chemical signs of past life. Plans to
        bring them to Earth have been scaled back and delayed. Planetary scientists
        explain which tubes matter most and what laboratory analyses could reveal.
        """,
        by="Laila Haddad",
        tags=("space", "Mars", "planetary science"),
    ),
    art(
        "09-06 10:00",
        "grid-batteries-solar",
        "Grid batteries are now soaking up midday solar across the Southwest",
        """
        In California and Arizona, batteries charged with cheap midday solar power now
        supply a large share of electricity in the early evening, when air conditioners are
        still running and the sun is setting. Grid operators say the batteries have
        reduced the need for gas peaker plants. Fire safety rules for large installations
        are tightening.
        """,
        by="Marcus Feld",
        tags=("renewable energy", "solar power", "batteries"),
    ),
    art(
        "09-11 13:30",
        "fiber-gut-microbes",
        "Gut microbes respond within days to a jump in dietary fiber",
        """
        Volunteers who doubled their fiber intake with beans, oats and vegetables showed
        measurable changes in gut bacteria within a week, including more microbes that
        produce anti-inflammatory compounds. The shifts reversed when they went back to
        their usual diets. Researchers say consistency matters more than any single
        superfood.
        """,
        by="Helen Okoro",
        tags=("nutrition", "microbiome", "health"),
    ),
    art(
        "09-15 09:45",
        "chicago-lights-out-birds",
        "Dimming skyscraper lights cuts bird collisions in Chicago, study finds",
        """
        Volunteers who walk downtown Chicago at dawn collecting stunned and dead migratory
        birds found collisions fell by nearly half on nights when buildings dimmed their
        decorative lighting. The city sits on a major migration route along Lake Michigan.
        The authors urge building managers to turn off lights from midnight to dawn during
        spring and fall migration.
        """,
        by="Yuki Sato",
        tags=("birds", "migration", "Chicago", "urban ecology"),
        more="""
        <p>The study covered six migration seasons and more than 9,000 birds, most of
        them warblers, sparrows and thrushes. Glass at the lowest floors, where trees
        reflect in windows, caused the most deaths.</p><p>Several downtown towers have
        already joined a voluntary <em>lights out</em> program.</p>
        """,
    ),
    art(
        "09-20 12:00",
        "alzheimers-blood-test",
        "A blood test for Alzheimer’s proteins moves closer to routine care",
        """
        A blood test measuring a form of the tau protein identified Alzheimer’s disease as
        accurately as spinal fluid tests in a study of about 1,200 patients at memory
        clinics. Neurologists say the test could speed diagnosis and reduce the need for
        costly brain scans, though results still need interpretation by specialists.
        """,
        by="Yuki Sato",
        tags=("neuroscience", "Alzheimer’s disease", "healthcare", "diagnostics"),
    ),
    art(
        "09-24 16:00",
        "wildfire-smoke-downwind",
        "Wildfire smoke carries health risks hundreds of miles downwind",
        """
        An analysis of hospital records found increases in asthma and heart-related
        emergency visits in Midwest cities on days when Canadian wildfire smoke drifted
        overhead, even when local pollution levels looked modest. Public health experts
        recommend checking air quality forecasts and using portable air filters indoors on
        smoky days.
        """,
        by="Helen Okoro",
        tags=("climate", "air quality", "public health", "wildfires"),
    ),
    art(
        "09-29 11:00",
        "october-comet",
        "A bright comet may be visible to the naked eye in late October",
        """
        A comet discovered in January is brightening as it approaches the sun and could
        reach naked-eye visibility in the western sky after sunset in the last week of
        October. Comets are notoriously unpredictable, astronomers warn; some fizzle and
        others flare. Binoculars will help, and a dark site away from city lights is
        essential.
        """,
        by="Laila Haddad",
        tags=("astronomy", "comets", "stargazing"),
    ),
    art(
        "10-03 08:30",
        "juvenile-dinosaur-montana",
        "A nearly complete juvenile dinosaur skeleton emerges from Montana rock",
        """
        Paleontologists finished excavating the skeleton of a young duck-billed dinosaur
        that died about 75 million years ago, including skin impressions along its tail.
        The fossil could show how quickly these animals grew. A crowdfunding campaign paid
        for the field season after a rancher reported bones eroding from a hillside.
        """,
        by="Marcus Feld",
        tags=("paleontology", "dinosaurs", "Montana"),
    ),
    art(
        "10-08 10:15",
        "loneliness-health-risks",
        "Loneliness raises health risks even for people with busy social calendars",
        """
        A study of more than 20,000 adults found that feeling lonely predicted higher rates
        of heart disease and depression regardless of how often people saw friends or
        family. Psychologists say the quality of connections matters more than the number.
        Programs that pair volunteers with isolated older adults showed promising results.
        """,
        by="Helen Okoro",
        tags=("mental health", "loneliness", "psychology"),
    ),
    art(
        "10-13 09:00",
        "great-lakes-offshore-wind-ice",
        "Offshore wind on the Great Lakes faces ice, not just politics",
        """
        Engineers designing the first wind turbines for Lake Erie must account for moving
        ice sheets that can push against foundations with enormous force. A pilot project
        plans cone-shaped foundations that break ice as it passes. Supporters say
        freshwater wind could power Cleveland and Chicago; opponents worry about views and
        birds.
        """,
        by="Marcus Feld",
        tags=("renewable energy", "wind power", "Great Lakes"),
    ),
    art(
        "10-18 13:00",
        "great-lakes-ice-forecast",
        "Scientists forecast below-average Great Lakes ice cover this winter",
        """
        Federal researchers expect ice to cover about 30 percent of the Great Lakes at its
        seasonal peak this winter, below the long-term average of 53 percent, as a weak El
        Niño and warm lake temperatures delay freezing. Less ice can mean more lake-effect
        snow, more shoreline erosion and a longer shipping season. The forecast will be
        updated monthly.
        """,
        by="Marcus Feld",
        tags=("climate", "Great Lakes", "ice cover", "forecasting"),
    ),
    art(
        "10-23 10:00",
        "lisbon-roman-garum-tanks",
        "Lisbon metro dig uncovers Roman fish-salting tanks beneath a busy square",
        """
        Archaeologists working ahead of a new metro station in Lisbon have uncovered a row
        of stone tanks used about 1,900 years ago to make garum, a fermented fish sauce
        prized across the Roman empire. The find adds to evidence that the city was a
        major processing center. Parts of the site may be displayed inside the station.
        """,
        by="Yuki Sato",
        tags=("archaeology", "Roman history", "Lisbon"),
    ),
    art(
        "10-28 11:30",
        "tennis-elbow-review",
        "Tennis elbow rarely comes from tennis, orthopedic review finds",
        """
        Most people diagnosed with lateral epicondylitis have never played tennis,
        according to a review of patient records; repetitive gripping at work, from typing
        to carpentry, is far more common. Most cases improve within a year with rest,
        physical therapy and bracing. Steroid injections helped in the short term but not
        the long term.
        """,
        by="Helen Okoro",
        tags=("health", "orthopedics", "injuries"),
    ),
    art(
        "11-02 09:00",
        "early-flu-season",
        "Flu season arrives early in the Southern states, doctors urge shots",
        """
        Emergency departments in Texas and Georgia report a surge in influenza cases weeks
        earlier than usual, and public health officials are urging people to get
        vaccinated before holiday travel. This season’s vaccine appears well matched to
        circulating strains. Antiviral drugs work best when started within two days of
        symptoms.
        """,
        by="Helen Okoro",
        tags=("healthcare", "flu", "vaccines", "public health"),
    ),
    art(
        "11-07 14:30",
        "infant-babble-rhythm",
        "Babies pick up the rhythm of language months before first words",
        """
        Recordings of infants in English, Mandarin and Yoruba households show that babies
        as young as six months adjust their babbling to the rhythm and pitch patterns of
        the languages around them. Linguists say the findings support reading and talking
        to infants early, even before they can understand words.
        """,
        by="Yuki Sato",
        tags=("linguistics", "child development", "language"),
    ),
    art(
        "11-12 10:00",
        "rocky-exoplanet-water-vapor",
        "Space telescope detects water vapor on a temperate rocky exoplanet",
        """
        <p>Observations of a planet about forty light-years away show hints of water vapor
        in its atmosphere, the strongest such signal yet for a rocky world in its
        star&#8217;s temperate zone. The team cautions that starspots can mimic the
        signal.</p><p>More observations are scheduled for next year; the
        <a href="https://fieldsciencereview.example/2026/11/exoplanet-data">data</a> are
        public.</p>
        """,
        by="Laila Haddad",
        tags=("astronomy", "exoplanets", "space"),
    ),
    art(
        "11-17 08:00",
        "coffee-heart-rhythm",
        "Moderate coffee drinking linked to steadier heart rhythms in large study",
        """
        Among about 400,000 adults followed for a decade, those who drank two or three cups
        of coffee a day had a slightly lower risk of atrial fibrillation than
        non-drinkers. The study was observational, so it cannot prove cause and effect.
        Cardiologists say the results should reassure coffee lovers without encouraging
        anyone to start.
        """,
        by="Helen Okoro",
        tags=("coffee", "cardiology", "health"),
    ),
    art(
        "11-21 12:00",
        "eclipse-2027-bookings",
        "Eclipse chasers book Spanish and Moroccan hotels for next August",
        """
        The total solar eclipse of August 2, 2027 will cross southern Spain, North Africa
        and Egypt, with totality lasting more than six minutes near Luxor, among the
        longest of the century. Tour operators say hotels near the centerline are filling
        up. Astronomers recommend a backup plan for clouds and certified solar viewers.
        """,
        by="Laila Haddad",
        tags=("astronomy", "eclipses", "travel"),
    ),
)

WANDERLINES = (
    art(
        "08-01 09:00",
        "tokyo-kissaten",
        "Tokyo’s old-school kissaten serve coffee at the pace of another era",
        """
        <p>In the backstreets of 東京 (Tokyo), wood-panelled <em>kissaten</em> still brew
        coffee by siphon or hand drip and serve thick toast on floral china. Many open at
        7&nbsp;a.m. and keep a corner for smokers.</p><p>We visited six in Kanda, Ginza and
        Koenji; expect to pay ¥600&ndash;¥900 a cup.</p>
        """,
        by="Chloe Park",
        tags=("coffee", "cafés", "Tokyo", "Japan"),
    ),
    art(
        "08-05 18:00",
        "zurich-limmat-swim",
        "How Zürich’s residents commute by swimming down the Limmat",
        """
        On hot summer evenings, office workers in Zürich fold their clothes into
        waterproof fish-shaped bags and float down the Limmat toward home. Public river
        baths, some built in the 19th century, offer changing rooms and bars. Visitors
        should watch for the exit ladders; the current is stronger than it looks.
        """,
        by="Annika Vogt",
        tags=("Zürich", "Switzerland", "swimming", "summer"),
    ),
    art(
        "08-10 11:00",
        "lisbon-trams-without-queues",
        "Riding Lisbon’s vintage trams without the queues",
        """
        The famous yellow trams climbing Lisbon’s hills have become so popular that lines
        at the terminus can stretch for an hour. Board a few stops along the route
        instead, ride in the early morning, or take the less-crowded line through Graça. A
        24-hour transit pass also covers funiculars and the ferry across the Tagus.
        """,
        by="Leo Santos",
        tags=("Lisbon", "Portugal", "trams", "travel tips"),
    ),
    art(
        "08-14 14:00",
        "bronx-freight-viaduct-park",
        "New York’s newest elevated park opens on a disused freight spur",
        """
        A half-mile rail viaduct in the Bronx has been turned into a planted walkway with
        meadow grasses, benches and views over the Harlem River. Designers kept the rails
        and signals in place. Neighbors hope it will bring visitors to local restaurants
        without the crowds and price spikes that followed Manhattan’s better-known elevated
        park.
        """,
        by="Chloe Park",
        tags=("New York", "parks", "urban design"),
    ),
    art(
        "08-19 10:30",
        "city-of-london-pubs",
        "A walk through the City of London’s oldest pubs",
        """
        Hidden down alleys between glass towers, the Square Mile’s historic pubs survived
        fire, bombing and redevelopment. Our route visits seven, from a timbered tavern
        rebuilt after the Great Fire to a Victorian gin palace with etched mirrors. Many
        close on weekends, when the financial district empties, so plan a weekday evening.
        """,
        by="Matteo Rossi",
        tags=("London", "pubs", "history", "walking tours"),
    ),
    art(
        "08-24 08:00",
        "seattle-ferries",
        "Seattle’s ferries are the best cheap cruise in America",
        """
        For less than the price of a museum ticket, the green-and-white ferries from
        downtown Seattle cross Puget Sound to Bainbridge Island and Bremerton with views of
        the Olympics and, on clear days, Mount Rainier. Walk-on passengers pay only
        westbound. Bring a jacket: the outside decks are windy even in August.
        """,
        by="Chloe Park",
        tags=("Seattle", "ferries", "Puget Sound"),
    ),
    art(
        "08-29 13:00",
        "boston-north-end-bakeries",
        "Eating through Boston’s North End, one cannoli at a time",
        """
        Boston’s oldest neighborhood packs Italian bakeries, pasta counters and seafood bars
        into a few narrow streets near the harbor. Our guide covers where locals buy bread,
        which cannoli are filled to order and how to dodge the weekend crowds by visiting
        on a Tuesday. Walk the Freedom Trail afterwards to work it off.
        """,
        by="Matteo Rossi",
        tags=("Boston", "food", "neighborhoods"),
    ),
    art(
        "09-03 16:00",
        "sao-paulo-food-markets",
        "São Paulo’s food markets reward hungry, patient travellers",
        """
        Brazil’s largest city has one of the world’s great food scenes, shaped by Japanese,
        Lebanese, Italian and northeastern Brazilian cooks. Start at the municipal market
        for a mortadella sandwich and tropical fruit, then take the metro to Liberdade for
        gyoza and to Bixiga for a late-night cantina. Locals eat dinner late.
        """,
        by="Leo Santos",
        tags=("São Paulo", "Brazil", "food", "markets"),
    ),
    art(
        "09-08 07:30",
        "night-train-booking",
        "Europe’s night trains are back, but booking them is a puzzle",
        """
        New sleeper routes link Brussels with Prague, Zürich with Rome and Stockholm with
        Hamburg, and travelers love waking up in a new city. But each operator sells
        tickets differently, cancellations are common during track work, and couchettes
        sell out weeks ahead. Our booking guide covers the tricks frequent riders use.
        """,
        by="Annika Vogt",
        tags=("trains", "Europe", "sustainable travel"),
    ),
    art(
        "09-13 10:00",
        "chicago-48-hours",
        "Forty-eight hours in Chicago: river cruises, deep dish and the L",
        """
        Start with an architecture boat tour on the Chicago River, then ride the Brown Line
        around the Loop for the best cheap view of the skyline. Spend day two in Pilsen and
        Hyde Park. Yes, try deep-dish pizza once, but locals will tell you tavern-style
        thin crust is what they actually eat.
        """,
        by="Matteo Rossi",
        tags=("Chicago", "city guides", "architecture", "food"),
        more="""
        <p>Where to stay: River North is central but pricey; Logan Square and Hyde Park are
        quieter and well served by the L. In summer, take a water taxi to Chinatown, or
        book an evening sail from Navy Pier &mdash; the skyline at dusk is the best show in
        town.</p>
        """,
    ),
    art(
        "09-18 09:00",
        "kyoto-gion-lanes",
        "Kyoto limits tourist access to a famous geisha district’s lanes",
        """
        Kyoto has closed some private alleys in the Gion district to sightseers after years
        of complaints from residents about photographers blocking doorways. Fines apply
        for trespassing. Officials are encouraging visitors to explore quieter
        neighborhoods and to visit temples early in the morning, especially during the
        autumn foliage season.
        """,
        by="Chloe Park",
        tags=("Kyoto", "Japan", "overtourism"),
    ),
    art(
        "09-23 19:00",
        "lisbon-wine-bars",
        "Lisbon’s new wine bars pour Portugal beyond port and vinho verde",
        """
        A wave of small wine bars in Lisbon’s Príncipe Real and Cais do Sodré
        neighborhoods is championing native grapes such as Baga, Encruzado and Ramisco.
        Many pour by the glass from producers with only a few hectares. Bar owners are
        happy to guide: tell them what you like and let them open something unfamiliar.
        """,
        by="Leo Santos",
        tags=("wine", "bars", "Lisbon", "Portugal"),
    ),
    art(
        "09-28 11:00",
        "reykjavik-northern-lights",
        "Chasing the northern lights from Reykjavik without a tour bus",
        """
        Solar activity is near its cycle peak, and aurora displays have been strong over
        Iceland this autumn. Rent a car, check the cloud-cover and aurora forecasts, and
        drive half an hour out of town to a dark lay-by. Dress for wind. Phone cameras in
        night mode now capture colors the eye barely sees.
        """,
        by="Annika Vogt",
        tags=("Iceland", "aurora", "astronomy"),
    ),
    art(
        "10-03 09:30",
        "zurich-on-a-budget",
        "Zürich on a budget is possible, with a little planning",
        """
        Switzerland’s largest city has a reputation for eye-watering prices, but free lake
        swimming, cheap day passes and drinkable water at every public fountain help. Lunch
        specials at workers’ canteens and supermarket picnics on the lakeshore cut food
        costs. Some museums are free on certain days, and a day pass covers the boats on
        the lake.
        """,
        by="Annika Vogt",
        tags=("Zürich", "Switzerland", "budget travel"),
    ),
    art(
        "10-08 12:00",
        "mexico-city-day-of-the-dead",
        "Planning a trip to Mexico City for Day of the Dead celebrations",
        """
        Marigold altars, a giant parade along Reforma and candlelit cemeteries in the
        southern borough of Mixquic draw huge crowds at the start of November. Book hotels
        early, respect family gatherings at graves and ask before photographing altars.
        The most moving moments often happen in neighborhood markets rather than at the big
        events.
        """,
        by="Leo Santos",
        tags=("Mexico City", "festivals", "culture"),
    ),
    art(
        "10-13 21:00",
        "tokyo-jazz-kissa",
        "Inside Tokyo’s jazz kissa, where the records do the talking",
        """
        Tokyo’s jazz cafés, or jazz kissa, play vinyl on hand-built sound systems for
        customers who sit quietly with a coffee or a whisky. Some have thousands of records
        and strict no-talking rules. Our favorites in Shibuya and Kichijoji welcome
        visitors who respect the mood; requests are sometimes taken on slips of paper.
        """,
        by="Chloe Park",
        tags=("jazz", "music", "Tokyo", "cafés"),
    ),
    art(
        "10-18 08:30",
        "copenhagen-by-bike",
        "Seeing Copenhagen by bike, like nearly half its commuters do",
        """
        Copenhagen’s wide, separated bike lanes make cycling the easiest way for visitors
        to cover the city, from the harbor baths to the street food halls on Refshaleøen.
        Rental bikes are cheap. Learn the hand signals, keep right and never stop
        suddenly; locals ride fast and expect everyone to follow the rules.
        """,
        by="Annika Vogt",
        tags=("cycling", "Copenhagen", "Denmark"),
    ),
    art(
        "10-23 10:00",
        "croatia-flotilla-sailing",
        "Learning to sail on a Croatian flotilla holiday, one anchorage at a time",
        """
        Our writer joined a week-long flotilla among the islands south of Split, where a
        lead boat with a skipper and an engineer shepherds a dozen charter yachts. Mornings
        are for sailing lessons and afternoons for swimming in clear coves. By the end she
        could pick up a mooring ball without shouting, mostly.
        """,
        by="Matteo Rossi",
        tags=("sailing", "Croatia", "sailing holidays"),
    ),
    art(
        "10-28 07:45",
        "nyc-marathon-trip-planning",
        "Flying in for the New York City Marathon? How to plan race weekend",
        """
        Hotels near the finish line in Central Park fill up a year in advance, so consider
        staying in Brooklyn or Long Island City with an easy subway ride. Runners take
        ferries or buses to the Staten Island start before dawn. Book a celebratory dinner
        now; Sunday night restaurants fill fast.
        """,
        by="Chloe Park",
        tags=("running", "marathons", "New York"),
    ),
    art(
        "11-03 09:00",
        "west-end-ticket-deals",
        "How to see West End theatre in London without paying full price",
        """
        Day seats sold at the box office in the morning, digital lotteries and the official
        discount booth in Leicester Square can cut ticket prices by half or more. Midweek
        matinees are easiest. Some of the best shows are off the West End entirely, at
        small theatres above pubs and in converted railway arches.
        """,
        by="Matteo Rossi",
        tags=("theatre", "London", "travel tips"),
    ),
    art(
        "11-10 10:00",
        "vienna-christmas-markets",
        "Vienna’s Christmas markets, from the grand squares to the courtyards",
        """
        Vienna opens more than a dozen Christmas markets in mid-November. The large market
        outside City Hall is spectacular but crowded; the smaller courtyard market in
        Spittelberg and the artisan stalls at the Belvedere feel more local. Deposit mugs
        make good souvenirs, and many punch stands give part of their takings to charity.
        """,
        by="Annika Vogt",
        tags=("Vienna", "Austria", "Christmas markets"),
    ),
    art(
        "11-16 08:00",
        "travel-insurance-fine-print",
        "Does your travel insurance cover a canceled flight? Read the fine print",
        """
        Many travelers assume their policy will reimburse them for a missed connection or
        a strike, but coverage varies widely and often depends on the cause of the delay.
        Credit cards sometimes offer better protection than standalone policies. Keep
        receipts, get written confirmation of cancellations and file claims quickly.
        """,
        by="Leo Santos",
        tags=("travel tips", "insurance"),
    ),
    art(
        "11-22 11:00",
        "seattle-capitol-hill-coffee",
        "A rainy-day coffee crawl through Seattle’s Capitol Hill",
        """
        Seattle gave the world the modern coffee chain, but its independent roasters are
        where the city’s coffee culture lives now. Our crawl visits five cafés within a
        twenty-minute walk on Capitol Hill, including a Scandinavian-style light roaster
        and a decades-old espresso bar. Every stop has a covered seat for watching the
        drizzle.
        """,
        by="Chloe Park",
        tags=("coffee", "cafés", "Seattle"),
    ),
)

MORNING_WIRE = (
    art(
        "08-01 14:00",
        "expansion-club-home-opener",
        "Expansion soccer club draws 40,000 to its first home match",
        """
        A sellout crowd filled the new riverside stadium in Sacramento on Saturday as the
        league's newest club played its first home game, a 1-1 draw settled by a late
        penalty. Fans had lined up for hours. The club's owners said season tickets are
        sold out and the waiting list tops 10,000.
        """,
        by="Ben Adler",
        tags=("soccer", "sports"),
    ),
    art(
        "08-04 09:30",
        "southern-europe-heat-wave",
        "Southern Europe swelters through another record-breaking heat wave",
        """
        Temperatures above 44C were recorded in parts of Spain, Italy and Greece on Monday,
        and officials closed outdoor tourist sites during the afternoon. Wildfires forced
        evacuations on two Greek islands. Climate scientists say heat waves in the
        Mediterranean have become both hotter and longer over the past two decades.
        """,
        by="Carmen Ruiz",
        tags=("climate", "heat wave", "Europe"),
    ),
    art(
        "08-12 20:00",
        "inflation-cools-july",
        "Inflation cools for a third month, raising hopes of a rate cut",
        """
        Consumer prices rose at an annual rate of 2.6 percent in July, down from 2.8
        percent in June, as gasoline and used-car prices fell, the Labor Department said
        Wednesday. Economists now expect the Federal Reserve to cut interest rates at its
        September meeting. Shelter costs remain the largest driver of inflation.
        """,
        by="Grace Liu",
        tags=("economy", "inflation", "interest rates"),
    ),
    art(
        "08-16 03:15",
        "jazz-trade-veteran-guard",
        "Jazz trade for veteran guard as rebuild enters its third season",
        """
        Utah acquired a veteran point guard and a future second-round pick in a three-team
        deal on Saturday, adding experience to one of the NBA's youngest rosters. The Jazz
        sent two young forwards to Atlanta. Team executives said the move is meant to help
        develop their rookies, not to chase the playoffs.
        """,
        by="Ben Adler",
        tags=("basketball", "NBA", "trades"),
    ),
    art(
        "08-20 11:00",
        "british-columbia-wildfires",
        "Wildfires in western Canada force thousands from their homes",
        """
        More than 12,000 residents of towns in northern British Columbia were ordered to
        evacuate as fast-moving fires jumped a highway on Wednesday. Firefighters from
        Australia and Mexico have arrived to help. Smoke from the fires has reduced air
        quality as far away as Minnesota and Wisconsin.
        """,
        by="Carmen Ruiz",
        tags=("wildfires", "Canada", "climate"),
    ),
    art(
        "08-25 16:30",
        "white-sox-ballpark-backer",
        "White Sox ballpark proposal for the South Loop gains a key backer",
        """
        A powerful state senator endorsed public financing for a new White Sox stadium on a
        riverfront site in Chicago's South Loop, improving the odds for a plan that stalled
        last year. The team would leave its longtime ballpark on 35th Street. Critics say
        the state should not subsidize a private team while pension bills loom.
        """,
        by="Grace Liu",
        tags=("baseball", "White Sox", "Chicago", "stadiums"),
    ),
    art(
        "08-27 10:00",
        "coffee-prices-slide",
        "Coffee prices slide as Brazil's harvest beats expectations",
        """
        Arabica futures fell to a five-month low this week after Brazilian growers reported
        a larger harvest than forecast, offering relief to roasters squeezed by two years
        of high bean prices. Retail prices typically lag by several months. Traders warned
        that dry weather in the coming season could reverse the drop.
        """,
        by="Grace Liu",
        tags=("coffee", "commodities", "Brazil"),
    ),
    art(
        "09-01 08:00",
        "us-open-young-qualifiers",
        "Young qualifiers headline the opening days of the U.S. Open",
        """
        Three teenagers who came through qualifying reached the second round in New York,
        including a 17-year-old from Ukraine who beat a seeded player in straight sets on
        Monday. Rain delayed matches on the outer courts. The tournament's new night
        schedule starts featured matches earlier to avoid finishes after 1 a.m.
        """,
        by="Ben Adler",
        tags=("tennis", "U.S. Open", "New York"),
    ),
    art(
        "09-03 12:00",
        "europe-ev-sales-record",
        "Electric vehicle sales hit a record share of new cars in Europe",
        """
        Battery-electric cars made up more than a quarter of new registrations across the
        European Union in August, a record, as cheaper models from European and Chinese
        brands reached showrooms. Sales in Germany rebounded after new incentives. Analysts
        say the share could dip in winter but the long-term trend is clear.
        """,
        by="Carmen Ruiz",
        tags=("electric vehicles", "cars", "Europe"),
    ),
    art(
        "09-12 17:40",
        "chess-olympiad-opens",
        "Teenagers lead the way as the chess olympiad opens in Uzbekistan",
        """
        More than 180 national teams gathered in Samarkand for the biennial chess
        olympiad, where several squads are fielding players who are still in high school.
        The host nation's young team, which won the open section in 2022, drew the largest
        crowds. Games are broadcast live with engine evaluations.
        """,
        by="Ben Adler",
        tags=("chess", "Uzbekistan"),
    ),
    art(
        "09-14 04:10",
        "bears-season-opener",
        "Bears' rookie quarterback steadies the offense in season-opening win",
        """
        Chicago's first-round pick threw two touchdown passes and avoided turnovers on
        Sunday as the Bears beat Detroit 24-20 at Soldier Field. The defense forced three
        fumbles. Coaches had limited the rookie's playbook in training camp, and he said
        afterward that the game felt slower than he expected.
        """,
        by="Ben Adler",
        tags=("football", "Bears", "Chicago", "NFL"),
    ),
    art(
        "09-18 15:20",
        "milwaukee-mayor-race",
        "Former transit chief says she is running for mayor of Milwaukee",
        """
        A former head of Milwaukee's bus system announced Friday that she is running for
        mayor in the spring election, promising faster buses, more affordable housing and a
        review of police overtime. She joins two city council members in the race. The
        incumbent has not said whether he will seek another term.
        """,
        by="Grace Liu",
        tags=("politics", "elections", "Milwaukee"),
    ),
    art(
        "09-22 19:30",
        "crew-launch-space-station",
        "Crew launches to the space station on a new commercial capsule",
        """
        Four astronauts from the United States, Japan and Canada lifted off from Florida on
        Tuesday aboard a commercial capsule making its second crewed flight. They will
        spend six months on the International Space Station running experiments on plant
        growth and bone loss. Docking is scheduled for early Thursday.
        """,
        by="Carmen Ruiz",
        tags=("space", "astronauts", "ISS"),
    ),
    art(
        "09-27 10:45",
        "airport-check-in-cyberattack",
        "Cyberattack on check-in software snarls European airports",
        """
        Passengers at several European airports faced long lines on Saturday after a
        cyberattack disabled a widely used check-in and baggage system, forcing staff to
        process travelers by hand. Dozens of flights were canceled. The software vendor
        said it was restoring service and had no evidence that passenger data was stolen.
        """,
        by="Carmen Ruiz",
        tags=("cybersecurity", "aviation", "Europe"),
    ),
    art(
        "10-01 13:00",
        "womens-league-expansion",
        "Women's pro basketball league adds two expansion teams",
        """
        The league announced new franchises in Nashville and Denver, to begin play in
        2030, after receiving bids from more than a dozen cities. Attendance and television
        ratings have roughly doubled in three years. Players' union leaders said expansion
        must come with higher salaries and better travel.
        """,
        by="Ben Adler",
        tags=("basketball", "women's sports"),
    ),
    art(
        "10-07 02:30",
        "cubs-wild-card-exit",
        "Cubs eliminated in wild-card series after extra-inning loss at Wrigley",
        """
        The Cubs' season ended on Tuesday night when San Diego scored twice in the
        eleventh inning to win the deciding game of their wild-card series 5-3. Chicago had
        tied the game in the ninth on a two-out double. The loss capped a season in which
        the team won 89 games and reached the playoffs for a second straight year.
        """,
        by="Ben Adler",
        tags=("baseball", "Cubs", "Chicago", "MLB"),
    ),
    art(
        "10-10 23:40",
        "sleeping-bear-sailors-rescued",
        "Two sailors rescued after dismasting off Michigan's Sleeping Bear Dunes",
        """
        Two sailors were rescued from Lake Michigan on Saturday after their 34-foot
        sailboat lost its mast in gusty winds about six miles off Sleeping Bear Dunes, the
        U.S. Coast Guard said. A helicopter crew from Traverse City hoisted both men, who
        were wearing life jackets and had activated an emergency beacon. Neither was
        seriously hurt, and the boat was later towed to Leland.
        """,
        by="Morning Wire staff",
        tags=("sailing", "Coast Guard", "Lake Michigan"),
    ),
    art(
        "10-12 01:10",
        "chicago-marathon-course-record",
        "Course record falls as thousands finish the Chicago Marathon",
        """
        An Ethiopian runner broke the women's course record in Chicago on Sunday, pulling
        away from a pack of four in the final three miles, while the men's race was
        decided in a sprint down Columbus Drive. Cool, calm weather produced fast times
        throughout the field. Organizers said more than 50,000 runners finished.
        """,
        by="Ben Adler",
        tags=("running", "marathon", "Chicago"),
        more="""
        <p>The winner's time was more than a minute inside the old mark. Wheelchair
        races were held in a steady tailwind on the lakefront stretch, and both winners
        said they would return next year.</p>
        """,
    ),
    art(
        "10-14 22:10",
        "red-line-extension-milestone",
        "Red Line extension reaches construction milestone on the Far South Side",
        """
        Crews building the Red Line extension in Chicago set the final beam of the first
        elevated section on Wednesday, a milestone for the long-delayed project that will
        carry trains 5.6 miles south to 130th Street. Transit officials said the extension
        remains on budget and could open to riders in 2030. Residents of Roseland and West
        Pullman have waited decades for the service.
        """,
        by="Morning Wire staff",
        tags=("transit", "Chicago", "infrastructure"),
    ),
    art(
        "10-19 06:00",
        "marathon-budget-session",
        "Lawmakers end marathon budget session with a stopgap spending deal",
        """
        After a 20-hour session that stretched past dawn on Monday, lawmakers approved a
        short-term spending measure that keeps federal agencies open until mid-December.
        The deal leaves disputes over farm aid and disaster relief unresolved. Leaders of
        both parties said they expected another tense round of talks before the holidays.
        """,
        by="Grace Liu",
        tags=("politics", "Congress", "budget"),
    ),
    art(
        "10-19 14:00",
        "great-lakes-ice-forecast",
        "Scientists predict below-average Great Lakes ice cover this winter",
        """
        Government scientists expect ice to cover about 30 percent of the Great Lakes at
        its seasonal peak this winter, below the long-term average of 53 percent, as a weak
        El Nino and warm lake temperatures slow freezing. Less ice can mean more
        lake-effect snow, more shoreline erosion and a longer shipping season. The forecast
        will be updated monthly.
        """,
        by="Morning Wire staff",
        tags=("climate", "Great Lakes", "weather"),
    ),
    art(
        "10-29 12:00",
        "halloween-candy-prices",
        "Halloween candy prices climb as cocoa costs stay high",
        """
        Chocolate candy costs about 15 percent more than last Halloween, according to
        retail price trackers, as cocoa prices remain elevated after poor harvests in West
        Africa. Some manufacturers have shrunk bag sizes rather than raise prices. Sales of
        gummy and hard candy, which use no cocoa, are growing faster.
        """,
        by="Grace Liu",
        tags=("economy", "food prices", "Halloween"),
    ),
    art(
        "11-03 23:50",
        "midterms-polls-close",
        "Polls close across the East as Americans vote in midterm elections",
        """
        Voters chose members of Congress, governors and thousands of local officials on
        Tuesday in midterm elections shaped by economic anxiety and debates over
        immigration and health care costs. Turnout appeared strong in several battleground
        states. Results in close races may take days as mail ballots are counted.
        """,
        by="Grace Liu",
        tags=("elections", "politics"),
        updated="11-04 09:30",
    ),
    art(
        "11-06 15:30",
        "race-to-mackinac-2027",
        "Chicago Yacht Club Sets Dates And New Division For 2027 Race To Mackinac",
        """
        Organizers of the Chicago Yacht Club Race to Mackinac announced dates for next
        July's 333-mile race and a new double-handed division for two-person crews. Every
        boat will need an AIS transponder under updated safety rules.
        """,
        by="Morning Wire staff",
        tags=("sailing", "Chicago"),
        url=MACKINAC_URL + "?utm_source=morningwire&utm_medium=rss&utm_campaign=sports",
    ),
    art(
        "11-09 02:00",
        "upstart-club-reaches-final",
        "Upstart club reaches soccer league final after penalty shootout",
        """
        A club in only its third season beat the top seed on penalties on Sunday after a
        2-2 draw, sending it to the league final in front of a roaring home crowd. Its
        19-year-old goalkeeper saved two spot kicks. The final will be played in three
        weeks.
        """,
        by="Ben Adler",
        tags=("soccer", "playoffs"),
    ),
    art(
        "11-14 16:00",
        "state-ai-rules",
        "States move ahead with AI rules as federal legislation stalls",
        """
        At least eight states have passed laws this year requiring disclosures when
        companies use artificial intelligence in hiring, lending or health care decisions.
        Technology groups want a single national standard and have lobbied Congress to
        preempt state rules. Consumer advocates say the states are filling a vacuum.
        """,
        by="Carmen Ruiz",
        tags=("AI", "regulation", "technology policy"),
    ),
    art(
        "11-19 10:30",
        "thanksgiving-travel-record",
        "Record Thanksgiving travel expected despite higher airfares",
        """
        About 82 million Americans are expected to travel at least 50 miles over the
        Thanksgiving holiday, most of them by car, according to a motor club forecast.
        Airlines expect their busiest Sunday ever after the holiday. Travel experts
        recommend leaving Tuesday morning or early on Thanksgiving Day to avoid the worst
        traffic.
        """,
        by="Carmen Ruiz",
        tags=("travel", "Thanksgiving"),
    ),
    art(
        "11-24 14:05",
        "bulls-overtime-win-boston",
        "Bulls rally from 18 points down to beat Boston in overtime",
        """
        Chicago overcame a second-half deficit and a cold shooting night to beat the
        Celtics 118-114 in overtime at the United Center on Monday, its third straight win.
        A reserve guard scored 11 of his 19 points in the fourth quarter. Boston played
        without two injured starters.
        """,
        by="Ben Adler",
        tags=("basketball", "Bulls", "Chicago", "NBA"),
    ),
)

QUIET_HOURS = (
    art(
        "08-04 09:00",
        "summer-debut-novels",
        "Five debut novels that made our summer reading list",
        """
        This summer’s most striking first novels include a family saga set in a Minnesota
        bait shop, a campus mystery told through library call slips, and a quiet book
        about two sisters running a failing ferry line in Newfoundland. Debut authors are
        getting smaller advances but more attention from independent booksellers.
        """,
        by="Julia Penhallow",
        tags=("books", "fiction", "summer reading"),
    ),
    art(
        "08-11 08:00",
        "subway-poems-return",
        "Poems return to subway car placards in a revived public art program",
        """
        A transit agency program that once placed short poems among the ads in subway cars
        has returned after a decade-long pause, with twenty-four poems chosen from more
        than 6,000 submissions. Riders have already started posting photos of their
        favorites. The selection includes work in Spanish, Haitian Creole and Bengali
        alongside English.
        """,
        by="Theo Grant",
        tags=("poetry", "public art", "transit"),
    ),
    art(
        "08-18 17:00",
        "brooklyn-park-chess-tables",
        "The regulars at a Brooklyn park’s stone chess tables",
        """
        <p>Every afternoon, a rotating cast of retirees, students and hustlers plays blitz
        at the concrete tables near the park&#8217;s north gate. Some have been coming for
        thirty years.</p><p>&ldquo;You learn more losing here than winning online,&rdquo;
        said one regular, setting up the pieces for another game with a
        <em>five-minute</em> clock.</p>
        """,
        by="Malcolm Reid",
        tags=("chess", "New York", "parks"),
    ),
    art(
        "08-25 12:00",
        "board-game-cafes-thrive",
        "Board game cafés are thriving by selling time, not just coffee",
        """
        Across North America, cafés that charge a cover for access to hundreds of board
        games report steady growth, even as other hospitality businesses struggle. Staff
        who teach rules are the secret ingredient, owners say. Popular picks this year
        include cooperative puzzle games and short, chaotic party games that suit groups
        of eight.
        """,
        by="Anya Petrova",
        tags=("board games", "cafés", "small business"),
    ),
    art(
        "09-01 07:00",
        "school-phone-bans-year-one",
        "Schools that banned phones report calmer hallways and louder lunchrooms",
        """
        A year after several states required schools to lock away students’ phones during
        the day, principals describe fewer fights, more conversation and modest gains in
        attention. Researchers say it is too early to measure effects on grades. Parents’
        biggest concern remains reaching their children in an emergency.
        """,
        by="Theo Grant",
        tags=("education", "schools", "smartphones"),
    ),
    art(
        "09-08 09:30",
        "spelling-bee-coaches",
        "Spelling bee champions return as coaches for a new generation",
        """
        Former national spelling bee finalists, now in college and graduate school, are
        coaching middle schoolers over video calls, drilling word roots, language patterns
        and the nerves of competing on a stage. Several coaches said the skills that
        helped them most were curiosity about etymology and the discipline to study daily.
        """,
        by="Julia Penhallow",
        tags=("education", "spelling", "competitions"),
    ),
    art(
        "09-15 10:00",
        "independent-bookstores-opening",
        "Independent bookstores keep opening, even as publishing consolidates",
        """
        More than 200 new independent bookstores have opened in the United States over the
        past two years, many of them small shops focused on a single genre, a language or
        a community. Owners credit loyal local customers and events. Meanwhile, mergers
        have left fewer large publishers, and authors worry about fewer bidders.
        """,
        by="Julia Penhallow",
        tags=("books", "publishing", "bookstores"),
    ),
    art(
        "09-22 20:00",
        "uptown-poetry-slam-forty",
        "Chicago’s Sunday night poetry slam celebrates forty years on stage",
        """
        The weekly slam that began in an Uptown bar in 1986 marked its fortieth
        anniversary with a packed show featuring poets who had competed in every decade.
        The format, with judges drawn from the audience, spread from Chicago to hundreds of
        cities. Organizers say the open mic still draws first-timers every week.
        """,
        by="Theo Grant",
        tags=("poetry", "performance", "Chicago"),
    ),
    art(
        "09-29 11:00",
        "korean-novel-translation-prize",
        "A novel translated from Korean wins a major translation prize",
        """
        The judges chose a novel about a seaside town’s last bathhouse, translated from
        Korean, praising its humor and the translator’s ear for dialect. The prize money is
        split equally between author and translator. Sales of translated fiction have
        grown steadily, led by readers in their twenties and thirties.
        """,
        by="Anya Petrova",
        tags=("books", "translation", "literary prizes"),
    ),
    art(
        "10-06 08:30",
        "chess-in-the-classroom",
        "Chess in the classroom: a district’s experiment with weekly lessons",
        """
        A school district in Ohio added a weekly chess period for third graders three
        years ago. Teachers report better concentration and patience, particularly among
        students who struggled to sit still, though test scores have not changed much. The
        program costs little: boards, clocks and a part-time coach shared among six
        schools.
        """,
        by="Malcolm Reid",
        tags=("chess", "education", "schools"),
    ),
    art(
        "10-13 12:00",
        "audiobooks-growth",
        "Audiobooks are now publishing’s fastest-growing format",
        """
        Audiobook revenue grew for the thirteenth consecutive year, according to an
        industry survey, with commuters and people who exercise doing most of the
        listening. Publishers are experimenting with full-cast recordings and synthetic
        narration for backlist titles, which narrators’ unions oppose. Libraries report
        long waits for popular digital audiobooks.
        """,
        by="Julia Penhallow",
        tags=("publishing", "audiobooks", "books"),
    ),
    art(
        "10-20 09:00",
        "migration-board-game-wins",
        "A student-designed board game about bird migration wins a design contest",
        """
        A team of three university students won a national tabletop design contest with a
        game in which players guide flocks along migration routes, balancing rest stops
        against weather and predators. The judges praised its clear rules and gorgeous
        illustrated cards. A small publisher has offered to produce it next year.
        """,
        by="Anya Petrova",
        tags=("board games", "game design", "birds"),
    ),
    art(
        "10-27 10:00",
        "library-card-surge",
        "Library card sign-ups surge as readers rediscover free everything",
        """
        Public libraries report rising card registrations, driven by e-books, free museum
        passes, tool lending and seed libraries. Many have dropped late fines, which
        librarians say brought back lapsed users. The biggest challenge is budget: digital
        licenses for popular books cost libraries several times the consumer price.
        """,
        by="Theo Grant",
        tags=("libraries", "books", "education"),
    ),
    art(
        "11-03 08:00",
        "new-crossword-constructors",
        "Meet the new generation of crossword constructors",
        """
        Puzzle editors say submissions from younger and more diverse constructors have
        surged, bringing fresh clues from pop culture, science and slang. Software helps
        fill grids, but the best clues still come from human wit. Several constructors
        described the thrill and terror of seeing their first puzzle in print.
        """,
        by="Malcolm Reid",
        tags=("puzzles", "crosswords", "games"),
    ),
    art(
        "11-10 14:00",
        "vermont-bookbinding-course",
        "In a Vermont workshop, bookbinding students learn to stitch by hand",
        """
        A week-long course at a Vermont craft school teaches students to fold, sew and
        case-bind books using tools that have barely changed since the 1800s. Participants
        range from conservators to retirees. By Friday, each had made three books,
        including a leather-covered journal with hand-marbled endpapers.
        """,
        by="Anya Petrova",
        tags=("bookbinding", "crafts", "books"),
    ),
    art(
        "11-14 09:00",
        "freighters-and-foghorns-poems",
        "A debut poetry collection finds music in freighters and foghorns",
        """
        Written over ten years in Duluth, Sault Ste. Marie and Chicago, these poems follow
        ore boats, lighthouse keepers and sailors through Great Lakes weather. The best
        lines have the compression of a marine forecast. The poet, a former deckhand, is
        reading from the book in harbor towns through December.
        """,
        by="Theo Grant",
        tags=("poetry", "books", "Great Lakes"),
    ),
    art(
        "11-18 08:00",
        "holiday-book-guide",
        "Our holiday guide to books for every kind of reader",
        """
        <p>From a lavish atlas of imaginary islands to a slim, funny memoir about a year
        spent running a ski lift, our editors chose thirty books to give this
        season.</p><p>Every pick is available from independent stores; see the
        <a href="https://quiethours.example/2026/11/gift-guide">full guide</a> for
        prices.</p>
        """,
        by="Julia Penhallow",
        tags=("books", "gift guide", "holidays"),
    ),
    art(
        "11-23 10:00",
        "thanksgiving-family-board-games",
        "Board games that work for the whole family at Thanksgiving",
        """
        Games that teach in five minutes and play in thirty are the sweet spot when
        grandparents and eight-year-olds share a table. Our picks include a tile-laying
        game about building a city, a cooperative mystery and a drawing game that rewards
        terrible artists. Avoid anything whose rulebook is longer than the stuffing
        recipe.
        """,
        by="Anya Petrova",
        tags=("board games", "family", "Thanksgiving"),
    ),
)

FEEDS = (
    Feed(
        file="lakefront-ledger.xml",
        name="Lakefront Ledger",
        domain="lakefrontledger.example",
        description="Chicago city news: neighborhoods, transit, politics, food and sports.",
        tz="chicago",
        tags=("chicago", "city", "news"),
        articles=LAKEFRONT_LEDGER,
        weight=1.0,
        ttl=60,
        cdata=True,
        guid_prefix="lakefront-ledger:",
    ),
    Feed(
        file="harbor-and-helm.atom",
        name="Harbor & Helm",
        domain="harborandhelm.example",
        description="Sailing news, racing, seamanship and boat building on the Great Lakes.",
        tz="new_york",
        tags=("sailing", "outdoors"),
        articles=HARBOR_AND_HELM,
        weight=1.0,
    ),
    Feed(
        file="second-city-business-journal.xml",
        name="Second City Business Journal",
        domain="secondcitybusiness.example",
        description="Business, real estate, startups and money in Chicago and the Midwest.",
        tz="chicago",
        tags=("business", "chicago", "startups"),
        articles=SECOND_CITY_BUSINESS,
        path="news/{y}/{m}/{d}/{slug}.html",
        email_authors=True,
    ),
    Feed(
        file="trailhead-weekly.json",
        name="Trailhead Weekly",
        domain="trailheadweekly.example",
        description="Hiking, cycling, running, paddling, fishing and skiing, every week.",
        tz="denver",
        tags=("outdoors", "hiking", "cycling", "running"),
        articles=TRAILHEAD_WEEKLY,
        path="stories/{y}{m}{d}-{slug}",
        guid_prefix="trailhead-weekly/",
    ),
    Feed(
        file="the-green-plot.xml",
        name="The Green Plot",
        domain="thegreenplot.example",
        description="Gardening, cooking, baking, coffee, wine and the things that grow.",
        tz="new_york",
        tags=("gardening", "food", "cooking"),
        articles=THE_GREEN_PLOT,
        path="{y}/{m}/{d}/{slug}/",
    ),
    Feed(
        file="frame-and-light.atom",
        name="Frame & Light",
        domain="frameandlight.example",
        description="Photography, architecture, museums, film, music and the stage.",
        tz="london",
        tags=("arts", "photography", "architecture"),
        articles=FRAME_AND_LIGHT,
        language="en-gb",
    ),
    Feed(
        file="circuit-notes.json",
        name="Circuit Notes",
        domain="circuitnotes.example",
        description="Technology news: AI, security, open source, startups and gadgets.",
        tz="seattle",
        tags=("technology", "ai", "startups"),
        articles=CIRCUIT_NOTES,
        path="{y}/{m}/{d}/{slug}/",
    ),
    Feed(
        file="field-science-review.atom",
        name="Field Science Review",
        domain="fieldsciencereview.example",
        description="Science, health and climate research, explained for curious readers.",
        tz="utc",
        tags=("science", "health", "climate"),
        articles=FIELD_SCIENCE_REVIEW,
    ),
    Feed(
        file="wanderlines.json",
        name="Wanderlines",
        domain="wanderlines.example",
        description="Travel stories and city guides, from Tokyo and Zürich to Lisbon.",
        tz="zurich",
        tags=("travel", "cities"),
        articles=WANDERLINES,
        path="guides/{slug}",
        guid_prefix="wanderlines-",
    ),
    Feed(
        file="morning-wire.xml",
        name="Morning Wire",
        domain="morningwire.example",
        description="General news and sports from the Morning Wire service.",
        tz="utc",
        tags=("news", "sports"),
        articles=MORNING_WIRE,
        path="{y}/{m}/{d}/{slug}",
        weight=0.8,
        guid_prefix="mw-2026-",
        language="en",
    ),
    Feed(
        file="quiet-hours.atom",
        name="Quiet Hours",
        domain="quiethours.example",
        description="Books, poetry, chess, board games, puzzles and the pleasures of learning.",
        tz="new_york",
        tags=("books", "culture", "games"),
        articles=QUIET_HOURS,
    ),
)


if __name__ == "__main__":
    main()
