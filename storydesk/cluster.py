"""Story clustering: each article joins the story of the event it reports, or opens one.

Similarity is the cosine of the articles' feature vectors (content words weighted by
background rarity, and named entities: see :mod:`storydesk.features`), damped when the
publication dates lie far apart, so that two events with the same actors and words a year
or more apart stay apart. Within a batch, stories are formed by average-linkage
agglomerative clustering (SciPy) cut at :attr:`ClusterSettings.threshold`; against stories
already stored, a batch's cluster joins the story whose average similarity to it is highest
if that clears the same threshold (average linkage again), else it opens a new story.

A batch is put in a canonical order (by content key) first, so its result does not depend on
input order. Stories already stored never split or merge: articles added later join them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from .features import DIM
from .model import Features
from .settings import ClusterSettings


@dataclass(frozen=True, slots=True)
class ClusterItem:
    """What clustering needs of an article."""

    key: str
    features: Features
    published: dt.date | None = None


@dataclass(slots=True)
class DocFreq:
    """Document frequencies of hashed features over a corpus (the store plus a batch)."""

    counts: dict[int, int] = field(default_factory=dict)
    n_docs: int = 0

    def add(self, features: Iterable[Features]) -> None:
        for f in features:
            self.n_docs += 1
            for i in f.indices:
                self.counts[i] = self.counts.get(i, 0) + 1

    def idf(self, indices: np.ndarray) -> np.ndarray:
        df = np.array([self.counts.get(int(i), 0) for i in indices], dtype=np.float64)
        return np.log((self.n_docs + 1.0) / (df + 1.0)) + 1.0


def vectorize(
    features: Sequence[Features], docfreq: DocFreq, params: ClusterSettings | None = None
) -> sparse.csr_matrix:
    """Weighted, L2-normalised (n x DIM) vectors: sublinear tf x rarity, entities boosted."""
    params = params or ClusterSettings()
    indptr = [0]
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    for f in features:
        idx = np.asarray(f.indices, dtype=np.int64)
        tf = 1.0 + np.log(np.asarray(f.tf, dtype=np.float64))
        background = np.asarray(f.rarity, dtype=np.float64)
        if params.idf == "corpus":
            rarity = docfreq.idf(idx)
        elif params.idf == "background":
            rarity = background
        else:
            rarity = np.sqrt(docfreq.idf(idx) * background)
        w = tf * rarity * np.where(np.asarray(f.entity, dtype=bool), params.entity_weight, 1.0)
        norm = float(np.sqrt((w * w).sum())) or 1.0
        indices.append(idx)
        data.append(w / norm)
        indptr.append(indptr[-1] + len(idx))
    if not features:
        return sparse.csr_matrix((0, DIM))
    return sparse.csr_matrix(
        (np.concatenate(data), np.concatenate(indices), indptr), shape=(len(features), DIM)
    )


def date_factor(gap_days: float, params: ClusterSettings) -> float:
    """How much of the similarity survives a gap of ``gap_days`` between publications."""
    if not params.use_dates or gap_days <= params.window_days:
        return 1.0
    return math.exp(-(gap_days - params.window_days) / params.decay_days)


def _range_gap(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> float:
    if a is None or b is None:
        return 0.0
    if a[1] < b[0]:
        return float((b[0] - a[1]).days)
    if b[1] < a[0]:
        return float((a[0] - b[1]).days)
    return 0.0


def people_matrix(features: Sequence[Features]) -> sparse.csr_matrix:
    """L2-normalised people-mention vectors (sublinear counts of surnames)."""
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for f in features:
        w = np.array([1.0 + math.log(c) for _, c in f.people], dtype=np.float64)
        norm = float(np.sqrt((w * w).sum())) or 1.0
        indices.extend(i for i, _ in f.people)
        data.extend(w / norm)
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
        shape=(len(features), DIM),
    )


def who_factor(p: sparse.csr_matrix, q: sparse.csr_matrix, params: ClusterSettings) -> np.ndarray:
    """(len(p) x len(q)) factors for a difference in the people two groups are about."""
    if params.who <= 0:
        return np.ones((p.shape[0], q.shape[0]))
    cos = (p @ q.T).toarray()
    has = (np.diff(p.indptr) > 0)[:, None] & (np.diff(q.indptr) > 0)[None, :]
    return np.where(has, 1.0 - params.who * (1.0 - np.clip(cos, 0.0, 1.0)), 1.0)


def _sole_holders(f: Features) -> dict[int, int]:
    """Office -> holder, for offices the article names exactly one holder of.

    An article naming two holders of one office (a report recalling a predecessor) gives
    no verdict on that office.
    """
    seen: dict[int, set[int]] = {}
    for office, holder in f.offices:
        seen.setdefault(office, set()).add(holder)
    return {o: next(iter(h)) for o, h in seen.items() if len(h) == 1}


def office_conflicts(a: Sequence[Features], b: Sequence[Features] | None = None) -> np.ndarray:
    """Boolean (len(a) x len(b)) matrix: the two name different holders of one office."""
    b = a if b is None else b
    out = np.zeros((len(a), len(b)), dtype=bool)
    by_office: dict[int, list[tuple[int, int]]] = {}
    for j, f in enumerate(b):
        for office, holder in _sole_holders(f).items():
            by_office.setdefault(office, []).append((j, holder))
    for i, f in enumerate(a):
        for office, holder in _sole_holders(f).items():
            for j, other in by_office.get(office, ()):
                if other != holder:
                    out[i, j] = True
    return out


def _days(dates: Sequence[dt.date | None]) -> np.ndarray:
    return np.array([d.toordinal() if d else np.nan for d in dates], dtype=np.float64)


def _agglomerate(
    x: sparse.csr_matrix,
    p: sparse.csr_matrix,
    dates: Sequence[dt.date | None],
    params: ClusterSettings,
    feats: Sequence[Features] = (),
) -> np.ndarray:
    """Average-linkage labels for the rows of ``x`` (already in canonical order)."""
    sims = (x @ x.T).toarray() * who_factor(p, p, params)
    if feats and params.office_conflict < 1.0:
        sims = np.where(office_conflicts(feats), sims * params.office_conflict, sims)
    if params.use_dates:
        days = _days(dates)
        gap = np.nan_to_num(np.abs(days[:, None] - days[None, :]), nan=0.0)
        sims = sims * np.where(
            gap <= params.window_days, 1.0, np.exp(-(gap - params.window_days) / params.decay_days)
        )
    dist = np.clip(1.0 - sims, 0.0, None)
    dist = (dist + dist.T) / 2.0
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return fcluster(tree, t=1.0 - params.threshold, criterion="distance")


def _groups(items: Sequence[ClusterItem], order: list[int], labels: np.ndarray) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for pos, label in enumerate(labels):
        groups.setdefault(int(label), []).append(order[pos])
    return sorted(
        (sorted(g, key=lambda i: items[i].key) for g in groups.values()),
        key=lambda g: items[g[0]].key,
    )


def cluster_batch(
    items: Sequence[ClusterItem],
    params: ClusterSettings | None = None,
    docfreq: DocFreq | None = None,
) -> list[list[int]]:
    """Clusters of a batch with no stored stories, as lists of item indexes.

    The same procedure as :func:`assign` into an empty index. ``docfreq`` defaults to the
    batch's own document frequencies.

    >>> cluster_batch([])
    []
    """
    index = StoryIndex(docfreq=docfreq or DocFreq())
    made: list[str] = []

    def new_id(group: list[int]) -> str:
        made.append(f"s{len(made)}")
        return made[-1]

    labels = assign(items, index, new_id, params, count_docfreq=docfreq is None)
    groups: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    return sorted(
        (sorted(g, key=lambda i: items[i].key) for g in groups.values()),
        key=lambda g: items[g[0]].key,
    )


Row = tuple[np.ndarray, np.ndarray]  # sorted feature indices, values


def _colsum(m: sparse.csr_matrix) -> Row:
    """Column sums of a sparse matrix as a sorted sparse row (never a dense DIM vector)."""
    coo = m.tocoo()
    idx, inv = np.unique(coo.col, return_inverse=True)
    return idx.astype(np.int64), np.bincount(inv, weights=coo.data, minlength=len(idx))


def _merge(a: Row, b: Row) -> Row:
    idx, inv = np.unique(np.concatenate([a[0], b[0]]), return_inverse=True)
    return idx, np.bincount(inv, weights=np.concatenate([a[1], b[1]]), minlength=len(idx))


def _dot(a: Row, b: Row) -> float:
    _, i, j = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
    return float(np.dot(a[1][i], b[1][j]))


def _norm(a: Row) -> float:
    return float(np.sqrt(np.dot(a[1], a[1]))) or 1.0


@dataclass(slots=True)
class StoryIndex:
    """Stories already formed, as sums of their members' vectors (for average linkage).

    A member's vector is weighted with the document frequencies known when it was added and
    then kept, so adding an article costs the same however large the store has grown. The
    sums are kept stacked in one column-major sparse matrix, so scoring a query touches only
    the stories that share its features; stories changed since the matrix was built are
    scored on their own until enough have changed to rebuild it.
    """

    ids: list[str] = field(default_factory=list)
    sums: list[Row] = field(default_factory=list)
    people: list[Row] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    # office -> story position -> holders named in that story
    offices: dict[int, dict[int, set[int]]] = field(default_factory=dict)
    dates: list[tuple[dt.date, dt.date] | None] = field(default_factory=list)
    docfreq: DocFreq = field(default_factory=DocFreq)
    _position: dict[str, int] = field(default_factory=dict)
    _stacked: sparse.csc_matrix | None = None
    _dirty: set[int] = field(default_factory=set)

    def add(
        self,
        story_id: str,
        rows: sparse.csr_matrix,
        dates: Sequence[dt.date | None],
        people: sparse.csr_matrix | None = None,
        features: Sequence[Features] = (),
    ) -> None:
        """Add member vectors (rows) to a story, a new one if ``story_id`` is not known yet."""
        vec = _colsum(rows)
        empty: Row = (np.zeros(0, dtype=np.int64), np.zeros(0))
        who = _colsum(people) if people is not None else empty
        known = [d for d in dates if d is not None]
        span = (min(known), max(known)) if known else None
        k = self._position.get(story_id)
        if k is not None:
            self.sums[k] = _merge(self.sums[k], vec)
            self.people[k] = _merge(self.people[k], who)
            self.counts[k] += rows.shape[0]
            old = self.dates[k]
            if span and old:
                span = (min(span[0], old[0]), max(span[1], old[1]))
            self.dates[k] = span or old
        else:
            k = len(self.ids)
            self._position[story_id] = k
            self.ids.append(story_id)
            self.sums.append(vec)
            self.people.append(who)
            self.counts.append(rows.shape[0])
            self.dates.append(span)
        self._dirty.add(k)
        for f in features:
            for office, holder in f.offices:
                self.offices.setdefault(office, {}).setdefault(k, set()).add(holder)

    def _raw(self, query: Row) -> np.ndarray:
        """Dot products of every story's sum with a query row."""
        if self._stacked is None or len(self._dirty) > 64:
            indptr = np.cumsum([0] + [len(r[0]) for r in self.sums])
            self._stacked = sparse.csr_matrix(
                (
                    np.concatenate([r[1] for r in self.sums]),
                    np.concatenate([r[0] for r in self.sums]),
                    indptr,
                ),
                shape=(len(self.sums), DIM),
            ).tocsc()
            self._dirty = set()
        raw = np.zeros(len(self.ids))
        n = self._stacked.shape[0]
        raw[:n] = self._stacked[:, query[0]] @ query[1]
        for k in self._dirty:
            raw[k] = _dot(self.sums[k], query)
        return raw

    def best(
        self,
        rows: sparse.csr_matrix,
        dates: Sequence[dt.date | None],
        params: ClusterSettings,
        people: sparse.csr_matrix | None = None,
        features: Sequence[Features] = (),
    ) -> tuple[str | None, float]:
        """The story with the highest average-linkage similarity to a group of vectors.

        Every adjustment (people, offices, dates) can only lower a similarity, so only the
        stories already at or above the threshold are adjusted.
        """
        if not self.ids:
            return None, 0.0
        counts = np.asarray(self.counts, dtype=np.float64) * rows.shape[0]
        sims = self._raw(_colsum(rows)) / counts
        candidates = np.flatnonzero(sims >= params.threshold)
        if candidates.size == 0:
            top = int(np.argmax(sims))
            return self.ids[top], float(sims[top])
        mine = _colsum(people) if people is not None and params.who > 0 else None
        own: dict[int, set[int]] = {}
        for f in features:
            for office, holder in f.offices:
                own.setdefault(office, set()).add(holder)
        known = [d for d in dates if d is not None]
        span = (min(known), max(known)) if known else None
        best_k, best_sim = -1, -1.0
        for k in (int(c) for c in candidates):
            sim = float(sims[k])
            if mine is not None and len(mine[0]) and len(self.people[k][0]):
                cos = _dot(self.people[k], mine) / (_norm(self.people[k]) * _norm(mine))
                sim *= 1.0 - params.who * (1.0 - min(1.0, max(0.0, cos)))
            for office, holders in own.items():
                theirs = self.offices.get(office, {}).get(k)
                if len(holders) == 1 and theirs and len(theirs) == 1 and not holders & theirs:
                    sim *= params.office_conflict
            if params.use_dates and span is not None:
                sim *= date_factor(_range_gap(span, self.dates[k]), params)
            if sim > best_sim:
                best_k, best_sim = k, sim
        return self.ids[best_k], best_sim


