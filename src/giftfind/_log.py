"""The library's logger, created on first use (importing logging costs a cached search ~15 ms)."""

from __future__ import annotations

from typing import Any

_logger: Any = None


def log() -> Any:
    """``logging.getLogger("giftfind")``, with a NullHandler: the library never prints."""
    global _logger
    if _logger is None:
        import logging

        _logger = logging.getLogger("giftfind")
        _logger.addHandler(logging.NullHandler())
    return _logger
