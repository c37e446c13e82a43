from __future__ import annotations

import datetime as dt

import pytest
from conftest import analyzed
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.timeline import (
    PLACED,
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


@pytest.mark.parametrize(
    "text, event",
    [
        # The older value's date is a point of comparison, not the event's.
        (
            "The average price of a new tractor sold in Corvell in March was $52,300, up from "
            "$49,800 a year ago and from $44,100 in March 2016.",
            "March",
        ),
        ("Although grain exports were up from 11.4 percent in February, they stayed low.", None),
        (
            "Harvest volumes fell 4 percent in June, compared with a 2 percent rise in June 2017.",
            "June",
        ),
        # A verb of comparing that is the sentence's own event keeps its date.
        ("The council compared the two proposals in May.", "May"),
        ("The mayor flew from Lindhaven on Tuesday.", "Tuesday"),
    ],
)
def test_a_figures_point_of_comparison_dates_no_event(nlp, text, event):
    exprs = find_time_expressions(text, THU, nlp(text))
    chosen = event_expression(exprs)
    assert (chosen.text if chosen else None) == event


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


# --- issue 14: real pages ---------------------------------------------------------------

MON = dt.date(2026, 3, 9)  # a Monday


@pytest.mark.parametrize(
    "text, expected",
    [
        # A plan in a Monday report: the next day, not a week back.
        ("The ministers will meet on Tuesday in Lindenhall.", "2026-03-10"),
        ("The cabinet meets on Tuesday to vote on the budget.", "2026-03-10"),
        ("The final report is due on Tuesday.", "2026-03-10"),
        ("A meeting planned for Thursday was moved.", "2026-03-12"),
        # A past event: the Tuesday before.
        ("The ministers met on Tuesday in Lindenhall.", "2026-03-03"),
        # The publication day's own weekday: that day, unless "last".
        ("The ministers met on Monday in Lindenhall.", "2026-03-09"),
        ("The cabinet meets on Monday to vote.", "2026-03-09"),
        ("The ministers met last Monday in Lindenhall.", "2026-03-02"),
        # Present tense of saying, and a weekday of a noun: news convention, looking back.
        ("Officials say on Tuesday the dam held.", "2026-03-03"),
        ("Tuesday's flood is the worst in decades.", "2026-03-03"),
    ],
)
def test_weekdays_follow_the_tense_of_a_monday_report(nlp, text, expected):
    found = [e for e in find_time_expressions(text, MON, nlp(text)) if e.kind == "weekday"]
    assert [e.date.isoformat() for e in found] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The river rose a few weeks ago.",
        "Weeks ago, the engineers warned of cracks.",
        "The engineers warned of cracks more than a year ago.",
        "The engineers warned of cracks about ten days ago.",
        "The engineers recently warned of cracks.",
        "In recent weeks the engineers warned of cracks.",
    ],
)
def test_fuzzy_relative_dates_get_no_made_up_day(text):
    (e,) = find_time_expressions(text, MON)
    assert e.date is None
    timeline = build_timeline([analyzed_story(text)])
    assert timeline.events == ()
    assert [u.expression for u in timeline.undated] == [e.text]


def analyzed_story(text: str, published: dt.date | None = MON, id: str = "a"):
    from storydesk.nlp import load_pipeline

    return analyzed(load_pipeline(), text, id, published=published)


def test_a_month_ago_is_a_month_and_renders_as_one():
    (e,) = find_time_expressions("The engineers warned of cracks a month ago.", MON)
    assert (e.date, e.granularity) == (dt.date(2026, 2, 1), "month")
    (event,) = build_timeline(
        [analyzed_story("The engineers warned of cracks a month ago.")]
    ).events
    assert event.date_text == "February 2026"


