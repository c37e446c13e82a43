"""Plain-text articles: the first non-empty line is the title when it looks like one."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from ..entities.vocabulary import _OUTLET_HEADS
from ..model import RawDocument
from ..timeline.words import words
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
# A site's name: words that start with a capital or a digit ("Twin Cities", "9to5Mac"), a
# host name ("cleveland.com"), and the short words a name may hold ("Dawgs By Nature").
_NAME_WORD = re.compile(r"^(?:[A-Z0-9][\w.&'’+!-]*|[\w-]+\.[a-z]{2,}|of|the|by|and|for|on|&)$")
_COMPACT = re.compile(r"[\W_]+")
_INITIALS = re.compile(r"^[A-Z]{2,3}$")
# A host name alone: a headline's own clause never is one ("... - SpaceNews.com").
_HOST_NAME = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
# The part of a host name that names the site: "www.twincities.com" -> "twincities".
_HOST = re.compile(r"^(?:[a-z]+://)?(?:www\d?\.|m\.|amp\.)?([^/:?#]+)", re.IGNORECASE)


def site_suffix(title: str | None) -> tuple[str, str] | None:
    """A page title's headline and the trailing segment a site may append to it ("... -
    Vox", "... | Site"), when four words of headline or more stand before it and the
    segment is at most five words; ``None`` when it has none.

    >>> site_suffix("Landslide shuts Varden Pass road - Varden Valley Voice")
    ('Landslide shuts Varden Pass road', 'Varden Valley Voice')
    """
    m = _SITE_SUFFIX.search(title or "")
    if not m or title is None:
        return None
    head, tail = title[: m.start()].strip(), m.group(1).strip()
    if len(head.split()) < 4 or len(tail.split()) > 5:
        return None
    return head, tail


def _compact(text: str) -> str:
    return _COMPACT.sub("", text.casefold())


def names_site(tail: str, url: str | None) -> bool:
    """Whether a title's trailing segment names the site of the page's address: the host's
    name, less "www." and its last label, run together ("Twin Cities" for twincities.com).

    >>> names_site("Twin Cities", "https://www.twincities.com/2026/03/10/floods/")
    True
    >>> names_site("all 140 rescued", "https://www.twincities.com/x")
    False
    """
    m = _HOST.match(url or "")
    if not m or "." not in m.group(1):
        return False
    labels = m.group(1).casefold().split(".")[:-1]
    name, host = _compact(tail), "".join(labels)
    return len(name) >= 3 and (name == host or name in labels or name == _compact(m.group(1)))


def is_name_like(tail: str) -> bool:
    """A site's name rather than a clause of the headline: every word capitalised, a digit's
    or a host's, or a short joining word ("Dawgs By Nature", "cleveland.com").

    >>> is_name_like("Dawgs By Nature"), is_name_like("all 140 rescued")
    (True, False)
    """
    words = tail.split()
    return bool(words) and all(_NAME_WORD.match(w) for w in words) and words[0][:1] != "&"


def names_itself(tail: str, head: str, text: str | None) -> bool:
    """Whether the page's text names its site with ``tail`` outside its headline: a line of
    the page (its logo, a footer's "© 2026 Twin Cities", "Follow Courier Politics" for a
    title's "CourierPolitics") that holds the name, spaced or not, but not the headline.

    >>> names_itself("CourierPolitics", "Dam holds", "Dam holds\\nFollow Courier Politics")
    True
    """
    name = _compact(tail)
    if not text or not is_name_like(tail):
        return False
    lead = _compact(head[:30])
    if len(name) < 4:
        # an outlet's initials ("... - KTV", "... - AP"): as a word of their own on a short
        # line of the page's chrome ("Follow KTV News", "By Ada Moss, KTV"), never run into
        # another word; a sentence of the body ("The UN said ...") does not count
        if not _INITIALS.match(tail):
            return False
        word = re.compile(rf"(?<![\w.]){re.escape(tail)}(?![\w.])")
        return any(
            len(line.split()) <= 6 and word.search(line) and lead not in _compact(line)
            for line in text.splitlines()
        )
    return any(name in (c := _compact(line)) and lead not in c for line in text.splitlines())


def recurring_suffixes(titles: Iterable[str | None]) -> frozenset[str]:
    """Trailing segments that end two titles or more (casefolded): an outlet's name, which
    every page of its site carries ("... - Courier"); a headline's own clause does not recur.

    >>> sorted(recurring_suffixes(["Dam holds after the night's rain - Courier",
    ...     "Ferry fares rise from April - Courier", "Kessen dam holds - for now at least"]))
    ['courier']
    """
    counts = Counter(found[1].casefold() for found in map(site_suffix, titles) if found is not None)
    return frozenset(tail for tail, n in counts.items() if n >= 2)


def strip_site_suffix(
    title: str | None,
    outlet: str | None = None,
    *,
    url: str | None = None,
    text: str | None = None,
    recurring: frozenset[str] = frozenset(),
) -> str | None:
    """A page title less the site name a page appends to it ("Landslide shuts the pass |
    Varden Valley Voice"): a short tail after " | " or "::", or after a dash when it names
    the page's site: its outlet, a host name ("Courier.com"), its address's host
    (:func:`names_site`), a name the page's ``text`` gives outside its headline
    (:func:`names_itself`), a newsroom's name (:func:`names_a_newsroom`), or a tail that
    ``recurring`` (:func:`recurring_suffixes` of the
    corpus's titles) holds. At least four words of headline stand before it; a headline's
    own dash clause stays.

    >>> strip_site_suffix("Landslide shuts Varden Pass road | Varden Valley Voice")
    'Landslide shuts Varden Pass road'
    >>> strip_site_suffix("Landslide shuts Varden Pass road - VVV", url="https://vvv.example/a")
    'Landslide shuts Varden Pass road'
    >>> strip_site_suffix("Kerry - hopeful for a truce")
    'Kerry - hopeful for a truce'
    """
    found = site_suffix(title)
    if found is None or title is None:
        return title
    head, tail = found
    is_bar = title[len(head) :].strip().startswith(("|", "::"))
    if (
        is_bar
        or (outlet and tail.casefold() == outlet.strip().casefold())
        or names_site(tail, url)
        or _HOST_NAME.match(tail) is not None
        or tail.casefold() in recurring
        or names_itself(tail, head, text)
        or names_a_newsroom(tail)
    ):
        return _sections_off(head)
    return title


# Last words of a newspaper's or a newsroom's name ("San Pedro Express-News", "Varden Herald").
# The newspaper words the entities use (Herald, Chronicle, ...) and a site's others.
_NEWSROOM_ENDS = _OUTLET_HEADS | words(
    "times post news express star globe observer courier guardian independent mirror mail"
)


def names_a_newsroom(tail: str) -> bool:
    """Whether a title's trailing segment is a newsroom's name: name-like words of which the
    last ends in a newspaper's word ("San Pedro Express-News", "Varden Herald", "KVTV
    News"); a headline's own dash clause ("- hopeful for a truce") is not name-like.

    >>> names_a_newsroom("San Pedro Express-News"), names_a_newsroom("hopeful for a truce")
    (True, False)
    """
    words = tail.split()
    return (
        is_name_like(tail)
        and len(words) >= 2
        and re.split(r"[-‐–]", words[-1])[-1].casefold() in _NEWSROOM_ENDS
    )


def _sections_off(head: str) -> str:
    """``head`` less the site's sections that stood before its name, each after a bar ("...
    | World | News | Site": "World" and "News" go too), two words at most each.

    >>> _sections_off("Hong Kong court rules on the mask ban | World | News")
    'Hong Kong court rules on the mask ban'
    """
    while (found := site_suffix(head)) is not None and head[len(found[0]) :].lstrip()[:1] == "|":
        if len(found[1].split()) > 2:
            break
        head = found[0]
    return head
