"""Readers: paths (files, folders, ``-`` for stdin) to raw documents or rejected records.

One reader per format, chosen from :data:`READERS` by file extension. A reader either
returns documents or raises :class:`~storydesk.errors.InputError`; nothing else escapes.
JSON Lines are read as a stream, a line at a time; a ``.txt``, ``.html`` or ``.json`` file
is read whole, within the limits of :mod:`storydesk.ingest.limits`. Every string a reader
yields is made safe to store and render (:mod:`storydesk.ingest.sanitize`).
"""

from __future__ import annotations

import errno
import gzip
import logging
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, BinaryIO

from ..errors import InputError
from ..model import RawDocument, Rejected
from . import limits
from .html import read_html
from .jsonl import ByteStream, iter_jsonl, read_json, read_jsonl
from .sanitize import sanitized
from .text import read_text

__all__ = ["READERS", "limits", "read_bytes", "read_paths", "supported"]

log = logging.getLogger(__name__)

Reader = Callable[[bytes, str], "Sequence[RawDocument | Rejected]"]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".json": read_json,
}
# Anything a damaged compressed stream or a failing disk can raise while being read.
_READ_ERRORS = (OSError, EOFError, zlib.error)


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
        return [sanitized(_unsupported(source, kind))]
    return [sanitized(x) for x in _guarded(lambda: reader(data, source), source)]


def _unsupported(source: str, kind: str) -> Rejected:
    expected = ", ".join(sorted(READERS))
    return Rejected(source, f"unsupported file type '{kind or '(none)'}' (expected {expected})")


def _why(exc: BaseException) -> str:
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__
    return reason.splitlines()[0]


def _guarded(
    read: Callable[[], Iterable[RawDocument | Rejected]], source: str, compressed: bool = False
) -> Iterator[RawDocument | Rejected]:
    """The items ``read()`` yields; an error on the way ends them with one rejection (the
    items before it stand: a damaged end of a JSON Lines file costs only what is lost)."""
    try:
        yield from read()
    except InputError as exc:
        yield Rejected(exc.source, exc.reason)
    except RecursionError:
        yield Rejected(source, f"JSON nested deeper than {limits.MAX_JSON_DEPTH} levels")
    except _READ_ERRORS as exc:
        yield Rejected(source, f"cannot {'decompress' if compressed else 'read'}: {_why(exc)}")


_NOT_REGULAR = "not a regular file (a FIFO, socket or device); not read"


def _stat_problem(path: Path, exc: OSError) -> str:
    """Why ``path`` cannot even be looked at, in words."""
    if exc.errno == errno.ELOOP:
        return "symlink loop: the link leads back to itself"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return "dangling symlink: its target does not exist"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    return f"cannot read: {_why(exc)}"


def _walk(root: Path, top: os.stat_result) -> list[tuple[Path, str | None]]:
    """Files with a reader under the folder ``root``, sorted, each with ``None``, or with
    the reason it cannot be read; also every folder that cannot be listed, and every broken
    or looping symbolic link. Hidden files and folders are skipped; links to folders are
    followed, but no folder is read twice."""
    found: list[tuple[Path, str | None]] = []
    seen = {(top.st_dev, top.st_ino)}
    stack: list[tuple[Path, tuple[tuple[int, int], ...]]] = [(root, ((top.st_dev, top.st_ino),))]
    while stack:
        folder, chain = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.append((folder, f"cannot read folder: {_why(exc)}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                st = os.stat(entry.path)  # follows symbolic links
            except OSError as exc:
                if path.is_symlink() or supported(path):
                    found.append((path, _stat_problem(path, exc)))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in chain:
                    found.append((path, "symlink loop: leads back to a folder that holds it"))
                elif key not in seen:  # else a second link to a folder read already
                    seen.add(key)
                    stack.append((path, (*chain, key)))
            elif supported(path):
                found.append((path, None if stat.S_ISREG(st.st_mode) else _NOT_REGULAR))
    return sorted(found, key=lambda item: item[0])


def _open_regular(path: Path, source: str) -> IO[bytes]:
    """Open a regular file for reading; raise :class:`InputError` for anything else. The
    open does not block (a FIFO swapped in after the check would wait for a writer)."""
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(source, _NOT_REGULAR)
        if nonblocking:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_stream(stream: ByteStream, source: str, kind: str) -> Iterator[RawDocument | Rejected]:
    if kind == ".jsonl":
        yield from iter_jsonl(stream, source)
        return
    cap = limits.MAX_JSON_FILE_BYTES if kind == ".json" else limits.MAX_FILE_BYTES
    data = stream.read(cap + 1)
    if len(data) > cap:
        hint = "; write it as JSON Lines (.jsonl), which is read line by line"
        raise InputError(
            source,
            f"larger than {limits.size(cap)}, the limit for one {kind} file"
            + (hint if kind == ".json" else ""),
        )
    yield from READERS[kind](data, source)


def _read_file(path: Path, source: str) -> Iterator[RawDocument | Rejected]:
    """Read one file named on the command line or found in a folder."""
    try:
        st = path.stat()
    except OSError as exc:
        yield Rejected(source, _stat_problem(path, exc))
        return
    if not stat.S_ISREG(st.st_mode):
        yield Rejected(source, _NOT_REGULAR)
        return
    kind = _suffix(path)
    if kind not in READERS:
        yield _unsupported(source, kind)
        return
    try:
        handle = _open_regular(path, source)
    except InputError as exc:
        yield Rejected(source, exc.reason)
        return
    except OSError as exc:
        yield Rejected(source, f"cannot read: {_why(exc)}")
        return
    with handle:
        if path.suffix.lower() == ".gz":
            with gzip.GzipFile(fileobj=handle, mode="rb") as unzipped:
                yield from _guarded(lambda: _read_stream(unzipped, source, kind), source, True)
        else:
            yield from _guarded(lambda: _read_stream(handle, source, kind), source)


def _read_one(given: str, stdin: BinaryIO | None) -> Iterator[RawDocument | Rejected]:
    if given == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _guarded(lambda: iter_jsonl(stream, "<stdin>"), "<stdin>")
        return
    path = Path(given)
    try:
        top = path.stat()
    except OSError:
        top = None  # _read_file says why
    if top is None or not stat.S_ISDIR(top.st_mode):
        yield from _read_file(path, given)
        return
    found = _walk(path, top)
    if not any(problem is None for _, problem in found):
        log.warning("no readable files in %s", given)
    for p, problem in found:
        if problem is None:
            yield from _read_file(p, str(p))
        else:
            yield Rejected(str(p), problem)


def read_paths(
    paths: Sequence[str], stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Rejected]:
    """Read every input under ``paths`` in a stable order.

    Folders are walked recursively (hidden files skipped, unsupported extensions ignored,
    links followed); a file named explicitly with an unsupported extension is rejected, as
    is anything that is not a regular file (never opened); ``-`` reads JSON Lines from
    ``stdin``. A JSON Lines input is read a line at a time, also from gzip and stdin.
    """
    for given in paths:
        for item in _read_one(given, stdin):
            yield sanitized(item)
