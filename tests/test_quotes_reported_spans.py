"""Which text is reported speech, and where it starts and ends (issue 14, "A second hidden
set": speech after a colon missed, a clause cut at a list's comma, an aside's clause cut):
one fictional sentence of each shape per row, each failing before its rule (session 16)."""

from __future__ import annotations

import pytest
from conftest import the_quote

from storydesk.quotes import quote_segments

# (kind, text, words of the quote, the quote's whole text, the speaker's surname: who the
# speaker resolves to is the speaker rules' business, so only the surname is checked here)
SPANS = [
    (
        "a block after a verb and a colon",
        "Mayor Ilse Brandt met the ferry crews on Monday. Brandt added:\n\nIt is typical of "
        "the council. They never listen, and the harbour pays for it.\n\nThe vote is on Friday.",
        "typical of the council",
        "It is typical of the council. They never listen, and the harbour pays for it",
        "Brandt",
    ),
    (
        "a block after a speech noun and a colon",
        "Ilse Brandt has run the Lindhaven harbour for ten years. Brandt's advice to new "
        "skippers is simple:\n\nCheck the tide tables twice and never sail alone.",
        "tide tables",
        "Check the tide tables twice and never sail alone",
        "Brandt",
    ),
    (
        "a list of intents cut at its first comma",
        "Marta Olsen wants to double the size of the ferry fleet, rebuild the pier and open "
        "a new harbour school.",
        "ferry fleet",
        "to double the size of the ferry fleet, rebuild the pier and open a new harbour school",
        "Olsen",
    ),
    (
        "a second intent the tagger read as present",
        "Mayor Jonas Ekdal met Ostland's envoy. This week, the mayor declined to threaten "
        "Ostland or even directly declare it responsible.",
        "threaten Ostland",
        "to threaten Ostland or even directly declare it responsible",
        "Ekdal",
    ),
    (
        "a second gerund of what was mentioned",
        "Councillor Ruth Brandt has mentioned refinancing ferry loans and forcing the council "
        "to spend more from its reserves.",
        "ferry loans",
        "refinancing ferry loans and forcing the council to spend more from its reserves",
        "Brandt",
    ),
    (
        "an aside of a speech verb beyond 'say'",
        "Growers in Lindhaven fear the new tariff. If the appeal fails, Mr. Tormund argues, "
        "there are other options for the growers.",
        "other options",
        "If the appeal fails, Mr. Tormund argues, there are other options for the growers",
        "Tormund",
    ),
    (
        "an aside of a speech verb beyond 'say'",
        "Ada Lind has led the ferry union since 2019. All of this, she acknowledges, could "
        "be undone by one bad winter.",
        "undone by one bad winter",
        "All of this, she acknowledges, could be undone by one bad winter",
        "Lind",
    ),
    (
        "an aside hung on the subject",
        "Karl Brenner hosted the harbour show for years. The change now, Brenner told me on "
        "Friday, is that the ferry runs twice a day.",
        "twice a day",
        "The change now, Brenner told me on Friday, is that the ferry runs twice a day",
        "Brenner",
    ),
    (
        "an 'as' aside opening the sentence",
        "Ruth Brandt has sat on the ferry board since 2012. As Brandt noted, the ferry has "
        "never run at a profit.",
        "never run at a profit",
        "the ferry has never run at a profit",
        "Brandt",
    ),
    (
        "an 'as' aside inside the clause",
        "Engineers from Ostland inspected the bridge. The bridge, as the engineer Piet Marsh "
        "warned in March, will need new cables.",
        "new cables",
        "The bridge, as the engineer Piet Marsh warned in March, will need new cables",
        "Marsh",
    ),
    (
        "an 'as' aside closing the sentence",
        "The ferry has never run at a profit, as Councillor Ruth Brandt noted.",
        "never run at a profit",
        "The ferry has never run at a profit",
        "Brandt",
    ),
    (
        "the clause's subject parsed as the verb's object",
        "The Nordlys Ferry Company promised riders would be able to cross the fjord in ten "
        "minutes.",
        "cross the fjord",
        "riders would be able to cross the fjord in ten minutes",
        "Company",
    ),
    (
        "a list of causes cut at its first comma",
        'Olsen said the bridge was still "a real hazard for walkers" because of the state of '
        "its rails, the damage it took after the storm and its narrow deck.",
        "real hazard",
        'the bridge was still "a real hazard for walkers" because of the state of its rails, '
        "the damage it took after the storm and its narrow deck",
        "Olsen",
    ),
]

