"""Whether a "person" the recogniser found is one: the evidence against it and for it.

spaCy labels many names PERSON that a reader sees at once are not people: a storm ("Storm
Idris"), a street or a pass ("Ferry Lane", "Varden Pass"), a team ("Browns"), a film in
quotation marks ("“Mary Poppins”"), a page's menu words ("Golf", "Privacy Policy"). The
evidence against a person is read from the name and the text around it:

* a **type word** in the name: a weather system before it ("Storm", "Hurricane"), a kind of
  place after it ("Lane", "Pass", "Valley") or before it ("Mount", "Lake"), or a kind of place
  in lower case right after it ("the Varden Pass road");
* the **same name labelled otherwise** elsewhere in the text (a place, an organisation, a work
  or a product) where no mention of it has a person's evidence;
* a **title in quotation marks** ("“Mary Poppins”"), or an apposition that says what kind of
  work it is ("the film Mary Poppins");
* a **team**: one word in the plural ("Browns", "Steelers") that is nobody's surname;
* a **country or a province** by name (ISO 3166 through ``pycountry``: "Madagascar",
  "Punjab") that is no first name or surname;
* **common words**: a name whose last word is a common English word (wordfreq) and no
  first name or surname (the US Census lists of the ``names`` package); a one-word name only
  at the head of a sentence, on a short line (a menu: "Golf") or where no one stands ("on
  Twitter"), not "met Ban".

The evidence for a person outweighs a type word or another label: a known first name as the
first word of a longer name ("Nathan Lane"), a role, or being the surname of a person the
text names in full ("Jordan" beside "Michael Jordan").

>>> from storydesk.nlp import load_pipeline
>>> text = "A man died when his house on Ferry Lane collapsed during Storm Idris."
>>> doc = load_pipeline()(text)
>>> [(e.text, not_a_person(doc, list(e), frozenset())) for e in doc.ents if e.label_ == "PERSON"]
[('Ferry Lane', 'place'), ('Storm Idris', 'drop')]
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import IS_ALPHA, IS_TITLE, LOWER, POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from ..doctext import doc_text, token_attr, tokens_with
from ..quotes import SPEECH_VERBS
from ..quotes.firstnames import first_name_gender, is_surname
from .vocabulary import _COMPANY_ENDS, _ORG_HEADS, _OUTLET_HEADS, _PLACE_NOUNS, _set

# Words before a name that make it a weather system or an event, not a person.
_WEATHER = _set("storm hurricane cyclone typhoon tornado superstorm tropical")
# Words that end a place's name ("Ferry Lane", "Varden Pass", "Sallow Valley") ...
_PLACE_ENDS = _set(
    """lane street st road rd avenue ave boulevard drive way pass valley river bridge bay lake
    mountain mountains hill hills park square island islands creek canyon beach harbour harbor
    coast forest gorge ridge peak heights gardens crescent terrace plaza quay wharf reservoir
    dam falls glacier desert strait channel peninsula airport station stadium arena district
    county province"""
)
# ... or begin it ("Mount Kenya", "Lake Como", "River Sallow", "Port Averly").
_PLACE_STARTS = _set("mount mt lake river port fort cape isle gulf strait sierra")
# A place's last word, or a kind of place: the word after a name the text gives a place.
_PLACE_WORDS = _PLACE_ENDS | _PLACE_NOUNS
# What an apposition calls a work or a product ("the film Mary Poppins").
_WORK_NOUNS = _set(
    """film movie book novel song album single series show musical play opera ballet
    character sequel franchise game video painting poem documentary podcast brand app"""
)
# Labels of the same name elsewhere that say what it is, and the kind they make it.
_OTHER_LABELS = {
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organization",
    "WORK_OF_ART": "drop",
    "PRODUCT": "drop",
    "EVENT": "drop",
}
# A word at least this common in English (wordfreq's Zipf scale: 4 is once in 100,000
# words) that is no first name or surname is a word, not a name ("Golf", "Privacy").
COMMON_ZIPF = 4.0
# Double quotation marks only: headlines put a name in single ones to quote it ("after
# 'Kylie Jenner' makeover").
_QUOTES_OPEN = '"“«'
_QUOTES_CLOSE = '"”»'


@lru_cache(maxsize=4)
def _census(filename: str) -> frozenset[str]:
    """The names (lower case) of one US Census list shipped by the ``names`` package."""
    text = (importlib.resources.files("names") / filename).read_text(encoding="ascii")
    return frozenset(line.split()[0].lower() for line in text.splitlines() if line.split())


def is_first_name(word: str) -> bool:
    """``word`` is on the Census lists of first names, of either sex ("Mary", "Mason",
    "Jordan")."""
    w = word.lower()
    return w in _census("dist.male.first") or w in _census("dist.female.first")


def is_last_name(word: str) -> bool:
    """``word`` is on the Census list of last names, borne by at least a trace of the
    population ("Brown", "Lane"; not the rare "Browns")."""
    return is_surname(word)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Names of countries and of their first-level parts (states, provinces, regions) in
    ISO 3166 (the ``pycountry`` package), lower case and without accents: "madagascar",
    "punjab", "san luis potosi"."""
    import pycountry

    out: set[str] = set()
    for c in pycountry.countries:
        out.update(getattr(c, k) for k in ("name", "common_name", "official_name") if hasattr(c, k))
    out.update(s.name for s in pycountry.subdivisions)
    return frozenset(_folded(n) for n in out)


