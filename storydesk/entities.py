"""People, organisations and places: mentions per article, entities per story.

:func:`extract_mentions` is a pure function of an article's cleaned text and its spaCy
``Doc`` (NER and parser); every :class:`Mention` has ``text == article_text[start:end]``.

* **Names**: PERSON -> ``person``, ORG -> ``organization``, GPE and LOC -> ``place``. NORP
  ("Israeli") is no entity: a nationality lives on in roles ("Israeli Prime Minister"). Names
  lose "the", possessive "'s" and honorifics ("Mr Kerry" -> "Kerry"); a title inside a name
  moves to the role. A one-word ORG that is the surname of a person the article names in full
  ("Psaki") is that person; so is such a surname the recogniser missed ("Ban said").
* **Roles** come from the parse: title words before a name ("US Secretary of State John
  Kerry") and appositions on either side ("Mark Regev, a spokesman for ...", "Kerry's
  spokeswoman, Jen Psaki"). A role needs a title word (:data:`TITLE_WORDS`).
* **Nominal references** (``nominal=True``): a definite singular description outside quotes
  ("the UN chief", "the top US diplomat") refers to a person only when exactly one person of
  the article has a role it fits (:func:`role_matches`); ``same_as`` is that person's name.
* **Not people of the story**: bylines, photo credits, captions, reader comments, author
  sign-offs and capitals datelines are blocked before names are taken; so are names in
  capitals and two-word "names" the text uses to modify a noun ("Iron Dome missile system").

:func:`merge_entities` is the story stage, :func:`entities_json` gives ``briefing.json``'s
``entities``, :func:`entity_for` finds the entity of a quote's speaker.

>>> from storydesk.nlp import load_pipeline
>>> text = "US Secretary of State John Kerry met Ban. Kerry left."
>>> found = extract_mentions(text, load_pipeline()(text))
>>> [(m.text, m.role) for m in found if m.type == "person"]
[('John Kerry', 'US Secretary of State'), ('Ban', None), ('Kerry', None)]
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from .clean import DATELINE
from .doctext import doc_text
from .model import Citation
from .quotes import quote_segments

__all__ = ["Entity", "Mention", "entities_json", "entity_for", "extract_mentions"]
__all__ += ["merge_entities", "role_matches"]

VERSION = "entities-1"


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}
TITLE_WORDS = _set(
    """president premier minister secretary chancellor king queen prince princess emir sheikh
    sultan ayatollah pope governor mayor senator congressman congresswoman ambassador envoy
    diplomat spokesman spokeswoman spokesperson chief head leader chairman chairwoman chair
    director commissioner general colonel captain lieutenant sergeant admiral commander
    official deputy undersecretary attorney prosecutor judge justice correspondent editor
    reporter analyst professor economist adviser advisor aide negotiator mediator coordinator
    speaker lawmaker legislator mp candidate nominee ruler cleric imam rabbi bishop archbishop
    cardinal ceo founder officer elect designate representative"""
)
HONORIFICS = _set("mr mr. mrs mrs. ms ms. miss mx dr dr. sir dame")
_TITLES = TITLE_WORDS | HONORIFICS | _set("prime vice foreign deputy sen. rep. gov. gen. col.")
# Offices of more than one word, so "prime minister" is not read as any minister.
OFFICE_PHRASES = (
    "secretary of state", "secretary general", "prime minister", "foreign minister",
    "foreign secretary", "defence minister", "defense minister", "defense secretary",
    "defence secretary", "vice president", "director general", "attorney general",
    "home secretary", "chief executive",
)  # fmt: skip
# What a description's head may stand for: "the top US diplomat" is the secretary of state.
OFFICE_SYNONYMS = {
    "diplomat": {"secretary of state", "foreign minister", "foreign secretary", "ambassador",
                 "envoy"},
    "chief": {"secretary general", "director general", "head", "leader", "director",
              "chairman", "chief executive"},
    "premier": {"prime minister"}, "envoy": {"ambassador"},
    "spokesman": {"spokeswoman", "spokesperson"}, "spokeswoman": {"spokesman", "spokesperson"},
    "spokesperson": {"spokesman", "spokeswoman"},
}  # fmt: skip
_RANKS = _set("top senior leading veteran")
_NOT_CURRENT = _set("former ex ex- late then outgoing incoming next future previous")
# An ORG "name" of these words only is part of a title: "Secretary of State", "Defence".
_OFFICE_PARTS = TITLE_WORDS | _set("state defence defense foreign affairs interior home justice")
_ORG_HEADS = _set(
    """committee council ministry department party forces army agency organization
    organisation association union bank group company corporation university institute
    foundation commission court parliament assembly brigades movement democrats republicans"""
)
_TEMPORAL = _set(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    tonight january february march april may june july august september october november
    december"""
)
_PARTICLES = _set("al el bin ibn de del der van von la le da di du abu")
# Well-known acronyms and the names they stand for (lower case, no dots). Kept small: an
# acronym only merges with a long form on this list or when the text pairs them.
KNOWN_ACRONYMS = {
    "un": ("united nations",),
    "us": ("united states of america", "united states", "usa"),
    "uk": ("united kingdom", "great britain", "britain"),
    "eu": ("european union",),
    "nato": ("north atlantic treaty organization", "north atlantic treaty organisation"),
    "idf": ("israel defense forces", "israel defence forces", "israeli defense forces"),
    "plo": ("palestine liberation organization", "palestine liberation organisation"),
    "imf": ("international monetary fund",),
    "who": ("world health organization", "world health organisation"),
    "icc": ("international criminal court",),
}
_DEMONYMS = {"american": "us", "america": "us", "british": "uk"}

