"""The foundation's acceptance checks on the five real seed articles (../shared/seeds)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import assert_summary_checks_out
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
            assert_summary_checks_out(texts, s)


@pytest.fixture(scope="module")
def dated_seed_briefings(shared, tmp_path_factory):
    """The seeds as JSON Lines with the publication dates their texts imply (the files carry
    none; see SEED_DATES in tests/test_facts.py for how each date follows from the text)."""
    from test_facts import SEED_DATES

    out = tmp_path_factory.mktemp("dated-seeds")
    feed = out / "seeds.jsonl"
    with feed.open("w") as fh:
        for path in sorted((shared / "seeds").glob("*.txt")):
            record = {"id": path.stem, "published": SEED_DATES[path.name[:3]].isoformat()}
            fh.write(json.dumps({**record, "text": path.read_text()}) + "\n")
    result = run([str(feed)], out / "out")
    assert result.processed == 5
    return [json.loads(p.read_text()) for p in sorted((out / "out").glob("*/briefing.json"))]


def test_seed_people_are_entities_with_roles_and_their_quotes_are_theirs(dated_seed_briefings):
    [story] = [b for b in dated_seed_briefings if len(b["articles"]) == 4]
    people = {e["name"]: e for e in story["entities"] if e["type"] == "person"}
    for name in ("John Kerry", "Ban Ki-moon", "Jen Psaki", "Philip Hammond", "Benjamin Netanyahu"):
        assert name in people, sorted(people)
    assert any("Secretary of State" in r for r in people["John Kerry"]["roles"])
    assert "Kerry" in people["John Kerry"]["aliases"]
    said = {}
    for q in story["quotes"]:
        if q["speaker"] and q["speaker"]["entity_id"]:
            said.setdefault(q["speaker"]["entity_id"], []).append(q)
    for name in ("John Kerry", "Ban Ki-moon", "Jen Psaki", "Philip Hammond", "Benjamin Netanyahu"):
        assert said.get(people[name]["id"]), name
    texts = {a["id"]: a["text"] for a in story["articles"]}
    for q in story["quotes"]:
        assert q["text"] in texts[q["article_id"]][q["start"] : q["end"]]
    # The anonymous official travelling with Kerry stays anonymous.
    anonymous = [
        q for q in story["quotes"] if q["speaker"] and "travelling with" in q["speaker"]["name"]
    ]
    assert anonymous and all(q["speaker"]["entity_id"] is None for q in anonymous)
    [story_2012] = [b for b in dated_seed_briefings if len(b["articles"]) == 1]
    regev = [e for e in story_2012["entities"] if e["name"] == "Mark Regev"]
    assert regev and any(
        q["speaker"] and q["speaker"]["entity_id"] == regev[0]["id"] for q in story_2012["quotes"]
    )


def test_seed_death_tolls_are_an_update_not_a_conflict(dated_seed_briefings):
    [story] = [b for b in dated_seed_briefings if len(b["articles"]) == 4]
    facts = story["facts"]
    tolls = [
        g for g in story["fact_groups"] if {572.0, 798.0} <= {facts[i]["value"] for i in g["facts"]}
    ]
    assert len(tolls) == 1 and tolls[0]["status"] == "update"
    assert "killed" in tolls[0]["what"]
    dated = {facts[i]["value"]: facts[i]["as_of"] for i in tolls[0]["facts"]}
    assert dated[572.0] == "2014-07-21" and dated[798.0] == "2014-07-24"
    [story_2012] = [b for b in dated_seed_briefings if len(b["articles"]) == 1]
    assert any(
        f["value"] == 136.0 and "killed" in f["what"] and f["as_of"] == "2012-11-21"
        for f in story_2012["facts"]
    )
