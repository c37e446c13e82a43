"""Threads: the events (stories) of one running story, linked across weeks and months.

Story clustering splits a long-running story into events; a thread links them again. Each
story is represented by the centroid of its articles' feature vectors (content words
weighted by sublinear term frequency times background rarity; named entities weighted by
:attr:`ThreadParams.entity_weight`, 1 as shipped: as a content word). Stories are grouped
by average-linkage agglomeration (:func:`agglomerate`) of the centroids' cosine similarity,
cut at :attr:`ThreadParams.threshold`; then a small thread joins the large thread whose
profile (all its articles summed) it matches best and clearly (:func:`attach_small`).

A thread is a running story, so time counts, but less than for events: an oil spill in
April and its inquiry in September are one thread when reports run between them. Both steps
ask more similarity to link across a long gap between a story and the thread's nearest
dated story in time (:func:`penalty`): none up to six months, then 0.005 per month, and no
link across more than 18 months. A thread may run for years through events close to each
other, never by one jump over a long silence; two alike events 20 months apart with nothing
between are two threads. An undated story is linked on content alone, as before.

Threading is a corpus stage after clustering (:func:`link`); thread ids already stored are
kept by the groups that hold most of their stories, so a later ingest does not rename a
thread it only grows. Each story's summed article vectors are stored
(:meth:`~storydesk.store.base.Store.centroids`) and computed again for changed stories only.
As shipped (:func:`attach_small` on), every story is linked again from those rows, because a
small thread is compared with every thread's profile. With attachment off
(``attach_articles=0``) only the stories an ingest changed are linked again, with the result
of linking every story: average linkage never joins two groups unless some pair across them
clears the cut, so a thread lies within a connected component of the graph of story pairs at
or above it, and a component none of whose stories changed keeps its threads. The stories
linked again are then the changed ones, their components, and every story of a thread one of
them was in (closed under both), so a thread is either linked again whole or kept whole.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .features import DIM
from .ids import digest
from .model import Features
from .store.base import Store


@dataclass(frozen=True, slots=True)
class ThreadParams:
    """Knobs of threading, chosen on the three development sets measured at the thread
    level over the event clusterer's stories: Timeline17 (`eval threads`), DUC 2006 and DUC
    2007 main (`eval cluster`, storydesk_threads). Sweep of thread-level B-cubed F1,
    threshold x entity_weight in {0.08, 0.1, 0.12, 0.15, 0.18, 0.2, 0.25} x {0, 0.25, 0.5,
    1, 1.5, 2} (best five by mean, and the old setting):

    ========= ============= ========== ======== ============= =====
    threshold entity_weight Timeline17 DUC 2006 DUC 2007 main mean
    ========= ============= ========== ======== ============= =====
    0.12      1.0           0.842      0.797    0.860         0.833
    0.12      0.25          0.787      0.811    0.869         0.822
    0.12      0.5           0.787      0.806    0.870         0.821
    0.12      0.0           0.781      0.811    0.860         0.817
    0.12      1.5           0.809      0.791    0.844         0.815
    0.25      2.0           0.709      0.605    0.710         0.675
    ========= ============= ========== ======== ============= =====

    (0.25 / 2.0 was chosen on Timeline17 alone with the older topic-level clusterer, 0.841
    there; event stories are smaller and need a lower cut to be linked.)

    Then small threads join large ones (:func:`attach_small`, session 10). At most 5
    articles, cosine >= 0.15, margin 0.03, measured at threshold 0.12 / entity weight 1 on
    the event stories of the same day (Timeline17: topic gold, and gold where articles that
    name nothing of their topic are their own threads; DUC 2006):

    ============================ =========== ================== ========
    attach                       Timeline17  Timeline17, named  DUC 2006
    ============================ =========== ================== ========
    off                          0.849       0.895              0.838
    <= 5 articles, 0.15, 0.03    0.883       0.923              0.858
    <= 3 articles, 0.15, 0.03    0.877       0.916              0.860
    <= 5 articles, 0.12, 0.03    0.885       0.923
    <= 5 articles, 0.18, 0.03    0.878       0.921              0.857
    <= 5 articles, 0.15, 0       0.880       0.921
    ============================ =========== ================== ========

    Without the margin a lone report that names two running stories alike joins one of
    them; a 1-article story with no large thread above 0.15 stays its own thread.

    Time (session 13): grace, slope per 30 days and longest gap of :func:`penalty`, then
    ``attach_articles`` again, at threshold 0.12 / entity weight 1 on the event stories of
    the same day (mean: of Timeline17, DUC 2006 and DUC 2007 main, topic gold):

    ======================= ====== ========== ================== ======== ======== =====
    gap rule                attach Timeline17 Timeline17, named  DUC 2006 DUC 2007 mean
    ======================= ====== ========== ================== ======== ======== =====
    none (before)           5      0.883      0.923              0.857    0.902    0.881
    60 days, 0.05, none     5      0.923      0.961              0.718    0.727    0.789
    120 days, 0.01, 540     5      0.903      0.942              0.838    0.873    0.872
    180 days, 0.01, 540     5      0.898      0.938              0.848    0.891    0.879
    210 days, 0.01, 540     5      0.898      0.938              0.850    0.893    0.880
    no link beyond 540 only 5      0.881      0.921              0.848    0.907    0.878
    none                    8      0.883      0.923              0.858    0.898    0.880
    no link beyond 540 only 8      0.896      0.935              0.848    0.903    0.882
    180 days, 0.01, 540     8      0.912      0.951              0.847    0.891    0.883
    180 days, 0.01, 540     10     0.912      0.951              0.852    0.882    0.882
    180 days, 0.01, 540     15     0.890      0.931              0.825    0.865    0.860
    240 days, 0.01, 570     8      0.911      0.950              0.850    0.892    0.884
    180 days, 0.005, 540    8      0.912      0.951              0.850    0.895    0.886
    ======================= ====== ========== ================== ======== ======== =====

    The last row is shipped: the best mean, and Timeline17 on the plateau that several
    settings reach (an IraqWar thread of 7 articles attaches at a limit of 8 or 10).
    DUC topics are not running stories: many gather reports years apart (28 of the 50 DUC
    2006 topics have a gap of more than 180 days between two consecutive reports), so a
    slope that starts early splits them. Their gold split at every gap over 540 days scores
    0.994 / 0.993: the longest gap costs them little, the slope most."""

    # Average cosine similarity of story centroids at or above which stories share a thread.
    threshold: float = 0.12
    # Weight of a named-entity feature relative to a content word of the same rarity.
    entity_weight: float = 1.0
    # A thread of at most this many articles joins the larger thread whose profile (the sum
    # of its articles' vectors) it matches best, at cosine >= attach_similarity and at least
    # attach_margin above the runner-up (:func:`attach_small`). 0 turns it off.
    attach_articles: int = 8
    attach_similarity: float = 0.15
    attach_margin: float = 0.03
    # Time: linking a story into a thread across a gap of more than gap_grace_days (to the
    # thread's nearest dated story) needs gap_slope more similarity per 30 days beyond it,
    # and no link is made across more than gap_max_days (:func:`penalty`). A pair with an
    # undated side needs no more. gap_slope 0 and gap_max_days inf ignore time.
    gap_grace_days: float = 180.0
    gap_slope: float = 0.005
    gap_max_days: float = 540.0


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """What threading needs of a story: its id, its articles' features and the dates of its
    first and last dated article (None when none is dated)."""

    id: str
    features: tuple[Features, ...]
    span: tuple[dt.date, dt.date] | None = None


def gaps(spans: Sequence[tuple[dt.date, dt.date] | None]) -> np.ndarray:
    """(n x n) days between the date spans of two stories (0 when they overlap); infinite
    where either is undated.

    >>> d = dt.date.fromisoformat
    >>> gaps([(d("2014-07-01"), d("2014-07-10")), (d("2014-07-20"), d("2014-07-21")), None])
    array([[ 0., 10., inf],
           [10.,  0., inf],
           [inf, inf, inf]])
    """
    first = np.array([s[0].toordinal() if s else 0 for s in spans], dtype=np.float64)
    last = np.array([s[1].toordinal() if s else 0 for s in spans], dtype=np.float64)
    ahead = np.subtract.outer(first, last)  # how far story i starts after story j ends
    out = np.maximum(ahead, ahead.T)
    np.maximum(out, 0.0, out=out)
    undated = np.array([s is None for s in spans], dtype=bool)
    out[undated, :] = np.inf
    out[:, undated] = np.inf
    return out


def penalty(gap: np.ndarray, params: ThreadParams) -> np.ndarray:
    """The similarity a link across ``gap`` days needs beyond the cut: ``gap_slope`` per 30
    days beyond ``gap_grace_days``, infinite beyond ``gap_max_days``; none across an
    infinite gap (an undated side).

    >>> penalty(np.array([10.0, 240.0, 360.0, 600.0, np.inf]), ThreadParams())
    array([0.  , 0.01, 0.03,  inf, 0.  ])
    """
    over = np.where(np.isinf(gap), 0.0, np.maximum(0.0, gap - params.gap_grace_days))
    out = params.gap_slope * over / 30.0
    out[(gap > params.gap_max_days) & ~np.isinf(gap)] = np.inf
    return out


def _sums(stories: Sequence[StoryFeatures], params: ThreadParams) -> sparse.csr_matrix:
    """(n x DIM) sum of each story's L2-normalised article vectors (not normalised)."""
    indptr = [0]
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    owner: list[int] = []
    for k, s in enumerate(stories):
        for f in s.features:
            tf = 1.0 + np.log(np.asarray(f.tf, dtype=np.float64))
            rarity = np.asarray(f.rarity, dtype=np.float64)
            boost = np.where(np.asarray(f.entity, dtype=bool), params.entity_weight, 1.0)
            w = tf * rarity * boost
            w /= float(np.sqrt((w * w).sum())) or 1.0
            indices.append(np.asarray(f.indices, dtype=np.int64))
            data.append(w)
            indptr.append(indptr[-1] + len(w))
            owner.append(k)
    if not stories:
        return sparse.csr_matrix((0, DIM))
    articles = sparse.csr_matrix(
        (
            np.concatenate(data) if data else np.zeros(0),
            np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64),
            indptr,
        ),
        shape=(len(owner), DIM),
    )
    members = sparse.csr_matrix(
        (np.ones(len(owner)), (np.asarray(owner, dtype=np.int64), np.arange(len(owner)))),
        shape=(len(stories), len(owner)),
    )
    return sparse.csr_matrix(members @ articles)


