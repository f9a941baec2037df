"""Property-based fuzzing of the parsing and config layers: whatever comes in, the
answer is articles (or a config) or a GiftfindError with a one-line message, never
another exception, and never unsafe text.

test_parse.py and test_config.py feed them raw random bytes; these go further
into the formats, where random bytes seldom reach: random element trees with the
tags feeds use (and DTDs, entities, CDATA, namespaces), valid documents with
random mutations, random JSON at every depth of a JSON Feed, random charsets and
content types, and random YAML of every shape for feeds.yaml.

The default profile runs a hundred examples of each; HYPOTHESIS_PROFILE=fuzz runs
twenty thousand (outside CI).
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giftfind.config import load_config
from giftfind.errors import ConfigError, GiftfindError, ParseError
from giftfind.parse import AUTHOR_LEN, SUMMARY_LEN, TITLE_LEN, ParsedFeed, parse_feed
from giftfind.types import FeedSpec

from .conftest import SAMPLE

SPEC = FeedSpec(name="Fuzzed", url="https://fuzz.example/feed.xml")
#: What must never reach a stored article: controls, escapes, bidi and invisible marks.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
SAMPLES = {p.name: p.read_bytes() for p in sorted(SAMPLE.iterdir()) if p.suffix != ".md"}
ONE_FILE = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_parse(content: bytes, headers: dict[str, str] | None = None) -> ParsedFeed | None:
    """parse_feed's answer, checked: sane articles, or a one-line ParseError."""
    try:
        feed = parse_feed(content, SPEC, headers=headers, url=SPEC.url)
    except GiftfindError as e:
        assert isinstance(e, ParseError), repr(e)
        assert str(e).startswith("feed 'Fuzzed': ")
        assert "\n" not in str(e)
        assert not UNSAFE.search(str(e)), repr(str(e))
        return None
    ids = [a.id for a in feed.articles]
    assert len(ids) == len(set(ids))
    for a in feed.articles:
        assert a.id
        assert a.title
        assert a.feed == "Fuzzed"
        assert a.link == "" or a.link.startswith(("http://", "https://")), a.link
        assert a.published is None or a.published.utcoffset() == timedelta(0)
        assert len(a.title) <= TITLE_LEN + 1
        assert len(a.summary) <= SUMMARY_LEN + 1
        assert a.author is None or len(a.author) <= AUTHOR_LEN + 1
        for text in (a.title, a.summary, a.author or "", *a.tags):
            assert not UNSAFE.search(text), repr(text)
    return feed


# -- XML: random trees of the elements feeds are made of ---------------------------------

FEED_TAGS = (
    "rss channel item title link guid description pubDate author category enclosure "
    "comments source ttl feed entry id updated published summary content name email "
    "rdf:RDF dc:date dc:creator content:encoded media:content media:thumbnail "
    "atom:link itunes:summary x:unknown html body p a img br script"
).split()
ATTRS = ("href", "rel", "type", "url", "isPermaLink", "xml:base", "xml:lang", "src", "length")
NAMESPACES = (
    ' xmlns="http://www.w3.org/2005/Atom"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"',
    ' xmlns:media="http://search.yahoo.com/mrss/"',
    ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
    ' version="2.0"',
    "",
)
TEXT_BITS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "&amp;", "&lt;b&gt;", "&#x1F600;", "&#0;", "&#x7;", "&#xD800;", "&bogus;", "&",
            "<![CDATA[<script>alert(1)</script>]]>", "<!-- c -->", "<?pi x?>", "\x1b[31m",
            "\u202e", "javascript:alert(1)", "https://example.com/a?utm_source=x",
            "Tue, 24 Nov 2026 14:05:00 -0600", "2026-11-24T14:05:00Z", "9999-12-31T23:59:59+14:00",
            "0000-00-00", "Mon, 32 Foo 99999 25:61:61 +9999", "&lt;a href='data:x'&gt;x&lt;/a&gt;",
        ]
    ),
)  # fmt: skip


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, attrs: list[tuple[str, str]], inner: list[str]) -> str:
        attributes = "".join(f' {k}="{v}"' for k, v in attrs)
        return f"<{tag}{attributes}>{''.join(inner)}</{tag}>"

    return st.builds(
        build,
        st.sampled_from(FEED_TAGS),
        st.lists(
            st.tuples(
                st.sampled_from(ATTRS),
                st.text(alphabet=st.characters(blacklist_characters='"<&'), max_size=30),
            ),
            max_size=2,
        ),
        st.lists(st.one_of(children, TEXT_BITS), max_size=5),
    )


