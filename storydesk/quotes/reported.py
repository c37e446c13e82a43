"""Reported speech (pass 3 of :func:`storydesk.quotes.extract_quotes`): the clause a cue
reports ("Kerry said he remained hopeful ...", "vowed to cut taxes", "cited the report"),
and a paragraph that opens with a name and a colon ("Smith: The Plan Will Fail")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..doctext import sentence_start
from ..model import Quote, Speaker
from .attribution import (
    _Attribution,
    _attribution,
    _clause_as_subject,
    _is_cue,
    _resolve,
    _speaker,
    made_clear,
    noun_clause,
)
from .direct import _title_like
from .marks import _WORD, _paragraphs
from .people import _People
from .sources import speaker_kind
from .vocabulary import (
    _ADVERBIAL_MARKS,
    _BACKSHIFT,
    _DESCRIBE_AS,
    _DOCUMENT_NOUNS,
    _HAVE_GIVE,
    _MADE_POINT,
    _REPORTING,
    _SAY,
    _SAY_LIKE,
    _SPEECH_NOUNS,
    _TALK,
    _TOPIC_PREPS,
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    INTENT_VERBS,
    SPEECH_VERBS,
    TOPIC_VERBS,
)


def _reported_speech(
    text: str, doc: Doc, people: _People, cues: dict[int, _Attribution]
) -> list[Quote]:
    quoted = people.quoted
    found_all: list[tuple[Token, _Attribution, list[Token]]] = []
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
        according = tok.lower_ == "according"
        if found.speaker is None and not (according or _is_cue(tok) or lemma in EVIDENCE_VERBS):
            continue  # "the blockade forced the port to close": no one who speaks
        if _form_text(tok, found) or _readers_intent(tok, found):
            continue
        content = _content_of(tok, according)
        while content and (
            content[0].i in people.offstage or (content[0].is_punct and not content[0].is_quote)
        ):
            content = content[1:]  # 'DORRAN - The bridge will stay closed, ... said'
        words = [t for t in content if not (t.is_punct or t.is_space)]
        in_quote = sum(1 for t in words if t.i in quoted)
        if according and (
            (2 * in_quote >= len(words) and _told_in_clause(tok, cues))
            or _said_by_another(tok, cues, people)
        ):
            # '"...," he told detectives, according to the complaint' and 'He said he had
            # set the fire, according to the complaint': he spoke; the complaint reports it
            continue
        if found.speaker is None and _infinitive(content):
            # 'before it will agree to halt its attacks': a fragment of a clause no one says
            continue
        if lemma in BELIEF_VERBS and not any(t.pos_ in ("VERB", "AUX") for t in words):
            continue  # 'would consider their resignations voluntary': a judgement, no clause
        if len(words) < 3 or content[0].i in quoted or _pronoun_told(words):
            continue  # too short, or a direct quote with words after it
        if sum(1 for t in words if t.i in quoted) >= 0.8 * len(words):
            continue  # a direct quote carries it; a mixed one ('said it was "rigged"') stays
        for part in _around_aside(tok, content):
            found_all.append((tok, found, part))
    # What one source says of another ("the governor said Reyes had agreed to delay the
    # vote") is the governor's words: the verb inside them reports nothing of Reyes's own.
    # By sentence: a clause is part of its cue's parse tree, so of its sentence.
    told: dict[int, list[tuple[int, int, _Attribution]]] = {}
    for tok, found, content in found_all:
        if found.speaker is not None and _says(tok):
            told.setdefault(sentence_start(doc, tok.i), []).append(
                (content[0].i, content[-1].i, found)
            )
    out: list[Quote] = []
    for tok, found, content in found_all:
        outer = next(
            (
                teller
                for a, b, teller in told.get(sentence_start(doc, tok.i), ())
                if a <= tok.i <= b
                and teller.speaker is not None
                and not _same_speaker(teller.speaker, found)
            ),
            None,
        )
        if outer is not None and not _says(tok):
            # the part stays what the teller said of them: the teller's words
            found = replace(found, speaker=outer.speaker, name=outer.name)
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        end = people.closed(start, end)
        out.append(found.quote(text, people.cite(start, end), direct=False))
    return out


def _around_aside(tok: Token, content: list[Token]) -> list[list[Token]]:
    """What was said around a parenthetical cue inside it, as two quotes, the cue in
    neither: 'The crew found the leak, Varga said, and closed the valve' is "The crew found
    the leak" and "closed the valve". Only after the clause's verb and before a verb joined
    to it; else the one content ('The plan, he said, would fail')."""
    if not content or not _parenthetical(tok) or not content[0].i < tok.i < content[-1].i:
        return [content]
    if tok.head.i > tok.i or not any(
        c.dep_ == "conj" and c.i > tok.i and c.pos_ in ("VERB", "AUX") for c in tok.head.children
    ):
        return [content]
    aside = tok.left_edge.i, tok.right_edge.i
    before = [t for t in content if t.i < aside[0]]
    after = [t for t in content if t.i > aside[1]]
    while before and before[-1].is_punct and not before[-1].is_quote:
        before.pop()
    while after and (after[0].is_punct or after[0].dep_ == "cc") and not after[0].is_quote:
        after.pop(0)
    parts = [p for p in (before, after) if sum(not t.is_punct for t in p) >= 2]
    return parts or [content]


def _says(tok: Token) -> bool:
    return tok.lower_ == "according" or (_is_cue(tok) and tok.lemma_.lower() in _SAY_LIKE)


def _same_speaker(speaker: Speaker, found: _Attribution) -> bool:
    """'She said the water had levelled off but warned that ...': the parse puts "warned"
    inside what she said, but she is the one who warned."""
    other = found.speaker
    return other is not None and (other.start, other.end) == (speaker.start, speaker.end)


def _said_by_another(according: Token, cues: dict[int, _Attribution], people: _People) -> bool:
    """True when "according to X" attaches to a clause that a speech verb with a speaker
    of its own reports ("He said he had set the fire, according to the complaint")."""
    clause = according.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.i < according.i and _says(clause) and clause.dep_ != "ccomp":
        # 'He said he had set it, according to the complaint filed by prosecutors': the
        # parse hangs "according" on "said" itself. A document passes his words on; a
        # source ('Police said ..., according to the family's lawyers') tells of them
        # (PolNeAR marks that as the source's)
        found = cues.get(clause.i)
        source = according_source(according)
        return (
            found is not None
            and found.speaker is not None
            and source is not None
            and speaker_kind(source, people) == "document"
        )
    if clause.dep_ != "ccomp":
        return False
    found = cues.get(clause.head.i)
    return found is not None and found.speaker is not None and _says(clause.head)


def according_source(according: Token) -> Token | None:
    """X of "according to X"."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _told_in_clause(according: Token, cues: dict[int, _Attribution]) -> bool:
    """True when the clause "according to X" attaches to has a speech verb with a speaker
    of its own ('"...," he told detectives, according to the complaint')."""
    clause = according.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    found = cues.get(clause.i)
    return found is not None and found.speaker is not None and _says(clause)


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
        speaker = Speaker(text[name[0].idx : colon], people.cite(name[0].idx, colon))
        claim = _Attribution(speaker, _resolve(head, people), ":", colon, colon + 1)
        out.append(claim.quote(text, people.cite(start, end), direct=False))
    return out


