"""`storydesk eval threads`: threads of Timeline17's long-running stories, pooled.

Timeline17 (development set) holds dated articles of 9 long-running stories, gathered per
(topic, publisher) folder. A fixed sample of articles per folder (seeded) is pooled; the
gold thread of an article is its topic (the folder name before the publisher: every
publisher's articles about the BP oil spill are one thread). storydesk clusters the pool
into events (:func:`storydesk.cluster.cluster_batch`, dates on) and links the events into
threads (:func:`storydesk.threads.group`); B-cubed is scored per article at the thread
level, next to TF-IDF + average-linkage agglomerative clustering of the articles measured
in the same run (at the cut shipped for `eval cluster`, and at the gold number of
clusters). It also reports how many events each thread has, whether a thread's events run
in time order (consecutive events that overlap in time), the longest silence within a
thread, and how many events span more than three weeks.

The folders hold scraping noise (PROVENANCE.md): of the 640 articles drawn, 32 name nothing of
their topic (23 of the 80 SyrianCrisis articles drawn from Reuters are business, sport and
world news of 2011 that never name Syria). Topic gold counts them in the topic's thread, so a
system that keeps them out of it cannot reach B-cubed F1 0.95 (0.954 with every other article
perfectly threaded: ``noise_ceiling``). ``storydesk_topic_named`` scores the same threads
against a gold where an article that names none of its topic's terms
(:data:`TOPIC_TERMS`) is a thread of its own.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from ..clean import clean_text
from ..cluster import ClusterItem, cluster_batch
from ..ingest.dates import parse_date
from ..model import Features
from ..settings import ClusterSettings
from ..threads import ThreadParams
from .clustering import PEER_DISTANCE, featurize, thread_labels
from .data import LabelledDoc, dataset_path
from .metrics import bcubed, pairwise
from .timeline import detokenize

PER_FOLDER = 40
SEED = 17
LONG_EVENT_DAYS = 21
PEER_SWEEP = (0.8, 0.85, 0.9, 0.95, 0.98)
# What an article of a Timeline17 topic names when it is about that topic (case-insensitive).
TOPIC_TERMS = {
    "bpoil": r"oil|spill|deepwater|\bbp\b",
    "EgyptianProtest": r"egypt|mubarak",
    "H1N1": r"flu|h1n1",
    "haiti": r"haiti|quake",
    "IraqWar": r"iraq",
    "LibyaWar": r"libya|gaddafi|qaddafi",
    "MJ": r"jackson",
    "SyrianCrisis": r"syria",
}
SWEEP = (0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def load_pool(per_folder: int | None = PER_FOLDER, seed: int = SEED) -> list[LabelledDoc]:
    """``per_folder`` articles of each topic/publisher folder, drawn with a fixed seed (all
    when None), detokenized; gold = topic."""
    folders: dict[str, list[dict[str, Any]]] = {}
    with (dataset_path("timeline17") / "articles.jsonl").open() as fh:
        for line in fh:
            row = json.loads(line)
            folders.setdefault(row["topic"], []).append(row)
    out: list[LabelledDoc] = []
    for folder in sorted(folders):
        rows = sorted(folders[folder], key=lambda r: r["id"])
        if per_folder is not None and len(rows) > per_folder:
            rows = sorted(
                random.Random(f"{seed}:{folder}").sample(rows, per_folder), key=lambda r: r["id"]
            )
        out.extend(
            LabelledDoc(
                id=r["id"],
                text=detokenize(r["text"]),
                title=None,
                date=r.get("date"),
                gold=folder.split("_")[0],
            )
            for r in rows
        )
    return out


def events_of(
    docs: Sequence[LabelledDoc], feats: Sequence[Features | None], params: ClusterSettings
) -> list[list[int]]:
    """Event clusters (lists of document indexes) of the documents that have features."""
    usable = [i for i, f in enumerate(feats) if f is not None]
    items = [
        ClusterItem(key=docs[i].id, features=feats[i], published=parse_date(docs[i].date))  # type: ignore[arg-type]
        for i in usable
    ]
    return [[usable[k] for k in g] for g in cluster_batch(items, params)]


def _span(docs: Sequence[LabelledDoc], event: Sequence[int]) -> tuple[dt.date, dt.date] | None:
    dates = [d for i in event if (d := parse_date(docs[i].date)) is not None]
    return (min(dates), max(dates)) if dates else None


def event_report(
    docs: Sequence[LabelledDoc], events: Sequence[Sequence[int]], threads: Sequence[Sequence[int]]
) -> dict[str, Any]:
    """Events per thread, time order within threads and long events."""
    spans = [_span(docs, e) for e in events]
    days = [(s[1] - s[0]).days for s in spans if s is not None]
    long_events = [
        {
            "articles": len(events[n]),
            "first": s[0].isoformat(),
            "last": s[1].isoformat(),
            "days": (s[1] - s[0]).days,
            "topics": dict(Counter(docs[i].gold for i in events[n])),
        }
        for n, s in enumerate(spans)
        if s is not None and (s[1] - s[0]).days > LONG_EVENT_DAYS
    ]
    per_thread = []
    silences: list[int] = []
    overlaps = pairs = 0
    for members in threads:
        dated = sorted((span, e) for e in members if (span := spans[e]) is not None)
        silence = 0
        ended = dated[0][0][1] if dated else None  # the latest end of the events so far
        for (a, _), (b, _) in itertools.pairwise(dated):
            pairs += 1
            overlaps += b[0] <= a[1]  # the later-starting event starts before the other ends
            ended = max(ended or a[1], a[1])
            # days from the end of every earlier event to the start of the next one
            silence = max(silence, (b[0] - ended).days)
        silences.append(silence)
        articles = [i for e in members for i in events[e]]
        per_thread.append(
            {
                "events": len(members),
                "articles": len(articles),
                "first": dated[0][0][0].isoformat() if dated else None,
                "last": max(s[1] for s, _ in dated).isoformat() if dated else None,
                "longest_silence_days": silence,
                "topics": dict(Counter(docs[i].gold for i in articles)),
            }
        )
    return {
        "events": len(events),
        "threads": len(threads),
        "events_per_thread": sorted((t["events"] for t in per_thread), reverse=True),
        "per_thread": sorted(per_thread, key=lambda t: -t["articles"]),
        "event_days": {
            "median": float(np.median(days)) if days else 0.0,
            "max": max(days) if days else 0,
        },
        "share_events_over_21_days": round(len(long_events) / len(events), 4) if events else 0.0,
        "long_events": long_events,
        # Consecutive events of a thread (ordered by first date) whose date spans overlap: 0
        # means every thread is a clean sequence of events in time order.
        "consecutive_event_pairs": pairs,
        "overlapping_consecutive_pairs": overlaps,
        # The longest time in any thread with no event running (threads.ThreadParams:
        # no link across more than gap_max_days).
        "longest_silence_days": max(silences, default=0),
    }


def peer(docs: Sequence[LabelledDoc], distance: float | None, n_clusters: int | None) -> list[str]:
    """TF-IDF + average-linkage agglomerative clustering of the articles (scikit-learn)."""
    texts = [clean_text(d.text, d.title) or d.text for d in docs]
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    # A text with no term left (cosine undefined) is a cluster of its own.
    rows = [i for i in range(x.shape[0]) if x[i].nnz]
    model = AgglomerativeClustering(
        n_clusters=n_clusters, metric="cosine", linkage="average", distance_threshold=distance
    )
    labels = [f"alone{i}" for i in range(len(docs))]
    for i, label in zip(rows, model.fit_predict(x[rows].toarray()), strict=True):
        labels[i] = f"p{label}"
    return labels


def topic_named_gold(docs: Sequence[LabelledDoc]) -> list[str]:
    """Gold threads where an article that names none of its topic's terms is its own."""
    return [
        d.gold if re.search(TOPIC_TERMS.get(d.gold, "."), d.text, re.IGNORECASE) else f"off:{d.id}"
        for d in docs
    ]


