from __future__ import annotations

from pathlib import Path

from storydesk.clean import clean_text
from storydesk.dedup import DupItem, containment, duplicate_groups, jaccard, same_report
from storydesk.evaluate.nearcopy import near_copy
from storydesk.features import signature
from storydesk.model import Features

GOLDEN = Path(__file__).parent / "golden" / "input" / "tarn-chronicle-ferry.txt"

BASE = (
    "The Kessen Dam gave way late on Sunday after a week of heavy rain, sending a wall of water "
    "into the riverside districts of Port Averly. Twelve people were confirmed dead on Monday "
    "and fifteen were missing, the relief agency said. Rescue teams used boats to reach families "
    "trapped on rooftops in the Millbank district, where the water rose above the doorframes. "
    "The regional governor said the army would send more boats and that schools would stay shut. "
    "Engineers had warned for years that the dam needed repairs, according to documents seen by "
    "reporters, and the interior minister promised a full inquiry into what went wrong."
)
OTHER = (
    "Dockworkers in Brackwater walked out on Tuesday over pay, halting the port and stranding "
    "dozens of ships in the harbour. The union said the strike would last until the port "
    "authority reopened talks on wages and shift patterns, and shipping firms warned of delays "
    "for fuel and grain deliveries across the region if the stoppage ran into next week."
)


def f(text: str) -> Features:
    sig, n = signature(text)
    return Features((), (), (), (), sig, n)


def test_near_copy_is_the_same_report_and_other_news_is_not():
    _, copy = near_copy(BASE, "Dam bursts", seed=3)
    assert same_report(f(BASE), f(clean_text(copy)))
    assert not same_report(f(BASE), f(OTHER))
    assert jaccard(f(BASE), f(BASE)) == 1.0


def test_a_copy_cut_short_is_contained():
    short = BASE[: len(BASE) // 2]
    assert containment(f(short), f(BASE)) > 0.8
    assert same_report(f(short), f(BASE))


def test_groups_pick_the_earliest_then_longest_as_representative():
    import datetime as dt

    _, copy = near_copy(BASE, None, seed=5)
    items = [
        DupItem("b-copy", f(clean_text(copy)), dt.date(2026, 3, 10), len(copy)),
        DupItem("other", f(OTHER), dt.date(2026, 3, 9), len(OTHER)),
        DupItem("a-orig", f(BASE), dt.date(2026, 3, 9), len(BASE)),
    ]
    assert duplicate_groups(items) == [[2, 0]]
    assert duplicate_groups(list(reversed(items))) == [[0, 2]]


def test_signatures_are_deterministic():
    assert signature(BASE) == signature(BASE)
    text = GOLDEN.read_text()
    assert signature(text)[1] > 50
