"""The version, in one place (read by pyproject.toml and the User-Agent)."""

from __future__ import annotations

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/giftfind/giftfind"
