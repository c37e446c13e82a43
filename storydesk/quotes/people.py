"""The people an article names (:class:`_People`), used to resolve a speaker mention to a
name: full names, one-word mentions, roles ("the prime minister"), genders (for "he" and
"she"), the organisations it names (for "it", "the company", "the Falcons"), and the tokens
that can never be a speaker (inside quotes, in datelines, captions, bylines, signatures)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from ..clean import DATELINE
from ..doctext import doc_text, sentence_start, sentence_starts, token_attr, tokens_with
from ..model import Citation
from .firstnames import first_name_gender, is_surname
from .marks import _paragraphs, _Segment
from .scan import token_kinds
from .vocabulary import (
    _ADVERBIAL_MARKS,
    _COMPANY_WORDS,
    _DEFINITE,
    _FEMALE,
    _GLUED_AFTER,
    _GLUED_BEFORE,
    _GROUP_NOUNS,
    _HONORIFICS,
    _MALE,
    _PARTICLES,
    _PERSON_NOUNS,
    _PRONOUN_GENDER_ALL,
    _PUBLIC_BODY_WORDS,
    _QUESTIONERS,
    _ROLE_SYNONYMS,
    _SAY,
    _SUBJECT_DEPS,
    _TITLE_PARTS,
    SPEECH_VERBS,
    _set,
)


def _strip_name(tokens: Sequence[Token]) -> list[Token]:
    """A name's tokens without honorifics, possessive endings and punctuation at the ends,
    and without what a scraped page glues to it (:func:`trim_name`)."""
    toks = [t for t in tokens if t.lower_ not in ("'s", "’s", "'", "’")]
    while toks and (toks[0].lower_ in _HONORIFICS or toks[0].is_punct or toks[0].lower_ == "the"):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return trim_name(toks)


_NOT_NAME_TAGS = frozenset({"VBG", "VBD", "VBZ", "VBN", "JJ", "JJR", "JJS", "RB"})


def trim_name(tokens: Sequence[Token]) -> list[Token]:
    """A name without what a scraped page glues to it: a photo credit or a site before it
    ("Getty Karl Brenner", "Twitter Karl Brenner"), a verb of saying after it ("Brenner
    Said"), the name twice over ("Karl Brenner Karl Brenner")."""
    toks = list(tokens)
    # "Injecting Clinton's troubles ...", "Derelict Obama": a verb or adjective the
    # recogniser took into the name; "Hosting Cook at the fair ...": a gerund opening the
    # sentence, tagged a proper noun (not in an organisation's name: "Rolling Stone")
    while len(toks) > 1 and (
        toks[0].lower_ in _GLUED_BEFORE
        or toks[0].tag_ in _NOT_NAME_TAGS
        or (
            _opens_line(toks[0])
            and (_gerund(toks[0].lower_) or _says(toks[0].lower_))
            and not (toks[0].ent_type_ == "ORG" and toks[0].ent_iob_ == "B")
        )
    ):
        toks = toks[1:]
    while len(toks) > 1 and toks[-1].lower_ in _GLUED_AFTER:
        toks = toks[:-1]
    half = len(toks) // 2
    if (
        half
        and len(toks) == 2 * half
        and [t.lower_ for t in toks[:half]] == [t.lower_ for t in toks[half:]]
    ):
        toks = toks[half:]  # the second, nearer its verb
    return toks


def untitled(tokens: Sequence[Token]) -> list[Token]:
    """A person's name without the title, the abbreviation of a post or the place run
    together with it before a first name: "Hawks DL Karl Brenner", "Sports Insider Ilse
    Varga", "Superintendent Ilse Varga", "envoy to Dorrania Karl Brenner" are Karl Brenner
    and Ilse Varga (the title is the person's role, not their name). Only before a known
    first name with a word after it; "Mary Ann Roe" stays whole."""
    toks = list(tokens)
    for n in range(len(toks) - 2, 0, -1):
        first, before = toks[n], toks[n - 1]
        if not first.is_title or first_name_gender(first.lower_) is None:
            continue
        if not all(t.text[:1].isupper() or t.lower_ in _PARTICLES for t in toks[n + 1 :]):
            continue
        if (
            before.lower_ in _PERSON_NOUNS
            or before.lower_ in _TITLE_PARTS
            or (before.is_upper and before.is_alpha and 2 <= len(before) <= 4)
            or _place_word(before)
        ):
            return toks[n:]
    return toks


# How a common noun of trade ends: "Developer", "Carmaker", "Distributor", "Broadcaster".
_TRADE_END = re.compile(r"(?:er|or|maker)$")


def untraded(tokens: Sequence[Token]) -> list[Token]:
    """An organisation's name without the trade that opens its sentence before it:
    "Developer Valve said" is Valve, "Carmaker Northwind Motors" is Northwind Motors (a
    common noun capitalised only because the sentence opens with it). Mid-sentence the
    trade is lower case and never in the name."""
    toks = list(tokens)
    if (
        len(toks) > 1
        and toks[0].is_sent_start
        and toks[0].is_title
        and _TRADE_END.search(toks[0].lower_)
        and zipf_frequency(toks[0].lower_, "en") >= 1.5
        and first_name_gender(toks[0].lower_) is None  # "Peter", "Taylor"
        and not is_surname(toks[0].lower_)  # "Baker Hughes", "Cooper Tire"
        and toks[1].text[:1].isupper()
    ):
        return toks[1:]
    return toks


def _place_word(tok: Token) -> bool:
    """``tok`` is written elsewhere in its document as a place, a people or an organisation
    of its own ("Ukraine" of "envoy to Ukraine Karl Brenner"), not as a first name."""
    if first_name_gender(tok.lower_) is not None:
        return False
    return any(
        e.label_ in ("GPE", "NORP", "ORG", "LOC") and e.text == tok.text for e in tok.doc.ents
    )


def _says(word: str) -> bool:
    """A verb of saying in the present ("warns", "urges"), opening a headline before a
    name ("Warns Brenner: ...")."""
    return (word.endswith("s") and word[:-1] in SPEECH_VERBS) or (
        word.endswith("es") and word[:-2] in SPEECH_VERBS
    )


def _opens_line(tok: Token) -> bool:
    return tok.i == 0 or tok.is_sent_start or "\n" in tok.doc[tok.i - 1].whitespace_


@lru_cache(maxsize=1024)
def _gerund(word: str) -> bool:
    """A verb's -ing form: its stem is a common English word ("hosting", "praising",
    "stopping"), not a name that ends so ("Sterling", "Channing", "Ming")."""
    if len(word) < 6 or not word.endswith("ing") or not word.isalpha():
        return False
    stem = word[:-3]
    stems = [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    return any(zipf_frequency(s, "en") >= 4.2 for s in stems)


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


def _clean_name(tokens: Sequence[Token]) -> bool:
    """A name as a person's name is written: capitalised words ("Ki-moon" counts),
    initials, particles; no verb ("Obama Says" from a headline)."""

    def fine(t: Token) -> bool:
        after_hyphen = t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_
        return t.text[:1].isupper() or t.lower_ in _PARTICLES or t.text in "-." or after_hyphen

    return all(fine(t) for t in tokens) and not any(t.pos_ in ("VERB", "AUX") for t in tokens)


# Last words of a company's name, after which its first words alone are the company.
_FIRM_ENDS = _COMPANY_WORDS | _set(
    """inc ltd corp co plc llc foods airlines airways motors energy holdings industries bank
    america europe asia africa international worldwide"""
)


# Verbs that give their subject an office: "was elected mayor", "became mayor", "is the
# mayor", "served as mayor".
_HOLD_OFFICE = frozenset(
    {"be", "become", "elect", "re-elect", "reelect", "name", "appoint", "remain", "serve"}
)


# Words for a firm or a club by what it does: "the lender" (Harlow Bank), "the team" (the
# Dorran Falcons) is the latest organisation named that is no public body.
_ANY_FIRM_WORDS = frozenset({"lender", "insurer", "team", "club", "franchise"})


# Words for a news outlet, and the words that end (or open) the name of one of its kind.
_PRINT_NAMES = _set(
    """times post herald journal gazette tribune telegraph guardian chronicle observer
    independent mail express standard star courier mirror sun press daily weekly magazine
    review dispatch"""
)
_BROADCAST_NAMES = _set("radio tv television channel news network broadcasting")
_MEDIA = {
    **dict.fromkeys(("newspaper", "paper", "daily", "tabloid", "magazine"), _PRINT_NAMES),
    **dict.fromkeys(("broadcaster", "station", "channel", "network"), _BROADCAST_NAMES),
}


# Words for a body of any kind: "the agency said" is the organisation named last.
_ANY_BODY_WORDS = frozenset({"agency", "regulator", "watchdog", "organization", "organisation"})


# Endings of nouns for a person who does something ("winger", "negotiator").
_AGENT_ENDINGS = ("er", "or", "ist", "ian")


class _People:
    """The people an article names, with their names, roles and genders.

    Two full names are one person when their first and last words agree ("Donald J.
    Trump", "Donald Trump"); a one-word mention ("Kerry", "Ban") is the person with that
    last (else first) word named most recently before it, else first after it.
    """

    def __init__(self, doc: Doc, segments: Sequence[_Segment], article_id: str = ""):
        self.doc = doc
        self.article_id = article_id  # the article the doc parses, for the spans of speakers
        self.segments = tuple(segments)
        self.quoted = _quoted_tokens(doc, segments)
        self.quoted_order = sorted(self.quoted)  # for a look-up by range (bisect)
        self.offstage = _offstage_tokens(doc)
        self.persons: list[_Person] = []
        self.at: dict[int, int] = {}  # token index -> person, for every token of a name
        # (token index of the mention's head, person, in subject position), outside quotes
        self.mentions: list[tuple[int, int, bool]] = []
        self._mentioned: dict[int, list[int]] = {}  # person -> token indexes of mentions
        self._by_word: dict[tuple[str, str], list[int]] = {}  # ("first"/"last", word) -> persons
        self._with_role: dict[str, list[int]] | None = None  # role word -> persons
        self._orgs_by_last: dict[str, list[tuple[int, int, tuple[str, ...]]]] | None = None
        # (token index, gender) of people described but not named, as subjects: "One man,
        # who gave only his first name, said ..." -- a later "he" may be him
        self.strangers: list[tuple[int, str | None]] = []
        # One pass over the tokens: the later passes need only these.
        kinds = token_kinds(doc)
        propns = kinds.propns
        subject_nouns = kinds.subject_nouns
        # Verbs (and "according"): where cues of quotes and reported speech can be.
        self.verbs: list[Token] = kinds.verbs
        # "he" and "she" as subjects: who they stand for is told to summary readers.
        self.subject_pronouns: list[Token] = kinds.subject_pronouns
        # Colons outside quotes: speech may follow one ("Her advice is simple: ...").
        self.colons: list[Token] = kinds.colons
        self._names: dict[int, str] = {}  # person -> name, once the persons are known
        names = []
        # Organisations named outside quotes: (first token, last token + 1, words)
        self.orgs: list[tuple[int, int, tuple[str, ...]]] = []
        for e in doc.ents:
            if e.start in self.offstage:
                continue
            if (
                e.label_ == "PERSON"
                or aged_name(doc, e.start, e.end)
                or speaking_name(e)
                or titled_name(e)
            ):
                names.append((e, untitled(_strip_name(_whole_name(e)))))
            elif e.label_ == "ORG" and e.root.i not in self.quoted:
                pieces = _split_at_commas(list(e))
                person = _person_of_org(e)
                titled = untitled(_strip_name(list(e)))
                if person is None and _person_named_as_org(e):
                    # "Penelope Muse Abernathy" taken for an organisation, "Abernathy" for a
                    # person: one person, by her full name
                    names.append((e, _strip_name(list(e))))
                    continue
                if person is None and len(titled) < len(_strip_name(list(e))):
                    # "Sports Insider Ilse Varga", "Superintendent Ilse Varga" taken for an
                    # organisation: the person, whose title is a role
                    names.append((e, titled))
                    continue
                if person is not None:
                    # "Ilse Varga of Harlow Bank of Dorran" taken for one organisation
                    names.append((e, person))
                    pieces = [list(e[len(person) + 1 :])]
                # a name never spans ", ": "Tidewater Plus, Dorran Media" is two
                for piece in pieces:
                    toks = untraded(_strip_name(_without_score(piece)))
                    if toks and toks[0].text[:1].isupper():
                        words = tuple(t.lower_ for t in toks)
                        self.orgs.append((toks[0].i, toks[-1].i + 1, words))
        # "Dorran Harbour said" after "Dorran Harbour Company": the company, short
        # (a company's, named by a word of its trade; not the "Clinton" of "Clinton
        # Foundation", a last name of someone named in full)
        heads = {o[2][:n] for o in self.orgs if o[2][-1] in _FIRM_ENDS for n in range(1, len(o[2]))}
        full_lasts = {toks[-1].lower_ for _, toks in names if len(toks) > 1}
        names = [
            (e, toks)
            for e, toks in names
            if (
                tuple(t.lower_ for t in toks) not in heads
                or (len(toks) == 1 and toks[0].lower_ in full_lasts)
            )
            and not _short_org(e, toks, self.orgs, full_lasts)
        ]
        for _, toks in names:
            if len(toks) > 1:
                self._add_full(toks)
        lasts = {p.last for p in self.persons}
        for tok in propns:  # "Ivanka Trump" unrecognised beside a recognised "Donald Trump"
            if tok.i in self.at or tok.lower_ not in lasts:
                continue
            chain = [c for c in tok.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
            # also inside a thing the recogniser swept the name into ("Teresa Nielsen Hayden
            # explained" taken for a work of art): the person named so, not another Hayden
            kind = tok.ent_type_
            if (
                chain
                and (kind in ("", "PERSON") or kind in _MUTE_LABELS)
                and chain[-1].i == tok.i - 1
            ):
                toks = _strip_name(list(doc[chain[0].i : tok.i + 1]))
                while toks and toks[0].lower_ in _PERSON_NOUNS | _TITLE_PARTS:
                    toks = toks[1:]  # "President Vesk" is Vesk, not a person "President Vesk"
                if len(toks) > 1 and _clean_name(toks):
                    self._add_full(toks)
        for tok in propns:  # "Tomas Reyes, the union's leader, spoke": no entity at all
            if tok.i in self.at or tok.ent_type_ or tok.dep_ not in _SUBJECT_DEPS:
                continue
            toks = [c for c in tok.lefts if c.dep_ in ("compound", "flat")] + [tok]
            if (
                2 <= len(toks) <= 3
                and toks[0].i == tok.i - len(toks) + 1
                and all(t.pos_ == "PROPN" and t.is_title and not t.ent_type_ for t in toks)
                and first_name_gender(toks[0].lower_) is not None
                and (is_surname(tok.lower_) or zipf_frequency(tok.lower_, "en") < 4.0)
                and _clean_name(toks)
            ):
                self._add_full(toks)
        for _, toks in names:
            if len(toks) == 1 and toks[0].i not in self.at:
                pid = self._lookup(toks[0].lower_, toks[0].i)
                if pid is None:
                    pid = self._new_person(toks[0].lower_, toks[0].lower_)
                self.persons[pid].names.append(toks)
                self.persons[pid].positions.append(toks[0].i)
                self.at[toks[0].i] = pid
        for tok in propns:  # proper nouns the entity recogniser missed ("Ban said")
            if (
                tok.i not in self.at
                and (tok.ent_type_ in ("", "PERSON") or _lone_org(tok, lasts))
                and tok.dep_ not in ("compound", "flat")
                and tok.text[:1].isupper()
            ):
                pid = self._lookup(tok.lower_, tok.i)
                if pid is not None:
                    self.at[tok.i] = pid
        # "Tomas Reyes ... Reyes said": a person's last name, not an organisation "Reyes"
        self.orgs = [o for o in self.orgs if o[1] - o[0] > 1 or o[0] not in self.at]
        for ent, toks in names:
            if toks and toks[-1].i in self.at and ent.root.i not in self.quoted:
                self._add_roles(ent, self.at[toks[-1].i])
        for i in sorted({*self.at, *subject_nouns}):  # names, and nouns as subjects
            if i in self.quoted or i in self.offstage:
                continue
            tok = doc[i]
            pid = self.at.get(i)
            head_of_name = pid is not None and (
                tok.dep_ not in ("compound", "flat") or self.at.get(tok.head.i) != pid
            )
            if head_of_name and pid is not None:
                self.mentions.append((tok.i, pid, _is_subject(tok)))
                self._mentioned.setdefault(pid, []).append(tok.i)
                self._honorific(tok, pid)
            elif tok.dep_ in _SUBJECT_DEPS and tok.pos_ == "NOUN":
                found = self.for_description(tok)
                if found is not None:
                    self.mentions.append((tok.i, found, True))
                    self._mentioned.setdefault(found, []).append(tok.i)
                elif (gender := _gender_word(tok.lower_)) is not None and not _inside_said(tok):
                    # not one inside what another says: 'He says officers found a man
                    # bleeding. He says the man died': the teller is still "he"
                    self.strangers.append((tok.i, gender))
                elif _described_speaker(tok):
                    # "A spokesman for the union said ... '...,' he said": the spokesman
                    self.strangers.append((tok.i, None))
        self._genders_from_names()
        self._genders_from_pronouns()
        # (token index, person) of people named as the subject of a verb of saying
        self.speakers = [
            (i, pid)
            for i, pid, subject in self.mentions
            if subject
            and doc[i].head.pos_ in ("VERB", "AUX")
            and doc[i].head.lemma_.lower() in _SAY
        ]
        # Subjects inside what another said: "Brenner said [Reyes] had been helpful"
        self._told_of = {i for i, _, subject in self.mentions if subject and _told_of(doc[i])}

    def cite(self, start: int, end: int) -> Citation:
        """Characters ``[start, end)`` of the article the doc parses, as a span."""
        return Citation(self.article_id, start, end)

    def closed(self, start: int, end: int) -> int:
        """``end``, or past the closing mark of a quote that opens inside ``[start, end)``
        and ends there but for punctuation: 'called the estimate "wildly exaggerated".'
        keeps its mark when the clause's last punctuation is dropped."""
        text = doc_text(self.doc)
        for s in self.segments:
            if (
                start <= s.open_mark
                and s.start < end <= s.end < s.close_mark
                and not text[end : s.end].strip(".,;:!?")
            ):
                return s.close_mark
        return end

    def _new_person(self, first: str, last: str) -> int:
        self.persons.append(_Person(first, last, [], [], set()))
        pid = len(self.persons) - 1
        self._by_word.setdefault(("first", first), []).append(pid)
        self._by_word.setdefault(("last", last), []).append(pid)
        return pid

    def _add_full(self, toks: Sequence[Token]) -> None:
        first, last = toks[0].lower_, toks[-1].lower_
        pid = next(
            (n for n in self._by_word.get(("last", last), []) if self.persons[n].first == first),
            None,
        )
        if pid is None:
            pid = self._new_person(first, last)
        self.persons[pid].names.append(list(toks))
        self.persons[pid].positions.append(toks[0].i)
        for t in toks:
            self.at[t.i] = pid

    def _lookup(self, word: str, at: int) -> int | None:
        """The person a one-word mention at token ``at`` names: of those named before it,
        the one the article names in full most often (a "Clinton" in a story about Hillary
        Clinton that names her husband once is hers), then the one named last; else the
        first named after it."""
        for field in ("last", "first"):
            found = [n for n in self._by_word.get((field, word), []) if self.persons[n].names]
            if not found:
                continue
            before = [
                (
                    sum(len(name) > 1 for name in self.persons[n].names),
                    max(i for i in self.persons[n].positions if i < at),
                    n,
                )
                for n in found
                if any(i < at for i in self.persons[n].positions)
            ]
            if before:
                return max(before)[2]
            return min((min(self.persons[n].positions), n) for n in found)[1]
        return None

    def key_for(self, token: Token) -> int | None:
        """The person a proper-noun token belongs to, if the article names them."""
        if token.i in self.at:
            return self.at[token.i]
        # a capitalised word the tagger took for a common noun ("The Latest: Trump urges")
        if token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or token.is_title:
            return self._lookup(token.lower_, token.i)
        return None

    def name(self, pid: int) -> str:
        """The person's longest name as written outside quotes ("John Kerry")."""
        if pid in self._names:
            return self._names[pid]
        names = self.persons[pid].names
        clean = [n for n in names if _clean_name(n) and n[0].i not in self.quoted]
        best = max(clean or names, key=lambda n: (len(_name_text(n)), -n[0].i))
        self._names[pid] = _name_text(best)
        return self._names[pid]

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
        person.roles.update(_led_roles(ent.root))
        # not the gender of someone the role names by a possessive: "Karl Brenner, his
        # sister's lawyer", "Aldric Fenn, the queen's second son" (another person's word)
        for t in role:
            if _owned(t, ent):
                continue
            gender = _gender_word(t.lower_)
            if gender and person.gender is None:
                person.gender = gender

    def _genders_from_names(self) -> None:
        """A person's gender from their first name, when the text gave none: "Jane Roe",
        or a one-word mention that is no one's last name ("Melanie")."""
        for person in self.persons:
            if (
                person.gender is None
                and person.names
                and (person.first != person.last or not is_surname(person.first))
            ):
                person.gender = first_name_gender(person.first)

    def _genders_from_pronouns(self) -> None:
        """A person's gender from the pronouns of sentences about them alone: where they
        are the only person named (outside quotes), in that sentence and the next one if
        it names nobody."""
        counts: dict[int, dict[str, int]] = {}
        starts = sentence_starts(self.doc)  # sentence n: tokens starts[n] to starts[n + 1]
        ends = [*starts[1:], len(self.doc)]
        named: list[set[int]] = [set() for _ in starts]
        for i, pid, _ in self.mentions:
            named[bisect_right(starts, i) - 1].add(pid)
        # the pronouns of the text, found once (token index, gender), in text order
        pronouns = [
            (i, g)
            for i in tokens_with(self.doc, LOWER, _PRONOUN_GENDER_ALL)
            for g in (_PRONOUN_GENDER_ALL[self.doc[i].lower_],)
        ]
        at = [i for i, _ in pronouns]
        # sentences whose subject is someone unnamed, brought in by a word of gender ("A
        # Harlow man admitted he had threatened Councillor Adebayo"): the pronouns are his
        unnamed = {
            bisect_right(starts, i) - 1
            for i, g in self.strangers
            if g is not None
            and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in self.doc[i].children
            )
        }
        for n in range(len(starts)):
            if len(named[n]) != 1 or n in unnamed:
                continue
            pid = next(iter(named[n]))
            scopes = [n] + (
                [n + 1] if n + 1 < len(starts) and not named[n + 1] and n + 1 not in unnamed else []
            )
            for m in scopes:  # the pronouns of sentence m's tokens, in text order
                for k in range(bisect_left(at, starts[m]), bisect_left(at, ends[m])):
                    i, g = pronouns[k]
                    if i not in self.quoted:
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
            owner = head.head
            if owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.i < owner.i:
                owner = owner.head.head  # 'The CEO of Northwind, Karl Brenner': the CEO
            out += [t for t in self.doc[owner.left_edge.i : head.head.i + 1]]
        # "Jane Roe was elected mayor", "Roe, who became mayor in 2020": the office the
        # person is said to hold
        verbs = [head.head] if head.dep_ in ("nsubj", "nsubjpass") else []
        verbs += [
            c
            for c in head.children
            if c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children)
        ]
        for verb in verbs:
            if verb.lemma_.lower() not in _HOLD_OFFICE:
                continue
            for c in verb.children:
                office = c if c.dep_ in ("attr", "oprd") else None
                if c.dep_ == "prep" and c.lower_ == "as":
                    office = next((o for o in c.children if o.dep_ == "pobj"), None)
                if office is not None and office.pos_ == "NOUN":
                    out += [t for t in office.lefts if t.dep_ in ("compound", "amod")]
                    out.append(office)
        return out

    def for_role(self, before: int, words: Sequence[str], modifiers: Sequence[str]) -> int | None:
        """The nearest person before token ``before`` whose roles match a description."""
        best: tuple[int, int] | None = None  # (position of the latest mention, person)
        if self._with_role is None:  # the roles are all known once mentions are read
            self._with_role = {}
            for pid, person in enumerate(self.persons):
                for role in person.roles:
                    self._with_role.setdefault(role, []).append(pid)
        for pid in sorted({p for w in words for p in self._with_role.get(w, ())}):
            roles = self.persons[pid].roles
            if all(m in roles for m in modifiers):
                seen = self._mentioned.get(pid, [])
                n = bisect_left(seen, before)
                if n and (best is None or seen[n - 1] > best[0]):
                    best = (seen[n - 1], pid)
        return best[1] if best is not None else None

    def for_description(self, head: Token) -> int | None:
        """The person a definite description ("the prime minister", "the UN chief") refers
        to: the nearest preceding one the text gave that role; else the one person the
        article gives that role with all its words, before or after ("Varnia's culture
        minister said ..." and later "Culture Minister Hedda Lorentz"); none when two fit."""
        determiner = next((c.lower_ for c in head.children if c.dep_ in ("det",)), None)
        # "Varnia's culture minister": the office of a country or body, as definite as "the"
        place = any(
            c.dep_ == "poss" and c.pos_ == "PROPN" and self.key_for(c) is None
            for c in head.children
        )
        # "the town's mayor", "the company's founder": as definite as "the mayor"
        owned = any(
            c.dep_ == "poss"
            and c.pos_ == "NOUN"
            and any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in c.children)
            for c in head.children
        )
        if owned and determiner is None:
            determiner = "the"
        if (determiner not in _DEFINITE and not place) or head.tag_ not in ("NN", "NNP"):
            return None
        lower = head.lower_
        if head.lemma_.lower() in _GROUP_NOUNS and head.lemma_.lower() not in _PERSON_NOUNS:
            return None  # "the city's police" is a body, not "Chris Vale, its police chief"
        words = sorted(_ROLE_SYNONYMS.get(lower, {lower}) | {lower})
        lefts = list(head.lefts)
        if lower in ("minister", "secretary") and any(c.lower_ == "prime" for c in lefts):
            words = ["prime"]
        modifiers = [
            c.lower_
            for c in lefts
            if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" and c.is_alpha
        ]
        if not place:  # the nearest minister before is not the one of a country named
            found = self.for_role(head.i, words, modifiers)
            if found is not None:
                return found
        if head.lemma_.lower() not in _PERSON_NOUNS and not lower.endswith(_AGENT_ENDINGS):
            return None  # "the campaign", "the city": no person's role
        if any(c.dep_ == "conj" for c in head.children):
            return None  # "the UN chief and top US diplomat": two people, not one
        described = {
            c.lower_
            for c in lefts
            if c.dep_ in ("compound", "amod") and c.is_alpha and c.pos_ in ("NOUN", "ADJ", "PROPN")
        }
        return self.only_with_role(words, described)

    def only_with_role(self, words: Sequence[str], modifiers: Iterable[str]) -> int | None:
        """The one person the article gives one of the role ``words`` and every one of
        ``modifiers`` ("interior" of "Interior Minister Wolfgang Peschorn"), or ``None``
        when nobody or more than one fits."""
        wanted = set(modifiers)
        fit = [
            pid
            for pid, person in enumerate(self.persons)
            if person.names
            and any(w in person.roles for w in words)
            and wanted <= person.roles
            and pid in self._mentioned
        ]
        return fit[0] if len(fit) == 1 else None

    def for_pronoun(
        self, before: int, gender: str | None, exclude: Iterable[int] = (), speaks: bool = False
    ) -> int | None:
        """The person a "he"/"she" at token ``before`` most likely refers to: the latest
        person in subject position, else the latest person, whose known gender fits and who
        is not one of ``exclude`` (those the pronoun's own verb speaks to: "he told Vesk");
        ``None`` when a person described but not named ("one man") stands in between.
        When the pronoun ``speaks`` ("he said"), a subject inside what someone else said
        ("Brenner said Reyes had helped. He added ...") is not in subject position."""
        found = self.antecedent(before, gender, exclude, speaks)
        return found[1] if found is not None else None

    def most_mentioned(
        self, before: int, gender: str | None, exclude: Iterable[int] = ()
    ) -> int | None:
        """The person mentioned most often before token ``before`` (of equals, the one named
        first), whose known gender fits and who is not one of ``exclude``: whom the story is
        about."""
        excluded = set(exclude)
        best: tuple[int, int] | None = None
        found = None
        for pid, where in self._mentioned.items():
            known = self.persons[pid].gender
            if pid in excluded or (gender and known and known != gender):
                continue
            n = bisect_left(where, before)
            if n and (best is None or (n, -where[0]) > best):
                best, found = (n, -where[0]), pid
        return found

    def last_speaker(
        self, before: int, gender: str | None, exclude: Iterable[int] = ()
    ) -> int | None:
        """The person named last as the subject of a verb of saying before token
        ``before``, in its sentence or the two before, whose known gender fits: whom "he
        added" carries on."""
        n = bisect_left(self.speakers, before, key=lambda m: m[0])
        if not n:
            return None
        i, pid = self.speakers[n - 1]
        known = self.persons[pid].gender
        doc = self.doc
        first = doc[before].sent.start
        for _ in range(2):
            first = sentence_start(doc, first - 1) if first > 0 else 0
        if i < first or pid in set(exclude) or (gender and known and known != gender):
            return None
        # 'Mayor Vesk said the town was shaken. Adebayo asked for mercy, saying ... She
        # added': a person the pronoun fits who speaks in a later sentence of their own
        # is whom it carries on, not the speaker before (not one who only does something:
        # "His rival Reyes was not at the meeting")
        since = doc[i].sent.end
        for j, other, subject in self.mentions[
            bisect_right(self.mentions, i, key=lambda m: m[0]) :
        ]:
            if j >= before:
                break
            if (
                j >= since
                and subject
                and other != pid
                and j not in self._told_of
                and doc[j].head.dep_ == "ROOT"
                and doc[j].head.lemma_.lower() in SPEECH_VERBS
                and (gender is None or self.persons[other].gender in (None, gender))
            ):
                return None
        return pid

    def antecedent(
        self, before: int, gender: str | None, exclude: Iterable[int] = (), speaks: bool = False
    ) -> tuple[int, int] | None:
        """``(token index of the mention, person)`` that :meth:`for_pronoun` chooses."""
        excluded = set(exclude)
        told = self._told_of if speaks else set()

        def fits(pid: int) -> bool:
            known = self.persons[pid].gender
            return pid not in excluded and (gender is None or known is None or known == gender)

        # mentions and strangers are in text order: walk back from ``before``
        n = bisect_left(self.mentions, before, key=lambda m: m[0])
        # A person described but not named since ("One man ... said. '...,' he said"):
        # the pronoun is more likely theirs than a named person's from before
        stranger = -1
        for k in range(bisect_left(self.strangers, before, key=lambda x: x[0]) - 1, -1, -1):
            i, g = self.strangers[k]
            if None in (gender, g) or gender == g:
                stranger = i
                break
        fronted = self._fronted(before, fits)
        if fronted is not None:
            return fronted
        own = self._in_own_sentence(before, n, gender, excluded)
        if own is not None:
            return own
        for k in range(n - 1, -1, -1):
            i, pid, subject = self.mentions[k]
            if subject and i not in told and fits(pid):
                if i <= stranger:
                    return None
                # 'Brenner spoke after Reyes left the hall. He said ...': the subject of
                # the main clause, not of a clause of time or cause inside it
                main = self._main_subject(k, lambda m: m not in told and fits(m))
                return main if main is not None else (i, pid)
        for k in range(n - 1, -1, -1):
            i, pid, _ = self.mentions[k]
            if fits(pid):
                return (i, pid) if i > stranger else None
        return None

    def _in_own_sentence(
        self, before: int, n: int, gender: str | None, excluded: set[int]
    ) -> tuple[int, int] | None:
        """The one person named before a pronoun in its own sentence whose known gender is
        the pronoun's, when no one of that gender is a subject there ('Brenner explained he
        could not have met Ilse Varga, because she described him as tall': Varga, not a
        woman who spoke sentences before)."""
        if gender is None:
            return None
        start = sentence_start(self.doc, before)
        found: set[int] = set()
        latest = None
        for k in range(n - 1, -1, -1):
            i, pid, subject = self.mentions[k]
            if i < start:
                break
            known = self.persons[pid].gender
            if known is None or pid in excluded:
                if subject and known is None:
                    return None  # someone of unknown gender speaks in the sentence
                continue
            if known == gender:
                if subject:
                    return None
                if _in_participle(self.doc[i], self.doc[before]):
                    continue  # 'Asked about Michael Harlan, he said': the one asked, not him
                found.add(pid)
                latest = latest or (i, pid)
        return latest if len(found) == 1 else None

    def _fronted(self, before: int, fits: Callable[[int], bool]) -> tuple[int, int] | None:
        """The one person named, before a pronoun subject at token ``before``, in what opens
        its sentence: a clause of time or concession with a subject of its own that is no
        person ("While the campaign did not appeal to Julie Graham, ..., she said"), or a
        possessive in a phrase ("In Noam Cohen's studies, he discovered"). Not the person
        of a participle, whose subject is the pronoun ("Asked about Brenner, he said")."""
        pron = self.doc[before]
        if pron.dep_ != "nsubj":
            return None
        spans = []
        for c in pron.head.children:
            if c.i > pron.i:
                continue
            if (
                c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in _ADVERBIAL_MARKS for m in c.children)
                and any(
                    s.dep_ in ("nsubj", "nsubjpass")
                    and s.pos_ in ("NOUN", "PROPN")
                    and s.i not in self.at
                    for s in c.children
                )
            ):
                spans.append((c.left_edge.i, c.right_edge.i))
            elif c.dep_ == "prep":
                spans += [(t.i, t.i) for t in c.subtree if t.dep_ == "poss" and t.i in self.at]
        found = {
            (i, pid) for i, pid, _ in self.mentions for a, b in spans if a <= i <= b and fits(pid)
        }
        if len({pid for _, pid in found}) != 1:
            return None
        return max(found)

    def _main_subject(self, k: int, fits: Callable[[int], bool]) -> tuple[int, int] | None:
        """When mention ``k`` is the subject of a subordinate clause of time or cause ("after
        Reyes left"), the subject of its sentence's main verb before it that ``fits``."""
        i = self.mentions[k][0]
        verb = self.doc[i].head
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in verb.children
        ):
            main = {verb.head.i}
        elif _embedded(verb):
            # 'Figgins declined to address whether Reyes slept on the night Brenner died':
            # Figgins, not Brenner (a relative clause) or Reyes (a question)
            main = {verb.sent.root.i}
        else:
            return None
        start = sentence_start(self.doc, i)
        for j in range(k - 1, -1, -1):
            i2, pid2, subject2 = self.mentions[j]
            if i2 < start:
                break
            if subject2 and self.doc[i2].head.i in main and fits(pid2):
                return i2, pid2
        return None

    def org_name(self, words: Sequence[str], before: int) -> str | None:
        """The full name of an organisation the article names, of which ``words`` are the
        last words ("Falcons" of "Atlanta Falcons", "Channel 9" itself): the nearest such
        name before token ``before``, else the first after."""
        words = tuple(words)
        if not words:
            return None
        if self._orgs_by_last is None:
            self._orgs_by_last = {}
            for o in self.orgs:
                self._orgs_by_last.setdefault(o[2][-1], []).append(o)
        found = [o for o in self._orgs_by_last.get(words[-1], []) if o[2][-len(words) :] == words]
        if not found:
            # "Dorran Harbour" of "Dorran Harbour Company", "Greenleaf" of "Greenleaf Foods"
            found = [
                o
                for o in self.orgs
                if len(o[2]) > len(words) and o[2][: len(words)] == words and o[2][-1] in _FIRM_ENDS
            ]
        if not found:
            return None
        earlier = [o for o in found if o[0] < before]
        start, end, _ = max(earlier) if earlier else min(found)
        return _name_text(list(self.doc[start:end]))

    def org_for_acronym(self, word: str, before: int) -> str | None:
        """The full name of an organisation the article names whose initials are ``word``
        ("DHC" of "Dorran Harbour Company"): the nearest before token ``before``."""
        if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
            return None
        for start, end, _ in sorted(self.orgs, reverse=True):
            if start >= before:
                continue
            toks = [t for t in self.doc[start:end] if t.is_alpha and t.text[:1].isupper()]
            if len(toks) > 1 and "".join(t.text[0] for t in toks) == word:
                return _name_text(list(self.doc[start:end]))
        return None

    def for_org(self, noun: Token, before: int) -> str | None:
        """The organisation a description names ("the company", "the ministry"): the latest
        one before token ``before`` with that word in its name, else, for a company or a
        group, the latest one named (not a public body)."""
        lemma = noun.lemma_.lower()
        if lemma in _PERSON_NOUNS and lemma not in _GROUP_NOUNS:
            return None  # "the governor" is a person, not the Republican Governors Association
        earlier = sorted((o for o in self.orgs if o[1] <= before), reverse=True)
        for start, end, _ in earlier:
            # 'The group, Harbour Workers Together, formed last month': "the group" is the
            # body it was named as, whatever was named since
            if any(
                t.dep_ == "appos" and t.head.i < start and t.head.lemma_.lower() == lemma
                for t in self.doc[start:end]
            ):
                return _name_text(list(self.doc[start:end]))
        for start, end, words in earlier:
            # "the airline" of "Northwind Airlines"
            if noun.lower_ in words or lemma in words or lemma + "s" in words:
                return _name_text(list(self.doc[start:end]))
        if lemma in _COMPANY_WORDS or lemma in _ANY_FIRM_WORDS:
            firms = [o for o in earlier if not _PUBLIC_BODY_WORDS & set(o[2])]
            if firms:
                start, end, _ = self._subject_firm(firms)
                return _name_text(list(self.doc[start:end]))
        media = _MEDIA.get(lemma)
        if media is not None:  # "the newspaper" of "The Dorran Times"
            for start, end, words in earlier:
                if words[-1] in media or words[0] in media:
                    return _name_text(list(self.doc[start:end]))
        # "the agency": the latest body named; "the relief agency" only one of relief (a
        # kind of body, not "the document-dumping organization", a description)
        described = {c.lower_ for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"}
        if lemma in _ANY_BODY_WORDS:
            for start, end, words in earlier:
                if described <= set(words):
                    return _name_text(list(self.doc[start:end]))
        return None

    def _subject_firm(
        self, firms: Sequence[tuple[int, int, tuple[str, ...]]]
    ) -> tuple[int, int, tuple[str, ...]]:
        """Of companies named latest first, the latest; but when it is no subject
        ("Spotify investors") and its sentence has a company as the subject of its main
        verb before it ("Amazon is now letting you listen free, and Spotify investors are
        nervous"), that one: whom "the company" is about."""
        latest = firms[0]
        if self.doc[latest[1] - 1].dep_ in ("nsubj", "nsubjpass"):
            return latest
        sent = self.doc[latest[0]].sent
        for firm in firms[1:]:
            if firm[0] < sent.start:
                break
            last = self.doc[firm[1] - 1]
            if last.dep_ == "appos":  # 'The firm that owns her songs, Calder Music, says'
                last = last.head
            if last.dep_ in ("nsubj", "nsubjpass") and last.head.i == sent.root.i:
                return firm
        return latest

    def latest_org(self, before: int, after: int) -> str | None:
        """The latest organisation named in ``[after, before)``, by its full name."""
        found = [o for o in self.orgs if after <= o[0] and o[1] <= before]
        if not found:
            return None
        start, end, _ = max(found)
        return _name_text(list(self.doc[start:end]))


# Verbs of leading a body and the roles they give: "Karl Brenner, who heads the company"
# is "the CEO", "the chief executive", "the head" of it.
_LEAD_VERBS = frozenset({"head", "run", "lead", "chair", "found", "co-found", "own"})
_LEAD_ROLES = {
    "chair": frozenset({"chairman", "chairwoman", "chair", "chairperson"}),
    "found": frozenset({"founder"}),
    "co-found": frozenset({"founder", "co-founder"}),
    "own": frozenset({"owner"}),
}
_LEADER = frozenset({"head", "chief", "leader", "boss", "director"})
_FIRM_LEADER = _LEADER | {"ceo", "executive", "president"}


def _in_participle(tok: Token, pronoun: Token) -> bool:
    """``tok`` is inside a participle clause with no subject of its own that does not hold
    ``pronoun`` ("Asked about Michael Harlan, he said"): the pronoun's subject is the one
    asked."""
    for up in tok.ancestors:
        if (
            up.tag_ in ("VBN", "VBG")
            and up.dep_ in ("advcl", "acl")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in up.children)
        ):
            return not (up.left_edge.i <= pronoun.i <= up.right_edge.i)
    return False


