"""The live quality gate: headline figures recomputed from the code, on fixed small subsets.

tests/test_quality_gate.py checks the figures written in benchmarks/results, which only
`make eval` rewrites. These tests measure again, in every CI run, through the same harness
code as `storydesk eval ...`, and hold each figure to its floor in
benchmarks/gate_floors.json (pinned on the same subset). Parses are cached in .cache/; a
clean clone parses everything once (about a minute and a half of one core for the four
subsets here).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
GATE = json.loads((ROOT / "benchmarks" / "gate_floors.json").read_text())
CACHE = ROOT / ".cache"


@pytest.fixture
def data(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The harness reads STORYDESK_SHARED itself: give it the folder the fixture resolved.
    monkeypatch.setenv("STORYDESK_SHARED", str(shared))


def _get(data: dict[str, Any], dotted: str) -> Any:
    for part in dotted.split("."):
        data = data[part]
    return data


def _meets_floors(name: str, measured: dict[str, Any]) -> None:
    section = GATE[name]
    low = {
        key: {"measured": _get(measured, key), "floor": f["floor"]}
        for key, f in section["figures"].items()
        if _get(measured, key) is None or _get(measured, key) < f["floor"]
    }
    assert not low, f"{name} on {section['subset']}: below the floor: {low}"


def test_every_floor_sits_at_or_below_its_measured_figure():
    for name, section in GATE.items():
        if name.startswith("_"):
            continue
        assert section["subset"] and section["figures"], name
        for key, f in section["figures"].items():
            assert f["floor"] <= f["measured"], (name, key)


@pytest.mark.shared
@pytest.mark.slow
def test_rouge2_of_the_default_summariser_on_five_duc2004_clusters(data: None):
    from storydesk.evaluate.summarization import evaluate, load_set

    loaded = load_set("duc2004", limit=5, cache=CACHE)
    assert len(loaded.clusters) == 5 and not loaded.rejected
    result = evaluate(loaded, peers=False)
    assert result["ours_made_by"] == {"summarizer": 5}
    _meets_floors("summarization", {"rouge2": result["systems"]["storydesk"]["rouge2"]["mean"]})


@pytest.mark.shared
@pytest.mark.slow
def test_quotes_on_forty_polnear_dev_articles(data: None):
    from storydesk.evaluate.quotes import storydesk_scores

    scores = storydesk_scores("dev", limit=40, cache=CACHE)
    assert scores["direct"]["gold"] > 300 and scores["reported"]["gold"] > 800
    _meets_floors("quotes", scores)


@pytest.mark.shared
def test_the_quick_quote_figures_are_the_harness_figures(data: None, tmp_path: Path):
    from storydesk.evaluate.quotes import run_quotes_eval, storydesk_scores

    full = run_quotes_eval("dev", limit=4, cache=tmp_path)
    assert storydesk_scores("dev", limit=4, cache=tmp_path) == full["storydesk"]


@pytest.mark.shared
@pytest.mark.slow
def test_dates_of_timeline17_dev_sentences(data: None):
    from storydesk.evaluate.timeline import storydesk_accuracy

    result = storydesk_accuracy("dev", cache=CACHE)
    assert result["sentences"] > 100
    _meets_floors("timeline", result)


# The first four ECB+ validation topics (development): 8 events, 101 articles.
ECBPLUS_GATE_TOPICS = ("2", "5", "12", "18")


@pytest.mark.shared
@pytest.mark.slow
def test_bcubed_of_the_shipped_clusterer_on_four_ecbplus_val_topics(data: None):
    from storydesk.evaluate.clustering import featurize, load_set, ours, score
    from storydesk.settings import ClusterSettings

    # All articles of the four topics pooled, as `eval cluster` pools ECB+ (dates on).
    docs = [d for d in load_set("ecbplus") if d.topic in ECBPLUS_GATE_TOPICS]
    assert len(docs) == 101 and len({d.gold for d in docs}) == 8
    feats = featurize(docs, cache=CACHE)
    _meets_floors("clustering", score(docs, ours(docs, feats, ClusterSettings())))
