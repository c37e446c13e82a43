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

import datetime as dt
import heapq
import itertools
import math
import warnings
from collections.abc import Collection, Sequence

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from ..model import AnalyzedArticle
from ..settings import Settings, SummarySettings
from ..trims import kept_lemmas
from .base import Candidate, candidate_text, reading_order, stands_alone
from .concepts import concept_stats, lemma_concepts, sentence_concepts
from .vectors import term_vectors


def concept_weights(
    articles: Sequence[AnalyzedArticle],
    params: SummarySettings,
    known: Collection[str] = (),
) -> dict[str, float]:
    """Weight of every concept the summary should want (see :mod:`.concepts`)."""
    stats = concept_stats(articles)
    n = len(articles)
    min_df = max(2, math.ceil(params.min_df_share * n)) if n >= 2 else 1
    keep = stats.df >= min_df
    # lead_df counts 1 + 1/(1 + i) per article, i the concept's first sentence there.
    values = stats.df + params.lead_bonus * (stats.lead_df - stats.df)
    known = set(known)
    out = {
        c: float(v)
        * (1.0 if k else params.rare_weight)
        * (params.known_weight if c in known else 1.0)
        for c, v, k in zip(stats.names, values, keep, strict=True)
        if (k or params.rare_weight > 0) and v > 0
    }
    if params.max_concepts and len(out) > params.max_concepts:
        # Only weights at or above the max_concepts-th largest can make the cut: sort those.
        cut = heapq.nlargest(params.max_concepts, out.values())[-1]
        top = sorted(((c, v) for c, v in out.items() if v >= cut), key=lambda kv: (-kv[1], kv[0]))
        out = dict(top[: params.max_concepts])
    return out


def candidate_concepts(c: Candidate) -> frozenset[str]:
    """Concepts of what a candidate says (its sentence less any trims)."""
    if not c.trims:
        return sentence_concepts(c.sentence)
    return lemma_concepts(kept_lemmas(c.sentence.lemmas, c.trims))


def variants(c: Candidate, kinds: Collection[str]) -> list[Candidate]:
    """The candidate whole, then with each allowed trim alone, then with all of them."""
    allowed = tuple(x for x in c.sentence.trims if x.kind in kinds)
    if not allowed:
        return [c]
    out = [c, *(Candidate(c.doc, c.sentence, (x,)) for x in allowed)]
    if len(allowed) > 1:
        out.append(Candidate(c.doc, c.sentence, allowed))
    return out


def text_words(text: str) -> int:
    """Words as a length budget (and ROUGE's truncation) counts them: whitespace-separated."""
    return len(text.split())


