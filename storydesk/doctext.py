"""The text of a spaCy Doc, and its tokens' attributes, read once.

``Doc.text`` joins every token's text anew on each access (milliseconds for an article), and
several per-article stages need it: the first reader stores it in ``doc.user_data``. So do
:func:`token_attr` (one attribute of every token, as ``Doc.to_array`` gives it) and
:func:`tokens_with` (the tokens whose attribute is one of some strings), which the entity and
speech rules ask of the same parse many times.
"""

from __future__ import annotations

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


def tokens_with(doc: Doc, attr: int, strings: Iterable[str]) -> list[int]:
    """The indexes of the tokens of ``doc`` whose ``attr`` (``ORTH``: the text, ``LOWER``:
    lower case) is one of ``strings``, in text order; the index from each value to its
    tokens is built once per Doc and attribute."""
    key = f"storydesk_index_{attr}"
    index: dict[int, list[int]] | None = doc.user_data.get(key)
    if index is None:
        index = {}
        for i, value in enumerate(token_attr(doc, attr).tolist()):
            index.setdefault(value, []).append(i)
        doc.user_data[key] = index
    hashes = doc.vocab.strings  # a string's hash, whether or not the store holds it
    found: set[int] = set()
    for s in strings:
        found.update(index.get(hashes[s], ()))
    return sorted(found)
