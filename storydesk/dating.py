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
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
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


def infer_published(url: str | None, text: str) -> tuple[dt.date | None, str | None]:
    """``(date, "url" | "text")`` for an article whose metadata has no date; ``(None, None)``
    when neither holds one."""
    if found := date_in_url(url):
        return found, "url"
    if found := date_in_text(text):
        return found, "text"
    return None, None


__all__ = ["date_in_text", "date_in_url", "infer_published"]
