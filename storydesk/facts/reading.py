"""What a number counts, read from the parse: the counted noun, what happened to it, and
whether it is the value of a toll or total."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..timeline import words
from .amounts import _CURRENCY_WORDS, _SCALES
from .verbs import _CASUALTY_NOUNS, _PEOPLE_CLASSES, VERB_CLASSES, _participle, _phrasal

# The noun a number is the value of: "the death toll rose to 798".
_MEASURE_NOUNS = words("toll tally total number count figure sum")
_TOTAL_WORDS = words("toll tally total overall cumulative altogether")
_PEOPLE = words("people persons individuals person victims residents inhabitants")
_SKIP_MODIFIERS = words(
    "more other further additional new latest least most some many few several such same total"
)


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _who(noun: Token) -> str:
    """The counted noun with the modifiers that change what it counts ("Israeli soldiers")."""
    lemma = noun.lemma_.lower()
    if lemma in _PEOPLE or noun.lower_ in _PEOPLE:
        return "people"
    mods = [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod")
        and c.i < noun.i
        and c.lower_ not in _SKIP_MODIFIERS
        and (c.ent_type_ in ("NORP", "ORG", "GPE") or c.pos_ in ("NOUN", "PROPN"))
        and not c.like_num
        and c.lower_ not in _SCALES  # "50 lakh masks" count masks
    ]
    return " ".join([*(m.text for m in mods), noun.text])


def _casualty(token: Token) -> str | None:
    return _CASUALTY_NOUNS.get(token.lemma_.lower()) or _CASUALTY_NOUNS.get(token.lower_)


def _of_object(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def _verb_of(noun: Token) -> Token | None:
    """The verb a noun is the subject or object of, or a participle that modifies it; a
    casualty verb first ("killed 40 Palestinians seeking shelter": killed, not sought)."""
    x = _first_conjunct(noun)
    if (
        x.dep_ in ("nsubj", "nsubjpass", "dobj")
        and x.head.pos_ == "VERB"
        and x.head.lemma_.lower() in VERB_CLASSES
    ):
        return x.head
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.tag_ in ("VBN", "VBD", "VBG"):
            return c
    if x.dep_ in ("nsubj", "nsubjpass", "dobj") and x.head.pos_ in ("VERB", "AUX"):
        return x.head
    return None


@dataclass(frozen=True, slots=True)
class _Reading:
    who: str | None
    verb: str | None
    noun: Token | None
    total: bool
    predicate: Token | None
    # The counted thing is only a pronoun ("killed four of them"): what it counts is unknown.
    vague: bool = False


def _measure(noun: Token) -> _Reading:
    """What "the death toll", "the number of reservists called up" measure."""
    lemma = noun.lemma_.lower()
    compounds = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
    if lemma == "toll":
        verb = "killed"
        for c in compounds:
            verb = VERB_CLASSES.get(c, _CASUALTY_NOUNS.get(c, verb))
        return _Reading("people", verb, None, True, None)
    inner = _of_object(noun)
    if inner is None:
        return _Reading(None, None, None, lemma in _TOTAL_WORDS, None)
    kind = _casualty(inner)
    if kind:
        return _Reading("people", kind, None, True, None)
    participle = _verb_of(inner) or next(
        (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None
    )
    return _Reading(
        _who(inner),
        _phrasal(participle) if participle is not None else None,
        inner,
        True,
        participle,
    )


def _measure_above(token: Token, steps: int = 4) -> Token | None:
    """A toll or total the token hangs under: "the number of terrorists killed at ..."."""
    for _ in range(steps):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in _MEASURE_NOUNS:
            return token
    return None


def _is_unit_word(token: Token) -> bool:
    low = token.lower_
    return low in ("%", "percent", "per") or low.rstrip(".") in _SCALES or low in _CURRENCY_WORDS


def _read(number: Token) -> _Reading | None:
    """What the number token counts: the counted noun and what happened to it."""
    head = number.head
    counted: Token | None = None
    anchor = number
    if number.dep_ in ("nummod", "quantmod", "compound", "amod") and head.i > number.i:
        if _is_unit_word(head):
            anchor = head  # "9.5%", "$57m": the unit stands where the number does
        elif (head.pos_ in ("NOUN", "PROPN") or head.ent_type_ == "NORP") and not any(
            t.tag_ in ("DT", "PDT") for t in number.doc[number.i + 1 : head.i]
        ):
            counted = head  # never across "the": "expand by five the pool" counts no pool
        elif head.like_num and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            counted = head.head  # "1.8 million people"
    x = _first_conjunct(counted if counted is not None else anchor)
    if counted is not None:
        kind = _casualty(counted)
        if kind:
            return _Reading("people", kind, counted, False, _verb_of(counted))
        if counted.lemma_.lower() in _MEASURE_NOUNS:
            return None
    # The number is the value of a toll or total: "the toll rose to 798", "a toll of 798",
    # "put the number of terrorists killed at around 1,000", "the toll hit 572 Palestinians".
    if x.dep_ == "pobj":
        prep = x.head
        if prep.head.pos_ in ("NOUN", "PROPN") and prep.head.lemma_.lower() in _MEASURE_NOUNS:
            return _merge_counted(_measure(prep.head), counted)
        if prep.lower_ == "of" and prep.head.lemma_.lower() in ("life", "live"):
            verb = prep.head.head if prep.head.dep_ == "dobj" else None
            return _Reading(_who(counted) if counted else "people", "killed", counted, False, verb)
        # ("up" when the parser makes "called up to 86,000" a phrase; never "by": a change.)
        if prep.head.pos_ in ("VERB", "AUX") and prep.lower_ in ("to", "at", "of", "up"):
            for c in prep.head.children:
                if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_.lower() in _MEASURE_NOUNS:
                    return _merge_counted(_measure(c), counted, prep.head)
            above = _measure_above(prep.head)
            if above is not None:
                return _merge_counted(_measure(above), counted, prep.head)
    if x.dep_ in ("dobj", "attr") and x.head.pos_ in ("VERB", "AUX"):
        for c in x.head.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _MEASURE_NOUNS:
                return _merge_counted(_measure(c), counted, x.head)
        if x.head.dep_ in ("acl", "relcl") and x.head.head.lemma_.lower() in _MEASURE_NOUNS:
            return _merge_counted(_measure(x.head.head), counted, x.head)
    if counted is not None:
        verb = _verb_of(counted)
        return _Reading(
            _who(counted), _participle(verb) if verb is not None else None, counted, False, verb
        )
    # A bare number (or amount) as subject, object or complement of a verb.
    predicate = None
    if x.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod") and x.head.pos_ in (
        "VERB",
        "AUX",
    ):
        predicate = x.head
    elif x.dep_ == "pobj" and x.head.lower_ in ("to", "at", "by") and x.head.head.pos_ == "VERB":
        predicate = x.head.head
    if predicate is None:
        # "with more than 2.5 million of these deaths": some of a toll told elsewhere.
        part = _partitive(x)
        kind = _casualty(part) if part is not None and part.pos_ != "PRON" else None
        return _Reading("people", kind, part, False, None, vague=True) if kind else None
    word = _participle(predicate)
    part = _partitive(x)
    if part is not None:
        # "three of the four soldiers died" counts soldiers, but only some of them, and
        # "killed four of them" counts someone named elsewhere: neither is comparable.
        if part.pos_ == "PRON":
            return _Reading(None, word, None, False, predicate, vague=True)
        kind = _casualty(part)
        who = "people" if kind else _who(part)
        return _Reading(who, word or kind, part, False, predicate, vague=True)
    if x.dep_ in ("nsubj", "nsubjpass") and word in _PEOPLE_CLASSES:
        return _Reading("people", word, None, False, predicate)  # "at least 20 were killed"
    subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if x.dep_ == "pobj" and subject is not None and subject.pos_ in ("NOUN", "PROPN"):
        return _Reading(subject.lower_, None, None, False, predicate)  # "unemployment rose to 9%"
    return _Reading(None, word, None, False, predicate)  # "promised more than $4.4 billion"


def _partitive(number: Token) -> Token | None:
    """The plural noun or pronoun of "three of the four soldiers", "four of them"."""
    for c in number.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj" and (o.pos_ == "PRON" or o.tag_ in ("NNS", "NNPS")):
                    return o
    return None


def _demonym_plural(token: Token) -> str:
    word = token.text
    return word + "s" if word[-1:] in ("n", "i") else word


# ", many of them Palestinian civilians": words between a figure and the people it counts.
_APPOSITION_WORDS = words("many most all nearly almost mostly of them including")


def _side(number: Token) -> str | None:
    """The people an unqualified toll counts when the text says so right after the figure:
    "the death toll rose to 798, many of them Palestinian civilians" -> "Palestinians".
    Read from the words beside the figure (parses attach such an apposition anywhere),
    never from a people named elsewhere in the sentence ("as Israeli strikes went on")."""
    doc = number.doc
    i = number.i + 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    while i < len(doc) and doc[i].lower_ in _APPOSITION_WORDS:
        i += 1
    peoples = set()
    while i < len(doc) and doc[i].ent_type_ == "NORP":
        peoples.add(_demonym_plural(doc[i]))
        i += 1
    return peoples.pop() if len(peoples) == 1 else None


def _merge_counted(r: _Reading, counted: Token | None, predicate: Token | None = None) -> _Reading:
    """A toll's value with its own noun: "the toll hit 572 Palestinians" -> Palestinians."""
    who = _who(counted) if counted is not None and r.who in (None, "people") else r.who
    return _Reading(who, r.verb, counted or r.noun, r.total, r.predicate or predicate)
