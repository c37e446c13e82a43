"""Threads: the events (stories) of one running story, linked across weeks and months.

Story clustering splits a long-running story into events; a thread links them again. Each
story is represented by the centroid of its articles' feature vectors (content words
weighted by sublinear term frequency times background rarity; named entities weighted by
:attr:`ThreadParams.entity_weight`, 1 as shipped: as a content word). Stories are grouped
by average-linkage agglomerative clustering (SciPy) of the centroids' cosine similarity,
cut at :attr:`ThreadParams.threshold`; then a small thread joins the large thread whose
profile (all its articles summed) it matches best and clearly (:func:`attach_small`).
Unlike events, threads ignore the time between stories: an oil spill in April and its
inquiry in September are one thread.

Threading is a corpus stage after clustering (:func:`link`), recomputed over every stored
story; thread ids already stored are kept by the groups that hold most of their stories,
so a later ingest does not rename a thread it only grows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

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
    them; a 1-article story with no large thread above 0.15 stays its own thread."""

    # Average cosine similarity of story centroids at or above which stories share a thread.
    threshold: float = 0.12
    # Weight of a named-entity feature relative to a content word of the same rarity.
    entity_weight: float = 1.0
    # A thread of at most this many articles joins the larger thread whose profile (the sum
    # of its articles' vectors) it matches best, at cosine >= attach_similarity and at least
    # attach_margin above the runner-up (:func:`attach_small`). 0 turns it off.
    attach_articles: int = 5
    attach_similarity: float = 0.15
    attach_margin: float = 0.03


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """What threading needs of a story: its id and its articles' features."""

    id: str
    features: tuple[Features, ...]


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


def attach_small(
    threads: Sequence[Sequence[int]],
    sums: sparse.csr_matrix,
    sizes: Sequence[int],
    params: ThreadParams,
) -> list[list[int]]:
    """Threads after each small one (at most :attr:`ThreadParams.attach_articles` articles)
    has joined the larger thread whose profile it matches best, where it matches it well
    and clearly better than the runner-up; the others stay as they are.

    ``threads`` hold row numbers of ``sums`` (each story's summed article vectors);
    ``sizes`` are the stories' article counts. A thread's profile is the sum over all its
    articles, so a long thread's profile holds what its events share (actors, places,
    topic terms) and a lone report of it matches that better than any one event. Small
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
    x = _unit_rows(sums)
    sim = np.asarray((x @ x.T).todense(), dtype=np.float64)
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - params.threshold, criterion="distance")
    by_label: dict[int, list[int]] = {}
    for pos, label in enumerate(labels):
        by_label.setdefault(int(label), []).append(pos)
    sizes = [len(stories[k].features) for k in order]
    threads = attach_small(list(by_label.values()), sums, sizes, params)
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


def link(store: Store, params: ThreadParams | None = None) -> None:
    """Recompute the threads of every stored story and store them (ids kept; see module).

    The stories are read and their threads written holding the store's write lock: another
    ingest must not move or drop a story in between (its links would name a story gone)."""
    with store.writing():
        rows = store.all_features()
        order: list[str] = []
        feats: dict[str, list[Features]] = {}
        for _, sid, _, f in rows:  # rows come in store order: a story's first row is its oldest
            if sid not in feats:
                order.append(sid)
                feats[sid] = []
            if f is not None:
                feats[sid].append(f)
        stories = [StoryFeatures(sid, tuple(feats[sid])) for sid in order]
        groups = [[stories[k].id for k in g] for g in group(stories, params)]
        store.set_threads(thread_ids(groups, store.thread_links()))
