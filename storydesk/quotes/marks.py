"""Quote marks paired into quoted segments, paragraph by paragraph (pass 1 of
:func:`storydesk.quotes.extract_quotes`).

A mark's role (opening or closing) is read from the characters on either side of it, the
glyph only breaks ties; a quote left open at the end of a paragraph continues in the next
one when that one opens with a quote mark. Unpaired marks are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_DOUBLE = {"“": "open", "„": "open", "«": "open", "``": "open", "”": "close", "»": "close"}


_DOUBLE["''"] = "close"


_MARK = re.compile(r"``|''|[\"“”„«»]|[‘’'`]")


_OPEN_LEFT = set(" \t\n([{—–-/")


_CLOSE_RIGHT = set(" \t\n.,;:!?)]}—–-…")


# What follows a closing mark, never an opening one.
_STOPS = frozenset(".,;:!?)]}")


_WORD = re.compile(r"\w+")


# A speaker's turn in a transcript: "PENCE: Well, look, ..."
_TURN = re.compile(r"([A-Z][A-Z.'\- ]{1,30}[A-Z]):\s")


@dataclass(frozen=True, slots=True)
class _Segment:
    """Quoted characters ``[start, end)``, marks excluded."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just past the closing mark (== end when unclosed)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _double_role(text: str, i: int, mark: str) -> str:
    left = text[i - 1] if i > 0 else "\n"
    j = i + len(mark)
    right = text[j] if j < len(text) else "\n"
    if left in " \t" and right in _STOPS:
        # 'schedule delays ”. The report': a page's markup left a space before the closing
        # mark; no quote opens on a full stop
        return "close"
    opens = (left in _OPEN_LEFT or left in "“\"‘'«") and right not in " \t\n"
    closes = (right in _CLOSE_RIGHT or right in "”\"’'»") and left not in " \t\n"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return _DOUBLE.get(mark, "either")


def _single_role(text: str, i: int, mark: str) -> str | None:
    left = text[i - 1] if i > 0 else "\n"
    right = text[i + 1] if i + 1 < len(text) else "\n"
    if left.isalnum() and right.isalnum():
        return None  # an apostrophe: Clinton’s, don't
    if mark in "‘`'" and (left in _OPEN_LEFT or left in '“"') and right.isalnum():
        return "open"
    if mark in "’'" and left not in " \t\n" and (right in _CLOSE_RIGHT or right in '”"'):
        return "close"
    return None


def quote_segments(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted text (marks excluded), in order; never raises.

    >>> t = 'He said "yes." \\'Sure\\' and “no”.'
    >>> [t[s:e] for s, e in quote_segments(t)]
    ['yes.', 'Sure', 'no']
    """
    return [(s.start, s.end) for s in _segments(text)]


def _family(mark: str) -> str:
    return {"“": "”", "”": "”", "„": "”", "«": "»", "»": "»", "``": "''", "''": "''"}.get(mark, '"')


def _segments(text: str) -> list[_Segment]:
    """Outermost quotes, paragraph by paragraph; a quote of another glyph family inside
    one ('"... the question: “As you know ...?” Forty-three ..."') is nested in it.

    The last few texts' answers are kept: the speech rules and the entity rules both ask
    for the same article's."""
    return list(_segments_of(text))


@lru_cache(maxsize=8)
def _segments_of(text: str) -> tuple[_Segment, ...]:
    paragraphs = _paragraphs(text)
    doubles: list[_Segment] = []
    carried: tuple[int, int] | None = None  # (content start, opening mark) of a quote
    for n, (p_start, p_end) in enumerate(paragraphs):
        found = [(m.start(), m.group()) for m in _MARK.finditer(text, p_start, p_end)]
        marks = [(i, mark) for i, mark in found if mark not in "‘’'`" or _cross_close(text, i)]
        stack: list[tuple[str, int, int]] = []  # (family, content start, mark offset)
        if carried is not None:
            stack.append(('"', carried[0], carried[1]))
            if marks and not text[p_start : marks[0][0]].strip():
                role = _double_role(text, marks[0][0], marks[0][1])
                if role != "close":  # the opening mark of a continued paragraph
                    stack = [(_family(marks[0][1]), carried[0], carried[1])]
                    marks = marks[1:]
        carried = None
        last_close = p_start  # where the latest quote of the paragraph closed
        for i, mark in marks:
            if mark in "‘’'`":  # '"We will rebuild,' said Brenner': a single mark closes it
                if stack and stack[0][0] != "'" and not _open_singles(text, stack[0][1], i):
                    doubles.append(_Segment(stack[0][1], i, stack[0][2], i + 1))
                    stack, last_close = [], i + 1
                continue
            role, family = _double_role(text, i, mark), _family(mark)
            if not stack:
                if role == "close" and text[i - 1 : i] in _CLAUSE_END:
                    # "'We will rebuild," said Brenner': a single mark opened it
                    opened = _open_singles(text, last_close, i)
                    if opened:
                        doubles.append(_Segment(opened[-1] + 1, i, opened[-1], i + len(mark)))
                        last_close = i + len(mark)
                elif role != "close":
                    stack.append((family, i + len(mark), i))
                continue
            top = stack[-1][0]
            if family != top and role != "close":
                stack.append((family, i + len(mark), i))  # a quote within the quote
                continue
            if family == top and role == "open" and family != '"':
                stack[-1] = (family, i + len(mark), i)  # the earlier mark was never closed
                continue
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == family), None)
            if depth is None:
                if len(stack) == 1 and role != "open":  # '"...”': mixed glyphs close it
                    depth = 0
                else:
                    continue
            if depth == 0:
                doubles.append(_Segment(stack[0][1], i, stack[0][2], i + len(mark)))
                last_close = i + len(mark)
            del stack[depth:]
        if stack:
            outer = stack[0]
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            first = _MARK.match(text, nxt) if nxt is not None else None
            if (
                nxt is not None
                and first
                and first.group() not in "‘’'`"
                and _double_role(text, nxt, first.group()) != "close"
                and not _TURN.match(text, first.end())  # a new turn of a transcript
            ):
                carried = (outer[1], outer[2])
            else:
                doubles.append(_Segment(outer[1], p_end, outer[2], p_end))
    singles = _single_segments(text, paragraphs, doubles)
    out = [_trim(text, s) for s in sorted(doubles + singles, key=lambda s: s.start)]
    return tuple(s for s in out if s.end > s.start)


