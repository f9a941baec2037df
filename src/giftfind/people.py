"""Interviewers and the gifts sent to them: the people file.

This is personal data, so it stays on the user's machine, in one JSON file
(``people.json`` in the data directory) that only the user can read: the file
is mode 0600, and a directory giftfind creates for it is mode 0700. Every
change writes the whole file to a new temporary file (created 0600) and renames
it over the old one (``os.replace``), so a crash leaves the old file or the new
one, never half of one. Changes are made under a lock file, so that a scheduled
``giftfind digest`` and a ``giftfind sent`` typed at the same time do not lose
each other's work. Removing a person rewrites the file without her, her gifts
and her digest mark: nothing of her is kept anywhere else.

The file's shape is the export format (``giftfind people export``): readable,
diffable, and importable on another machine. Contains no business logic
beyond how a name typed on the command line finds a person.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from . import _files
from .errors import PeopleError, PersonNotFound, UsageError
from .text import allowed_url, canonical_url, clean

#: Environment variable naming the data directory (where the people file lives).
DATA_ENV = "GIFTFIND_DATA_DIR"
#: The people file's name in the data directory.
FILE_NAME = "people.json"
#: Version of the people file's (and the export's) shape.
SCHEMA_VERSION = 1
#: Longest name, note, company or interest kept (longer ones are refused).
MAX_FIELD = 2000

_PERSON_KEYS = ("name", "interests", "company", "met", "note", "added", "last_digest", "gifts")
_GIFT_KEYS = ("sent", "title", "url", "id")


@dataclass(frozen=True, slots=True, kw_only=True)
class Gift:
    """An article sent to a person."""

    #: The link that was sent (an http(s) URL).
    url: str
    title: str
    #: The day it was sent.
    sent: date
    #: The stored article's id, when giftfind had it stored.
    id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """An interviewer: her interests, where she was met, and what she was sent."""

    name: str
    #: What she cares about, each searched as one interest.
    interests: tuple[str, ...]
    company: str | None = None
    #: The day of the interview.
    met: date | None = None
    note: str | None = None
    #: When she was added.
    added: datetime
    #: What was sent to her, oldest first.
    gifts: tuple[Gift, ...] = ()
    #: Where her last digest stopped: articles giftfind first stored after this are new.
    last_digest: datetime | None = None

    @property
    def key(self) -> str:
        """The name as matched: spaces collapsed, case folded."""
        return name_key(self.name)

    @property
    def query(self) -> str:
        """Her interests as a search query."""
        return ", ".join(self.interests)

    def sent_before(self, article_id: str | None, url: str | None) -> Gift | None:
        """The gift that already sent this article (same id, or same link), if any."""
        link = canonical_url(url) if url else None
        for gift in self.gifts:
            if article_id is not None and gift.id == article_id:
                return gift
            if link is not None and canonical_url(gift.url) == link:
                return gift
        return None


def name_key(name: str) -> str:
    """How names are compared: spaces collapsed, case folded (``Jane  DOE`` = ``jane doe``)."""
    return " ".join(name.split()).casefold()


def default_data_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$GIFTFIND_DATA_DIR``, else the platform's user data directory."""
    env = os.environ if env is None else env
    if env.get(DATA_ENV):
        return Path(env[DATA_ENV]).expanduser()
    from platformdirs import user_data_path

    return user_data_path("giftfind", appauthor=False)


# -- values typed by a user ------------------------------------------------------------


def parse_interests(text: str) -> tuple[str, ...]:
    """Comma-separated interests, trimmed, blanks and repeats dropped; at least one."""
    seen: set[str] = set()
    out = []
    for part in text.split(","):
        interest = clean(part)
        if len(interest) > MAX_FIELD:
            raise UsageError(f"interest too long ({len(interest)} characters)")
        if interest and interest.casefold() not in seen:
            seen.add(interest.casefold())
            out.append(interest)
    if not out:
        raise UsageError('no interests given: --interests "sailing, Chicago"')
    return tuple(out)


