"""What the Markdown and HTML renderers share: source numbering and meta lines."""

from __future__ import annotations

from ..model import Article, Briefing


def source_numbers(b: Briefing) -> dict[str, int]:
    """Article id -> the 1-based number a reader sees in citation markers."""
    return {a.id: n for n, a in enumerate(b.articles, start=1)}


def article_label(a: Article) -> str:
    """``Title — Outlet, date`` with whatever of those is known."""
    meta = ", ".join(x for x in (a.outlet, a.published.isoformat() if a.published else None) if x)
    title = a.title or a.id
    return f"{title} — {meta}" if meta else title


def coverage_line(b: Briefing) -> str:
    """``5 articles from 3 outlets, 2026-03-09 to 2026-03-11``."""
    n = len(b.articles)
    outlets = sorted({a.outlet for a in b.articles if a.outlet})
    dates = sorted(a.published for a in b.articles if a.published)
    parts = [f"{n} article{'s' if n != 1 else ''}"]
    if outlets:
        parts.append(f"from {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}")
    line = " ".join(parts)
    if dates:
        span = dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
        line += f", {span}"
    return line
