"""Speech cues and their speakers: which tokens cue a quote (a speech verb, "according
to", a verb whose object holds a quote), who does the speaking, the speaker's noun phrase
as written and the name it resolves to."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..model import Citation, Quote, Speaker
from .firstnames import first_name_gender
from .marks import _WORD
from .people import (
    _FIRM_ENDS,
    _NAME_BREAKS,
    _entity_of,
    _name_text,
    _People,
    _strip_name,
    untitled,
    untraded,
)
from .sources import (
    antecedent_of_it,
    antecedent_of_they,
    issuer,
    listeners,
    name_tokens,
    speaker_kind,
)
from .vocabulary import (
    _DEFINITE,
    _DESCRIBE_AS,
    _EVENT_NOUNS,
    _GROUP_NOUNS,
    _INDEFINITE_SOURCES,
    _IT_DOES,
    _MADE_POINT,
    _OBJECT_DEPS,
    _PERSON_NOUNS,
    _PHRASAL_SPEECH,
    _PRONOUN_GENDER_ALL,
    _RELATIVE,
    _REPORTING,
    _SUBJECT_DEPS,
    _TALK,
    _TEMPORAL,
    BELIEF_VERBS,
    SPEECH_VERBS,
    _set,
)

# Verbs that carry on what the last speaker said: "he added", "she continued".
_CARRY_ON = frozenset({"add", "continue"})


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: Speaker | None
    name: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    cue_token: Token | None = None
    speech: bool = True  # a verb of saying, not any verb that governs a quote

    def quote(self, text: str, span: Citation, direct: bool) -> Quote:
        """The quote at ``span`` of ``text`` this attribution gives a speaker and cue to."""
        cue_span = None
        if self.cue_start is not None and self.cue_end is not None:
            cue_span = Citation(span.article_id, self.cue_start, self.cue_end)
        return Quote(
            text=text[span.start : span.end],
            span=span,
            direct=direct,
            speaker=self.speaker,
            speaker_name=self.name,
            cue=self.cue,
            cue_span=cue_span,
        )


def _is_cue(token: Token) -> bool:
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in _DESCRIBE_AS:  # "characterised the deal as a betrayal"
        return any(c.dep_ == "dobj" for c in token.children) and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in token.children
        )
    if lemma == "make":  # "made the point that ...", "made it clear that ..."
        return noun_clause(token, "dobj", _MADE_POINT) is not None or made_clear(token) is not None
    if lemma in _PHRASAL_SPEECH:  # "pointed out that ..."
        return any(c.dep_ == "prt" and c.lower_ in _PHRASAL_SPEECH[lemma] for c in token.children)
    return lemma in SPEECH_VERBS


def noun_clause(verb: Token, dep: str, nouns: frozenset[str]) -> Token | None:
    """The "that" clause a noun of ``nouns`` holds, the noun tied to ``verb`` by ``dep``
    (or the object of a preposition "in" when ``dep`` is "prep"): "made the point that the
    bridge was safe", "said in a statement that the loss was small" ("that" parsed as
    opening a clause of the noun)."""
    for c in verb.children:
        if c.dep_ != dep or c.i < verb.i:
            continue
        held = [c] if dep != "prep" else [o for o in c.children if o.dep_ == "pobj"]
        if dep == "prep" and c.lower_ != "in":
            continue
        for noun in held:
            if noun.lemma_.lower() not in nouns:
                continue
            for clause in noun.children:
                if (
                    clause.dep_ in ("acl", "ccomp", "relcl")
                    and clause.i > noun.i
                    and clause.left_edge.lower_ == "that"
                    and clause.left_edge.dep_ == "mark"
                    and any(s.dep_ in _SUBJECT_DEPS for s in clause.children)
                ):
                    return clause
    return None


def made_clear(verb: Token) -> tuple[Token, Token] | None:
    """("clear", the clause made clear) of "made it clear that the mill would stay open"
    and of "made clear the mill would stay open" (the parse hangs "clear" on the clause);
    ``None`` for any other "make"."""
    for c in verb.children:
        if c.lower_ == "clear" and c.i > verb.i:  # 'made it clear that ...'
            for clause in c.children:
                if clause.i > c.i and clause.dep_ in ("advcl", "ccomp") and _has_subject(clause):
                    return c, clause
        if c.dep_ == "ccomp" and c.i > verb.i and _has_subject(c):  # 'made clear the mill ...'
            clear = next((a for a in c.children if a.lower_ == "clear" and a.i == verb.i + 1), None)
            if clear is not None:
                return clear, c
    return None


def _has_subject(clause: Token) -> bool:
    return any(s.dep_ in _SUBJECT_DEPS for s in clause.children)


def _negated(verb: Token, quoted: set[int]) -> bool:
    """ "did not criticise", "without explicitly blaming": no speech act took place. A
    negation inside a quote is what was said ('"Absolutely not," he said')."""
    if any(c.dep_ == "neg" and c.i not in quoted for c in verb.children):
        return True
    if _withheld(verb) or any(_withheld(c) for c in verb.children if c.dep_ == "xcomp"):
        return True
    if any(_withheld(a) for a in verb.ancestors):
        # 'declined to say when the company might decide to sell': nobody decided
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _DUE and verb.tag_ == "VB":
        return True  # 'The company, which is expected to report its results next week'
    return verb.dep_ == "pcomp" and verb.head.lower_ == "without"


# Verbs of not saying: "declined to say when ...", "refused to comment on ...".
_WITHHOLD = frozenset({"decline", "refuse"})


def _withheld(verb: Token) -> bool:
    """``verb`` is a verb of saying that its subject declined or refused to do: it says
    nothing, and what it governs was not said."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in _WITHHOLD
        and verb.lemma_.lower() in _SAY_NOTHING
    )


