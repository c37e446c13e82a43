"""Encodings of the analysis records kept in the store: JSON, and a compact binary form of
clustering features (read for every stored candidate an ingest scores)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import struct
import types
import typing
from typing import Any, TypeVar

import numpy as np

from ..model import Features, Sentence, Span, Trim

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
                [[x.start, x.end, x.first_word, x.end_word, x.kind] for x in s.trims],
                s.pronoun_subject,
            ]
            for s in sentences
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def sentences_from_json(article_id: str, data: str) -> tuple[Sentence, ...]:
    """Sentences as stored; those stored before trims (or pronoun subjects) were kept have
    none."""
    return tuple(
        Sentence(
            Span(article_id, start, end),
            index,
            words,
            tuple(terms),
            tuple(lemmas),
            pron,
            tuple(Trim(*x) for x in (rest[0] if rest else ())),
            bool(rest[1]) if len(rest) > 1 else False,
        )
        for start, end, index, words, terms, lemmas, pron, *rest in json.loads(data)
    )


def features_to_json(f: Features) -> str:
    return json.dumps(
        {
            "i": f.indices,
            "tf": f.tf,
            "r": f.rarity,
            "e": [int(x) for x in f.entity],
            "sig": list(f.signature),
            "n": f.shingle_count,
            "p": [list(p) for p in f.people],
            "o": [list(o) for o in f.offices],
            "pl": f.places,
            "org": f.orgs,
            "num": f.numbers,
            "day": f.days,
            "yr": f.years,
            "lead": f.lead,
            "emb": f.embedding,
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
        # int(): earlier versions stored the signature as strings (and near-copies of stored
        # articles went unnoticed: a string never equals an int)
        signature=tuple(int(v) for v in d["sig"]),
        shingle_count=d["n"],
        people=tuple((int(k), int(v)) for k, v in d.get("p", [])),
        offices=tuple((int(k), int(v)) for k, v in d.get("o", [])),
        places=tuple(d.get("pl", ())),
        orgs=tuple(d.get("org", ())),
        numbers=tuple(d.get("num", ())),
        days=tuple(d.get("day", ())),
        years=tuple(d.get("yr", ())),
        lead=tuple(d.get("lead", ())),
        embedding=tuple(d.get("emb", ())),
    )


# --- features, binary: each field as (name, kind, item count) and its values as raw little-
# endian numbers, decoded with numpy; a field of another type is kept as JSON. Fields are
# named, so a blob written before a field was added loads with that field's default.
_MAGIC = b"SDF1"
_SCALAR, _INTS, _FLOATS, _BOOLS, _PAIRS, _JSON = range(6)
_DTYPES: dict[int, np.dtype[Any]] = {
    _SCALAR: np.dtype("<i8"),
    _INTS: np.dtype("<i8"),
    _FLOATS: np.dtype("<f8"),
    _BOOLS: np.dtype("u1"),
    _PAIRS: np.dtype("<i8"),
    _JSON: np.dtype("u1"),
}
_KIND_OF = {
    int: _SCALAR,
    tuple[int, ...]: _INTS,
    tuple[float, ...]: _FLOATS,
    tuple[bool, ...]: _BOOLS,
    tuple[tuple[int, int], ...]: _PAIRS,
}


@functools.cache
def _feature_fields() -> tuple[tuple[str, int, Any], ...]:
    hints = typing.get_type_hints(Features)
    return tuple(
        (f.name, _KIND_OF.get(hints[f.name], _JSON), hints[f.name])
        for f in dataclasses.fields(Features)
    )


def features_to_bytes(f: Features) -> bytes:
    """``f`` in the store's binary form (:func:`features_from_bytes` reads it back)."""
    fields = _feature_fields()
    parts = [_MAGIC, struct.pack("<H", len(fields))]
    for name, kind, _ in fields:
        value = getattr(f, name)
        if kind == _JSON:
            raw = json.dumps(to_plain(value), separators=(",", ":")).encode()
            size = len(raw)
        else:
            arr = np.asarray([value] if kind == _SCALAR else value, dtype=_DTYPES[kind])
            raw, size = arr.tobytes(), arr.size
        key = name.encode()
        parts += [struct.pack("<B", len(key)), key, struct.pack("<BI", kind, size), raw]
    return b"".join(parts)


