"""Dates in news text, resolved against the publication date, and a story's timeline.

:func:`find_time_expressions` finds date expressions in an article's cleaned text and
resolves each one against the article's publication date. It works on the characters (a
spaCy ``Doc`` of the same text is optional: it only decides whether a weekday or a date
without a year lies before or after publication, from the tense of the verb it attaches to).
Every :class:`TimeExpression` has ``text == article_text[start:end]``.

What is resolved, and how (the conventions of news copy):

* **Absolute dates**: "July 21, 2014", "21 July 2014", "Tuesday 3 May 2005", "2014-07-21"
  (day); "July 2014" (month); "in 2009", "since 2007" (year).
* **Dates without a year** ("July 21", "21 July", "in March"): the publication year, as
  HeidelTime does for news (Strötgen & Gertz); when the verb the date attaches to is in the
  past tense and that falls after publication, the year before; in the future tense ("will
  vote on March 3") and before publication, the year after. (Picking the year nearest the
  publication date instead dates a retrospective "February 26 - ..." written in October
  to the next February.) "last March" / "next March" look strictly back / forward.
* **Weekdays** ("on Monday", "late Wednesday", "Monday night"): the most recent such day
  on or before the publication date, which is how a news report uses them; a future-tense
  verb ("will", "would", "is due to") or "coming" looks forward (on or after), "next
  Monday" is the first one after publication, and "last Tuesday" is the Tuesday of the
  previous week (Monday to Sunday): on a Friday, "last Tuesday's earthquake" was ten days
  before, not three.
* **Relative words**: "today", "tonight", "this morning" (the publication date);
  "yesterday", "last night" (the day before); "tomorrow"; "N days ago".
* **Periods**: "last week" / "this week" / "next week" are a ``week`` with ``date`` = its
  Monday; "last weekend" a ``weekend`` with ``date`` = its Saturday; "last month" a
  ``month`` (``date`` = its first day); "last year" a ``year`` (January 1). "N weeks ago"
  is the week N weeks before publication. A ``granularity`` other than ``day`` says the
  date stands for that whole period.
* **Counted days** ("the 17th day of the conflict", "day 17 of the war"): the start plus
  N - 1 days, when the start is known: stated in the same article ("the conflict began on
  July 8", "since the flare-up began eight days ago"), implied by "the 14-day conflict" as
  of publication, or passed in as ``anchors`` (how :func:`build_timeline` shares them
  between the articles of a story). The counted thing and the anchor must agree (the same
  head word, or both words for a conflict: "war", "offensive", "operation" ...).

Anything that cannot be resolved (no publication date for a relative expression, a counted
day without a start, "a few days ago") keeps ``date=None``: undated, never guessed.

:func:`build_timeline` turns a story's analysed articles into dated events in date order:
each sentence with a resolved date, dated by the expression attached nearest its main verb
(not one introduced by "since", "until", "before", "after"...), and near-identical event
sentences of several articles merged into one event citing all of them.

>>> import datetime as dt
>>> [(e.text, e.date.isoformat()) for e in find_time_expressions(
...     "Kerry arrived late Monday; talks began yesterday.", dt.date(2014, 7, 22))]
[('late Monday', '2014-07-21'), ('yesterday', '2014-07-21')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Token

from .model import AnalyzedArticle, Citation, Sentence

__all__ = [
    "Anchor",
    "TimeExpression",
    "Timeline",
    "TimelineEvent",
    "UndatedStatement",
    "build_timeline",
    "event_expression",
    "find_anchors",
    "find_time_expressions",
    "timeline_json",
]

VERSION = "timeline-1"

# ---------------------------------------------------------------------------------------
# Words


def words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
    "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Number words, shared with :mod:`storydesk.facts`.
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
_ORDINAL_TENS = {w[:-1] + "ieth": n for w, n in TENS.items()}

# Words for one armed conflict as a whole: "the 17th day of the conflict" may count from
# "the offensive began". Other things (a siege, protests, a trial) count only from a start
# of the same word.
HOSTILITIES = words(
    """conflict war fighting offensive operation flare-up violence campaign assault
    hostilities onslaught incursion invasion bombardment"""
)
# A date introduced by these bounds a span of time; it is not when the sentence's event
# happened ("who has been in the region since Monday").
NOT_EVENT_RELATIONS = words("since until till before after from through between")
_RELATIONS = NOT_EVENT_RELATIONS | {"on", "in", "at", "by", "during", "of", "for"}


def number_word(word: str) -> int | None:
    """An integer written as digits or in words ("17", "seventeen", "twenty-one").

    >>> number_word("twenty-one"), number_word("8"), number_word("many")
    (21, 8, None)
    """
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    if w in ("a", "an"):
        return 1
    if w in UNITS:
        return UNITS[w]
    if w in TENS:
        return TENS[w]
    parts = re.split(r"[-\s]+", w)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS and 0 < UNITS[parts[1]] < 10:
        return TENS[parts[0]] + UNITS[parts[1]]
    return None


def ordinal_word(word: str) -> int | None:
    """An ordinal as digits or words ("17th", "seventeenth", "twenty-first") as an integer.

    >>> ordinal_word("17th"), ordinal_word("twenty-first"), ordinal_word("last")
    (17, 21, None)
    """
    w = word.lower().strip()
    m = re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    if w in _ORDINAL_UNITS:
        return _ORDINAL_UNITS[w]
    if w in _ORDINAL_TENS:
        return _ORDINAL_TENS[w]
    parts = re.split(r"[-\s]+", w)
    if len(parts) == 2 and parts[0] in TENS and _ORDINAL_UNITS.get(parts[1], 10) < 10:
        return TENS[parts[0]] + _ORDINAL_UNITS[parts[1]]
    return None


# ---------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date expression at ``[start, end)`` of a text, resolved when it can be.

    ``granularity`` is ``day``, ``weekend``, ``week``, ``month`` or ``year``; ``date`` is
    the first day of that period (a week starts on Monday), or ``None`` when the expression
    cannot be resolved. ``kind`` says how it was read: ``absolute``, ``weekday``,
    ``relative``, ``period`` or ``counted``. ``relation`` is the preposition before it
    ("on", "since", ...), when there is one.
    """

    text: str
    start: int
    end: int
    date: dt.date | None
    granularity: str
    kind: str
    relation: str | None = None


