"""`storydesk eval dedup`: near-duplicate detection, precision and recall over pairs.

Two measurements, on the DUC story-clustering set (documents of all three collections):

* **exact groups**: the byte-identical-text groups the dataset lists (``exact_text_group``);
* **near-copies**: for a seeded sample of documents, a copy made by
  :mod:`storydesk.evaluate.nearcopy` (boilerplate added, headline changed, paragraphs
  reordered, 10% of words edited) is mixed in with every original.

Both are scored as pairs: predicted same-report pairs against gold pairs. Gold pairs of the
near-copy measurement are the (original, copy) pairs plus the exact-duplicate pairs already
in the data, so a detector is not punished for finding real duplicates.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from typing import Any

from ..clean import clean_text
from ..dedup import DupItem, duplicate_groups
from ..features import signature
from ..model import Features
from .data import LabelledDoc, clustering_collection
from .nearcopy import near_copy

COLLECTIONS = ("duc2004", "duc2006", "duc2007-main")


def _features(text: str) -> Features:
    sig, n = signature(text)
    return Features((), (), (), (), sig, n)


def _pairs(groups: list[list[int]]) -> set[tuple[int, int]]:
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2)}  # type: ignore[misc]


def _prf(pred: set, gold: set) -> dict[str, Any]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "predicted_pairs": len(pred),
        "gold_pairs": len(gold),
    }


def evaluate(copies: int = 300, seed: int = 13) -> dict[str, Any]:
    """Precision and recall of near-duplicate pairs on exact groups and on near-copies."""
    docs: list[LabelledDoc] = [d for c in COLLECTIONS for d in clustering_collection(c)]
    texts = [clean_text(d.text, d.title) for d in docs]
    # A family is one report: a document with its byte-identical twins (and, below, copies).
    family = [d.exact_group or f"doc:{d.id}" for d in docs]
    items = [
        DupItem(key=d.id, features=_features(t), length=len(t))
        for d, t in zip(docs, texts, strict=True)
    ]
    found = _pairs(duplicate_groups(items))
    exact_scores = _prf(found, _family_pairs(family))
    # The data labels exact copies only; wire re-writes of one story ("write-thru" versions)
    # are real near-duplicates it does not list. The share of the unlisted pairs that lie
    # inside one gold story tells whether they are plausible.
    unlisted = found - _family_pairs(family)
    exact_scores["unlisted_pairs_in_one_gold_story"] = (
        round(sum(docs[i].gold == docs[j].gold for i, j in unlisted) / len(unlisted), 4)
        if unlisted
        else 1.0
    )

    rng = random.Random(seed)
    for k, i in enumerate(rng.sample(range(len(docs)), copies)):
        title, text = near_copy(docs[i].text, docs[i].title, seed=seed * 1000 + k)
        t = clean_text(text, title)
        items.append(DupItem(key=f"copy:{k}", features=_features(t), length=len(t)))
        family.append(family[i])
    n_docs = len(docs)
    # Only pairs with a generated copy in them: pairs among originals are measured above.
    with_copy = {p for p in _pairs(duplicate_groups(items)) if p[1] >= n_docs}
    gold_copy = {p for p in _family_pairs(family) if p[1] >= n_docs}
    near = _prf(with_copy, gold_copy)
    return {
        "documents": len(docs),
        "exact_groups": exact_scores,
        "near_copies": {"copies": copies, "edit_rate": 0.10, **near},
    }


def _family_pairs(family: list[str]) -> set[tuple[int, int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(family):
        groups[f].append(i)
    return _pairs([g for g in groups.values() if len(g) > 1])
