"""What a story's briefing holds: citations, entities, fact groups, the timeline, the
summary, the story and the briefing itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .annotations import Fact, Quote, Referent
from .article import Article, Rejected, Span

# A citation is a span: the exact characters in an article that support a claim (one type,
# so that anything citable can be checked as ``article.text[start:end]`` the same way).
Citation = Span


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation or place of a story, merged across its articles.

    ``name`` is the most complete name written, ``aliases`` the other names, ``roles`` the
    distinct roles in order of first appearance, ``descriptions`` the nominal references
    ("UN chief"), ``mentions`` every place it is named or described.
    """

    id: str
    name: str
    type: str
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    mentions: tuple[Citation, ...]
    descriptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FactGroup:
    """Facts about one quantity (indexes into the list given to :func:`group_facts`).

    ``status`` (one of :data:`STATUSES`) and ``basis``, the evidence for it in a few
    words: ``consistent`` (the values agree: "2 sources, same value 19"), ``update`` (a
    running total that moves with time: "rose from 12 (9 Mar) to 19 (10 Mar)"),
    ``conflict`` (sources differ for the same date: "for 10 Mar: 19 (NBS) vs 21
    (Herald)") or ``differ`` (values differ and nothing tells which holds: "undated: 572
    vs 798").
    """

    what: str
    facts: tuple[int, ...]
    status: str
    total: bool = False
    basis: str = ""


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated event: the text of its first citation, and every article that says it.

    ``date`` is the first day of the period the event is known to (``granularity``: a
    ``year``, a ``month``, a ``week`` ...), never a day the text does not give: see
    :func:`date_text`. ``bases`` say, for each citation, how its article dates the event:
    ``stated in text``, ``relative to publication date YYYY-MM-DD``, ``counted from a
    stated start``, or, for an article without a publication date, ``undated article,
    placed by what it reports``.
    """

    date: dt.date
    granularity: str
    text: str
    citations: tuple[Citation, ...]
    bases: tuple[str, ...] = ()

    @property
    def basis(self) -> str:
        """How the event's first citation is dated."""
        return self.bases[0] if self.bases else ""

    @property
    def date_text(self) -> str:
        return date_text(self.date, self.granularity)


@dataclass(frozen=True, slots=True)
class UndatedStatement:
    """A sentence that speaks of a time the articles do not let us resolve."""

    text: str
    expression: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class Timeline:
    events: tuple[TimelineEvent, ...]
    undated: tuple[UndatedStatement, ...] = ()


def date_text(date: dt.date, granularity: str) -> str:
    """A date as precise as it is known: ``2009-03-05``, ``March 2009``, ``2009``,
    ``week of 2014-07-14``, ``weekend of 2014-07-19``.

    >>> date_text(dt.date(2009, 1, 1), "year"), date_text(dt.date(2009, 3, 1), "month")
    ('2009', 'March 2009')
    """
    if granularity == "year":
        return str(date.year)
    if granularity == "month":
        return f"{date:%B} {date.year}"
    if granularity in ("week", "weekend"):
        return f"{granularity} of {date.isoformat()}"
    return date.isoformat()


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence, verbatim from the article of its first citation.

    When the summary leaves out parts of that sentence (light trims, see
    :mod:`storydesk.trims`), ``omitted`` holds them: ``text`` is then the first citation's
    characters less the ``omitted`` ranges, every piece of it still verbatim.
    ``referents`` say who a "he" or "she" in it stands for (offsets into the first
    citation's article), when the article named the person in an earlier sentence.
    """

    text: str
    citations: tuple[Citation, ...]
    omitted: tuple[Span, ...] = ()
    referents: tuple[Referent, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles that report one event."""

    id: str
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything a reader gets for one story."""

    story: Story
    articles: tuple[Article, ...]
    summary: tuple[SummarySentence, ...]
    rejected: tuple[Rejected, ...] = field(default=())
    # (article id, id of the report it copies): near-duplicates, counted as one report.
    duplicates: tuple[tuple[str, str], ...] = field(default=())
    # An update briefing: the summary tells what articles published after this date add.
    since: dt.date | None = None
    # The story's numeric facts (from distinct reports), grouped by quantity.
    facts: tuple[Fact, ...] = field(default=())
    fact_groups: tuple[FactGroup, ...] = field(default=())
    timeline: Timeline | None = None
    # (article id, quote) for every quote in the story's distinct reports.
    quotes: tuple[tuple[str, Quote], ...] = field(default=())
    # People, organisations and places, merged across the story's reports.
    entities: tuple[Entity, ...] = field(default=())
    # The entity id of each quote's speaker (aligned with ``quotes``), or None.
    speakers: tuple[str | None, ...] = field(default=())
    # (thread id, thread title): the running story this event belongs to, when stored.
    thread: tuple[str, str] | None = None

    def duplicate_of(self) -> dict[str, str]:
        return dict(self.duplicates)

    def copies(self) -> dict[str, list[str]]:
        """Representative article id -> the ids of its copies, in article order."""
        order = {a.id: n for n, a in enumerate(self.articles)}
        out: dict[str, list[str]] = {}
        for copy, original in sorted(self.duplicates, key=lambda p: order.get(p[0], 0)):
            out.setdefault(original, []).append(copy)
        return out
