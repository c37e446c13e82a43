from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydesk.cli import app
from storydesk.errors import InputError
from storydesk.ingest.clusters import parse_cluster, read_clusters
from storydesk.model import Rejected
from storydesk.pipeline import analyze_cluster, brief, brief_cluster
from storydesk.settings import Settings

runner = CliRunner()

DAM = (
    "The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve "
    "people. Rescue teams used boats to reach families stranded on rooftops in the Millbank "
    "district. The regional governor said the army would send more boats on Tuesday."
)
DAM_2 = (
    "Floods swept through Port Averly after the Kessen Dam burst on Monday, killing twelve "
    "people. Interior Minister Rosa Elmquist promised an inquiry into why warnings about the "
    "dam were ignored. Engineers had warned for years that the spillway was too small."
)
BRIDGE = (
    "The Harl bridge reopened on Monday after two years of repairs, the city said. "
    "Commuters crowded onto the first trams across the river before dawn. "
    "The repairs cost twice the amount first budgeted, the city auditor reported."
)


def _line(cid, *docs) -> str:
    return json.dumps(
        {
            "id": cid,
            "documents": [
                {"id": f"{cid}.D{n}", "title": None, "date": f"2024-03-0{n}", "text": t}
                for n, t in enumerate(docs, start=1)
            ],
            "references": ["not used by summarize"],
        }
    )


def _clusters_file(tmp_path: Path) -> Path:
    path = tmp_path / "clusters.jsonl"
    lines = [
        _line("dam", DAM, DAM_2, DAM),  # the third is a copy of the first
        "{not json",
        json.dumps({"id": "nodocs", "documents": []}),
        _line("bridge", BRIDGE, "   "),  # the second document has no text
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_bad_lines_are_rejected_with_their_line_and_reason(tmp_path: Path):
    items = list(read_clusters(_clusters_file(tmp_path)))
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [r.source.rsplit(":", 1)[1] for r in rejected] == ["2", "3"]
    assert "malformed JSON" in rejected[0].error
    assert "documents" in rejected[1].error
    assert [i.id for i in items if not isinstance(i, Rejected)] == ["dam", "bridge"]
    missing = list(read_clusters(tmp_path / "missing.jsonl"))
    assert len(missing) == 1 and "cannot read" in missing[0].error


def test_parse_cluster_checks_its_input():
    for bad, reason in [
        ([], "JSON object"),
        ({"documents": [{"text": "x"}]}, "'id'"),
        ({"id": "c", "documents": ["text"]}, "not a JSON object"),
        ({"id": "c", "documents": [{"text": ""}]}, "no document"),
    ]:
        with pytest.raises(InputError, match=reason):
            parse_cluster(bad, "f:1")


def test_cluster_summary_is_the_briefing_summary(tmp_path: Path, nlp):
    record = next(i for i in read_clusters(_clusters_file(tmp_path)) if not isinstance(i, Rejected))
    settings = Settings(words=40)
    articles, rejected = analyze_cluster(record, settings)
    assert not rejected and len(articles) == 3
    b = brief_cluster(articles, settings)
    # The copy is listed as one, never summarised or cited.
    assert b.duplicate_of() == {"dam-d3": "dam-d1"}
    assert b.summary == brief(articles, settings, duplicate_of={"dam-d3": "dam-d1"}).summary
    assert all(c.article_id != "dam-d3" for s in b.summary for c in s.citations)


def test_summarize_command(tmp_path: Path):
    path = _clusters_file(tmp_path)
    out = tmp_path / "out" / "summaries.jsonl"
    result = runner.invoke(
        app, ["summarize", str(path), "--words", "40", "--out", str(out), "--cited"]
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert f"{path}:2: malformed JSON" in result.output
    assert f"{path}:3: missing or empty 'documents'" in result.output
    assert "bridge.D2" in result.output  # the empty document is reported too
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["dam", "bridge"]
    for row in rows:
        assert row["summary"] == " ".join(s["text"] for s in row["sentences"])
        assert 0 < len(row["summary"].split()) <= 40
        texts = {a["id"]: a["text"] for a in row["articles"]}
        for s in row["sentences"]:
            first = s["citations"][0]
            assert texts[first["article_id"]][first["start"] : first["end"]] == s["text"]
    dam = rows[0]
    # A fact both reports give is cited to both.
    assert any(
        {c["article_id"] for c in s["citations"]} == {"dam-d1", "dam-d2"} for s in dam["sentences"]
    )
    plain = tmp_path / "plain.jsonl"
    result = runner.invoke(
        app,
        ["summarize", str(path), "--words", "40", "--out", str(plain), "--summarizer", "coverage"],
    )
    assert result.exit_code == 0, result.output
    assert set(json.loads(plain.read_text().splitlines()[0])) == {"id", "summary"}


def test_summarize_command_with_nothing_usable(tmp_path: Path):
    path = tmp_path / "bad.jsonl"
    path.write_text("[]\n")
    result = runner.invoke(app, ["summarize", str(path), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "bad.jsonl:1: expected a JSON object" in result.output
    result = runner.invoke(
        app, ["summarize", str(path), "--out", str(tmp_path / "o.jsonl"), "--summarizer", "nope"]
    )
    assert result.exit_code == 2 and "unknown summarizer 'nope'" in result.output
    assert "Traceback" not in result.output


def test_summarize_command_writes_update_summaries(tmp_path: Path):
    first = json.loads(_line("dam-A", DAM))
    later = json.loads(_line("dam-B", DAM_2))
    later["documents"][0]["id"] = "dam-B.D1"
    later["prior_document_ids"] = ["dam-A.D1", "not-in-the-file"]
    path = tmp_path / "update.jsonl"
    path.write_text(json.dumps(first) + "\n" + json.dumps(later) + "\n")
    out = tmp_path / "o.jsonl"
    result = runner.invoke(
        app, ["summarize", str(path), "--words", "30", "--out", str(out), "--cited"]
    )
    assert result.exit_code == 0, result.output
    a, b = (json.loads(line) for line in out.read_text().splitlines())
    assert "update_of" not in a and b["update_of"] == ["dam-A.D1"]
    # B's reader knows the dam burst: B's summary tells what B adds.
    assert b["sentences"] and "Kessen Dam burst" not in b["summary"]
    assert all(s["text"] in DAM_2 for s in b["sentences"])
    assert {c["article_id"] for s in b["sentences"] for c in s["citations"]} == {"dam-b-d1"}
