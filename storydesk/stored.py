"""Ingest's search index, kept in the store: what a run reads of the stored articles is what
the new ones need, not the whole store.

Clustering a new article needs the stored articles sharing one of its key words within the
date window (:mod:`storydesk.neighbours`), their features, and the document frequencies of
every clustered article; near-duplicate detection needs the stored articles sharing an LSH
band with it (:mod:`storydesk.dedup`). The store keeps the first three as tables (each
article's key words with its day, each article's band keys, and one row of document
frequencies) and :func:`refresh` brings them up to the last stored article, under the write
lock, before each chunk is placed. :class:`Lazy` answers an ingest's searches from them and
loads the candidates' features when first met, so a run's fixed cost (the frequencies, 4 MB,
and the maps of article ids to stories) does not grow with the stored features, and its cost
per article grows only with the candidates each article has.

The candidates are the same as an index holding every stored article would give (the same
keys, the same window, the same bands), so the stories are too.
"""

from __future__ import annotations

import datetime as dt
import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .cluster import ClusterItem, DocFreq
from .dedup import band_keys
from .features import DIM
from .model import Features
from .neighbours import KEYS, keys_of, probed
from .settings import DedupSettings
from .store.base import Store, StoredRow


def _date(published: str | None) -> dt.date | None:
    return dt.date.fromisoformat(published) if published else None


def _day(published: str | None) -> float | None:
    return float(dt.date.fromisoformat(published).toordinal()) if published else None


def refresh(store: Store, dedup: DedupSettings) -> None:
    """Index the articles stored since the index last looked (all of them, the first time
    on a store from before the index); call it holding the write lock. A near-copy is
    banded, not clustered (one report counts once), as :class:`DocFreq` counts."""
    seq, docs, blob = store.search_state()
    rows = store.stored_after(seq)
    if not rows:
        return
    counts = _counts(blob)
    keys: list[tuple[int, float | None, str]] = []
    bands: list[tuple[bytes, str]] = []
    held: list[tuple[list[int], float | None, str]] = []
    for r in rows:
        if r.features is None:
            continue
        bands.extend((b, r.id) for b in band_keys(r.features, dedup))
        if r.representative is None:
            docs += 1
            counts[np.asarray(r.features.indices, dtype=np.int64)] += 1
            held.append((keys_of(r.features, KEYS), _day(r.published), r.content_hash))
    # the keys each searches, by the frequencies counting its own ingest's chunk, as
    # ArticleIndex fixed them when it placed the chunk
    probes: list[tuple[int, float | None, str]] = []
    for own, day, h in held:
        keys.extend((k, day, h) for k in own)
        probes.extend((k, day, h) for k in probed(own, counts))
    state = (rows[-1].seq, docs, zlib.compress(counts.astype("<i4").tobytes(), 1))
    store.set_search(state, keys, bands, probes)


def _counts(blob: bytes | None) -> np.ndarray:
    if blob is None:
        return np.zeros(DIM, dtype=np.int32)
    return np.frombuffer(zlib.decompress(blob), dtype="<i4").astype(np.int32)


def docfreq(store: Store) -> DocFreq:
    """The store's document frequencies (of the articles indexed so far)."""
    _, docs, blob = store.search_state()
    out = DocFreq()
    out.counts = _counts(blob)
    out.n_docs = docs
    return out


@dataclass(slots=True)
class Lazy:
    """Searches of the stored articles for an ingest, and their rows loaded once (the
    features of an article never change). ``id_of`` gets content hash -> article id of
    every article loaded."""

    store: Store
    dedup: DedupSettings
    id_of: dict[str, str]
    rows: dict[str, StoredRow] = field(default_factory=dict)  # by article id

    def neighbours(
        self, keys: Sequence[int], day: float, apart: float | None, probes: bool = False
    ) -> set[str]:
        """Content hashes of the stored clustered articles holding a key (``probes``:
        that search one), in the window."""
        if apart is None or math.isnan(day):
            return self.store.keyed(keys, None, None, probes)
        return self.store.keyed(keys, day - apart, day + apart, probes)

    def probes(self, hashes: Sequence[str]) -> dict[str, list[int]]:
        """The keys each of these stored articles searches (fixed when it was indexed)."""
        return self.store.probes_of(hashes)

    def _load(self, *, hashes: Sequence[str] = (), ids: Sequence[str] = ()) -> list[StoredRow]:
        out = self.store.stored_rows(hashes=hashes, ids=ids)
        for r in out:
            self.rows[r.id] = r
            self.id_of[r.content_hash] = r.id
        return out

    def items(self, hashes: Sequence[str]) -> list[ClusterItem]:
        """The clustered articles of these content hashes."""
        return [
            ClusterItem(r.content_hash, r.features, _date(r.published))
            for r in self._load(hashes=hashes)
            if r.features is not None and r.representative is None
        ]

    def items_of(self, article_ids: Sequence[str]) -> list[ClusterItem]:
        """The clustered articles of these ids (near-copies left out)."""
        missing = [i for i in article_ids if i not in self.rows]
        if missing:
            self._load(ids=missing)
        out = []
        for i in article_ids:
            r = self.rows.get(i)
            if r is not None and r.features is not None and r.representative is None:
                out.append(ClusterItem(r.content_hash, r.features, _date(r.published)))
        return out

    def item_of(self, article_id: str) -> ClusterItem | None:
        """The clustered article of this id, if it is one."""
        row = self.rows.get(article_id)
        if row is None:
            found = self._load(ids=[article_id])
            row = found[0] if found else None
        if row is None or row.features is None or row.representative is not None:
            return None
        return ClusterItem(row.content_hash, row.features, _date(row.published))

    def copies(self, f: Features) -> list[tuple[str, Features, str | None]]:
        """Stored articles sharing an LSH band with ``f``: (id, features, representative)."""
        found = self.store.banded(band_keys(f, self.dedup))
        missing = sorted(i for i in found if i not in self.rows)
        if missing:
            self._load(ids=missing)
        out = []
        for i in sorted(found):
            r = self.rows.get(i)
            if r is not None and r.features is not None:
                out.append((r.id, r.features, r.representative))
        return out


__all__ = ["Lazy", "docfreq", "refresh"]
