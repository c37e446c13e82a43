"""Story clustering: articles that report one event form one story.

**Pair evidence.** For two articles, :func:`pair_channels` measures what they share. The
main ingredient is the TF-IDF cosine of their content words and names, with the inverse
document frequency of the articles being clustered (the store and the new batch, as a
TF-IDF clusterer fitted on them would have it: :class:`DocFreq`). Beside it: the cosine of
content words weighted by background rarity (:mod:`storydesk.features`), of named entities
and of the people the articles are about, and where, when and how many: places,
organisations, numbers, calendar days and years named, each as "shared" and as "both name
some, none shared". The pair score (:class:`PairModel`, coefficients in
``storydesk/data/pair_model.json``, written by ``benchmarks/tune_cluster.py``) is the TF-IDF
cosine plus the where/when/how-many evidence, each weighted by its log-odds weight relative
to the TF-IDF cosine's in a logistic regression fitted on the ECB+ training topics and on
Multi-News validation clusters that are not the ones scored, shrunk by a quarter. Two
holders of one high office ("Secretary of State X" / "... Y") mean two times. With an
embedding model installed (:mod:`storydesk.embed`), the cosine of the two articles' lead
embeddings is one more channel, its weight fitted on the base score (ECB+ training topics)
and chosen with the cut on the development sets; a pair in which either article has no
embedding (parsed without the model) is scored by the model without it
(``without_embedding`` in the file), whose scale and cut are the same.

**Time.** Reports of one event are published within days of each other. Beyond
:attr:`ClusterSettings.grace_days` apart, the evidence needed grows with the gap: the pair's
score falls by ``gap_slope`` for every doubling of the gap beyond the grace, and groups
holding two articles dated more than ``apart_days`` apart never merge. An article without
a date is judged on content: it joins the story it matches best, dated or not, or stays
alone. For that last rule it takes the date of the dated report it matches best
(:func:`borrowed_days`; only a pair ``lend_margin`` above the cut lends one), so undated
reports of events years apart, which share a long story's background, never open a story
together for lacking a date.

**Stories.** Average-linkage agglomerative clustering over the pair scores, cut at
:attr:`ClusterSettings.threshold`. Who and where are also judged between groups
(:class:`GroupEvidence`): one report may leave out the place or the person, but most reports
of an event name them, so two groups whose own people, places or lead actors have nothing in
common (two earthquakes, two countries) need more to merge. That only lowers a mean, so
average linkage still never joins two groups unless some pair
across them clears the cut, and the clusters lie within the connected components of the
graph of pairs above the cut, and each component can be clustered on its own with the same
result as the whole corpus. Ingest builds on that: a new batch changes only the stories
near it, which are clustered again whole (stored articles included: they may move between
stories), so the same articles in one run, in k batches or in any order give the same
stories, up to two bounds that keep the work of an added article from growing with the
whole store (:class:`ArticleIndex`): the stories clustered again are those the new articles
reach and their neighbours, not the whole component, and key words common in the store are
not searched (:mod:`storydesk.neighbours`). And document frequencies grow with the store, so
a story no new article reaches keeps what it was given under the frequencies of its time. In
a small store those change much from one ingest to the next (two events of one kind alone in
a first ingest share words every article there holds), so a store of at most
:attr:`ClusterSettings.whole_store_below` articles is clustered whole at each ingest, as one
run over all of it (``benchmarks/ingest_batches.py``).
`storydesk eval cluster --batches` and ``benchmarks/neighbour_recall.py`` measure the
difference.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from .features import DIM
from .model import Features
from .neighbours import NeighbourIndex, probed
from .settings import ClusterSettings

MODEL_FILE = Path(__file__).parent / "data" / "pair_model.json"


@dataclass(frozen=True, slots=True)
class ClusterItem:
    """What clustering needs of an article."""

    key: str
    features: Features
    published: dt.date | None = None


class DocFreq:
    """Document frequencies of hashed features over the articles being clustered."""

    def __init__(self) -> None:
        self.counts = np.zeros(DIM, dtype=np.int32)
        self.n_docs = 0

    def add(self, features: Iterable[Features]) -> None:
        for f in features:
            self.n_docs += 1
            self.counts[np.asarray(f.indices, dtype=np.int64)] += 1

    def idf(self, indices: np.ndarray) -> np.ndarray:
        """Smoothed inverse document frequency (scikit-learn's ``smooth_idf``)."""
        df = self.counts[indices].astype(np.float64)
        return np.log((self.n_docs + 1.0) / (df + 1.0)) + 1.0


@dataclass(frozen=True, slots=True)
class PairModel:
    """Logistic regression over named pair channels (see :func:`pair_channels`).

    ``fallback`` scores the pairs in which either article has no embedding (no model
    installed when it was parsed): the same model fitted without the embedding channel."""

    channels: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    fallback: PairModel | None = None

    def logits(self, ch: dict[str, np.ndarray]) -> np.ndarray:
        out = np.full(next(iter(ch.values())).shape, self.intercept, dtype=np.float64)
        for name, w in zip(self.channels, self.coef, strict=True):
            out += w * ch[name]
        return out

    def score(self, ch: dict[str, np.ndarray], embedded: np.ndarray) -> np.ndarray:
        """:meth:`logits` where ``embedded`` (both articles have an embedding), else the
        fallback's."""
        if "embedding" not in self.channels or self.fallback is None:
            return self.logits(ch)
        if embedded.all():
            return self.logits(ch)
        without = self.fallback.logits(ch)
        if not embedded.any():
            return without
        return np.where(embedded, self.logits(ch), without)


def _model_of(m: dict[str, Any]) -> PairModel:
    fallback = m.get("without_embedding")
    return PairModel(
        tuple(m["channels"]),
        tuple(m["coef"]),
        float(m["intercept"]),
        _model_of(fallback) if fallback else None,
    )


@functools.lru_cache(maxsize=4)
def pair_model(path: str = str(MODEL_FILE)) -> PairModel:
    """The pair model stored in ``path`` (the shipped one by default)."""
    return _model_of(json.loads(Path(path).read_text()))


# --- article profiles: what pair scoring reads, as matrices ------------------------------


def _rows(values: Sequence[Any], weights: Sequence[Any] | None = None) -> sparse.csr_matrix:
    """Sparse (n x DIM) rows: row k holds ``values[k]`` (hashed indices) with ``weights[k]``."""
    indptr = np.cumsum([0] + [len(v) for v in values])
    idx = np.fromiter((i for v in values for i in v), dtype=np.int64, count=int(indptr[-1]))
    if weights is None:
        data = np.ones(len(idx))
    else:
        data = np.fromiter((w for ws in weights for w in ws), dtype=np.float64, count=len(idx))
    return sparse.csr_matrix((data, idx, indptr), shape=(len(values), DIM))


def _normalise(m: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to unit length (empty rows stay empty)."""
    counts = np.diff(m.indptr)
    rows = np.repeat(np.arange(m.shape[0]), counts)
    norms = np.sqrt(np.bincount(rows, weights=m.data * m.data, minlength=m.shape[0]))
    norms[norms == 0] = 1.0
    return sparse.csr_matrix((m.data / norms[rows], m.indices, m.indptr), shape=m.shape)


def _idf_weighted(tf: sparse.csr_matrix, docfreq: DocFreq) -> sparse.csr_matrix:
    w = tf.data * docfreq.idf(tf.indices.astype(np.int64))
    return _normalise(sparse.csr_matrix((w, tf.indices, tf.indptr), shape=tf.shape))


def _embeddings(feats: Sequence[Features]) -> np.ndarray:
    """Unit rows of the articles' int8 embeddings (zero rows where there is none)."""
    dim = max((len(f.embedding) for f in feats), default=0)
    out = np.zeros((len(feats), dim), dtype=np.float32)
    for k, f in enumerate(feats):
        if f.embedding and len(f.embedding) == dim:
            v = np.asarray(f.embedding, dtype=np.float32)
            norm = float(np.linalg.norm(v))
            if norm > 0:
                out[k] = v / norm
    return out


def stack_embeddings(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Embedding rows of ``a`` then ``b``; rows of another size than the wider part's become
    zero rows (no embedding), as in :func:`_embeddings`."""
    dim = max(a.shape[1], b.shape[1])
    out = np.zeros((a.shape[0] + b.shape[0], dim), dtype=np.float32)
    if a.shape[1] == dim:
        out[: a.shape[0]] = a
    if b.shape[1] == dim:
        out[a.shape[0] :] = b
    return out


@dataclass(slots=True)
class Profiles:
    """Pair-scoring matrices of a list of items (rows in the items' order).

    ``tf`` and ``entity_tf`` hold sublinear term frequencies; they are weighted by the
    corpus's document frequencies (:meth:`weigh`) before scoring.
    """

    tf: sparse.csr_matrix
    entity_tf: sparse.csr_matrix
    terms: sparse.csr_matrix  # background-rarity weighted content words, unit rows
    people: sparse.csr_matrix
    sets: dict[str, sparse.csr_matrix]
    offices: list[dict[int, int]]
    days: np.ndarray  # publication ordinal, NaN when undated
    emb: np.ndarray  # unit embedding rows (storydesk.embed); zero rows: none
    tfidf: sparse.csr_matrix | None = None
    entities: sparse.csr_matrix | None = None

    @classmethod
    def of(cls, items: Sequence[ClusterItem]) -> Profiles:
        feats = [it.features for it in items]
        all_i, all_w, ents, ew, terms, tw = [], [], [], [], [], []
        for f in feats:
            tf = 1.0 + np.log(np.asarray(f.tf, dtype=np.float64))
            is_ent = np.asarray(f.entity, dtype=bool)
            idx = np.asarray(f.indices, dtype=np.int64)
            all_i.append(idx)
            all_w.append(tf)
            ents.append(idx[is_ent])
            ew.append(tf[is_ent])
            terms.append(idx[~is_ent])
            tw.append((tf * np.asarray(f.rarity, dtype=np.float64))[~is_ent])
        people_w = [[1.0 + math.log(c) for _, c in f.people] for f in feats]
        return cls(
            tf=_rows(all_i, all_w),
            entity_tf=_rows(ents, ew),
            terms=_normalise(_rows(terms, tw)),
            people=_normalise(_rows([[i for i, _ in f.people] for f in feats], people_w)),
            sets={
                "places": _rows([f.places for f in feats]),
                "orgs": _rows([f.orgs for f in feats]),
                "numbers": _rows([f.numbers for f in feats]),
                "days": _rows([f.days for f in feats]),
                "years": _rows([f.years for f in feats]),
                "lead": _rows([f.lead for f in feats]),
            },
            offices=[_sole_holders(f) for f in feats],
            days=np.array(
                [it.published.toordinal() if it.published else np.nan for it in items],
                dtype=np.float64,
            ),
            emb=_embeddings(feats),
        )

    def weigh(self, docfreq: DocFreq) -> Profiles:
        """Set the corpus-weighted matrices (in place); returns self."""
        self.tfidf = _idf_weighted(self.tf, docfreq)
        self.entities = _idf_weighted(self.entity_tf, docfreq)
        return self

    def __len__(self) -> int:
        return int(self.tf.shape[0])

    def take(self, rows: Sequence[int]) -> Profiles:
        r = list(rows)
        return Profiles(
            tf=self.tf[r],
            entity_tf=self.entity_tf[r],
            terms=self.terms[r],
            people=self.people[r],
            sets={k: v[r] for k, v in self.sets.items()},
            offices=[self.offices[i] for i in r],
            days=self.days[r],
            emb=self.emb[r],
            tfidf=None if self.tfidf is None else self.tfidf[r],
            entities=None if self.entities is None else self.entities[r],
        )


def _concat(parts: Sequence[Profiles]) -> Profiles:
    """The rows of ``parts`` stacked in order, as one :class:`Profiles` (not weighed)."""
    if len(parts) == 1:
        return parts[0]
    return Profiles(
        tf=sparse.vstack([p.tf for p in parts], format="csr"),
        entity_tf=sparse.vstack([p.entity_tf for p in parts], format="csr"),
        terms=sparse.vstack([p.terms for p in parts], format="csr"),
        people=sparse.vstack([p.people for p in parts], format="csr"),
        sets={k: sparse.vstack([p.sets[k] for p in parts], format="csr") for k in parts[0].sets},
        offices=[o for p in parts for o in p.offices],
        days=np.concatenate([p.days for p in parts]),
        emb=functools.reduce(stack_embeddings, [p.emb for p in parts]),
    )


@dataclass(slots=True)
class ProfileBlocks:
    """Unweighed profiles of every indexed article in blocks of ``size`` rows: adding rows
    rebuilds the last block only, and :meth:`take` reads the rows asked for, so neither
    grows with the store."""

    size: int = 1024
    blocks: list[Profiles] = field(default_factory=list)
    n: int = 0

    def extend(self, more: Profiles) -> None:
        start = 0
        while start < len(more):
            if not self.blocks or len(self.blocks[-1]) >= self.size:
                room = self.size
                take = list(range(start, min(len(more), start + room)))
                self.blocks.append(more.take(take))
            else:
                room = self.size - len(self.blocks[-1])
                take = list(range(start, min(len(more), start + room)))
                self.blocks[-1] = _concat([self.blocks[-1], more.take(take)])
            start += len(take)
        self.n += len(more)

    def take(self, rows: Sequence[int] | np.ndarray) -> Profiles:
        """The profiles of ``rows``, in that order (not weighed)."""
        r = np.asarray(rows, dtype=np.int64)
        order = np.argsort(r // self.size, kind="stable")
        parts = []
        for b in np.unique(r // self.size):
            sel = r[order][(r[order] // self.size) == b]
            parts.append(self.blocks[int(b)].take([int(x) for x in sel - b * self.size]))
        out = _concat(parts)
        back = np.empty_like(order)
        back[order] = np.arange(len(order))
        return out if np.array_equal(back, np.arange(len(back))) else out.take(back.tolist())


def _sole_holders(f: Features) -> dict[int, int]:
    """Office -> holder, for offices the article names exactly one holder of (an article
    naming two holders of one office, recalling a predecessor, gives no verdict on it)."""
    seen: dict[int, set[int]] = {}
    for office, holder in f.offices:
        seen.setdefault(office, set()).add(holder)
    return {o: next(iter(h)) for o, h in seen.items() if len(h) == 1}


def _sdot(a: sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
    """Dense ``a @ b.T`` of two hashed-feature matrices, over the columns they use only
    (a product over all 2**20 hashed columns spends its time on empty ones)."""
    cols = np.union1d(a.indices, b.indices)
    if cols.size == 0:
        return np.zeros((a.shape[0], b.shape[0]))

    def compact(m: sparse.csr_matrix) -> sparse.csr_matrix:
        return sparse.csr_matrix(
            (m.data, np.searchsorted(cols, m.indices), m.indptr), shape=(m.shape[0], cols.size)
        )

    return np.asarray((compact(a) @ compact(b).T).toarray(), dtype=np.float64)


# Listed pairs: (rows of a, rows of b), pair k being (a[i[k]], b[j[k]]); None: every pair.
Listed = tuple[np.ndarray, np.ndarray] | None


def _rowdot(a: sparse.csr_matrix, b: sparse.csr_matrix, pairs: Listed) -> np.ndarray:
    """``a @ b.T`` of two hashed-feature matrices: a matrix, or with ``pairs`` the listed
    pairs' entries only (each row of ``a[i]`` times its row of ``b[j]``)."""
    if pairs is None:
        return _sdot(a, b)
    i, j = pairs
    if i.size == 0:
        return np.zeros(0)
    m = sparse.csr_matrix(a[i].multiply(b[j]))
    # each row's products summed in column order, one after the other, as the grid's
    # product sums them (a pairwise sum would differ in the last bits)
    ones = sparse.csr_matrix(
        (m.data, np.zeros(len(m.data), dtype=np.int32), m.indptr), shape=(m.shape[0], 1)
    )
    return np.asarray(ones @ np.ones(1), dtype=np.float64)


def _both(u: np.ndarray, v: np.ndarray, pairs: Listed) -> tuple[np.ndarray, np.ndarray]:
    """Per-row values of ``a`` and ``b`` laid out as the pairs are: broadcast to the
    (len(a) x len(b)) grid, or with ``pairs`` one entry a pair."""
    if pairs is None:
        return u[:, None], v[None, :]
    return u[pairs[0]], v[pairs[1]]


def _set_channels(
    a: sparse.csr_matrix, b: sparse.csr_matrix, pairs: Listed = None
) -> tuple[np.ndarray, np.ndarray]:
    """(shared, conflict): log(1 + items both name); 1 where both name some and share none."""
    shared = _rowdot(a, b, pairs)
    na, nb = _both(np.diff(a.indptr) > 0, np.diff(b.indptr) > 0, pairs)
    conflict = (na & nb & (shared == 0)).astype(np.float64)
    return np.log1p(shared), conflict


def _or_tfidf(
    cos: np.ndarray,
    a: sparse.csr_matrix,
    b: sparse.csr_matrix,
    tfidf: np.ndarray,
    pairs: Listed = None,
) -> np.ndarray:
    """A name channel, or the TF-IDF cosine where either article names nobody: text without
    names found (lower-cased, or names the model missed) is no evidence of two events."""
    ea, eb = _both(np.diff(a.indptr) == 0, np.diff(b.indptr) == 0, pairs)
    return np.where(ea | eb, tfidf, cos)


CHANNELS = (
    "tfidf",
    "terms",
    "entities",
    "people",
    *(
        f"{s}_{k}"
        for s in ("places", "orgs", "numbers", "days", "lead")
        for k in ("shared", "conflict")
    ),
    "years_conflict",
    "embedding",
)


def pair_channels(a: Profiles, b: Profiles, pairs: Listed = None) -> dict[str, np.ndarray]:
    """Every pair channel as a (len(a) x len(b)) matrix (both profiles weighed), or with
    ``pairs`` as one entry for each pair listed (the same values as the matrix's)."""
    assert a.tfidf is not None and b.tfidf is not None
    assert a.entities is not None and b.entities is not None
    tfidf = _rowdot(a.tfidf, b.tfidf, pairs)
    entities = _rowdot(a.entities, b.entities, pairs)
    ch = {
        "tfidf": tfidf,
        "terms": _rowdot(a.terms, b.terms, pairs),
        "entities": _or_tfidf(entities, a.entities, b.entities, tfidf, pairs),
        "people": _or_tfidf(_rowdot(a.people, b.people, pairs), a.people, b.people, tfidf, pairs),
        "embedding": _embedding_cosine(a, b, pairs),
    }
    for name, m in a.sets.items():
        shared, conflict = _set_channels(m, b.sets[name], pairs)
        if name == "years":
            ch["years_conflict"] = conflict
        else:
            ch[f"{name}_shared"], ch[f"{name}_conflict"] = shared, conflict
    return ch


def _shape(a: Profiles, b: Profiles, pairs: Listed) -> tuple[int, ...]:
    return (len(a), len(b)) if pairs is None else (len(pairs[0]),)


def _embedding_cosine(a: Profiles, b: Profiles, pairs: Listed = None) -> np.ndarray:
    """Cosine of the two articles' embeddings (0 where either has none, or the two were
    made by models of different sizes)."""
    if a.emb.shape[1] == 0 or a.emb.shape[1] != b.emb.shape[1]:
        return np.zeros(_shape(a, b, pairs))
    grid = a.emb @ b.emb.T  # one product, also for listed pairs: the same float32 sums
    return np.asarray(grid if pairs is None else grid[pairs], dtype=np.float64)


def _embedded(a: Profiles, b: Profiles, pairs: Listed = None) -> np.ndarray:
    """Pairs whose articles both have an embedding (of one size)."""
    if a.emb.shape[1] == 0 or a.emb.shape[1] != b.emb.shape[1]:
        return np.zeros(_shape(a, b, pairs), dtype=bool)
    ea, eb = _both(np.abs(a.emb).sum(1) > 0, np.abs(b.emb).sum(1) > 0, pairs)
    return ea & eb


def _office_conflict(oa: dict[int, int], ob: dict[int, int]) -> bool:
    return any(ob.get(o, h) != h for o, h in oa.items())


def _office_conflicts(a: Profiles, b: Profiles, pairs: Listed = None) -> np.ndarray:
    if pairs is not None:
        return np.fromiter(
            (
                bool(a.offices[i])
                and bool(b.offices[j])
                and _office_conflict(a.offices[i], b.offices[j])
                for i, j in zip(pairs[0].tolist(), pairs[1].tolist(), strict=True)
            ),
            dtype=bool,
            count=len(pairs[0]),
        )
    out = np.zeros((len(a), len(b)), dtype=bool)
    rows = [j for j, ob in enumerate(b.offices) if ob]
    for i, oa in enumerate(a.offices):
        if not oa:
            continue
        for j in rows:
            if _office_conflict(oa, b.offices[j]):
                out[i, j] = True
    return out


def gap_penalty(gap_days: np.ndarray, params: ClusterSettings) -> np.ndarray:
    """Score taken from a pair published ``gap_days`` apart (0 within the grace; NaN, an
    undated article, counts as no gap).

    >>> [round(float(x), 2) for x in gap_penalty(np.array([1.0, 10.0, 40.0]), ClusterSettings())]
    [0.0, 0.1, 0.3]
    """
    over = np.clip(np.nan_to_num(gap_days, nan=0.0) - params.grace_days, 0.0, None)
    return params.gap_slope * np.log2(1.0 + over / params.grace_days)


def pair_logits(
    a: Profiles, b: Profiles, params: ClusterSettings, pairs: Listed = None
) -> np.ndarray:
    """The pair model's score of each pair (row of ``a``, row of ``b``; with ``pairs``,
    of the pairs listed only), less what a conflict of office holders and the time between
    them take away."""
    model = pair_model(params.model_file or str(MODEL_FILE))
    logits = model.score(pair_channels(a, b, pairs), _embedded(a, b, pairs))
    logits -= params.office_conflict * _office_conflicts(a, b, pairs)
    if params.use_dates:
        da, db = _both(a.days, b.days, pairs)
        logits -= gap_penalty(np.abs(da - db), params)
    return logits


def pair_probability(
    a: Profiles, b: Profiles, params: ClusterSettings, pairs: Listed = None
) -> np.ndarray:
    """Probability that each pair reports one event (see :func:`pair_logits`)."""
    return 1.0 / (1.0 + np.exp(-np.clip(pair_logits(a, b, params, pairs), -50.0, 50.0)))


def pair_scores(
    a: Profiles, b: Profiles, params: ClusterSettings, pairs: Listed = None
) -> np.ndarray:
    """What average linkage averages: the pair score, or its logistic (``params.link``);
    a (len(a) x len(b)) matrix, or with ``pairs`` one score for each pair listed."""
    if params.link == "probability":
        return pair_probability(a, b, params, pairs)
    return pair_logits(a, b, params, pairs)


# --- clustering -----------------------------------------------------------------------


def _components(n: int, edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _grouped(nodes: Sequence[int], edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The connected components of ``edges`` over ``nodes`` (rows), as lists of rows."""
    local = {g: k for k, g in enumerate(nodes)}
    comps = _components(len(nodes), [(local[i], local[j]) for i, j in edges])
    return [[nodes[k] for k in c] for c in comps]


@dataclass(frozen=True, slots=True)
class GroupEvidence:
    """Who and where each item names (one set of hashed items per kind), judged between
    groups rather than pairs: one report may leave out the place or the person, but most
    reports of an event name them. A group's own sets are the items named by at least
    ``share`` of its members; two groups of ``min_size`` or more lose ``penalty`` for each
    kind both name with nothing in common (two earthquakes, two countries).

    >>> ev = GroupEvidence([(frozenset({1}),), (frozenset({1}),), (frozenset({2}),)], 0.1)
    >>> ev.conflicts(ev.own([0, 1]), ev.own([2]))
    1
    """

    sets: Sequence[tuple[frozenset[int], ...]]
    penalty: float
    share: float = 0.8
    min_size: int = 2

    def own(self, members: Sequence[int]) -> tuple[frozenset[int], ...]:
        """The items named by at least ``share`` of ``members``, per kind."""
        out = []
        for k in range(len(self.sets[members[0]])):
            counts: dict[int, int] = {}
            for m in members:
                for x in self.sets[m][k]:
                    counts[x] = counts.get(x, 0) + 1
            need = self.share * len(members)
            out.append(frozenset(x for x, c in counts.items() if c >= need))
        return tuple(out)

    @staticmethod
    def conflicts(a: tuple[frozenset[int], ...], b: tuple[frozenset[int], ...]) -> int:
        """Kinds that both name some of and share none of."""
        return sum(1 for x, y in zip(a, b, strict=True) if x and y and not x & y)


def average_linkage(
    prob: np.ndarray,
    threshold: float,
    apart: np.ndarray | None = None,
    evidence: GroupEvidence | None = None,
) -> list[list[int]]:
    """Average-linkage clusters of a symmetric probability matrix cut at ``threshold``:
    the two groups with the highest mean pair probability merge while it clears the cut
    (ties: the lowest indexes first). Groups holding a pair marked in ``apart`` never merge.
    With ``evidence``, the mean of two groups is lowered by their conflicts
    (:class:`GroupEvidence`); it is never raised, so a merge still needs a pair above the cut.

    >>> average_linkage(np.array([[1, .9, .1], [.9, 1, .2], [.1, .2, 1]]), 0.5)
    [[0, 1], [2]]
    """
    n = prob.shape[0]
    sums = (np.asarray(prob, dtype=np.float64) + np.asarray(prob, dtype=np.float64).T) / 2.0
    np.fill_diagonal(sums, 0.0)
    blocked = np.zeros((n, n), dtype=bool) if apart is None else apart | apart.T
    np.fill_diagonal(blocked, True)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members = [[i] for i in range(n)]
    best = np.full(n, -np.inf)
    arg = np.zeros(n, dtype=np.int64)
    # Group-level conflicts: only groups of evidence.min_size or more carry any.
    penalty = np.zeros((n, n)) if evidence is not None and evidence.penalty else None
    own: dict[int, tuple[frozenset[int], ...]] = {}

    def judge(a: int) -> None:
        assert evidence is not None and penalty is not None
        penalty[a] = 0.0
        if size[a] >= evidence.min_size:
            own[a] = evidence.own(members[a])
            for k in own:
                if k != a and alive[k]:
                    penalty[a, k] = evidence.penalty * evidence.conflicts(own[a], own[k])
        penalty[:, a] = penalty[a]

    def rescore(i: int) -> None:
        row = sums[i] / (size[i] * size)
        if penalty is not None:
            row -= penalty[i]
        row[~alive | blocked[i]] = -np.inf
        arg[i] = int(np.argmax(row))
        best[i] = row[arg[i]]

    for i in range(n):
        rescore(i)
    while n > 1:
        i = int(np.argmax(np.where(alive, best, -np.inf)))
        if not alive[i] or best[i] < threshold:
            break
        a, b = sorted((i, int(arg[i])))
        sums[a] += sums[b]
        sums[:, a] = sums[a]
        sums[a, a] = 0.0
        size[a] += size[b]
        blocked[a] |= blocked[b]
        blocked[:, a] = blocked[a]
        alive[b] = False
        members[a].extend(members[b])
        best[b] = -np.inf
        if penalty is not None:
            own.pop(b, None)
            judge(a)
        rescore(a)
        for k in (int(x) for x in np.flatnonzero(alive)):
            if k == a:
                continue
            if arg[k] in (a, b):
                rescore(k)
            elif not blocked[k, a]:
                score = sums[k, a] / (size[k] * size[a])
                if penalty is not None:
                    score -= penalty[k, a]
                if score > best[k] or (score == best[k] and a < arg[k]):
                    best[k], arg[k] = score, a
    return [sorted(members[i]) for i in np.flatnonzero(alive)]


def cluster_component(
    items: Sequence[ClusterItem], params: ClusterSettings, docfreq: DocFreq
) -> list[list[int]]:
    """Average-linkage stories of one component, as index lists into ``items``, computed in
    canonical order (by key): the result is a function of the set of items."""
    order = sorted(range(len(items)), key=lambda i: items[i].key)
    prof = Profiles.of([items[i] for i in order]).weigh(docfreq)
    prob = pair_scores(prof, prof, params)
    apart = None
    if params.use_dates:
        days = borrowed_days(prob, prof.days, params.threshold + params.lend_margin)
        apart = np.nan_to_num(np.abs(days[:, None] - days[None, :]), nan=0.0)
        apart = apart > params.apart_days
    evidence = GroupEvidence(
        [_who_and_where(items[i].features) for i in order],
        params.group_conflict,
        params.group_share,
    )
    groups = average_linkage(prob, params.threshold, apart, evidence)
    return [[order[k] for k in g] for g in groups]


def borrowed_days(scores: np.ndarray, days: np.ndarray, threshold: float) -> np.ndarray:
    """Publication days, an undated article's taken from the dated article it matches best
    (pair score at least ``threshold``; ties: the lower row), else left NaN.

    Undated reports of a long-running story share its background, often more than they
    share with the dated reports of their own events; judged on content alone they would
    open a story together, events years apart. With the date of the report each matches
    best, groups holding two of them ``apart_days`` apart never merge, as for dated
    reports (the gap penalty is left to real dates: a borrowed date is only as near as the
    report it came from). Only pairs above the cut lend a date, so the result is a function
    of the component, and batch invariance holds.

    >>> borrowed_days(np.array([[0, .4, .2], [.4, 0, .1], [.2, .1, 0]]),
    ...               np.array([np.nan, 10.0, 20.0]), 0.15).tolist()
    [10.0, 10.0, 20.0]
    """
    out = days.copy()
    undated = np.flatnonzero(np.isnan(days))
    dated = ~np.isnan(days)
    if undated.size == 0 or not dated.any():
        return out
    rows = np.where(dated[None, :], scores[undated], -np.inf)
    best = np.argmax(rows, axis=1)
    ok = rows[np.arange(undated.size), best] >= threshold
    out[undated[ok]] = days[best[ok]]
    return out


def _who_and_where(f: Features) -> tuple[frozenset[int], ...]:
    """What :class:`GroupEvidence` compares: the people, the places, and who and where the
    lead is about."""
    return frozenset(p for p, _ in f.people), frozenset(f.places), frozenset(f.lead)


def cluster_batch(
    items: Sequence[ClusterItem], params: ClusterSettings | None = None
) -> list[list[int]]:
    """Stories of a set of items, as lists of item indexes (each sorted by key, the lists
    by their first key); document frequencies are the items' own.

    >>> cluster_batch([])
    []
    """
    params = params or ClusterSettings()
    at = {it.key: k for k, it in enumerate(items)}
    groups = [[at[it.key] for it in g] for g in ArticleIndex().add(items, params)]
    return sorted(
        (sorted(g, key=lambda i: items[i].key) for g in groups), key=lambda g: items[g[0]].key
    )


# How far from the new articles stored stories are clustered again: the stories the new
# articles pair with strongly, and those their members pair with (a later article that
# joins one story can move a stored article whose best story changes with it) where that
# keeps what is clustered again together within WIDEST articles.
WIDEST = 100
# The candidates of the rows scored at once, at most (a row with more is scored alone): a
# block takes and weighs the profiles of the union of its rows' candidates once, and scores
# each row against its own candidates only (listed pairs, session 16; before, against the
# whole union, which at 5k+ stored was most of the work). A call also costs tens of ms of
# set-up (taking the union's profiles, the channels), so blocks much smaller cost more than
# they save (session 13: with 1,024, 12.4 CPU s adding 1,000 to 1,000 stored against 9.0).
SCORED = 4096

# A store's side of the candidate search (storydesk.stored): the stored articles holding
# one of ``keys`` (with ``probes``: that searched one of ``keys`` when they were placed)
# undated or dated within ``apart`` days of ``day`` (NaN: undated) when given, by key; the
# stored articles of some keys, loaded; and the keys each of some stored articles searches.
StoredSearch = Callable[[Sequence[int], float, float | None, bool], Collection[str]]
StoredLoad = Callable[[Sequence[str]], list[ClusterItem]]
StoredProbes = Callable[[Sequence[str]], dict[str, list[int]]]
# Every stored clustered article, loaded (for a store small enough to cluster whole).
StoredAll = Callable[[], list[ClusterItem]]
# The stored stories holding some stored articles (by key), each with all its clustered
# members, loaded.
StoredStories = Callable[[Sequence[str]], list[list[ClusterItem]]]
# The keys each of some stored articles paired with strongly when it was placed, itself
# included (absent: placed before the store kept pairs).
StoredPairs = Callable[[Sequence[str]], dict[str, set[str]]]


@dataclass(slots=True)
class ArticleIndex:
    """Every clustered article with its profile; :meth:`add` places new ones.

    Adding articles scores each new one against its candidate neighbours
    (:mod:`storydesk.neighbours`: in the date window, articles holding a key word it
    searches, or that searched one it holds, a key word searched being one not common in
    the store when its article was placed), and clusters again, whole, the new articles
    together with every stored story one of them pairs with strongly. Where that changes a
    stored story, the stories its stored members pair with strongly are clustered with it,
    within :data:`WIDEST` articles; a member's strong pairs are those found when it was
    placed or when a later article found it (kept: ``pairs``), not searched nor scored
    again (what differs from scoring them again: the document frequencies of that time;
    a member placed before pairs were kept is searched). No other stored article
    is searched and no other story clustered again, so the work of an add grows with the stories it
    touches, not with the whole store. With ``exhaustive`` each article is
    scored against every article and the whole components of strong pairs the new ones
    belong to are clustered again (a breadth-first search that also searches from the
    stored articles it reaches): the reference, in which k batches give one run's stories
    up to document frequencies. What the bounded add gives up is measured against it
    (``benchmarks/neighbour_recall.py``): a stored story that no new article pairs with
    strongly is kept as it is, where one run over all the articles may group its articles
    otherwise, as the new articles change the order of average linkage's merges within the
    component (and the who-and-where evidence of the groups merged).

    With ``search``, ``load`` and ``stories`` (:mod:`storydesk.stored`), the stored
    articles are not held: each article's stored candidates are asked of the store and
    loaded when first met, the stored stories they reach are loaded whole, and
    ``docfreq`` (the store's, set by the caller) already counts them.
    """

    items: list[ClusterItem] = field(default_factory=list)
    docfreq: DocFreq = field(default_factory=DocFreq)
    block: int = 256
    position: dict[str, int] = field(default_factory=dict)
    exhaustive: bool = False
    _profiles: ProfileBlocks = field(default_factory=ProfileBlocks)
    _search: NeighbourIndex = field(default_factory=NeighbourIndex)
    search: StoredSearch | None = None
    load: StoredLoad | None = None
    stories: StoredStories | None = None
    probes: StoredProbes | None = None
    pairs: StoredPairs | None = None
    everything: StoredAll | None = None
    # the strong pairs of the articles this index placed, by key (each with itself), and
    # those not yet handed to the store (:meth:`placed_pairs`)
    _paired: dict[str, set[str]] = field(default_factory=dict)
    _unsaved: list[tuple[str, str]] = field(default_factory=list)
    _pending: list[int] = field(default_factory=list)  # counted rows whose probes are not fixed
    _story: dict[str, int] = field(default_factory=dict)  # key -> story number
    _members: dict[int, list[str]] = field(default_factory=dict)  # story number -> keys
    _made: int = 0

    def __post_init__(self) -> None:
        given, self.items = self.items, []
        self.position = {}
        self.extend(given)

    def extend(self, items: Iterable[ClusterItem], count: bool = True) -> list[int]:
        """Add items without clustering them (stored articles with their stories); keys
        already known are skipped. Returns the positions of the added ones. ``count``:
        add them to the document frequencies (not for stored articles loaded, which the
        store's frequencies count already)."""
        added = []
        for it in items:
            if it.key in self.position:
                continue
            self.position[it.key] = len(self.items)
            added.append(len(self.items))
            self.items.append(it)
            if count:
                self.docfreq.add([it.features])
                self._pending.append(len(self.items) - 1)
        if added:
            more = Profiles.of([self.items[k] for k in added])
            self._profiles.extend(more)
            self._search.add([self.items[k].features for k in added], more.days)
        return added

    def _fix_probes(self, rows: Sequence[int] = ()) -> None:
        """Fix the keys each counted row not yet fixed searches
        (:func:`storydesk.neighbours.probed`, by the document frequencies now, which count
        its batch), and those of ``rows`` loaded from the store (as the store fixed them
        when it indexed them). A pair is a candidate when either of the two searches a key
        both hold, so it does not matter which of the two came first."""
        for r in self._pending:
            self._search.probe(r, probed(self._search.keys[r], self.docfreq.counts))
        self._pending.clear()
        loaded = [r for r in rows if r not in self._search.probes]
        if not loaded:
            return
        fixed = self.probes([self.items[r].key for r in loaded]) if self.probes else {}
        for r in loaded:
            keys = fixed.get(self.items[r].key)
            if keys is None:  # not indexed by the store (yet): by the frequencies now
                keys = probed(self._search.keys[r], self.docfreq.counts)
            self._search.probe(r, keys)

    def _candidates(self, row: int, params: ClusterSettings) -> np.ndarray:
        """Rows worth scoring against ``row``: those holding a key it searches or
        searching a key it holds (keys held by many articles are not searched:
        :func:`storydesk.neighbours.probed`), less those dated too far from it to share a
        story (:mod:`storydesk.neighbours`), whether held here or (with ``search``)
        stored."""
        apart = params.apart_days if params.use_dates else None
        self._fix_probes([row])
        held = self._search.candidates(row, apart)
        if self.search is None or self.load is None:
            return held
        day = self._search.days[row]
        found = set(self.search(self._search.probes[row], day, apart, False))
        found |= set(self.search(self._search.keys[row], day, apart, True))
        missing = sorted(k for k in found if k not in self.position)
        if missing:
            self.extend(self.load(missing), count=False)
        rows = np.fromiter((self.position[k] for k in found if k in self.position), dtype=np.int64)
        return np.union1d(held, rows)

    def _neighbours(self, rows: list[int], params: ClusterSettings) -> list[tuple[int, int]]:
        if self.exhaustive:
            everything = np.arange(len(self.items), dtype=np.int64)
            parts = [rows[s : s + self.block] for s in range(0, len(rows), self.block)]
            return [e for part in parts for e in self._strong(part, everything, None, params)]
        self._fix_probes(rows)
        found = [self._candidates(i, params) for i in rows]
        edges: list[tuple[int, int]] = []
        start = 0
        while start < len(rows):
            # rows scored together while the union of their candidates stays within SCORED:
            # the union's profiles are taken once a block, each row scored against its own
            # candidates only
            end, seen = start + 1, set(found[start].tolist())
            while end < len(rows) and end - start < self.block:
                more = seen.union(found[end].tolist())
                if len(more) > SCORED:
                    break
                end, seen = end + 1, more
            mine = found[start:end]
            union = np.unique(np.concatenate(mine))
            edges.extend(self._strong(rows[start:end], union, mine, params))
            start = end
        return edges

    def _strong(
        self,
        part: list[int],
        union: np.ndarray,
        found: list[np.ndarray] | None,
        params: ClusterSettings,
    ) -> list[tuple[int, int]]:
        """The pairs of ``part`` with ``union`` (with ``found``, each row's own candidates
        only, and only those scored: a pair's fate is its own) scoring at least the cut."""
        q = self._profiles.take(part).weigh(self.docfreq)
        u = self._profiles.take(union).weigh(self.docfreq)
        if found is None:
            strong = pair_scores(q, u, params) >= params.threshold
            return [
                (i, int(union[j]))
                for k, i in enumerate(part)
                for j in np.flatnonzero(strong[k])
                if union[j] != i
            ]
        own = [np.searchsorted(union, f[f != i]) for i, f in zip(part, found, strict=True)]
        rows = np.repeat(np.arange(len(part)), [len(o) for o in own])
        cols = np.concatenate(own) if own else np.zeros(0, dtype=np.int64)
        keep = pair_scores(q, u, params, (rows, cols)) >= params.threshold
        return [(part[k], int(union[j])) for k, j in zip(rows[keep], cols[keep], strict=True)]

    def add(self, new: Sequence[ClusterItem], params: ClusterSettings) -> list[list[ClusterItem]]:
        """Add items (keys already known are skipped). Returns the stories the new items
        belong to, with every member of the stored stories clustered again (when
        ``exhaustive``, of the components they reached): everything else is unchanged."""
        fresh = self.extend(new)
        if not fresh:
            return []
        if not self.exhaustive and self.docfreq.n_docs <= params.whole_store_below:
            groups = self._whole(fresh, params)
        elif self.exhaustive:
            comps = _grouped(*self._component_of(fresh, params))
            groups = [g for comp in comps for g in self._cluster(comp, params)]
        else:
            groups = self._stories_reached(fresh, params)
        # in key order: positions depend on what was loaded when, the stories must not
        out = sorted(
            (sorted((self.items[k] for k in g), key=lambda it: it.key) for g in groups),
            key=lambda g: g[0].key,
        )
        self._remember(out)
        return out

    def _whole(self, fresh: list[int], params: ClusterSettings) -> list[list[int]]:
        """The stories of every article, stored ones included (loaded with ``everything``),
        as one run over them gives them with the document frequencies now."""
        if self.everything is not None:
            self.extend(self.everything(), count=False)
        rows = list(range(len(self.items)))
        edges = self._neighbours(rows, params)
        new = set(fresh)
        self._keep_pairs(fresh, [(i, j) for i, j in edges if i in new or j in new])
        return [g for comp in _grouped(rows, edges) for g in self._cluster(comp, params)]

    def _cluster(self, rows: list[int], params: ClusterSettings) -> list[list[int]]:
        """The stories of these rows (:func:`cluster_component`), as lists of rows."""
        if len(rows) == 1:
            return [rows]
        groups = cluster_component([self.items[k] for k in rows], params, self.docfreq)
        return [[rows[k] for k in g] for g in groups]

    def _component_of(
        self, fresh: list[int], params: ClusterSettings
    ) -> tuple[list[int], list[tuple[int, int]]]:
        """The whole components of strong pairs the new rows belong to (a breadth-first
        search that also searches from every stored article it reaches)."""
        seen = set(fresh)
        frontier = sorted(seen)
        edges: list[tuple[int, int]] = []
        while frontier:
            found = self._neighbours(frontier, params)
            edges.extend(found)
            frontier = sorted({j for _, j in found if j not in seen})
            seen.update(frontier)
        return sorted(seen), edges

    def _stories_reached(self, fresh: list[int], params: ClusterSettings) -> list[list[int]]:
        """The stories of the new rows clustered with every stored story one of them pairs
        with strongly (a story's members linked as one node). Where that changes a stored
        story, the stories its stored members pair with strongly are clustered with it too,
        as long as that keeps what is clustered together within :data:`WIDEST` articles.
        Stories further away are not searched nor clustered again."""
        new = set(fresh)
        edges = self._neighbours(fresh, params)
        self._keep_pairs(fresh, edges)
        story: dict[int, int] = {}  # stored row -> its story (a number)
        near = self._with_stories(new, edges, story)
        first = _grouped(sorted(near), edges)
        done = {c[0]: self._cluster(c, params) for c in first}
        size: dict[int, int] = {}
        for s in story.values():
            size[s] = size.get(s, 0) + 1

        def kept(g: list[int]) -> bool:  # a stored story clustered again as it was
            return (
                not new & set(g) and len({story[r] for r in g}) == 1 and len(g) == size[story[g[0]]]
            )

        moved = sorted(
            r
            for c in first
            if len(c) <= WIDEST
            for g in done[c[0]]
            if not kept(g)
            for r in g
            if r not in new
        )
        if not moved:
            return [g for gs in done.values() for g in gs]
        edges = edges + self._placed_with(moved, params)
        wide = self._with_stories(near, edges, story)
        out: list[list[int]] = []
        for comp in _grouped(sorted(wide), edges):
            rows = set(comp)
            inner = [c for c in first if c[0] in rows]
            if (len(inner) == 1 and len(inner[0]) == len(comp)) or len(comp) > WIDEST:
                out.extend(g for c in inner for g in done[c[0]])  # as the new ones left them
            else:
                out.extend(self._cluster(comp, params))
        return out

    def _keep_pairs(self, fresh: list[int], edges: list[tuple[int, int]]) -> None:
        """Remember the strong pairs of the rows just placed (their candidates scored),
        each way, and each row as placed."""
        found = [(self.items[i].key, self.items[i].key) for i in fresh]
        found += [(self.items[i].key, self.items[j].key) for i, j in edges]
        for a, b in found:
            self._paired.setdefault(a, set()).add(b)
            self._paired.setdefault(b, set()).add(a)
        self._unsaved.extend(found)

    def placed_pairs(self) -> list[tuple[str, str]]:
        """The strong pairs found since the last call (by key, a row placed paired with
        itself), for the store to keep (``pairs``)."""
        out, self._unsaved = self._unsaved, []
        return out

    def _placed_with(self, rows: list[int], params: ClusterSettings) -> list[tuple[int, int]]:
        """The strong pairs of these placed rows: those found when each was placed, or
        when a later row found it (this index's, or with ``pairs`` the store's), and not
        searched nor scored again; a row placed before pairs were kept is searched."""
        keys = [self.items[r].key for r in rows]
        stored = self.pairs(keys) if self.pairs is not None else {}
        known: dict[int, set[str]] = {}
        for r, k in zip(rows, keys, strict=True):
            ks = self._paired.get(k, set()) | stored.get(k, set())
            if k in ks:  # placed since pairs are kept (else only a later row's pair)
                known[r] = ks
        edges = self._neighbours([r for r in rows if r not in known], params)
        wanted = sorted({k for ks in known.values() for k in ks if k not in self.position})
        if wanted and self.load is not None:
            self.extend(self.load(wanted), count=False)
        for r in sorted(known):
            edges.extend(
                (r, self.position[k])
                for k in sorted(known[r])
                if k in self.position and self.position[k] != r
            )
        return edges

    def _with_stories(
        self, nodes: set[int], edges: list[tuple[int, int]], story: dict[int, int]
    ) -> set[int]:
        """``nodes`` and every member of the stored stories of the rows ``edges`` reach
        beyond them, each story's members linked in ``edges`` (which is extended) and
        numbered in ``story``."""
        reached = sorted({self.items[j].key for _, j in edges if j not in nodes})
        out = set(nodes)
        for members in self._stored_stories(reached):
            rows = [self.position[k] for k in members]
            out.update(rows)
            edges.extend((rows[0], r) for r in rows[1:])
            number = len(story)  # unique: each story adds rows
            story.update((r, number) for r in rows)
        return out

    def _stored_stories(self, keys: Sequence[str]) -> list[list[str]]:
        """The member keys of each stored story holding one of ``keys`` (loaded when
        ``stories`` is given, else as this index placed them)."""
        if not keys:
            return []
        if self.stories is not None:
            out, covered = [], set()
            for story in self.stories(keys):
                self.extend(story, count=False)
                out.append([it.key for it in story])
                covered.update(out[-1])
            return out + [[k] for k in keys if k not in covered]
        numbers = sorted({self._story[k] for k in keys if k in self._story})
        alone = [[k] for k in keys if k not in self._story]
        return [self._members[n] for n in numbers] + alone

    def _remember(self, stories: list[list[ClusterItem]]) -> None:
        """Note which story each article of ``stories`` is now in (they replace the
        stories their members had)."""
        for group in stories:
            for it in group:
                self._members.pop(self._story.get(it.key, -1), None)
        for group in stories:
            self._made += 1
            self._members[self._made] = [it.key for it in group]
            for it in group:
                self._story[it.key] = self._made


def stories_in_batches(
    batches: Iterable[Sequence[ClusterItem]],
    params: ClusterSettings,
    index: ArticleIndex | None = None,
) -> dict[str, int]:
    """The story of each item (by key) after adding ``batches`` to ``index`` one by one, as
    successive ingests would: each add returns the stories of the components it touched,
    which replace what their members had before. Stories are numbered in the order made."""
    index = ArticleIndex() if index is None else index
    story: dict[str, int] = {}
    made = 0
    for batch in batches:
        for group in index.add(batch, params):
            for it in group:
                story[it.key] = made
            made += 1
    return story


__all__ = [
    "CHANNELS",
    "ArticleIndex",
    "ClusterItem",
    "DocFreq",
    "GroupEvidence",
    "PairModel",
    "Profiles",
    "average_linkage",
    "cluster_batch",
    "gap_penalty",
    "pair_channels",
    "pair_probability",
    "stories_in_batches",
]
