"""Finding date expressions in text and resolving them against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from ..dating import MONTHS
from ..doctext import doc_text
from ..model import Span, TimeExpression
from .dates import (
    _monday,
    _month_date,
    _month_start,
    _pick_year,
    _safe_date,
    _tense,
    _weekday_date,
    clause_depth,
    comparison_point,
    in_clause,
)
from .expressions import (
    _ANCHOR_BEFORE,
    _DURATION_NOUN,
    _NOUN_STOP,
    _PART_OF_DAY_BEFORE,
    _PATTERNS,
    _RELATION_BEFORE,
    BOUND_WORDS,
    DATELINE_AFTER,
    DATELINE_AGENCY_AFTER,
    DATELINE_PLACE,
    PAGE_STAMP_BEFORE,
    STAMP_AFTER,
    STAMP_BEFORE,
    Anchor,
    matches,
)
from .words import (
    _RELATIONS,
    COMPARED,
    HOSTILITIES,
    NOT_EVENT_RELATIONS,
    WEEKDAYS,
    number_word,
    ordinal_word,
    words,
)

_YEAR_DIGITS = re.compile(r"\d{4}")
# A sentence that starts right after a stamp on its line: capitalised words (not a capitals
# dateline, "TRIPOLI -LRB-"; "As Russian Foreign Minister Sergei Lavrov heads"), then a
# lower-case word.
_LEDE_AFTER = re.compile(
    r"[ \t]+[`‘'\"“]*[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,6}[ \t]+['’]?[a-z]"
)


def _chrome(text: str, start: int, end: int) -> str | None:
    """``dateline`` for a date that heads its line as a dateline ("CAIRO, March 3 -"),
    ``page`` for a page's stamp or byline ("Updated: March 3, 2009"), or a time stamp
    anywhere on its line ("Wed Mar 2, 2011 12:27 am IST", "| Posted January 28, 2011"):
    none dates an event of the article's body."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if STAMP_BEFORE.search(text, max(line_start, start - 40), start):
        return "page"
    stamp = STAMP_AFTER.match(text, end)
    # A page stamp; but a lede run into it on its line ("... 07.23 BST Kevin Costner's
    # latest role is ...", a page's text without its line breaks) is dated by it, as the
    # report's own day, the way its lede is read.
    if (
        stamp
        and (stamp.group("year") or _YEAR_DIGITS.search(text, start, end))
        and (stamp.group("updated") or not _LEDE_AFTER.match(text, stamp.end()))
    ):
        return "page"
    if len(before) > 120:
        return None
    if PAGE_STAMP_BEFORE.search(before):
        return "page"
    if DATELINE_PLACE.fullmatch(before) and DATELINE_AFTER.match(text, end, end + 60):
        return "dateline"
    if not before.strip() and DATELINE_AGENCY_AFTER.match(text, end, end + 60):
        return "dateline"
    return None


# Words that put a date in a clause of the body ("begins on March 3, 2026").
_CLAUSE_WORDS = words("on in at by since until till from before after of to for as than between")
_SEEN = words("seen pictured shown photographed")
_CAPTION_END = re.compile(r"[ \t]*(?:\.|\n|$)")


