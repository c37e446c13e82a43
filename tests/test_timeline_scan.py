"""The date patterns tried only where their scans say a match can start find what
``finditer`` over every character finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.timeline.expressions import _PATTERNS, _STARTS, matches

# Pieces of every pattern, in the cases and with the letters ``re`` folds ("ſ" is "s",
# "İ" and "ı" are "i" to a case-insensitive pattern), and words that look like them; an
# "_" is a gap of whitespace (or, where a pattern allows, a hyphen).
PIECES = [
    "the",
    "The",
    "THE",
    "day",
    "Day_17_of_the_siege",
    "days_ago",
    "dayſ_AGO",
    "before",
    "after",
    "yesterday",
    "YESTERDAY",
    "the_day_before_yesterday",
    "the_day_after_tomorrow",
    "today",
    "tonight",
    "tomorrow",
    "last_night",
    "this_morning",
    "Last",
    "LAST",
    "next",
    "earlier_this",
    "later_this",
    "week",
    "weekend",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "ago",
    "a_few",
    "several",
    "a_couple_of",
    "some",
    "ſome",
    "many",
    "more_than",
    "at_least",
    "nearly",
    "about",
    "around",
    "roughly",
    "approximately",
    "just_over",
    "just_under",
    "well_over",
    "one",
    "two",
    "twenty",
    "twenty-one",
    "3",
    "12",
    "31",
    "21st",
    "3rd",
    "17th",
    "first",
    "second",
    "twentieth",
    "thirty-first",
    "its",
    "İts",
    "ıts",
    "their",
    "straight",
    "consecutive",
    "recently",
    "Recently",
    "lately",
    "in_recent_days",
    "İn_recent_weeks",
    "ın",
    "not_long_ago",
    "some_time_ago",
    "the_other_day",
    "since",
    "Since",
    "until",
    "till",
    "by",
    "By",
    "during",
    "through",
    "Through",
    "from",
    "From",
    "early",
    "Early",
    "late",
    "mid",
    "Mid",
    "mid-January",
    "coming",
    "January",
    "February",
    "March",
    "Mar.",
    "Mar",
    "Sept.",
    "Sept",
    "May",
    "June",
    "Jun",
    "Dec.",
    "December",
    "Monday",
    "Tuesday",
    "Sunday",
    "Saturday",
    "News",
    "Bloody",
    "Black",
    "Fox",
    "1998",
    "2005",
    "1899",
    "2019",
    "2019-03-14",
    "1998-11-05",
    "03-14",
    "morning",
    "evening",
    "afternoon",
    "Chicago",
    "Santiago",
    "agony",
    "amid",
    "Marine",
    "Mayor",
    "Junior",
    "decade",
    "weekly",
    "yearly",
    "monthly",
    "of",
]
# Whole expressions, one for each word a pattern allows before its anchor.
PREPOSITIONS = [
    "in",
    "In",
    "since",
    "Since",
    "until",
    "till",
    "Till",
    "by",
    "By",
    "during",
    "During",
    "through",
    "Through",
    "from",
    "of",
]
PREPOSITIONS += [
    "before",
    "Before",
    "after",
    "After",
    "last",
    "Last",
    "next",
    "this",
    "early",
    "Early",
    "late",
    "Late",
    "mid",
    "Mid",
]
MODIFIERS = ["last", "Last", "next", "this", "coming", "Coming", "early", "late"]
QUALIFIERS = [
    "more_than",
    "at_least",
    "nearly",
    "almost",
    "less_than",
    "just_over",
    "just_under",
    "well_over",
]
QUALIFIERS += ["about", "around", "roughly", "approximately", "some"]
NUMBERS = [
    "3",
    "12",
    "a",
    "an",
    "one",
    "ten",
    "twenty",
    "twenty-one",
    "a_few",
    "several",
    "a_couple_of",
    "some",
    "many",
]
GROUPS = [
    PIECES,
    [f"{p}_{m}" for p in PREPOSITIONS for m in ("March", "1998", "mid-June", "2004-05")],
    [f"{m}_{d}" for m in MODIFIERS for d in ("Monday", "Friday_night", "Holy_Saturday")],
    [
        f"{q}_{n}_{u}_ago"
        for q in ["", *QUALIFIERS]
        for n in ["", *NUMBERS]
        for u in ("day", "years")
    ],
    [f"{m}_{u}" for m in ("earlier_this", "later_this", "this", "Next") for u in ("week", "month")],
    [
        "3rd_of_May",
        "Monday,_the_3rd_of_May_2004",
        "mid-January_1999",
        "early_March_2004",
        "12_Sept._2005",
    ],
    [
        "recently",
        "lately_said",
        "in_recent_years",
        "not_long_ago",
        "some_time_ago",
        "the_other_day",
    ],
]
GAPS = [" ", " ", " ", "  ", "\n", "\n\n", "-", ", ", ",", ". ", "'s ", "’s ", "", " (", ") "]
SPACES = [" ", " ", "  ", "\n", " \n ", "\t", "-"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    pieces = st.sampled_from(GROUPS).flatmap(st.sampled_from)
    parts = draw(st.lists(st.tuples(pieces, st.sampled_from(GAPS)), max_size=14))
    out = []
    for piece, gap in parts:
        words = [w for w in piece.split("_") if w]
        out.append(words[0])
        for word in words[1:]:
            out.append(draw(st.sampled_from(SPACES)) + word)
        out.append(gap)
    return "".join(out)


def found(pattern, hits):
    return [(m.span(), m.groupdict()) for m in hits]


@settings(max_examples=400)
@given(texts())
def test_matches_are_those_of_finditer(text: str) -> None:
    for name, pattern in _PATTERNS:
        assert found(pattern, matches(name, pattern, text)) == found(
            pattern, pattern.finditer(text)
        ), name


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Since  \n  March, and in mid-January 1999, from\t2003 to 2005.",
        "It rained last   Tuesday and Monday, the 3rd of May 2004; on 12 Sept. it ended.",
        "more than a couple of years ago, about ten dayſ AGO, twenty-one weeks ago",
        "İn recent weeks ſome time ago the other day, RECENTLY, lately",
        "Its 17th consecutive day of the strike; Day 4 of the siege; 2019-03-14.",
        "Earlier this week, later this month, last year's rally, this weekend",
    ],
)
def test_matches_on_hard_cases(text: str) -> None:
    for name, pattern in _PATTERNS:
        assert found(pattern, matches(name, pattern, text)) == found(
            pattern, pattern.finditer(text)
        ), name
        if name == "ago" and "AGO" in text:
            assert matches(name, pattern, text)  # the cases above do match


def test_every_pattern_has_its_scans() -> None:
    assert {name for name, _ in _PATTERNS} == set(_STARTS)
