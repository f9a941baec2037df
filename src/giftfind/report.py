"""Render the follow-up commands' answers: a person's search, a digest, batch rows, people.

Builds on :mod:`giftfind.output` (whose result objects every JSON shape here
reuses) and :mod:`giftfind.letter`. Every text field is cleaned again here, as
output does. Contains no business logic.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from .letter import Template, render_letter
from .output import SCHEMA_VERSION, render_markdown, render_table, response_dict, result_dict
from .people import Person, gift_to_dict, person_to_dict
from .text import clean, shorten
from .types import PersonAnswer, Result, SearchResponse


def _iso(when: datetime | None) -> str | None:
    return when.isoformat().replace("+00:00", "Z") if when is not None else None


def _dumps(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _line(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False) + "\n"


def _interests(resp: SearchResponse) -> str:
    return ", ".join(clean(i) for i in resp.interests)


# -- giftfind for NAME -----------------------------------------------------------------


def person_dict(answer: PersonAnswer) -> dict[str, Any]:
    """``giftfind for --json``: the search document, with ``person`` and ``left_out``."""
    doc = response_dict(answer.response)
    return {
        "schema_version": doc.pop("schema_version"),
        "person": clean(answer.name),
        **doc,
        "left_out": answer.left_out,
    }


def render_person(
    answer: PersonAnswer, fmt: str, *, width: int = 100, template: Template | None = None
) -> str:
    """A person's shortlist in any search format."""
    resp = answer.response
    if fmt == "json":
        return _dumps(person_dict(answer))
    if fmt == "jsonl":
        return "".join(
            _line(
                {
                    "schema_version": SCHEMA_VERSION,
                    "person": clean(answer.name),
                    "query": clean(resp.query),
                    "interests": [clean(i) for i in resp.interests],
                    **result_dict(r, n),
                }
            )
            for n, r in enumerate(resp.results, 1)
        )
    if fmt == "markdown":
        return render_markdown(resp, heading=f"Articles for {answer.name} ({_interests(resp)})")
    if fmt == "letter":
        return render_letter(resp.results, template, name=answer.name, interests=resp.interests)
    return render_table(resp, width=width)


# -- giftfind digest --------------------------------------------------------------------


def digest_dict(answers: Sequence[PersonAnswer], made: datetime) -> dict[str, Any]:
    """``giftfind digest --json``: one document, a section per person (empty ones too)."""
    warnings = []
    for a in answers:
        warnings += response_dict(a.response)["warnings"]
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": _iso(made),
        "people": [
            {
                "name": clean(a.name),
                "interests": [clean(i) for i in a.response.interests],
                "since": _iso(a.since),
                "left_out": a.left_out,
                "results": [result_dict(r, n) for n, r in enumerate(a.response.results, 1)],
            }
            for a in answers
        ],
        "warnings": warnings,
    }


def render_digest(
    answers: Sequence[PersonAnswer],
    fmt: str,
    made: datetime,
    *,
    width: int = 100,
    template: Template | None = None,
) -> str:
    """A digest in any search format: the people with something new, each under her name."""
    if fmt == "json":
        return _dumps(digest_dict(answers, made))
    if fmt == "jsonl":
        return "".join(
            _line(
                {
                    "schema_version": SCHEMA_VERSION,
                    "person": clean(a.name),
                    "interests": [clean(i) for i in a.response.interests],
                    "since": _iso(a.since),
                    **result_dict(r, n),
                }
            )
            for a in answers
            for n, r in enumerate(a.response.results, 1)
        )
    with_news = [a for a in answers if a.response.results]
    if not with_news:
        return ""
    out = []
    if fmt == "markdown":
        out.append(f"# giftfind digest, {made:%Y-%m-%d %H:%M} UTC\n\n")
    for a in with_news:
        resp = a.response
        since = f"since {a.since:%Y-%m-%d %H:%M} UTC" if a.since else ""
        heading = f"{a.name} ({_interests(resp)}): {len(resp.results)} new {since}".rstrip()
        if fmt == "markdown":
            out.append(render_markdown(resp, heading=heading) + "\n")
        elif fmt == "letter":
            out.append(f"For {clean(a.name)}:\n\n")
            out.append(render_letter(resp.results, template, name=a.name, interests=resp.interests))
        else:
            out.append(f"== {shorten(clean(heading), max(40, width) - 3)}\n\n")
            out.append(render_table(resp, width=width) + "\n")
    return "".join(out)


