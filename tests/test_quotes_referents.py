"""Who a "he" or "she" stands for (storydesk/quotes/referents.py)."""

from __future__ import annotations

from storydesk.quotes import extract_quotes, extract_speech

TEXT = (
    "Governor Ilse Brandt toured the Kessen Dam on Sunday.\n\n"
    "On Monday, she ordered the spillway opened. "
    "Brandt said she would return on Friday. "
    '"He is wrong," she said of Mayor Tomas Lind.'
)


def test_a_pronoun_named_in_an_earlier_sentence_gets_its_person(nlp):
    quotes, referents = extract_speech(TEXT, nlp(TEXT))
    assert quotes == extract_quotes(TEXT, nlp(TEXT))
    found = [(TEXT[r.start : r.end], r.name, TEXT[r.antecedent :].split()[0]) for r in referents]
    # The first "she" and the speaker of the quote; not the "she" whose sentence names
    # Brandt, and not the "He" inside the quote (the speaker's word, not the writer's).
    assert found == [("she", "Ilse Brandt", "Brandt"), ("she", "Ilse Brandt", "Brandt")]
    assert [r.start for r in referents] == [
        TEXT.index("she ordered"),
        TEXT.index("she said of"),
    ]


def test_no_person_no_referent(nlp):
    text = "One man, who gave only his first name, waded out. Later, he found his dog."
    assert extract_speech(text, nlp(text))[1] == ()
    text = "The flood reached the square. He said the water was cold."
    assert extract_speech(text, nlp(text))[1] == ()
