"""The bundled fictional examples: their ground truth is in examples/README.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storydesk import run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture(scope="module")
def briefings(tmp_path_factory):
    out = tmp_path_factory.mktemp("examples")
    result = run([str(EXAMPLES)], out)
    assert {r.source.rsplit("/", 1)[-1] for r in result.rejected} == {
        "empty-page.html",
        "wire.jsonl:5",
        "vto-20260311-live-updates",
    }
    return [json.loads(p.read_text()) for p in sorted(out.glob("*/briefing.json"))]


def _event(article_id: str) -> str:
    if "2019" in article_id or "storm-idris" in article_id:
        return "B"
    if "brackwater" in article_id or "hbd-" in article_id:
        return "C"
    return "A"


def test_three_events_three_stories(briefings):
    stories = sorted(sorted({_event(a["id"]) for a in b["articles"]}) for b in briefings)
    assert stories == [["A"], ["B"], ["C"]]
    sizes = sorted(len(b["articles"]) for b in briefings)
    assert sizes == [2, 2, 9]


def test_syndicated_copy_counts_once(briefings):
    [a] = [b for b in briefings if len(b["articles"]) == 9]
    by_id = {x["id"]: x for x in a["articles"]}
    assert by_id["vto-20260310-mp-nineteen-dead"]["duplicate_of"] == "cdl-20260310-mp-flood-toll-19"
    assert by_id["cdl-20260310-mp-flood-toll-19"]["also_published_by"] == [
        "vto-20260310-mp-nineteen-dead"
    ]
    cited = {c["article_id"] for s in a["summary"] for c in s["citations"]}
    assert "vto-20260310-mp-nineteen-dead" not in cited