def solve(
    concept_sets: Sequence[Collection[str]],
    lengths: Sequence[int],
    weights: dict[str, float],
    budget: int,
    tie_break: Sequence[float],
    node_limit: int = 5000,
    exclusive: Sequence[tuple[int, int]] = (),
    mip_gap: float = 1e-4,
    penalty: Sequence[float] = (),
    require: Sequence[Collection[int]] = (),
    cut_pool: int = 200,
) -> list[int]:
    """Indices of the sentences of maximum total concept weight within ``budget`` words.

    ``tie_break`` (small, per sentence) decides between summaries of equal weight, so the
    answer does not depend on the solver's path. ``exclusive`` pairs of sentences say the
    same thing: at most one of each pair is chosen. ``penalty`` (per sentence, in concept
    weight) is subtracted from the summary's worth when the sentence is chosen. Each set of
    sentence indices in ``require`` has at least one of its sentences chosen (the caller
    makes sure that the requirements fit the budget together). ``cut_pool`` is HiGHS's
    cut pool soft limit (:attr:`SummarySettings.cut_pool`).
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
    if len(penalty):
        cost[:n_s] += np.asarray(penalty, dtype=float)
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
    constraints = [
        LinearConstraint(cover, -np.inf, 0.0),
        LinearConstraint(length, 0.0, float(budget)),
    ]
    if exclusive:
        pairs = np.asarray(exclusive, dtype=int)
        k = np.arange(len(pairs))
        once = sparse.csr_matrix(
            (np.ones(2 * len(pairs)), (np.concatenate([k, k]), pairs.T.ravel())),
            shape=(len(pairs), n_s + n_c),
        )
        constraints.append(LinearConstraint(once, 0.0, 1.0))
    for group in require:
        row = np.zeros(n_s + n_c)
        row[sorted(group)] = 1.0
        constraints.append(LinearConstraint(sparse.csr_matrix(row[None, :]), 1.0, np.inf))
    options = {"node_limit": node_limit, "presolve": True, "mip_rel_gap": mip_gap}
    with warnings.catch_warnings():
        # scipy hands HiGHS an option it does not list itself verbatim, with a warning.
        warnings.filterwarnings("ignore", "Unrecognized options", RuntimeWarning)
        result = milp(
            cost,
            constraints=constraints,
            integrality=np.ones(n_s + n_c),
            bounds=Bounds(0, 1),
            options={**options, "mip_pool_soft_limit": cut_pool},
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
        if stands_alone(a, sent, s.min_sentence_words, s.max_sentence_words)
    ]


def lead(
    articles: Sequence[AnalyzedArticle],
    pool: Sequence[Candidate],
    words: int,
    require: Sequence[Collection[tuple[int, int]]] = (),
) -> list[Candidate]:
    """The first candidates, in order, that fit in ``words``; when none of them is in the
    first group of ``require`` (a story's key figure), its first sentence that fits is
    kept and the lead fills what is left."""
    length = [text_words(articles[c.doc].text_of(c.sentence)) for c in pool]

    def fill(budget: int, keep: int | None = None) -> list[int]:
        out: list[int] = [] if keep is None else [keep]
        used = 0 if keep is None else length[keep]
        for i in range(len(pool)):
            if i != keep and used + length[i] <= budget:
                out.append(i)
                used += length[i]
        return sorted(out)

    taken = fill(words)
    wanted = set(require[0]) if require else set()
    keys = [(c.doc, c.sentence.index) for c in pool]
    if wanted and not any(keys[i] in wanted for i in taken):
        fits = [i for i, k in enumerate(keys) if k in wanted and length[i] <= words]
        if fits:
            taken = fill(words, fits[0])
    return [pool[i] for i in taken]


def first_candidates(pool: Sequence[Candidate], depth: int = 1) -> set[tuple[int, int]]:
    """``(article, sentence index)`` of each article's first ``depth`` candidates: its lead."""
    out: dict[int, list[tuple[int, int]]] = {}
    for c in pool:
        got = out.setdefault(c.doc, [])
        if len(got) < depth:
            got.append((c.doc, c.sentence.index))
    return {k for got in out.values() for k in got}


def lead_candidates(
    articles: Sequence[AnalyzedArticle],
    first: Collection[tuple[int, int]],
    until: dt.date | None = None,
) -> set[tuple[int, int]]:
    """The leads (``first``) of the reports published by ``until`` (an undated one counts
    as published last); without ``until``, of the story's earliest reports."""
    far = dt.date.max

    def date(doc: int) -> dt.date:
        return articles[doc].article.published or far

    limit = until if until is not None else min((date(d) for d, _ in first), default=far)
    return {k for k in first if date(k[0]) <= limit}


def fitting(
    articles: Sequence[AnalyzedArticle],
    pool: Sequence[Candidate],
    groups: Sequence[Collection[tuple[int, int]]],
    words: int,
) -> list[set[tuple[int, int]]]:
    """The requirements, in order of priority, that fit in ``words`` together: a group is
    kept when its shortest sentence fits beside the shortest of the groups kept before it
    (or one sentence already kept for them is also in it). Empty groups are dropped."""
    length = {
        (c.doc, c.sentence.index): text_words(articles[c.doc].text_of(c.sentence))
        for c in pool
        if not c.trims
    }
    kept: list[set[tuple[int, int]]] = []
    used = 0
    for group in groups:
        members = {k for k in group if k in length and length[k] <= words}
        if not members:
            continue
        if kept and any(members & g for g in kept):
            kept.append(members)
            continue
        shortest = min(length[k] for k in members)
        if used + shortest <= words:
            kept.append(members)
            used += shortest
    return kept


def lead_first(ordered: list[Candidate], leads: Collection[tuple[int, int]]) -> list[Candidate]:
    """``ordered`` with its first lead sentence moved to the front (it is of the earliest
    date, so only same-day sentences placed higher in their articles can stand before it)."""
    for i, c in enumerate(ordered):
        if (c.doc, c.sentence.index) in leads:
            return [c, *ordered[:i], *ordered[i + 1 :]]
    return ordered


class ILPSummarizer:
    """Exact concept coverage (Gillick and Favre, 2009) with lead-weighted concepts."""

    name = "ilp"

    def __init__(
        self, settings: Settings | None = None, params: SummarySettings | None = None
    ) -> None:
        self.settings = settings or Settings()
        self.params = params or self.settings.summary

    def __call__(
        self,
        articles: Sequence[AnalyzedArticle],
        words: int,
        known: Collection[str] = (),
        skip: Collection[tuple[int, int]] = (),
        require: Sequence[Collection[tuple[int, int]]] = (),
    ) -> list[Candidate]:
        """Sentences of ``articles`` within ``words``, in reading order.

        ``known`` are concepts the reader already has (they keep little weight) and ``skip``
        are ``(article, sentence index)`` pairs not to choose, for update summaries. Each set
        of ``(article, sentence index)`` pairs in ``require`` (a story's key figure, say) has
        one of its sentences chosen when the budget allows, after the lead (see
        :attr:`SummarySettings.lead_required`).
        """
        pool = [
            c for c in candidates(articles, self.settings) if (c.doc, c.sentence.index) not in skip
        ]
        if not pool:
            return []
        if len(articles) == 1 and not known:
            # Nothing to weigh one report against: news puts what matters first.
            return lead(articles, pool, words, require)
        weights = concept_weights(articles, self.params, known)
        first = first_candidates(pool, self.params.lead_depth)
        if self.params.lead_required == "earliest" and not known:
            leads = lead_candidates(articles, first)
            return lead_first(
                self._choose(articles, pool, weights, words, [leads, *require]), leads
            )
        ordered = self._choose(articles, pool, weights, words, require)
        if not self.params.lead_required or known or not ordered:
            return ordered
        opening = ordered[0]
        if (opening.doc, opening.sentence.index) in first:
            return ordered
        # The summary would open with background: ask for the lead of a report published
        # no later than that sentence's, which then opens it.
        leads = lead_candidates(
            articles, first, articles[opening.doc].article.published or dt.date.max
        )
        again = self._choose(articles, pool, weights, words, [leads, *require])
        return lead_first(again, leads) if again else ordered

    def _choose(
        self,
        articles: Sequence[AnalyzedArticle],
        pool: list[Candidate],
        weights: dict[str, float],
        words: int,
        require: Sequence[Collection[tuple[int, int]]],
    ) -> list[Candidate]:
        """The best summary of ``pool`` in reading order, meeting what of ``require`` fits."""
        wanted = fitting(articles, pool, require, words)
        must = {k for group in wanted for k in group}
        # A sentence without a wanted concept can only spend words: leave it out.
        useful = [
            c
            for c in pool
            if (c.doc, c.sentence.index) in must
            or not sentence_concepts(c.sentence).isdisjoint(weights)
        ]
        if not useful:
            # The articles share nothing: news puts what matters first.
            return reading_order(articles, lead(articles, pool, words))
        pool = useful
        if self.params.max_sentences and len(pool) > self.params.max_sentences:
            pool = self._best(articles, pool, weights, must)
        if self.params.trim_kinds and words <= self.params.trim_max_words:
            pool = [v for c in pool for v in variants(c, self.params.trim_kinds)]
        sets = [candidate_concepts(c) & weights.keys() for c in pool]
        lengths = [text_words(candidate_text(articles, c)) for c in pool]
        # Between equally good summaries prefer sentences nearer the top of their article,
        # and whole sentences to trimmed ones.
        tie = [1.0 / (1.0 + c.sentence.index) - 0.01 * len(c.trims) for c in pool]
        penalty = [
            self.params.pronoun_cost * sum(weights[k] for k in cs)
            if c.sentence.pronoun_subject
            else 0.0
            for c, cs in zip(pool, sets, strict=True)
        ]
        required = [
            {i for i, c in enumerate(pool) if (c.doc, c.sentence.index) in group}
            for group in wanted
        ]
        args = (sets, lengths, weights, words, tie, self.params.node_limit, self._repeats(pool))
        pool_limit = self.params.cut_pool
        chosen = solve(*args, self.params.mip_gap, penalty, [r for r in required if r], pool_limit)
        if not chosen and any(required):
            # Requirements that cannot be met together (the redundancy pairs can forbid
            # them) never cost the summary: solve without them.
            chosen = solve(*args, self.params.mip_gap, penalty, cut_pool=pool_limit)
        return reading_order(articles, [pool[i] for i in chosen])

    def _best(
        self,
        articles: Sequence[AnalyzedArticle],
        pool: list[Candidate],
        weights: dict[str, float],
        must: Collection[tuple[int, int]] = (),
    ) -> list[Candidate]:
        """The ``max_sentences`` candidates with the most concept weight per word, in pool
        order (ties to the earlier sentence), and every candidate in ``must``."""

        def density(c: Candidate) -> float:
            total = sum(weights.get(k, 0.0) for k in sentence_concepts(c.sentence))
            return total / max(1, text_words(articles[c.doc].text_of(c.sentence)))

        ranked = sorted(range(len(pool)), key=lambda i: (-density(pool[i]), i))
        keep = set(ranked[: self.params.max_sentences])
        keep.update(i for i, c in enumerate(pool) if (c.doc, c.sentence.index) in must)
        return [pool[i] for i in sorted(keep)]

    def _repeats(self, pool: Sequence[Candidate]) -> list[tuple[int, int]]:
        """Pairs of candidates whose TF-IDF cosine exceeds the redundancy setting, and the
        pairs of variants of one sentence (at most one of them is chosen)."""
        vectors = term_vectors([c.sentence.terms for c in pool])
        sims = sparse.triu(vectors @ vectors.T, k=1).tocoo()
        keep = sims.data > self.settings.redundancy
        pairs = set(zip(sims.row[keep].tolist(), sims.col[keep].tolist(), strict=True))
        same: dict[tuple[int, int], list[int]] = {}
        for i, c in enumerate(pool):
            same.setdefault((c.doc, c.sentence.index), []).append(i)
        for group in same.values():
            pairs.update(itertools.combinations(group, 2))
        return sorted(pairs)
