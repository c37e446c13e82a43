from __future__ import annotations

import pytest
from conftest import analyzed

from storydesk.settings import Settings
from storydesk.summarize import cite, get_summarizer
from storydesk.summarize.base import (
    Candidate,
    in_embedded_post,
    is_clean_candidate,
    lead_sentences,
)

A = """Floods swept through Port Averly on Monday after the Kessen Dam burst, killing twelve people.

Rescue teams used boats to reach families stranded on rooftops in the Millbank district.

He said it was terrible.

The regional governor said the army would send more boats on Tuesday."""

B = """The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve people.

Interior Minister Rosa Elmquist promised an inquiry into why warnings about the dam were ignored.

Rescue teams used boats to reach stranded families in the Millbank district, officials said."""

C = """Twelve people died when floods swept Port Averly after the Kessen Dam burst on Monday.

Schools across the region will stay closed for the rest of the week, the education office said."""


def _story(nlp):
    return [analyzed(nlp, A, "a"), analyzed(nlp, B, "b"), analyzed(nlp, C, "c")]


def test_summary_is_verbatim_within_budget_and_not_redundant(nlp):
    story = _story(nlp)
    chosen = get_summarizer("coverage", Settings(words=40))(story, 40)
    assert chosen
    assert sum(c.sentence.words for c in chosen) <= 40
    texts = [story[c.doc].text_of(c.sentence) for c in chosen]
    # The three lead sentences say the same thing: only one of them is chosen.
    assert sum("Kessen Dam burst" in t for t in texts) == 1
    assert not any(t.startswith("He said") for t in texts)


def test_every_article_that_states_it_is_cited(nlp):
    story = _story(nlp)
    chosen = get_summarizer("coverage", Settings(words=40))(story, 40)
    summary = cite(story, chosen, Settings().support)
    lead = next(s for s in summary if "Kessen Dam burst" in s.text)
    assert {c.article_id for c in lead.citations} == {"a", "b", "c"}
    by_id = {a.article.id: a.article for a in story}
    for s in summary:
        first = s.citations[0]
        assert not s.omitted  # the coverage summariser does not trim
        assert by_id[first.article_id].text[first.start : first.end] == s.text
        assert len({c.article_id for c in s.citations}) == len(s.citations)
    # A sentence only one article reports cites only that article.
    schools = [s for s in summary if "Schools" in s.text]
    for s in schools:
        assert [c.article_id for c in s.citations] == ["c"]


def test_clean_candidate_rules(nlp):
    [s] = analyzed(nlp, "He said the dam would hold until the end of the week.").sentences
    assert not is_clean_candidate("He said the dam would hold until the end of the week.", s, 6, 60)
    [q] = analyzed(
        nlp, '"The dam will hold until the end of this week and more, she said.'
    ).sentences
    assert not is_clean_candidate(
        '"The dam will hold until the end of this week and more, she said.', q, 6, 60
    )


def test_summary_of_nothing_is_empty(nlp):
    assert get_summarizer()([], 100) == []


def test_a_cited_sentence_says_who_its_he_or_she_is(nlp):
    from conftest import article

    from storydesk.model import Trim
    from storydesk.pipeline import analyze
    from storydesk.summarize.base import Candidate

    text = (
        "Governor Ilse Brandt toured the Kessen Dam on Sunday.\n\n"
        "On Monday, she ordered the spillway opened, and she thanked the crews."
    )
    [a] = analyze([article(text, "a")], nlp)
    second = a.sentences[1]
    [s] = cite([a], [Candidate(0, second)], 0.5)
    assert [(text[r.start : r.end], r.name) for r in s.referents] == [
        ("she", "Ilse Brandt"),
        ("she", "Ilse Brandt"),
    ]
    # A trim that leaves the second "she" out leaves out its referent too.
    cut = text.index(", and she")
    trim = Trim(cut, second.span.end - 1, 7, 12, "participle")
    [t] = cite([a], [Candidate(0, second, (trim,))], 0.5)
    assert [r.start for r in t.referents] == [text.index("she ordered")]
    # The first sentence names her: nothing to add.
    [first] = cite([a], [Candidate(0, a.sentences[0])], 0.5)
    assert first.referents == ()


