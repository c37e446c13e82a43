"""Where story clustering goes wrong on ECB+ (two events of one kind per topic): a DIAGNOSTIC
on development data, nothing is chosen with it.

    STORYDESK_SHARED=../shared python benchmarks/ecbplus_errors.py

Prints, for the shipped settings and with group conflicts off:

* B-cubed F1 of the pooled set as `storydesk eval cluster` clusters it, and over the pair
  scores with the time rule off, at the shipped cut and at the best cut chosen on gold (an
  oracle), so what the cut and what the time rule cost can be read apart;
* the stories that mix the two events of a topic, and the events split (shipped settings);
* how well each pair channel alone ranks the pairs of one topic (ROC AUC, one event against
  the other event of the same topic): what tells two earthquakes apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from storydesk.cluster import (
    ClusterItem,
    DocFreq,
    Profiles,
    average_linkage,
    cluster_batch,
    pair_channels,
    pair_scores,
)
from storydesk.evaluate.clustering import featurize, load_set, published
from storydesk.evaluate.metrics import bcubed
from storydesk.settings import ClusterSettings

CUTS = np.round(np.arange(0.1, 0.31, 0.025), 3)


def labels_of(groups: list[list[int]], n: int) -> list[str]:
    out = [""] * n
    for k, g in enumerate(groups):
        for i in g:
            out[i] = f"c{k}"
    return out


def main() -> None:
    docs = load_set("ecbplus")
    feats = featurize(docs, cache=Path(".cache"))
    keep = [(d, f) for d, f in zip(docs, feats, strict=True) if f is not None]
    items = [ClusterItem(d.id, f, published(d)) for d, f in keep]
    gold = [d.gold for d, _ in keep]
    topic = np.array([d.topic for d, _ in keep])
    shipped = ClusterSettings()
    for name, params in (
        ("shipped", shipped),
        ("no group conflicts", replace(shipped, group_conflict=0.0)),
    ):
        pred = labels_of(cluster_batch(items, params), len(items))
        b = bcubed(pred, gold)
        print(f"{name}: B-cubed F1 {b.f1:.4f} (P {b.precision:.3f}, R {b.recall:.3f})")
    df = DocFreq()
    df.add(it.features for it in items)
    prof = Profiles.of(items).weigh(df)
    undated = replace(shipped, use_dates=False, group_conflict=0.0)
    scores = pair_scores(prof, prof, undated)
    row = []
    for cut in CUTS:
        b = bcubed(labels_of(average_linkage(scores, float(cut)), len(items)), gold)
        row.append((round(b.f1, 4), float(cut)))
    print(f"pair scores alone, no time rule, no group conflicts: {dict((c, f) for f, c in row)}")
    print(f"  best cut (oracle) {max(row)[1]}: {max(row)[0]}")
    pred = labels_of(cluster_batch(items, shipped), len(items))
    print("shipped settings:")
    for k in sorted(set(pred)):
        mix = Counter(g for g, p in zip(gold, pred, strict=True) if p == k)
        if len(mix) > 1:
            print("  mixed:", dict(mix))
    for g in sorted(set(gold)):
        parts = Counter(p for gg, p in zip(gold, pred, strict=True) if gg == g)
        if len(parts) > 1:
            print("  split:", g, sorted(parts.values(), reverse=True))
    ch = pair_channels(prof, prof)
    ch["score"] = scores
    iu = np.triu_indices(len(items), 1)
    g = np.array(gold)
    same = (g[:, None] == g[None, :])[iu]
    one_topic = (topic[:, None] == topic[None, :])[iu]
    print("within-topic ROC AUC of each channel (one event vs the other of its topic):")
    for name in sorted(ch):
        v = ch[name][iu][one_topic]
        print(f"  {name:18s} {roc_auc_score(same[one_topic], v):.3f}")


if __name__ == "__main__":
    main()
