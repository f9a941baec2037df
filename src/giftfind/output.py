"""Render a SearchResponse: table, JSON, JSON Lines, Markdown or letter. Owns the JSON schema.

Every text field is passed through :func:`giftfind.text.clean` again here, so
that even a Result built by a library caller from raw text cannot put an escape
sequence on a terminal; Markdown additionally escapes its own syntax and HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .text import allowed_url, clean, shorten
from .types import FeedHealth, FeedSpec, FeedState, Result, SearchResponse

if TYPE_CHECKING:
    from .letter import Template

#: Version of the JSON / JSON Lines shape; bumped on any incompatible change.
SCHEMA_VERSION = 1
FORMATS = ("table", "json", "jsonl", "markdown", "letter")


def _date(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d") if when is not None else "undated"


def _iso(when: datetime | None) -> str | None:
    return when.isoformat().replace("+00:00", "Z") if when is not None else None


def result_dict(r: Result, rank: int) -> dict[str, Any]:
    """One result in the documented JSON shape."""
    return {
        "rank": rank,
        "title": clean(r.title),
        "url": allowed_url(r.url) or None,
        "source": clean(r.source),
        "published": _iso(r.published),
        "summary": clean(r.summary),
        "author": clean(r.author) if r.author else None,
        "score": round(r.score, 4),
        "matched_interests": [clean(i) for i in r.matched_interests],
        "matched_terms": [clean(t) for t in r.matched_terms],
        "also_in": [clean(s) for s in r.also_in],
        "id": clean(r.id),
    } | ({"explain": _explain_dict(r)} if r.explain is not None else {})


def _explain_dict(r: Result) -> dict[str, Any]:
    assert r.explain is not None
    e = r.explain
    return {
        "interests": {clean(name): round(v, 4) for name, v in e.interests},
        "weight": e.weight,
        "relevance": round(e.relevance, 4),
        "recency": round(e.recency, 4),
    }


def explain_line(r: Result) -> str:
    """``score 0.41 = (sailing 0.31 + Chicago 0.21) x weight 1 x recency 0.79``."""
    if r.explain is None:
        return ""
    e = r.explain
    parts = " + ".join(f"{clean(name)} {v:.3f}" for name, v in e.interests)
    return f"score {r.score:.3f} = ({parts}) × weight {e.weight:g} × recency {e.recency:.3f}"


def _warnings(resp: SearchResponse) -> list[dict[str, str]]:
    return [
        {"feed": clean(o.feed), "error": clean(o.error or "")}
        for o in resp.outcomes
        if o.status == "failed"
    ]


def response_dict(resp: SearchResponse) -> dict[str, Any]:
    """The whole response in the documented JSON shape."""
    return {
        "schema_version": SCHEMA_VERSION,
        "query": clean(resp.query),
        "interests": [clean(i) for i in resp.interests],
        "cached": resp.cached,
        "results": [result_dict(r, n) for n, r in enumerate(resp.results, 1)],
        "warnings": _warnings(resp),
    }


def render_json(resp: SearchResponse) -> str:
    """One JSON document."""
    return json.dumps(response_dict(resp), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(resp: SearchResponse) -> str:
    """One JSON object per line and per result, each carrying the query."""
    lines = []
    for n, r in enumerate(resp.results, 1):
        obj = {
            "schema_version": SCHEMA_VERSION,
            "query": clean(resp.query),
            "interests": [clean(i) for i in resp.interests],
            **result_dict(r, n),
        }
        lines.append(json.dumps(obj, ensure_ascii=False) + "\n")
    return "".join(lines)


def _wrap(text: str, width: int, indent: str) -> list[str]:
    import textwrap

    return textwrap.wrap(
        text, width=max(20, width - len(indent)), break_long_words=True, break_on_hyphens=False
    ) or [""]


def render_table(resp: SearchResponse, width: int = 100) -> str:
    """A readable plain-text shortlist, fitted to ``width`` columns."""
    if not resp.results:
        return ""
    width = max(40, width)
    indent = "    "
    out = []
    for n, r in enumerate(resp.results, 1):
        title_lines = _wrap(clean(r.title), width, indent)
        out.append(f"{n:>2}. {title_lines[0]}")
        out.extend(indent + line for line in title_lines[1:])
        meta = f"{clean(r.source)} · {_date(r.published)}"
        if r.also_in:
            meta += " · also in " + ", ".join(clean(s) for s in r.also_in)
        out.append(indent + shorten(meta, width - len(indent)))
        url = allowed_url(r.url)
        out.append(indent + (url or "(no link)"))
        if r.summary:
            out.append(indent + shorten(clean(r.summary), width - len(indent)))
        matched = ", ".join(clean(i) for i in r.matched_interests)
        terms = ", ".join(clean(t) for t in r.matched_terms)
        why = f"matched: {matched}" + (f" (terms: {terms})" if terms else "")
        out.append(indent + shorten(why + f" · score {r.score:.3f}", width - len(indent)))
        if r.explain is not None:
            out.append(indent + explain_line(r))
        out.append("")
    return "\n".join(out)


# Markdown: backslash-escape what CommonMark treats as inline syntax, and
# HTML-escape what a renderer would otherwise take as raw HTML. Block syntax
# ("#", "-", "1.") cannot start a line here: every line begins with our own text.
# Only an "&" that starts an entity would be read as one.
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _md(text: str) -> str:
    text = _MD_ENTITY.sub("&amp;", clean(text)).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_url(url: str) -> str:
    url = allowed_url(url)
    return (
        url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
        .replace(" ", "%20")
    )  # fmt: skip


def render_markdown(resp: SearchResponse, *, heading: str | None = None) -> str:
    """A Markdown list, ready to paste into notes or a letter draft.

    ``heading`` (plain text) replaces the "Articles for <interests>" heading.
    """
    if not resp.results:
        return ""
    interests = ", ".join(clean(i) for i in resp.interests)
    head = _md(heading) if heading is not None else f"Articles for {_md(interests)}"
    out = [f"## {head}", ""]
    for n, r in enumerate(resp.results, 1):
        url = _md_url(r.url)
        title = f"[{_md(r.title)}](<{url}>)" if url else _md(r.title)
        meta = f"{_md(r.source)}, {_date(r.published)}"
        if r.also_in:
            meta += "; also in " + ", ".join(_md(s) for s in r.also_in)
        out.append(f"{n}. **{title}** — {meta}  ")
        if r.summary:
            out.append(f"   {_md(shorten(clean(r.summary), 300))}  ")
        why = ", ".join(_md(i) for i in r.matched_interests)
        terms = ", ".join(_md(t) for t in r.matched_terms)
        out.append(f"   *Matched:* {why}" + (f" ({terms})" if terms else ""))
        if r.explain is not None:
            out[-1] += "  "
            out.append(f"   *Score:* {_md(explain_line(r))}")
        out.append("")
    return "\n".join(out)


def render(
    resp: SearchResponse,
    fmt: str,
    *,
    width: int = 100,
    template: Template | None = None,
    name: str = "",
) -> str:
    """Render in one of :data:`FORMATS`.

    ``template`` and ``name`` are for "letter" (see :mod:`giftfind.letter`).
    """
    if fmt == "letter":
        from .letter import render_letter

        return render_letter(resp.results, template, name=name, interests=resp.interests)
    if fmt == "json":
        return render_json(resp)
    if fmt == "jsonl":
        return render_jsonl(resp)
    if fmt == "markdown":
        return render_markdown(resp)
    return render_table(resp, width=width)


def summarize_outcomes(outcomes: Iterable[Any]) -> str:
    """One line: how many feeds were fetched, not modified, not due, failed."""
    counts = {"fetched": 0, "not_modified": 0, "not_due": 0, "failed": 0}
    new = 0
    for o in outcomes:
        counts[o.status] += 1
        new += o.new
    total = sum(counts.values())
    return (
        f"{total} feeds: {counts['fetched']} fetched ({new} new articles), "
        f"{counts['not_modified']} not modified, {counts['not_due']} not due, "
        f"{counts['failed']} failed"
    )


# -- feed management: list, status, check -------------------------------------------------


def _ago(when: datetime | None, now: datetime) -> str:
    """A short relative time: "3h ago", "in 40m", "never"."""
    if when is None:
        return "never"
    seconds = (when - now).total_seconds()
    span = _span(abs(seconds))
    return f"in {span}" if seconds > 0 else f"{span} ago" if span != "now" else "now"


def _span(seconds: float) -> str:
    """A duration in its largest sensible unit: "40m", "2h", "1.5d"."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "now"
    if minutes < 60:
        return f"{minutes}m"
    hours = round(seconds / 3600)
    if hours < 24:
        return f"{hours}h"
    return f"{seconds / 86400:.1f}d"


