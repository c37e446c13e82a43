"""Which entity a quote's speaker is: by name, else the person named in the speaker's words."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from ..model import Entity
from .names import _norm, _words
from .vocabulary import _OUTLET_HEADS


class _SpeakerIndex:
    """Entities by normalised name and alias, and by where they are mentioned."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.by_name: dict[str, list[Entity]] = {}
        # per article: (start, end, order, entity) of every mention, by start
        self.at: dict[str, list[tuple[int, int, int, Entity]]] = {}
        for e in entities:
            for n in dict.fromkeys(_norm(x) for x in (e.name, *e.aliases)):
                self.by_name.setdefault(n, []).append(e)
            for c in e.mentions:
                found = self.at.setdefault(c.article_id, [])
                found.append((c.start, c.end, len(found), e))
        for found in self.at.values():
            found.sort(key=lambda m: m[:3])

    def inside(self, article_id: str, start: int, end: int) -> list[Entity]:
        """The entities mentioned within ``[start, end)``, in entity order (a bisection:
        asked once per quote)."""
        found = self.at.get(article_id, [])
        n = bisect_left(found, start, key=lambda m: m[0])
        here = []
        while n < len(found) and found[n][0] < end:
            if found[n][1] <= end:
                here.append(found[n])
            n += 1
        return [m[3] for m in sorted(here, key=lambda m: m[2])]

    def named(self, name: str, inside: Sequence[Entity]) -> Entity | None:
        """The entity called ``name``; of several, one of ``inside``, else the first."""
        found = self.by_name.get(_norm(name), []) if name else []
        here = [e for e in found if e in inside]
        return next(iter(here or found), None)


def entity_for(
    entities: Sequence[Entity],
    name: str | None,
    *,
    article_id: str = "",
    start: int = 0,
    end: int = 0,
) -> Entity | None:
    """The entity a quote's speaker is: the one whose name or alias is ``name`` (the quote's
    ``speaker_name``); of several ("Smith"), the one mentioned within ``[start, end)`` of the
    article, else the first. ``None`` for an anonymous or unknown speaker."""
    index = _SpeakerIndex(entities)
    return index.named(name or "", index.inside(article_id, start, end))


def speaker_entities(
    entities: Sequence[Entity], quotes: Sequence[tuple[str, Any]]
) -> tuple[str | None, ...]:
    """The entity id of each ``(article id, quote)``'s speaker, or ``None``.

    By name first (as :func:`entity_for`, the speaker's words telling apart entities of one
    name); else, for a resolved name written with a title ("harbour master Ines Calloway"),
    the person named inside the speaker's words. An anonymous source ("a senior official
    travelling with Kerry") has no resolved name, so it never borrows an entity. A name
    cut short ("Emergency Relief Agency" of "the Caldonian Emergency Relief Agency") is the
    organisation named inside the speaker's words whose name it ends, else (two words or
    more) the one organisation of the story whose name it ends. A news outlet described
    ("the news organization", "the paper") is the outlet its article named before
    (:func:`_outlets_described`).
    """
    index = _SpeakerIndex(entities)
    out: list[str | None] = []
    for article_id, q in quotes:
        if not q.speaker_name:
            out.append(None)
            continue
        start, end = (q.speaker.start, q.speaker.end) if q.speaker else (0, 0)
        inside = index.inside(article_id, start, end)
        found = index.named(q.speaker_name, inside)
        persons = [e for e in inside if e.type == "person"]
        if found is None and len({e.id for e in persons}) > 1 and " and " in q.speaker_name:
            # "Volker and Morrison said": both speak, named together, not the first alone
            out.append(None)
            continue
        if found is None:
            found = next(iter(persons), None)
        if found is None:  # "the Caldonian Emergency Relief Agency" as "Emergency Relief Agency"
            found = next((e for e in inside if _cut_name(q.speaker_name, e)), None)
        if found is None and len(_words(q.speaker_name)) > 1:  # ... or the one of the story
            ends = [e for e in entities if _cut_name(q.speaker_name, e)]
            found = ends[0] if len(ends) == 1 else None
        out.append(found.id if found else None)
    return _outlets_described(entities, index, quotes, out)


# How a report names a news outlet it has named before: "the news organization said",
# "the paper reported".
_OUTLET_NOUNS = re.compile(
    r"(?:the|that) (?:news (?:organi[sz]ation|outlet|agency|network|site|service)|"
    r"(?:news)?paper|newspaper|broadcaster|network|outlet|magazine|wire service|channel|"
    r"station|publication|website)",
    re.IGNORECASE,
)


def _outlets_described(
    entities: Sequence[Entity],
    index: _SpeakerIndex,
    quotes: Sequence[tuple[str, Any]],
    found: list[str | None],
) -> tuple[str | None, ...]:
    """A speaker described as a news outlet ("The news organization, citing a source,
    reported ...") is the last organisation its article names before it that speaks in the
    article before (an outlet that reported: "after Corvane News reported that ...") or
    whose name ends with a newspaper's word ("Lindhaven Courier"): never a person, and
    nothing when the article named no such organisation."""
    out = list(found)
    spoke: dict[str, list[tuple[int, str]]] = {}
    for (article_id, q), eid in zip(quotes, found, strict=True):
        if eid and q.speaker:
            spoke.setdefault(article_id, []).append((q.speaker.start, eid))
    by_id = {e.id: e for e in entities}
    outlet_named = {e.id for e in entities if set(_words(e.name)[-1:]) & _OUTLET_HEADS}
    for n, (article_id, q) in enumerate(quotes):
        if out[n] or not q.speaker or not _OUTLET_NOUNS.fullmatch(q.speaker.text.strip()):
            continue
        at = q.speaker.start
        outlets = {eid for start, eid in spoke.get(article_id, ()) if start < at}
        before = [
            (c.start, e)
            for e in by_id.values()
            if e.type == "organization" and (e.id in outlets or e.id in outlet_named)
            for c in e.mentions
            if c.article_id == article_id and c.end <= at
        ]
        if before:
            out[n] = max(before, key=lambda b: b[0])[1].id
    return tuple(out)


def _cut_name(name: str, entity: Entity) -> bool:
    """``name`` is the last words of the organisation's (or place's) name or an alias: a
    speaker's name cut short of the words the recogniser put before it."""
    words = _words(name)
    return entity.type != "person" and any(
        len(_words(n)) > len(words) and _words(n)[-len(words) :] == words
        for n in (entity.name, *entity.aliases)
    )
