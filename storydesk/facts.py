"""Numeric facts: counts and amounts with what they count, and how sources compare.

:func:`extract_facts` is a pure function of an article (cleaned text, publication date) and
its spaCy ``Doc`` (the pipeline of :func:`storydesk.nlp.load_pipeline`, with NER). It
returns :class:`Fact` records whose ``text == article.text[start:end]``.

What is a fact, and what is not:

* **Facts**: numbers the NER labels CARDINAL, MONEY, QUANTITY or PERCENT, and numbers it
  missed that count a noun, written in digits ("572", "86,000", "1.8 million", "$4.4
  billion", "$57m", "20%") or words ("Fifteen", "twenty-seven", "a dozen"), that count or
  measure something the parse names: the noun they count ("572 Palestinians"), the verb
  whose subject or object that is, or the toll or total they are the value of ("the death
  toll rose to 798", "put the number of terrorists killed at around 1,000"). A bare number
  with nothing to say what it counts is not kept.
* **Not facts**: dates, times, durations and ages (NER DATE / TIME: "14-day",
  "72-year-old"; also "aged 72" and "Name, 72,"), ordinals, years, phone numbers and other
  digit groups ("555-1234"), identifiers ("Resolution 1701", "Flight 17"), ranges
  ("20-40,000"), and vague quantities ("dozens", "hundreds of people"): they have no value
  a source could be checked against.
* Percentages are facts with unit ``%``.

Each fact has ``value`` (a number, scaled: "1.8 million" -> 1800000), ``unit`` (a currency
code for money, ``%``, the measure word of a quantity, else the counted noun, ``people`` for
people), ``what`` (the counted thing and what happened to it, normalised for grouping:
"Palestinians killed", "people killed", "rockets fired", "reservists called up"; the
casualty vocabulary kill / die / dead / death toll / lives claimed is all "killed", wound /
injure / hurt "wounded", and so on, see :data:`VERB_CLASSES`), ``qualifier`` ("at least",
"more than", "about", "nearly", "up to", "less than" or ``None``), ``total`` (a running
total: a toll, "so far", "since ...", "the number of ..."), and ``as_of``: the date stated in
the clause ("On Tuesday alone, the conflict claimed the lives of at least 20") resolved with
:func:`storydesk.timeline.find_time_expressions`, else the publication date (``None`` if
the article has none).

:func:`group_facts` compares the facts of a story's articles: see its docstring.

>>> import datetime as dt
>>> from storydesk.model import Article
>>> from storydesk.nlp import load_pipeline
>>> text = "At least 20 people were killed on Tuesday."
>>> a = Article("a", "a.txt", text, published=dt.date(2012, 11, 21))
>>> [(f.text, f.value, f.what, f.qualifier, str(f.as_of))
...  for f in extract_facts(a, load_pipeline()(text))]
[('At least 20 people', 20, 'people killed', 'at least', '2012-11-20')]
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from .doctext import doc_text
from .model import Article
from .timeline import (
    NOT_EVENT_RELATIONS,
    TENS,
    UNITS,
    TimeExpression,
    find_time_expressions,
    governing_verb,
    words,
)

__all__ = ["Fact", "FactGroup", "extract_facts", "facts_json", "group_facts", "parse_amount"]

VERSION = "facts-1"

# Verb (or noun) lemmas -> the participle a fact's ``what`` uses, so that sources that word
# one quantity differently group together.
VERB_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        words("kill die dead death toll fatality slay perish slaughter massacre execute"),
        "killed",
    ),
    **dict.fromkeys(words("wound injure hurt injured wounded casualty"), "wounded"),
    **dict.fromkeys(words("displace flee uproot evacuate homeless"), "displaced"),
    **dict.fromkeys(words("arrest detain jail imprison"), "arrested"),
    **dict.fromkeys(words("fire launch"), "fired"),
    **dict.fromkeys(words("infect"), "infected"),
    **dict.fromkeys(words("pledge promise"), "pledged"),
    **dict.fromkeys(words("missing unaccounted"), "missing"),
}
_CLASS_WORDS = frozenset(VERB_CLASSES.values())
# What happens to people: a bare "at least 20 were killed" counts people.
_PEOPLE_CLASSES = frozenset({"killed", "wounded", "displaced", "arrested", "infected", "missing"})
# Nouns that stand for a casualty count themselves ("798 deaths", "the dead").
_CASUALTY_NOUNS = {
    "death": "killed", "dead": "killed", "fatality": "killed", "life": "killed",
    "body": "killed", "injury": "wounded", "injured": "wounded", "wounded": "wounded",
    "casualty": "casualties",
}  # fmt: skip
# The noun a number is the value of: "the death toll rose to 798".
_MEASURE_NOUNS = words("toll tally total number count figure sum")
_TOTAL_WORDS = words("toll tally total overall cumulative altogether")
_PEOPLE = words("people persons individuals person victims residents inhabitants")
# Leaving or being driven from one's home is being displaced ("11,000 have left their homes").
_HOME_VERBS = words("leave flee force drive chase")
_HOMES = words("home homes house houses")
# The words before a number that qualify it (matched whole, case-insensitive).
_QUALIFIERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"at least|no (?:fewer|less) than|a minimum of", re.I), "at least"),
    (re.compile(r"more than|over|above|upwards of|in excess of|just over", re.I), "more than"),
    (
        re.compile(
            r"about|around|some|approximately|roughly|an estimated|estimated|close to|circa|"
            r"c\.|approx\.?",
            re.I,
        ),
        "about",
    ),
    (re.compile(r"nearly|almost|just under|close on", re.I), "nearly"),
    (re.compile(r"up to|as many as|as much as|at most", re.I), "up to"),
    (re.compile(r"less than|fewer than|under|below", re.I), "less than"),
]
_CURRENCY_SYMBOLS = {"us$": "USD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_SYMBOL_TOKENS = frozenset({"$", "£", "€", "¥", "US$"})
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP",
    "yen": "JPY", "shekel": "ILS", "shekels": "ILS", "yuan": "CNY", "rupees": "INR",
    # Sub-units stay what they are: "32 cents" is 32 cents.
    "cent": "cents", "cents": "cents", "pence": "pence",
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "mn": 1_000_000,
    "m": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000,
}  # fmt: skip
_AMOUNT = re.compile(
    r"(?P<cur>US\$|\$|£|€|¥)?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:[\s-]*(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b)?",
    re.IGNORECASE,
)
_RANGE = re.compile(r"\d\s*(?:-|–|to)\s*\d")
_DIGIT_GROUPS = re.compile(r"\d[-./]\d+[-./]\d|\d{3}[-. ]\d{4}|\(\d{3}\)|(?<![\d,.])0\d")
_AGE_AFTER = re.compile(r"^[\s-]*(?:years?[\s-]+old|year-old|-year-old|yrs?\b)", re.I)
_AGE_BEFORE = re.compile(r"\baged\s*$", re.I)
_TIME_AFTER = re.compile(r"^\s*(?:BST|GMT|UTC|EST|EDT|CET|CEST|ET|PT|[ap]\.?m\b\.?)", re.I)
_VAGUE = words("dozens hundreds thousands millions billions scores tens several few many")
_SKIP_MODIFIERS = words(
    "more other further additional new latest least most some many few several such same total"
)
_RATE = re.compile(r"\s+((?:a|per)\s+(?:day|week|month|year))\b", re.I)


@dataclass(frozen=True, slots=True)
class Fact:
    """A number in an article with what it counts. ``text == article.text[start:end]``."""

    article_id: str
    start: int
    end: int
    text: str
    value: float
    unit: str
    what: str
    qualifier: str | None
    as_of: dt.date | None
    total: bool = False
    # The counted noun names a people ("Palestinians", "Israeli civilians"): see group_facts.
    population: bool = False


@dataclass(frozen=True, slots=True)
class FactGroup:
    """Facts about one quantity (indexes into the list given to :func:`group_facts`).

    ``status``: ``consistent`` (the sources agree, or there is one), ``update`` (the figure
    changes from one date to a later one) or ``conflict`` (sources disagree for one date, or
    a running total falls).
    """

    what: str
    facts: tuple[int, ...]
    status: str
    total: bool = False


# ---------------------------------------------------------------------------------------
# Numbers


def _word_number(tokens: Sequence[str]) -> float | None:
    """'twenty-seven', 'two hundred', 'three million', 'a dozen' -> the number."""
    total, current, seen = 0.0, 0.0, False
    for raw in tokens:
        for w in re.split(r"-", raw.lower()):
            if not w or w == "and":
                continue
            if w in ("a", "an") and not seen:
                current, seen = 1, True
            elif w == "dozen":
                current = (current or 1) * 12
                seen = True
            elif w in UNITS:
                current += UNITS[w]
                seen = True
            elif w in TENS:
                current += TENS[w]
                seen = True
            elif w == "hundred":
                current = (current or 1) * 100
                seen = True
            elif w in ("thousand", "million", "billion", "trillion"):
                total += (current or 1) * _SCALES[w]
                current, seen = 0, True
            else:
                return None
    return total + current if seen else None


def parse_amount(text: str) -> tuple[float, str | None, str] | None:
    """The value of a number phrase, its currency code, and the words left after it.

    >>> parse_amount("$4.4 billion")
    (4400000000.0, 'USD', '')
    >>> parse_amount("1.8 million people")
    (1800000.0, None, 'people')
    >>> parse_amount("Fifteen")
    (15.0, None, '')
    >>> parse_amount("dozens") is None
    True
    """
    text = text.strip()
    m = _AMOUNT.search(text)
    if m and not text[: m.start()].strip().strip("$£€¥").strip():
        value = float(m.group("num").replace(",", ""))
        scale = (m.group("scale") or "").lower()
        if scale:
            value *= _SCALES[scale]
        cur = _CURRENCY_SYMBOLS.get((m.group("cur") or "").lower())
        rest = text[m.end() :].strip()
        first = rest.split(" ", 1)[0].lower() if rest else ""
        if first in _CURRENCY_WORDS:
            cur = cur or _CURRENCY_WORDS[first]
            rest = rest[len(first) :].strip()
        return value, cur, rest
    tokens = text.split()
    for n in range(len(tokens), 0, -1):
        number = _word_number(tokens[:n])
        if number is not None:
            rest = " ".join(tokens[n:])
            first = rest.split(" ", 1)[0].lower() if rest else ""
            cur = _CURRENCY_WORDS.get(first)
            if cur:
                rest = rest[len(first) :].strip()
            return number, cur, rest
    return None


def _clean_value(value: float) -> float:
    return int(value) if float(value).is_integer() else value


# ---------------------------------------------------------------------------------------
# What a number counts


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


_IRREGULAR = {
    "take": "taken", "give": "given", "see": "seen", "hold": "held", "leave": "left",
    "find": "found", "send": "sent", "bring": "brought", "build": "built", "lose": "lost",
    "spend": "spent", "pay": "paid", "sell": "sold", "buy": "bought", "fall": "fallen",
    "rise": "risen", "catch": "caught", "keep": "kept", "meet": "met", "hit": "hit",
    "put": "put", "set": "set", "cut": "cut", "shut": "shut", "spread": "spread", "win": "won",
    "feed": "fed", "fight": "fought", "shoot": "shot", "steal": "stolen", "write": "written",
    "drive": "driven", "grow": "grown", "know": "known", "throw": "thrown", "show": "shown",
    "break": "broken", "choose": "chosen", "speak": "spoken", "begin": "begun", "run": "run",
    "sink": "sunk", "strike": "struck", "tell": "told", "lead": "led", "read": "read",
    "hear": "heard", "stand": "stood", "raise": "raised", "seize": "seized", "cost": "cost",
}  # fmt: skip
# Verbs that say nothing about what is counted ("37 brokers have ...").
_LIGHT_VERBS = words("be have do get make say include remain become seem")


def _complement_class(verb: Token) -> str | None:
    """The class a verb's complement names: "remain missing", "confirmed dead"."""
    for c in verb.children:
        if c.dep_ in ("acomp", "oprd", "xcomp", "attr") and c.i > verb.i:
            word = c.lower_
            if word in VERB_CLASSES:
                return VERB_CLASSES[word]
            if word in _CASUALTY_NOUNS and _CASUALTY_NOUNS[word] in _CLASS_WORDS:
                return _CASUALTY_NOUNS[word]
    return None