def _columns_table(rows: list[list[str]], width: int) -> str:
    """Left-aligned columns; the last one takes what is left (cut to fit)."""
    if not rows:
        return ""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for r in rows:
        head = "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=False))
        room = max(20, width - len(head) - 2)
        lines.append(f"{head}  {shorten(r[-1], room)}".rstrip())
    return "\n".join(lines) + "\n"


def feed_spec_dict(spec: FeedSpec) -> dict[str, Any]:
    """A feeds.yaml entry in the documented JSON shape (``giftfind feeds list --json``)."""
    return {
        "name": clean(spec.name),
        "url": clean(spec.url),
        "tags": [clean(t) for t in spec.tags],
        "weight": spec.weight,
        "interval": spec.interval.total_seconds() if spec.interval is not None else None,
        "search": spec.is_search,
    }


def render_feed_list(specs: Iterable[FeedSpec], fmt: str, *, width: int = 100) -> str:
    """The feeds of feeds.yaml: a table (name, tags, URL) or JSON."""
    specs = list(specs)
    if fmt == "json":
        doc = {"schema_version": SCHEMA_VERSION, "feeds": [feed_spec_dict(s) for s in specs]}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    rows = [
        [shorten(clean(s.name), 40), shorten(",".join(clean(t) for t in s.tags), 30), clean(s.url)]
        for s in specs
    ]
    return _columns_table(rows, width)


