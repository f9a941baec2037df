"""Feed management: add, remove, check, OPML import/export, against a real local server."""

from __future__ import annotations

import os
import stat
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from giftfind import config as config_module
from giftfind.config import default_config_path, load_config, writable_config
from giftfind.errors import ConfigError, GiftfindError, UsageError
from giftfind.manage import (
    add_feed,
    check_feeds,
    export_opml,
    import_opml,
    list_feeds,
    remove_feed,
)

from .conftest import FIXTURES, ROOT, FeedServer, rss, write_config

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
OPML = FIXTURES / "manage"

ITEMS = [
    {
        "title": "Schooner leaves Chicago",
        "link": "https://harbor.example/1",
        "guid": "h1",
        "pubDate": "Mon, 23 Nov 2026 10:00:00 GMT",
    },
    {
        "title": "Regatta results",
        "link": "https://harbor.example/2",
        "guid": "h2",
        "pubDate": "Fri, 20 Nov 2026 10:00:00 GMT",
    },
]
RSS = rss(ITEMS, title="Harbor &amp; Helm")
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Frame &amp; Light</title>
  <id>urn:uuid:frame</id>
  <updated>2026-11-21T09:00:00Z</updated>
  <entry>
    <title>Brutalism reassessed</title>
    <link href="https://frame.example/brutalism"/>
    <id>urn:uuid:frame-1</id>
    <updated>2026-11-21T09:00:00Z</updated>
  </entry>
</feed>
"""
RSS_TYPE = {"Content-Type": "application/rss+xml"}
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}

# A feeds file as a person writes one: comments everywhere, blank lines, sections,
# a flow list without spaces, a commented-out key and a commented-out entry.
COMMENTED = """\
# My feeds for giftfind.
#   Keep the sailing ones first.

settings:
  limit: 7          # a few more than the default
  max_age: 2h

feeds:
  # --- Sailing ---
  - name: Harbor & Helm     # the best one
    url: https://harbor.example/feed.xml
    tags: [sailing,outdoors]

  # --- Chicago ---
  - name: Lakefront
    url: https://lakefront.example/rss
    # url: https://old.lakefront.example/rss
  - name: Block Club
    url: https://blockclub.example/feed/
    weight: 1.5
  # - name: Disabled
  #   url: https://disabled.example/

# end of file
"""


@pytest.fixture
def server(module_server: FeedServer) -> FeedServer:
    """conftest's server, started once for this module."""
    return module_server


def page(*links: str) -> str:
    """An HTML page whose head holds the given <link> tags."""
    return (
        "<!DOCTYPE html>\n<html><head><title>A blog</title>"
        '<link rel="stylesheet" href="/style.css">'
        f"{''.join(links)}</head><body><p>Hello</p></body></html>"
    )


def feeds_file(tmp_path: Path, text: str = COMMENTED) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# -- add ----------------------------------------------------------------------------------


def test_add_an_rss_feed_appends_it_and_keeps_the_rest_of_the_file(
    tmp_path: Path, server: FeedServer
) -> None:
    url = server.add("/feed.xml", RSS, headers=RSS_TYPE)
    path = feeds_file(tmp_path)

    got = add_feed(path, url, tags=["Sailing", "chicago", "sailing"])

    assert got.name == "Harbor & Helm (2)"  # the title, made unique against "Harbor & Helm"
    assert got.url == url
    assert got.format == "rss20"
    assert got.items == 2
    assert got.newest == datetime(2026, 11, 23, 10, tzinfo=UTC)
    assert got.discovered_from is None
    # Appended after the last entry and the list's commented-out entry, before the
    # top-level comment that ends the file; nothing else changed.
    anchor = "  #   url: https://disabled.example/\n"
    before, after = COMMENTED.split(anchor)
    assert path.read_text(encoding="utf-8") == (
        before
        + anchor
        + "  - name: Harbor & Helm (2)\n"
        + f"    url: {url}\n"
        + "    tags: [sailing, chicago]\n"
        + after
    )
    feeds = list_feeds(path)
    assert [f.name for f in feeds][-1] == "Harbor & Helm (2)"
    assert feeds[-1].tags == ("sailing", "chicago")
    assert leftovers(tmp_path) == []


