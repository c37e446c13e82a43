"""What a date expression is (:class:`TimeExpression`, :class:`Anchor`) and the patterns
that find one in text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .words import words


@dataclass(frozen=True, slots=True)
class Anchor:
    """The start of something counted in days: ``noun`` (lower-cased head) began on ``date``."""

    noun: str
    date: dt.date
    article_id: str | None = None


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
# Before "N units ago": a bound ("more than a year ago") says only on which side the time
# lies; an approximation ("about ten days ago") blurs a day or a week, not a month or year.
_BOUNDS = r"more\s+than|at\s+least|nearly|almost|less\s+than|just\s+over|just\s+under|well\s+over"
_APPROXIMATIONS = r"about|around|roughly|approximately|some"
_QUALIFIER = rf"{_BOUNDS}|{_APPROXIMATIONS}"
BOUND_WORDS = re.compile(rf"(?i:{_BOUNDS})")
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
            # Any such day, not one: "on a Monday", "every Friday", "each Sunday".
            r"(?<!\ba )(?<!\bA )(?<!\bevery )(?<!\bEvery )(?<!\beach )(?<!\bEach )"
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
            rf"(?i:\b(?:(?P<q>{_QUALIFIER})\s+)?"
            rf"(?:(?P<n>{_NUM_WORD}|a\s+few|several|a\s+couple\s+of|some|many)\s+)?"
            r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b)"
        ),
    ),
    (
        "vague",
        re.compile(
            r"(?i:\b(?:recently|lately|in\s+recent\s+(?:days|weeks|months|years)|"
            r"not\s+long\s+ago|some\s+time\s+ago|the\s+other\s+day)\b)"
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

# Where each pattern can start, for :func:`matches`. Every pattern opens with ``\b`` (or a
# look-behind) and optional words, so ``re`` would try it at every character of a text;
# each scan here opens with a literal or a character class, which ``re`` skips to, and hits
# wherever its pattern can match (its look-ahead is the pattern's own next words). So the
# matches are those of ``finditer``, tried at a few places. The first letters of a
# case-insensitive pattern include the letters ``re`` folds to them ("ſ" to "s", "İ" and
# "ı" to "i").


@dataclass(frozen=True, slots=True)
class _Start:
    """Where a match can start, given a hit of ``scan``: at the hit (a ``back`` of 0), or
    ``n`` characters before the gap of whitespace (and, with ``hyphen``, hyphens) before
    the hit, for each ``n`` in ``back`` (the lengths of the words allowed there: "since"
    before "March"); or, with ``words``, at the start of the run of word characters that
    holds the hit and of each of the ``words - 1`` runs before it."""

    scan: re.Pattern[str]
    back: tuple[int, ...] = (0,)
    hyphen: bool = False
    words: int = 0


_M3 = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"  # every month name opens with one
_W3 = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"
_STARTS: dict[str, tuple[_Start, ...]] = {
    "iso": (_Start(re.compile(r"[12](?=\d\d\d-)")),),
    "mdy": (_Start(re.compile(f"{_W3}|{_M3}")),),
    "dmy": (
        _Start(re.compile(_W3)),
        _Start(re.compile(rf"[0-9](?=\d?(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_M3}))")),
    ),
    "my": (_Start(re.compile(f"early|late|mid|{_M3}")),),
    # the prepositions: [Ii]n, of, [Bb]y 2; [Mm]id 3; ... [Dd]uring 6; [Tt]hrough 7
    "m": (_Start(re.compile(_M3), (2, 3, 4, 5, 6, 7), hyphen=True),),
    "year": (_Start(re.compile(r"1[89]\d\d|20\d\d"), (2, 3, 4, 5, 6), hyphen=True),),
    "weekday": (_Start(re.compile(_WEEKDAY), (0, 4, 5, 6)),),
    "word": (
        _Start(
            re.compile(
                r"[TtYyLl](?=(?i:he\s+day\s+(?:before|after)|esterday|o(?:day|night|morrow)|"
                r"ast\s+night|his\s+(?:morning|afternoon|evening)))"
            )
        ),
    ),
    # "earlier this week": the unit's word and the two before it
    "period": (
        _Start(re.compile(r"[Ww](?=(?i:eek))"), words=3),
        _Start(re.compile(r"[Mm](?=(?i:onth))"), words=3),
        _Start(re.compile(r"[Yy](?=(?i:ear))"), words=3),
    ),
    # "more than a couple of years ago": the unit's word and the five before it
    "ago": (_Start(re.compile(r"[YyKkHhRrSs\u017f\u212a](?=\s+(?i:ago))"), words=6),),
    "vague": (
        _Start(re.compile(r"[Rr](?=(?i:ecent))"), words=2),
        _Start(re.compile(r"[Ll](?=(?i:ately))"), words=1),
        _Start(re.compile(r"[Aa](?=(?i:go))"), words=3),
        _Start(re.compile(r"[Oo](?=(?i:ther\s+day))"), words=2),
    ),
    "counted": (_Start(re.compile(rf"[TtIi\u0130\u0131](?=(?i:he|ts|heir)\s+(?i:{_ORD_WORD}))")),),
    "dayn": (_Start(re.compile(r"[Dd](?=ay\s+\d)")),),
}


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches


def _starts(name: str, text: str) -> list[int]:
    out: set[int] = set()
    for start in _STARTS[name]:
        for hit in start.scan.finditer(text):
            at = hit.start()
            if start.words:
                for _ in range(start.words):
                    while at > 0 and _word(text[at - 1]):
                        at -= 1
                    out.add(at)
                    at -= 1
                    while at >= 0 and not _word(text[at]):
                        at -= 1
                    if at < 0:
                        break
                continue
            if start.back[0] == 0:
                out.add(at)
            while at and (text[at - 1].isspace() or (start.hyphen and text[at - 1] == "-")):
                at -= 1
            out.update(at - n for n in start.back if n and at - n >= 0)
    return sorted(out)


def matches(name: str, pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches of ``pattern`` (the one named ``name`` in :data:`_PATTERNS`) in
    ``text``: those of ``pattern.finditer(text)``, found by trying it only where
    :data:`_STARTS` says it can start."""
    out = []
    end = 0
    for start in _starts(name, text):
        if start >= end and (m := pattern.match(text, start)):
            out.append(m)
            end = m.end()
    return out


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

