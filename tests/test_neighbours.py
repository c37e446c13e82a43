from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import numpy as np
import pytest

from storydesk.cluster import ArticleIndex, ClusterItem, pair_scores, stories_in_batches
from storydesk.model import Features
from storydesk.neighbours import KEY_BUDGET, keys_of
from storydesk.settings import ClusterSettings

# A fictional news store: every article draws on common words (shared by all, Zipf-like),
# its event's own words, names and numbers, and a few words of the event's kind (two
# earthquakes share "quake" words), dated around the event's day or undated.


def rarity(i: int) -> float:
    """Background rarity: common words low, an event's own words and names high."""
    return 1.0 + (i % 2) if i < 1000 else 3.0 if i < 10_000 else 4.0 + (i % 4)


def corpus(n_events: int = 60, per_event: int = 6, seed: int = 1) -> list[ClusterItem]:
    rng = random.Random(seed)
    common = list(range(1, 200))
    kinds = [list(range(1000 + 50 * k, 1050 + 50 * k)) for k in range(8)]
    start = dt.date(2015, 1, 1)
    items = []
    for e in range(n_events):
        own = list(range(10_000 + 40 * e, 10_040 + 40 * e))
        kind = kinds[e % len(kinds)]
        day = start + dt.timedelta(days=rng.randrange(0, 3 * 365))
        places = (20_000 + e % 15, 20_100 + e)
        for a in range(per_event):
            words = {rng.choice(common[: 20 + rng.randrange(180)]) for _ in range(40)}
            words |= set(rng.sample(own, 20)) | set(rng.sample(kind, 8))
            idx = tuple(sorted(words))
            dated = rng.random() > 0.25
            published = day + dt.timedelta(days=rng.randrange(0, 6)) if dated else None
            f = Features(
                indices=idx,
                tf=tuple(1 + rng.randrange(3) for _ in idx),
                rarity=tuple(rarity(i) for i in idx),
                entity=tuple(i >= 10_000 and i % 5 == 0 for i in idx),
                signature=(),
                shingle_count=0,
                people=((30_000 + e, 1 + a % 2),) if a % 3 else (),
                places=places[: 1 + a % 2],
                numbers=(40_000 + e,) if a % 2 else (),
                days=(50_000 + (day.toordinal() % 365),),
                lead=tuple(sorted({20_000 + e % 15, 30_000 + e})),
            )
            items.append(ClusterItem(f"e{e:03d}-{a}", f, published))
    rng.shuffle(items)
    return items


