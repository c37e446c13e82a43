"""Every error storydesk raises on purpose is coded, and every code is documented."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from conftest import analyzed, article

from storydesk import errors
from storydesk.errors import ArgumentError, ParseMismatchError, SpanError, StorydeskError

README = Path(__file__).resolve().parent.parent / "README.md"


def codes() -> dict[str, type[StorydeskError]]:
    """Every error class in storydesk/errors.py by its code (the base class's E000 aside)."""
    classes = [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, StorydeskError) and cls is not StorydeskError
    ]
    found = {cls.code: cls for cls in classes}
    assert len(found) == len(classes), "two error classes share a code"
    return found


def test_codes_are_unique_and_well_formed():
    assert all(re.fullmatch(r"E[1-4]\d\d", code) for code in codes())


def test_every_code_is_in_the_readme_table():
    documented = set(re.findall(r"^\| (E\d{3}) \|", README.read_text(), flags=re.M))
    missing = sorted(set(codes()) - documented)
    assert not missing, f"error codes not in README.md's table of error codes: {missing}"
    stale = sorted(documented - set(codes()))
    assert not stale, f"README.md documents codes errors.py does not have: {stale}"


def test_a_bad_span_is_e401():
    from storydesk.model import Span

    with pytest.raises(SpanError) as exc:
        Span("a1", 5, 2)
    assert exc.value.code == "E401" and "a1" in str(exc.value)


def test_metrics_and_harness_arguments_are_e202():
    from storydesk.evaluate.metrics import bcubed
    from storydesk.evaluate.quotes import load_split
    from storydesk.evaluate.timeline import run_timeline_eval

    for call in (
        lambda: bcubed([1], [1, 2]),
        lambda: load_split("nope"),
        lambda: run_timeline_eval(limit=0),
    ):
        with pytest.raises(ArgumentError) as exc:
            call()
        assert str(exc.value).startswith("[E202] ")
        assert isinstance(exc.value, ValueError)  # callers that caught ValueError still do


def test_an_unknown_sumy_algorithm_is_e202():
    pytest.importorskip("sumy")
    from storydesk.evaluate.peers import SumyPeer

    with pytest.raises(ArgumentError, match="unknown sumy algorithm"):
        SumyPeer("nope")


def test_a_bad_merge_similarity_is_e202(nlp):
    from storydesk.timeline import build_timeline

    a = analyzed(nlp, "The Harl bridge reopened on Monday.", "a")
    with pytest.raises(ArgumentError):
        build_timeline([a], merge_similarity=1.5)


def test_every_annotator_refuses_a_parse_of_another_text_with_one_code(nlp):
    from storydesk.entities.mentions import extract_mentions
    from storydesk.facts.extract import extract_facts
    from storydesk.quotes import extract_quotes
    from storydesk.timeline.build import _article_expressions

    text = "Mayor Ilse Brandt said 40 homes were flooded on Monday."
    other = nlp("The ferry left the harbour at noon.")
    a = analyzed(nlp, text, "a7")
    for call in (
        lambda: extract_quotes(text, other),
        lambda: extract_mentions(text, other),
        lambda: extract_facts(article(text, "a7"), other),
        lambda: _article_expressions(a, other, ()),
    ):
        with pytest.raises(ParseMismatchError) as exc:
            call()
        assert exc.value.code == "E402"
    with pytest.raises(ParseMismatchError, match="a7"):
        extract_facts(article(text, "a7"), other)