def _unit_rows(x: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ x)


def centroids(stories: Sequence[StoryFeatures], params: ThreadParams) -> sparse.csr_matrix:
    """L2-normalised (n x DIM) centroid of each story's L2-normalised article vectors."""
    return _unit_rows(_sums(stories, params))


def _thread_gaps(
    threads: Sequence[Sequence[int]],
    large: Sequence[int],
    spans: Sequence[tuple[dt.date, dt.date] | None],
) -> np.ndarray:
    """(threads x large threads) days between each thread and each large thread: between
    their nearest dated stories (:func:`gaps`), infinite where either has none. Computed one
    large thread at a time, so no (stories x stories) matrix is held."""
    first = np.array([s[0].toordinal() if s else np.nan for s in spans], dtype=np.float64)
    last = np.array([s[1].toordinal() if s else np.nan for s in spans], dtype=np.float64)
    rows = [k for t in threads for k in t]
    starts = np.cumsum([0, *(len(t) for t in threads)])[:-1]
    out = np.full((len(threads), len(large)), np.inf)
    for col, m in enumerate(large):
        f = first[list(threads[m])]
        ll = last[list(threads[m])]
        dated = ~np.isnan(f)
        if not dated.any():
            continue
        f, ll = f[dated], ll[dated]
        # each story's gap to the nearest dated story of thread m
        ahead = np.maximum(np.subtract.outer(f, last[rows]), np.subtract.outer(first[rows], ll).T)
        near = np.maximum(ahead.min(axis=0), 0.0)
        near[np.isnan(near)] = np.inf
        out[:, col] = np.minimum.reduceat(near, starts)
    return out


