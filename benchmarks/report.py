"""Write docs/benchmarks.md from the measured figures in benchmarks/results/*.json.

    python benchmarks/report.py

Every number in docs/benchmarks.md comes from a results file, and every results file names the
command that measured it.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def load(name: str) -> dict | None:
    path = RESULTS / name
    return json.loads(path.read_text()) if path.exists() else None


def pipeline(lines: list[str]) -> None:
    r = load("pipeline.json")
    if not r:
        return
    lines += [
        "## End-to-end throughput",
        "",
        f"`{r['command']}`: {r['dataset']}, {r['words']:,} words, one process, "
        f"measured {r['measured_on']}.",
        "",
        "| | seconds | articles/s | words/s | peak memory |",
        "|---|---|---|---|---|",
    ]
    for label, key in (
        ("spaCy alone (`nlp.pipe`)", "spacy_alone"),
        ("`storydesk run`", "pipeline"),
    ):
        m = r[key]
        lines.append(
            f"| {label} | {m['seconds']} | {m['articles_per_second']} | "
            f"{m['words_per_second']:,} | {m['peak_rss_mb']} MB |"
        )
    lines += [
        "",
        f"Ratio: **{r['ratio']}** of spaCy-alone throughput (goal >= {r['goal_ratio']}).",
        "",
    ]


def clustering(lines: list[str]) -> None:
    r = load("clustering.json")
    if not r:
        return
    lines += [
        "## Story clustering",
        "",
        f"`{r['command']}`, measured {r['measured_on']}. Peer: {r['peer']}. "
        "Development sets (settings chosen on them): DUC 2006, DUC 2007 main; test sets: "
        "DUC 2004, Multi-News pooled. Documents with several gold clusters are clustered but "
        "not scored.",
        "",
        "| set | role | scored docs | gold clusters | system | B-cubed P | B-cubed R "
        "| B-cubed F1 | pairwise F1 | clusters |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in r["sets"]:
        for system, name in (
            ("storydesk", "**storydesk**"),
            ("storydesk_content_only", "storydesk, dates ignored"),
            ("tfidf_agglomerative", "TF-IDF + agglomerative"),
        ):
            m = s[system]
            b = m["bcubed"]
            lines.append(
                f"| {s['set']} | {s['role']} | {s['scored']} | {s['gold_clusters']} | {name} | "
                f"{b['precision']:.3f} | {b['recall']:.3f} | {b['f1']:.3f} | "
                f"{m['pairwise']['f1']:.3f} | {m['clusters']} |"
            )
    lines += ["", f"Settings: `{json.dumps(r['params'])}`", ""]


def dedup(lines: list[str]) -> None:
    r = load("dedup.json")
    if not r:
        return
    lines += [
        "## Near-duplicates",
        "",
        f"`{r['command']}` over {r['documents']:,} DUC documents; "
        "pairs of articles judged one report.",
        "",
        "| measurement | precision | recall | F1 | predicted pairs | gold pairs |",
        "|---|---|---|---|---|---|",
    ]
    for name, label in (
        ("exact_groups", "exact-duplicate groups listed in the data"),
        ("near_copies", "generated near-copies (pairs with a copy in them)"),
    ):
        m = r[name]
        lines.append(
            f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
            f"{m['predicted_pairs']} | {m['gold_pairs']} |"
        )
    share = r["exact_groups"].get("unlisted_pairs_in_one_gold_story")
    lines += [
        "",
        "The data lists exact copies only; most of the other pairs found are wire re-writes of "
        f'one story ("write-thru" versions): {share:.1%} of them lie inside one gold story.',
        "",
    ]


def scale(lines: list[str]) -> None:
    r = load("cluster_scale.json")
    if not r:
        return
    lines += [
        "## Ingest at scale",
        "",
        f"`{r['command']}`: {r['articles']:,} articles ({r['generated_near_copies']:,} of them "
        f"generated near-copies) ingested into one SQLite store in runs of 1,000; parsing "
        f"({r['parse_seconds_not_timed_below']} s, cached) is not in these figures. Total "
        f"{r['total_seconds']} s, peak memory {r['peak_rss_mb']} MB (includes the cached parses "
        f"held in memory), store file {r['store_file_mb']} MB.",
        "",
        "| store size before | added | run seconds | loading the store "
        "| ms per added article | stories after |",
        "|---|---|---|---|---|---|",
    ]
    for run in r["runs"]:
        lines.append(
            f"| {run['store_size_before']:,} | {run['added']:,} | {run['seconds']} | "
            f"{run['load_seconds']} s | {run['ms_per_article_excluding_load']} | "
            f"{run['stories_after']:,} |"
        )
    lines.append("")


def main() -> None:
    lines = [
        "# Benchmarks",
        "",
        "Every figure here is written by `python benchmarks/report.py` from "
        "`benchmarks/results/*.json`, each produced by the command named with it, on this "
        "project's 2-core, no-GPU machine. Floors pinned in `benchmarks/floors.json` fail "
        "`tests/test_quality_gate.py` when a committed figure drops below them.",
        "",
    ]
    for part in (pipeline, clustering, dedup, scale):
        part(lines)
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines) + "\n")
    print("wrote docs/benchmarks.md")


if __name__ == "__main__":
    main()
