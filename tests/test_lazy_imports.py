"""A search loads only what it needs: no scikit-learn, scipy, httpx or feedparser.

Each check runs the command line in a fresh interpreter (what a user's shell
does) and looks at ``sys.modules`` afterwards, as reader's test_lazy_imports does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLE

HEAVY = ("sklearn", "scipy", "httpx", "feedparser", "ruamel")

SCRIPT = """
import json, sys
from giftfind.cli import main
try:
    main(sys.argv[1:])
except SystemExit as e:
    code = e.code
print(json.dumps({"code": code, "modules": sorted(m.split(".")[0] for m in sys.modules)}))
"""


def run(args: list[str], cache_dir: Path) -> tuple[int, set[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        check=False,
        env={"GIFTFIND_CACHE_DIR": str(cache_dir), "PATH": "/usr/bin:/bin", "COLUMNS": "100"},
    )
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return data["code"], set(data["modules"])


@pytest.mark.skipif(not SAMPLE.is_dir(), reason="the bundled sample is absent")
def test_searches_import_nothing_heavy(tmp_path: Path) -> None:
    feeds = str(SAMPLE / "feeds.yaml")
    # A refresh builds the store and the index (and may import anything).
    code, _ = run(["refresh", "--feeds", feeds], tmp_path)
    assert code == 0
    # A search never asked before: ranks over the stored index.
    code, modules = run(["--feeds", feeds, "--offline", "sailing, Chicago"], tmp_path)
    assert code == 0
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
    assert "numpy" in modules  # it did rank
    # The same search again: answered from the cache, without even numpy.
    code, modules = run(["--feeds", feeds, "--offline", "sailing, Chicago"], tmp_path)
    assert code == 0
    assert not modules & {*HEAVY, "numpy", "Stemmer"}, sorted(modules & {*HEAVY, "numpy"})


def test_help_and_version_import_nothing_heavy(tmp_path: Path) -> None:
    code, modules = run(["--version"], tmp_path)
    assert code == 0
    assert not modules & {*HEAVY, "numpy", "diskcache"}