def test_add_an_atom_feed_with_a_name(tmp_path: Path, server: FeedServer) -> None:
    url = server.add("/atom.xml", ATOM, headers={"Content-Type": "application/atom+xml"})
    path = write_config(tmp_path / "feeds.yaml", [{"name": "Other", "url": "https://o.example/"}])

    got = add_feed(path, url, name="  Frame and Light  ")

    assert (got.name, got.format, got.items) == ("Frame and Light", "atom10", 1)
    assert got.newest == datetime(2026, 11, 21, 9, tzinfo=UTC)
    assert path.read_text() == (
        "feeds:\n"
        "  - name: Other\n"
        "    url: https://o.example/\n"
        "  - name: Frame and Light\n"
        f"    url: {url}\n"
    )


def test_add_finds_the_feed_an_html_page_announces(tmp_path: Path, server: FeedServer) -> None:
    feed_url = server.add("/blog/feed.xml", RSS, headers=RSS_TYPE)
    page_url = server.add(
        "/blog/",
        page('<link rel="alternate" type="application/rss+xml" title="Posts" href="feed.xml">'),
        headers=HTML_TYPE,
    )
    path = feeds_file(tmp_path)

    got = add_feed(path, page_url)

    assert got.url == feed_url  # the relative href, resolved against the page
    assert got.discovered_from == page_url
    assert list_feeds(path)[-1].url == feed_url


def test_add_with_several_announced_feeds_lists_them_and_pick_chooses(
    tmp_path: Path, server: FeedServer
) -> None:
    posts = server.add("/feed/", RSS, headers=RSS_TYPE)
    comments = server.add("/comments/feed.atom", ATOM)
    page_url = server.add(
        "/post/42",
        page(
            '<link rel="alternate" type="application/rss+xml" title="Posts" href="/feed/">',
            '<link rel="alternate feed" type="application/atom+xml" title="Comments"'
            ' href="/comments/feed.atom">',
            # Not feeds: WordPress's REST API, an oEmbed link, a translation.
            '<link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/42">',
            '<link rel="alternate" type="application/json+oembed" href="/oembed?url=x">',
            '<link rel="alternate" hreflang="fr" href="/fr/post/42">',
            # The same feed again, absolute this time.
            f'<link rel="alternate" type="application/rss+xml" href="{posts}">',
        ),
        headers=HTML_TYPE,
    )
    path = feeds_file(tmp_path)

    with pytest.raises(UsageError) as e:
        add_feed(path, page_url)
    assert str(e.value) == (
        f"several feeds found on {page_url}: 1) Posts <{posts}>; "
        f"2) Comments <{comments}>; choose one with --pick N"
    )
    assert path.read_text(encoding="utf-8") == COMMENTED

    with pytest.raises(UsageError, match=r"--pick 3: only 2 feeds found on"):
        add_feed(path, page_url, pick=3)

    got = add_feed(path, page_url, pick=2)
    assert (got.url, got.name, got.format) == (comments, "Frame & Light", "atom10")


def test_add_an_html_page_without_feeds_is_an_error(tmp_path: Path, server: FeedServer) -> None:
    url = server.add("/about", page(), headers=HTML_TYPE)
    path = feeds_file(tmp_path)
    with pytest.raises(UsageError, match="an HTML page that announces no feed"):
        add_feed(path, url)
    assert path.read_text(encoding="utf-8") == COMMENTED


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ("", 404, r": HTTP 404"),
        ("just some text", 200, r"not a valid feed|not a feed"),
    ],
)
def test_add_something_that_is_not_a_feed_is_an_error(
    tmp_path: Path, server: FeedServer, body: str, status: int, message: str
) -> None:
    url = server.add("/x", body, status=status, headers={"Content-Type": "text/plain"})
    path = feeds_file(tmp_path)
    with pytest.raises(UsageError, match=message):
        add_feed(path, url)
    assert path.read_text(encoding="utf-8") == COMMENTED


