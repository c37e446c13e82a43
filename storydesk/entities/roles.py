"""Roles: titles and appositions read from the parse, and whether a description fits a role
(:func:`role_matches`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..offstage import _TEMPORAL
from .names import _norm
from .vocabulary import (
    _DEMONYMS,
    _RANKS,
    _TITLES,
    HONORIFICS,
    OFFICE_PHRASES,
    OFFICE_SYNONYMS,
    TITLE_WORDS,
    _set,
)


def _left_role(doc: Doc, toks: Sequence[Token]) -> tuple[int, int] | None:
    """Token range of the title right before a name: "UN secretary-general [Ban Ki-moon]"."""
    inside = {t.i for t in toks}
    run: list[Token] = []
    for i in range(toks[0].i - 1, -1, -1):
        t = doc[i]
        if "\n" in t.whitespace_ or t.is_space or t.lower_ in _TEMPORAL:
            break
        glued = i > 0 and not doc[i - 1].whitespace_  # "Islamist-oriented", "Turkey's"
        if t.lower_ == "of":
            if not (run and run[0].text[:1].isupper() and i > 0 and doc[i - 1].lower_ in _TITLES):
                break
        elif t.lower_ == "to":  # "envoy to Moldavia [Tobias Renner]", not "adviser to [Prime
            # Minister X]" (the title after "to" is the person's)
            if not (
                run
                and run[0].text[:1].isupper()
                and not any(r.lower_ in _TITLES for r in run)
                and i > 0
                and doc[i - 1].lower_ in _TITLES
            ):
                break
        elif t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ"):
            if (t.dep_ == "pobj" and t.head.lower_ != "of") or (
                run and t.ent_iob_ != "O" and run[0].ent_iob_ == "B"
            ):
                break  # two names side by side: "On visit to India [US Secretary ...]"
        elif not (
            (glued and (t.text in ("'s", "’s", "-") or (t.is_alpha and doc[i - 1].text == "-")))
            or t.lower_ in _TITLES
            or (
                (t.head.i in inside or any(t.head.i == r.i for r in run))
                and t.dep_ in ("compound", "amod", "nmod")
                and t.pos_ in ("NOUN", "ADJ", "PROPN")
            )
        ):
            break
        run.insert(0, t)
    while run and run[0].lower_ in HONORIFICS | {"of", "-", "'s", "’s"}:
        run.pop(0)
    while run and run[-1].lower_ in HONORIFICS:
        run.pop()
    if not run or not any(t.lower_ in _TITLES - HONORIFICS for t in run):
        return None
    of_chain = any(t.lower_ in ("of", "to") and doc[t.i - 1].lower_ in _TITLES for t in run)
    return (run[0].i, run[-1].i + 1) if run[-1].lower_ in _TITLES or of_chain else None


# Nouns that name a person without a person's suffix ("a victim of the scheme").
_PERSON_NOUNS = _set(
    """victim child son daughter wife husband mother father brother sister friend partner
    expert fellow member student colleague boss host guest survivor witness resident
    citizen veteran pilot doctor nurse surgeon chef coach star actor actress singer
    artist author poet scientist engineer lawyer owner heir widow widower niece nephew
    cousin aunt uncle grandson granddaughter grandmother grandfather girlfriend boyfriend
    fiancee fiance spouse patient refugee migrant suspect defendant plaintiff accused
    hostage prisoner detainee soldier marine cop officer agent worker employee staffer
    trader banker investor entrepreneur activist protester campaigner teenager boy girl
    man woman person chief head executive detective relative captive native operative cfo
    cto coo cio priest nun monk quarterback forward guard goalie rookie model graduate
    inmate convict"""
)
# Endings of nouns for people ("manager", "negotiator", "economist", "historian",
# "consultant", "resident", "trustee"); not "-ment" ("statement").
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee", "eur", "ess")


def _person_noun(tok: Token) -> bool:
    """A noun in the singular that can name a person: a title, a person's noun, or one
    with a person's ending ("spokesman", "victim", "analyst"; not "chains", "background",
    "information", "launch title", "team")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ in ("NNS", "NNPS") and lemma not in HONORIFICS:
        return False  # "the big newspaper chains Gannett and ...", "founders A and B"
    if lemma in TITLE_WORDS or lemma in _PERSON_NOUNS:
        return True
    return len(lemma) >= 5 and lemma.endswith(_PERSON_ENDINGS) and not lemma.endswith("ment")


