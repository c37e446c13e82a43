"""People, organisations and places: mentions per article, entities per story.

:func:`extract_mentions` is a pure function of an article's cleaned text and its spaCy
``Doc`` (NER and parser); every :class:`Mention` has ``text == article_text[start:end]``.

* **Names**: PERSON -> ``person``, ORG -> ``organization``, GPE and LOC -> ``place``. NORP
  ("Israeli") is no entity: a nationality lives on in roles ("Israeli Prime Minister"). Names
  lose "the", possessive "'s" and honorifics ("Mr Kerry" -> "Kerry"); a title inside a name
  moves to the role. A one-word ORG that is the surname of a person the article names in full
  ("Psaki") is that person; so is such a surname the recogniser missed ("Ban said").
* **Roles** come from the parse: title words before a name ("US Secretary of State John
  Kerry") and appositions on either side ("Mark Regev, a spokesman for ...", "Kerry's
  spokeswoman, Jen Psaki"). A role needs a title word (:data:`TITLE_WORDS`).
* **Nominal references** (``nominal=True``): a definite singular description outside quotes
  ("the UN chief", "the top US diplomat") refers to a person only when exactly one person of
  the article has a role it fits (:func:`role_matches`); ``same_as`` is that person's name.
* **Not people of the story**: bylines, photo credits, captions, reader comments, author
  sign-offs and capitals datelines are blocked before names are taken; so are names in
  capitals and two-word "names" the text uses to modify a noun ("Iron Dome missile system").
* **A person needs evidence** (:mod:`~storydesk.entities.evidence`): a storm, a street or a
  pass, a team, a title in quotation marks, a name the text labels a place or an organisation
  elsewhere, menu words are none; a role, a first name, a surname of a full name weigh for one.

:func:`merge_entities` is the story stage, :func:`entities_json` gives ``briefing.json``'s
``entities``, :func:`entity_for` finds the entity of a quote's speaker.

The package: :mod:`~storydesk.entities.vocabulary` (titles, offices, acronyms),
:mod:`~storydesk.offstage` (what is not the story), :mod:`~storydesk.entities.names`
(comparing names), :mod:`~storydesk.entities.roles`, :mod:`~storydesk.entities.evidence`
(who is a person), :mod:`~storydesk.entities.mentions`
(per article), :mod:`~storydesk.entities.merge` (per story, JSON) and
:mod:`~storydesk.entities.speakers` (the entity of a quote's speaker).

>>> from storydesk.nlp import load_pipeline
>>> text = "US Secretary of State John Kerry met Ban. Kerry left."
>>> found = extract_mentions(text, load_pipeline()(text))
>>> [(m.text, m.role) for m in found if m.type == "person"]
[('John Kerry', 'US Secretary of State'), ('Ban', None), ('Kerry', None)]
"""

from __future__ import annotations

from .mentions import extract_mentions
from .merge import entities_json, merge_entities
from .roles import role_matches
from .speakers import entity_for, speaker_entities
from .vocabulary import (
    HONORIFICS,
    KNOWN_ACRONYMS,
    OFFICE_PHRASES,
    OFFICE_SYNONYMS,
    TITLE_WORDS,
    TYPES,
)

# The public API (storydesk.pipeline uses speaker_entities), and the constants that were
# public before the split.
__all__ = [
    "HONORIFICS",
    "KNOWN_ACRONYMS",
    "OFFICE_PHRASES",
    "OFFICE_SYNONYMS",
    "TITLE_WORDS",
    "TYPES",
    "VERSION",
    "entities_json",
    "entity_for",
    "extract_mentions",
    "merge_entities",
    "role_matches",
    "speaker_entities",
]

VERSION = "entities-5"
