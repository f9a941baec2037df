"""Find, load and check feeds.yaml.

This is the only module that reads feeds.yaml. Values are checked by hand, where
the line numbers are, so that every error names the file, the line and the field:
``feeds.yaml:14: feed 'sailing-world': unknown key 'urll' (did you mean 'url'?)``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import _files
from .errors import ConfigError, UsageError

if TYPE_CHECKING:
    from .types import Config, FeedSpec, Settings

# (difflib, importlib.resources, urllib.parse, ruamel.yaml and the data types are
# imported where used: a cached search never needs them.)

#: Environment variable naming the feeds file.
FEEDS_ENV = "GIFTFIND_FEEDS"
APP_NAME = "giftfind"

_FEED_KEYS = ("name", "url", "tags", "weight", "interval")
_TOP_KEYS = ("settings", "feeds")


def user_config_dir() -> Path:
    """The platform's per-user config directory for giftfind."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def default_config_path() -> Path:
    """The feeds.yaml shipped with giftfind."""
    from importlib import resources

    packaged = resources.files("giftfind").joinpath("default_feeds.yaml")
    if packaged.is_file():
        return Path(str(packaged))
    # A source checkout or an editable install: the file is at the project root.
    return Path(__file__).resolve().parents[2] / "feeds.yaml"


def writable_config(path: Path) -> Path:
    """The feeds file to edit in place of ``path``.

    The list shipped with giftfind is never edited (an upgrade would replace it, and
    it may not be writable): when ``path`` is that file, it is first copied to
    ``feeds.yaml`` in the user config dir, and the copy is returned. Any other path
    is returned as it is.

    Raises ConfigError when the copy cannot be made, or when a user feeds file
    already exists there (it is never overwritten).
    """
    default = default_config_path()
    try:
        is_default = os.path.samefile(path, default)
    except OSError:
        is_default = path.resolve() == default.resolve()
    if not is_default:
        return path
    target = user_config_dir() / "feeds.yaml"
    if target.exists():
        raise ConfigError(
            f"the feeds list shipped with giftfind is not edited, and {str(target)!r} "
            "already exists: edit that one instead",
            path=path,
        )
    # Written beside the target and renamed, so that a crash never leaves half a
    # file that find_config would then prefer to the default.
    try:
        data = default.read_bytes()
        target.parent.mkdir(parents=True, exist_ok=True)
        _files.write_atomic(target, data)
    except OSError as e:
        raise ConfigError(
            f"cannot copy the default feeds list to {str(target)!r}: {e.strerror or e}", path=path
        ) from e
    return target


def find_config(
    explicit: Path | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    user_dir: Path | None = None,
) -> Path:
    """Where to read feeds.yaml from, in order.

    ``--feeds PATH``, then ``$GIFTFIND_FEEDS``, then ``./feeds.yaml``, then
    ``feeds.yaml`` in the user config dir, then the packaged default. An explicitly
    named file that does not exist is an error, never silently skipped.
    """
    env = os.environ if env is None else env
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"feeds file not found: {str(explicit)!r}", field="--feeds")
        return explicit
    if env.get(FEEDS_ENV):
        path = Path(env[FEEDS_ENV]).expanduser()
        if not path.is_file():
            raise ConfigError(
                f"feeds file not found: {str(path)!r} (from ${FEEDS_ENV})", field=FEEDS_ENV
            )
        return path
    local = (cwd or Path.cwd()) / "feeds.yaml"
    if local.is_file():
        return local
    user = (user_dir if user_dir is not None else user_config_dir()) / "feeds.yaml"
    if user.is_file():
        return user
    return default_config_path()


