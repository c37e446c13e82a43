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
    if "varden" in article_id:
        return "D"
    if "2019" in article_id or "storm-idris" in article_id:
        return "B"
    if "brackwater" in article_id or "hbd-" in article_id:
        return "C"
    return "A"


def test_four_events_four_stories(briefings):
    stories = sorted(sorted({_event(a["id"]) for a in b["articles"]}) for b in briefings)
    assert stories == [["A"], ["B"], ["C"], ["D"]]
    sizes = sorted(len(b["articles"]) for b in briefings)
    assert sizes == [2, 2, 3, 9]


# Page furniture in the Varden pages (examples/README.md): none of it may reach an article's
# cleaned text, nor anything a briefing cites.
FURNITURE = [
    "Minister Elmquist: Won't resign",
    "Harbour Strike Talks Collapse Again",
    "Schools Reopen In Port Averly",
    "Ferry Fares To Rise In April",
    "Publication date",
    "By Oskar Lind",
    "Photo: Mira Holt",
    "Photo: Leo Brandt",
    "Photo: Anneke Vos",
    "About the author",
    "covers transport and the Varden valley",
    "regional affairs correspondent",
    "readers trust",
    "Reader comments",
    "says:",
    "Somebody should answer for this",
    "My brother was stuck up there",
    "Three million dollars is nothing",
    "Most read",
    "Share this article",
    "All rights reserved",
    "Home",
    "Weather",
    # furniture that ends with a full stop, inside the article's run of prose
    "Drivers wait beside the closed road",
    "breaking news alerts",
    "delivered to your inbox",
    "Latest Headlines",
    "For The First Time In A Decade",
    "Reopen After The Floods",
    # a caption written as a sentence, over its credit line; another story's headline in
    # sentence case run into its first sentence, between the article's paragraphs
    "A digger clears the last of the mud",
    "Image credit",
    "Council puts off its vote",
    "Even its backers",
]


def test_no_page_furniture_in_any_briefing(briefings):
    varden = [b for b in briefings if {_event(a["id"]) for a in b["articles"]} == {"D"}]
    assert len(varden) == 1
    for b in briefings:
        cited = [a["text"] for a in b["articles"]]
        cited += [s["text"] for s in b["summary"]]
        cited += [q["text"] for q in b["quotes"]]
        cited += [(q["speaker"] or {}).get("name") or "" for q in b["quotes"]]
        cited += [f["text"] for f in b["facts"]] + [e["text"] for e in b["timeline"]]
        for text in cited:
            for line in FURNITURE:
                assert line not in text, (line, text[:80])


def test_a_text_cut_off_mid_sentence_loses_only_its_partial_sentence(briefings):
    [b] = [b for b in briefings if {_event(a["id"]) for a in b["articles"]} == {"D"}]
    by_id = {a["id"]: a for a in b["articles"]}
    text = by_id["cd-20260312-varden-road-closed"]["text"]
    assert text.endswith('"We need to know why that wall was never built," he said.')
    assert "Hauliers" not in text
    assert text.startswith("VARDEN, Caldonia, March 12 (Coastline Daily) - The Varden Pass road")
    # the page's own date line dates the plain-text page, and is not left in its text
    page = next(a for a in b["articles"] if a["source"].endswith("pass-landslide.txt"))
    assert page["published"] == "2026-03-12"


def test_syndicated_copy_counts_once(briefings):
    [a] = [b for b in briefings if len(b["articles"]) == 9]
    by_id = {x["id"]: x for x in a["articles"]}
    assert by_id["vto-20260310-mp-nineteen-dead"]["duplicate_of"] == "cdl-20260310-mp-flood-toll-19"
    assert by_id["cdl-20260310-mp-flood-toll-19"]["also_published_by"] == [
        "vto-20260310-mp-nineteen-dead"
    ]
    cited = {c["article_id"] for s in a["summary"] for c in s["citations"]}
    assert "vto-20260310-mp-nineteen-dead" not in cited


def test_facts_timeline_follow_the_json_contract(briefings):
    for b in briefings:
        texts = {a["id"]: a["text"] for a in b["articles"]}
        for f in b["facts"]:
            assert set(f) >= {"article_id", "start", "end", "text", "value", "unit", "what"}
            assert {"qualifier", "as_of"} <= set(f)
            assert texts[f["article_id"]][f["start"] : f["end"]] == f["text"]
        for g in b["fact_groups"]:
            assert g["status"] in {"consistent", "update", "conflict", "differ"}
            assert g["basis"]
            assert all(0 <= i < len(b["facts"]) for i in g["facts"])
        dates = [e["date"] for e in b["timeline"]]
        assert dates == sorted(dates)
        for e in b["timeline"]:
            first = e["citations"][0]
            assert texts[first["article_id"]][first["start"] : first["end"]] == e["text"]
            for c in e["citations"]:
                assert 0 <= c["start"] < c["end"] <= len(texts[c["article_id"]])


def test_the_death_toll_changes_over_the_days(briefings):
    # Event A: the toll is 12 on Monday, 19 on Tuesday, 27 on Wednesday, and on Tuesday the
    # Evening Post's 23 conflicts with everyone else's 19 (examples/README.md).
    [flood] = [b for b in briefings if len(b["articles"]) == 9]
    killed = [
        g
        for g in flood["fact_groups"]
        if "killed" in g["what"]
        and {19.0, 27.0} <= {flood["facts"][i]["value"] for i in g["facts"]}
    ]
    assert len(killed) == 1 and killed[0]["status"] == "conflict"
    assert killed[0]["basis"].startswith("for 10 Mar: 19 (")
    assert "vs at least 23 (Averly Evening Post)" in killed[0]["basis"]
    # "No other figure conflicts"; the evacuated, the missing and the fund are updates (and
    # so is the hospital's count of patients, a distractor that stays apart from the toll).
    assert [g["what"] for g in flood["fact_groups"] if g["status"] == "conflict"] == [
        killed[0]["what"]
    ]
    updates = {g["what"] for g in flood["fact_groups"] if g["status"] == "update"}
    assert updates == {
        "people missing",
        "people displaced",
        "emergency fund (USD)",
        "people treated",
    }
    values_by_day = {
        flood["facts"][i]["as_of"]: flood["facts"][i]["value"]
        for i in killed[0]["facts"]
        if flood["facts"][i]["as_of"]
    }
    assert values_by_day.get("2026-03-11") == 27.0


def test_a_short_briefing_trims_an_aside_and_marks_it(tmp_path):
    from storydesk.settings import Settings

    run([str(EXAMPLES)], tmp_path, Settings(words=60))
    trimmed = []
    for path in sorted(tmp_path.glob("*/briefing.json")):
        b = json.loads(path.read_text())
        texts = {a["id"]: a["text"] for a in b["articles"]}
        for s in b["summary"]:
            if s["omitted"]:
                [o] = s["omitted"]
                trimmed.append((texts[o["article_id"]][o["start"] : o["end"]], s["text"]))
                assert "[…]" in (path.parent / "briefing.md").read_text().replace("\\", "")
    assert (
        ", which runs the dam,",
        "The Sallow Hydro Authority has said only that engineers are examining the structure.",
    ) in trimmed