def score(
    docs: Sequence[LabelledDoc], labels: Sequence[str], gold: Sequence[str] | None = None
) -> dict[str, Any]:
    gold = [d.gold for d in docs] if gold is None else gold
    return {
        "bcubed": bcubed(labels, gold).as_dict(),
        "pairwise": pairwise(labels, gold).as_dict(),
        "clusters": len(set(labels)),
    }


def run(
    per_folder: int | None = PER_FOLDER,
    n_process: int = 1,
    cache: Path | None = None,
    params: ThreadParams | None = None,
    cluster_params: ClusterSettings | None = None,
) -> dict[str, Any]:
    """The figures `storydesk eval threads` prints and writes."""
    params = params or ThreadParams()
    cluster_params = cluster_params or ClusterSettings()
    docs = load_pool(per_folder)
    feats = featurize(docs, n_process=n_process, cache=cache)
    events = events_of(docs, feats, cluster_params)
    labels, threads = thread_labels(docs, feats, events, params)
    gold_threads = len({d.gold for d in docs})
    named = topic_named_gold(docs)
    sweep = {
        str(t): score(
            docs, thread_labels(docs, feats, events, ThreadParams(t, params.entity_weight))[0]
        )["bcubed"]["f1"]
        for t in SWEEP
    }
    command = "storydesk eval threads --out benchmarks/results/threads.json" + (
        "" if per_folder == PER_FOLDER else f" --per-folder {per_folder or 0}"
    )
    return {
        "command": command,
        "data": f"Timeline17 (development set): {per_folder or 'all'} articles per topic/publisher "
        f"folder, drawn with seed {SEED}, pooled; gold thread = topic",
        "documents": len(docs),
        "folders": len({d.id.split(":")[0] for d in docs}),
        "gold_threads": gold_threads,
        "params": asdict(params),
        "cluster_params": asdict(cluster_params),
        "storydesk": score(docs, labels),
        "storydesk_topic_named": score(docs, labels, named),
        "off_topic_articles": sum(g.startswith("off:") for g in named),
        # Topic gold, scored on the threads of the named gold: what a system scores that
        # threads every article that names its topic perfectly and leaves the rest alone.
        "noise_ceiling": score(docs, named)["bcubed"]["f1"],
        "storydesk_events_only": score(docs, [f"e{n}" for n, _ in _event_labels(docs, events)]),
        "tfidf_agglomerative": score(docs, peer(docs, PEER_DISTANCE, None)),
        "tfidf_agglomerative_gold_k": score(docs, peer(docs, None, gold_threads)),
        # The peer at other cuts, for its best (chosen on gold: an upper bound for the peer).
        "tfidf_agglomerative_sweep_bcubed_f1": {
            str(d): score(docs, peer(docs, d, None))["bcubed"]["f1"] for d in PEER_SWEEP
        },
        "peer": f"TF-IDF (scikit-learn, English stop words, sublinear tf) + average-linkage "
        f"agglomerative clustering of the articles: cosine distance cut {PEER_DISTANCE} (as in "
        f"eval cluster), and the gold number of threads",
        "threshold_sweep_bcubed_f1": sweep,
        "event_structure": event_report(docs, events, threads),
        "measured_on": dt.date.today().isoformat(),
    }


def _event_labels(
    docs: Sequence[LabelledDoc], events: Sequence[Sequence[int]]
) -> list[tuple[int, int]]:
    """(event number, document index) per document, in document order (events alone)."""
    label = {i: n for n, ev in enumerate(events) for i in ev}
    return [(label.get(i, len(events) + i), i) for i in range(len(docs))]


__all__ = ["PER_FOLDER", "SEED", "TOPIC_TERMS", "load_pool", "run", "topic_named_gold"]
