from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storydesk.store.codec import dataclass_from_json, dataclass_to_json, from_plain, to_plain


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
    from storydesk.model import Sentence, Span, Trim
    from storydesk.store.codec import sentences_from_json, sentences_to_json

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