def _folded(name: str) -> str:
    """Lower case without accents: "San Luis Potosí" and "San Luis Potosi" are one name."""
    return unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()


def is_place_name(name: str) -> bool:
    """``name`` is a country's or a country's first-level part's name and no one's first
    name or surname ("Madagascar", "Punjab"; not "Georgia", "Jordan", "Kent")."""
    words = name.split()
    return (
        bool(words)
        and _folded(name) in _place_names()
        and not is_first_name(words[0])
        and not is_last_name(words[-1])
    )


def _common_word(word: str) -> bool:
    w = word.lower()
    return (
        w.isalpha()
        and zipf_frequency(w, "en") >= COMMON_ZIPF
        and not is_first_name(w)
        and not is_last_name(w)
    )


def not_a_person(
    doc: Doc,
    toks: Sequence[Token],
    surnames: frozenset[str],
    role: str | None = None,
    seen: TextEvidence | None = None,
    *,
    person_role: bool | None = None,
) -> str | None:
    """What a "person" of ``toks`` (its cleaned name tokens) is when the evidence is
    against a person: ``"place"``, ``"organization"`` or ``"drop"`` (no entity: a storm, a
    work, menu words); ``None`` when it may be a person. ``surnames`` are the first and last
    words of the full person names of the text (their evidence is for a person); ``role``
    the role the text gives the name; ``seen`` what :func:`text_evidence` reads of ``doc``
    (once per text); ``person_role`` whether that role is one a person has (a title, a
    person's noun: "spokesman", not "the big chains [Brackwell]"), when the caller knows:
    only such a role is evidence for a person (by default any role is)."""
    seen = seen if seen is not None else text_evidence(doc)
    words = [t.text for t in toks]
    lower = [w.lower() for w in words]
    single = len(words) == 1
    if lower[0] in _WEATHER and not single:
        return "drop"
    if (role is not None and _work_role(role)) or _in_quotation_marks(doc, toks):
        return "drop"
    if seen.team(words[-1]):
        return "organization"  # a team or a group: "the Browns", "Cleveland Browns"
    if person_role is None:
        person_role = role is not None
    if person_role or (single and words[0] in surnames):
        return None
    first_name = not single and is_first_name(words[0])
    name = doc_text(doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    other, others, persons = seen.labels.get(name, (None, 0, 0))
    if other is not None and (others > persons or (others == persons and not first_name)):
        return other  # "Varden" a place elsewhere, "Cleveland Browns" an organisation
    if first_name:
        return None  # "Nathan Lane", "Mary Poppins" outside quotation marks
    if name in seen.with_organisations:
        return "organization"  # "the chains Brackwell and Halden Media"
    if is_place_name(name):
        return "place"  # "Madagascar's farmers", labelled PERSON and nothing else
    if (
        single
        and words[0] in seen.before_place
        and not is_first_name(words[0])
        and not is_last_name(words[0])
    ):
        return "place"  # "Varden" where the text also writes "Varden Pass"
    after = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    if not single and (
        lower[-1] in _PLACE_ENDS
        or lower[0] in _PLACE_STARTS
        or (after is not None and after.is_lower and after.lower_ in _PLACE_NOUNS)
    ):
        return "place"  # "Ferry Lane", "Lake Orla", "the Varden Pass road"
    if words[-1][:1].isalpha() and _common_word(words[-1]) and (not single or _thing(toks[0])):
        return "drop"  # "Golf", "Privacy Policy", "Skratch Golf", "on Twitter"; not "met Ban"
    return None


# Where a one-word name stands as someone does: the subject or object of a verb, an owner.
_ACTOR_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "iobj", "dative", "poss", "agent"))


