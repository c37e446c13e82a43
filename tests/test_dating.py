from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk import dating
from storydesk.dating import date_in_page, date_in_text, date_in_url, infer_published

BODY = "The council of Harl approved the new bridge budget on a close vote, its chair said."


def test_dates_in_url_paths():
    assert date_in_url("https://news.example/world/2019/03/14/harl-bridge") == dt.date(2019, 3, 14)
    assert date_in_url("https://news.example/2019-03-14/harl-bridge.html") == dt.date(2019, 3, 14)
    assert date_in_url("https://news.example/a/20190314/harl") == dt.date(2019, 3, 14)
    assert date_in_url("https://news.example/story/2019/99/99/x") is None
    assert date_in_url("https://news.example/2019/harl") is None
    assert date_in_url(None) is None


def test_a_dateline_or_published_line_dates_the_text():
    assert date_in_text(f"Harl bridge vote\nPublished: 14 March 2019\n{BODY}") == dt.date(
        2019, 3, 14
    )
    assert date_in_text(f"HARL, March 14, 2019 - {BODY}") == dt.date(2019, 3, 14)


def test_a_date_the_story_tells_of_is_not_the_publication_date():
    assert (
        date_in_text(f"{BODY} The old bridge was closed on March 14, 2009 after a flood.") is None
    )
    assert (
        date_in_text("Since 2 May 2011, the council has met weekly in the old town hall.") is None
    )
    assert date_in_text(BODY) is None


def test_metadata_wins_then_url_then_text():
    assert infer_published("https://x.example/2020/01/02/a", "HARL, March 14, 2019 - x") == (
        dt.date(2020, 1, 2),
        "url",
    )
    assert infer_published(None, "HARL, March 14, 2019 - x") == (dt.date(2019, 3, 14), "text")
    assert infer_published(None, BODY) == (None, None)


def test_ingest_dates_an_undated_article_from_its_url(tmp_path):
    from storydesk.corpus import dated
    from storydesk.model import Article

    a = Article("a", "a", "Crews cleared the pass.", url="https://example.org/2019/03/14/pass")
    assert (dated(a).published, dated(a).date_source) == (dt.date(2019, 3, 14), "url")
    b = Article("b", "b", "Crews cleared the pass.", published=dt.date(2019, 3, 15))
    assert dated(b).date_source == "metadata"
    assert dated(Article("c", "c", "Crews cleared the pass.")).published is None


# --- a page's own date in its text, near its headline (issue 15 item 2) ---------------------

NAV = ["Home", "World", "Business", "Sport", "Most read", "Ferry fares to rise in April"]
HEADLINE = "Harl council approves the new bridge budget"
LEDE = (
    "The council of Harl approved the new bridge budget on Tuesday after a close vote, its "
    "chair said, and work on the river crossing will start in the spring."
)
SECOND = "Opponents said the council had not costed the approach roads, and would appeal."


def _page(*head: str, after: tuple[str, ...] = ()) -> str:
    return "\n".join([*NAV, HEADLINE, *head, LEDE, SECOND, *after])


def test_a_page_date_line_between_headline_and_body_dates_the_page():
    for line, day in [
        ("Published 18 November 2026", dt.date(2026, 11, 18)),
        ("Nov 18, 2026 10:42 AM ET", dt.date(2026, 11, 18)),
        ("By Jane Doe - 11/18/26 06:56 AM EST", dt.date(2026, 11, 18)),
        ("21:17 18.11.2026", dt.date(2026, 11, 18)),
        ("By Jane Doe 2026-11-18T12:48:14Z Politics", dt.date(2026, 11, 18)),
        ("Posted by Jane Doe on November 18, 2026, 6:21 AM EST", dt.date(2026, 11, 18)),
    ]:
        assert date_in_page(_page("By Jane Doe", line), LEDE, HEADLINE) == day, line


def test_published_comes_before_updated():
    head = ("Updated: 19 Nov 2026 9:38 pm", "Posted: 18 Nov 2026 8:11 pm")
    assert date_in_page(_page(*head), LEDE, HEADLINE) == dt.date(2026, 11, 18)


def test_dates_of_related_stories_comments_and_the_footer_are_not_the_page_date():
    # a box of related stories, each with its date, between the byline's date and the body
    box = ["More stories like this", "Harl ferry strike ends", "May 15, 2024", "Toll bridge sold"]
    head = ("By Jane Doe November 18, 2026 13:42", *box, "September 12, 2025")
    assert date_in_page(_page(*head), LEDE, HEADLINE) == dt.date(2026, 11, 18)
    # no date near the headline: a comment's date and a copyright line far below are not read
    after = ("Comments", "Greta H. says:", "March 3, 2027 at 9:14 am", "© 2026 Harl Courier")
    assert date_in_page(_page("By Jane Doe", after=after), LEDE, HEADLINE) is None
    # an event's date in the lede is not the page's
    told = "The old bridge was closed on March 14, 2009, the council said, after a flood."
    assert date_in_page("\n".join([*NAV, HEADLINE, told, SECOND]), told, HEADLINE) is None
    # 05/06/2026 could be May or June
    assert date_in_page(_page("05/06/2026"), LEDE, HEADLINE) is None


def test_a_list_of_dates_above_the_body_without_a_headline_gives_no_date():
    head = ("Harl ferry strike ends", "May 15, 2024", "Toll bridge sold", "September 12, 2025")
    assert date_in_page(_page(*head), LEDE, title=None) is None


