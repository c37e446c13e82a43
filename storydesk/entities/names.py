"""Comparing names: normalised forms, short names that stand for full ones, full names of
one person."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

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


# Articles and particles a transliteration writes one way or another, or leaves out:
# "al-Masri", "el-Masry", "Masri".
_ARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es"})


def _core(words: Sequence[str]) -> list[str]:
    return [w for w in words if w not in _ARTICLES] or list(words)


@lru_cache(maxsize=65536)
def _sound(word: str) -> str:
    """A word as transliterations agree on it: ASCII, "q" as "k", "ou"/"oo" as "u", "ee"
    as "i", a final "y" as "i", "ph" as "f", no doubled letters ("Qassem" and "Kassem",
    "Masry" and "Masri")."""
    s = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() or word
    s = s.replace("ph", "f").replace("q", "k").replace("ou", "u").replace("oo", "u")
    s = s.replace("ee", "i").replace("ck", "k")
    s = re.sub(r"y$", "i", s)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    """The consonants of a word as transliterations agree on it: vowels and "h" are where
    they differ ("Mohammed" / "Muhammad", "Hussein" / "Husayn")."""
    return re.sub(r"[aeiouyh]", "", _sound(word))


def _variant(x: str, y: str, floor: float) -> bool:
    """The same word in two spellings: equal as transliterations agree on them, or of the
    same consonants and close (rapidfuzz's normalised similarity, 0-100, at least
    ``floor``). "Brenner" and "Bremner" are two names."""
    if x == y:
        return True
    a, b = _sound(x), _sound(y)
    if a == b:
        return True
    skeleton = _skeleton(x)
    return len(skeleton) >= 2 and skeleton == _skeleton(y) and fuzz.ratio(a, b) >= floor


def _same_person(a: list[str], b: list[str], same_article: bool) -> bool:
    """Two full names of one person: same last word and first word (or its initial, or a
    short form of it: "Pat" / "Patrick"), one the tail of the other, or variant spellings:
    of the first word ("Benjamin" / "Binyamin"), or of the surname with the same or a
    variant first name ("Yusuf al-Masri" / "Yusuf el-Masry", "Naim Kassem" / "Naim
    Qassem"), never two first names that differ ("Yusuf al-Masri" / "Omar el-Masry").
    Within one article (a page that carries two wires' spellings) only the same first name
    with a surname that transliterations write alike ("al-Masri" / "el-Masry", "Qassem" /
    "Kassem"; not "Brenner" / "Bremner")."""
    if len(a) < 2 or len(b) < 2:
        return False
    if a[-1] != b[-1]:
        a, b = _core(a), _core(b)
        if len(a) < 2 or len(b) < 2:
            return False
        if same_article:  # one first name, one surname as transliterations agree on it
            return a[0] == b[0] and _sound(a[-1]) == _sound(b[-1])
        if not _variant(a[-1], b[-1], 70):
            return False
        x, y = a[0], b[0]
        initial = (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
        return initial or _variant(x, y, 70)
    x, y = a[0], b[0]
    if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    if min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)):
        return True  # a short form of the first name: "Pat" / "Patrick"
    if a[-len(b) :] == b or b[-len(a) :] == a:
        return True
    similar = x[0] == y[0] and min(len(x), len(y)) >= 5
    return not same_article and similar and fuzz.ratio(x, y) >= 70


def _short_variant(short: str, full: str, strict: bool = False) -> bool:
    """A one-word name spelled as another article spells the full name's surname ("Qassem"
    of "Naim Kassem"); ``strict`` (within one article): only a spelling transliterations
    write alike."""
    s, f = _core(_words(short)), _core(_words(full))
    if len(s) != 1 or len(f) < 2 or s[0] == f[-1]:
        return False
    if strict:
        return _sound(s[0]) == _sound(f[-1])
    return _variant(s[0], f[-1], 70)


def _group_full_names(names: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(article id, full name) -> the first full name of the same person (union-find)."""
    parent = {key: key for key in names}

    def find(k: tuple[str, str]) -> tuple[str, str]:
        while parent[k] != k:
            parent[k] = k = parent[parent[k]]
        return k

    words = [_words(name) for _, name in names]  # once per name, not once per pair
    for i, a in enumerate(names):
        for j, b in enumerate(names[:i]):
            if _same_person(words[i], words[j], a[0] == b[0]):
                parent[find(a)] = find(b)
    firsts: dict[tuple[str, str], str] = {}
    for key in names:
        firsts.setdefault(find(key), key[1])
    return {key: firsts[find(key)] for key in names}
