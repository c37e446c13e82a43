"""Stories on the real ingest path: one run against ingests in batches (issue 15).

    python benchmarks/ingest_batches.py [--topics N --seed S] [--json OUT]

`storydesk eval cluster --batches` adds parsed features to an in-memory index; the CLI goes
files -> reading -> cleaning -> dating -> parse -> store -> cluster, in chunks of
``Settings.chunk`` articles, near-copies first recognised, articles placed in date order, the
stored articles searched and loaded from SQLite. This script takes that path. The ECB+ event
set (../shared/datasets/ecbplus-events; all 43 topics or a seeded sample of them) is written
as a page store would give it, one JSON Lines record per file (title, url and date where the
set has them; the text whole or cut at ``--cut`` bytes, at a character boundary), and each
variant is ingested into a fresh SQLite store with the library calls `storydesk run` and
`storydesk ingest` make (:func:`storydesk.pipeline.load` then
:func:`storydesk.corpus.ingest_articles`; titling and briefing, which do not move articles
between stories, are left out):

- ``run``: every file in one call;
- ``batches``: three calls, the files in the set's order cut in three;
- ``shuffled``: three calls, the files in a seeded random order cut in three.

Each is scored with B-cubed F1 against the gold events, and against the one-run partition
(1.0: the same stories). Variants: text whole or cut, dates given (metadata date and URL) or
not. Parses are cached in .cache/ by content hash (one parse per distinct cleaned text, as
the analyser would give it: the features do not depend on the article id).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.corpus import content_hash, ingest_articles  # noqa: E402
from storydesk.evaluate.cachekey import code_digest  # noqa: E402
from storydesk.evaluate.clustering import _FEATURE_MODULES, FEATURES_VERSION  # noqa: E402
from storydesk.evaluate.data import LabelledDoc, ecbplus_events  # noqa: E402
from storydesk.evaluate.metrics import bcubed  # noqa: E402
from storydesk.model import AnalyzedArticle  # noqa: E402
from storydesk.pipeline import analyzer as real_analyzer  # noqa: E402
from storydesk.pipeline import load  # noqa: E402
from storydesk.settings import Settings  # noqa: E402
from storydesk.store import SqliteStore  # noqa: E402


def cut_bytes(text: str, limit: int | None) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes (at a character boundary), as a page
    store that keeps the first 2,000 bytes of a page gives it."""
    if limit is None:
        return text
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def record(doc: LabelledDoc, cut: int | None, dates: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"id": doc.id, "text": cut_bytes(doc.text, cut)}
    if doc.title:
        out["title"] = doc.title
    if dates:
        if doc.url:
            out["url"] = doc.url
        if doc.date:
            out["date"] = doc.date
    return out


def write_files(docs: list[LabelledDoc], folder: Path, cut: int | None, dates: bool) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, doc in enumerate(docs):
        path = folder / f"{n:05d}.jsonl"
        path.write_text(json.dumps(record(doc, cut, dates)) + "\n")
        paths.append(str(path))
    return paths


class CachedAnalyzer:
    """The real analyser, its results kept by content hash (and on disk between runs)."""

    def __init__(self, cache: Path | None) -> None:
        self.path = None
        self.parsed: dict[str, AnalyzedArticle] = {}
        if cache is not None:
            key = code_digest(_FEATURE_MODULES)[:12]
            self.path = cache / f"ingest-batches-{FEATURES_VERSION}-{key}.pkl"
            if self.path.exists():
                self.parsed = pickle.loads(self.path.read_bytes())
        self.real = real_analyzer(Settings())
        self.new = 0

    def __call__(self, part):  # type: ignore[no-untyped-def]
        todo = [a for a in part if content_hash(a) not in self.parsed]
        for a in self.real(todo) if todo else []:
            self.parsed[content_hash(a.article)] = a
            self.new += 1
        return [replace(self.parsed[content_hash(a)], article=a) for a in part]

    def save(self) -> None:
        if self.path is not None and self.new:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(pickle.dumps(self.parsed))
            self.new = 0


