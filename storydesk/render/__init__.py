"""Renderers: Briefing -> str, no I/O."""

from .html import render_html, render_index
from .jsonout import briefing_dict, render_json, stories_dict
from .markdown import render_markdown

__all__ = [
    "briefing_dict",
    "render_html",
    "render_index",
    "render_json",
    "render_markdown",
    "stories_dict",
]
