"""The numeric facts of one article (:func:`extract_facts`), each dated ``as_of`` the date
its clause states or the publication date."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..doctext import check_parse, doc_text
from ..model import Article, Fact, Span, TimeExpression
from ..timeline import NOT_EVENT_RELATIONS, find_time_expressions, governing_verb
from .amounts import _SYMBOL_TOKENS, _clean_value, parse_amount
from .priced import CHANGE_VERBS, _thing, priced
from .reading import _read, _Reading, _side
from .spans import _is_year, _number_spans, _numberish, _qualifier, _skip
from .verbs import _CLASS_WORDS, _PEOPLE_CLASSES, PEOPLE_NOUNS

_RATE_WORDS = (
    r"((?:a|per|every|each)\s+(?:day|week|month|year))\b"
    r"(?!\s+(?:after|before|later|earlier|ago|on|or|and)\b)"
)
_RATE = re.compile(r"\s+" + _RATE_WORDS, re.I)
_RATE_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+" + _RATE_WORDS, re.I)
# A site's own audience ("More than 20,000 readers ..."): page furniture, not news.
_AUDIENCE = frozenset({"reader", "readers", "subscriber", "subscribers", "follower", "followers"})


def extract_facts(
    article: Article,
    doc: Doc,
    expressions: Sequence[TimeExpression] | None = None,
) -> tuple[Fact, ...]:
    """The numeric facts of one article (see the :mod:`storydesk.facts` docstring).

    ``doc`` is the parse of ``article.text``; ``expressions`` its date expressions, found
    with :func:`storydesk.timeline.find_time_expressions` when not given.
    """
    text = article.text
    check_parse(doc, text, article.id)
    if expressions is None:
        expressions = find_time_expressions(text, article.published, doc, article_id=article.id)
    out: list[Fact] = []
    denominators: set[int] = set()
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
        if not numbers or numbers[0].i in denominators:
            continue  # the "ten" of "eight out of ten": part of the proportion before it
        share = _proportion(numbers[0], value)
        if share is not None:
            denominators.add(share[0].i)
            numbers = [share[0]]
        reading = _read(numbers[-1])
        if reading is not None and reading.noun is not None and reading.noun.lower_ in _AUDIENCE:
            continue  # a site counter, not a figure of the story
        who = reading.who if reading else None
        verb = reading.verb if reading else None
        if who == "people" and reading is not None and reading.total:
            who = _side(numbers[-1]) or who
        comparable = reading is not None and not reading.vague
        changed = reading is not None and _moved(numbers[-1], reading)
        counted = reading.noun if reading is not None else None
        # A number without a currency is money only when it counts nothing else: "Delhi's
        # more than 10 million vehicles" is a count of vehicles, whatever the NER says.
        money = currency is not None or (label == "MONEY" and counted is None)
        percent = not money and (
            label == "PERCENT" or rest.startswith(("%", "percent", "per cent"))
        )
        measure = label == "QUANTITY" and bool(rest)  # "5 inches", "3.7 metric tons"
        if share is not None:
            denominator, value = share
            unit = "%"
            noun = reading.noun if reading is not None else None
            what = f"{_thing(noun)} share (%)" if noun is not None else "%"
            comparable = noun is not None
            changed = False
        elif money or percent:
            unit = "%" if percent else currency or "money"
            of = priced(numbers[-1], percent)
            what = ""  # named below, with the rate ("$18 million a day")
            comparable, changed = of.named, of.changed
        elif measure:
            unit = rest.lower().lstrip("-")
            what = " ".join(p for p in (unit, verb) if p)
            comparable = comparable and verb is not None
        elif reading is not None and (who is not None or verb in _PEOPLE_CLASSES):
            unit = who if who not in (None, "people") else "people"
            what = " ".join(p for p in (unit, verb) if p)
            # A counted thing and what is said of it: "80 Britons" alone says neither.
            comparable = comparable and (verb is not None or reading.total)
        else:
            continue  # a bare number: nothing says what it counts
        if (
            share is None
            and not (money or percent or measure)
            and not _counts_something(numbers[-1], value, verb, reading)
        ):
            continue  # "one of the largest sources", "just one problem"
        if (
            share is None
            and not (money or percent or measure)
            and _small_and_generic(value, verb, reading)
        ):
            comparable = False  # "two phones", "two critical reports": no key figure
        end = span.end_char - (1 if span.text.endswith(".") else 0)  # "$57m." ends a sentence
        if share is not None:
            last = denominator
            if reading and reading.noun is not None and 0 < reading.noun.i - last.i <= 2:
                last = reading.noun  # "eight out of ten companies"
            end = max(end, last.idx + len(last.text))
        if reading and reading.noun is not None and 0 <= reading.noun.i - span.end <= 2:
            end = max(end, reading.noun.idx + len(reading.noun.text))
        agent = (
            _agent(reading)
            if reading is not None and not (money or percent or share is not None)
            else None
        )
        if agent is not None and verb not in _PEOPLE_CLASSES:
            what += f" by {agent}"  # "Varlamov stopped 27 shots": his, not another's
        rate = _rate(text, end, money or percent)
        if rate:
            unit += " " + rate
            if not (money or percent or share is not None):
                what += " " + rate  # "90 people die every day" is no toll
        if share is None and (money or percent):
            what = of.what(unit)
        start = min(q_start, span.start_char)
        # A count "have been killed", "had crossed" is a count up to now, where "crossed on
        # Thursday" may be one day's; an amount "has paid" is no running total.
        total = (
            bool(reading and reading.total)
            or _running_total(numbers[-1], reading)
            or (
                not (money or percent)
                and share is None
                and not rate
                and _perfect(reading.predicate if reading else None)
            )
        )
        noun = reading.noun if reading else None
        population = noun is not None and (
            noun.ent_type_ == "NORP" or any(c.ent_type_ == "NORP" for c in noun.children)
        )
        out.append(
            Fact(
                span=Span(article.id, start, end),
                text=text[start:end],
                value=_clean_value(value),
                unit=unit,
                what=what,
                qualifier=qualifier,
                as_of=_as_of(doc, numbers[-1], expressions, article.published),
                total=total,
                population=population,
                comparable=comparable,
                changed=changed,
                place=_place(reading) if reading is not None and not (money or percent) else None,
            )
        )
    return tuple(out)


def _rate(text: str, end: int, priced: bool) -> str | None:
    """ "a day", "every week" after a figure: a rate. An amount's rate comes right after it
    ("$18 million a day"); a count's may follow its verb ("90 people die here every day").
    Never "a day after", "a week later": a time, not a rate."""
    rate = (_RATE if priced else _RATE_AFTER).match(text, end)
    return " ".join(rate.group(1).lower().split()) if rate else None


def _agent(reading: _Reading) -> str | None:
    """The one named as the subject of the verb whose object the figure counts
    ("Varlamov stopped 27 shots", "Caldonia fired 40 rockets"): two named subjects' counts
    are two quantities."""
    verb, noun = reading.predicate, reading.noun
    if verb is None or (noun is not None and noun.dep_ not in ("dobj", "pobj")):
        return None
    for c in verb.children:
        if c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in _NAMED):
            ent = next((e for e in c.doc.ents if e.start <= c.i < e.end), None)
            if ent is not None:  # "the Relief Agency opened": "Relief Agency"
                return ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            names = [t for t in c.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            return " ".join([*(t.text for t in names), c.text])
    return None


_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _proportion(number: Token, value: float) -> tuple[Token, float] | None:
    """ "eight out of ten companies", "three in four voters": one share, not two counts.
    The denominator's token and the share in percent."""
    doc = number.doc
    i = number.i + 1
    if i + 1 < len(doc) and doc[i].lower_ == "out" and doc[i + 1].lower_ == "of":
        i += 2
    elif i < len(doc) and doc[i].lower_ == "in":
        i += 1
    else:
        return None
    if i >= len(doc) or not doc[i].like_num:
        return None
    parsed = parse_amount(doc[i].text)
    if parsed is None or parsed[1] is not None or not value < parsed[0] <= 1000:
        return None
    return doc[i], _clean_value(round(100 * value / parsed[0], 1))