# What is yet to be done: "is expected to report", "is due to announce".
_DUE = frozenset({"expect", "schedule", "due", "set", "likely", "poise", "slate"})


# What one declines to do and so says nothing of what follows: not "refused to testify",
# "declined to discuss the appointees" or "declined to comment on the letter", which report
# what was refused (PolNeAR marks those as attributions).
_SAY_NOTHING = frozenset({"say", "elaborate", "speculate", "specify", "tell"})


def _quoting_verb(tok: Token, people: _People) -> bool:
    """Any verb whose object holds a quote and whose subject is a person or an
    organisation: 'Trump admires Putin as a "strong leader"', 'he blasted the media for
    being "unbelievably dishonest"'. The quoted words are taken as the subject's."""
    if tok.pos_ != "VERB":
        return False
    # Its objects' words lie within its own words: no quote there, no need to look further
    quoted = people.quoted_order
    if bisect_left(quoted, tok.left_edge.i) == bisect_right(quoted, tok.right_edge.i):
        return False
    if tok.lemma_.lower() in BELIEF_VERBS or _negated(tok, people.quoted):
        return False
    if any(_is_cue(a) for a in tok.ancestors):
        return False  # 'Trump told Newsmax that Romney "had a crazy policy"': Trump speaks
    holds = any(
        t.i in people.quoted for c in tok.children if c.dep_ in _OBJECT_DEPS for t in c.subtree
    )
    if not holds:
        return False
    head = _speaker_head(tok, people)
    if head is None:
        return False
    # A common noun the entity recogniser took for a name ("Teams will begin inspecting
    # homes in the "red zone"", 'Teams' as an organisation) does not make a deed speech.
    return (
        head.lower_ in ("he", "she", "they", "we", "i")
        or head.pos_ == "PROPN"
        or (head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and head.pos_ != "NOUN")
    )


def _speaker_head(verb: Token, people: _People) -> Token | None:
    """Who does the speaking of ``verb``: its subject (shared through "and said",
    "saying", "is heard saying"), the agent of a passive ("was written by X"), the noun a
    participle describes ("footage of Clinton asking"), the antecedent of "who said"; when
    the parse gives a subject inside a quote, the noun next to the verb."""
    # 'Brenner, who has led the mill and is expected to retire': a passive whose subject
    # is that of a verb before it is as passive
    passive = any(c.dep_ == "nsubjpass" for c in verb.children) or (
        any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    )
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        return None  # "the ceasefire had not been agreed": nobody speaks
    if _asked_of_subject(verb):
        return None  # 'did not respond when asked about the ban': he was asked, not asking
    head = _syntactic_speaker(verb, offstage=people.offstage)
    if head is None and _imperative(verb):
        return None  # "Expect the senator to have a new plan": the writer's, not hers
    if head is None or head.i in people.quoted or head.i in people.offstage:
        head = _adjacent_noun(verb, people)
    if head is not None and (head.lower_ in _TEMPORAL or head.like_num):
        return None  # "Saturday at the convention Sen. Warren said": a misparse
    if (
        head is not None
        and head.lower_ == "it"
        and verb.dep_ == "xcomp"
        and verb.head.lemma_ == "be"
        and head.head.i == verb.head.i
    ):
        return None  # 'it was his "duty" to report his concerns': no one reports
    return head


