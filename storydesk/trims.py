"""Light trims: parts of a sentence a summary may leave out and still say nothing the
source did not say.

Each trim is a whole syntactic unit set off by commas or brackets, whose removal leaves a
grammatical sentence that states a subset of what the source stated:

- ``appositive``: "Ruiz, the port's director, said" -> "Ruiz said";
- ``relative``: a non-restrictive relative clause, ", which opened in 1998," ;
- ``parenthesis``: "(about 12 miles)";
- ``participle``: a closing participial clause, "..., leaving 40 homes without power.";
- ``opening``: a phrase that only says when or where, before a capitalised word:
  "On Tuesday, Ruiz said" -> "Ruiz said".

Nothing inside quotation marks is ever trimmed (a quote is kept as said), and no trim
holds a quotation mark. Trims are found on the parse once per article (:mod:`.nlp`) and
stored with the sentence as offsets, so a trimmed summary sentence is a sequence of
verbatim pieces of its source sentence, and its citation is the whole sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .model import Trim

TRIM_KINDS = ("appositive", "relative", "parenthesis", "participle", "opening")
_QUOTES = frozenset('"“”„«»')
_FINAL = frozenset({".", "!", "?"})
_RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_PLURAL = frozenset({"NNS", "NNPS"})
_SINGULAR = frozenset({"NN", "NNP"})
# Words that open another item of a list ("for flood control, the water supply, ...").
_ITEM_STARTS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "NUM"})
# Openings that only say when or where: "On Tuesday", "In Geneva", "Last week". Not
# "Under the plan", "Without rain", "According to police", "If ...", "Perhaps": leaving
# those out would turn a condition, a source or a doubt into a plain statement.
_OPENING = frozenset({"prep", "npadvmod"})
_OPENING_PREPOSITIONS = frozenset(
    {"on", "in", "at", "after", "before", "during", "since", "by", "overnight", "throughout"}
)
_CONDITIONS = frozenset(
    {"plan", "proposal", "deal", "agreement", "law", "rule", "term", "draft", "case", "event"}
)
# A trim that holds one of these may carry a caveat on the whole sentence ("(unconfirmed)",
# ", which has not been independently verified,"), or the source ("citing officials"):
# it is kept.
_CAVEATS = frozenset(
    {
        "confirm",
        "unconfirmed",
        "verify",
        "unverified",
        "independently",
        "allege",
        "alleged",
        "allegedly",
        "reportedly",
        "estimate",
        "estimated",
        "claim",
        "dispute",
        "disputed",
        "deny",
        "accord",
        "according",
        "approximately",
        "roughly",
        "preliminary",
        "provisional",
        "unofficial",
        "unclear",
        "uncertain",
        "cite",
        "quote",
    }
)


def _quote_marks(tokens: Sequence[Token]) -> list[int]:
    """For each token, how many quotation marks stand before it in the sentence."""
    out, seen = [], 0
    for t in tokens:
        out.append(seen)
        text = t.text
        if not _QUOTES.isdisjoint(text):  # most tokens hold none: skip the count
            seen += sum(ch in _QUOTES for ch in text)
    return out


def trims_of(tokens: Sequence[Token], words: dict[int, int]) -> tuple[Trim, ...]:
    """Trims of one sentence, given its tokens (no spaces) and the word index (position
    among its non-punctuation tokens) of each word token's ``Token.i``."""
    if len(tokens) < 6:
        return ()
    root = next((t for t in tokens if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return ()  # no main verb: a misparse or a fragment, whose parts cannot be told
    pos = {t.i: k for k, t in enumerate(tokens)}
    marks = _quote_marks(tokens)
    last = len(tokens) - 1
    closing = last if tokens[last].text in _FINAL else last + 1
    found: list[Trim] = []

    def words_in(a: int, b: int) -> tuple[int, int] | None:
        inside = [words[tokens[k].i] for k in range(a, b + 1) if tokens[k].i in words]
        return (inside[0], inside[-1] + 1) if inside else None

    def add(kind: str, a: int, b: int, start: int, end: int) -> None:
        span = words_in(a, b)
        if span is None or marks[a] % 2:
            return  # inside a quotation: a quote is kept as said
        part = tokens[a : b + 1]
        if any(ch in _QUOTES for t in part for ch in t.text):
            return  # no trim takes a quote mark away
        if any(t.lemma_.lower() in _CAVEATS for t in part):
            return
        found.append(Trim(start, end, span[0], span[1], kind))

    def set_off(kind: str, a: int, b: int, noun: Token) -> None:
        """Tokens a..b, which describe ``noun``, bounded by a comma before and a comma or
        the final stop after."""
        if a < 2 or tokens[a - 1].text != "," or b >= last:
            return
        after = tokens[b + 1]
        end = tokens[b].idx + len(tokens[b].text)
        if b + 1 == closing:  # "... met X, the director." -> "... met X."
            add(kind, a, b, tokens[a - 1].idx, end)
        elif after.text == "," and b + 2 < len(tokens):
            nxt = tokens[b + 2]
            if not _same_clause(noun, nxt):
                # "... of Caldonia, a small country, the agency quoted": keep the 2nd comma
                add(kind, a, b, tokens[a - 1].idx, end)
            elif not (nxt.tag_ == "VBG" or nxt.pos_ in _ITEM_STARTS):
                # "X, the director, said" -> "X said"; but not before another item of a
                # list ("for flood control, the water supply, cooling the streets ...")
                add(kind, a, b, tokens[a - 1].idx, after.idx + 1)

    for t in tokens:
        if t.dep_ not in ("appos", "relcl", "advcl"):
            continue  # only these set a phrase off (below): spare reading the edges
        if t.i not in pos:
            continue
        left, right = t.left_edge.i, t.right_edge.i
        if left not in pos or right not in pos:
            continue
        a, b = pos[left], pos[right]
        if (
            t.dep_ == "appos"
            and t.head.pos_ in _NOMINAL
            and t.head.i < t.i
            # "to party leader Anton Velik, regional officials in the north and several
            # smaller groups", "with Ivo Renn, port regulators ... and union officials": a
            # list the parse took for an appositive
            and not any(c.dep_ in ("cc", "conj") for c in t.children)
            and not (t.tag_ in _PLURAL and t.head.tag_ in _SINGULAR)
        ):
            set_off("appositive", a, b, t.head)
        elif t.dep_ == "relcl" and tokens[a].lower_ in _RELATIVE_WORDS:
            set_off("relative", a, b, t.head)
        elif (
            t.dep_ == "advcl"
            and t.tag_ == "VBG"
            and t.head.dep_ == "ROOT"
            and t.head.i < t.i
            and b + 1 == closing
            # "covers rents, deposits, charging fees for repairs and evicting ...": the
            # last items of a list the parse took for a clause
            and not any(tokens[k].text == "," for k in range(pos[t.head.i] + 1, a - 1))
        ):
            set_off("participle", a, b, t.head)
    # An opening phrase: "On Tuesday, the council voted" -> "The council voted" would change
    # a word, so only an opening before a capitalised word is trimmed.
    for child in root.children:
        if child.i not in pos or child.dep_ not in _OPENING or child.left_edge.i != tokens[0].i:
            continue
        if child.dep_ == "prep" and child.lower_ not in _OPENING_PREPOSITIONS:
            continue
        if any(w.lemma_.lower() in _CONDITIONS for w in child.subtree):
            continue
        end = pos.get(child.right_edge.i)
        if end is None or end + 2 > last or tokens[end + 1].text != ",":
            continue
        nxt = tokens[end + 2]
        if nxt.text[:1].isupper() and nxt.i <= root.i:
            add("opening", 0, end, tokens[0].idx, nxt.idx)
    for k, t in enumerate(tokens):
        if t.text != "(" or k < 2:
            continue
        close = next((j for j in range(k + 1, len(tokens)) if tokens[j].text == ")"), None)
        if close is None or close >= last:
            continue
        prev = tokens[k - 1]  # "X (Y) said" -> "X said"
        add("parenthesis", k, close, prev.idx + len(prev.text), tokens[close].idx + 1)
    return _outermost(found)


def _same_clause(noun: Token, nxt: Token) -> bool:
    """``nxt`` belongs to the clause of the verb that governs ``noun`` (so the two can be
    joined without the comma between them)."""
    verb = noun
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(w.i == nxt.i for w in verb.subtree)


def _outermost(trims: list[Trim]) -> tuple[Trim, ...]:
    """Trims not inside another one, in text order (no two overlap)."""
    trims.sort(key=lambda x: (x.start, -x.end))
    out: list[Trim] = []
    for x in trims:
        if out and x.start < out[-1].end:
            continue
        out.append(x)
    return tuple(out)


def apply(text: str, base: int, trims: Sequence[Trim]) -> str:
    """``text`` (a sentence starting at offset ``base``) without ``trims``."""
    out, at = [], base
    for x in sorted(trims, key=lambda x: x.start):
        out.append(text[at - base : x.start - base])
        at = x.end
    out.append(text[at - base :])
    return "".join(out)


def kept_lemmas(lemmas: Sequence[str], trims: Sequence[Trim]) -> tuple[str, ...]:
    """The sentence's word lemmas without the trimmed words."""
    drop = {k for x in trims for k in range(x.first_word, x.end_word)}
    return tuple(w for k, w in enumerate(lemmas) if k not in drop)
