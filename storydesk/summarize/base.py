"""What every summariser shares: the candidate view of a story's sentences."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..clean import is_insert
from ..model import AnalyzedArticle, Sentence, Trim
from ..trims import apply

# '"...," he said.' / '..., she added.': the speaker is named in another sentence.
_PRONOUN_ATTRIBUTION = re.compile(
    r"""(?:[,.!?]["”’']?|["”’'])\s+(?:he|she|they)\s+(?:said|says|added|adds|told|tells|"""
    r"""wrote|writes|explained|insisted|warned|noted|stated|argued|asked|replied)\b""",
    re.IGNORECASE,
)


# A whole sentence ends with a full stop or an exclamation mark, perhaps inside quotes.
_SENTENCE_END = re.compile(r"""[.!]["”’')\]]*$""")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence of a story with the article it comes from."""

    doc: int  # index of the article in the story
    sentence: Sentence
    # Parts of the sentence left out (see :mod:`storydesk.trims`); none: the whole sentence.
    trims: tuple[Trim, ...] = ()


def candidate_text(articles: Sequence[AnalyzedArticle], c: Candidate) -> str:
    """What a candidate says: its sentence, less any trims."""
    a = articles[c.doc]
    text = a.text_of(c.sentence)
    return apply(text, c.sentence.span.start, c.trims) if c.trims else text


class Summarizer(Protocol):
    """``(articles, budget in words) -> chosen sentences`` in reading order. Each set of
    ``(article, sentence index)`` pairs in ``require`` has one of its sentences chosen when
    the budget allows (the story's key figure)."""

    def __call__(
        self,
        articles: Sequence[AnalyzedArticle],
        words: int,
        *,
        require: Sequence[Collection[tuple[int, int]]] = (),
    ) -> list[Candidate]: ...


def is_clean_candidate(text: str, sentence: Sentence, min_words: int, max_words: int) -> bool:
    """A sentence a reader can take on its own: whole (ending with a full stop), not a
    fragment of a longer quote,
    not opening with a pronoun whose referent is in another sentence, not a quote given
    to "he" or "she" (its speaker is named elsewhere), not a question."""
    if not min_words <= sentence.words <= max_words or sentence.starts_with_pronoun:
        return False
    stripped = text.strip()
    if not stripped or stripped[-1] in ":;,?" or stripped.endswith('?"') or stripped.endswith("?”"):
        return False
    # A headline, standfirst or caption left in the text ends without a full stop.
    if not _SENTENCE_END.search(stripped):
        return False
    if is_insert(stripped):  # a page's promotion or a photo caption, full stop and all
        return False
    first = stripped.lstrip("\"“‘'(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if _PRONOUN_ATTRIBUTION.search(stripped):
        return False
    # Half a quotation: its other half, and often its speaker, is in another sentence.
    return not (stripped.count('"') % 2 or stripped.count("“") != stripped.count("”"))


def reading_order(articles: Sequence[AnalyzedArticle], chosen: list[Candidate]) -> list[Candidate]:
    """Chronological by publication date, then by where the sentence stands in its article
    (leads first), then by input order: the order a reader of the sources would meet them."""
    far = dt.date.max

    def key(c: Candidate) -> tuple[dt.date, float, int, int]:
        a = articles[c.doc]
        relative = c.sentence.index / max(1, len(a.sentences))
        return (a.article.published or far, round(relative, 6), c.doc, c.sentence.index)

    return sorted(chosen, key=key)
