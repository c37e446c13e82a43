"""JSON Lines (one article per line) and JSON (an object, or an array of objects)."""

from __future__ import annotations

import json
from typing import Any

from ..errors import InputError
from ..model import RawDocument, Rejected
from .dates import parse_date
from .decode import decode_bytes


def read_jsonl(data: bytes, source: str) -> list[RawDocument | Rejected]:
    """Read JSON Lines; a bad line becomes a :class:`Rejected` record, the rest go on.

    A ``.json`` file holding one JSON value (an article object, a list of them, or
    ``{"articles": [...]}``) is read the same way.
    """
    text = decode_bytes(data, source)
    whole = _whole_json(text)
    if whole is not None:
        return [_record(item, f"{source}#{n}") for n, item in enumerate(whole, start=1)]
    out: list[RawDocument | Rejected] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(Rejected(where, f"malformed JSON ({exc.msg}, column {exc.colno})"))
            continue
        out.append(_record(item, where))
    return out


def _whole_json(text: str) -> list[Any] | None:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
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
    source = str(record_id) if isinstance(record_id, (str, int)) and str(record_id) else where
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