xml_trees = st.recursive(TEXT_BITS, _element, max_leaves=25)


@st.composite
def xml_documents(draw: st.DrawFn) -> bytes:
    root = draw(st.sampled_from(["rss", "feed", "rdf:RDF", "channel", "html"]))
    prolog = draw(
        st.sampled_from(
            [
                "",
                '<?xml version="1.0" encoding="utf-8"?>',
                '<?xml version="1.0" encoding="iso-8859-1"?>',
                '<?xml version="1.0" encoding="x-bogus"?>',
                '<?xml version="1.1"?>',
                '<!DOCTYPE rss [<!ENTITY e "expanded">]>',
                '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/never.dtd">',
                "\ufeff",
            ]
        )
    )
    body = "".join(draw(st.lists(xml_trees, max_size=6)))
    ns = draw(st.sampled_from(NAMESPACES))
    doc = f"{prolog}<{root}{ns}>{body}</{root}>"
    if draw(st.booleans()):
        doc = doc[: draw(st.integers(0, len(doc)))]  # cut short
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"]))
    return doc.encode(encoding, errors="replace")


@given(xml_documents())
def test_random_xml_trees_give_articles_or_a_parse_error(doc: bytes) -> None:
    check_parse(doc)


@given(
    xml_documents(),
    st.sampled_from(
        [
            "application/rss+xml", "application/atom+xml; charset=utf-8", "text/xml; charset=x-bogus",
            "text/html", "application/json", "application/feed+json", "text/plain; charset=shift_jis",
            "application/octet-stream", "", ";;;", "text/xml; charset=utf-16",
        ]
    ),
)  # fmt: skip
def test_random_xml_under_any_content_type(doc: bytes, content_type: str) -> None:
    check_parse(doc, {"content-type": content_type})


# -- valid documents, then mutated --------------------------------------------------------


@st.composite
def mutated_samples(draw: st.DrawFn) -> bytes:
    data = bytearray(SAMPLES[draw(st.sampled_from(sorted(SAMPLES)))])
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "duplicate"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(
                st.one_of(
                    st.binary(max_size=8),
                    st.sampled_from([b"<", b">", b"&", b"]]>", b"\x00", b"\xff\xfe", b"{", b'"']),
                )
            )
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "truncate":
            del data[at:]
        elif op == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
    return bytes(data)


@given(mutated_samples())
def test_mutated_real_documents_give_articles_or_a_parse_error(doc: bytes) -> None:
    check_parse(doc)


