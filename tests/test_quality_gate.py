"""The quality gate: every measured figure in benchmarks/results stays at or above its floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "benchmarks" / "floors.json").read_text())
CASES = [(f, k, v) for f, keys in FLOORS.items() if not f.startswith("_") for k, v in keys.items()]


def _get(data: dict, dotted: str):
    for part in dotted.split("."):
        data = data[part]
    return data


@pytest.mark.parametrize(("file", "key", "floor"), CASES, ids=[f"{f}:{k}" for f, k, _ in CASES])
def test_measured_figure_meets_floor(file: str, key: str, floor: float):
    data = json.loads((ROOT / "benchmarks" / "results" / file).read_text())
    assert _get(data, key) >= floor, f"{file}: {key} = {_get(data, key)} is below the floor {floor}"


def test_pipeline_result_names_its_command():
    data = json.loads((ROOT / "benchmarks" / "results" / "pipeline.json").read_text())
    assert data["command"] == "make bench"
    assert data["pipeline"]["peak_rss_mb"] > 0 and data["spacy_alone"]["articles_per_second"] > 0


def test_clustering_beats_the_tfidf_peer_on_every_event_level_set():
    """Stories are above the TF-IDF peer on every event-level set (DUC 2006/2007, topic
    sets, are measured at the thread level: their floors say how)."""
    data = json.loads((ROOT / "benchmarks" / "results" / "clustering.json").read_text())
    for name, f1 in data["bcubed_f1"].items():
        if "storydesk_threads" not in f1:
            assert f1["storydesk"] > f1["tfidf_agglomerative"], name


def test_quotes_beat_textacy_on_found_and_rightly_attributed():
    """Direct quotes found with the right speaker, share of the gold: far above textacy's."""
    data = json.loads((ROOT / "benchmarks" / "results" / "quotes.json").read_text())
    ours = data["storydesk"]["direct"]["attributed_recall"]
    theirs = data["textacy"]["direct"]["attributed_recall"]
    assert ours >= 2 * theirs, (ours, theirs)


def test_timeline_beats_the_publication_date_baseline():
    data = json.loads((ROOT / "benchmarks" / "results" / "timeline.json").read_text())
    for split, r in data["splits"].items():
        assert r["storydesk"]["accuracy"] > r["published_date"]["accuracy"] + 0.3, split


def test_summaries_beat_every_published_system_and_peer_and_are_fast():
    data = json.loads((ROOT / "benchmarks" / "results" / "summarization.json").read_text())
    duc = data["sets"]["duc2004"]
    ours = duc["systems"]["storydesk"]["rouge2"]["mean"]
    published = {k: v for k, v in duc["systems"].items() if k.startswith("sumrepo:")}
    assert len(published) == 13
    assert all(ours > v["rouge2"]["mean"] for v in published.values())
    for name, s in data["sets"].items():
        r2 = {k: v["rouge2"]["mean"] for k, v in s["systems"].items()}
        assert r2["storydesk"] > max(r2["lead"], r2["lexrank"], r2["textrank"]), name
    # The goal is judged on CPU time where the file has it (its speed_clocks say why).
    speed = duc["speed"]["storydesk"]
    assert speed.get("median_cpu_seconds_per_cluster", speed["median_seconds_per_cluster"]) <= 0.25
