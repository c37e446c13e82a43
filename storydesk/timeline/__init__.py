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
  verb ("will", "would", "is due to"), a plan in the present tense that the date modifies
  ("the cabinet meets on Tuesday", "is due on Tuesday") or "coming" looks forward (on or
  after: in a Monday report, "meets on Tuesday" is the next day), "next
  Monday" is the first one after publication, and "last Tuesday" is the Tuesday of the
  previous week (Monday to Sunday): on a Friday, "last Tuesday's earthquake" was ten days
  before, not three.
* **Relative words**: "today", "tonight", "this morning" (the publication date);
  "yesterday", "last night" (the day before); "tomorrow"; "N days ago".
* **Periods**: "last week" / "this week" / "next week" are a ``week`` with ``date`` = its
  Monday; "last weekend" a ``weekend`` with ``date`` = its Saturday; "last month" a
  ``month`` (``date`` = its first day); "last year" a ``year`` (January 1). "N weeks ago"
  is the week N weeks before publication, "a month ago" a ``month``. A ``granularity``
  other than ``day`` says the date stands for that whole period. Fuzzy times get no date:
  "weeks ago", "a few days ago", "more than a year ago", "about ten days ago", "recently",
  "in recent weeks".
* **Page chrome**: a dateline ("CAIRO, March 3 (Reuters) -"), a page's stamp ("Updated:
  ...") or a byline's date keeps its date but has ``kind`` ``dateline`` or ``page``, and
  dates no event; nor does a date in a sentence without a verb (a caption).
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

The package: :mod:`~storydesk.timeline.words` (month, weekday and number words),
:mod:`~storydesk.timeline.expressions` (the records and the patterns that find them),
:mod:`~storydesk.timeline.dates` (date arithmetic, tense), :mod:`~storydesk.timeline.resolve`
(finding and resolving) and :mod:`~storydesk.timeline.build` (the timeline and its JSON).

>>> import datetime as dt
>>> [(e.text, e.date.isoformat()) for e in find_time_expressions(
...     "Kerry arrived late Monday; talks began yesterday.", dt.date(2014, 7, 22))]
[('late Monday', '2014-07-21'), ('yesterday', '2014-07-21')]
"""

from __future__ import annotations

from ..dating import MONTHS
from .build import (
    PLACED,
    build_timeline,
    date_attribute,
    event_expression,
    timeline_json,
)
from .dates import governing_verb
from .expressions import Anchor
from .resolve import find_anchors, find_time_expressions
from .words import (
    HOSTILITIES,
    NOT_EVENT_RELATIONS,
    TENS,
    UNITS,
    WEEKDAYS,
    number_word,
    ordinal_word,
    words,
)

# The public API, and what else was public before the split (storydesk.facts and
# storydesk.evaluate.timeline use some of it).
__all__ = [
    "HOSTILITIES",
    "MONTHS",
    "NOT_EVENT_RELATIONS",
    "PLACED",
    "TENS",
    "UNITS",
    "VERSION",
    "WEEKDAYS",
    "Anchor",
    "build_timeline",
    "date_attribute",
    "event_expression",
    "find_anchors",
    "find_time_expressions",
    "governing_verb",
    "number_word",
    "ordinal_word",
    "timeline_json",
    "words",
]

VERSION = "timeline-4"
