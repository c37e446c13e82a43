"""Grouping articles into stories.

Until story clustering lands, every article of a run forms one story. Anything that maps
analysed articles to groups of indexes can replace :func:`one_story`; the rest of the
pipeline only sees the groups.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .model import AnalyzedArticle

Grouper = Callable[[Sequence[AnalyzedArticle]], list[list[int]]]


def one_story(articles: Sequence[AnalyzedArticle]) -> list[list[int]]:
    """All articles in one group (the foundation's placeholder for clustering)."""
    return [list(range(len(articles)))] if articles else []


GROUPERS: dict[str, Grouper] = {"single": one_story}
