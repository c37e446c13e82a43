"""Comparing names: normalised forms, short names that stand for full ones, full names of
one person."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from .vocabulary import KNOWN_ACRONYMS


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """Lower case, no dots or possessives, hyphens as spaces, known acronyms for long forms."""
    s = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s).replace(".", "").replace("-", " ")
    s = re.sub(r"^the\s+", "", " ".join(s.split()))
    for short, longs in KNOWN_ACRONYMS.items():
        for long in longs:
            s = re.sub(rf"\b{long}\b", short, s)
    return s


def _words(name: str) -> list[str]:
    return list(_word_tuple(name))


@lru_cache(maxsize=65536)
def _word_tuple(name: str) -> tuple[str, ...]:
    return tuple(_norm(name).replace("'", "").split())


def _short_fits(short: str, full: str) -> bool:
    """True when a shorter name may stand for a full one: its last words ("Kerry", "Tayyip
    Erdogan", "Sisi" of "Abdel Fattah al-Sisi") or its first word ("Ban" of "Ban Ki-moon")."""
    s, f = _words(short), _words(full)
    return 0 < len(s) < len(f) and (f[-len(s) :] == s or (len(s) == 1 and s[0] == f[0]))


def _same_person(a: list[str], b: list[str], same_article: bool) -> bool:
    """Two full names of one person: same last word and first word (or its initial), one the
    tail of the other, or (across articles only: an article spells a name one way) a variant
    spelling of the first word ("Benjamin" / "Binyamin")."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    x, y = a[0], b[0]
    if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    if a[-len(b) :] == b or b[-len(a) :] == a:
        return True
    similar = x[0] == y[0] and min(len(x), len(y)) >= 5
    return not same_article and similar and SequenceMatcher(None, x, y).ratio() >= 0.7


def _group_full_names(names: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(article id, full name) -> the first full name of the same person (union-find)."""
    parent = {key: key for key in names}

    def find(k: tuple[str, str]) -> tuple[str, str]:
        while parent[k] != k:
            parent[k] = k = parent[parent[k]]
        return k

    for i, a in enumerate(names):
        for b in names[:i]:
            if _same_person(_words(a[1]), _words(b[1]), a[0] == b[0]):
                parent[find(a)] = find(b)
    firsts: dict[tuple[str, str], str] = {}
    for key in names:
        firsts.setdefault(find(key), key[1])
    return {key: firsts[find(key)] for key in names}
