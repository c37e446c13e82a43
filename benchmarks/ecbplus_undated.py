"""Undated articles on ECB+ (two events of one kind per topic): B-cubed F1 with every date
the set carries, with the dates of a random half withheld, and with none. A DIAGNOSTIC on
development data, nothing is chosen with it.

    STORYDESK_SHARED=../shared python benchmarks/ecbplus_undated.py [--seed 13] [--sets ...]

A withheld article is clustered as an undated one (:func:`storydesk.cluster.borrowed_days`
and the rest of the time rule see it with no date); the half is drawn from all the set's
articles with ``numpy.random.default_rng(seed)``, so about half of the dated ones lose
their date.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from storydesk.cluster import ClusterItem, cluster_batch
from storydesk.evaluate.clustering import featurize, load_set, published, score
from storydesk.settings import ClusterSettings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--sets", default="ecbplus,ecbplus-val")
    args = ap.parse_args()
    every = load_set("ecbplus")
    feats = dict(zip((d.id for d in every), featurize(every, cache=Path(".cache")), strict=True))
    withheld = {
        every[i].id
        for i in np.random.default_rng(args.seed).permutation(len(every))[: len(every) // 2]
    }
    for name in args.sets.split(","):
        docs = [d for d in load_set(name) if feats[d.id] is not None]
        dates = {d.id: published(d) for d in docs}
        for label, kept in (
            ("all dates", dates),
            (
                f"half withheld (seed {args.seed})",
                {k: v if k not in withheld else None for k, v in dates.items()},
            ),
            ("no dates", dict.fromkeys(dates)),
        ):
            items = [ClusterItem(d.id, feats[d.id], kept[d.id]) for d in docs]  # type: ignore[arg-type]
            labels = [""] * len(docs)
            for k, g in enumerate(cluster_batch(items, ClusterSettings())):
                for i in g:
                    labels[i] = f"c{k}"
            b = score(docs, labels)["bcubed"]
            dated = sum(1 for v in kept.values() if v is not None)
            print(
                f"{name:12} {label:26} dated {dated:4}/{len(docs)}  "
                f"P {b['precision']:.4f} R {b['recall']:.4f} F1 {b['f1']:.4f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