def _colon_speech(text: str, doc: Doc, people: _People) -> list[Quote]:
    """What a person's words are said to be, after a colon: "Her advice is simple: plant
    early", "Brenner had a message for the crews: finish the roof", "The message from
    Brenner was clear: ...". A quote mark after the colon is a direct quote's business."""
    out: list[Quote] = []
    for colon in people.colons:
        if colon.i in people.quoted or colon.i in people.offstage:
            continue
        sent = colon.sent
        block = _block_after(text, doc, colon)
        content = block or [t for t in doc[colon.i + 1 : sent.end] if not t.is_space]
        while content and content[-1].is_punct and not content[-1].is_quote:
            content.pop()
        words = [t for t in content if not t.is_punct]
        if not words or content[0].is_quote or any(t.i in people.quoted for t in words):
            continue
        verb = colon.head
        if block and verb.i < colon.i and _is_cue(verb) and not _says_more(verb, colon):
            # 'The mayor added:' and the next paragraph, a block quote that lost its marks
            claim = _attribution(verb, people)
            if claim is None or claim.speaker is None or len(words) < 3:
                continue
            start, end = content[0].idx, content[-1].idx + len(content[-1].text)
            out.append(claim.quote(text, people.cite(start, end), direct=False))
            continue
        nouns = [
            t
            for t in doc[sent.start : colon.i]
            if t.pos_ == "NOUN" and t.lemma_.lower() in _SPEECH_NOUNS and t.i not in people.quoted
        ]
        # two words will do after a speech noun ("His advice is simple: plant early")
        if len(words) < (2 if nouns else 3):
            continue
        head = _owner(nouns[-1]) if nouns else _plain_speaker(doc[sent.start : colon.i])
        found = _speaker(head, people) if head is not None else None
        if head is None or found is None or speaker_kind(head, people) == "document":
            continue
        if block and head.lower_ == "you":
            continue  # 'you can sum it up in 30 words:' and the writer's own advice
        toks, name = found
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        claim = _Attribution(
            Speaker(text[s:e], people.cite(s, e)), name, ":", colon.idx, colon.idx + 1
        )
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        end = people.closed(start, end)
        out.append(claim.quote(text, people.cite(start, end), direct=False))
    return out


