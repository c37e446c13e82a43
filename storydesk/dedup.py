"""Near-duplicates: syndicated copies and light rewrites of one report.

Candidates come from MinHash LSH (datasketch) over word 3-gram shingles; each candidate pair
is confirmed on the estimated Jaccard similarity, or on containment for a copy cut short
(a wire story trimmed to its first paragraphs). Groups are the connected components of the
confirmed pairs; each group's representative is its earliest, then longest, report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from .features import MINHASH_SCHEME, MINHASH_SEED, NUM_PERM
from .model import Features

# Same report if this much of the two shingle sets is shared (a 10% word-level rewrite
# keeps about 0.57 of 3-gram shingles; two reports of one event share under 0.1) ...
JACCARD = 0.4
# ... or if this much of the shorter one is inside the longer one.
CONTAINMENT = 0.8
_LSH_THRESHOLD = 0.25


@dataclass(frozen=True, slots=True)
class DupItem:
    """What dedup needs of an article."""

    key: str
    features: Features
    published: dt.date | None = None
    length: int = 0


def jaccard(a: Features, b: Features) -> float:
    """Estimated Jaccard similarity of two articles' shingle sets."""
    return float(np.mean(np.asarray(a.signature) == np.asarray(b.signature)))


def containment(a: Features, b: Features, j: float | None = None) -> float:
    """Estimated share of the smaller shingle set found in the larger one."""
    j = jaccard(a, b) if j is None else j
    small = min(a.shingle_count, b.shingle_count)
    if small == 0:
        return 0.0
    union = (a.shingle_count + b.shingle_count) / (1.0 + j)
    return min(1.0, j * union / small)


def same_report(a: Features, b: Features) -> bool:
    """Whether two articles are copies or light rewrites of one report."""
    j = jaccard(a, b)
    return j >= JACCARD or (j >= 0.2 and containment(a, b, j) >= CONTAINMENT)


def _minhash(f: Features) -> LeanMinHash:
    """The article's signature as a datasketch MinHash (lean: no permutations rebuilt)."""
    return LeanMinHash(
        seed=MINHASH_SEED,
        hashvalues=np.asarray(f.signature, dtype=np.uint64),
        scheme=MINHASH_SCHEME,
    )


def duplicate_groups(items: Sequence[DupItem]) -> list[list[int]]:
    """Groups (of two or more) of item indexes that are one report; representative first.

    Order-independent: the result depends only on the items, not on their order.
    """
    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=NUM_PERM)
    order = sorted(range(len(items)), key=lambda i: items[i].key)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in order:
        if items[i].features.shingle_count == 0:
            continue
        m = _minhash(items[i].features)
        for j in lsh.query(m):
            if same_report(items[i].features, items[j].features):
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(i, m)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    far = dt.date.max
    out = [
        sorted(g, key=lambda i: (items[i].published or far, -items[i].length, items[i].key))
        for g in groups.values()
        if len(g) > 1
    ]
    return sorted(out, key=lambda g: items[g[0]].key)
