"""Choose story-clustering settings on the DEVELOPMENT sets only (DUC 2006, DUC 2007 main).

    python benchmarks/tune_cluster.py [--sets duc2006,duc2007-main]

Prints mean B-cubed F1 over the development sets for each setting, for our clustering and for
the TF-IDF peer's distance cut. The test sets (DUC 2004, Multi-News) are never looked at here.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storydesk.cluster import DocFreq, office_conflicts, people_matrix, vectorize, who_factor
from storydesk.evaluate.clustering import featurize, load_set, peer, score
from storydesk.settings import ClusterSettings

THRESHOLDS = [0.06, 0.07, 0.08, 0.09, 0.1, 0.11, 0.12, 0.13, 0.14, 0.16]
IDFS = ["corpus", "background", "blend"]
WEIGHTS = [0.0, 0.5, 1.0]
WHO = [0.0, 0.25]
CONFLICT = [1.0, 0.5, 0.1]
DISTANCES = [0.8, 0.85, 0.88, 0.9, 0.92, 0.94]


def labels_for(docs, feats, params, thresholds):
    usable = [i for i, f in enumerate(feats) if f is not None]
    order = sorted(usable, key=lambda i: docs[i].id)
    df = DocFreq()
    df.add(feats[i] for i in order)
    x = vectorize([feats[i] for i in order], df, params)
    feats_o = [feats[i] for i in order]
    p = people_matrix(feats_o)
    sims = (x @ x.T).toarray() * who_factor(p, p, params)
    sims = np.where(office_conflicts(feats_o), sims * params.office_conflict, sims)
    dist = np.clip(1.0 - sims, 0.0, None)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    for t in thresholds:
        labels = [f"alone:{d.id}" for d in docs]
        for pos, lab in enumerate(fcluster(tree, t=1.0 - t, criterion="distance")):
            labels[order[pos]] = f"c{lab}"
        yield t, labels


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="duc2006,duc2007-main")
    ap.add_argument("--peer", action="store_true", help="also sweep the TF-IDF peer")
    args = ap.parse_args()
    names = args.sets.split(",")
    data = {n: load_set(n) for n in names}
    feats = {n: featurize(data[n], n_process=2, cache=Path(".cache")) for n in names}
    base = ClusterSettings(use_dates=False)
    for idf, ew, who, oc in itertools.product(IDFS, WEIGHTS, WHO, CONFLICT):
        params = replace(base, idf=idf, entity_weight=ew, who=who, office_conflict=oc)
        per_t: dict[float, list[float]] = {}
        for n in names:
            for t, labels in labels_for(data[n], feats[n], params, THRESHOLDS):
                per_t.setdefault(t, []).append(score(data[n], labels)["bcubed"]["f1"])
        best = max(per_t, key=lambda t: np.mean(per_t[t]))
        row = " ".join(f"{t}:{np.mean(v):.3f}" for t, v in per_t.items())
        print(
            f"idf={idf:10s} entity={ew} who={who} office={oc} "
            f"best t={best} F1={np.mean(per_t[best]):.4f} | {row}"
        )
    if args.peer:
        for d in DISTANCES:
            f1 = [score(data[n], peer(data[n], d))["bcubed"]["f1"] for n in names]
            print(f"peer distance={d} F1={np.mean(f1):.4f} {f1}")


if __name__ == "__main__":
    main()
