"""Strings every later stage can store, render and encode.

A lone surrogate (from a JSON escape such as ``\\ud800``, or a file name that is not valid
UTF-8) cannot be encoded as UTF-8, so the store and every writer would fail on it; raw NUL and
other C0 control characters have no place in an article and break HTML and Markdown. Each
item a reader yields passes through :func:`sanitized` once.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import RawDocument, Rejected

__all__ = ["clean_field", "clean_text", "sanitized"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # C0 and DEL, less tab and newline
_NEEDS_WORK = re.compile("[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAK = re.compile("\r\n?|[\x0b\x0c]")


def clean_field(value: str) -> str:
    """Lone surrogates become U+FFFD; C0 control characters other than tab and newline go.

    >>> clean_field("Dam\\ud800 fails\\x00")
    'Dam\\ufffd fails'
    """
    if not _NEEDS_WORK.search(value):
        return value
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", value))


def clean_text(value: str) -> str:
    """:func:`clean_field` for article text, whose line breaks (CR LF, CR, vertical tab,
    form feed) become newlines first."""
    if not _NEEDS_WORK.search(value):
        return value
    return clean_field(_LINE_BREAK.sub("\n", value))


def _maybe(value: str | None) -> str | None:
    return None if value is None else clean_field(value) or None


def sanitized(item: RawDocument | Rejected) -> RawDocument | Rejected:
    """``item`` with every string field cleaned (the same object when nothing changes); a
    document whose text was control characters only is rejected."""
    if isinstance(item, Rejected):
        source, error = clean_field(item.source), clean_field(item.error)
        same = (source, error) == (item.source, item.error)
        return item if same else Rejected(source, error)
    # dataclasses.replace keeps every other field (main_text_only, title_from_text, ...): a
    # field left out here was silently reset, and an HTML page's extracted text was then
    # cut down again as if it were a whole page's.
    cleaned = dataclasses.replace(
        item,
        source=clean_field(item.source),
        text=clean_text(item.text),
        title=_maybe(item.title),
        outlet=_maybe(item.outlet),
        url=_maybe(item.url),
        id_hint=_maybe(item.id_hint),
    )
    if not cleaned.text.strip():
        return Rejected(cleaned.source, "no text left after removing control characters")
    return item if cleaned == item else cleaned
