from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk import cluster
from storydesk.cluster import (
    ArticleIndex,
    ClusterItem,
    DocFreq,
    GroupEvidence,
    Profiles,
    average_linkage,
    cluster_batch,
    pair_logits,
    stories_in_batches,
)
from storydesk.model import Features
from storydesk.settings import ClusterSettings

# Fictional "events": each has its own vocabulary (hashed indices); reports share 3/4 of it.
EVENTS = {
    "flood": list(range(100, 140)),
    "strike": list(range(200, 240)),
    "election": list(range(300, 340)),
    "quake": list(range(400, 440)),
}


def feat(event: str, variant: int, **extra) -> Features:
    words = EVENTS[event]
    picked = [w for k, w in enumerate(words) if (k + variant) % 4 != 0]
    return Features(
        indices=tuple(picked),
        tf=tuple(1 + (w % 3) for w in picked),
        rarity=tuple(4.0 for _ in picked),
        entity=tuple(False for _ in picked),
        signature=(),
        shingle_count=0,
        **extra,
    )


ITEMS = [ClusterItem(key=f"{e}-{v}", features=feat(e, v)) for e in EVENTS for v in range(4)]


def partition(items, groups):
    return sorted(sorted(items[i].key for i in g) for g in groups)


def keys(groups):
    return sorted(sorted(it.key for it in g) for g in groups)


def test_events_are_separated():
    assert partition(ITEMS, cluster_batch(ITEMS)) == [
        [f"{e}-{v}" for v in range(4)] for e in sorted(EVENTS)
    ]


@settings(max_examples=30, deadline=None)
@given(st.permutations(ITEMS))
def test_result_does_not_depend_on_input_order(shuffled):
    shuffled = list(shuffled)
    assert partition(shuffled, cluster_batch(shuffled)) == partition(ITEMS, cluster_batch(ITEMS))


# The bounded add (only the stories new articles reach are clustered again), which a store
# of more than ClusterSettings.whole_store_below articles takes: these corpora are smaller.
BOUNDED = ClusterSettings(whole_store_below=0)


def incremental(batches, params=BOUNDED):
    """Stories after adding the batches one by one: each add returns the stories of the
    components it touched, which replace what their members had before."""
    story = stories_in_batches(batches, params)
    groups: dict[int, list[str]] = {}
    for k, s in story.items():
        groups.setdefault(s, []).append(k)
    return sorted(sorted(g) for g in groups.values())


# A corpus where a later article bridges two stored stories: two halves of one event that
# share little until the article telling both comes.
HALF_A = [w for w in range(500, 540)]
HALF_B = [w for w in range(540, 580)]


def half(words, variant):
    picked = [w for k, w in enumerate(words) if (k + variant) % 5 != 0]
    return Features(
        indices=tuple(picked),
        tf=tuple(1 for _ in picked),
        rarity=tuple(4.0 for _ in picked),
        entity=tuple(False for _ in picked),
        signature=(),
        shingle_count=0,
    )


BRIDGED = [
    *(ClusterItem(f"a-{v}", half(HALF_A, v), dt.date(2030, 5, 1)) for v in range(3)),
    *(ClusterItem(f"b-{v}", half(HALF_B, v), dt.date(2030, 5, 2)) for v in range(3)),
    ClusterItem("both", half(HALF_A[::2] + HALF_B[::2], 0), dt.date(2030, 5, 2)),
]
CORPUS = ITEMS + BRIDGED


@settings(max_examples=40, deadline=None)
@given(st.permutations(CORPUS), st.lists(st.integers(1, len(CORPUS) - 1), max_size=6))
def test_batches_give_the_stories_of_one_run(shuffled, cuts):
    shuffled = list(shuffled)
    bounds = [0, *sorted(set(cuts)), len(shuffled)]
    batches = [shuffled[a:b] for a, b in itertools.pairwise(bounds) if b > a]
    assert incremental(batches) == partition(CORPUS, cluster_batch(CORPUS))


# Two events of one kind (a topic's words and each event's own), then unrelated stories.
TOPIC = list(range(700, 710))


def kind_report(own: range, variant: int) -> Features:
    picked = [w for k, w in enumerate([*TOPIC, *own]) if (k + variant) % 4 != 0]
    return Features(
        indices=tuple(picked),
        tf=(1,) * len(picked),
        rarity=(4.0,) * len(picked),
        entity=(False,) * len(picked),
        signature=(),
        shingle_count=0,
    )


