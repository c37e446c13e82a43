"""How far can story clustering go on each set? An upper bound that uses the gold labels.

    python benchmarks/cluster_ceiling.py [--sets duc2004,multinews,duc2006,duc2007-main]

For each set, the best B-cubed F1 that agglomerative clustering reaches when the cut is chosen
*with the set's own gold labels* (the oracle cut), for four linkages, over two similarities:
ours (storydesk's content vectors, dates ignored: the test sets carry no dates) and scikit-learn
TF-IDF. A third row mixes several similarity channels (our content cosine, TF-IDF cosine, the
cosine of the named people and of all named entities) with weights fitted by logistic regression
on the set's own gold pairs, again with the oracle cut: what a pair model trained on the test
set itself could reach with these features.

This is a DIAGNOSTIC, not a tuning tool: nothing here is used to choose a setting. It tells
whether the goal (B-cubed F1 >= 0.95) is within reach of any cut of these similarities.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from storydesk.clean import clean_text

try:  # the session-3 content vectors; storydesk.cluster no longer has them (session 8)
    from storydesk.cluster import DocFreq, people_matrix, vectorize  # type: ignore[attr-defined]
except ImportError as exc:  # the figures in clustering_ceiling.json stay as measured then
    raise SystemExit(
        "cluster_ceiling.py measures the session-3 similarity, which storydesk.cluster no "
        "longer provides; see benchmarks/tune_cluster.py for the present one"
    ) from exc
from storydesk.evaluate.clustering import featurize, load_set
from storydesk.evaluate.metrics import bcubed
from storydesk.settings import ClusterSettings

LINKAGES = ("average", "complete", "single", "weighted")
CUTS = np.round(np.arange(0.01, 1.0, 0.01), 3)


def _best_cut(dist: np.ndarray, gold: list[str], scored: np.ndarray, method: str) -> dict[str, Any]:
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method=method)
    best = {"f1": -1.0}
    for t in CUTS:
        labels = fcluster(tree, t=1.0 - t, criterion="distance")
        f = bcubed([str(x) for x in labels[scored]], [gold[i] for i in np.flatnonzero(scored)])
        if f.f1 > best["f1"]:
            best = {
                "f1": round(f.f1, 4),
                "precision": round(f.precision, 4),
                "recall": round(f.recall, 4),
                "similarity_cut": float(t),
                "clusters": len(set(labels)),
            }
    return best


def _cos(x: sparse.csr_matrix) -> np.ndarray:
    return np.asarray((x @ x.T).todense())


def channels(name: str) -> tuple[list[str], np.ndarray, dict[str, np.ndarray]]:
    docs = load_set(name)
    feats = featurize(docs, n_process=2, cache=Path(".cache"))
    keep = [i for i, f in enumerate(feats) if f is not None]
    docs = [docs[i] for i in keep]
    feats = [feats[i] for i in keep]
    params = replace(ClusterSettings(), use_dates=False)
    df = DocFreq()
    df.add(feats)
    ours = _cos(vectorize(feats, df, params))
    ents = _cos(vectorize(feats, df, replace(params, entity_weight=1.0)))
    people = _cos(people_matrix(feats).astype(float))
    texts = [clean_text(d.text, d.title) or d.text for d in docs]
    tf = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    gold = [d.gold for d in docs]
    scored = np.array([not d.multi_label for d in docs])
    return gold, scored, {"ours": ours, "tfidf": _cos(tf), "with_entities": ents, "people": people}


def fitted(gold: list[str], scored: np.ndarray, ch: dict[str, np.ndarray]) -> np.ndarray:
    """Pair similarity from logistic regression over the channels, fitted on the set's gold."""
    n = len(gold)
    iu = np.triu_indices(n, k=1)
    both = scored[iu[0]] & scored[iu[1]]
    x = np.stack([ch[k][iu] for k in sorted(ch)], axis=1)
    g = np.array(gold)
    y = (g[iu[0]] == g[iu[1]]).astype(int)
    model = LogisticRegression(class_weight="balanced", max_iter=1000)
    model.fit(x[both], y[both])
    p = model.predict_proba(x)[:, 1]
    sim = np.zeros((n, n))
    sim[iu] = p
    return sim + sim.T


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="duc2004,multinews,duc2006,duc2007-main")
    ap.add_argument("--out", default="benchmarks/results/clustering_ceiling.json")
    args = ap.parse_args()
    out: dict[str, Any] = {
        "command": "python benchmarks/cluster_ceiling.py",
        "what": "best B-cubed F1 with the cut chosen on each set's own gold (an upper bound)",
        "sets": {},
    }
    for name in args.sets.split(","):
        gold, scored, ch = channels(name)
        row: dict[str, Any] = {}
        for sim_name in ("ours", "tfidf"):
            dist = np.clip(1.0 - ch[sim_name], 0.0, None)
            dist = (dist + dist.T) / 2
            row[sim_name] = {m: _best_cut(dist.copy(), gold, scored, m) for m in LINKAGES}
        dist = 1.0 - fitted(gold, scored, ch)
        row["pair_model_fitted_on_gold"] = {
            m: _best_cut(dist.copy(), gold, scored, m) for m in LINKAGES
        }
        out["sets"][name] = row
        for sim_name, per in row.items():
            best = max(per.items(), key=lambda kv: kv[1]["f1"])
            print(
                f"{name:13s} {sim_name:26s} best {best[0]:8s} F1 {best[1]['f1']:.4f} "
                + " ".join(f"{m}:{v['f1']:.3f}@{v['similarity_cut']}" for m, v in per.items())
            )
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