_AGENCY = r"(?:AP|AFP|Reuters|EPA|Getty Images|Getty|Shutterstock|Anadolu|Xinhua|Bloomberg)"
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
_BLOCK_PARAGRAPH = re.compile(
    "|".join(
        (
            r"^(?:additional |with )?(?:reporting|writing|editing|edited|compiled|tested|reviewed"
            r"|photographed|illustrated|produced|filmed|interview) by\b",
            r"^(?:image|media|video|photo|picture) ?(?:caption|copyright|credit)|^caption\s*:",
            r"\bcontributed (?:reporting |to this (?:report|article|story))",
            r"^\(?(?:photos?|pictures?|images?|photograph|credit)s?\s*(?::|/|\||by\b)",
            r"^(?:posted|commented|submitted)\s+by\b|^(?:in reply to|replying to)\b",
            r"^\S+(?: \S+){0,3}\s+(?:commented|replied)\s*:",
            r"^(?:reply|report|report abuse|recommend|flag|like)(?:\s*[|·]\s*\w+)*$",
            r"^(?:follow|contact|email)\s+.{1,40}\s+(?:on (?:twitter|x|facebook|instagram)|at)\b",
            r"^.{1,40}\s+can be reached at\b|^(?:sign up|subscribe)\b",
        )
    ),
    re.IGNORECASE,
)
# A comments section: everything after it is reader talk.
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:reader\s+)?comments?(?:\s*\(\d+\))?\s*:?$"
    r"|^(?:join the (?:conversation|discussion)|show comments|leave a (?:comment|reply))",
    re.IGNORECASE,
)
_BLOCK_NAMED = re.compile(
    rf"^{_NAME}\s*,$|^[—–-]{{1,2}}\s*{_NAME}\s*$|^{_NAME} is an? (?:[\w-]+ ){{0,3}}"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer)\b"
    # "By Jane Doe", "By JANE DOE and John Roe, Reuters" (not "By Tuesday, ...")
    rf"|^(?i:by|written by|words by|posted by|story by)\s+(?!(?i:{'|'.join(_TEMPORAL)})\b)"
    rf"{_NAME}(?:\s+(?i:and)\s+{_NAME})?(?:\s*[,|/·–—-].{{0,60}})?$"
)
_TIMESTAMP = re.compile(r"\b\d+\s+(?:second|minute|min|hour|hr|day|week|month)s?\s+ago\b", re.I)
_BLOCK_INLINE = re.compile(
    rf"\b{_AGENCY}(?: Photos?)?\s*/\s*[^\n),;]{{0,60}}"
    rf"|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,3}}\s*/\s*{_AGENCY}\b"
    r"|\((?i:photos?|pictures?|images?|credit|additional reporting|reporting)\s*(?::|(?i:by)\b)"
    r"[^)\n]*\)"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name or a description of a story entity: ``text == article_text[start:end]``.

    ``role`` is the title or apposition the article gives the person here,
    ``article_text[role_start:role_end]``. A ``nominal`` mention ("UN chief") refers to the
    person named ``same_as`` in the article; an acronym the text introduces with its long
    form ("Israel Defense Forces (IDF)") has the long form as ``same_as``.
    """

    start: int
    end: int
    text: str
    type: str
    label: str
    role: str | None = None
    role_start: int | None = None
    role_end: int | None = None
    nominal: bool = False
    same_as: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation or place of a story, merged across its articles.

    ``name`` is the most complete name written, ``aliases`` the other names, ``roles`` the
    distinct roles in order of first appearance, ``descriptions`` the nominal references
    ("UN chief"), ``mentions`` every place it is named or described.
    """

    id: str
    name: str
    type: str
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    mentions: tuple[Citation, ...]
    descriptions: tuple[str, ...] = ()


# --- per article ----------------------------------------------------------------------------


def extract_mentions(article_text: str, doc: Doc) -> list[Mention]:
    """Mentions of people, organisations and places in one article, in text order.

    Raises ``ValueError`` when ``doc`` is not a parse of ``article_text``.
    """
    if doc_text(doc) != article_text:
        raise ValueError("doc is not a parse of article_text (doc_text(doc) != article_text)")
    blocked = _blocked(article_text)
    names: list[tuple[Mention, list[Token]]] = []
    for ent in doc.ents:
        kind = TYPES.get(ent.label_)
        if kind == "person" and ent[-1].lower_ in _ORG_HEADS:
            kind = "organization"  # "Ad Hoc Liaison Committee"
        toks = [t for t in ent if not _is_blocked(blocked, t.idx, _end(t))]  # "JERUSALEM - Kerry"
        toks = _clean_tokens(toks, kind) if kind else []
        if kind and toks and not _is_blocked(blocked, toks[0].idx, _end(toks[-1])):
            m = _mention(doc, toks, kind, ent.label_)
            if not (kind == "person" and _not_a_person(m, doc)):
                names.append((m, toks))
    places = {m.text for m, _ in names if m.type == "place"}
    names = [(m, t) for m, t in names if not (m.type == "place" and _demonym(m.text, places))]
    surnames = _person_words([m for m, _ in names])
    for n, (m, toks) in enumerate(names):  # a surname taken for an organisation: "Psaki"
        if m.type != "person" and m.label != "GPE" and len(toks) == 1 and m.text in surnames:
            names[n] = (replace(m, type="person"), toks)
    in_ents = {t.i for ent in doc.ents for t in ent}
    missed = [t for t in doc if t.i not in in_ents and t.pos_ == "PROPN" and t.text in surnames]
    for tok in missed:  # ... or missed: "Ban said"
        if not _is_blocked(blocked, tok.idx, _end(tok)):
            names.append((_mention(doc, [tok], "person", "PERSON"), [tok]))
    in_roles: set[int] = set()
    in_titles: set[int] = set()  # the titles before names
    mentions: list[Mention] = []
    for m, toks in names:
        span = _left_role(doc, toks) if m.type == "person" else None
        in_titles.update(range(*span) if span else ())
        span = span or (_appos_role(doc, toks) if m.type == "person" else None)
        if span:
            in_roles.update(range(*span))
            s, e = doc[span[0]].idx, _end(doc[span[1] - 1])
            m = replace(m, role=article_text[s:e], role_start=s, role_end=e)
        mentions.append(m)
    # "Jordan’s Foreign Minister Nasser Judeh": a country taken for a person
    mentions = [
        m
        for m in mentions
        if m.type != "person"
        or m.text in surnames
        or not set(range(*_token_range(doc, m))) <= in_titles
    ]
    mentions += _nominals(doc, mentions, in_roles, blocked)
    return sorted(_pair_acronyms(article_text, mentions), key=lambda m: (m.start, m.end))


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _token_range(doc: Doc, m: Mention) -> tuple[int, int]:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def _mention(doc: Doc, toks: Sequence[Token], kind: str, label: str) -> Mention:
    start, end = toks[0].idx, _end(toks[-1])
    if doc_text(doc)[start:end].endswith(("'s", "’s")) and end - start > 2:
        end -= 2
    return Mention(start, end, doc_text(doc)[start:end], kind, label)


def _name_like(t: Token) -> bool:
    hyphenated = t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_
    return (
        t.text[:1].isupper() or t.lower_ in _PARTICLES or t.text in ("-", ".") or hyphenated
    ) and not any(c.isdigit() or c in "@#/_" for c in t.text)


def _clean_tokens(toks: list[Token], kind: str) -> list[Token]:
    """A name's tokens without "the", honorifics, titles, possessives and trailing words."""
    toks = [t for t in toks if t.lower_ not in ("'s", "’s", "'", "’")]
    while toks and (
        toks[0].is_punct
        or toks[0].lower_ == "the"
        or (kind == "person" and toks[0].lower_ in _TITLES)
    ):
        toks = toks[1:]
    if kind == "person":
        cut = next(
            (n for n, t in enumerate(toks) if not _name_like(t) or t.pos_ in ("VERB", "AUX")), None
        )
        toks = toks[:cut]
        while toks and not toks[-1].is_alpha:
            toks = toks[:-1]
        return toks if 0 < len(toks) <= 7 and any(len(t.text) > 1 for t in toks) else []
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    words = [t.lower_ for t in toks if t.is_alpha]
    if (
        not toks
        or not (toks[0].text[:1].isupper() or toks[0].text[:1].isdigit())
        or (toks[0].lower_ == "operation" and len(toks) > 1)  # an event
        or (len(toks) == 1 and (toks[0].pos_ == "ADJ" or toks[0].dep_ == "amod"))
        or (words and all(w in _OFFICE_PARTS for w in words))
    ):
        return []
    return toks


def _person_words(mentions: Sequence[Mention]) -> set[str]:
    """Last and first words of the full person names in an article."""
    out: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.type == "person" and len(words) > 1:
            out.update((words[-1], words[0]))
    return {w for w in out if w[:1].isupper() and w.lower() not in _PARTICLES}


def _demonym(word: str, places: set[str]) -> bool:
    """'Gazan' beside 'Gaza', 'Israeli' beside 'Israel': an adjective, not a place."""
    ends = ("n", "an", "ian", "i", "ese", "ish")
    return any(word.startswith(p) and word[len(p) :] in ends for p in places if p != word)


def _not_a_person(m: Mention, doc: Doc) -> bool:
    """A heading or byline in capitals (not a transcript turn "PENCE:"), or two words the
    article also uses to modify a noun ("Iron Dome missile defence system")."""
    if m.text.isupper() and len(m.text) > 3 and doc_text(doc)[m.end : m.end + 1] != ":":
        return True
    text = doc_text(doc)
    for found in re.finditer(re.escape(m.text) + r"\s+[a-z]", text) if " " in m.text else ():
        span = doc.char_span(found.start(), found.end() - 2, alignment_mode="expand")
        if span is not None and span[-1].dep_ == "compound" and span[-1].head.pos_ == "NOUN":
            return True
    return False


# --- roles ----------------------------------------------------------------------------------


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
    of_chain = any(t.lower_ == "of" and doc[t.i - 1].lower_ in _TITLES for t in run)
    return (run[0].i, run[-1].i + 1) if run[-1].lower_ in _TITLES or of_chain else None


def _appos_role(doc: Doc, toks: Sequence[Token]) -> tuple[int, int] | None:
    """An apposition (a common noun or a title): "[Mark Regev], a spokesman for ...", "Kerry's
    spokeswoman, [Jen Psaki]"."""
    ids = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[-1])
    related = [(c, {c.i}) for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        related.append((root.head, {t.i for t in root.subtree}))
    for r, skip in related:
        if (r.pos_ != "NOUN" and r.lemma_.lower() not in TITLE_WORDS) or not r.is_alpha:
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


# --- nominal references ---------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """Lower case, no dots or possessives, hyphens as spaces, known acronyms for long forms."""
    s = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s).replace(".", "").replace("-", " ")
    s = re.sub(r"^the\s+", "", " ".join(s.split()))
    for short, longs in KNOWN_ACRONYMS.items():
        for long in longs:
            s = re.sub(rf"\b{long}\b", short, s)
    return s


