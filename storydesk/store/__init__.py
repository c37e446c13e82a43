"""Stores: the :class:`Store` protocol and its SQLite implementation (the default)."""

from .base import Store, StoredArticle, StoredRow, StoryRow, ThreadRow
from .migrations import SCHEMA_VERSION
from .sqlite import SqliteStore

__all__ = [
    "SCHEMA_VERSION",
    "SqliteStore",
    "Store",
    "StoredArticle",
    "StoredRow",
    "StoryRow",
    "ThreadRow",
    "open_store",
]


def open_store(path: str) -> SqliteStore:
    """Open (creating or migrating as needed) the store at ``path``."""
    return SqliteStore(path)
