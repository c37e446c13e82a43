"""The kinds of wrong speaker found in session 16, reading 25 more real pages (issue 14,
"Speakers", "A second hidden set"): one fictional sentence of each shape per row. Earlier
kinds stay in ``test_quotes_kinds.py``, ``test_quotes_kinds_pages.py`` and
``test_quotes_kinds_briefings.py``."""

from __future__ import annotations

import pytest
from conftest import the_quote

# (kind, text, words of the quote, the speaker's name; None: nobody named)
SPEAKERS = [
    (
        "a word of gender in a possessive of the role",
        "Karl Brenner, his sister's lawyer, met the banker Otto Stark on Monday. "
        '"I remember it well," he said.',
        "remember it well",
        "Karl Brenner",
    ),
    (
        "a word of gender in a possessive of the role",
        "Ilse Varga, her brother's lawyer, met the banker Jana Stark on Monday. "
        '"I remember it well," she said.',
        "remember it well",
        "Ilse Varga",
    ),
    (
        "a word of gender in a possessive of the role",
        "Aldric Fenn, the queen's second son, was a friend of the banker Otto Stark for years. "
        '"I remember it well," he said.',
        "remember it well",
        "Aldric Fenn",
    ),
    (
        "the pronouns of an unnamed man are not a named woman's",
        "A Lindhaven man admitted on Monday that he had threatened Nour Adebayo, a town "
        "councillor, after he lost his job. He was arrested in March.\n\n"
        'Adebayo asked the court for mercy in a letter. "We must answer anger with '
        'patience," she wrote.',
        "answer anger",
        "Nour Adebayo",
    ),
    (
        "she added, after another speaker, for the subject between",
        "Mayor Petra Vasquez said the town was shaken by the threats.\n\n"
        "Nour Adebayo asked the court for mercy in a letter, saying she did not want a long "
        'sentence. She added, "We must answer anger with patience."',
        "answer anger",
        "Nour Adebayo",
    ),
    (
        "they, for a body that spoke in the sentence before",
        "Calder Music have twice denied doing anything wrong.\n\n"
        '"At no point did we stop her show," they said in a statement on Friday.',
        "stop her show",
        "Calder Music",
    ),
    (
        "they, for a body that spoke before a quote of two sentences",
        "The company that runs the festival, Calder Productions, denies that a deal was "
        'reached, though.\n\n"Any agreement must be made with her team. We have no further '
        'comment," they said.',
        "Any agreement",
        "Calder Productions",
    ),
    (
        "the company, after a body named in another's words",
        "The firm that owns most of her songs, Calder Music, says she may sing her old songs "
        "at the Harlow Music Awards on Sunday. Vance had accused them of blocking her. But the "
        "company says she never needed its permission.",
        "never needed",
        "Calder Music",
    ),
    (
        "the police, not a person whose post names the police",
        "Tomas Vale, Harlow's new police commissioner, said in an interview that officers "
        "alone cannot end the unrest. The mayor said she is committed to talks, while the "
        "city's police deny accusations of brutality and say they show restraint.",
        "accusations of brutality",
        None,
    ),
    (
        "a name after an outlet and a title, the outlet parsed as the subject",
        "There was no immediate comment from Brenner but Openleaks welcomed the Ostland move "
        'to drop the case.\n\nOpenleaks editor-in-chief Kristof Hallsson said: "Let us now '
        'focus on the threat Mr Brenner has been warning about for years."',
        "Let us now focus",
        "Kristof Hallsson",
    ),
    (
        "a name after an outlet and a title, two subjects in the parse",
        "There was no immediate comment from Brenner but Wikidocs welcomed the Ostland move "
        'to drop the case.\n\nWikidocs editor-in-chief Einar Jonsson said: "Let us now '
        'focus on the threat Mr Brenner has been warning about for years."',
        "Let us now focus",
        "Einar Jonsson",
    ),
    (
        "the office's release, after the office named in full",
        "A Lindhaven man pleaded guilty to threatening a councillor, the Lindhaven "
        "Prosecutor's Office said on Monday. He faces up to ten years in prison. His "
        "sentencing is scheduled for March 3, according to the office release.",
        "sentencing is scheduled",
        "Lindhaven Prosecutor's Office",
    ),
    (
        "a title split from its name after the verb ('co' and the name both subjects)",
        "On Vesta, clouds spew methane and ethane - which are gases on Earth - in liquid form "
        "due to the moon's cold climate.\n\nRainfall occurs everywhere on Vesta, but the "
        "equatorial regions are drier than the poles, said study co-author Anika Dimitriou, "
        "a Harlow Space Agency research fellow.",
        "Rainfall occurs",
        "Anika Dimitriou",
    ),
    (
        "in the words of someone, before a colon",
        "Tomas Reyes, a 51-year-old farmer, saw his doctor after months of feeling tired. "
        'Here is how bad things got in the words of the farmer: "Two months after it began, '
        'I could not stand for more than a minute. Climbing the stairs took half an hour."',
        "could not stand",
        "Tomas Reyes",
    ),
    (
        "in her own words, before a colon",
        'Ada Moss lost her mill in the flood. In her own words: "We had nothing left but the '
        'roof."',
        "nothing left",
        "Ada Moss",
    ),
    (
        "he, the one man named in his own sentence, not a speaker before",
        '"He cannot simply dismiss facts he does not like," said Karl Brenner, a professor of '
        'medicine at Harlow University. "It is a pattern."\n\nTomas Vesk\'s dubious advice '
        "earned him the attention of the council, where he appeared at a hearing in 2014 for "
        'saying that river water was a "natural cure for every illness."',
        "river water",
        "Tomas Vesk",
    ),
]


@pytest.mark.parametrize(("kind", "text", "words", "name"), SPEAKERS)
def test_speaker_of_each_kind(q, kind, text, words, name):
    assert the_quote(q(text), words, kind).speaker_name == name, kind
