"""A story's timeline: dated events (merged across articles), undated statements, JSON."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from ..doctext import check_parse
from ..errors import ArgumentError
from ..model import (
    AnalyzedArticle,
    Citation,
    Sentence,
    Span,
    TimeExpression,
    Timeline,
    TimelineEvent,
    UndatedStatement,
)
from .dates import heading_rest
from .expressions import Anchor
from .resolve import find_anchors, find_time_expressions
from .words import COMPARED, NOT_EVENT_RELATIONS

# Kinds of expression that are page chrome (see :func:`storydesk.timeline.find_time_expressions`).
CHROME_KINDS = frozenset({"dateline", "page", "caption"})

_GRANULARITY_RANK = {"day": 0, "weekend": 1, "week": 2, "month": 3, "year": 4}
PLACED = "undated article, placed by what it reports"


def date_attribute(date: dt.date, granularity: str) -> str:
    """The date as an HTML ``datetime`` value of its precision: ``2009``, ``2009-03``,
    ``2014-W29`` or ``2009-03-05``."""
    if granularity == "year":
        return f"{date.year:04d}"
    if granularity == "month":
        return f"{date.year:04d}-{date.month:02d}"
    if granularity in ("week", "weekend"):
        year, week, _ = date.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return date.isoformat()


def _sort_key(e: TimelineEvent) -> tuple[dt.date, int]:
    """Date order; a year or a month comes before the days it holds, as a heading would."""
    return (e.date, -_GRANULARITY_RANK[e.granularity])


_YEAR_IN = re.compile(r"\b(?:1[89]|20)\d\d\b")


def basis(e: TimeExpression, published: dt.date | None) -> str:
    """How ``e`` was dated (see :class:`TimelineEvent`)."""
    if e.kind == "counted":
        return "counted from a stated start"
    if e.kind == "absolute" and (e.rule in ("iso", "my", "year") or _YEAR_IN.search(e.text)):
        return "stated in text"
    when = published.isoformat() if published else "unknown"
    return f"relative to publication date {when}"


def event_expression(expressions: Sequence[TimeExpression]) -> TimeExpression | None:
    """The expression that dates a sentence's event, or ``None``.

    Only resolved expressions count, and not those that bound a span of time ("since
    Monday", "until 2015", "after Tuesday's vote"), nor a figure's point of comparison ("up
    from $34,410 in October 2015"), nor page chrome (a dateline, a
    "Published: ..." stamp, a byline), nor, when they were found with a parse, a date in a
    sentence without a verb (a caption, a heading: not a sentence of the body). The one attached
    nearest the main verb wins (by ``depth``); then the finer granularity; then the first.
    """
    cands = [
        e
        for e in expressions
        if e.date is not None
        and e.relation not in NOT_EVENT_RELATIONS
        and e.relation != COMPARED
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
    if doc is not None:
        check_parse(doc, a.article.text, a.article.id)
    return find_time_expressions(
        a.article.text, a.article.published, doc, anchors, article_id=a.article.id
    )


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
    from ..summarize.vectors import row_dot, term_vectors  # numpy/scipy only when needed

    if not 0 < merge_similarity <= 1:
        raise ArgumentError(f"merge_similarity must be in (0, 1], got {merge_similarity}")
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
    loose: list[_Dated] = []  # sentences with only unresolved dates
    for i, (a, x) in enumerate(zip(articles, exprs, strict=True)):
        for k, s in enumerate(a.sentences):
            inside = _inside(x, s)
            if not inside:
                continue
            chosen = event_expression(inside)
            if chosen is not None:
                body = _body(a, k, chosen, x)
                if body is not None:
                    dated.append(_Dated(i, body, chosen))
            elif all(e.date is None for e in inside):
                loose.append(_Dated(i, s, inside[0]))

    def published(i: int) -> dt.date:
        return articles[i].article.published or dt.date.max

    dated.sort(key=lambda d: (published(d.article), d.article, d.sentence.span.start))
    # Undated articles' sentences may join an event of a dated one that says the same.
    guests = [d for d in loose if articles[d.article].article.published is None]
    dot = row_dot(term_vectors([d.sentence.terms for d in dated + guests])) if dated else None

    def similar(j: int, k: int) -> bool:
        return dot is not None and dot(j, k) >= merge_similarity

    clusters: list[list[int]] = []
    for k, d in enumerate(dated):
        for cluster in clusters:
            first = dated[cluster[0]]
            if (
                first.expression.date == d.expression.date
                and first.expression.granularity == d.expression.granularity
                and all(dated[j].article != d.article for j in cluster)
                and similar(cluster[0], k)
            ):
                cluster.append(k)
                break
        else:
            clusters.append([k])
    placed: dict[int, list[_Dated]] = {}
    for g, d in enumerate(guests):
        for c, cluster in enumerate(clusters):
            taken = [dated[j].article for j in cluster] + [p.article for p in placed.get(c, [])]
            if d.article not in taken and similar(cluster[0], len(dated) + g):
                placed.setdefault(c, []).append(d)
                break

    def cite(d: _Dated) -> Citation:
        a = articles[d.article].article
        return Citation(a.id, d.sentence.span.start, d.sentence.span.end)

    events = []
    for c, cluster in enumerate(clusters):
        first = dated[cluster[0]]
        date = first.expression.date
        assert date is not None  # event_expression only returns resolved ones
        guests_here = placed.get(c, [])
        events.append(
            TimelineEvent(
                date=date,
                granularity=first.expression.granularity,
                text=articles[first.article].text_of(first.sentence),
                citations=tuple(cite(dated[j]) for j in cluster)
                + tuple(cite(d) for d in guests_here),
                bases=tuple(
                    basis(dated[j].expression, articles[dated[j].article].article.published)
                    for j in cluster
                )
                + (PLACED,) * len(guests_here),
            )
        )
    events.sort(key=_sort_key)  # stable: the order of the same date is kept
    kept = {id(d) for ds in placed.values() for d in ds}
    undated = [
        UndatedStatement(articles[d.article].text_of(d.sentence), d.expression.text, cite(d))
        for d in loose
        if id(d) not in kept
    ]
    return Timeline(tuple(events), tuple(undated))


def _inside(x: Sequence[TimeExpression], s: Sentence) -> list[TimeExpression]:
    return [e for e in x if s.span.start <= e.start and e.end <= s.span.end]


_WORD = re.compile(r"\b[a-z]{3,}\b")


def _body(
    a: AnalyzedArticle, k: int, chosen: TimeExpression, x: Sequence[TimeExpression]
) -> Sentence | None:
    """The body sentence that sentence ``k`` dates with ``chosen``, or ``None``.

    A date alone at the head of a line (a chronology's "28 June 2009 Police interview the
    doctor.", where the parser makes the date a sentence of its own) dates the sentence
    after it on that line, when that one has no date of its own: the event cites both.
    Without a parse, a sentence that has no lower-case word besides its dates ("CAIRO,
    March 3 -" on its own) is no sentence of the body.
    """
    text, s = a.article.text, a.sentences[k]
    if not heading_rest(text, s.span.start, s.span.end, chosen.start, chosen.end):
        line_start = text.rfind("\n", 0, chosen.start) + 1
        if text[line_start : chosen.start].strip() or k + 1 >= len(a.sentences):
            return None
        after = a.sentences[k + 1]
        if "\n" in text[s.span.end : after.span.start] or _inside(x, after):
            return None
        return Sentence(
            Span(a.article.id, s.span.start, after.span.end),
            s.index,
            s.words + after.words,
            s.terms + after.terms,
            s.lemmas + after.lemmas,
        )
    if chosen.in_clause is None:
        rest, at = [], s.span.start
        for e in _inside(x, s):
            rest.append(text[at : e.start])
            at = max(at, e.end)
        rest.append(text[at : s.span.end])
        if not _WORD.search("".join(rest)):
            return None
    return s


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """The ``timeline`` (and ``undated``) parts of ``briefing.json``.

    ``date`` stays ``YYYY-MM-DD`` (the first day of its period); ``date_text`` shows it at
    its ``granularity`` ("2009", "March 2009"); every citation has its ``basis``.
    """

    def cite(c: Citation) -> dict[str, Any]:
        return {"article_id": c.article_id, "start": c.start, "end": c.end}

    return {
        "timeline": [
            {
                "date": e.date.isoformat(),
                "granularity": e.granularity,
                "date_text": e.date_text,
                "basis": e.basis,
                "text": e.text,
                "citations": [
                    {**cite(c), "basis": b}
                    for c, b in zip(e.citations, e.bases or ("",) * len(e.citations), strict=True)
                ],
            }
            for e in timeline.events
        ],
        "undated": [
            {"text": u.text, "expression": u.expression, "citations": [cite(u.citation)]}
            for u in timeline.undated
        ],
    }
