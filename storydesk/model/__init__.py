"""The data model: frozen, typed records, and nothing else.

Everything citable is a :class:`Span`, an offset range into an :class:`Article`'s cleaned
``text``, so a claim in a briefing can always be checked as ``article.text[start:end]``.

- :mod:`.article`: what is read and parsed (raw document, rejected input, article, span,
  sentence, features);
- :mod:`.annotations`: what the per-article extractors find (mentions, quotes, speakers,
  referents, facts, time expressions);
- :mod:`.briefing`: what a story's briefing holds (citations, entities, fact groups,
  timeline, summary, story, briefing).
"""

from .article import *  # noqa: F403
