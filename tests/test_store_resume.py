"""An ingest that is stopped and resumed, or split over several runs, ends where one
uninterrupted ingest does: the same stories and the same near-copy links."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from storycorpus import EVENTS, corpus_rows, write_jsonl

from storydesk import api
from storydesk.corpus import content_hash, ingest_articles
from storydesk.model import AnalyzedArticle, Article
from storydesk.pipeline import analyze, load
from storydesk.settings import Settings
from storydesk.store import SqliteStore

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 3


class Killed(Exception):
    """Stands for a kill: the ingest stops where it is, nothing is cleaned up."""


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> list[Article]:
    path = write_jsonl(tmp_path_factory.mktemp("corpus") / "all.jsonl", corpus_rows())
    return load([str(path)]).articles


@pytest.fixture(scope="module")
def parsed(nlp, articles) -> dict[str, AnalyzedArticle]:
    """Each article parsed once, by content hash: the runs below differ only in the store."""
    return {content_hash(a.article): a for a in analyze(articles, nlp)}


def lookup(parsed: dict[str, AnalyzedArticle], stop_before: int | None = None):
    """An analyzer that returns the parses made once, and is killed before chunk
    ``stop_before`` (counted from 0) when given."""
    calls = [0]

    def analyzer(part):
        if stop_before is not None and calls[0] == stop_before:
            raise Killed
        calls[0] += 1
        out = []
        for a in part:
            done = parsed[content_hash(a)]
            assert done.article.id == a.id
            out.append(replace(done, article=a))
        return out

    return analyzer


def snapshot(db: Path) -> dict:
    """What a store says about stories and copies, in a comparable form."""
    con = sqlite3.connect(db)
    try:
        return {
            "stories": con.execute(
                "SELECT s.id, s.title, COUNT(*) FROM stories s JOIN story_articles sa"
                " ON sa.story_id = s.id GROUP BY s.id ORDER BY s.id"
            ).fetchall(),
            "members": con.execute(
                "SELECT article_id, story_id FROM story_articles ORDER BY article_id"
            ).fetchall(),
            "copies": con.execute(
                "SELECT article_id, representative_id FROM duplicates ORDER BY article_id"
            ).fetchall(),
            "articles": con.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
        }
    finally:
        con.close()


def ingest(db: Path, articles, parsed, stop_before: int | None = None) -> None:
    with SqliteStore(db) as store:
        ingest_articles(
            store, articles, Settings(chunk=CHUNK), analyzer=lookup(parsed, stop_before)
        )


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory, articles, parsed) -> dict:
    db = tmp_path_factory.mktemp("whole") / "whole.db"
    ingest(db, articles, parsed)
    return snapshot(db)


def test_the_corpus_has_stories_and_copies_across_chunks(uninterrupted):
    assert len(uninterrupted["stories"]) == 6
    assert len(uninterrupted["copies"]) == 12
    assert uninterrupted["articles"] == 30


def test_a_copy_of_an_article_stored_by_an_earlier_ingest_is_found(
    tmp_path: Path, articles, parsed, uninterrupted
):
    reports = [a for a in articles if "-copy-" not in a.id]
    copies = [a for a in articles if "-copy-" in a.id]
    db = tmp_path / "s.db"
    ingest(db, reports, parsed)
    ingest(db, copies, parsed)
    assert snapshot(db)["copies"] == uninterrupted["copies"]


@pytest.mark.parametrize("chunks_done", [1, 3, 5, 7, 9])
def test_killed_after_some_chunks_and_resumed_ends_as_an_uninterrupted_run(
    tmp_path: Path, articles, parsed, uninterrupted, chunks_done: int
):
    db = tmp_path / "s.db"
    with pytest.raises(Killed):
        ingest(db, articles, parsed, stop_before=chunks_done)
    assert snapshot(db)["articles"] == chunks_done * CHUNK
    ingest(db, articles, parsed)
    assert snapshot(db) == uninterrupted


def test_killed_five_times_and_resumed_ends_as_an_uninterrupted_run(
    tmp_path: Path, articles, parsed, uninterrupted
):
    db = tmp_path / "s.db"
    for stop in (1, 1, 2, 1, 2):  # a resumed run is killed again after ``stop`` chunks
        with pytest.raises(Killed):
            ingest(db, articles, parsed, stop_before=stop)
    assert snapshot(db)["articles"] == 7 * CHUNK
    ingest(db, articles, parsed)
    assert snapshot(db) == uninterrupted


@pytest.mark.slow
def test_sigkill_of_the_cli_and_resume_ends_as_an_uninterrupted_run(tmp_path: Path):
    src = write_jsonl(tmp_path / "all.jsonl", corpus_rows())
    settings = Settings(chunk=CHUNK)
    whole = tmp_path / "whole.db"
    api.ingest_paths(whole, [str(src)], settings)
    db = tmp_path / "killed.db"
    command = ["ingest", str(src), "--db", str(db), "--chunk", str(CHUNK)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "storydesk", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored = snapshot(db)["articles"]
            except sqlite3.OperationalError:  # not created yet, or busy
                stored = 0
            if stored >= 2 * CHUNK:
                break
        time.sleep(0.01)
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = snapshot(db)["articles"]
    assert 0 < killed_at < 30 and killed_at % CHUNK == 0
    api.ingest_paths(db, [str(src)], settings)
    assert snapshot(db) == snapshot(whole)


def test_copies_weigh_no_more_in_a_resumed_run_than_in_an_uninterrupted_one(nlp, tmp_path: Path):
    # A story of two reports, eight wire copies of the first, then a report close to the
    # second only. Clustering counts a group of copies as one report; so must the stories a
    # resumed run loads from the store, or the copies drag the story away from the newcomer.
    _, _, s = EVENTS[0]
    r1, r2 = " ".join([s[0], s[1], s[2], s[3]]), " ".join([s[0], s[5], s[6], s[7]])
    later = (
        "The marine accident board opened its inquiry on Wednesday. Westsound Ferries said its"
        " crossings would resume next week. Passengers who praised the lifeboat crews were"
        " invited to give evidence to the board."
    )
    day = dt.date(2031, 3, 2)
    rows = [("r1", r1, day), ("r2", r2, day)]
    rows += [(f"c{k}", f"{r1} Filed by wire desk {k}.", day + dt.timedelta(1)) for k in range(8)]
    rows.append(("n", later, day + dt.timedelta(2)))
    articles = [Article(id=i, source=i, text=t, published=d) for i, t, d in rows]
    parsed = {content_hash(a.article): a for a in analyze(articles, nlp)}
    whole, resumed = tmp_path / "whole.db", tmp_path / "resumed.db"
    with SqliteStore(whole) as store:
        ingest_articles(store, articles, Settings(chunk=2), analyzer=lookup(parsed))
    with SqliteStore(resumed) as store, pytest.raises(Killed):
        ingest_articles(store, articles, Settings(chunk=2), analyzer=lookup(parsed, 5))
    with SqliteStore(resumed) as store:
        ingest_articles(store, articles, Settings(chunk=2), analyzer=lookup(parsed))
    assert len(snapshot(whole)["copies"]) == 8
    # r1 and r2 share one sentence of four: the clusterer may keep them apart, but the
    # newcomer goes with r2, the report it is close to, however many copies r1 has
    story = dict(snapshot(whole)["members"])
    assert story["n"] == story["r2"]
    assert snapshot(resumed) == snapshot(whole)


def groups_of(snap: dict) -> list[list[str]]:
    """The stories of a snapshot as sets of article ids (story ids may differ)."""
    out: dict[str, list[str]] = {}
    for aid, sid in snap["members"]:
        out.setdefault(sid, []).append(aid)
    return sorted(sorted(g) for g in out.values())


@pytest.mark.parametrize("step", [2, 3])
def test_ingests_in_batches_give_the_stories_of_one_ingest(
    tmp_path: Path, articles, parsed, uninterrupted, step
):
    # every step-th article per ingest: each batch holds part of every event
    db = tmp_path / "batches.db"
    for k in range(step):
        ingest(db, articles[k::step], parsed)
    assert groups_of(snapshot(db)) == groups_of(uninterrupted)


# Two fires of one kind in one range of hills, a fortnight apart: the words of the hills
# and of fighting a fire are in every report, each fire has its own village and crews.
HILL_FIRES = {
    "fire-north": (
        "2031-07-02",
        [
            "A wildfire swept through the Ormsby hills above the village of Tarrow on Tuesday.",
            "Crews from the Tarrow fire station cut a firebreak along the old quarry road.",
            "Forty homes in Tarrow were evacuated as smoke covered the Ormsby hills.",
            "Two helicopters scooped water from Tarrow reservoir to douse the ridge.",
            "Fire chief Aldous Penmarch said the Tarrow blaze was started by a spark from a mower.",
            "The wildfire burned eleven hundred acres of gorse and pine in the Ormsby hills.",
        ],
    ),
    "fire-south": (
        "2031-07-16",
        [
            "A wildfire broke out in the Ormsby hills near the hamlet of Breck on Wednesday.",
            "Volunteers from the Breck brigade dug trenches around the chapel and the mill.",
            "Smoke from the Ormsby hills fire drifted over Breck market for two days.",
            "Water bombers from Keldon airfield flew through the night over the southern slopes.",
            "Brigade captain Wenna Holloway said a campfire left by walkers started the Breck blaze.",
            "The fire near Breck destroyed two barns and six hundred acres of heath.",
        ],
    ),
}


def hill_fire_rows() -> list[dict]:
    rows = []
    for name, (date, sentences) in HILL_FIRES.items():
        for k in range(3):
            picked = [sentences[0], *(sentences[1 + (k + i) % 5] for i in range(3))]
            rows.append(
                {"id": f"{name}-{k}", "title": f"{name} report {k}", "published": date,
                 "text": " ".join(picked)}
            )  # fmt: skip
    return rows


def stories_of_ingests(tmp_path: Path, settings: Settings) -> tuple[list, list]:
    """The stories of one ingest of three files, and of three ingests of one file each,
    the first holding only the two fires."""
    tmp_path.mkdir()
    rows = corpus_rows()
    parts = [hill_fire_rows(), rows[: len(rows) // 2], rows[len(rows) // 2 :]]
    files = [str(write_jsonl(tmp_path / f"part{k}.jsonl", part)) for k, part in enumerate(parts)]
    one, three = tmp_path / "one.db", tmp_path / "three.db"
    api.ingest_paths(one, files, settings)
    for f in files:
        api.ingest_paths(three, [f], settings)
    return groups_of(snapshot(one)), groups_of(snapshot(three))


def test_three_ingests_give_the_stories_of_one_run(tmp_path: Path):
    """The CLI's path (files read, cleaned, dated, parsed, stored). Alone in the store, the
    two fires' shared words are in every article and weigh little: the fires stay apart.
    Among the other stories those words are rare, and one run joins the fires. A store
    this small is clustered whole at each ingest, so three ingests give the run's stories;
    the bounded add alone (whole_store_below=0) kept the first ingest's."""
    one, three = stories_of_ingests(tmp_path / "whole", Settings())
    assert three == one
    fires = [g for g in one if any(k.startswith("fire-") for k in g)]
    assert len(fires) == 1
    settings = Settings()
    bounded = replace(settings, cluster=replace(settings.cluster, whole_store_below=0))
    one, three = stories_of_ingests(tmp_path / "bounded", bounded)
    assert three != one
