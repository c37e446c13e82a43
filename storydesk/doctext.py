"""The text of a spaCy Doc, and its tokens' attributes, read once.

``Doc.text`` joins every token's text anew on each access (milliseconds for an article), and
several per-article stages need it: the first reader stores it in ``doc.user_data``. So do
:func:`token_attr` (one attribute of every token, as ``Doc.to_array`` gives it) and
:func:`tokens_with` (the tokens whose attribute is one of some strings), which the entity and
speech rules ask of the same parse many times.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

import numpy as np
from spacy.tokens import Doc

from .errors import ParseMismatchError

_KEY = "storydesk_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = doc.text
    return cached


def check_parse(doc: Doc, text: str, of: str = "the text") -> None:
    """Raise :class:`~storydesk.errors.ParseMismatchError` (E402) unless ``doc`` is a parse of
    ``text``; ``of`` names the text in the message (an article id)."""
    if doc_text(doc) != text:
        raise ParseMismatchError(
            f"the parse given for {of} is not of its text: parse the article's cleaned text"
        )


def token_attr(doc: Doc, attr: int) -> np.ndarray:
    """``doc.to_array(attr)`` (``attr`` one of ``spacy.attrs``), computed once per Doc.

    The array is shared by every caller: read it, never write to it."""
    key = f"storydesk_attr_{attr}"
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = doc.to_array(attr)
        cached.flags.writeable = False
    return cached


def sentence_starts(doc: Doc) -> list[int]:
    """``[s.start for s in doc.sents]``, listed once per Doc: sentence ``n`` is tokens
    ``starts[n]`` to ``starts[n + 1]`` (the last one to the end). Read it, never change it."""
    starts: list[int] | None = doc.user_data.get("storydesk_sentence_starts")
    if starts is None:
        starts = doc.user_data["storydesk_sentence_starts"] = [s.start for s in doc.sents]
    return starts


def sentence_start(doc: Doc, i: int) -> int:
    """``doc[i].sent.start``: the first token of the sentence token ``i`` is in, from
    :func:`sentence_starts` (``Token.sent`` walks back token by token)."""
    starts = sentence_starts(doc)
    return starts[bisect_right(starts, i) - 1]


def tokens_with(doc: Doc, attr: int, strings: Iterable[str]) -> list[int]:
    """The indexes of the tokens of ``doc`` whose ``attr`` (``ORTH``: the text, ``LOWER``:
    lower case) is one of ``strings``, in text order; the tokens sorted by the attribute's
    value (an index to look values up in) once per Doc and attribute."""
    key = f"storydesk_index_{attr}"
    index: tuple[np.ndarray, np.ndarray] | None = doc.user_data.get(key)
    if index is None:
        values = token_attr(doc, attr)
        order = np.argsort(values, kind="stable")
        index = doc.user_data[key] = (values[order], order)
    ordered, order = index
    hashes = doc.vocab.strings  # a string's hash, whether or not the store holds it
    wanted = np.array([hashes[s] for s in strings], dtype=np.uint64)
    lows = np.searchsorted(ordered, wanted, side="left").tolist()
    highs = np.searchsorted(ordered, wanted, side="right").tolist()
    found: set[int] = set()
    for low, high in zip(lows, highs, strict=True):
        if high > low:
            found.update(order[low:high].tolist())
    return sorted(found)
