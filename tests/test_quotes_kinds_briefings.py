"""The kinds of wrong speaker and of non-quote found in session 15, reading 25 more real pages
and the lead's real briefings (issue 14, "Speakers", "A second hidden set"): one fictional
sentence of each shape per row. Earlier kinds stay in ``test_quotes_kinds.py`` and
``test_quotes_kinds_pages.py``."""

from __future__ import annotations

import pytest
from conftest import the_quote

# (kind, text, words of the quote, the speaker's name; None: nobody named)
SPEAKERS = [
    (
        "an outlet's short name",
        "The man ran from the station. The Harlow Chronicle says police are looking into it. "
        "The Chronicle says he was arrested a block away.",
        "arrested a block away",
        "Harlow Chronicle",
    ),
    (
        "an outlet's short name",
        "The man ran from the station. The Dorran Herald says police are looking into it. "
        "The Herald says he was arrested a block away.",
        "looking into it",
        "Dorran Herald",
    ),
    (
        "an outlet's short name",
        "The Harlow Ledger says the mayor will resign. The Ledger says she was told on Monday.",
        "mayor will resign",
        "Harlow Ledger",
    ),
    (
        "a report in an outlet",
        "The campaign cost $312,000, according to a report in the Harlow Ledger.",
        "campaign cost",
        "Harlow Ledger",
    ),
    (
        "a report in an outlet, then the report",
        "The campaign cost $312,000, according to a report in the Harlow Ledger. The report "
        "says the agency paid a firm in Ostland for the ads.",
        "paid a firm",
        "Harlow Ledger",
    ),
    (
        "an aside after the verb",
        "This system, says Karl Brenner, an engineer at the University of Harlow, helps "
        "direct water through the town.",
        "helps direct water",
        "Karl Brenner",
    ),
    (
        "an aside after the verb",
        "This system, says Karl Brenner, a Harlow engineer, helps direct water through the town.",
        "helps direct water",
        "Karl Brenner",
    ),
    (
        "he after a man inside what he said",
        "Acting Fire Chief Tomas Reyes told reporters that crews began getting calls about "
        "smoke aboard a ferry.\n\nHe says harbour crews boarded the ferry at the next pier "
        "and found a man hurt, who was possibly the victim of a fall. He says the man died.",
        "the man died",
        "Tomas Reyes",
    ),
    (
        "she, named in the clause before",
        "Ada Moss runs a firm in Harlow. She said the work was hard. While the campaign did "
        "not appeal to Nora Vell, a spokeswoman for the water board, she said she did not "
        "want to judge it.",
        "did not want to judge",
        "Nora Vell",
    ),
    (
        "he, named in the phrase before",
        "Karl Brenner studied the mills of Ostland for years. In Michael Harlan's studies of "
        "river towns, he discovered that floods come every ten years.",
        "floods come",
        "Michael Harlan",
    ),
    (
        "he, not the one he was asked about",
        "Karl Brenner studied the mills of Ostland for years. Asked about Michael Harlan, he "
        "said the mill was safe.",
        "mill was safe",
        "Karl Brenner",
    ),
    (
        "the actor",
        'James Holt was eliminated on Sunday. "It makes you stronger," said the actor.',
        "makes you stronger",
        "James Holt",
    ),
    (
        "the actor",
        "James Holt was eliminated on Sunday. His wife, Kim Holt, cried. "
        '"It makes you stronger," the actor said.',
        "makes you stronger",
        "James Holt",
    ),
    (
        "the actress, not a man",
        "The film opened in May. Karl Brenner, its director, praised the cast. "
        '"It was hard," said the actress.',
        "It was hard",
        None,
    ),
]

# (kind, text, words no quote may hold)
NO_SPEECH = [
    (
        "a slogan naming a campaign",
        "Harlow\u2019s viral \u201cRats. We\u2019re on it.\u201d street campaign has faced "
        "ridicule.",
        "on it",
    ),
    (
        "a slogan naming a campaign",
        "While the \u201cRats. We\u2019re on it.\u201d campaign did not appeal to Nora Vell, "
        "she said she liked the posters.",
        "on it",
    ),
    (
        "the writer's imperative",
        "Health care will come up again. Expect the senator to have a new strategy this time.",
        "new strategy",
    ),
    (
        "it is safe to assume",
        "The Harlow Party opened its campaign. No single topic has filled the hustings more "
        "than the ferry fares, and it\u2019s safe to assume that will be true again on "
        "Friday night.",
        "true again",
    ),
    (
        "it is safe to assume",
        "Pete Holt, the mayor of Harlow, has set out a plan. No single topic has filled the "
        "early council hustings more than the ferry fares, and it\u2019s safe to assume that "
        "will be true again Friday night.",
        "true again",
    ),
]


# (kind, text, words of the quote, the quote's whole text)
SPANS = [
    (
        "a clause cut at ', but'",
        "Ada Moss runs a firm. The firm studied the town's drivers, working with them to "
        "understand their habits on the ring road. Building a road is hard, but changing "
        "habits is much harder, Moss said.",
        "Building a road",
        "Building a road is hard, but changing habits is much harder",
    ),
]


@pytest.mark.parametrize(("kind", "text", "words", "name"), SPEAKERS)
def test_speaker_of_each_kind(q, kind, text, words, name):
    assert the_quote(q(text), words, kind).speaker_name == name, kind


@pytest.mark.parametrize(("kind", "text", "words"), NO_SPEECH)
def test_no_speech_of_each_kind(q, kind, text, words):
    assert not [x for x in q(text) if words in x.text], kind


@pytest.mark.parametrize(("kind", "text", "words", "whole"), SPANS)
def test_span_of_each_kind(q, kind, text, words, whole):
    assert the_quote(q(text), words, kind).text == whole, kind