def test_add_refuses_a_url_already_listed(tmp_path: Path, server: FeedServer) -> None:
    url = server.add("/feed.xml", RSS)
    path = write_config(
        tmp_path / "feeds.yaml",
        [{"name": "Other", "url": "https://o.example/"}, {"name": "Mine", "url": url}],
    )
    before = path.read_bytes()
    for again in (url, url + "?utm_source=rss&utm_medium=feed", url.replace("http:", "https:")):
        with pytest.raises(UsageError, match=r"is already listed as 'Mine' \(line 4\)"):
            add_feed(path, again)
    assert server.hits("/feed.xml") == []  # refused before fetching
    assert path.read_bytes() == before


def test_add_refuses_a_feed_that_moved_to_a_listed_url(tmp_path: Path, server: FeedServer) -> None:
    new = server.add("/new.xml", RSS)
    old = server.add("/old.xml", status=301, headers={"Location": new})
    path = write_config(tmp_path / "feeds.yaml", [{"name": "New", "url": new}])
    with pytest.raises(UsageError, match="already listed as 'New'"):
        add_feed(path, old)


def test_add_writes_the_new_address_of_a_feed_that_moved(
    tmp_path: Path, server: FeedServer
) -> None:
    new = server.add("/new.xml", RSS)
    old = server.add("/old.xml", status=301, headers={"Location": new})
    path = feeds_file(tmp_path)
    assert add_feed(path, old).url == new
    assert list_feeds(path)[-1].url == new


def test_names_are_made_unique_but_a_chosen_name_must_be_free(
    tmp_path: Path, server: FeedServer
) -> None:
    path = write_config(
        tmp_path / "feeds.yaml", [{"name": "test FEED", "url": "https://o.example/"}]
    )
    first = server.add("/a.xml", rss(ITEMS))  # titled "Test feed"
    second = server.add("/b.xml", rss(ITEMS))
    assert add_feed(path, first).name == "Test feed (2)"
    assert add_feed(path, second).name == "Test feed (3)"
    third = server.add("/c.xml", rss(ITEMS))
    with pytest.raises(UsageError, match=r"a feed named 'Test feed \(2\)' is already listed"):
        add_feed(path, third, name="TEST FEED (2)")


def test_add_a_local_file_relative_to_the_feeds_file(tmp_path: Path) -> None:
    (tmp_path / "snapshots").mkdir()
    (tmp_path / "snapshots" / "club.xml").write_text(rss(ITEMS, title="Club news"))
    path = feeds_file(tmp_path)

    got = add_feed(path, "snapshots/club.xml")

    assert (got.name, got.url, got.items) == ("Club news", "snapshots/club.xml", 2)
    spec = list_feeds(path)[-1]
    assert spec.path == str((tmp_path / "snapshots" / "club.xml").resolve())
    with pytest.raises(UsageError, match="already listed as 'Club news'"):
        add_feed(path, str(tmp_path / "snapshots" / "club.xml"))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/feed", r"unsupported URL scheme 'ftp'"),
        ("example.com/feed", r"did you mean 'https://example\.com/feed'\?"),
        ("localhost:8080/feed", r"did you mean 'https://localhost:8080/feed'\?"),
        ("missing.xml", r"no such file: 'missing\.xml'.*relative to the feeds file"),
        ("   ", r"no URL given"),
    ],
)
def test_add_rejects_bad_urls_before_fetching(tmp_path: Path, url: str, message: str) -> None:
    path = feeds_file(tmp_path)
    with pytest.raises(UsageError, match=message):
        add_feed(path, url)


