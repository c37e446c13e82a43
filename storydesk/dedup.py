"""Near-duplicates: syndicated copies and light rewrites of one report.

Candidates come from MinHash LSH (datasketch) over word 3-gram shingles; each candidate pair
is confirmed on the estimated Jaccard similarity, or on containment for a copy cut short
(a wire story trimmed to its first paragraphs).

One rule serves ingest and batches alike (:class:`DuplicateIndex`): reports are taken in
order (earliest first), and a report that is the same as one already taken is a copy of that
one's representative; otherwise it is a representative itself. Ingest feeds the index the
stored reports, then each new one; :func:`duplicate_groups` feeds it a batch in canonical
order (earliest, then longest, then key), so the representative of a group is its earliest,
then longest, report, and the result does not depend on the order given.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from .features import MINHASH_SCHEME, MINHASH_SEED, NUM_PERM
from .model import Features
from .settings import DedupSettings

_DEFAULT = DedupSettings()


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


def same_report(a: Features, b: Features, params: DedupSettings = _DEFAULT) -> bool:
    """Whether two articles are copies or light rewrites of one report (see
    :class:`~storydesk.settings.DedupSettings`)."""
    j = jaccard(a, b)
    return j >= params.jaccard or (
        j >= params.min_jaccard_for_containment and containment(a, b, j) >= params.containment
    )


def _minhash(f: Features) -> LeanMinHash:
    """The article's signature as a datasketch MinHash (lean: no permutations rebuilt)."""
    return LeanMinHash(
        seed=MINHASH_SEED,
        hashvalues=np.asarray(f.signature, dtype=np.uint64),
        scheme=MINHASH_SCHEME,
    )


@functools.lru_cache(maxsize=4)
def _banding(threshold: float) -> MinHashLSH:
    return MinHashLSH(threshold=threshold, num_perm=NUM_PERM)


def band_keys(f: Features, params: DedupSettings = _DEFAULT) -> list[bytes]:
    """The article's LSH band keys (band number, then the band's bytes), as
    :class:`DuplicateIndex`'s LSH files it: two articles are candidates when they share one.
    None for an article without shingles."""
    if not f.shingle_count:
        return []
    lsh = _banding(params.lsh_threshold)
    values = _minhash(f).hashvalues
    return [bytes([i]) + lsh._H(values[a:b]) for i, (a, b) in enumerate(lsh.hashranges)]


# Stored reports that may be copies of an article (found by band key), as (key, features,
# representative of their group or None): what a store gives :class:`DuplicateIndex`.
StoredCopies = Callable[[Features], list[tuple[str, Features, str | None]]]


@dataclass(slots=True)
class DuplicateIndex:
    """Reports seen so far, searchable for the one a new report copies."""

    params: DedupSettings = field(default_factory=DedupSettings)
    lsh: MinHashLSH = field(init=False)
    features: dict[str, Features] = field(default_factory=dict)
    # copy -> the representative of its group (representatives are not listed)
    representative: dict[str, str] = field(default_factory=dict)
    # The reports of a store, searched there rather than held here (storydesk.stored).
    stored: StoredCopies | None = None

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(threshold=self.params.lsh_threshold, num_perm=NUM_PERM)

    def add(self, key: str, f: Features, copy_of: str | None = None) -> None:
        """Remember a report (a copy of ``copy_of``'s group when given)."""
        self.features[key] = f
        if copy_of is not None:
            self.representative[key] = self.representative.get(copy_of, copy_of)
        if f.shingle_count:
            self.lsh.insert(key, _minhash(f))

    def original_of(self, f: Features) -> str | None:
        """The representative of a report seen so far that ``f`` is the same report as.

        Of several, the smallest key's, so the answer does not depend on the LSH's order.
        """
        if not f.shingle_count:
            return None
        reps = {
            self.representative.get(k, k)
            for k in self.lsh.query(_minhash(f))
            if same_report(f, self.features[k], self.params)
        }
        for k, g, rep in self.stored(f) if self.stored else ():
            if k not in self.features and same_report(f, g, self.params):
                reps.add(rep or k)
        return min(reps) if reps else None


def duplicate_groups(
    items: Sequence[DupItem], params: DedupSettings | None = None
) -> list[list[int]]:
    """Groups (of two or more) of item indexes that are one report; representative first.

    The rule ingest applies (:class:`DuplicateIndex`), with the batch taken earliest, then
    longest, then by key: the result depends only on the items, not on their order.
    """
    far = dt.date.max
    order = sorted(
        range(len(items)),
        key=lambda i: (items[i].published or far, -items[i].length, items[i].key),
    )
    index = DuplicateIndex(params or DedupSettings())
    position = {items[i].key: i for i in order}
    groups: dict[int, list[int]] = {}
    for i in order:
        f = items[i].features
        original = index.original_of(f)
        index.add(items[i].key, f, original)
        head = position[original] if original is not None else i
        groups.setdefault(head, []).append(i)
    out = [g for g in groups.values() if len(g) > 1]
    return sorted(out, key=lambda g: items[g[0]].key)
