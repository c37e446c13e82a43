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
preceding person the text gives that role; an indefinite one ("a senior US official
travelling with Kerry", "sources") stays anonymous (``speaker_name`` is ``None``).

>>> from storydesk.nlp import load_pipeline
>>> text = '"We are hopeful," John Kerry said. "It is achievable."'
>>> [(q.text, q.speaker_name) for q in extract_quotes(text, load_pipeline()(text))]
[('We are hopeful,', 'John Kerry'), ('It is achievable.', 'John Kerry')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .clean import DATELINE
from .doctext import doc_text

VERSION = "quotes-2"


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


SPEECH_VERBS = _set(
    """say tell add warn insist claim note argue announce state explain acknowledge admit deny
    suggest report write tweet post reply respond answer confirm predict promise vow urge
    ask declare assert stress emphasize emphasise caution concede complain recall reveal
    testify allege contend maintain remark observe mention comment call demand express
    reiterate repeat conclude quip joke shout yell scream chant sing recount boast brag
    pledge threaten agree counter retort reason estimate blast slam criticize criticise
    condemn accuse charge wonder proclaim disclose inform advise lament tout decry describe
    plead whisper cry exclaim muse opine"""
)
# Verbs of belief and knowledge: reported content ("Trump believes the polls are rigged"),
# but no cue for a direct quote.
BELIEF_VERBS = _set(
    """think believe feel hope fear expect know worry doubt consider realize understand"""
)

# Verbs whose complement clause is reported content though they are no cue for a direct
# quote: evidence and findings ("the poll shows that ...", "the inquiry found ...").
EVIDENCE_VERBS = _set(
    """show find indicate discover prove demonstrate signal imply question recognize
    assume conclude determine learn wish acknowledge hint suggest"""
)
# Verbs of intention and of urging: what they intend is reported content ("Trump vowed to
# cut taxes", "she urged Congress to act"). Not "push" or "press", as often deeds as words
# ("troops pushed on to the city").
INTENT_VERBS = _set(
    """want plan decide vow promise pledge refuse agree decline hope seek threaten propose
    intend aim urge encourage ask implore persuade convince demand expect tell advise warn
    call"""
)
# Speech acts whose direct object is what was said or what it is about ("Clinton cited
# the report", "he questioned the integrity of the vote", "accused her of lying"). Verbs
# that are as often deeds as words (attack, defend, challenge, knock, link) are left out:
# "Israel attacked targets in Gaza" is not speech.
TOPIC_VERBS = _set(
    """cite mention question discuss criticize criticise propose endorse reject oppose
    praise accuse describe announce reference detail outline dispute deny reveal disclose
    blast slam condemn decry tout welcome applaud blame acknowledge admit concede report
    express voice echo repeat reiterate highlight stress emphasize emphasise recommend
    predict promise pledge vow demand request mock ridicule denounce lament tweet note"""
)
_TOPIC_PREPS = _set("as of for to")
# Speech acts that take what they are about through a preposition ("spoke about the
# economy", "called for a ban", "commented on the ruling").
_TALK_ABOUT = _set(
    """speak talk complain warn testify write tweet joke boast brag lie rail lash worry
    speculate rant vent caution muse remark insist protest"""
)
_TALK_FOR = _set("call advocate argue push press campaign plead lobby ask appeal")
_TALK_ON = _set("comment elaborate weigh harp dwell reflect")
_TALK: dict[str, frozenset[str]] = {
    **{v: _set("about against regarding") for v in _TALK_ABOUT},
    **{v: _set("about against regarding for") for v in _TALK_FOR},
    **{v: _set("about on") for v in _TALK_ON},
}
_REPORTING = BELIEF_VERBS | EVIDENCE_VERBS | INTENT_VERBS | TOPIC_VERBS | frozenset(_TALK)

# Verbs that report speech in a parenthetical after it ("..., officials said").
_SAY = _set("""say tell add note report write tweet explain warn insist claim""")
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_PRONOUN_GENDER_ALL = _PRONOUN_GENDER | {"his": "m", "himself": "m", "hers": "f", "herself": "f"}
_FEMALE = _set(
    """mrs mrs. ms ms. miss spokeswoman chairwoman congresswoman businesswoman woman wife
    mother daughter sister actress queen lady grandmother"""
)
_MALE = _set(
    """mr mr. spokesman chairman congressman businessman man husband father son brother king
    grandfather"""
)
_HONORIFICS = _set("""mr mr. mrs mrs. ms ms. miss dr dr. sen sen. rep rep. gov gov.""")
# A definite description names a role: its head may be written differently from the title
# the article gave the person ("the UN chief" for "UN Secretary-General Ban Ki-moon").
_ROLE_SYNONYMS = {
    "chief": {"secretary-general", "general", "head", "leader", "director", "chief"},
    "diplomat": {"secretary", "minister", "ambassador", "envoy", "diplomat"},
    "premier": {"prime", "premier"},
    "spokeswoman": {"spokeswoman", "spokesperson", "spokesman"},
    "spokesman": {"spokesman", "spokesperson", "spokeswoman"},
    "spokesperson": {"spokesman", "spokesperson", "spokeswoman"},
}
_RELATIVE = _set("which that who whom")
_TEMPORAL = _set(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    tonight morning afternoon evening night week weekend month year"""
)
_DEFINITE = _set("the this that these those")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = _set("dobj xcomp oprd prep attr acomp dative advcl ccomp")
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nn"})

_DOUBLE = {"“": "open", "„": "open", "«": "open", "``": "open", "”": "close", "»": "close"}
_DOUBLE["''"] = "close"
_MARK = re.compile(r"``|''|[\"“”„«»]|[‘’'`]")
_OPEN_LEFT = set(" \t\n([{—–-/")
_CLOSE_RIGHT = set(" \t\n.,;:!?)]}—–-…")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+")
# A speaker's turn in a transcript: "PENCE: Well, look, ..."
_TURN = re.compile(r"([A-Z][A-Z.'\- ]{1,30}[A-Z]):\s")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker mention as written: ``text == article_text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote (the words between quote marks) or reported speech (the clause).

    ``text == article_text[start:end]``. ``speaker`` is the mention the cue points to
    ("he", "the official", "Kerry"), ``speaker_name`` the person or organisation it
    resolves to ("John Kerry"), ``None`` for an anonymous source or when unresolved.
    ``cue`` is the cue as written ("said", "according to", ":"), ``None`` for a quote
    that continues the previous one or has none.
    """

    text: str
    start: int
    end: int
    direct: bool
    speaker: Speaker | None
    speaker_name: str | None
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(frozen=True, slots=True)
class _Segment:
    """Quoted characters ``[start, end)``, marks excluded."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just past the closing mark (== end when unclosed)


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: Speaker | None
    name: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    cue_token: Token | None = None
    speech: bool = True  # a verb of saying, not any verb that governs a quote


def extract_quotes(text: str, doc: Doc) -> tuple[Quote, ...]:
    """Direct quotes and reported speech in ``text`` (parsed as ``doc``), in text order.

    Raises ``ValueError`` when ``doc`` is not a parse of ``text``.
    """
    if doc_text(doc) != text:
        raise ValueError("doc is not a parse of text (doc.text != text)")
    segments = _segments(text)
    people = _People(doc, segments)
    cues: dict[int, _Attribution] = {}
    for tok in doc:
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
    reported = _reported_speech(text, doc, people, cues) + _colon_claims(text, doc, people)
    quotes = _direct_quotes(text, doc, segments, people, cues) + reported
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end, not q.direct)))


# --- 1. quote marks -------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _double_role(text: str, i: int, mark: str) -> str:
    left = text[i - 1] if i > 0 else "\n"
    j = i + len(mark)
    right = text[j] if j < len(text) else "\n"
    opens = (left in _OPEN_LEFT or left in "“\"‘'«") and right not in " \t\n"
    closes = (right in _CLOSE_RIGHT or right in "”\"’'»") and left not in " \t\n"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return _DOUBLE.get(mark, "either")


def _single_role(text: str, i: int, mark: str) -> str | None:
    left = text[i - 1] if i > 0 else "\n"
    right = text[i + 1] if i + 1 < len(text) else "\n"
    if left.isalnum() and right.isalnum():
        return None  # an apostrophe: Clinton’s, don't
    if mark in "‘`'" and (left in _OPEN_LEFT or left in '“"') and right.isalnum():
        return "open"
    if mark in "’'" and left not in " \t\n" and (right in _CLOSE_RIGHT or right in '”"'):
        return "close"
    return None


def quote_segments(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted text (marks excluded), in order; never raises.

    >>> t = 'He said "yes." \\'Sure\\' and “no”.'
    >>> [t[s:e] for s, e in quote_segments(t)]
    ['yes.', 'Sure', 'no']
    """
    return [(s.start, s.end) for s in _segments(text)]


def _family(mark: str) -> str:
    return {"“": "”", "”": "”", "„": "”", "«": "»", "»": "»", "``": "''", "''": "''"}.get(mark, '"')


def _segments(text: str) -> list[_Segment]:
    """Outermost quotes, paragraph by paragraph; a quote of another glyph family inside
    one ('"... the question: “As you know ...?” Forty-three ..."') is nested in it."""
    paragraphs = _paragraphs(text)
    doubles: list[_Segment] = []
    carried: tuple[int, int] | None = None  # (content start, opening mark) of a quote
    for n, (p_start, p_end) in enumerate(paragraphs):
        marks = [
            (m.start(), m.group())
            for m in _MARK.finditer(text, p_start, p_end)
            if m.group() not in "‘’'`"
        ]
        stack: list[tuple[str, int, int]] = []  # (family, content start, mark offset)
        if carried is not None:
            stack.append(('"', carried[0], carried[1]))
            if marks and not text[p_start : marks[0][0]].strip():
                role = _double_role(text, marks[0][0], marks[0][1])
                if role != "close":  # the opening mark of a continued paragraph
                    stack = [(_family(marks[0][1]), carried[0], carried[1])]
                    marks = marks[1:]
        carried = None
        for i, mark in marks:
            role, family = _double_role(text, i, mark), _family(mark)
            if not stack:
                if role != "close":
                    stack.append((family, i + len(mark), i))
                continue
            top = stack[-1][0]
            if family != top and role != "close":
                stack.append((family, i + len(mark), i))  # a quote within the quote
                continue
            if family == top and role == "open" and family != '"':
                stack[-1] = (family, i + len(mark), i)  # the earlier mark was never closed
                continue
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == family), None)
            if depth is None:
                if len(stack) == 1 and role != "open":  # '"...”': mixed glyphs close it
                    depth = 0
                else:
                    continue
            if depth == 0:
                doubles.append(_Segment(stack[0][1], i, stack[0][2], i + len(mark)))
            del stack[depth:]
        if stack:
            outer = stack[0]
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            first = _MARK.match(text, nxt) if nxt is not None else None
            if (
                nxt is not None
                and first
                and first.group() not in "‘’'`"
                and _double_role(text, nxt, first.group()) != "close"
                and not _TURN.match(text, first.end())  # a new turn of a transcript
            ):
                carried = (outer[1], outer[2])
            else:
                doubles.append(_Segment(outer[1], p_end, outer[2], p_end))
    singles = _single_segments(text, paragraphs, doubles)
    out = [_trim(text, s) for s in sorted(doubles + singles, key=lambda s: s.start)]
    return [s for s in out if s.end > s.start]


def _single_segments(
    text: str, paragraphs: Sequence[tuple[int, int]], doubles: Sequence[_Segment]
) -> list[_Segment]:
    """Single-quoted spans outside double quotes (inside them they are nested quotes)."""

    def inside(i: int) -> bool:
        return any(d.open_mark <= i < d.close_mark for d in doubles)

    out = []
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        for m in _MARK.finditer(text, p_start, p_end):
            i, mark = m.start(), m.group()
            if mark not in "‘’'`" or inside(i):
                continue
            role = _single_role(text, i, mark)
            if role == "open" and open_at is None:
                open_at = i
            elif role == "close" and open_at is not None:
                out.append(_Segment(open_at + 1, i, open_at, i + 1))
                open_at = None
    return out


def _trim(text: str, s: _Segment) -> _Segment:
    start, end = s.start, s.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Segment(start, end, s.open_mark, s.close_mark)


# --- people: names, roles, genders ----------------------------------------------------


def _strip_name(tokens: Sequence[Token]) -> list[Token]:
    """A name's tokens without honorifics, possessive endings and punctuation at the ends."""
    toks = [t for t in tokens if t.lower_ not in ("'s", "’s", "'", "’")]
    while toks and (toks[0].lower_ in _HONORIFICS or toks[0].is_punct or toks[0].lower_ == "the"):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks


def _name_text(tokens: Sequence[Token]) -> str:
    if not tokens:
        return ""
    # A token slice, not Doc.text, which joins the whole article anew on every call.
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


@dataclass(slots=True)
class _Person:
    first: str
    last: str
    names: list[list[Token]]
    positions: list[int]
    roles: set[str]
    gender: str | None = None


_PARTICLES = _set("bin al de del der van von la le da di du st. st")


def _clean_name(tokens: Sequence[Token]) -> bool:
    """A name as a person's name is written: capitalised words ("Ki-moon" counts),
    initials, particles; no verb ("Obama Says" from a headline)."""

    def fine(t: Token) -> bool:
        after_hyphen = t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_
        return t.text[:1].isupper() or t.lower_ in _PARTICLES or t.text in "-." or after_hyphen

    return all(fine(t) for t in tokens) and not any(t.pos_ in ("VERB", "AUX") for t in tokens)


class _People:
    """The people an article names, with their names, roles and genders.

    Two full names are one person when their first and last words agree ("Donald J.
    Trump", "Donald Trump"); a one-word mention ("Kerry", "Ban") is the person with that
    last (else first) word named most recently before it, else first after it.
    """

    def __init__(self, doc: Doc, segments: Sequence[_Segment]):
        self.doc = doc
        self.quoted = _quoted_tokens(doc, segments)
        self.dateline = _dateline_tokens(doc)
        self.persons: list[_Person] = []
        self.at: dict[int, int] = {}  # token index -> person, for every token of a name
        # (token index of the mention's head, person, in subject position), outside quotes
        self.mentions: list[tuple[int, int, bool]] = []
        names = [(e, _strip_name(list(e))) for e in doc.ents if e.label_ == "PERSON"]
        for _, toks in names:
            if len(toks) > 1:
                self._add_full(toks)
        lasts = {p.last for p in self.persons}
        for tok in doc:  # "Ivanka Trump" unrecognised beside a recognised "Donald Trump"
            if tok.i in self.at or tok.pos_ != "PROPN" or tok.lower_ not in lasts:
                continue
            chain = [c for c in tok.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
            if chain and tok.ent_type_ in ("", "PERSON") and chain[-1].i == tok.i - 1:
                toks = _strip_name(list(doc[chain[0].i : tok.i + 1]))
                if len(toks) > 1 and _clean_name(toks):
                    self._add_full(toks)
        for _, toks in names:
            if len(toks) == 1 and toks[0].i not in self.at:
                pid = self._lookup(toks[0].lower_, toks[0].i)
                if pid is None:
                    self.persons.append(_Person(toks[0].lower_, toks[0].lower_, [], [], set()))
                    pid = len(self.persons) - 1
                self.persons[pid].names.append(toks)
                self.persons[pid].positions.append(toks[0].i)
                self.at[toks[0].i] = pid
        for tok in doc:  # proper nouns the entity recogniser missed ("Ban said")
            if (
                tok.i not in self.at
                and tok.pos_ == "PROPN"
                and tok.ent_type_ in ("", "PERSON")
                and tok.dep_ not in ("compound", "flat")
                and tok.text[:1].isupper()
            ):
                pid = self._lookup(tok.lower_, tok.i)
                if pid is not None:
                    self.at[tok.i] = pid
        for ent, toks in names:
            if toks and toks[-1].i in self.at and ent.root.i not in self.quoted:
                self._add_roles(ent, self.at[toks[-1].i])
        for tok in doc:
            if tok.i in self.quoted:
                continue
            pid = self.at.get(tok.i)
            head_of_name = pid is not None and (
                tok.dep_ not in ("compound", "flat") or self.at.get(tok.head.i) != pid
            )
            if head_of_name and pid is not None:
                self.mentions.append((tok.i, pid, _is_subject(tok)))
                self._honorific(tok, pid)
            elif tok.dep_ in _SUBJECT_DEPS and tok.pos_ == "NOUN":
                found = self.for_description(tok)
                if found is not None:
                    self.mentions.append((tok.i, found, True))
        self._genders_from_pronouns()

    def _add_full(self, toks: Sequence[Token]) -> None:
        first, last = toks[0].lower_, toks[-1].lower_
        pid = next(
            (n for n, p in enumerate(self.persons) if p.last == last and p.first == first), None
        )
        if pid is None:
            self.persons.append(_Person(first, last, [], [], set()))
            pid = len(self.persons) - 1
        self.persons[pid].names.append(list(toks))
        self.persons[pid].positions.append(toks[0].i)
        for t in toks:
            self.at[t.i] = pid

    def _lookup(self, word: str, at: int) -> int | None:
        """The person a one-word mention at token ``at`` names."""
        for field in ("last", "first"):
            found = [n for n, p in enumerate(self.persons) if getattr(p, field) == word and p.names]
            if not found:
                continue
            before = [
                (max(i for i in self.persons[n].positions if i < at), n)
                for n in found
                if any(i < at for i in self.persons[n].positions)
            ]
            if before:
                return max(before)[1]
            return min((min(self.persons[n].positions), n) for n in found)[1]
        return None

    def key_for(self, token: Token) -> int | None:
        """The person a proper-noun token belongs to, if the article names them."""
        if token.i in self.at:
            return self.at[token.i]
        if token.pos_ == "PROPN" or token.ent_type_ == "PERSON":
            return self._lookup(token.lower_, token.i)
        return None

    def name(self, pid: int) -> str:
        """The person's longest name as written outside quotes ("John Kerry")."""
        names = self.persons[pid].names
        clean = [n for n in names if _clean_name(n) and n[0].i not in self.quoted]
        best = max(clean or names, key=lambda n: (len(_name_text(n)), -n[0].i))
        return _name_text(best)

    def _honorific(self, tok: Token, pid: int) -> None:
        left = tok
        while left.i > 0 and self.at.get(left.i - 1) == pid:
            left = self.doc[left.i - 1]
        if left.i > 0:
            gender = _gender_word(self.doc[left.i - 1].lower_)
            if gender and self.persons[pid].gender is None:
                self.persons[pid].gender = gender

    def _add_roles(self, ent: Span, pid: int) -> None:
        person = self.persons[pid]
        role = self._role_tokens(ent)
        person.roles.update(t.lower_ for t in role if t.is_alpha)
        for t in role:
            gender = _gender_word(t.lower_)
            if gender and person.gender is None:
                person.gender = gender

    def _genders_from_pronouns(self) -> None:
        """A person's gender from the pronouns of sentences about them alone: where they
        are the only person named (outside quotes), in that sentence and the next one if
        it names nobody."""
        counts: dict[int, dict[str, int]] = {}
        sents = list(self.doc.sents)
        named = [{pid for i, pid, _ in self.mentions if s.start <= i < s.end} for s in sents]
        for n, sent in enumerate(sents):
            if len(named[n]) != 1:
                continue
            pid = next(iter(named[n]))
            scope = list(sent) + (
                list(sents[n + 1]) if n + 1 < len(sents) and not named[n + 1] else []
            )
            for t in scope:
                if t.i not in self.quoted and t.lower_ in _PRONOUN_GENDER_ALL:
                    g = _PRONOUN_GENDER_ALL[t.lower_]
                    counts.setdefault(pid, {"m": 0, "f": 0})[g] += 1
        for pid, c in counts.items():
            person = self.persons[pid]
            if person.gender is None:
                if c["m"] > 2 * c["f"]:
                    person.gender = "m"
                elif c["f"] > 2 * c["m"]:
                    person.gender = "f"

    def _role_tokens(self, ent: Span) -> list[Token]:
        """Words the text ties to a person: "US Secretary of State [John Kerry]", "[Jen
        Psaki], a State Department spokeswoman", "Kerry's spokeswoman, [Jen Psaki]"."""
        head = ent.root
        out = [t for t in self.doc[head.left_edge.i : ent.start] if not t.is_punct]
        for child in head.children:
            if child.dep_ == "appos" and child.i >= ent.end:
                out += [t for t in child.subtree if t.ent_type_ != "PERSON"]
        if head.dep_ == "appos":
            out += [t for t in self.doc[head.head.left_edge.i : head.head.i + 1]]
        return out

    def for_role(self, before: int, words: Sequence[str], modifiers: Sequence[str]) -> int | None:
        """The nearest person before token ``before`` whose roles match a description."""
        for _, pid, _ in reversed([m for m in self.mentions if m[0] < before]):
            roles = self.persons[pid].roles
            if any(w in roles for w in words) and all(m in roles for m in modifiers):
                return pid
        return None

    def for_description(self, head: Token) -> int | None:
        """The person a definite description ("the prime minister", "the UN chief") refers
        to: the nearest preceding one the text gave that role."""
        determiner = next((c.lower_ for c in head.children if c.dep_ in ("det",)), None)
        if determiner not in _DEFINITE or head.tag_ not in ("NN", "NNP"):
            return None
        lower = head.lower_
        words = sorted(_ROLE_SYNONYMS.get(lower, {lower}) | {lower})
        lefts = list(head.lefts)
        if lower in ("minister", "secretary") and any(c.lower_ == "prime" for c in lefts):
            words = ["prime"]
        modifiers = [
            c.lower_
            for c in lefts
            if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" and c.is_alpha
        ]
        return self.for_role(head.i, words, modifiers)

    def for_pronoun(self, before: int, gender: str | None) -> int | None:
        """The person a "he"/"she" at token ``before`` most likely refers to: the latest
        person in subject position, else the latest person, whose known gender fits."""

        def fits(pid: int) -> bool:
            known = self.persons[pid].gender
            return gender is None or known is None or known == gender

        earlier = [m for m in self.mentions if m[0] < before]
        for _, pid, subject in reversed(earlier):
            if subject and fits(pid):
                return pid
        for _, pid, _ in reversed(earlier):
            if fits(pid):
                return pid
        return None


def _is_subject(tok: Token) -> bool:
    return tok.dep_ in _SUBJECT_DEPS or (tok.dep_ == "appos" and tok.head.dep_ in _SUBJECT_DEPS)


def _gender_word(word: str) -> str | None:
    return "f" if word in _FEMALE else "m" if word in _MALE else None


def _entity_of(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of wire datelines ("WASHINGTON, Aug. 24 (UPI) —"): never a speaker."""
    out: set[int] = set()
    text = doc_text(doc)
    for start, end in _paragraphs(text):
        m = DATELINE.match(text[start:end] + " ")
        span = doc.char_span(start, start + m.end(), alignment_mode="contract") if m else None
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _quoted_tokens(doc: Doc, segments: Iterable[_Segment]) -> set[int]:
    """Tokens that start inside a quote ('said,“Look' is one token, and not quoted)."""
    out: set[int] = set()
    for s in segments:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None:
            out.update(t.i for t in span if s.start <= t.idx < s.end)
    return out


# --- speakers ---------------------------------------------------------------------------


def _speaker_head(verb: Token, people: _People) -> Token | None:
    """Who does the speaking of ``verb``: its subject (shared through "and said",
    "saying", "is heard saying"), the agent of a passive ("was written by X"), the noun a
    participle describes ("footage of Clinton asking"), the antecedent of "who said"; when
    the parse gives a subject inside a quote, the noun next to the verb."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        return None  # "the ceasefire had not been agreed": nobody speaks
    head = _syntactic_speaker(verb)
    if head is None or head.i in people.quoted or head.i in people.dateline:
        head = _adjacent_noun(verb, people)
    if head is not None and (head.lower_ in _TEMPORAL or head.like_num):
        return None  # "Saturday at the convention Sen. Warren said": a misparse
    return head


def _syntactic_speaker(verb: Token, depth: int = 0) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and _WORD.search(c.text)]
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and any(c.dep_ == "nsubjpass" for c in subjects):
        subjects = [c for c in agent.children if c.dep_ == "pobj"]  # "was written by X"
    head = subjects[0] if subjects else None
    if head is not None and head.lower_ in _RELATIVE and verb.dep_ == "relcl":
        head = verb.head
    if head is None and verb.dep_ == "acl" and verb.head.pos_ == "PROPN":
        head = verb.head  # "footage of Hillary Clinton asking, ..."
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
        if up.i != verb.i:
            return _syntactic_speaker(up, depth + 1)
    return head


def _adjacent_noun(verb: Token, people: _People) -> Token | None:
    """When the parse tied a verb to the wrong subject, the noun right before it outside
    quotes ('..., Flynn, a top Trump surrogate, said'), else right after ('said Hester',
    'said the 46-year-old')."""
    doc, skip = verb.doc, people.quoted | people.dateline
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


def _mention_tokens(head: Token, people: _People) -> list[Token]:
    """The speaker noun phrase: the head's subtree, cut at a relative clause, at a quote
    mark and at an unclosed bracket ("Kerry, who ..." -> "Kerry")."""
    if head.pos_ == "PRON":
        return [head]
    right = head.i
    for child in head.rights:
        if child.dep_ in ("relcl", "advcl"):
            break
        if child.dep_ != "punct":
            right = max(right, child.right_edge.i)
    doc = head.doc
    left = head.left_edge.i
    if right - left >= 14:  # a runaway subtree from a bad parse: the head and its name
        left = min([t.i for t in head.lefts if t.dep_ in ("compound", "flat", "det")] + [head.i])
        right = head.i
    skip = people.quoted | people.dateline
    left = max([left] + [i + 1 for i in range(left, head.i) if i in skip])
    right = min([right] + [i - 1 for i in range(head.i + 1, right + 1) if i in skip])
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


def _resolve(head: Token, people: _People) -> str | None:
    """The name a speaker's head token stands for, or ``None`` (anonymous, unknown)."""
    lower = head.lower_
    if lower in _PRONOUN_GENDER:
        key = people.for_pronoun(head.i, _PRONOUN_GENDER[lower])
        return people.name(key) if key is not None else None
    if head.pos_ == "PRON":
        return None
    for child in head.children:  # "Kerry's spokeswoman, Jen Psaki"
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            key = people.key_for(child)
            if key is not None:
                return people.name(key)
    if head.pos_ == "PROPN" or head.ent_type_:
        key = people.key_for(head)
        if key is not None:
            return people.name(key)
        ent = _entity_of(head)
        if ent is not None and ent.label_ in ("ORG", "NORP", "GPE", "PERSON"):
            return _name_text(_strip_name(list(ent))) or None
        if head.pos_ == "PROPN":
            toks = [t for t in head.lefts if t.dep_ in ("compound", "flat")] + [head]
            # "harbour master Ines Calloway": the name, not the lower-case title before it
            while len(toks) > 1 and not all(t.pos_ == "PROPN" or t.is_title for t in toks):
                toks = toks[1:]
            return _name_text(_strip_name(toks)) or None
        return None
    key = people.for_description(head)
    return people.name(key) if key is not None else None


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
        if _negated(verb):
            return None
        subject = _speaker_head(verb, people)
        if subject is None or subject.lower_ in _RELATIVE or subject.lower_ == "there":
            return None
        head, cue, cue_start, cue_end = subject, verb.text, verb.idx, verb.idx + len(verb)
    toks = _mention_tokens(head, people)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return _Attribution(
        Speaker(doc[toks[0].i : toks[-1].i + 1].text, start, end),
        _resolve(head, people),
        cue,
        cue_start,
        cue_end,
        verb,
    )


# --- 2. direct quotes -------------------------------------------------------------------


def _is_cue(token: Token) -> bool:
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    return token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX")


def _negated(verb: Token) -> bool:
    """ "did not criticise", "without explicitly blaming": no speech act took place."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "pcomp" and verb.head.lower_ == "without"


def _quoting_verb(tok: Token, people: _People) -> bool:
    """Any verb whose object holds a quote and whose subject is a person or an
    organisation: 'Trump admires Putin as a "strong leader"', 'he blasted the media for
    being "unbelievably dishonest"'. The quoted words are taken as the subject's."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in BELIEF_VERBS or _negated(tok):
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
    return (
        head.lower_ in ("he", "she", "they", "we", "i")
        or head.pos_ == "PROPN"
        or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
    )


def _title_like(text: str) -> bool:
    """Every word capitalised, no "!" or "?": "Fox News Sunday", not "U-S-A! U-S-A!"."""
    if "!" in text or "?" in text:
        return False
    words = [w for w in _WORD.findall(text) if w.isalpha()]
    content = [w for w in words if len(w) > 3 or w[0].isupper()]
    return bool(content) and all(w[0].isupper() for w in content)


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
    latest: tuple[int, _Attribution] | None = None
    previous: tuple[tuple[int, int], _Attribution] | None = None  # last quote's paragraph
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
        for offset, attribution in earlier:
            if offset < seg.open_mark and (latest is None or offset > latest[0]):
                latest = (offset, attribution)
        if _title_like(text[seg.start : seg.end]):
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
            latest = (seg.start, found)
        out.append(
            Quote(
                text=text[start : seg.end],
                start=start,
                end=seg.end,
                direct=True,
                speaker=found.speaker,
                speaker_name=found.name,
                cue=found.cue,
                cue_start=found.cue_start,
                cue_end=found.cue_end,
            )
        )
    return out


def _has_subject(doc: Doc, region: tuple[int, int], quoted: set[int]) -> bool:
    """True when the words before a quote in its sentence have a subject of their own
    ('as Trump went on about "..."'): then the quote is not a continuation."""
    span = doc.char_span(region[0], region[1], alignment_mode="contract")
    return any(t.dep_ in _SUBJECT_DEPS and t.i not in quoted for t in span or [])


def _as_attribution(q: Quote) -> _Attribution:
    return _Attribution(q.speaker, q.speaker_name, q.cue, q.cue_start, q.cue_end)


def _paragraph_of(paragraphs: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    for p in paragraphs:
        if p[0] <= offset < p[1] + 1:
            return p
    return (offset, offset)


def _sentence_ends(doc: Doc, start: int, end: int) -> list[int]:
    """Offsets just past each sentence end (a full stop, "!" or "?" token, with a closing
    quote mark after it) in ``[start, end)``; abbreviations such as "U.S." are one token."""
    span = doc.char_span(start, end, alignment_mode="contract")
    out = []
    for t in span if span is not None else []:
        if t.text in (".", "!", "?", "…", "...") and (
            t.whitespace_ or t.i + 1 == len(doc) or doc[t.i + 1].is_space
        ):
            out.append(t.idx + len(t.text))
    return out


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
    return _Attribution(Speaker(text[s:e], s, e), name, cue, at, at + len(cue))


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
    left_open = re.search(r"[,?!]$", text[seg.start : seg.end]) or re.match(r"\s*,", after)
    if adjacent is None and left_open:
        adjacent = _any_verb_after(doc, right, people)
    if adjacent is not None:
        return adjacent
    governing = [c for c in candidates if c.cue_token and _governs(c.cue_token, tokens)]
    governing.sort(key=lambda c: not c.speech)
    if governing:
        return governing[0]
    short = len(_WORD.findall(text, seg.start, seg.end)) <= 3
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
        if heads:
            head = heads[-1]
            toks = _mention_tokens(head, people)
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            return _Attribution(
                Speaker(text[s:e], s, e), _resolve(head, people), ":", colon, colon + 1
            )
    return None


def _nothing_between(span: Span, cue: Token | None) -> bool:
    """True when no verb stands between a quote and ``cue`` but in the cue's subject."""
    if cue is None:
        return False
    subject = {t.i for c in cue.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
    return not any(t.pos_ == "VERB" and t.i not in subject for t in span if t.i < cue.i)


def _subordinate(verb: Token | None) -> bool:
    """True when a verb after a quote heads a clause of its own ('"...," when Clinton
    blasted him'), not a speech tag ('"...," as Trump put it')."""
    return verb is not None and any(
        (c.dep_ == "mark" and c.lower_ != "as") or (c.dep_ == "advmod" and c.tag_ == "WRB")
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
    if p_seg not in paragraphs or text[p_seg[0] : seg.open_mark].strip():
        return False
    index = paragraphs.index(p_seg)
    return index > 0 and paragraphs[index - 1] == p_prev


# --- 3. reported speech -----------------------------------------------------------------


def _reported_speech(
    text: str, doc: Doc, people: _People, cues: dict[int, _Attribution]
) -> list[Quote]:
    quoted = people.quoted
    out: list[Quote] = []
    for tok in doc:
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
        out.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                direct=False,
                speaker=found.speaker,
                speaker_name=found.name,
                cue=found.cue,
                cue_start=found.cue_start,
                cue_end=found.cue_end,
            )
        )
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
        out.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                direct=False,
                speaker=Speaker(text[name[0].idx : colon], name[0].idx, colon),
                speaker_name=_resolve(head, people),
                cue=":",
                cue_start=colon,
                cue_end=colon + 1,
            )
        )
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
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
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
    return list(doc[toks[0].i : toks[-1].i + 1])


def _parenthetical(tok: Token) -> bool:
    """A verb of saying set off from the clause it reports: '..., he said, ...'."""
    if tok.lemma_.lower() not in _SAY or tok.head.i == tok.i:
        return False
    if tok.dep_ == "parataxis":
        return tok.head.pos_ in ("VERB", "AUX")
    return False


__all__ = ["BELIEF_VERBS", "SPEECH_VERBS", "Quote", "Speaker", "extract_quotes", "quote_segments"]
