from __future__ import annotations

import datetime as dt

from conftest import analyzed

from storydesk.pipeline import brief
from storydesk.render.markdown import render_markdown
from storydesk.settings import Settings
from storydesk.summarize.concepts import sentence_concepts
from storydesk.summarize.ilp import ILPSummarizer
from storydesk.summarize.update import repeats, split_since, summarize_since, told

DAY1 = dt.date(2026, 3, 9)
DAY2 = dt.date(2026, 3, 10)

OLD = """Floods swept through Port Averly on Monday after the Kessen Dam burst, killing twelve people.

Rescue teams used boats to reach families stranded on rooftops in the Millbank district."""

OLD2 = """The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve people.

Rescue teams reached families stranded in the Millbank district by boat, officials said."""

NEW = """Floods swept through Port Averly on Monday after the Kessen Dam burst, killing twelve people.

The death toll from the Port Averly floods rose to nineteen on Tuesday as the water receded.

Interior Minister Rosa Elmquist ordered an inquiry into the dam on Tuesday."""

NEW2 = """The death toll from the Port Averly floods rose to nineteen on Tuesday, officials said.

Interior Minister Rosa Elmquist ordered an inquiry into the Kessen Dam on Tuesday."""


def _story(nlp):
    return [
        analyzed(nlp, OLD, "o1", published=DAY1),
        analyzed(nlp, OLD2, "o2", published=DAY1),
        analyzed(nlp, NEW, "n1", published=DAY2),
        analyzed(nlp, NEW2, "n2", published=DAY2),
        analyzed(nlp, NEW2, "undated"),
    ]


def test_split_since_counts_undated_articles_as_read(nlp):
    new, old = split_since(_story(nlp), DAY1)
    assert [a.article.id for a in new] == ["n1", "n2"]
    assert [a.article.id for a in old] == ["o1", "o2", "undated"]


def test_repeated_lead_is_found(nlp):
    new, old = split_since(_story(nlp)[:4], DAY1)
    assert (0, 0) in repeats(new, old, Settings().redundancy)
    assert (0, 1) not in repeats(new, old, Settings().redundancy)


def test_update_tells_what_is_new_and_nothing_the_reader_had(nlp):
    story = _story(nlp)
    new, old = split_since(story[:4], DAY1)
    chosen = summarize_since(new, old, 40)
    texts = [new[c.doc].text_of(c.sentence) for c in chosen]
    assert any("nineteen" in t for t in texts)
    assert not any("killing twelve" in t for t in texts)
    assert summarize_since([], old, 40) == []


def test_brief_since_heads_the_summary_and_cites_only_new_articles(nlp):
    b = brief(_story(nlp)[:4], Settings(words=40), since=DAY1)
    assert b.since == DAY1
    assert b.summary
    assert {c.article_id for s in b.summary for c in s.citations} <= {"n1", "n2"}
    md = render_markdown(b)
    assert "## New since 2026-03-09 (2 articles)" in md
    nothing = brief(_story(nlp)[:4], Settings(words=40), since=DAY2)
    assert nothing.summary == ()
    assert "Nothing new since 2026-03-10." in render_markdown(nothing)


def test_the_reader_was_told_the_earlier_summary_not_every_earlier_sentence(nlp):
    _, old = split_since(_story(nlp)[:4], DAY1)
    chosen = ILPSummarizer()(old, 20)
    assert chosen
    known = told(old, 20)
    assert known == {c for t in chosen for c in sentence_concepts(t.sentence)}
    left_out = [s for a in old for s in a.sentences]
    unsaid = set().union(*(sentence_concepts(s) for s in left_out)) - known
    assert unsaid  # concepts of the earlier articles the 20-word briefing did not carry
    assert told([], 20) == set()


BRIDGE_READ = [
    """The Brannock Bridge over the Tessel River collapsed on Friday, killing four people.

Police closed the roads on both banks while divers searched the water.""",
    """Four people died when the Brannock Bridge over the Tessel River fell on Friday evening.

The cause of the collapse was not yet known, the county said.""",
]
BRIDGE_NEW = [
    """Commuters who crossed the Brannock Bridge over the Tessel River every day described their shock.

Transport Minister Ilse Varga resigned on Sunday over the collapse.""",
    """Traffic used the Brannock Bridge over the Tessel River for the last time on Friday morning, witnesses recalled.

Transport Minister Ilse Varga resigned on Sunday, her office said.""",
    """Engineers had inspected the Brannock Bridge over the Tessel River in May and found rust in its joints.

Rail services on the line resumed on Monday.""",
]


def test_what_the_reader_was_told_fades_so_the_update_tells_what_is_new(nlp):
    """Every new article leads with the bridge, in words no earlier sentence repeats: only
    the fading of the told concepts keeps the update on the resignation."""
    old = [analyzed(nlp, t, f"o{i}") for i, t in enumerate(BRIDGE_READ)]
    new = [analyzed(nlp, t, f"n{i}") for i, t in enumerate(BRIDGE_NEW)]
    assert {"brannock bridge", "tessel river"} <= told(old, 20)
    skip = repeats(new, old, Settings().redundancy)
    assert skip == set()  # no new sentence restates an old one

    def texts(chosen):
        return [new[c.doc].text_of(c.sentence) for c in chosen]

    # Unfaded, the bridge the reader has already heard of outweighs everything else.
    assert any("Brannock" in t for t in texts(ILPSummarizer()(new, 20, skip=skip)))
    update = texts(summarize_since(new, old, 20))
    assert any("Ilse Varga resigned" in t for t in update)
    assert not any("Brannock" in t for t in update)