KIND = [
    *(ClusterItem(f"x-{v}", kind_report(range(800, 820), v)) for v in range(3)),
    *(ClusterItem(f"y-{v}", kind_report(range(900, 920), v)) for v in range(3)),
]


def test_a_small_store_is_clustered_whole_as_one_run():
    """A first ingest holds only the two events of one kind: their shared words are in every
    article, so weigh little, and the events stay apart. One run over these and the other
    stories weighs those words as rare and joins the events. A store this small is
    clustered whole at each ingest, so the two ingests give the one run's stories; the
    bounded add keeps the first ingest's stories, which no new article reaches."""
    every = KIND + ITEMS
    one = partition(every, cluster_batch(every))
    assert incremental([KIND, ITEMS], ClusterSettings()) == one
    assert incremental([KIND, ITEMS], BOUNDED) != one


def test_a_later_article_can_move_stored_ones():
    """The stories of 'a' and 'b' are stored apart; whatever 'both' does to them, the
    result is the one-run result (moving stored articles if it must)."""
    first = incremental([BRIDGED[:6]])
    assert ["a-0", "a-1", "a-2"] in first and ["b-0", "b-1", "b-2"] in first
    assert incremental([BRIDGED[:6], BRIDGED[6:]]) == partition(BRIDGED, cluster_batch(BRIDGED))


def test_an_add_clusters_again_the_stories_it_reaches_and_their_neighbours(monkeypatch):
    """'a-3' joins the story of the a's and 'both'; 'both' pairs with the b's too, so their
    story is clustered again with them, as one run would. Where that would cluster again
    more than WIDEST articles, only the story 'a-3' reaches is, and the b's are left as
    stored (before, the whole component of strong pairs was, however large)."""
    a3 = ClusterItem("a-3", half(HALF_A, 3), dt.date(2030, 5, 1))
    every = [*BRIDGED, a3]
    index = ArticleIndex()
    index.add(BRIDGED, BOUNDED)
    assert keys(index.add([a3], BOUNDED)) == partition(every, cluster_batch(every))
    monkeypatch.setattr(cluster, "WIDEST", 5)
    index = ArticleIndex()
    index.add(BRIDGED, BOUNDED)
    assert keys(index.add([a3], BOUNDED)) == [["a-0", "a-1", "a-2", "a-3", "both"]]


def test_dates_keep_apart_same_words_years_apart():
    old = [ClusterItem(f"old-{v}", feat("flood", v), dt.date(2019, 10, 14)) for v in range(2)]
    new = [ClusterItem(f"new-{v}", feat("flood", v + 2), dt.date(2026, 3, 10)) for v in range(2)]
    groups = cluster_batch(old + new)
    assert partition(old + new, groups) == [["new-0", "new-1"], ["old-0", "old-1"]]
    undated = cluster_batch(old + new, ClusterSettings(use_dates=False))
    assert len(undated) == 1


def test_an_undated_article_joins_the_dated_story_it_matches_and_bridges_nothing():
    old = [ClusterItem(f"old-{v}", feat("flood", v), dt.date(2019, 10, 14)) for v in range(2)]
    new = [ClusterItem(f"new-{v}", feat("flood", v + 2), dt.date(2026, 3, 10)) for v in range(2)]
    strike = [ClusterItem(f"strike-{v}", feat("strike", v), dt.date(2026, 3, 9)) for v in range(2)]
    loose = [
        ClusterItem("undated-flood", feat("flood", 1)),
        ClusterItem("undated-quake", feat("quake", 0)),
        ClusterItem("undated-election", feat("election", 0)),
    ]
    got = partition(old + new + strike + loose, cluster_batch(old + new + strike + loose))
    # the undated flood report joins one flood story; the two flood stories stay apart
    flood = next(g for g in got if "undated-flood" in g)
    assert flood in (["new-0", "new-1", "undated-flood"], ["old-0", "old-1", "undated-flood"])
    # undated reports of different events never form a story for lacking a date
    assert ["undated-quake"] in got and ["undated-election"] in got


def words_report(words: Iterable[int]) -> Features:
    picked = sorted(set(words))
    return Features(
        indices=tuple(picked),
        tf=tuple(1 for _ in picked),
        rarity=tuple(4.0 for _ in picked),
        entity=tuple(False for _ in picked),
        signature=(),
        shingle_count=0,
    )


def conflict_report(background: int, own: range, variant: int) -> Features:
    """A report of one event of a long war: ``background`` of the war's words (every report
    names some) and most of the event's own words."""
    war = [w for k, w in enumerate(range(600, 630)) if (k + variant) % 3 != 0][:background]
    return words_report([*war, *(w for k, w in enumerate(own) if (k + variant) % 4 != 0)])


