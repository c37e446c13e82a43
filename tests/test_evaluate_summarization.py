from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import analyzed
from typer.testing import CliRunner

from storydesk.cli import app
from storydesk.errors import ConfigError
from storydesk.evaluate import summarization
from storydesk.evaluate.summarization import load_set, run, summarize_update
from storydesk.settings import Settings
from storydesk.summarize import Candidate, get_summarizer

OLD = """The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve people.

Rescue teams used boats to reach families stranded on rooftops in the Millbank district."""

NEW = """The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve people.

Interior Minister Rosa Elmquist on Wednesday promised an inquiry into why warnings were ignored.

Engineers had warned for years that the spillway of the dam was too small for spring floods."""

NEW_2 = """Interior Minister Rosa Elmquist ordered an inquiry into the Kessen Dam on Wednesday.

Schools in Port Averly will stay closed for the rest of the week, the education office said."""


def test_update_without_earlier_articles_is_a_plain_summary(nlp):
    new = [analyzed(nlp, NEW, "n1"), analyzed(nlp, NEW_2, "n2")]
    sentences, how = summarize_update("coverage", new, [], 40)
    plain = get_summarizer("coverage", Settings(words=40))(new, 40)
    assert how == "summarizer"
    assert sentences == [new[c.doc].text_of(c.sentence) for c in plain]


def test_update_uses_summarize_since_and_says_so(nlp):
    old = [analyzed(nlp, OLD, "o1")]
    new = [analyzed(nlp, NEW, "n1"), analyzed(nlp, NEW_2, "n2")]
    sentences, how = summarize_update("ilp", new, old, 40)
    assert how == "summarize_since"
    assert sentences
    new_texts = {a.text_of(s) for a in new for s in a.sentences}
    assert set(sentences) <= new_texts
    # What the reader already had is not repeated.
    assert not any(s.startswith("The Kessen Dam burst on Monday") for s in sentences)


def test_update_falls_back_to_the_new_articles_when_there_is_no_update_function(nlp, monkeypatch):
    old = [analyzed(nlp, OLD, "o1")]
    new = [analyzed(nlp, NEW, "n1")]
    monkeypatch.setattr(summarization, "_since_function", lambda: None)
    sentences, how = summarize_update("coverage", new, old, 30)
    assert how == "new_only"
    plain = get_summarizer("coverage")(new, 30)
    assert sentences == [new[c.doc].text_of(c.sentence) for c in plain]


def test_update_function_gets_new_old_words_and_settings(nlp, monkeypatch):
    old = [analyzed(nlp, OLD, "o1")]
    new = [analyzed(nlp, NEW, "n1")]
    seen = {}

    def since(new_articles, old_articles, words, settings):
        seen.update(new=new_articles, old=old_articles, words=words, settings=settings)
        return [Candidate(0, new_articles[0].sentences[-1])]

    monkeypatch.setattr(summarization, "_since_function", lambda: since)
    sentences, how = summarize_update("coverage", new, old, 30)
    assert how == "summarize_since"
    assert sentences == [new[0].text_of(new[0].sentences[-1])]
    assert seen["new"] == new and seen["old"] == old and seen["words"] == 30
    assert seen["settings"].summarizer == "coverage"


def _dataset(tmp_path: Path) -> Path:
    rows = [
        {
            "id": "dam",
            "documents": [
                {"id": "d1", "title": None, "date": "2024-03-04", "text": OLD},
                {"id": "d2", "title": None, "date": "2024-03-06", "text": NEW},
                {"id": "d3", "title": None, "date": "2024-03-07", "text": NEW_2},
            ],
            "references": [
                "The Kessen Dam burst, flooding Port Averly and killing twelve. An inquiry "
                "was ordered into ignored warnings.",
                "Twelve people died in Port Averly when the Kessen Dam burst on Monday.",
            ],
        },
        {
            "id": "dam-b",
            "prior_document_ids": ["d1"],
            "documents": [{"id": "d4", "title": None, "date": "2024-03-08", "text": NEW}],
            "references": ["An inquiry into the dam was promised; engineers had warned."],
        },
    ]
    path = tmp_path / "clusters.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + '{"id": "x"}\n')
    return path


