"""Who can be a speaker, and whom a speaker's words stand for when they are not a name.

A quote needs a speaker that is a person, an organisation or a described source ("a senior
official", "police"): "the blockade said" or "the two countries said" leaves it
unattributed. "It said" and "the company said" stand for the organisation named before;
"they said" for the group that spoke last; a document ("a statement from the ministry", "the
report says") for the body that issued it; a "he" or "she" never for the person the verb
speaks to ("he told President Vesk").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token
from wordfreq import zipf_frequency

from .people import _People
from .vocabulary import (
    _DOCUMENT_NOUNS,
    _GROUP_NOUNS,
    _INDEFINITE_SOURCES,
    _ISSUE_VERBS,
    _ISSUER_PREPS,
    _NOT_AGENTS,
    _PERSON_NOUNS,
    _QUANTITY_HEADS,
    _SUBJECT_DEPS,
    _TITLE_PARTS,
    SPEECH_VERBS,
    _set,
)

_PRONOUN_KINDS = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "his": "person",  # whose words: "His advice is simple: ..."
    "i": "first",
    "we": "first",
    "you": "first",
    "me": "first",
    "us": "first",
    "it": "it",
    "they": "they",
    "them": "they",
}


# Entity labels that never speak, whatever the part of speech.
_MUTE = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


# Endings of agent nouns ("announcer", "narrator", "lobbyist", "detainee"), less the
# words of those endings that are no one (:data:`_NOT_AGENTS`).
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "men", "ee", "ess", "eer", "person")


@lru_cache(maxsize=4096)
def _common_word(word: str, capitalised_anyway: bool) -> bool:
    """A word common in English text ("Return", "Deadline"), not a rare name ("Brenner").
    Where a capital letter tells nothing (at the start of a sentence or in a headline) a
    fairly common word is taken for one; elsewhere only a very common one ("Ban" said is
    a name)."""
    floor = 4.8 if capitalised_anyway else 5.0
    if word.endswith("s") and zipf_frequency(word[:-1], "en") >= floor + 0.3:
        return True  # "Keeps", a verb in a headline
    return zipf_frequency(word, "en") >= floor


def _capitalised_anyway(tok: Token) -> bool:
    """At the start of a sentence or a line, or in a line of capitalised words."""
    if tok.is_sent_start or tok.i == 0 or "\n" in tok.doc[tok.i - 1].whitespace_:
        return True
    line = [t for t in tok.sent if t.is_alpha and len(t) > 3]
    return len(line) > 2 and all(t.is_title for t in line)


def _aged(head: Token) -> bool:
    """ "The 56-year-old": a person named by age alone, as "he" or "she" is."""
    return (
        head.lower_ == "old"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        and any(
            c.lower_ in ("year", "years") and any(n.dep_ == "nummod" for n in c.children)
            for c in head.children
        )
    )


def speaker_kind(head: Token, people: _People) -> str | None:
    """What a cue's subject is: ``"person"`` (he, she), ``"aged"`` ("the 56-year-old"),
    ``"first"`` (I, we, you),
    ``"it"``, ``"they"``, ``"name"`` (a person's or organisation's name), ``"described"``
    (a person or body described: "a senior official", "the ministry", "others"),
    ``"document"`` ("the report", "a statement"), or ``None``: not a speaker."""
    lower = head.lower_
    if _aged(head):
        return "aged"
    if head.is_upper and len(lower) > 1 and people.org_for_acronym(head.text, head.i):
        return "name"  # "WHO said", after "the World Health Organization (WHO)"
    if lower in _PRONOUN_KINDS:
        return _PRONOUN_KINDS[lower]
    if lower in _INDEFINITE_SOURCES and head.pos_ in ("PRON", "DET", "NUM", "ADJ", "NOUN"):
        return "described"
    if head.pos_ == "PRON":
        return None
    if people.key_for(head) is not None:
        return "name"
    if any(c.dep_ == "appos" and people.key_for(c) is not None for c in head.children):
        return "name"  # "Kerry's spokeswoman, Jen Psaki"
    label = head.ent_type_
    if head.is_upper and lower in _PERSON_NOUNS and len(name_tokens(head)) == 1:
        return "described"  # "The company's CFO said", taken for an organisation
    if label in ("PERSON", "ORG", "NORP", "GPE"):
        return "name"
    if label in _MUTE and head.lemma_.lower() not in _QUANTITY_HEADS:
        return None
    lemma = head.lemma_.lower()
    if lemma in _QUANTITY_HEADS or lower in _QUANTITY_HEADS:  # "52 percent of voters"
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        # "63 percent said": of those asked
        return speaker_kind(whole, people) if whole is not None else "described"
    if head.pos_ == "PROPN":
        run = name_tokens(head)
        if all(t.lower_ in _PERSON_NOUNS or t.lower_ in _TITLE_PARTS for t in run):
            return "described"  # "the Vice President said": a title, not a name
        if len(run) > 1 or not _common_word(lower, _capitalised_anyway(head)):
            return "name"
        # a capitalised common word: "Police said", not "Return said"
        return _noun_kind(lower, lower)
    if head.pos_ == "NOUN":
        return _noun_kind(lower, lemma)
    return None


def _noun_kind(lower: str, lemma: str) -> str | None:
    if "-" in lemma and lemma[-1].isalpha():  # "ex-wife", "co-founder", "vice-chairman"
        lower, lemma = lower.rsplit("-", 1)[-1], lemma.rsplit("-", 1)[-1]
    if lemma in _DOCUMENT_NOUNS or lower in _DOCUMENT_NOUNS:
        return "document"
    if (
        lemma in _PERSON_NOUNS
        or lemma in _GROUP_NOUNS
        or lower in _PERSON_NOUNS
        or lower in _GROUP_NOUNS
        or (lemma.endswith(_PERSON_SUFFIXES) and lemma not in _NOT_AGENTS and len(lemma) > 4)
        or lower.endswith("-old")  # "the 46-year-old"
    ):
        return "described"
    return None


def name_tokens(head: Token) -> list[Token]:
    """A proper name around its head: the words joined to it ("Channel 9", "Atlanta
    Falcons"), without a determiner."""
    left = [t for t in head.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
    while left and left[-1].i != head.i - len(left):  # only the run right before the head
        left = left[1:]
    right: list[Token] = []
    for t in head.rights:
        if t.i != head.i + 1 + len(right):
            break
        if t.dep_ in ("nummod", "flat", "compound") and (t.pos_ in ("NUM", "PROPN")):
            right.append(t)
        else:
            break
    return [*left, head, *right]


def listeners(verb: Token | None, people: _People) -> set[int]:
    """The people ``verb`` speaks to ("told President Vesk", "said to Reyes")."""
    if verb is None:
        return set()
    out: set[int] = set()
    for c in verb.children:
        objects = [c] if c.dep_ in ("dobj", "dative") else []
        if c.dep_ in ("prep", "dative") and c.lower_ == "to":
            objects = [o for o in c.children if o.dep_ == "pobj"]
        for o in objects:
            for t in o.subtree:
                key = people.key_for(t)
                if key is not None:
                    out.add(key)
    return out


def _sentences_back(head: Token, n: int, people: _People | None = None) -> int:
    """The first token of the sentence ``n`` sentences before ``head``'s; with ``people``,
    not counting a sentence that lies wholly inside a quote ('"Any deal is theirs. We have
    no comment," they said': one sentence of the quote's, with the tag)."""
    doc, start = head.doc, head.sent.start
    count = 0
    while count < n and start > 0:
        sent = doc[start - 1].sent
        start = sent.start
        if people is None or any(
            t.i not in people.quoted and not (t.is_punct or t.is_space) for t in sent
        ):
            count += 1
    return start


def antecedent_of_it(head: Token, people: _People) -> Token | None:
    """What "it" (the subject of a cue) stands for: the latest organisation named, or body
    or document that was a subject, in its sentence or the two before (an organisation
    named up to four sentences before)."""
    own = _governing_subject(head)
    if own is not None:
        return own
    first = _sentences_back(head, 2)
    doc = head.doc
    # an organisation a few sentences before, when none is nearer and nothing else of its
    # kind is between ('Harlow Bank reported a loss. Shares fell. Analysts had expected a
    # profit. It said ...'): up to four sentences for a name, two for a noun
    far = _sentences_back(head, 4)
    for i in range(head.i - 1, far - 1, -1):
        t = doc[i]
        if i in people.quoted or i in people.offstage:
            continue
        last = i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I"
        if t.ent_type_ == "ORG" and last:
            return t  # the last token of an organisation's name
        if i < first:
            continue
        if t.dep_ in _SUBJECT_DEPS and t.pos_ == "NOUN" and t.tag_ == "NN":
            lemma = t.lemma_.lower()
            if lemma in _GROUP_NOUNS or lemma in _DOCUMENT_NOUNS:
                return t
    return None


def _governing_subject(it: Token) -> Token | None:
    """The subject of the clause that a relative clause of "it" hangs on: in 'Varnia blocks
    shipments of parts it says could be used in weapons', "it" is Varnia, not an
    organisation named in the sentence before. A name or a body, not a person noun."""
    verb = it.head
    if it.dep_ != "nsubj" or verb.dep_ != "relcl":
        return None
    clause = verb.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < it.i), None)
    if subject is None or subject.lower_ in ("it", "which", "that"):
        return None
    if subject.ent_type_ in ("ORG", "GPE", "NORP") or subject.lemma_.lower() in _GROUP_NOUNS:
        return subject
    # a place or body the recogniser did not tag ('Ruritania blocks ...'); "it" is no person
    return subject if subject.pos_ == "PROPN" and subject.ent_type_ != "PERSON" else None