def _owned(tok: Token, ent: Span) -> bool:
    """``tok`` is a possessive or in one ("Queen" of "Queen Marisol II's third child"),
    below the person's own name ``ent``: a word of someone else's."""
    for t in (tok, *tok.ancestors):
        if ent.start <= t.i < ent.end:
            return False
        if t.dep_ == "poss":
            return True
    return False


def _led_roles(head: Token) -> set[str]:
    """The roles a sentence gives a person by the body they lead: "Brenner, who heads the
    company", "Varga runs the firm", "Roe chairs the board"."""
    verbs = [head.head] if head.dep_ == "nsubj" else []
    verbs += [
        c for c in head.children if c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children)
    ]
    out: set[str] = set()
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if lemma not in _LEAD_VERBS:
            continue
        for obj in verb.children:
            if obj.dep_ != "dobj":
                continue
            word = obj.lemma_.lower()
            firm = word in _COMPANY_WORDS or word == "bank" or obj.ent_type_ == "ORG"
            out |= _LEAD_ROLES.get(lemma, _FIRM_LEADER if firm else _LEADER)
    return out


def _whole_name(ent: Span) -> list[Token]:
    """A person's name with the proper nouns the entity recogniser left off its end
    ("[Tomas] Reyes", the first name tied to the last as a compound)."""
    doc, end = ent.doc, ent.end
    while (
        end < len(doc)
        and end - ent.start < 4
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and doc[end].ent_iob_ != "B"
        and doc[end - 1].dep_ in ("compound", "flat")
        and doc[end - 1].head.i >= end
    ):
        end += 1
    return list(doc[ent.start : end])


