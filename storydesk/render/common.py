"""What the Markdown and HTML renderers share: source numbering, meta lines, and what
article-derived text may reach a page (:func:`printable`, :func:`link_url`)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..model import Article, Briefing, Referent, Span, SummarySentence

ELISION = "[…]"

# C0 controls other than tab and newline, and DEL: a NUL or an escape has no business in a
# page. Vertical tab, form feed and carriage return become spaces so words stay apart.
_CONTROLS: dict[int, str | None] = {c: None for c in [*range(0x09), *range(0x0E, 0x20), 0x7F]}
_CONTROLS.update({0x0B: " ", 0x0C: " ", 0x0D: " "})
# A lone surrogate cannot be written as UTF-8 at all.
_SURROGATE = re.compile("[\ud800-\udfff]")
# What a browser strips from both ends of a URL (C0 controls and space) and removes from
# inside it (tab and newlines) before it reads the scheme (WHATWG URL standard).
_URL_ENDS = "".join(map(chr, range(0x21)))
_URL_INSIDE = str.maketrans("", "", "\t\n\r")
LINKABLE_SCHEMES = frozenset({"http", "https"})


def printable(text: str) -> str:
    """Article-derived text as a page may show it: without C0 control characters other
    than tab and newline (vertical tab, form feed and carriage return become spaces), and
    with U+FFFD for a lone surrogate. One character never becomes more than one.

    >>> printable("Dam\\x00 fails\\rtoday")
    'Dam fails today'
    """
    return _SURROGATE.sub("\ufffd", text.translate(_CONTROLS))


def link_url(url: str | None) -> str | None:
    """``url`` as a renderer may put it in a link, or ``None`` when it must stay text.

    Only ``http`` and ``https`` URLs with a host are links. The scheme is read as a browser
    reads it, so ``" JaVa\\tScRiPt:..."`` is ``javascript:`` and not a link; the URL
    returned is what the browser would follow (ends stripped, tabs and newlines removed,
    scheme in lower case).

    >>> link_url(" HTTPS://news.example/a b")
    'https://news.example/a b'
    >>> link_url("java\\tscript:alert(1)") is None
    True
    """
    if not url:
        return None
    cleaned = url.strip(_URL_ENDS).translate(_URL_INSIDE)
    scheme, colon, rest = cleaned.partition(":")
    if not colon or not scheme.isascii() or scheme.lower() not in LINKABLE_SCHEMES:
        return None
    if printable(cleaned) != cleaned:  # a control character inside: not a URL to follow
        return None
    link = f"{scheme.lower()}:{rest}"
    try:
        host = urlsplit(link).hostname
    except ValueError:  # a malformed host ("[::1") or port
        return None
    return link if host else None


def source_numbers(b: Briefing) -> dict[str, int]:
    """Article id -> the 1-based number a reader sees in citation markers."""
    return {a.id: n for n, a in enumerate(b.articles, start=1)}


def article_label(a: Article) -> str:
    """``Title — Outlet, date`` with whatever of those is known."""
    meta = ", ".join(x for x in (a.outlet, a.published.isoformat() if a.published else None) if x)
    title = a.title or a.id
    return f"{title} — {meta}" if meta else title


def duplicate_note(b: Briefing, a: Article, numbers: dict[str, int]) -> str:
    """``also published by ...`` for an original, ``copy of [n]`` for a near-duplicate."""
    by_id = {x.id: x for x in b.articles}
    original = b.duplicate_of().get(a.id)
    if original is not None:
        return f"copy of [{numbers[original]}]"
    copies = b.copies().get(a.id, [])
    if not copies:
        return ""
    names = [by_id[c].outlet or by_id[c].id for c in copies]
    return "also published by " + ", ".join(
        f"{n} [{numbers[c]}]" for n, c in zip(names, copies, strict=True)
    )


def coverage_line(b: Briefing) -> str:
    """``5 articles from 3 outlets, 2026-03-09 to 2026-03-11``."""
    n = len(b.articles)
    outlets = sorted({a.outlet for a in b.articles if a.outlet})
    dates = sorted(a.published for a in b.articles if a.published)
    parts = [f"{n} article{'s' if n != 1 else ''}"]
    if outlets:
        parts.append(f"from {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}")
    line = " ".join(parts)
    if b.duplicates:
        reports = n - len(b.duplicates)
        line += f" ({reports} distinct report{'s' if reports != 1 else ''})"
    if dates:
        line += f", {date_range(dates[0].isoformat(), dates[-1].isoformat())}"
    return line


def date_range(first: str, last: str | None) -> str:
    """``2026-03-09 to 2026-03-11``, or the one day when they are the same (or no last)."""
    return first if not last or last == first else f"{first} to {last}"


def summary_heading(b: Briefing) -> str:
    """``Summary``, or for an update briefing what the summary is new against."""
    if b.since is None:
        return "Summary"
    n = sum(1 for a in b.articles if a.published and a.published > b.since)
    return f"New since {b.since.isoformat()} ({n} article{'s' if n != 1 else ''})"


def empty_summary_note(b: Briefing) -> str:
    if b.since is not None:
        return f"Nothing new since {b.since.isoformat()}."
    return "No summary: the articles have no usable sentences."


def summary_parts(b: Briefing, s: SummarySentence) -> list[tuple[str, str]]:
    """A summary sentence as ``(kept text, text left out after it)`` pairs: a trimmed
    sentence shows where its source said more (the second item is empty at the end and
    for a whole sentence). A "he" or "she" whose person the article named earlier is
    followed by the name in brackets, the editor's mark for words that are not the
    source's: "On Monday, she [Ilse Brandt] ordered ..."."""
    if not s.omitted and not s.referents:
        return [(s.text, "")]
    by_id = {a.id: a for a in b.articles}
    source = s.citations[0]
    events: list[tuple[int, Span | Referent]] = sorted(
        [(o.start, o) for o in s.omitted] + [(r.end, r) for r in s.referents],
        key=lambda e: e[0],
    )
    at = removed = 0
    kept = ""
    out: list[tuple[str, str]] = []
    for offset, event in events:
        cut = offset - source.start - removed
        kept, at = kept + s.text[at:cut], cut
        if isinstance(event, Referent):
            kept += f" [{event.name}]"
        else:
            out.append((kept, by_id[event.article_id].text[event.start : event.end]))
            kept, removed = "", removed + event.end - event.start
    out.append((kept + s.text[at:], ""))
    return out


def elision_marks(parts: list[tuple[str, str]]) -> list[str]:
    """For each part, the mark shown after its kept text: ``[…]`` spaced from the text
    before it (after it, at the start of a sentence), or nothing when nothing was left out."""
    marks, before = [], ""
    for kept, left in parts:
        before += kept
        marks.append((f" {ELISION}" if before.strip() else f"{ELISION} ") if left else "")
    return marks


def with_elisions(parts: list[tuple[str, str]]) -> str:
    """Kept text with an elision mark wherever something was left out."""
    marks = elision_marks(parts)
    return "".join(kept + mark for (kept, _), mark in zip(parts, marks, strict=True))
