"""Typed errors. Each has a stable code so messages can be searched and tests can pin them.

E1xx: an input; E2xx: a setting, an argument or a resource; E3xx: the store and the
environment (files, folders, disk); E4xx: the library was called with data that contradicts
itself (a bug in the calling code, not in the user's input). Each message says what to do,
and README.md's table of error codes lists every code here (a test checks it).

>>> from storydesk.errors import StoreNotFoundError
>>> str(StoreNotFoundError("no store at x.db"))
'[E301] no store at x.db'
"""

from __future__ import annotations


class StorydeskError(Exception):
    """Base class of every error storydesk raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(StorydeskError):
    """An input cannot be read as an article. Carries the input's source and a reason."""

    code = "E100"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(StorydeskError):
    """A setting or argument is out of range, or a required resource is missing."""

    code = "E200"


class ModelNotFoundError(ConfigError):
    """No spaCy English pipeline is installed."""

    code = "E201"


class ArgumentError(ConfigError, ValueError):
    """A function was given an argument outside its range (an unknown split, a limit below 1,
    lists of different lengths). A ``ValueError`` too, as such checks were before."""

    code = "E202"


class AmbiguousStoryError(ConfigError):
    """A story id prefix matches more than one stored story: the message lists them."""

    code = "E203"


class CorrectionError(ConfigError):
    """A correction of the stories that cannot be made as given (a story merged with itself,
    a split naming none or all of its articles, a move to the story the article is in)."""

    code = "E204"


class StoreError(StorydeskError):
    """The story store cannot be read or written."""

    code = "E300"


class StoreNotFoundError(StoreError):
    """A command that reads a store was given a path where there is none."""

    code = "E301"


class StoreDamagedError(StoreError):
    """The file is not a storydesk store (not SQLite, another program's database), or is
    damaged (truncated, malformed)."""

    code = "E302"


class StoreReadOnlyError(StoreError):
    """The store (or the folder its journal lives in) cannot be written."""

    code = "E303"


class DiskFullError(StoreError):
    """The disk filled up while the store was written."""

    code = "E304"


class StoreBusyError(StoreError):
    """Another process held the store's write lock for longer than storydesk waits."""

    code = "E305"


class StoryNotFoundError(StoreError):
    """No stored story has the id, or starts with the prefix, that a command was given."""

    code = "E306"


class ArticleNotFoundError(StoreError):
    """No stored article has the id (or a story holds none of the ids) a command was given."""

    code = "E307"


class ThreadNotFoundError(StoreError):
    """No stored thread has the id a command was given."""

    code = "E308"


class OutputError(StorydeskError):
    """The output folder cannot be written: it is a file, lies under one, or is read-only."""

    code = "E310"


class SpanError(StorydeskError, ValueError):
    """A character range that cannot be one: a negative start, or an end before its start."""

    code = "E401"


class ParseMismatchError(StorydeskError, ValueError):
    """An annotator was given a spaCy parse of some other text than the one it annotates."""

    code = "E402"
