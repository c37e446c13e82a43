"""The value of a number phrase: digits or words, scales ("1.8 million", "$4.4 billion",
"$57m"), currency symbols and words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..timeline import TENS, UNITS

_CURRENCY_SYMBOLS = {
    "us$": "USD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "rs": "INR",
    "rs.": "INR",
}  # fmt: skip
_SYMBOL_TOKENS = frozenset({"$", "£", "€", "¥", "US$", "₹", "Rs", "Rs."})
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP",
    "yen": "JPY", "shekel": "ILS", "shekels": "ILS", "yuan": "CNY", "rupees": "INR",
    # Sub-units stay what they are: "32 cents" is 32 cents.
    "cent": "cents", "cents": "cents", "pence": "pence",
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "mn": 1_000_000,
    "m": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000,
    # The Indian scales: "50 lakh masks" are 5 million masks, "2,000 crore" 20 billion.
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}  # fmt: skip
_AMOUNT = re.compile(
    r"(?P<cur>US\$|\$|£|€|¥|₹|Rs\.?)?\s*(?P<num>\d{1,3}(?:, ?\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:[\s-]*(?P<scale>hundred|thousand|million|billion|trillion|lakhs?|crores?|bn|mn|tn|m|k|b)\b)?",
    re.IGNORECASE,
)


def _word_number(tokens: Sequence[str]) -> float | None:
    """'twenty-seven', 'two hundred', 'three million', 'a dozen' -> the number."""
    total, current, seen = 0.0, 0.0, False
    for raw in tokens:
        for w in re.split(r"-", raw.lower()):
            if not w or w == "and":
                continue
            if w in ("a", "an") and not seen:
                current, seen = 1, True
            elif w == "dozen":
                current = (current or 1) * 12
                seen = True
            elif w in UNITS:
                current += UNITS[w]
                seen = True
            elif w in TENS:
                current += TENS[w]
                seen = True
            elif w == "hundred":
                current = (current or 1) * 100
                seen = True
            elif w in ("thousand", "million", "billion", "trillion"):
                total += (current or 1) * _SCALES[w]
                current, seen = 0, True
            else:
                return None
    return total + current if seen else None


def parse_amount(text: str) -> tuple[float, str | None, str] | None:
    """The value of a number phrase, its currency code, and the words left after it.

    >>> parse_amount("$4.4 billion")
    (4400000000.0, 'USD', '')
    >>> parse_amount("1.8 million people")
    (1800000.0, None, 'people')
    >>> parse_amount("Fifteen")
    (15.0, None, '')
    >>> parse_amount("dozens") is None
    True
    """
    text = text.strip()
    m = _AMOUNT.search(text)
    if m and not text[: m.start()].strip().strip("$£€¥₹").strip():
        # "230, 000": a tokenised corpus's thousands; the NER keeps it one number.
        value = float(m.group("num").replace(",", "").replace(" ", ""))
        scale = (m.group("scale") or "").lower()
        if scale:
            value *= _SCALES[scale]
        cur = _CURRENCY_SYMBOLS.get((m.group("cur") or "").lower())
        rest = text[m.end() :].strip()
        first = rest.split(" ", 1)[0].lower() if rest else ""
        if first in _CURRENCY_WORDS:
            cur = cur or _CURRENCY_WORDS[first]
            rest = rest[len(first) :].strip()
        return value, cur, rest
    tokens = text.split()
    for n in range(len(tokens), 0, -1):
        number = _word_number(tokens[:n])
        if number is not None:
            rest = " ".join(tokens[n:])
            first = rest.split(" ", 1)[0].lower() if rest else ""
            cur = _CURRENCY_WORDS.get(first)
            if cur:
                rest = rest[len(first) :].strip()
            return number, cur, rest
    return None


def _clean_value(value: float) -> float:
    return int(value) if float(value).is_integer() else value