def _left_home(verb: Token) -> bool:
    """ "have left their homes", "were forced from their homes"."""
    if verb.lemma_.lower() not in _HOME_VERBS:
        return False
    for c in verb.children:
        if c.dep_ == "dobj" and c.lower_ in _HOMES:
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in _HOMES for g in c.children):
            return True
    return False


def _participle(verb: Token) -> str | None:
    """The participle that says what happened to the counted thing ("fired", "called up")."""
    lemma = verb.lemma_.lower()
    if verb.lower_ == "missing":
        return "missing"  # "nine people are still missing" (not "missed")
    if lemma in VERB_CLASSES:
        return VERB_CLASSES[lemma]
    complement = _complement_class(verb)
    if complement is not None:
        return complement
    if _left_home(verb):
        return "displaced"
    if lemma in _LIGHT_VERBS:
        return None
    particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
    if verb.tag_ in ("VBN", "VBD"):
        word = verb.lower_
    elif lemma in _IRREGULAR:
        word = _IRREGULAR[lemma]
    elif lemma.endswith("e"):
        word = lemma + "d"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]|.*[^aeiou][aeiou]l", lemma):
        word = lemma + lemma[-1] + "ed"  # "capped", "banned", "controlled"
    elif re.fullmatch(r".*[^aeiou]y", lemma):
        word = lemma[:-1] + "ied"
    else:
        word = lemma + "ed"
    return f"{word} {particle}".strip()


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
    """The verb a noun is the subject or object of, or a participle that modifies it."""
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.tag_ in ("VBN", "VBD", "VBG"):
            return c
    x = _first_conjunct(noun)
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


