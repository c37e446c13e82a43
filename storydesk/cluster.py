"""Story clustering: each article joins the story of the event it reports, or opens one.

Similarity is the cosine of the articles' feature vectors (content words weighted by
background rarity, and named entities: see :mod:`storydesk.features`), damped when the
publication dates lie far apart, so that two events with the same actors and words a year
or more apart stay apart. Within a batch, stories are formed by average-linkage
agglomerative clustering (SciPy) cut at :attr:`ClusterParams.threshold`; against stories
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


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Knobs of story clustering (tuned on the DUC 2006 / 2007 development sets)."""

    threshold: float = 0.11
    # Weight of a named-entity feature relative to a word of the same rarity.
    entity_weight: float = 0.0
    # How rare a term is: "corpus" (document frequency over the batch and the store),
    # "background" (wordfreq, independent of the corpus) or "blend" (their geometric mean).
    idf: str = "background"
    # How much a difference in who the articles are about counts: similarity is scaled by
    # 1 - who * (1 - cosine of their people-mention vectors) when both name people.
    who: float = 0.0
    # Similarity is multiplied by this when two articles name different holders of one high
    # office ("US Secretary of State Kerry" / "... Clinton"): they report different times.
    office_conflict: float = 0.1
    # Reports of one event are published within days of each other; beyond this many days
    # apart, similarity fades with a time constant of ``decay_days``.
    window_days: int = 10
    decay_days: float = 15.0
    use_dates: bool = True


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
    features: Sequence[Features], docfreq: DocFreq, params: ClusterParams | None = None
) -> sparse.csr_matrix:
    """Weighted, L2-normalised (n x DIM) vectors: sublinear tf x rarity, entities boosted."""
    params = params or ClusterParams()
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


def date_factor(gap_days: float, params: ClusterParams) -> float:
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


def who_factor(p: sparse.csr_matrix, q: sparse.csr_matrix, params: ClusterParams) -> np.ndarray:
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
    params: ClusterParams,
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
    params: ClusterParams | None = None,
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


@dataclass(slots=True)
class StoryIndex:
    """Stories already formed, as sums of their members' vectors (for average linkage).

    A member's vector is weighted with the document frequencies known when it was added and
    then kept, so adding an article costs the same however large the store has grown.
    """

    ids: list[str] = field(default_factory=list)
    sums: list[sparse.csr_matrix] = field(default_factory=list)
    people: list[sparse.csr_matrix] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    # office -> story position -> holders named in that story
    offices: dict[int, dict[int, set[int]]] = field(default_factory=dict)
    dates: list[tuple[dt.date, dt.date] | None] = field(default_factory=list)
    docfreq: DocFreq = field(default_factory=DocFreq)
    _position: dict[str, int] = field(default_factory=dict)
    _stacked: sparse.csr_matrix | None = None
    _stacked_people: sparse.csr_matrix | None = None

    def add(
        self,
        story_id: str,
        rows: sparse.csr_matrix,
        dates: Sequence[dt.date | None],
        people: sparse.csr_matrix | None = None,
        features: Sequence[Features] = (),
    ) -> None:
        """Add member vectors (rows) to a story, a new one if ``story_id`` is not known yet."""
        vec = sparse.csr_matrix(rows.sum(axis=0))
        who = (
            sparse.csr_matrix(people.sum(axis=0))
            if people is not None
            else sparse.csr_matrix((1, DIM))
        )
        known = [d for d in dates if d is not None]
        span = (min(known), max(known)) if known else None
        k = self._position.get(story_id)
        if k is not None:
            self.sums[k] = self.sums[k] + vec
            self.people[k] = self.people[k] + who
            self.counts[k] += rows.shape[0]
            old = self.dates[k]
            if span and old:
                span = (min(span[0], old[0]), max(span[1], old[1]))
            self.dates[k] = span or old
        else:
            self._position[story_id] = len(self.ids)
            self.ids.append(story_id)
            self.sums.append(vec)
            self.people.append(who)
            self.counts.append(rows.shape[0])
            self.dates.append(span)
        self._stacked = None
        self._stacked_people = None
        k = self._position[story_id]
        for f in features:
            for office, holder in f.offices:
                self.offices.setdefault(office, {}).setdefault(k, set()).add(holder)

    def best(
        self,
        rows: sparse.csr_matrix,
        dates: Sequence[dt.date | None],
        params: ClusterParams,
        people: sparse.csr_matrix | None = None,
        features: Sequence[Features] = (),
    ) -> tuple[str | None, float]:
        """The story with the highest average-linkage similarity to a group of vectors."""
        if not self.ids:
            return None, 0.0
        if self._stacked is None:
            self._stacked = sparse.vstack(self.sums).tocsr()
            self._stacked_people = _normalise(sparse.vstack(self.people).tocsr())
        query = sparse.csr_matrix(rows.sum(axis=0)).T
        raw = np.asarray((self._stacked @ query).todense()).ravel()
        sims = raw / (np.asarray(self.counts, dtype=np.float64) * rows.shape[0])
        if people is not None and params.who > 0:
            mine = _normalise(sparse.csr_matrix(people.sum(axis=0)))
            sims = sims * who_factor(self._stacked_people, mine, params).ravel()
        mine_offices: dict[int, set[int]] = {}
        for f in features:
            for office, holder in f.offices:
                mine_offices.setdefault(office, set()).add(holder)
        for office, holders in mine_offices.items():
            if len(holders) > 1:
                continue  # the group itself names several holders: no verdict
            for k, theirs in self.offices.get(office, {}).items():
                if len(theirs) == 1 and not holders & theirs:
                    sims[k] *= params.office_conflict
        known = [d for d in dates if d is not None]
        span = (min(known), max(known)) if known else None
        if params.use_dates and span is not None:
            for pos in np.flatnonzero(sims > 0):
                sims[pos] *= date_factor(_range_gap(span, self.dates[int(pos)]), params)
        top = int(np.argmax(sims))
        return self.ids[top], float(sims[top])


def _normalise(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def assign(
    items: Sequence[ClusterItem],
    index: StoryIndex,
    new_id: Callable[[list[int]], str],
    params: ClusterParams | None = None,
    *,
    count_docfreq: bool = True,
) -> list[str]:
    """Story id for each item: batch clusters join a stored story or open a new one.

    Dated articles are clustered first, then undated ones, which join the stories the dated
    ones formed when similar enough: an undated article cannot chain two events years apart.
    ``index`` is updated in place (stories and document frequencies), so calling this batch
    after batch is incremental clustering. ``new_id`` names a new story from its members.
    """
    params = params or ClusterParams()
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
    params: ClusterParams,
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
