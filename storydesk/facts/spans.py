"""Number phrases in a parse, their qualifiers ("at least"), and the numbers that are not
facts (ages, years, times, digit groups, ranges, identifiers, vague quantities)."""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.attrs import LIKE_NUM, POS
from spacy.symbols import NUM
from spacy.tokens import Doc, Span, Token

from ..timeline import TENS, UNITS, words
from .amounts import _CURRENCY_WORDS, _SCALES, _SYMBOL_TOKENS, parse_amount

# The words before a number that qualify it (matched whole, case-insensitive).
_QUALIFIERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"at least|no (?:fewer|less) than|a minimum of", re.I), "at least"),
    (re.compile(r"more than|over|above|upwards of|in excess of|just over", re.I), "more than"),
    (
        re.compile(
            r"about|around|some|approximately|roughly|an estimated|estimated|close to|circa|"
            r"c\.|approx\.?",
            re.I,
        ),
        "about",
    ),
    (re.compile(r"nearly|almost|just under|close on", re.I), "nearly"),
    (re.compile(r"up to|as many as|as much as|at most", re.I), "up to"),
    (re.compile(r"less than|fewer than|under|below", re.I), "less than"),
]
_RANGE = re.compile(r"\d\s*(?:-|–|to)\s*\d")
_DIGIT_GROUPS = re.compile(r"\d[-./]\d+[-./]\d|\d{3}[-. ]\d{4}|\(\d{3}\)|(?<![\d,.])0\d")
_AGE_AFTER = re.compile(r"^[\s-]*(?:years?[\s-]+old|year-old|-year-old|yrs?\b)", re.I)
_AGE_BEFORE = re.compile(r"\baged\s*$", re.I)
_TIME_AFTER = re.compile(r"^\s*(?:BST|GMT|UTC|EST|EDT|CET|CEST|ET|PT|[ap]\.?m\b\.?)", re.I)
_VAGUE = words("dozens hundreds thousands millions billions scores tens several few many")
# "40 times the safe level", "scored four times", "a fivefold rise": a multiplier or a
# frequency, not a count of anything.
_TIMES_AFTER = re.compile(r"^[\s-]*(?:times|fold)\b", re.I)


def _qualifier(doc: Doc, span: Span) -> tuple[str | None, int]:
    """A qualifier in the (up to four) words before the number, and where it starts."""
    for k in range(min(4, span.start), 0, -1):
        first = doc[span.start - k]
        if first.is_space:
            continue
        # A slice of tokens: cheaper than slicing the article's text for a few words.
        words_before = " ".join(doc[first.i : span.start].text.split())
        for pattern, name in _QUALIFIERS:
            if not pattern.fullmatch(words_before):
                continue
            verb_before = first.i > 0 and doc[first.i - 1].pos_ == "VERB"
            if name == "up to" and (verb_before or first.head.pos_ == "VERB"):
                continue  # "called up to 86,000": a particle
            return name, first.idx
    return None, span.start_char


def _numberish(token: Token) -> bool:
    return token.like_num or token.lower_ == "dozen" or token.text in _SYMBOL_TOKENS


def _core(doc: Doc, span: Span) -> Span | None:
    """The number itself: without the qualifier words the NER may include ("Some 136"), with
    the currency sign, "a" of "a dozen", and the scale or currency word it may leave out."""
    start, end = span.start, span.end
    while start < end and not _numberish(doc[start]):
        if (
            doc[start].lower_ in ("a", "an")
            and start + 1 < end
            and doc[start + 1].lower_ == "dozen"
        ):
            break
        start += 1
    if start == end or doc[start].lower_ in _VAGUE:
        return None  # "dozens", "hundreds": no value
    if start > 0 and (
        doc[start - 1].text in _SYMBOL_TOKENS
        or (doc[start].lower_ == "dozen" and doc[start - 1].lower_ in ("a", "an"))
    ):
        start -= 1
    if end < len(doc) and (
        doc[end].lower_.rstrip(".") in _SCALES or doc[end].lower_ in _CURRENCY_WORDS
    ):
        end += 1
    return doc[start:end]


def _number_spans(doc: Doc) -> list[tuple[Span, str]]:
    """Number phrases: NER spans of the countable labels, and numbers the NER missed."""
    out: list[tuple[Span, str]] = []
    covered: set[int] = set()
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
            out.append((ent, ent.label_))
    # Runs of tokens that are like numbers and tagged NUM, outside the entities: the
    # parse's arrays say which (the flags ``like_num`` and ``pos_`` read), no Token built
    number: list[bool] = []
    if len(doc):
        like, pos = doc.to_array([LIKE_NUM, POS]).T
        number = ((like != 0) & (pos == NUM)).tolist()
    i = 0
    for k in (k for k, yes in enumerate(number) if yes):
        if k < i or k in covered:
            continue
        j = k + 1
        while j < len(doc) and j not in covered and number[j]:
            j += 1
        out.append((doc[k:j], "CARDINAL"))
        i = j
    cores = [(core, label) for span, label in out if (core := _core(doc, span)) is not None]
    return _join_thousands(doc, sorted(cores, key=lambda x: x[0].start_char))


