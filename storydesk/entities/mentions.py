"""Mentions of people, organisations and places in one article (:func:`extract_mentions`):
names, their roles, nominal references and acronyms the text introduces."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..doctext import check_parse, doc_text, tokens_with
from ..model import Mention, Span
from ..offstage import _blocked, _is_blocked
from ..quotes import quote_segments
from ..quotes.firstnames import first_name_gender
from ..quotes.people import aged_name, trim_name, untitled
from .evidence import (
    _common_word,
    described_with_who,
    is_first_name,
    is_place_name,
    not_a_person,
    speaks_as_a_person,
    text_evidence,
)
from .names import _group_full_names, _short_fits
from .roles import _appos_role, _left_role, role_matches
from .vocabulary import (
    _COMPANY_ENDS,
    _LOCATIVE_BEFORE,
    _NOT_CURRENT,
    _OFFICE_PARTS,
    _ORG_HEADS,
    _OUTLET_HEADS,
    _PARTICLES,
    _PLACE_NOUNS,
    _TITLES,
    TITLE_WORDS,
    TYPES,
    _set,
)


def extract_mentions(article_text: str, doc: Doc, article_id: str = "") -> list[Mention]:
    """Mentions of people, organisations and places in one article, in text order.

    ``article_id`` is the id of the article, for the mentions' spans (``""`` for a text
    that is no article). Raises ``ParseMismatchError`` (E402) when ``doc`` is not a parse
    of ``article_text``.
    """
    check_parse(doc, article_text)
    blocked = _blocked(article_text)
    names: list[tuple[Mention, list[Token]]] = []
    modifiers: dict[str, bool] = {}  # name -> it modifies a noun somewhere
    ents = _whole_names(doc)
    for ent in ents:
        kind = TYPES.get(ent.label_)
        if kind != "person" and aged_name(doc, ent.start, ent.end):
            kind = "person"  # "Agnes Tollan, 71," the recogniser took for a place
        elif kind != "person" and (speaks_as_a_person(ent) or described_with_who(ent)):
            kind = "person"  # "Harbour master Ines Calloway said", taken for a facility
        if kind == "person" and (
            ent[-1].lower_ in _ORG_HEADS
            or (len(ent) > 1 and ent[-1].lower_ in _OUTLET_HEADS | _COMPANY_ENDS)
        ):
            kind = "organization"  # "Ad Hoc Liaison Committee", "Miami Herald", "X Productions"
        elif kind == "person" and _place_context(doc, ent.start, ent.end):
            kind = "place"
        toks = [t for t in ent if not _is_blocked(blocked, t.idx, _end(t))]  # "JERUSALEM - Kerry"
        toks = _clean_tokens(toks, kind) if kind else []
        if kind and toks and _an_adverb(toks):
            continue  # "Nationally, dealers sold ...", "Statewide, ..."
        if kind and toks and not _is_blocked(blocked, toks[0].idx, _end(toks[-1])):
            m = _mention(doc, toks, kind, ent.label_, article_id)
            if not (
                kind == "person"
                and (_not_a_person(m, doc, modifiers) or _not_a_name(doc, toks, ent.start))
            ):
                names.append((m, toks))
    names = _weigh_people(doc, names)
    places = {m.text for m, _ in names if m.type == "place"}
    names = [(m, t) for m, t in names if not (m.type == "place" and _demonym(m.text, places))]
    surnames = _person_words([m for m, _ in names])
    for n, (m, toks) in enumerate(names):  # a surname taken for an organisation: "Psaki"
        if m.type != "person" and m.label != "GPE" and len(toks) == 1 and m.text in surnames:
            names[n] = (replace(m, type="person"), toks)
    in_ents = {t.i for ent in ents for t in ent}
    missed = [
        t for t in _tokens_of(doc, ORTH, surnames) if t.pos_ == "PROPN" and t.i not in in_ents
    ]
    for tok in missed:  # ... or missed: "Ban said"
        if not _is_blocked(blocked, tok.idx, _end(tok)):
            names.append((_mention(doc, [tok], "person", "PERSON", article_id), [tok]))
    in_roles: set[int] = set()
    in_titles: set[int] = set()  # the titles before names
    mentions: list[Mention] = []
    for m, toks in names:
        span = _left_role(doc, toks) if m.type == "person" else None
        in_titles.update(range(*span) if span else ())
        span = span or (_appos_role(doc, toks, person=True) if m.type == "person" else None)
        if span:
            in_roles.update(range(*span))
            s, e = doc[span[0]].idx, _end(doc[span[1] - 1])
            m = replace(m, role=article_text[s:e], role_span=Span(article_id, s, e))
        mentions.append(m)
    # "Jordan’s Foreign Minister Nasser Judeh": a country taken for a person
    mentions = [
        m
        for m in mentions
        if m.type != "person"
        or m.text in surnames
        or not set(range(*_token_range(doc, m))) <= in_titles
    ]
    mentions += _nominals(doc, mentions, in_roles, blocked, article_id)
    return sorted(_pair_acronyms(article_text, mentions), key=lambda m: (m.start, m.end))


def _weigh_people(
    doc: Doc, names: list[tuple[Mention, list[Token]]]
) -> list[tuple[Mention, list[Token]]]:
    """The names with each "person" that the evidence says is none retyped as the place or
    organisation it is, or left out (a storm, a work, menu words: :func:`not_a_person`).
    One name is one thing throughout the text: the evidence against a person in at least
    half its mentions ("the film Mary Poppins", "Mary Poppins was her favourite") holds for
    all of them, unless one of them has a person's role. Only what the
    recogniser calls a person is weighed ("Agnes Tollan, 71," it took for a place is one by
    her age). Then an
    organisation that ends with a first name and a surname the text uses alone for a person
    ("Pittsburgh quarterback Mason Rudolph" beside "Rudolph said"), or with a first name, a
    middle name and that surname ("Penelope Muse Abernathy" beside "Abernathy said"), is
    that person."""
    seen = text_evidence(doc)
    for n, (m, toks) in enumerate(names):  # "Browns Greedy Williams": a team before a name
        if m.type == "person" and len(toks) > 2 and seen.team(toks[0].text):
            names[n] = (_mention(doc, toks[1:], "person", m.label, m.span.article_id), toks[1:])
    kind_of: dict[str, str] = {}
    # full names first: the surnames of those that stay people weigh for one-word names
    for single in (False, True):
        kept = [m for m, _ in names if m.type == "person" and kind_of.get(m.text) is None]
        surnames = frozenset(_person_words(kept))
        verdicts: dict[str, list[str | None]] = defaultdict(list)
        roles: set[str] = set()
        for m, toks in names:
            if m.label == "PERSON" and m.type == "person" and (len(toks) == 1) == single:
                left = _left_role(doc, toks)
                span = left or _appos_role(doc, toks)
                role = doc[span[0] : span[1]].text if span else None
                # a person's role, not "the big chains [Brackwell] and ..."
                own = span is not None and (left or _appos_role(doc, toks, person=True)) is not None
                verdict = not_a_person(doc, toks, surnames, role, seen, person_role=own)
                verdicts[m.text].append(verdict)
                if own and verdict is None:
                    roles.add(m.text)
        kind_of.update(  # the evidence against in at least half the mentions
            (name, Counter(v for v in vs if v).most_common(1)[0][0])
            for name, vs in verdicts.items()
            if 2 * sum(1 for v in vs if v) >= len(vs) and name not in roles
        )
    out: list[tuple[Mention, list[Token]]] = []
    for m, toks in names:
        kind = kind_of.get(m.text) if m.type == "person" else None
        if kind == "drop":
            continue
        if kind is not None:
            m = replace(m, type=kind, label="GPE" if kind == "place" else "ORG")
        out.append((m, toks))
    alone = {m.text for m, toks in out if m.type == "person" and len(toks) == 1}
    full = {m.text for m, toks in out if m.type == "person" and len(toks) > 1}
    for n, (m, toks) in enumerate(out):
        if m.type != "organization" or len(toks) < 2:
            continue
        # the longest run of two or three capitalised words ending the name that opens
        # with a first name: "Mason Rudolph", "Penelope Muse Abernathy"; or a full name the
        # text gives a person ("envoy to Moldavia Tobias Renner", taken for one organisation)
        for k in range(max(0, len(toks) - 3), len(toks) - 1):
            run = toks[k:]
            if toks[-1].text not in alone and (
                k == 0 or doc_text(doc)[run[0].idx : _end(run[-1])] not in full
            ):
                continue
            if all(t.is_title and t.is_alpha for t in run) and is_first_name(run[0].text):
                out[n] = (_mention(doc, run, "person", "PERSON", m.span.article_id), run)
                break
    return out


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _token_range(doc: Doc, m: Mention) -> tuple[int, int]:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def _place_context(doc: Doc, start: int, end: int) -> bool:
    """A one-word name where places stand: "in Millbank", "the Millbank district"."""
    if end - start != 1:
        return False
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    if before in _LOCATIVE_BEFORE and after not in ("'s", "’s"):
        return True
    return after in _PLACE_NOUNS


def _mention(doc: Doc, toks: Sequence[Token], kind: str, label: str, article_id: str) -> Mention:
    start, end = toks[0].idx, _end(toks[-1])
    if doc_text(doc)[start:end].endswith(("'s", "’s")) and end - start > 2:
        end -= 2
    return Mention(Span(article_id, start, end), doc_text(doc)[start:end], kind, label)


def _name_like(t: Token) -> bool:
    hyphenated = t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_
    return (
        t.text[:1].isupper() or t.lower_ in _PARTICLES or t.text in ("-", ".") or hyphenated
    ) and not any(c.isdigit() or c in "@#/_" for c in t.text)


# The words that join a place's name to the river or the region it stands by: "Frankfurt
# am Main", "Halle an der Saale", "Newcastle upon Tyne" ("an" and "ob" only with their
# article: "gave Kessen an Oscar").
_PLACE_JOINS: dict[str, tuple[str, ...]] = {
    "am": (),
    "im": (),
    "upon": (),
    "sur": (),
    "sul": (),
    "an": ("der",),
    "ob": ("der",),
}
_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
_NAME_LABELS = frozenset(("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP", ""))
# "Kessen am Montag" is a day, not a place by a river.
_CALENDAR = frozenset(
    re.findall(
        r"\w+",
        "montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende januar februar "
        "märz april mai juni juli august september oktober november dezember monday tuesday "
        "wednesday thursday friday saturday sunday",
    )
)


def _whole_names(doc: Doc) -> list[DocSpan]:
    """The recogniser's entities, each widened to the whole name the text gives: a place and
    the river or region its name goes on to ("Braunau" and "Inn" of "Braunau am Inn", the
    second taken for a person), and a person's first name the recogniser left out ("Adolf"
    before "Hitler": a capitalised proper noun outside any entity, not a title)."""
    ents = list(doc.ents)
    out: list[DocSpan] = []
    skip_to = 0
    for n, ent in enumerate(ents):
        if ent.start < skip_to:
            continue
        start, end, label = ent.start, ent.end, ent.label_
        if label in _PLACE_LABELS:
            end = _place_tail(doc, end, ents[n + 1 :])
        elif label == "PERSON" and start > 0:
            first = doc[start - 1]
            before = doc[start - 2] if start > 1 else None
            if (
                first.pos_ == "PROPN"
                and first.ent_iob_ == "O"
                and first.is_title
                and first.is_alpha
                and first.lower_ not in _TITLES
                and not first.is_sent_start
                and not (before is not None and before.lower_ in _TITLES)
                and not _runs_in(first)
            ):
                start -= 1
        skip_to = end
        out.append(ent if (start, end) == (ent.start, ent.end) else DocSpan(doc, start, end, label))
    return out


def _place_tail(doc: Doc, end: int, later: Sequence[DocSpan]) -> int:
    """Where a place's name ends when it goes on with a joining word and a proper name
    ("am Inn", "upon Tyne", "an der Saale"): the end of that name, else ``end``."""
    i = end
    if i >= len(doc) or doc[i].text not in _PLACE_JOINS:
        return end
    articles = _PLACE_JOINS[doc[i].text]
    i += 1
    if articles:
        if i >= len(doc) or doc[i].text not in articles:
            return end
        i += 1
    if i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].is_title:
        if doc[i].ent_type_ not in _NAME_LABELS or doc[i].lower_ in _CALENDAR:
            return end  # "Kessen am Montag": a date
        nxt = next((e for e in later if e.start == i), None)
        return nxt.end if nxt is not None else i + 1
    return end


_POSSESSIVE = frozenset(("'s", "’s", "'", "’"))


def _clean_tokens(toks: list[Token], kind: str) -> list[Token]:
    """A name's tokens without "the", honorifics, titles, possessives and trailing words."""
    if kind == "person":  # "Jeff Bezos's Blue Origin": the name ends at its possessive
        cut = next((n for n, t in enumerate(toks) if n and t.lower_ in _POSSESSIVE), None)
        toks = toks[:cut]
    toks = [t for t in toks if t.lower_ not in _POSSESSIVE]
    while toks and (
        toks[0].is_punct
        or toks[0].lower_ == "the"
        or (kind == "person" and toks[0].lower_ in _TITLES)
    ):
        toks = toks[1:]
    if kind == "person":
        cut = next(
            (
                n
                for n, t in enumerate(toks)
                if not _name_like(t) or t.pos_ in ("VERB", "AUX") or _spaced_dash(t)
            ),
            None,
        )
        toks = untitled(trim_name(toks[:cut]))  # "Hawks DL Karl Brenner" is Karl Brenner
        if len(toks) > 1 and _runs_in(toks[0]) and first_name_gender(toks[1].lower_):
            toks = toks[1:]  # "envoy to Moldavia Tobias Renner", "Sorry Marissa"
        while toks and not toks[-1].is_alpha:
            toks = toks[:-1]
        return toks if 0 < len(toks) <= 7 and any(len(t.text) > 1 for t in toks) else []
    toks = _org_run(toks) if kind == "organization" else toks
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    words = [t.lower_ for t in toks if t.is_alpha]
    if (
        not toks
        or not (toks[0].text[:1].isupper() or toks[0].text[:1].isdigit())
        or (toks[0].lower_ == "operation" and len(toks) > 1)  # an event
        or (len(toks) == 1 and (toks[0].pos_ == "ADJ" or toks[0].dep_ == "amod"))
        or (words and all(w in _OFFICE_PARTS for w in words))
    ):
        return []
    return toks