def _counts_something(
    number: Token, value: float, verb: str | None, reading: _Reading | None
) -> bool:
    """A count of one is a figure only of what happened to people or of another count of
    :data:`VERB_CLASSES` ("one person died", "one soldier was killed"), or a toll's value;
    never "one of the X" (one of many, not a count of X), one generic thing ("just one
    problem", "one drawback") or "one man" told of ("One man gave his account")."""
    if value != 1:
        return True
    nxt = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        return False
    return verb in _CLASS_WORDS or (reading is not None and reading.total)


# Below this, a count of things (not people, not a casualty) is small talk, not a figure a
# story's sources are compared by: "two phones", "two critical reports", "one event".
SMALL_COUNT = 10


def _small_and_generic(value: float, verb: str | None, reading: _Reading | None) -> bool:
    """A small count of things: not of people ("three soldiers", "four Britons", "two
    ministers resigned"), not a casualty or another count of :data:`VERB_CLASSES`, not a
    toll or total."""
    if value >= SMALL_COUNT or verb in _CLASS_WORDS or reading is None or reading.total:
        return False
    noun = reading.noun
    if noun is None:
        return reading.who is None or reading.who != "people"
    return not (
        reading.who == "people"
        or noun.lemma_.lower() in PEOPLE_NOUNS
        or noun.lower_ in PEOPLE_NOUNS
        or noun.ent_type_ in ("NORP", "PERSON")
        or any(c.ent_type_ == "NORP" for c in noun.children)
    )