def _lone_org(tok: Token, lasts: set[str]) -> bool:
    """A one-word organisation that is a person's last name ("Reyes said", after Tomas
    Reyes is named): the recogniser's guess, often wrong at a sentence's start."""
    return (
        tok.ent_type_ == "ORG"
        and tok.ent_iob_ == "B"
        and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
        and tok.lower_ in lasts
    )


def _short_org(
    ent: Span,
    toks: Sequence[Token],
    orgs: Sequence[tuple[int, int, tuple[str, ...]]],
    full_lasts: set[str],
) -> bool:
    """A one-word "person" after "the" that is the last word of an organisation the article
    names ("The Chronicle says" after "The San Francisco Chronicle"): the organisation,
    short, which the recogniser took for a person; not a person's last name."""
    if len(toks) != 1 or ent.label_ != "PERSON" or ent.start == 0:
        return False
    word = toks[0].lower_
    return (
        ent.doc[ent.start - 1].lower_ == "the"
        and word not in full_lasts
        and first_name_gender(word) is None
        and any(len(o[2]) > 1 and o[2][-1] == word for o in orgs)
    )


def _without_score(tokens: list[Token]) -> list[Token]:
    """An organisation's name without the score the recogniser ran into it ("the Harlow
    Hawks 3-1")."""
    texts = [t.text for t in tokens]
    if len(tokens) > 3 and texts[-2] == "-" and texts[-1].isdigit() and texts[-3].isdigit():
        return tokens[:-3]
    return tokens