def test_page_text_is_dated_from_its_date_line_that_cleaning_removes():
    from storydesk.model import RawDocument
    from storydesk.pipeline import prepare

    text = _page("By Jane Doe", "Nov 18, 2026 10:42 AM ET", after=("Share this article",))
    article = prepare(RawDocument(source="p.txt", text=text, title=HEADLINE), "a1")
    assert "Nov 18" not in article.text
    assert article.published == dt.date(2026, 11, 18) and article.date_source == "text"
    # a date in the metadata wins, and keeps its source
    kept = prepare(
        RawDocument(source="p.txt", text=text, title=HEADLINE, published=dt.date(2026, 11, 17)),
        "a1",
    )
    assert kept.published == dt.date(2026, 11, 17) and kept.date_source == "metadata"


def test_the_cluster_eval_dates_a_document_as_ingest_does():
    from storydesk.evaluate.clustering import published
    from storydesk.evaluate.data import LabelledDoc
    from storydesk.model import RawDocument
    from storydesk.pipeline import prepare

    # "Published on ..." opens the page: ingest reads it as the page's date line, while a
    # date after "on" at the top of the text alone reads as an event's
    text = "Published on Nov 18, 2026 the river at Harl rose a metre overnight.\n\n" + LEDE
    doc = LabelledDoc(id="d1", text=text, title=None, date=None, gold="g")
    article = prepare(RawDocument(source="d1", text=text), "d1")
    assert published(doc) == article.published == dt.date(2026, 11, 18)
    # a date in the URL comes before the text, on both paths
    url = "https://news.example/2026/11/17/harl-river"
    article = prepare(RawDocument(source="d2", text=text, url=url), "d2")
    assert published(replace(doc, id="d2", url=url)) == article.published == dt.date(2026, 11, 17)


def test_a_page_whose_headline_is_not_its_title_is_dated_by_its_byline():
    """The page's headline is worded unlike its title line, so the headline is not found;
    the byline and the date under it stand a dozen lines above the body, past share
    buttons. The byline marks the article's head; a related story's date far above is not
    read."""
    page = "\n".join(
        [
            "Harbour News",
            "Older: ferry fares rise, March 2, 2025",
            *["Home", "News", "Sport", "Weather", "Opinion", "Business", "Culture"],
            "Sallow Valley",
            "'We were lucky,' residents say as the Kessen dam holds",
            "The water rose to a metre below the crest before the rain stopped.",
            "(Jane Doe / Meridian Press)",
            "By Jane Doe Staff Writer",
            "Nov. 19, 2026",
            "5:50 PM",
            *["Facebook", "Twitter", "Show more sharing options", "LinkedIn", "Email", "Print"],
            "Residents of the lower town said on Tuesday they had been lucky.",
        ]
    )
    body = "Residents of the lower town said on Tuesday they had been lucky."
    title = "Kessen dam holds after a night of rain - Harbour News"
    assert date_in_page(page, body, title) == dt.date(2026, 11, 19)


def test_an_analysis_byline_marks_the_head_and_its_updated_line_dates_the_page():
    """A headline edited from the title line ("just" added), "Analysis by ..." as its
    byline and an "Updated ..." line with times in two zones, a video box before the body."""
    page = "\n".join(
        [
            "Why you can't trust the harbour board on the dam - Courier",
            *["Home", "News", "Sport", "Weather", "Opinion", "2025 Elections"],
            "Why you just can't trust the harbour board on the dam",
            "Analysis by Jane Doe, Courier Editor-at-large",
            "Updated 1909 GMT (0309 HKT) November 18, 2026",
            "Chat with us. Find out what's happening in the valley as it unfolds.",
            *[
                "JUST WATCHED",
                "Engineers question the dam",
                "Replay",
                "More Videos ...",
                "MUST WATCH",
            ],
            "The harbour board said on Saturday that the dam had passed a quick inspection.",
        ]
    )
    body = "The harbour board said on Saturday that the dam had passed a quick inspection."
    title = "Why you can't trust the harbour board on the dam - Courier"
    assert date_in_page(page, body, title) == dt.date(2026, 11, 18)


# Lines built of date-like pieces, long and short: the dates a long line's opening holds
# are found without reading the rest of it, the same as reading all of it.
_PIECE = st.sampled_from(
    [
        "March 4, 2019",
        "4 March 2019",
        "2019-03-04",
        "04/03/19",
        "13.03.2019",
        "Sept. 31 2020",
        "posted",
        "on",
        " ",
        "  ",
        "\t",
        "x",
        "-",
        "/",
        ".",
        "19",
        "2021",
        "Ortavia",
        ", ",
    ]
)
_LINE = st.lists(_PIECE, max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_LINE)
def test_a_long_lines_dates_are_read_at_its_opening_only(line):
    for pattern in (*dating._TEXT_DATES, dating._NUMERIC_DATE):
        expected = [m.span() for m in pattern.finditer(line) if m.start() <= 40]
        assert [m.span() for m in dating._opening_matches(pattern, line)] == expected
    assert dating._dates_on_line(line) == _dates_by_reading_all(line)


def _dates_by_reading_all(line):
    """_dates_on_line as it was: every match on the line found, then those of a long line
    that do not open it dropped."""
    found = []
    for pattern in dating._TEXT_DATES:
        for m in pattern.finditer(line):
            month = int(m["m"]) if "m" in m.groupdict() else dating.MONTHS[m["month"].lower()]
            if day := dating._date(m["y"], month, m["d"]):
                found.append((m.start(), day))
    for m in dating._NUMERIC_DATE.finditer(line):
        if day := dating._numeric_date(m):
            found.append((m.start(), day))
    return sorted(
        (at, day)
        for at, day in found
        if (len(line) <= dating.DATE_LINE_CHARS or at <= 40)
        and (dating._PUBLISHED_WORD.search(line[:at]) or not dating._EVENT_CUE.search(line[:at]))
    )
