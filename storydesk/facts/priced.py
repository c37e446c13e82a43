"""What a money amount or a percentage is of: the thing it prices or measures ("deal",
"share price", "emergency fund", "vote share") and whose it is ("Smith", "donors").

Two amounts compare only when they price the same thing: an $8.4 billion deal price and a
$57 share price are two quantities, and a vote share belongs to the candidate named with it,
not to the subject of the sentence ("Smith won 52 percent and Jones 45 percent").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..timeline import words
from .reading import _PEOPLE, _first_conjunct, _is_unit_word
from .verbs import _participle

# What an acquisition is called: they all price the deal.
_DEAL_NOUNS = words("deal acquisition takeover purchase buyout merger")
# "buy X for $N", "pay $N for X": the price of a deal.
_DEAL_VERBS = words("buy acquire purchase sell pay")
# Verbs that move a level to the amount: "raise its fund to $65 million", "rose to 9.5%".
CHANGE_VERBS = words(
    "rise raise increase climb grow jump reach hit swell mount soar surge fall drop decline "
    "cut lower reduce boost lift top double triple slash"
)
_STOCK_NOUNS = words("share shares stock stocks")
# "won 52 percent": a candidate's or party's share of the vote.
_WIN_VERBS = words("win take get receive secure capture garner poll")
_VOTE_NOUNS = words("vote votes ballot ballots")
_PAYMENT_FORMS = words("cash stock stocks shares")
_SYMBOLS = frozenset({"$", "£", "€", "¥", "US$"})
_QUALIFIER_WORDS = words("about approximately some nearly around roughly")


@dataclass(frozen=True, slots=True)
class Priced:
    """What an amount is of: ``thing`` (a noun phrase; ``""`` for a part of a price that
    names no whole: "including $281 million"), ``owner`` (whose), ``verb`` (what the owner
    did with it, when no thing is named) and whether the text says the level ``changed``
    to this amount."""

    thing: str | None
    owner: str | None
    verb: str | None
    changed: bool

    @property
    def named(self) -> bool:
        """A thing priced, or an owner and what it did: enough to compare sources by."""
        return bool(self.thing) or (self.owner is not None and self.verb is not None)

    def what(self, unit: str) -> str:
        """ "deal (USD)", "Smith share (%)", "donors pledged (USD)"; the bare unit when the
        amount is of nothing named."""
        words_ = [w for w in (self.owner, self.thing or self.verb) if w]
        if self.thing == "":
            words_ = ["part"]
        return f"{' '.join(words_)} ({unit})" if words_ else unit


def _noun_words(noun: Token) -> str:
    """The noun with the modifiers that say which ("emergency fund", "pay rise"), not the
    unit of the amount ("a 9 percent pay rise")."""
    if noun.lemma_.lower() in _PEOPLE:
        return "people"
    mods = [
        c.text
        for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod")
        and c.i < noun.i
        and (c.ent_type_ in ("NORP", "ORG", "GPE") or c.pos_ in ("NOUN", "PROPN"))
        and not c.like_num
        and not _is_unit_word(c)
    ]
    text = " ".join([*mods, noun.text])
    return text if noun.pos_ == "PROPN" or noun.ent_type_ else text.lower()


# Nouns that say what kind of amount, not of what: "the price of a new truck" and "the
# price for a new sedan" are two quantities, a truck price and a sedan price.
_MEASURE_OF = words("price cost value fee fare rent salary wage budget bill")


def _measured(noun: Token) -> Token | None:
    """The thing a measure noun is of or for ("price of a new truck": truck)."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for"):
            for o in c.children:
                if o.dep_ == "pobj" and _named_noun(o) and not _is_unit_word(o):
                    return o
    return None


def _thing(noun: Token) -> str:
    """A priced noun, normalised: every name of an acquisition is the deal, a share is the
    share price, and a measure noun says what it measures ("truck price")."""
    lemma = noun.lemma_.lower()
    if lemma in _MEASURE_OF:
        measured = _measured(noun)
        if measured is not None and measured.lemma_.lower() not in _MEASURE_OF:
            return f"{_thing(measured)} {_noun_words(noun)}"
    if noun.tag_ == "NN" and (lemma in _DEAL_NOUNS or noun.lower_ in _DEAL_NOUNS):
        return "deal"  # one deal; "deals worth $2.5 billion" are others
    if lemma in _STOCK_NOUNS or noun.lower_ in _STOCK_NOUNS:
        mods = [
            c.text for c in noun.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
        ]
        return " ".join([*mods, "share price"])
    return _noun_words(noun)


def _named_noun(token: Token | None) -> bool:
    return (
        token is not None
        and token.pos_ in ("NOUN", "PROPN")
        and not token.like_num
        and any(c.isalpha() for c in token.text)  # "#" for "£" in some corpora
    )


def _per_share(anchor: Token) -> bool:
    """ "$57 a share", "$24 per share"."""
    doc = anchor.doc
    after = [t.lower_ for t in doc[anchor.i + 1 : anchor.i + 3]]
    return len(after) == 2 and after[0] in ("a", "per", "each") and after[1] in _STOCK_NOUNS


def _of_object(token: Token) -> Token | None:
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj" and _named_noun(o):
                    return o
    return None


def _subject(verb: Token) -> Token | None:
    return next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and _named_noun(c)), None
    )