def test_add_creates_a_missing_feeds_file(tmp_path: Path, server: FeedServer) -> None:
    url = server.add("/feed.xml", RSS)
    path = tmp_path / "new" / "feeds.yaml"
    path.parent.mkdir()
    add_feed(path, url, tags=["sailing"])
    assert path.read_text() == (
        f"feeds:\n  - name: Harbor & Helm\n    url: {url}\n    tags: [sailing]\n"
    )


def test_add_keeps_the_file_mode(tmp_path: Path, server: FeedServer) -> None:
    url = server.add("/feed.xml", RSS)
    path = feeds_file(tmp_path)
    path.chmod(0o640)
    add_feed(path, url)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# -- remove --------------------------------------------------------------------------------


def test_remove_keeps_comments_blank_lines_and_order(tmp_path: Path) -> None:
    path = feeds_file(tmp_path)

    removed = remove_feed(path, "LAKEFRONT")  # any case

    assert removed.name == "Lakefront"
    assert removed.url == "https://lakefront.example/rss"
    # The entry goes with the commented-out key indented under it; the section
    # heading above it stays, as does everything else.
    assert path.read_text(encoding="utf-8") == COMMENTED.replace(
        "  - name: Lakefront\n"
        "    url: https://lakefront.example/rss\n"
        "    # url: https://old.lakefront.example/rss\n",
        "",
    )

    remove_feed(path, "harbor & helm")
    assert path.read_text(encoding="utf-8") == COMMENTED.replace(
        "  - name: Lakefront\n"
        "    url: https://lakefront.example/rss\n"
        "    # url: https://old.lakefront.example/rss\n",
        "",
    ).replace(
        "  - name: Harbor & Helm     # the best one\n"
        "    url: https://harbor.example/feed.xml\n"
        "    tags: [sailing,outdoors]\n",
        "",
    )
    assert [f.name for f in list_feeds(path)] == ["Block Club"]


def test_remove_an_entry_set_off_by_blank_lines_leaves_one_blank_line(tmp_path: Path) -> None:
    path = feeds_file(
        tmp_path,
        "feeds:\n  - name: A\n    url: https://a.example/\n\n"
        "  - name: B\n    url: https://b.example/\n\n"
        "  - name: C\n    url: https://c.example/\n",
    )
    remove_feed(path, "b")
    assert path.read_text() == (
        "feeds:\n  - name: A\n    url: https://a.example/\n\n  - name: C\n    url: https://c.example/\n"
    )
    remove_feed(path, "c")
    assert path.read_text() == "feeds:\n  - name: A\n    url: https://a.example/\n"


def test_remove_an_unknown_name_suggests_close_ones(tmp_path: Path) -> None:
    path = feeds_file(tmp_path)
    with pytest.raises(
        UsageError, match=r"no feed named 'Lakefrnt' in .*\(did you mean 'Lakefront'\?\)"
    ):
        remove_feed(path, "Lakefrnt")
    with pytest.raises(UsageError, match=r"\(did you mean 'Block Club'\?\)"):
        remove_feed(path, "block")
    with pytest.raises(UsageError) as e:
        remove_feed(path, "zzz")
    assert "did you mean" not in str(e.value)
    assert path.read_text(encoding="utf-8") == COMMENTED


def test_remove_refuses_the_last_feed(tmp_path: Path) -> None:
    path = write_config(tmp_path / "feeds.yaml", [{"name": "Only", "url": "https://o.example/"}])
    with pytest.raises(UsageError, match="'Only' is the only feed"):
        remove_feed(path, "only")


# -- the file itself -------------------------------------------------------------------------