def attach_small(
    threads: Sequence[Sequence[int]],
    sums: sparse.csr_matrix,
    sizes: Sequence[int],
    params: ThreadParams,
    spans: Sequence[tuple[dt.date, dt.date] | None] | None = None,
) -> list[list[int]]:
    """Threads after each small one (at most :attr:`ThreadParams.attach_articles` articles)
    has joined the larger thread whose profile it matches best, where it matches it well
    and clearly better than the runner-up; the others stay as they are.

    ``threads`` hold row numbers of ``sums`` (each story's summed article vectors);
    ``sizes`` are the stories' article counts; ``spans`` their dates (None: no dates). A
    thread's profile is the sum over all its articles, so a long thread's profile holds
    what its events share (actors, places, topic terms) and a lone report of it matches
    that better than any one event. A match
    counts less by the :func:`penalty` of the gap to the thread's nearest story. Small
    threads join larger ones only, never each other, so the result does not depend on the
    order in which they are looked at."""
    size = [sum(sizes[k] for k in t) for t in threads]
    large = [n for n, s in enumerate(size) if s > params.attach_articles]
    if not large or len(large) == len(threads):
        return [list(t) for t in threads]
    rows = [n for n, t in enumerate(threads) for _ in t]
    cols = [k for t in threads for k in t]
    members = sparse.csr_matrix(
        (np.ones(len(cols)), (rows, cols)), shape=(len(threads), sums.shape[0])
    )
    profiles = _unit_rows(sparse.csr_matrix(members @ sums))
    sim = np.asarray((profiles @ profiles[large].T).todense(), dtype=np.float64)
    if spans is not None:
        sim -= penalty(_thread_gaps(threads, large, spans), params)
    out = {n: list(threads[n]) for n in large}
    alone: list[list[int]] = []
    for n, t in enumerate(threads):
        if n in out:
            continue
        ranked = np.argsort(-sim[n], kind="stable")
        best = float(sim[n, ranked[0]])
        second = float(sim[n, ranked[1]]) if len(ranked) > 1 else 0.0
        if best >= params.attach_similarity and best - second >= params.attach_margin:
            out[large[int(ranked[0])]].extend(t)
        else:
            alone.append(list(t))
    return [*out.values(), *alone]