def parse_date(text: str, what: str = "date") -> date:
    """A day written as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{what}: invalid date {text!r} (use YYYY-MM-DD)") from None


def check_name(name: str) -> str:
    """A person's name, cleaned; refuses an empty or overlong one."""
    cleaned = clean(name)
    if not cleaned:
        raise UsageError("a person's name cannot be empty")
    if len(cleaned) > 200:
        raise UsageError(f"name too long ({len(cleaned)} characters; at most 200)")
    return cleaned


def optional_text(value: str | None, what: str) -> str | None:
    """A free-text field: cleaned; an empty one means none."""
    if value is None:
        return None
    cleaned = clean(value)
    if len(cleaned) > MAX_FIELD:
        raise UsageError(f"{what} too long ({len(cleaned)} characters; at most {MAX_FIELD})")
    return cleaned or None


def check_url(url: str) -> str:
    """A gift's link: an absolute http(s) URL."""
    allowed = allowed_url(url.strip())
    if not allowed:
        raise UsageError(f"not an http(s) link: {url!r}")
    return allowed


# -- the book --------------------------------------------------------------------------


class PeopleBook:
    """Every person, by name; changed in memory, saved by :func:`edit_book`."""

    def __init__(self, people: Iterable[Person] = ()) -> None:
        self._people: dict[str, Person] = {}
        for person in people:
            self.add(person)

    @property
    def people(self) -> tuple[Person, ...]:
        """Everyone, in name order."""
        return tuple(sorted(self._people.values(), key=lambda p: (p.key, p.name)))

    def __len__(self) -> int:
        return len(self._people)

    def find(self, name: str, *, exact: bool = False) -> Person:
        """The person ``name`` names: her whole name in any case, or (unless ``exact``)
        the start of her name or of one of its words, if no one else shares it.

        Raises PersonNotFound, naming the close matches.
        """
        key = name_key(name)
        if not key:
            raise PersonNotFound("a person's name cannot be empty")
        person = self._people.get(key)
        if person is not None:
            return person
        if not exact:
            starts = [p for p in self.people if _abbreviates(key, p.key)]
            if len(starts) == 1:
                return starts[0]
            if starts:
                names = tuple(p.name for p in starts)
                raise PersonNotFound(
                    f"{clean(name)!r} could be {_either(names)}: give more of the name",
                    candidates=names,
                )
        if not self._people:
            raise PersonNotFound(
                f"no person named {clean(name)!r}: no one has been added yet "
                '(giftfind people add NAME --interests "...")'
            )
        import difflib

        keys = {p.key: p.name for p in self.people}
        close = difflib.get_close_matches(key, list(keys), n=3, cutoff=0.6)
        names = tuple(keys[k] for k in close)
        if exact:
            names = tuple(
                dict.fromkeys([*names, *(p.name for p in self.people if _abbreviates(key, p.key))])
            )
        hint = f" (did you mean {_either(names)}?)" if names else " (see giftfind people list)"
        raise PersonNotFound(f"no person named {clean(name)!r}{hint}", candidates=names)

    def add(self, person: Person) -> None:
        """Add a person; refuses a name already taken (in any case)."""
        if person.key in self._people:
            raise UsageError(
                f"{self._people[person.key].name!r} is already there: "
                "use giftfind people edit to change her"
            )
        self._people[person.key] = person

    def update(self, who: str, /, **changes: Any) -> Person:
        """Change fields of the person ``who`` names (a new ``name`` renames her)."""
        old = self.find(who)
        new = replace(old, **changes)
        if new.key != old.key and new.key in self._people:
            raise UsageError(f"{self._people[new.key].name!r} is already there")
        del self._people[old.key]
        self._people[new.key] = new
        return new

    def remove(self, name: str) -> Person:
        """Forget the person with this whole name (any case), her gifts and her digest mark."""
        person = self.find(name, exact=True)
        del self._people[person.key]
        return person

    def record_gift(self, name: str, gift: Gift) -> tuple[Person, Gift | None]:
        """Add a gift to the person's history; returns her and the earlier gift of the
        same article (then nothing is added)."""
        person = self.find(name)
        earlier = person.sent_before(gift.id, gift.url)
        if earlier is not None:
            return person, earlier
        return self.update(person.name, gifts=(*person.gifts, gift)), None

    def mark_digest(self, key: str, when: datetime) -> None:
        """Move a person's digest mark forward to ``when`` (never back); gone people are skipped."""
        person = self._people.get(key)
        if person is None:
            return
        if person.last_digest is None or when > person.last_digest:
            self._people[key] = replace(person, last_digest=when)

    def merge(self, other: PeopleBook) -> tuple[int, int]:
        """Take in ``other``'s people: new ones are added; a person already here takes
        the imported fields, keeps the union of both gift lists and the later digest
        mark. Returns how many were added and how many updated."""
        added = updated = 0
        for person in other.people:
            mine = self._people.get(person.key)
            if mine is None:
                self._people[person.key] = person
                added += 1
                continue
            gifts = list(mine.gifts)
            for gift in person.gifts:
                if mine.sent_before(gift.id, gift.url) is None:
                    gifts.append(gift)
            marks = [m for m in (mine.last_digest, person.last_digest) if m is not None]
            self._people[person.key] = replace(
                person,
                added=min(mine.added, person.added),
                gifts=tuple(sorted(gifts, key=lambda g: g.sent)),
                last_digest=max(marks) if marks else None,
            )
            updated += 1
        return added, updated


