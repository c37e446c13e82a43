"""Which words name a story: a headline-like line of its central report.

A page store's text gives what its first line holds as the headline, and that can be a wire
slug ("Quake Region Peak") or one side's words ('"We will not resign": Minister Vell').
Neither tells a reader what happened, and a quotation as the title takes one side in the
story's own name. Such a headline gives way to another report's, and when no report has a
headline-like one, to the story's news: the first summary sentence that is not a quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .corpus import TITLE_WORDS

_QUOTE_MARKS = "\"“”‘’'«»"
# "Speaker: what they said" / "Topic: I will not go": after the colon, a quotation, a
# pronoun of the speaker or of the one spoken to, or a verb with no subject ("Won't resign").
_SAID_AFTER_COLON = re.compile(
    r""":\s*(?:["“‘'«]|(?:I|I'm|I’m|We|We're|We’re|You|My|Our|He|She|They|Won['’]t|Will|Can['’]t|"""
    r"""Cannot|Didn['’]t|Don['’]t|Must|Never|Not)\b)"""
)
# Ends like a verb or a plural: "Wins", "Killed", "Rising" (a slug is nouns only).
_VERB_LIKE = re.compile(r"(?:s|ed|ing|en)$", re.IGNORECASE)


def is_slug(title: str) -> bool:
    """A wire slug or keyword line, not a headline: at most four words, every one of them
    capitalised or joined by "/" or "-", no digits, and none that can be a verb; or a line
    in capitals (a keyword line) with a slash.

    >>> is_slug("Quake Region Peak"), is_slug("Nadal Wins Again")
    (True, False)
    """
    words = title.split()
    if not words:
        return True
    if "/" in title and title.upper() == title:
        return True
    if len(words) > 4 or any(ch.isdigit() for ch in title):
        return False
    parts = [p for w in words for p in re.split(r"[-/]", w) if p]
    return all(p[:1].isupper() and p.isalpha() and not _VERB_LIKE.search(p) for p in parts)


def is_quote(title: str) -> bool:
    """One side's words as a headline: it opens with a quotation, or follows a speaker's or
    a topic's name and a colon with what was said.

    >>> is_quote('"We will not resign," says minister'), is_quote("Minister Vell: Won't resign")
    (True, True)
    >>> is_quote("Floods: army sends boats to Port Averly")
    False
    """
    stripped = title.strip()
    return stripped[:1] in _QUOTE_MARKS or bool(_SAID_AFTER_COLON.search(stripped))


# A line its site cut off: "... and", "...", "…" at its end.
_CUT_OFF = re.compile(r"(?:\.\.\.|…)[\s\"'”’)\]]*$")


def is_teaser(title: str) -> bool:
    """A lede or a teaser cut off by its site or by a length cap, not a headline: it ends
    with "..." or "…".

    >>> is_teaser("Black Friday this year is going to be huge for all sorts of...")
    True
    >>> is_teaser("Floods: army sends boats")
    False
    """
    return bool(_CUT_OFF.search(title.strip()))


def headline_like(title: str | None) -> bool:
    """A headline a story can be named by: not a slug (:func:`is_slug`), not one side's
    quotation (:func:`is_quote`), not a lede or teaser cut off (:func:`is_teaser`)."""
    text = (title or "").strip()
    return bool(text) and not is_slug(text) and not is_quote(text) and not is_teaser(text)


# A title cut from a long sentence may run this many words past TITLE_WORDS to reach the
# end of a clause.
CLAUSE_SLACK = 6
# Words that open a new clause: a title may end before one.
# ("and", "as", "who" join nouns as often: "crews from three valleys and the army")
_CLAUSE_WORDS = frozenset(
    {"after", "while", "when", "which", "because", "since", "amid", "before", "despite"}
)


# Words that open a relative clause set off by commas after the subject: a comma that
# closes one ends no title ("Simon Vell, who runs the fund," is a subject, not a headline).
# (An apposition opens with "a" or "the" as a main clause does: "On Monday, the army sent
# boats," is a headline.)
_ASIDE_WORDS = frozenset({"who", "whom", "whose", "which", "where"})


def _closes_aside(words: list[str], k: int) -> bool:
    """The comma ending ``words[:k]`` closes a relative clause opened by the comma before
    it, so the title would be a subject with no verb.

    >>> _closes_aside("Simon Vell, who runs the fund, will step down".split(), 6)
    True
    """
    text = " ".join(words[:k]).rstrip(",").rstrip()
    before = text.rfind(",")
    if before < 0:
        return False
    opener = text[before + 1 :].split()[:1]
    return bool(opener) and opener[0].lower() in _ASIDE_WORDS


def _clause_end(words: list[str]) -> int | None:
    """How many of a long sentence's words make a title that ends with a clause: at a
    comma, a semicolon or a colon, or before a word that opens a new clause; the latest
    such end within :data:`TITLE_WORDS` words, else the first within
    :data:`CLAUSE_SLACK` more; at least five words; never at the comma that closes an
    aside after the subject (:func:`_closes_aside`). None when there is none."""
    ends = [
        k
        for k in range(5, min(len(words), TITLE_WORDS + CLAUSE_SLACK) + 1)
        if (words[k - 1].endswith((",", ";", ":")) and not _closes_aside(words, k))
        or (k < len(words) and words[k].lower() in _CLAUSE_WORDS)
    ]
    within = [k for k in ends if k <= TITLE_WORDS]
    if within:
        return within[-1]
    return ends[0] if ends else None


def title_from_sentences(sentences: Iterable[str]) -> str | None:
    """The first of ``sentences`` (a summary, the news first) that is not a quotation, as a
    title: whole when it has at most :data:`storydesk.corpus.TITLE_WORDS` words, else its
    words up to the end of a clause (:func:`_clause_end`). A title is never a sentence cut
    off with "...": when the first has no clause to end at, the next sentence that does is
    taken, and failing that the first one whole. ``None`` when every one is a quote.

    >>> title_from_sentences(['"We rebuild," she said.', "The Kessen dam burst on Monday, and the"
    ...     " river rose through the night across the whole of the lower town."])
    'The Kessen dam burst on Monday'
    """
    first: str | None = None
    for s in sentences:
        text = s.strip()
        if not text or is_quote(text) or is_teaser(text):
            continue
        words = text.split()
        if len(words) <= TITLE_WORDS:
            return text
        cut = _clause_end(words)
        if cut is not None:
            return " ".join(words[:cut]).rstrip(",;:")
        first = first or text
    return first