def assign(
    items: Sequence[ClusterItem],
    index: StoryIndex,
    new_id: Callable[[list[int]], str],
    params: ClusterSettings | None = None,
    *,
    count_docfreq: bool = True,
) -> list[str]:
    """Story id for each item: batch clusters join a stored story or open a new one.

    Dated articles are clustered first, then undated ones, which join the stories the dated
    ones formed when similar enough: an undated article cannot chain two events years apart.
    ``index`` is updated in place (stories and document frequencies), so calling this batch
    after batch is incremental clustering. ``new_id`` names a new story from its members.
    """
    params = params or ClusterSettings()
    out: list[str] = [""] * len(items)
    if not items:
        return out
    if count_docfreq:
        index.docfreq.add(it.features for it in items)
    dated = [i for i in range(len(items)) if items[i].published is not None]
    undated = [i for i in range(len(items)) if items[i].published is None]
    for part in (dated, undated) if params.use_dates else (dated + undated,):
        _assign_part(items, part, index, new_id, params, out)
    return out


def _assign_part(
    items: Sequence[ClusterItem],
    part: list[int],
    index: StoryIndex,
    new_id: Callable[[list[int]], str],
    params: ClusterSettings,
    out: list[str],
) -> None:
    if not part:
        return
    order = sorted(part, key=lambda i: items[i].key)
    feats = [items[i].features for i in order]
    x = vectorize(feats, index.docfreq, params)
    p = people_matrix(feats)
    row_of = {i: pos for pos, i in enumerate(order)}
    if len(order) == 1:
        groups = [order]
    else:
        labels = _agglomerate(x, p, [items[i].published for i in order], params, feats)
        groups = _groups(items, order, labels)
    for group in groups:
        picks = [row_of[i] for i in group]
        rows, who = x[picks], p[picks]
        dates = [items[i].published for i in group]
        gf = [items[i].features for i in group]
        story, sim = index.best(rows, dates, params, who, gf)
        if story is None or sim < params.threshold:
            story = new_id(group)
        index.add(story, rows, dates, who, gf)
        for i in group:
            out[i] = story