def _thing(tok: Token) -> bool:
    """A one-word name that is also a common word reads as a thing: at the head of a sentence
    or on a short line (a menu, a heading), or inside a sentence where no one stands ("on
    Twitter", "films such as Alien", "(Turquoise, Yellow or Gray)"), not "met Ban"."""
    return _heading(tok) or tok.dep_ not in _ACTOR_DEPS


def _heading(tok: Token) -> bool:
    """A word that starts its sentence or stands on a short line (a menu, a heading)."""
    text = doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    line = text[start : end if end >= 0 else len(text)]
    return tok.is_sent_start or len(line.split()) <= 4


def _work_role(role: str) -> bool:
    """An apposition that says the name is a work: "film", "the 1964 film"."""
    words = re.findall(r"[a-z]+", role.lower())
    return bool(words) and words[-1] in _WORK_NOUNS


def _in_quotation_marks(doc: Doc, toks: Sequence[Token]) -> bool:
    """The name stands alone between quotation marks, a full stop or comma allowed before
    the closing one: a title ("“Mary Poppins” and “Bambi.”"), not a nickname in a name."""
    text = doc_text(doc)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if start == 0 or text[start - 1] not in _QUOTES_OPEN:
        return False
    after = text[end : end + 2]
    return after[:1] in _QUOTES_CLOSE or (after[:1] in ",." and after[1:2] in _QUOTES_CLOSE)


@dataclass(frozen=True, slots=True)
class TextEvidence:
    """What the whole text says about its names: ``labels`` maps a name to the kind the
    recogniser gives it where it calls it no person, with how often it does and how often it
    labels it PERSON; ``after_the`` holds the capitalised words the text writes right after
    "the" as a noun phrase's last word ("the Browns", not "the Jones family");
    ``before_place`` the capitalised words it writes right before a kind of place ("Varden"
    of "Varden Pass", "the Varden valley"); ``with_organisations`` the names labelled PERSON
    that it lists with organisations (:func:`_listed_with_organisations`)."""

    labels: dict[str, tuple[str, int, int]]
    after_the: frozenset[str]
    before_place: frozenset[str] = frozenset()
    with_organisations: frozenset[str] = frozenset()

    def team(self, word: str) -> bool:
        """A word in the plural the text writes after "the": a team or a group ("Browns")."""
        return word.endswith("s") and word in self.after_the


