"""The exception tree and the exit codes.

Every deliberate error is a :class:`GiftfindError` whose ``str()`` is one line a
user can act on ("where: what"), so the command line can print it as is.
Contains no business logic.
"""

from __future__ import annotations

from enum import IntEnum
from typing import ClassVar


class ExitCode(IntEnum):
    """Process exit codes of the ``giftfind`` command."""

    OK = 0
    #: A search found nothing worth sending (like grep).
    NO_RESULTS = 1
    #: Bad usage or a bad feeds.yaml.
    USAGE = 2
    #: ``giftfind refresh``: some feeds failed (the rest were stored).
    FEEDS_FAILED = 3
    #: Another refresh holds the lock.
    LOCKED = 4
    #: ``giftfind batch``: some rows were bad (reported on stderr; the rest were answered).
    BAD_ROWS = 5
    #: A bug: an exception that is not a GiftfindError.
    INTERNAL = 70
    #: The store cannot be used: not writable, the disk is full, or it was damaged
    #: (then what could be read was kept, and the command can be run again).
    STORE = 74
    #: Interrupted by Ctrl-C.
    INTERRUPTED = 130


class GiftfindError(Exception):
    """Base of every deliberate error; ``str(e)`` is one line a user can act on."""

    exit_code: ClassVar[int] = ExitCode.NO_RESULTS


class ConfigError(GiftfindError):
    """feeds.yaml (or a command-line value) is invalid."""

    exit_code: ClassVar[int] = ExitCode.USAGE

    def __init__(
        self,
        message: str,
        *,
        path: object | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        where = ""
        if path is not None:
            where = str(path) + (f":{line}" if line is not None else "") + ": "
        super().__init__(where + message)


class UsageError(GiftfindError):
    """A command-line argument is invalid (bad duration, empty query...)."""

    exit_code: ClassVar[int] = ExitCode.USAGE


class FeedError(GiftfindError):
    """One feed could not be fetched or parsed; never fatal to a run."""

    def __init__(self, feed: str, message: str) -> None:
        self.feed = feed
        self.message = message
        super().__init__(f"feed {feed!r}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled (to cross from a worker process) with the arguments __init__ takes,
        # not the one formatted line Exception would pass back.
        return (type(self), (self.feed, self.message), self.__dict__)


class FetchError(FeedError):
    """The feed could not be retrieved (network, HTTP status, size cap...)."""

    def __init__(
        self,
        feed: str,
        message: str,
        *,
        url: str | None = None,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.url = url
        self.status = status
        #: Seconds the server asked us to wait (HTTP Retry-After), if any.
        self.retry_after = retry_after
        super().__init__(feed, message)


class ParseError(FeedError):
    """The feed was retrieved but is not a feed giftfind can read."""


class StoreError(GiftfindError):
    """The local store cannot be opened, read or written."""

    exit_code: ClassVar[int] = ExitCode.STORE


class StoreDamaged(StoreError):
    """Part of the store or of its index could not be read: it was set aside or dropped,
    what could be read was kept, and the rest comes back by itself (the index is
    rebuilt from the articles, the articles by the next refresh)."""


class StoreLocked(StoreError):
    """Another giftfind process holds the refresh lock."""

    exit_code: ClassVar[int] = ExitCode.LOCKED


class PeopleError(GiftfindError):
    """The people file (interviewers and the gifts sent to them) cannot be read or written."""

    exit_code: ClassVar[int] = ExitCode.USAGE


class PersonNotFound(UsageError):
    """No person, or more than one, answers to the name given."""

    def __init__(self, message: str, *, candidates: tuple[str, ...] = ()) -> None:
        #: The names that came close (or that the name matched, when it is ambiguous).
        self.candidates = candidates
        super().__init__(message)


class TemplateError(UsageError):
    """A letter template is invalid (an unknown field, attribute or index access...)."""
