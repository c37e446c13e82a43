"""Ingest's search index kept in the store: a run reads the stored articles its new ones
need, not the whole store, and places them as an index of every stored article would."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from storycorpus import corpus_rows, write_jsonl

from storydesk import model
from storydesk.cluster import ArticleIndex, ClusterItem, stories_in_batches
from storydesk.corpus import content_hash, ingest_articles
from storydesk.neighbours import keys_of
from storydesk.pipeline import analyze, load
from storydesk.settings import Settings
from storydesk.store import SqliteStore, StoredRow

ROWS = corpus_rows()


class Counting(SqliteStore):
    """A store that counts the stored articles whose features it decodes."""

    loaded = 0

    def stored_after(self, seq: int) -> list[StoredRow]:
        rows = super().stored_after(seq)
        Counting.loaded += len(rows)
        return rows

    def stored_rows(self, *, hashes=(), ids=()) -> list[StoredRow]:
        rows = super().stored_rows(hashes=hashes, ids=ids)
        Counting.loaded += len(rows)
        return rows


def test_a_run_reads_only_the_stored_articles_its_articles_need(tmp_path: Path, nlp) -> None:
    # every event but the last first, then one report of the last: it shares no key word
    # with the stored events, so none of their articles is read
    events = sorted({r["id"].split("-")[0] for r in ROWS})
    last = [r for r in ROWS if r["id"].startswith(events[-1])]
    first = [r for r in ROWS if not r["id"].startswith(events[-1])]
    articles = load([str(write_jsonl(tmp_path / "a.jsonl", first))]).articles
    parsed = {a.article.id: a for a in analyze(articles, nlp)}
    new = load([str(write_jsonl(tmp_path / "b.jsonl", last[:1]))]).articles
    parsed.update({a.article.id: a for a in analyze(new, nlp)})

    def lookup(part):
        return [parsed[a.id] for a in part]

    # the bounded add of a store above whole_store_below (a smaller one is read whole)
    settings = Settings()
    settings = replace(settings, cluster=replace(settings.cluster, whole_store_below=0))
    db = tmp_path / "s.db"
    with Counting(db) as store:
        ingest_articles(store, articles, settings, analyzer=lookup)
        stored = len(store.story_map())
        Counting.loaded = 0
        report = ingest_articles(store, new, settings, analyzer=lookup)
        assert len(report.added) == 1
        assert Counting.loaded <= 1, f"read {Counting.loaded} of {stored} stored articles"
        (story,) = store.story_of(report.added)
        assert story not in {store.story_map()[a.id] for a in articles}


def test_stories_through_the_store_are_those_of_an_index_holding_everything(
    tmp_path: Path, nlp
) -> None:
    """Three ingests in chunks of four, against an in-memory index given every article
    in the same chunks (what ingest did before the store kept the index): the same
    stories, and the same keys searched by each article."""
    articles = load([str(write_jsonl(tmp_path / "a.jsonl", ROWS))]).articles
    parsed = {a.article.id: a for a in analyze(articles, nlp)}

    def lookup(part):
        return [parsed[a.id] for a in part]

    db = tmp_path / "s.db"
    with SqliteStore(db) as store:
        for k in range(3):
            ingest_articles(store, articles[k::3], Settings(chunk=4), analyzer=lookup)
        got = store.story_map()
        copies = store.representatives()
        searched = store.probes_of([content_hash(a) for a in articles])
    far = dt.date.max
    batches = []
    for k in range(3):
        ordered = sorted(articles[k::3], key=lambda a: (a.published or far, content_hash(a)))
        for start in range(0, len(ordered), 4):
            batches.append(
                [
                    ClusterItem(content_hash(a), parsed[a.id].features, a.published)  # type: ignore[arg-type]
                    for a in ordered[start : start + 4]
                    if a.id not in copies and parsed[a.id].features is not None
                ]
            )
    index = ArticleIndex()
    held = stories_in_batches(batches, Settings().cluster, index)
    # each article searches the keys the index fixed when it placed its chunk
    assert searched == {h: index._search.probes[index.position[h]] for h in held}
    key = {content_hash(a): a.id for a in articles}
    expected = {frozenset(key[h] for h in held if held[h] == n) for n in held.values()}
    originals = [a for a in got if a not in copies]
    partition = {frozenset(a for a in originals if got[a] == got[b]) for b in originals}
    assert partition == expected
    assert len(expected) > 3


def test_features_of_another_version_are_computed_again_from_the_text(
    tmp_path: Path, nlp, monkeypatch
) -> None:
    """Features stored by older code (here: each article holding another's) are never
    compared with a later version's: the next ingest computes them again from the stored
    text and indexes the store afresh (the keys each article is searched by are its own)."""
    articles = load([str(write_jsonl(tmp_path / "a.jsonl", ROWS))]).articles
    parsed = {a.article.id: a for a in analyze(articles, nlp)}
    first, later = articles[:-3], articles[-3:]
    ids = [a.id for a in first]
    # the old code's features: wrong, and stamped with the version of their day
    old = {
        i: replace(parsed[i], features=parsed[j].features)
        for i, j in zip(ids, ids[1:] + ids[:1], strict=True)
    }

    def lookup(part):
        return [parsed[a.id] for a in part]

    with SqliteStore(tmp_path / "s.db") as store:
        ingest_articles(store, first, Settings(), analyzer=lambda part: [old[a.id] for a in part])
        assert store.missing_features() == []
        monkeypatch.setattr(model, "FEATURES_VERSION", model.FEATURES_VERSION + 1)
        assert sorted(a.id for a in store.missing_features()) == sorted(ids)
        ingest_articles(store, later, Settings(), analyzer=lookup)
        assert store.missing_features() == []
        stored = {r.id: r.features for r in store.stored_rows(ids=ids)}
        searched = store.probes_of([content_hash(a) for a in first])
    assert stored == {i: parsed[i].features for i in ids}
    assert len(searched) > len(first) // 2
    for a in first:
        own = set(keys_of(parsed[a.id].features))  # type: ignore[arg-type]
        assert set(searched.get(content_hash(a), ())) <= own, a.id


class Searching(SqliteStore):
    """A store that counts the searches of its index."""

    searches = 0

    def keyed(self, keys, lo, hi, probes=False) -> set[str]:  # type: ignore[no-untyped-def]
        Searching.searches += 1
        return super().keyed(keys, lo, hi, probes)


def test_a_stored_article_reached_again_reads_its_pairs_and_is_not_searched(
    tmp_path: Path, nlp
) -> None:
    """Each placed article's strong pairs are kept (each way, itself included), so a later
    ingest that changes a stored story searches for its new articles only (two searches
    each: the keys it searches, the searchers of the keys it holds)."""
    articles = load([str(write_jsonl(tmp_path / "a.jsonl", ROWS))]).articles
    parsed = {a.article.id: a for a in analyze(articles, nlp)}

    def lookup(part):
        return [parsed[a.id] for a in part]

    # the bounded add of a store above whole_store_below (a smaller one is read whole)
    bounded = Settings(chunk=4)
    bounded = replace(bounded, cluster=replace(bounded.cluster, whole_store_below=0))
    joined = 0
    with Searching(tmp_path / "s.db") as store:
        for k in range(3):
            before = store.story_map()
            Searching.searches = 0
            report = ingest_articles(store, articles[k::3], bounded, analyzer=lookup)
            copies = store.representatives()
            placed = [a for a in report.added if a not in copies]
            assert Searching.searches == 2 * len(placed)
            after = store.story_map()
            joined += sum(1 for a in placed if after[a] in before.values())
        hashes = [content_hash(a) for a in articles]
        pairs = store.pairs_of(hashes)
    assert joined > 0  # stored stories were clustered again with new articles
    clustered = [h for a, h in zip(articles, hashes, strict=True) if a.id not in copies]
    assert all(h in pairs[h] for h in clustered)
    assert all(a in pairs[b] for a in pairs for b in pairs[a])
