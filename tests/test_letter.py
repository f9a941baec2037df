"""Letter-ready text: templates render every field, refuse code, and keep feed text safe."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giftfind.cli import app
from giftfind.errors import TemplateError
from giftfind.letter import (
    DEFAULT_TEMPLATE,
    FIELDS,
    fill,
    letter_fields,
    parse_template,
    render_letter,
)
from giftfind.output import render
from giftfind.types import Result, SearchResponse

from .conftest import SAMPLE

runner = CliRunner()
FEEDS = str(SAMPLE / "feeds.yaml")

ALL_FIELDS = "Dear {name}: {interest} | {title} | {source} | {url} | {published} | {summary}\n"


def result(**overrides: object) -> Result:
    values: dict[str, object] = {
        "id": "a1",
        "title": "Sailing on Lake Michigan",
        "url": "https://news.example/sail",
        "source": "Harbor News",
        "published": datetime(2026, 11, 23, 10, tzinfo=UTC),
        "summary": "A regatta off Chicago drew 80 boats.",
        "author": None,
        "score": 0.5,
        "matched_interests": ("sailing", "Chicago"),
        "matched_terms": ("sailing",),
    }
    values.update(overrides)
    return Result(**values)  # type: ignore[arg-type]


def test_every_field_renders() -> None:
    text = render_letter([result()], parse_template(ALL_FIELDS), name="Jane Doe")
    assert text == (
        "Dear Jane Doe: sailing | Sailing on Lake Michigan | Harbor News | "
        "https://news.example/sail | 2026-11-23 | A regatta off Chicago drew 80 boats.\n\n"
    )
    assert parse_template(ALL_FIELDS).fields == frozenset(FIELDS)


def test_default_template_and_paragraphs() -> None:
    resp = SearchResponse(
        query="sailing",
        interests=("sailing",),
        results=(result(), result(id="a2", title="Second", published=None, matched_interests=())),
    )
    text = render(resp, "letter")
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == (
        "Since we talked about sailing, I thought you might enjoy this piece from Harbor News: "
        "“Sailing on Lake Michigan” (2026-11-23). https://news.example/sail"
    )
    # An undated article, and one that matched no interest by name (the query's first is used).
    assert paragraphs[1].startswith("Since we talked about sailing,")
    assert "“Second” (undated)" in paragraphs[1]
    assert text.endswith("\n\n")
    assert render(replace_results(resp, ()), "letter") == ""
    assert parse_template(DEFAULT_TEMPLATE).fields <= frozenset(FIELDS)


def replace_results(resp: SearchResponse, results: tuple[Result, ...]) -> SearchResponse:
    from dataclasses import replace

    return replace(resp, results=results)


def test_braces_and_lines() -> None:
    t = parse_template("{{literal}} {title}\nsecond line {url}\n")
    assert fill(t, {"title": "T", "url": "U"}) == "{literal} T\nsecond line U\n"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "{title.__class__}",
            "line 1: {title.__class__}: attribute and index access are not allowed",
        ),
        ("{title.__class__.__init__.__globals__}", "attribute and index access are not allowed"),
        ("ok\n{title[0]}", ":2: {title[0]}: attribute and index access are not allowed"),
        ("{0}", "{0}: positional fields are not allowed"),
        ("{}", "{}: positional fields are not allowed"),
        ("{title!r}", "{title!r}: conversions (!r, !s, !a) are not allowed"),
        ("{title:>99999999}", "{title:>99999999}: format specs (after ':') are not allowed"),
        ("{title:{url}}", "format specs (after ':') are not allowed"),
        ("{titel}", "{titel}: unknown field (did you mean {title}?)"),
        ("{__import__}", "unknown field"),
        ("{title", "expected '}' before end of string (write {{ and }} for literal braces)"),
        ("title}", "Single '}' encountered"),
        ("no fields at all", "uses no field"),
    ],
)
def test_templates_cannot_run_code(template: str, message: str) -> None:
    with pytest.raises(TemplateError) as e:
        parse_template(template, "mine.txt")
    text = str(e.value)
    assert text.startswith("mine.txt")
    assert message.replace("line 1", "mine.txt:1") in text or message in text, text
    assert "\n" not in text


def test_feed_text_is_sanitized() -> None:
    hostile = result(
        title="Sail\x1b[31m red\x1b]0;owned\x07 \u202eevil",
        source="Harbor\x00 News",
        url="javascript:alert(1)",
        summary="<b>bold</b> \x9b2J" + "word " * 400,
        matched_interests=("sail\u200bing",),
    )
    values = letter_fields(hostile, name="Jane\x1b[2J Doe")
    assert values["title"] == "Sail red evil"
    assert values["source"] == "Harbor News"
    assert values["url"] == ""
    assert values["interest"] == "sailing"
    assert values["name"] == "Jane Doe"
    assert len(values["summary"]) <= 300
    assert "\x1b" not in render_letter([hostile], parse_template(ALL_FIELDS))


# -- on the command line -----------------------------------------------------------------


def test_search_format_letter_uses_the_default_template() -> None:
    r = runner.invoke(app, ["--feeds", FEEDS, "sailing, Chicago", "-n", "2", "-f", "letter"])
    assert r.exit_code == 0, r.stderr
    paragraphs = [p for p in r.stdout.split("\n\n") if p]
    assert len(paragraphs) == 2
    assert all(p.startswith("Since we talked about ") for p in paragraphs)
    assert "https://" in paragraphs[0]


def test_for_with_a_template_file(tmp_path: Path) -> None:
    template = tmp_path / "letter.txt"
    template.write_text(ALL_FIELDS, encoding="utf-8")
    assert runner.invoke(app, ["people", "add", "Jane Doe", "-i", "sailing"]).exit_code == 0
    r = runner.invoke(
        app, ["for", "jane", "--feeds", FEEDS, "-n", "1", "--template", str(template)]
    )
    assert r.exit_code == 0, r.stderr
    line = r.stdout.strip()
    assert line.startswith("Dear Jane Doe: sailing | ")
    assert len(line.split(" | ")) == 6  # interest, title, source, url, published, summary
    assert "{" not in line


def test_a_bad_template_is_one_line_and_exit_2(tmp_path: Path) -> None:
    template = tmp_path / "evil.txt"
    template.write_text("Hi {name},\n{title.__class__.__init__.__globals__}\n", encoding="utf-8")
    assert runner.invoke(app, ["people", "add", "Jane Doe", "-i", "sailing"]).exit_code == 0
    for args in (
        ["for", "jane", "--feeds", FEEDS, "--template", str(template)],
        ["digest", "--feeds", FEEDS, "--template", str(template)],
    ):
        r = runner.invoke(app, args)
        assert r.exit_code == 2, r.stderr
        assert r.stderr.startswith(f"giftfind: {template}:2: ")
        assert "attribute and index access are not allowed" in r.stderr
        assert len(r.stderr.splitlines()) == 1
        assert r.stdout == ""
    r = runner.invoke(
        app, ["for", "jane", "--feeds", FEEDS, "--template", str(template), "--format", "json"]
    )
    assert r.exit_code == 2
    assert "--template is for --format letter" in r.stderr
