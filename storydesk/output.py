"""Writing a run's briefings to a folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .model import Briefing, Rejected
from .render import render_html, render_index, render_json, render_markdown
from .render.jsonout import dumps, stories_dict


def write_run(
    out_dir: Path,
    briefings: Sequence[Briefing],
    rejected: Sequence[Rejected],
    *,
    index: bool = True,
) -> list[Path]:
    """Write ``<story>/briefing.{md,html,json}``, ``stories.json`` and ``index.html``.

    Files are written whole (to a temporary name, then renamed) so that a reader never
    sees half a briefing.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for b in briefings:
        folder = out_dir / b.story.id
        folder.mkdir(exist_ok=True)
        for name, render in (
            ("briefing.md", render_markdown),
            ("briefing.html", render_html),
            ("briefing.json", render_json),
        ):
            written.append(_write(folder / name, render(b)))
    if index:
        written.append(_write(out_dir / "stories.json", dumps(stories_dict(briefings, rejected))))
        written.append(_write(out_dir / "index.html", render_index(briefings, rejected)))
    return written


def _write(path: Path, text: str) -> Path:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