def _offices(text: str) -> tuple[set[str], set[str]]:
    """(offices, qualifiers) of a role or description: "top US diplomat" ->
    ({"diplomat"}, {"us"})."""
    s = _norm(text)
    offices = {p for p in OFFICE_PHRASES if re.search(rf"\b{p}\b", s)}
    for p in offices:
        s = re.sub(rf"\b{p}\b", " ", s)
    offices |= {w for w in s.split() if w in TITLE_WORDS}
    stop = TITLE_WORDS | _RANKS | {"of", "the", "a", "an"}
    return offices, {_DEMONYMS.get(w, w) for w in s.split() if w not in stop}


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


def _qualified(qualifier: str, qualifiers: set[str]) -> bool:
    """'israeli' is in {'israel'}: a demonym starts with its country's name."""
    for q in qualifiers:
        shared = min(len(q), len(qualifier)) >= 4
        if q == qualifier or (shared and (q.startswith(qualifier) or qualifier.startswith(q))):
            return True
    return False


def _nominals(
    doc: Doc, mentions: Sequence[Mention], in_roles: set[int], blocked: list[tuple[int, int]]
) -> list[Mention]:
    people = _article_people(mentions)
    roles: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        if m.type == "person" and m.role and m.text in people:
            roles[people[m.text]].append(m.role)
    if not roles:
        return []
    quoted = quote_segments(doc_text(doc))
    named = {i for m in mentions if m.type == "person" for i in range(*_token_range(doc, m))}
    taken = in_roles | named
    out = []
    for t in doc:
        head = t.head if t.dep_ == "conj" else t  # "the UN chief and top US diplomat"
        if (
            t.lower_ not in TITLE_WORDS
            or t.pos_ not in ("NOUN", "PROPN")
            or t.tag_ in ("NNS", "NNPS")
            or t.i in taken
            or t.dep_ in ("compound", "appos")
            or any(c.dep_ == "appos" and c.i in named for c in t.children)
            or any(c.lower_ in _NOT_CURRENT for c in t.lefts)
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
            or any(s <= t.idx < e for s, e in quoted)
        ):
            continue
        mods = [c.left_edge.i for c in t.lefts if c.dep_ in ("compound", "amod", "nmod")]
        last = t.i
        if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of" and doc[t.i + 1].head.i == t.i:
            nxt = doc[t.i + 2]
            if nxt.text[:1].isupper() and nxt.ent_type_ != "PERSON":
                last = t.i + 2  # "the US Secretary of State"
        start, end = doc[min([t.i, *mods])].idx, _end(doc[last])
        description = doc_text(doc)[start:end]
        fits = [p for p, rs in roles.items() if any(role_matches(description, r) for r in rs)]
        if len(fits) == 1 and not _is_blocked(blocked, start, end):
            out.append(
                Mention(start, end, description, "person", "NOMINAL", nominal=True, same_as=fits[0])
            )
    return out