def group(stories: Sequence[StoryFeatures], params: ThreadParams | None = None) -> list[list[int]]:
    """Threads as lists of indices into ``stories``; each list ascending, lists ordered by
    their first index. The result does not depend on the order of ``stories`` beyond that
    numbering (the stories are clustered in id order)."""
    params = params or ThreadParams()
    n = len(stories)
    if n == 0:
        return []
    order = sorted(range(n), key=lambda k: stories[k].id)
    if n == 1:
        return [[0]]
    sums = _sums([stories[k] for k in order], params)
    sizes = [len(stories[k].features) for k in order]
    return _group_rows(sums, sizes, order, params, [stories[k].span for k in order])


def agglomerate(sim: np.ndarray, gap: np.ndarray, params: ThreadParams) -> list[list[int]]:
    """Average-linkage agglomeration of ``sim`` (story x story cosine) where two groups
    merge while their average similarity, less the :func:`penalty` of the gap between
    their nearest dated stories, is at or above the cut: a thread runs through events
    close in time, not by one jump over a long silence. Best pair first (ties: the lowest
    rows); with no dates this is SciPy's average linkage cut at ``params.threshold``.

    The gap between two groups is that of their nearest stories, so a thread of a year
    whose events follow each other closely links as before."""
    n = len(sim)
    s = np.array(sim, dtype=np.float64)
    g = np.array(gap, dtype=np.float64)
    size = np.ones(n)
    active = np.ones(n, dtype=bool)
    members = [[k] for k in range(n)]
    if n < 2:
        return [[k] for k in range(n)]
    e = s - penalty(g, params)  # what each pair of groups scores against the cut
    np.fill_diagonal(e, -np.inf)
    arg = np.argmax(e, axis=1)
    best = e[np.arange(n), arg]
    while True:
        i = int(np.argmax(best))
        if best[i] < params.threshold:
            break
        a, b = sorted((i, int(arg[i])))
        s[a] = (size[a] * s[a] + size[b] * s[b]) / (size[a] + size[b])
        s[:, a] = s[a]
        g[a] = np.minimum(g[a], g[b])
        g[:, a] = g[a]
        size[a] += size[b]
        members[a].extend(members[b])
        members[b] = []
        active[b] = False
        e[b, :] = -np.inf
        e[:, b] = -np.inf
        best[b] = -np.inf
        new = s[a] - penalty(g[a], params)
        new[~active] = -np.inf
        new[a] = -np.inf
        e[a, :] = new
        e[:, a] = new
        for k in [*np.flatnonzero(active & ((arg == a) | (arg == b))).tolist(), a]:
            arg[k] = int(np.argmax(e[k]))
            best[k] = e[k, arg[k]]
        better = active & (new > best)
        better[a] = False
        best[better] = new[better]
        arg[better] = a
    return [sorted(m) for m in members if m]


