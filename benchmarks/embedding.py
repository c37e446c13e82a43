"""The embedding of story clustering (storydesk.embed) on its own: quality and cost.

    STORYDESK_SHARED=../shared python benchmarks/embedding.py [--chars 250,500,800,1500,3000]

* Quality: B-cubed F1 of average linkage over the embedding cosine alone, ecbplus-events
  pooled, at its best cut (an oracle cut, as the issue's probe of MiniLM alone: 0.851), for
  several lengths of the embedded lead (development data only).
* Cost: the embedding time per article of the 500 DUC 2004 documents (one call per article,
  as parsing does), next to the spaCy parse of a 50-document sample measured in the same
  process (so both see the same load), and the model's load time (once per process).
* ``--minilm``: all-MiniLM-L6-v2's cost per article against the parse (benchmarks/minilm.py).
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist

from storydesk.clean import clean_text
from storydesk.embed import embed, embedder
from storydesk.evaluate.clustering import load_set, score
from storydesk.evaluate.data import shared_dir
from storydesk.nlp import load_pipeline


def quality(chars: list[int]) -> None:
    model = embedder()
    assert model is not None, "no embedding model installed"
    docs = load_set("ecbplus")
    texts = [clean_text(d.text, d.title) for d in docs]
    keep = [i for i, t in enumerate(texts) if t.strip()]
    for n in chars:
        z = linkage(pdist(model([texts[i][:n] for i in keep]), "cosine"), "average")
        best = (0.0, 0.0)
        for cut in np.arange(0.05, 0.8, 0.025):
            found = fcluster(z, cut, "distance")
            labels = [f"alone:{d.id}" for d in docs]
            for k, i in enumerate(keep):
                labels[i] = f"c{found[k]}"
            best = max(best, (score(docs, labels)["bcubed"]["f1"], round(float(cut), 3)))
        print(f"first {n} characters: B-cubed F1 {best[0]:.4f} at cosine distance {best[1]}")


def cost() -> None:
    path = shared_dir() / "datasets/duc2004-task2/clusters.jsonl"
    docs = [d for line in path.open() for d in json.loads(line)["documents"]]
    texts = [clean_text(d["text"]) for d in docs]
    t = time.perf_counter()
    embedder()
    load = time.perf_counter() - t
    nlp = load_pipeline()
    best_e = best_s = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for x in texts:
            embed([x])
        best_e = min(best_e, time.perf_counter() - t)
        t = time.perf_counter()
        for _ in nlp.pipe(texts[:50], batch_size=32):
            pass
        best_s = min(best_s, (time.perf_counter() - t) / 50 * len(texts))
    print(
        f"model load {load:.2f} s; embedding {1000 * best_e / len(texts):.2f} ms/article; "
        f"spaCy parse {1000 * best_s / len(texts):.1f} ms/article (same process); "
        f"embedding/parse {best_e / best_s:.4f}"
    )


def minilm_cost(n: int = 80) -> None:
    """Session 12: all-MiniLM-L6-v2 int8 (benchmarks/minilm.py; headline and lead, 128 word
    pieces, one call per article) against the spaCy parse and WordLlama on the same ``n``
    DUC 2004 articles, in CPU time (the machine is shared)."""
    import minilm

    path = shared_dir() / "datasets/duc2004-task2/clusters.jsonl"
    docs = [d for line in path.open() for d in json.loads(line)["documents"]][:n]
    texts = [clean_text(d["text"]) for d in docs]
    nlp, model = load_pipeline(), minilm.load()
    embed(["warm"])  # load both models and warm the parser before the clock
    model(["warm"])
    list(nlp.pipe(texts[:2]))
    t = time.process_time()
    list(nlp.pipe(texts, batch_size=16))
    parse = time.process_time() - t
    t = time.process_time()
    for d, x in zip(docs, texts, strict=True):
        model([minilm.lead_input(d.get("title"), x)])
    ml = time.process_time() - t
    t = time.process_time()
    for x in texts:
        embed([x])
    wl = time.process_time() - t
    print(
        f"{n} DUC 2004 articles, CPU ms/article: spaCy parse {1000 * parse / n:.1f}, MiniLM "
        f"{1000 * ml / n:.1f} ({100 * ml / parse:.0f}% of the parse), WordLlama "
        f"{1000 * wl / n:.2f} ({100 * wl / parse:.1f}%)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", default="250,500,800,1500,3000")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--minilm", action="store_true", help="MiniLM's cost only (session 12)")
    args = ap.parse_args()
    if args.minilm:
        minilm_cost()
        return
    cost()
    if not args.skip_quality:
        quality([int(v) for v in args.chars.split(",")])


if __name__ == "__main__":
    main()
