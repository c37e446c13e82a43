"""Story clustering's cost per added article as the index grows, without parsing.

    python benchmarks/neighbour_scale.py    # writes benchmarks/results/neighbour_scale.json

:class:`storydesk.cluster.ArticleIndex` on a generated store: events of 3 to 12 reports
spread over ten years, each report drawing on common words (Zipf-like, low background
rarity), its event's own words and names, and words of its kind (two earthquakes share
"quake" words); a quarter are undated. Articles arrive as news does, by date (the undated
ones anywhere). For an index holding the first 1k / 5k / 10k, adding the next 500 is
timed (clustering only: no parsing, no store), with the key-word candidate search of
:mod:`storydesk.neighbours` and with the exhaustive search, whose stories it is checked
against. What ``add`` does depends on the
articles held, not on how they came, so the index is filled without clustering.
``benchmarks/cluster_scale.py`` measures the whole ingest on parsed news articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydesk.cluster import ArticleIndex, ClusterItem  # noqa: E402
from storydesk.model import Features  # noqa: E402
from storydesk.settings import ClusterSettings  # noqa: E402

RUN = 500


def _rarity(i: int) -> float:
    return 1.0 + (i % 3) * 0.5 if i < 5_000 else 3.0 if i < 100_000 else 4.0 + (i % 4)


def generated(n: int, seed: int = 7) -> list[ClusterItem]:
    rng = random.Random(seed)
    zipf = np.array([1.0 / (k + 1) for k in range(5_000)])
    zipf /= zipf.sum()
    common = np.random.default_rng(seed).choice(5_000, size=(n + 12, 120), p=zipf)
    start = dt.date(2010, 1, 1)
    items: list[ClusterItem] = []
    e = 0
    while len(items) < n:
        own = 600_000 + 60 * e  # hashed features stay below storydesk.features.DIM
        kind = 10_000 + 200 * (e % 40)
        day = start + dt.timedelta(days=rng.randrange(0, 3_650))
        place = 200_000 + rng.randrange(300)
        for a in range(rng.randrange(3, 13)):
            words = set(common[len(items)].tolist())
            words |= set(rng.sample(range(own, own + 60), 25)) | set(
                rng.sample(range(kind, kind + 200), 10)
            )
            idx = tuple(sorted(words))
            dated = rng.random() > 0.25
            f = Features(
                indices=idx,
                tf=tuple(1 + rng.randrange(4) for _ in idx),
                rarity=tuple(_rarity(i) for i in idx),
                entity=tuple(i >= own and i % 4 == 0 for i in idx),
                signature=(),
                shingle_count=0,
                people=((300_000 + e, 2),) if a % 2 else (),
                places=(place,),
                numbers=(400_000 + e,) if a % 3 == 0 else (),
                days=(500_000 + day.toordinal() % 366,),
                lead=(place, 300_000 + e),
            )
            published = day + dt.timedelta(days=rng.randrange(0, 5)) if dated else None
            items.append(ClusterItem(f"e{e}-{a}", f, published))
        e += 1
    # news arrives over time: by date, the undated ones anywhere
    first = start.toordinal()
    keyed = [
        (it.published.toordinal() if it.published else rng.randrange(first, first + 3_660), it)
        for it in items
    ]
    keyed.sort(key=lambda p: (p[0], p[1].key))
    return [it for _, it in keyed[:n]]


def timed(items: list[ClusterItem], size: int, exhaustive: bool) -> tuple[float, float, list]:
    """CPU seconds per article to add the RUN articles after the first ``size`` to an index
    holding those (what add does depends on the articles held, not on how they came), the
    part of it spent finding neighbours, and the stories it returns."""
    index = ArticleIndex(exhaustive=exhaustive)
    index.extend(items[:size])
    part = items[size : size + RUN]
    search = [0.0]
    plain = ArticleIndex._neighbours

    def clocked(self: ArticleIndex, rows: list[int], params: ClusterSettings) -> list:
        t = time.process_time()
        try:
            return plain(self, rows, params)
        finally:
            search[0] += time.process_time() - t

    ArticleIndex._neighbours = clocked  # type: ignore[method-assign]
    try:
        t = time.process_time()
        groups = index.add(part, ClusterSettings())
        seconds = time.process_time() - t
    finally:
        ArticleIndex._neighbours = plain  # type: ignore[method-assign]
    stories = sorted(sorted(it.key for it in g) for g in groups)
    return seconds / len(part), search[0] / len(part), stories


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/neighbour_scale.json")
    args = ap.parse_args()
    sizes = (1_000, 5_000, 10_000)
    items = generated(sizes[-1] + RUN)
    per: dict[str, dict[str, float]] = {"keys": {}, "exhaustive": {}}
    search: dict[str, dict[str, float]] = {"keys": {}, "exhaustive": {}}
    differ = {}
    for size in sizes:
        keyed, keyed_search, ours = timed(items, size, exhaustive=False)
        full, full_search, reference = timed(items, size, exhaustive=True)
        per["keys"][str(size)] = round(1000 * keyed, 2)
        per["exhaustive"][str(size)] = round(1000 * full, 2)
        search["keys"][str(size)] = round(1000 * keyed_search, 2)
        search["exhaustive"][str(size)] = round(1000 * full_search, 2)
        mine = {tuple(g) for g in ours}
        differ[str(size)] = sum(len(g) for g in reference if tuple(g) not in mine)
        print(size, per["keys"][str(size)], per["exhaustive"][str(size)], file=sys.stderr)
    result = {
        "benchmark": f"ArticleIndex.add of the next {RUN} articles (by date) to an index of "
        "1k / 5k / 10k generated articles (no parsing, no store)",
        "command": "python benchmarks/neighbour_scale.py",
        "ms_per_added_article": per,
        "ratio_10k_to_1k": {
            k: round(v[str(sizes[-1])] / v[str(sizes[0])], 2) for k, v in per.items()
        },
        "of_which_neighbour_search_ms": search,
        "search_ratio_10k_to_1k": {
            k: round(v[str(sizes[-1])] / v[str(sizes[0])], 2) for k, v in search.items()
        },
        "articles_in_stories_unlike_exhaustive": differ,
        "measured_on": dt.date.today().isoformat(),
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