def _article_people(mentions: Sequence[Mention]) -> dict[str, str]:
    """Person name as written -> the full name it stands for in the article (itself when it
    is one or has none, else the only full name it fits)."""
    full = [m.text for m in mentions if m.type == "person" and len(m.text.split()) > 1]
    groups = _group_full_names([("", n) for n in dict.fromkeys(full)])
    out: dict[str, str] = {}
    for m in mentions:
        if m.type == "person" and not m.nominal:
            fits = {groups[("", n)] for n in full if n == m.text or _short_fits(m.text, n)}
            if len(fits) <= 1:
                out[m.text] = fits.pop() if fits else m.text
    return out


def _pair_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Israel Defense Forces (IDF)', 'IDF (Israel Defense Forces)': one organisation."""
    out = list(mentions)
    at = {(m.start, m.end): n for n, m in enumerate(out)}
    for m in mentions:
        pattern = r"\s*\(\s*([A-Z][A-Za-z.&]{1,9}|[A-Z][\w.'’ -]{3,60}?)\s*\)"
        found = re.match(pattern, text[m.end : m.end + 80]) if m.type != "person" else None
        if not found or m.nominal:
            continue
        inner = found.group(1)
        short, long = sorted((inner, m.text), key=len)
        letters = [c for c in short if c.isalpha()]
        caps = iter([w[0] for w in long.split() if w[:1].isupper()])
        if not letters or not "".join(letters).isupper() or letters[0] != next(caps, ""):
            continue
        if len(long.split()) < 2 or not all(c in caps for c in letters[1:]):
            continue
        s, e = m.end + found.start(1), m.end + found.end(1)
        if (s, e) in at:
            out[at[(s, e)]] = replace(out[at[(s, e)]], same_as=m.text)
        else:
            out.append(Mention(s, e, inner, m.type, m.label, same_as=m.text))
    return out


