"""What story clustering and near-duplicate detection see of an article.

Computed once from the parsed article and stored, so later runs never re-parse:

* a sparse, L2-normalised vector over hashed features: content words weighted by
  sublinear term frequency times a *background* inverse document frequency from
  ``wordfreq`` (so a word's weight never depends on which other articles are in the batch,
  which keeps clustering stable as the store grows), and named entities (people,
  organisations, places, events), which weigh more: who and where tell events apart;
* a MinHash signature of the article's word 3-gram shingles (datasketch), for near-duplicates;
* the text's embedding (:mod:`storydesk.embed`) when the model is installed.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash
from sklearn.utils import murmurhash3_32
from spacy.attrs import IS_ALPHA, IS_STOP, LENGTH, LOWER
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from wordfreq import zipf_frequency

from .clean import DATELINE
from .dating import MONTHS
from .doctext import doc_text
from .embed import embed
from .model import Features

DIM = 1 << 20
NUM_PERM = 128
SHINGLE = 3
MINHASH_SEED = 7
MINHASH_SCHEME = "affine32"
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})
_PUNCT_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=200_000)
def idf(word: str) -> float:
    """Background rarity of a word: 8 minus its Zipf frequency, clipped to [1, 8].

    >>> idf("the") < idf("ceasefire") < idf("averly")
    True
    """
    return min(8.0, max(1.0, 8.0 - zipf_frequency(word, "en")))


def _bucket(feature: str) -> int:
    return int(murmurhash3_32(feature, seed=0, positive=True)) % DIM


def _entity_forms(text: str, label: str) -> list[str]:
    name = _POSSESSIVE.sub("", _PUNCT_EDGE.sub("", text.lower()))
    name = re.sub(r"^the\s+", "", name)
    if not name:
        return []
    forms = [name]
    parts = name.split()
    # "John Kerry" and "Kerry" are one person; the surname carries the match.
    if label == "PERSON" and len(parts) > 1:
        forms.append(parts[-1])
    return forms


# High offices held by one person at a time. A different holder of the same office, named
# with the same country or body, means a different time, hence a different event.
_OFFICES = (
    "secretary of state",
    "foreign minister",
    "foreign secretary",
    "prime minister",
    "president",
    "secretary-general",
    "secretary general",
    "chancellor",
    "defence minister",
    "defense minister",
    "defense secretary",
    "defence secretary",
    "premier",
    "king",
    "queen",
)
_CALENDAR = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
_NOT_CURRENT = frozenset({"former", "ex", "ex-", "then", "late", "previous", "outgoing", "next"})


def offices_of(doc: Doc, ents: Sequence[SpacySpan] | None = None) -> set[tuple[str, str]]:
    """``(office, surname)`` for every "<Country/Body> <Office> <Person>" in the text.

    >>> from storydesk.nlp import load_pipeline
    >>> offices_of(load_pipeline()("US Secretary of State John Kerry arrived in Cairo."))
    {('us secretary of state', 'kerry')}
    """
    out: set[tuple[str, str]] = set()
    for ent in doc.ents if ents is None else ents:
        if ent.label_ != "PERSON" or ent.start == 0:
            continue
        k = ent.start
        words: list[str] = []
        while k > 0 and len(words) < 7:
            t = doc[k - 1]
            if t.lower_ in _CALENDAR:
                break
            if t.text[:1].isupper() or t.lower_ in {"of", "-"}:
                words.insert(0, t.text)
                k -= 1
            else:
                break
        if k > 0 and doc[k - 1].lower_ in _NOT_CURRENT:
            continue
        role = " ".join(words).lower().replace(".", "").replace(" - ", "-")
        for office in _OFFICES:
            if role.endswith(office) and len(role) > len(office) + 1:
                qualifier = role[: -len(office)].strip()
                if qualifier and qualifier.split()[0] not in _NOT_CURRENT:
                    out.add((f"{qualifier} {office}", ent.text.lower().split()[-1]))
                break
    return out


def words_of(doc: Doc) -> list[str]:
    """Lower-cased content words (no stop words, punctuation, numbers or one-letter tokens)."""
    if not len(doc):
        return []
    # The parse's arrays hold these flags (the ones ``is_alpha`` and ``is_stop`` read): no
    # Token is built for the words left out
    alpha, stop, length, lower = doc.to_array([IS_ALPHA, IS_STOP, LENGTH, LOWER]).T
    kept = np.flatnonzero((alpha != 0) & (stop == 0) & (length > 1))
    strings = doc.vocab.strings
    return [_POSSESSIVE.sub("", strings[h]) for h in lower[kept].tolist()]


def shingles(tokens: Sequence[str], k: int = SHINGLE) -> set[str]:
    """Word k-grams of a token sequence (the whole sequence when it is shorter than k)."""
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


_TOKEN = re.compile(r"\w+")


def dedup_tokens(text: str) -> list[str]:
    """The word sequence near-duplicate detection compares (no tokenizer model needed)."""
    return _TOKEN.findall(text.lower())


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """The MinHash permutations of :data:`MINHASH_SEED`: drawn once, not per article."""
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME).permutations


def signature(text: str) -> tuple[tuple[int, ...], int]:
    """MinHash signature (datasketch, fixed seed) of the text's word 3-gram shingles, and
    how many distinct shingles there are."""
    grams = shingles(dedup_tokens(text))
    m = MinHash(
        num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME, permutations=_permutations()
    )
    m.update_batch([s.encode("utf-8") for s in sorted(grams)])
    return tuple(int(v) for v in m.hashvalues), len(grams)


_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_PLACES = frozenset({"GPE", "LOC", "FAC"})
LEAD_SENTENCES = 2
_AMOUNTS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


def datelines(text: str, end: int) -> list[tuple[int, int]]:
    """Character ranges of the wire datelines that open a line before ``end``: the place a
    report was filed from ("WASHINGTON (Reuters) - ", "Springfield, IL, United States: ").

    >>> datelines("OSTRIA CITY (Meridian Press) - The council met.", 40)
    [(0, 31)]
    """
    out: list[tuple[int, int]] = []
    start = 0
    while start < end:
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        line = text[start:stop]
        body = line.lstrip()
        match = DATELINE.match(body + " ")
        if match:
            at = start + len(line) - len(body)
            out.append((at, min(at + match.end(), stop)))
        start = stop + 1
    return out


def evidence_of(doc: Doc, ents: Sequence[SpacySpan] | None = None) -> dict[str, tuple[int, ...]]:
    """Where, when and how many: hashed places and organisations, numbers of 11 and more or
    with decimals (death tolls, magnitudes; small counts are too common to tell events
    apart), calendar days ("march 14" as "3-14") and the years named (as numbers)."""
    places: set[int] = set()
    orgs: set[int] = set()
    numbers: set[int] = set()
    days: set[int] = set()
    ents = doc.ents if ents is None else ents  # Doc.ents builds its spans anew on each read
    for ent in ents:
        label = ent.label_
        if label in _PLACES or label == "ORG":
            forms = _entity_forms(ent.text, label)
            if forms:
                (places if label in _PLACES else orgs).add(_bucket("E:" + forms[0]))
        elif label == "DATE":
            words = [t.lower_.rstrip(".") for t in ent]
            month = next((MONTHS[w] for w in words if w in MONTHS), None)
            day = next((int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31), None)
            if month and day:
                days.add(_bucket(f"D:{month}-{day}"))
        if label in _AMOUNTS:
            for t in ent:
                if _NUMBER.match(t.text):
                    value = t.text.replace(",", "")
                    if "." in value or int(value) >= 11:
                        numbers.add(_bucket("N:" + value))
    lead: set[int] = set()
    sents = list(itertools.islice(doc.sents, LEAD_SENTENCES))
    end = sents[-1].end if sents else 0
    # The dateline names where the report was filed, not who or where the event is: two
    # stories filed from one capital do not share a lead actor by it. A name before a colon
    # ("PENCE: ") may be a speaker, so a person stays.
    text = doc_text(doc)
    filed = datelines(text, sents[-1].end_char) if sents else []
    for ent in ents:
        if ent.start >= end:
            break
        if ent.label_ in _PLACES or ent.label_ in {"ORG", "PERSON"}:
            name = ent.text
            cut = next((e for s, e in filed if s <= ent.start_char < e), None)
            if cut is not None and ent.label_ != "PERSON":
                # The parser may run a name across the dateline's end ("BERLIN - The Varden
                # Agency" as one organisation): what follows the dateline is kept.
                name = text[cut : ent.end_char] if ent.end_char > cut else ""
            forms = _entity_forms(name, ent.label_)
            if forms:
                lead.add(_bucket("E:" + forms[-1]))
    four = np.flatnonzero(doc.to_array(LENGTH) == 4).tolist() if len(doc) else []
    years = {
        int(w)
        for w in (doc[i].text for i in four)
        if len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2100
    }
    return {
        "places": tuple(sorted(places)),
        "orgs": tuple(sorted(orgs)),
        "numbers": tuple(sorted(numbers)),
        "days": tuple(sorted(days)),
        "years": tuple(sorted(years)),
        "lead": tuple(sorted(lead)),
    }


def features_of(doc: Doc) -> Features:
    """Clustering and near-duplicate features of a parsed article."""
    counts: Counter[int] = Counter()
    rarity: dict[int, float] = {}
    entity: dict[int, bool] = {}
    ents = doc.ents  # built anew on each read: read once for every use below
    for word in words_of(doc):
        b = _bucket(word)
        counts[b] += 1
        rarity[b] = idf(word)
        entity.setdefault(b, False)
    for ent in ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        for form in _entity_forms(ent.text, ent.label_):
            b = _bucket("E:" + form)
            counts[b] += 1
            rarity[b] = max(idf(w) for w in form.split())
            entity[b] = True
    keys = sorted(counts)
    text = doc_text(doc)
    sig, count = signature(text)
    people: Counter[int] = Counter(
        _bucket("E:" + forms[-1])
        for ent in ents
        if ent.label_ == "PERSON" and (forms := _entity_forms(ent.text, "PERSON"))
    )
    return Features(
        indices=tuple(keys),
        tf=tuple(counts[b] for b in keys),
        rarity=tuple(round(rarity[b], 3) for b in keys),
        entity=tuple(entity[b] for b in keys),
        signature=sig,
        shingle_count=count,
        people=tuple(sorted(people.items())),
        offices=tuple(
            sorted((_bucket("O:" + o), _bucket("E:" + s)) for o, s in offices_of(doc, ents))
        ),
        **evidence_of(doc, ents),
        embedding=embed([text])[0],
    )