# Lower-case words inside an organisation's name ("Bureau of Prisons", "Centers for Disease
# Control", "Council on Foreign Relations", "Banco de la Nación").
_ORG_JOINS = _set(
    "of for and on in the de del della di da du des la le los las von van der den y et"
)


def _org_run(toks: list[Token]) -> list[Token]:
    """An organisation's name without the words the recogniser ran on past it: it ends before
    a lower-case preposition or conjunction that joins no name ("Associated Press that ...",
    "Northvale Music Awards after Vasquez", "Brightwick to Corvane Holdings", "SLS at Telmont
    Assembly Facility"; "at" stays after a university: "University of Orla at Senn"), before a
    comma between two names (:func:`_two_names`), and never with a joining word last
    ("Corvax Tablet for", "Bureau of"); a noun in lower case stays ("the Harrowgate
    centre")."""
    for n, t in enumerate(toks):
        if n == 0:
            continue
        if t.text == "," and _two_names(toks, n):
            return _org_run(toks[:n])
        if (
            t.is_lower
            and t.is_alpha
            and t.lower_ not in _ORG_JOINS
            and t.pos_ in ("ADP", "SCONJ", "PRON", "DET", "CCONJ")
            and not (t.lower_ == "at" and any(x.lower_ == "university" for x in toks[:n]))
        ):
            return _org_run(toks[:n])
    while toks and toks[-1].lower_ in _ORG_JOINS:  # "Bureau of"
        toks = toks[:-1]
    return toks


