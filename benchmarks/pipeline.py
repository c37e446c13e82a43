"""End-to-end throughput of `storydesk run` next to spaCy alone, on the 500 DUC 2004 documents.

    make bench          # or: python benchmarks/pipeline.py --out benchmarks/results/pipeline.json

Each measurement runs in a fresh subprocess (so peak memory is its own); the spaCy model is
loaded before the clock starts in both. spaCy alone is ``nlp.pipe`` over the raw texts with
the same pipeline and batch size; the pipeline is everything `storydesk run` does: read the
JSON Lines file, clean, parse, summarise, cite, render and write the briefings.

Each arm is timed by the wall clock (``seconds``, which ``ratio`` and its floor use) and by
the CPU time of its process (``cpu_seconds``, ``cpu_ratio``): on a shared machine the wall
clock also counts the time other processes take, CPU time much less so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = "datasets/duc2004-task2/clusters.jsonl"


def shared_dir() -> Path:
    value = os.environ.get("STORYDESK_SHARED") or str(ROOT.parent / "shared")
    path = Path(value)
    return path if path.is_absolute() else (ROOT / path).resolve()


def write_corpus(target: Path) -> tuple[int, int]:
    """The DUC 2004 documents as storydesk JSON Lines; returns (documents, words)."""
    n = words = 0
    with (shared_dir() / DATASET).open() as src, target.open("w") as dst:
        for line in src:
            for doc in json.loads(line)["documents"]:
                dst.write(json.dumps({"id": doc["id"], "text": doc["text"]}) + "\n")
                n += 1
                words += len(doc["text"].split())
    return n, words


def child(mode: str, corpus: Path) -> None:
    """Run one measurement and print its figures as JSON."""
    from storydesk.nlp import load_pipeline
    from storydesk.settings import Settings

    settings = Settings()
    t0 = time.perf_counter()
    nlp = load_pipeline(settings.model)
    if mode != "spacy":  # the embedding model is loaded once per process, like spaCy's
        from storydesk.embed import embedder

        embedder()
    load_seconds = time.perf_counter() - t0
    if mode == "spacy":
        import spacy

        from storydesk.nlp import model_name

        plain = spacy.load(model_name(settings.model))
        texts = [json.loads(line)["text"] for line in corpus.open()]
        start, cpu = time.perf_counter(), time.process_time()
        n = sum(1 for _ in plain.pipe(texts, batch_size=settings.batch_size))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    else:
        from storydesk import run

        del nlp  # cached inside storydesk; run() reuses it
        with tempfile.TemporaryDirectory() as out:
            start, cpu = time.perf_counter(), time.process_time()
            result = run([str(corpus)], out, settings)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            n = result.processed
            assert not result.rejected, result.rejected[:3]
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "articles": n,
                "seconds": seconds,
                "cpu_seconds": cpu,
                "model_load_seconds": load_seconds,
                "peak_rss_mb": round(peak_kb / 1024, 1),
            }
        )
    )


def measure(mode: str, corpus: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(corpus)],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if out.returncode != 0:
        sys.exit(f"{mode} measurement failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/pipeline.json")
    # Three interleaved runs of each: with two, the ratio swung from 0.786 to 0.854 over five
    # runs in one session on this shared 2-core machine; the fastest run is the best estimate
    # of what the work costs, and more runs make it steadier.
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each; the fastest counts.")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    import spacy

    from storydesk.nlp import model_name

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "duc2004.jsonl"
        docs, words = write_corpus(corpus)
        runs: dict[str, list[dict[str, float]]] = {"spacy": [], "pipeline": []}
        for _ in range(args.repeat):  # interleaved, so drift on the machine hits both alike
            for mode in runs:
                runs[mode].append(measure(mode, corpus))
                print(mode, runs[mode][-1], file=sys.stderr)
    best = {mode: min(rs, key=lambda r: r["seconds"]) for mode, rs in runs.items()}

    def figures(r: dict[str, float]) -> dict[str, float]:
        return {
            "seconds": round(r["seconds"], 2),
            "articles_per_second": round(r["articles"] / r["seconds"], 2),
            "words_per_second": round(words / r["seconds"]),
            "peak_rss_mb": r["peak_rss_mb"],
            "all_runs_seconds": [round(x["seconds"], 2) for x in runs_of(r)],
            "cpu_seconds": round(r["cpu_seconds"], 2),
            "all_runs_cpu_seconds": [round(x["cpu_seconds"], 2) for x in runs_of(r)],
        }

    def runs_of(r: dict[str, float]) -> list[dict[str, float]]:
        return next(rs for rs in runs.values() if r in rs)

    result = {
        "benchmark": "pipeline throughput vs spaCy alone",
        "command": "make bench",
        "dataset": "duc2004-task2 (500 documents)",
        "articles": docs,
        "words": words,
        "spacy_alone": figures(best["spacy"]),
        "pipeline": figures(best["pipeline"]),
        "ratio": round(best["spacy"]["seconds"] / best["pipeline"]["seconds"], 3),
        "goal_ratio": 0.8,
        # The floor judges "ratio" (wall clock). On a shared machine CPU time is the steadier
        # figure: the least CPU seconds of each arm, spaCy's over the pipeline's.
        "cpu_ratio": round(
            min(x["cpu_seconds"] for x in runs["spacy"])
            / min(x["cpu_seconds"] for x in runs["pipeline"]),
            3,
        ),
        "clocks": {
            "seconds": "wall clock (time.perf_counter); the fastest run of each arm counts",
            "cpu_seconds": "CPU time of the process (time.process_time), same runs",
        },
        "environment": {
            "python": platform.python_version(),
            "spacy": spacy.__version__,
            "model": model_name(),
            "cpus": os.cpu_count(),
            "processes": 1,
        },
        "measured_on": dt.date.today().isoformat(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