def test_an_edit_and_its_undo_give_back_the_same_bytes(tmp_path: Path) -> None:
    """The shipped list (sections, comments, settings) and odd but valid styles."""
    styles = {
        "shipped": (ROOT / "feeds.yaml").read_text(encoding="utf-8"),
        "crlf-bom": "\ufeff# feeds\r\nfeeds:\r\n  - name: A\r\n    url: https://a.example/\r\n",
        "column-0": "feeds:\n- name: A\n  url: https://a.example/\n  tags: [a,b]\n# end\n",
        "dash-alone": "feeds:\n  -\n    name: A\n    url: https://a.example/\n...\n",
        "flow-entries": "feeds:\n  - {name: A, url: 'https://a.example/'}\n\n\n# trailing\n",
    }
    opml = (
        b'<opml version="2.0"><body><outline text="New" xmlUrl="https://new.example/f"/>'
        b"</body></opml>"
    )
    for style, text in styles.items():
        path = tmp_path / f"{style}.yaml"
        path.write_bytes(text.encode("utf-8"))
        assert len(import_opml(path, opml).added) == 1, style
        assert list_feeds(path)[-1].url == "https://new.example/f", style
        remove_feed(path, "new")
        assert path.read_bytes() == text.encode("utf-8"), style


def test_new_entries_are_written_in_the_shipped_files_style() -> None:
    """ruamel, set as manage sets it, writes the shipped list back byte for byte; so the
    entries it writes look like the ones already there."""
    import io

    from giftfind.manage import _yaml

    text = (ROOT / "feeds.yaml").read_text(encoding="utf-8")
    yaml = _yaml()
    out = io.StringIO()
    yaml.dump(yaml.load(text), out)
    assert out.getvalue() == text


def test_a_failed_edit_leaves_the_file_as_it_was(tmp_path: Path, server: FeedServer) -> None:
    url = server.add("/feed.xml", RSS)
    path = feeds_file(tmp_path)
    with pytest.raises(UsageError):
        add_feed(path, url, pick=0)
    with pytest.raises(UsageError, match="contains control characters"):
        add_feed(path, url, name="bell\x07")
    assert path.read_text(encoding="utf-8") == COMMENTED
    assert server.hits("/feed.xml") == []


def test_an_edit_that_does_not_load_is_undone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from giftfind import manage

    # An entry writer gone wrong: the file it makes does not load.
    monkeypatch.setattr(
        manage._Document,
        "entry_lines",
        lambda self, entry: ["  - name: Broken", "    urll: https://broken.example/"],
    )
    path = feeds_file(tmp_path)
    path.chmod(0o604)
    opml = (
        b'<opml version="2.0"><body><outline text="X" xmlUrl="https://x.example/"/></body></opml>'
    )
    with pytest.raises(ConfigError) as e:
        import_opml(path, opml)
    assert "unknown key 'urll'" in str(e.value)
    assert "it was left as it was" in str(e.value)
    assert "\n" not in str(e.value)
    assert path.read_text(encoding="utf-8") == COMMENTED
    assert stat.S_IMODE(path.stat().st_mode) == 0o604
    assert leftovers(tmp_path) == []


def test_an_invalid_feeds_file_is_not_edited(tmp_path: Path, server: FeedServer) -> None:
    url = server.add("/feed.xml", RSS)
    path = feeds_file(tmp_path, COMMENTED.replace("max_age: 2h", "max_agee: 2h"))
    with pytest.raises(ConfigError, match=r"feeds\.yaml:6: settings: unknown key 'max_agee'"):
        add_feed(path, url)
    with pytest.raises(ConfigError):
        remove_feed(path, "Lakefront")
    path = feeds_file(tmp_path, "feeds: [{name: A, url: 'https://a.example/'}]\n")
    with pytest.raises(ConfigError, match="flow style"):
        remove_feed(path, "A")


def test_edits_go_through_a_symlink(tmp_path: Path) -> None:
    real = feeds_file(tmp_path)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    remove_feed(link, "Block Club")
    assert link.is_symlink()
    assert "Block Club" not in real.read_text()


# -- check --------------------------------------------------------------------------------


