"""An article's publication date when its metadata gives none: from its URL, else its text.

Story clustering weighs the gap between publication dates (:mod:`storydesk.cluster`), so an
article without a date is judged on content alone. Many pages carry the date elsewhere:

* the URL path: ``/2019/03/14/``, ``/2019-03-14/``, ``/20190314/``;
* the top of the text: a dateline or a "Published ..." line naming a full date
  ("March 14, 2019", "14 March 2019", "2019-03-14").

:func:`infer_published` returns the date with where it came from (``"url"`` or ``"text"``);
the article records it in ``date_source`` (``"metadata"`` when the reader had a date).
Only a full date (year, month, day) counts: a year alone says little about the day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

# How much of the top of the text may hold the publication date (headline, dateline,
# byline and "Published ..." lines come first).
HEAD_CHARS = 300

# Month names and abbreviations -> month number (also the timeline's and the features').
MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[/_.-]|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:/|$)"),
)
_TEXT_DATES = (
    re.compile(
        rf"\b{_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE
    ),
    re.compile(
        rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE
    ),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:\b|(?=T\d))"),
)


def _date(year: str, month: int, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def date_in_url(url: str | None) -> dt.date | None:
    """The date in a URL's path, if it has one.

    >>> date_in_url("https://example.org/news/2019/03/14/quake-hits-coast")
    datetime.date(2019, 3, 14)
    >>> date_in_url("https://example.org/2019-03-14-quake.html")
    datetime.date(2019, 3, 14)
    >>> date_in_url("https://example.org/story/123456") is None
    True
    """
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m and (found := _date(m["y"], int(m["m"]), m["d"])):
            return found
    return None


# A date read as a sentence's own ("on March 14, 2009, the quake ...") tells when something
# happened, not when the page was published.
_EVENT_CUE = re.compile(r"\b(on|since|in|of|from|until|by|before|after|to)\s*$", re.IGNORECASE)


def date_in_text(text: str, limit: int = HEAD_CHARS) -> dt.date | None:
    """The first full date at the top of the text that reads as a publication date: on a
    short line (a dateline, a "Published ..." line) or near the start of a line, and not
    after "on", "since", "in" and the like.

    >>> date_in_text("Quake hits coast\\nPublished: March 14, 2019 10:02 GMT\\nA strong ...")
    datetime.date(2019, 3, 14)
    >>> date_in_text("LIMA, 14 March 2019 - A strong earthquake shook the coast of the country.")
    datetime.date(2019, 3, 14)
    >>> date_in_text("Rescuers recalled the quake that struck on March 14, 2009, at dawn.") is None
    True
    """
    offset = 0
    for line in text[:limit].split("\n"):
        found: tuple[int, dt.date] | None = None
        for pattern in _TEXT_DATES:
            for m in pattern.finditer(line):
                if m.start() > 40 and len(line) > 100:
                    break
                if _EVENT_CUE.search(line[: m.start()]):
                    continue
                month = int(m["m"]) if "m" in m.groupdict() else MONTHS[m["month"].lower()]
                day = _date(m["y"], month, m["d"])
                if day and (found is None or m.start() < found[0]):
                    found = (m.start(), day)
                break
        if found:
            return found[1]
        offset += len(line) + 1
    return None


# A page's own date line near its headline: "Nov 18, 2019 10:42 AM ET", "Published 18
# November 2019", "By Jane Doe - 11/19/19 06:56 AM EST", "21:17 18.11.2019", a byline with
# its date. Numbers alone are read day and month only where one of them cannot be a month.
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)?\d\d)(?![\d/.-])"
)
_PUBLISHED_WORD = re.compile(r"\b(?:published|posted|first published|created)\b", re.IGNORECASE)
_UPDATED_WORD = re.compile(r"\b(?:updated|modified|last updated|edited)\b", re.IGNORECASE)
# How far from the article's first line a date line may stand: from a few lines above its
# headline (a kicker and a date line may stand over it) when the headline is found within
# PAGE_HEADLINE_REACH lines above the body, else PAGE_LINES_ABOVE lines above the body; to
# the body's first lines (a dateline, a byline under the lede).
PAGE_HEADLINE_REACH = 40
# A byline alone on its line: "By Jane Doe", "By Jane Doe Staff Writer", "Analysis by Jane
# Doe, Courier editor"
_BYLINE = re.compile(
    r"^(?:[A-Z][a-z]+\s+)?[Bb][Yy]\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*(?:,|and|\|).{0,60})?$"
)
PAGE_ABOVE_HEADLINE = 3
PAGE_LINES_ABOVE = 6
PAGE_LINES_INTO_BODY = 3
# A date on a line longer than this must open it (a dateline, "Nov 18, 2019 - ..."): on a
# sentence it is an event's date.
DATE_LINE_CHARS = 120
_TOKEN = re.compile(r"\w+")


def _numeric_date(m: re.Match[str]) -> dt.date | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    year = y if len(y) == 4 else f"20{y}"
    if a > 12 >= b:
        return _date(year, b, str(a))
    if b > 12 >= a:
        return _date(year, a, str(b))
    return None  # 05/06/2019: either order could be meant


# On a line longer than DATE_LINE_CHARS a date counts only where it opens the line, starting
# within this many characters.
_OPENING_CHARS = 40


def _opening_matches(pattern: re.Pattern[str], line: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(line)``'s matches that start within :data:`_OPENING_CHARS`
    characters, found without searching the rest of the line (an article given as one line
    is thousands of characters): a match is tried at each start in turn, and after a match
    the next is tried where it ends, as ``finditer`` does for a pattern that never matches
    an empty string (the pattern still sees the characters before a start, as in a search).

    >>> [m.start() for m in _opening_matches(re.compile(r"\\b\\d+"), "7 and 12 and 30" + " x" * 20)]
    [0, 6, 13]
    """
    pos = 0
    while pos <= min(_OPENING_CHARS, len(line)):
        m = pattern.match(line, pos)
        if m is None:
            pos += 1
            continue
        yield m
        pos = m.end() if m.end() > pos else pos + 1


