"""Words of dates: month and weekday names, number words, words that bound a span of time.

The number words (:data:`UNITS`, :data:`TENS`) are shared with :mod:`storydesk.facts`;
:func:`number_word` reads cardinals with text2num, which read more of the number phrases
written for ``benchmarks/number_words.py`` than the hand-written reader it replaced (28 of
37 against 21: "one hundred and twenty", "two thousand"). Ordinals stay hand-written:
text2num's ``alpha2digit`` ties with them there (10 of 11) but leaves "first" a word.
"""

from __future__ import annotations

import re

from text_to_num import text2num


def words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


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
# The relation of a date that is a figure's point of comparison, not the time of the
# sentence's event: "$39,014, up from $34,410 in October 2015" (see
# :func:`storydesk.timeline.dates.comparison_point`).
COMPARED = "compared"


def number_word(word: str) -> int | None:
    """An integer written as digits or in words ("17", "seventeen", "twenty-one", "one
    hundred and twenty"), read by text2num; "a" and "an" are one.

    >>> number_word("twenty-one"), number_word("8"), number_word("many")
    (21, 8, None)
    """
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    if w in ("a", "an"):
        return 1
    try:
        return int(text2num(w, "en"))
    except ValueError:  # not a number: "many", "a few", "five and seven"
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
