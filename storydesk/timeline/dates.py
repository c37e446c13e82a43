"""Date arithmetic, and the tense (from the parse) that says which way a date without a year
or a weekday lies from the publication date."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Span, Token

from ..doctext import doc_text
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
    if direction == "nearest":  # "this Wednesday": the nearer side of publication
        return published + dt.timedelta(days=forward if forward < back else -back)
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


_FUTURE_HEADS = words("expect due schedule set plan go intend hope aim prepare slate")
# A present-tense verb of saying reports a statement, not a plan: "officials say on Monday".
_SAYING = words(
    """say tell announce report confirm add insist claim warn state deny admit note write
    according"""
)


_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "aux", "auxpass", "ccomp"})


def _has_verb(sent: Span) -> bool:
    """A verb, or the parts of a clause where the tagger missed the verb ("police
    interview the doctor": "interview" tagged as a noun, "the doctor" its object)."""
    return any(
        t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ == "ROOT") or t.dep_ in _CLAUSE_DEPS
        for t in sent
    )


def in_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether the sentence that holds ``[start, end)`` has a verb: a finite clause, not a
    caption, a heading or a dateline. A date that is a sentence of its own at the head of
    a line dates the sentence after it on that line, as in a chronology ("28 June 2009
    Police interview the doctor."): it counts when that sentence has a verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    sent = span.sent
    if _has_verb(sent):
        return True
    text = doc_text(doc)
    alone = not heading_rest(text, sent.start_char, sent.end_char, start, end)
    line_start = text.rfind("\n", 0, start) + 1
    if not alone or text[line_start:start].strip() or sent.end >= len(doc):
        return False
    after = doc[sent.end].sent
    return "\n" not in text[sent.end_char : after.start_char] and _has_verb(after)


def heading_rest(text: str, s_start: int, s_end: int, start: int, end: int) -> bool:
    """Whether sentence ``[s_start, s_end)`` holds anything but the date ``[start, end)``
    and punctuation."""
    rest = text[s_start:start] + text[end:s_end]
    return any(c.isalnum() for c in rest)


# Words that make what hangs below them a point of comparison: "up from $34,410 in October
# 2015", "more than in 2015", "compared with 6.2 percent in September".
_COMPARING = words("from than versus vs vs.")


def comparison_point(doc: Doc, start: int, end: int) -> bool:
    """Whether ``[start, end)`` dates the value a figure is compared with, not the event:
    on its way up to the verb that governs it, the date passes through "from", "than",
    "versus" or "compared" ("The average price was $39,014, up from $34,410 in October
    2015": October 2015 is when the older price held)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    for _ in range(20):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            # "compared with ... in September", not "They compared the two in May"
            return token.lemma_.lower() == "compare" and token.dep_ in ("prep", "advcl")
        if token.lower_ in _COMPARING:
            return True
    return False


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


def _adverbial(doc: Doc, start: int, end: int, verb: Token) -> bool:
    """Whether the date modifies ``verb`` itself ("meets on Tuesday", "is due on Tuesday"),
    not a noun of its clause ("Tuesday's quake is the worst")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    while token.i != verb.i and token.head.i != token.i:
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token not in span:
            return False
        if token.dep_ in ("poss", "compound", "nmod"):
            return False
        token = token.head
    return token.i == verb.i


# A noun that is planned, not done: "the expected start of the rainy season in May".
_PLANNED_MODIFIERS = words("expected planned scheduled upcoming forthcoming proposed")


def _planned_noun(doc: Doc, start: int, end: int, verb: Token) -> bool:
    """Whether a noun between the date and its verb is one that lies ahead ("the expected
    start ... in May", "the planned vote on Sunday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    for _ in range(20):
        if token.i == verb.i or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.lower_ in _PLANNED_MODIFIERS for c in token.children
        ):
            return True
    return False


def _past_form(token: Token) -> bool:
    """ "was due", "were expected", "had planned": the word or its copula is in the past."""
    if token.tag_ == "VBD":
        return True
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"was", "were", "had"}:
        return True
    return token.dep_ == "acomp" and token.head.tag_ == "VBD"


def _tense(doc: Doc | None, start: int, end: int) -> str | None:
    """``past``, ``future``, ``present`` or ``None`` for the verb an expression attaches to.

    ``present`` is a present-tense verb (not one of saying) that the date modifies
    directly: "the cabinet meets on Tuesday", "the vote is due on Tuesday", "ministers are
    meeting on Tuesday". News writes plans that way, so such a weekday lies ahead.
    """
    if doc is None:
        return None
    verb = governing_verb(doc, start, end)
    if verb is None:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "shall", "'ll", "’ll", "wo", "would"}:
        return "future"
    if _planned_noun(doc, start, end, verb):
        return "future"  # "before the expected start of the rainy season in May"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_HEADS:
        # "was due to be released in September": a plan told from the past, either side
        # of publication; "is due to be released" looks ahead.
        return None if _past_form(verb.head) else "future"
    if verb.lemma_ in _FUTURE_HEADS and aux & {"is", "are", "am", "'s", "’s", "'re", "’re"}:
        return "future"  # "a service is planned for Sunday", "talks are expected on Friday"
    if (
        verb.lemma_ in _FUTURE_HEADS
        and verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "amod", "advcl")
        and (verb.lemma_ != "set" or doc_text(doc)[:start].rstrip().endswith("for"))
    ):
        return "future"  # "a meeting planned for Tuesday", "a vote set for May 3"
    if verb.tag_ == "VBD" or aux & {"had", "was", "were", "did"}:
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not aux:
        return "past"  # "its previous record, set on December 7": done, not planned
    if verb.tag_ == "VBN" and aux & {"has", "have"}:
        return "past"
    present = verb.tag_ in ("VBZ", "VBP") or (
        verb.tag_ == "VBG" and aux & {"is", "are", "am", "'s", "’s", "'re", "’re"}
    )
    if present and verb.lemma_ not in _SAYING and _adverbial(doc, start, end, verb):
        return "present"
    return None
