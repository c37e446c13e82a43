"""Clustering metrics: B-cubed (Bagga and Baldwin, 1998) and pairwise precision/recall."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from ..errors import ArgumentError


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> PRF:
    """B-cubed precision and recall of a flat clustering against gold labels.

    >>> bcubed(["a", "a", "b"], [1, 1, 1]).as_dict()
    {'precision': 1.0, 'recall': 0.5556, 'f1': 0.7143}
    """
    if len(predicted) != len(gold):
        raise ArgumentError("predicted and gold differ in length")
    if not gold:
        return PRF(1.0, 1.0)
    both = Counter(zip(predicted, gold, strict=True))
    pred_size = Counter(predicted)
    gold_size = Counter(gold)
    p = sum(both[(c, g)] / pred_size[c] for c, g in zip(predicted, gold, strict=True)) / len(gold)
    r = sum(both[(c, g)] / gold_size[g] for c, g in zip(predicted, gold, strict=True)) / len(gold)
    return PRF(p, r)


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> PRF:
    """Precision and recall over pairs of items put in the same cluster.

    >>> pairwise(["a", "a", "b"], [1, 1, 2]).as_dict()
    {'precision': 1.0, 'recall': 1.0, 'f1': 1.0}
    """

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(predicted, gold, strict=True)))
    pred = pairs(Counter(predicted))
    gold_pairs = pairs(Counter(gold))
    return PRF(both / pred if pred else 1.0, both / gold_pairs if gold_pairs else 1.0)
