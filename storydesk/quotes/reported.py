"""Reported speech (pass 3 of :func:`storydesk.quotes.extract_quotes`): the clause a cue
reports ("Kerry said he remained hopeful ...", "vowed to cut taxes", "cited the report"),
and a paragraph that opens with a name and a colon ("Smith: The Plan Will Fail")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .attribution import _Attribution, _attribution, _is_cue, _resolve
from .marks import _WORD, _paragraphs
from .people import _People
from .records import Quote, Speaker
from .vocabulary import (
    _ADVERBIAL_MARKS,
    _REPORTING,
    _SAY,
    _TALK,
    _TOPIC_PREPS,
    INTENT_VERBS,
    TOPIC_VERBS,
)


def _reported_speech(
    text: str, doc: Doc, people: _People, cues: dict[int, _Attribution]
) -> list[Quote]:
    quoted = people.quoted
    out: list[Quote] = []
    for tok in people.verbs:  # every cue is a verb, or "according"
        found = cues.get(tok.i)
        lemma = tok.lemma_.lower()
        reporting = tok.pos_ in ("VERB", "AUX") and lemma in _REPORTING
        if found is None and reporting and tok.i not in quoted:
            found = _attribution(tok, people)
        if found is None or not (reporting or _is_cue(tok)):
            # a verb that only carries a direct quote ('destroy the "smuggling tunnel"
            # network') reports nothing of its own
            continue
        content = _content_of(tok, tok.lower_ == "according")
        words = [t for t in content if not (t.is_punct or t.is_space)]
        if len(words) < 3 or content[0].i in quoted:
            continue  # too short, or a direct quote with words after it
        if sum(1 for t in words if t.i in quoted) >= 0.8 * len(words):
            continue  # a direct quote carries it; a mixed one ('said it was "rigged"') stays
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        out.append(found.quote(text, start, end, direct=False))
    return out


_COLON_CLAIM = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)")


def _colon_claims(text: str, doc: Doc, people: _People) -> list[Quote]:
    """A paragraph (often a headline) that opens with a name and a colon, outside quote
    marks: 'Smith: The Plan Will Not Work'. The name must be a person or organisation."""
    out: list[Quote] = []
    for p_start, p_end in _paragraphs(text):
        m = _COLON_CLAIM.match(text, p_start, p_end)
        if m is None:
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if name is None or not len(name) or any(t.i in people.quoted for t in name):
            continue
        # "Smith:" and "Acme Corp:", not a dateline ("KABUL:", "Paris:")
        head = name[-1]
        if any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.is_upper for t in name):
            continue
        known = people.key_for(head) is not None
        if not known and not all(t.ent_type_ in ("PERSON", "ORG") for t in name):
            continue
        end = len(text[:p_end].rstrip(" .\t"))
        start = m.end()
        if len(_WORD.findall(text, start, end)) < 3:
            continue
        colon = m.end(1)
        speaker = Speaker(text[name[0].idx : colon], name[0].idx, colon)
        claim = _Attribution(speaker, _resolve(head, people), ":", colon, colon + 1)
        out.append(claim.quote(text, start, end, direct=False))
    return out


def _content_of(tok: Token, according: bool) -> list[Token]:
    """The clause a cue reports: its complement, or the clause around a parenthetical
    "..., officials said" or "according to X"; for a verb of intention what it intends
    ("vowed to cut taxes"), for a verb of speech acts what it is about ("cited the
    report", "called for a ban")."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    if according:
        clause = tok.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        skip = {t.i for t in tok.subtree}
        toks = [t for t in clause.subtree if t.i not in skip]
    else:
        # '..., the ministry said, as the government raised its fund': a clause opened by
        # "as", "while" ... is the time or cause of the saying, misparsed as what was said
        comps = [c for c in tok.children if c.dep_ == "ccomp" and not _adverbial(c)]
        # 'It is unlikely; her team says she will go on': the clause after the verb
        comp = next((c for c in comps if c.i > tok.i), comps[0] if comps else None)
        objects = [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "oprd", "attr")]
        after = [c for c in tok.children if c.i > tok.i]
        if comp is not None:
            toks = list(comp.subtree)
        elif objects and any(t.is_quote for o in objects for t in o.subtree):
            # a partial quote in what the verb governs: 'called them "deplorables"'
            toks = [t for o in objects for t in o.subtree]
        elif _parenthetical(tok):
            # 'The plan, he said, would fail' and 'The plan would fail, he said': the
            # clause around the cue, the cue's own words left out
            skip = {t.i for t in tok.subtree}
            toks = [t for t in tok.head.subtree if t.i not in skip]
        elif lemma in INTENT_VERBS and any(c.dep_ == "xcomp" for c in after):
            # 'vowed to cut taxes', 'urged Congress to act': from the addressee on
            xcomp = next(c for c in after if c.dep_ == "xcomp")
            first = min([xcomp.left_edge.i] + [c.left_edge.i for c in after if c.dep_ == "dobj"])
            toks = list(doc[first : xcomp.right_edge.i + 1])
        elif any(c.dep_ == "dobj" for c in after) and (
            lemma in TOPIC_VERBS or (lemma == "call" and any(c.dep_ == "oprd" for c in after))
        ):
            # 'cited the report', 'accused her of lying', 'called the charges false'
            obj = next(c for c in after if c.dep_ == "dobj")
            last = obj.right_edge.i
            for c in after:
                if c.i > obj.i and (
                    c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS)
                ):
                    last = max(last, c.right_edge.i)
            toks = list(doc[obj.left_edge.i : last + 1])
        else:
            prep = next(
                (c for c in after if c.dep_ == "prep" and c.lower_ in _TALK.get(lemma, ())), None
            )
            if prep is None:
                return []
            # 'called for a ban', 'spoke about the economy'
            toks = [t for t in prep.subtree if t.i != prep.i]
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ == "that") and not toks[0].is_quote:
        toks.pop(0)
    while toks and toks[-1].is_punct and not toks[-1].is_quote:
        toks.pop()
    if not toks:
        return []
    last = toks[-1].i
    span = doc[toks[0].i : last + 1]
    # 'what she called "heroic work"': a quote the content opens, it also closes
    if sum(t.text in _OPENING for t in span) > sum(t.text in _CLOSING for t in span):
        for t in doc[last + 1 : last + 3]:
            if t.text in _CLOSING:
                return list(doc[toks[0].i : t.i + 1])
            if not t.is_punct:
                break
    return list(span)


def _adverbial(clause: Token) -> bool:
    """A clause opened by a subordinator of time, cause or concession ("as the government
    raised its fund")."""
    first = clause.left_edge
    return first.dep_ == "mark" and first.lower_ in _ADVERBIAL_MARKS


# Curly marks say which way they face; a straight mark is counted as both.
_OPENING = frozenset({"“", "‘", '"'})
_CLOSING = frozenset({"”", "’", '"'})


def _parenthetical(tok: Token) -> bool:
    """A verb of saying set off from the clause it reports: '..., he said, ...'."""
    if tok.lemma_.lower() not in _SAY or tok.head.i == tok.i:
        return False
    if tok.dep_ == "parataxis":
        return tok.head.pos_ in ("VERB", "AUX")
    return False
