"""The quote rules' token kinds read from the parse's arrays sort tokens as the loop over
every token that they replace did."""

from __future__ import annotations

import pytest

from storydesk.nlp import load_pipeline
from storydesk.quotes.scan import token_kinds
from storydesk.quotes.vocabulary import _SUBJECT_DEPS

TEXTS = [
    "",
    ":",
    "According to the council, she said: the bridge will reopen.",
    'Reyes said the road was closed. "We will rebuild," he told reporters on Tuesday.',
    "Mayor Ilse Varga of Dorran, who runs the port, said: Ships are waiting.\n\nHe left.",
]


def loop_kinds(doc):  # the loop token_kinds replaced, kept as the reference
    propns, subject_nouns, verbs, pronouns, colons = [], [], [], [], []
    for tok in doc:
        pos = tok.pos_
        if pos == "PROPN":
            propns.append(tok.i)
        elif pos in ("VERB", "AUX") or tok.lower_ == "according":
            verbs.append(tok.i)
        elif pos == "NOUN" and tok.dep_ in _SUBJECT_DEPS:
            subject_nouns.append(tok.i)
            if tok.is_title:
                propns.append(tok.i)
        elif pos == "PRON" and tok.dep_ in _SUBJECT_DEPS and tok.lower_ in ("he", "she"):
            pronouns.append(tok.i)
        elif tok.text == ":":
            colons.append(tok.i)
    return propns, subject_nouns, verbs, pronouns, colons


@pytest.mark.parametrize("text", TEXTS)
def test_token_kinds_match_the_loop(text: str) -> None:
    doc = load_pipeline()(text)
    kinds = token_kinds(doc)
    got = (
        [t.i for t in kinds.propns],
        kinds.subject_nouns,
        [t.i for t in kinds.verbs],
        [t.i for t in kinds.subject_pronouns],
        [t.i for t in kinds.colons],
    )
    assert got == loop_kinds(doc)


def test_token_kinds_finds_each_kind() -> None:
    kinds = token_kinds(load_pipeline()("He said: Maria Lopez left."))
    assert [t.text for t in kinds.propns] == ["Maria", "Lopez"]
    assert [t.text for t in kinds.subject_pronouns] == ["He"]
    assert [t.text for t in kinds.colons] == [":"]
    assert {t.text for t in kinds.verbs} >= {"said", "left"}
