from __future__ import annotations

import datetime as dt

from conftest import analyzed

from storydesk.model import Fact, FactGroup, Span
from storydesk.summarize.keyfigure import key_figure_sentences, key_group

A = "Floods swept Port Averly on Monday.\n\nAt least 12 people died, officials said on Monday."
B = "The toll rose on Tuesday.\n\nRescuers said 19 people had died by Tuesday evening."


def _fact(article, text, value, as_of, what="people died"):
    start = article.article.text.index(text)
    return Fact(
        span=Span(article.article.id, start, start + len(text)),
        text=text,
        value=value,
        unit="people",
        what=what,
        qualifier=None,
        as_of=as_of,
        total=True,
    )


def test_the_key_figure_is_the_latest_value_of_the_figure_most_reports_give(nlp):
    a, b = analyzed(nlp, A, "a"), analyzed(nlp, B, "b")
    facts = [
        _fact(a, "12 people", 12, dt.date(2026, 3, 9)),
        _fact(b, "19 people", 19, dt.date(2026, 3, 10)),
        _fact(a, "Monday", 1, None, what="boats"),
    ]
    toll = FactGroup("people died", (0, 1), "update", True)
    boats = FactGroup("boats", (2,), "consistent")
    assert key_group(facts, [boats, toll]) is toll
    # Only the sentence with the latest value (19, Tuesday) is asked for.
    assert key_figure_sentences([a, b], facts, [boats, toll]) == {(1, 1)}


def test_no_key_figure_without_two_sources(nlp):
    a = analyzed(nlp, A, "a")
    facts = [_fact(a, "12 people", 12, None)]
    assert key_group(facts, [FactGroup("people died", (0,), "consistent", True)]) is None
    assert key_figure_sentences([a], facts, []) == set()