def _block_after(text: str, doc: Doc, colon: Token) -> list[Token] | None:
    """The paragraph after ``colon`` when the colon ends its own paragraph ('The mayor
    added:' and then what she said, set apart as a block), its tokens without spaces;
    ``None`` when the colon does not end its paragraph or no paragraph follows."""
    end = colon.idx + 1
    line_end = text.find("\n", end)
    if line_end < 0 or text[end:line_end].strip():
        return None
    start = line_end + len(text[line_end:]) - len(text[line_end:].lstrip())
    if start >= len(text):
        return None
    stop = text.find("\n", start)
    span = doc.char_span(start, stop if stop >= 0 else len(text), alignment_mode="contract")
    if span is None or not len(span):
        return None
    return [t for t in span if not t.is_space]


def _says_more(verb: Token, colon: Token) -> bool:
    """``verb`` governs words of its own after it and before ``colon`` ('told reporters
    the plan had three parts:'): what follows the colon is a list of what was said, not
    the saying itself."""
    return any(
        c.i > verb.i and c.i < colon.i and c.dep_ in ("ccomp", "xcomp") for c in verb.children
    )


# How plainly someone speaks: "Varga was blunt: the bridge will not reopen".
_PLAIN = frozenset(
    {"blunt", "clear", "adamant", "emphatic", "unequivocal", "categorical", "frank", "candid"}
    | {"defiant", "firm", "insistent", "succinct", "direct"}
)


_PLAINLY = frozenset({"simply", "bluntly", "plainly", "succinctly", "starkly", "frankly"})


def _plain_speaker(before: Iterable[Token]) -> Token | None:
    """The subject of "was blunt", "is clear" ... right before a colon: what follows is
    what they said."""
    for t in before:
        put = (
            t.lemma_ == "put"
            and any(  # "Roe put it simply: ..."
                c.dep_ == "advmod" and c.lower_ in _PLAINLY for c in t.children
            )
        ) or (t.lemma_ == "sum" and any(c.dep_ == "prt" for c in t.children))  # "summed it up"
        if put or (
            t.lemma_ == "be"
            and any(c.dep_ == "acomp" and c.lower_ in _PLAIN and c.i > t.i for c in t.children)
        ):
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in ("PROPN", "PRON", "NOUN"):
                return subject
    return None


