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

from .corpus import TITLE_WORDS, title_from_text

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


def headline_like(title: str | None) -> bool:
    """A headline a story can be named by: neither a slug (:func:`is_slug`) nor one side's
    quotation (:func:`is_quote`)."""
    return bool(title and title.strip()) and not is_slug(title or "") and not is_quote(title or "")


def title_from_sentences(sentences: Iterable[str]) -> str | None:
    """The first of ``sentences`` (a summary, the news first) that is not a quotation, as a
    title: whole when it has at most :data:`storydesk.corpus.TITLE_WORDS` words, else its
    words up to the last comma among them (a clause of six words or more), else those words
    and " ..." (:func:`storydesk.corpus.title_from_text`). ``None`` when every one is a quote.

    >>> title_from_sentences(['"We rebuild," she said.', "The Kessen dam burst on Monday, and the"
    ...     " river rose through the night across the whole of the lower town."])
    'The Kessen dam burst on Monday'
    """
    for s in sentences:
        text = s.strip()
        if not text or is_quote(text):
            continue
        words = text.split()
        if len(words) > TITLE_WORDS:
            head = words[:TITLE_WORDS]
            cut = max((i for i, w in enumerate(head) if w.endswith(",")), default=-1)
            if cut >= 5:
                return " ".join(head[: cut + 1]).rstrip(",")
        return title_from_text(text)
    return None