def _phrasal(verb: Token) -> str | None:
    """The participle with a particle the parser hung elsewhere ("called up to 86,000")."""
    word = _participle(verb)
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if (
        word is not None
        and " " not in word
        and nxt is not None
        and nxt.lower_ in ("up", "out", "off", "down")
    ):
        word += " " + nxt.lower_
    return word


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
        elif head.pos_ in ("NOUN", "PROPN") or head.ent_type_ == "NORP":
            counted = head
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
        return None
    word = _participle(predicate)
    if x.dep_ in ("nsubj", "nsubjpass") and word in _PEOPLE_CLASSES:
        return _Reading("people", word, None, False, predicate)  # "at least 20 were killed"
    subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if x.dep_ == "pobj" and subject is not None and subject.pos_ in ("NOUN", "PROPN"):
        return _Reading(subject.lower_, None, None, False, predicate)  # "unemployment rose to 9%"
    return _Reading(None, word, None, False, predicate)  # "promised more than $4.4 billion"


def _merge_counted(r: _Reading, counted: Token | None, predicate: Token | None = None) -> _Reading:
    """A toll's value with its own noun: "the toll hit 572 Palestinians" -> Palestinians."""
    who = _who(counted) if counted is not None and r.who in (None, "people") else r.who
    return _Reading(who, r.verb, counted or r.noun, r.total, r.predicate or predicate)