def stored_stories(db: Path) -> dict[str, str]:
    """Content hash -> story id of every stored article (near-copies included)."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT a.content_hash, sa.story_id FROM articles a"
            " JOIN story_articles sa ON sa.article_id = a.id"
        )
        return dict(rows)
    finally:
        con.close()


def ingest_calls(
    batches: list[list[str]], db: Path, analyze: CachedAnalyzer, settings: Settings
) -> dict[str, Any]:
    """Ingest each batch of files into the store ``db``, one call each, as the CLI does;
    source (the record's id) -> story id, and the cost."""
    hash_of: dict[str, str] = {}
    started = time.process_time()
    for paths in batches:
        corpus = load(paths, max_chars=settings.max_article_chars)
        # a JSON Lines record with an id has it as its source
        hash_of.update((a.source, content_hash(a)) for a in corpus.articles)
        with SqliteStore(db) as store:
            ingest_articles(store, corpus.articles, settings, analyzer=analyze)
        analyze.save()
    seconds = time.process_time() - started
    stories = stored_stories(db)
    return {
        "story": {src: stories.get(h, f"unstored:{src}") for src, h in hash_of.items()},
        "cpu_seconds": round(seconds, 1),
    }


def score(
    docs: list[LabelledDoc], story: dict[str, str], run: dict[str, str] | None
) -> dict[str, Any]:
    ids = [d.id for d in docs]
    labels = [story.get(i, f"rejected:{i}") for i in ids]
    gold = [d.gold for d in docs]
    prf = bcubed(labels, gold).as_dict()
    out: dict[str, Any] = {**prf, "stories": len(set(labels))}
    # stories mixing gold events, and those whose events' dates lie a year or more apart
    events: dict[str, set[str]] = {}
    for lab, d in zip(labels, docs, strict=True):
        events.setdefault(lab, set()).add(d.gold)
    mixed = [e for e in events.values() if len(e) > 1]
    span = _event_days(docs)
    far = [
        e
        for e in mixed
        if len({g for g in e if g in span}) > 1
        and max(span[g][1] for g in e if g in span) - min(span[g][0] for g in e if g in span) >= 365
    ]
    out["mixed_stories"] = len(mixed)
    out["mixed_year_apart"] = len(far)
    out["split_events"] = sum(
        1
        for g in set(gold)
        if len({lab for lab, x in zip(labels, gold, strict=True) if x == g}) > 1
    )
    if run is not None:
        out["f1_vs_run"] = round(bcubed(labels, [run.get(i, i) for i in ids]).f1, 4)
    return out


def _event_days(docs: list[LabelledDoc]) -> dict[str, tuple[int, int]]:
    """Each gold event's first and last dated day (the set's own dates)."""
    import datetime as dt

    days: dict[str, list[int]] = {}
    for d in docs:
        if d.date:
            try:
                days.setdefault(d.gold, []).append(dt.date.fromisoformat(d.date[:10]).toordinal())
            except ValueError:
                continue
    return {g: (min(v), max(v)) for g, v in days.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topics", type=int, default=0, help="a seeded sample of topics (0: all)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--cut", type=int, default=2000, help="bytes kept in the cut variant")
    ap.add_argument("--batches", type=int, default=3)
    ap.add_argument("--variants", default="whole-dated,cut-dated,whole-undated,cut-undated")
    ap.add_argument("--modes", default="run,batches,shuffled")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache")
    ap.add_argument(
        "--whole-below", type=int, help="ClusterSettings.whole_store_below (0: bounded adds only)"
    )
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    docs = ecbplus_events()
    if args.topics:
        rng = np.random.default_rng(args.seed)
        topics = sorted({d.topic for d in docs if d.topic})
        keep = set(rng.choice(topics, size=args.topics, replace=False).tolist())
        docs = [d for d in docs if d.topic in keep]
    analyze = CachedAnalyzer(args.cache)
    settings = Settings()
    if args.whole_below is not None:
        cluster = replace(settings.cluster, whole_store_below=args.whole_below)
        settings = replace(settings, cluster=cluster)
    tmp = Path(tempfile.mkdtemp(prefix="storydesk-ingest-batches-"))
    results: dict[str, Any] = {
        "set": "ecbplus-events",
        "articles": len(docs),
        "events": len({d.gold for d in docs}),
        "topics": args.topics or "all",
        "seed": args.seed,
        "batches": args.batches,
        "whole_store_below": settings.cluster.whole_store_below,
        "variants": {},
    }
    k = args.batches
    for variant in args.variants.split(","):
        cut = args.cut if variant.startswith("cut") else None
        dates = variant.endswith("-dated")
        paths = write_files(docs, tmp / variant, cut, dates)
        order = np.random.default_rng(args.seed).permutation(len(paths)).tolist()
        size = -(-len(paths) // k)
        plans = {
            "run": [paths],
            "batches": [paths[s : s + size] for s in range(0, len(paths), size)],
            "shuffled": [
                [paths[i] for i in order[s : s + size]] for s in range(0, len(paths), size)
            ],
        }
        rows: dict[str, Any] = {}
        run: dict[str, str] | None = None
        for mode in args.modes.split(","):
            db = tmp / f"{variant}-{mode}.db"
            done = ingest_calls(plans[mode], db, analyze, settings)
            rows[mode] = {**score(docs, done["story"], run), "cpu_s": done["cpu_seconds"]}
            if mode == "run":
                run = done["story"]
            print(variant, mode, json.dumps(rows[mode]), flush=True)
        results["variants"][variant] = rows
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