def antecedent_of_they(head: Token, people: _People) -> Token | None:
    """What "they" (the subject of a cue) stands for: the group of people or body that
    spoke last, in its sentence or the one before ("Police said ... They added"); none
    when a group that did something else stands in between ("two soldiers were killed")."""
    first = _sentences_back(head, 1, people)
    doc = head.doc
    for i in range(head.i - 1, first - 1, -1):
        t = doc[i]
        if i in people.quoted or i in people.offstage or t.dep_ not in _SUBJECT_DEPS:
            continue
        lemma = t.lemma_.lower()
        plural = t.tag_ in ("NNS", "NNPS") or lemma in ("police", "staff", "crew")
        spoke = t.head.pos_ in ("VERB", "AUX") and t.head.lemma_.lower() in SPEECH_VERBS
        if not plural and spoke and (t.ent_type_ == "ORG" or lemma in _GROUP_NOUNS):
            # a body, as British papers write of one: "Calder Music have denied it. '...,'
            # they said"; "The company that runs the fair, Calder Productions, denies it"
            return t
        if not plural or not (
            lemma in _PERSON_NOUNS or lemma in _GROUP_NOUNS or t.ent_type_ in ("NORP", "ORG")
        ):
            continue
        return t if spoke else None
    return None


def issuer(document: Token, people: _People) -> Token | None:
    """The body that issued a document: named with it ("a statement from the ministry", "a
    police report", "the board's report", "a complaint filed by prosecutors"), else the
    latest that issued one of the same kind before ("The board published its annual
    report. The report says ..."; "X said in a statement")."""
    own = _own_issuer(document, people)
    if own is not None:
        return own
    verb = document.head
    if document.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in _ISSUE_VERBS:
        # "The company published a blog post that said ...": who published it
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and speaker_kind(subject, people) not in (None, "document"):
            return subject
    lemma = document.lemma_.lower()
    doc = document.doc
    first = max(0, document.i - 250)
    for i in range(document.i - 1, first - 1, -1):
        t = doc[i]
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or i in people.quoted:
            continue
        found = _own_issuer(t, people)
        if found is not None:
            return found
        verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "in" else t.head
        if t.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
            issuing = verb.lemma_.lower() in _ISSUE_VERBS and t.dep_ == "dobj"
            speaking = verb.lemma_.lower() in SPEECH_VERBS and t.dep_ == "pobj"
            if issuing or speaking:
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None and speaker_kind(subject, people) not in (
                    None,
                    "document",
                ):
                    return subject
    published = _latest_publisher(document, people)
    if published is not None:
        # "The Water Authority published its findings. The report says ...": the body that
        # issued a document of another name just before
        return published
    if lemma in _BODY_DOCUMENTS and not any(c.dep_ == "poss" for c in document.children):
        # "The Interior Ministry closed the border. A statement said ...": what a body
        # issues in its own name, from the organisation named last, in this sentence or
        # the one before
        return _latest_org(document, people)
    return None


