"""Peak memory of the reading stage on a large JSON Lines file (issue 13, bounded memory).

Writes a file of fictional articles (seeded, about ``--mb`` megabytes), then reads it in a
fresh process with :func:`storydesk.ingest.read_paths`, dropping each record (``--keep``
holds them all, as :func:`storydesk.pipeline.load` does), and prints the process's RSS after
the imports and its peak. Only the reading stage: parsing 50 MB with spaCy takes hours.

    python benchmarks/ingest_memory.py --mb 50            # this checkout's code
    PYTHONPATH=/path/to/old/checkout python benchmarks/ingest_memory.py --mb 50
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = [
    "river",
    "council",
    "bridge",
    "flood",
    "mayor",
    "engineers",
    "residents",
    "storm",
    "harbour",
    "village",
    "minister",
    "road",
    "officials",
    "police",
    "report",
    "week",
    "said",
    "would",
    "could",
    "after",
    "before",
    "during",
    "across",
    "north",
    "south",
    "east",
    "west",
    "hundreds",
    "thousands",
    "water",
    "rain",
    "wind",
    "damage",
    "repair",
    "budget",
    "vote",
    "strike",
]


def make_file(path: Path, megabytes: float, seed: int = 13) -> int:
    """Write about ``megabytes`` MB of JSON Lines articles; return how many."""
    rng = random.Random(seed)
    target, written, n = int(megabytes * 1_000_000), 0, 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as f:
        while written < target:
            paragraphs = [
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 80))).capitalize() + "."
                for _ in range(rng.randint(3, 8))
            ]
            line = json.dumps(
                {
                    "id": f"m{n}",
                    "title": f"Report {n}",
                    "published": "2026-03-10",
                    "text": "\n\n".join(paragraphs),
                }
            )
            f.write(line + "\n")
            written += len(line) + 1
            n += 1
    return n


def measure(path: str, keep: bool) -> dict[str, float]:
    """Run in the child: read ``path`` and report RSS figures in MB."""
    import psutil

    import storydesk
    from storydesk.ingest import read_paths

    base = psutil.Process().memory_info().rss / 2**20
    kept: list[object] = []
    count = 0
    for item in read_paths([path]):
        count += 1
        if keep:
            kept.append(item)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return {
        "code": str(Path(storydesk.__file__).parent),
        "records": count,
        "rss_after_imports_mb": round(base),
        "peak_rss_mb": round(peak),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--gzip", action="store_true", help="write and read a .jsonl.gz")
    parser.add_argument("--keep", action="store_true", help="hold every record, as load() does")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.keep)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("feed.jsonl.gz" if args.gzip else "feed.jsonl")
        articles = make_file(path, args.mb)
        child = [sys.executable, __file__, "--child", str(path)] + (["--keep"] if args.keep else [])
        # The code measured is this checkout's unless PYTHONPATH names another.
        env = {"PYTHONPATH": str(Path(__file__).resolve().parents[1]), **os.environ}
        done = subprocess.run(child, check=True, capture_output=True, env=env)
        result = json.loads(done.stdout)
        size = path.stat().st_size / 2**20
        print(json.dumps({"file_mb": round(size, 1), "articles": articles, **result}))


if __name__ == "__main__":
    main()
