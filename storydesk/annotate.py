"""Per-article annotations made while the parse is at hand: date expressions, numeric
facts, quotes, entity mentions and who a "he" or "she" stands for, each an offset range
into the article's cleaned text.

:func:`annotate` is a per-article stage (a plain map over parsed articles). An extractor
that fails on one article is logged and leaves that part empty: one odd article never
costs the rest of the run its briefings.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .entities import extract_mentions, merge_entities
from .facts import extract_facts
from .model import ANNOTATIONS_VERSION, AnalyzedArticle, Annotations, Article, Entity, Fact, Quote
from .quotes import extract_speech
from .timeline import find_time_expressions

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

T = TypeVar("T")


def _safely(what: str, article: Article, fn: Callable[[], T]) -> T | None:
    """``fn()``, or ``None`` when it fails (logged with the article's source)."""
    try:
        return fn()
    except Exception:  # an extractor's bug must not lose the run: log it, keep the rest
        log.warning("%s failed on %s; left out", what, article.source, exc_info=True)
        return None


# A paragraph of prose has a sentence end: a full stop, "!", "?" or an ellipsis, perhaps
# inside closing quotes or brackets.
_PROSE_END = re.compile(r"""[.!?\u2026]["\u201d\u2019')\]]*\s*$""")


def unfinished_lines(text: str) -> list[tuple[int, int]]:
    r"""The ``[start, end)`` of each line of ``text`` that ends without a sentence end: a
    headline, a standfirst, a caption or a teaser of another story that cleaning kept.

    >>> unfinished_lines("Toll rises to 19\nThe toll rose to 19, officials said.\n")
    [(0, 16)]
    """
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip() and not _PROSE_END.search(line):
            out.append((start, end))
        start = end + 1
    return out


def in_prose(text: str) -> Callable[[int], bool]:
    r"""A test of whether an offset of ``text`` lies outside every unfinished line.

    >>> inside = in_prose("Toll rises to 19\nThe toll rose to 19, officials said.")
    >>> inside(3), inside(20)
    (False, True)
    """
    lines = unfinished_lines(text)
    starts = [s for s, _ in lines]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return not (i >= 0 and offset < lines[i][1])

    return inside


def annotate(article: Article, doc: Doc) -> Annotations:
    """Date expressions, numeric facts, quotes (with who a "he" or "she" stands for) and
    entity mentions of one parsed article."""
    times = (
        _safely(
            "date resolution",
            article,
            lambda: find_time_expressions(
                article.text, article.published, doc, article_id=article.id
            ),
        )
        or ()
    )
    facts = _safely("fact extraction", article, lambda: extract_facts(article, doc, times)) or ()
    quotes, referents = _safely(
        "quote extraction", article, lambda: extract_speech(article.text, doc, article.id)
    ) or ((), ())
    mentions = (
        _safely(
            "entity extraction",
            article,
            lambda: tuple(extract_mentions(article.text, doc, article.id)),
        )
        or ()
    )
    # A quote, a figure or a date needs a line of prose: what ends without a sentence end
    # (a headline, caption or another story's teaser left in page text) states nothing.
    prose = in_prose(article.text)
    times = tuple(t for t in times if prose(t.start))
    facts = tuple(f for f in facts if prose(f.start))
    quotes = tuple(q for q in quotes if prose(q.start))
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
