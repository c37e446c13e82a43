"""Story clustering at scale: ingest about 10,000 articles into a fresh SQLite store.

    python benchmarks/cluster_scale.py          # writes benchmarks/results/cluster_scale.json

The articles are the DUC story-clustering documents, the Timeline17 articles and the
Multi-News sample, padded to 10,000 with generated near-copies (boilerplate, new headline,
reordered paragraphs, 10% of words edited) of randomly chosen ones, which also exercises
near-duplicate detection. Parsing is the same spaCy cost per article whatever the store size,
so it is done once first (cached in .cache/) and left out of the clock: what is timed is
what depends on the store, i.e. ingest's near-duplicate check, clustering against the stored
stories, and the SQLite writes. Articles go in as 10 ingest runs of 1,000; for each run we
report its fixed cost (loading the store's stories and signatures) and its cost per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.clean import clean_text  # noqa: E402
from storydesk.corpus import ingest_articles  # noqa: E402
from storydesk.evaluate.data import dataset_path, summarization_clusters  # noqa: E402
from storydesk.evaluate.nearcopy import near_copy  # noqa: E402
from storydesk.ingest.dates import parse_date  # noqa: E402
from storydesk.model import AnalyzedArticle, Article  # noqa: E402
from storydesk.nlp import load_pipeline  # noqa: E402
from storydesk.settings import Settings  # noqa: E402
from storydesk.store import SqliteStore  # noqa: E402

TARGET = 10_000
RUN = 1_000


def articles(seed: int = 5) -> list[Article]:
    out: list[Article] = []
    seen: set[str] = set()

    def add(aid: str, text: str, title: str | None, date: str | None) -> None:
        cleaned = clean_text(text, title)
        if cleaned.strip() and cleaned not in seen:
            seen.add(cleaned)
            out.append(
                Article(id=aid, source=aid, text=cleaned, title=title, published=parse_date(date))
            )

    with (dataset_path("duc-story-clustering") / "articles.jsonl").open() as fh:
        for line in fh:
            r = json.loads(line)
            add(r["id"], r["text"], r.get("title"), r.get("date"))
    with (dataset_path("timeline17") / "articles.jsonl").open() as fh:
        for line in fh:
            r = json.loads(line)
            add("tl17:" + r["id"], r["text"], r.get("title"), r.get("date"))
    for c in summarization_clusters("multinews-longbench200"):
        for d in c["documents"]:
            add("mn:" + d["id"], d["text"], d.get("title"), d.get("date"))
    rng = random.Random(seed)
    originals = list(out)
    k = 0
    while len(out) < TARGET:
        src = rng.choice(originals)
        title, text = near_copy(src.text, src.title, seed=seed * 100_000 + k)
        add(f"copy:{k}:{src.id}", text, title, src.published.isoformat() if src.published else None)
        k += 1
    return out[:TARGET]


def analysed(items: list[Article], cache: Path) -> dict[str, AnalyzedArticle]:
    path = cache / f"scale-{len(items)}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    nlp = load_pipeline()
    done: dict[str, AnalyzedArticle] = {}
    # two processes: parsing is not what this benchmark measures
    texts = [(a.text, a) for a in items]
    from storydesk.features import features_of
    from storydesk.nlp import sentences_of

    for doc, a in nlp.pipe(texts, as_tuples=True, batch_size=16, n_process=2):
        done[a.id] = AnalyzedArticle(a, sentences_of(doc, a.id), features_of(doc))
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(done))
    return done


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/cluster_scale.json")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache")
    args = ap.parse_args()
    items = articles()
    t0 = time.perf_counter()
    parsed = analysed(items, args.cache)
    parse_seconds = time.perf_counter() - t0
    rng = random.Random(11)
    order = list(items)
    rng.shuffle(order)  # arrival order is not the datasets' order

    def lookup(part):
        return [parsed[a.id] for a in part]

    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scale.db"
        settings = Settings(chunk=250)
        for start in range(0, len(order), RUN):
            part = order[start : start + RUN]
            with SqliteStore(db) as store:
                before = len(store.taken_ids())
                t = time.perf_counter()
                report = ingest_articles(store, part, settings, analyzer=lookup)
                seconds = time.perf_counter() - t
                load_seconds = report.load_seconds
                stories = len(store.stories())
            per_article = (seconds - load_seconds) / max(1, len(report.added))
            runs.append(
                {
                    "store_size_before": before,
                    "added": len(report.added),
                    "seconds": round(seconds, 2),
                    "load_seconds": round(load_seconds, 3),
                    "ms_per_article_excluding_load": round(1000 * per_article, 2),
                    "stories_after": stories,
                }
            )
            print(runs[-1], file=sys.stderr, flush=True)
        size_mb = db.stat().st_size / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    at = {str(r["store_size_before"]): r["ms_per_article_excluding_load"] for r in runs}
    result = {
        "benchmark": "ingest ~10,000 articles into one store, 10 runs of 1,000",
        "command": "python benchmarks/cluster_scale.py",
        "articles": len(items),
        "generated_near_copies": sum(1 for a in items if a.id.startswith("copy:")),
        "parse_seconds_not_timed_below": round(parse_seconds, 1),
        "parse_note": "under 20 s means the parses came from .cache/ "
        "(a cold parse took about 26 min on 2 processes)",
        "total_seconds": round(sum(r["seconds"] for r in runs), 1),
        "runs": runs,
        "ms_per_article_adding_to_store_of": {
            k: at[k] for k in ("1000", "5000", "9000") if k in at
        },
        # the goal: per added article, the cost at 10k within 1.2x of that at 1k
        "ratio_9000_to_1000": round(at["9000"] / at["1000"], 2) if "9000" in at else None,
        "load_seconds_at": {str(r["store_size_before"]): r["load_seconds"] for r in runs},
        "peak_rss_mb": round(peak, 1),
        "store_file_mb": round(size_mb, 1),
        "measured_on": dt.date.today().isoformat(),
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
