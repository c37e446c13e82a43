"""Direct quotes (pass 2 of :func:`storydesk.quotes.extract_quotes`): each quoted segment
attributed by the nearest cue in the rest of its sentence, or carried on from the previous
quote of the same or the preceding paragraph."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from ..doctext import doc_text, tokens_with
from ..model import Quote, Speaker
from .attribution import (
    _Attribution,
    _attribution,
    _in_words_of,
    _mention_tokens,
    _resolve,
    _speaker,
)
from .marks import _TURN, _WORD, _paragraphs, _Segment
from .people import _name_text, _People, _strip_name
from .vocabulary import _NOUN_MODIFIER_DEPS, _QUESTIONERS, _SUBJECT_DEPS, _TITLE_SMALL


def _direct_quotes(
    text: str,
    doc: Doc,
    segments: Sequence[_Segment],
    people: _People,
    cues: dict[int, _Attribution],
) -> list[Quote]:
    out: list[Quote] = []
    paragraphs = _paragraphs(text)
    # Every speech cue with a speaker, by offset: a quote without a cue of its own carries
    # on the latest one of its paragraph or of the paragraph before.
    earlier = sorted((a.cue_start or 0, a) for a in cues.values() if a.speaker)
    asking = {id(a) for _, a in earlier if _questioner(a, doc)}  # reporters' questions
    passed = 0  # cues of ``earlier`` before the current quote
    latest: tuple[int, _Attribution] | None = None
    previous: tuple[tuple[int, int], _Attribution] | None = None  # last quote's paragraph
    # (paragraph number, attribution) of the latest speaker who is not asking questions
    interviewee: tuple[int, _Attribution] | None = None
    for n, seg in enumerate(segments):
        if not _WORD.search(text, seg.start, seg.end):
            continue
        para = _paragraph_of(paragraphs, seg.open_mark)
        prev_end = segments[n - 1].close_mark if n > 0 else 0
        next_start = segments[n + 1].open_mark if n + 1 < len(segments) else len(text)
        left_start = max(prev_end, para[0])
        if not text[para[0] : seg.open_mark].strip() and para[0] > 0:
            # "Caddell continued:\n\n"..." -- the cue stands at the end of the paragraph above
            before = text[: para[0]].rstrip()
            if before.endswith(":"):
                left_start = max(prev_end, _paragraph_of(paragraphs, len(before) - 1)[0])
        left = _last_sentence(doc, left_start, seg.open_mark)
        end_para = _paragraph_of(paragraphs, max(seg.close_mark - 1, seg.start))
        right = _first_sentence(doc, seg.close_mark, min(next_start, end_para[1]))
        while passed < len(earlier) and earlier[passed][0] < seg.open_mark:
            offset, attribution = earlier[passed]
            passed += 1
            if _of_a_document(attribution):
                # 'He referred to Cooke's testimony that concluded ... "I cannot disagree
                # with it."': the document's words are not what a quote after it carries on
                continue
            if latest is None or offset > latest[0]:
                if id(attribution) in asking:
                    attribution = _answering(attribution, doc, people, interviewee, para)
                latest = (offset, attribution)
            if id(attribution) not in asking:
                where = _paragraph_of(paragraphs, offset)
                interviewee = (_index_of(paragraphs, where), attribution)
        if _title_like(text[seg.start : seg.end]) or _names_a_thing(text, doc, seg):
            continue
        start = seg.start
        found = _transcript_speaker(text, doc, seg, people)
        if found is not None:
            start = found.cue_end or start
            while start < seg.end and text[start].isspace():
                start += 1
        else:
            found = _cue_near(text, doc, seg, left, right, people, cues)
        short = len(_WORD.findall(text, seg.start, seg.end)) <= 3
        # A short span is speech only with a cue, or as the second half of a split quote
        # ('"A," he said. "It is achievable."'): a whole sentence right after a quote.
        sentence = text[seg.start : seg.end].rstrip().endswith((".", "!", "?"))
        split_half = previous is not None and previous[0] == para and sentence
        if found is None and short and not split_half:
            continue
        if (
            found is None
            and latest is not None
            and _continues(text, paragraphs, latest[0], seg)
            and not _has_subject(doc, left, people.quoted)
        ):
            found = replace(latest[1], cue=None, cue_start=None, cue_end=None, cue_token=None)
        if found is None and short:
            continue
        found = found or _Attribution(None, None, None, None, None)
        previous = (para, found) if found.speaker is not None else None
        if found.speaker is not None:
            # after a reporter's question, a quote without a cue is the answer
            latest = (seg.start, _answering(found, doc, people, interviewee, para))
            if not _questioner(found, doc):
                interviewee = (_index_of(paragraphs, para), found)
        out.append(found.quote(text, people.cite(start, seg.end), direct=True))
    return out


def _of_a_document(found: _Attribution) -> bool:
    """The cue is a relative clause of a thing, not a person ('testimony that concluded',
    'a report that says')."""
    verb = found.cue_token
    return verb is not None and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN"


def _questioner(found: _Attribution, doc: Doc) -> bool:
    """A reporter (or host, moderator) asking: the quote after it is not theirs."""
    if found.speaker is None:
        return False
    span = doc.char_span(found.speaker.start, found.speaker.end, alignment_mode="expand")
    return span is not None and span.root.lemma_.lower() in _QUESTIONERS


def _answering(
    found: _Attribution,
    doc: Doc,
    people: _People,
    interviewee: tuple[int, _Attribution] | None,
    para: tuple[int, int],
) -> _Attribution:
    """Whose words a quote without a cue after ``found``'s quote is: ``found``'s speaker's,
    unless that is a reporter asking; then the one asked ('one reporter asked him'), else
    the latest speaker before the question (at most three paragraphs back), else no one."""
    if not _questioner(found, doc):
        return found
    verb = found.cue_token
    for child in verb.children if verb is not None else ():
        if child.dep_ in ("dobj", "dative"):
            answer = _speaker(child, people, verb)
            if answer is not None:
                toks, name = answer
                s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                return _Attribution(
                    Speaker(doc_text(doc)[s:e], people.cite(s, e)), name, None, None, None
                )
    paragraphs = _paragraphs(doc_text(doc))
    here = _index_of(paragraphs, para)
    if interviewee is not None and here - interviewee[0] <= 3:
        return interviewee[1]
    return _Attribution(None, None, None, None, None)


_CLITICS = frozenset({"d", "s", "ll", "re", "ve", "m", "t"})


def _title_like(text: str) -> bool:
    """Every word capitalised but a title's small words, no "!" or "?": "Fox News Sunday",
    not "U-S-A! U-S-A!", "Absolutely not," or "I did not see him"."""
    if "!" in text or "?" in text:
        return False
    words = [w for w in _WORD.findall(text) if w.isalpha()]
    # the small words of a title, and the ends of contractions ("I'd Do Anything"), unless
    # the words end a sentence ('"It's Our Turn."', a chant, is speech)
    clitics = frozenset() if text.rstrip().endswith(".") else _CLITICS
    content = [w for w in words if w.lower() not in _TITLE_SMALL and w not in clitics]
    return bool(content) and all(w[0].isupper() for w in content) and content != ["I"]


# What stands before a quoted name of a thing: 'the "Starts with one" campaign'.
_NAME_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this"})


def _names_a_thing(text: str, doc: Doc, seg: _Segment) -> bool:
    """A quoted sentence of a few words between "the" (or an adjective) and the noun it
    names: 'South Dakota's viral "Meth. We're on it." campaign', 'the "Meth. We're on it."
    campaign' -- a slogan, no one's speech here."""
    words = text[seg.start : seg.end].rstrip()
    if len(_WORD.findall(words)) > 6 or not words.endswith((".", "!", "?")):
        # a phrase without a full stop may be a speaker's words all the same: PolNeAR
        # marks 'the "use it or lose it" policy'
        return False
    before = doc.char_span(max(0, seg.open_mark - 40), seg.open_mark, alignment_mode="contract")
    after = doc.char_span(
        seg.close_mark, min(len(text), seg.close_mark + 40), alignment_mode="contract"
    )
    if before is None or after is None or not len(before) or not len(after):
        return False
    left = [t for t in before if not t.is_space]
    right = [t for t in after if not t.is_space]
    if not left or not right:
        return False
    noun = right[0]
    return (
        (left[-1].lower_ in _NAME_BEFORE or left[-1].pos_ == "ADJ")
        and noun.pos_ == "NOUN"
        and noun.is_lower
    )


def _governs(cue: Token, tokens: Sequence[Token]) -> bool:
    """True when ``cue`` heads the quoted words in the parse, not as a noun modifier."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    for root in roots:
        if root.is_punct:
            continue
        if root.dep_ in _NOUN_MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
            return False
        if cue.i in {a.i for a in root.ancestors}:
            return True
    return False