def _two_names(toks: list[Token], n: int) -> bool:
    """The comma ``toks[n]`` parts two organisations run together: the words before it or
    after it are an organisation of their own elsewhere in the text ("Starship, Orvane
    Aerospace" beside "Orvane Aerospace"), not the parts of one long name ("Bureau of Ocean
    Survey, Regulation and Enforcement") nor a company ending ("Halvorsen Dynamics, Inc.")."""
    nxt = toks[n + 1] if n + 1 < len(toks) else None
    if nxt is None or nxt.lower_.rstrip(".") in _COMPANY_ENDS:
        return False
    doc = toks[0].doc
    before, after = toks[0].idx, toks[n].idx
    parts = {
        doc_text(doc)[before:after].strip(),
        doc_text(doc)[nxt.idx : _end(toks[-1])].strip(),
    }
    return any(e.label_ == "ORG" and e.text in parts and e.start != toks[0].i for e in doc.ents)


def _runs_in(tok: Token) -> bool:
    """A word before a first name that is no part of the name: the place a title ends with
    ("envoy to Moldavia Tobias Renner", right after a preposition), a country's name, or a
    common word that is no first name or surname ("Sorry Marissa")."""
    if is_first_name(tok.text):
        return False
    after_preposition = tok.i > 0 and tok.doc[tok.i - 1].pos_ == "ADP"
    common = tok.pos_ != "PROPN" and _common_word(tok.text)  # not "San" of "San Luis"
    return after_preposition or is_place_name(tok.text) or common


