"""The foundation's acceptance checks on the five real seed articles (../shared/seeds)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_clean import SEED_BOILERPLATE

from storydesk import run


@pytest.fixture(scope="module")
def seed_run(shared, tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    result = run([str(shared / "seeds")], out)
    assert result.processed == 5 and not result.rejected
    briefings = [json.loads(p.read_text()) for p in sorted(Path(out).glob("*/briefing.json"))]
    return result, briefings


def test_no_boilerplate_survives(seed_run):
    _, briefings = seed_run
    for b in briefings:
        for a in b["articles"]:
            for pattern in SEED_BOILERPLATE:
                assert not re.search(pattern, a["text"], re.MULTILINE), (a["id"], pattern)
            assert "`" not in a["text"]


def test_repeated_lead_once_and_glued_sentences_split(seed_run, shared):
    _, briefings = seed_run
    texts = {a["id"]: a["text"] for b in briefings for a in b["articles"]}
    first = next(t for k, t in texts.items() if k.startswith("000"))
    raw = next((shared / "seeds").glob("000_*.txt")).read_text()
    lead = [line for line in raw.splitlines() if line.strip()][1]
    assert raw.count(lead) == 2 and first.count(lead) == 1
    assert not re.search(r"[a-z]{2}\.[A-Z][a-z]", "\n".join(texts.values()))


def test_titles_from_headlines(seed_run, shared):
    _, briefings = seed_run
    titles = {a["id"][:3]: a["title"] for b in briefings for a in b["articles"]}

    def line(prefix: str, n: int) -> str:
        raw = next((shared / "seeds").glob(f"{prefix}_*.txt")).read_text()
        return [x.strip() for x in raw.splitlines() if x.strip()][n]

    assert titles["000"] == line("000", 0)
    assert titles["002"] is None  # the first line is a sentence, not a headline
    assert titles["004"] == line("004", 1)  # below a one-line section label


def test_2012_report_is_a_story_of_its_own(seed_run):
    _, briefings = seed_run
    groups = sorted(sorted(a["id"][:3] for a in b["articles"]) for b in briefings)
    assert groups == [["000", "001", "002", "003"], ["004"]]


def test_summary_is_verbatim_and_offsets_check_out(seed_run):
    _, briefings = seed_run
    for b in briefings:
        texts = {a["id"]: a["text"] for a in b["articles"]}
        assert b["summary"]
        assert sum(len(s["text"].split()) for s in b["summary"]) <= 120
        for s in b["summary"]:
            first = s["citations"][0]
            assert texts[first["article_id"]][first["start"] : first["end"]] == s["text"]
            for c in s["citations"]:
                assert 0 <= c["start"] < c["end"] <= len(texts[c["article_id"]])
