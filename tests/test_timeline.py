from __future__ import annotations

import datetime as dt

import pytest
from conftest import analyzed
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.timeline import (
    Anchor,
    build_timeline,
    event_expression,
    find_anchors,
    find_time_expressions,
    number_word,
    ordinal_word,
    timeline_json,
)

THU = dt.date(2014, 7, 24)  # a Thursday


def resolve(text: str, published: dt.date | None = THU, doc=None, anchors=()):
    """(text, ISO date or None, granularity) of every expression, checking the offsets."""
    out = []
    for e in find_time_expressions(text, published, doc, anchors):
        assert text[e.start : e.end] == e.text
        out.append((e.text, e.date.isoformat() if e.date else None, e.granularity))
    return out


def one(text: str, published: dt.date | None = THU, doc=None, anchors=()):
    found = resolve(text, published, doc, anchors)
    assert len(found) == 1, found
    return found[0]


# --- weekdays: the most recent one on or before publication -------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kerry arrived on Monday.", ("Monday", "2014-07-21", "day")),
        ("They met late Wednesday.", ("late Wednesday", "2014-07-23", "day")),
        ("He spoke Thursday.", ("Thursday", "2014-07-24", "day")),  # the publication day
        ("Shelling went on Friday night.", ("Friday night", "2014-07-18", "day")),
        ("Sunday's talks failed.", ("Sunday", "2014-07-20", "day")),
        ("Talks resume next Monday.", ("next Monday", "2014-07-28", "day")),
        ("The coming Saturday is key.", ("coming Saturday", "2014-07-26", "day")),
        # "last Tuesday" is the Tuesday of the previous week, not the day before yesterday.
        ("The blast last Tuesday killed 11.", ("last Tuesday", "2014-07-15", "day")),
    ],
)
def test_weekdays(text, expected):
    assert one(text) == expected


def test_a_future_tense_verb_looks_forward(nlp):
    text = "He will visit Cairo on Monday."
    assert one(text, doc=nlp(text)) == ("Monday", "2014-07-28", "day")
    assert one(text) == ("Monday", "2014-07-21", "day")  # without the parse: news convention
    reported = "BP said it would try again on Wednesday."
    assert one(reported, dt.date(2010, 5, 24), nlp(reported))[1] == "2010-05-26"


def test_what_is_planned_or_expected_looks_forward(nlp):
    text = "A memorial service is planned for Sunday at the cathedral."
    assert one(text, doc=nlp(text)) == ("Sunday", "2014-07-27", "day")
    text = "The talks are expected on Monday."
    assert one(text, doc=nlp(text)) == ("Monday", "2014-07-28", "day")


def test_plural_and_named_days_are_not_dates():
    assert resolve("Mondays are busy. Fox News Sunday aired. Bloody Sunday is remembered.") == []


# --- relative words and periods ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It happened yesterday.", ("yesterday", "2014-07-23", "day")),
        ("Talks start today.", ("today", "2014-07-24", "day")),
        ("He speaks tonight.", ("tonight", "2014-07-24", "day")),
        ("She leaves tomorrow.", ("tomorrow", "2014-07-25", "day")),
        ("Rockets fell last night.", ("last night", "2014-07-23", "day")),
        ("It began the day before yesterday.", ("the day before yesterday", "2014-07-22", "day")),
        ("He left this morning.", ("this morning", "2014-07-24", "day")),
        ("The flare-up began eight days ago.", ("eight days ago", "2014-07-16", "day")),
        ("It began 3 days ago.", ("3 days ago", "2014-07-21", "day")),
        ("Talks failed last week.", ("last week", "2014-07-14", "week")),
        ("Talks continue this week.", ("this week", "2014-07-21", "week")),
        ("Talks resume next week.", ("next week", "2014-07-28", "week")),
        ("Two weeks ago he quit.", ("Two weeks ago", "2014-07-07", "week")),
        ("Prices rose last month.", ("last month", "2014-06-01", "month")),
        ("He was elected last year.", ("last year", "2013-01-01", "year")),
        ("They met last weekend.", ("last weekend", "2014-07-19", "weekend")),
        ("It started three months ago.", ("three months ago", "2014-04-01", "month")),
    ],
)
def test_relative_expressions(text, expected):
    assert one(text) == expected


def test_imprecise_and_durations_are_not_guessed():
    assert one("It began a few days ago.") == ("a few days ago", None, "day")
    # "in the last week" is a duration, not last week.
    assert resolve("In the last week, 50 people died.") == []


# --- absolute dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It began on July 21, 2014.", ("July 21, 2014", "2014-07-21", "day")),
        ("It began on 21 July 2014.", ("21 July 2014", "2014-07-21", "day")),
        ("Posted Tuesday 3 May 2005 11.57 BST.", ("Tuesday 3 May 2005", "2005-05-03", "day")),
        ("Filed 2014-07-01.", ("2014-07-01", "2014-07-01", "day")),
        ("The deal was signed on Jan. 25.", ("Jan. 25", "2014-01-25", "day")),
        ("The deal was signed in July 2009.", ("July 2009", "2009-07-01", "month")),
        ("Donors met in 2009.", ("2009", "2009-01-01", "year")),
        ("Talks may resume in May.", ("May", "2014-05-01", "month")),
        ("It began on the 3rd of March.", ("3rd of March", "2014-03-03", "day")),
    ],
)
def test_absolute_dates(text, expected):
    assert one(text) == expected


