"""Concept-coverage summariser: greedy maximum coverage of the word bigrams and content
words that most sources share (in the spirit of Gillick and Favre, 2009), with a
redundancy check so that no two chosen sentences say the same thing.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence

import numpy as np
from scipy import sparse
from spacy.lang.en.stop_words import STOP_WORDS

from ..model import AnalyzedArticle
from ..settings import Settings
from .base import Candidate, reading_order, stands_alone
from .vectors import term_vectors


def concepts(lemmas: Sequence[str], terms: Sequence[str]) -> set[str]:
    """Bigrams of lemmas (not both stop words) and content lemmas of one sentence.

    >>> sorted(concepts(["the", "truce", "hold"], ["truce", "hold"]))
    ['hold', 'the truce', 'truce', 'truce hold']
    """
    out = set(terms)
    for a, b in itertools.pairwise(lemmas):
        if a in STOP_WORDS and b in STOP_WORDS:
            continue
        out.add(f"{a} {b}")
    return out


class CoverageSummarizer:
    """Pick sentences that cover the concepts found in the most articles."""

    name = "coverage"

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def __call__(
        self,
        articles: Sequence[AnalyzedArticle],
        words: int,
        *,
        require: Sequence[Collection[tuple[int, int]]] = (),
        skip: Collection[tuple[int, int]] = (),
    ) -> list[Candidate]:
        """Greedy coverage within ``words``; each ``require`` group that still fits is served
        first by its best sentence. Sentences in ``skip`` are never chosen."""
        s = self.settings
        pool = [
            Candidate(d, sent)
            for d, a in enumerate(articles)
            for sent in a.sentences
            if stands_alone(a, sent, s.min_sentence_words, s.max_sentence_words)
            and (d, sent.index) not in skip
        ]
        if not pool:  # tiny or odd articles: take what there is rather than nothing
            pool = [
                Candidate(d, sent)
                for d, a in enumerate(articles)
                for sent in a.sentences
                if (d, sent.index) not in skip
            ]
        if not pool:
            return []
        sets = [concepts(c.sentence.lemmas, c.sentence.terms) for c in pool]
        vocab: dict[str, int] = {}
        df: dict[str, set[int]] = {}
        for c, cs in zip(pool, sets, strict=True):
            for k in cs:
                vocab.setdefault(k, len(vocab))
                df.setdefault(k, set()).add(c.doc)
        n_docs = len({c.doc for c in pool})
        min_df = 2 if n_docs >= 3 else 1
        weights = np.zeros(len(vocab))
        for k, i in vocab.items():
            if len(df[k]) >= min_df:
                weights[i] = len(df[k]) * (1.0 if " " in k else 0.5)
        rows, cols = [], []
        for r, cs in enumerate(sets):
            for k in cs:
                rows.append(r)
                cols.append(vocab[k])
        m = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(pool), len(vocab)))
        lengths = np.array([c.sentence.words for c in pool], dtype=float)
        # Leads of articles carry the event; later sentences need more coverage to win.
        position = np.array([1.0 + 0.3 / (1 + c.sentence.index) for c in pool])
        vectors = term_vectors([c.sentence.terms for c in pool])
        remaining = weights.copy()
        available = np.ones(len(pool), dtype=bool)
        chosen: list[int] = []
        used = 0
        for group in require:
            gains = (m @ remaining) * position / np.sqrt(lengths)
            members = [
                i
                for i, c in enumerate(pool)
                if (c.doc, c.sentence.index) in group and lengths[i] <= words - used
            ]
            if not members or any(i in chosen for i in members):
                continue
            best = max(members, key=lambda i: (gains[i], -i))
            available[best] = False
            chosen.append(best)
            used += int(lengths[best])
            remaining[m[best].indices] = 0.0
        while True:
            fits = available & (lengths <= words - used)
            if not fits.any():
                break
            gains = (m @ remaining) * position / np.sqrt(lengths)
            gains[~fits] = -1.0
            best = int(np.argmax(gains))
            if gains[best] <= 0:
                break
            available[best] = False
            if chosen:
                sims = (vectors[best] @ vectors[chosen].T).toarray().ravel()
                if sims.max() > s.redundancy:
                    continue
            chosen.append(best)
            used += int(lengths[best])
            remaining[m[best].indices] = 0.0
        return reading_order(articles, [pool[i] for i in chosen])
