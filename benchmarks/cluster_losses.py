"""Where story clustering loses against TF-IDF at its best cut, on DEVELOPMENT data only.

    STORYDESK_SHARED=../shared python benchmarks/cluster_losses.py [--sets ecbplus,multinews-val]

For each set: B-cubed precision and recall of the shipped setting (`cluster_batch`, as
`storydesk eval cluster` runs it) next to the TF-IDF peer at its best cut on gold (an oracle);
with ECB+ topics, the topics where the two differ most (each topic's mean per-article B-cubed
precision and recall, ours less the peer's); and the pairs of articles behind the loss:

- pairs of one gold event that we split, by what splits them: two dates more than
  ``apart_days`` apart; the gap penalty taking a pair that clears the cut on content below it;
  a pair below the cut on content (noting an article under 2,100 bytes of cleaned text, an
  undated one); a pair above the cut kept apart by average linkage, the group conflicts or a
  borrowed date;
- pairs we merge that gold keeps apart: one topic's two events or two topics, the pair itself
  above the cut or not.

Last, average linkage at its best cut on gold over single similarities, dates off: the pair
score, the TF-IDF cosine of content words and names (the pair model's main channel), and of
content words alone. A diagnostic: nothing here chooses a setting.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tune_cluster import labelled

from storydesk.clean import clean_text
from storydesk.cluster import (
    ClusterItem,
    DocFreq,
    Profiles,
    _idf_weighted,
    _rows,
    _sdot,
    cluster_batch,
    pair_scores,
)
from storydesk.evaluate.clustering import _tfidf_tree, peer_best, published, score
from storydesk.settings import ClusterSettings

SHORT = 2100  # bytes of cleaned text: an article cut near 2,000 bytes, or as short


def per_article(labels: list[str], gold: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each article's B-cubed precision and recall."""
    lab, g = np.array(labels), np.array(gold)
    p, r = np.zeros(len(lab)), np.zeros(len(lab))
    for i in range(len(lab)):
        mine, truth = lab == lab[i], g == g[i]
        both = (mine & truth).sum()
        p[i], r[i] = both / mine.sum(), both / truth.sum()
    return p, r


