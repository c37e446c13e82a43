"""Typed errors. Each has a stable code so messages can be searched and tests can pin them."""

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


class StoreError(StorydeskError):
    """The story store cannot be read or written."""

    code = "E300"
