"""Extractive multi-document summarisers behind one call, picked by name."""

from __future__ import annotations

from collections.abc import Callable

from ..settings import Settings
from .base import Candidate, Summarizer
from .citations import cite
from .coverage import CoverageSummarizer
from .ilp import ILPSummarizer

__all__ = ["SUMMARIZERS", "Candidate", "Summarizer", "cite", "get_summarizer"]

SUMMARIZERS: dict[str, Callable[[Settings], Summarizer]] = {
    "coverage": CoverageSummarizer,
    "ilp": ILPSummarizer,
}


def get_summarizer(name: str = "coverage", settings: Settings | None = None) -> Summarizer:
    """The summariser registered under ``name``."""
    try:
        factory = SUMMARIZERS[name]
    except KeyError:
        from ..errors import ConfigError

        raise ConfigError(
            f"unknown summarizer '{name}' (choose from {', '.join(sorted(SUMMARIZERS))})"
        ) from None
    return factory(settings or Settings())