def _imperative(verb: Token) -> bool:
    """``verb`` is a bare verb opening its sentence with no subject and no auxiliary
    ("Expect the senator to ...", "But expect ..."): the writer telling the reader."""
    sent = verb.sent
    before = [t for t in sent if t.i < verb.i and not (t.is_punct or t.is_space)]
    return (
        verb.tag_ == "VB"
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in (*_SUBJECT_DEPS, "aux", "auxpass") for c in verb.children)
        and all(t.pos_ in ("CCONJ", "ADV") for t in before)
    )


# Verbs of asking whose bare participle tells what the subject was asked: "when asked
# about the ban", "asked whether he would run", "pressed on the vote".
_ASKED = frozenset({"ask", "press", "question", "quiz"})


def _asked_of_subject(verb: Token) -> bool:
    """``verb`` is a participle of asking with no subject, auxiliary or agent of its own,
    hung on another verb ("Varga did not respond when asked about the ban", "Asked about
    the vote, Varga said ..."): the subject of that verb is the one asked, so no one in the
    sentence is the asker."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in _ASKED
        and verb.dep_ in ("advcl", "acl", "xcomp", "conj")
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in verb.children
        )
    )


def _syntactic_speaker(
    verb: Token, depth: int = 0, offstage: set[int] | frozenset[int] = frozenset()
) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and _WORD.search(c.text)]
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and any(c.dep_ == "nsubjpass" for c in subjects):
        subjects = [c for c in agent.children if c.dep_ == "pobj"]  # "was written by X"
    # 'Millbank, which engineers are calling the "red zone"': the parse may give the
    # relative pronoun and the real subject both as subjects; the real one speaks. So may
    # a wire dateline and the subject ('BUFFALO - ... coach Brenner expressed ...')
    subjects.sort(key=lambda c: (c.i in offstage, c.lower_ in _RELATIVE))
    if len(subjects) > 1 and _clause_as_subject(verb) is not None:
        subjects = [subjects[-1]]  # 'The talks stalled, the source said': the source
    if len(subjects) == 2 and _title_before_name(*subjects):
        subjects.reverse()  # 'said study co-author Ada Vell', "co" and "Vell" both subjects
    head = subjects[0] if subjects else None
    if head is not None:
        head = _named_after_title(verb, head) or head
    if head is not None and head.i in offstage:
        # 'BUFFALO, N.Y. - ..., coach Ines Calloway expressed ...' parsed with the person in
        # apposition to the dateline
        head = next((c for c in head.children if c.dep_ == "appos" and c.i not in offstage), head)
    if head is not None and head.lower_ in _RELATIVE and verb.dep_ == "relcl":
        head = verb.head
    if head is None and verb.dep_ == "acl" and verb.head.pos_ == "PROPN":
        head = verb.head  # "footage of Hillary Clinton asking, ..."
    if head is None and verb.dep_ == "acl" and verb.head.lemma_.lower() in _EVENT_NOUNS:
        # 'she said at a news conference announcing that ...': she announced
        event = verb.head
        if event.dep_ == "pobj" and event.head.dep_ == "prep" and depth < 3:
            return _syntactic_speaker(event.head.head, depth + 1, offstage)
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        head is None
        and verb.tag_ == "VBG"
        and before is not None
        and before.pos_ == "PROPN"
        and before.dep_ == "pobj"
        and before.head.lower_ == "of"
    ):
        head = before  # the same, misparsed: "saying" tied to the verb of the sentence
    if head is None and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        head = verb.head
    if head is None and depth < 3 and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp"):
        up = verb.head
        if verb.dep_ == "pcomp" and up.dep_ == "prep":  # "distanced himself by saying"
            up = up.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and _is_cue(verb):
            # 'He said the mill would reopen, adding that ...': the parse ties "adding" to
            # what he said; he added it, not the mill
            outer = up
            while outer.dep_ in ("ccomp", "conj") and outer.head.i != outer.i:
                outer = outer.head
                # also a verb that reports what it is about: 'Brenner disputed that Tomas
                # was estranged, saying instead he was shy': Brenner says so, not Tomas
                if _is_cue(outer) or (outer.pos_ == "VERB" and outer.lemma_.lower() in _REPORTING):
                    up = outer
                    break
        if verb.dep_ == "conj" and up.dep_ == "ccomp" and _is_cue(verb) and _is_cue(up.head):
            # 'He said the water had levelled off but warned that it could rise': the parse
            # ties "warned" into what he said; he warned, not the water
            up = up.head
        if up.i != verb.i:
            return _syntactic_speaker(up, depth + 1, offstage)
    return head


def _named_after_title(verb: Token, head: Token) -> Token | None:
    """The person named right before ``verb`` after a title, when the parse made a word
    before the title the subject: 'Openleaks editor-in-chief Kristof Hallsson said' (the
    outlet as subject, the name inside it or a second subject): Hallsson."""
    doc = verb.doc
    last = doc[verb.i - 1]
    if last.ent_type_ != "PERSON" or head.i >= last.i:
        return None
    start = last.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    between = doc[head.i + 1 : start]
    if head.i >= start or not len(between):
        return None
    if any(t.text == "," or t.pos_ in ("CCONJ", "VERB", "AUX", "PRON") for t in between):
        return None
    if not any(t.pos_ == "NOUN" and t.lemma_.lower() in _PERSON_NOUNS for t in between):
        return None
    return last


def _in_words_of(span: Span) -> Token | None:
    """Whose words a phrase before a colon says follow: the farmer of 'Here is how bad
    things got, in the words of the farmer:', "her" of 'In her own words:'."""
    for tok in span:
        if tok.lemma_.lower() != "word" or tok.dep_ != "pobj" or tok.head.lower_ != "in":
            continue
        for c in tok.children:
            if c.dep_ == "poss":
                return c
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _title_before_name(first: Token, second: Token) -> bool:
    """``first`` is a word of a title the parse split from the person named right after
    it, ``second``: "co" and "Vell" of 'said study co-author Ada Vell'."""
    if first.ent_type_ == "PERSON" or second.ent_type_ != "PERSON" or first.i >= second.i:
        return False
    doc = first.doc
    start = second.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    between = doc[first.i + 1 : start]
    return first.pos_ == "NOUN" and not any(
        t.text == "," or t.pos_ in ("CCONJ", "VERB", "AUX", "PRON", "ADP") for t in between
    )


