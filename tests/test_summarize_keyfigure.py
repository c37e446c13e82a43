from __future__ import annotations

import dataclasses
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


# Issue 14: a war report's death toll, the main fact, was left out of its summary.
WAR = """Artillery fire hit the border town of Vessa on Monday, the regional army command said.

The town lies on the road between the two capitals and has changed hands twice this year.

Residents sheltered in cellars as the shelling went on through the afternoon.

The mayor said the water plant had been hit and the town had no clean water.

At least 31 civilians were killed in the shelling of Vessa on Monday, the health ministry said."""


def test_a_single_report_s_death_toll_is_its_key_figure_and_is_in_its_summary(nlp):
    from storydesk.settings import Settings
    from storydesk.summarize import get_summarizer
    from storydesk.summarize.ilp import text_words

    war = analyzed(nlp, WAR, "w")
    facts = [
        _fact(war, "31 civilians", 31, None, what="civilians killed"),
        _fact(war, "two capitals", 2, None, what="capitals"),
    ]
    toll = FactGroup("civilians killed", (0,), "consistent", True)
    capitals = FactGroup("capitals", (1,), "consistent")
    assert key_group(facts, [capitals, toll]) is toll
    # One source, and not a main quantity: no key figure.
    assert key_group(facts, [capitals]) is None
    figure = key_figure_sentences([war], facts, [capitals, toll])
    assert figure == {(0, 4)}
    for name in ("ilp", "coverage"):
        chosen = get_summarizer(name, Settings())([war], 40, require=[figure])
        texts = [war.text_of(c.sentence) for c in chosen]
        assert any("31 civilians" in t for t in texts), (name, texts)
        assert texts[0].startswith("Artillery fire"), (name, texts)
        assert sum(text_words(t) for t in texts) <= 40


def test_money_comes_before_another_figure_of_as_many_sources(nlp):
    a = analyzed(nlp, "Brell Foods agreed to buy Omsk Dairy for $2 billion on Monday.", "a")
    b = analyzed(nlp, "Omsk Dairy was sold for $2 billion to Brell Foods on Monday.", "b")
    price = [
        dataclasses.replace(_fact(x, "$2 billion", 2e9, None, what="sold"), unit="USD")
        for x in (a, b)
    ]
    days = [_fact(x, "Monday", 1, None, what="weekdays") for x in (a, b)]
    groups = [FactGroup("weekdays", (2, 3), "consistent"), FactGroup("sold", (0, 1), "consistent")]
    assert key_group([*price, *days], groups).what == "sold"
    # One report's money figure alone is no key figure (a story has many prices).
    assert key_group(price[:1], [FactGroup("sold", (0,), "consistent")]) is None
