"""Quotes: direct quotations and reported speech, each with its speaker and cue verb.

:func:`extract_quotes` is a pure function of an article's cleaned text and its spaCy
``Doc`` (the pipeline of :func:`storydesk.nlp.load_pipeline`). It returns :class:`Quote`
records whose ``start``/``end`` are character offsets into the text, with
``text == article_text[start:end]``.

How it works, in three passes:

1. **Quote marks** are paired on the characters, paragraph by paragraph, whatever their
   glyph (``" “ ” ‘ ’ « » „`` and DUC ````...''``): each mark's role (opening or closing)
   is read from what stands on either side of it, the glyph only breaks ties. A paragraph
   that opens a quote and does not close it continues in the next paragraph when that one
   opens with a quote mark; otherwise the quote ends with its paragraph. Unpaired marks
   are ignored, so an odd number of marks never fails.
2. **Direct quotes.** A quoted span is attributed by the nearest speech cue (a verb from
   :data:`SPEECH_VERBS` with a subject, "according to X", a dash and a name after the quote,
   or "NAME:" before it) in the text between it and its neighbouring quotes, within its
   sentence. A quote without a cue of its own continues the previous quote of the same or
   the preceding paragraph (``"A," he said. "B."``). A span of one to three words is speech
   only when a cue governs it in the parse, and a title-like span (every word capitalised)
   never is: "Fox News Sunday" and a "smuggling tunnel" network are not quotes.
3. **Reported speech.** A speech verb with a subject and a complement clause ("Kerry said
   he remained hopeful ...", "..., officials said", "The plan, he said, would fail") or
   "according to X" gives a quote with ``direct=False`` whose text is the clause, unless
   direct quotes already cover most of it. So do verbs of belief and evidence with a clause
   ("the poll shows that ..."), verbs of intention and urging with what they intend
   ("vowed to cut taxes", "urged Congress to act"), speech acts with what they are about
   ("cited the report", "accused her of lying", "called for a ban"), and a paragraph that
   opens with a person's or organisation's name and a colon ("Smith: The Plan Will Fail").

Speakers are resolved to a name: a mention that is a person's name maps to the longest
full name of that person in the article ("Kerry" -> "John Kerry"); "he"/"she" to the most
recent person in subject position (outside quotes) whose gender, when the text shows it,
agrees; a definite description ("the prime minister", "the spokeswoman") to the nearest
preceding person the text gives that role, else to the one person it gives that role
before or after ("Varnia's culture minister" and "Culture Minister Hedda Lorentz"), none
when two fit; an indefinite one ("a senior US official
travelling with Kerry", "sources") stays anonymous (``speaker_name`` is ``None``).

The modules: ``marks`` (pass 1), ``direct`` (pass 2), ``reported`` (pass 3); ``attribution``
(cues and their speakers), ``people`` (resolving a speaker to a name), ``vocabulary`` (the
word lists), ``records`` (:class:`Quote`, :class:`Speaker`, :class:`Referent`),
``referents`` (who a "he" or "she" stands for, for summary sentences read on their own).

>>> from storydesk.nlp import load_pipeline
>>> text = '"We are hopeful," John Kerry said. "It is achievable."'
>>> [(q.text, q.speaker_name) for q in extract_quotes(text, load_pipeline()(text))]
[('We are hopeful,', 'John Kerry'), ('It is achievable.', 'John Kerry')]
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..doctext import check_parse
from ..model import Quote, Referent
from .attribution import _Attribution, _attribution, _is_cue, _quoting_verb
from .direct import _direct_quotes
from .marks import _WORD, _segments, quote_segments
from .people import _People
from .referents import _referents
from .reported import _colon_claims, _colon_speech, _reported_speech
from .vocabulary import BELIEF_VERBS, EVIDENCE_VERBS, INTENT_VERBS, SPEECH_VERBS, TOPIC_VERBS

VERSION = "quotes-15"


def extract_quotes(text: str, doc: Doc, article_id: str = "") -> tuple[Quote, ...]:
    """Direct quotes and reported speech in ``text`` (parsed as ``doc``), in text order.

    ``article_id`` is the id of the article ``text`` is, for the quotes' spans (``""`` for
    a text that is no article). Raises ``ParseMismatchError`` (E402) when ``doc`` is not a
    parse of ``text``.
    """
    return extract_speech(text, doc, article_id)[0]


def extract_speech(
    text: str, doc: Doc, article_id: str = ""
) -> tuple[tuple[Quote, ...], tuple[Referent, ...]]:
    """The quotes of :func:`extract_quotes`, and who each "he"/"she" subject named in an
    earlier sentence stands for (:mod:`.referents`), from one reading of the people.

    Raises ``ParseMismatchError`` (E402) when ``doc`` is not a parse of ``text``.
    """
    check_parse(doc, text)
    segments = _segments(text)
    people = _People(doc, segments, article_id)
    cues: dict[int, _Attribution] = {}
    for tok in people.verbs:
        if tok.i in people.quoted:
            continue
        if _is_cue(tok):
            found = _attribution(tok, people)
        elif _quoting_verb(tok, people):
            found = _attribution(tok, people)
            found = replace(found, speech=False) if found is not None else None
        else:
            continue
        if found is not None:
            cues[tok.i] = found
    reported = (
        _reported_speech(text, doc, people, cues)
        + _colon_claims(text, doc, people)
        + _colon_speech(text, doc, people)
    )
    direct = _direct_quotes(text, doc, segments, people, cues)
    # Reported speech no one can be found for ("the blockade showed that ...") stays,
    # unattributed, unless it holds a direct quote, which says who spoke better
    reported = [
        r
        for r in reported
        if r.speaker is not None or not any(d.start < r.end and r.start < d.end for d in direct)
    ]
    # A reported clause that holds a direct quote of the same speaker ('Hosting Cook at the
    # fair "is our dream," Benioff said') is one quote: the clause, not the clause and the
    # quoted words again. A clause of nothing but the quoted words is the direct quote.
    held = [(r, d) for r in reported for d in direct if _holds(r, d, text)]
    same = {id(r) for r, d in held if not _outside(r, d, text)}
    mixed = {id(d) for r, d in held if id(r) not in same}
    direct = [d for d in direct if id(d) not in mixed]
    reported = [r for r in reported if id(r) not in same]
    quotes = direct + reported
    ordered = tuple(sorted(quotes, key=lambda q: (q.start, q.end, not q.direct)))
    return ordered, _referents(doc, people)


def _holds(clause: Quote, quote: Quote, text: str) -> bool:
    """``clause`` (reported) holds every word of ``quote`` (direct) and has its speaker."""
    if clause.start > quote.start or clause.speaker is None:
        return False
    if clause.end < quote.end and _WORD.search(text, clause.end, quote.end):
        return False
    if quote.speaker is None:
        return True
    if clause.speaker_name is None:  # two unnamed speakers are one only as written alike
        return quote.speaker_name is None and quote.speaker.text.lower() == (
            clause.speaker.text.lower()
        )
    return quote.speaker_name == clause.speaker_name


def _outside(clause: Quote, quote: Quote, text: str) -> bool:
    """``clause`` has words outside ``quote``."""
    return bool(
        _WORD.search(text, clause.start, quote.start) or _WORD.search(text, quote.end, clause.end)
    )


__all__ = [
    "BELIEF_VERBS",
    "EVIDENCE_VERBS",
    "INTENT_VERBS",
    "SPEECH_VERBS",
    "TOPIC_VERBS",
    "VERSION",
    "extract_quotes",
    "extract_speech",
    "quote_segments",
]
