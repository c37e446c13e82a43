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
    """Deterministic JSON text: ``json.dumps(data, ensure_ascii=False, indent=2)`` and a line
    break, written by :func:`_indented` (``json`` writes indented text with its pure-Python
    encoder, a quarter of writing a run's briefings)."""
    out: list[str] = []
    try:
        _indented(data, "\n", out)
    except (_NotPlain, RecursionError):
        # what json makes of anything else (a type it cannot write, a cycle): its own
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out.append("\n")
    return "".join(out)


class _NotPlain(Exception):
    """A value :func:`_indented` leaves to ``json`` itself."""


_string = json.encoder.encode_basestring  # ensure_ascii=False's (json's C one when built)


def _number(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return _string(key)
    if isinstance(key, float):
        return _string(_number(key))
    if key is True or key is False or key is None:
        return _string({True: "true", False: "false", None: "null"}[key])
    if isinstance(key, int):
        return _string(int.__repr__(key))
    raise _NotPlain


# How json writes a value of exactly these types (a subclass takes :func:`_indented`'s path).
_LEAVES: dict[type, Any] = {
    str: _string,
    int: int.__repr__,
    bool: lambda v: "true" if v else "false",
    type(None): lambda v: "null",
    float: _number,
}


def _indented(value: Any, newline: str, out: list[str]) -> None:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, at the
    depth whose line break and indent is ``newline``, appended to ``out``: the same checks
    in the same order (a str, None, True, False, an int, a float, a list or tuple, a dict),
    the same separators (``","`` and ``": "``)."""
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_number(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        between = "," + inner
        out.append("[")
        for n, item in enumerate(value):
            leaf = _LEAVES.get(type(item))
            if leaf is not None:
                out.append((between if n else inner) + leaf(item))
            else:
                out.append(between if n else inner)
                _indented(item, inner, out)
        out.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        between = "," + inner
        out.append("{")
        for n, (key, item) in enumerate(value.items()):
            head = (
                (between if n else inner) + (_string(key) if type(key) is str else _key(key)) + ": "
            )
            leaf = _LEAVES.get(type(item))
            if leaf is not None:
                out.append(head + leaf(item))
            else:
                out.append(head)
                _indented(item, inner, out)
        out.append(newline + "}")
    else:
        raise _NotPlain


def render_json(b: Briefing) -> str:
    return dumps(briefing_dict(b))
