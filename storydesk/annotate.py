"""Per-article annotations made while the parse is at hand: date expressions, numeric
facts, quotes, entity mentions and who a "he" or "she" stands for, each an offset range
into the article's cleaned text.

:func:`annotate` is a per-article stage (a plain map over parsed articles). An extractor
that fails on one article is logged and leaves that part empty: one odd article never
costs the rest of the run its briefings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .entities import Entity, Mention, extract_mentions, merge_entities
from .facts import Fact, extract_facts
from .model import AnalyzedArticle, Article
from .quotes import Quote, Referent, extract_speech
from .timeline import TimeExpression, find_time_expressions

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# Bump when an extractor changes what it finds: stored annotations of an older version
# are made again from the text when a story is briefed.
ANNOTATIONS_VERSION = 10

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Annotations:
    """What the per-article extractors found in one article."""

    version: int = ANNOTATIONS_VERSION
    times: tuple[TimeExpression, ...] = ()
    facts: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()
    # Who a "he"/"she" named in an earlier sentence stands for (summary sentences show it).
    referents: tuple[Referent, ...] = ()


def _safely(what: str, article: Article, fn: Callable[[], T]) -> T | None:
    """``fn()``, or ``None`` when it fails (logged with the article's source)."""
    try:
        return fn()
    except Exception:  # an extractor's bug must not lose the run: log it, keep the rest
        log.warning("%s failed on %s; left out", what, article.source, exc_info=True)
        return None


def annotate(article: Article, doc: Doc) -> Annotations:
    """Date expressions, numeric facts, quotes (with who a "he" or "she" stands for) and
    entity mentions of one parsed article."""
    times = (
        _safely(
            "date resolution",
            article,
            lambda: tuple(find_time_expressions(article.text, article.published, doc)),
        )
        or ()
    )
    facts = _safely("fact extraction", article, lambda: extract_facts(article, doc, times)) or ()
    quotes, referents = _safely(
        "quote extraction", article, lambda: extract_speech(article.text, doc)
    ) or ((), ())
    mentions = (
        _safely("entity extraction", article, lambda: tuple(extract_mentions(article.text, doc)))
        or ()
    )
    return Annotations(
        times=times, facts=facts, quotes=quotes, mentions=mentions, referents=referents
    )


def is_current(a: AnalyzedArticle) -> bool:
    return a.annotations is not None and a.annotations.version == ANNOTATIONS_VERSION


def ensure_annotated(
    articles: Sequence[AnalyzedArticle], nlp: Callable[[], Language]
) -> list[AnalyzedArticle]:
    """``articles`` with current annotations, parsing again only those that lack them
    (articles stored before annotations existed, or by an older extractor)."""
    from dataclasses import replace

    stale = [a for a in articles if not is_current(a)]
    if not stale:
        return list(articles)
    parser = nlp()
    docs = parser.pipe(a.article.text[: parser.max_length] for a in stale)
    fresh = {
        a.article.id: replace(a, annotations=annotate(a.article, doc))
        for a, doc in zip(stale, docs, strict=True)
    }
    return [fresh.get(a.article.id, a) for a in articles]


def all_facts(articles: Iterable[AnalyzedArticle]) -> list[Fact]:
    return [f for a in articles if a.annotations for f in a.annotations.facts]


def all_quotes(articles: Iterable[AnalyzedArticle]) -> list[tuple[str, Quote]]:
    """``(article id, quote)`` for every quote of the articles, in article order."""
    return [(a.article.id, q) for a in articles if a.annotations for q in a.annotations.quotes]


def story_entities(articles: Sequence[AnalyzedArticle]) -> list[Entity]:
    """The people, organisations and places of a story, merged across its articles."""
    return merge_entities(
        {a.article.id: a.annotations.mentions for a in articles if a.annotations is not None}
    )