_CLAUSE_END = frozenset(",.!?")


# After a mark that closes a quote: a lower-case word ("mill,' said"), or a name and a
# verb of saying ("mill,' Karl Brenner said").
_TAG_AFTER = re.compile(
    r"[ \t]+(?:[a-z]|(?:[A-Z][\w.'’-]*[ \t]+){1,4}"
    r"(?:said|says|told|tells|added|adds|asked|wrote|explained|noted|insisted|warned)\b)"
)


def _cross_close(text: str, i: int) -> bool:
    """A single closing mark that ends a clause before a lower-case word ("mill,' said")
    or a name and a verb of saying ("mill,' Karl Brenner said"): it may close a quote a
    double mark opened."""
    if text[i] not in "’'" or _single_role(text, i, text[i]) != "close":
        return False
    if text[i - 1 : i] in _SENTENCE_END:
        # '"We will rebuild the mill.\' The mayor agreed.': a sentence closed by the
        # wrong mark, no double mark after it in the paragraph to close it instead
        end = text.find("\n", i)
        rest = text[i + 1 : end if end >= 0 else len(text)]
        if not _DOUBLE_MARK.search(rest) and (not rest.strip() or _NEXT_SENTENCE.match(rest)):
            return True
    return text[i - 1 : i] in _CLAUSE_END and _TAG_AFTER.match(text, i + 1) is not None


_SENTENCE_END = frozenset(".!?")
_DOUBLE_MARK = re.compile(r"``|''|[\"“”„«»]")
_NEXT_SENTENCE = re.compile(r"[ \t]+[A-Z]")


def _open_singles(text: str, start: int, end: int) -> list[int]:
    """Offsets of the single opening marks in ``[start, end)`` that no single mark closes
    there."""
    opened: list[int] = []
    for m in _MARK.finditer(text, start, end):
        if m.group() not in "‘’'`":
            continue
        role = _single_role(text, m.start(), m.group())
        if role == "open":
            opened.append(m.start())
        elif role == "close" and opened:
            opened.pop()
    return opened


def _single_segments(
    text: str, paragraphs: Sequence[tuple[int, int]], doubles: Sequence[_Segment]
) -> list[_Segment]:
    """Single-quoted spans outside double quotes (inside them they are nested quotes)."""

    def inside(i: int) -> bool:
        return any(d.open_mark <= i < d.close_mark for d in doubles)

    out = []
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        for m in _MARK.finditer(text, p_start, p_end):
            i, mark = m.start(), m.group()
            if mark not in "‘’'`" or inside(i):
                continue
            role = _single_role(text, i, mark)
            if role == "open" and open_at is None:
                open_at = i
            elif role == "close" and open_at is not None:
                # Across a double quote ("‘a «b» c’") the single marks pair up wrongly (or
                # hold a quote of their own, which the doubles already give): left out.
                if not any(open_at < d.open_mark < i for d in doubles):
                    out.append(_Segment(open_at + 1, i, open_at, i + 1))
                open_at = None
    return out


def _trim(text: str, s: _Segment) -> _Segment:
    start, end = s.start, s.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Segment(start, end, s.open_mark, s.close_mark)
