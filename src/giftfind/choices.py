"""The values that command-line choices take. Contains no business logic.

Kept apart from the modules that use them so that the command line can list
them without importing those modules.
"""

from __future__ import annotations

#: Output formats of a search ("letter": a paragraph per result, from a template).
FORMATS = ("table", "json", "jsonl", "markdown", "letter")
#: Orders of a shortlist: relevance with a mild preference for recent articles,
#: relevance alone, newest first.
SORTS = ("hybrid", "relevance", "recent")
