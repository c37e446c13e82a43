"""Limits on one input, so that no single file, line or record can exhaust memory or the stack.

Readers look these up at call time (``limits.MAX_LINE_BYTES``), so a test can lower them.
The cap on one article's length is a setting (``Settings.max_article_chars``), applied when
the article is cleaned (:func:`storydesk.pipeline.prepare`) with :func:`cut_at_boundary`.
"""

from __future__ import annotations

import re

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_JSON_FILE_BYTES",
    "MAX_LINE_BYTES",
    "cut_at_boundary",
    "json_too_deep",
    "size",
]

# One JSON Lines line (read line by line, so a file of any length is fine). A longer line
# is rejected as FILE:LINE; the lines after it are read.
MAX_LINE_BYTES = 16 * 2**20
# One .txt or .html file, after decompression: one article, so far larger is not one.
MAX_FILE_BYTES = 16 * 2**20
# One .json file, parsed as a whole (a list of articles); JSON Lines has no such limit.
MAX_JSON_FILE_BYTES = 64 * 2**20
# Arrays and objects inside one another. An article record needs two or three levels; a
# deeper value would make the parser recurse until the interpreter's stack gives out.
MAX_JSON_DEPTH = 100

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")
_PARAGRAPH_END = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)")


def size(n_bytes: int) -> str:
    """``16 MiB`` for a limit in a message."""
    return f"{n_bytes / 2**20:g} MiB" if n_bytes >= 2**20 else f"{n_bytes:,} bytes"


def json_too_deep(text: str, limit: int) -> bool:
    """Whether a JSON text nests arrays and objects more than ``limit`` levels deep, found
    without parsing it (brackets inside strings do not count).

    >>> json_too_deep('{"a": [[1]], "b": "[[[["}', 3)
    False
    >>> json_too_deep("[" * 5, 3)
    True
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            return True
    return False


def cut_at_boundary(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters: at the last paragraph break in the
    second half of the allowance, else the last sentence end, else the last space.

    >>> cut_at_boundary("One. Two three. Four five six.", 20)
    'One. Two three.'
    """
    if len(text) <= limit:
        return text
    head = text[: limit + 1]  # a boundary may sit right after the last allowed character
    floor = limit // 2
    for pattern in (_PARAGRAPH_END, _SENTENCE_END):
        ends = [m.start() if pattern is _PARAGRAPH_END else m.end() for m in pattern.finditer(head)]
        ends = [e for e in ends if floor <= e <= limit]
        if ends:
            return text[: ends[-1]].rstrip()
    space = head.rfind(" ", floor, limit)
    return text[: space if space > 0 else limit].rstrip()
