"""Date arithmetic, and the tense (from the parse) that says which way a date without a year
or a weekday lies from the publication date."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Token

from .words import words


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


def clause_depth(doc: Doc, start: int, end: int) -> int:
    """Steps from the verb that ``[start, end)`` attaches to up to its sentence's root; 99
    when no verb governs it."""
    token = governing_verb(doc, start, end)
    if token is None:
        return 99
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


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
    if verb.lemma_ in _FUTURE_HEADS and aux & {"is", "are", "am", "'s", "’s", "'re", "’re"}:
        return "future"  # "a service is planned for Sunday", "talks are expected on Friday"
    if verb.tag_ == "VBD" or aux & {"had", "was", "were", "did"}:
        return "past"
    if verb.tag_ == "VBN" and aux & {"has", "have"}:
        return "past"
    return None
