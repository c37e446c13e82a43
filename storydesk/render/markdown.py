"""Briefings as Markdown."""

from __future__ import annotations

import re

from ..model import Briefing
from .common import (
    article_label,
    coverage_line,
    duplicate_note,
    empty_summary_note,
    source_numbers,
    summary_heading,
    summary_parts,
    with_elisions,
)
from .figures import (
    STATUS_NOTE,
    key_figures,
    people,
    quote_label,
    who_said_what,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _esc(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_markdown(b: Briefing) -> str:
    """The briefing as a Markdown document."""
    numbers = source_numbers(b)
    heading = f"## {_esc(summary_heading(b))}"
    lines = [f"# {_esc(b.story.title)}", "", f"*{coverage_line(b)}*", "", heading, ""]
    for s in b.summary:
        refs = "".join(f"[{numbers[c.article_id]}]" for c in s.citations)
        lines.append(f"- {_esc(with_elisions(summary_parts(b, s)))} {refs}")
    if not b.summary:
        lines.append(f"*{_esc(empty_summary_note(b))}*")
    lines += _people(b)
    lines += _who_said_what(b, numbers)
    lines += _key_figures(b, numbers)
    lines += _timeline(b, numbers)
    lines += ["", "## Sources", ""]
    for a in b.articles:
        url = f" <{a.url}>" if a.url else ""
        note = duplicate_note(b, a, numbers)
        note = f" — {_esc(note)}" if note else ""
        lines.append(f"{numbers[a.id]}. {_esc(article_label(a))} (`{a.source}`){url}{note}")
    if b.rejected:
        lines += ["", "## Rejected inputs", ""]
        lines += [f"- `{r.source}`: {_esc(r.error)}" for r in b.rejected]
    return "\n".join(lines) + "\n"


def _key_figures(b: Briefing, numbers: dict[str, int]) -> list[str]:
    figures = key_figures(b, numbers)
    if not figures:
        return []
    lines = ["", "## Key figures", ""]
    for k in figures:
        lines += [f"**{_esc(k.what)}**: {STATUS_NOTE.get(k.status, k.status)}", ""]
        if k.basis:
            lines += [f"Basis: {_esc(k.basis)}", ""]
        lines += ["| source | figure | as of |", "|---|---|---|"]
        for r in k.rows:
            when = r.fact.as_of.isoformat() if r.fact.as_of else "undated"
            lines.append(f"| [{r.source}] | {_esc(r.fact.text)} | {when} |")
        lines.append("")
    return lines[:-1]


def _timeline(b: Briefing, numbers: dict[str, int]) -> list[str]:
    if b.timeline is None or not b.timeline.events:
        return []
    lines = ["", "## Timeline", ""]
    for e in b.timeline.events:
        refs = "".join(f"[{numbers[c.article_id]}]" for c in e.citations if c.article_id in numbers)
        when = e.date.isoformat() if e.granularity == "day" else f"{e.date} ({e.granularity})"
        lines.append(f"- **{when}**: {_esc(e.text)} {refs}")
    return lines


def _who_said_what(b: Briefing, numbers: dict[str, int], per_speaker: int = 6) -> list[str]:
    groups = who_said_what(b)
    if not groups:
        return []
    lines = ["", "## Who said what", ""]
    texts = {a.id: a.text for a in b.articles}
    for g in groups:
        lines += [f"**{_esc(g.name)}**", ""]
        for article_id, q in g.quotes[:per_speaker]:
            label = quote_label(q, texts.get(article_id, ""))
            lines.append(f"- {_esc(label)} [{numbers[article_id]}]")
        if len(g.quotes) > per_speaker:
            lines.append(f"- *and {len(g.quotes) - per_speaker} more (see briefing.json)*")
        lines.append("")
    return lines[:-1]


def _people(b: Briefing, most: int = 12) -> list[str]:
    who = [e for e in people(b) if e.type == "person" or e.roles][:most]
    if not who:
        return []
    lines = ["", "## People and organisations", ""]
    for e in who:
        roles = f": {_esc('; '.join(e.roles))}" if e.roles else ""
        also = f" (also {_esc(', '.join(e.aliases))})" if e.aliases else ""
        lines.append(f"- **{_esc(e.name)}**{roles}{also}")
    return lines
