"""Fit the story-clustering pair model and choose its cut, on DEVELOPMENT data only.

    STORYDESK_SHARED=../shared python benchmarks/tune_cluster.py [--write]

The pair model (storydesk/data/pair_model.json) is a logistic regression over the pair
channels of :func:`storydesk.cluster.pair_channels`, fitted on the pairs of two kinds of
development data, each given the same total weight:

* ECB+ training topics pooled (every pair): two events of one kind per topic;
* Multi-News validation clusters 1001-2000 pooled (``multinews-val-fit``; every pair of one
  cluster and every other pair whose TF-IDF cosine is at least 0.05): not the clusters
  scored by `storydesk eval cluster`.

The cut (pair probability) is then chosen on the ECB+ val topics and the Multi-News
validation sample scored by `storydesk eval cluster` (clusters 1-1000), the mean of their
B-cubed F1. DUC 2004 and the Multi-News test sample are never looked at here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from storydesk.cluster import (
    CHANNELS,
    MODEL_FILE,
    ClusterItem,
    ClusterParams,
    DocFreq,
    Profiles,
    cluster_batch,
    pair_channels,
)
from storydesk.evaluate.clustering import featurize, load_set, published, score

CACHE = Path(".cache")
CUTS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]


def labelled(name: str):
    base = "ecbplus" if name.startswith("ecbplus") else name
    docs = load_set(base)
    feats = featurize(docs, cache=CACHE)
    if base != name:
        keep = {d.id for d in load_set(name)}
        pairs = [(d, f) for d, f in zip(docs, feats, strict=True) if d.id in keep]
        docs, feats = [d for d, _ in pairs], [f for _, f in pairs]
    return docs, feats


def pairs_of(name: str, min_tfidf: float) -> tuple[np.ndarray, np.ndarray]:
    """Channel rows and labels of a set's pairs (negatives below ``min_tfidf`` left out)."""
    docs, feats = labelled(name)
    keep = [(d, f) for d, f in zip(docs, feats, strict=True) if f is not None]
    items = [ClusterItem(d.id, f) for d, f in keep]
    gold = np.array([d.gold for d, _ in keep])
    df = DocFreq()
    df.add(it.features for it in items)
    prof = Profiles.of(items).weigh(df)
    xs, ys = [], []
    for start in range(0, len(items), 256):
        rows = list(range(start, min(start + 256, len(items))))
        ch = pair_channels(prof.take(rows), prof)
        same = gold[rows][:, None] == gold[None, :]
        upper = np.arange(len(items))[None, :] > np.array(rows)[:, None]
        mask = upper & (same | (ch["tfidf"] >= min_tfidf))
        xs.append(np.stack([ch[c][mask] for c in CHANNELS], axis=1))
        ys.append(same[mask])
    return np.concatenate(xs), np.concatenate(ys)


def fit(c: float) -> dict:
    x1, y1 = pairs_of("ecbplus-train", 0.0)
    x2, y2 = pairs_of("multinews-val-fit", 0.05)
    print(
        f"pairs: ecbplus-train {len(y1)} ({int(y1.sum())} same), "
        f"multinews-val-fit {len(y2)} ({int(y2.sum())} same)",
        flush=True,
    )
    x = np.concatenate([x1, x2])
    y = np.concatenate([y1, y2])
    w = np.concatenate([np.full(len(y1), 0.5 / len(y1)), np.full(len(y2), 0.5 / len(y2))])
    w *= len(y)
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y, sample_weight=w)
    return {
        "what": "logistic pair model: P(one event) from pair channels (storydesk.cluster)",
        "fitted_on": "ECB+ training topics pooled (every pair) and Multi-News validation "
        "clusters 1001-2000 pooled (pairs of one cluster, other pairs with TF-IDF >= 0.05), "
        "the two with equal total weight",
        "command": f"python benchmarks/tune_cluster.py --c {c} --write",
        "fitted": dt.date.today().isoformat(),
        "channels": list(CHANNELS),
        "coef": [round(float(v), 4) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 4),
    }


def sweep(model_file: str, sets: list[str]) -> dict[float, dict[str, float]]:
    out: dict[float, dict[str, float]] = {}
    data = {s: labelled(s) for s in sets}
    for cut in CUTS:
        params = replace(ClusterParams(), threshold=cut, model_file=model_file)
        row = {}
        for s, (docs, feats) in data.items():
            usable = [i for i, f in enumerate(feats) if f is not None]
            items = [ClusterItem(docs[i].id, feats[i], published(docs[i])) for i in usable]
            labels = [f"alone:{d.id}" for d in docs]
            for n, g in enumerate(cluster_batch(items, params)):
                for k in g:
                    labels[usable[k]] = f"c{n}"
            row[s] = score(docs, labels)["bcubed"]["f1"]
        row["mean"] = float(np.mean(list(row.values())))
        out[cut] = row
        print(cut, {k: round(v, 3) for k, v in row.items()}, flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--write", action="store_true", help="write storydesk/data/pair_model.json")
    ap.add_argument("--sets", default="ecbplus-val,multinews-val")
    args = ap.parse_args()
    model = fit(args.c)
    print(json.dumps(dict(zip(model["channels"], model["coef"], strict=True)), indent=1))
    path = MODEL_FILE if args.write else Path("/tmp/pair_model.json")
    path.write_text(json.dumps(model, indent=1) + "\n")
    sweep(str(path), args.sets.split(","))


if __name__ == "__main__":
    main()
