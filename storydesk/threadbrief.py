"""A thread's briefing: its events in time order, each in one cited sentence with its key
figures, and the thread's figures over time.

Written by ``storydesk thread THREAD_ID --out DIR`` as ``<thread>/thread.{json,md,html}``
(schema ``storydesk.thread/1``). Each event's sentence is the first sentence of the
event's summary made with a small word budget (:data:`EVENT_WORDS`), verbatim, with its
citations as offset ranges into the cleaned text of the event's articles, like every
summary sentence. Each event links to its own briefing (``storydesk brief STORY_ID``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .errors import ThreadNotFoundError
from .model import Briefing
from .pipeline import brief_stored
from .render.common import source_numbers
from .render.figures import key_figures
from .render.jsonout import dumps, summary_sentence_dict
from .settings import Settings
from .store.base import Store, StoryRow, ThreadRow

THREAD_SCHEMA = "storydesk.thread/1"
# Summary budget of one event in a thread briefing: about one sentence.
EVENT_WORDS = 30
# Key figures shown per event.
EVENT_FIGURES = 3


@dataclass(frozen=True, slots=True)
class ThreadEvent:
    row: StoryRow
    briefing: Briefing


@dataclass(frozen=True, slots=True)
class ThreadBriefing:
    thread: ThreadRow
    events: tuple[ThreadEvent, ...]


def brief_thread(store: Store, thread_id: str, settings: Settings) -> ThreadBriefing:
    """The briefing of a stored thread (events oldest first)."""
    row = next((t for t in store.threads() if t.id == thread_id), None)
    if row is None:
        raise ThreadNotFoundError(f"no thread {thread_id!r} in the store (see `storydesk threads`)")
    small = replace(settings, words=min(settings.words, EVENT_WORDS))
    events = tuple(
        ThreadEvent(s, brief_stored(store, s.id, small)) for s in store.thread_stories(thread_id)
    )
    return ThreadBriefing(row, events)


def _figures(b: Briefing) -> list[dict[str, Any]]:
    numbers = source_numbers(b)
    out = []
    for k in key_figures(b, numbers)[:EVENT_FIGURES]:
        out.append(
            {
                "what": k.what,
                "status": k.status,
                "values": [
                    {
                        "text": r.fact.text,
                        "value": r.fact.value,
                        "as_of": r.fact.as_of.isoformat() if r.fact.as_of else None,
                        "article_id": r.fact.article_id,
                        "start": r.fact.start,
                        "end": r.fact.end,
                    }
                    for r in k.rows
                ],
            }
        )
    return out


def thread_dict(t: ThreadBriefing) -> dict[str, Any]:
    """The thread briefing as a JSON-ready dict."""
    events = []
    over_time: list[dict[str, Any]] = []
    for e in t.events:
        b = e.briefing
        figures = _figures(b)
        events.append(
            {
                "story": {"id": e.row.id, "title": b.story.title},
                "articles": e.row.articles,
                "first_published": e.row.first_published,
                "last_published": e.row.last_published,
                "sentence": summary_sentence_dict(b.summary[0]) if b.summary else None,
                "key_figures": figures,
                "briefing": f"storydesk brief {e.row.id}",
            }
        )
        for f in figures:
            for v in f["values"]:
                over_time.append({"what": f["what"], "event": e.row.id, **v})
    over_time.sort(
        key=lambda r: (r["what"], r["as_of"] is None, r["as_of"] or "", r["article_id"], r["start"])
    )
    return {
        "schema": THREAD_SCHEMA,
        "thread": {
            "id": t.thread.id,
            "title": t.thread.title,
            "events": t.thread.events,
            "articles": t.thread.articles,
            "first_published": t.thread.first_published,
            "last_published": t.thread.last_published,
        },
        "events": events,
        "figures_over_time": over_time,
    }


def render_thread_markdown(t: ThreadBriefing) -> str:
    from .render.markdown import _code, _esc

    d = thread_dict(t)
    th = d["thread"]
    span = f"{th['first_published'] or '?'} to {th['last_published'] or '?'}"
    lines = [
        f"# {_esc(th['title'])}",
        "",
        f"*Thread {_code(th['id'])}: {th['events']} events, {th['articles']} articles, {span}*",
        "",
        "## Events",
        "",
    ]
    for e in d["events"]:
        when = e["first_published"] or "undated"
        if e["last_published"] and e["last_published"] != e["first_published"]:
            when += f" to {e['last_published']}"
        sentence = _esc(e["sentence"]["text"]) if e["sentence"] else "*no summary*"
        lines.append(
            f"- **{when}** {_esc(e['story']['title'])} ({_code(e['story']['id'])}, "
            f"{e['articles']} articles): {sentence}"
        )
        for f in e["key_figures"]:
            values = "; ".join(_esc(v["text"]) for v in f["values"][:4])
            lines.append(f"  - {_esc(f['what'])}: {values}")
    if d["figures_over_time"]:
        lines += [
            "",
            "## Figures over time",
            "",
            "| figure | value | as of | event |",
            "|---|---|---|---|",
        ]
        for r in d["figures_over_time"]:
            lines.append(
                f"| {_esc(r['what'])} | {_esc(r['text'])} | {r['as_of'] or 'undated'} "
                f"| {_code(r['event'])} |"
            )
    return "\n".join(lines) + "\n"


def render_thread_html(t: ThreadBriefing) -> str:
    from .render.html import CSP, _env

    d = thread_dict(t)
    return _env.get_template("thread.html.j2").render(
        th=d["thread"], events=d["events"], over_time=d["figures_over_time"], csp=Markup(CSP)
    )


def write_thread(out_dir: Path, t: ThreadBriefing) -> list[Path]:
    """Write ``<thread>/thread.{md,html,json}`` (each whole, then renamed)."""
    from .write import _write

    folder = out_dir / t.thread.id
    folder.mkdir(parents=True, exist_ok=True)
    return [
        _write(folder / "thread.md", render_thread_markdown(t)),
        _write(folder / "thread.html", render_thread_html(t)),
        _write(folder / "thread.json", dumps(thread_dict(t))),
    ]


__all__: Sequence[str] = [
    "THREAD_SCHEMA",
    "ThreadBriefing",
    "brief_thread",
    "render_thread_html",
    "render_thread_markdown",
    "thread_dict",
    "write_thread",
]
