from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giftfind.text import allowed_url, canonical_url, clean, shorten, to_plain

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@pytest.mark.parametrize(
    ("html", "plain"),
    [
        ("<p>Hello <b>world</b></p>", "Hello world"),
        ("Fish &amp; chips &#8217;n&nbsp;more", "Fish & chips ’n more"),
        ("<p>one</p><p>two</p>", "one two"),
        ("line<br>break", "line break"),
        ("<script>alert(1)</script>visible<style>p{}</style>", "visible"),
        ("&lt;p&gt;double &lt;b&gt;escaped&lt;/b&gt;&lt;/p&gt;", "double escaped"),
        ("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;x", "x"),
        ("  lots \n\t of   space ", "lots of space"),
        ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
        ("<img src=x onerror=alert(1)>caption", "caption"),
        ("", ""),
    ],
)
def test_to_plain(html: str, plain: str) -> None:
    assert to_plain(html) == plain


def test_to_plain_strips_terminal_escapes_and_bidi() -> None:
    hostile = "Red\x1b[31mALERT\x1b[0m \x1b]0;title\x07ok \u202eevil\u202c done\x00\x07\x9b2J"
    assert to_plain(hostile) == "RedALERT ok evil done"


def test_to_plain_caps_length_at_a_word() -> None:
    text = "word " * 100
    out = to_plain(text, 23)
    assert len(out) <= 23
    assert out.endswith("…")
    assert out == "word word word word…"


def test_shorten() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("a b c d e f g h", 6) == "a b c…"
    assert len(shorten("x" * 50, 10)) == 10


@given(st.text())
def test_to_plain_is_safe_and_idempotent(s: str) -> None:
    out = to_plain(s)
    assert not UNSAFE.search(out)
    assert "\n" not in out
    assert out == out.strip()
    assert to_plain(out) == out


@given(st.text())
def test_clean_never_leaves_control_characters(s: str) -> None:
    assert not UNSAFE.search(clean(s))


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/a", True),
        ("http://example.com", True),
        ("HTTPS://EXAMPLE.com/x", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\x00script:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("file:///etc/passwd", False),
        ("ftp://example.com/x", False),
        ("/relative/path", False),
        ("//example.com/x", False),
        ("https://", False),
        ("", False),
        (None, False),
    ],
)
def test_allowed_url(url: str | None, ok: bool) -> None:
    assert bool(allowed_url(url)) is ok


def test_canonical_url_drops_tracking_and_normalizes() -> None:
    a = canonical_url("https://www.Example.com/story/?utm_source=rss&utm_medium=feed&id=3#top")
    b = canonical_url("http://example.com/story?id=3&fbclid=abc")
    assert a == b == "https://example.com/story?id=3"
    assert canonical_url("https://example.com/a?b=2&a=1") == canonical_url(
        "https://example.com/a?a=1&b=2"
    )
    assert canonical_url("https://example.com/a") != canonical_url("https://example.com/b")


def test_strip_tracking_keeps_the_rest() -> None:
    from giftfind.text import strip_tracking

    assert (
        strip_tracking("https://Example.com/a?id=3&utm_source=rss&fbclid=x#frag")
        == "https://Example.com/a?id=3#frag"
    )
    assert strip_tracking("https://example.com/a?id=3") == "https://example.com/a?id=3"
    assert strip_tracking("https://example.com/a?utm_medium=rss") == "https://example.com/a"
