"""Make untrusted feed text safe: HTML to plain text, terminal-safe strings, allowed URLs.

Everything a feed says is written by a stranger. Text goes through
:func:`to_plain` once, when an article is parsed, so that the store, the index and
every output format only ever see plain, single-line text without control
characters, escape sequences or bidi overrides. Contains no business logic.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Terminal escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), the
# 8-bit CSI (U+009B), and the remaining two-character escapes. They are removed
# whole, so that their parameters do not survive as stray text.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b[ -~]?"
)
# Characters that can change how a terminal or a page shows the text around them:
# C0 and C1 controls, DEL, bidi embeddings, overrides and isolates (the "Trojan
# Source" characters, CVE-2021-42574), zero-width space, BOM, lone surrogates (which
# cannot even be encoded), and the non-characters U+FFFE/U+FFFF.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
    "\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff"
    "\ud800-\udfff]"
)
_SPACE = re.compile(r"[\s\u2028\u2029\x85]+")
_TAGLIKE = re.compile(r"<[A-Za-z!/?]|&(?:#\d|#[xX][0-9A-Fa-f]|[A-Za-z]+;)")

# Elements whose content is never text for a reader.
_SKIP = frozenset({"script", "style", "head", "noscript", "template", "iframe", "object", "svg"})
# Elements that separate words when rendered.
_BREAK = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th",
        "tr", "ul", "img",
    }
)  # fmt: skip


@functools.cache
def _stripper_class() -> type:
    """The HTML-to-text parser class, defined on first use (html.parser is not needed
    to answer a search, only to parse feeds)."""
    from html.parser import HTMLParser

    class _Stripper(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self._skip = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _SKIP:
                self._skip += 1
            elif tag in _BREAK:
                self.parts.append(" ")

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _BREAK:
                self.parts.append(" ")

        def handle_endtag(self, tag: str) -> None:
            if tag in _SKIP:
                self._skip = max(0, self._skip - 1)
            elif tag in _BREAK:
                self.parts.append(" ")

        def handle_data(self, data: str) -> None:
            if not self._skip:
                self.parts.append(data)

    return _Stripper


def _strip_once(text: str) -> str:
    parser = _stripper_class()()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - old HTMLParser edge cases
        return re.sub(r"<[^>]*>", " ", text)
    return "".join(parser.parts)


def clean(text: str) -> str:
    """Remove escape sequences and invisible/control characters; collapse whitespace."""
    text = _ESCAPES.sub("", text)
    text = _SPACE.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text).strip()


def to_plain(html: str | None, max_len: int | None = None) -> str:
    """Turn feed HTML (or text) into one line of plain text, safe for any output.

    Tags are dropped (with the content of script, style and the like), entities
    decoded, whitespace collapsed. Text that was HTML-escaped twice (a common feed
    bug: ``&lt;p&gt;``) is stripped again, so no markup survives. The result is
    cut at a word boundary to ``max_len`` characters with an ellipsis.
    """
    if not html:
        return ""
    text = clean(html)
    # Feeds escape HTML once, sometimes twice; a hostile one, any number of times.
    for _ in range(_ROUNDS):
        if not _TAGLIKE.search(text):
            break
        text = clean(_strip_once(text))
    if _MARKUP.search(text):
        # What is left looks like a tag: a tag cut off at the end of a truncated
        # description ("Read more <img src=x onerror=..."), or markup escaped more
        # often than the rounds above undo. It is never shown as markup.
        text = _CUT_TAG.sub("", text)
        text = clean(_MARKUP.sub("‹", text))
    if max_len is not None and len(text) > max_len:
        text = shorten(text, max_len)
    return text


_ROUNDS = 6
_MARKUP = re.compile(r"<(?=[A-Za-z!/?])")
_CUT_TAG = re.compile(r"<[A-Za-z!/?][^<>]*$")


def shorten(text: str, width: int) -> str:
    """Cut ``text`` to at most ``width`` characters at a word boundary, adding "…"."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = text[: width - 1]
    if text[width - 1] != " ":  # the cut falls inside a word: back up to its start
        space = cut.rfind(" ")
        if space >= width // 2:
            cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


_ALLOWED_SCHEMES = ("http", "https")


def allowed_url(url: str | None) -> str:
    """Return ``url`` cleaned if it is an absolute http(s) URL, else "".

    ``javascript:``, ``data:``, ``file:`` and every other scheme are dropped: a
    link from a feed must be safe to click in any output.
    """
    if not url:
        return ""
    url = _INVISIBLE.sub("", _ESCAPES.sub("", url)).strip()
    if any(c.isspace() for c in url):
        url = url.replace(" ", "%20")
        if any(c.isspace() for c in url):
            return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in _ALLOWED_SCHEMES or not parts.hostname:
        return ""
    # Characters that could close an HTML attribute or start markup where a
    # link is pasted are percent-encoded (RFC 3986 does not allow them raw).
    if any(c in url for c in _URL_UNSAFE):
        url = "".join(_URL_UNSAFE.get(c, c) for c in url)
    return url


_URL_UNSAFE = {c: f"%{ord(c):02X}" for c in "<>\"'`{}|\\^ "}


# Query parameters that only track where a click came from; two links that differ
# only in these point at the same article.
_TRACKING = frozenset(
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_hsenc",
        "_hsmi", "ref", "ref_src", "cmpid", "ocid", "smid", "rss", "s_cid", "cmp",
        "ito", "at_medium", "at_campaign", "yclid", "wt.mc_id", "sr_share",
    }
)  # fmt: skip


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key.startswith("utm_") or key in _TRACKING


def strip_tracking(url: str) -> str:
    """``url`` without tracking parameters (``utm_*``, ``fbclid``...), otherwise as it was."""
    if "?" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_tracking(k)]
    if len(kept) == len(pairs):
        return url
    return urlunsplit(parts._replace(query=urlencode(kept)))


def canonical_url(url: str) -> str:
    """A normal form of an http(s) URL, for telling whether two links are one article.

    Lower-cases scheme and host, drops the default port, the fragment and tracking
    parameters (``utm_*``, ``fbclid``...), sorts the remaining parameters, and
    treats ``http`` and ``https`` alike.
    """
    if "?" not in url and "#" not in url and "%" not in url and "@" not in url:
        # Fast path for the common plain link (indexing meets 100k of them).
        scheme, sep, rest = url.strip().partition("://")
        if sep and scheme.lower() in ("http", "https"):
            host, slash, path = rest.partition("/")
            host = host.lower()
            if ":" not in host:
                if host.startswith("www."):
                    host = host[4:]
                path = "/" + path if slash else "/"
                if len(path) > 1 and path.endswith("/"):
                    path = path[:-1]
                return f"https://{host}{path}"
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url
    if host.startswith("www."):
        host = host[4:]
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    return urlunsplit(("https", host, path, urlencode(query), ""))
