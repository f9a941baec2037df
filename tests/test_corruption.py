"""Damaged cache files: detected, reported in one line, rebuilt from what can be read.

Each case damages one file of a store made by a real refresh of the bundled
sample: the SQLite database, one value in it, a value file an older giftfind
wrote, or a file of the search index. The first command that reads it says so in
one line on stderr (exit 74, never a traceback); what was damaged has been set
aside or dropped by then, so the next search answers (the index rebuilt from the
articles) and the next refresh fetches again whatever was lost.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giftfind.cli import app
from giftfind.core import close_stores
from giftfind.errors import ExitCode

from .conftest import SAMPLE
from .faultlib import stored_ids

runner = CliRunner()
QUERY = "sailing, Chicago, jazz"
LAKEFRONT = "lakefront-ledger.xml"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled sample (its files' dates are the local feeds' validators)."""
    copy = tmp_path_factory.mktemp("sample") / "sample"
    shutil.copytree(SAMPLE, copy)
    return copy


def cli(cache: Path, *args: str) -> tuple[int, str, str]:
    """Run giftfind as a user would (in this process), then forget the open store, as
    the end of a process would. The sample's feeds.yaml sits beside the cache."""
    feeds = cache.parent / "sample" / "feeds.yaml"
    r = runner.invoke(app, [*args, "--feeds", str(feeds), "--cache-dir", str(cache)])
    close_stores()
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.stderr
    return r.exit_code, r.stdout, r.stderr


def search(cache: Path) -> tuple[int, list[str], str]:
    code, out, err = cli(cache, "--offline", QUERY, "-n", "12", "--json")
    ids = [x["id"] for x in json.loads(out)["results"]] if out else []
    return code, ids, err


Pristine = tuple[Path, list[str], dict[str, set[str]]]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory, sample: Path) -> Pristine:
    """A store and index made by one refresh of the sample (nothing searched, so no
    cached answers), what the query finds in it, and what it holds."""
    home = sample.parent
    code, _, err = cli(home / "cache", "refresh")
    assert code == 0, err
    shutil.copytree(home / "cache", home / "cache-probe")
    code, ids, err = search(home / "cache-probe")
    assert code == 0, err
    assert len(ids) == 12
    return home / "cache", ids, stored_ids(home / "cache")


@pytest.fixture
def cache(pristine: Pristine, tmp_path: Path) -> Path:
    """A copy of the pristine store, beside the sample's feeds.yaml."""
    (tmp_path / "sample").symlink_to(pristine[0].parent / "sample")
    shutil.copytree(pristine[0], tmp_path / "cache")
    return tmp_path / "cache"


# -- ways to damage a store ---------------------------------------------------------------


def _db(cache: Path) -> Path:
    return cache / "store" / "cache.db"


def _segment_file(cache: Path, name: str) -> Path:
    (found,) = cache.glob(f"index/*/seg-*/{name}")
    return found


def _set_value(cache: Path, key: str, value: bytes) -> None:
    with sqlite3.connect(_db(cache)) as con:
        assert con.execute("UPDATE Cache SET value = ? WHERE key = ?", (value, key)).rowcount == 1
    con.close()


def _value(cache: Path, key: str) -> bytes:
    with sqlite3.connect(_db(cache)) as con:
        (value,) = con.execute("SELECT value FROM Cache WHERE key = ?", (key,)).fetchone()
    con.close()
    return bytes(value)


def _drop_index(cache: Path) -> None:
    # So that the next search reads every article (to build the index from them).
    shutil.rmtree(cache / "index")


def db_garbage(cache: Path) -> None:
    _db(cache).write_bytes(random.Random(1).randbytes(_db(cache).stat().st_size))


