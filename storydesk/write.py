"""Writing a run's briefings to a folder."""

from __future__ import annotations

import errno
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import ConfigError, OutputError
from .model import Briefing, Rejected
from .render import render_html, render_index, render_json, render_markdown
from .render.jsonout import dumps, stories_dict

# What a story id may not hold to name one folder inside the run's: a path separator, a
# C0 control or DEL (NUL ends a path), a lone surrogate (no file name can hold it).
_NOT_IN_A_FOLDER_NAME = re.compile(r"[/\\\x00-\x1f\x7f\ud800-\udfff]")
# Longest story id written (a name is at most 255 bytes on common file systems).
MAX_ID_BYTES = 200
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def write_run(
    out_dir: Path,
    briefings: Sequence[Briefing],
    rejected: Sequence[Rejected],
    *,
    index: bool = True,
) -> list[Path]:
    """Write ``<story>/briefing.{md,html,json}``, ``stories.json`` and ``index.html``.

    Files are written whole (to a temporary name, then renamed) so that a reader never
    sees half a briefing. A story id that cannot name one folder inside ``out_dir`` (see
    :func:`check_story_id`) is refused with a :class:`ConfigError` before anything is
    written. A lone surrogate in any text is written as U+FFFD (one character for one,
    so offsets hold).
    A folder or disk that fails raises :class:`OutputError`.
    """
    root = out_dir.resolve()
    for b in briefings:
        check_story_id(b.story.id)
        if (out_dir / b.story.id).resolve().parent != root:  # a link planted in out_dir
            raise ConfigError(f"story id {b.story.id!r}: its folder leads outside {out_dir}")
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


def check_story_id(story_id: str) -> None:
    """Refuse a story id that cannot name one folder inside the output folder: empty, a
    leading dot (``.``, ``..``, a hidden folder), a path separator, a control character or
    a lone surrogate, or longer than :data:`MAX_ID_BYTES`. The pipeline's ids are slugs
    (:func:`storydesk.ids.story_id`); this guards ids made by hand or read from a store.

    >>> check_story_id("dam-bursts-3f9a2c")
    >>> check_story_id("a/b")
    Traceback (most recent call last):
    ...
    storydesk.errors.ConfigError: [E200] story id 'a/b' cannot name a folder: it holds '/'
    """
    bad = _NOT_IN_A_FOLDER_NAME.search(story_id)
    if not story_id:
        reason = "it is empty"
    elif story_id.startswith("."):
        reason = "it starts with a dot"
    elif bad:
        reason = f"it holds {bad.group()!r}"
    elif len(story_id.encode("utf-8")) > MAX_ID_BYTES:
        reason = f"it is over {MAX_ID_BYTES} bytes"
    else:
        return
    raise ConfigError(f"story id {story_id!r} cannot name a folder: {reason}")


def _write(path: Path, text: str) -> Path:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(_LONE_SURROGATE.sub("\ufffd", text), encoding="utf-8")
    tmp.replace(path)
    return path
