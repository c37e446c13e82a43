"""A story's timeline: dated events (merged across articles), undated statements, JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from ..model import AnalyzedArticle, Citation, Sentence
from .expressions import Anchor, TimeExpression
from .resolve import find_anchors, find_time_expressions
from .words import NOT_EVENT_RELATIONS


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated event: the text of its first citation, and every article that says it."""

    date: dt.date
    granularity: str
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class UndatedStatement:
    """A sentence that speaks of a time the articles do not let us resolve."""

    text: str
    expression: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class Timeline:
    events: tuple[TimelineEvent, ...]
    undated: tuple[UndatedStatement, ...] = ()


# Kinds of expression that are page chrome (see :func:`storydesk.timeline.find_time_expressions`).
CHROME_KINDS = frozenset({"dateline", "page"})

_GRANULARITY_RANK = {"day": 0, "weekend": 1, "week": 2, "month": 3, "year": 4}


def event_expression(expressions: Sequence[TimeExpression]) -> TimeExpression | None:
    """The expression that dates a sentence's event, or ``None``.

    Only resolved expressions count, and not those that bound a span of time ("since
    Monday", "until 2015", "after Tuesday's vote"), nor page chrome (a dateline, a
    "Published: ..." stamp, a byline), nor, when they were found with a parse, a date in a
    sentence without a verb (a caption, a heading: not a sentence of the body). The one attached
    nearest the main verb wins (by ``depth``); then the finer granularity; then the first.
    """
    cands = [
        e
        for e in expressions
        if e.date is not None
        and e.relation not in NOT_EVENT_RELATIONS
        and e.kind not in CHROME_KINDS
        and e.in_clause is not False
    ]
    if not cands:
        return None

    def rank(e: TimeExpression) -> tuple[int, int, int]:
        depth = e.depth if e.depth is not None else 0
        return (depth, _GRANULARITY_RANK[e.granularity], e.start)

    return min(cands, key=rank)


@dataclass(frozen=True, slots=True)
class _Dated:
    article: int
    sentence: Sentence
    expression: TimeExpression


def _article_expressions(
    a: AnalyzedArticle, doc: Doc | None, anchors: Sequence[Anchor]
) -> tuple[TimeExpression, ...]:
    if doc is not None and doc.text != a.article.text:
        raise ValueError(f"the parse given for {a.article.id} is not of its text")
    return find_time_expressions(a.article.text, a.article.published, doc, anchors)


def _with_counted(
    found: Sequence[TimeExpression], again: Sequence[TimeExpression]
) -> tuple[TimeExpression, ...]:
    """``found`` with its counted days taken from ``again`` (read anew with the story's
    anchors). The rest stay as found, with the tenses of the parse: read anew without it,
    "a service is planned for Sunday" would fall on the Sunday before."""
    counted = {(e.start, e.end): e for e in again if e.kind == "counted"}
    return tuple(counted.get((e.start, e.end), e) if e.kind == "counted" else e for e in found)


def build_timeline(
    articles: Sequence[AnalyzedArticle],
    docs: Mapping[str, Doc] | None = None,
    *,
    merge_similarity: float = 0.6,
    share_anchors: bool = True,
) -> Timeline:
    """A story's dated events in date order, and what it says without a resolvable date.

    Every sentence with a resolved date expression (see :func:`event_expression`) is an
    event; sentences of different articles with the same date whose term vectors (TF-IDF
    over :attr:`Sentence.terms`) have a cosine of at least ``merge_similarity`` are one
    event with a citation for each. The event's text is the sentence of the earliest
    published of them. ``docs`` (article id -> spaCy parse of its text) are optional: they
    let the main verb pick the event date and tense orient weekdays. With
    ``share_anchors``, a counted day ("the 17th day of the conflict") may use a start that
    another article of the story states.
    """
    from ..summarize.vectors import term_vectors  # numpy/scipy only when a timeline is built

    if not 0 < merge_similarity <= 1:
        raise ValueError(f"merge_similarity must be in (0, 1], got {merge_similarity}")
    docs = docs or {}
    # The expressions found while the article was parsed (with its tenses) serve as they
    # are; only articles without them are read again here.
    exprs = [
        a.annotations.times
        if a.annotations is not None and a.article.id not in docs
        else _article_expressions(a, docs.get(a.article.id), ())
        for a in articles
    ]
    if share_anchors and any(e.kind == "counted" and e.date is None for x in exprs for e in x):
        pooled = [
            anchor
            for a, x in zip(articles, exprs, strict=True)
            for anchor in find_anchors(a.article.text, a.article.published, x, a.article.id)
        ]
        exprs = [
            _with_counted(x, _article_expressions(a, docs.get(a.article.id), pooled))
            if any(e.kind == "counted" and e.date is None for e in x)
            else x
            for a, x in zip(articles, exprs, strict=True)
        ]

    dated: list[_Dated] = []
    undated: list[UndatedStatement] = []
    for i, (a, x) in enumerate(zip(articles, exprs, strict=True)):
        for s in a.sentences:
            inside = [e for e in x if s.span.start <= e.start and e.end <= s.span.end]
            if not inside:
                continue
            chosen = event_expression(inside)
            if chosen is not None:
                dated.append(_Dated(i, s, chosen))
            elif all(e.date is None for e in inside):
                undated.append(
                    UndatedStatement(
                        a.text_of(s),
                        inside[0].text,
                        Citation(a.article.id, s.span.start, s.span.end),
                    )
                )

    def published(i: int) -> dt.date:
        return articles[i].article.published or dt.date.max

    dated.sort(key=lambda d: (published(d.article), d.article, d.sentence.span.start))
    vectors = term_vectors([d.sentence.terms for d in dated]) if dated else None
    clusters: list[list[int]] = []
    for k, d in enumerate(dated):
        for cluster in clusters:
            first = dated[cluster[0]]
            if (
                first.expression.date == d.expression.date
                and first.expression.granularity == d.expression.granularity
                and all(dated[j].article != d.article for j in cluster)
                and vectors is not None
                and (vectors[cluster[0]] @ vectors[k].T).toarray()[0, 0] >= merge_similarity
            ):
                cluster.append(k)
                break
        else:
            clusters.append([k])

    events = []
    for cluster in clusters:
        first = dated[cluster[0]]
        date = first.expression.date
        assert date is not None  # event_expression only returns resolved ones
        events.append(
            TimelineEvent(
                date=date,
                granularity=first.expression.granularity,
                text=articles[first.article].text_of(first.sentence),
                citations=tuple(
                    Citation(
                        articles[dated[j].article].article.id,
                        dated[j].sentence.span.start,
                        dated[j].sentence.span.end,
                    )
                    for j in cluster
                ),
            )
        )
    events.sort(key=lambda e: (e.date, _GRANULARITY_RANK[e.granularity]))  # stable: order kept
    return Timeline(tuple(events), tuple(undated))


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """The ``timeline`` (and ``undated``) parts of ``briefing.json``."""

    def cite(c: Citation) -> dict[str, Any]:
        return {"article_id": c.article_id, "start": c.start, "end": c.end}

    return {
        "timeline": [
            {
                "date": e.date.isoformat(),
                "granularity": e.granularity,
                "text": e.text,
                "citations": [cite(c) for c in e.citations],
            }
            for e in timeline.events
        ],
        "undated": [
            {"text": u.text, "expression": u.expression, "citations": [cite(u.citation)]}
            for u in timeline.undated
        ],
    }
