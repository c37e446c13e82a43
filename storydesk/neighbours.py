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
can by themselves score near it. The candidate relation is symmetric and fixed per pair,
so the graph of strong pairs, and with it batch invariance, does not depend on the order
articles arrive in; how far it differs from the exhaustive search is measured on the
development sets (``benchmarks/neighbour_recall.py``, ``benchmarks/results/neighbour_recall.json``).

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


class NeighbourIndex:
    """Key inverted lists (each in date order, the undated apart) of the articles an
    ``ArticleIndex`` holds, so that a dated article reads only its window of each list."""

    def __init__(self, keys: int = KEYS) -> None:
        self.size = keys
        self.dated: dict[int, list[tuple[float, int]]] = {}  # key -> (day ordinal, row), sorted
        self.undated: dict[int, array] = {}  # key -> rows
        self.keys: list[list[int]] = []
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
            for i in keys:
                if math.isnan(day):
                    self.undated.setdefault(i, array("q")).append(row)
                else:
                    bisect.insort(self.dated.setdefault(i, []), (float(day), row))

    def candidates(self, row: int, apart: float | None = None) -> np.ndarray:
        """Rows sharing a key with ``row`` (itself included), sorted; when ``row`` is dated
        and ``apart`` is given, only those undated or dated within ``apart`` days of it."""
        day = self.days[row]
        window = apart is not None and not math.isnan(day)
        lists = []
        for i in self.keys[row]:
            if i in self.undated:
                lists.append(np.frombuffer(self.undated[i], dtype=np.int64))
            dated = self.dated.get(i, [])
            if window:
                assert apart is not None
                lo = bisect.bisect_left(dated, (day - apart, -1))
                hi = bisect.bisect_right(dated, (day + apart, self.n))
                dated = dated[lo:hi]
            lists.append(np.fromiter((r for _, r in dated), dtype=np.int64, count=len(dated)))
        if not lists:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate(lists))


__all__ = ["KEYS", "NeighbourIndex", "keys_of"]
