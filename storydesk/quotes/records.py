"""The records :func:`storydesk.quotes.extract_quotes` returns: :class:`Quote` and the
:class:`Speaker` mention it is attributed to; and :class:`Referent`, who a "he" or "she"
stands for (:func:`storydesk.quotes.extract_speech`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Referent


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker mention as written: ``text == article_text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote (the words between quote marks) or reported speech (the clause).

    ``text == article_text[start:end]``. ``speaker`` is the mention the cue points to
    ("he", "the official", "Kerry"), ``speaker_name`` the person or organisation it
    resolves to ("John Kerry"), ``None`` for an anonymous source or when unresolved.
    ``cue`` is the cue as written ("said", "according to", ":"), ``None`` for a quote
    that continues the previous one or has none.
    """

    text: str
    start: int
    end: int
    direct: bool
    speaker: Speaker | None
    speaker_name: str | None
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None


__all__ = ["Quote", "Referent", "Speaker"]
