"""storydesk: from a pile of news articles to briefings people can trust.

The public API; everything else is an implementation detail.
"""

import logging

from .api import RunResult, run
from .clean import clean_text
from .errors import ConfigError, InputError, StoreError, StorydeskError
from .model import (
    AnalyzedArticle,
    Article,
    Briefing,
    Citation,
    Rejected,
    Sentence,
    Span,
    Story,
    SummarySentence,
)
from .pipeline import analyze_all, brief, ingest, load
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "AnalyzedArticle",
    "Article",
    "Briefing",
    "Citation",
    "ConfigError",
    "InputError",
    "Rejected",
    "RunResult",
    "Sentence",
    "Settings",
    "Span",
    "StoreError",
    "Story",
    "StorydeskError",
    "SummarySentence",
    "analyze_all",
    "brief",
    "clean_text",
    "ingest",
    "load",
    "run",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
