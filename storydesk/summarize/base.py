"""What every summariser shares: the candidate view of a story's sentences."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
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


# An opening word that turns on or compares with the sentence before it: "Others ...",
# "Moreover, ...", "So is ...", "Nor ...", an answer ("No, not ..."), a time counted from
# it ("The next two months were tough.") (a quote opening with one continues the speaker's
# earlier words). Chosen on the development sets (DUC 2006, DUC 2007 main; docs/tuning-log.md,
# 2026-12-07): "But", "And", "Also,", "Then", "Thus", "In addition" and "As a result" open
# sentences a reader follows alone, and leaving them out lost ROUGE-2 there (11.82 -> 11.70
# at 250 words, 9.63 -> 9.54 at 100); so did leaving out an aside after the subject ("Smith,
# however, decided ..."), which now stays a candidate.
_DEPENDENT_OPENER = re.compile(
    r"""^["“‘']?(?:still,|(?:no|yes|ah|oh),|(?:however|nonetheless|nevertheless|moreover|furthermore|besides|"""
    r"""instead|otherwise|others|likewise|similarly|conversely|even so|by contrast|"""
    r"""in contrast|on the other hand|nor|that said|so (?:is|are|was|were|do|does|did|has|"""
    r"""have|had|will|would|can|could|should|must)|the (?:next|following|previous|same) """
    r"""(?:(?:few|two|three|four|five|six|\d+) )?(?:days?|weeks?|months?|years?|nights?|"""
    r"""mornings?|evenings?|hours?))\b)""",
    re.IGNORECASE,
)
# A reason given as a sentence of its own ("Because the road is closed."): a subordinate
# clause with no main clause answers the sentence before. ("Because of the storm, ..." and
# "Because the road closed, the bus ..." have one and stay.)
_REASON_FRAGMENT = re.compile(
    r"""^["“‘']?because\b(?!\s+of\b)[^,;:]*[.!]["”’')\]]*$""", re.IGNORECASE
)
# The verb left to the sentence before ("Reaching Mars, however, hasn't.", "He said he
# would."): the sentence ends on a modal, or on a negated auxiliary. ("... what he had."
# and "... where it is." end on a main verb and stay.)
_ELIDED_VERB = re.compile(
    r"""(?:\b(?:will|would|shall|should|can|could|may|might|must)(?:\s+not)?|"""
    r"""\b(?:is|are|was|were|be|been|has|have|had|do|does|did)\s+not|"""
    r"""\b[a-z]+n['’]t)(?:\s+(?:too|either|yet))?[.!]["”’')\]]*$""",
    re.IGNORECASE,
)


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
    the budget allows (the story's key figure); the pairs in ``skip`` are never chosen."""

    def __call__(
        self,
        articles: Sequence[AnalyzedArticle],
        words: int,
        *,
        require: Sequence[Collection[tuple[int, int]]] = (),
        skip: Collection[tuple[int, int]] = (),
    ) -> list[Candidate]: ...


def is_clean_candidate(text: str, sentence: Sentence, min_words: int, max_words: int) -> bool:
    """A sentence a reader can take on its own: whole (ending with a full stop), not a
    fragment of a longer quote,
    not opening with a pronoun whose referent is in another sentence, not a quote given
    to "he" or "she" (its speaker is named elsewhere), not a question."""
    if not min_words <= sentence.words <= max_words or sentence.starts_with_pronoun:
        return False
    return _reads_alone(text.strip())


# Cached: a story's summary, its leads and its update each ask about the same sentences.
@lru_cache(maxsize=65536)
def _reads_alone(stripped: str) -> bool:
    """The part of :func:`is_clean_candidate` that reads only the sentence's text."""
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
    if needs_predecessor(stripped):
        return False
    # Half a quotation: its other half, and often its speaker, is in another sentence.
    return not (stripped.count('"') % 2 or stripped.count("“") != stripped.count("”"))


def needs_predecessor(text: str) -> bool:
    """The sentence only makes sense after the one before it: it opens with a connective
    that turns on or compares with it ("Others ...", "Moreover, ...", "Nor ..."), leaves its
    verb to it ("Mars hasn't."), or gives a reason with no main clause ("Because the road is
    closed.").

    >>> needs_predecessor("Reaching Mars, however, hasn't.")
    True
    >>> needs_predecessor("The dam burst on Monday.")
    False
    """
    t = text.strip()
    return bool(_DEPENDENT_OPENER.search(t) or _ELIDED_VERB.search(t) or _REASON_FRAGMENT.search(t))


def inside_quotation(text: str, start: int) -> bool:
    """Whether ``start`` falls inside a quotation opened earlier in its paragraph: the
    middle sentences of a long quote carry no quote marks, and neither their speaker.

    >>> inside_quotation('He said: "We lost. We will win." Then he left.', 19)
    True
    """
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


# An embedded social post: its text ends with the post's picture link, or its signature
# line follows ("— Jane Doe (@janedoe) March 10, 2026").
_POST_LINK = re.compile(r"\b(?:pic\.twitter\.com/|https?://t\.co/)\S+\s*$")
_POST_SIGNATURE = re.compile(r"^[—–-]+\s*[^\n]{1,60}\(@\w+\)")


def in_embedded_post(text: str, start: int) -> bool:
    """Whether ``start`` falls in an embedded social post (a tweet set in the article): its
    words are the poster's, with no speaker named in the sentence.

    >>> in_embedded_post("Fans cheered.\\n\\nWhat a night! pic.twitter.com/x1", 16)
    True
    """
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    after = text[end:].lstrip("\n")
    line = text[begin:end]
    # The link's literal text first: searched for at every character, the pattern cost
    # seconds on articles given as one long line
    link = ("twitter.com/" in line or "t.co/" in line) and _POST_LINK.search(line)
    return bool(link or _POST_SIGNATURE.match(after))


def stands_alone(
    article: AnalyzedArticle, sentence: Sentence, min_words: int, max_words: int
) -> bool:
    """A clean candidate (:func:`is_clean_candidate`) that is not the inside of a quotation
    begun in an earlier sentence (:func:`inside_quotation`) nor a sentence of an embedded
    social post (:func:`in_embedded_post`)."""
    text = article.text_of(sentence)
    full = article.article.text
    return (
        is_clean_candidate(text, sentence, min_words, max_words)
        and not inside_quotation(full, sentence.span.start)
        and not in_embedded_post(full, sentence.span.start)
    )


def lead_sentences(
    articles: Sequence[AnalyzedArticle], min_words: int, max_words: int
) -> set[tuple[int, int]]:
    """``(article, sentence index)`` of each article's lead: its first sentence that stands
    alone (:func:`stands_alone`), past any headline, byline or caption left in its text."""
    out: set[tuple[int, int]] = set()
    for d, a in enumerate(articles):
        for sent in a.sentences:
            if stands_alone(a, sent, min_words, max_words):
                out.add((d, sent.index))
                break
    return out


def reading_order(articles: Sequence[AnalyzedArticle], chosen: list[Candidate]) -> list[Candidate]:
    """Chronological by publication date, then by where the sentence stands in its article
    (leads first), then by input order: the order a reader of the sources would meet them."""
    far = dt.date.max

    def key(c: Candidate) -> tuple[dt.date, float, int, int]:
        a = articles[c.doc]
        relative = c.sentence.index / max(1, len(a.sentences))
        return (a.article.published or far, round(relative, 6), c.doc, c.sentence.index)

    return sorted(chosen, key=key)