def _clause_as_subject(verb: Token) -> Token | None:
    """The clause a verb of saying reports, parsed as a first subject with its verb as a
    participle: 'The talks stalled over the border, the source said' ("stalled" taken for
    "the talks [that were] stalled"); ``None`` for any other parse."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 2:
        return None
    first, last = subjects
    doc = verb.doc
    comma = first.right_edge.i + 1
    if not (comma < last.left_edge.i and doc[comma].text == "," and last.right_edge.i < verb.i):
        return None
    if not any(c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") for c in first.children):
        return None
    return first


class _Either:
    """``i in _Either(a, b)``: ``i`` is in set ``a`` or in set ``b`` (without a union made
    per call, which grows with the article)."""

    def __init__(self, a: set[int], b: set[int]) -> None:
        self.a, self.b = a, b

    def __contains__(self, i: object) -> bool:
        return i in self.a or i in self.b


def _speaker_after(verb: Token, skip: _Either) -> Token | None:
    """The speaker named right after a verb set off by a comma: in an aside, a name,
    wherever the aside ends ('This system, says Karl Brenner, an engineer at ..., helps
    ...': the noun before the verb is what he speaks of); in a tag written verb first at
    the end of its sentence, a person named or a noun of a person ('..., said another
    witness, Ada Vell.', '..., said the minister.'). ``None`` for any other shape ('...,
    Lindenhall, said the plan would fail': "the plan" is what was said)."""
    doc = verb.doc
    j = verb.i + 1
    if verb.i == 0 or doc[verb.i - 1].text != "," or j >= len(doc) or j in skip:
        return None
    first = tok = doc[j]
    if tok.pos_ == "DET" and tok.head.i > tok.i:
        tok = tok.head
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    if verb.dep_ == "parataxis" and first.pos_ == "PROPN":
        return tok  # an aside
    person = tok.ent_type_ == "PERSON" or tok.lemma_.lower() in _PERSON_NOUNS
    if not person or tok.pos_ not in ("NOUN", "PROPN") or tok.i in skip:
        return None
    end = tok.right_edge.i + 1
    if end < len(doc) and doc[end].text not in (".", "!", "?") and not doc[end].is_sent_start:
        return None
    return tok


def _adjacent_noun(verb: Token, people: _People) -> Token | None:
    """When the parse tied a verb to the wrong subject, the noun right before it outside
    quotes ('..., Flynn, a top Trump surrogate, said'), else right after ('said Hester',
    'said the 46-year-old')."""
    doc = verb.doc
    skip = _Either(people.quoted, people.offstage)
    after = _speaker_after(verb, skip)
    if after is not None:
        return after
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and i not in skip:
        i -= 1
    while i >= 0 and doc[i].is_punct and doc[i].text in ",":
        i -= 1
    if i >= 0 and i not in skip and doc[i].pos_ in ("NOUN", "PROPN", "PRON"):
        tok = doc[i]
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
            tok = tok.head
        while tok.dep_ == "appos" and tok.head.i < tok.i and tok.head.i not in skip:
            tok = tok.head
        return tok
    j = verb.i + 1
    if j < len(doc) and j not in skip and doc[j].pos_ in ("PROPN", "DET"):
        tok = doc[j]
        if tok.pos_ == "DET":
            tok = tok.head if tok.head.i > tok.i and tok.head.i - tok.i < 6 else tok
            if tok.pos_ not in ("NOUN", "PROPN"):
                return None
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
            tok = tok.head
        return tok
    return None


# Prepositions of how or where one spoke, no part of who spoke.
_CIRCUMSTANCE = frozenset({"in", "on", "at", "during", "via", "through", "after", "before"})


def _mention_tokens(head: Token, people: _People) -> list[Token]:
    """The speaker noun phrase: the head's subtree, cut at a relative clause, at a quote
    mark and at an unclosed bracket ("Kerry, who ..." -> "Kerry")."""
    if head.pos_ == "PRON":
        if head.lower_ in _INDEFINITE_SOURCES and any(
            c.dep_ in ("prep", "relcl", "acl", "amod") and c.i > head.i for c in head.children
        ):
            # "Those in favour of a ban said ...": who they are, not "Those"
            return [t for t in head.subtree if not t.is_space]
        return [head]
    right = head.i
    for child in head.rights:
        if child.dep_ in ("relcl", "advcl"):
            break
        comma = head.doc[child.left_edge.i - 1].text == ","
        if child.dep_ == "acl" and child.tag_ == "VBG" and comma:
            break  # 'The mayor, describing the flood as the worst in a century, said'
        if (
            child.dep_ == "prep"
            and child.lower_ in _CIRCUMSTANCE
            and head.i in people.at  # a person, not "Commission on Presidential Debates"
        ):
            break  # '..., said chief executive Karl Brenner in a memo to staff
        if child.dep_ != "punct":
            right = max(right, child.right_edge.i)
    doc = head.doc
    left = head.left_edge.i
    if right - left >= 14:  # a runaway subtree from a bad parse: the head and its name
        left = min([t.i for t in head.lefts if t.dep_ in ("compound", "flat", "det")] + [head.i])
        right = head.i
    quoted, offstage = people.quoted, people.offstage
    left = max([left] + [i + 1 for i in range(left, head.i) if i in quoted or i in offstage])
    right = min(
        [right] + [i - 1 for i in range(head.i + 1, right + 1) if i in quoted or i in offstage]
    )
    toks = list(doc[left : right + 1])
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    texts = [t.text for t in toks]
    if "(" in texts and ")" not in texts[texts.index("(") :]:
        toks = toks[: texts.index("(")]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
    return toks or [head]


def _resolve(head: Token, people: _People, verb: Token | None = None) -> str | None:
    """The name a speaker's head token stands for, or ``None`` (anonymous, unknown, or no
    speaker at all)."""
    found = _speaker(head, people, verb)
    return found[1] if found is not None else None


def _described(head: Token, people: _People) -> str:
    """A described source as a reader would name it: its words without "a" or "the"
    ("police officials", "group of researchers")."""
    toks = _mention_tokens(head, people)
    while len(toks) > 1 and toks[0].lower_ in ("a", "an", "the", "this", "that", "these"):
        toks = toks[1:]
    return _name_text(toks)


def _speaker(
    head: Token, people: _People, verb: Token | None = None, depth: int = 0
) -> tuple[list[Token], str | None] | None:
    """The speaker's words and the name they stand for (``None`` for an anonymous or
    unresolved one), or ``None`` when ``head`` cannot speak ("the blockade", "it" with no
    organisation before it). ``verb`` is the cue, whose listeners a "he" or "she" is
    not."""
    kind = speaker_kind(head, people)
    if kind is None:
        # the parse made a word inside the speaker's description the subject: "Roy Cooper,
        # McCrory's opponent in the election, called ..." -- up to the person described
        for up in list(head.ancestors)[:4]:
            if up.pos_ in ("VERB", "AUX") or up.dep_ == "ROOT":
                break
            if up.pos_ in ("NOUN", "PROPN") and speaker_kind(up, people) not in (None, "document"):
                head, kind = up, speaker_kind(up, people)
                break
        if kind is None:
            return None
    if kind == "name" and head.text.islower() and head.lemma_.lower() in _GROUP_NOUNS:
        kind = "described"  # "Ostland's foreign ministry", "ministry" tagged a proper noun
    if kind == "described" and head.dep_ == "appos" and head.head.pos_ == "PROPN":
        head = head.head  # "Roy Cooper, McCrory's opponent"
    toks = _mention_tokens(head, people)
    lower = head.lower_
    if kind == "person":
        gender = _PRONOUN_GENDER_ALL[lower]
        heard = listeners(verb, people)
        key = None
        if verb is not None and verb.lemma_.lower() in _CARRY_ON:
            key = people.last_speaker(head.i, gender, heard)  # '..., he added'
        if key is None:
            key = people.for_pronoun(head.i, gender, heard, speaks=verb is not None)
        return toks, people.name(key) if key is not None else None
    if kind == "aged":  # 'Brenner was sacked in May. The 56-year-old said ...': as "he"
        key = people.for_pronoun(head.i, None, listeners(verb, people), speaks=verb is not None)
        return toks, people.name(key) if key is not None else None
    if kind == "first":
        return toks, None
    if kind == "it":
        # not where "it" is a thing: "It promises to be a busy year" is no one's
        says = verb is None or verb.lemma_.lower() not in _IT_DOES
        found = antecedent_of_it(head, people) if says else None
        if found is None or depth > 1:
            return None
        resolved = _speaker(found, people, None, depth + 1)
        name = resolved[1] if resolved is not None else None
        return (toks, name or _described(found, people)) if resolved else None
    if kind == "they":
        found = antecedent_of_they(head, people)
        if found is None or depth > 1:
            return toks, None
        resolved = _speaker(found, people, None, depth + 1)
        name = resolved[1] if resolved is not None else None
        return toks, name or _described(found, people)
    if kind == "document":  # the body that issued it; else the document, described
        body = issuer(head, people) if depth <= 1 else None
        resolved = _speaker(body, people, None, depth + 1) if body is not None else None
        if body is None or resolved is None:
            return toks, None
        if head.left_edge.i <= body.i <= head.right_edge.i:  # "a statement from the ministry"
            return resolved
        return toks, resolved[1] or _described(body, people)
    named = people.key_for(head) is not None
    for child in _appositives(head):  # "Kerry's spokeswoman, Jen Psaki"
        if named and _FIRM_ENDS & {t.lower_ for t in name_tokens(child)[-1:]}:
            # 'Rob Goldman, President Northwind America, says': the body of his post,
            # which the recogniser may take for a person, does not speak for him
            continue
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            key = people.key_for(child)
            if key is not None:
                return toks, people.name(key)
            if kind == "described" and head.lemma_.lower() in _GROUP_NOUNS:
                # 'The company that runs the awards, Northwind Productions, denies': the
                # body the description names, not the one named before
                ent = _entity_of(child)
                words = _strip_name(list(ent) if ent is not None else name_tokens(child))
                if len(words) > 1 or (words and child.ent_type_ in ("ORG", "GPE", "NORP")):
                    return toks, _name_text(words)
    if kind == "described":
        key = people.for_description(head)
        if key is None and _the_star(head):
            # 'James Holt was eliminated. "...," said the actor': whom the story is about
            key = people.most_mentioned(head.i, _STAR_GENDER.get(lower), listeners(verb, people))
        if key is not None:
            return toks, people.name(key)
        voiced = _body_of(head, people)
        if voiced is not None:  # "Falcons officials" of "the Atlanta Falcons"
            return toks, voiced
        # "the office release": the noun before a document is as definite as the document
        owner = head.head if head.dep_ == "compound" and head.head.i > head.i else head
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in owner.children)
        if definite and head.tag_ in ("NN", "NNP"):  # "the company", "the ministry"
            return toks, people.for_org(head, head.i)
        return toks, None
    key = people.key_for(head)
    if key is not None:
        return toks, _joint_name(head, key, people)
    ent = _entity_of(head)
    if ent is not None and ent.label_ in ("ORG", "NORP", "GPE", "PERSON"):
        words = untraded(untitled(_strip_name(_between_commas(list(ent), head))))
        full = None
        if len(words) == 1:  # "DHC" after "Dorran Harbour Company (DHC)"
            full = people.org_for_acronym(words[0].text, head.i)
        if full is None:  # "Dorran Harbour said", taken for a person: the company
            full = people.org_name([t.lower_ for t in words], head.i)
        return toks, full or _name_text(words) or None
    run = _between_commas(name_tokens(head), head)
    # "harbour master Ines Calloway": the name, not the lower-case title before it
    while len(run) > 1 and not all(t.pos_ in ("PROPN", "NUM") or t.is_title for t in run):
        run = run[1:]
    words = untraded(_strip_name(run))
    full = people.org_for_acronym(words[0].text, head.i) if len(words) == 1 else None
    full = full or people.org_name([t.lower_ for t in words], head.i)
    return toks, full or _name_text(words) or None


# Who a story of film, music or sport is about, named by trade: "the actor", "the singer",
# "the quarterback". Not a source brought in to speak ("the official", "the spokesman").
_STARS = _set(
    """actor actress singer rapper musician star comedian celebrity player quarterback
    athlete"""
)
_STAR_GENDER = {"actress": "f"}


def _the_star(head: Token) -> bool:
    """``head`` is "the actor" (no other word but "the"): a trade of fame, singular."""
    return (
        head.tag_ == "NN"
        and head.lower_ in _STARS
        and [c.lower_ for c in head.children if c.dep_ != "punct"] == ["the"]
    )


def _felt_hard(verb: Token) -> bool:
    """A verb of talking about a topic that tells what was hard or easy to do ('found it
    difficult to talk about the flood', 'it is hard to speak about'): how it felt, no
    one's words; its subject in the parse is the "it" of the adjective. (Not a verb that
    names what was said: PolNeAR marks 'found it difficult to repeat his attacks'.)"""
    adj = verb.head
    return (
        verb.lemma_.lower() in _TALK
        and verb.dep_ in ("advcl", "xcomp")
        and adj.pos_ == "ADJ"
        and any(c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in adj.children)
    )


def _it_is_safe_to(verb: Token) -> bool:
    """'it's safe to assume that ...', 'it is fair to say ...': an "it" that stands for the
    infinitive, so no one's words; the writer's judgement (the parse hangs the infinitive
    on the copula or on the adjective)."""
    if verb.dep_ != "xcomp" or not any(c.lower_ == "to" for c in verb.children):
        return False
    up = verb.head
    if up.pos_ == "ADJ":
        up = up.head if up.dep_ == "acomp" else up
    return (
        (up.lemma_ == "be" or up.lower_ in ("'s", "\u2019s"))
        and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in up.children)
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in up.children)
    )


