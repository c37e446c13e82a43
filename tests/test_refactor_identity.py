"""Outputs stay byte-identical across refactors: SHA-256 digests of every file a run writes.

Three runs are pinned: the bundled examples, the golden input and (with STORYDESK_SHARED)
the seed articles, plus a clusters file summarised with an update cluster (``storydesk
summarize``). Only digests are stored (tests/identity.json), never the seed text. Run
``pytest tests/test_refactor_identity.py --update-golden`` to rewrite them after a change
that alters the output on purpose, and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from conftest import ROOT

from storydesk import run
from storydesk.api import summarize_clusters

DIGESTS = Path(__file__).parent / "identity.json"


def _digests(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def _run_in(cwd: Path, inputs: list[str], out: Path) -> dict[str, str]:
    """Run from ``cwd`` on relative inputs, so the ``source`` fields hold no machine path."""
    here = os.getcwd()
    os.chdir(cwd)
    try:
        run(inputs, out)
    finally:
        os.chdir(here)
    return _digests(out)


def _clusters_file(path: Path) -> Path:
    """Bundled fictional articles as a clusters file: the dam story, then an update for a
    reader of its first two reports, then the dock strike."""
    texts = {
        p.stem: p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))
    }
    dam = [k for k in texts if "sallow-courier" in k]
    later = [k for k in texts if "varden" in k or "meridian" in k]
    dock = [k for k in texts if "brackwater" in k]

    def docs(keys: list[str]) -> list[dict[str, str]]:
        dated = ((k, re.search(r"\d{4}-\d{2}-\d{2}", k)) for k in keys)
        return [{"id": k, "date": d.group() if d else "", "text": texts[k]} for k, d in dated]

    lines = [
        {"id": "dam", "documents": docs(dam)},
        {"id": "dam-update", "documents": docs(later), "prior_document_ids": dam},
        {"id": "dock", "documents": docs(dock)},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def _check(name: str, got: dict[str, str], request: pytest.FixtureRequest) -> None:
    pinned = json.loads(DIGESTS.read_text()) if DIGESTS.exists() else {}
    if request.config.getoption("--update-golden"):
        pinned[name] = got
        DIGESTS.write_text(json.dumps(pinned, indent=1, sort_keys=True) + "\n")
    assert name in pinned, f"no digests for {name}: run with --update-golden"
    assert got == pinned[name]


def test_examples_identical(tmp_path: Path, request: pytest.FixtureRequest):
    _check("examples", _run_in(ROOT, ["examples/articles"], tmp_path / "out"), request)


def test_golden_identical(tmp_path: Path, request: pytest.FixtureRequest):
    _check("golden", _run_in(ROOT / "tests" / "golden", ["input"], tmp_path / "out"), request)


def test_seeds_identical(shared: Path, tmp_path: Path, request: pytest.FixtureRequest):
    _check("seeds", _run_in(shared, ["seeds"], tmp_path / "out"), request)


def test_clusters_summary_identical(tmp_path: Path, request: pytest.FixtureRequest):
    out = tmp_path / "out"
    out.mkdir()
    summarize_clusters(
        _clusters_file(tmp_path / "clusters.jsonl"), out / "summaries.jsonl", cited=True
    )
    _check("clusters", _digests(out), request)