def _spaced_dash(tok: Token) -> bool:
    """A dash with a space on either side ("Alberto Quintana - The Courier", a credit): no
    hyphen inside a name ("Ngo-Anh")."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.text in ("-", "–", "—") and bool(
        tok.whitespace_ or (before is not None and before.whitespace_)
    )


def _person_words(mentions: Sequence[Mention]) -> set[str]:
    """Last and first words of the full person names in an article."""
    out: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.type == "person" and len(words) > 1:
            out.update((words[-1], words[0]))
    return {w for w in out if w[:1].isupper() and w.lower() not in _PARTICLES}


def _demonym(word: str, places: set[str]) -> bool:
    """'Gazan' beside 'Gaza', 'Israeli' beside 'Israel': an adjective, not a place."""
    ends = ("n", "an", "ian", "i", "ese", "ish")
    return any(word.startswith(p) and word[len(p) :] in ends for p in places if p != word)


def _not_a_person(m: Mention, doc: Doc, seen: dict[str, bool] | None = None) -> bool:
    """A heading or byline in capitals (not a transcript turn "PENCE:"), or two words the
    article also uses to modify a noun ("Iron Dome missile defence system"; not a name that
    begins with a first name, "the Kylie Jenner makeover"). ``seen``
    keeps the second answer per name, as it scans the whole text."""
    if m.text.isupper() and len(m.text) > 3 and doc_text(doc)[m.end : m.end + 1] != ":":
        return True
    # "the Kylie Jenner makeover": a name that begins with a first name may modify a noun,
    # but not a kind of place or institution ("Walter Reed hospital")
    heads = _INSTITUTIONS if is_first_name(m.text.split()[0]) else None
    if seen is None:
        return _modifies_a_noun(m, doc, heads)
    if m.text not in seen:
        seen[m.text] = _modifies_a_noun(m, doc, heads)
    return seen[m.text]


def _an_adverb(toks: Sequence[Token]) -> bool:
    """One word the parser reads as an adverb of its clause, which the recogniser took for a
    name: "Nationally, dealers sold ..." (a person), "Statewide, ..." (an organisation)."""
    return len(toks) == 1 and toks[0].tag_ == "RB" and toks[0].dep_ == "advmod"


def _not_a_name(doc: Doc, toks: Sequence[Token], ent_start: int) -> bool:
    """A "person" that is no one's name: a thing with "the" before it ("Getting to the
    Moon"), one word of a longer name ("Case" of "BMJ Case Reports"), or a word that only
    ever modifies a noun ("Humidifier lung", "Sallow fever")."""
    first = doc[min(ent_start, toks[0].i)]
    if first.i > 0 and doc[first.i - 1].lower_ == "the" and doc[first.i - 1].dep_ == "det":
        return True
    if first.lower_ == "the":
        return True
    if len(toks) != 1:
        return False
    tok = toks[0]
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if (
        before is not None
        and after is not None
        and before.pos_ == "PROPN"
        and before.is_title | before.is_upper
        and before.ent_type_ not in ("NORP", "PERSON")
        and before.lower_ not in _TITLES
        and after.pos_ == "PROPN"
        and after.is_title
    ):
        return True
    same = _tokens_of(doc, ORTH, (tok.text,))
    return all(
        t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.is_lower and t.head.i > t.i
        for t in same
    )


def _tokens_of(doc: Doc, attr: int, strings: Iterable[str]) -> list[Token]:
    """The tokens of ``doc`` whose ``attr`` (``ORTH``: text, ``LOWER``: lower case) is one
    of ``strings``, in text order: looked up in an index built once per parse, not token by
    token."""
    return [doc[i] for i in tokens_with(doc, attr, strings)]


# The nouns a person's name may modify only when it names a place or an institution.
_INSTITUTIONS = (
    _PLACE_NOUNS
    | _ORG_HEADS
    | _set(
        """hospital hospitals clinic school college academy centre center airport station
        prison stadium arena library museum hall building tower memorial"""
    )
)


def _modifies_a_noun(m: Mention, doc: Doc, heads: frozenset[str] | None = None) -> bool:
    """A name of two words or more the text uses to modify a noun (one of ``heads`` when
    given)."""
    text = doc_text(doc)
    for start, end in _before_lower_word(text, m.text) if " " in m.text else ():
        span = doc.char_span(start, end - 2, alignment_mode="expand")
        if (
            span is not None
            and span[-1].dep_ == "compound"
            and span[-1].head.pos_ == "NOUN"
            and (heads is None or span[-1].head.lower_ in heads)
        ):
            return True
    return False


_SPACE_LOWER = re.compile(r"\s+[a-z]")


def _before_lower_word(text: str, name: str) -> Iterator[tuple[int, int]]:
    """The spans of ``re.finditer(re.escape(name) + r"\\s+[a-z]", text)`` (``name`` not
    empty), found as literal text and one pattern compiled once rather than a pattern
    compiled for each name.

    >>> list(_before_lower_word("Iron Dome system, Iron Dome  rockets; Iron Dome.", "Iron Dome"))
    [(0, 11), (18, 30)]
    """
    at = text.find(name)
    while at >= 0:
        found = _SPACE_LOWER.match(text, at + len(name))
        if found:
            yield at, found.end()
            at = text.find(name, found.end())
        else:
            at = text.find(name, at + 1)


def _nominals(
    doc: Doc,
    mentions: Sequence[Mention],
    in_roles: set[int],
    blocked: Sequence[tuple[int, int]],
    article_id: str,
) -> list[Mention]:
    people = _article_people(mentions)
    roles: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        if m.type == "person" and m.role and m.text in people:
            roles[people[m.text]].append(m.role)
    if not roles:
        return []
    quoted = quote_segments(doc_text(doc))
    named = {i for m in mentions if m.type == "person" for i in range(*_token_range(doc, m))}
    taken = in_roles | named
    out = []
    for t in _tokens_of(doc, LOWER, TITLE_WORDS):
        head = t.head if t.dep_ == "conj" else t  # "the UN chief and top US diplomat"
        if (
            t.pos_ not in ("NOUN", "PROPN")
            or t.tag_ in ("NNS", "NNPS")
            or t.i in taken
            or t.dep_ in ("compound", "appos")
            or any(c.dep_ == "appos" and c.i in named for c in t.children)
            or any(c.lower_ in _NOT_CURRENT for c in t.lefts)
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
            or any(s <= t.idx < e for s, e in quoted)
        ):
            continue
        mods = [c.left_edge.i for c in t.lefts if c.dep_ in ("compound", "amod", "nmod")]
        last = t.i
        if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of" and doc[t.i + 1].head.i == t.i:
            nxt = doc[t.i + 2]
            if nxt.text[:1].isupper() and nxt.ent_type_ != "PERSON":
                last = t.i + 2  # "the US Secretary of State"
        start, end = doc[min([t.i, *mods])].idx, _end(doc[last])
        description = doc_text(doc)[start:end]
        fits = [p for p, rs in roles.items() if any(role_matches(description, r) for r in rs)]
        if len(fits) == 1 and not _is_blocked(blocked, start, end):
            out.append(
                Mention(
                    Span(article_id, start, end),
                    description,
                    "person",
                    "NOMINAL",
                    nominal=True,
                    same_as=fits[0],
                )
            )
    return out


def _article_people(mentions: Sequence[Mention]) -> dict[str, str]:
    """Person name as written -> the full name it stands for in the article (itself when it
    is one or has none, else the only full name it fits)."""
    full = [m.text for m in mentions if m.type == "person" and len(m.text.split()) > 1]
    groups = _group_full_names([("", n) for n in dict.fromkeys(full)])
    full = list(dict.fromkeys(full))
    out: dict[str, str] = {}
    # once per name as written, not per mention: a long article repeats its names
    for text in dict.fromkeys(m.text for m in mentions if m.type == "person" and not m.nominal):
        fits = {groups[("", n)] for n in full if n == text or _short_fits(text, n)}
        if len(fits) <= 1:
            out[text] = fits.pop() if fits else text
    return out


def _pair_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Israel Defense Forces (IDF)', 'IDF (Israel Defense Forces)': one organisation."""
    out = list(mentions)
    at = {(m.start, m.end): n for n, m in enumerate(out)}
    for m in mentions:
        pattern = r"\s*\(\s*([A-Z][A-Za-z.&]{1,9}|[A-Z][\w.'’ -]{3,60}?)\s*\)"
        found = re.match(pattern, text[m.end : m.end + 80]) if m.type != "person" else None
        if not found or m.nominal:
            continue
        inner = found.group(1)
        short, long = sorted((inner, m.text), key=len)
        letters = [c for c in short if c.isalpha()]
        caps = iter([w[0] for w in long.split() if w[:1].isupper()])
        if not letters or not "".join(letters).isupper() or letters[0] != next(caps, ""):
            continue
        if len(long.split()) < 2 or not all(c in caps for c in letters[1:]):
            continue
        s, e = m.end + found.start(1), m.end + found.end(1)
        if (s, e) in at:
            out[at[(s, e)]] = replace(out[at[(s, e)]], same_as=m.text)
        else:
            out.append(
                Mention(Span(m.span.article_id, s, e), inner, m.type, m.label, same_as=m.text)
            )
    return out
