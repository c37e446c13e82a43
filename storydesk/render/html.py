"""Briefings as one self-contained HTML file: inline CSS, no scripts, no external requests.

Every piece of article-derived text is escaped (Jinja2 autoescape, and
:func:`markupsafe.escape` for the marked-up article bodies) and made :func:`printable`. An
article's URL is a link only when :func:`link_url` allows it (http and https), and a
Content-Security-Policy in the page forbids scripts, plugins, frames, forms and every
request. A citation links to the cited sentence, shown highlighted (CSS ``:target``) inside
the article text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..model import Article, Briefing, Citation, Rejected, SummarySentence
from ..store.base import StoryRow, ThreadRow
from ..timeline import PLACED, date_attribute
from .common import (
    article_label,
    coverage_line,
    date_range,
    duplicate_note,
    elision_marks,
    empty_summary_note,
    link_url,
    printable,
    source_numbers,
    summary_heading,
    summary_parts,
)
from .figures import (
    STATUS_NOTE,
    chart_svg,
    key_figures,
    listed_entities,
    quote_label,
    who_said_what,
)
from .outlets import compare_outlets

# What a briefing page may do: apply its own inline CSS (the page's <style> and the charts'
# SVG styles), and nothing else: no script (so no javascript: link either), no request of any
# kind, no <base>, no form. Following a link is navigation, which the policy leaves alone.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _printable(value: Any) -> Any:
    """Every ``{{ value }}`` of a template is made printable before it is escaped; Markup
    was built by this module from printable pieces."""
    return printable(value) if isinstance(value, str) and not isinstance(value, Markup) else value


_env = Environment(
    loader=PackageLoader("storydesk.render", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    finalize=_printable,
)


def anchor(article_id: str, start: int, end: int) -> str:
    """The element id of a cited range: stable, and valid in HTML."""
    return f"c-{article_id}-{start}-{end}"


def fragment(element_id: str) -> str:
    """The ``href`` of a link to an element of the page: percent-encoded, so that an id
    with spaces, tabs, quotes or ``%`` in it still leads to its element."""
    return "#" + quote(printable(element_id), safe="")


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    anchor: str


def article_html(article: Article, marks: Sequence[tuple[int, int]]) -> Markup:
    """The article's cleaned text as paragraphs, with cited ranges wrapped in ``<mark>``."""
    spans = sorted(
        {_Mark(s, e, anchor(article.id, s, e)) for s, e in marks}, key=lambda m: (m.start, m.end)
    )
    text = article.text
    out: list[str] = []
    pos = 0
    for para in text.split("\n\n"):
        p_start, p_end = pos, pos + len(para)
        pos = p_end + 2
        pieces: list[str] = []
        cursor = p_start
        for m in spans:
            s, e = max(m.start, p_start, cursor), min(m.end, p_end)
            if s >= e:
                continue
            pieces.append(str(escape(printable(text[cursor:s]))))
            id_attr = f' id="{escape(printable(m.anchor))}"' if s == m.start else ""
            pieces.append(f'<mark class="cite"{id_attr}>{escape(printable(text[s:e]))}</mark>')
            cursor = e
        pieces.append(str(escape(printable(text[cursor:p_end]))))
        out.append(f"<p>{''.join(pieces)}</p>")
    return Markup("\n".join(out))


def _summary_parts(b: Briefing, s: SummarySentence) -> list[dict[str, str]]:
    """Kept text, what was left out after it, and the mark that shows it."""
    parts = summary_parts(b, s)
    return [
        {"kept": kept, "left": left, "mark": mark}
        for (kept, left), mark in zip(parts, elision_marks(parts), strict=True)
    ]


# A briefing of many articles stays readable: beyond INLINE_ALL articles, only the texts the
# page cites are inlined (the rest are listed; every text is in briefing.json), and who said
# what shows at most QUOTES_PER_SPEAKER quotes of at most MAX_SPEAKERS speakers.
INLINE_ALL = 40
QUOTES_PER_SPEAKER = 6
MAX_SPEAKERS = 30


