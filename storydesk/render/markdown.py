"""Briefings as Markdown.

Every article-derived field is written so that a Markdown renderer shows it as the text it
is and never as markup: punctuation that Markdown or inline HTML would read is
backslash-escaped, sources are code spans that no backtick can close, and a URL is a link
only when :func:`link_url` allows it, and then an autolink that no character can break out
of. Control characters are dropped (:func:`printable`).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..model import Briefing
from ..timeline import PLACED
from .common import (
    article_label,
    coverage_line,
    duplicate_note,
    empty_summary_note,
    link_url,
    printable,
    source_numbers,
    summary_heading,
    summary_parts,
    with_elisions,
)
from .figures import (
    STATUS_NOTE,
    key_figures,
    listed_entities,
    quote_label,
    who_said_what,
)
from .outlets import compare_outlets

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&])")
# What starts a block at the head of a line or list item: "- ", "+ ", "> ", "1. ", "2) ".
_BLOCK_START = re.compile(r"^(\s*(?:\d{1,9}(?=[.)](?:\s|$)))?)([-+>=~]|(?<=\d)[.)])")
_LINE_BREAK = re.compile(r"\r\n?|\n")
_BACKTICKS = re.compile(r"`+")
# Printable ASCII an autolink may hold as it is; the rest is percent-encoded. CommonMark
# ends an autolink at a space, "<" or ">"; quote marks, backticks and backslashes are
# encoded too, for renderers that are less careful.
_AUTOLINK_SAFE = "".join(c for c in map(chr, range(0x21, 0x7F)) if c not in '<>"`\\')


def _esc(text: str) -> str:
    """Article-derived text as Markdown that renders as that very text, on one line:
    characters that would make emphasis, links, images, code, tables, headings or inline
    HTML are backslash-escaped (an ``&`` too, so that ``&lt;`` stays those four letters).

    >>> print(_esc('1. <img src=x onerror="a()"> [x](javascript:a())'))
    1\\. \\<img src=x onerror="a()"\\> \\[x\\](javascript:a())
    """
    one_line = _LINE_BREAK.sub(" ", printable(text))
    return _BLOCK_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", one_line))


def _code(text: str) -> str:
    """Text as a Markdown code span, fenced with more backticks than it holds in a row.

    >>> print(_code("a`b"))
    ``a`b``
    """
    text = _LINE_BREAK.sub(" ", printable(text))
    fence = "`" * (max((len(m) for m in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _link(url: str | None) -> str:
    """An article's URL: an autolink when :func:`link_url` allows it (http and https), with
    every character an autolink may not hold percent-encoded; else the URL as text."""
    if not url:
        return ""
    link = link_url(url)
    if link is None:
        return _esc(url)
    return f"<{quote(link, safe=_AUTOLINK_SAFE)}>"


def render_markdown(b: Briefing) -> str:
    """The briefing as a Markdown document."""
    numbers = source_numbers(b)
    heading = f"## {_esc(summary_heading(b))}"
    lines = [f"# {_esc(b.story.title)}", "", f"*{coverage_line(b)}*", "", heading, ""]
    if b.thread:
        lines[4:4] = [f"Part of the thread **{_esc(b.thread[1])}** ({_code(b.thread[0])})", ""]
    for s in b.summary:
        refs = "".join(f"[{numbers[c.article_id]}]" for c in s.citations)
        lines.append(f"- {_esc(with_elisions(summary_parts(b, s)))} {refs}")
    if not b.summary:
        lines.append(f"*{_esc(empty_summary_note(b))}*")
    lines += _people(b)
    lines += _who_said_what(b, numbers)
    lines += _key_figures(b, numbers)
    lines += _timeline(b, numbers)
    lines += _outlets(b, numbers)
    lines += ["", "## Sources", ""]
    for a in b.articles:
        url = f" {_link(a.url)}" if a.url else ""
        note = duplicate_note(b, a, numbers)
        note = f" — {_esc(note)}" if note else ""
        lines.append(f"{numbers[a.id]}. {_esc(article_label(a))} ({_code(a.source)}){url}{note}")
    if b.rejected:
        lines += ["", "## Rejected inputs", ""]
        lines += [f"- {_code(r.source)}: {_esc(r.error)}" for r in b.rejected]
    return "\n".join(lines) + "\n"


def _key_figures(b: Briefing, numbers: dict[str, int]) -> list[str]:
    figures = key_figures(b, numbers)
    if not figures:
        return []
    lines = ["", "## Key figures", ""]
    for k in figures:
        lines += [f"**{_esc(k.what)}**: {_esc(STATUS_NOTE.get(k.status, k.status))}", ""]
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
        placed = "".join(
            f"[{numbers[c.article_id]}]"
            for c, b in zip(e.citations, e.bases, strict=False)
            if b == PLACED and c.article_id in numbers
        )
        note = f" ({placed}: undated, placed by what it reports)" if placed else ""
        lines.append(f"- **{_esc(e.date_text)}**: {_esc(e.text)} {refs}{note}")
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
    who = listed_entities(b, most)
    if not who:
        return []
    lines = ["", "## People and organisations", ""]
    for e in who:
        roles = f": {_esc('; '.join(e.roles))}" if e.roles else ""
        also = f" (also {_esc(', '.join(e.aliases))})" if e.aliases else ""
        lines.append(f"- **{_esc(e.name)}**{roles}{also}")
    return lines


def _outlets(b: Briefing, numbers: dict[str, int]) -> list[str]:
    views = compare_outlets(b)
    if not views:
        return []
    lines = ["", "## How outlets differ", ""]
    for v in views:
        refs = "".join(f"[{numbers[a]}]" for a in v.articles)
        lines.append(f"**{_esc(v.outlet)}** {refs}")
        lines.append("")
        if v.empty:
            lines += ["- nothing the other outlets do not also report", ""]
            continue
        if v.speakers:
            who = ", ".join(f"{_esc(n)} [{numbers[c.article_id]}]" for n, c in v.speakers)
            lines.append(f"- only here, quotes from: {who}")
        for f in v.figures:
            values = ", ".join(f.values)
            lines.append(
                f"- only here, {_esc(f.what)}: {_esc(values)} [{numbers[f.citation.article_id]}]"
            )
        for x in v.labels:
            lines.append(
                f"- calls {_esc(x.entity)} “{_esc(x.label)}” [{numbers[x.citation.article_id]}]"
            )
        lines.append("")
    return lines[:-1]