# --- what is not the story ------------------------------------------------------------------


def _blocked(text: str) -> list[tuple[int, int]]:
    """Character ranges that name no one of the story: bylines, credits, comments."""
    out: list[tuple[int, int]] = []
    pos, previous = 0, (0, 0)
    for line in text.split("\n"):
        start, end, body = pos, pos + len(line), line.strip()
        pos = end + 1
        if not body:
            continue
        if _COMMENTS.match(body):
            out.append((start, len(text)))
            break
        stamp = len(body.split()) <= 10 and _TIMESTAMP.search(body)
        if (
            stamp
            or _BLOCK_PARAGRAPH.search(body)
            or _BLOCK_NAMED.search(body)
            or (body.isupper() and len(body.split()) <= 8)
        ):
            out.append((start, end))
            if stamp and len(text[previous[0] : previous[1]].split()) <= 4:
                out.append(previous)  # the commenter's name above the time stamp
        dateline = DATELINE.match(line.lstrip() + " ")
        lead = dateline.group() if dateline else ""  # "JERUSALEM (AP) - ", not "PENCE: "
        if "(" in lead or (lead and lead.split()[0].isupper() and not lead.rstrip().endswith(":")):
            out.append((start, start + len(line) - len(line.lstrip()) + len(lead)))
        out += [(start + m.start(), start + m.end()) for m in _BLOCK_INLINE.finditer(line)]
        previous = (start, end)
    return out


