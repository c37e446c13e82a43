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
