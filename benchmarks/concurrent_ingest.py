"""Two ingests into one store at once, against one ingest of everything (DUC 2004).

    python benchmarks/concurrent_ingest.py   # writes benchmarks/results/concurrent_ingest.json

The DUC 2004 documents of the story-clustering set (its first 300 records, 30 topics) are
split in two halves, by position (topics apart) and alternately (each topic in both halves).
Each split is ingested twice in sequence (a then b) and ``--reps`` times by two processes at
once, into a fresh store each time, with the default chunk. Every article is parsed once
first (cached in .cache/) and each process replays the parses, sleeping as long as spaCy
would take at ``--rate`` words a second, so that the processes interleave as real ones do.
Reported: stories, B-cubed F1 against the DUC topics and against the one-ingest partition,
articles stored, errors, and the articles whose near-copy original (the first of its group
stored, through which the group is clustered) is not the one-ingest one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.corpus import content_hash, ingest_articles  # noqa: E402
from storydesk.evaluate.data import dataset_path  # noqa: E402
from storydesk.evaluate.metrics import bcubed  # noqa: E402
from storydesk.pipeline import load  # noqa: E402
from storydesk.settings import Settings  # noqa: E402
from storydesk.store import SqliteStore  # noqa: E402

DOCS = 300


def child(db: str, src: str, cache: str, rate: float) -> None:
    """One ingest process: parses replayed from ``cache``, at ``rate`` words a second."""
    parsed = pickle.loads(Path(cache).read_bytes())

    def analyzer(part):
        time.sleep(sum(len(a.text.split()) for a in part) / rate)
        return [replace(parsed[content_hash(a)], article=a) for a in part]

    waits = []
    with SqliteStore(db, on_wait=lambda: waits.append(1)) as store:
        report = ingest_articles(store, load([src]).articles, Settings(), analyzer=analyzer)
    print(json.dumps({"added": len(report.added), "already": len(report.already_stored),
                      "waits": len(waits)}))  # fmt: skip


def partition(db: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Content hash -> story id, and near-copy -> its original (content hashes)."""
    con = sqlite3.connect(db)
    try:
        stories = con.execute(
            "SELECT a.content_hash, sa.story_id FROM articles a"
            " JOIN story_articles sa ON sa.article_id = a.id"
        )
        originals = con.execute(
            "SELECT c.content_hash, o.content_hash FROM duplicates d"
            " JOIN articles c ON c.id = d.article_id JOIN articles o ON o.id = d.representative_id"
        )
        return dict(stories), dict(originals)
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/concurrent_ingest.json")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache")
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--rate", type=float, default=6000.0, help="spaCy words per second")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        db, src, cache, rate = args.child
        child(db, src, cache, float(rate))
        return
    with (dataset_path("duc-story-clustering") / "articles.jsonl").open() as fh:
        rows = [json.loads(line) for _, line in zip(range(DOCS), fh, strict=False)]
    tmp = Path(tempfile.mkdtemp(prefix="storydesk-concurrent-"))

    def write(name: str, records: list[dict]) -> str:
        path = tmp / name
        path.write_text("".join(json.dumps(r) + "\n" for r in records))
        return str(path)

    everything = write("all.jsonl", rows)
    articles = load([everything]).articles
    topic = {content_hash(a): a.source.split(":")[1].split(".")[0] for a in articles}
    cache = args.cache / f"concurrent-ingest-{DOCS}.pkl"
    if not cache.exists():
        from storydesk.nlp import load_pipeline
        from storydesk.pipeline import analyze

        parsed = {content_hash(a.article): a for a in analyze(articles, load_pipeline())}
        args.cache.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(parsed))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = 0

    def ingest(*sources: str, at_once: bool = False) -> dict:
        nonlocal runs
        runs += 1
        db = tmp / f"run-{runs}.db"
        SqliteStore(db).close()
        command = [sys.executable, __file__, "--child", str(db)]
        procs, reports, errors = [], [], []
        for src in sources:
            procs.append(
                subprocess.Popen(
                    [*command, src, str(cache), str(args.rate)],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=env,
                )
            )
            if not at_once:
                out, err = procs[-1].communicate()
                reports.append(out)
                errors.append(err if procs[-1].returncode else "")
        if at_once:
            for p in procs:
                out, err = p.communicate()
                reports.append(out)
                errors.append(err if p.returncode else "")
        stories, originals = partition(db)
        return {
            "db": db,
            "stories": stories,
            "originals": originals,
            "reports": reports,
            "errors": errors,
        }

    def summary(run: dict, one: dict | None) -> dict:
        keys = sorted(run["stories"])
        out = {
            "stories": len(set(run["stories"].values())),
            "articles_stored": len(keys),
            "bcubed_f1_vs_topics": round(
                bcubed([run["stories"][k] for k in keys], [topic[k] for k in keys]).f1, 3
            ),
            "errors": [e.strip().splitlines()[-1] for e in run["errors"] if e],
            "waits": sum(json.loads(r)["waits"] for r in run["reports"] if r.strip()),
        }
        if one is not None:
            shared = [k for k in keys if k in one["stories"]]
            out["bcubed_f1_vs_one_ingest"] = round(
                bcubed([run["stories"][k] for k in shared], [one["stories"][k] for k in shared]).f1,
                3,
            )
            # A near-copy group is clustered through its original, the one stored first.
            out["near_copies_with_another_original_than_one_ingest"] = sum(
                run["originals"].get(k) != one["originals"].get(k) for k in shared
            )
        return out

    one = ingest(everything)
    result: dict = {
        "benchmark": "two ingests of halves of DUC 2004 into one store, at once and in turn",
        "command": "python benchmarks/concurrent_ingest.py",
        "documents": DOCS,
        "articles": len(articles),
        "chunk": Settings().chunk,
        "parse_rate_words_per_second": args.rate,
        "one_ingest": summary(one, None),
        "splits": {},
        "measured_on": dt.date.today().isoformat(),
    }
    splits = {
        "by_position": (rows[: DOCS // 2], rows[DOCS // 2 :]),
        "alternate": (rows[0::2], rows[1::2]),
    }
    for name, (a, b) in splits.items():
        fa, fb = write(f"{name}-a.jsonl", a), write(f"{name}-b.jsonl", b)
        result["splits"][name] = {
            "in_turn": summary(ingest(fa, fb), one),
            "at_once": [summary(ingest(fa, fb, at_once=True), one) for _ in range(args.reps)],
        }
        print(name, json.dumps(result["splits"][name]), file=sys.stderr, flush=True)
    shutil.rmtree(tmp)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
