"""What is read and parsed: a raw document, a rejected input, a cleaned article, a span of
its text, its sentences and its clustering features.

Everything citable is an offset range into an :class:`Article`'s cleaned ``text``, so a
claim in a briefing can always be checked as ``article.text[start:end]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import SpanError


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
    # The text was cut off (by a size cap or by the page store) and its unfinished last
    # sentence left out.
    truncated: bool = False
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
            raise SpanError(f"bad span [{self.start}, {self.end}) in {self.article_id}")


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
