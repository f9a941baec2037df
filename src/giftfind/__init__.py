"""giftfind: find an article worth sending with a thank-you letter.

>>> import giftfind
>>> for r in giftfind.search("sailing, Chicago", feeds="data/sample/feeds.yaml"):  # doctest: +SKIP
...     print(r.title, r.url)

Names are imported on first use (PEP 562), so that ``import giftfind`` and a
cached command-line search stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

if TYPE_CHECKING:
    from .core import Searcher as Searcher
    from .core import index_articles as index_articles
    from .core import load as load
    from .core import refresh as refresh
    from .core import refresh_iter as refresh_iter
    from .core import search as search
    from .core import search_response as search_response
    from .errors import ConfigError as ConfigError
    from .errors import ExitCode as ExitCode
    from .errors import FeedError as FeedError
    from .errors import FetchError as FetchError
    from .errors import GiftfindError as GiftfindError
    from .errors import ParseError as ParseError
    from .errors import StoreError as StoreError
    from .errors import StoreLocked as StoreLocked
    from .errors import UsageError as UsageError
    from .types import Article as Article
    from .types import Config as Config
    from .types import Explanation as Explanation
    from .types import FeedOutcome as FeedOutcome
    from .types import FeedSpec as FeedSpec
    from .types import FeedState as FeedState
    from .types import RefreshReport as RefreshReport
    from .types import Result as Result
    from .types import SearchResponse as SearchResponse
    from .types import Settings as Settings

_EXPORTS = {
    **dict.fromkeys(
        ("Searcher", "index_articles", "load", "refresh", "refresh_iter", "search",
         "search_response"),
        "core",
    ),
    **dict.fromkeys(
        ("ConfigError", "ExitCode", "FeedError", "FetchError", "GiftfindError", "ParseError",
         "StoreError", "StoreLocked", "UsageError"),
        "errors",
    ),
    **dict.fromkeys(
        ("Article", "Config", "Explanation", "FeedOutcome", "FeedSpec", "FeedState",
         "RefreshReport", "Result", "SearchResponse", "Settings"),
        "types",
    ),
}  # fmt: skip
__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'giftfind' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
