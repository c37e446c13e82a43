"""Citations: every article that states what a summary sentence says, not only its source."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Sequence

import numpy as np

from ..model import AnalyzedArticle, Citation, Referent, Span, SummarySentence
from .base import Candidate, candidate_text
from .vectors import term_vectors


def cite(
    articles: Sequence[AnalyzedArticle],
    chosen: Sequence[Candidate],
    support: float,
    leads: Collection[tuple[int, int]] = (),
) -> list[SummarySentence]:
    """Attach citations to chosen sentences.

    The first citation is the sentence itself; then, in story order, each other article's
    sentence most similar to it (TF-IDF cosine over content lemmas) when that similarity
    reaches ``support``. Sentences come back in reading order (see :func:`_reading_key`),
    the news first: with ``leads`` (``(article, sentence index)`` of each article's lead,
    see :func:`.base.lead_sentences`), a chosen lead opens the summary, that of the report
    the summary cites most (:func:`news_first`).
    """
    flat = [(d, sent) for d, a in enumerate(articles) for sent in a.sentences]
    if not flat:
        return []
    vectors = term_vectors([sent.terms for _, sent in flat])
    owner = np.array([d for d, _ in flat])
    row_of = {(d, sent.index): r for r, (d, sent) in enumerate(flat)}
    out: list[tuple[tuple[dt.date, int, float, int, int], SummarySentence]] = []
    published = {a.article.id: a.article.published for a in articles}
    for c in chosen:
        article = articles[c.doc]
        sims = (vectors @ vectors[row_of[(c.doc, c.sentence.index)]].T).toarray().ravel()
        citations = [Citation(article.article.id, c.sentence.span.start, c.sentence.span.end)]
        for d, other in enumerate(articles):
            if d == c.doc or not other.sentences:
                continue
            rows = np.flatnonzero(owner == d)
            best = rows[int(np.argmax(sims[rows]))]
            if sims[best] >= support:
                span = flat[best][1].span
                citations.append(Citation(other.article.id, span.start, span.end))
        sentence = SummarySentence(
            text=candidate_text(articles, c),
            citations=tuple(citations),
            omitted=tuple(Span(article.article.id, x.start, x.end) for x in c.trims),
            referents=referents_in(article, c),
        )
        lead = (c.doc, c.sentence.index) in leads
        out.append((_reading_key(articles, c, sentence, published, lead), sentence))
    ordered = sorted(out, key=lambda pair: pair[0])
    return news_first([s for _, s in ordered], [k[1] == 0 for k, _ in ordered])


def news_first(summary: list[SummarySentence], lead: Sequence[bool]) -> list[SummarySentence]:
    """``summary`` (in time order) opened by the news: the lead sentence (``lead``) of the
    central report, the article the summary cites most (ties to the earlier sentence).
    Without a lead, the time order stands: background is never promoted to open.

    Every other sentence keeps its time order, so only the opening moves.
    """
    cited = Counter(c.article_id for s in summary for c in s.citations)
    best: tuple[int, int] | None = None
    for i, (s, is_lead) in enumerate(zip(summary, lead, strict=True)):
        if is_lead and (best is None or cited[s.citations[0].article_id] > best[0]):
            best = (cited[s.citations[0].article_id], i)
    if best is None or best[1] == 0:
        return summary
    i = best[1]
    return [summary[i], *summary[:i], *summary[i + 1 :]]


def referents_in(article: AnalyzedArticle, c: Candidate) -> tuple[Referent, ...]:
    """Who each "he"/"she" of what the candidate says stands for, when its article named
    the person in an earlier sentence (and a trim does not leave the pronoun out)."""
    if article.annotations is None:
        return ()
    span = c.sentence.span
    return tuple(
        r
        for r in article.annotations.referents
        if span.start <= r.start < span.end
        and r.antecedent < span.start
        and not any(x.start <= r.start < x.end for x in c.trims)
    )


def _reading_key(
    articles: Sequence[AnalyzedArticle],
    c: Candidate,
    sentence: SummarySentence,
    published: dict[str, dt.date | None],
    lead: bool = False,
) -> tuple[dt.date, int, float, int, int]:
    """When the story first reported it (the earliest date among the articles that state
    it; an undated source borrows the date of a dated one that says the same), then leads
    before the rest of the day (a headline or byline before a lead leaves it at index 1
    or 2), then where it stands in its own article, then story order."""
    dates = [d for x in sentence.citations if (d := published.get(x.article_id)) is not None]
    relative = c.sentence.index / max(1, len(articles[c.doc].sentences))
    return (
        min(dates, default=dt.date.max),
        0 if lead else 1,
        round(relative, 6),
        c.doc,
        c.sentence.index,
    )
