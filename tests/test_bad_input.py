"""Bad input through the whole run (issue 13): each case once cost every good article."""

from __future__ import annotations

import gzip
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from storydesk import api
from storydesk.model import Article, RawDocument
from storydesk.pipeline import analyze, prepare
from storydesk.settings import MAX_ARTICLE_CHARS, Settings

ROOT = Path(__file__).resolve().parent.parent
GOOD = (
    "Floods close Kell bridge\n\nThe Kell bridge closed on Monday after the river Arden rose "
    "two metres overnight, the county council said.\n\nEngineers will inspect its piers on "
    "Wednesday, council leader Tessa Varn told reporters.\n"
)


def test_an_overlong_article_is_cut_at_a_sentence_end(caplog):
    raw = RawDocument("long.txt", "The dam failed on Tuesday. " * 40_000)
    with caplog.at_level(logging.WARNING):
        article = prepare(raw, "a1")
    assert isinstance(article, Article)
    assert MAX_ARTICLE_CHARS // 2 < len(article.text) <= MAX_ARTICLE_CHARS
    assert article.text.endswith("on Tuesday.")
    assert any("long.txt" in r.getMessage() and "cut" in r.getMessage() for r in caplog.records)


def test_article_limit_is_checked_up_front():
    with pytest.raises(Exception, match="max_article_chars"):
        Settings(max_article_chars=2_000_000)


def test_spacy_never_sees_more_than_its_limit(nlp):
    text = "The dam failed on Tuesday. " * 40
    saved = nlp.max_length
    nlp.max_length = 500
    try:
        [done] = analyze([Article("a1", "a1.txt", text)], nlp)
    finally:
        nlp.max_length = saved
    assert done.sentences and done.sentences[-1].span.end <= 500


def _write_bad_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "long.txt").write_text(
        "Dam fails at Kell\n\n" + "The dam failed on Tuesday. " * 40_000
    )
    data = bytearray(gzip.compress(GOOD.encode() * 5, mtime=0))
    data[20] ^= 0xFF
    (folder / "corrupt.txt.gz").write_bytes(bytes(data))
    record = {
        "id": "s\ud8001",
        "title": "Mill\ud800 shut\x00",
        "outlet": "Kell\udfff Post",
        "url": "https://kell.example/\ud800",
        "text": "The old mill at Moor shut\x00 on Friday after a fire\ud800 gutted its roof, "
        "the fire service said.",
    }
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n" + "[" * 100_000 + "\n")
    os.mkfifo(folder / "pipe.txt")


def test_run_keeps_the_good_articles_whatever_else_it_is_given(tmp_path: Path):
    inputs = tmp_path / "in"
    _write_bad_inputs(inputs)
    result = api.run([str(inputs)], tmp_path / "out", Settings(max_article_chars=5_000))
    assert result.processed == 3  # good.txt, long.txt (cut), the record with surrogates
    reasons = {Path(r.source).name: r.error for r in result.rejected}
    assert reasons["corrupt.txt.gz"].startswith("cannot decompress")
    assert "nested deeper" in reasons["feed.jsonl:2"]
    assert "not a regular file" in reasons["pipe.txt"]
    titles = {a.title for b in result.briefings for a in b.articles}
    assert "Mill\ufffd shut" in titles
    for path in result.written:
        path.read_text(encoding="utf-8")


def test_interrupted_run_leaves_no_temporary_store(tmp_path: Path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("storydesk.pipeline.ingest_articles", interrupted)
    with pytest.raises(KeyboardInterrupt):
        api.run([str(tmp_path / "good.txt")], tmp_path / "out")
    assert list(scratch.iterdir()) == []


@pytest.mark.slow  # two CLI processes, each loading the package: 20-30 s on a busy machine
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_terminated_run_leaves_no_temporary_store(tmp_path: Path, sig: int):
    """``timeout storydesk run -`` or a closed terminal: the temporary run.db goes too."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "storydesk", "run", "-", "--out", str(tmp_path / "out")],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,  # left open: the run waits for standard input
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not any(scratch.glob("*/run.db")) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert any(scratch.glob("*/run.db")), "the run never opened its temporary store"
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert list(scratch.iterdir()) == [], stderr.decode()
    assert b"Traceback" not in stderr
