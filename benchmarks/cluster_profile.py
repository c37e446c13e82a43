"""Where an ingest's time goes: cProfile (CPU) of one run of ``cluster_scale``'s articles.

    python benchmarks/cluster_profile.py --runs 3   # profiles the run adding 1,000 to 2,000

Ingests :func:`cluster_scale.articles` in its shuffled order, in runs of 1,000, into a
fresh store, and profiles the last of ``--runs`` runs (parsing excluded, as there). Prints
each run's CPU seconds and stories, and writes the profile (by cumulative, then own time)
to ``--out``. ``--noprof`` times the runs only.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import cluster_scale  # noqa: E402

from storydesk.corpus import ingest_articles  # noqa: E402
from storydesk.settings import Settings  # noqa: E402
from storydesk.store import SqliteStore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=Path("cluster_profile.txt"))
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache")
    ap.add_argument("--noprof", action="store_true", help="time the runs, profile none")
    args = ap.parse_args()
    items, _ = cluster_scale.articles(args.cache, 1)
    parsed = {a.article.id: a for a in items}
    order = [a.article for a in items]
    random.Random(11).shuffle(order)  # as cluster_scale

    def lookup(part):  # type: ignore[no-untyped-def]
        return [parsed[a.id] for a in part]

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.db"
        for k in range(args.runs):
            part = order[k * cluster_scale.RUN : (k + 1) * cluster_scale.RUN]
            with SqliteStore(db) as store:
                profiler = cProfile.Profile()
                last = k == args.runs - 1 and not args.noprof
                t = time.process_time()
                if last:
                    profiler.enable()
                ingest_articles(store, part, Settings(chunk=250), analyzer=lookup)
                if last:
                    profiler.disable()
                    text = io.StringIO()
                    stats = pstats.Stats(profiler, stream=text)
                    stats.sort_stats("cumulative").print_stats(60)
                    stats.sort_stats("tottime").print_stats(40)
                    args.out.write_text(text.getvalue())
                cpu = time.process_time() - t
                print(k, round(cpu, 2), len(store.stories()), flush=True)


if __name__ == "__main__":
    main()