def test_check_feeds_reports_each_feed(tmp_path: Path, server: FeedServer) -> None:
    old_items = [dict(ITEMS[0], pubDate="Mon, 05 Oct 2026 10:00:00 GMT")]
    undated = [{"title": "No date", "description": "Neither a date nor a link."}]
    feeds = [
        {"name": "Good", "url": server.add("/good.xml", RSS, headers=RSS_TYPE)},
        {"name": "Gone", "url": server.url("/gone.xml")},
        {
            "name": "Page",
            "url": server.add(
                "/page",
                page('<link rel="alternate" type="application/atom+xml" href="/atom.xml">'),
                headers=HTML_TYPE,
            ),
        },
        {"name": "Empty", "url": server.add("/empty.xml", rss([]))},
        {
            "name": "Moved",
            "url": server.add(
                "/moved.xml", status=301, headers={"Location": server.url("/good.xml")}
            ),
        },
        {"name": "Stale", "url": server.add("/stale.xml", rss(old_items))},
        {"name": "Undated", "url": server.add("/undated.xml", rss(undated))},
    ]
    config = load_config(write_config(tmp_path / "feeds.yaml", feeds))

    reports = {r.name: r for r in check_feeds(config, now=NOW)}

    assert list(reports) == [f["name"] for f in feeds]  # config order
    good = reports["Good"]
    assert (good.ok, good.format, good.items, good.problems) == (True, "rss20", 2, ())
    assert good.newest == datetime(2026, 11, 23, 10, tzinfo=UTC)
    assert reports["Gone"].ok is False
    assert reports["Gone"].problems == ("HTTP 404 Not Found",)
    assert reports["Page"].ok is False
    assert reports["Page"].problems == (
        f"not a feed (an HTML page); it announces a feed: {server.url('/atom.xml')}",
    )
    assert (reports["Empty"].ok, reports["Empty"].problems) == (False, ("no items",))
    moved = reports["Moved"]
    assert moved.ok is True
    assert moved.moved_to == server.url("/good.xml")
    assert moved.problems == (
        f"moved permanently to {server.url('/good.xml')}; update its url in feeds.yaml",
    )
    assert reports["Stale"].problems == ("newest item is 51 days old",)
    assert reports["Stale"].ok is True
    assert reports["Undated"].problems == ("no dates", "items without links: 1")
    for report in reports.values():
        assert all("\n" not in p for p in report.problems)


def test_check_named_feeds_only(tmp_path: Path, server: FeedServer) -> None:
    feeds = [
        {"name": "One", "url": server.add("/1.xml", RSS)},
        {"name": "Two", "url": server.add("/2.xml", RSS)},
    ]
    config = load_config(write_config(tmp_path / "feeds.yaml", feeds))
    assert [r.name for r in check_feeds(config, ["two"], now=NOW)] == ["Two"]
    assert server.hits("/1.xml") == []
    with pytest.raises(UsageError, match=r"no feed named 'Twoo'.*did you mean 'Two'"):
        check_feeds(config, ["Twoo"])


# -- OPML ----------------------------------------------------------------------------------


def test_import_a_feedly_export(tmp_path: Path) -> None:
    path = write_config(
        tmp_path / "feeds.yaml",
        [{"name": "Regatta", "url": "https://regatta.example/rss"}],
    )

    got = import_opml(path, OPML / "feedly.opml")

    added = {f.name: f.tags for f in got.added}
    assert added == {
        # In two folders: added once, with both.
        "Harbor & Helm": ("sailing", "chicago"),
        "Block Club Chicago": ("chicago", "neighborhoods"),
        "Frame & Light": ("arts", "photography", "architecture"),
    }
    assert got.skipped_existing == (
        "Regatta Report <https://regatta.example/rss?utm_source=feedly>: "
        "already listed as 'Regatta'",
    )
    assert got.skipped_invalid == (
        "Old Gopher: not an http(s) URL: 'gopher://gopher.example/1/news'",
    )
    assert [f.name for f in list_feeds(path)] == ["Regatta", *added]
    assert path.read_text(encoding="utf-8").startswith(
        "feeds:\n  - name: Regatta\n    url: https://regatta.example/rss\n"
        "  - name: Harbor & Helm\n    url: https://harborandhelm.example/feed.xml\n"
        "    tags: [sailing, chicago]\n"
    )
    # Importing it again adds nothing and leaves the file alone.
    before = path.read_bytes()
    again = import_opml(path, (OPML / "feedly.opml").read_bytes())
    assert (again.added, len(again.skipped_existing), len(again.skipped_invalid)) == ((), 4, 1)
    assert path.read_bytes() == before


