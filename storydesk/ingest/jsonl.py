"""JSON Lines (one article per line, read as a stream) and JSON (an object, or an array of
objects, read whole up to :data:`~storydesk.ingest.limits.MAX_JSON_FILE_BYTES`)."""

from __future__ import annotations

import codecs
import io
import json
from collections import deque
from collections.abc import Iterator
from typing import Any, Protocol

from ..errors import InputError
from ..model import RawDocument, Rejected
from . import limits
from .dates import parse_date
from .decode import LineDecoder, decode_bytes
from .sanitize import clean_field

_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_TOO_LONG = object()
_END = object()
# A file none of whose first lines is an article is not JSON Lines (binary data, say):
# one rejection for the rest of it, not one per line.
_GIVE_UP_AFTER = 100
_GIVE_UP = f"not JSON Lines: none of the first {_GIVE_UP_AFTER} lines is an article; rest not read"


class ByteStream(Protocol):
    """What a reader needs of a binary stream (a file, gzip, stdin, BytesIO)."""

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


def read_jsonl(data: bytes, source: str) -> list[RawDocument | Rejected]:
    """Read JSON Lines held in memory; see :func:`iter_jsonl`."""
    return list(iter_jsonl(io.BytesIO(data), source))


def iter_jsonl(stream: ByteStream, source: str) -> Iterator[RawDocument | Rejected]:
    """Read JSON Lines from a binary stream, one line at a time, so memory stays bounded by
    the longest line. A bad line becomes a :class:`Rejected` record (``FILE:LINE``) and the
    rest go on; a line longer than ``MAX_LINE_BYTES`` is skipped unread.

    An input that is one JSON value over several lines (pretty-printed) or one line holding
    an array is read as :func:`read_json` reads a ``.json`` file, up to its size limit.
    """
    head = stream.read(4)
    if head.startswith(_WIDE_BOMS):
        # UTF-16/32 cannot be split at b"\n": read it whole, within the .json limit.
        yield from read_json(head + stream.read(limits.MAX_JSON_FILE_BYTES), source)
        return
    lines = _lines(stream, head.removeprefix(codecs.BOM_UTF8))
    first = next(lines, _END)
    if first is _END:
        yield Rejected(source, "empty file")
        return
    decode = LineDecoder(source)
    queue: deque[Any] = deque([first])  # lines read ahead and not yet handled
    lineno = unusable = 0
    seen_any = good = False
    while True:
        raw = queue.popleft() if queue else next(lines, _END)
        if raw is _END:
            break
        lineno += 1
        where = f"{source}:{lineno}"
        if not isinstance(raw, bytes):  # _TOO_LONG
            too_long = f"line longer than {limits.size(limits.MAX_LINE_BYTES)}; not read"
            item: RawDocument | Rejected = Rejected(where, too_long)
        elif not raw.strip():
            continue
        else:
            text = decode(raw)
            if not seen_any and _maybe_whole(text):
                # Perhaps one pretty-printed JSON value: buffer the input (bounded) and try.
                buffered, complete = _buffer(raw, lines)
                whole = None
                if complete:
                    whole = _whole_json("\n".join(decode(b) for b in buffered))
                if whole is not None:
                    yield from (_record(x, f"{source}#{n}") for n, x in enumerate(whole, 1))
                    return
                queue.extend(buffered[1:])
            item = _parse_line(text, where)
        seen_any = True
        yield item
        good = good or isinstance(item, RawDocument)
        unusable += 0 if good else 1
        if unusable == _GIVE_UP_AFTER:
            yield Rejected(source, _GIVE_UP)
            return
    if not seen_any:
        yield Rejected(source, "empty file")


def _lines(stream: ByteStream, head: bytes = b"") -> Iterator[Any]:
    """The lines of ``head`` then ``stream``, without their line ends; ``_TOO_LONG`` for a
    line over the limit, whose bytes are read in pieces and dropped."""
    limit = limits.MAX_LINE_BYTES
    while True:
        if head:
            nl = head.find(b"\n") + 1
            line, head = (head[:nl], head[nl:]) if nl else (head, b"")
            if not nl:
                line += stream.readline(limit + 1 - len(line))
        else:
            line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(2**20)
            yield _TOO_LONG
            continue
        yield line.rstrip(b"\r\n")