def _group_rows(
    sums: sparse.csr_matrix,
    sizes: Sequence[int],
    order: list[int],
    params: ThreadParams,
    spans: Sequence[tuple[dt.date, dt.date] | None] | None = None,
) -> list[list[int]]:
    """:func:`group` over summed rows ``sums`` (row ``pos`` is story ``order[pos]``, of
    ``sizes[pos]`` articles, dated ``spans[pos]``)."""
    if len(order) == 1:
        return [[order[0]]]
    x = _unit_rows(sums)
    dates = list(spans or [None] * len(order))
    # Groups only ever form within a component of the pairs at or above the cut (an average
    # at or above it needs one such pair; the time penalty only asks more), so each
    # component is agglomerated on its own: the same threads, no (stories x stories) matrix.
    sim = sparse.csr_matrix(x @ x.T)
    linked = sparse.csr_matrix(
        (sim.data >= params.threshold, sim.indices.copy(), sim.indptr.copy()), shape=sim.shape
    )
    linked.eliminate_zeros()  # a pair below the cut is no edge (in place: hence the copies)
    _, component = connected_components(linked, directed=False)
    threads: list[list[int]] = []
    for c in np.unique(component):
        idx = np.flatnonzero(component == c)
        if len(idx) == 1:
            threads.append([int(idx[0])])
            continue
        block = sim[idx][:, idx].toarray()
        groups = agglomerate(block, gaps([dates[k] for k in idx]), params)
        threads.extend([int(idx[k]) for k in g] for g in groups)
    threads = attach_small(threads, sums, sizes, params, dates)
    return sorted((sorted(order[pos] for pos in g) for g in threads), key=lambda g: g[0])


def thread_ids(
    groups: Sequence[Sequence[str]], previous: dict[str, str], taken: set[str] | None = None
) -> dict[str, str]:
    """Story id -> thread id. ``groups`` are the threads' story ids, founder (oldest story)
    first, oldest thread first; ``previous`` the stored story -> thread links.

    A group keeps the stored thread id that holds most of its stories (ties: the id the
    older group's founder had), unless an earlier group kept it already; otherwise its id
    is derived from its founding story's id."""
    used = set(taken or ())
    out: dict[str, str] = {}
    for g in groups:
        votes = Counter(previous[s] for s in g if s in previous)
        first_seen = {t: k for k, t in reversed(list(enumerate(previous.get(s) for s in g)))}
        chosen = None
        for t, _ in sorted(votes.items(), key=lambda kv: (-kv[1], first_seen[kv[0]])):
            if t not in used:
                chosen = t
                break
        if chosen is None:
            chosen = f"thread-{digest(g[0], length=8)}"
            k = 2
            while chosen in used:
                chosen = f"thread-{digest(g[0], str(k), length=8)}"
                k += 1
        used.add(chosen)
        for s in g:
            out[s] = chosen
    return out


Row = tuple[int, float, bytes, bytes]  # a stored centroid: articles, entity weight, sparse row


def _rows_of(
    feats: dict[str, list[Features]], count: dict[str, int], params: ThreadParams
) -> dict[str, Row]:
    """The summed row of each story in ``feats`` (its articles' vectors, not normalised:
    a thread's profile is the sum of its stories' rows), as stored."""
    ids = sorted(feats)
    x = _sums([StoryFeatures(s, tuple(feats[s])) for s in ids], params)
    out: dict[str, Row] = {}
    for k, s in enumerate(ids):
        lo, hi = int(x.indptr[k]), int(x.indptr[k + 1])
        cols = np.asarray(x.indices[lo:hi], dtype=np.int64).tobytes()
        data = np.asarray(x.data[lo:hi], dtype=np.float64).tobytes()
        out[s] = (count[s], params.entity_weight, cols, data)
    return out