def best_cut(sim: np.ndarray, docs, usable: list[int]) -> str:
    """Average linkage over ``sim`` at its best cut on gold."""
    dist = np.clip(1.0 - (sim + sim.T) / 2.0, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    best: tuple[float, float, dict] = (-1.0, 0.0, {})
    for cut in np.round(np.arange(0.05, 0.41, 0.01), 2):
        labels = [f"alone:{d.id}" for d in docs]
        for k, c in zip(usable, fcluster(tree, t=1.0 - cut, criterion="distance"), strict=True):
            labels[k] = f"c{c}"
        b = score(docs, labels)["bcubed"]
        if b["f1"] > best[0]:
            best = (b["f1"], float(cut), b)
    b = best[2]
    return f"F1 {best[0]:.4f} (P {b['precision']:.3f}, R {b['recall']:.3f}) at {best[1]:.2f}"


def losses(name: str) -> None:
    docs, feats = labelled(name)
    usable = [i for i, f in enumerate(feats) if f is not None]
    items = [ClusterItem(docs[i].id, feats[i], published(docs[i])) for i in usable]  # type: ignore[arg-type]
    params = ClusterSettings()
    labels = [f"alone:{d.id}" for d in docs]
    for n, g in enumerate(cluster_batch(items, params)):
        for k in g:
            labels[usable[k]] = f"c{n}"
    ours = score(docs, labels)["bcubed"]
    peer = peer_best(docs)
    peer_labels = [
        f"p{x}" for x in fcluster(_tfidf_tree(docs), t=peer["distance"], criterion="distance")
    ]
    pb = peer["bcubed"]
    print(
        f"== {name}: ours P {ours['precision']:.4f} R {ours['recall']:.4f} F1 {ours['f1']:.4f}; "
        f"TF-IDF at its best cut ({peer['distance']}) P {pb['precision']:.4f} R {pb['recall']:.4f} "
        f"F1 {pb['f1']:.4f}"
    )
    gold = [d.gold for d in docs]
    p, r = per_article(labels, gold)
    pp, pr = per_article(peer_labels, gold)
    if docs[0].topic:
        topics: dict[str, list[int]] = defaultdict(list)
        for i, d in enumerate(docs):
            topics[str(d.topic)].append(i)
        rows = sorted(
            (
                (t, ix, p[ix].mean() - pp[ix].mean(), r[ix].mean() - pr[ix].mean())
                for t, ix in topics.items()
            ),
            key=lambda row: (row[2] + row[3]) * len(row[1]),
        )
        print("topics, ours less the peer (precision, recall):")
        for t, ix, dp, dr in rows[:10]:
            print(f"  topic {t} ({len(ix)} articles): {dp:+.3f}, {dr:+.3f}")
    # the pairs behind the loss
    df = DocFreq()
    df.add(it.features for it in items)
    prof = Profiles.of(items).weigh(df)
    dated_score = pair_scores(prof, prof, params)
    content = pair_scores(prof, prof, replace(params, use_dates=False))
    lab = np.array([labels[i] for i in usable])
    plab = np.array([peer_labels[i] for i in usable])
    g = np.array([gold[i] for i in usable])
    topic = np.array([docs[i].topic or docs[i].gold for i in usable])
    size = np.array([len(clean_text(docs[i].text, docs[i].title).encode()) for i in usable])
    a, b = np.triu_indices(len(items), 1)
    one_event = g[a] == g[b]
    split = one_event & (lab[a] != lab[b])
    merged = ~one_event & (lab[a] == lab[b])
    cut = params.threshold
    for what, mask in (
        ("split", split),
        ("split, the peer keeps together", split & (plab[a] == plab[b])),
    ):
        kinds: Counter[str] = Counter()
        for x, y in zip(a[mask], b[mask], strict=True):
            undated = np.isnan(prof.days[x]) or np.isnan(prof.days[y])
            gap = abs(prof.days[x] - prof.days[y])
            notes = (" (one under 2,100 bytes)" if min(size[x], size[y]) < SHORT else "") + (
                " (one undated)" if undated else ""
            )
            if not undated and gap > params.apart_days:
                kinds["dated more than apart_days apart"] += 1
            elif content[x, y] >= cut > dated_score[x, y]:
                kinds["the gap penalty takes it below the cut"] += 1
            elif content[x, y] < cut:
                kinds["below the cut on content" + notes] += 1
            else:
                kinds["above the cut: linkage, group conflicts or a borrowed date" + notes] += 1
        print(f"pairs of one event {what}: {int(mask.sum())} of {int(one_event.sum())}")
        for k, v in kinds.most_common():
            print(f"  {v:6d} {k}")
    for what, mask in (
        ("merged", merged),
        ("merged, the peer keeps apart", merged & (plab[a] != plab[b])),
    ):
        kinds = Counter(
            ("one topic" if topic[x] == topic[y] else "two topics")
            + (", pair above the cut" if dated_score[x, y] >= cut else ", pair below the cut")
            for x, y in zip(a[mask], b[mask], strict=True)
        )
        print(f"pairs of two events {what}: {int(mask.sum())} {dict(kinds)}")
    words = [~np.asarray(f.entity, dtype=bool) for f in (it.features for it in items)]
    words_only = _idf_weighted(
        _rows(
            [np.asarray(it.features.indices)[w] for it, w in zip(items, words, strict=True)],
            [
                (1 + np.log(np.asarray(it.features.tf, float)))[w]
                for it, w in zip(items, words, strict=True)
            ],
        ),
        df,
    )
    assert prof.tfidf is not None
    print("average linkage at its best cut on gold, dates off:")
    print("  pair score:", best_cut(content, docs, usable))
    print(
        "  TF-IDF cosine, content words and names:",
        best_cut(_sdot(prof.tfidf, prof.tfidf), docs, usable),
    )
    print(
        "  TF-IDF cosine, content words alone:",
        best_cut(_sdot(words_only, words_only), docs, usable),
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="ecbplus,ecbplus-val,multinews-val")
    for name in ap.parse_args().sets.split(","):
        losses(name)


if __name__ == "__main__":
    main()
