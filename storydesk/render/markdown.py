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
        lines.append(f"- {_esc(s.text)} {refs}")
    if not b.summary:
        lines.append(f"*{_esc(empty_summary_note(b))}*")
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