# ---------------------------------------------------------------------------------------
# Extraction


def _qualifier(doc: Doc, span: Span) -> tuple[str | None, int]:
    """A qualifier in the (up to four) words before the number, and where it starts."""
    for k in range(min(4, span.start), 0, -1):
        first = doc[span.start - k]
        if first.is_space:
            continue
        # A slice of tokens: cheaper than slicing the article's text for a few words.
        words_before = " ".join(doc[first.i : span.start].text.split())
        for pattern, name in _QUALIFIERS:
            if not pattern.fullmatch(words_before):
                continue
            verb_before = first.i > 0 and doc[first.i - 1].pos_ == "VERB"
            if name == "up to" and (verb_before or first.head.pos_ == "VERB"):
                continue  # "called up to 86,000": a particle
            return name, first.idx
    return None, span.start_char


def _numberish(token: Token) -> bool:
    return token.like_num or token.lower_ == "dozen" or token.text in _SYMBOL_TOKENS


def _core(doc: Doc, span: Span) -> Span | None:
    """The number itself: without the qualifier words the NER may include ("Some 136"), with
    the currency sign, "a" of "a dozen", and the scale or currency word it may leave out."""
    start, end = span.start, span.end
    while start < end and not _numberish(doc[start]):
        if (
            doc[start].lower_ in ("a", "an")
            and start + 1 < end
            and doc[start + 1].lower_ == "dozen"
        ):
            break
        start += 1
    if start == end or doc[start].lower_ in _VAGUE:
        return None  # "dozens", "hundreds": no value
    if start > 0 and (
        doc[start - 1].text in _SYMBOL_TOKENS
        or (doc[start].lower_ == "dozen" and doc[start - 1].lower_ in ("a", "an"))
    ):
        start -= 1
    if end < len(doc) and (
        doc[end].lower_.rstrip(".") in _SCALES or doc[end].lower_ in _CURRENCY_WORDS
    ):
        end += 1
    return doc[start:end]


