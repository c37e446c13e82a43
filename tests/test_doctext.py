"""The per-parse caches of storydesk.doctext give what a loop over the tokens gives."""

from __future__ import annotations

import pytest
from spacy.attrs import IDX, LOWER, ORTH

from storydesk.doctext import sentence_start, sentence_starts, token_attr, tokens_with

TEXT = (
    "The harbour master said the Quay would close. She said: “The quay stays shut.” "
    "THE council met on Tuesday. the end came late... Did it? Yes!\n\nA new paragraph here."
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


@pytest.mark.parametrize(
    ("attr", "strings"),
    [
        (LOWER, ["the", "quay"]),
        (ORTH, ["the", "The"]),
        (ORTH, [".", "!", "?", "...", "…"]),
        (LOWER, ["said", "said", "absent-word"]),
        (ORTH, []),
        (LOWER, frozenset({"she", "council", "tuesday"})),
    ],
)
def test_tokens_with_is_a_token_loop(doc, attr, strings):
    field = "lower_" if attr == LOWER else "text"
    expected = [t.i for t in doc if getattr(t, field) in set(strings)]
    assert tokens_with(doc, attr, strings) == expected
    assert tokens_with(doc, attr, strings) == expected  # asked again: the cached index


def test_token_attr_is_to_array_and_read_only(doc):
    offsets = token_attr(doc, IDX)
    assert offsets.tolist() == [t.idx for t in doc]
    assert token_attr(doc, IDX) is offsets
    with pytest.raises(ValueError):
        offsets[0] = 1


def test_sentence_starts_are_those_of_doc_sents(doc):
    assert sentence_starts(doc) == [s.start for s in doc.sents]
    assert len(sentence_starts(doc)) > 3
    assert [sentence_start(doc, t.i) for t in doc] == [t.sent.start for t in doc]


def test_a_new_parse_gets_its_own_caches(nlp, doc):
    other = nlp("Quay. Quay quay.")
    assert tokens_with(other, LOWER, ["quay"]) == [0, 2, 3]
    assert tokens_with(doc, LOWER, ["quay"]) == [t.i for t in doc if t.lower_ == "quay"]
