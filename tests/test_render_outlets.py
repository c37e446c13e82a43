"""How the outlets of a story differ: speakers, figures and labels only one of them gives."""

from __future__ import annotations

import datetime as dt

from conftest import analyzed

from storydesk.pipeline import brief
from storydesk.render.jsonout import briefing_dict
from storydesk.render.markdown import render_markdown
from storydesk.render.outlets import compare_outlets
from storydesk.settings import Settings

DAY = dt.date(2026, 3, 10)

HERALD = """A ferry caught fire on Lake Merrow on Monday, forcing 140 passengers into lifeboats.

"Everyone got off in eleven minutes," said Captain Ada Merrow, the ferry's master.

The Tarn Ferry Company said 12 passengers were treated for smoke.

The regional council, led by mayor Jonas Pell, ordered an inquiry.

Tarnian Interior Minister Vera Holm ordered every ferry on the lake inspected."""

COURIER = """A ferry caught fire on Lake Merrow on Monday, and 140 passengers took to the lifeboats.

"The engine room was ablaze within minutes," said Captain Ada Merrow.

The council chief Jonas Pell ordered an inquiry, and the Tarn Ferry Company said 12 passengers were treated for smoke.

"We will inspect every vessel on the lake," said Hedda Lund, the harbour inspector.

Divers recovered 3 tonnes of fuel from the lake bed.

Interior Minister Vera Holm ordered every ferry on the lake inspected."""


def _briefing(nlp, herald_outlet="Tarn Herald", courier_outlet="Merrow Courier"):
    arts = [
        analyzed(nlp, HERALD, "h1", title="Ferry fire", outlet=herald_outlet, published=DAY),
        analyzed(nlp, COURIER, "c1", title="Ferry ablaze", outlet=courier_outlet, published=DAY),
    ]
    return brief(arts, Settings(), story_id="s1")


def test_each_outlet_shows_what_only_it_reports(nlp):
    views = {v.outlet: v for v in compare_outlets(_briefing(nlp))}
    assert list(views) == ["Tarn Herald", "Merrow Courier"]
    courier = views["Merrow Courier"]
    assert [name for name, _ in courier.speakers] == ["Hedda Lund"]
    assert any("3 tonnes" in v for f in courier.figures for v in f.values)
    # Both report 140 passengers and 12 treated: no figure of the Herald's own.
    assert views["Tarn Herald"].figures == ()
    # Captain Merrow speaks in both: no one's own speaker.
    assert "Ada Merrow" not in [n for v in views.values() for n, _ in v.speakers]


def test_a_label_only_one_outlet_gives_an_actor(nlp):
    b = _briefing(nlp)
    texts = {a.id: a.text for a in b.articles}
    labels = [(v.outlet, x.entity, x.label) for v in compare_outlets(b) for x in v.labels]
    for v in compare_outlets(b):
        for c in v.citations():
            assert 0 <= c.start < c.end <= len(texts[c.article_id])
    assert ("Merrow Courier", "Jonas Pell", "council chief") in labels
    assert all(
        label.casefold() not in ("ada merrow", "captain ada merrow") for _, _, label in labels
    )
    # "Tarnian Interior Minister" only adds a word to the Courier's "Interior Minister"
    assert not [x for x in labels if x[1] == "Vera Holm"]


def test_one_outlet_is_no_comparison(nlp):
    b = _briefing(nlp, courier_outlet="Tarn Herald")
    assert compare_outlets(b) == ()
    assert "How outlets differ" not in render_markdown(b)
    assert briefing_dict(b)["outlets"] == []


def test_outlets_in_markdown_and_json(nlp):
    b = _briefing(nlp)
    md = render_markdown(b)
    assert "## How outlets differ" in md
    assert "only here, quotes from: Hedda Lund [2]" in md
    data = briefing_dict(b)["outlets"]
    assert [o["outlet"] for o in data] == ["Tarn Herald", "Merrow Courier"]
    assert data[1]["only_speakers"][0]["name"] == "Hedda Lund"