def test_dates_without_a_year_take_the_publication_year_corrected_by_tense(nlp):
    assert one("The vote is on March 3.")[1] == "2014-03-03"
    assert one("The summit is on December 28.")[1] == "2014-12-28"
    past = "Talks collapsed on December 28."
    assert one(past, doc=nlp(past))[1] == "2013-12-28"
    future = "Elections will be held on January 30."
    assert one(future, dt.date(2004, 12, 28), nlp(future))[1] == "2005-01-30"
    assert one("It happened last March.")[1] == "2014-03-01"
    assert one("It happens next March.")[1] == "2015-03-01"


def test_may_the_verb_and_bare_numbers_are_not_dates():
    assert resolve("Talks may resume. He scored 21 points and 2014 votes were cast.") == []


def test_the_relation_before_a_date_is_kept():
    (since,) = find_time_expressions("He has been there since Monday.", THU)
    assert since.relation == "since" and since.date == dt.date(2014, 7, 21)
    (hours,) = find_time_expressions("Bodies came in since the early hours of Monday.", THU)
    assert hours.relation == "since" and hours.date == dt.date(2014, 7, 21)


# --- counted days --------------------------------------------------------------------------


def test_counted_day_from_a_start_the_article_states():
    text = "The conflict began on July 8. Violence intensified on the 17th day of the conflict."
    assert resolve(text)[1] == ("the 17th day of the conflict", "2014-07-24", "day")


def test_counted_day_words_and_day_n_forms():
    text = "The war started on July 8. It was the seventeenth day of the war, day 17 of the war."
    assert [r[1] for r in resolve(text)] == ["2014-07-08", "2014-07-24", "2014-07-24"]


def test_counted_day_from_a_duration_as_of_publication():
    # "the 14-day conflict" on July 21: July 21 is its 14th day, so it began on July 8.
    text = "The death toll in the 14-day conflict hit 572."
    (anchor,) = find_anchors(text, dt.date(2014, 7, 21))
    assert anchor.noun == "conflict" and anchor.date == dt.date(2014, 7, 8)


def test_counted_day_with_an_anchor_from_elsewhere_and_a_named_operation():
    anchors = (Anchor("conflict", dt.date(2014, 7, 8)),)
    text = "His comments came on the 24th day of Operation Protective Edge."
    assert one(text, dt.date(2014, 7, 31), anchors=anchors)[1] == "2014-07-31"


def test_counted_day_without_a_start_stays_undated():
    assert one("It is the 17th day of the conflict.") == (
        "the 17th day of the conflict",
        None,
        "day",
    )
    # A start of something else does not count: a strike is not a trial.
    text = "The strike began on July 8. It is the 17th day of the trial."
    assert resolve(text)[1][1] is None


def test_since_the_flare_up_began_eight_days_ago_is_an_anchor():
    text = "Some 136 Palestinians have been killed since the flare-up began eight days ago."
    (anchor,) = find_anchors(text, dt.date(2012, 11, 21))
    assert (anchor.noun, anchor.date) == ("flare-up", dt.date(2012, 11, 13))


# --- no publication date: only what the text fixes ------------------------------------------


def test_without_a_publication_date_relative_dates_are_undated():
    found = resolve(
        "On Monday, July 21, 2014 he came; yesterday he left; on Monday he spoke.", None
    )
    assert found == [
        ("Monday, July 21, 2014", "2014-07-21", "day"),
        ("yesterday", None, "day"),
        ("Monday", None, "day"),
    ]


def test_number_and_ordinal_words():
    assert number_word("twenty-one") == 21 and number_word("a") == 1
    assert number_word("many") is None
    assert ordinal_word("24th") == 24 and ordinal_word("thirty-first") == 31
    assert ordinal_word("twentieth") == 20 and ordinal_word("last") is None


# --- the event date of a sentence -----------------------------------------------------------


def test_event_date_prefers_the_main_verb(nlp):
    text = "Kerry, who arrived on Monday, said on Wednesday that talks would continue."
    doc = nlp(text)
    exprs = find_time_expressions(text, THU, doc)
    # Expressions found with the parse carry their depth: stored, they need no parse.
    assert [e.depth for e in exprs] == [2, 0]  # "arrived" under "Kerry" under "said"
    assert event_expression(exprs).text == "Wednesday"
    plain = find_time_expressions(text, THU)
    assert event_expression(plain).text == "Monday"  # never parsed: the first


def test_event_date_skips_bounds_and_unresolved():
    exprs = find_time_expressions("He has waited since Monday for the 17th day of it.", THU)
    assert event_expression(exprs) is None


# --- the timeline ---------------------------------------------------------------------------