# Adverbs that widen a count beyond the story's place: "Nationally, dealers sold 17.3
# million" is not the city's count of the sentence before (see
# :data:`storydesk.facts.group.SCOPES`).
_SCOPE_WORDS = {
    "nationally": "nationwide",
    "nationwide": "nationwide",
    "worldwide": "worldwide",
    "globally": "worldwide",
}


def _place(reading: _Reading) -> str | None:
    """Where the counted thing is, when the clause says so: "killed 103 people in Mexico"
    and "infected 20 in the United States" count different things ("in Mexico"); a count
    made "nationally" or "worldwide" is not one of the story's place."""
    for holder in (reading.noun, reading.predicate):
        if holder is None:
            continue
        for c in holder.children:
            if c.dep_ in ("advmod", "amod") and c.lower_ in _SCOPE_WORDS:
                return _SCOPE_WORDS[c.lower_]
        for c in holder.children:
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            for o in c.children:
                if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC"):
                    ent = next((e for e in o.doc.ents if e.start <= o.i < e.end), None)
                    name = ent.text if ent is not None else o.text
                    return "in " + (name[4:] if name.lower().startswith("the ") else name)
    return None


def _moved(number: Token, reading: _Reading) -> bool:
    """ "rose to 19", "climbed to 27": the text says the count moved to this figure."""
    verb = reading.predicate
    return (
        verb is not None
        and verb.lemma_.lower() in CHANGE_VERBS
        and number.dep_ == "pobj"
        and number.head.lower_ == "to"
    )


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

    A date well before publication (or any date, in an undated article) that governs the
    number's clause, or a clause above it, dates the figure to that time ("last flooded in
    October 2019, when five people died").
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
        # An undated article's figure is dated by a date its clause states ("in 2002").
        historic = published is None or (published - e.date).days > HISTORIC_DAYS
        if historic and governor.i in above:
            return e.date
    return published