def _is_blocked(blocked: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in blocked)


# --- the story ------------------------------------------------------------------------------


def _words(name: str) -> list[str]:
    return list(_word_tuple(name))


@lru_cache(maxsize=65536)
def _word_tuple(name: str) -> tuple[str, ...]:
    return tuple(_norm(name).replace("'", "").split())


def _short_fits(short: str, full: str) -> bool:
    """True when a shorter name may stand for a full one: its last words ("Kerry", "Tayyip
    Erdogan", "Sisi" of "Abdel Fattah al-Sisi") or its first word ("Ban" of "Ban Ki-moon")."""
    s, f = _words(short), _words(full)
    return 0 < len(s) < len(f) and (f[-len(s) :] == s or (len(s) == 1 and s[0] == f[0]))


def _same_person(a: list[str], b: list[str], same_article: bool) -> bool:
    """Two full names of one person: same last word and first word (or its initial), one the
    tail of the other, or (across articles only: an article spells a name one way) a variant
    spelling of the first word ("Benjamin" / "Binyamin")."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    x, y = a[0], b[0]
    if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    if a[-len(b) :] == b or b[-len(a) :] == a:
        return True
    similar = x[0] == y[0] and min(len(x), len(y)) >= 5
    return not same_article and similar and SequenceMatcher(None, x, y).ratio() >= 0.7


def _group_full_names(names: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(article id, full name) -> the first full name of the same person (union-find)."""
    parent = {key: key for key in names}

    def find(k: tuple[str, str]) -> tuple[str, str]:
        while parent[k] != k:
            parent[k] = k = parent[parent[k]]
        return k

    for i, a in enumerate(names):
        for b in names[:i]:
            if _same_person(_words(a[1]), _words(b[1]), a[0] == b[0]):
                parent[find(a)] = find(b)
    firsts: dict[tuple[str, str], str] = {}
    for key in names:
        firsts.setdefault(find(key), key[1])
    return {key: firsts[find(key)] for key in names}