def test_undated_reports_of_events_years_apart_do_not_open_a_story_together():
    """Three events of one war, years apart, each with dated reports; one undated report of
    each, which gives more of the war's background than the dated reports do. Each undated
    report joins its own event's story, not the other undated reports."""
    events = {
        "a": (range(700, 720), dt.date(2016, 5, 1)),
        "b": (range(800, 820), dt.date(2019, 5, 1)),
        "c": (range(900, 920), dt.date(2023, 5, 1)),
    }
    items = []
    for e, (own, day) in events.items():
        items += [ClusterItem(f"{e}-{v}", conflict_report(5, own, v), day) for v in range(3)]
        items.append(ClusterItem(f"undated-{e}", conflict_report(20, own, 3)))
    assert partition(items, cluster_batch(items)) == [
        ["a-0", "a-1", "a-2", "undated-a"],
        ["b-0", "b-1", "b-2", "undated-b"],
        ["c-0", "c-1", "c-2", "undated-c"],
    ]
    # with no dated report to lend them a date, undated reports are judged on content alone
    loose = [it for it in items if it.published is None]
    assert len(cluster_batch(loose)) == 1


def test_a_date_lent_by_a_weak_match_does_not_split_an_event():
    """Four undated reports of one event; a dated report of another story in 2007 shares a
    few of their words, and one in 2011 a few others, each pair barely above the cut. A
    date lent by so weak a match (on ECB+: another topic's) once put two of the reports
    "years apart", split the event and sent each half into an unrelated story."""
    event = range(700, 730)
    items = [
        *(
            ClusterItem(f"u{v}", words_report(w for k, w in enumerate(event) if (k + v) % 4))
            for v in range(4)
        ),
        ClusterItem("old", words_report([*range(100, 140), *event[:11]]), dt.date(2007, 5, 2)),
        ClusterItem("new", words_report([*range(300, 340), *event[-11:]]), dt.date(2011, 8, 10)),
    ]
    docfreq = DocFreq()
    docfreq.add(it.features for it in items)
    got = partition(items, cluster.cluster_component(items, ClusterSettings(), docfreq))
    assert got == [["new"], ["old"], ["u0", "u1", "u2", "u3"]]


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(1, 11), max_size=4), st.randoms(use_true_random=False))
def test_undated_reports_keep_batches_equal_to_one_run(cuts, rnd):
    events = {"a": range(700, 720), "b": range(800, 820)}
    days = {"a": dt.date(2016, 5, 1), "b": dt.date(2019, 5, 1)}
    every = [
        *(
            ClusterItem(f"{e}-{v}", conflict_report(5, own, v), days[e])
            for e, own in events.items()
            for v in range(3)
        ),
        *(ClusterItem(f"undated-{e}", conflict_report(20, own, 3)) for e, own in events.items()),
        *ITEMS[:4],
    ]
    shuffled = list(every)
    rnd.shuffle(shuffled)
    bounds = [0, *sorted(set(cuts)), len(shuffled)]
    batches = [shuffled[a:b] for a, b in itertools.pairwise(bounds) if b > a]
    assert incremental(batches) == partition(every, cluster_batch(every))


def talks(specific: range, variant: int, day: int, figure: int) -> Features:
    """A report of one round of talks: the war's actors (shared by every round) and the
    round's own words, calendar day and figures."""
    words = [w for k, w in enumerate([*range(600, 616), *specific]) if (k + variant) % 5 != 0]
    return Features(
        indices=tuple(words),
        tf=tuple(1 + (w % 2) for w in words),
        rarity=tuple(4.0 for _ in words),
        entity=tuple(False for _ in words),
        signature=(),
        shingle_count=0,
        days=(day,),
        numbers=(figure,),
    )


def test_neighbouring_events_two_weeks_apart_stay_apart():
    """Two rounds of truce talks in one war, two weeks apart, with overlapping actors."""
    first = [
        ClusterItem(f"r1-{v}", talks(range(700, 724), v, 11, 21), dt.date(2030, 3, 1))
        for v in range(3)
    ]
    second = [
        ClusterItem(f"r2-{v}", talks(range(800, 824), v, 12, 22), dt.date(2030, 3, 15))
        for v in range(3)
    ]
    got = partition(first + second, cluster_batch(first + second))
    assert got == [["r1-0", "r1-1", "r1-2"], ["r2-0", "r2-1", "r2-2"]]