def load_config(path: Path, cache_dir: Path | None = None) -> Config:
    """Read and check a feeds.yaml.

    With ``cache_dir``, the checked result is kept there as JSON, keyed by the
    file's path, size and modification time, and reused while the file is
    unchanged: parsing YAML (and importing a YAML parser) is most of what a
    search would otherwise spend on its configuration.
    """
    if cache_dir is None:
        return _parse(path)
    try:
        stat = path.stat()
    except OSError as e:
        raise ConfigError(f"cannot read: {e.strerror or e}", path=path) from e
    resolved = str(path.resolve())
    fingerprint: list[Any] = [resolved, stat.st_mtime_ns, stat.st_size, stat.st_ino]
    import zlib

    # Only names the cache file: the fingerprint inside is what is checked.
    digest = f"{zlib.crc32(resolved.encode()):08x}"
    cached = cache_dir / "configs" / f"{digest}.json"
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        if data.get("v") == _CACHE_VERSION and data.get("fingerprint") == fingerprint:
            return _from_json(path, data)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    config = _parse(path)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_to_json(config, fingerprint)), encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass  # a cache that cannot be written is only slower
    return config


_CACHE_VERSION = 2
_DURATIONS = ("max_age", "default_interval", "min_interval")


def _to_json(config: Config, fingerprint: list[Any]) -> dict[str, Any]:
    from dataclasses import asdict

    settings = asdict(config.settings)
    for key in _DURATIONS:
        settings[key] = getattr(config.settings, key).total_seconds()
    return {
        "v": _CACHE_VERSION,
        "fingerprint": fingerprint,
        "settings": settings,
        "feeds": [
            {
                "name": f.name,
                "url": f.url,
                "path": f.path,
                "tags": list(f.tags),
                "weight": f.weight,
                "interval": f.interval.total_seconds() if f.interval is not None else None,
                "line": f.line,
            }
            for f in config.feeds
        ],
    }


def _from_json(path: Path, data: Mapping[str, Any]) -> Config:
    from .types import Config, FeedSpec, Settings

    settings = dict(data["settings"])
    for key in _DURATIONS:
        settings[key] = timedelta(seconds=settings[key])
    feeds = tuple(
        FeedSpec(
            name=f["name"],
            url=f["url"],
            path=f["path"],
            tags=tuple(f["tags"]),
            weight=float(f["weight"]),
            line=f["line"],
            interval=timedelta(seconds=f["interval"]) if f.get("interval") is not None else None,
        )
        for f in data["feeds"]
    )
    return Config(path=path, feeds=feeds, settings=Settings(**settings))