def test_harness_scores_ours_and_every_peer(tmp_path: Path):
    path = _dataset(tmp_path)
    cache = tmp_path / "cache"
    result = run([str(path)], summarizer="coverage", cache=cache, resamples=200)
    r = result["sets"][str(path)]
    assert r["clusters"] == 2 and r["references"] == 3
    assert r["convention"] == {"words": 100, "measure": "recall", "cut_references": True}
    assert set(r["systems"]) == {"storydesk", "lead", "lead_first", "lexrank", "textrank", "oracle"}
    for m in r["systems"].values():
        for t in ("rouge1", "rouge2", "rougeL"):
            assert m[t]["low"] <= m[t]["mean"] <= m[t]["high"]
    assert r["rouge2"]["oracle"] >= r["rouge2"]["lead"]
    assert r["ours_made_by"] == {"summarizer": 1, "summarize_since": 1}
    assert r["rejected"] == [{"source": f"{path}:3", "error": "missing or empty 'documents' list"}]
    assert set(r["speed"]) == {"storydesk", "lexrank"}
    for clock in ("median_seconds_per_cluster", "median_cpu_seconds_per_cluster"):
        assert r["speed"]["storydesk"][clock] > 0 and clock in result["speed_clocks"]
    assert list(cache.glob("summarization/*.pkl"))
    again = run([str(path)], summarizer="coverage", cache=cache, resamples=200)
    assert again["sets"][str(path)]["systems"] == r["systems"]


def test_eval_summarize_command_writes_the_figures(tmp_path: Path):
    path = _dataset(tmp_path)
    out = tmp_path / "summarization.json"
    args = ["eval", "summarize", str(path), "--summarizer", "coverage", "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--cache", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    assert "oracle" in result.output and "lexrank" in result.output
    data = json.loads(out.read_text())
    assert data["command"] == f"storydesk eval summarize {path} --summarizer coverage --out {out}"
    assert data["rouge2"][str(path)]["storydesk"] == data["sets"][str(path)]["rouge2"]["storydesk"]
    bad = CliRunner().invoke(app, ["eval", "summarize", "no-such-set"])
    assert bad.exit_code == 2 and "unknown dataset" in bad.output


def test_bad_arguments(tmp_path: Path):
    with pytest.raises(ConfigError):
        load_set(str(_dataset(tmp_path)), limit=0, cache=None)
    with pytest.raises(ConfigError):
        run([str(_dataset(tmp_path))], summarizer="nope")


@pytest.mark.shared
@pytest.mark.slow
def test_duc2004_clusters_with_the_published_systems(shared: Path, tmp_path: Path):
    result = run(["duc2004"], summarizer="coverage", limit=2, cache=tmp_path, resamples=100)
    r = result["sets"]["duc2004"]
    assert r["clusters"] == 2 and r["references"] == 8
    assert sum(s.startswith("sumrepo:") for s in r["systems"]) == 13
    assert "published_rouge2" not in r  # two clusters are not the published set
    assert r["convention"]["words"] == 100


@pytest.mark.shared
@pytest.mark.slow
def test_update_set_reads_the_earlier_subsets(shared: Path, tmp_path: Path):
    result = run(["duc2007-update"], summarizer="ilp", limit=3, cache=tmp_path, resamples=100)
    r = result["sets"]["duc2007-update"]
    assert r["ours_made_by"] == {"summarizer": 1, "summarize_since": 2}
    assert sum(s.startswith("nist:") for s in r["systems"]) == 24
    assert r["best_official"]["system"].startswith("nist:")


def test_storydesk_alone_scores_as_in_the_full_run(tmp_path: Path):
    """The quality gate's quick path (peers=False) gives the full run's storydesk figures."""
    loaded = load_set(str(_dataset(tmp_path)), cache=None)
    full = summarization.evaluate(loaded, "coverage", resamples=200)
    alone = summarization.evaluate(loaded, "coverage", resamples=200, peers=False)
    assert set(alone["systems"]) == {"storydesk"} and set(alone["speed"]) == {"storydesk"}
    assert alone["systems"]["storydesk"] == full["systems"]["storydesk"]
    assert alone["ours_made_by"] == full["ours_made_by"]