_NAME_BREAKS = frozenset({",", "(", ")", "[", "]"})


def _split_at_commas(tokens: Sequence[Token]) -> list[list[Token]]:
    """The runs of ``tokens`` between commas (and brackets: "World Health Organization
    (WHO" is two names)."""
    out: list[list[Token]] = [[]]
    for t in tokens:
        if t.text in _NAME_BREAKS:
            out.append([])
        else:
            out[-1].append(t)
    return [run for run in out if run]


def _embedded(verb: Token) -> bool:
    """``verb`` is in a relative clause or a "whether"/"if" clause on the way up to its
    sentence's root: its subject is no subject of the sentence."""
    tok, steps = verb, 0
    while tok.dep_ != "ROOT" and tok.head.i != tok.i and steps < 12:
        if tok.dep_ in ("relcl", "acl") and tok.pos_ in ("VERB", "AUX"):
            return True
        if tok.dep_ == "ccomp" and any(_asks(c) for c in tok.head.children if c.dep_ == "ccomp"):
            return True  # a clause the parse hung beside the question, on its verb
        if tok.pos_ in ("VERB", "AUX") and _asks(tok):
            return True
        tok, steps = tok.head, steps + 1
    return False


def _asks(clause: Token) -> bool:
    """A clause opened by "whether" or "if"."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _person_named_as_org(ent: Span) -> bool:
    """A person's full name the entity recogniser took for an organisation, which it takes
    for a person where the article uses the last name alone ("Penelope Muse Abernathy" ...
    "Abernathy reported", "Eva-Marie Persson" ... "Persson said"): two to four capitalised
    words, the first a known first name, the last a person's name elsewhere."""
    words = [t for t in ent if t.text != "-"]
    if not 2 <= len(words) <= 4 or not all(t.pos_ == "PROPN" and t.is_title for t in words):
        return False
    if any(t.lower_ in _GROUP_NOUNS or t.lower_ in _FIRM_ENDS for t in words):
        return False
    if first_name_gender(words[0].lower_) is None:
        return False
    last = words[-1].text
    return any(
        e.label_ == "PERSON" and e[-1].text == last and e.start >= ent.end for e in ent.doc.ents
    )


