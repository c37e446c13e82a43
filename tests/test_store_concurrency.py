"""Several ingests into one store at once: no error, each article stored once, and the same
stories and near-copy groups as one ingest of everything."""

from __future__ import annotations

import itertools
import os
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from storycorpus import corpus_rows, write_jsonl
from typer.testing import CliRunner

from storydesk import api, cli
from storydesk.corpus import IngestReport, content_hash, ingest_articles
from storydesk.errors import StoreBusyError
from storydesk.model import AnalyzedArticle, Article
from storydesk.pipeline import analyze, load
from storydesk.settings import Settings
from storydesk.store import SqliteStore
from storydesk.store import sqlite as sqlite_store
from storydesk.threads import link as link_threads

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 2
# Seconds each chunk's analysis takes in the threaded test: longer than SQLite's longest
# busy-handler sleep (100 ms), so that the other ingest takes the write lock while one
# analyses, even when a loaded machine makes each write slow (0.02 let one ingest store all
# its chunks first under `pytest -n 2`).
PAUSE = 0.15
ROWS = corpus_rows()
# Two records that share an id but not a text: the second to be stored must get a new id.
NOTES = [
    {
        "id": "desk-note",
        "published": "2032-02-14",
        "title": f"Comet note {k}",
        "text": f"Astronomers at the Kelderwyn observatory {verb} a bright comet on Saturday."
        " The comet will be visible to the naked eye from the Kelderwyn hills next week.",
    }
    for k, verb in enumerate(["photographed", "tracked"])
]


def inputs(kind: str) -> list[list[dict]]:
    """The records each process ingests."""
    if kind == "two overlapping":
        return [ROWS[0:20] + NOTES[:1], ROWS[10:30] + NOTES[1:]]
    if kind == "two disjoint":
        return [ROWS[0::2], ROWS[1::2]]
    if kind == "four overlapping":
        doubled = ROWS + ROWS
        return [doubled[7 * k : 7 * k + 14] for k in range(4)]
    assert kind == "four disjoint"
    return [ROWS[k::4] for k in range(4)]


def union(parts: list[list[dict]]) -> list[dict]:
    seen: dict[str, dict] = {}
    for part in parts:
        for r in part:
            seen.setdefault(r["text"], r)
    return list(seen.values())