def render_html(b: Briefing) -> str:
    """The briefing as one self-contained HTML page."""
    numbers = source_numbers(b)
    marks: dict[str, list[tuple[int, int]]] = {a.id: [] for a in b.articles}
    for s in b.summary:
        for c in s.citations:
            marks[c.article_id].append((c.start, c.end))
    events = b.timeline.events if b.timeline else ()
    for e in events:
        for c in e.citations:
            marks[c.article_id].append((c.start, c.end))
    by_id = {a.id: a for a in b.articles}

    def refs(citations: Sequence[Citation]) -> list[dict[str, object]]:
        return [
            {
                "n": numbers[c.article_id],
                "href": fragment(anchor(c.article_id, c.start, c.end)),
                "title": article_label(by_id[c.article_id]),
            }
            for c in citations
            if c.article_id in by_id
        ]

    figures = [
        {
            "what": k.what,
            "status": k.status,
            "note": STATUS_NOTE.get(k.status, k.status),
            "basis": k.basis,
            "chart": Markup(printable(svg)) if (svg := chart_svg(k)) else None,
            "rows": [
                {
                    "n": r.source,
                    "href": fragment(f"a-{r.fact.article_id}"),
                    "value": r.fact.text,
                    "as_of": r.fact.as_of.isoformat() if r.fact.as_of else "undated",
                }
                for r in k.rows
            ],
        }
        for k in key_figures(b, numbers)
    ]
    entities = [
        {"name": e.name, "type": e.type, "roles": e.roles, "aliases": e.aliases}
        for e in listed_entities(b)
    ]
    texts = {a.id: a.text for a in b.articles}
    speakers = [
        {
            "name": g.name,
            "resolved": g.resolved,
            "quotes": [
                {
                    "label": quote_label(q, texts.get(article_id, "")),
                    "direct": q.direct,
                    "n": numbers[article_id],
                    "href": fragment(f"a-{article_id}"),
                }
                for article_id, q in g.quotes[:QUOTES_PER_SPEAKER]
            ],
            "more": max(0, len(g.quotes) - QUOTES_PER_SPEAKER),
        }
        for g in who_said_what(b)
    ]
    more_speakers = max(0, len(speakers) - MAX_SPEAKERS)
    speakers = speakers[:MAX_SPEAKERS]
    cited = {aid for aid, m in marks.items() if m}
    cited |= {
        aid for g in who_said_what(b)[:MAX_SPEAKERS] for aid, _ in g.quotes[:QUOTES_PER_SPEAKER]
    }
    cited |= {r.fact.article_id for k in key_figures(b, numbers) for r in k.rows}
    inline_all = len(b.articles) <= INLINE_ALL
    timeline = [
        {
            "date": date_attribute(e.date, e.granularity),
            "date_text": e.date_text,
            "text": e.text,
            "refs": refs(e.citations),
            "placed": [r for r, b in zip(refs(e.citations), e.bases, strict=False) if b == PLACED],
        }
        for e in events
    ]
    views = compare_outlets(b)
    outlets = [
        {
            "outlet": v.outlet,
            "refs": [{"n": numbers[a], "href": fragment(f"a-{a}")} for a in v.articles],
            "speakers": [
                {"name": n, "n": numbers[c.article_id], "href": fragment(f"a-{c.article_id}")}
                for n, c in v.speakers
            ],
            "figures": [
                {
                    "what": f.what,
                    "shown": ", ".join(f.values),
                    "n": numbers[f.citation.article_id],
                    "href": fragment(f"a-{f.citation.article_id}"),
                }
                for f in v.figures
            ],
            "labels": [
                {
                    "entity": x.entity,
                    "label": x.label,
                    "n": numbers[x.citation.article_id],
                    "href": fragment(f"a-{x.citation.article_id}"),
                }
                for x in v.labels
            ],
        }
        for v in views
    ]
    cited |= {c.article_id for v in views for c in v.citations()}
    summary = [
        {
            "text": s.text,
            "parts": _summary_parts(b, s),
            "refs": [
                {
                    "n": numbers[c.article_id],
                    "href": fragment(anchor(c.article_id, c.start, c.end)),
                    "title": article_label(by_id[c.article_id]),
                }
                for c in s.citations
            ],
        }
        for s in b.summary
    ]
    articles = [
        {
            "n": numbers[a.id],
            "id": a.id,
            "label": article_label(a),
            "title": a.title or a.id,
            "outlet": a.outlet,
            "published": a.published.isoformat() if a.published else None,
            "url": a.url,
            "link": link_url(a.url),
            "href": fragment(f"a-{a.id}"),
            "source": a.source,
            "body": article_html(a, marks[a.id]) if inline_all or a.id in cited else None,
            "note": duplicate_note(b, a, numbers),
        }
        for a in b.articles
    ]
    return _env.get_template("briefing.html.j2").render(
        story=b.story,
        thread=b.thread,
        coverage=coverage_line(b),
        summary=summary,
        summary_heading=summary_heading(b),
        figures=figures,
        speakers=speakers,
        more_speakers=more_speakers,
        article_count=len(b.articles),
        entities=entities,
        timeline=timeline,
        outlets=outlets,
        empty_note=empty_summary_note(b),
        articles=articles,
        rejected=b.rejected,
        csp=Markup(CSP),
    )


def render_index(briefings: Sequence[Briefing], rejected: Sequence[Rejected]) -> str:
    """The run's index page listing every story."""
    stories = [
        {
            "href": quote(printable(b.story.id), safe="") + "/briefing.html",
            "title": b.story.title,
            "coverage": coverage_line(b),
            "lead": b.summary[0].text if b.summary else "",
        }
        for b in briefings
    ]
    return _env.get_template("index.html.j2").render(
        stories=stories, rejected=rejected, csp=Markup(CSP)
    )


def _dates(first: str | None, last: str | None) -> str:
    return date_range(first, last) if first else "undated"


def render_store(store: str, stories: Sequence[StoryRow], threads: Sequence[ThreadRow]) -> str:
    """The web UI's front page: the stored stories and threads, each a link to its briefing."""
    return _env.get_template("store.html.j2").render(
        store=store,
        stories=[
            {
                "href": "/stories/" + quote(printable(r.id), safe=""),
                "title": r.title,
                "articles": r.articles,
                "dates": _dates(r.first_published, r.last_published),
            }
            for r in stories
        ],
        threads=[
            {
                "href": "/threads/" + quote(printable(t.id), safe=""),
                "title": t.title,
                "events": t.events,
                "articles": t.articles,
                "dates": _dates(t.first_published, t.last_published),
            }
            for t in threads
        ],
        csp=Markup(CSP),
    )
