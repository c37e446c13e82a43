"""Stories with the key-word candidate search against the exhaustive search, on dev sets.

    python benchmarks/neighbour_recall.py ecbplus multinews-val
    # writes benchmarks/results/neighbour_recall.json

Each set's articles (parsed features from ``storydesk eval cluster``'s cache, .cache/) are
clustered in one batch and in 10 (the shuffled order of ``eval cluster --batches``), once
with :mod:`storydesk.neighbours`' candidates and once scoring every stored article; the
stories are compared whole and both are scored (B-cubed F1 against gold).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.cluster import ArticleIndex, ClusterItem, stories_in_batches  # noqa: E402
from storydesk.evaluate import clustering  # noqa: E402
from storydesk.evaluate.metrics import bcubed  # noqa: E402
from storydesk.settings import ClusterSettings  # noqa: E402


def labels(docs, feats, batches: int, exhaustive: bool) -> tuple[list[str], float]:
    usable = [i for i, f in enumerate(feats) if f is not None]
    items = [ClusterItem(docs[i].id, feats[i], clustering.published(docs[i])) for i in usable]
    out = {d.id: f"alone:{d.id}" for d in docs}
    order = (
        np.random.default_rng(clustering.BATCH_SEED).permutation(len(items))
        if batches > 1
        else np.arange(len(items))
    )
    size = -(-len(items) // batches)
    parts = (
        [items[k] for k in order[start : start + size]] for start in range(0, len(items), size)
    )
    t = time.perf_counter()
    found = stories_in_batches(parts, ClusterSettings(), ArticleIndex(exhaustive=exhaustive))
    out.update({key: f"c{n}" for key, n in found.items()})
    return [out[d.id] for d in docs], time.perf_counter() - t


def stories(ids: list[str], labs: list[str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for i, lab in zip(ids, labs, strict=True):
        groups.setdefault(lab, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/neighbour_recall.json")
    args = ap.parse_args()
    rows = []
    for name in args.sets:
        docs = clustering.load_set(name)
        feats = clustering.featurize(docs, 1, args.cache)
        ids = [d.id for d in docs]
        gold = [d.gold for d in docs]
        for batches in (1, 10):
            keyed, t_keys = labels(docs, feats, batches, exhaustive=False)
            full, t_full = labels(docs, feats, batches, exhaustive=True)
            mine, reference = stories(ids, keyed), stories(ids, full)
            rows.append(
                {
                    "set": name,
                    "articles": len(docs),
                    "batches": batches,
                    "same_stories": mine == reference,
                    "articles_in_stories_unlike_exhaustive": sum(len(g) for g in reference - mine),
                    "bcubed_f1_keys": bcubed(keyed, gold).as_dict()["f1"],
                    "bcubed_f1_exhaustive": bcubed(full, gold).as_dict()["f1"],
                    "seconds_keys": round(t_keys, 1),
                    "seconds_exhaustive": round(t_full, 1),
                }
            )
            print(rows[-1], file=sys.stderr, flush=True)
    result = {
        "benchmark": "stories with the key-word candidate search vs the exhaustive search",
        "command": "python benchmarks/neighbour_recall.py " + " ".join(args.sets),
        "sets": rows,
        "measured_on": dt.date.today().isoformat(),
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