# -- giftfind batch ---------------------------------------------------------------------


def batch_line(
    line: int, name: str, query: str, interests: Sequence[str], results: Sequence[Result]
) -> str:
    """One JSON Lines object for one batch row."""
    return _line(
        {
            "schema_version": SCHEMA_VERSION,
            "line": line,
            "name": clean(name),
            "query": clean(query),
            "interests": [clean(i) for i in interests],
            "results": [result_dict(r, n) for n, r in enumerate(results, 1)],
        }
    )


# -- people and their gifts -------------------------------------------------------------


def render_people(people: Sequence[Person], *, as_json: bool = False, width: int = 100) -> str:
    """``giftfind people list``: a few lines per person, or the people document."""
    if as_json:
        return _dumps(
            {"schema_version": SCHEMA_VERSION, "people": [_person_json(p) for p in people]}
        )
    out = []
    for p in people:
        out.append(_card_head(p, width))
        out.append(
            "    " + shorten(f"interests: {', '.join(clean(i) for i in p.interests)}", width - 4)
        )
        out.append("    " + _gift_summary(p))
    return "".join(f"{line}\n" for line in out)


def render_person_card(person: Person, *, as_json: bool = False, width: int = 100) -> str:
    """``giftfind people show``: everything about one person."""
    if as_json:
        return _dumps(_person_json(person))
    out = [
        clean(person.name),
        f"  interests: {', '.join(clean(i) for i in person.interests)}",
    ]
    if person.company:
        out.append(f"  company:   {clean(person.company)}")
    if person.met:
        out.append(f"  met:       {person.met.isoformat()}")
    if person.note:
        out.append(f"  note:      {clean(person.note)}")
    out.append(f"  added:     {person.added:%Y-%m-%d}")
    digest = f"{person.last_digest:%Y-%m-%d %H:%M} UTC" if person.last_digest else "none yet"
    out.append(f"  digest:    {digest}")
    out.append(f"  gifts:     {len(person.gifts)} (giftfind history {_quote(person.name)})")
    return "".join(f"{line}\n" for line in out)


def render_history(person: Person, *, as_json: bool = False, width: int = 100) -> str:
    """``giftfind history``: what was sent to a person and when, oldest first."""
    gifts = sorted(person.gifts, key=lambda g: g.sent)
    if as_json:
        return _dumps(
            {
                "schema_version": SCHEMA_VERSION,
                "name": clean(person.name),
                "gifts": [_gift_json(g) for g in gifts],
            }
        )
    out = []
    for g in gifts:
        out.append(f"{g.sent.isoformat()}  {shorten(clean(g.title) or '(no title)', width - 12)}")
        out.append(f"            {g.url}")
    return "".join(f"{line}\n" for line in out)


def _person_json(p: Person) -> dict[str, Any]:
    d = person_to_dict(p)
    d["gifts"] = [_gift_json(g) for g in p.gifts]
    return {k: clean(v) if isinstance(v, str) else v for k, v in d.items()} | {
        "interests": [clean(i) for i in p.interests]
    }


def _gift_json(g: Any) -> dict[str, Any]:
    return {k: clean(v) if isinstance(v, str) else v for k, v in gift_to_dict(g).items()}


def _card_head(p: Person, width: int) -> str:
    parts = [clean(p.name)]
    if p.company:
        parts.append(clean(p.company))
    if p.met:
        parts.append(f"met {p.met.isoformat()}")
    return shorten(" · ".join(parts), width)


def _gift_summary(p: Person) -> str:
    if not p.gifts:
        sent = "no gifts sent yet"
    else:
        last = max(g.sent for g in p.gifts)
        sent = (
            f"{len(p.gifts)} gift{'s' if len(p.gifts) != 1 else ''} sent, last {last.isoformat()}"
        )
    digest = f"last digest {p.last_digest:%Y-%m-%d}" if p.last_digest else "no digest yet"
    return f"{sent} · {digest}"


def _quote(name: str) -> str:
    name = clean(name)
    return f'"{name}"' if " " in name else name