def test_year_and_month_dates_render_at_their_precision(nlp):
    from storydesk.render.markdown import _timeline

    text = (
        "The dam was inspected in 2009.\n\nIts wall cracked in March 2009.\n\n"
        "The wall gave way on March 8, 2026."
    )
    timeline = build_timeline([analyzed(nlp, text, "a", published=MON)])
    assert [e.date_text for e in timeline.events] == ["2009", "March 2009", "2026-03-08"]
    out = timeline_json(timeline)["timeline"]
    assert [e["date"] for e in out] == ["2009-01-01", "2009-03-01", "2026-03-08"]
    assert [e["date_text"] for e in out] == ["2009", "March 2009", "2026-03-08"]
    assert {e["basis"] for e in out} == {"stated in text"}
    lines = "\n".join(_timeline(_briefing(timeline), {"a": 1}))
    assert "2009-01-01" not in lines and "(year)" not in lines
    assert "**2009**" in lines and "**March 2009**" in lines


def _briefing(timeline):
    from storydesk.model import Briefing, Story

    return Briefing(Story("s", "t", ("a",)), (), (), timeline=timeline)


def test_coarse_dates_sort_before_the_days_they_hold(nlp):
    text = "The wall gave way on March 8, 2026.\n\nThe wall had cracked in March 2026."
    timeline = build_timeline([analyzed(nlp, text, "a", published=MON)])
    assert [e.date_text for e in timeline.events] == ["March 2026", "2026-03-08"]


@pytest.mark.parametrize(
    "chrome",
    [
        "PORT AVERLY, March 3 -",
        "PORT AVERLY, March 3 (Lakes Wire) -",
        "Publication date: March 3, 2019",
        "Updated: 2019-03-03 10:42",
        "Posted on March 3, 2019 by the news desk",
        "By Jane Roe | March 3, 2019",
        "Rescue boats on Quay Street, Tuesday morning.",  # a caption: told by the parse
    ],
)
def test_page_chrome_is_never_a_timeline_event(nlp, chrome):
    body = "The river burst its banks on Sunday night, officials said."
    text = f"{chrome}\n\n{body}"
    a = analyzed(nlp, text, "a", published=MON)
    parse_only = chrome.startswith("Rescue")
    for docs in ({"a": nlp(a.article.text)}, None) if not parse_only else ({"a": nlp(text)},):
        timeline = build_timeline([a], docs)
        assert [e.text for e in timeline.events] == [body], docs
        assert timeline.undated == ()


def test_an_inline_dateline_does_not_date_its_sentence(nlp):
    text = "PORT AVERLY, March 3 (Lakes Wire) - The river burst its banks on Sunday night."
    a = analyzed(nlp, text, "a", published=dt.date(2026, 3, 3))
    (event,) = build_timeline([a], {"a": nlp(a.article.text)}).events
    assert event.date == dt.date(2026, 3, 1)  # the Sunday, not the dateline's day
    alone = "PORT AVERLY, March 3 (Lakes Wire) - The river burst its banks."
    b = analyzed(nlp, alone, "b", published=dt.date(2026, 3, 3))
    assert build_timeline([b], {"b": nlp(b.article.text)}).events == ()


def test_a_chronology_heading_dates_the_sentence_after_it(nlp):
    text = "12 May 2025 Engineers inspect the spillway wall."
    a = analyzed(nlp, text, "a", published=MON)
    (event,) = build_timeline([a], {"a": nlp(a.article.text)}).events
    assert event.date == dt.date(2025, 5, 12) and event.text == text


def test_an_undated_article_gets_no_made_up_date(nlp):
    text = "The dam gave way late on Sunday after a week of heavy rain."
    a = analyzed(nlp, text, "a", published=None)
    timeline = build_timeline([a], {"a": nlp(a.article.text)})
    assert timeline.events == ()
    assert [u.expression for u in timeline.undated] == ["Sunday"]


def test_an_undated_article_is_placed_by_what_it_reports_with_the_basis(nlp):
    dated = analyzed(
        nlp, "The Kessen Dam gave way late on Sunday after heavy rain.", "a", published=MON
    )
    undated = analyzed(
        nlp, "The Kessen Dam gave way late on Sunday after heavy rain.", "b", published=None
    )
    timeline = build_timeline([dated, undated])
    (event,) = timeline.events
    assert event.date == dt.date(2026, 3, 8)
    assert [c.article_id for c in event.citations] == ["a", "b"]
    assert event.bases == ("relative to publication date 2026-03-09", PLACED)
    assert timeline.undated == ()
    cites = timeline_json(timeline)["timeline"][0]["citations"]
    assert [c["basis"] for c in cites] == list(event.bases)


