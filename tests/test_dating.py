from __future__ import annotations

import datetime as dt

from storydesk.dating import date_in_text, date_in_url, infer_published

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
    from storydesk.corpus import _dated
    from storydesk.model import Article

    a = Article("a", "a", "Crews cleared the pass.", url="https://example.org/2019/03/14/pass")
    assert (_dated(a).published, _dated(a).date_source) == (dt.date(2019, 3, 14), "url")
    b = Article("b", "b", "Crews cleared the pass.", published=dt.date(2019, 3, 15))
    assert _dated(b).date_source == "metadata"
    assert _dated(Article("c", "c", "Crews cleared the pass.")).published is None
