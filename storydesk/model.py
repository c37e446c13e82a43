"""The data model: frozen, typed records.

Everything citable is an offset range into an :class:`Article`'s cleaned ``text``, so a
claim in a briefing can always be checked as ``article.text[start:end]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the annotation types live with their extractors, which import this module
    from .annotate import Annotations
    from .entities import Entity
    from .facts import Fact, FactGroup
    from .quotes import Quote
    from .timeline import Timeline


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader found in one input, before cleaning.

    ``source`` is the input path as given or found, or for a JSON Lines record its ``id``
    when present, else ``FILE:LINE``.
    """

    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    id_hint: str | None = None
    # Title was taken from the text's first line (plain text), so cleaning must not look
    # for it again.
    title_from_text: bool = False
    # The reader already took the article out of its page (HTML, by trafilatura), so
    # cleaning must not look for page furniture line by line again.
    main_text_only: bool = False


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be used, with the reason in one line."""

    source: str
    error: str


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article. ``text`` is the text every offset refers to."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    # Where ``published`` came from: "metadata", "url" or "text" (storydesk.dating).
    date_source: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in one article's cleaned text."""

    article_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end}) in {self.article_id}")


@dataclass(frozen=True, slots=True)
class Trim:
    """A part of a sentence a summary may leave out (see :mod:`storydesk.trims`): characters
    ``[start, end)`` of the article's cleaned text, holding the sentence's words
    ``[first_word, end_word)`` (indexes into :attr:`Sentence.lemmas`)."""

    start: int
    end: int
    first_word: int
    end_word: int
    kind: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with the normalised terms the summariser works on.

    ``terms`` are lower-cased lemmas of content words (no stop words, punctuation or
    spaces); ``words`` is the sentence's word count as a reader would count it.
    """

    span: Span
    index: int
    words: int
    terms: tuple[str, ...]
    # Lower-cased lemmas of every word token (stop words included), for n-gram concepts.
    lemmas: tuple[str, ...] = ()
    starts_with_pronoun: bool = False
    # Parts a summary may leave out, in text order, none overlapping.
    trims: tuple[Trim, ...] = ()
    # The main clause's subject is "he", "she" or "they" ("On Tuesday, he flew ..."): the
    # sentence names no one and needs a referent from an earlier sentence.
    pronoun_subject: bool = False


@dataclass(frozen=True, slots=True)
class Features:
    """An article's hashed term counts and MinHash signature (see :mod:`storydesk.features`).

    ``indices`` are hashed features (words, and entities with the ``E:`` prefix) with their
    counts ``tf``, background rarity ``rarity`` and ``entity`` flags. How they are weighted
    into a vector is up to :class:`storydesk.cluster.Profiles`, which can use the document
    frequencies of the whole store.
    """

    indices: tuple[int, ...]
    tf: tuple[int, ...]
    rarity: tuple[float, ...]
    entity: tuple[bool, ...]
    signature: tuple[int, ...]
    shingle_count: int
    # Mentions of people (surnames, hashed like the other features): who the article is about.
    people: tuple[tuple[int, int], ...] = ()
    # Holders of high offices the article names: (hashed office, hashed surname), e.g.
    # ("us secretary of state", "kerry"). Two holders of one office mean two different times.
    offices: tuple[tuple[int, int], ...] = ()
    # Where, when and how many, which tell two events of one kind apart (two earthquakes,
    # two arrests): hashed places, organisations, numbers (>= 11 or with decimals) and
    # calendar days ("3-14") the article names, and the years it names (as numbers).
    places: tuple[int, ...] = ()
    orgs: tuple[int, ...] = ()
    numbers: tuple[int, ...] = ()
    days: tuple[int, ...] = ()
    years: tuple[int, ...] = ()
    # Who and where the lead is about: hashed people (surnames), organisations and places
    # named in the first sentences (the event's own actors, not the background).
    lead: tuple[int, ...] = ()
    # The article's text embedding as int8 values (storydesk.embed); () without a model.
    embedding: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article with the per-article analysis attached."""

    article: Article
    sentences: tuple[Sentence, ...]
    features: Features | None = None
    # Facts, dates, quotes and mentions found while the parse was at hand (storydesk.annotate).
    annotations: Annotations | None = None

    def text_of(self, sentence: Sentence) -> str:
        return self.article.text[sentence.span.start : sentence.span.end]


@dataclass(frozen=True, slots=True)
class Citation:
    """A pointer to the exact characters in an article that support a claim."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Referent:
    """A "he" or "she" as the subject of a clause, with the person it stands for, named in
    an earlier sentence of the article: ``article_text[start:end]`` is the pronoun,
    ``name`` the person's longest name there ("Ilse Brandt"), ``antecedent`` the offset of
    the mention the pronoun was resolved to (see :mod:`storydesk.quotes.referents`)."""

    start: int
    end: int
    name: str
    antecedent: int


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
