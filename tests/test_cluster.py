from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.cluster import ClusterItem, StoryIndex, assign, cluster_batch
from storydesk.model import Features
from storydesk.settings import ClusterSettings

# Three synthetic "events": each shares its own vocabulary; words are hashed indices.
EVENTS = {
    "flood": list(range(100, 130)),
    "strike": list(range(200, 230)),
    "election": list(range(300, 330)),
}


def feat(event: str, variant: int, people: tuple[tuple[int, int], ...] = ()) -> Features:
    words = EVENTS[event]
    picked = [w for k, w in enumerate(words) if (k + variant) % 4 != 0]  # 3/4 overlap
    return Features(
        indices=tuple(picked),
        tf=tuple(1 + (w % 3) for w in picked),
        rarity=tuple(4.0 for _ in picked),
        entity=tuple(False for _ in picked),
        signature=(),
        shingle_count=0,
        people=people,
    )


ITEMS = [ClusterItem(key=f"{e}-{v}", features=feat(e, v)) for e in EVENTS for v in range(4)]


def labels(items, groups):
    out = {}
    for n, g in enumerate(groups):
        for i in g:
            out[items[i].key] = n
    return out


def partition(items, groups):
    return sorted(sorted(items[i].key for i in g) for g in groups)


def test_events_are_separated():
    groups = cluster_batch(ITEMS, ClusterSettings(threshold=0.3))
    assert partition(ITEMS, groups) == [
        [f"election-{v}" for v in range(4)],
        [f"flood-{v}" for v in range(4)],
        [f"strike-{v}" for v in range(4)],
    ]


@settings(max_examples=40, deadline=None)
@given(st.permutations(ITEMS))
def test_batch_result_does_not_depend_on_input_order(shuffled):
    params = ClusterSettings(threshold=0.3)
    assert partition(list(shuffled), cluster_batch(list(shuffled), params)) == partition(
        ITEMS, cluster_batch(ITEMS, params)
    )


def test_dates_keep_apart_same_words_years_apart():
    old = [ClusterItem(f"old-{v}", feat("flood", v), dt.date(2019, 10, 14)) for v in range(2)]
    new = [ClusterItem(f"new-{v}", feat("flood", v + 2), dt.date(2026, 3, 10)) for v in range(2)]
    groups = cluster_batch(old + new, ClusterSettings(threshold=0.3))
    assert partition(old + new, groups) == [["new-0", "new-1"], ["old-0", "old-1"]]
    undated = cluster_batch(old + new, ClusterSettings(threshold=0.3, use_dates=False))
    assert len(undated) == 1


def test_different_lead_people_lower_similarity():
    a = ClusterItem("a", feat("flood", 0, people=((1, 5),)))
    b = ClusterItem("b", feat("flood", 1, people=((1, 4),)))
    c = ClusterItem("c", feat("flood", 2, people=((2, 5),)))
    params = ClusterSettings(threshold=0.6, who=0.6)
    assert partition([a, b, c], cluster_batch([a, b, c], params)) == [["a", "b"], ["c"]]


def test_incremental_articles_join_existing_stories():
    index = StoryIndex()
    made: list[str] = []

    def new_id(group):
        made.append(f"s{len(made)}")
        return made[-1]

    params = ClusterSettings(threshold=0.3)
    first = [it for it in ITEMS if it.key.endswith(("-0", "-1"))]
    later = [it for it in ITEMS if it.key.endswith(("-2", "-3"))]
    s1 = assign(first, index, new_id, params)
    s2 = assign(later, index, new_id, params)
    assert len(made) == 3
    by_event = {}
    for it, s in zip(first + later, s1 + s2, strict=True):
        by_event.setdefault(it.key.split("-")[0], set()).add(s)
    assert all(len(v) == 1 for v in by_event.values())
    assert len({next(iter(v)) for v in by_event.values()}) == 3