def test_coverage_summarizer_serves_a_requirement_first(nlp):
    from conftest import analyzed

    from storydesk.summarize.coverage import CoverageSummarizer

    texts = [
        "Floods swept through Port Averly on Monday after the Kessen Dam burst, killing twelve people.\n\nThe mayor of Port Averly thanked the volunteers who filled sandbags all night.",
        "The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve people.\n\nRescue teams used boats in the Millbank district.",
        "Twelve people died when floods swept Port Averly after the Kessen Dam burst on Monday.",
    ]
    story = [analyzed(nlp, t, f"a{i}") for i, t in enumerate(texts)]
    mayor = (0, 1)
    plain = CoverageSummarizer()(story, 20)
    assert mayor not in {(c.doc, c.sentence.index) for c in plain}
    forced = CoverageSummarizer()(story, 40, require=[{mayor}])
    assert mayor in {(c.doc, c.sentence.index) for c in forced}


# Issue 14: the first sentence is the news, and sentences of different days run in time order.
DAY1 = """Port Averly Flood Live Updates

The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve people.

The dam was built in 1961 to hold back the spring melt from the Rell valley.

Engineers had warned the council about cracks in the dam wall for several years.

Rescue teams used boats to reach families stranded on rooftops in the Millbank district.

The army sent four helicopters from the base at Kell to lift people from the roofs.

Power was cut to about 3,000 homes in the lower town by Monday evening.

The regional governor said the army would send more boats on Tuesday.

A relief centre opened in the Millbank school hall for families who lost their homes.

Officials said the river would stay high for several more days."""

DAY2 = """Ferry Service Resumes

Ferries returned to Port Averly on Tuesday as the flood water fell across the lower town.

The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve people.

Schools across the region will stay closed for the rest of the week, the education office said."""


def _chosen(story, wanted):
    """The sentences that start with the given words (the first article's, when both have it)."""
    out = []
    for w in wanted:
        d, s = next(
            (d, s) for d, a in enumerate(story) for s in a.sentences if a.text_of(s).startswith(w)
        )
        out.append(Candidate(d, s))
    return out


def test_the_summary_opens_with_a_lead_not_with_same_day_background(nlp):
    import datetime as dt

    day = dt.date(2026, 3, 2)
    story = [analyzed(nlp, DAY1, "a", published=day), analyzed(nlp, DAY2, "b", published=day)]
    leads = lead_sentences(story, 6, 60)
    # The headline lines are no leads: each article's lead is its first whole sentence.
    assert {
        story[d].text_of(s)[:12]
        for d, a in enumerate(story)
        for s in a.sentences
        if (d, s.index) in leads
    } == {"The Kessen D", "Ferries retu"}
    chosen = _chosen(story, ["The dam was built", "Ferries returned"])
    summary = cite(story, chosen, Settings().support, leads)
    assert summary[0].text.startswith("Ferries returned"), [s.text for s in summary]


def test_the_central_report_opens_and_the_rest_runs_in_time_order(nlp):
    import datetime as dt

    story = [
        analyzed(nlp, DAY1, "a", published=dt.date(2026, 3, 2)),
        analyzed(nlp, DAY2, "b", published=dt.date(2026, 3, 3)),
    ]
    leads = lead_sentences(story, 6, 60)
    # Background of Monday's report, then Tuesday's news: the news opens, the rest by day.
    chosen = _chosen(story, ["Engineers had warned", "Ferries returned", "Schools across"])
    summary = [s.text[:14] for s in cite(story, chosen, Settings().support, leads)]
    assert summary == ["Ferries return", "Engineers had ", "Schools across"]
    # With Monday's lead chosen, it opens (the story reported it first and both state it).
    chosen = _chosen(story, ["The Kessen Dam", "Engineers had warned", "Schools across"])
    got = cite(story, chosen, Settings().support, leads)
    assert [s.text[:14] for s in got] == ["The Kessen Dam", "Engineers had ", "Schools across"]
    # Without leads, time order alone: never background promoted to open.
    chosen = _chosen(story, ["Engineers had warned", "Schools across"])
    summary = [s.text[:14] for s in cite(story, chosen, Settings().support, leads)]
    assert summary == ["Engineers had ", "Schools across"]


@pytest.mark.parametrize(
    ("text", "start", "post"),
    [
        ("Fans cheered.\n\nWhat a night at the harbour! https://t.co/Ab12 \n\nThe end.", 16, True),
        ("Fans cheered.\n\nWhat a night! pic.twitter.com/x1y2\n\nThe end.", 16, True),
        ("Fans cheered.\n\nWhat a night!\n\n— Ivo Renn (@ivorenn) March 3, 2026", 16, True),
        ("Fans cheered. What a night! The site is twitter.com/renn, he said.", 14, False),
        ("Fans cheered. What a night at https://t.co/ says nothing more.", 14, False),
    ],
)
def test_embedded_post(text: str, start: int, post: bool) -> None:
    assert in_embedded_post(text, start) is post