def db_truncated(cache: Path) -> None:
    data = _db(cache).read_bytes()
    _db(cache).write_bytes(data[: len(data) // 2])
    _drop_index(cache)


def db_pages_overwritten(cache: Path) -> None:
    data = bytearray(_db(cache).read_bytes())
    rng = random.Random(2)
    for page in range(len(data) // 4096 // 3, len(data) // 4096 // 3 + 4):
        data[page * 4096 : page * 4096 + 4096] = rng.randbytes(4096)
    _db(cache).write_bytes(bytes(data))
    _drop_index(cache)


def _key(cache: Path, kind: str, file: str = LAKEFRONT) -> str:
    return f"v1:{kind}:{(cache.parent / 'sample' / file).resolve()}"


def articles_blob_truncated(cache: Path) -> None:
    key = _key(cache, "articles")
    _set_value(cache, key, _value(cache, key)[:500])
    _drop_index(cache)


def articles_blob_wrong_shape(cache: Path) -> None:
    import pickle

    _set_value(cache, _key(cache, "articles"), pickle.dumps({"x": ["not", "an", "article"]}))
    _drop_index(cache)


def meta_garbage(cache: Path) -> None:
    _set_value(cache, "v1:meta", b"\x80\x05garbage")


def state_garbage(cache: Path) -> None:
    _set_value(cache, _key(cache, "feed"), b"\x80\x05\x95garbage")


def _legacy_value_file(cache: Path) -> Path:
    """Move the Lakefront articles into a value file, as giftfind before 0.x wrote large
    values, and return that file."""
    import diskcache

    key = _key(cache, "articles")
    with diskcache.Cache(str(cache / "store"), disk_min_file_size=0) as old:
        old.set(key, old.get(key))
    (found,) = (cache / "store").glob("*/*/*.val")
    return found


def value_file_truncated(cache: Path) -> None:
    path = _legacy_value_file(cache)
    path.write_bytes(path.read_bytes()[:300])
    _drop_index(cache)


def value_file_missing(cache: Path) -> None:
    _legacy_value_file(cache).unlink()
    _drop_index(cache)


STORE_DAMAGE: dict[str, Callable[[Path], None]] = {
    f.__name__: f
    for f in (
        db_garbage,
        db_truncated,
        db_pages_overwritten,
        articles_blob_truncated,
        articles_blob_wrong_shape,
        meta_garbage,
        state_garbage,
        value_file_truncated,
        value_file_missing,
    )
}


def _cut(name: str, keep: float) -> Callable[[Path], None]:
    def damage(cache: Path) -> None:
        path = _segment_file(cache, name)
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * keep)])

    return damage


def _garbage_after_header(name: str) -> Callable[[Path], None]:
    def damage(cache: Path) -> None:
        path = _segment_file(cache, name)
        data = bytearray(path.read_bytes())
        data[128:] = random.Random(3).randbytes(len(data) - 128)
        path.write_bytes(bytes(data))

    return damage


def current_garbage(cache: Path) -> None:
    (current,) = cache.glob("index/*/CURRENT")
    current.write_bytes(b"\xff\xfe garbage")


def current_names_nothing(cache: Path) -> None:
    (current,) = cache.glob("index/*/CURRENT")
    current.write_text("snap-0-gone")


def meta_json_truncated(cache: Path) -> None:
    (meta,) = cache.glob("index/*/snap-*/meta.json")
    meta.write_text(meta.read_text()[:50])


def segment_missing(cache: Path) -> None:
    (segment,) = cache.glob("index/*/seg-*")
    shutil.rmtree(segment)


INDEX_DAMAGE: dict[str, Callable[[Path], None]] = {
    "current_garbage": current_garbage,
    "current_names_nothing": current_names_nothing,
    "meta_json_truncated": meta_json_truncated,
    "segment_missing": segment_missing,
    "terms_npy_empty": _cut("terms.npy", 0),
    "post_doc_npy_half": _cut("post_doc.npy", 0.5),
    "docs_off_npy_half": _cut("docs_off.npy", 0.5),
    "dl_npy_half": _cut("dl.npy", 0.5),
    "docs_jsonl_half": _cut("docs.jsonl", 0.5),
    "sources_json_empty": _cut("sources.json", 0),
    "post_doc_npy_garbage": _garbage_after_header("post_doc.npy"),
    "docs_jsonl_garbage": _garbage_after_header("docs.jsonl"),
}


