"""Writing a run's briefings to a folder."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import OutputError
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
    sees half a briefing. A folder or disk that fails raises :class:`OutputError`.
    """
    try:
        return _write_run(out_dir, briefings, rejected, index)
    except OSError as exc:
        where = exc.filename or out_dir
        if exc.errno == errno.ENOSPC:
            raise OutputError(
                f"the disk is full writing {where}: free some space and run again"
            ) from exc
        raise OutputError(f"cannot write {where}: {exc.strerror or exc}") from exc


def check_out_dir(out_dir: Path) -> None:
    """Refuse, before any analysis, an output folder that cannot be written: a file, a
    path under a file, or a folder (or the nearest existing parent of a folder to be made)
    where no file can be created.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"--out {out_dir} is a file, not a folder: name a folder")
    nearest = out_dir
    while not nearest.exists() and nearest != nearest.parent:
        nearest = nearest.parent
    if not nearest.is_dir():
        raise OutputError(
            f"--out {out_dir} lies under {nearest}, which is a file: name a folder elsewhere"
        )
    try:  # the only sure test: root ignores permission bits, a read-only mount does not
        fd, probe = tempfile.mkstemp(dir=nearest, prefix=".storydesk-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(
            f"cannot write in {nearest} ({exc.strerror or exc}): give write access to it,"
            " or name another --out"
        ) from exc


def _write_run(
    out_dir: Path, briefings: Sequence[Briefing], rejected: Sequence[Rejected], index: bool
) -> list[Path]:
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