def _object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and _named_noun(c)), None)


def _owner_beside(anchor: Token) -> Token | None:
    """ "Jones 45 percent", "Smith's 52 percent": a name that owns the amount itself."""
    for c in anchor.children:
        if c.dep_ in ("nmod", "poss", "compound") and c.i < anchor.i and _named_noun(c):
            return c
    return None


def _part(number: Token, anchor: Token) -> str | None:
    """Part of a price: "$281 million in cash" is the cash payment (not the deal), and
    "including $281 million", "of which $281 million" a part of no named thing ("")."""
    doc = number.doc
    after = [t.lower_ for t in doc[anchor.i + 1 : anchor.i + 5]]
    if after[:1] == ["in"] and after[1:2] and after[1] in _PAYMENT_FORMS:
        if after[2:3] == ["and"] and after[3:4] and after[3] in _PAYMENT_FORMS:
            return None  # "in cash and stock": the whole price
        return ("stock" if after[1] in _STOCK_NOUNS else after[1]) + " payment"
    first = number
    while first.i > 0 and (doc[first.i - 1].like_num or doc[first.i - 1].text in _SYMBOLS):
        first = doc[first.i - 1]
    before = [t.lower_ for t in doc[max(0, first.i - 3) : first.i]]
    if before[-1:] == ["including"] or before[-2:] == ["of", "which"]:
        return ""
    if before and before[-1] in _QUALIFIER_WORDS and len(before) > 1 and before[-2] == "including":
        return ""
    return None


def priced(number: Token, percent: bool) -> Priced:
    """What the amount whose last number token is ``number`` prices or measures."""
    anchor = number
    head = number.head
    if number.dep_ in ("nummod", "quantmod", "compound", "amod") and head.i > number.i:
        if _is_unit_word(head):
            anchor = head  # "52 percent", "$57m"
            above = head.head
            if (
                head.dep_ in ("nummod", "compound", "amod")
                and above.i > head.i
                and _named_noun(above)
            ):
                return Priced(_thing(above), None, None, False)  # "a 9 percent pay rise"
        elif _named_noun(head):
            # "$8.4 billion deal", "$40 million emergency fund"
            return Priced(_thing(head), None, None, False)
    if _per_share(anchor):
        return Priced("share price", None, None, False)
    part = _part(number, anchor)
    if part is not None:
        return Priced(part, None, None, False)
    owner_token = _owner_beside(anchor)
    owner = _noun_words(owner_token) if owner_token is not None else None
    x = _first_conjunct(anchor)
    of = _of_object(anchor)
    if percent and of is not None:
        thing = "share" if of.lemma_.lower() in _VOTE_NOUNS else f"{_thing(of)} share"
    else:
        thing = None
    if x.head.lower_ == "worth" and x.head.i != x.i:
        # "a deal worth $334 million", "the deal is worth $334 million"
        worth = x.head
        # "make the company worth $22 billion": the company, not the deal making it so
        held = (
            _subject(worth)
            or (worth.head if _named_noun(worth.head) else None)
            or _object(worth.head)
            or _subject(worth.head)
        )
        return Priced(_thing(held) if held is not None else None, owner, None, False)
    verb = x.head if x.head.pos_ in ("VERB", "AUX") and x.head.i != x.i else None
    changed = False
    if x.dep_ == "pobj":
        prep = x.head
        above = prep.head
        # "revenue of $54 billion", "a fund of $40 million"
        if prep.lower_ == "of" and _named_noun(above):
            return Priced(_thing(above), owner, None, False)
        # "up from the $40 million": the verb that moved the level
        if above.lower_ in ("up", "down") and above.head.pos_ == "VERB":
            above = above.head
        if above.pos_ in ("VERB", "AUX"):
            verb = above
            changed = above.lemma_.lower() in CHANGE_VERBS
            lemma = above.lemma_.lower()
            if prep.lower_ == "for" and lemma in _DEAL_VERBS:
                return Priced("deal", None, None, False)  # "buy Dunmore for $8.4 billion"
            if prep.lower_ in ("to", "at", "from"):
                # "raise its emergency fund to $65m", "shares closed at $57",
                # "unemployment rose to 9.5%", "values the acquisition at $13.9bn"
                level = _object(above) or _subject(above)
                if level is not None and thing is None:
                    return Priced(_thing(level), owner, None, changed)
            if prep.lower_ == "by":
                verb = None  # "rose by 9%": a change, not a level
    if verb is None:
        return Priced(thing, owner, None, changed)
    lemma = verb.lemma_.lower()
    if lemma == "pay" and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return Priced("deal", None, None, False)  # "pay $8.4 billion for Dunmore"
    if x.dep_ == "attr" or (verb.pos_ == "AUX" and lemma == "be"):
        subject = _subject(verb)  # "Turnout was 61 percent"
        return Priced(
            thing or (_thing(subject) if subject is not None else None), owner, None, False
        )
    if owner is None and x.dep_ in ("dobj", "npadvmod", "nsubj", "nsubjpass"):
        subject = _subject(verb)
        if subject is not None and subject.i != x.i:
            owner = _noun_words(subject)
    if percent and thing is None and lemma in _WIN_VERBS and owner is not None:
        thing = "share"  # "Jones took 45 percent"
    return Priced(thing, owner, _participle(verb), changed)