def _parse(path: Path) -> Config:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ConfigError(
            f"not UTF-8 text ({e.reason} at byte {e.start})",
            path=path,
            line=raw.count(b"\n", 0, e.start) + 1,
        ) from e
    except OSError as e:
        raise ConfigError(f"cannot read: {e.strerror or e}", path=path) from e

    import warnings

    yaml = YAML(typ="rt")
    try:
        with warnings.catch_warnings():
            # An anchor defined twice is valid YAML (an alias names the latest);
            # ruamel warns about it in eight lines of its own on stderr.
            warnings.simplefilter("ignore")
            data = yaml.load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = e.problem or e.context or "invalid YAML"
        hint = ""
        if "\\t" in problem or "\t" in problem:
            hint = " (YAML indents with spaces, not tabs)"
        elif "duplicate key" in problem:
            problem = problem.split(" with value")[0]
        raise ConfigError(f"invalid YAML: {problem}{hint}", path=path, line=line) from e
    except YAMLError as e:
        # ReaderError and the like: a position instead of a mark.
        position = getattr(e, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
        reason = getattr(e, "reason", None) or str(e).strip().splitlines()[0]
        character = getattr(e, "character", None)
        if isinstance(character, str | int) and not isinstance(character, bool):
            reason = (
                f"{reason} ({character!r})"
                if isinstance(character, str)
                else (f"{reason} (#x{character:04x})")
            )
        raise ConfigError(f"invalid YAML: {reason}", path=path, line=line) from e
    return _check(data, path)


# -- checking ---------------------------------------------------------------------------


def _kind(value: Any) -> str:
    """What a YAML value is, in YAML's words (not ruamel's CommentedSeq/CommentedMap)."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return {bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _line_of(node: Any, key: str | int | None = None) -> int | None:
    """1-based line of a mapping key or sequence item (ruamel keeps them 0-based)."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if key is None:
            line = lc.line
        elif isinstance(key, int):
            line = lc.item(key)[0]
        else:
            line = lc.key(key)[0]
    except (KeyError, IndexError, TypeError, AttributeError):
        line = getattr(lc, "line", None)
    return int(line) + 1 if isinstance(line, int) else None


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f" (did you mean {close[0]!r}?)"
    return f" (allowed: {', '.join(choices)})"


def _check(data: Any, path: Path) -> Config:
    from .types import Config

    if data is None:
        raise ConfigError("the file is empty; it needs a 'feeds:' list", path=path, line=1)
    if not isinstance(data, dict):
        raise ConfigError(
            "the top level must be a mapping with a 'feeds:' list",
            path=path,
            line=_line_of(data) or 1,
        )
    for key in data:
        if key not in _TOP_KEYS:
            raise ConfigError(
                f"unknown top-level key {str(key)!r}" + _suggest(str(key), _TOP_KEYS),
                path=path,
                line=_line_of(data, key),
                field=str(key),
            )
    settings = _check_settings(data.get("settings"), data, path)
    if "feeds" not in data:
        raise ConfigError("missing the 'feeds:' list", path=path, line=1, field="feeds")
    feeds_node = data["feeds"]
    if not isinstance(feeds_node, list) or not feeds_node:
        raise ConfigError(
            "'feeds' must be a non-empty list of entries with a name and a url",
            path=path,
            line=_line_of(data, "feeds"),
            field="feeds",
        )
    base = path.resolve().parent
    specs: list[FeedSpec] = []
    seen: dict[str, int | None] = {}
    for i, entry in enumerate(feeds_node):
        spec = _check_feed(entry, _line_of(feeds_node, i), base, path)
        key = spec.name.casefold()
        if key in seen:
            raise ConfigError(
                f"feed {spec.name!r}: duplicate name (first used on line {seen[key]}); "
                "names must be unique",
                path=path,
                line=spec.line,
                field="name",
            )
        seen[key] = spec.line
        specs.append(spec)
    return Config(path=path, feeds=tuple(specs), settings=settings)


def _check_feed(entry: Any, line: int | None, base: Path, path: Path) -> FeedSpec:
    from urllib.parse import urlsplit

    from .types import FeedSpec

    if not isinstance(entry, dict):
        raise ConfigError(
            "each feed must be a mapping like '- name: ...\\n    url: ...'", path=path, line=line
        )
    label = repr(str(entry["name"])) if isinstance(entry.get("name"), str) else f"on line {line}"

    def fail(message: str, key: str) -> ConfigError:
        return ConfigError(
            f"feed {label}: {message}",
            path=path,
            line=_line_of(entry, key) if key in entry else line,
            field=key,
        )

    for key in entry:
        if key not in _FEED_KEYS:
            raise fail(f"unknown key {str(key)!r}" + _suggest(str(key), _FEED_KEYS), str(key))
    for key in ("name", "url"):
        if key not in entry or entry[key] is None or entry[key] == "":
            raise fail(f"missing {key!r}", key)
        if not isinstance(entry[key], str):
            raise fail(f"{key!r} must be a string, not {_kind(entry[key])}", key)
    for key in ("name", "url"):
        if _BAD_CHARS.search(entry[key]):
            raise fail(f"{key!r} contains control or invalid characters", key)
    name = entry["name"].strip()
    if not name:
        raise fail("'name' is blank", "name")
    url = entry["url"].strip()
    tags = entry.get("tags", ())
    if tags is None:
        tags = ()
    if isinstance(tags, str) or not isinstance(tags, list | tuple):
        raise fail("'tags' must be a list, e.g. [news, world]", "tags")
    if not all(isinstance(t, str) and t.strip() and not _BAD_CHARS.search(t) for t in tags):
        raise fail("'tags' must be a list of non-empty strings", "tags")
    weight = entry.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not weight > 0:
        raise fail(f"'weight' must be a number above 0, not {weight!r}", "weight")
    interval = None
    if entry.get("interval") is not None:
        try:
            interval = _duration_setting(entry["interval"])
        except (ValueError, UsageError) as e:
            raise fail(f"'interval' {e}", "interval") from None
        if interval.total_seconds() <= 0:
            raise fail(f"'interval' must be above 0, not {entry['interval']!r}", "interval")

    feed_path: str | None = None
    if "{" in url or "}" in url:
        if url.replace("{query}", "").count("{") or url.replace("{query}", "").count("}"):
            raise fail(f"URL {url!r} has braces other than {{query}}", "url")
        if not url.lower().startswith(("http://", "https://")):
            raise fail(f"a search feed needs an http(s) URL, not {url!r}", "url")
    scheme = urlsplit(url).scheme.lower() if "://" in url or ":" in url[:12] else ""
    if scheme and len(scheme) > 1:
        if scheme not in ("http", "https"):
            raise fail(
                f"unsupported URL scheme {scheme!r} in {url!r} "
                "(only http and https URLs, or a local path)",
                "url",
            )
        if not urlsplit(url).hostname:
            raise fail(f"URL {url!r} has no host", "url")
    else:
        candidate = (base / Path(url).expanduser()).resolve()
        if not candidate.is_file():
            if _looks_like_host(url):
                raise fail(f"URL without scheme {url!r} (did you mean 'https://{url}'?)", "url")
            near = []
            import difflib

            if candidate.parent.is_dir():
                names = [p.name for p in candidate.parent.iterdir() if p.is_file()]
                near = difflib.get_close_matches(candidate.name, names, n=1, cutoff=0.6)
            hint = (
                f"did you mean {str(Path(url).parent / near[0])!r}?"
                if near
                else "paths are relative to the feeds file"
            )
            raise fail(
                f"local feed file not found: {url!r} (looked for {str(candidate)!r}; {hint})",
                "url",
            )
        feed_path = str(candidate)
    return FeedSpec(
        name=name,
        url=url,
        path=feed_path,
        tags=tuple(t.strip().lower() for t in tags),
        weight=float(weight),
        line=line,
        interval=interval,
    )


# Control characters and lone surrogates (YAML escapes like "\ud800" can make them).
_BAD_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_FILE_SUFFIXES = frozenset(
    {"xml", "rss", "atom", "json", "rdf", "feed", "txt", "html", "htm", "yaml", "yml", "gz"}
)


def _looks_like_host(url: str) -> bool:
    """'www.example.com/feed' is a URL missing its scheme; 'feeds/news.xml' is a path."""
    head = url.split("/", 1)[0]
    if not re.fullmatch(r"[\w-]+(\.[\w-]+)+(:\d+)?", head):
        return False
    return head.startswith("www.") or head.rsplit(".", 1)[-1].lower() not in _FILE_SUFFIXES


def _positive_int(value: Any, *, minimum: int = 1, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"must be a whole number, not {value!r}")
    if value < minimum or (maximum is not None and value > maximum):
        upper = f" and {maximum}" if maximum is not None else ""
        raise ValueError(f"must be between {minimum}{upper}, not {value!r}")
    return value


def _positive_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ValueError(f"must be a number above 0, not {value!r}")
    return float(value)


def _duration_setting(value: Any) -> timedelta:
    import math

    if isinstance(value, bool):
        raise ValueError(f"must be a duration like '6h' or '30m', not {value!r}")
    if isinstance(value, int | float):
        # (timedelta overflows past 999999999 days, and NaN is no number of seconds.)
        if not math.isfinite(value) or abs(value) > MAX_DURATION.total_seconds():
            raise ValueError(f"must be a duration like '6h' or '30m', not {value!r}")
        return timedelta(seconds=value)
    if not isinstance(value, str):
        raise ValueError(f"must be a duration like '6h' or '30m', not {value!r}")
    return parse_duration(value)


def _positive_duration(value: Any) -> timedelta:
    duration = _duration_setting(value)
    if duration.total_seconds() <= 0:
        raise ValueError(f"must be above 0, not {value!r}")
    return duration


def _seconds_setting(value: Any) -> float:
    seconds = _duration_setting(value).total_seconds()
    if seconds <= 0:
        raise ValueError(f"must be above 0, not {value!r}")
    return seconds


def _size_setting(value: Any) -> int:
    if isinstance(value, str):
        return parse_size(value)
    return _positive_int(value, minimum=1024)


_SETTINGS: dict[str, Callable[[Any], Any]] = {
    "max_age": _duration_setting,
    "retention_days": lambda v: _positive_int(v, minimum=0),
    "concurrency": lambda v: _positive_int(v, maximum=256),
    "per_host": lambda v: _positive_int(v, maximum=64),
    "timeout": _seconds_setting,
    "max_bytes": _size_setting,
    "limit": lambda v: _positive_int(v, maximum=1000),
    "half_life_days": _positive_float,
    "default_interval": lambda v: _positive_duration(v),
    "min_interval": lambda v: _positive_duration(v),
}


def _check_settings(node: Any, top: Any, path: Path) -> Settings:
    from dataclasses import replace

    from .types import Settings

    if node is None:
        return Settings()
    if not isinstance(node, dict):
        raise ConfigError(
            "'settings' must be a mapping of names to values",
            path=path,
            line=_line_of(top, "settings"),
            field="settings",
        )
    values: dict[str, Any] = {}
    for key, value in node.items():
        key = str(key)
        line = _line_of(node, key)
        if key not in _SETTINGS:
            raise ConfigError(
                f"settings: unknown key {key!r}" + _suggest(key, tuple(_SETTINGS)),
                path=path,
                line=line,
                field=key,
            )
        try:
            values[key] = _SETTINGS[key](value)
        except (ValueError, UsageError) as e:
            raise ConfigError(f"settings: {key!r} {e}", path=path, line=line, field=key) from e
    return replace(Settings(), **values)


# -- value syntax shared with the command line ------------------------------------------

#: The longest duration accepted: anything longer is a typo (and overflows dates).
MAX_DURATION = timedelta(days=36500)
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(w|d|h|m|s)", re.IGNORECASE)
_UNIT_SECONDS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> timedelta:
    """Parse ``"30d"``, ``"6h"``, ``"1h30m"``, ``"90s"`` or ``"2w"`` into a timedelta.

    Raises UsageError (a ValueError is never what a user should see).
    """
    s = text.strip().replace(" ", "").lower()
    pos = 0
    total = 0.0
    for m in _DURATION_PART.finditer(s):
        if m.start() != pos:
            break
        total += float(m.group(1)) * _UNIT_SECONDS[m.group(2).lower()]
        pos = m.end()
    if not s or pos != len(s):
        raise UsageError(
            f"invalid duration {text!r}: use a number and a unit, e.g. 30d, 6h, 90m, 1h30m"
        )
    if not total <= MAX_DURATION.total_seconds():
        raise UsageError(f"invalid duration {text!r}: longer than 100 years")
    return timedelta(seconds=total)


_SIZE = re.compile(r"^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?$", re.IGNORECASE)
_SIZE_UNITS = {
    "b": 1,
    "kb": 1000,
    "kib": 1024,
    "mb": 10**6,
    "mib": 2**20,
    "gb": 10**9,
    "gib": 2**30,
}


def parse_size(text: str) -> int:
    """Parse ``"10MB"``, ``"512KiB"`` or ``"1000000"`` into bytes."""
    m = _SIZE.match(text.strip())
    if not m:
        raise UsageError(f"invalid size {text!r}: use e.g. 10MB or 512KiB")
    n = int(float(m.group(1)) * _SIZE_UNITS[(m.group(2) or "b").lower()])
    if n < 1024:
        raise UsageError(f"invalid size {text!r}: must be at least 1KiB")
    return n
