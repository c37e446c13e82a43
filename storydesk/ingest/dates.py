"""Publication dates from the many forms metadata gives them."""

from __future__ import annotations

import datetime as dt

from dateutil import parser as dateparser


def parse_date(value: object) -> dt.date | None:
    """Parse an ISO date or datetime, or a common written form; ``None`` when unknown.

    >>> parse_date("2014-07-22T10:15:00Z")
    datetime.date(2014, 7, 22)
    >>> parse_date("July 22, 2014")
    datetime.date(2014, 7, 22)
    >>> parse_date("soon") is None
    True
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        default = dt.datetime(1900, 1, 1)
        parsed = dateparser.parse(text, default=default, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None or parsed.year == 1900 or not 1900 < parsed.year < 2200:
        return None
    return parsed.date()
