"""Concept-coverage summariser solved exactly as an integer linear programme.

The model of Gillick and Favre (2009): a summary is worth the summed weight of the
*concepts* (lemma bigrams) it contains, each counted once, so choosing sentences that
repeat one another buys nothing. Concept weights are the number of articles that mention
the concept, a bigram first met near the top of an article counting more (news puts the
event in the lead). The programme is solved with HiGHS through :func:`scipy.optimize.milp`.

For update summaries, concepts the reader already had (in ``known``) lose most of their
weight, so the summary spends its words on what is new.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp
from spacy.lang.en.stop_words import STOP_WORDS

from ..model import AnalyzedArticle, Sentence
from ..settings import Settings
from .base import Candidate, is_clean_candidate, reading_order

_NOT_WORD = frozenset({"'s", "’s", "-", "--", "'", "`", "``", "''"})


@dataclass(frozen=True, slots=True)
class ILPParams:
    """Knobs of the concept model, chosen on the development sets (DUC 2006, DUC 2007 main)."""

    # A concept must appear in at least this share of the articles (and in two of them)
    # to carry weight: what one outlet alone says is not yet the story.
    min_df_share: float = 0.2
    # Weight of an article's mention of a concept: 1 + lead_bonus / (1 + sentence index).
    lead_bonus: float = 1.0
    # Seconds HiGHS may spend on one story before it returns its best solution so far.
    time_limit: float = 2.0
    # Weight kept by a concept the reader already had (update summaries).
    known_weight: float = 0.1


def sentence_concepts(sentence: Sentence) -> set[str]:
    """Lemma bigrams of a sentence, except those of two stop words.

    >>> s = Sentence(span=None, index=0, words=4, terms=(), lemmas=("the", "truce", "hold", "."))
    >>> sorted(sentence_concepts(s))
    ['the truce', 'truce hold']
    """
    lemmas = [w for w in sentence.lemmas if w not in _NOT_WORD and any(ch.isalnum() for ch in w)]
    return {
        f"{a} {b}"
        for a, b in itertools.pairwise(lemmas)
        if not (a in STOP_WORDS and b in STOP_WORDS)
    }


def concept_weights(
    articles: Sequence[AnalyzedArticle], params: ILPParams, known: Collection[str] = ()
) -> dict[str, float]:
    """Weight of every concept: how many articles carry it, leads counting more."""
    per_article: dict[str, dict[int, float]] = defaultdict(dict)
    for d, a in enumerate(articles):
        for sent in a.sentences:
            bonus = 1.0 + params.lead_bonus / (1.0 + sent.index)
            for c in sentence_concepts(sent):
                if bonus > per_article[c].get(d, 0.0):
                    per_article[c][d] = bonus
    n = len(articles)
    min_df = max(2, math.ceil(params.min_df_share * n)) if n >= 2 else 1
    known = set(known)
    out: dict[str, float] = {}
    for c, hits in per_article.items():
        if len(hits) >= min_df:
            out[c] = sum(hits.values()) * (params.known_weight if c in known else 1.0)
    return out


def text_words(text: str) -> int:
    """Words as a length budget (and ROUGE's truncation) counts them: whitespace-separated."""
    return len(text.split())


def solve(
    concept_sets: Sequence[set[str]],
    lengths: Sequence[int],
    weights: dict[str, float],
    budget: int,
    tie_break: Sequence[float],
    time_limit: float,
) -> list[int]:
    """Indices of the sentences of maximum total concept weight within ``budget`` words.

    ``tie_break`` (small, per sentence) decides between summaries of equal weight, so the
    answer does not depend on the solver's path.
    """
    names = sorted({c for cs in concept_sets for c in cs if c in weights})
    if not names:
        return []
    col = {c: len(concept_sets) + i for i, c in enumerate(names)}
    n_s, n_c = len(concept_sets), len(names)
    # Maximise sum(w_c y_c) + eps * sum(t_s x_s); milp minimises.
    w = np.array([weights[c] for c in names])
    eps = 1e-4 * float(w.min())
    cost = -np.concatenate([eps * np.asarray(tie_break, dtype=float), w])
    rows, cols, vals = [], [], []
    # y_c <= sum of x_s over the sentences containing c.
    for i in range(n_c):
        rows.append(i)
        cols.append(n_s + i)
        vals.append(1.0)
    for s, cs in enumerate(concept_sets):
        for c in cs:
            if c in col:
                rows.append(col[c] - n_s)
                cols.append(s)
                vals.append(-1.0)
    cover = sparse.csr_matrix((vals, (rows, cols)), shape=(n_c, n_s + n_c))
    length = sparse.csr_matrix(
        np.concatenate([np.asarray(lengths, dtype=float), np.zeros(n_c)])[None, :]
    )
    result = milp(
        cost,
        constraints=[
            LinearConstraint(cover, -np.inf, 0.0),
            LinearConstraint(length, 0.0, float(budget)),
        ],
        integrality=np.ones(n_s + n_c),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "presolve": True},
    )
    if result.x is None:
        return []
    return [s for s in range(n_s) if result.x[s] > 0.5]


def candidates(articles: Sequence[AnalyzedArticle], settings: Settings) -> list[Candidate]:
    """Sentences a reader can take on their own (see :func:`is_clean_candidate`)."""
    s = settings
    return [
        Candidate(d, sent)
        for d, a in enumerate(articles)
        for sent in a.sentences
        if is_clean_candidate(a.text_of(sent), sent, s.min_sentence_words, s.max_sentence_words)
    ]


class ILPSummarizer:
    """Exact concept coverage (Gillick and Favre, 2009) with lead-weighted concepts."""

    name = "ilp"

    def __init__(self, settings: Settings | None = None, params: ILPParams | None = None) -> None:
        self.settings = settings or Settings()
        self.params = params or ILPParams()

    def __call__(
        self,
        articles: Sequence[AnalyzedArticle],
        words: int,
        known: Collection[str] = (),
        skip: Collection[tuple[int, int]] = (),
    ) -> list[Candidate]:
        """Sentences of ``articles`` within ``words``, in reading order.

        ``known`` are concepts the reader already has (they keep little weight) and ``skip``
        are ``(article, sentence index)`` pairs not to choose, for update summaries.
        """
        pool = [
            c
            for c in candidates(articles, self.settings)
            if (c.doc, c.sentence.index) not in skip
        ]
        if not pool:
            return []
        weights = concept_weights(articles, self.params, known)
        sets = [sentence_concepts(c.sentence) for c in pool]
        lengths = [text_words(articles[c.doc].text_of(c.sentence)) for c in pool]
        # Between equally good summaries prefer sentences nearer the top of their article.
        tie = [1.0 / (1.0 + c.sentence.index) for c in pool]
        chosen = solve(sets, lengths, weights, words, tie, self.params.time_limit)
        if not chosen:
            # Nothing shared between the articles: the lead of the first article that fits.
            fits = [i for i, n in enumerate(lengths) if n <= words]
            chosen = fits[:1]
        return reading_order(articles, [pool[i] for i in chosen])