def contents(db: Path) -> dict:
    """Stories and near-copy groups as sets of content hashes: ids may differ with the order
    in which processes stored the articles, the grouping may not."""
    con = sqlite3.connect(db)
    try:
        hashes = [h for (h,) in con.execute("SELECT content_hash FROM articles")]
        stories: dict[str, set[str]] = {}
        for sid, h in con.execute(
            "SELECT sa.story_id, a.content_hash FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id"
        ):
            stories.setdefault(sid, set()).add(h)
        groups: dict[str, set[str]] = {}
        for copy, original in con.execute(
            "SELECT c.content_hash, o.content_hash FROM duplicates d"
            " JOIN articles c ON c.id = d.article_id JOIN articles o ON o.id = d.representative_id"
        ):
            groups.setdefault(original, {original}).add(copy)
        return {
            "articles": sorted(hashes),
            "stories": {frozenset(s) for s in stories.values()},
            "copies": {frozenset(g) for g in groups.values()},
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def parsed(nlp, tmp_path_factory) -> dict[str, AnalyzedArticle]:
    path = write_jsonl(tmp_path_factory.mktemp("all") / "all.jsonl", ROWS + NOTES)
    return {content_hash(a.article): a for a in analyze(load([str(path)]).articles, nlp)}


def lookup(parsed: dict[str, AnalyzedArticle], nlp, pause: float = 0.0):
    """Parses made once (an article renamed on the way is parsed again), taking ``pause``
    seconds a chunk, as a parse would, so that the ingests interleave."""

    def analyzer(part: list[Article]) -> list[AnalyzedArticle]:
        time.sleep(pause)
        out = []
        for a in part:
            done = parsed[content_hash(a)]
            out.append(
                replace(done, article=a) if done.article.id == a.id else next(analyze([a], nlp))
            )
        return out

    return analyzer


def articles_of(tmp: Path, name: str, rows: list[dict]) -> list[Article]:
    return load([str(write_jsonl(tmp / f"{name}.jsonl", rows))]).articles


def one_ingest(tmp: Path, parts: list[list[dict]], parsed, nlp) -> dict:
    db = tmp / "one.db"
    # one ingest of all the files, as `storydesk ingest a.jsonl b.jsonl ...` reads them
    paths = [str(write_jsonl(tmp / f"one-{k}.jsonl", rows)) for k, rows in enumerate(parts)]
    with SqliteStore(db) as store:
        ingest_articles(
            store, load(paths).articles, Settings(chunk=CHUNK), analyzer=lookup(parsed, nlp)
        )
    return contents(db)


@pytest.mark.parametrize(
    "kind", ["two overlapping", "two disjoint", "four overlapping", "four disjoint"]
)
def test_concurrent_ingests_store_each_article_once_in_the_stories_of_one_ingest(
    tmp_path: Path, parsed, nlp, kind: str
):
    parts = inputs(kind)
    mine = [articles_of(tmp_path, f"in-{k}", rows) for k, rows in enumerate(parts)]
    db = tmp_path / "shared.db"
    SqliteStore(db).close()  # (opening a new store at once is tested below)
    start = threading.Barrier(len(parts))
    results: list[IngestReport | BaseException | None] = [None] * len(parts)

    def work(k: int) -> None:
        try:
            start.wait()
            with SqliteStore(db) as store:
                results[k] = ingest_articles(
                    store, mine[k], Settings(chunk=CHUNK), analyzer=lookup(parsed, nlp, PAUSE)
                )
        except BaseException as exc:  # reported below with the others
            results[k] = exc

    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(parts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    errors = [r for r in results if not isinstance(r, IngestReport)]
    assert not errors, errors
    reports = [r for r in results if isinstance(r, IngestReport)]
    for report, own in zip(reports, mine, strict=True):
        assert len(report.added) + len(report.already_stored) == len(own)
    # the ingests did run at once: their chunks were stored interleaved
    owner = {aid: k for k, r in enumerate(reports) for aid in r.added}
    con = sqlite3.connect(db)
    order = [owner[aid] for (aid,) in con.execute("SELECT id FROM articles ORDER BY seq")]
    con.close()
    assert sum(a != b for a, b in itertools.pairwise(order)) >= 2, order
    expected = one_ingest(tmp_path, parts, parsed, nlp)
    got = contents(db)
    assert sum(len(r.added) for r in reports) == len(union(parts)) == len(got["articles"])
    assert got == expected
    if kind == "two overlapping":  # both notes are kept, the second under a new id
        con = sqlite3.connect(db)
        notes = [i for (i,) in con.execute("SELECT id FROM articles WHERE id LIKE 'desk-note%'")]
        con.close()
        assert len(notes) == 2 and "desk-note" in notes


def test_four_processes_opening_a_new_store_at_once_all_find_it_ready(tmp_path: Path):
    errors: list[BaseException] = []
    for round_ in range(8):  # a race: several rounds to meet it
        db = tmp_path / f"new-{round_}.db"
        start = threading.Barrier(4)

        def work(db: Path = db, start: threading.Barrier = start) -> None:
            try:
                start.wait()
                with SqliteStore(db) as store:
                    assert store.version == SqliteStore(":memory:").version
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors


def test_a_writer_waits_for_another_and_says_so(tmp_path: Path, parsed, nlp, monkeypatch):
    db = tmp_path / "s.db"
    SqliteStore(db).close()
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process in its corpus stage
    waited = threading.Event()
    monkeypatch.setattr(cli, "_waiting", _releasing(cli._waiting, waited))
    monkeypatch.setattr(sqlite_store, "WAIT_MS", 60_000)  # fail in a minute, not ten

    def release() -> None:
        waited.wait(60)
        holder.execute("COMMIT")

    releaser = threading.Thread(target=release)
    releaser.start()
    src = write_jsonl(tmp_path / "a.jsonl", ROWS[:4])
    result = CliRunner().invoke(cli.app, ["ingest", str(src), "--db", str(db)])
    releaser.join()
    holder.close()
    assert waited.is_set()
    assert result.exit_code == 0, result.output
    assert "waiting for another ingest to finish writing to" in result.output
    assert "added 4 articles" in result.output


def test_a_writer_gives_up_with_a_coded_error_when_the_lock_is_never_released(
    tmp_path: Path, monkeypatch
):
    db = tmp_path / "s.db"
    SqliteStore(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(sqlite_store, "FIRST_WAIT_MS", 20)
    monkeypatch.setattr(sqlite_store, "WAIT_MS", 200)
    waits: list[bool] = []
    try:
        with (
            SqliteStore(db, on_wait=lambda: waits.append(True)) as store,
            pytest.raises(StoreBusyError, match="stayed locked by another process"),
        ):
            store.set_titles({"a-story": "A title"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert waits == [True]


def _releasing(make, event: threading.Event):
    def wrapped(db):
        say = make(db)

        def both() -> None:
            say()
            event.set()

        return both

    return wrapped


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["two overlapping", "four overlapping"])
def test_concurrent_cli_ingests(tmp_path: Path, kind: str):
    parts = inputs(kind)
    files = [write_jsonl(tmp_path / f"in-{k}.jsonl", rows) for k, rows in enumerate(parts)]
    db = tmp_path / "shared.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    chunked = ["--chunk", str(CHUNK)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "storydesk", "ingest", str(f), "--db", str(db), *chunked],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            env=env,
        )
        for f in files
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    for p, (_, stderr) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, stderr
        assert "Traceback" not in stderr
    one = tmp_path / "one.db"
    api.ingest_paths(one, [str(f) for f in files], Settings(chunk=CHUNK))
    assert contents(db) == contents(one)
    assert len(contents(db)["articles"]) == len(union(parts))


def test_threads_are_linked_while_no_other_ingest_can_drop_a_story(
    tmp_path: Path, parsed, nlp, monkeypatch
):
    """Another ingest that empties a story (its articles moved) between threading's read of
    the stories and its write must wait: the links would name a story gone (FOREIGN KEY)."""
    db = tmp_path / "s.db"
    with SqliteStore(db) as store:
        ingest_articles(
            store, articles_of(tmp_path, "a", ROWS[:12]), Settings(), analyzer=lookup(parsed, nlp)
        )
        stories = {}
        for aid, sid in store.story_map().items():
            stories.setdefault(sid, []).append(aid)
    assert len(stories) >= 2
    small, *rest = sorted(stories, key=lambda s: (len(stories[s]), s))
    moves = dict.fromkeys(stories[small], rest[0])
    monkeypatch.setattr(sqlite_store, "FIRST_WAIT_MS", 20)
    monkeypatch.setattr(sqlite_store, "WAIT_MS", 200)
    other: list[str] = []

    class Interleaved(SqliteStore):
        def story_order(self):
            rows = super().story_order()
            if not other:  # the other ingest's corpus stage, once
                try:
                    with SqliteStore(db) as them:
                        them.reassign(moves, {})
                    other.append("moved")
                except StoreBusyError:
                    other.append("waited")
            return rows

    with Interleaved(db) as store:
        link_threads(store)
        links = store.thread_links()
    assert other == ["waited"]
    assert set(links) == set(stories)