def _has_subject(doc: Doc, region: tuple[int, int], quoted: set[int]) -> bool:
    """True when the words before a quote in its sentence have a subject of their own
    ('as Trump went on about "..."'): then the quote is not a continuation."""
    span = doc.char_span(region[0], region[1], alignment_mode="contract")
    return any(t.dep_ in _SUBJECT_DEPS and t.i not in quoted for t in span or [])


def _paragraph_of(paragraphs: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The paragraph (of :func:`_paragraphs`: in order, apart) ``offset`` falls in, its
    line end included, else ``(offset, offset)``; found by bisection, as a long article
    asks it once per quote."""
    n = bisect_right(paragraphs, offset, key=lambda p: p[0]) - 1
    if n >= 0 and offset < paragraphs[n][1] + 1:
        return paragraphs[n]
    return (offset, offset)


def _index_of(paragraphs: Sequence[tuple[int, int]], para: tuple[int, int]) -> int:
    """The number of paragraph ``para`` in ``paragraphs``, 0 when it is none of them."""
    n = bisect_left(paragraphs, para[0], key=lambda p: p[0])
    return n if n < len(paragraphs) and paragraphs[n] == para else 0


def _sentence_ends(doc: Doc, start: int, end: int) -> list[int]:
    """Offsets just past each sentence end (a full stop, "!" or "?" token, with a closing
    quote mark after it) in ``[start, end)``; abbreviations such as "U.S." are one token."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    tokens, ends = _all_sentence_ends(doc)
    return ends[bisect_left(tokens, span.start) : bisect_left(tokens, span.end)]


_ENDS_KEY = "storydesk_sentence_ends"


def _all_sentence_ends(doc: Doc) -> tuple[list[int], list[int]]:
    """The token index and end offset of every sentence end of :func:`_sentence_ends` in
    ``doc``, found once per Doc (kept in ``doc.user_data``) rather than on every call."""
    cached = doc.user_data.get(_ENDS_KEY)
    if cached is None:
        tokens, ends = [], []
        for i in tokens_with(doc, ORTH, (".", "!", "?", "…", "...")):
            t = doc[i]
            if t.whitespace_ or t.i + 1 == len(doc) or doc[t.i + 1].is_space:
                tokens.append(t.i)
                ends.append(t.idx + len(t.text))
        cached = doc.user_data[_ENDS_KEY] = (tokens, ends)
    return cached


def _last_sentence(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The part of ``[start, end)`` after its last sentence end."""
    ends = _sentence_ends(doc, start, end)
    return (ends[-1] if ends else start, end)


def _first_sentence(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` up to its first sentence end."""
    ends = _sentence_ends(doc, start, end)
    return (start, ends[0] if ends else end)


def _span_attribution(
    text: str, doc: Doc, tokens: Sequence[Token], people: _People, cue: str, at: int
) -> _Attribution:
    """A speaker named by a run of proper nouns, with a punctuation cue (":" or a dash)."""
    s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    key = people.key_for(tokens[-1])
    name = people.name(key) if key is not None else _name_text(_strip_name(list(tokens))) or None
    return _Attribution(Speaker(text[s:e], people.cite(s, e)), name, cue, at, at + len(cue))


def _transcript_speaker(text: str, doc: Doc, seg: _Segment, people: _People) -> _Attribution | None:
    """A transcript turn quoted whole: '"PENCE: Well, look, ...'."""
    m = _TURN.match(text[seg.start : seg.end])
    if not m:
        return None
    span = doc.char_span(seg.start, seg.start + m.end(1), alignment_mode="contract")
    if span is None or not len(span):
        return None
    return _span_attribution(text, doc, list(span), people, ":", seg.start + m.end(1))


def _cue_near(
    text: str,
    doc: Doc,
    seg: _Segment,
    left: tuple[int, int],
    right: tuple[int, int],
    people: _People,
    cues: dict[int, _Attribution],
) -> _Attribution | None:
    """The cue of a quote, from the rest of its sentence: after it ('," Kerry said'),
    else before it ('Kerry said: "'). A cue whose parse governs the quote comes first; a
    quote of one to three words needs such a cue."""
    inner = doc.char_span(seg.start, seg.end, alignment_mode="expand")
    tokens = list(inner) if inner is not None else []
    after = text[right[0] : right[1]]
    dash = re.match(r"\s*[―—–-]+\s*", after)
    if dash:  # "..." ― Sonya Herridge
        span = doc.char_span(right[0] + dash.end(), right[1], alignment_mode="contract")
        run: list[Token] = []
        for t in span if span is not None else []:
            if not (t.pos_ == "PROPN" or (t.is_title and t.is_alpha)):
                break
            run.append(t)
        if run:
            cue = after[dash.start() : dash.end()].strip()
            return _span_attribution(text, doc, run, people, cue, right[0] + after.index(cue))
    candidates: list[_Attribution] = []
    adjacent = None
    for region, reverse in ((right, False), (left, True)):
        span = doc.char_span(region[0], region[1], alignment_mode="contract")
        found = [cues[t.i] for t in span or [] if t.i in cues]
        if not reverse:  # '"...," when Clinton blasted him': not a tag of the quote
            found = [c for c in found if not _subordinate(c.cue_token)]
        candidates += reversed(found) if reverse else found
        # '," Kerry said', '," said Robert McAtee, one of ...': no other verb between but
        # those inside the speaker's phrase ("an official travelling with Kerry")
        if not reverse and found and span is not None:
            adjacent = found[0] if _nothing_between(span, found[0].cue_token) else None
    if text[seg.start : seg.end].rstrip("\"'”’ ").endswith((".", "!", "?")):
        # A quote that ends its sentence takes a cue from the next one only when that cue
        # reports nothing else: '"... dying." Ban said.', not '"..." Park said Kim is ...'
        candidates = [c for c in candidates if c.cue_start is None or c.cue_start < seg.start]
        verb = adjacent.cue_token if adjacent is not None else None
        if verb is not None and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
            adjacent = None
        # 'Brenner said: "We will rebuild." The mayor agreed.': the cue that introduced it
        introduced = text[left[0] : seg.open_mark].rstrip().endswith(":")
        if introduced and any(c.speech for c in candidates):
            adjacent = None
    left_open = re.search(r"[,?!]$", text[seg.start : seg.end]) or re.match(r"\s*,", after)
    short = len(_WORD.findall(text, seg.start, seg.end)) <= 3
    if adjacent is None and left_open and not (short and _named_thing(text, left, seg)):
        adjacent = _any_verb_after(doc, right, people)
    if adjacent is not None:
        return adjacent
    governing = [c for c in candidates if c.cue_token and _governs(c.cue_token, tokens)]
    governing.sort(key=lambda c: not c.speech)
    if governing:
        return governing[0]
    if short:
        return None
    speech = [c for c in candidates if c.speech]
    if speech:
        return speech[0]
    stripped = text[left[0] : left[1]].rstrip()
    if stripped.endswith(":"):  # 'Israeli spokesman Mark Regev:', 'Obama has a message:'
        colon = left[0] + len(stripped) - 1
        span = doc.char_span(left[0], colon, alignment_mode="contract")
        heads = [t for t in span or [] if t.dep_ in _SUBJECT_DEPS and t.i not in people.quoted]
        if span is not None and len(span) and span[-1].pos_ == "PROPN":
            heads = [span[-1]]  # '... - Carl Bialik: "'
        owner = _in_words_of(span) if span is not None else None
        if owner is not None and owner.i not in people.quoted:
            heads = [owner]  # 'how bad it got, in the words of the farmer: "'
        if heads:
            head = heads[-1]
            toks = _mention_tokens(head, people)
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            return _Attribution(
                Speaker(text[s:e], people.cite(s, e)), _resolve(head, people), ":", colon, colon + 1
            )
    return None


def _named_thing(text: str, left: tuple[int, int], seg: _Segment) -> bool:
    """A short quote that gives another name for what was just named ('the front trunk,
    or "frunk," you get'): a word, not anyone's words."""
    before = text[left[0] : seg.open_mark].rstrip().lower()
    return before.endswith((", or", "(or", " aka", " a.k.a.", "known as", "dubbed"))


def _nothing_between(span: Span, cue: Token | None) -> bool:
    """True when no verb stands between a quote and ``cue`` but in the cue's subject."""
    if cue is None:
        return False
    subject = {t.i for c in cue.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
    return not any(t.pos_ == "VERB" and t.i not in subject for t in span if t.i < cue.i)


def _subordinate(verb: Token | None) -> bool:
    """True when a verb after a quote heads a clause of its own ('"...," when Clinton
    blasted him'), not a speech tag ('"...," as Trump put it', '"...," was how Ford
    described it')."""
    if verb is None:
        return False
    tag = verb.head.lemma_.lower() == "be" and verb.head.i < verb.i
    return any(
        (c.dep_ == "mark" and c.lower_ != "as")
        or (c.dep_ == "advmod" and c.tag_ == "WRB" and not (tag and c.lower_ == "how"))
        for c in verb.children
        if c.i < verb.i
    )


def _any_verb_after(doc: Doc, right: tuple[int, int], people: _People) -> _Attribution | None:
    """'"Go back to Univision," Trump barked': after a quote left open by a comma (or "?",
    "!"), the first clause's verb with a subject names the speaker, whatever the verb."""
    span = doc.char_span(right[0], right[1], alignment_mode="contract")
    if span is None:
        return None
    for t in span:
        if t.pos_ == "VERB" and t.dep_ not in ("acl", "relcl", "amod", "xcomp"):
            if t.i in people.quoted or not _nothing_between(span, t):
                return None
            if _subordinate(t):
                return None
            found = _attribution(t, people)
            return replace(found, speech=False) if found is not None else None
    return None


def _continues(
    text: str, paragraphs: Sequence[tuple[int, int]], offset: int, seg: _Segment
) -> bool:
    """True when ``seg`` may carry on an attribution at ``offset``: it stands in the same
    paragraph, or opens the next one."""
    p_prev = _paragraph_of(paragraphs, offset)
    p_seg = _paragraph_of(paragraphs, seg.open_mark)
    if p_prev == p_seg:
        return True
    index = _index_of(paragraphs, p_seg)
    if not paragraphs or paragraphs[index] != p_seg or text[p_seg[0] : seg.open_mark].strip():
        return False
    return index > 0 and paragraphs[index - 1] == p_prev
