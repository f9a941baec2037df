"""A read-only cache directory and a full disk: one clear line, exit 74, nothing half-written.

The full disk is a file size limit (RLIMIT_FSIZE) set in the child process:
every write past it fails with EFBIG, as writes fail on a full disk, wherever
giftfind happens to be at that moment (SQLite's log, a checkpoint, an index
segment, the lock file). SIGXFSZ is ignored so that the failure is an error the
program sees, not a kill.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import giftfind
from giftfind.core import close_stores
from giftfind.errors import ExitCode

from .conftest import FeedServer
from .faultlib import COMMON, Farm, assert_clean_stderr, make_farm, run_giftfind, stored_ids

FEEDS = 6


@pytest.fixture(scope="module")
def farm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Farm]:
    server = FeedServer()
    try:
        yield make_farm(server, tmp_path_factory.mktemp("farm"), FEEDS, 100)
    finally:
        server.close()


@pytest.fixture(scope="module")
def pristine(farm: Farm) -> Path:
    """A cache made by one complete refresh; the feeds then grow by 100 articles each."""
    cache = farm.directory / "pristine"
    r = run_giftfind(
        "refresh", "--feeds", str(farm.config(range(FEEDS))), "--cache-dir", str(cache)
    )
    assert r.returncode == 0, r.stderr
    for i in range(FEEDS):
        farm.serve(i, range(200))
    return cache


@pytest.fixture
def base(pristine: Path, tmp_path: Path) -> Path:
    shutil.copytree(pristine, tmp_path / "cache")
    return tmp_path / "cache"


def _check_whole(cache: Path, before: dict[str, set[str]], farm: Farm) -> None:
    """Every feed as it was, or as it was plus the whole document fetched."""
    fetched = farm.expected(range(FEEDS))
    after = stored_ids(cache)
    for key, ids in before.items():
        assert after[key] in (ids, ids | fetched[key]), key
    assert set(after) == set(before)


# -- a full disk ---------------------------------------------------------------------------


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _fill_the_disk(farm: Farm, cache: Path, share: float) -> None:
    config = farm.config(range(FEEDS))
    # The refresh roughly doubles the store: the limit falls somewhere in its writes.
    limit = int((cache / "store" / "cache.db").stat().st_size * share)
    before = stored_ids(cache)
    where = ["--feeds", str(config), "--cache-dir", str(cache)]
    r = run_giftfind("refresh", "--all", *where, preexec_fn=_file_size_limit(limit))
    assert r.returncode == ExitCode.STORE, (limit, r.returncode, r.stderr)
    assert_clean_stderr(r.stderr)
    (line,) = r.stderr.splitlines()
    assert "no space left" in line or "cannot write to the disk" in line, line

    # Nothing half-written: the store opens, each feed whole, and it answers offline.
    _check_whole(cache, before, farm)
    results = giftfind.search(COMMON, feeds=config, cache_dir=cache, offline=True)
    close_stores()
    assert results
    # With room again, the next refresh completes.
    r = run_giftfind("refresh", "--all", *where)
    assert r.returncode == 0, r.stderr
    fetched = farm.expected(range(FEEDS))
    assert stored_ids(cache) == {key: ids | fetched[key] for key, ids in before.items()}


@pytest.mark.parametrize("share", [0.0, 1.3])
def test_full_disk_is_one_clear_line_and_nothing_half_written(
    farm: Farm, base: Path, share: float
) -> None:
    _fill_the_disk(farm, base, share)


@pytest.mark.slow
@pytest.mark.parametrize("share", [i / 10 for i in range(1, 20)])
def test_full_disk_at_every_stage(farm: Farm, base: Path, share: float) -> None:
    _fill_the_disk(farm, base, share)


# -- a read-only cache directory -----------------------------------------------------------


def _mount_namespaces() -> bool:
    try:
        r = subprocess.run(
            ["unshare", "-m", "sh", "-c", "mount --bind / /mnt && mount -o remount,bind,ro /mnt"],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return r.returncode == 0


@pytest.fixture
def read_only(base: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Runs giftfind with the cache directory read-only to it: by permissions, or for
    root (whom permissions do not stop) by a read-only mount in a mount namespace of
    its own."""
    if os.geteuid() != 0:

        def chmod_run(*args: str) -> subprocess.CompletedProcess[str]:
            paths = [base, *base.rglob("*")]
            modes = {p: p.stat().st_mode for p in paths}
            for p in paths:
                p.chmod(0o555 if p.is_dir() else 0o444)
            try:
                return run_giftfind(*args)
            finally:
                for p, mode in modes.items():
                    p.chmod(mode)

        return chmod_run
    if not _mount_namespaces():
        pytest.skip("running as root, whom file permissions do not stop, and unable to mount")

    def mount_run(*args: str) -> subprocess.CompletedProcess[str]:
        mount = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
        return run_giftfind(*args, wrapper=["unshare", "-m", "sh", "-c", mount, str(base)])

    return mount_run


@pytest.mark.parametrize(
    "command", [["refresh", "--all"], ["--offline", COMMON], [COMMON, "--refresh"]]
)
def test_read_only_cache_dir_is_one_clear_line(
    farm: Farm, base: Path, read_only: Callable[..., subprocess.CompletedProcess[str]],
    command: list[str],
) -> None:  # fmt: skip
    before = stored_ids(base)
    where = ["--feeds", str(farm.config(range(FEEDS))), "--cache-dir", str(base)]
    r = read_only(*command, *where)
    assert r.returncode == ExitCode.STORE, r.stderr
    assert_clean_stderr(r.stderr)
    assert r.stderr == (
        f"giftfind: {str(base)!r} is not writable "
        f"({'read-only file system' if os.geteuid() == 0 else 'permission denied'}); "
        "use --cache-dir or $GIFTFIND_CACHE_DIR\n"
    )
    assert r.stdout == ""
    # Untouched, and usable once writable again.
    assert stored_ids(base) == before
    r = run_giftfind("--offline", *where, COMMON)
    assert r.returncode == 0, r.stderr
