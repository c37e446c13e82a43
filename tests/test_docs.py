"""The measured figures in docs/benchmarks.md and README.md are the results files' own."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def report():
    spec = importlib.util.spec_from_file_location("report", ROOT / "benchmarks" / "report.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmarks_md_is_what_the_results_files_give(report):
    assert (ROOT / "docs" / "benchmarks.md").read_text() == report.benchmarks_md(), (
        "docs/benchmarks.md is stale: run python benchmarks/report.py"
    )


def test_readme_figures_are_what_the_results_files_give(report):
    readme = (ROOT / "README.md").read_text()
    assert readme.count(report.START) == readme.count(report.END) == 1
    assert readme == report.readme_with_figures(readme), (
        "README.md's table of figures is stale: run python benchmarks/report.py"
    )


def test_a_changed_results_file_changes_both_documents(report, monkeypatch):
    real = report.load

    def load(name: str):
        data = real(name)
        if name == "pipeline.json":
            data = {**data, "ratio": 0.123}
        return data

    monkeypatch.setattr(report, "load", load)
    assert "0.123 of spaCy-alone throughput" in report.readme_figures()
    assert "Ratio: **0.123**" in report.benchmarks_md()
    assert "goal >= 0.8: **not met**" in report.readme_figures()


def test_every_results_file_has_a_section_and_a_command(report):
    text = report.benchmarks_md()
    for path in sorted((ROOT / "benchmarks" / "results").glob("*.json")):
        data = report.load(path.name)
        assert data.get("command"), f"{path.name} names no command"
        assert f"`{data['command']}" in text, f"{path.name} has no section in benchmarks.md"


def test_the_glossary_names_every_peer(report):
    glossary = "\n".join(report.GLOSSARY)
    for term in (
        "B-cubed",
        "Pairwise F1",
        "ROUGE-2",
        "Shingle F1",
        "Speaker accuracy",
        "lead",
        "LexRank",
        "TextRank",
        "TF-IDF + average linkage",
        "textacy",
        "trafilatura",
        "dateparser",
        "sumrepo:NAME",
        "nist:N",
    ):
        assert term in glossary, term