# -- JSON Feed: random JSON at every level ---------------------------------------------------

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.sampled_from(["https://example.com/x", "javascript:alert(1)", "2026-11-24T10:00:00Z"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)
ITEM_KEYS = (
    "id url external_url title content_html content_text summary image date_published "
    "date_modified authors author tags language attachments _extension"
).split()


@st.composite
def json_feeds(draw: st.DrawFn) -> bytes:
    item = st.dictionaries(st.sampled_from(ITEM_KEYS), json_values, max_size=8)
    items = draw(st.one_of(st.lists(st.one_of(item, json_values), max_size=5), json_values))
    doc: Any = {
        "version": draw(
            st.one_of(
                st.sampled_from(
                    ["https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1"]
                ),
                json_values,
            )
        ),
        "title": draw(json_values),
        "items": items,
    }
    if draw(st.booleans()):
        doc = draw(st.one_of(json_values, st.just(doc)))
    text = json.dumps(doc, allow_nan=True)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text.encode()


@given(json_feeds(), st.sampled_from(["application/feed+json", "application/json", ""]))
def test_random_json_feeds_give_articles_or_a_parse_error(doc: bytes, content_type: str) -> None:
    check_parse(doc, {"content-type": content_type})


# -- feeds.yaml: random YAML of every shape -----------------------------------------------

yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(
        [
            "https://a.example/feed", "sample.xml", "www.example.com/feed", "ftp://x", "6h",
            "10MB", "-1", "1e400", "0x10", "~", "null", "yes", "no", "2026-11-24", "{query}",
            "https://a.example/?q={query}", "../../etc/passwd", "/dev/zero", "\t", "\x00",
        ]
    ),
)  # fmt: skip
SETTING_KEYS = (
    "max_age retention_days concurrency per_host timeout max_bytes limit half_life_days bogus"
).split()
FEED_KEYS = ["name", "url", "tags", "weight", "interval", "extra"]


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """feeds.yaml files: mostly the right shape with wrong values, some the wrong shape,
    written as YAML (block or flow style), with YAML's odder constructs mixed in."""
    value = st.one_of(yaml_scalars, st.lists(yaml_scalars, max_size=3))
    feed = st.dictionaries(st.sampled_from(FEED_KEYS), value, max_size=6)
    doc: Any = {
        "feeds": draw(st.one_of(st.lists(feed, max_size=4), value)),
    }
    if draw(st.booleans()):
        doc["settings"] = draw(
            st.one_of(st.dictionaries(st.sampled_from(SETTING_KEYS), value, max_size=5), value)
        )
    if draw(st.booleans()):
        doc[draw(st.text(max_size=8))] = draw(value)
    if draw(st.integers(0, 9)) == 0:
        doc = draw(value)
    lines = _yaml_lines(doc, 0) if draw(st.booleans()) else [json.dumps(doc)]
    oddities = [
        "--- !!python/object/apply:os.system ['echo nope']",
        "x: &a [1, 2]",
        "y: *a",
        "<<: {a: 1}",
        "feeds: !!binary aGVsbG8=",
        "...",
        "---",
        "%YAML 1.1",
        "? [complex, key]\n: value",
        "z: !custom tag",
        "\t- tabbed",
        "# only a comment",
    ]
    # (Each at most once: an anchor defined twice makes ruamel print a warning of
    # many lines, see test_config_faults.py.)
    for oddity in draw(st.lists(st.sampled_from(oddities), max_size=2, unique=True)):
        lines.insert(draw(st.integers(0, len(lines))), oddity)
    return "\n".join(lines) + "\n"


def _yaml_lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                out.append(f"{pad}{json.dumps(k)}:")
                out.extend(_yaml_lines(v, indent + 2))
            else:
                out.append(f"{pad}{json.dumps(k)}: {json.dumps(v)}")
        return out or [f"{pad}{{}}"]
    if isinstance(value, list):
        out = []
        for v in value:
            if isinstance(v, (dict, list)) and v:
                inner = _yaml_lines(v, indent + 2)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out.extend(inner[1:])
            else:
                out.append(f"{pad}- {json.dumps(v)}")
        return out or [f"{pad}[]"]
    return [pad + json.dumps(value)]


@ONE_FILE
@given(yaml_texts())
def test_random_yaml_gives_a_config_or_one_config_error(tmp_path: Path, text: str) -> None:
    (tmp_path / "sample.xml").write_text("<rss/>")
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        config = load_config(path)
    except GiftfindError as e:
        assert isinstance(e, ConfigError), repr(e)
        assert "\n" not in str(e), str(e)
        assert str(e).startswith(f"{path}:"), str(e)
        # (A top level that is not a mapping has no line yet: see test_config_faults.py.)
    else:
        assert config.feeds
        names = [f.name.casefold() for f in config.feeds]
        assert len(names) == len(set(names))
        for f in config.feeds:
            assert f.url
            assert f.weight > 0
            assert f.path is not None or f.url.startswith(("http://", "https://"))


@ONE_FILE
@given(st.text(max_size=400))
def test_any_text_gives_a_config_or_one_config_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_config(path)
    except GiftfindError as e:
        assert isinstance(e, ConfigError), repr(e)
        assert "\n" not in str(e), str(e)


def test_a_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    # Aliases share one object, so "billion laughs" costs YAML nothing: what matters
    # is that checking the config never walks the expansion.
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]")
    lines += ["feeds:", "  - name: A", "    url: https://a.example/f", "    tags: *i"]
    path = tmp_path / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ConfigError):
        load_config(path)
    path.write_text(
        "feeds:\n  - name: A\n    url: https://a.example/f\n    tags: &t [x, y]\n"
        "  - name: B\n    url: https://b.example/f\n"
        f"    tags: [{', '.join(['*t'] * 200)}]\n"
    )
    with pytest.raises(ConfigError, match="tags"):
        load_config(path)
