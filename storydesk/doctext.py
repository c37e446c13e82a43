"""The text of a spaCy Doc, read once.

``Doc.text`` joins every token's text anew on each access (milliseconds for an article), and
several per-article stages need it: the first reader stores it in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "storydesk_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = doc.text
    return cached
