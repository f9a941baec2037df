"""Letter-ready text: each result as a short paragraph made from a template.

A template is plain text with named fields in braces: ``{name}``, ``{interest}``,
``{title}``, ``{source}``, ``{url}``, ``{published}``, ``{summary}``; ``{{`` and
``}}`` stand for braces. The user's own template is data, not code: it is split
with :meth:`string.Formatter.parse` and every field is checked against that
list, so attribute and index access (``{title.__class__}``, ``{title[0]}``),
positional fields, conversions (``!r``) and format specs (``:>99999``) are
refused with the line they are on. Rendering then only joins the literal text
and the field values; ``str.format`` is never called on a template.

Every field value is feed text or the user's own, cleaned like every other
output (:func:`giftfind.text.clean`; links through
:func:`giftfind.text.allowed_url`). Contains no business logic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from .errors import TemplateError
from .text import allowed_url, clean, shorten
from .types import Result

#: The fields a template may use.
FIELDS = ("name", "interest", "title", "source", "url", "published", "summary")
#: Longest summary a letter quotes (the stored one runs to 1000 characters).
SUMMARY_LEN = 300
#: Largest template accepted, in characters.
MAX_TEMPLATE = 20_000

#: The template used without ``--template``: ties the article to the interest it matched.
DEFAULT_TEMPLATE = (
    "Since we talked about {interest}, I thought you might enjoy this piece from "
    "{source}: “{title}” ({published}). {url}"
)


@dataclass(frozen=True, slots=True)
class Template:
    """A checked template: literal text and field names, in order."""

    #: ``(literal text, field name or None)`` pairs.
    parts: tuple[tuple[str, str | None], ...]
    #: The fields it uses.
    fields: frozenset[str]


def parse_template(text: str, source: str = "template") -> Template:
    """Check a template and split it into literal text and fields.

    Raises TemplateError naming ``source`` and the line of the first bad field.
    """
    import string

    if len(text) > MAX_TEMPLATE:
        raise TemplateError(f"{source}: too long ({len(text)} characters; at most {MAX_TEMPLATE})")
    parts: list[tuple[str, str | None]] = []
    line = 1
    try:
        for literal, field, spec, conversion in string.Formatter().parse(text):
            line += literal.count("\n")
            if field is None:
                parts.append((literal, None))
                continue
            shown = (
                "{"
                + field
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
            where = f"{source}:{line}: {_short(shown)}"
            if field == "" or field.isdigit():
                raise TemplateError(f"{where}: positional fields are not allowed; {_use()}")
            if any(c in field for c in ".[]"):
                raise TemplateError(
                    f"{where}: attribute and index access are not allowed; {_use()}"
                )
            if field not in FIELDS:
                raise TemplateError(f"{where}: unknown field{_did_you_mean(field)}; {_use()}")
            if conversion:
                raise TemplateError(f"{where}: conversions (!r, !s, !a) are not allowed")
            if spec:
                raise TemplateError(f"{where}: format specs (after ':') are not allowed")
            parts.append((literal, field))
    except ValueError as e:
        # Formatter.parse: "Single '}' encountered in format string" and the like.
        raise TemplateError(f"{source}: {e} (write {{{{ and }}}} for literal braces)") from None
    if not any(field for _, field in parts):
        raise TemplateError(f"{source}: uses no field; {_use()}")
    return Template(
        parts=tuple(parts), fields=frozenset(field for _, field in parts if field is not None)
    )


def _short(text: str) -> str:
    return shorten(clean(text), 60)


def _use() -> str:
    return "use " + ", ".join("{" + f + "}" for f in FIELDS)


def _did_you_mean(field: str) -> str:
    import difflib

    close = difflib.get_close_matches(field.lower(), FIELDS, n=1)
    return f" (did you mean {{{close[0]}}}?)" if close else ""


def _date(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d") if when is not None else "undated"


def letter_fields(
    result: Result, *, name: str = "", interests: Sequence[str] = ()
) -> dict[str, str]:
    """The values a template's fields take for one result, cleaned.

    ``interest`` is the interest the article matched best (else the first one
    searched); ``name`` is the person's, or "" for a plain search.
    """
    matched = result.matched_interests or tuple(interests)
    return {
        "name": clean(name),
        "interest": clean(matched[0]) if matched else "",
        "title": clean(result.title),
        "source": clean(result.source),
        "url": allowed_url(result.url),
        "published": _date(result.published),
        "summary": shorten(clean(result.summary), SUMMARY_LEN),
    }


def fill(template: Template, values: Mapping[str, str]) -> str:
    """The template with each field replaced by its value (no formatting of any kind)."""
    out = []
    for literal, field in template.parts:
        out.append(literal)
        if field is not None:
            out.append(values.get(field, ""))
    return "".join(out)


def render_letter(
    results: Sequence[Result],
    template: Template | None = None,
    *,
    name: str = "",
    interests: Sequence[str] = (),
) -> str:
    """Each result as a paragraph from ``template`` (default :data:`DEFAULT_TEMPLATE`),
    paragraphs separated by a blank line."""
    template = template or parse_template(DEFAULT_TEMPLATE, "the default template")
    paragraphs = [
        fill(template, letter_fields(r, name=name, interests=interests)).strip() for r in results
    ]
    return "".join(f"{p}\n\n" for p in paragraphs if p)
