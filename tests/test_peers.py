from __future__ import annotations

import datetime as dt

from conftest import analyzed

from storydesk.evaluate.peers import SumyPeer, fill, greedy_oracle, latest, lead, sumy_document
from storydesk.evaluate.rouge import Convention, Rouge

A = """The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve people.

Rescue teams used boats to reach families stranded on rooftops in the Millbank district.

The regional governor said the army would send more boats on Tuesday."""

B = """Floods swept through Port Averly after the Kessen Dam burst on Monday, killing twelve people.

Interior Minister Rosa Elmquist promised an inquiry into why warnings about the dam were ignored.

Engineers had warned for years that the dam's spillway was too small for spring floods."""

C = """Schools across the region will stay closed for the rest of the week, the education office said.

The Kessen Dam burst sent floods through Port Averly, where twelve people died on Monday."""


def _story(nlp, dated=True):
    days = [dt.date(2024, 3, d) for d in (4, 6, 5)] if dated else [None, None, None]
    return [
        analyzed(nlp, text, name, published=day)
        for text, name, day in zip((A, B, C), "abc", days, strict=True)
    ]


def _sentences(story):
    return {a.text_of(s) for a in story for s in a.sentences}


def test_lead_takes_the_most_recent_article(nlp):
    story = _story(nlp)
    assert latest(story) == 1  # b, 6 March
    assert lead(story, 30) == [story[1].text_of(s) for s in story[1].sentences[:2]]
    # Undated (DUC 2004 copy): the last article given.
    undated = _story(nlp, dated=False)
    assert latest(undated) == 2
    assert lead(undated, 5) == [undated[2].text_of(undated[2].sentences[0])]


def test_fill_reaches_the_budget_and_skips_repeats():
    assert fill(["a b", "a  b", "c d e", "f"], 4) == ["a b", "c d e"]
    assert fill([], 10) == []


def test_sumy_document_is_built_from_our_sentences(nlp):
    story = _story(nlp)
    doc = sumy_document(story)
    assert len(doc.paragraphs) == 3
    assert [str(s) for s in doc.sentences] == [a.text_of(s) for a in story for s in a.sentences]
    assert doc.sentences[0].words[:3] == ("The", "Kessen", "Dam")


def test_sumy_peers_pick_our_sentences_within_the_budget(nlp):
    story = _story(nlp)
    for algorithm in SumyPeer.ALGORITHMS:
        peer = SumyPeer(algorithm)
        picked = peer(story, 25)
        assert picked, algorithm
        assert set(picked) <= _sentences(story)
        # Filled in rank order until the budget is reached: all but the last fit in it.
        assert sum(len(t.split()) for t in picked[:-1]) < 25
        assert peer(story, 25) == picked  # deterministic
        assert peer([], 25) == []
    # LexRank's centre of this story is the dam-burst report that all three articles share.
    assert any("Kessen Dam burst" in t for t in SumyPeer("lexrank")(story, 15))


def test_oracle_picks_what_the_reference_says(nlp):
    story = _story(nlp)
    rouge = Rouge(Convention(words=40), types=("rouge2",))
    reference = "Engineers had warned that the spillway was too small. Schools will stay closed."
    picked = greedy_oracle(story, [reference], rouge)
    assert picked[0].startswith("Engineers had warned")
    assert any(t.startswith("Schools across the region") for t in picked)
    assert set(picked) <= _sentences(story)
    # Its incremental bookkeeping agrees with the scorer: no other single sentence does better.
    best_single = max(rouge.score_cluster(t, [reference])["rouge2"] for t in _sentences(story))
    assert rouge.score_cluster(picked[0], [reference])["rouge2"] == best_single
    assert rouge.score_cluster(" ".join(picked), [reference])["rouge2"] > best_single
    assert greedy_oracle(story, [], rouge) == []