ROUNDS = [
    *(
        ClusterItem(f"r1-{v}", talks(range(700, 724), v, 11, 21), dt.date(2030, 3, 1))
        for v in range(3)
    ),
    *(
        ClusterItem(f"r2-{v}", talks(range(800, 824), v, 12, 22), dt.date(2030, 3, 15))
        for v in range(3)
    ),
]


@pytest.mark.parametrize(
    "undated",
    [
        talks(range(800, 806), 4, 0, 0),  # a few of the second round's own words
        talks(range(0), 4, 12, 22),  # only the war's words, and the second round's day and figure
        talks(range(800, 806), 4, 11, 21),  # the second round's words, recalling the first's day
    ],
)
def test_an_undated_report_joins_the_round_of_talks_it_matches(undated):
    """An undated report has no gap to either round, so it is judged on what it shares: the
    second round's own words, or its calendar day and figures, put it with the second round
    (about 0.4 against 0.3 with the first), and the two rounds stay apart."""
    items = [*ROUNDS, ClusterItem("undated", undated)]
    assert partition(items, cluster_batch(items)) == [
        ["r1-0", "r1-1", "r1-2"],
        ["r2-0", "r2-1", "r2-2", "undated"],
    ]


def test_an_undated_report_of_the_war_alone_joins_one_round_and_bridges_none():
    """With only the war's words it matches both rounds alike and joins one of them (the
    tie goes to the first in key order); it never joins the two rounds into one story."""
    items = [*ROUNDS, ClusterItem("undated", talks(range(0), 4, 0, 0))]
    got = partition(items, cluster_batch(items))
    assert len(got) == 2
    assert ["r1-0", "r1-1", "r1-2", "undated"] in got or ["r2-0", "r2-1", "r2-2", "undated"] in got


def test_average_linkage_respects_apart_pairs():
    prob = np.array([[1, 0.9, 0.8], [0.9, 1, 0.9], [0.8, 0.9, 1]])
    apart = np.zeros((3, 3), dtype=bool)
    apart[0, 2] = True
    groups = average_linkage(prob, 0.5, apart)
    assert [0, 1, 2] not in groups
    assert len(groups) == 2


# --- two events of one kind: who and where, judged between groups -----------------------


def quake(variant: int, place: int, person: int, own: int) -> Features:
    """A report of an earthquake: the words every quake report has, its own few words, and
    its place and person (also in its lead)."""
    common = [w for k, w in enumerate(range(900, 930)) if (k + variant) % 5 != 0]
    picked = sorted(common + list(range(own, own + 15)))
    return Features(
        indices=tuple(picked),
        tf=tuple(1 for _ in picked),
        rarity=tuple(4.0 for _ in picked),
        entity=tuple(False for _ in picked),
        signature=(),
        shingle_count=0,
        people=((person, 1),),
        places=(place,),
        lead=(place, person),
    )


QUAKES = [
    *(ClusterItem(f"q1-{v}", quake(v, 9001, 8001, 1000)) for v in range(3)),
    *(ClusterItem(f"q2-{v}", quake(v, 9002, 8002, 1100)) for v in range(3)),
]


def test_two_events_of_one_kind_in_two_places_stay_apart():
    """Reports of two quakes share most of their words; each quake's reports name its own
    place and person, and the other's none."""
    assert partition(QUAKES, cluster_batch(QUAKES)) == [
        ["q1-0", "q1-1", "q1-2"],
        ["q2-0", "q2-1", "q2-2"],
    ]
    # on words alone they are one story: the group conflicts separate them
    alone = replace(ClusterSettings(), group_conflict=0.0)
    assert len(cluster_batch(QUAKES, alone)) == 1


@settings(max_examples=20, deadline=None)
@given(st.permutations(QUAKES + ITEMS[:4]), st.lists(st.integers(1, 9), max_size=4))
def test_group_conflicts_keep_batches_equal_to_one_run(shuffled, cuts):
    shuffled = list(shuffled)
    bounds = [0, *sorted(set(cuts)), len(shuffled)]
    batches = [shuffled[a:b] for a, b in itertools.pairwise(bounds) if b > a]
    every = QUAKES + ITEMS[:4]
    assert incremental(batches) == partition(every, cluster_batch(every))