def _owner(noun: Token) -> Token | None:
    """Whose words a speech noun names: "her advice", "the message from Brenner",
    "Brenner had a message"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "by"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _HAVE_GIVE:
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _form_text(verb: Token, found: _Attribution) -> bool:
    """A page's form or prompt, not speech: "I agree that the site can send me ..." (a
    reader's consent, present tense, outside quotes) and a purpose with no one to say it
    ("Check the box to confirm that you ...")."""
    if found.speaker is None:
        return verb.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        )
    return (
        found.speaker.text.lower() in ("i", "you")
        and verb.tag_ == "VBP"
        and verb.lemma_.lower() in _CONSENT
    )


def _readers_intent(verb: Token, found: _Attribution) -> bool:
    """What the writer tells the reader to want or plan ('you should aim to save 25 times
    your costs', 'maybe you want to leave your job'): no one's words."""
    return (
        found.speaker is not None
        and found.speaker.text.lower() == "you"
        and verb.lemma_.lower() in INTENT_VERBS
        and not _is_cue(verb)
    )


# What a reader does to a form: "I agree that ...", "I confirm that I am over 18".
_CONSENT = frozenset({"agree", "consent", "accept", "acknowledge", "confirm", "certify"})


def _without_asides(obj: Token) -> list[Token]:
    """An object's words without a relative clause set off by a comma ('told Benioff,
    which meant making the "best system"': the writer's aside about the listener)."""
    skip = {
        t.i
        for c in obj.children
        if c.dep_ == "relcl" and c.i > obj.i and obj.doc[c.left_edge.i - 1].text == ","
        for t in [obj.doc[c.left_edge.i - 1], *c.subtree]
    }
    return [t for t in obj.subtree if t.i not in skip]


def _quotes_words(objects: list[Token]) -> bool:
    """What the verb governs holds quoted words, not only a title in quote marks ('had
    written music for the show "Harbour Lights"' is no speech), outside a relative clause
    set off by a comma (:func:`_without_asides`)."""
    toks = [t for o in objects for t in _without_asides(o)]
    if not any(t.is_quote for t in toks):
        return False
    opening = sorted((t for t in toks if t.is_quote and t.tag_ == "``"), key=lambda t: t.i)
    if not opening:
        return True
    doc = opening[0].doc
    for mark in opening:
        close = next((t for t in doc[mark.i + 1 : mark.i + 40] if t.is_quote), None)
        inner = doc[mark.i + 1 : close.i] if close is not None else None
        # a slogan that ends its sentence inside the marks ('a goal of "Peace First."') is
        # taken as quoted words
        if inner is None or not len(inner) or not _title_like(inner.text):
            return True
        if inner.text.rstrip().endswith("."):
            return True
    return False


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
        # '..., according to two people familiar with the matter, adding to ...': a
        # participle after the attribution is the writer's, not what was said
        skip |= {
            t.i
            for c in clause.children
            if c.i > tok.i and _bare_participle(c) and _after_comma(c)
            for t in c.subtree
        }
        toks = [t for t in clause.subtree if t.i not in skip]
    else:
        # '..., the ministry said, as the government raised its fund': a clause opened by
        # "as", "while" ... is the time or cause of the saying, misparsed as what was said
        comps = [
            c
            for c in tok.children
            if c.dep_ == "ccomp"
            and not _adverbial(c)
            and not _relative_clause(c)
            and not _how_it_felt(c)
        ]
        if (
            lemma not in _SAY_LIKE
            and lemma not in _TELL
            and any(c.dep_ == "dobj" and c.i > tok.i for c in tok.children)
        ):
            # 'Police arrested Reyes after a neighbour, Karl Brenner, called them': a clause
            # before a verb with an object of its own is no more what it says
            comps = [c for c in comps if c.i > tok.i]
        # 'It is unlikely; her team says she will go on': the clause after the verb, but
        # not a speaker's title read as a clause ('Cuts will come, said the firm's
        # recently named chair Ilse Brandt': "named" has no auxiliary, so no clause)
        comps = [c for c in comps if not _named_after(tok, c, comps)]
        comp = next((c for c in comps if c.i > tok.i), comps[0] if comps else None)
        if comp is None and lemma in _TELL:
            comp = _told_clause(tok)
        made = made_clear(tok) if lemma == "make" else None
        if made is not None:  # 'made it clear that ...', 'made clear the mill ...'
            comp = made[1]
        if comp is None and lemma == "make":  # 'made the point that ...'
            comp = noun_clause(tok, "dobj", _MADE_POINT)
        if comp is None and lemma in _SAY_LIKE:  # 'said in a statement that ...'
            comp = noun_clause(tok, "prep", _DOCUMENT_NOUNS)
        objects = [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "oprd", "attr")]
        after = [c for c in tok.children if c.i > tok.i]
        if lemma in _GIVING and any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in after):
            return []  # 'promised more than $4 billion to rebuild the town': a gift
        if comp is not None:
            # '..., adding that 40 jobs would return': the participle is a cue of its own
            # and so is '..., according to the complaint'
            aside = {
                t.i
                for c in comp.children
                if (c.i > comp.i or c.lower_ == "according")
                and _is_cue(c)
                and (
                    # after a comma: 'written to the minister asking him to ...' is what
                    # was written
                    (c.dep_ == "advcl" and c.tag_ == "VBG" and _after_comma(c))
                    or c.lower_ == "according"
                )
                for t in c.subtree
            }
            toks = [t for t in comp.subtree if t.i not in aside]
            more = _list_goes_on(tok, comp)
            if more is not None:
                # 'alleged that the clerks "played cards," dozed in the office and left',
                # 'said it was a risk because of its walls, the sea and ...': the rest of a
                # list the parse hung on the verb
                toks = [t for t in doc[comp.left_edge.i : more + 1] if t.i not in aside]
            fronted = [c for c in comps if c.i < tok.i]
            span = doc[fronted[0].left_edge.i : fronted[-1].right_edge.i + 1] if fronted else None
            if (
                span is not None
                and comp.i < tok.i
                and len(fronted) > 1
                and any(c.dep_ == "cc" for c in fronted[0].children)
                and not any(t.is_quote for t in span)
            ):
                # 'Selling is hard, but changing minds is harder, Varga said': the parse
                # gives "said" two clauses joined by "but"; both are what she said
                toks = [t for t in span if t.i not in aside]
            whole = _subject_question(tok, comp)
            if whole is not None:  # 'said whether Ostland will agree depends on ...'
                toks = list(doc[comp.left_edge.i : whole.right_edge.i + 1])
            gap = _gapped_noun(tok, comp)
            if gap is not None:  # 'goods it says could be used in attacks'
                toks = [*doc[gap.left_edge.i : gap.i], gap, *toks]
            subject = _subject_as_object(tok, comp)
            if subject is not None:  # 'promised riders would be able to cross'
                toks = [*subject.subtree, *toks]
            if made is not None:
                toks = [t for t in toks if t.i > made[0].i]
            if lemma not in _CLAUSE_VERBS:
                # 'rejected five ceasefire offers, and Ostland's role ... has been cast into
                # doubt' ("offers" taken for a verb): what is rejected is no clause, and a
                # clause joined to it with a subject of its own is the writer's
                joined = [
                    c.left_edge.i
                    for c in comp.children
                    if c.dep_ == "conj"
                    and c.i > comp.i
                    and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
                ]
                toks = [t for t in toks if t.i < min(joined, default=len(doc))]
                while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
                    toks.pop()
            # 'said on Monday it would close the mill': the day of the saying, which the
            # parse hung on what was said
            for c in comp.children:
                if (
                    c.dep_ == "prep"
                    and c.left_edge.i == tok.i + 1
                    and any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
                    and any(s.dep_ in ("nsubj", "nsubjpass") and s.i > c.i for s in comp.children)
                ):
                    toks = [t for t in toks if not c.left_edge.i <= t.i <= c.right_edge.i]
            # 'said the plan was costly, but it would pass': the parse joins the second
            # clause to "said"; a clause of "would", "could", "had" ... is still what was said
            for c in tok.children:
                if c.dep_ == "conj" and c.i > comp.i and lemma in _SAY and _reported_too(c):
                    toks = list(doc[toks[0].i : c.right_edge.i + 1])
        elif (parsed_as_subject := _clause_as_subject(tok)) is not None:
            # 'The talks stalled over the border, the source said'
            toks = list(parsed_as_subject.subtree)
        elif objects and _quotes_words(objects):
            # a partial quote in what the verb governs: 'called them "deplorables"'
            toks = [t for o in objects for t in _without_asides(o)]
        elif _parenthetical(tok):
            # 'The plan, he said, would fail' and 'The plan would fail, he said': the
            # clause around the cue, the cue's own words left out
            # 'If the appeal fails, Tormund argues, there are ...': a clause the parse hung
            # on the cue before its subject belongs to what was said
            before = {
                t.i
                for c in tok.children
                if c.dep_ == "advcl" and c.left_edge.i == tok.left_edge.i and c.i < tok.i
                for t in c.subtree
            }
            skip = {t.i for t in tok.subtree} - before
            clause = _aside_clause(tok) or tok.head
            toks = [t for t in clause.subtree if t.i not in skip]
        elif lemma in INTENT_VERBS and any(c.dep_ == "xcomp" for c in after):
            # 'vowed to cut taxes', 'urged Congress to act': from the addressee on
            xcomp = next(c for c in after if c.dep_ == "xcomp")
            if _asked_whether(tok):
                # 'uncertainty over whether Ostland and Varnia could agree to end the
                # dispute': what no one intends yet, not a claim
                return []
            if (
                lemma in _WITHHOLD
                and sum(not t.is_punct for t in xcomp.subtree if t.i > xcomp.i) < 2
            ):
                # 'declined to predict when.': nothing was said. Not 'declined to predict
                # when the mill would reopen', which PolNeAR marks as what was declined
                return []
            first = min([xcomp.left_edge.i] + [c.left_edge.i for c in after if c.dep_ == "dobj"])
            last = max([xcomp.right_edge.i] + [c.right_edge.i for c in _listed(tok, xcomp)])
            toks = list(doc[first : last + 1])
        elif any(c.dep_ == "dobj" for c in after) and (
            lemma in TOPIC_VERBS
            or lemma in _DESCRIBE_AS
            or (lemma == "call" and any(c.dep_ == "oprd" for c in after))
        ):
            # 'cited the report', 'accused her of lying', 'called the charges false'
            obj = next(c for c in after if c.dep_ == "dobj")
            last = obj.right_edge.i
            for c in after:
                if c.i > obj.i and (
                    c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS)
                ):
                    last = max(last, c.right_edge.i)
                elif c.i == last + 1 and c.dep_ == "prep" and _superlative_before(doc, c.i):
                    last = c.right_edge.i  # 'described the flood as the worst in a century'
                elif c.i > obj.i and _joined_gerund(tok, c):
                    # 'mentioned refinancing loans and forcing the council to ...': the
                    # second gerund hung on the verb is more of what was mentioned
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
            time = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if time is not None and time.ent_type_ in ("DATE", "TIME"):
                # 'argued for decades that ...': a time, and the clause the parse hung on
                # it is what was said
                that = next(
                    (c for c in time.children if any(m.lower_ == "that" for m in c.lefts)), None
                )
                if that is None:
                    return []
                toks = list(that.subtree)
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


# Verbs that report a clause; any other verb of :data:`TOPIC_VERBS` reports a thing.
_CLAUSE_VERBS = SPEECH_VERBS | BELIEF_VERBS | EVIDENCE_VERBS | INTENT_VERBS | frozenset(_SAY)


# Verbs of speech that are deeds when what they promise is money ("pledged $4 billion").
_GIVING = frozenset({"promise", "pledge", "offer"})


# Verbs of telling someone something: "told officers he had been drinking".
_TELL = frozenset({"tell", "assure", "inform", "warn", "remind", "advise", "promise"})


def _told_clause(verb: Token) -> Token | None:
    """What a verb of telling tells, parsed as a relative clause of its listener ('told
    officers he had been drinking', "officers [whom] he had been drinking"): a clause with
    a subject of its own and no relative pronoun."""
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "dative") or obj.i < verb.i:
            continue
        for c in obj.children:
            if (
                c.dep_ == "relcl"
                and c.i > obj.i
                and c.left_edge.i == obj.i + 1
                and any(s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i for s in c.children)
                and not any(t.lower_ in ("who", "whom", "which", "that") for t in c.lefts)
            ):
                return c
    return None


def _listed(verb: Token, xcomp: Token) -> list[Token]:
    """Bare infinitives after ``xcomp`` that the parse joined to ``verb`` itself ('wants to
    widen the road, rebuild the pier and open a school': "rebuild" and "open" hang on
    "wants"): more of what is intended. Not when ``verb`` is bare too ('will plan to
    widen it and build it'), where either may be joined."""
    if verb.tag_ == "VB":
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.i > xcomp.i
        # a base form the tagger read as present ('declined to blame them or even
        # directly criticize them', "criticize" VBP joined to "declined")
        and (c.tag_ == "VB" or (c.tag_ == "VBP" and verb.tag_ == "VBD"))
        and not any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in c.children)
    ]


def _joined_gerund(verb: Token, conj: Token) -> bool:
    """``conj`` is a gerund with no subject that the parse joined to ``verb``, itself no
    gerund: no second act of ``verb``'s subject, but a second thing named."""
    return (
        conj.dep_ == "conj"
        and conj.tag_ == "VBG"
        and verb.tag_ != "VBG"
        and not any(s.dep_ in ("nsubj", "nsubjpass", "aux") for s in conj.children)
    )


def _list_goes_on(verb: Token, comp: Token) -> int | None:
    """The last token of what continues ``comp``'s list after a comma, which the parse hung
    on ``verb``: a second clause with no subject or mark ("dozed in the office and left"),
    or a noun it could not place (dep "dep": "the sea and its poor drains"). ``None`` when
    nothing does."""
    doc = verb.doc
    end = comp.right_edge.i
    for c in verb.children:
        if c.i <= end or c.left_edge.i <= end:
            continue
        gap = doc[end + 1 : c.left_edge.i]
        words_end = end
        while words_end > comp.i and doc[words_end].is_punct:
            words_end -= 1  # the clause's own trailing comma and quote mark count too
        if not all(t.is_punct for t in gap) or "," not in doc[words_end + 1 : c.left_edge.i].text:
            continue
        bare = c.dep_ == "ccomp" and not any(
            s.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for s in c.children
        )
        unplaced = c.dep_ == "dep" and c.pos_ == "NOUN"
        if bare or unplaced:
            return c.right_edge.i
    return None


def _named_after(verb: Token, comp: Token, comps: list[Token]) -> bool:
    """``comp`` follows ``verb`` and is a past participle with no auxiliary or mark (a
    title such as "recently named chair" read as a clause), while a clause before ``verb``
    ends at the comma right before it: that clause is what was said."""
    doc = verb.doc
    return (
        comp.i > verb.i
        and comp.tag_ == "VBN"
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in comp.children)
        and verb.i > 0
        and doc[verb.i - 1].text == ","
        and any(c.i < verb.i and c.right_edge.i == verb.i - 2 for c in comps)
    )


