"""Figures on real pages: the error kinds seen on whole-page text of real news pages, each as
fictional sentences of the same shape. A figure needs a counted thing: a multiplier, "one of
the X", two numbers run together or a number without a currency read as money is none."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import article

from storydesk.facts import extract_facts, group_facts

TUE = dt.date(2019, 11, 5)


def facts_of(nlp, text: str, id: str = "a1"):
    a = article(text, id, published=TUE)
    found = extract_facts(a, nlp(a.text))
    for f in found:
        assert a.text[f.start : f.end] == f.text
    return found


def brief(nlp, text: str) -> list[tuple]:
    return [(f.text, f.value, f.unit, f.what) for f in facts_of(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        # A multiplier is no count of anything.
        "Last week smog in the valley reached 40 times the level deemed safe by doctors.",
        "Smoke from the fires rose to three times the limit, officials said.",
        "The fund grew five times over the decade.",
        # Nor is a frequency ("scored four times").
        "Having scored four times during a two-game streak, the striker is confident.",
        # "one of the X" is not a count of X.
        "However, one of the biggest causes of the city's smog isn't coming from the city.",
        "So I called one of my oldest friends, a teacher from the coast.",
        # A count of one generic thing is no figure.
        "There was just one problem: the bridge had no permit.",
        "He found one drawback in the plan.",
        # A number before "the": "expand by five the pool" counts no pool.
        "The rule would expand by four the pool of eligible buyers.",
    ],
)
def test_no_counted_thing_no_figure(nlp, text):
    assert brief(nlp, text) == []


def test_one_of_the_matches_is_no_count_of_matches(nlp):
    found = brief(nlp, "Although only one of the games reached extra time, it took six hours.")
    assert [f for f in found if f[1] == 1] == []


@pytest.mark.parametrize(
    "text, figure",
    [
        ("He scored just three four times in his first 18 games.", "three four"),
        ("The Hawks, having lost six of their eight 10 games, fired the coach.", "eight 10"),
        ("The striker has scored just two five times this season.", "two five"),
    ],
)
def test_two_numbers_run_together_are_no_figure(nlp, text, figure):
    numbers = figure.split()
    for f in facts_of(nlp, text):
        assert not any(n in f.text.split() for n in numbers), f


@pytest.mark.parametrize(
    "text, value, what",
    [
        (
            "Some of the biggest polluters are Lagos's more than 10 million cars, like buses.",
            10_000_000,
            "cars",
        ),
        (
            "Nigeria suffered the worst toll of any country, with more than 2.5 million of "
            "these deaths.",
            2_500_000,
            "killed",
        ),
    ],
)
def test_a_number_without_a_currency_is_no_money(nlp, text, value, what):
    found = facts_of(nlp, text)
    assert found, text
    for f in found:
        assert f.unit != "money" and "money" not in f.what, f
    assert any(f.value == value and what in f.what for f in found), found


def test_money_with_a_currency_stays_money(nlp):
    found = facts_of(nlp, "The firm paid $3 billion for its rival, and 2 million euros in fees.")
    assert {(f.value, f.unit) for f in found} == {(3_000_000_000, "USD"), (2_000_000, "EUR")}


@pytest.mark.parametrize(
    "text, value, numbers",
    [
        ("Seven out of ten hospitals are running short of beds, the minister said.", 70, "Seven"),
        ("Three in four voters backed the plan on Sunday.", 75, "Three"),
    ],
)
def test_a_proportion_is_one_share_not_two_counts(nlp, text, value, numbers):
    found = facts_of(nlp, text)
    assert len(found) == 1, found
    f = found[0]
    assert f.text.startswith(numbers) and f.unit == "%" and f.value == value
    assert f.text.endswith(("hospitals", "voters"))


def test_small_counts_of_generic_things_stand_alone(nlp):
    """ "two phones", "two highly critical reports": no key figure of a story; the same
    words in two reports form no group a reader is shown."""
    texts = [
        "While some people carry two phones, most use one.",
        "The agency published two highly critical reports on the dam.",
    ]
    for text in texts:
        one = facts_of(nlp, text, "a1")
        other = facts_of(nlp, text, "a2")
        groups = group_facts([*one, *other])
        assert all(len(g.facts) == 1 for g in groups), groups


@pytest.mark.parametrize(
    "text, what",
    [
        ("Three soldiers were killed on Monday.", "soldiers killed"),
        ("One person died in the blast on Monday.", "people killed"),
        ("Police arrested four protesters on Monday.", "protesters arrested"),
        ("The storm destroyed 300 homes on Monday.", "homes destroyed"),
        ("Nine witnesses testified on Monday.", "witnesses testified"),
        ("Customs officers seized 3.7 metric tons of the drug on Monday.", "metric tons seized"),
    ],
)
def test_counts_of_people_and_large_counts_still_compare(nlp, text, what):
    one = facts_of(nlp, text, "a1")
    other = facts_of(nlp, text, "a2")
    assert [f.what for f in one] == [what]
    groups = group_facts([*one, *other])
    assert [len(g.facts) for g in groups] == [2]


def test_the_participle_of_an_irregular_verb(nlp):
    found = facts_of(nlp, "About 20 trucks are coming from the port. Some 40 ships are going.")
    assert {f.what for f in found} == {"trucks come", "ships gone"}


def test_a_proportion_compares_with_the_same_share_as_a_percentage(nlp):
    words = facts_of(nlp, "Seven out of ten hospitals are running short of beds.", "a1")
    digits = facts_of(nlp, "About 70% of hospitals are running short of beds.", "a2")
    groups = group_facts([*words, *digits])
    assert [(len(g.facts), g.status) for g in groups] == [(2, "consistent")]


def test_a_casualty_verb_names_the_count_not_a_participle_of_its_noun(nlp):
    found = facts_of(nlp, "The strike killed 40 Palestinians seeking shelter in a school.")
    assert [f.what for f in found] == ["Palestinians killed"]


@pytest.mark.parametrize(
    "text, value, unit, what",
    [
        ("The state began handing out 50 lakh masks to pupils.", 5_000_000, "masks", "masks"),
        ("Nearly 3 lakh people were evacuated.", 300_000, "people", "people displaced"),
        ("The scheme will cost Rs 2,000 crore.", 20_000_000_000, "INR", "(INR)"),
        ("The state paid ₹500 crore for the land.", 5_000_000_000, "INR", "deal (INR)"),
    ],
)
def test_indian_scales_and_rupees(nlp, text, value, unit, what):
    [f] = facts_of(nlp, text)
    assert (f.value, f.unit) == (value, unit) and what in f.what, f


def test_a_fraction_is_no_count(nlp):
    assert brief(nlp, "The band settled on a 6/8 feel for the song.") == []


def test_a_measure_noun_says_what_it_measures(nlp):
    text = (
        "The average price of a new tractor was $52,300, while the average price for a used "
        "combine was $31,900. The cost of the new depot was $4.1 million."
    )
    found = facts_of(nlp, text)
    assert [f.what for f in found] == [
        "tractor price (USD)",
        "combine price (USD)",
        "depot cost (USD)",
    ]
    # Two prices of different things are two quantities, not one that "differs".
    assert [g.status for g in group_facts(found)] == ["consistent"] * 3


def test_a_nationwide_count_is_not_the_storys_place(nlp):
    text = (
        "Local dealers sold 4,210 new tractors in March, the farm bureau said. Dealers sold "
        "3,900 new tractors in February. Nationally, dealers sold nearly 61,000 new tractors "
        "in March."
    )
    found = facts_of(nlp, text)
    assert [f.place for f in found] == [None, None, "nationwide"]
    groups = [(g.what, [found[i].value for i in g.facts]) for g in group_facts(found)]
    assert ("tractors sold nationwide", [61000.0]) in groups
    assert all(61000.0 not in values for what, values in groups if what == "tractors sold")
