"""The story's key figure, as the summary sentences that state it.

A war story's death toll, a disaster's count of the missing: the figure the most reports
give is the one a reader most needs, and a summary that leaves it out for another sentence
of background has buried the news. The summariser is asked to choose one sentence stating
its latest value when the budget allows (see ``require`` in :class:`.ilp.ILPSummarizer`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..model import AnalyzedArticle, Fact, FactGroup

# What a story's main figure counts: the dead, the hurt, the missing (see
# :data:`storydesk.facts.verbs.VERB_CLASSES`), or money.
_MAIN_WORDS = frozenset({"killed", "wounded", "casualties", "missing"})


def main_kind(facts: Sequence[Fact], group: FactGroup) -> int:
    """2 for a count of the dead, hurt or missing, 1 for money, else 0."""
    if _MAIN_WORDS & set(group.what.split()):
        return 2
    units = {facts[i].unit.split(" ", 1)[0] for i in group.facts}
    money = all(u in ("money", "cents", "pence") or (len(u) == 3 and u.isupper()) for u in units)
    return 1 if units and money else 0


def key_group(facts: Sequence[Fact], groups: Sequence[FactGroup]) -> FactGroup | None:
    """The group of facts given by the most articles, a count of the dead, hurt or missing
    and then money first among equals (:func:`main_kind`), then a running total, then the
    one with more facts, then the one met first. A figure only one article gives is key
    only when it counts the dead, hurt or missing (a war report's death toll); ``None``
    when there is no key figure."""
    best: tuple[int, int, int, int, int, str] | None = None
    chosen: FactGroup | None = None
    for g in groups:
        sources = len({facts[i].article_id for i in g.facts})
        kind = main_kind(facts, g)
        # One report's money figure is often one of many (a price, a fine, a budget): only
        # its count of the dead, hurt or missing is key on its own.
        if sources < 2 and kind < 2:
            continue
        first = min(facts[i].start for i in g.facts)
        rank = (sources, kind, int(g.total), len(g.facts), -first, g.what)
        if best is None or rank > best:
            best, chosen = rank, g
    return chosen


def key_figure_sentences(
    articles: Sequence[AnalyzedArticle], facts: Sequence[Fact], groups: Sequence[FactGroup]
) -> set[tuple[int, int]]:
    """``(article index, sentence index)`` of the sentences that state the key group's latest
    value (every value when none is dated); empty when the story has no key figure."""
    group = key_group(facts, groups)
    if group is None:
        return set()
    members = [facts[i] for i in group.facts]
    dated = [f.as_of for f in members if f.as_of is not None]
    if dated:
        latest = max(dated)
        members = [f for f in members if f.as_of == latest]
    doc_of = {a.article.id: d for d, a in enumerate(articles)}
    out: set[tuple[int, int]] = set()
    for f in members:
        d = doc_of.get(f.article_id)
        if d is None:
            continue
        sentences = articles[d].sentences
        starts = [s.span.start for s in sentences]
        k = bisect.bisect_right(starts, f.start) - 1
        if k >= 0 and sentences[k].span.start <= f.start < sentences[k].span.end:
            out.add((d, sentences[k].index))
    return out