def _number_spans(doc: Doc) -> list[tuple[Span, str]]:
    """Number phrases: NER spans of the countable labels, and numbers the NER missed."""
    out: list[tuple[Span, str]] = []
    covered: set[int] = set()
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
            out.append((ent, ent.label_))
    i = 0
    while i < len(doc):
        t = doc[i]
        if i not in covered and t.like_num and t.pos_ == "NUM":
            j = i + 1
            while j < len(doc) and j not in covered and doc[j].like_num and doc[j].pos_ == "NUM":
                j += 1
            out.append((doc[i:j], "CARDINAL"))
            i = j
        else:
            i += 1
    cores = [(core, label) for span, label in out if (core := _core(doc, span)) is not None]
    return sorted(cores, key=lambda x: x[0].start_char)


def _skip(span: Span, text: str) -> bool:
    """Numbers that are not facts: ages, years, ordinals, digit groups, ranges, identifiers."""
    s = span.text
    if _RANGE.search(s) or _DIGIT_GROUPS.search(s) or re.search(r"\d(?:st|nd|rd|th)\b", s):
        return True
    if re.search(r"\d-[A-Za-z]", s) and not re.search(r"-(?:million|billion)\b", s):
        return True  # "18,000-foot", "8-cent": a compound modifier
    after = text[span.end_char : span.end_char + 14]
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(
        text[max(0, span.start_char - 8) : span.start_char]
    ):
        return True
    if _TIME_AFTER.match(after):
        return True  # "10.47 BST", "9 pm"
    # Glued to other digits or a hyphen: "F-16", "555-1234", "1-0"; a compound modifier:
    # "8-cent", "18,000-foot" (a measure of something else).
    if re.match(r"[-–/:]\d|-[A-Za-z]", after) or re.search(
        r"\d[-–/:]$|[A-Za-z]-$", text[max(0, span.start_char - 2) : span.start_char]
    ):
        return True
    last = span[-1]
    # "Resolution 1701", "Flight 17": a number after the noun it names.
    if (
        last.dep_ in ("nummod", "appos", "npadvmod", "compound")
        and last.head.pos_ in ("PROPN", "NOUN")
        and last.head.i == span.start - 1
    ):
        return True
    # "John Smith, 45,": an age in apposition to a person.
    return last.head.ent_type_ == "PERSON" and last.dep_ in ("appos", "npadvmod", "amod")


def _is_year(span: Span) -> bool:
    s = span.text.strip()
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", s)) and span[-1].dep_ != "nummod"


def extract_facts(
    article: Article,
    doc: Doc,
    expressions: Sequence[TimeExpression] | None = None,
) -> tuple[Fact, ...]:
    """The numeric facts of one article (see the module doc).

    ``doc`` is the parse of ``article.text``; ``expressions`` its date expressions, found
    with :func:`storydesk.timeline.find_time_expressions` when not given.
    """
    text = article.text
    if doc_text(doc) != text:
        raise ValueError(f"the parse given for {article.id} is not of its text")
    if expressions is None:
        expressions = find_time_expressions(text, article.published, doc)
    out: list[Fact] = []
    dated = [(e.start, e.end) for e in expressions]
    for span, label in _number_spans(doc):
        if _skip(span, text) or any(s < span.end_char and span.start_char < e for s, e in dated):
            continue  # not a fact, or part of a date ("30 November" the NER missed)
        qualifier, q_start = _qualifier(doc, span)
        parsed = parse_amount(span.text)
        if parsed is None:
            continue
        value, currency, rest = parsed
        if not math.isfinite(value) or (label == "CARDINAL" and _is_year(span)):
            continue
        numbers = [t for t in span if _numberish(t) and t.text not in _SYMBOL_TOKENS]
        if not numbers:
            continue
        reading = _read(numbers[-1])
        who = reading.who if reading else None
        verb = reading.verb if reading else None
        if label == "MONEY" or currency:
            unit = currency or "money"
            what = " ".join(p for p in (who, unit, verb) if p)
        elif label == "PERCENT" or rest.startswith(("%", "percent", "per cent")):
            unit = "%"
            what = " ".join(p for p in (who, unit, verb) if p)
        elif label == "QUANTITY" and rest:
            unit = rest.lower().lstrip("-")
            what = " ".join(p for p in (unit, verb) if p)
        elif reading is not None and (who is not None or verb in _PEOPLE_CLASSES):
            unit = who if who not in (None, "people") else "people"
            what = " ".join(p for p in (unit, verb) if p)
        else:
            continue  # a bare number: nothing says what it counts
        end = span.end_char - (1 if span.text.endswith(".") else 0)  # "$57m." ends a sentence
        if reading and reading.noun is not None and 0 <= reading.noun.i - span.end <= 2:
            end = max(end, reading.noun.idx + len(reading.noun.text))
        rate = _RATE.match(text, end)
        if rate:
            unit += " " + " ".join(rate.group(1).lower().split())
        start = min(q_start, span.start_char)
        total = (
            bool(reading and reading.total)
            or _running_total(numbers[-1], reading)
            or (verb in _PEOPLE_CLASSES and _perfect(reading.predicate if reading else None))
        )
        noun = reading.noun if reading else None
        population = noun is not None and (
            noun.ent_type_ == "NORP" or any(c.ent_type_ == "NORP" for c in noun.children)
        )
        out.append(
            Fact(
                article_id=article.id,
                start=start,
                end=end,
                text=text[start:end],
                value=_clean_value(value),
                unit=unit,
                what=what,
                qualifier=qualifier,
                as_of=_as_of(doc, numbers[-1], expressions, article.published),
                total=total,
                population=population,
            )
        )
    return tuple(out)