def _stack(rows: Sequence[Row]) -> sparse.csr_matrix:
    """The stored rows as one matrix, each row's entries in their stored order (so each
    pair's cosine is summed as when the centroids were computed together)."""
    cols = [np.frombuffer(r[2], dtype=np.int64) for r in rows]
    data = [np.frombuffer(r[3], dtype=np.float64) for r in rows]
    indptr = np.concatenate([[0], np.cumsum([len(c) for c in cols])]).astype(np.int64)
    return sparse.csr_matrix(
        (
            np.concatenate(data) if data else np.zeros(0),
            np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64),
            indptr,
        ),
        shape=(len(rows), DIM),
    )


def _touched(
    ids: list[str],
    x: sparse.csr_matrix,
    seeds: Collection[str],
    previous: dict[str, str],
    params: ThreadParams,
) -> set[str]:
    """The stories to link again (see module): ``seeds``, closed under "shares a component
    of the graph of pairs at or above the cut" and "shared a stored thread"."""
    members: dict[str, list[str]] = {}
    for s, t in previous.items():
        members.setdefault(t, []).append(s)
    at = {s: k for k, s in enumerate(ids)}
    touched: set[str] = set()
    frontier = {s for s in seeds if s in at}
    while frontier:
        for s in list(frontier):
            frontier.update(m for m in members.get(previous.get(s, ""), ()) if m in at)
        frontier -= touched
        if not frontier:
            break
        touched |= frontier
        rows = sorted(at[s] for s in frontier)
        sim = sparse.csr_matrix(x[rows] @ x.T)
        # a margin under the cut: the components only need to hold every thread
        near = np.unique(sim.indices[sim.data >= params.threshold - 1e-9])
        frontier = {ids[int(j)] for j in near} - touched
    return touched


def _spans(store: Store) -> dict[str, tuple[dt.date, dt.date]]:
    """Story id -> (first, last) publication date of its dated articles (dated stories)."""
    return {
        r.id: (
            dt.date.fromisoformat(r.first_published[:10]),
            dt.date.fromisoformat(r.last_published[:10]),
        )
        for r in store.stories()
        if r.first_published and r.last_published
    }


def link(store: Store, params: ThreadParams | None = None, *, everything: bool = False) -> None:
    """Link the stories into threads again where they changed (every story with
    ``everything``), and store them (ids kept; see module): the same threads either way.

    The stories are read and their threads written holding the store's write lock: another
    ingest must not move or drop a story in between (its links would name a story gone)."""
    params = params or ThreadParams()
    with store.writing():
        order = store.story_order()  # store order: a story's first article is its oldest
        count = dict(order)
        previous = {s: t for s, t in store.thread_links().items() if s in count}
        marked, lost = store.relink_marks()
        rows = {s: r for s, r in store.centroids().items() if s in count}
        stale = [
            s
            for s, n in order
            if s in marked or s not in rows or rows[s][0] != n or rows[s][1] != params.entity_weight
        ]
        if stale:
            feats = store.story_features(stale)
            fresh = _rows_of({s: feats.get(s, []) for s in stale}, count, params)
            store.set_centroids(fresh)
            rows.update(fresh)
        ids = sorted(count)
        if previous and not everything and params.attach_articles == 0:
            seeds = set(stale) | {s for s, t in previous.items() if t in lost}
            unit = _unit_rows(_stack([rows[s] for s in ids]))
            touched = _touched(ids, unit, seeds, previous, params)
        else:
            # attach_small compares a small thread with every thread's profile, which no
            # component bounds: every story is linked again, from the stored rows
            touched = set(ids)
        sub = [s for s, _ in order if s in touched]
        by_id = sorted(range(len(sub)), key=lambda k: sub[k])
        x = _stack([rows[sub[k]] for k in by_id])
        sizes = [count[sub[k]] for k in by_id]
        span = _spans(store)
        dates = [span.get(sub[k]) for k in by_id]
        groups = (
            [[sub[k] for k in g] for g in _group_rows(x, sizes, by_id, params, dates)]
            if sub
            else []
        )
        kept = {t for s, t in previous.items() if s not in touched}
        links = thread_ids(groups, previous, taken=kept)
        store.set_threads(links, only=None if len(touched) == len(ids) else sorted(touched))
