"""JSON encodings of the analysis records kept in the store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from typing import Any, TypeVar

from ..model import Features, Sentence, Span

T = TypeVar("T")


def sentences_to_json(sentences: tuple[Sentence, ...]) -> str:
    return json.dumps(
        [
            [
                s.span.start,
                s.span.end,
                s.index,
                s.words,
                list(s.terms),
                list(s.lemmas),
                s.starts_with_pronoun,
            ]
            for s in sentences
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def sentences_from_json(article_id: str, data: str) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(Span(article_id, start, end), index, words, tuple(terms), tuple(lemmas), pron)
        for start, end, index, words, terms, lemmas, pron in json.loads(data)
    )


def features_to_json(f: Features) -> str:
    return json.dumps(
        {
            "i": f.indices,
            "tf": f.tf,
            "r": f.rarity,
            "e": [int(x) for x in f.entity],
            "sig": [str(v) for v in f.signature],
            "n": f.shingle_count,
            "p": [list(p) for p in f.people],
            "o": [list(o) for o in f.offices],
        },
        separators=(",", ":"),
    )


def features_from_json(data: str) -> Features:
    d = json.loads(data)
    return Features(
        indices=tuple(d["i"]),
        tf=tuple(d["tf"]),
        rarity=tuple(d["r"]),
        entity=tuple(bool(x) for x in d["e"]),
        signature=tuple(int(v) for v in d["sig"]),
        shingle_count=d["n"],
        people=tuple((int(k), int(v)) for k, v in d.get("p", [])),
        offices=tuple((int(k), int(v)) for k, v in d.get("o", [])),
    )


def to_plain(value: Any) -> Any:
    """A frozen dataclass (and what it holds) as JSON-ready values: dates as ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_plain(kind: Any, value: Any) -> Any:
    """The inverse of :func:`to_plain` for a type ``kind`` (dataclass, tuple, union, date).

    Fields missing from ``value`` take their defaults, so records written before a field
    was added still load.
    """
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return from_plain(options[0], value)
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return tuple(from_plain(item, v) for v in value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is float:
        return float(value)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(
            **{
                f.name: from_plain(hints[f.name], value[f.name])
                for f in dataclasses.fields(kind)
                if f.name in value
            }
        )
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(kind: type) -> dict[str, Any]:
    if kind not in _HINTS:
        _HINTS[kind] = typing.get_type_hints(kind)
    return _HINTS[kind]


def dataclass_to_json(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


def dataclass_from_json(kind: type[T], data: str) -> T:
    return from_plain(kind, json.loads(data))
