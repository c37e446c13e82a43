"""The kinds of wrong speaker and of non-quote left after session 13's reading of real pages
(issue 14, "Speakers"), and those found reading 25 more in session 14: one fictional sentence
of each shape per row. The kinds fixed before stay in ``test_quotes_kinds.py``."""

from __future__ import annotations

import pytest
from conftest import the_quote

# (kind, text, words of the quote, the speaker's name; None: nobody named)
SPEAKERS = [
    (
        "two people",
        "Karl Brenner and Ilse Varga disputed the claim, saying the mill was safe.",
        "mill was safe",
        "Karl Brenner and Ilse Varga",
    ),
    (
        "two people",
        "Karl Brenner and Ilse Varga replied that the mill was safe.",
        "mill was safe",
        "Karl Brenner and Ilse Varga",
    ),
    (
        "two people",
        "Karl Brenner met Ilse Varga and Tomas Reyes on Monday. Brenner and Varga said "
        "the mill was safe.",
        "mill was safe",
        "Karl Brenner and Ilse Varga",
    ),
    (
        "surname",
        "Ilse Varga opened her campaign in Harlow on Monday. Ilse Varga told voters the "
        "mill would stay open, and Ilse Varga's aides handed out leaflets. Her husband, Jon "
        "Varga, stayed in Ostland. Varga later issued a statement that said the campaign "
        "would go on.",
        "campaign would go on",
        "Ilse Varga",
    ),
    (
        "surname",
        "Ilse Varga opened her campaign in Harlow on Monday. Ilse Varga told voters the "
        "mill would stay open, and Ilse Varga's aides handed out leaflets. Her husband, Jon "
        "Varga, stayed in Ostland. Varga said the trip had gone well.",
        "trip had gone well",
        "Ilse Varga",
    ),
    (
        "surname",
        "Jon Varga, a farmer, met Ilse Varga, the mayor, on Monday. Jon Varga said the "
        "mill was safe. Later, Varga said the bridge would reopen.",
        "bridge would reopen",
        "Jon Varga",
    ),
    (
        "was how X described it",
        "The two were married in a ceremony of their own. (\u201cWe should sell the mill,\u201d "
        "was how Brenner described it to friends.)",
        "sell the mill",
        "Brenner",
    ),
    (
        "document",
        "Former executive Doug Cooke spoke first. Stafford then referred to Cooke\u2019s "
        "earlier testimony that concluded there was only a 50 percent chance.",
        "50 percent chance",
        "Doug Cooke",
    ),
    (
        "after a document's words",
        'Former executive Doug Cooke spoke first. "It worked with one launch," Stafford, a '
        "member of the crew, responded. He then referred to Cooke\u2019s earlier testimony "
        'that concluded there was only a 50 percent chance. "I cannot disagree with it."',
        "cannot disagree",
        "Stafford",
    ),
    (
        "the N-year-old",
        "Karl Brenner had been out of work since May. The 56-year-old said after his "
        'appointment: "I am excited to be joining a club with such a great heritage."',
        "great heritage",
        "Karl Brenner",
    ),
    (
        "the N-year-old",
        "Tomas Reyes won the race on Sunday. The 24-year-old said the course had been hard.",
        "course had been hard",
        "Tomas Reyes",
    ),
    (
        "a gerund in a body's name",
        "The band will tour in 2020. Rolling Stone reported that the tour stops in Harlow.",
        "tour stops",
        "Rolling Stone",
    ),
    (
        "title in a body's name",
        "Developer Northwind said the game would ship in March.",
        "ship in March",
        "Northwind",
    ),
    (
        "title in a body's name",
        "Publisher Tessa Media said the book would ship in March.",
        "ship in March",
        "Tessa Media",
    ),
    (
        "title in a body's name",
        "Broadcaster Harlow Radio said the show would end.",
        "show would end",
        "Harlow Radio",
    ),
    (
        "a company named for a person",
        "Baker Hughes said sales rose on Monday.",
        "sales rose",
        "Baker Hughes",
    ),
    (
        "a first name",
        "Walter Northwind said the game would ship in March.",
        "ship in March",
        "Walter Northwind",
    ),
    (
        "document",
        "According to The Ledger's Stadia review, the service still has problems.",
        "still has problems",
        "Ledger",
    ),
]

# (kind, text, words no quote may hold)
NO_SPEECH = [
    (
        "the listener's aside",
        'Customers "began to say we want you to do this and that," Karl Brenner told Tomas '
        'Reyes, which ultimately meant making the "best mill in the region."',
        "ultimately meant",
    ),
    (
        "another name",
        "Inside there is room for five. With the front trunk, or \u201cfrunk,\u201d you're "
        "looking at 22 cubic feet.",
        "frunk",
    ),
    (
        "it to friends",
        "\u201cWe should sell the mill,\u201d was how Karl Brenner described it to friends.",
        "friends",
    ),
    (
        "difficult to talk about",
        "Ilse Varga found it difficult to talk about the flood.",
        "flood",
    ),
    (
        "difficult to talk about",
        "I reached Ilse Varga by phone. Varga still found it difficult to talk about the "
        "flood and the days after it.",
        "flood",
    ),
    (
        "hard to talk about",
        "Karl Brenner, a friend of the family, found it hard to talk about the day his "
        "brother died.",
        "brother died",
    ),
]


@pytest.mark.parametrize(("kind", "text", "words", "name"), SPEAKERS)
def test_speaker_of_each_kind(q, kind, text, words, name):
    assert the_quote(q(text), words, kind).speaker_name == name, kind


@pytest.mark.parametrize(("kind", "text", "words"), NO_SPEECH)
def test_no_speech_of_each_kind(q, kind, text, words):
    assert not [x for x in q(text) if words in x.text], kind
