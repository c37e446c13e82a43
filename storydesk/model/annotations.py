"""What the per-article extractors find in one article, each an offset range into its
cleaned text: date expressions, numeric facts, quotes and their speakers, entity mentions,
and who a "he" or "she" stands for; and the article with them attached.

Each record holds its range as a :class:`~storydesk.model.article.Span` (``span``: the
article's id and the offsets), so it can be cited and checked as
``article.text[span.start:span.end]`` like any other citation. Read-only ``start`` and
``end`` properties give ``span.start`` and ``span.end``, to keep readers short.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .article import Article, Features, Sentence, Span


class _Spanned:
    """``start`` and ``end`` of a record's ``span``, read-only (the span is the field)."""

    __slots__ = ()
    span: Span

    @property
    def start(self) -> int:
        """``span.start``: where the record begins in its article's cleaned text."""
        return self.span.start

    @property
    def end(self) -> int:
        """``span.end``: where the record ends (exclusive)."""
        return self.span.end


@dataclass(frozen=True, slots=True)
class TimeExpression(_Spanned):
    """A date expression at ``span`` of a text, resolved when it can be.

    ``text == article_text[start:end]``. ``span.article_id`` is the id of the article the
    text is; an expression found in a text that is no article (a sentence the evaluation
    harness dates on its own) has the id its finder was given, ``""`` by default.

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
    span: Span
    date: dt.date | None
    granularity: str
    kind: str
    relation: str | None = None
    depth: int | None = None
    rule: str | None = None
    in_clause: bool | None = None


@dataclass(frozen=True, slots=True)
class Fact(_Spanned):
    """A number in an article with what it counts. ``text == article.text[start:end]``."""

    span: Span
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

    @property
    def article_id(self) -> str:
        """``span.article_id``: the article the figure is in."""
        return self.span.article_id


@dataclass(frozen=True, slots=True)
class Speaker(_Spanned):
    """A speaker mention as written: ``text == article_text[start:end]``."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Quote(_Spanned):
    """A direct quote (the words between quote marks) or reported speech (the clause).

    ``text == article_text[start:end]``. ``speaker`` is the mention the cue points to
    ("he", "the official", "Kerry"), ``speaker_name`` the person or organisation it
    resolves to ("John Kerry"), ``None`` for an anonymous source or when unresolved.
    ``cue`` is the cue as written ("said", "according to", ":"), ``None`` for a quote
    that continues the previous one or has none; ``cue_span`` is where it is written
    (``article_text[cue_span.start:cue_span.end] == cue``), when known.
    """

    text: str
    span: Span
    direct: bool
    speaker: Speaker | None
    speaker_name: str | None
    cue: str | None
    cue_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Referent(_Spanned):
    """A "he" or "she" as the subject of a clause, with the person it stands for, named in
    an earlier sentence of the article: ``article_text[start:end]`` (``span``) is the pronoun,
    ``name`` the person's longest name there ("Ilse Brandt"), ``antecedent`` the offset of
    the mention the pronoun was resolved to (see :mod:`storydesk.quotes.referents`)."""

    span: Span
    name: str
    antecedent: int


@dataclass(frozen=True, slots=True)
class Mention(_Spanned):
    """A name or a description of a story entity: ``text == article_text[start:end]``.

    ``role`` is the title or apposition the article gives the person here, written at
    ``role_span`` (``article_text[role_span.start:role_span.end]``). A ``nominal`` mention
    ("UN chief") refers to the person named ``same_as`` in the article; an acronym the text
    introduces with its long form ("Israel Defense Forces (IDF)") has the long form as
    ``same_as``.
    """

    span: Span
    text: str
    type: str
    label: str
    role: str | None = None
    role_span: Span | None = None
    nominal: bool = False
    same_as: str | None = None


# Bump when an extractor changes what it finds, or a record its layout (13: offsets held as
# Spans): stored annotations of an older version are made again from the text when a story
# is briefed.
# 18: quotes-10; 19: mentions: no "the Moon", names end at a possessive; 20: quotes-11;
# 21: councillor, alderman and sheriff are offices (a role, not part of the name); 22: quotes-12;
# 23: timeline-3 (page time stamps, dates by tense) and facts-4 (rates, agents, perfect totals)
# 24: quotes-13
# 25: entities-3 (a person needs evidence: storms, streets, teams, titles are none)
# 26: quotes-14; a reported clause keeps the closing mark of a quote it opens
# 27: page text cleaning (captions over their credit, teasers run into their first sentence,
# a pager, the writer's box are not the article's)
# 28: entities-4 (a role's noun names a person; newspapers, companies, countries are no people;
#     a first-middle-surname ORG beside its surname is that person)
# 29: timeline-4 (a figure's point of comparison dates no event), facts-5 (a measure noun's
#     "of"/"for" thing, a nationwide count), an opening adverb is no entity; entities-5
#     (names end where they end, shared surnames, outlets as speakers); quotes-15 (he/she,
#     they, a body's word, reported clauses whole: lists, asides, colons)
ANNOTATIONS_VERSION = 29

# Bump when the clustering features (storydesk.features.features_of, ``Features``) change
# what they hold: a store keeps each article's features with the version that made them,
# and an ingest computes them again from the stored text where it differs, so new features
# are never compared with stale ones (Store.missing_features). 6: no dateline in the lead.
FEATURES_VERSION = 6


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