def _dates_on_line(line: str) -> list[tuple[int, dt.date]]:
    """The full dates on a line that reads as a date line, with where each starts."""
    found: list[tuple[int, dt.date]] = []
    long = len(line) > DATE_LINE_CHARS

    def matches(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        return _opening_matches(pattern, line) if long else pattern.finditer(line)

    for pattern in _TEXT_DATES:
        for m in matches(pattern):
            month = int(m["m"]) if "m" in m.groupdict() else MONTHS[m["month"].lower()]
            if day := _date(m["y"], month, m["d"]):
                found.append((m.start(), day))
    for m in matches(_NUMERIC_DATE):
        if day := _numeric_date(m):
            found.append((m.start(), day))
    return sorted(
        (at, day)
        for at, day in found
        if (not long or at <= _OPENING_CHARS)
        # "Posted by Jane Doe on November 19, 2026": the page's date, not an event's
        and (_PUBLISHED_WORD.search(line[:at]) or not _EVENT_CUE.search(line[:at]))
    )


def _body_line(lines: list[str], body: str) -> int | None:
    """The line of the page where its cleaned body starts (its first six words)."""
    first = " ".join(_TOKEN.findall(body)[:6]).lower()
    if not first:
        return None
    for i, line in enumerate(lines):
        if first in " ".join(_TOKEN.findall(line)).lower():
            return i
    return None


def date_in_page(page: str, body: str, title: str | None = None) -> dt.date | None:
    """The page's own publication date, read from its text around the article's start:
    the lines between its headline and its body (a byline with a date, a "Published ..."
    or "Updated ..." line, a date alone) and its body's first lines (a dateline). A
    "Published" or "Posted" date comes before any other, an "Updated" date after them; a
    date in a sentence is an event's, and a date far from the headline (a related story's,
    a comment's, a copyright year) is never read. ``body`` is the page's cleaned text.

    >>> date_in_page("Home\\nNews\\nFlood toll rises\\nBy Jane Doe\\nUpdated: Nov 19, 2026\\n"
    ...     "Published: Nov 18, 2026 9:14 AM ET\\nThe river rose.\\nOlder: March 2, 2025",
    ...     "The river rose.", "Flood toll rises")
    datetime.date(2026, 11, 18)
    """
    from .furniture import headline_at  # furniture imports nothing of storydesk's

    lines = [line.strip() for line in page.splitlines() if line.strip()]
    start = _body_line(lines, body)
    if start is None:
        return None
    reach = max(0, start - PAGE_HEADLINE_REACH)
    head = headline_at(lines[reach : start + 1], title)
    if head is None:
        # a page whose headline is not its title's words: its byline marks the article's
        # head (the date line stands by it, share buttons may stand between it and the body)
        head = next(
            (i - reach for i in range(start - 1, reach - 1, -1) if _BYLINE.match(lines[i])), None
        )
    top = reach + head - PAGE_ABOVE_HEADLINE if head is not None else start - PAGE_LINES_ABOVE
    top = max(0, min(top, start - PAGE_LINES_ABOVE))
    anchor = reach + head if head is not None else start
    ranked: list[tuple[int, int, dt.date]] = []
    for i in range(top, min(len(lines), start + PAGE_LINES_INTO_BODY)):
        line = lines[i]
        for at, day in _dates_on_line(line)[:1]:
            before = line[:at]
            rank = 0 if _PUBLISHED_WORD.search(before) else 2 if _UPDATED_WORD.search(before) else 1
            if i >= start:
                rank = 3  # the body's dateline: after any date line above it
            # nearest the headline, the lines under it first (a box of related stories,
            # each with its date, may stand between the date line and the body)
            ranked.append((rank, i - anchor if i >= anchor else 100 + anchor - i, day))
    if not ranked:
        return None
    ranked.sort()
    best = [day for rank, _, day in ranked if rank == ranked[0][0]]
    if head is None and len(set(best)) > 1:
        return None  # dates of a list above the body, and no headline to tell which is its
    return ranked[0][2]


def infer_published(url: str | None, text: str) -> tuple[dt.date | None, str | None]:
    """``(date, "url" | "text")`` for an article whose metadata has no date; ``(None, None)``
    when neither holds one."""
    if found := date_in_url(url):
        return found, "url"
    if found := date_in_text(text):
        return found, "text"
    return None, None


__all__ = ["date_in_page", "date_in_text", "date_in_url", "infer_published"]
