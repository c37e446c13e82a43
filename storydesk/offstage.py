"""What is not the story: bylines, photo credits, captions, reader comments, sign-offs and
capitals datelines, as character ranges where no name is taken."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .clean import DATELINE


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words after "by" that make it no byline ("by Tuesday", "by March").
_TEMPORAL = _set(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    tonight january february march april may june july august september october november
    december"""
)
_AGENCY = r"(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Getty|Shutterstock|Anadolu|Xinhua|Bloomberg)"
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
_BLOCK_PARAGRAPH = re.compile(
    "|".join(
        (
            r"^(?:additional |with )?(?:reporting|writing|editing|edited|compiled|tested|reviewed"
            r"|photographed|illustrated|produced|filmed|interview) by\b",
            r"^(?:image|media|video|photo|picture) ?(?:caption|copyright|credit)|^caption\s*:",
            r"^\(?(?:photos?|pictures?|images?|photograph|credit)s?\s*(?::|/|\||by\b)",
            r"^(?:posted|commented|submitted)\s+by\b|^(?:in reply to|replying to)\b",
            r"^\S+(?: \S+){0,3}\s+(?:commented|replied)\s*:",
            r"^(?:reply|report|report abuse|recommend|flag|like)(?:\s*[|·]\s*\w+)*$",
            r"^(?:follow|contact|email)\s+.{1,40}\s+(?:on (?:twitter|x|facebook|instagram)|at)\b",
            r"^.{1,40}\s+can be reached at\b|^(?:sign up|subscribe)\b",
        )
    ),
    re.IGNORECASE,
)
# Apart from the anchored patterns above, which ``re`` tries at the start only; written to
# open with a character class, which ``re`` skips to ("\bcontributed", case-insensitive,
# made it try every character of every line).
_CONTRIBUTED = re.compile(
    r"[Cc](?<!\w[Cc])(?i:ontributed (?:reporting |to this (?:report|article|story)))"
)
# A comments section: everything after it is reader talk.
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:reader\s+)?comments?(?:\s*\(\d+\))?\s*:?$"
    r"|^(?:join the (?:conversation|discussion)|show comments|leave a (?:comment|reply))",
    re.IGNORECASE,
)
_BLOCK_NAMED = re.compile(
    rf"^{_NAME}\s*,$|^[—–-]{{1,2}}\s*{_NAME}\s*$|^{_NAME} is an? (?:[\w-]+ ){{0,3}}"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer)\b"
    # "By Jane Doe", "By JANE DOE and John Roe, Reuters" (not "By Tuesday, ...")
    rf"|^(?i:by|written by|words by|posted by|story by)\s+(?!(?i:{'|'.join(_TEMPORAL)})\b)"
    rf"{_NAME}(?:\s+(?i:and)\s+{_NAME})?(?:\s*[,|/·–—-].{{0,60}})?$"
)
_TIMESTAMP = re.compile(r"\b\d+\s+(?:second|minute|min|hour|hr|day|week|month)s?\s+ago\b", re.I)
_BLOCK_INLINE = re.compile(
    # "REUTERS/Jane Roe", "(AP Photo/Evan Vucci)"; not "a Reuters/Ipsos opinion poll"
    rf"\b{_AGENCY}(?: Photos?)?\s*/\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}"
    r"(?=\s*(?:$|[)\n.,;|]))"
    rf"|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,3}}\s*/\s*{_AGENCY}\b"
    r"|\((?i:photos?|pictures?|images?|credit|additional reporting|reporting)\s*(?::|(?i:by)\b)"
    r"[^)\n]*\)"
)


@lru_cache(maxsize=4)  # quotes and mentions both ask, one after the other
def _blocked(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges that name no one of the story: bylines, credits, comments."""
    out: list[tuple[int, int]] = []
    pos, previous = 0, (0, 0)
    for line in text.split("\n"):
        start, end, body = pos, pos + len(line), line.strip()
        pos = end + 1
        if not body:
            continue
        if _COMMENTS.match(body):
            out.append((start, len(text)))
            break
        stamp = len(body.split()) <= 10 and _TIMESTAMP.search(body)
        if (
            stamp
            or _BLOCK_PARAGRAPH.search(body)
            or _CONTRIBUTED.search(body)
            or _BLOCK_NAMED.search(body)
            or (body.isupper() and len(body.split()) <= 8)
        ):
            out.append((start, end))
            if stamp and len(text[previous[0] : previous[1]].split()) <= 4:
                out.append(previous)  # the commenter's name above the time stamp
        dateline = DATELINE.match(line.lstrip() + " ")
        lead = dateline.group() if dateline else ""  # "JERUSALEM (AP) - ", not "PENCE: "
        if "(" in lead or (lead and lead.split()[0].isupper() and not lead.rstrip().endswith(":")):
            out.append((start, start + len(line) - len(line.lstrip()) + len(lead)))
        if "/" in line or "(" in line:  # each credit has one
            out += [(start + m.start(), start + m.end()) for m in _BLOCK_INLINE.finditer(line)]
        previous = (start, end)
    return tuple(out)


def _is_blocked(blocked: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in blocked)