def text_evidence(doc: Doc) -> TextEvidence:
    """Read :class:`TextEvidence` from a parse ("the" and a possessive left out of the
    names)."""
    counts: dict[str, Counter[str]] = {}
    for ent in doc.ents:
        if ent.label_ in _OTHER_LABELS or ent.label_ == "PERSON":
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            text = re.sub(r"['’]s?$", "", text.strip())  # "NBS’s"
            kind = _OTHER_LABELS.get(ent.label_, "person")
            counts.setdefault(text, Counter())[kind] += 1
    labels = {}
    for name, kinds in counts.items():
        persons = kinds.pop("person", 0)
        if kinds:
            kind = kinds.most_common(1)[0][0]
            labels[name] = (kind, sum(kinds.values()), persons)
    # read from the parse's arrays, not token by token:
    # after_the: t.is_title and doc[t.i - 1].lower_ == "the" and the next token (if any) is
    # no NOUN or PROPN; before_place: t.is_title and t.is_alpha and the next token's lower_
    # is one of _PLACE_WORDS
    title = token_attr(doc, IS_TITLE).astype(bool)
    pos = token_attr(doc, POS)
    follows_the = np.zeros(len(doc), dtype=bool)
    follows_the[1:] = token_attr(doc, LOWER)[:-1] == doc.vocab.strings["the"]
    noun_next = np.zeros(len(doc), dtype=bool)
    noun_next[:-1] = (pos[1:] == NOUN) | (pos[1:] == PROPN)
    after_the = frozenset(
        doc[i].text for i in np.flatnonzero(title & follows_the & ~noun_next).tolist()
    )
    alpha = token_attr(doc, IS_ALPHA)
    before_place = frozenset(
        doc[i - 1].text
        for i in tokens_with(doc, LOWER, _PLACE_WORDS)
        if i > 0 and title[i - 1] and alpha[i - 1]
    )
    return TextEvidence(labels, after_the, before_place, _listed_with_organisations(doc))


def _listed_with_organisations(doc: Doc) -> frozenset[str]:
    """The names the recogniser calls people that the text lists with organisations, as one
    of a coordination whose other members it calls ORG ("the chains Brackwell and Halden
    Media", "chose Orvik, Brightwater Aerospace and Norcastle Robotics") and none PERSON (in
    "Justin Vale, Demi Rusk and Ariana Pell" the one ORG is the recogniser's slip): companies,
    unless the name has a person's evidence (:func:`not_a_person` weighs that first)."""
    out = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        root = ent.root
        listed = list(root.conjuncts)
        if root.dep_ == "appos":  # "Justin Vale, Demi Rusk and Ariana Pell" parsed as appositions
            listed += [root.head, *root.head.conjuncts]
        listed += [c for c in root.children if c.dep_ == "appos"]
        kinds = {t.ent_type_ for t in listed}
        if "ORG" in kinds and "PERSON" not in kinds:
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            out.add(re.sub(r"['’]s?$", "", text.strip()))
    return frozenset(out)


def speaks_as_a_person(ent: Span) -> bool:
    """A name the recogniser took for a facility, a place or a thing that says something as
    a person does: two or three capitalised words, the first a first name of one sex, the
    subject of a verb of saying ("Harbour master Ines Calloway said", Calloway labelled
    FAC). An ORG is left alone ("Philip Morris said")."""
    words = [t for t in ent if not t.is_punct]
    root = ent.root
    return (
        ent.label_ != "ORG"
        and 2 <= len(words) <= 3
        and all(t.is_title and t.pos_ == "PROPN" for t in words)
        and first_name_gender(words[0].text) is not None
        and root.dep_ == "nsubj"
        and root.head.lemma_.lower() in SPEECH_VERBS
    )


# Relative pronouns only a person takes ("Delmar Quist, who represents the guard"); an
# organisation takes "which" or "that".
_WHO = frozenset(("who", "whom"))


def described_with_who(ent: Span) -> bool:
    """A name of two or three capitalised words, no organisation's or company's word among
    them, that a relative clause with "who" describes: a person the recogniser took for an
    organisation or a place ("Delmar Quist, who represents the guard, said ..."). Not a
    people or a description ("a fellow Republican, who ...", "all Americans who ..."), nor
    a place someone is from ("a couple from Airdrie who ...")."""
    words = [t for t in ent if not t.is_punct]
    heads = _ORG_HEADS | _COMPANY_ENDS | _OUTLET_HEADS
    root = ent.root
    return (
        2 <= len(words) <= 3
        and ent.label_ != "NORP"
        and root.dep_ != "pobj"
        and not any(c.dep_ in ("det", "amod", "poss") for c in root.children)
        and all(t.is_title and t.is_alpha and t.lower_ not in heads for t in words)
        and any(
            c.dep_ == "relcl"
            and any(w.lower_ in _WHO and w.dep_.startswith("nsubj") for w in c.children)
            for c in ent.root.children
        )
    )