def _person_of_org(ent: Span) -> list[Token] | None:
    """The person's name an organisation's name was run together with by "of" ("Ilse Varga
    of Harlow Bank of Dorran"): two or three capitalised words before the first "of", the
    first a known first name; ``None`` for "Bank of Scotland", "Ilse Varga" alone."""
    toks = list(ent)
    at = next((n for n, t in enumerate(toks) if t.lower_ == "of"), None)
    if at is None or not 2 <= at <= 3 or at + 1 >= len(toks):
        return None
    person = toks[:at]
    if not all(t.pos_ == "PROPN" and t.is_title for t in person):
        return None
    if any(t.lower_ in _GROUP_NOUNS or t.lower_ in _FIRM_ENDS for t in person):
        return None  # "Royal Bank of Scotland", "Grace Church of Dorran"
    return person if first_name_gender(person[0].lower_) is not None else None


def _told_of(tok: Token) -> bool:
    """``tok`` is the subject of a clause that a verb of saying with a subject of its own
    reports ("Brenner said Reyes had been helpful")."""
    clause = tok.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return False
    verb = clause.head
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.lemma_.lower() in _SAY
        and any(c.dep_ == "nsubj" and c.i != tok.i for c in verb.children)
    )


def _inside_said(tok: Token) -> bool:
    """``tok`` is inside a clause that a verb of saying with a subject of its own reports,
    however deep ("He says officers boarded the train and found a man bleeding")."""
    for up in tok.ancestors:
        if (
            up.pos_ in ("VERB", "AUX")
            and up.lemma_.lower() in _SAY
            and any(
                c.dep_ == "nsubj" and not c.is_ancestor(tok) and c.i != tok.i for c in up.children
            )
        ):
            return True
    return False


