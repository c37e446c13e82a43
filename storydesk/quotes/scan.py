"""One pass over an article's tokens sorting out those the speech rules start from, read
from the parse's arrays rather than token by token (a Python loop over every token's
``pos_``, ``dep_`` and ``lower_`` was a sixth of quote extraction)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, LOWER, ORTH, POS
from spacy.symbols import AUX, NOUN, PRON, PROPN, VERB
from spacy.tokens import Doc, Token

from .vocabulary import _SUBJECT_DEPS


@dataclass(slots=True)
class TokenKinds:
    """Tokens by kind, each list in text order (see :func:`token_kinds`)."""

    propns: list[Token] = field(default_factory=list)
    subject_nouns: list[int] = field(default_factory=list)
    verbs: list[Token] = field(default_factory=list)
    subject_pronouns: list[Token] = field(default_factory=list)
    colons: list[Token] = field(default_factory=list)


def token_kinds(doc: Doc) -> TokenKinds:
    """Each token in the first of these kinds it is of, as this loop sorts them::

        for tok in doc:
            if tok.pos_ == "PROPN": propns
            elif tok.pos_ in ("VERB", "AUX") or tok.lower_ == "according": verbs
            elif tok.pos_ == "NOUN" and tok.dep_ in _SUBJECT_DEPS:
                subject_nouns (and propns too when tok.is_title: "Reyes said", tagged a noun)
            elif tok.pos_ == "PRON" and tok.dep_ in _SUBJECT_DEPS and tok.lower_ in ("he", "she"):
                subject_pronouns
            elif tok.text == ":": colons

    >>> from storydesk.nlp import load_pipeline
    >>> kinds = token_kinds(load_pipeline()("He said: Maria Lopez left."))
    >>> [t.text for t in kinds.propns], [t.text for t in kinds.colons]
    (['Maria', 'Lopez'], [':'])
    """
    out = TokenKinds()
    if not len(doc):
        return out
    strings = doc.vocab.strings
    pos, dep, lower, orth = doc.to_array([POS, DEP, LOWER, ORTH]).T
    subject = np.zeros(len(doc), dtype=bool)
    for d in _SUBJECT_DEPS:  # np.isin costs more than a few comparisons on one article
        subject |= dep == strings[d]
    propn = pos == PROPN
    verb = ~propn & ((pos == VERB) | (pos == AUX) | (lower == strings["according"]))
    rest = ~propn & ~verb
    noun = rest & (pos == NOUN) & subject
    rest &= ~noun
    he_she = (lower == strings["he"]) | (lower == strings["she"])
    pronoun = rest & (pos == PRON) & subject & he_she
    colon = rest & ~pronoun & (orth == strings[":"])
    out.subject_nouns = np.flatnonzero(noun).tolist()
    titled = [i for i in out.subject_nouns if doc[i].is_title]
    out.propns = [doc[i] for i in sorted(np.flatnonzero(propn).tolist() + titled)]
    out.verbs = [doc[i] for i in np.flatnonzero(verb).tolist()]
    out.subject_pronouns = [doc[i] for i in np.flatnonzero(pronoun).tolist()]
    out.colons = [doc[i] for i in np.flatnonzero(colon).tolist()]
    return out