def _subject_as_object(verb: Token, comp: Token) -> Token | None:
    """The subject of what ``verb`` reports, which the parse made ``verb``'s object
    ('promised riders would be able to cross': "riders" an object, "would be able" a
    clause with no subject): an object right before a clause that opens with a modal or
    "had" and has no subject of its own. ``None`` otherwise."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "mark") for c in comp.children):
        return None
    first = comp.left_edge
    if not (first.dep_ in ("aux", "auxpass") and first.lower_ in _BACKSHIFT):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj" and verb.i < c.i < comp.i and c.right_edge.i + 1 == first.i
        ),
        None,
    )


def _asked_whether(verb: Token) -> bool:
    """``verb`` opens with "whether" or "if" as the mark of its own clause, or of the
    clause of the verb whose infinitive it is: a question, not what anyone said."""
    clause = verb
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    marks = (*verb.children, *clause.children)
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in marks)


def _infinitive(content: list[Token]) -> bool:
    """``content`` opens with a bare infinitive ("to halt its attacks")."""
    return len(content) > 1 and content[0].lower_ == "to" and content[1].tag_ == "VB"


# Verbs of not doing: "declined to predict when".
_WITHHOLD = frozenset({"decline", "refuse"})


def _pronoun_told(words: list[Token]) -> bool:
    """What was said is only "it" and who heard it ('was how Brenner described [it to
    friends]'): the words are elsewhere, no clause of their own."""
    first = words[0]
    if first.pos_ != "PRON" or first.lower_ not in ("it", "this", "that", "them"):
        return False
    listener = {
        t.i
        for p in first.head.children
        if p.dep_ == "prep" and p.lower_ in ("to", "with")
        for t in p.subtree
    }
    return all(t.i in listener for t in words[1:])