def _described_speaker(tok: Token) -> bool:
    """A singular person described but not named who speaks ("a spokesman for the union
    said"): a later "he" or "she" is more likely theirs than a person named before. Not a
    reporter: the one who asks is not the one who answers."""
    lemma = tok.lemma_.lower()
    return (
        tok.tag_ == "NN"
        and lemma in _PERSON_NOUNS
        and lemma not in _QUESTIONERS
        and tok.head.lemma_.lower() in SPEECH_VERBS
        and tok.head.pos_ in ("VERB", "AUX")
    )


def titled_name(ent: Span) -> bool:
    """A two- or three-word proper name with a person's title before it ("Mayor Ilse
    Varga") or in apposition ("Ilse Varga, the mayor of Dorran"), whatever the entity
    recogniser took it for; so is one a relative "who" follows ("Ilse Varga, who ...")."""
    if ent.label_ not in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"):
        return False
    if not 2 <= len(ent) <= 3 or not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    doc, root = ent.doc, ent.root
    if root.dep_ == "appos" and root.head.ent_type_ == "PERSON" and root.head.i < ent.start:
        return False  # 'Karl Brenner, President Northwind Foods, says': his post, a body
    before = doc[ent.start - 1] if ent.start > 0 else None
    if (
        before is not None
        and before.lower_ in _PERSON_NOUNS
        and before.head.i in range(ent.start, ent.end)
    ):
        return True
    related = [c for c in root.children if c.dep_ == "appos" and c.i >= ent.end]
    if root.dep_ == "appos" and root.head.i < ent.start:
        related.append(root.head)
    if any(
        c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whom") and c.i >= ent.end
        for c in root.children
    ):
        return True  # "Ilse Varga, who runs the firm": only a person is a "who"
    if (
        root.dep_ in ("nsubj", "nsubjpass")
        and root.head.lemma_.lower() in _HOLD_OFFICE
        and first_name_gender(ent[0].lower_) is not None
    ):
        # "Ilse Varga became mayor of Harlow", "has been the mayor": a first name and an
        # office ("Northwind Foods became the leader" is a company)
        related += [c for c in root.head.children if c.dep_ in ("attr", "oprd")]
    return any(r.pos_ == "NOUN" and r.lemma_.lower() in _PERSON_NOUNS for r in related)


