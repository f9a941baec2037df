"""giftfind: find an article worth sending with a thank-you letter.

>>> import giftfind
>>> for r in giftfind.search("sailing, Chicago", feeds="data/sample/feeds.yaml"):  # doctest: +SKIP
...     print(r.title, r.url)
"""

from __future__ import annotations

import logging

from ._version import __version__ as __version__
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
from .types import FeedOutcome as FeedOutcome
from .types import FeedSpec as FeedSpec
from .types import FeedState as FeedState
from .types import RefreshReport as RefreshReport
from .types import Result as Result
from .types import SearchResponse as SearchResponse
from .types import Settings as Settings

logging.getLogger("giftfind").addHandler(logging.NullHandler())