def _joint_name(head: Token, key: int, people: _People) -> str:
    """The name of the person ``head`` names, and of every other person joined to it by
    "and" ("Dale Brenner and Martha Varga disputed ..."): they speak together, not the
    first alone."""
    names = [people.name(key)]
    if not head.dep_.startswith("nsubj"):
        return names[0]  # '..., Ilse Varga and Karl Brenner, who joked': the last one's
    for conj in head.conjuncts:
        other = people.key_for(conj) if conj.pos_ == "PROPN" else None
        if other is not None:
            name = people.name(other)
        else:
            # a person the recogniser took for something else ("Ilse Varga" an
            # organisation): two or three capitalised words opening with a first name
            ent = _entity_of(conj)
            words = _strip_name(list(ent)) if ent is not None else []
            if not (
                2 <= len(words) <= 3
                and all(t.pos_ == "PROPN" and t.is_title for t in words)
                and first_name_gender(words[0].lower_) is not None
            ):
                return names[0]  # "Brenner and the union said": not two people named
            name = _name_text(words)
        if name not in names:
            names.append(name)
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def _appositives(head: Token) -> list[Token]:
    """The head's children, and the name that closes a relative clause of its own, which the
    parse hangs on the clause's last noun: 'The group that owns her music, Northwind Media,
    says' names the group, not the music."""
    out = list(head.children)
    # 'The CEO of Northwind, Karl Brenner, said': the parse hangs the name on the body
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and head.pos_ == "NOUN":
            for body in (o for o in prep.children if o.dep_ == "pobj"):
                out += [c for c in body.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    for clause in head.children:
        if clause.dep_ != "relcl" or clause.i < head.i:
            continue
        last = clause.right_edge
        if last.dep_ != "appos" and last.head.dep_ == "appos":
            last = last.head
        if (
            last.dep_ == "appos"
            and last.pos_ == "PROPN"
            and last.head.i != head.i
            and last.left_edge.i > 0
            and head.doc[last.left_edge.i - 1].text == ","
        ):
            out.append(last)
    return out


# Who speaks for a body, not as a person of their own ("Falcons officials", "a Harlow Bank
# spokeswoman"; not "the GOP nominee" or "a former DNC chairman").
_BODY_VOICES = frozenset(
    {"official", "spokesman", "spokeswoman", "spokesperson", "spokesmen", "representative"}
)


def _body_of(head: Token, people: _People) -> str | None:
    """The organisation a description of who speaks for it names ("Falcons officials", "a
    Harlow Bank spokeswoman"): the proper nouns right before the head, in full as the
    article named the body before ("the Atlanta Falcons"); ``None`` for a person's name
    ("Trump officials") or a name the article gives no body."""
    run: list[Token] = []
    for t in reversed(list(head.lefts)):
        named = t.pos_ == "PROPN" or (t.ent_type_ == "ORG" and t.is_title)  # "Hawks", a noun
        if t.i != head.i - 1 - len(run) or not named or t.dep_ not in ("compound", "nmod"):
            break
        run.insert(0, t)
    words = _strip_name(run)
    if head.lemma_.lower() not in _BODY_VOICES or not words:
        return None
    if any(people.key_for(t) is not None for t in words):
        return None
    return people.org_name([t.lower_ for t in words], words[0].i)


def _acronym(tok: Token, people: _People) -> bool:
    """``tok`` is the initials of an organisation named before ("WHO" of "World Health
    Organization"), whatever the tagger took it for."""
    return tok.is_upper and people.org_for_acronym(tok.text, tok.i) is not None


def _between_commas(tokens: list[Token], head: Token) -> list[Token]:
    """The part of a name run holding ``head`` between commas: a name never spans ", "
    ("Dorran Radio, Harbour Media" is two names), nor a bracket ("World Health Organization
    (WHO")."""
    left = [t.i for t in tokens if t.text in _NAME_BREAKS and t.i < head.i]
    right = [t.i for t in tokens if t.text in _NAME_BREAKS and t.i > head.i]
    lo, hi = max(left, default=-1), min(right, default=len(head.doc))
    return [t for t in tokens if lo < t.i < hi] or [head]


def _attribution(verb: Token, people: _People) -> _Attribution | None:
    """The speaker and cue of a speech verb (or "according" of "according to X")."""
    doc = verb.doc
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if to is None or obj is None:
            return None
        cue_end = to.idx + len(to.text)
        head = obj
        cue = doc[verb.i : to.i + 1].text
        cue_start = verb.idx
    else:
        if _negated(verb, people.quoted) or _felt_hard(verb) or _it_is_safe_to(verb):
            return None
        subject = _speaker_head(verb, people)
        if subject is None and _asked_of_subject(verb):
            # 'when asked about the ban': what was asked, by no one the sentence names
            return _Attribution(None, None, verb.text, verb.idx, verb.idx + len(verb), verb)
        if subject is None or subject.lower_ == "there":
            return None
        if subject.lower_ in _RELATIVE and not _acronym(subject, people):
            return None
        head, cue, cue_start, cue_end = subject, verb.text, verb.idx, verb.idx + len(verb)
    found = _speaker(head, people, None if verb.lower_ == "according" else verb)
    if found is None:  # "the blockade said": a cue, but no one who can speak
        return _Attribution(None, None, cue, cue_start, cue_end, verb)
    toks, name = found
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return _Attribution(
        Speaker(doc[toks[0].i : toks[-1].i + 1].text, people.cite(start, end)),
        name,
        cue,
        cue_start,
        cue_end,
        verb,
    )
