from __future__ import annotations

import dataclasses
import datetime as dt
import math
import types
import typing
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storydesk.model import AnalyzedArticle, Annotations, Features, Sentence, Span
from storydesk.store import SqliteStore, StoredArticle
from storydesk.store.codec import (
    dataclass_from_json,
    dataclass_to_json,
    features_from_bytes,
    features_from_data,
    features_from_json,
    features_to_bytes,
    features_to_json,
    from_plain,
    sentences_from_json,
    sentences_to_json,
    to_plain,
)


@dataclass(frozen=True, slots=True)
class Inner:
    name: str
    when: dt.date | None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Outer:
    items: tuple[Inner, ...]
    tags: tuple[str, ...]
    best: Inner | None = None
    added_later: int = 7


def test_nested_records_round_trip_through_json():
    value = Outer(
        (Inner("a", dt.date(2026, 3, 9), 1.5), Inner("b", None)),
        ("x", "y"),
        Inner("c", dt.date(2014, 7, 24)),
    )
    plain = to_plain(value)
    assert plain["items"][0] == {"name": "a", "when": "2026-03-09", "score": 1.5}
    assert dataclass_from_json(Outer, dataclass_to_json(value)) == value


def test_a_field_missing_from_an_older_record_takes_its_default_and_ints_become_floats():
    old = {"items": [{"name": "a", "when": None, "score": 2}], "tags": []}
    value = from_plain(Outer, old)
    assert value == Outer((Inner("a", None, 2.0),), ())
    assert isinstance(value.items[0].score, float) and value.added_later == 7


def test_sentences_keep_their_trims_and_older_records_load_without():
    from storydesk.model import Trim

    s = Sentence(
        Span("a1", 0, 60),
        0,
        11,
        ("ruiz", "director"),
        ("marta", "ruiz", "the", "port", "director", "say"),
        False,
        (Trim(10, 32, 2, 5, "appositive"),),
        pronoun_subject=True,
    )
    assert sentences_from_json("a1", sentences_to_json((s,))) == (s,)
    old = '[[0,60,0,11,["ruiz"],["marta","ruiz"],false]]'
    [loaded] = sentences_from_json("a1", old)
    assert loaded.trims == () and loaded.lemmas == ("marta", "ruiz")
    assert not loaded.pronoun_subject


# --- every record the store keeps comes back with the same values of the same types -----

_LEAF: dict[object, st.SearchStrategy] = {
    int: st.integers(min_value=-(2**63), max_value=2**63 - 1),
    float: st.floats(allow_nan=True, allow_infinity=True),
    bool: st.booleans(),
    str: st.text(max_size=12),
    dt.date: st.dates(),
}


def records(kind: typing.Any) -> st.SearchStrategy:
    """Values of a type as the model declares it (dataclasses read from their hints, so a
    field added later is generated too); small, for speed."""
    if kind in _LEAF:
        return _LEAF[kind]
    if kind is Span:
        return st.builds(
            lambda aid, start, length: Span(aid, start, start + length),
            st.text(max_size=6),
            st.integers(0, 10**6),
            st.integers(0, 10**4),
        )
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        return st.one_of(*(st.none() if a is type(None) else records(a) for a in args))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(records(args[0]), max_size=3).map(tuple)
        return st.tuples(*(records(a) for a in args))
    if dataclasses.is_dataclass(kind):
        # (model.py names Annotations for type checkers only)
        hints = typing.get_type_hints(kind, localns={"Annotations": Annotations})
        fields = {f.name: records(hints[f.name]) for f in dataclasses.fields(kind)}
        return st.builds(kind, **fields)
    raise TypeError(f"no strategy for {kind!r}")


def same(a: object, b: object, where: str = "value") -> None:
    """``a == b`` with the same type at every level (1 is not '1', 1.0 or True)."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} {a!r} became {type(b).__name__} {b!r}"
    if dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, tuple | list):
        assert isinstance(b, tuple | list) and len(a) == len(b), f"{where}: {a!r} became {b!r}"
        for k, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{k}]")
    elif isinstance(a, float) and math.isnan(a):
        assert isinstance(b, float) and math.isnan(b), f"{where}: nan became {b!r}"
    else:
        assert a == b, f"{where}: {a!r} became {b!r}"


def with_article_id(sentences: tuple[Sentence, ...], aid: str) -> tuple[Sentence, ...]:
    return tuple(
        dataclasses.replace(s, span=dataclasses.replace(s.span, article_id=aid)) for s in sentences
    )


@given(records(Features))
def test_features_round_trip_with_their_types(f: Features):
    same(f, features_from_json(features_to_json(f)))


@given(records(Features))
def test_features_round_trip_through_the_binary_form_with_their_types(f: Features):
    same(f, features_from_bytes(features_to_bytes(f)))
    same(f, features_from_data(features_to_bytes(f)))
    same(f, features_from_data(features_to_json(f)))  # stored as JSON before


def test_a_binary_record_without_a_later_field_takes_its_default():
    f = Features((3, 9), (1, 2), (0.5, 1.5), (False, True), (7,), 2, people=((4, 1),))
    blob = features_to_bytes(f)
    # cut the last field (the embedding) and say there is one field less
    cut = blob[: blob.rindex(b"embedding") - 1]
    older = cut[:4] + (int.from_bytes(cut[4:6], "little") - 1).to_bytes(2, "little") + cut[6:]
    assert features_from_bytes(older) == f


def test_signatures_stored_as_strings_by_earlier_versions_load_as_ints():
    old = '{"i":[1],"tf":[2],"r":[0.5],"e":[0],"sig":["17","4294967295"],"n":3}'
    same(features_from_json(old).signature, (17, 4294967295))


@given(records(tuple[Sentence, ...]))
def test_sentences_round_trip_with_their_types(sentences: tuple[Sentence, ...]):
    sentences = with_article_id(sentences, "a1")
    same(sentences, sentences_from_json("a1", sentences_to_json(sentences)))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(records(Annotations))
def test_annotations_round_trip_with_their_types(notes: Annotations):
    same(notes, dataclass_from_json(Annotations, dataclass_to_json(notes)))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(AnalyzedArticle))
def test_an_article_stored_and_read_back_is_the_one_in_memory(analyzed: AnalyzedArticle):
    a = analyzed.article
    analyzed = dataclasses.replace(analyzed, sentences=with_article_id(analyzed.sentences, a.id))
    with SqliteStore(":memory:") as store:
        store.add([StoredArticle(analyzed, "h1", "s1")], {"s1": "A story"})
        [back] = store.story_articles("s1")
        [(aid, sid, published, features)] = store.all_features()
    # the store keeps current annotations only, and features apart from the article
    if analyzed.annotations is not None and analyzed.annotations.version != Annotations().version:
        analyzed = dataclasses.replace(analyzed, annotations=None)
    same(dataclasses.replace(analyzed, features=None), back)
    same((a.id, "s1", a.published.isoformat() if a.published else None), (aid, sid, published))
    same(analyzed.features, features)
