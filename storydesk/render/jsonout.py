"""Briefings as JSON, following the ``storydesk.briefing/1`` and ``storydesk.stories/1`` schemas."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..entities import entities_json
from ..facts import facts_json
from ..model import Article, Briefing, Rejected, SummarySentence, Timeline
from ..timeline import timeline_json
from .figures import speaker_entity, speaker_name
from .outlets import outlets_json

BRIEFING_SCHEMA = "storydesk.briefing/1"
STORIES_SCHEMA = "storydesk.stories/1"


def article_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "published": a.published.isoformat() if a.published else None,
        "truncated": a.truncated,
        "date_source": a.date_source,
        "text": a.text,
    }


def summary_sentence_dict(s: SummarySentence) -> dict[str, Any]:
    """``{"text", "citations"}``, and ``omitted``: the parts of the first citation's
    sentence the summary leaves out (light trims), each an offset range; ``referents``:
    who a "he" or "she" in it stands for, named in an earlier sentence of that article."""
    source = s.citations[0].article_id if s.citations else None
    return {
        "text": s.text,
        "citations": [
            {"article_id": c.article_id, "start": c.start, "end": c.end} for c in s.citations
        ],
        "omitted": [
            {"article_id": o.article_id, "start": o.start, "end": o.end} for o in s.omitted
        ],
        "referents": [
            {"article_id": source, "start": r.start, "end": r.end, "name": r.name}
            for r in s.referents
        ],
    }


def rejected_dict(r: Rejected) -> dict[str, str]:
    return {"source": r.source, "error": r.error}


def quote_dict(b: Briefing, n: int) -> dict[str, Any]:
    """Quote ``n`` of the briefing as the contract names it."""
    article_id, q = b.quotes[n]
    name, _ = speaker_name(b, n)
    entity = speaker_entity(b, n)
    return {
        "article_id": article_id,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "direct": q.direct,
        "speaker": None
        if q.speaker is None
        else {"name": name, "entity_id": entity.id if entity else None},
        "cue": q.cue,
        "speaker_mention": None
        if q.speaker is None
        else {"text": q.speaker.text, "start": q.speaker.start, "end": q.speaker.end},
    }


def briefing_dict(b: Briefing) -> dict[str, Any]:
    """The briefing as a JSON-ready dict."""
    duplicate_of, copies = b.duplicate_of(), b.copies()
    return {
        "schema": BRIEFING_SCHEMA,
        "story": {"id": b.story.id, "title": b.story.title},
        "since": b.since.isoformat() if b.since else None,
        "thread": {"id": b.thread[0], "title": b.thread[1]} if b.thread else None,
        "articles": [
            {
                **article_dict(a),
                "duplicate_of": duplicate_of.get(a.id),
                "also_published_by": copies.get(a.id, []),
            }
            for a in b.articles
        ],
        "summary": [summary_sentence_dict(s) for s in b.summary],
        "rejected": [rejected_dict(r) for r in b.rejected],
        "entities": entities_json(b.entities),
        "quotes": [quote_dict(b, n) for n in range(len(b.quotes))],
        **facts_json(b.facts, b.fact_groups),
        **timeline_json(b.timeline or Timeline(events=())),
        "outlets": outlets_json(b),
    }


def stories_dict(briefings: Sequence[Briefing], rejected: Sequence[Rejected]) -> dict[str, Any]:
    """The run's story list as a JSON-ready dict."""
    return {
        "schema": STORIES_SCHEMA,
        "stories": [
            {
                "id": b.story.id,
                "title": b.story.title,
                "articles": [{"id": a.id, "source": a.source} for a in b.articles],
                "briefing": f"{b.story.id}/briefing.json",
            }
            for b in briefings
        ],
        "rejected": [rejected_dict(r) for r in rejected],
    }


def dumps(data: Any) -> str:
    """Deterministic JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_json(b: Briefing) -> str:
    return dumps(briefing_dict(b))