def _appos_role(doc: Doc, toks: Sequence[Token], person: bool = False) -> tuple[int, int] | None:
    """An apposition (a common noun or a title): "[Mark Regev], a spokesman for ...", "Kerry's
    spokeswoman, [Jen Psaki]". With ``person``, only one whose noun names a person in the
    singular (:func:`_person_noun`): a person's role, not "the big chains [Gannett] and ..."
    nor "[Jane Doe] (More information)"."""
    ids = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[-1])
    related = [(c, {c.i}) for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        related.append((root.head, {t.i for t in root.subtree}))
    for r, skip in related:
        if (r.pos_ != "NOUN" and r.lemma_.lower() not in TITLE_WORDS) or not r.is_alpha:
            continue
        if person and not _person_noun(r):
            continue
        skip = (skip - {r.i}) | ids
        for c in r.children:  # "..., which coordinates aid", another apposition
            if c.dep_ in ("relcl", "acl", "appos") and c.i not in ids:
                skip.update(t.i for t in c.subtree)
        members = {t.i for t in r.subtree if not t.is_space and "@" not in t.text} - skip
        lo = hi = r.i
        while lo - 1 in members and doc[lo - 1].text != ",":
            lo -= 1
        while hi + 1 in members and doc[hi + 1].text != ",":
            hi += 1
        while lo < r.i and doc[lo].pos_ in ("DET", "PRON", "SCONJ", "CCONJ", "ADP", "PUNCT"):
            lo += 1
        while hi > r.i and (doc[hi].is_punct or doc[hi].pos_ in ("CCONJ", "ADP", "DET")):
            hi -= 1
        if hi - lo >= 12:  # cut after the first object: "fellow at the Max Planck Institute"
            prep = next((c for c in r.rights if c.dep_ == "prep"), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
            hi = obj.i if obj is not None and obj.i - lo < 12 else r.i
        if hi - lo < 12 and not any(doc[i].lower_ in HONORIFICS for i in range(lo, hi + 1)):
            return lo, hi + 1
    return None


_OFFICE_PATTERNS = {p: re.compile(rf"\b{p}\b") for p in OFFICE_PHRASES}


# Cached: a story compares the same few roles and descriptions many times over.
@lru_cache(maxsize=16384)
def _offices(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(offices, qualifiers) of a role or description: "top US diplomat" ->
    ({"diplomat"}, {"us"})."""
    s = _norm(text)
    offices = {p for p, pattern in _OFFICE_PATTERNS.items() if pattern.search(s)}
    for p in offices:
        s = _OFFICE_PATTERNS[p].sub(" ", s)
    offices |= {w for w in s.split() if w in TITLE_WORDS}
    stop = TITLE_WORDS | _RANKS | {"of", "the", "a", "an"}
    return frozenset(offices), frozenset(_DEMONYMS.get(w, w) for w in s.split() if w not in stop)


def role_matches(description: str, role: str) -> bool:
    """True when a description fits a role: every office it names is the role's, a synonym
    (:data:`OFFICE_SYNONYMS`) or its last word, and every qualifier it has is in the role.

    >>> role_matches("top US diplomat", "U.S. Secretary of State")
    True
    >>> role_matches("UN chief", "US envoy")
    False
    """
    d_off, d_qual = _offices(description)
    r_off, r_qual = _offices(role)
    fits = all(
        o in r_off
        or OFFICE_SYNONYMS.get(o, set()) & r_off
        or any(r.endswith(f" {o}") for r in r_off)
        for o in d_off
    )
    return bool(d_off and r_off) and fits and all(_qualified(q, r_qual) for q in d_qual)


def _qualified(qualifier: str, qualifiers: frozenset[str]) -> bool:
    """'israeli' is in {'israel'}: a demonym starts with its country's name."""
    for q in qualifiers:
        shared = min(len(q), len(qualifier)) >= 4
        if q == qualifier or (shared and (q.startswith(qualifier) or qualifier.startswith(q))):
            return True
    return False


def _same_role(a: str, b: str) -> bool:
    """'Israel’s Prime Minister' and 'Israeli Prime Minister' are one role."""
    return _norm(a) == _norm(b) or (role_matches(a, b) and role_matches(b, a))