def _how_it_felt(clause: Token) -> bool:
    """A small clause of "it", an adjective and what was done ('found it difficult to talk
    about the flood', 'finds it easy to say no'): how doing it felt, not a finding."""
    return (
        clause.pos_ == "ADJ"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children)
        and any(
            c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" for a in c.children)
            for c in clause.children
            if c.i > clause.i
        )
    )


def _relative_clause(clause: Token) -> bool:
    """A clause the parse hung on the verb that is a relative clause of the noun before it:
    'reported wait times that exceeded two hours' ("that" a relative pronoun after a noun
    object, not a complementizer)."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ != "WDT" or subject.i != clause.left_edge.i:
        return False
    before = clause.doc[subject.i - 1] if subject.i > 0 else None
    return before is not None and before.pos_ in ("NOUN", "PROPN") and before.i > clause.head.i


def _bare_participle(verb: Token) -> bool:
    """A participle phrase of its own ("adding to a wave of layoffs"), not a clause with a
    subject or a subordinator ("although 400 were still staying ...")."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in verb.children)
    )


def _reported_too(clause: Token) -> bool:
    """A clause joined to a speech verb ("..., but it would pass") that is still reported:
    its own subject, a modal or "had" as in reported speech, and no verb of saying; or a
    subject that points back to what was said, in the past ("..., but it was the only
    option")."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if clause.pos_ not in ("VERB", "AUX") or subject is None or _is_cue(clause):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _BACKSHIFT for c in clause.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ == "that" and c.i < subject.i for c in clause.children):
        return True  # '..., but that he remained hopeful'
    return subject.lower_ in ("it", "this", "that") and clause.tag_ == "VBD"


def _superlative_before(doc: Doc, i: int) -> bool:
    """The word before token ``i`` is a superlative ("the worst", "the largest")."""
    return i > 0 and doc[i - 1].tag_ in ("JJS", "RBS")


def _adverbial(clause: Token) -> bool:
    """A clause opened by a subordinator of time, cause or concession ("as the government
    raised its fund")."""
    first = clause.left_edge
    return first.dep_ == "mark" and first.lower_ in _ADVERBIAL_MARKS


# Curly marks say which way they face; a straight mark is counted as both.
_OPENING = frozenset({"“", "‘", '"'})
_CLOSING = frozenset({"”", "’", '"'})


def _parenthetical(tok: Token) -> bool:
    """A verb of saying set off from the clause it reports: '..., he said, ...', and any
    speech verb so set off ('If the appeal fails, Tormund argues, there are ...', 'As
    Brandt noted, the ferry ...')."""
    if tok.head.i == tok.i:
        return False
    # 'The bridge, as the engineers warned in March, will need new cables'
    as_aside = tok.dep_ == "advcl" and _set_off_as(tok)
    if tok.dep_ != "parataxis" and not as_aside:
        return False
    if as_aside and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in tok.children):
        return False  # the page to its reader: 'As you comment, please be respectful ...'

    if (as_aside or tok.lemma_.lower() not in _SAY) and not (
        _is_cue(tok)
        # a speaker and nothing said of its own: 'His group, called the Harbour Fund,
        # will own the pier' names the group
        and any(c.dep_ == "nsubj" for c in tok.children)
        and not any(c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "attr") for c in tok.children)
    ):
        return False
    return _aside_clause(tok) is not None


