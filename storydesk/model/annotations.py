"""What the per-article extractors find in one article, each an offset range into its
cleaned text: date expressions, numeric facts, quotes and their speakers, entity mentions,
and who a "he" or "she" stands for; and the article with them attached."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .article import Article, Features, Sentence


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date expression at ``[start, end)`` of a text, resolved when it can be.

    ``granularity`` is ``day``, ``weekend``, ``week``, ``month`` or ``year``; ``date`` is
    the first day of that period (a week starts on Monday), or ``None`` when the expression
    cannot be resolved. ``kind`` says how it was read: ``absolute``, ``weekday``,
    ``relative``, ``period`` or ``counted``. ``relation`` is the preposition before it
    ("on", "since", ...), when there is one. ``depth`` is how far below its sentence's main
    verb the verb it attaches to stands (99 for none), when it was found with a parse: the
    date of a sentence's event is the one nearest its main verb. ``rule`` names the pattern
    that found it (``mdy``, ``weekday``, ``ago``, ...). ``in_clause`` says whether the
    sentence it stands in has a verb (``None`` when found without a parse): a caption or a
    heading ("Rescue boats on Quay Street, Tuesday morning.") dates no event.
    """

    text: str
    start: int
    end: int
    date: dt.date | None
    granularity: str
    kind: str
    relation: str | None = None
    depth: int | None = None
    rule: str | None = None
    in_clause: bool | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A number in an article with what it counts. ``text == article.text[start:end]``."""

    article_id: str
    start: int
    end: int
    text: str
    value: float
    unit: str
    what: str
    qualifier: str | None
    as_of: dt.date | None
    total: bool = False
    # The counted noun names a people ("Palestinians", "Israeli civilians").
    population: bool = False
    # The figure names what it counts and what is said of it ("Palestinians killed", "deal
    # (USD)"), so other sources' figures can be compared with it; a bare "$57" or "80
    # Britons" cannot, and stands alone.
    comparable: bool = True
    # The text says the level moved to this figure ("raised its fund to $65 million").
    changed: bool = False
    # Where the counted thing is, when its clause says so ("killed 103 people in Mexico").
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker mention as written: ``text == article_text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote (the words between quote marks) or reported speech (the clause).

    ``text == article_text[start:end]``. ``speaker`` is the mention the cue points to
    ("he", "the official", "Kerry"), ``speaker_name`` the person or organisation it
    resolves to ("John Kerry"), ``None`` for an anonymous source or when unresolved.
    ``cue`` is the cue as written ("said", "according to", ":"), ``None`` for a quote
    that continues the previous one or has none.
    """

    text: str
    start: int
    end: int
    direct: bool
    speaker: Speaker | None
    speaker_name: str | None
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None


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
class Mention:
    """A name or a description of a story entity: ``text == article_text[start:end]``.

    ``role`` is the title or apposition the article gives the person here,
    ``article_text[role_start:role_end]``. A ``nominal`` mention ("UN chief") refers to the
    person named ``same_as`` in the article; an acronym the text introduces with its long
    form ("Israel Defense Forces (IDF)") has the long form as ``same_as``.
    """

    start: int
    end: int
    text: str
    type: str
    label: str
    role: str | None = None
    role_start: int | None = None
    role_end: int | None = None
    nominal: bool = False
    same_as: str | None = None


# Bump when an extractor changes what it finds: stored annotations of an older version
# are made again from the text when a story is briefed.
ANNOTATIONS_VERSION = 12


@dataclass(frozen=True, slots=True)
class Annotations:
    """What the per-article extractors found in one article."""

    version: int = ANNOTATIONS_VERSION
    times: tuple[TimeExpression, ...] = ()
    facts: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()
    # Who a "he"/"she" named in an earlier sentence stands for (summary sentences show it).
    referents: tuple[Referent, ...] = ()


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