A = """Kerry arrived in Cairo on Monday to press for a truce in Gaza.

The conflict began on July 8, when Israel launched air strikes.

Violence intensified on the 17th day of the conflict.

He has been in the region since Monday.

Officials hope for progress."""

B = """Kerry arrived in Cairo on Monday to press for a truce in Gaza, officials said.

Kerry met Ban Ki-moon in Jerusalem on Wednesday."""

C = """The 30th day of the siege brought no relief."""


def _story(nlp):
    return [
        analyzed(nlp, A, "a", published=THU),
        analyzed(nlp, B, "b", published=dt.date(2014, 7, 23)),
        analyzed(nlp, C, "c", published=THU),
    ]


def test_timeline_in_date_order_with_merged_citations(nlp):
    story = _story(nlp)
    docs = {a.article.id: nlp(a.article.text) for a in story}
    timeline = build_timeline(story, docs)
    texts = {a.article.id: a.article.text for a in story}
    dates = [e.date.isoformat() for e in timeline.events]
    assert dates == sorted(dates)
    assert dates == ["2014-07-08", "2014-07-21", "2014-07-23", "2014-07-24"]
    arrival = timeline.events[1]
    # The earliest published article's sentence is the text; both articles are cited.
    assert [c.article_id for c in arrival.citations] == ["b", "a"]
    assert arrival.text == texts["b"][arrival.citations[0].start : arrival.citations[0].end]
    for e in timeline.events:
        for c in e.citations:
            assert 0 <= c.start < c.end <= len(texts[c.article_id])
    # "since Monday" is not an event; the siege's 30th day has no start: undated.
    assert not any("since Monday" in e.text for e in timeline.events)
    assert [u.expression for u in timeline.undated] == ["The 30th day of the siege"]


def test_timeline_without_parses_and_json_shape(nlp):
    timeline = build_timeline(_story(nlp))
    out = timeline_json(timeline)
    assert set(out) == {"timeline", "undated"}
    first = out["timeline"][0]
    assert set(first) == {"date", "granularity", "date_text", "basis", "text", "citations"}
    assert set(first["citations"][0]) == {"article_id", "start", "end", "basis"}
    # "July 8" has no year: the publication year gives it.
    assert first["basis"] == "relative to publication date 2014-07-24"
    assert first["citations"][0]["basis"] == first["basis"]
    assert dt.date.fromisoformat(first["date"]) == dt.date(2014, 7, 8)


def test_counted_days_can_use_a_start_from_another_article(nlp):
    a = analyzed(nlp, "The offensive began on July 8.", "a", published=THU)
    b = analyzed(nlp, "Gaza suffered on the 17th day of the offensive.", "b", published=THU)
    assert [e.date for e in build_timeline([a, b]).events] == [
        dt.date(2014, 7, 8),
        dt.date(2014, 7, 24),
    ]
    alone = build_timeline([a, b], share_anchors=False)
    assert [e.date for e in alone.events] == [dt.date(2014, 7, 8)]
    assert [u.expression for u in alone.undated] == ["the 17th day of the offensive"]


def test_a_counted_day_read_anew_keeps_the_tenses_of_the_rest(nlp):
    from dataclasses import replace

    from storydesk.annotate import annotate

    def annotated(text: str, id: str):
        a = analyzed(nlp, text, id, published=THU)
        return replace(a, annotations=annotate(a.article, nlp(a.article.text)))

    a = annotated("The offensive began on July 8.", "a")
    b = annotated(
        "Gaza suffered on the 17th day of the offensive. A memorial service is planned for "
        "Sunday in the city.",
        "b",
    )
    dates = {e.text[:10]: e.date for e in build_timeline([a, b]).events}
    assert dates["Gaza suffe"] == dt.date(2014, 7, 24)
    assert dates["A memorial"] == dt.date(2014, 7, 27)  # the Sunday after, not before


def test_timeline_rejects_a_parse_of_other_text_and_bad_similarity(nlp):
    a = analyzed(nlp, "He came on Monday.", "a", published=THU)
    with pytest.raises(ValueError):
        build_timeline([a], {"a": nlp("Something else.")})
    with pytest.raises(ValueError):
        build_timeline([a], merge_similarity=0)


# --- properties -----------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "on",
        "Monday",
        "late",
        "last",
        "next",
        "week",
        "July",
        "21",
        "2014",
        ",",
        "the",
        "17th",
        "day",
        "of",
        "conflict",
        "began",
        "yesterday",
        "ago",
        "eight",
        "days",
        "May",
        "since",
        "999",
        "years",
        "Sept.",
        "3",
        "in",
        "-",
        "\n",
    ]
)
_TEXT = st.one_of(st.text(max_size=80), st.lists(_WORDS, max_size=25).map(" ".join))
_DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(_TEXT, _DATES)
def test_any_text_never_raises_and_spans_lie_inside(text, published):
    for e in find_time_expressions(text, published):
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.granularity in {"day", "weekend", "week", "month", "year"}
        if published is None and e.date is not None:
            assert e.kind in ("absolute", "counted")
