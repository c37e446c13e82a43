"""Golden briefings: a few fictional articles in, the expected Markdown and JSON out.

Run ``pytest tests/test_golden.py --update-golden`` to rewrite them, then review the diff.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import assert_summary_checks_out

from storydesk import run

HERE = Path(__file__).parent / "golden"
FILES = ["briefing.md", "briefing.json"]


@pytest.fixture(scope="module")
def produced(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("golden")
    # Relative input paths keep the `source` fields the same on every machine.
    import os

    cwd = os.getcwd()
    os.chdir(HERE)
    try:
        result = run(["input"], out)
    finally:
        os.chdir(cwd)
    assert len(result.briefings) == 1
    return out


def _story_dir(out: Path) -> Path:
    [story] = [p for p in out.iterdir() if p.is_dir()]
    return story


@pytest.mark.parametrize("name", [*FILES, "stories.json"])
def test_golden(produced: Path, name: str, request: pytest.FixtureRequest):
    got_path = produced / name if name == "stories.json" else _story_dir(produced) / name
    expected_path = HERE / "expected" / name
    if request.config.getoption("--update-golden"):
        shutil.copyfile(got_path, expected_path)
    got = got_path.read_text(encoding="utf-8")
    assert got == expected_path.read_text(encoding="utf-8")


def test_golden_citations_check_out(produced: Path):
    data = json.loads((_story_dir(produced) / "briefing.json").read_text())
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert data["summary"]
    for s in data["summary"]:
        assert_summary_checks_out(texts, s)