def test_html_pages_take_no_publication_date_from_a_copyright_year():
    from storydesk.ingest.html import read_html

    body = "<p>" + "The river rose overnight and residents were moved to higher ground. " * 3
    page = f"<html><body><article><h1>Floods</h1>{body}</p></article>"
    page += "<footer>(c) 2015 Example News</footer></body></html>"
    (raw,) = read_html(page.encode(), "page.html")
    assert raw.published is None
    stamped = page.replace("<head>", "").replace(
        "<html>", '<html><head><meta property="article:published_time" content="2026-03-09"></head>'
    )
    (raw,) = read_html(stamped.encode(), "page.html")
    assert raw.published == dt.date(2026, 3, 9)


_BODY = st.sampled_from(
    [
        "The dam gave way on Sunday.",
        "PORT AVERLY, March 3 -",
        "Updated: March 3, 2019",
        "Rescue boats on Quay Street, Tuesday morning.",
        "Officials said 12 people died in 2019.",
        "Talks will resume next week, a month ago they failed.",
        "12 May 2025 Engineers inspect the wall.",
        "The engineers recently warned of cracks.",
    ]
)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(_BODY, min_size=1, max_size=4), min_size=1, max_size=3), st.booleans())
def test_every_timeline_event_cites_characters_of_its_article(nlp, paragraphs, parse):
    from storydesk.clean import clean_text

    articles = [
        analyzed(nlp, "\n\n".join(p), f"a{i}", published=MON if i % 2 == 0 else None)
        for i, p in enumerate(paragraphs)
    ]
    texts = {a.article.id: a.article.text for a in articles}
    docs = {a.article.id: nlp(a.article.text) for a in articles} if parse else None
    timeline = build_timeline(articles, docs)
    for e in timeline.events:
        assert len(e.citations) == len(e.bases)
        first = e.citations[0]
        assert e.text == texts[first.article_id][first.start : first.end]
        for c in e.citations:
            assert 0 <= c.start < c.end <= len(texts[c.article_id])
            assert clean_text(texts[c.article_id]) == texts[c.article_id]
        assert e.date_text and "(year)" not in e.date_text
    for u in timeline.undated:
        c = u.citation
        assert u.text == texts[c.article_id][c.start : c.end]
        assert u.expression in u.text


@pytest.mark.parametrize(
    "text",
    [
        "PORT AVERLY, March 3 (Lakes Wire) - The river burst its banks.",
        "PORT AVERLY, Caldonia, March 3 -",
        "March 3 (Lakes Wire) - The river burst its banks.",
        "Publication date: March 3, 2019",
        "By Jane Roe | March 3, 2019",
    ],
)
def test_a_dateline_or_page_stamp_dates_no_event(text):
    (e,) = find_time_expressions(text, MON)
    assert e.kind in ("dateline", "page") and e.date == dt.date(
        2026 if "2019" not in text else 2019, 3, 3
    )
    assert event_expression([e]) is None


def test_a_date_and_a_dash_in_a_chronology_is_a_date():
    (e,) = find_time_expressions("March 3 - The river burst its banks.", MON)
    assert e.kind == "absolute" and event_expression([e]) is e


@pytest.mark.parametrize(
    "text",
    [
        # A wire page's stamp run into its dateline, a site's stamp after its headline, a
        # two-digit year, "Last updated", a sidebar's stamps, "Posted" inside a line.
        "LINDENHALL | Tue Mar 3 , 2026 9:14 am CET LINDENHALL - The river rose.",
        "Dam fears grow as rains go on Tuesday 3 March 2026 07.23 GMT",
        "Engineers at the dam\n03 March 26 00:35 GMT\nThe engineers inspected the spillway.",
        "3 March 2026 Last updated at 13:17 GMT Help The engineers inspected the spillway.",
        "Repairs will take weeks MORE Mar 3, 2026 7:42 AM ET",
        "Flood diary | Posted March 3, 2026 | Port Averly",
    ],
)
def test_a_time_stamp_inside_a_line_dates_no_event(nlp, text):
    found = [e for e in find_time_expressions(text, MON, nlp(text)) if e.date is not None]
    assert found and all(e.kind == "page" for e in found)
    assert build_timeline([analyzed(nlp, text, "a", published=MON)], None).events == ()