def _buffer(first: bytes, lines: Iterator[bytes | object]) -> tuple[list[Any], bool]:
    """``first`` and the lines after it up to the .json size limit; whether that was all."""
    buffered: list[Any] = [first]
    total = len(first)
    for raw in lines:
        buffered.append(raw)
        if raw is _TOO_LONG:
            return buffered, False
        assert isinstance(raw, bytes)
        total += len(raw) + 1
        if total > limits.MAX_JSON_FILE_BYTES:
            return buffered, False
    return buffered, True


def _maybe_whole(first_line: str) -> bool:
    """The first line does not read as one article object on its own."""
    if not first_line.lstrip().startswith(("[", "{")):
        return False
    if limits.json_too_deep(first_line, limits.MAX_JSON_DEPTH):
        return False
    try:
        value = json.loads(first_line)
    except (ValueError, RecursionError):
        return True
    return not isinstance(value, dict) or isinstance(value.get("articles"), list)


def _parse_line(text: str, where: str) -> RawDocument | Rejected:
    if limits.json_too_deep(text, limits.MAX_JSON_DEPTH):
        return Rejected(where, f"JSON nested deeper than {limits.MAX_JSON_DEPTH} levels")
    try:
        item = json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejected(where, f"malformed JSON ({exc.msg}, column {exc.colno})")
    except RecursionError:
        return Rejected(where, f"JSON nested deeper than {limits.MAX_JSON_DEPTH} levels")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return Rejected(where, f"malformed JSON ({str(exc).splitlines()[0][:120]})")
    return _record(item, where)


def read_json(data: bytes, source: str) -> list[RawDocument | Rejected]:
    """Read a ``.json`` file: one article object, a list of them, or ``{"articles": [...]}``;
    a file that is not one JSON value is read as JSON Lines."""
    if len(data) > limits.MAX_JSON_FILE_BYTES:
        raise InputError(
            source,
            f"larger than {limits.size(limits.MAX_JSON_FILE_BYTES)}, the limit for a .json "
            "file; UTF-8 JSON Lines (.jsonl), read line by line, have none",
        )
    text = decode_bytes(data, source)
    whole = _whole_json(text)
    if whole is not None:
        return [_record(item, f"{source}#{n}") for n, item in enumerate(whole, start=1)]
    if limits.json_too_deep(text, limits.MAX_JSON_DEPTH) and len(text.strip().splitlines()) <= 1:
        raise InputError(source, f"JSON nested deeper than {limits.MAX_JSON_DEPTH} levels")
    return list(iter_jsonl(io.BytesIO(text.encode("utf-8", "surrogatepass")), source))


def _whole_json(text: str) -> list[Any] | None:
    if limits.json_too_deep(text, limits.MAX_JSON_DEPTH):
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        return list(value["articles"])
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        return [value]
    return None


def _record(item: Any, where: str) -> RawDocument | Rejected:
    if not isinstance(item, dict):
        return Rejected(where, f"expected a JSON object, got {type(item).__name__}")
    record_id = item.get("id")
    given = clean_field(str(record_id)).strip() if isinstance(record_id, (str, int)) else ""
    source = given or where
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejected(source, "missing or empty 'text' field")

    def field(name: str) -> str | None:
        value = item.get(name)
        return " ".join(value.split()) or None if isinstance(value, str) else None

    try:
        published = parse_date(item.get("published", item.get("date")))
    except InputError as exc:  # pragma: no cover - parse_date does not raise
        return Rejected(source, exc.reason)
    return RawDocument(
        source=source,
        text=text,
        title=field("title"),
        outlet=field("outlet") or field("source") or field("site"),
        url=field("url"),
        published=published,
        id_hint=source if source != where else None,
    )