@dataclass(frozen=True, slots=True)
class Anchor:
    """The start of something counted in days: ``noun`` (lower-cased head) began on ``date``."""

    noun: str
    date: dt.date
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated event: the text of its first citation, and every article that says it."""

    date: dt.date
    granularity: str
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class UndatedStatement:
    """A sentence that speaks of a time the articles do not let us resolve."""

    text: str
    expression: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class Timeline:
    events: tuple[TimelineEvent, ...]
    undated: tuple[UndatedStatement, ...] = ()


# ---------------------------------------------------------------------------------------
# Patterns

_MONTH_FULL = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# Abbreviations only with their full stop or before a day number (see the patterns).
_MONTH = rf"(?P<month>{_MONTH_FULL}|(?:{_MONTH_ABBR})\.?)"
_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_OPT_WEEKDAY = rf"(?:(?:{_WEEKDAY}),?\s+(?:the\s+)?)?"
_NUM_WORD = (
    r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-\w+)?|"
    r"thirty(?:-\w+)?|forty(?:-\w+)?|fifty(?:-\w+)?|sixty(?:-\w+)?"
)
_ORD_WORD = (
    r"\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|"
    r"(?:twenty|thirty|forty|fifty)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth)"
)
_NOT_DIGIT_AFTER = r"(?![\d:%]|\.\d|,\d{3})"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{_YEAR}-(?P<m>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b")),
    (
        "mdy",
        re.compile(
            rf"\b{_OPT_WEEKDAY}{_MONTH}\s+{_DAY}\b{_NOT_DIGIT_AFTER}(?:,?\s+{_YEAR}\b(?!-\d))?"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b{_OPT_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?![\w])(?:,?\s+{_YEAR}\b(?!-\d))?"
        ),
    ),
    (
        "my",
        re.compile(
            rf"\b(?P<mod>(?:early|late|mid)[\s-]+)?(?P<month>{_MONTH_FULL})(?:\s+of)?,?\s+"
            rf"{_YEAR}\b(?!-\d)"
        ),
    ),
    (
        "m",
        re.compile(
            r"\b(?P<prep>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Tt]hrough|[Ff]rom|of|"
            r"[Bb]efore|[Aa]fter|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id)[\s-]+"
            rf"(?P<month>{_MONTH_FULL})\b(?![\s-]+\d)"
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?P<prep>[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ff]rom|[Bb]efore|[Aa]fter|"
            r"[Ee]arly|[Ll]ate|[Mm]id)[\s-]+"
            rf"{_YEAR}\b(?![-–/]\d|,\d|\.\d|%)"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Ee]arly|[Ll]ate)\s+)?"
            # Named days and titles are not dates: "Bloody Sunday", "Fox News Sunday".
            r"(?<!News )(?<!Bloody )(?<!Black )(?<!Good )(?<!Super )(?<!Ash )(?<!Holy )"
            r"(?<!Palm )(?<!Easter )(?<!Cyber )"
            rf"(?P<weekday>{_WEEKDAY})(?![\w])(?![’']s\s+(?:Times|Telegraph|Mirror|Express))"
            r"(?:\s+(?P<part>morning|afternoon|evening|night|midnight))?"
        ),
    ),
    (
        "word",
        re.compile(
            r"(?i:\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|"
            r"today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b)"
        ),
    ),
    (
        "period",
        re.compile(
            r"(?<!the )(?<!The )\b(?P<mod>(?i:last|this|next|earlier\s+this|later\s+this))\s+"
            r"(?P<unit>(?i:week|weekend|month|year))\b(?!['’]s)(?!-)"
        ),
    ),
    (
        "ago",
        re.compile(
            rf"(?i:\b(?P<n>{_NUM_WORD}|a\s+few|several|a\s+couple\s+of|some|many)\s+"
            r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b)"
        ),
    ),
    (
        "counted",
        re.compile(
            rf"(?i:\b(?:the|its|their)\s+(?P<ord>{_ORD_WORD})\s+(?:straight\s+|consecutive\s+)?"
            r"day(?:\s+of\s+(?P<noun>(?:the\s+|its\s+|their\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}))?)"
        ),
    ),
    (
        "dayn",
        re.compile(
            r"\b[Dd]ay\s+(?P<n>\d{1,3})\s+of\s+"
            r"(?P<noun>(?:the\s+|its\s+|their\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3})"
        ),
    ),
]

# Words that end the noun phrase of "the 17th day of the conflict ...".
_NOUN_STOP = words(
    """and or as but when while with in on at after before since that which who where for
    to from by of than was were is are has had have will would said says amid despite
    during into over under"""
)
_ANCHOR_BEFORE = re.compile(
    r"(?P<subj>[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s*,?\s*(?:(?:which|that)\s+)?(?:has\s+|had\s+)?"
    r"(?:began|begun|started|erupted|broke\s+out|was\s+launched|were\s+launched|launched|"
    r"kicked\s+off)(?:\s+(?:on|in))?\s*$",
    re.IGNORECASE,
)
_DURATION_NOUN = re.compile(
    r"(?i:\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)-day(?:-old)?\s+(?P<noun>[\w'’-]+(?:\s+[\w'’-]+)?))"
)
_RELATION_BEFORE = re.compile(r"\b(?P<rel>[A-Za-z]+)\s+(?:the\s+)?$")
# "since the early hours of Monday": the preposition before the part of the day.
_PART_OF_DAY_BEFORE = re.compile(
    r"\b(?P<rel>[A-Za-z]+)\s+the\s+(?:(?:early|small|late|first)\s+)?"
    r"(?:hours?|morning|afternoon|evening|night|end|start|beginning)\s+of\s+$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|its|their)\s+", re.IGNORECASE)


# ---------------------------------------------------------------------------------------
# Date arithmetic


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _month_start(d: dt.date, months: int = 0) -> dt.date:
    return d.replace(day=1) + relativedelta(months=months)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _pick_year(month: int, day: int, published: dt.date, direction: str) -> dt.date | None:
    """(month, day) in the publication year, or the nearest year that fits the tense."""
    cands = [
        d
        for y in (published.year - 1, published.year, published.year + 1)
        if (d := _safe_date(y, month, day)) is not None
    ]
    if not cands:
        return None
    if direction == "past":
        past = [d for d in cands if d <= published]
        return max(past) if past else None
    if direction == "future":
        future = [d for d in cands if d >= published]
        return min(future) if future else None
    return _safe_date(published.year, month, day)


def _weekday_date(weekday: int, published: dt.date, direction: str) -> dt.date:
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    if direction == "future":
        return published + dt.timedelta(days=forward)
    if direction == "after":
        return published + dt.timedelta(days=forward or 7)
    if direction == "before":  # "last Tuesday": the Tuesday of the previous week
        return _monday(published) - dt.timedelta(days=7 - weekday)
    return published - dt.timedelta(days=back)


def _month_date(month: int, published: dt.date, direction: str) -> dt.date:
    cands = [dt.date(y, month, 1) for y in (published.year - 1, published.year, published.year + 1)]
    here = _month_start(published)
    if direction in ("past", "before"):
        ok = [d for d in cands if (d <= here if direction == "past" else d < here)]
        return max(ok)
    if direction in ("future", "after"):
        ok = [d for d in cands if (d >= here if direction == "future" else d > here)]
        return min(ok)
    return dt.date(published.year, month, 1)


# ---------------------------------------------------------------------------------------
# Tense, from the parse


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(20):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


_FUTURE_HEADS = words("expect due schedule set plan go intend hope aim prepare")


def _tense(doc: Doc | None, start: int, end: int) -> str | None:
    """``past``, ``future`` or ``None`` for the verb an expression attaches to."""
    if doc is None:
        return None
    verb = governing_verb(doc, start, end)
    if verb is None:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "shall", "'ll", "’ll", "wo", "would"}:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_HEADS:
        return "future"
    if verb.tag_ == "VBD" or aux & {"had", "was", "were", "did"}:
        return "past"
    if verb.tag_ == "VBN" and aux & {"has", "have"}:
        return "past"
    return None


# ---------------------------------------------------------------------------------------
# Finding and resolving


def _relation(text: str, start: int) -> str | None:
    """The preposition before a date: "since Monday", "since the early hours of Monday"."""
    part = _PART_OF_DAY_BEFORE.search(text, max(0, start - 48), start)
    if part and part.group("rel").lower() in _RELATIONS:
        return part.group("rel").lower()
    m = _RELATION_BEFORE.search(text, max(0, start - 24), start)
    if m and m.group("rel").lower() in _RELATIONS:
        return m.group("rel").lower()
    return None


def _noun_phrase(raw: str | None) -> tuple[str | None, int]:
    """The counted thing ("the conflict", "Israel's offensive", "Operation Protective Edge")
    and its length in ``raw``: capitalised words, then at most one lower-case word."""
    if not raw:
        return None, 0
    kept: list[re.Match[str]] = []
    for i, w in enumerate(re.finditer(r"[\w'’-]+", raw)):
        low = w.group().lower()
        if low in _NOUN_STOP or (i > 0 and low in ("the", "its", "their")):
            break
        kept.append(w)
        if low not in ("the", "its", "their") and not w.group()[0].isupper():
            break
    content = [w for w in kept if w.group().lower() not in ("the", "its", "their")]
    if not content:
        return None, 0
    return " ".join(w.group() for w in content), kept[-1].end()


def _head(noun: str) -> str:
    return re.sub(r"['’]s$", "", noun.split()[-1].lower())


def _anchor_matches(noun: str | None, anchor: Anchor) -> bool:
    """Whether "the Nth day of <noun>" counts from ``anchor``: the same head word, or both
    name a conflict ("Operation Protective Edge" is an operation)."""
    if noun is None:
        return False
    if _head(noun) == anchor.noun:
        return True
    kinds = {w.lower() for w in noun.split()} | {_head(noun)}
    return anchor.noun in HOSTILITIES and bool(kinds & HOSTILITIES)


def _candidates(text: str) -> list[tuple[str, re.Match[str]]]:
    found = [(name, m) for name, pat in _PATTERNS for m in pat.finditer(text)]
    # Longest first, then leftmost: "Tuesday 3 May 2005" beats "Tuesday" and "3 May".
    found.sort(key=lambda x: (-(x[1].end() - x[1].start()), x[1].start()))
    taken: list[tuple[int, int]] = []
    out = []
    for name, m in found:
        s, e = m.span()
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append((name, m))
    out.sort(key=lambda x: x[1].start())
    return out


def _resolve(
    name: str,
    m: re.Match[str],
    text: str,
    published: dt.date | None,
    doc: Doc | None,
    anchors: Sequence[Anchor],
) -> TimeExpression | None:
    start, end = m.span()
    g = m.groupdict()
    date: dt.date | None = None
    gran = "day"
    kind = "absolute"
    if name in ("m", "year"):
        prep = g["prep"].lower()
        if prep not in ("last", "next", "this", "early", "late", "mid"):
            start = m.start("month" if name == "m" else "year")
    rel = _relation(text, start)

    if name == "iso":
        date = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))
    elif name in ("mdy", "dmy"):
        month_word = g["month"].rstrip(".").lower()
        month = MONTHS[month_word]
        day = int(g["day"])
        if g["year"]:
            date = _safe_date(int(g["year"]), month, day)
        elif published is not None:
            date = _pick_year(month, day, published, _tense(doc, start, end) or "this")
    elif name == "my":
        gran = "month"
        date = dt.date(int(g["year"]), MONTHS[g["month"].lower()], 1)
    elif name == "m":
        gran = "month"
        month = MONTHS[g["month"].lower()]
        prep = g["prep"].lower()
        if published is not None:
            direction = {"last": "before", "next": "after", "this": "this"}.get(prep)
            date = _month_date(month, published, direction or _tense(doc, start, end) or "this")
    elif name == "year":
        gran = "year"
        date = dt.date(int(g["year"]), 1, 1)
    elif name == "weekday":
        kind = "weekday"
        mod = (g["mod"] or "").lower()
        if published is not None:
            direction = {"next": "after", "last": "before", "coming": "future"}.get(mod)
            if direction is None:
                direction = "future" if _tense(doc, start, end) == "future" else "past"
            date = _weekday_date(WEEKDAYS.index(g["weekday"].lower()), published, direction)
    elif name == "word":
        kind = "relative"
        word = " ".join(m.group().lower().split())
        offset = {
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
            "yesterday": -1,
            "last night": -1,
            "tomorrow": 1,
        }.get(word, 0)
        if published is not None:
            date = published + dt.timedelta(days=offset)
    elif name == "period":
        kind = "period"
        unit = g["unit"].lower()
        mod = " ".join(g["mod"].lower().split())
        step = {"last": -1, "next": 1}.get(mod, 0)
        gran = unit
        if published is not None:
            if unit == "week":
                date = _monday(published) + dt.timedelta(weeks=step)
            elif unit == "weekend":
                date = _monday(published) + dt.timedelta(weeks=step, days=5)
            elif unit == "month":
                date = _month_start(published, step)
            else:
                date = dt.date(published.year + step, 1, 1)
    elif name == "ago":
        kind = "relative"
        unit = g["unit"].lower().rstrip("s")
        gran = unit
        n = number_word(" ".join(g["n"].split()))
        if published is not None and n is not None:
            if unit == "day":
                date = published - dt.timedelta(days=n)
            elif unit == "week":
                date = _monday(published - dt.timedelta(weeks=n))
            elif unit == "month":
                date = _month_start(published, -n)
            else:
                date = dt.date(published.year - n, 1, 1)
    elif name in ("counted", "dayn"):
        kind = "counted"
        n = ordinal_word(g["ord"]) if name == "counted" else int(g["n"])
        noun, length = _noun_phrase(g.get("noun"))
        if g.get("noun"):
            if noun is not None:
                end = m.start("noun") + length
            else:  # "the 17th day of ..." with nothing countable after it
                end = start + len(text[start : m.start("noun")].rstrip())
                end -= len("of") if text[start:end].endswith("of") else 0
                end = start + len(text[start:end].rstrip())
        matching = [a for a in anchors if _anchor_matches(noun, a)]
        if noun is None and len({(a.noun, a.date) for a in anchors}) == 1:
            matching = list(anchors)  # "its 24th day": the only thing counted here
        if matching and n:
            date = matching[0].date + dt.timedelta(days=n - 1)
    return TimeExpression(text[start:end], start, end, date, gran, kind, rel)


def _resolve_safely(
    name: str,
    m: re.Match[str],
    text: str,
    published: dt.date | None,
    doc: Doc | None,
    anchors: Sequence[Anchor],
) -> TimeExpression | None:
    try:
        return _resolve(name, m, text, published, doc, anchors)
    except (ValueError, OverflowError):  # "999 years ago" before year 1: no such date
        return TimeExpression(m.group(), m.start(), m.end(), None, "day", "relative")


def find_anchors(
    text: str,
    published: dt.date | None,
    expressions: Sequence[TimeExpression] | None = None,
    article_id: str | None = None,
) -> tuple[Anchor, ...]:
    """Starts of counted things the text states: "the conflict began on July 8" -> (conflict,
    2014-07-08); "the 14-day conflict" in an article published on July 21 -> the conflict
    began on July 8 (its 14th day is the publication date).
    """
    if expressions is None:
        expressions = find_time_expressions(text, published)
    out: list[Anchor] = []
    for e in expressions:
        if e.date is None or e.granularity != "day" or e.kind == "counted":
            continue
        m = _ANCHOR_BEFORE.search(text, max(0, e.start - 80), e.start)
        if m:
            words = [w for w in m.group("subj").split() if w.lower() not in _NOUN_STOP]
            if words:
                out.append(Anchor(_head(words[-1]), e.date, article_id))
    if published is not None:
        for m in _DURATION_NOUN.finditer(text):
            n = number_word(m.group("n"))
            noun = _head(m.group("noun").split()[0])
            if n and noun in HOSTILITIES and "-old" not in m.group():
                out.append(Anchor(noun, published - dt.timedelta(days=n - 1), article_id))
    return tuple(dict.fromkeys(out))


def find_time_expressions(
    text: str,
    published: dt.date | None,
    doc: Doc | None = None,
    anchors: Sequence[Anchor] = (),
) -> tuple[TimeExpression, ...]:
    """Date expressions in ``text``, resolved against ``published`` (see the module doc).

    ``doc``, when given, is the spaCy parse of ``text`` itself (used for tense only);
    ``anchors`` are starts of counted things known from elsewhere (other articles of the
    story); starts the text itself states come first.
    """
    found = [
        (name, m, expr)
        for name, m in _candidates(text)
        if (expr := _resolve_safely(name, m, text, published, doc, ())) is not None and expr.text
    ]
    if not any(e.kind == "counted" for _, _, e in found):
        return tuple(e for _, _, e in found)
    own = find_anchors(text, published, [e for _, _, e in found])
    known = list(own) + [a for a in anchors if a not in own]
    out = []
    for name, m, e in found:
        if e.kind == "counted" and known:
            e = _resolve_safely(name, m, text, published, doc, known) or e
        out.append(e)
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Events

_GRANULARITY_RANK = {"day": 0, "weekend": 1, "week": 2, "month": 3, "year": 4}


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def event_expression(
    expressions: Sequence[TimeExpression], doc: Doc | None = None, offset: int = 0
) -> TimeExpression | None:
    """The expression that dates a sentence's event, or ``None``.

    Only resolved expressions count, and not those that bound a span of time ("since
    Monday", "until 2015", "after Tuesday's vote"). With the parse (``doc``, whose character
    0 is ``offset`` in the expressions' text) the one attached nearest the main verb wins;
    then the finer granularity; then the first.
    """
    cands = [e for e in expressions if e.date is not None and e.relation not in NOT_EVENT_RELATIONS]
    if not cands:
        return None

    def rank(e: TimeExpression) -> tuple[int, int, int]:
        depth = 0
        if doc is not None:
            verb = governing_verb(doc, e.start - offset, e.end - offset)
            depth = _depth(verb) if verb is not None else 99
        return (depth, _GRANULARITY_RANK[e.granularity], e.start)

    return min(cands, key=rank)


@dataclass(frozen=True, slots=True)
class _Dated:
    article: int
    sentence: Sentence
    expression: TimeExpression


def _article_expressions(
    a: AnalyzedArticle, doc: Doc | None, anchors: Sequence[Anchor]
) -> tuple[TimeExpression, ...]:
    if doc is not None and doc.text != a.article.text:
        raise ValueError(f"the parse given for {a.article.id} is not of its text")
    return find_time_expressions(a.article.text, a.article.published, doc, anchors)


def build_timeline(
    articles: Sequence[AnalyzedArticle],
    docs: Mapping[str, Doc] | None = None,
    *,
    merge_similarity: float = 0.6,
    share_anchors: bool = True,
) -> Timeline:
    """A story's dated events in date order, and what it says without a resolvable date.

    Every sentence with a resolved date expression (see :func:`event_expression`) is an
    event; sentences of different articles with the same date whose term vectors (TF-IDF
    over :attr:`Sentence.terms`) have a cosine of at least ``merge_similarity`` are one
    event with a citation for each. The event's text is the sentence of the earliest
    published of them. ``docs`` (article id -> spaCy parse of its text) are optional: they
    let the main verb pick the event date and tense orient weekdays. With
    ``share_anchors``, a counted day ("the 17th day of the conflict") may use a start that
    another article of the story states.
    """
    from .summarize.vectors import term_vectors  # numpy/scipy only when a timeline is built

    if not 0 < merge_similarity <= 1:
        raise ValueError(f"merge_similarity must be in (0, 1], got {merge_similarity}")
    docs = docs or {}
    # The expressions found while the article was parsed (with its tenses) serve as they
    # are; only articles without them are read again here.
    exprs = [
        a.annotations.times
        if a.annotations is not None and a.article.id not in docs
        else _article_expressions(a, docs.get(a.article.id), ())
        for a in articles
    ]
    if share_anchors and any(e.kind == "counted" and e.date is None for x in exprs for e in x):
        pooled = [
            anchor
            for a, x in zip(articles, exprs, strict=True)
            for anchor in find_anchors(a.article.text, a.article.published, x, a.article.id)
        ]
        exprs = [
            _article_expressions(a, docs.get(a.article.id), pooled)
            if any(e.kind == "counted" and e.date is None for e in x)
            else x
            for a, x in zip(articles, exprs, strict=True)
        ]

    dated: list[_Dated] = []
    undated: list[UndatedStatement] = []
    for i, (a, x) in enumerate(zip(articles, exprs, strict=True)):
        doc = docs.get(a.article.id)
        for s in a.sentences:
            inside = [e for e in x if s.span.start <= e.start and e.end <= s.span.end]
            if not inside:
                continue
            chosen = event_expression(inside, doc)
            if chosen is not None:
                dated.append(_Dated(i, s, chosen))
            elif all(e.date is None for e in inside):
                undated.append(
                    UndatedStatement(
                        a.text_of(s),
                        inside[0].text,
                        Citation(a.article.id, s.span.start, s.span.end),
                    )
                )

    def published(i: int) -> dt.date:
        return articles[i].article.published or dt.date.max

    dated.sort(key=lambda d: (published(d.article), d.article, d.sentence.span.start))
    vectors = term_vectors([d.sentence.terms for d in dated]) if dated else None
    clusters: list[list[int]] = []
    for k, d in enumerate(dated):
        for cluster in clusters:
            first = dated[cluster[0]]
            if (
                first.expression.date == d.expression.date
                and first.expression.granularity == d.expression.granularity
                and all(dated[j].article != d.article for j in cluster)
                and vectors is not None
                and (vectors[cluster[0]] @ vectors[k].T).toarray()[0, 0] >= merge_similarity
            ):
                cluster.append(k)
                break
        else:
            clusters.append([k])

    events = []
    for cluster in clusters:
        first = dated[cluster[0]]
        date = first.expression.date
        assert date is not None  # event_expression only returns resolved ones
        events.append(
            TimelineEvent(
                date=date,
                granularity=first.expression.granularity,
                text=articles[first.article].text_of(first.sentence),
                citations=tuple(
                    Citation(
                        articles[dated[j].article].article.id,
                        dated[j].sentence.span.start,
                        dated[j].sentence.span.end,
                    )
                    for j in cluster
                ),
            )
        )
    events.sort(key=lambda e: (e.date, _GRANULARITY_RANK[e.granularity]))  # stable: order kept
    return Timeline(tuple(events), tuple(undated))


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """The ``timeline`` (and ``undated``) parts of ``briefing.json``."""

    def cite(c: Citation) -> dict[str, Any]:
        return {"article_id": c.article_id, "start": c.start, "end": c.end}

    return {
        "timeline": [
            {
                "date": e.date.isoformat(),
                "granularity": e.granularity,
                "text": e.text,
                "citations": [cite(c) for c in e.citations],
            }
            for e in timeline.events
        ],
        "undated": [
            {"text": u.text, "expression": u.expression, "citations": [cite(u.citation)]}
            for u in timeline.undated
        ],
    }
