"""The text of a spaCy Doc, read once.

``Doc.text`` joins every token's text anew on each access (milliseconds for an article), and
several per-article stages need it: the first reader stores it in ``doc.user_data``.
"""

from __future__ import annotations

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
