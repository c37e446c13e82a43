"""Candidate neighbours for story clustering: the stored articles worth scoring against a
given one, found without scoring it against every stored article.

:class:`~storydesk.cluster.ArticleIndex` needs, for an article, every article whose pair
score clears the cut; scoring all of them costs O(N) per article. Instead each article is
indexed under its :data:`KEYS` most distinctive words and names (sublinear term frequency
times background rarity, both fixed when it is stored), and an article's candidates are the
articles sharing at least one key with it. Reports of one event share their distinctive
words; two articles sharing only common words score below the cut. This is a heuristic, not
a bound: an exact bound on the words left unprobed (Cauchy-Schwarz over the TF-IDF weights)
was tried and never got below the cut, because the common words of two unrelated articles
can by themselves score near it. An article searches only its keys that are rare in the
store: the rarest first, while the articles holding them add up to at most
:data:`KEY_BUDGET` (:func:`probed`), so that what it is scored against stays bounded as the
store grows (a name in the news for years reaches a share of the store). The keys an
article searches are fixed when it is placed, by the frequencies of that time (its own
batch counted), and kept (in the store: ``article_probes``). A pair is a candidate when
either of the two searches a key both hold: a new article reads the lists of the keys it
searches and the lists of the articles that searched a key it holds, so the earlier of
the two finds the later as the later finds it, whichever came first. What still depends
on when: a key searched while the store was small may be too common later, so a pair
found through an early ingest's keys may not be a candidate in one run over everything
(there, every article's keys are fixed by the frequencies of the whole). How far the
stories differ from the exhaustive search, in one batch and in ten, is measured on the
development sets (``benchmarks/neighbour_recall.py``,
``benchmarks/results/neighbour_recall.json``).

Time prunes further, exactly: two articles dated more than ``apart_days`` apart never share
a story (:func:`storydesk.cluster.average_linkage` blocks them, and it never joins two groups
unless an unblocked pair across them clears the cut), so their strong pair changes no story.
A dated article's candidates are those dated within that window and the undated ones
(each key's list is kept in date order, so only the window is read).
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Sequence

import numpy as np

from .model import Features

# Words and names an article is indexed under (its most distinctive ones).
KEYS = 24
# An article searches its keys rarest in the store first, while the articles they are held
# by add up to at most KEY_BUDGET (and at least its LEAST_KEYS rarest keys): in a large store
# a name in the news for years ("Obama") reaches a share of the store, and the candidates
# with it, while reports of one event share rarer keys. 400: at 150 the events of one
# long-running Timeline17 topic, whose key words are all common, were linked less
# (`storydesk eval threads` 0.8826 -> 0.8782); 400 gives them back.
KEY_BUDGET = 400
LEAST_KEYS = 4


def keys_of(f: Features, size: int = KEYS) -> list[int]:
    """The ``size`` hashed features of ``f`` with the highest sublinear term frequency times
    background rarity (ties: the lower index), i.e. what the article is about.

    >>> f = Features((5, 7, 9), (1, 3, 1), (2.0, 2.0, 6.0), (False,) * 3, (), 0)
    >>> keys_of(f, 2)
    [9, 7]
    """
    if not f.indices:
        return []
    idx = np.asarray(f.indices, dtype=np.int64)
    w = (1.0 + np.log(np.asarray(f.tf, dtype=np.float64))) * np.asarray(f.rarity, dtype=np.float64)
    order = np.lexsort((idx, -w))[:size]
    return [int(i) for i in idx[order]]


def probed(keys: Sequence[int], counts: np.ndarray) -> list[int]:
    """The keys worth searching, in their order: the rarest (``counts``: document
    frequencies) while their frequencies add up to at most :data:`KEY_BUDGET`, and at least
    the :data:`LEAST_KEYS` rarest, so that the candidates an article has stay bounded as
    the store grows.

    >>> probed([3, 5, 7, 9, 11, 13], np.array([0, 0, 0, 290, 0, 1, 0, 2, 0, 300, 0, 3, 0, 160]))
    [5, 7, 11, 13]
    """
    if not keys:
        return []
    df = counts[np.asarray(keys, dtype=np.int64)]
    rarest = sorted(range(len(keys)), key=lambda i: (int(df[i]), i))
    total = np.cumsum(df[rarest])
    take = max(LEAST_KEYS, int(np.searchsorted(total, KEY_BUDGET, side="right")))
    return [keys[i] for i in sorted(rarest[:take])]


class _Lists:
    """Inverted lists of rows by key, each in date order (the undated apart), so that a
    dated row reads only its window of each list."""

    def __init__(self) -> None:
        self.dated: dict[int, list[tuple[float, int]]] = {}  # key -> (day ordinal, row), sorted
        self.undated: dict[int, array] = {}  # key -> rows

    def add(self, keys: Sequence[int], day: float, row: int) -> None:
        for i in keys:
            if math.isnan(day):
                self.undated.setdefault(i, array("q")).append(row)
            else:
                bisect.insort(self.dated.setdefault(i, []), (day, row))

    def rows(self, keys: Sequence[int], day: float, apart: float | None) -> list[np.ndarray]:
        """The rows under ``keys``; when ``day`` is a date and ``apart`` is given, only
        those undated or dated within ``apart`` days of it."""
        window = apart is not None and not math.isnan(day)
        out = []
        for i in keys:
            if i in self.undated:
                out.append(np.frombuffer(self.undated[i], dtype=np.int64))
            dated = self.dated.get(i, [])
            if window:
                assert apart is not None
                lo = bisect.bisect_left(dated, (day - apart, -1))
                hi = bisect.bisect_right(dated, (day + apart, math.inf))
                dated = dated[lo:hi]
            out.append(np.fromiter((r for _, r in dated), dtype=np.int64, count=len(dated)))
        return out


class NeighbourIndex:
    """The key lists of the articles an ``ArticleIndex`` holds, and the lists of the keys
    each searched (:func:`probed`, fixed when it was placed: :meth:`probe`), so that a
    pair is a candidate when either of the two searches a key both hold, whichever came
    first."""

    def __init__(self, keys: int = KEYS) -> None:
        self.size = keys
        self._held = _Lists()  # every row under its keys
        self._probing = _Lists()  # the rows that searched a key, under it
        self.keys: list[list[int]] = []
        self.probes: dict[int, list[int]] = {}  # row -> the keys it searches
        self.days: array = array("d")  # per row, NaN when undated
        self.n = 0

    def add(self, features: Sequence[Features], days: np.ndarray) -> None:
        """Index the next rows (their order is their row number)."""
        for f, day in zip(features, days, strict=True):
            row = self.n
            self.n += 1
            keys = keys_of(f, self.size)
            self.keys.append(keys)
            self.days.append(float(day))
            self._held.add(keys, float(day), row)

    def probe(self, row: int, keys: Sequence[int]) -> None:
        """Fix the keys ``row`` searches (once: later calls are ignored)."""
        if row in self.probes:
            return
        self.probes[row] = list(keys)
        self._probing.add(keys, self.days[row], row)

    def candidates(self, row: int, apart: float | None = None) -> np.ndarray:
        """Rows (itself included, sorted) holding a key ``row`` searches, or searching a
        key it holds (:meth:`probe`: every key when not fixed); when ``row`` is dated and
        ``apart`` is given, only those undated or dated within ``apart`` days of it."""
        day = self.days[row]
        lists = [np.array([row], dtype=np.int64)]
        lists += self._held.rows(self.probes.get(row, self.keys[row]), day, apart)
        lists += self._probing.rows(self.keys[row], day, apart)
        return np.unique(np.concatenate(lists))


__all__ = ["KEYS", "KEY_BUDGET", "LEAST_KEYS", "NeighbourIndex", "keys_of", "probed"]
