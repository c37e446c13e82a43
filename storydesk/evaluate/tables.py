"""The figures of each ``storydesk eval`` command as Rich tables and lines, ready to print.

Each function takes the dict its harness returns (the JSON written with ``--out``) and
returns what the command shows, in order: the CLI prints them and does nothing else.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table

Shown = list[Table | str]


def _bcubed_cells(m: dict[str, Any]) -> list[str]:
    return [
        f"{m['bcubed']['precision']:.3f}",
        f"{m['bcubed']['recall']:.3f}",
        f"{m['bcubed']['f1']:.3f}",
        f"{m['pairwise']['f1']:.3f}",
        str(m["clusters"]),
    ]


def cluster(result: dict[str, Any]) -> Shown:
    """``storydesk eval cluster``: B-cubed and pairwise F1 per set and system."""
    table = Table(title="story clustering (B-cubed; pairwise F1)")
    for col in ("set", "role", "docs", "gold", "system", "P", "R", "F1", "pairwise F1", "clusters"):
        table.add_column(col)
    for r in result["sets"]:
        for system in [k for k, v in r.items() if isinstance(v, dict) and "bcubed" in v]:
            table.add_row(
                r["set"],
                r["role"],
                str(r["scored"]),
                str(r["gold_clusters"]),
                system,
                *_bcubed_cells(r[system]),
            )
    return [table]


def threads(result: dict[str, Any]) -> Shown:
    """``storydesk eval threads``: B-cubed per system, then the shape of the threads."""
    table = Table(title=f"threads on {result['documents']} Timeline17 articles (B-cubed)")
    for col in ("system", "P", "R", "F1", "pairwise F1", "clusters"):
        table.add_column(col)
    for system in (
        "storydesk",
        "storydesk_events_only",
        "tfidf_agglomerative",
        "tfidf_agglomerative_gold_k",
        "storydesk_topic_named",
    ):
        if system in result:
            table.add_row(system, *_bcubed_cells(result[system]))
    ev = result["event_structure"]
    return [
        table,
        f"storydesk_topic_named: gold where the {result.get('off_topic_articles', '?')} articles "
        f"that name nothing of their topic are threads of their own; topic gold caps a system "
        f"that leaves them alone at F1 {result.get('noise_ceiling', float('nan')):.3f}",
        f"{ev['events']} events in {ev['threads']} threads (gold {result['gold_threads']}); "
        f"events per thread {ev['events_per_thread']}; events spanning > 21 days: "
        f"{ev['share_events_over_21_days']:.1%}; overlapping consecutive events "
        f"{ev['overlapping_consecutive_pairs']} of {ev['consecutive_event_pairs']}; longest "
        f"silence in a thread {ev.get('longest_silence_days', '?')} days",
    ]


def dedup(result: dict[str, Any]) -> Shown:
    """``storydesk eval dedup``: pair precision and recall per measurement."""
    table = Table(title=f"near-duplicates over {result['documents']} DUC documents (pairs)")
    for col in ("measurement", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(col)
    for name in ("exact_groups", "near_copies"):
        m = result[name]
        table.add_row(
            name,
            f"{m['precision']:.3f}",
            f"{m['recall']:.3f}",
            f"{m['f1']:.3f}",
            str(m["predicted_pairs"]),
            str(m["gold_pairs"]),
        )
    return [table]


def quotes(result: dict[str, Any], split: str) -> Shown:
    """``storydesk eval quotes``: recall, speaker accuracy and precision per kind of quote."""
    table = Table(title=f"PolNeAR {split}: {result['articles']} articles")
    table.add_column("system")
    for col in ("kind", "gold", "recall", "speaker acc.", "found+right", "precision"):
        table.add_column(col, justify="right")
    for system in ("storydesk", "textacy"):
        for kind, m in result[system].items():
            table.add_row(
                system,
                kind,
                str(m["gold"]),
                *(
                    "-" if m[k] is None else f"{m[k]:.3f}"
                    for k in ("recall", "speaker_accuracy", "attributed_recall", "precision")
                ),
            )
    both = result["direct_both_found"]
    return [
        table,
        f"direct quotes both found ({both['items']}): speaker accuracy storydesk "
        f"{both['storydesk']:.3f}, textacy {both['textacy']:.3f}",
    ]


def timeline(result: dict[str, Any], systems: tuple[str, ...]) -> Shown:
    """``storydesk eval timeline``: accuracy (correct sentences) per split and system."""
    table = Table(title=f"Timeline17 date resolution ({result['articles_read']} articles read)")
    table.add_column("split")
    table.add_column("sentences", justify="right")
    for name in systems:
        table.add_column(name, justify="right")
    for split, r in result["splits"].items():
        table.add_row(
            split,
            str(r["sentences"]),
            *(f"{r[n]['accuracy']:.3f} ({r[n]['correct']})" for n in systems),
        )
    return [table]


def clean(result: dict[str, Any], systems: tuple[str, ...]) -> Shown:
    """``storydesk eval clean``: shingle precision, recall and F1 per system."""
    table = Table(title=f"article text from {result['pages']} real pages (shingle P/R/F1)")
    table.add_column("system")
    for col in ("precision", "recall", "F1", "furniture kept", "body lost"):
        table.add_column(col, justify="right")
    for system in systems:
        m = result[system]
        table.add_row(
            system,
            *(f"{m[k]:.3f}" for k in ("precision", "recall", "f1", "furniture_kept", "body_lost")),
        )
    shown: Shown = [table]
    if d := result.get("text_path_dates"):
        shown.append(
            f"text path dates: {d['text_dated']} of {d['pages']} pages dated; of the "
            f"{d['html_metadata_dated']} the HTML metadata dates, {d['text_same_day_as_html']} "
            f"on the same day, {d['text_within_a_day_of_html']} within a day"
        )
    return shown


def summarize_set(name: str, r: dict[str, Any]) -> Shown:
    """``storydesk eval summarize``, one set: ROUGE with intervals per system (best R-2
    first), then the summariser's speed."""
    c = r["convention"]
    table = Table(
        title=f"{name} ({r['role']}): {r['clusters']} clusters, ROUGE {c['measure']} at "
        f"{c['words']} words, x100, 95% bootstrap intervals"
    )
    table.add_column("system", no_wrap=True)
    for col in ("R-1", "R-2", "R-L", "published R-2"):
        table.add_column(col, justify="right")
    published = r.get("published_rouge2", {})
    for system, m in sorted(r["systems"].items(), key=lambda kv: -kv[1]["rouge2"]["mean"]):
        label = f"[bold]{system}[/bold] ({r['summarizer']})" if system == "storydesk" else system
        table.add_row(
            label,
            *(
                f"{m[t]['mean']:.2f} [{m[t]['low']:.2f}, {m[t]['high']:.2f}]"
                for t in ("rouge1", "rouge2", "rougeL")
            ),
            f"{published[system]['published']:.2f}" if system in published else "",
        )
    speed = ", ".join(
        f"{k} {v['median_seconds_per_cluster']:.3f} s wall, "
        f"{v.get('median_cpu_seconds_per_cluster', float('nan')):.3f} s CPU"
        for k, v in r["speed"].items()
    )
    return [table, f"median seconds per cluster (summariser step): {speed}"]