def stories(items: list[ClusterItem], batches: int, exhaustive: bool) -> list[list[str]]:
    size = -(-len(items) // batches)
    parts = [items[start : start + size] for start in range(0, len(items), size)]
    # the bounded add, which a store larger than whole_store_below takes
    bounded = ClusterSettings(whole_store_below=0)
    story = stories_in_batches(parts, bounded, ArticleIndex(exhaustive=exhaustive))
    groups: dict[int, list[str]] = {}
    for k, s in story.items():
        groups.setdefault(s, []).append(k)
    return sorted(sorted(g) for g in groups.values())


ITEMS = corpus()


def test_candidates_hold_the_strong_pairs_within_the_date_window():
    params = ClusterSettings()
    index = ArticleIndex()
    index.extend(ITEMS)
    rows = list(range(len(ITEMS)))
    q = index._profiles.take(rows).weigh(index.docfreq)
    strong = pair_scores(q, q, params) >= params.threshold
    gap = np.nan_to_num(np.abs(q.days[:, None] - q.days[None, :]), nan=0.0)
    needed = strong & (gap <= params.apart_days)
    np.fill_diagonal(needed, False)
    found = np.zeros_like(needed)
    for k in rows:
        cands = index._candidates(k, params)
        found[k, cands] = True
    assert (found == found.T).all()  # a pair is a candidate both ways or neither
    assert needed.sum() > len(ITEMS)  # the corpus has strong pairs to find
    assert (needed & found).sum() == needed.sum()
    assert not (found & (gap > params.apart_days)).any()  # dated too far apart: never scored
    # the common words are not keys: an article meets a fraction of the store
    assert found.sum(axis=1).mean() < len(ITEMS) / 4


def test_keys_are_the_distinctive_words():
    f = ITEMS[0].features
    keys = keys_of(f, 5)
    assert len(keys) == 5 and all(i >= 1000 for i in keys)  # no common word


@pytest.mark.parametrize("batches", [1, 4])
def test_same_stories_as_the_exhaustive_search(batches):
    assert stories(ITEMS, batches, exhaustive=False) == stories(ITEMS, batches, exhaustive=True)


def test_stories_do_not_depend_on_batches():
    assert stories(ITEMS, 1, exhaustive=False) == stories(ITEMS, 7, exhaustive=False)


def test_a_key_common_in_the_store_is_not_searched():
    """Every article names one figure in the news for years, ranked among its keys; its
    own words are its own. The candidates of an article stay few however many share the
    name (before, every article holding it was a candidate)."""

    def article(k: int) -> ClusterItem:
        idx = (7, *range(100_000 + 30 * k, 100_030 + 30 * k))
        f = Features(idx, (3,) + (1,) * 30, (9.0,) + (4.0,) * 30, (True,) + (False,) * 30, (), 0)
        return ClusterItem(f"a{k}", f)

    for n in (KEY_BUDGET + 50, 4 * KEY_BUDGET):
        index = ArticleIndex()
        index.extend([article(k) for k in range(n)])
        assert 7 in index._search.keys[0]  # the name is a key ...
        assert len(index._candidates(0, ClusterSettings())) == 1  # ... but not searched


def test_a_pair_is_found_whichever_of_the_two_came_first():
    """Two articles share only a name, rare when the first of them came and common (held
    by more than KEY_BUDGET articles) when the second came: the first searched it, the
    second does not. The pair is a candidate however they arrive (before, only when the
    one that searches the name came last)."""

    def article(key: str, own: int) -> ClusterItem:
        idx = (7, *range(100_000 + 30 * own, 100_030 + 30 * own))
        f = Features(idx, (3,) + (1,) * 30, (9.0,) + (4.0,) * 30, (True,) + (False,) * 30, (), 0)
        return ClusterItem(key, f)

    between = [article(f"m{k}", k) for k in range(2 * KEY_BUDGET)]
    for first, last in (("a", "b"), ("b", "a")):
        index = ArticleIndex()
        for batch in ([article(first, 5000)], between, [article(last, 6000)]):
            index.add(batch, ClusterSettings())
        a, b = index.position["a"], index.position["b"]
        assert b in index._candidates(a, ClusterSettings())
        assert a in index._candidates(b, ClusterSettings())
        assert 7 in index._search.probes[index.position[first]]
        assert 7 not in index._search.probes[index.position[last]]


def test_listed_pairs_score_as_the_grid_does():
    """Scoring only the pairs a search found (``pairs``) gives each pair the score the
    (rows x union) grid gives it, every channel included: embeddings (some articles have
    none), office holders, dates."""
    rng = random.Random(5)
    items = []
    for k, it in enumerate(ITEMS[:120]):
        f = it.features
        if k % 3:
            f = replace(f, embedding=tuple(rng.randrange(-90, 90) for _ in range(8)))
        if k % 7 == 0:
            f = replace(f, offices=((60_000, 61_000 + k % 2),))
        items.append(ClusterItem(it.key, f, it.published))
    params = ClusterSettings()
    index = ArticleIndex()
    index.extend(items)
    q = index._profiles.take(list(range(30))).weigh(index.docfreq)
    u = index._profiles.take(list(range(20, 120))).weigh(index.docfreq)
    grid = pair_scores(q, u, params)
    rows = np.array([rng.randrange(30) for _ in range(500)], dtype=np.int64)
    cols = np.array([rng.randrange(100) for _ in range(500)], dtype=np.int64)
    listed = pair_scores(q, u, params, (rows, cols))
    assert listed.shape == (500,)
    np.testing.assert_array_equal(listed, grid[rows, cols])  # bit for bit
    assert (grid[rows, cols] >= params.threshold).any()  # some pairs clear the cut
    assert len(pair_scores(q, u, params, (rows[:0], cols[:0]))) == 0
