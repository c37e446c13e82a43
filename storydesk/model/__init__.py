"""The data model: frozen, typed records, and nothing else.

Everything citable is a :class:`Span`, an offset range into an :class:`Article`'s cleaned
``text``, so a claim in a briefing can always be checked as ``article.text[start:end]``.

- :mod:`.article`: what is read and parsed (raw document, rejected input, article, span,
  sentence, features);
- :mod:`.annotations`: what the per-article extractors find (mentions, quotes, speakers,
  referents, facts, time expressions, the annotations of an article);
- :mod:`.briefing`: what a story's briefing holds (citations, entities, fact groups,
  timeline, summary, story, briefing).
"""

from .annotations import (
    ANNOTATIONS_VERSION,
    FEATURES_VERSION,
    AnalyzedArticle,
    Annotations,
    Fact,
    Mention,
    Quote,
    Referent,
    Speaker,
    TimeExpression,
)
from .article import Article, Features, RawDocument, Rejected, Sentence, Span, Trim
from .briefing import (
    Briefing,
    Citation,
    Entity,
    FactGroup,
    Story,
    SummarySentence,
    Timeline,
    TimelineEvent,
    UndatedStatement,
    date_text,
)

__all__ = [
    "ANNOTATIONS_VERSION",
    "FEATURES_VERSION",
    "AnalyzedArticle",
    "Annotations",
    "Article",
    "Briefing",
    "Citation",
    "Entity",
    "Fact",
    "FactGroup",
    "Features",
    "Mention",
    "Quote",
    "RawDocument",
    "Referent",
    "Rejected",
    "Sentence",
    "Span",
    "Speaker",
    "Story",
    "SummarySentence",
    "TimeExpression",
    "Timeline",
    "TimelineEvent",
    "Trim",
    "UndatedStatement",
    "date_text",
]