def _one_damage_line(err: str, what: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"giftfind: the {what} in "), err
    assert "was damaged" in lines[0] or "is damaged" in lines[0], err
    return lines[0]


# -- the tests ----------------------------------------------------------------------------


@pytest.mark.parametrize("damage", sorted(INDEX_DAMAGE))
def test_damaged_index_is_reported_once_and_rebuilt(
    damage: str, cache: Path, pristine: Pristine
) -> None:
    INDEX_DAMAGE[damage](cache)
    code, ids, err = search(cache)
    assert code == ExitCode.STORE, (code, err)
    assert ids == []
    _one_damage_line(err, "search index")
    # The next search rebuilds it from the stored articles: the same answer as before.
    code, ids, err = search(cache)
    assert (code, err) == (0, "")
    assert ids == pristine[1]


@pytest.mark.parametrize("damage", sorted(STORE_DAMAGE))
def test_damaged_store_is_reported_once_and_repaired(
    damage: str, cache: Path, pristine: Pristine
) -> None:
    STORE_DAMAGE[damage](cache)
    # A feed's fetch state is read by a refresh; the rest by a search that has to
    # build the index from the articles.
    first = ("refresh",) if damage == "state_garbage" else ("--offline", QUERY)
    code, _, err = cli(cache, *first)
    assert code == ExitCode.STORE, (code, err)
    line = _one_damage_line(err, "store")
    if damage.startswith("db_"):
        # The database itself: set aside, whole, for whoever wants to look at it.
        assert "set it aside as 'store.damaged-" in line
        assert len(list(cache.glob("store.damaged-*/cache.db"))) == 1
    # Whatever could be read answers offline at once.
    code, _, err = search(cache)
    assert code in (ExitCode.OK, ExitCode.NO_RESULTS), err
    assert "damaged" not in err
    # The next refresh fetches what was lost: the store is whole again.
    code, _, err = cli(cache, "refresh")
    assert (code, err) == (0, "")
    assert stored_ids(cache) == pristine[2]
    code, ids, err = search(cache)
    assert (code, err) == (0, "")
    # (Not always the same order as before: an index updated in steps keeps the
    # statistics of the documents it replaced until its next merge.)
    assert len(ids) == len(pristine[1])
    assert set(ids) <= set().union(*pristine[2].values())


def test_damage_found_by_a_refresh_is_repaired_too(cache: Path, pristine: Pristine) -> None:
    articles_blob_truncated(cache)
    # A changed validator: the refresh fetches the feed (no 304), and reads its stored
    # articles to merge the document into them.
    feed = cache.parent / "sample" / LAKEFRONT
    times = feed.stat()
    os.utime(feed, ns=(times.st_atime_ns, times.st_mtime_ns + 1_000_000_000))
    try:
        code, _, err = cli(cache, "refresh", "--all")
        assert code == ExitCode.STORE, err
        _one_damage_line(err, "store")
        code, _, err = cli(cache, "refresh")
        assert (code, err) == (0, "")
    finally:
        os.utime(feed, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert stored_ids(cache) == pristine[2]


def test_a_new_store_beside_an_old_index_never_passes_it_for_current(tmp_path: Path) -> None:
    # The store deleted by hand (or replaced after damage) while the index stays: the
    # new store must not count its generations from 0 again, or once it reaches the
    # old index's generation that index would answer for it.
    shutil.copytree(SAMPLE, tmp_path / "sample")
    cache = tmp_path / "cache"
    assert cli(cache, "refresh")[0] == 0
    shutil.rmtree(cache / "store")
    atom = tmp_path / "sample" / "harbor-and-helm.atom"
    atom.write_text(atom.read_text().replace("Tall ship schooner", "Tall ship barquentine"))
    assert cli(cache, "refresh")[0] == 0  # the same feeds, so as many generations
    code, out, err = cli(cache, "--offline", "barquentine", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["results"][0]["title"].startswith("Tall ship barquentine")