def test_import_a_newsboat_export_into_a_commented_file(tmp_path: Path) -> None:
    path = feeds_file(tmp_path)

    got = import_opml(path, OPML / "newsboat.opml")

    assert [(f.name, f.url, f.tags) for f in got.added] == [
        ("Lakefront Ledger", "https://lakefrontledger.example/rss.xml", ("chicago", "news")),
        # No title: named after its host.
        ("quiethours.example", "https://quiethours.example/atom", ()),
    ]
    assert got.skipped_existing == ()
    assert len(got.skipped_invalid) == 2
    assert all("not an http(s) URL" in r for r in got.skipped_invalid)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(COMMENTED.split("\n# end of file")[0])
    assert text.endswith("\n# end of file\n")


def test_import_names_are_made_unique(tmp_path: Path) -> None:
    path = write_config(tmp_path / "feeds.yaml", [{"name": "News", "url": "https://a.example/"}])
    opml = (
        b'<opml version="2.0"><body>'
        b'<outline text="News" xmlUrl="https://b.example/"/>'
        b'<outline text="news" xmlUrl="https://c.example/"/>'
        b"</body></opml>"
    )
    assert [f.name for f in import_opml(path, opml).added] == ["News (2)", "news (3)"]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaa">]>'
            b'<opml version="2.0"><body><outline text="&a;" xmlUrl="https://x.example/"/>'
            b"</body></opml>",
            "refused: it declares a DOCTYPE or entities",
        ),
        (
            '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE opml SYSTEM "file:///etc/passwd">'
            "<opml/>".encode("utf-16"),
            "refused: it declares a DOCTYPE",
        ),
        (b"<opml><body><outline", "not valid XML"),
        (rss(ITEMS).encode(), r"not an OPML document \(the root element is <rss>\)"),
        (b'<opml version="2.0"><head/></opml>', r"no <body> element"),
        (
            b'<opml version="2.0"><body>'
            + b"<outline text='f'>" * 5000
            + b"</outline>" * 5000
            + b"</body></opml>",
            "nested too deeply",
        ),
    ],
)
def test_import_refuses_what_is_not_plain_opml(
    tmp_path: Path, document: bytes, message: str
) -> None:
    path = feeds_file(tmp_path)
    with pytest.raises(UsageError, match=message) as e:
        import_opml(path, document)
    assert "\n" not in str(e.value)
    assert path.read_text(encoding="utf-8") == COMMENTED


def test_import_a_missing_opml_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read"):
        import_opml(feeds_file(tmp_path), tmp_path / "nope.opml")


SPECIAL = "Q&A <Live> \"Daily\" & 'Pod' > ]]>"


def exported_config(tmp_path: Path) -> Path:
    (tmp_path / "local.xml").write_text(rss(ITEMS))
    text = (
        "feeds:\n"
        "  - name: World\n    url: https://world.example/rss\n    tags: [news, world]\n"
        "  - name: Untagged\n    url: https://untagged.example/feed\n"
        "  - name: Snapshot\n    url: local.xml\n    tags: [news]\n"
        "  - name: Sailing\n    url: https://sail.example/atom?x=1&y=2\n    tags: [outdoors]\n"
        "  - name: Local news\n    url: https://local.example/rss\n    tags: [news]\n"
        f"  - name: '{SPECIAL.replace(chr(39), chr(39) * 2)}'\n"
        "    url: https://qa.example/feed?a=1&b=<2>\n    tags: [talk, radio & tv]\n"
    )
    return feeds_file(tmp_path, text)