def _set_off_as(tok: Token) -> bool:
    """``tok`` heads a clause opened by "as" and set off by commas (or opening its
    sentence): 'As Brandt noted, the ferry ...', 'The bridge, as the engineers warned,
    will ...'; not 'was moved as she called for a vote', a time, nor 'even as he says'."""
    doc = tok.doc
    first, last = tok.left_edge, tok.right_edge
    if first.lower_ != "as" or first.dep_ != "mark" or first.head.i != tok.i:
        return False
    before = doc[first.i - 1] if first.i > first.sent.start else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.text == ",":
        return before is None or before.text == ","
    # '..., as police have said.': closing its sentence, with nothing it is about
    return (
        before is not None
        and before.text == ","
        and (after is None or (after.i == first.sent.end - 1 and after.is_punct))
        and not any(c.dep_ in ("prep", "dative") for c in tok.children)
    )


def _aside_clause(tok: Token) -> Token | None:
    """The clause a parenthetical cue stands in: its head when that is a verb, or the verb
    whose subject the parse hung it on ('The change now, he told me, is that ...')."""
    head = tok.head
    if head.pos_ in ("VERB", "AUX"):
        return head
    if (
        head.dep_ in ("nsubj", "nsubjpass")
        and head.i < tok.i < head.head.i
        and head.head.pos_ in ("VERB", "AUX")
    ):
        return head.head
    return None


def _after_comma(tok: Token) -> bool:
    """Whether the phrase ``tok`` heads opens after a comma ("..., adding that ...")."""
    first = tok.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","


def _subject_question(verb: Token, comp: Token) -> Token | None:
    """The verb whose subject a "whether" clause reported by ``verb`` is, which the parse
    hung on ``verb`` as a clause of its own ('said whether Ostland will agree to the terms
    depends on the vote': "depends"); ``None`` when there is none."""
    if not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in comp.children):
        return None
    nxt = comp.right_edge.i + 1
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            and c.left_edge.i == nxt
            and not any(s.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for s in c.children)
        ),
        None,
    )


def _gapped_noun(verb: Token, comp: Token) -> Token | None:
    """The noun a relative clause of saying is about, when what it reports has no subject
    of its own: that noun is its subject ('goods it says could be used in attacks': the
    goods could be used). ``None`` otherwise."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > verb.i:
        return None
    if comp.pos_ not in ("VERB", "AUX") or comp.left_edge.i != comp.i - sum(
        1 for c in comp.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod")
    ):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "mark") for c in comp.children):
        return None
    return verb.head
