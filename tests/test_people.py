"""The people file and ``giftfind people ...``: names, privacy (0600), atomic writes, export/import."""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giftfind import people
from giftfind.cli import app
from giftfind.errors import PeopleError, PersonNotFound, UsageError
from giftfind.people import Gift, PeopleBook, Person, edit_book, read_book

runner = CliRunner()

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def run(*args: str, input: str | None = None) -> object:
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def data_dir(_isolated: Path) -> Path:
    return _isolated / "data"  # $GIFTFIND_DATA_DIR, set by conftest


def person(name: str, interests: str = "sailing", **kw: object) -> Person:
    return Person(
        name=name,
        interests=people.parse_interests(interests),
        added=datetime(2026, 11, 1, tzinfo=UTC),
        **kw,  # type: ignore[arg-type]
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- names -----------------------------------------------------------------------------


def test_names_match_in_any_case_or_by_a_unique_start() -> None:
    book = PeopleBook([person("Jane Doe"), person("Jane Roe"), person("Sam Lee")])
    assert book.find("jane doe").name == "Jane Doe"
    assert book.find("  JANE   DOE ").name == "Jane Doe"
    assert book.find("sam").name == "Sam Lee"
    assert book.find("lee").name == "Sam Lee"
    assert book.find("jane d").name == "Jane Doe"
    with pytest.raises(PersonNotFound) as ambiguous:
        book.find("jane")
    assert "'jane' could be 'Jane Doe' or 'Jane Roe': give more of the name" in str(ambiguous.value)
    assert set(ambiguous.value.candidates) == {"Jane Doe", "Jane Roe"}
    with pytest.raises(PersonNotFound) as unknown:
        book.find("Jnae Doe")
    assert str(unknown.value).startswith("no person named 'Jnae Doe' (did you mean 'Jane Doe'")
    with pytest.raises(PersonNotFound, match="no one has been added yet"):
        PeopleBook().find("Jane")


def test_names_are_unique_in_any_case() -> None:
    book = PeopleBook([person("Jane Doe")])
    with pytest.raises(UsageError, match="'Jane Doe' is already there"):
        book.add(person("JANE DOE"))


def test_remove_wants_the_whole_name() -> None:
    book = PeopleBook([person("Jane Doe")])
    with pytest.raises(PersonNotFound, match="did you mean 'Jane Doe'"):
        book.remove("jane")
    assert book.remove("jane doe").name == "Jane Doe"
    assert len(book) == 0


# -- the command line ------------------------------------------------------------------


def test_add_list_show_edit_remove(data_dir: Path) -> None:
    r = run(
        "people", "add", "Jane Doe", "--interests", "sailing, Chicago, sailing",
        "--company", "Acme", "--met", "2026-11-20", "--note", "leads the office move",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr == "giftfind: added Jane Doe (sailing, Chicago)\n"
    assert run("people", "add", "Sam Lee", "-i", "jazz").exit_code == 0

    r = run("people", "list")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[:3] == [
        "Jane Doe · Acme · met 2026-11-20",
        "    interests: sailing, Chicago",
        "    no gifts sent yet · no digest yet",
    ]
    assert "Sam Lee" in r.stdout

    r = run("people", "show", "JANE", "--json")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert set(doc) == {
        "name", "interests", "company", "met", "note", "added", "last_digest", "gifts",
    }  # fmt: skip
    assert doc["interests"] == ["sailing", "Chicago"]
    assert doc["met"] == "2026-11-20"
    assert doc["gifts"] == []
    assert doc["added"].endswith("Z")

    r = run(
        "people",
        "edit",
        "jane",
        "--interests",
        "regattas",
        "--company",
        "",
        "--name",
        "Jane Q. Doe",
    )
    assert r.exit_code == 0, r.stderr
    shown = json.loads(run("people", "show", "jane q. doe", "--json").stdout)
    assert shown["name"] == "Jane Q. Doe"
    assert shown["interests"] == ["regattas"]
    assert shown["company"] is None
    assert shown["note"] == "leads the office move"  # untouched

    r = run("people", "remove", "jane q. doe")
    assert r.exit_code == 0
    assert r.stderr == "giftfind: removed Jane Q. Doe and her history (0 gifts)\n"
    assert [p["name"] for p in json.loads(run("people", "list", "--json").stdout)["people"]] == [
        "Sam Lee"
    ]


def test_errors_are_one_line_with_exit_2(data_dir: Path) -> None:
    assert run("people", "add", "Jane Doe", "-i", "sailing").exit_code == 0
    assert run("people", "add", "Jane Roe", "-i", "jazz").exit_code == 0
    cases = {
        ("people", "add", "jane doe", "-i", "x"): "giftfind: 'Jane Doe' is already there",
        ("people", "add", "Al", "-i", " , "): "giftfind: no interests given",
        (
            "people",
            "add",
            "Al",
            "-i",
            "x",
            "--met",
            "yesterday",
        ): "giftfind: --met: invalid date 'yesterday' (use YYYY-MM-DD)",
        ("people", "add", "  ", "-i", "x"): "giftfind: a person's name cannot be empty",
        (
            "people",
            "show",
            "jane",
        ): "giftfind: 'jane' could be 'Jane Doe' or 'Jane Roe': give more of the name",
        (
            "people",
            "show",
            "Jane Dough",
        ): "giftfind: no person named 'Jane Dough' (did you mean 'Jane Doe'",
        ("people", "edit", "jane doe"): "giftfind: nothing to change",
        ("people", "remove", "doe"): "giftfind: no person named 'doe' (did you mean 'Jane Doe'?)",
        ("history", "nobody"): "giftfind: no person named 'nobody'",
    }
    for args, message in cases.items():
        r = run(*args)
        assert r.exit_code == 2, (args, r.stderr)
        assert r.stderr.startswith(message), (args, r.stderr)
        assert len(r.stderr.splitlines()) == 1, r.stderr
        assert "Traceback" not in r.stderr
        assert r.stdout == ""


def test_empty_list_says_so(data_dir: Path) -> None:
    r = run("people", "list")
    assert r.exit_code == 0
    assert r.stdout == ""
    assert "no people yet" in r.stderr
    r = run("people", "list", "--json")
    assert json.loads(r.stdout) == {"schema_version": 1, "people": []}


# -- privacy and durability ----------------------------------------------------------------


@posix_only
def test_files_are_readable_by_the_user_alone(data_dir: Path) -> None:
    old = os.umask(0o022)  # a common, permissive umask
    try:
        assert run("people", "add", "Jane Doe", "-i", "sailing").exit_code == 0
        assert run("people", "edit", "Jane Doe", "--note", "n").exit_code == 0
        assert run("people", "add", "Sam Lee", "-i", "jazz").exit_code == 0
    finally:
        os.umask(old)
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "people.json") == 0o600
    assert mode(data_dir / "people.lock") == 0o600
    assert sorted(p.name for p in data_dir.iterdir()) == ["people.json", "people.lock"]


@posix_only
def test_a_loose_mode_is_tightened_on_the_next_save(data_dir: Path) -> None:
    assert run("people", "add", "Jane Doe", "-i", "sailing").exit_code == 0
    (data_dir / "people.json").chmod(0o644)
    assert run("people", "add", "Sam Lee", "-i", "jazz").exit_code == 0
    assert mode(data_dir / "people.json") == 0o600


def test_a_failed_write_leaves_the_old_file_whole(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("people", "add", "Jane Doe", "-i", "sailing").exit_code == 0
    before = (data_dir / "people.json").read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", crash)
        r = run("people", "add", "Sam Lee", "-i", "jazz")
    assert r.exit_code == 2
    assert r.stderr.startswith("giftfind: ")
    assert "cannot write it (No space left on device)" in r.stderr
    assert (data_dir / "people.json").read_bytes() == before
    assert not list(data_dir.glob("*.tmp"))
    assert not list(data_dir.glob(".*.tmp"))


def test_an_error_inside_an_edit_saves_nothing(data_dir: Path) -> None:
    with edit_book(data_dir) as book:
        book.add(person("Jane Doe"))

    def crash() -> None:
        with edit_book(data_dir) as book:
            book.add(person("Sam Lee"))
            raise RuntimeError("crash")

    with pytest.raises(RuntimeError):
        crash()
    assert [p.name for p in read_book(data_dir).people] == ["Jane Doe"]


def test_stale_temporary_files_are_removed(data_dir: Path) -> None:
    data_dir.mkdir()
    stale = data_dir / ".people.json.abc123.tmp"
    stale.write_text('{"people": [{"name": "Removed Person"}]}')
    with edit_book(data_dir) as book:
        book.add(person("Jane Doe"))
    assert not stale.exists()


def test_concurrent_edits_lose_nothing(data_dir: Path) -> None:
    def add(n: int) -> None:
        with edit_book(data_dir) as book:
            book.add(person(f"Person {n}"))

    threads = [threading.Thread(target=add, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(read_book(data_dir)) == 16


def test_a_corrupt_file_is_one_line(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "people.json").write_text("{not json")
    r = run("people", "list")
    assert r.exit_code == 2
    assert r.stderr.startswith(f"giftfind: {data_dir / 'people.json'}:1: not valid JSON")


# -- remove forgets, export and import -------------------------------------------------------


def test_remove_forgets_her_history_for_good(data_dir: Path) -> None:
    with edit_book(data_dir) as book:
        book.add(person("Jane Doe"))
        book.record_gift(
            "Jane Doe",
            Gift(
                url="https://secret.example/gift",
                title="A very private gift",
                sent=date(2026, 11, 2),
            ),
        )
        book.add(person("Sam Lee"))
    assert json.loads(run("history", "jane", "--json").stdout)["gifts"][0]["title"] == (
        "A very private gift"
    )
    r = run("people", "remove", "Jane Doe")
    assert r.exit_code == 0
    assert "(1 gift)" in r.stderr
    raw = b"".join(p.read_bytes() for p in data_dir.iterdir())
    assert b"Jane" not in raw
    assert b"secret.example" not in raw
    assert b"private gift" not in raw
    # Someone new by the same name starts with no history.
    assert run("people", "add", "Jane Doe", "-i", "sailing").exit_code == 0
    r = run("history", "Jane Doe", "--json")
    assert json.loads(r.stdout) == {"schema_version": 1, "name": "Jane Doe", "gifts": []}


def test_export_then_import_round_trips(data_dir: Path, tmp_path: Path) -> None:
    with edit_book(data_dir) as book:
        book.add(
            person("Jane Doe", "sailing, Chicago", company="Acme", met=date(2026, 11, 20), note="n")
        )
        book.record_gift(
            "Jane Doe",
            Gift(url="https://a.example/1", title="One", sent=date(2026, 11, 2), id="x1"),
        )
        book.mark_digest("jane doe", datetime(2026, 11, 3, tzinfo=UTC))
    r = run("people", "export")
    assert r.exit_code == 0
    exported = json.loads(r.stdout)
    assert exported["schema_version"] == 1
    jane = exported["people"][0]
    assert jane["gifts"] == [
        {"sent": "2026-11-02", "title": "One", "url": "https://a.example/1", "id": "x1"}
    ]
    assert jane["last_digest"] == "2026-11-03T00:00:00Z"
    file = tmp_path / "export.json"
    file.write_text(r.stdout)

    elsewhere = tmp_path / "elsewhere"
    r = run("people", "import", str(file), "--data-dir", str(elsewhere))
    assert r.exit_code == 0, r.stderr
    assert "1 added, 0 updated" in r.stderr
    assert (
        run("people", "export", "--data-dir", str(elsewhere)).stdout
        == run("people", "export").stdout
    )


def test_import_merges_gifts_and_keeps_the_later_mark(data_dir: Path, tmp_path: Path) -> None:
    with edit_book(data_dir) as book:
        book.add(person("Jane Doe"))
        book.record_gift(
            "Jane Doe", Gift(url="https://a.example/1", title="One", sent=date(2026, 11, 2))
        )
        book.mark_digest("jane doe", datetime(2026, 11, 5, tzinfo=UTC))
    other = PeopleBook([person("jane doe", "regattas"), person("Sam Lee")])
    other.record_gift(
        "jane doe",
        Gift(url="https://a.example/1?utm_source=x", title="One", sent=date(2026, 11, 2)),
    )
    other.record_gift(
        "jane doe", Gift(url="https://a.example/2", title="Two", sent=date(2026, 11, 4))
    )
    other.mark_digest("jane doe", datetime(2026, 11, 1, tzinfo=UTC))
    r = run("people", "import", "-", input=people.dumps(other))
    assert r.exit_code == 0, r.stderr
    assert "1 added, 1 updated" in r.stderr
    jane = read_book(data_dir).find("jane doe")
    assert jane.interests == ("regattas",)
    assert [g.title for g in jane.gifts] == ["One", "Two"]
    assert jane.last_digest == datetime(2026, 11, 5, tzinfo=UTC)
    r = run("people", "import", "-", "--replace", input=people.dumps(PeopleBook([person("Al")])))
    assert r.exit_code == 0
    assert [p.name for p in read_book(data_dir).people] == ["Al"]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"schema_version": 9, "people": []}, "schema_version 9 is newer than this giftfind reads"),
        ({"schema_version": 1, "poeple": []}, "unknown key 'poeple' (did you mean 'people'?)"),
        (
            {"schema_version": 1, "people": [{"name": "A", "interests": "x"}]},
            "person 1 ('A'): 'interests' must be a list",
        ),
        (
            {
                "schema_version": 1,
                "people": [
                    {
                        "name": "A",
                        "interests": ["x"],
                        "gifts": [{"url": "javascript:alert(1)", "sent": "2026-01-01"}],
                    }
                ],
            },
            "not an http(s) link",
        ),
        (
            {
                "schema_version": 1,
                "people": [{"name": "A", "interests": ["x"]}, {"name": "a", "interests": ["y"]}],
            },
            "'A' is already there",
        ),
    ],
)
def test_import_refuses_a_bad_file(
    data_dir: Path, tmp_path: Path, doc: object, message: str
) -> None:
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(doc))
    r = run("people", "import", str(file))
    assert r.exit_code == 2
    assert r.stderr.startswith(f"giftfind: {file}: ")
    assert message in r.stderr
    assert not (data_dir / "people.json").exists()


def test_person_text_is_cleaned() -> None:
    p = Person(
        name=people.check_name("Jane\x1b[31m \u202eDoe"),
        interests=people.parse_interests("sail\x07ing, \u200bChicago"),
        added=datetime(2026, 11, 1, tzinfo=UTC),
    )
    assert p.name == "Jane Doe"
    assert p.interests == ("sailing", "Chicago")
    with pytest.raises(PeopleError):
        people.loads(b"\xff\xfe", "x.json")