def _caption(doc: Doc, start: int, end: int) -> bool:
    """A photo caption: a present-tense sentence that ends in a full date without a
    preposition before it ("A labourer feeds piglets at a farm outside Suining, Sichuan
    province April 27, 2009.", "Dollar notes are seen in this picture taken March 1,
    2011."). The date is when the photo was taken, not an event of the report."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    sent = span.sent
    text = doc_text(doc)
    rest = text[end : sent.end_char]
    # A caption ends at its date: a full stop or the end of its line ("... 2026. REUTERS/"),
    # where a date run into what follows is a chronology's heading or a page's stamp.
    if any(c.isalnum() for c in rest) or not _CAPTION_END.match(text, end):
        return False
    before = [t for t in doc[sent.start : span.start] if not t.is_punct]
    if not before or before[-1].lower_ in _CLAUSE_WORDS:
        return False
    root = sent.root
    if root.lemma_.lower() in _SEEN or (root.tag_ == "VBN" and root.lower_ in _SEEN):
        return True
    return (
        root.tag_ in ("VBZ", "VBP")
        and root.pos_ == "VERB"
        and root.lemma_.lower() not in _SAYING_LEMMAS
    )


_SAYING_LEMMAS = words("say tell announce report confirm add insist claim warn state deny admit")


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


# A word without which a pattern cannot match: a cheap test spares a costly scan.
_NEEDS = {"ago": "ago", "counted": "day", "dayn": "day"}


def _candidates(text: str) -> list[tuple[str, re.Match[str]]]:
    lower = text.lower()
    found = [
        (name, m)
        for name, pat in _PATTERNS
        if _NEEDS.get(name, "") in lower
        for m in matches(name, pat, text)
    ]
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
    article_id: str,
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
            if mod == "this":
                # "this Wednesday": the nearer one, unless the tense says which side.
                direction = {"past": "past", "future": "future", "present": "future"}.get(
                    _tense(doc, start, end) or "", "nearest"
                )
            if direction is None:
                # A plan ("will meet", "meets", "is due") looks ahead, anything else back;
                # either way the publication day's own weekday is that day.
                ahead = _tense(doc, start, end) in ("future", "present")
                direction = "future" if ahead else "past"
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
        n = number_word(" ".join(g["n"].split())) if g["n"] else None
        if g["q"] and (BOUND_WORDS.fullmatch(" ".join(g["q"].split())) or unit in ("day", "week")):
            n = None  # "more than a year ago", "about ten days ago": no day, week or year
        if published is not None and n is not None:
            if unit == "day":
                date = published - dt.timedelta(days=n)
            elif unit == "week":
                date = _monday(published - dt.timedelta(weeks=n))
            elif unit == "month":
                date = _month_start(published, -n)
            else:
                date = dt.date(published.year - n, 1, 1)
    elif name == "vague":
        kind = "relative"  # "recently", "in recent weeks": said, never placed
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
    if kind in ("absolute", "weekday", "relative"):
        kind = _chrome(text, start, end) or kind
    if doc is None:
        span = Span(article_id, start, end)
        return TimeExpression(text[start:end], span, date, gran, kind, rel, None, name)
    if (
        kind == "absolute"
        and name in ("mdy", "dmy")
        and g.get("year")
        and _caption(doc, start, end)
    ):
        kind = "caption"
    if rel not in NOT_EVENT_RELATIONS and comparison_point(doc, start, end):
        rel = COMPARED
    depth = clause_depth(doc, start, end)
    clause = in_clause(doc, start, end)
    span = Span(article_id, start, end)
    return TimeExpression(text[start:end], span, date, gran, kind, rel, depth, name, clause)


def _resolve_safely(
    name: str,
    m: re.Match[str],
    text: str,
    published: dt.date | None,
    doc: Doc | None,
    anchors: Sequence[Anchor],
    article_id: str,
) -> TimeExpression | None:
    try:
        return _resolve(name, m, text, published, doc, anchors, article_id)
    except (ValueError, OverflowError):  # "999 years ago" before year 1: no such date
        span = Span(article_id, m.start(), m.end())
        return TimeExpression(m.group(), span, None, "day", "relative", rule=name)


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
    *,
    article_id: str = "",
) -> tuple[TimeExpression, ...]:
    """Date expressions in ``text``, resolved against ``published`` (see :mod:`storydesk.timeline`).

    ``doc``, when given, is the spaCy parse of ``text`` itself (used for tense only);
    ``anchors`` are starts of counted things known from elsewhere (other articles of the
    story); starts the text itself states come first. ``article_id`` is the id of the
    article ``text`` is, for the expressions' spans; leave it ``""`` for a text that is no
    article (a test sentence, a sentence the evaluation harness dates on its own).
    """
    found = [
        (name, m, expr)
        for name, m in _candidates(text)
        if (expr := _resolve_safely(name, m, text, published, doc, (), article_id)) is not None
        and expr.text
    ]
    if not any(e.kind == "counted" for _, _, e in found):
        return tuple(e for _, _, e in found)
    own = find_anchors(text, published, [e for _, _, e in found])
    known = list(own) + [a for a in anchors if a not in own]
    out = []
    for name, m, e in found:
        if e.kind == "counted" and known:
            e = _resolve_safely(name, m, text, published, doc, known, article_id) or e
        out.append(e)
    return tuple(out)