@pytest.mark.parametrize(
    "text",
    [
        "The dam failed on March 3, 2026 at 4:53 pm local time.",
        "The vote on March 3, 2026 was close.",
        "The council posted a notice on March 3, 2026.",
        # A lede run into its page's stamp (page text without line breaks): the report's day.
        "Dam holds Tuesday 3 March 2026 07.23 GMT The engineers inspected the spillway.",
    ],
)
def test_a_date_with_a_time_in_a_body_sentence_is_a_date(nlp, text):
    (e,) = find_time_expressions(text, MON, nlp(text))
    assert e.kind == "absolute" and event_expression([e]) is e


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # A plan told from the past: either side of publication, so the publication year.
        ("The prisoner was due to be released in September.", "2025-11-19", "2025-09-01"),
        ("The prisoner is due to be released in September.", "2025-11-19", "2026-09-01"),
        # A noun that lies ahead dates ahead, whatever the tense of the clause.
        (
            "Officials said tents were needed before the expected start of the rains in May.",
            "2026-01-20",
            "2026-05-01",
        ),
        (
            "Voters were told to register before the planned vote on Sunday.",
            "2026-03-11",
            "2026-03-15",
        ),
        # A participle that is done, not planned: the one before publication.
        ("Prices passed their previous peak, set on December 7.", "2026-03-09", "2025-12-07"),
        ("Prices passed the record of 90 dollars set on December 7.", "2026-03-09", "2025-12-07"),
        ("A vote set for December 7 was delayed.", "2026-03-09", "2026-12-07"),
        ("Scheduled for December 7, the vote was delayed.", "2026-03-09", "2026-12-07"),
        # "this Wednesday": the nearer Wednesday, unless the tense says which side.
        ("The figures are in this Wednesday edition of the bulletin.", "2026-03-10", "2026-03-11"),
        ("The ministers met this Monday in Lindenhall.", "2026-03-10", "2026-03-09"),
        ("The ministers will meet this Sunday.", "2026-03-10", "2026-03-15"),
    ],
)
def test_dates_follow_the_tense_of_what_they_date(nlp, text, published, expected):
    pub = dt.date.fromisoformat(published)
    found = [e for e in find_time_expressions(text, pub, nlp(text)) if e.date is not None]
    assert [e.date.isoformat() for e in found] == [expected]


@pytest.mark.parametrize(
    "text, caption",
    [
        # A photo caption: a present-tense sentence ending in a full date, no preposition.
        ("A farmer feeds his goats outside Lindenhall, Caldonia March 2, 2026.", True),
        ("Sandbags are seen on Quay Street in this picture taken March 2, 2026.", True),
        ("Rescuers search the rubble in Port Averly, March 2, 2026.", True),
        # The body: a preposition, the past tense, a copula, or words after the date.
        ("The trial begins on March 2, 2026.", False),
        ("Rescuers searched the rubble in Port Averly, March 2, 2026.", False),
        ("The deadline is March 2, 2026.", False),
        ("Crews search the rubble on Quay Street, March 2, 2026, as rain falls.", False),
    ],
)
def test_a_photo_caption_dates_no_event(nlp, text, caption):
    (e,) = find_time_expressions(text, MON, nlp(text))
    assert (e.kind == "caption") == caption
    assert (event_expression([e]) is None) == caption


def test_a_chronology_heading_after_a_present_tense_entry_is_no_caption(nlp):
    # Page text without line breaks runs a chronology's next date into the entry before it.
    text = "The mayor appears in court in Lindenhall 25 January 2026 The mayor pleads not guilty."
    found = find_time_expressions(text, MON, nlp(text))
    assert [e.kind for e in found] == ["absolute"]


@pytest.mark.parametrize(
    "text",
    [
        "Was it wise to open the bridge at noon on a Monday?",
        "The market opens every Friday in the square.",
        "Each Sunday the ferry crews rest.",
    ],
)
def test_any_such_weekday_is_no_date(nlp, text):
    assert [e for e in find_time_expressions(text, MON, nlp(text)) if e.date is not None] == []
