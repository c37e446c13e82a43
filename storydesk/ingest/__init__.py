"""Readers: paths (files, folders, ``-`` for stdin) to raw documents or rejected records.

One reader per format, chosen from :data:`READERS` by file extension. A reader either
returns documents or raises :class:`~storydesk.errors.InputError`; nothing else escapes.
"""

from __future__ import annotations

import gzip
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import RawDocument, Rejected
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text

__all__ = ["READERS", "read_bytes", "read_paths", "supported"]

log = logging.getLogger(__name__)

Reader = Callable[[bytes, str], "Sequence[RawDocument | Rejected]"]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".json": read_jsonl,
}


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return suffixes[-2] if len(suffixes) > 1 else ""
    return suffixes[-1] if suffixes else ""


def supported(path: Path) -> bool:
    """Whether a file's extension has a reader (``.gz`` of a supported type included)."""
    return _suffix(path) in READERS


def read_bytes(data: bytes, source: str, kind: str) -> list[RawDocument | Rejected]:
    """Run the reader for ``kind`` (an extension such as ``.txt``) on bytes.

    Never raises: a failure comes back as one :class:`Rejected` record.
    """
    reader = READERS.get(kind)
    if reader is None:
        expected = ", ".join(sorted(READERS))
        return [
            Rejected(source, f"unsupported file type '{kind or '(none)'}' (expected {expected})")
        ]
    try:
        return list(reader(data, source))
    except InputError as exc:
        return [Rejected(exc.source, exc.reason)]
    except RecursionError:
        return [Rejected(source, "input nested too deeply to parse")]


def _files(paths: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    for given in paths:
        if given == "-":
            yield given, None
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and supported(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                log.warning("no readable files in %s", given)
            for p in found:
                yield str(p), p
        else:
            yield given, path


def read_paths(
    paths: Sequence[str], stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Rejected]:
    """Read every input under ``paths`` in a stable order.

    Folders are walked recursively (hidden files skipped, unsupported extensions ignored);
    a file named explicitly with an unsupported extension is rejected; ``-`` reads JSON
    Lines from ``stdin``.
    """
    for source, path in _files(paths):
        if path is None:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), "<stdin>", ".jsonl")
            continue
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            yield Rejected(source, "no such file or directory")
            continue
        except OSError as exc:
            yield Rejected(source, f"cannot read: {exc.strerror or exc}")
            continue
        if path.suffix.lower() == ".gz":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError) as exc:
                yield Rejected(source, f"cannot decompress: {exc}")
                continue
        yield from read_bytes(data, source, _suffix(path))