def merge_entities(per_article_mentions: Mapping[str, Sequence[Mention]]) -> list[Entity]:
    """The entities of a story from its articles' mentions (article id -> mentions, in
    article order).

    * People: full names of one person merge (:func:`_same_person`). A shorter name
      ("Kerry", "Mr Kerry") joins the full name it fits in its own article when only one fits
      there, else the one full name of the story it fits; when two fit ("Smith" beside John
      and Mary Smith) it is an entity of its own. A one-word ORG that is a surname of the
      story is that person. A nominal reference joins the person it refers to.
    * Organisations and places merge on their normalised name ("U.N." = "UN"), on
      :data:`KNOWN_ACRONYMS` ("UN" = "United Nations") and on acronyms the text introduces
      ("Israel Defense Forces (IDF)"); the type is the most frequent one.

    Entities come most-mentioned first, then by first mention; ``id`` is "e-" and the slug
    of the name, numbered when two names share a slug.
    """
    occ = [(aid, m) for aid, ms in per_article_mentions.items() for m in ms]
    full = list(
        dict.fromkeys(
            (aid, m.text)
            for aid, m in occ
            if m.type == "person" and not m.nominal and len(_words(m.text)) > 1
        )
    )
    person_of = _group_full_names(full)
    pairs = {_norm(m.text): _norm(m.same_as) for _, m in occ if m.same_as and not m.nominal}
    surnames = {_words(n)[-1] for _, n in full}
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, (aid, m) in enumerate(occ):
        words = _words(m.text)
        if m.type == "person" or (m.label == "ORG" and len(words) == 1 and words[0] in surnames):
            name = m.same_as if m.nominal and m.same_as else m.text
            groups[("person", _person_key(aid, name, full, person_of))].append(k)
        else:
            groups[("thing", pairs.get(_norm(m.text), _norm(m.text)))].append(k)
    drafts: list[tuple[int, int, Entity]] = []
    for (kind, _), ks in groups.items():
        ms = [occ[k][1] for k in ks]
        names = [m.text for m in ms if not m.nominal]
        if not names:
            continue
        count = Counter(names)
        name = max(count, key=lambda s: (len(s.split()), count[s], -names.index(s)))
        types = Counter("person" if kind == "person" else m.type for m in ms if not m.nominal)
        roles: list[str] = []
        for m in ms:
            if m.role and not any(_same_role(m.role, r) for r in roles):
                roles.append(m.role)
        entity = Entity(
            "",
            name,
            types.most_common(1)[0][0],
            tuple(roles),
            tuple(n for n in dict.fromkeys(names) if n != name),
            tuple(Citation(occ[k][0], occ[k][1].start, occ[k][1].end) for k in ks),
            tuple(dict.fromkeys(m.text for m in ms if m.nominal)),
        )
        drafts.append((-len(ks), ks[0], entity))
    out, taken = [], Counter[str]()
    for _, _, entity in sorted(drafts, key=lambda d: d[:2]):
        slug = "e-" + (_slug(entity.name) or "entity")
        taken[slug] += 1
        out.append(replace(entity, id=slug if taken[slug] == 1 else f"{slug}-{taken[slug]}"))
    return out