def _perfect(verb: Token | None) -> bool:
    """ "have died", "has been killed": a count up to now, where "were killed" may be one
    incident's."""
    if verb is None:
        return False
    # "had been evacuated" is mostly reported speech's "have been evacuated".
    return any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "had", "'d") for c in verb.children
    )


def _running_total(number: Token, reading: _Reading | None) -> bool:
    """A count "since" something, "so far", "in all": a running total."""
    verb = reading.predicate if reading is not None else None
    near = [*number.children, *(reading.noun.children if reading and reading.noun else ())]
    for c in [*(verb.children if verb is not None else ()), *near]:
        below = {g.lower_ for g in c.children}
        if c.dep_ == "prep" and c.lower_ == "since":
            return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return True
        if c.lower_ in ("overall", "altogether") or (c.lower_ == "far" and "so" in below):
            return True
        if c.dep_ == "prep" and c.lower_ in ("to", "in") and below & {"date", "all", "total"}:
            return True
    return False


# A date this many days before publication makes a figure a look back, not the news.
HISTORIC_DAYS = 60
_EARLIER_FIGURE = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+)?[\d$£€][\d,.]*\w*\s+(?:on|at|in|by)?\s*$"
)


def _as_of(
    doc: Doc, number: Token, expressions: Sequence[TimeExpression], published: dt.date | None
) -> dt.date | None:
    """The date stated for the clause of the number, else the publication date.

    A date well before publication that governs the number's clause, or a clause above it,
    dates the figure to that time ("last flooded in October 2019, when five people died").
    A "since" date starts a running total and never dates it.
    """
    verb = governing_verb(doc, number.idx, number.idx + len(number.text))
    if verb is None:
        return published
    sent = number.sent
    above = {verb.i, *(t.i for t in verb.ancestors)}
    for e in expressions:
        if not (sent.start_char <= e.start and e.end <= sent.end_char):
            continue
        if e.date is None or e.relation in NOT_EVENT_RELATIONS:
            continue
        if _EARLIER_FIGURE.search(doc_text(doc), sent.start_char, e.start):
            continue  # "up from 4,500 on Monday": the date of the earlier figure
        governor = governing_verb(doc, e.start, e.end)
        if governor is None:
            continue
        if e.granularity == "day" and governor == verb:
            return e.date
        historic = published is not None and (published - e.date).days > HISTORIC_DAYS
        if historic and governor.i in above:
            return e.date
    return published


# ---------------------------------------------------------------------------------------
# Grouping


def _interval(f: Fact) -> tuple[float, float]:
    v = float(f.value)
    return {
        "at least": (v, math.inf),
        "more than": (v, math.inf),
        "about": (0.9 * v, 1.1 * v),
        "nearly": (0.9 * v, v),
        "up to": (0.0, v),
        "less than": (0.0, v),
    }.get(f.qualifier or "", (v, v))


def _agree(a: Fact, b: Fact) -> bool:
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    return alo <= bhi and blo <= ahi