def features_from_bytes(data: bytes) -> Features:
    """The features :func:`features_to_bytes` wrote."""
    if data[:4] != _MAGIC:
        raise ValueError("not features in the binary form")
    hints = {name: hint for name, _, hint in _feature_fields()}
    (count,) = struct.unpack_from("<H", data, 4)
    pos = 6
    out: dict[str, Any] = {}
    for _ in range(count):
        n = data[pos]
        name = data[pos + 1 : pos + 1 + n].decode()
        kind, size = struct.unpack_from("<BI", data, pos + 1 + n)
        pos += 6 + n
        dtype = _DTYPES[kind]
        arr = np.frombuffer(data, dtype, size, pos)
        pos += size * dtype.itemsize
        if name not in hints:  # a field since removed
            continue
        if kind == _SCALAR:
            out[name] = int(arr[0])
        elif kind == _PAIRS:
            out[name] = tuple(map(tuple, arr.reshape(-1, 2).tolist()))
        elif kind == _BOOLS:
            out[name] = tuple(arr.astype(bool).tolist())
        elif kind == _JSON:
            out[name] = from_plain(hints[name], json.loads(arr.tobytes()))
        else:
            out[name] = tuple(arr.tolist())
    return Features(**out)


def features_from_data(data: str | bytes) -> Features:
    """Stored features: the binary form, or JSON as stored before it."""
    if isinstance(data, bytes):
        return features_from_bytes(data)
    return features_from_json(data)


_LEAVES = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (cached), ``None`` for any other type."""
    if kind not in _FIELDS:
        is_dc = dataclasses.is_dataclass(kind)
        _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind)) if is_dc else None
    return _FIELDS[kind]


def to_plain(value: Any) -> Any:
    """A frozen dataclass (and what it holds) as JSON-ready values: dates as ISO strings."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is tuple or kind is list:
        return [to_plain(v) for v in value]
    if kind is dt.date:
        return value.isoformat()
    names = _field_names(kind)
    if names is not None:
        return {n: to_plain(getattr(value, n)) for n in names}
    return value


def from_plain(kind: Any, value: Any) -> Any:
    """The inverse of :func:`to_plain` for a type ``kind`` (dataclass, tuple, union, date).

    Fields missing from ``value`` take their defaults, so records written before a field
    was added still load.
    """
    return _decoder(kind)(value)


Decoder = typing.Callable[[Any], Any]
_DECODERS: dict[Any, Decoder] = {}


def _identity(value: Any) -> Any:
    return value


def _decoder(kind: Any) -> Decoder:
    """A function that rebuilds values of type ``kind`` from plain JSON values, made once
    per type: the type hints are read once, not at every value."""
    found = _DECODERS.get(kind)
    if found is None:
        found = _DECODERS[kind] = _make_decoder(kind)
    return found


def _make_decoder(kind: Any) -> Decoder:
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        option = _decoder(next(a for a in typing.get_args(kind) if a is not type(None)))
        return lambda v: None if v is None else option(v)
    if origin is tuple:
        item = _decoder(typing.get_args(kind)[0])
        if item is _identity:
            return lambda v: None if v is None else tuple(v)
        return lambda v: None if v is None else tuple(item(x) for x in v)
    if kind is dt.date:
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    if kind is float:
        return lambda v: None if v is None else float(v)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(kind)]

        def record(v: Any) -> Any:
            if v is None:
                return None
            return kind(**{n: d(v[n]) for n, d in fields if n in v})

        return record
    return _identity


def dataclass_to_json(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


def dataclass_from_json(kind: type[T], data: str) -> T:
    return from_plain(kind, json.loads(data))
