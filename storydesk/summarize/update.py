"""Update summaries: what is new to a reader who has already had a briefing of a story.

The reader's earlier articles (``old``) count as read: a new sentence that restates one of
them (TF-IDF cosine at or above the redundancy setting) is never chosen. The concepts the
reader was *told*, those of the summary a briefing of ``old`` gives at the same length,
keep only a small share of their weight, so the summary spends its words on what the
reader does not have yet (the approach of Gillick et al. for the TAC update task).

Why the earlier summary's concepts and not every concept of the earlier articles: on a
development proxy (each DUC 2006 / 2007 main cluster split by date into an earlier and a
later half, a 100-word briefing of the first, then a 100-word update of the second, the
two scored together for ROUGE-2 recall against the cluster's references), fading every
concept of the earlier articles gave 8.00 (DUC 2006 7.23, DUC 2007 main 8.77) and fading
those of the earlier summary 9.10 (8.30, 9.89): the central concepts run through every
article of a story, and fading them all left the update to peripheral detail the reader
had never been told. The share of the update's
concepts new to the earlier articles fell from 78% to 62%; no sentence restating an
earlier article is chosen either way (``python benchmarks/tune_summarizer.py --update``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from ..model import AnalyzedArticle
from ..settings import Settings, SummarySettings
from .base import Candidate
from .ilp import ILPSummarizer, candidate_concepts
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
    params: SummarySettings | None = None,
) -> list[Candidate]:
    """Sentences of ``new`` (indexes into ``new``) that tell a reader of ``old`` what changed."""
    settings = settings or Settings()
    if not new:
        return []
    summarizer = ILPSummarizer(settings, params)
    known = told(old, words, summarizer)
    skip = repeats(new, old, settings.redundancy)
    return summarizer(new, words, known=known, skip=skip)


def told(
    old: Sequence[AnalyzedArticle], words: int, summarizer: ILPSummarizer | None = None
) -> set[str]:
    """Concepts of the summary the concept-coverage summariser gives ``old`` in ``words``
    (a default briefing's summary): what the reader was told."""
    if not old:
        return set()
    chosen = (summarizer or ILPSummarizer())(old, words)
    return {c for t in chosen for c in candidate_concepts(t)}