def _status(facts: Sequence[Fact], total: bool) -> str:
    dated = [f for f in facts if f.as_of is not None]
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if a.article_id == b.article_id:
                continue
            if a.as_of == b.as_of and not _agree(a, b):
                return "conflict"
            if total and a.as_of != b.as_of:
                early, late = (a, b) if a.as_of < b.as_of else (b, a)  # type: ignore[operator]
                if _interval(late)[1] < _interval(early)[0]:
                    return "conflict"  # a running total cannot fall
    dates = {f.as_of for f in dated}
    if len(dates) > 1 and not all(_agree(a, b) for a in dated for b in dated):
        return "update"
    return "consistent"


def _split_what(what: str) -> tuple[str, str]:
    """("Palestinians killed") -> ("Palestinians", "killed") for the casualty vocabulary."""
    for verb in sorted(set(VERB_CLASSES.values()) | {"casualties"}, key=len, reverse=True):
        if what.endswith(" " + verb):
            return what[: -len(verb) - 1], verb
    return what, ""


def group_facts(facts: Sequence[Fact]) -> tuple[FactGroup, ...]:
    """Group a story's facts by the quantity they give, and say how the sources compare.

    Facts group when their ``what`` is the same (a running total apart from a count of one
    incident: "the toll rose to 798" is not "fifteen people were killed in the shelling").
    An unqualified toll ("the death toll rose to 798": ``people killed``) is, in news usage,
    the story's headline toll: it joins the running total of the same kind for a people
    (``population``: "572 Palestinians" killed) whose figures are the largest (rather than
    "27 Israelis"), when the story has one; a role ("1,000 terrorists killed", "soldiers
    killed") is a part of a toll, not the toll. Within a group, sources that disagree for
    the same ``as_of`` date are a ``conflict`` (qualifiers count: "at least 20" agrees with
    22; "more than 800" does not agree with 798), as is a running total that falls; a
    figure that changes from one date to a later one is an ``update``; otherwise the group
    is ``consistent``.
    Groups come in order of their first fact.

    >>> import datetime as dt
    >>> f = lambda v, d, a: Fact(a, 0, 1, "x", v, "people", "people killed", None, d, True)
    >>> early, late = f(572, dt.date(2014, 7, 21), "a"), f(798, dt.date(2014, 7, 24), "b")
    >>> [g.status for g in group_facts([early, late])]
    ['update']
    """
    keys: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        keys[(f.what, f.total)].append(i)
    # An unqualified running toll joins the largest specific one of the same kind.
    for key in list(keys):
        what, total = key
        who, verb = _split_what(what)
        if not (total and who == "people" and verb):
            continue
        specific = [
            k
            for k in keys
            if k[1]
            and k != key
            and _split_what(k[0])[1] == verb
            and any(facts[i].population for i in keys[k])
        ]
        if specific:
            best = max(specific, key=lambda k: max(float(facts[i].value) for i in keys[k]))
            keys[best] = sorted(keys[best] + keys.pop(key))
    groups = [
        FactGroup(what, tuple(part), _status([facts[i] for i in part], total), total)
        for (what, total), idx in keys.items()
        for part in _eras(facts, idx)
    ]
    return tuple(sorted(groups, key=lambda g: g.facts[0]))


def _eras(facts: Sequence[Fact], idx: Sequence[int]) -> list[list[int]]:
    """Split facts at gaps of more than :data:`HISTORIC_DAYS` between their dates.

    A look back at an earlier event ("five people died in 2019") is not an earlier
    figure of today's toll. Undated facts stay with the latest dates.
    """
    dated = sorted((d, i) for i in idx if (d := facts[i].as_of) is not None)
    eras: list[list[int]] = [[]]
    for k, (day, i) in enumerate(dated):
        if k and (day - dated[k - 1][0]).days > HISTORIC_DAYS:
            eras.append([])
        eras[-1].append(i)
    eras[-1].extend(i for i in idx if facts[i].as_of is None)
    return [sorted(e) for e in eras if e]


def facts_json(facts: Sequence[Fact], groups: Sequence[FactGroup]) -> dict[str, Any]:
    """The ``facts`` and ``fact_groups`` parts of ``briefing.json``."""
    return {
        "facts": [
            {
                "article_id": f.article_id,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "value": f.value,
                "unit": f.unit,
                "what": f.what,
                "qualifier": f.qualifier,
                "as_of": f.as_of.isoformat() if f.as_of else None,
                "total": f.total,
            }
            for f in facts
        ],
        "fact_groups": [
            {"what": g.what, "facts": list(g.facts), "status": g.status, "total": g.total}
            for g in groups
        ],
    }