def _abbreviates(key: str, name: str) -> bool:
    return name.startswith(key) or any(word.startswith(key) for word in name.split())


def _either(names: Iterable[str]) -> str:
    quoted = [repr(n) for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


# -- the file's shape -------------------------------------------------------------------


def _iso(when: datetime | None) -> str | None:
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z") if when is not None else None


def gift_to_dict(gift: Gift) -> dict[str, Any]:
    """A gift in the documented JSON shape."""
    return {"sent": gift.sent.isoformat(), "title": gift.title, "url": gift.url, "id": gift.id}


def person_to_dict(person: Person) -> dict[str, Any]:
    """A person in the documented JSON shape (the people file's and the export's)."""
    return {
        "name": person.name,
        "interests": list(person.interests),
        "company": person.company,
        "met": person.met.isoformat() if person.met else None,
        "note": person.note,
        "added": _iso(person.added),
        "last_digest": _iso(person.last_digest),
        "gifts": [gift_to_dict(g) for g in person.gifts],
    }


def book_to_dict(book: PeopleBook) -> dict[str, Any]:
    """The whole book: ``{"schema_version": 1, "people": [...]}``."""
    return {"schema_version": SCHEMA_VERSION, "people": [person_to_dict(p) for p in book.people]}


def book_from_dict(data: Any, source: str) -> PeopleBook:
    """Read a book written by :func:`book_to_dict` (a people file or an export).

    Everything is checked; an error names ``source`` and the person.
    """
    if not isinstance(data, dict):
        raise PeopleError(f"{source}: not a people file (expected a JSON object)")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        newer = isinstance(version, int) and version > SCHEMA_VERSION
        raise PeopleError(
            f"{source}: schema_version {version!r} "
            + ("is newer than this giftfind reads; upgrade giftfind" if newer else "unknown")
        )
    _no_other_keys(data, ("schema_version", "people"), source)
    people = data.get("people")
    if not isinstance(people, list):
        raise PeopleError(f"{source}: 'people' must be a list")
    book = PeopleBook()
    for n, item in enumerate(people, 1):
        where = f"{source}: person {n}"
        try:
            person = _person_from_dict(item, where)
            book.add(person)
        except UsageError as e:
            raise PeopleError(f"{where}: {e}") from None
    return book


def _no_other_keys(d: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in d:
        if key not in allowed:
            import difflib

            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise PeopleError(f"{where}: unknown key {clean(str(key))!r}{hint}")


def _text(d: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
    value = d.get(key)
    if value is None:
        if required:
            raise PeopleError(f"{where}: {key!r} is missing")
        return None
    if not isinstance(value, str):
        raise PeopleError(f"{where}: {key!r} must be a string")
    return value


def _when(value: Any, key: str, where: str) -> datetime | None:
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise PeopleError(f"{where}: {key!r}: invalid date and time {value!r}") from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _person_from_dict(d: Any, where: str) -> Person:
    if not isinstance(d, dict):
        raise PeopleError(f"{where}: expected an object")
    _no_other_keys(d, _PERSON_KEYS, where)
    name = check_name(_text(d, "name", where, required=True) or "")
    where = f"{where} ({name!r})"
    interests = d.get("interests")
    if not isinstance(interests, list) or not all(isinstance(i, str) for i in interests):
        raise PeopleError(f"{where}: 'interests' must be a list of strings")
    met = _text(d, "met", where)
    gifts = d.get("gifts") or []
    if not isinstance(gifts, list):
        raise PeopleError(f"{where}: 'gifts' must be a list")
    return Person(
        name=name,
        interests=parse_interests(",".join(i.replace(",", " ") for i in interests)),
        company=optional_text(_text(d, "company", where), "company"),
        met=parse_date(met, f"{where}: 'met'") if met else None,
        note=optional_text(_text(d, "note", where), "note"),
        added=_when(d.get("added"), "added", where) or datetime.now(UTC),
        last_digest=_when(d.get("last_digest"), "last_digest", where),
        gifts=tuple(_gift_from_dict(g, f"{where}: gift {n}") for n, g in enumerate(gifts, 1)),
    )


def _gift_from_dict(d: Any, where: str) -> Gift:
    if not isinstance(d, dict):
        raise PeopleError(f"{where}: expected an object")
    _no_other_keys(d, _GIFT_KEYS, where)
    return Gift(
        url=check_url(_text(d, "url", where, required=True) or ""),
        title=clean(_text(d, "title", where) or ""),
        sent=parse_date(_text(d, "sent", where, required=True) or "", f"{where}: 'sent'"),
        id=_text(d, "id", where),
    )


# -- the file on disk -------------------------------------------------------------------


def people_file(data_dir: Path) -> Path:
    """Where the people file lives in ``data_dir``."""
    return data_dir / FILE_NAME


def read_book(data_dir: Path) -> PeopleBook:
    """The people file as it is now (an empty book if there is none yet)."""
    path = people_file(data_dir)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return PeopleBook()
    except OSError as e:
        raise PeopleError(f"{path}: cannot read it ({e.strerror or e})") from e
    return loads(raw, str(path))


def loads(raw: bytes | str, source: str) -> PeopleBook:
    """Read a people file's (or an export's) text."""
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise PeopleError(f"{source}: not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise PeopleError(f"{source}:{e.lineno}: not valid JSON ({e.msg})") from None
    return book_from_dict(data, source)


def dumps(book: PeopleBook) -> str:
    """The book as the people file holds it (and as ``people export`` prints it)."""
    return json.dumps(book_to_dict(book), ensure_ascii=False, indent=2) + "\n"


@contextlib.contextmanager
def edit_book(data_dir: Path) -> Iterator[PeopleBook]:
    """Lock the people file, read it, let the caller change the book, and save it.

    Nothing is saved if the caller raises. The save is atomic and keeps the file
    0600; other giftfind processes wait for the lock.
    """
    _make_dir(data_dir)
    with _locked(data_dir):
        book = read_book(data_dir)
        yield book
        _save(book, data_dir)


def _make_dir(data_dir: Path) -> None:
    if data_dir.is_dir():
        return
    try:
        # 0700: the directory's listing is nobody else's business either.
        data_dir.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        pass
    except OSError as e:
        raise PeopleError(
            f"{data_dir}: cannot create the data directory ({e.strerror or e}); "
            f"use --data-dir or ${DATA_ENV}"
        ) from e


@contextlib.contextmanager
def _locked(data_dir: Path) -> Iterator[None]:
    path = data_dir / "people.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as e:
        raise PeopleError(f"{path}: cannot take the lock ({e.strerror or e})") from e
    try:
        _files.lock(fd)  # people commands are quick: simply wait
        try:
            yield
        finally:
            _files.unlock(fd)
    finally:
        os.close(fd)


def _save(book: PeopleBook, data_dir: Path) -> None:
    """Write the book atomically: a new 0600 file, fsynced, renamed over the old one."""
    path = people_file(data_dir)
    data = dumps(book).encode("utf-8")
    # Under the lock, any temporary file left is a crashed writer's: it may hold
    # people since removed, so it goes.
    for stale in data_dir.glob(f".{FILE_NAME}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
    try:
        _files.write_atomic(path, data, mode=0o600)
    except OSError as e:
        raise PeopleError(f"{path}: cannot write it ({e.strerror or e})") from e
    _files.sync_dir(data_dir)