def aged_name(doc: Doc, start: int, end: int) -> bool:
    """A name followed by an age between commas ("Agnes Tollan, 71, watched ..."): in news
    only people are written so, whatever the entity recogniser took the name for."""
    if end - start < 2 or end + 2 >= len(doc):
        return False
    if not all(t.pos_ == "PROPN" or t.is_title for t in doc[start:end]):
        return False
    comma, age, close = doc[end], doc[end + 1], doc[end + 2]
    return (
        comma.text == "," and close.text == "," and age.text.isdigit() and 1 <= int(age.text) <= 120
    )


# Things the entity recogniser may take a name for that cannot speak.
_MUTE_LABELS = frozenset({"FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def speaking_name(ent: Span) -> bool:
    """A two- or three-word proper name that says something, taken by the entity
    recogniser for a facility, place or thing ("Harbour master Ines Calloway said ..."):
    those do not speak, so it is a person."""
    if ent.label_ not in _MUTE_LABELS or not 2 <= len(ent) <= 3:
        return False
    if not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    root = ent.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _SAY


def _is_subject(tok: Token) -> bool:
    return tok.dep_ in _SUBJECT_DEPS or (tok.dep_ == "appos" and tok.head.dep_ in _SUBJECT_DEPS)


def _gender_word(word: str) -> str | None:
    return "f" if word in _FEMALE else "m" if word in _MALE else None


def _entity_of(token: Token) -> Span | None:
    """The named entity ``token`` is part of, found from its IOB tags."""
    if token.ent_iob_ == "O" or not token.ent_iob_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


# A photo credit: the paragraph is a caption ("... on May 3. REUTERS/Jane Roe", "(Photo:
# Jane Roe/AP)").
_AGENCIES = r"(?:REUTERS|Reuters|AP|AFP|EPA|Getty Images|Getty|Shutterstock|Xinhua|Bloomberg)"
# A photo credit ending a paragraph, or a paragraph that says it is one: the paragraph is
# a caption ("... on May 3. REUTERS/Jane Roe", "(Photo: Jane Roe/AP)"). Not "a
# Reuters/Ipsos poll" inside a sentence.
_CREDIT = re.compile(
    rf"(?:\b{_AGENCIES}(?: Photo)?\s*/\s*[\w .'’-]{{1,40}}|[\w.'’-]\s*/\s*{_AGENCIES})"
    r"\)?\.?\s*$"
    r"|\((?:Photo|Photograph|Image|Picture|Credit)s?\b[^)]*\)\.?\s*$"
    r"|^(?:Photo|Image|Picture|Caption)\s*:"
    # "... on Monday. Credit: Jane Roe for The Times", "Image: Jane Roe", "(Jane Roe/The
    # Times)", "[Jane Roe/Al Jazeera]": a credit at the end of a caption
    r"|\b(?:Credit|Photograph|Photo|Image|Picture)s?\s*:\s*[A-Z][^.:]{1,80}$"
    r"|[(\[][A-Z][\w.'’ -]{1,40}/[A-Z][\w.'’ &-]{1,40}[)\]]\.?\s*$"
)


def _offstage_tokens(doc: Doc) -> set[int]:
    """Tokens of lines that are not the story's telling, never a speaker nor a person a
    "he" may stand for: wire datelines ("WASHINGTON, Aug. 24 (UPI) —"), photo captions
    (a paragraph with a photo credit), bylines and reader comments, and a paragraph that
    is a name alone ("Karl Brenner, Dorran": a signature)."""
    from ..offstage import _blocked

    out: set[int] = set()
    text = doc_text(doc)

    def block(start: int, end: int) -> None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))

    for start, end in _paragraphs(text):
        line = text[start:end]
        m = DATELINE.match(line + " ")
        if m:
            span = doc.char_span(start, start + m.end(), alignment_mode="contract")
            if span is not None:
                out.update(range(span.start, span.end))
        credit = ("/" in line or "(" in line or ":" in line) and _CREDIT.search(line)
        if credit and len(line.split()) <= 60:  # (each credit has one of "/", "(", ":")
            block(start, end)
        elif len(line.split()) <= 6 and not line.rstrip().endswith((".", ":", "?", "!")):
            span = doc.char_span(start, end, alignment_mode="expand")
            words = [t for t in span or [] if t.is_alpha]
            if (
                span is not None
                and words
                and all(t.is_title or t.lower_ in _PARTICLES for t in words)
                and not any(t.pos_ in ("VERB", "AUX") for t in span)
                and any(t.pos_ == "PROPN" for t in span)
            ):
                out.update(range(span.start, span.end))
    for start, end in _blocked(text):
        block(start, end)
    return out


def _quoted_tokens(doc: Doc, segments: Iterable[_Segment]) -> set[int]:
    """Tokens that start inside a quote ('said,“Look' is one token, and not quoted)."""
    out: set[int] = set()
    starts = token_attr(doc, IDX)  # each token's offset, in text order
    for s in segments:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None:  # the tokens of the span with s.start <= t.idx < s.end
            first = max(span.start, int(np.searchsorted(starts, s.start, side="left")))
            last = min(span.end, int(np.searchsorted(starts, s.end, side="left")))
            out.update(range(first, last))
    return out