# (kind, text, the words of what was said, a speaker's title wrongly taken for them)
INVERTED = [
    (
        "a speaker's title after 'said' read as a clause",
        "Job cuts will be announced later this week in areas that do not support the ferry "
        "company's core routes, said the company's recently named chair Ilse Brandt in an "
        "email to staff that was read by the Lindhaven Post.",
        "Job cuts will be announced later this week in areas that do not support the ferry "
        "company's core routes",
        "recently named chair",
    ),
]

# (kind, text, the quoted segments): marks that do not pair as their glyphs say
MARKS = [
    (
        "a closing mark spaced off by the page's markup",
        "The office released two reports that depicted \u201ctechnical problems, cost "
        "increases and schedule delays \u201d. The reports come as the council debates the "
        "budget.",
        ["technical problems, cost increases and schedule delays"],
    ),
]

# (kind, text, words that are no one's speech): guards, passing before the rules too
NO_SPEECH = [
    (
        "an 'as' aside that addresses the reader",
        "As you comment, please be respectful of other readers and other viewpoints. Our "
        "goal is a civil space.",
        "respectful of other readers",
    ),
    (
        "the writer's advice to the reader after a colon",
        "The plan is easy to follow. You can sum it up in a few words:\n\nSave early, spend "
        "late and keep the receipts.",
        "keep the receipts",
    ),
    (
        "a block after a verb that already said what it says",
        "Ilse Brandt told the council the plan had three parts:\n\nA new pier, a second "
        "ferry and a harbour school.",
        "second ferry",
    ),
    (
        "a name given in an aside",
        "Mr. Holm handed the pier to the town in May. His group, called the Harbour Trust, "
        "will still own the land until it pays back the loan.",
        "own the land",
    ),
    (
        "the writer's advice to the reader as 'you want'",
        "If you plan to retire early, you should aim to have 30 times your yearly costs "
        "saved. Maybe you want to leave your office job for something calmer.",
        "yearly costs",
    ),
    (
        "the writer's advice to the reader as 'you want'",
        "Maybe you want to leave your office job for something calmer.",
        "office job",
    ),
    (
        "an 'as' of time, not an aside",
        "Mayor Ruth Brandt was close to tears as she spoke to the crews.",
        "close to tears",
    ),
]


@pytest.mark.parametrize(("kind", "text", "words", "whole", "name"), SPANS)
def test_span_of_each_kind(q, kind, text, words, whole, name):
    quote = the_quote(q(text), words, kind)
    assert quote.text == whole, kind
    assert (quote.speaker_name or "").split()[-1:] == [name], kind


@pytest.mark.parametrize(("kind", "text", "words"), NO_SPEECH)
def test_no_speech_of_each_kind(q, kind, text, words):
    assert not [x for x in q(text) if words in x.text], kind


@pytest.mark.parametrize(("kind", "text", "said", "title"), INVERTED)
def test_what_was_said_before_an_inverted_speaker(q, kind, text, said, title):
    quotes = q(text)
    assert [x.text for x in quotes if said in x.text] == [said], kind
    assert not [x for x in quotes if title in x.text], kind


@pytest.mark.parametrize(("kind", "text", "segments"), MARKS)
def test_marks_of_each_kind(kind, text, segments):
    assert [text[s:e] for s, e in quote_segments(text)] == segments, kind
