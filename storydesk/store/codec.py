"""JSON encodings of the analysis records kept in the store."""

from __future__ import annotations

import json

from ..model import Features, Sentence, Span


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
