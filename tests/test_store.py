from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storydesk import api
from storydesk.errors import StoreError
from storydesk.store import SCHEMA_VERSION, SqliteStore

GOLDEN_INPUT = Path(__file__).parent / "golden" / "input"
TOWNS = ["Harl", "Mossby", "Quenby", "Tarrow", "Wexley", "Ormsby", "Pellam", "Dunmere"]
TOPICS = [
    (
        "bridge",
        "The {town} bridge reopened on {day} after two years of repairs, the council said. "
        "Engineers replaced the steel deck and the old stone piers were strengthened. "
        "Traffic on the ring road is expected to ease, officials in {town} said.",
    ),
    (
        "fire",
        "A fire destroyed a warehouse in {town} on {day}, the fire service said. "
        "Forty firefighters fought the blaze through the night and nobody was hurt. "
        "Police in {town} said the cause of the fire was not yet known.",
    ),
    (
        "school",
        "A new school opened in {town} on {day} with places for 600 pupils. "
        "The head teacher said the building had been finished on time and on budget. "
        "Parents in {town} had campaigned for the school for a decade.",
    ),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def corpus(path: Path, n: int = 40) -> Path:
    rows = []
    for k in range(n):
        topic, text = TOPICS[k % 3]
        town = TOWNS[(k // 3) % len(TOWNS)]
        rows.append(
            {
                "id": f"{topic}-{k:02d}",
                "title": f"{town} {topic} news {k}",
                "text": text.format(town=town, day=DAYS[k % 5]) + f" Report number {k}.",
            }
        )
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    out = {
        t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("articles", "analyses", "features", "story_articles")
    }
    con.close()
    return out


def test_new_store_is_wal_and_current(tmp_path: Path):
    with SqliteStore(tmp_path / "s.db") as store:
        assert store.version == SCHEMA_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.integrity() == "ok"


def test_newer_schema_is_refused(tmp_path: Path):
    con = sqlite3.connect(tmp_path / "s.db")
    con.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError, match="newer than this storydesk"):
        SqliteStore(tmp_path / "s.db")


def test_reingest_changes_nothing(tmp_path: Path):
    db = tmp_path / "s.db"
    first = api.ingest_paths(db, [str(GOLDEN_INPUT)])
    assert len(first.added) == 3 and len(first.rejected) == 1
    before = counts(db)
    dump_before = list(sqlite3.connect(db).iterdump())
    second = api.ingest_paths(db, [str(GOLDEN_INPUT)])
    assert second.added == [] and len(second.already_stored) == 3
    assert counts(db) == before
    assert list(sqlite3.connect(db).iterdump()) == dump_before


def test_kill_mid_ingest_leaves_a_consistent_store_and_resume_completes(tmp_path: Path):
    db = tmp_path / "s.db"
    src = corpus(tmp_path / "many.jsonl", 40)
    proc = subprocess.Popen(
        [sys.executable, "-m", "storydesk", "ingest", str(src), "--db", str(db), "--chunk", "4"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored = counts(db)["articles"]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 4:
                break
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    c = counts(db)
    assert 4 <= c["articles"] < 40
    assert c["articles"] % 4 == 0, "a batch is written whole or not at all"
    assert c["articles"] == c["analyses"] == c["features"] == c["story_articles"]
    with SqliteStore(db) as store:
        assert store.integrity() == "ok"
    report = api.ingest_paths(db, [str(src)])
    assert len(report.already_stored) == c["articles"]
    assert len(report.added) == 40 - c["articles"]
    final = counts(db)
    assert final["articles"] == final["story_articles"] == 40


def test_migration_from_schema_1_keeps_data_and_backfills(tmp_path: Path):
    db = tmp_path / "old.db"
    with SqliteStore(db, upto=1) as old:
        assert old.version == 1
        old.db.execute(
            "INSERT INTO articles VALUES ('a1', 'h1', 'a.txt', 'Harl bridge reopens',"
            " NULL, NULL, '2031-04-12', 'The Harl bridge reopened on Monday after two "
            "years of repairs, the council said.', 1)"
        )
        old.db.execute(
            "INSERT INTO analyses VALUES ('a1', '[[0, 84, 0, 15, [\"harl\"], [\"the\"], false]]')"
        )
        old.db.execute("INSERT INTO stories VALUES ('harl-bridge', 'Harl bridge reopens', 1)")
        old.db.execute("INSERT INTO story_articles VALUES ('a1', 'harl-bridge')")
    with SqliteStore(db) as store:
        assert store.version == SCHEMA_VERSION
        assert [a.id for a in store.missing_features()] == ["a1"]
        assert [s.id for s in store.stories()] == ["harl-bridge"]
    line = json.dumps(
        {
            "id": "b1",
            "title": "Harl bridge traffic eases",
            "published": "2031-04-13",
            "text": "Traffic eased on Tuesday after the Harl bridge reopened following "
            "two years of repairs, the council said.",
        }
    )
    (tmp_path / "new.jsonl").write_text(line + "\n")
    api.ingest_paths(db, [str(tmp_path / "new.jsonl")])
    with SqliteStore(db) as store:
        assert store.missing_features() == []
        assert store.story_of(["a1"]) == {"harl-bridge"}


def test_a_cut_off_article_is_stored_as_truncated(tmp_path: Path):
    rows = [
        {
            "id": "whole",
            "title": "Harl bridge reopens",
            "text": "The Harl bridge reopened on Monday, the council said. Traffic eased.",
        },
        {
            "id": "cut",
            "title": "Mossby warehouse fire",
            "text": "A fire destroyed a warehouse in Mossby on Monday, the fire service said. "
            "Police said the owner of the building had told them that the alarm",
        },
    ]
    src = tmp_path / "feed.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    db = tmp_path / "s.db"
    api.ingest_paths(db, [str(src)])
    con = sqlite3.connect(db)
    stored = dict(con.execute("SELECT source, truncated FROM articles").fetchall())
    texts = [t for (t,) in con.execute("SELECT text FROM articles")]
    con.close()
    assert stored == {"whole": 0, "cut": 1}
    assert not any("the alarm" in t for t in texts)
    with SqliteStore(db) as store:
        got = {
            item.article.source: item.article.truncated
            for row in store.stories()
            for item in store.story_articles(row.id)
        }
    assert got == {"whole": False, "cut": True}