# What a body finds and publishes: a study, a review, its findings. "The report" may be any
# of these (not "the transcript" of "made this statement").
_FINDINGS = _set(
    """report study review survey audit analysis assessment investigation inquiry research
    finding findings result results conclusion conclusions"""
)


# Documents by the deed that makes them: "Prosecutors charged Brenner. The complaint
# says ...", "Brenner wrote to staff. The letter said ...".
_MADE_BY = {
    **dict.fromkeys(
        ("complaint", "indictment", "lawsuit", "suit", "filing"),
        frozenset({"charge", "sue", "indict", "prosecute"}),
    ),
    **dict.fromkeys(
        ("letter", "memo", "memorandum", "email", "e-mail", "note", "message"),
        frozenset({"write", "send", "email", "e-mail"}),
    ),
}


def _latest_publisher(document: Token, people: _People) -> Token | None:
    """Who made a document of another name just before, in the sentence of ``document`` or
    the two before, when they can speak: for a report or study, the subject of a verb of
    issuing (not "make") whose object is findings of any name ("published its findings");
    for a complaint or a letter, the subject of the deed that makes one ("charged",
    "wrote")."""
    doc = document.doc
    lemma = document.lemma_.lower()
    deeds = _MADE_BY.get(lemma)
    if lemma not in _FINDINGS and deeds is None:
        return None
    for i in range(document.i - 1, _sentences_back(document, 2) - 1, -1):
        t = doc[i]
        if i in people.quoted:
            continue
        if deeds is not None:
            verb = t if t.pos_ == "VERB" and t.lemma_.lower() in deeds else None
        elif t.dep_ == "dobj" and t.lemma_.lower() in _FINDINGS:
            issuing = t.head.lemma_.lower() in _ISSUE_VERBS and t.head.lemma_.lower() != "make"
            verb = t.head if issuing else None
        else:
            verb = None
        if verb is None:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and speaker_kind(subject, people) not in (None, "document"):
            return subject
    return None


