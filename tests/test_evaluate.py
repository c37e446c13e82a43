from __future__ import annotations

import pytest

from storydesk.evaluate.metrics import bcubed, pairwise
from storydesk.evaluate.nearcopy import near_copy, paragraphs_of


def test_bcubed_known_values():
    # Amigo et al. (2009), fig. 1 style: one cluster mixing two classes
    m = bcubed(["x", "x", "x", "y"], ["a", "a", "b", "b"])
    assert m.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert m.recall == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    perfect = bcubed([1, 1, 2], ["a", "a", "b"])
    assert perfect.f1 == 1.0
    with pytest.raises(ValueError):
        bcubed([1], [1, 2])


def test_pairwise_known_values():
    m = pairwise(["x", "x", "x", "y"], ["a", "a", "b", "b"])
    assert m.precision == pytest.approx(1 / 3) and m.recall == pytest.approx(1 / 2)


def test_near_copy_is_deterministic_and_edits_about_ten_percent():
    text = " ".join(f"Sentence number {k} says something new about the dam." for k in range(30))
    a = near_copy(text, "Dam", seed=1)
    assert a == near_copy(text, "Dam", seed=1)
    assert a != near_copy(text, "Dam", seed=2)
    title, copy = a
    assert title == "UPDATE: Dam"
    original = set(text.split())
    words = copy.split()
    assert 0.7 < sum(w in original for w in words) / len(words) < 0.97
    assert len(paragraphs_of(text)) == 10


def test_dedup_evaluation_live(shared):
    from storydesk.evaluate.dedup import evaluate

    result = evaluate(copies=100)
    assert result["exact_groups"]["recall"] >= 0.99
    assert result["near_copies"]["recall"] >= 0.98
    assert result["near_copies"]["precision"] >= 0.9