# Page chrome around a date on its own line. A dateline: a place, the date, perhaps an
# agency, then a dash, a colon or the end of the line ("CAIRO, March 3 (Reuters) -"); or
# the date and an agency without a place ("March 3 (Reuters) -"). A date and a dash alone
# ("March 3 - The river rose") may be an entry of a chronology, and stays a date.
_CAP = r"[A-Z][\w.'’-]*"
DATELINE_PLACE = re.compile(
    rf"[ \t]*{_CAP}(?:[ \t]+{_CAP}){{0,4}}(?:[ \t]*,[ \t]*{_CAP}(?:[ \t]+{_CAP}){{0,3}})*"
    r"[ \t]*[,/][ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
)
_CLOCK = r"(?:[ \t]*(?:at[ \t]+)?\d{1,2}[:.]\d{2}[ \t]*(?:[ap]\.?m\.?)?[ \t]*(?:[A-Z]{2,4})?)?"
DATELINE_AFTER = re.compile(
    rf"{_CLOCK}[ \t]*(?:\([^()\n]{{1,40}}\)[ \t]*)?(?:[-–—:]|$)", re.MULTILINE
)
DATELINE_AGENCY_AFTER = re.compile(rf"{_CLOCK}[ \t]*\([^()\n]{{1,40}}\)[ \t]*[-–—]")
# A page's time stamp anywhere on its line: a date with a year (perhaps two digits, "07
# February 12"), then a clock time with a.m./p.m. or a time zone ("Wed Mar 2, 2011 12:27 am
# IST", "Thursday 24 June 2010 07.23 BST", "Feb 8, 2011 7:42 AM ET"), or "Last updated at".
# Body copy writes a time with "at" ("on March 2, 2011 at 12:27"), and rarely with a year.
STAMP_AFTER = re.compile(
    r"(?:[ \t]*,?[ \t]*(?P<year>\d{4}|\d{2})(?!\d))?[ \t]*,?[ \t]*(?:"
    r"\d{1,2}[:.]\d{2}[ \t]*(?:(?i:[ap]\.?m\.?)(?:[ \t]+[A-Z]{2,4}\b)?|[A-Z]{2,4}\b)"
    r"|(?P<updated>Last[ \t]+updated\b))"
)
# A stamp's word right before a date inside a line ("... | Posted January 28, 2011").
STAMP_BEFORE = re.compile(
    r"\b(?:Posted|Published|Updated|Last updated)(?:[ \t]+on)?[ \t]*:?[ \t]*$"
)
# A page's stamp ("Published: ...", "Updated 3 March 2009", "Accessed ...") or a byline
# ("By Jane Roe | March 3, 2009") before a date on its line.
PAGE_STAMP_BEFORE = re.compile(
    r"(?i:^[ \t]*(?:[^\n]{0,60}?[|·•][ \t]*)?(?:first[ \t]+|last[ \t]+|date[ \t]+)?"
    r"(?:published|publication[ \t]+date|updated|posted|modified|filed|accessed|retrieved|"
    r"date|created)(?:[ \t]+(?:on|at))?[ \t]*[:|–—-]?[ \t]*$)"
    r"|^[ \t]*By[ \t]+(?!(?:the|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"late|early|mid|then|now|noon)\b)"
    rf"{_CAP}(?:[ \t]+(?:{_CAP}|and|de|van|von|al|bin))*[ \t]*[,|/·•–—-][^\n]{{0,60}}$"
)
