"""Update summaries: what is new to a reader who has already read some of a story.

The reader's earlier articles (``old``) count as read. A new sentence that restates one
of them (TF-IDF cosine at or above the redundancy setting) is never chosen, and the
concepts the reader already had keep only a small share of their weight, so the summary
spends its words on what is new (the approach of Gillick et al. for the TAC update task).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from ..model import AnalyzedArticle
from ..settings import Settings
from .base import Candidate
from .concepts import sentence_concepts
from .ilp import ILPParams, ILPSummarizer
from .vectors import term_vectors


def split_since(
    articles: Sequence[AnalyzedArticle], since: dt.date
) -> tuple[list[AnalyzedArticle], list[AnalyzedArticle]]:
    """``(new, old)``: articles published after ``since``, and the rest.

    An undated article cannot be shown to be new, so it counts as already read.
    """
    new = [a for a in articles if a.article.published is not None and a.article.published > since]
    old = [a for a in articles if a not in new]
    return new, old


def repeats(
    new: Sequence[AnalyzedArticle], old: Sequence[AnalyzedArticle], threshold: float
) -> set[tuple[int, int]]:
    """``(article, sentence index)`` of the new sentences that restate an old one."""
    new_rows = [(d, s) for d, a in enumerate(new) for s in a.sentences]
    old_rows = [s for a in old for s in a.sentences]
    if not new_rows or not old_rows:
        return set()
    vectors = term_vectors([s.terms for _, s in new_rows] + [s.terms for s in old_rows])
    sims = (vectors[: len(new_rows)] @ vectors[len(new_rows) :].T).tocsr()
    best = np.asarray(sims.max(axis=1).todense()).ravel()
    return {(d, s.index) for (d, s), b in zip(new_rows, best, strict=True) if b >= threshold}


def summarize_since(
    new: Sequence[AnalyzedArticle],
    old: Sequence[AnalyzedArticle],
    words: int,
    settings: Settings | None = None,
    params: ILPParams | None = None,
) -> list[Candidate]:
    """Sentences of ``new`` (indexes into ``new``) that tell a reader of ``old`` what changed."""
    settings = settings or Settings()
    if not new:
        return []
    known = {c for a in old for s in a.sentences for c in sentence_concepts(s)}
    skip = repeats(new, old, settings.redundancy)
    return ILPSummarizer(settings, params)(new, words, known=known, skip=skip)