def _same_role(a: str, b: str) -> bool:
    """'Israel’s Prime Minister' and 'Israeli Prime Minister' are one role."""
    return _norm(a) == _norm(b) or (role_matches(a, b) and role_matches(b, a))


def _person_key(aid: str, name: str, full: list[tuple[str, str]], person_of: dict) -> str:
    if (aid, name) in person_of:
        return person_of[(aid, name)]
    here = {person_of[(a, n)] for a, n in full if a == aid and _short_fits(name, n)}
    if not here:
        here = {person_of[(a, n)] for a, n in full if _short_fits(name, n)}
    return here.pop() if len(here) == 1 else "?" + _norm(name)  # none or two fit: apart


def _slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


class _SpeakerIndex:
    """Entities by normalised name and alias, and by where they are mentioned."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.by_name: dict[str, list[Entity]] = {}
        self.at: dict[str, list[tuple[int, int, Entity]]] = {}
        for e in entities:
            for n in dict.fromkeys(_norm(x) for x in (e.name, *e.aliases)):
                self.by_name.setdefault(n, []).append(e)
            for c in e.mentions:
                self.at.setdefault(c.article_id, []).append((c.start, c.end, e))

    def inside(self, article_id: str, start: int, end: int) -> list[Entity]:
        return [e for s, t, e in self.at.get(article_id, ()) if start <= s and t <= end]

    def named(self, name: str, inside: Sequence[Entity]) -> Entity | None:
        """The entity called ``name``; of several, one of ``inside``, else the first."""
        found = self.by_name.get(_norm(name), []) if name else []
        here = [e for e in found if e in inside]
        return next(iter(here or found), None)


def entity_for(
    entities: Sequence[Entity],
    name: str | None,
    *,
    article_id: str = "",
    start: int = 0,
    end: int = 0,
) -> Entity | None:
    """The entity a quote's speaker is: the one whose name or alias is ``name`` (the quote's
    ``speaker_name``); of several ("Smith"), the one mentioned within ``[start, end)`` of the
    article, else the first. ``None`` for an anonymous or unknown speaker."""
    index = _SpeakerIndex(entities)
    return index.named(name or "", index.inside(article_id, start, end))


def speaker_entities(
    entities: Sequence[Entity], quotes: Sequence[tuple[str, Any]]
) -> tuple[str | None, ...]:
    """The entity id of each ``(article id, quote)``'s speaker, or ``None``.

    By name first (as :func:`entity_for`, the speaker's words telling apart entities of one
    name); else, for a resolved name written with a title ("harbour master Ines Calloway"),
    the person named inside the speaker's words. An anonymous source ("a senior official
    travelling with Kerry") has no resolved name, so it never borrows an entity.
    """
    index = _SpeakerIndex(entities)
    out: list[str | None] = []
    for article_id, q in quotes:
        if not q.speaker_name:
            out.append(None)
            continue
        start, end = (q.speaker.start, q.speaker.end) if q.speaker else (0, 0)
        inside = index.inside(article_id, start, end)
        found = index.named(q.speaker_name, inside)
        if found is None:
            found = next((e for e in inside if e.type == "person"), None)
        out.append(found.id if found else None)
    return tuple(out)


def entities_json(entities: Sequence[Entity]) -> list[dict[str, Any]]:
    """The ``entities`` of ``briefing.json``: id, name, type, roles, aliases, descriptions and
    mentions (``article_id``, ``start``, ``end``)."""
    return [
        {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(e).items()} for e in entities
    ]
