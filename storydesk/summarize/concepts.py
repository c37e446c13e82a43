"""Concepts of a story: lemma bigrams, and where in the articles each one appears.

How much a summary should want a concept comes from how the articles use it: in how many
of them it appears (Gillick and Favre, 2009) and how near their tops. A model learned over
richer concept features (frequency, position, background rarity; tried on the development
sets) did no better than document frequency, so these two counts are all that is kept.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ..model import AnalyzedArticle, Sentence

_NOT_WORD = frozenset({"'s", "’s", "-", "--", "'", "`", "``", "''"})


def sentence_concepts(sentence: Sentence) -> frozenset[str]:
    """Lemma bigrams of a sentence, except those of two stop words.

    >>> s = Sentence(span=None, index=0, words=4, terms=(), lemmas=("the", "truce", "hold", "."))
    >>> sorted(sentence_concepts(s))
    ['the truce', 'truce hold']
    """
    return lemma_concepts(sentence.lemmas)


@lru_cache(maxsize=65536)
def _is_word(lemma: str) -> bool:
    """Whether a lemma counts in a concept: not a clitic or dash, and has a letter or digit
    (asked once per lemma: a story asks it of the same words thousands of times)."""
    return lemma not in _NOT_WORD and any(ch.isalnum() for ch in lemma)


@lru_cache(maxsize=65536)
def lemma_concepts(lemmas: tuple[str, ...]) -> frozenset[str]:
    """Lemma bigrams of a word sequence, except those of two stop words."""
    words = [w for w in lemmas if _is_word(w)]
    return frozenset(
        f"{a} {b}"
        for a, b in itertools.pairwise(words)
        if not (a in STOP_WORDS and b in STOP_WORDS)
    )


@dataclass(frozen=True, slots=True)
class ConceptStats:
    """Every concept of a story (sorted) with where it appears."""

    names: list[str]
    df: np.ndarray  # articles that carry each concept
    lead_df: np.ndarray  # sum over those articles of 1 + 1/(1 + first sentence index)


def concept_stats(articles: Sequence[AnalyzedArticle]) -> ConceptStats:
    """Count the articles that carry each concept, and how near their tops."""
    first: dict[str, dict[int, int]] = defaultdict(dict)  # concept -> article -> first index
    for d, a in enumerate(articles):
        for sent in a.sentences:
            for c in sentence_concepts(sent):
                first[c].setdefault(d, sent.index)
    names = sorted(first)
    df = np.array([len(first[c]) for c in names], dtype=float)
    lead_df = np.array(
        [sum(1.0 + 1.0 / (1.0 + k) for k in first[c].values()) for c in names], dtype=float
    )
    return ConceptStats(names=names, df=df, lead_df=lead_df)