def test_export_opml(tmp_path: Path) -> None:
    config = load_config(exported_config(tmp_path))
    assert config.feeds[-1].name == SPECIAL

    text = export_opml(config, now=NOW)

    root = ET.fromstring(text)  # noqa: S314 - our own output
    assert root.tag == "opml"
    assert root.get("version") == "2.0"
    assert root.findtext("head/title") == "giftfind feeds"
    assert root.findtext("head/dateCreated") == format_datetime(NOW, usegmt=True)
    body = root.find("body")
    assert body is not None
    top = [(o.get("text"), o.get("xmlUrl")) for o in body]
    # Folders by first tag, where their first feed was; untagged feeds at the top
    # level; the local file left out.
    assert top == [
        ("news", None),
        ("Untagged", "https://untagged.example/feed"),
        ("outdoors", None),
        ("talk", None),
    ]
    news = body[0]
    assert [o.get("title") for o in news] == ["World", "Local news"]
    assert news[0].get("category") == "news,world"
    assert news[0].get("type") == "rss"
    (special,) = body[3]
    assert special.get("text") == special.get("title") == SPECIAL
    assert special.get("xmlUrl") == "https://qa.example/feed?a=1&b=<2>"
    assert "local.xml" not in text
    assert "Snapshot" not in text


def test_export_then_import_gives_the_same_feeds(tmp_path: Path) -> None:
    source = load_config(exported_config(tmp_path))
    opml = export_opml(source, now=NOW)
    target = tmp_path / "fresh"
    target.mkdir()

    for fresh in (target / "missing.yaml", feeds_file(target, "# mine\nfeeds: []\n")):
        got = import_opml(fresh, opml.encode("utf-8"))
        assert got.skipped_invalid == got.skipped_existing == ()
        # The same feeds (grouped by folder now, so in another order).
        http = {(f.name, f.url, f.tags) for f in source.feeds if not f.is_local}
        assert {(f.name, f.url, f.tags) for f in list_feeds(fresh)} == http
    assert (target / "feeds.yaml").read_text().startswith("# mine\nfeeds:\n  - name: World\n")
    assert len(list_feeds(target / "feeds.yaml")) == len(http)


# -- listing and the user's copy of the default ------------------------------------------------


def test_list_feeds(tmp_path: Path) -> None:
    assert [f.name for f in list_feeds(feeds_file(tmp_path))] == [
        "Harbor & Helm",
        "Lakefront",
        "Block Club",
    ]


def test_writable_config_copies_the_packaged_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_dir = tmp_path / "config" / "giftfind"
    monkeypatch.setattr(config_module, "user_config_dir", lambda: user_dir)
    default = default_config_path()

    copy = writable_config(default)

    assert copy == user_dir / "feeds.yaml"
    assert copy.read_bytes() == default.read_bytes()
    assert os.access(copy, os.W_OK)
    other = feeds_file(tmp_path)
    assert writable_config(other) == other
    # An existing user copy is never overwritten.
    copy.write_text("feeds:\n  - name: Mine\n    url: https://mine.example/\n")
    with pytest.raises(ConfigError, match="already exists: edit that one"):
        writable_config(default)
    assert "Mine" in copy.read_text()


def test_every_error_is_one_line(tmp_path: Path) -> None:
    path = feeds_file(tmp_path)
    for call in (
        lambda: remove_feed(path, "nothing"),
        lambda: add_feed(path, "gopher://x/"),
        lambda: import_opml(path, b"not xml"),
        lambda: remove_feed(tmp_path / "absent.yaml", "x"),
    ):
        with pytest.raises(GiftfindError) as e:
            call()
        assert "\n" not in str(e.value)


def test_stale_threshold_is_a_parameter(tmp_path: Path, server: FeedServer) -> None:
    feeds = [{"name": "Good", "url": server.add("/good.xml", RSS)}]
    config = load_config(write_config(tmp_path / "feeds.yaml", feeds))
    (report,) = check_feeds(config, now=NOW + timedelta(days=5), stale_days=3)
    assert report.problems == ("newest item is 7 days old",)