def _join_thousands(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """ "230, 000": a tokenised corpus's thousands, which the NER splits in two."""
    out: list[tuple[Span, str]] = []
    for span, label in spans:
        if out:
            last, last_label = out[-1]
            if (
                span.start == last.end + 1
                and doc[last.end].text == ","
                and re.fullmatch(r"\d{3}", span[0].text)
                and re.fullmatch(r"\d{1,3}", last[-1].text)
                and doc[last.end].idx + 2 == span.start_char
            ):
                out[-1] = (doc[last.start : span.end], last_label)
                continue
        out.append((span, label))
    return out


def _skip(span: Span, text: str) -> bool:
    """Numbers that are not facts: ages, years, ordinals, digit groups, ranges, identifiers."""
    s = re.sub(r"(\d), (\d{3})\b", r"\1,\2", span.text)  # "230, 000" (_join_thousands)
    if _RANGE.search(s) or _DIGIT_GROUPS.search(s) or re.search(r"\d(?:st|nd|rd|th)\b", s):
        return True
    if re.search(r"\d-[A-Za-z]", s) and not re.search(r"-(?:million|billion)\b", s):
        return True  # "18,000-foot", "8-cent": a compound modifier
    after = text[span.end_char : span.end_char + 14]
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(
        text[max(0, span.start_char - 8) : span.start_char]
    ):
        return True
    if _TIME_AFTER.match(after):
        return True  # "10.47 BST", "9 pm"
    if re.search(r"\d/\d", s):
        return True  # "a 6/8 feel", "24/7": a fraction or a measure, no count
    if _TIMES_AFTER.match(after) or re.search(r"\stimes$", s, re.I):
        return True  # "40 times the level", "scored four times": no counted thing
    if _run_together(span):
        return True
    # Glued to other digits or a hyphen: "F-16", "555-1234", "1-0"; a compound modifier:
    # "8-cent", "18,000-foot" (a measure of something else).
    if re.match(r"[-–/:]\d|-[A-Za-z]", after) or re.search(
        r"\d[-–/:]$|[A-Za-z]-$", text[max(0, span.start_char - 2) : span.start_char]
    ):
        return True
    last = span[-1]
    # "Resolution 1701", "Flight 17": a number after the noun it names.
    if (
        last.dep_ in ("nummod", "appos", "npadvmod", "compound")
        and last.head.pos_ in ("PROPN", "NOUN")
        and last.head.i == span.start - 1
    ):
        return True
    # "John Smith, 45,": an age in apposition to a person.
    return last.head.ent_type_ == "PERSON" and last.dep_ in ("appos", "npadvmod", "amod")


def _is_year(span: Span) -> bool:
    """ "in 2009", "the 2009 prisoner exchange": a year, not a count. A year-like number
    counts only a plural noun ("1999 rockets")."""
    s = span.text.strip()
    if not re.fullmatch(r"(?:1[89]|20)\d\d", s):
        return False
    last = span[-1]
    return last.dep_ != "nummod" or last.head.tag_ not in ("NNS", "NNPS")


def _scale_word(token: Token) -> bool:
    return token.lower_.rstrip(".") in _SCALES or token.lower_ == "dozen"


def _composes(a: Token, b: Token) -> bool:
    """Two number words side by side that make one number: "twenty five", "2.5 million"."""
    return _scale_word(b) or (a.lower_ in TENS and b.lower_ in UNITS)


def _run_together(span: Span) -> bool:
    """Two numbers run together ("scored three four times", "lost eight of their nine 10
    games"), a slip of the page's text: neither can be told to be the figure.
    A number right before or after the span counts too, when the NER split them."""
    doc = span.doc
    tokens = [t for t in span if t.like_num]
    if any(b.i == a.i + 1 and not _composes(a, b) for a, b in pairwise(tokens)):
        return True
    if not tokens:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if (
        before is not None
        and before.like_num
        and before.i + 1 == tokens[0].i
        and not _composes(before, tokens[0])
        and parse_amount(before.text) is not None
    ):
        return True
    return (
        after is not None
        and after.like_num
        and tokens[-1].i + 1 == after.i
        and not _composes(tokens[-1], after)
        and parse_amount(after.text) is not None
    )
