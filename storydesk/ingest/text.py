"""Plain-text articles: the first non-empty line is the title when it looks like one."""

from __future__ import annotations

import datetime as dt
import re

from ..model import RawDocument
from .dates import parse_date
from .decode import decode_bytes

_TERMINAL = re.compile(r"[.,;:]$")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def looks_like_headline(line: str) -> bool:
    """A short line, starting with a capital or digit, that does not end like a sentence."""
    words = _WORD.findall(line)
    if not 1 <= len(words) <= 20 or len(line) > 160:
        return False
    first = line.lstrip("'\"‘“(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return not _TERMINAL.search(line.rstrip("'\"’”"))


def split_title(text: str) -> tuple[str | None, str]:
    """Split a headline (and a section kicker above it) off the top of a plain text.

    >>> split_title("Floods hit Port Averly\\n\\nThe river rose overnight.")
    ('Floods hit Port Averly', '\\nThe river rose overnight.')
    """
    lines = text.splitlines()
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonempty) < 2:
        return None, text
    first = lines[nonempty[0]].strip()
    if not looks_like_headline(first):
        return None, text
    title_at = nonempty[0]
    # A one-to-three word section label ("Middle East") above the real headline.
    second = lines[nonempty[1]].strip()
    if (
        len(nonempty) >= 3
        and len(_WORD.findall(first)) <= 3
        and looks_like_headline(second)
        and len(_WORD.findall(second)) > len(_WORD.findall(first))
    ):
        title_at = nonempty[1]
    title = lines[title_at].strip()
    return title, "\n".join(lines[title_at + 1 :])


# A page's own publication-date line: "Publication date: 12 March 2026", "Published: ...".
_DATE_LINE = re.compile(
    r"^\s*(?:publication|publishing|release|posting)\s+date\s*:\s*(.{6,40}?)\s*$"
    r"|^\s*(?:first\s+|originally\s+)?(?:published|posted)(?:\s+on)?\s*:\s*(.{6,40}?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def published_from_text(text: str) -> dt.date | None:
    """The date of the text's first publication-date line, if it has one that parses.

    Cleaning removes the line; its date is the article's, not an event of the story.

    >>> published_from_text("Floods\\nPublication date: 12 March 2026\\nThe river rose.")
    datetime.date(2026, 3, 12)
    """
    for m in _DATE_LINE.finditer(text):
        value = m.group(1) or m.group(2)
        date = parse_date(value)
        if date is not None:
            return date
    return None


def read_text(data: bytes, source: str) -> list[RawDocument]:
    """Read one ``.txt`` article."""
    text = decode_bytes(data, source)
    title, body = split_title(text)
    return [
        RawDocument(
            source=source,
            text=body,
            title=title,
            title_from_text=title is not None,
            published=published_from_text(body),
        )
    ]


_SITE_SUFFIX = re.compile(r"\s+(?:\||[-–—]|::)\s+([^|–—]{2,60})$")


def strip_site_suffix(title: str | None, outlet: str | None = None) -> str | None:
    """A page title less the site name a page appends to it ("Landslide shuts the pass |
    Varden Valley Voice"): a short tail after " | " (or after a dash when it is the outlet's
    name), when at least four words of headline stand before it.

    >>> strip_site_suffix("Landslide shuts Varden Pass road | Varden Valley Voice")
    'Landslide shuts Varden Pass road'
    >>> strip_site_suffix("Kerry - hopeful for a truce")
    'Kerry - hopeful for a truce'
    """
    if not title:
        return title
    m = _SITE_SUFFIX.search(title)
    if not m:
        return title
    head, tail = title[: m.start()].strip(), m.group(1).strip()
    if len(head.split()) < 4 or len(tail.split()) > 5:
        return title
    is_bar = m.group(0).strip().startswith(("|", "::"))
    if is_bar or (outlet and tail.casefold() == outlet.strip().casefold()):
        return head
    return title
