"""Shared fixtures and one-line builders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from storydesk.clean import clean_text
from storydesk.model import AnalyzedArticle, Article
from storydesk.nlp import load_pipeline, sentences_of

ROOT = Path(__file__).resolve().parent.parent

# In CI (CI=true) property tests draw the same examples every run, so a red build is one
# anyone can reproduce, and nothing is read from or written to the example database.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    hypothesis_settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite the golden briefings for review."
    )


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def q(nlp):
    """``q(text)``: the quotes of ``text`` (storydesk.quotes), each checked against its offsets:
    the quote's, its speaker's and its cue's."""
    from storydesk.quotes import extract_quotes

    def run(text: str):
        out = extract_quotes(text, nlp(text))
        for quote in out:
            assert text[quote.start : quote.end] == quote.text
            if quote.speaker is not None:
                assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
            if quote.cue_span is not None:
                assert text[quote.cue_span.start : quote.cue_span.end] == quote.cue
        return out

    return run


def the_quote(quotes, words: str, kind: str):
    """The one quote of ``quotes`` whose text holds ``words`` (``kind`` names the case)."""
    found = [x for x in quotes if words in x.text]
    assert len(found) == 1, (kind, [(x.text, x.speaker_name) for x in quotes])
    return found[0]


def shared_dir() -> Path:
    """The shared data folder. When CI names it (STORYDESK_SHARED) it must exist: a missing
    folder fails the test instead of skipping it."""
    value = os.environ.get("STORYDESK_SHARED")
    if not value:
        pytest.skip("STORYDESK_SHARED is not set")
    path = Path(value)
    if not path.is_absolute():
        path = (ROOT / path).resolve()
    if not path.is_dir():
        pytest.fail(f"STORYDESK_SHARED={value} does not exist")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()


def article(text: str, id: str = "a1", **kw) -> Article:
    """An :class:`Article` from raw text, cleaned as the pipeline would."""
    return Article(id=id, source=kw.pop("source", f"{id}.txt"), text=clean_text(text), **kw)


def analyzed(nlp, text: str, id: str = "a1", **kw) -> AnalyzedArticle:
    """An analysed article in one line."""
    a = article(text, id, **kw)
    return AnalyzedArticle(a, sentences_of(nlp(a.text), a.id))


def assert_summary_checks_out(texts: dict[str, str], sentence: dict) -> None:
    """A summary sentence of a ``briefing.json`` is its first citation's characters, less
    the asides it leaves out (``omitted``, light trims), and every citation is in range."""
    first = sentence["citations"][0]
    source, at, kept = texts[first["article_id"]], first["start"], []
    for o in sentence["omitted"]:
        assert o["article_id"] == first["article_id"]
        assert at <= o["start"] < o["end"] <= first["end"]
        kept.append(source[at : o["start"]])
        at = o["end"]
    kept.append(source[at : first["end"]])
    assert "".join(kept) == sentence["text"]
    for c in sentence["citations"]:
        assert 0 <= c["start"] < c["end"] <= len(texts[c["article_id"]])