# Documents only a body issues in its own name.
_BODY_DOCUMENTS = frozenset({"statement", "release", "communique", "communiqué", "announcement"})


def _latest_org(head: Token, people: _People) -> Token | None:
    first = _sentences_back(head, 1)
    doc = head.doc
    for i in range(head.i - 1, first - 1, -1):
        t = doc[i]
        if i in people.quoted or i in people.offstage:
            continue
        if t.ent_type_ == "ORG" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I"):
            return t
    return None


def _own_issuer(document: Token, people: _People) -> Token | None:
    def fits(t: Token) -> bool:
        return speaker_kind(t, people) not in (None, "document", "first")

    for c in document.children:
        if c.dep_ == "prep" and c.lower_ in _ISSUER_PREPS:
            for o in c.children:
                if o.dep_ == "pobj" and fits(o):
                    return o
        if c.dep_ == "prep" and c.lower_ == "in":  # "a report in the Harlow Ledger"
            for o in c.children:
                if o.dep_ == "pobj" and o.ent_type_ == "ORG" and fits(o):
                    return o
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "a complaint filed by prosecutors"
            for agent in (a for a in c.children if a.dep_ == "agent"):
                for o in agent.children:
                    if o.dep_ == "pobj" and fits(o):
                        return o
        if c.dep_ == "relcl":  # "a speech Mrs. Clinton delivered"
            for o in c.children:
                if o.dep_ == "nsubj" and o.i < c.i and fits(o):
                    return o
        if c.dep_ == "poss" and c.lower_ == "its":  # "its report"
            return antecedent_of_it(c, people)
        if c.dep_ == "poss" and fits(c):
            return c  # "the board's report"
    # "referred to Cooke’s earlier testimony", parsed as two objects of "to": the owner
    # stands just before, with its possessive ending, though the parse does not join them
    edge = document.left_edge.i
    case = document.doc[edge - 1] if edge > 0 else None
    if case is not None and case.dep_ == "case" and case.head.i < edge and fits(case.head):
        return case.head
    compounds = [c for c in document.lefts if c.dep_ == "compound" and fits(c)]
    return compounds[-1] if compounds else None