def test_group_evidence_needs_two_groups_of_two():
    """A single report that leaves out the place is no conflict; groups of one carry none."""
    prob = np.array([[1, 0.3, 0.3], [0.3, 1, 0.3], [0.3, 0.3, 1]])
    ev = GroupEvidence([(frozenset({1}),), (frozenset({2}),), (frozenset({3}),)], 0.5)
    assert average_linkage(prob, 0.2, None, ev) == [[0, 1, 2]]
    prob4 = np.full((4, 4), 0.3) + np.diag([0.7] * 4)
    prob4[0, 1] = prob4[1, 0] = prob4[2, 3] = prob4[3, 2] = 0.9
    sets = [(frozenset({1}),), (frozenset({1}),), (frozenset({2}),), (frozenset({2}),)]
    assert average_linkage(prob4, 0.2) == [[0, 1, 2, 3]]
    assert average_linkage(prob4, 0.2, None, GroupEvidence(sets, 0.2)) == [[0, 1], [2, 3]]


# --- embeddings (storydesk.embed): a channel of the pair model, with a fallback ----------


def with_embedding(f: Features, vec) -> Features:
    return replace(f, embedding=tuple(int(v) for v in vec))


def scored(items, model: dict, tmp_path) -> np.ndarray:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model))
    prof = Profiles.of(items)
    df = DocFreq()
    df.add(it.features for it in items)
    prof.weigh(df)
    params = replace(ClusterSettings(), model_file=str(path), use_dates=False)
    return pair_logits(prof, prof, params)


EMB_MODEL = {
    "channels": ["tfidf", "embedding"],
    "coef": [1.0, 2.0],
    "intercept": -1.0,
    "without_embedding": {"channels": ["tfidf"], "coef": [1.0], "intercept": 0.0},
}


def test_pairs_without_an_embedding_are_scored_by_the_fallback_model(tmp_path):
    base = feat("flood", 0)
    items = [
        ClusterItem("x", with_embedding(base, [100, 0, 0])),
        ClusterItem("y", with_embedding(base, [0, 100, 0])),
        ClusterItem("z", base),  # parsed without the model
    ]
    logits = scored(items, EMB_MODEL, tmp_path)
    # x and y: same words (TF-IDF cosine 1), orthogonal embeddings: 1 + 2 * 0 - 1.
    assert logits[0, 1] == pytest.approx(0.0)
    assert logits[0, 0] == pytest.approx(2.0)
    # z has no embedding: the fallback, TF-IDF alone.
    assert logits[0, 2] == pytest.approx(1.0)
    assert logits[2, 2] == pytest.approx(1.0)


def test_a_model_without_the_embedding_channel_ignores_embeddings(tmp_path):
    items = [
        ClusterItem(k, with_embedding(feat("flood", v), vec))
        for k, v, vec in [("x", 0, [100, 0]), ("y", 1, [0, 100])]
    ]
    plain = [ClusterItem(it.key, replace(it.features, embedding=())) for it in items]
    model = {"channels": ["tfidf"], "coef": [1.0], "intercept": 0.0}
    assert np.allclose(scored(items, model, tmp_path), scored(plain, model, tmp_path))


def test_embeddings_of_different_sizes_count_as_none(tmp_path):
    items = [
        ClusterItem("x", with_embedding(feat("flood", 0), [100, 0, 0])),
        ClusterItem("y", with_embedding(feat("flood", 1), [100, 0])),
    ]
    logits = scored(items, EMB_MODEL, tmp_path)
    assert logits[0, 1] == pytest.approx(scored(items[::-1], EMB_MODEL, tmp_path)[0, 1])
    stripped = [ClusterItem(it.key, replace(it.features, embedding=())) for it in items]
    assert logits[0, 1] == pytest.approx(scored(stripped, EMB_MODEL, tmp_path)[0, 1])


def event_vector(event: str, variant: int) -> list[int]:
    base = {"flood": 0, "strike": 1, "election": 2, "quake": 3}[event]
    vec = [5 * ((k * 7 + variant) % 3) for k in range(8)]
    vec[base] = 120
    return vec


# Half the articles carry an embedding (a store parsed partly before the model was installed).
MIXED = [
    ClusterItem(
        it.key,
        with_embedding(it.features, event_vector(*it.key.split("-")[:1], k))
        if k % 2 == 0 and it.key.split("-")[0] in EVENTS
        else it.features,
        it.published,
    )
    for k, it in enumerate(CORPUS)
]


@settings(max_examples=30, deadline=None)
@given(st.permutations(MIXED), st.lists(st.integers(1, len(MIXED) - 1), max_size=6))
def test_batches_give_the_stories_of_one_run_with_embeddings(shuffled, cuts):
    shuffled = list(shuffled)
    bounds = [0, *sorted(set(cuts)), len(shuffled)]
    batches = [shuffled[a:b] for a, b in itertools.pairwise(bounds) if b > a]
    assert incremental(batches) == partition(MIXED, cluster_batch(MIXED))