def _health_state(h: FeedHealth, now: datetime) -> str:
    """What is wrong with a feed, if anything, in a few words."""
    s = h.state
    if s is None:
        return "never fetched"
    parts = []
    if s.disabled:
        parts.append(f"disabled ({clean(s.disabled)})")
    elif s.retry_until is not None and s.retry_until > now:
        parts.append(f"paused by its server until {s.retry_until:%Y-%m-%d %H:%M}Z")
    if s.failures and not s.disabled:
        backoff = _backoff(s)
        parts.append(
            f"failing ×{s.failures}"
            + (f", backing off {_span(backoff)}" if backoff else "")
            + (f": {clean(s.last_error)}" if s.last_error else "")
        )
    if s.moved_to:
        parts.append(f"moved to {clean(s.moved_to)}")
    return "; ".join(parts) or "ok"


def _backoff(state: FeedState) -> float | None:
    """How long a failing feed waits before its next attempt, in seconds."""
    if not state.failures or state.next_due is None or state.last_attempt is None:
        return None
    return max(0.0, (state.next_due - state.last_attempt).total_seconds())


def health_dict(h: FeedHealth, now: datetime) -> dict[str, Any]:
    """One feed's health in the documented JSON shape (``giftfind feeds status --json``)."""
    s = h.state
    due = s is None or (
        not s.disabled
        and (s.next_due is None or s.next_due <= now)
        and (s.retry_until is None or s.retry_until <= now)
    )
    return {
        "name": clean(h.name),
        "url": clean(h.url),
        "kind": h.kind,
        "articles": s.articles if s is not None else 0,
        "last_success": _iso(s.last_success) if s is not None else None,
        "last_attempt": _iso(s.last_attempt) if s is not None else None,
        "last_error": clean(s.last_error) if s is not None and s.last_error else None,
        "failures": s.failures if s is not None else 0,
        "next_due": _iso(s.next_due) if s is not None else None,
        "due": due,
        "interval": s.interval if s is not None else None,
        "interval_source": s.interval_source if s is not None else None,
        "backoff": _backoff(s) if s is not None else None,
        "retry_until": _iso(s.retry_until) if s is not None else None,
        "disabled": clean(s.disabled) if s is not None and s.disabled else None,
        "moved_to": clean(s.moved_to) if s is not None and s.moved_to else None,
        "state": _health_state(h, now),
    }


def render_status(rows: Iterable[FeedHealth], fmt: str, now: datetime, *, width: int = 100) -> str:
    """``giftfind feeds status``: one line per feed, or JSON."""
    rows = list(rows)
    if fmt == "json":
        doc = {"schema_version": SCHEMA_VERSION, "feeds": [health_dict(h, now) for h in rows]}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    table = [["FEED", "ARTICLES", "LAST SUCCESS", "NEXT FETCH", "STATE"]]
    for h in rows:
        s = h.state
        next_due = "-"
        if s is not None and not s.disabled:
            when = max((t for t in (s.next_due, s.retry_until) if t is not None), default=None)
            next_due = "due" if when is None or when <= now else _ago(when, now)
        elif s is None:
            next_due = "due"
        table.append(
            [
                shorten(clean(h.name), 40),
                str(s.articles if s is not None else 0).rjust(8),
                _ago(s.last_success, now) if s is not None else "never",
                next_due,
                _health_state(h, now),
            ]
        )
    return _columns_table(table, width)


def check_dict(report: Any) -> dict[str, Any]:
    """One ``giftfind feeds check`` report in the documented JSON shape."""
    return {
        "name": clean(report.name),
        "url": clean(report.url),
        "ok": report.ok,
        "format": report.format,
        "items": report.items,
        "newest": _iso(report.newest),
        "problems": [clean(p) for p in report.problems],
        "moved_to": clean(report.moved_to) if report.moved_to else None,
    }


def render_check(reports: Iterable[Any], fmt: str, *, width: int = 100) -> str:
    """``giftfind feeds check``: one line per feed (and one per problem), or JSON."""
    reports = list(reports)
    if fmt == "json":
        doc = {"schema_version": SCHEMA_VERSION, "feeds": [check_dict(r) for r in reports]}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for r in reports:
        found = (
            f"{r.format or '?'}, {r.items} item{'s' if r.items != 1 else ''}"
            + (f", newest {_date(r.newest)}" if r.items else "")
            if r.format
            else "unreadable"
        )
        mark = "ok  " if r.ok else "FAIL"
        lines.append(shorten(f"{mark} {clean(r.name)}: {found}", width))
        lines.extend(shorten(f"       {clean(p)}", width) for p in r.problems)
    return "\n".join(lines) + "\n" if lines else ""
