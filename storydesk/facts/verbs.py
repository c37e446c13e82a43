"""What happened to a counted thing: the participle of its verb ("fired", "called up"), with
the casualty vocabulary normalised (:data:`VERB_CLASSES`) so sources that word one quantity
differently group together."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..timeline import words

# Verb (or noun) lemmas -> the participle a fact's ``what`` uses, so that sources that word
# one quantity differently group together.
VERB_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        words("kill die dead death toll fatality slay perish slaughter massacre execute"),
        "killed",
    ),
    **dict.fromkeys(words("wound injure hurt injured wounded casualty"), "wounded"),
    **dict.fromkeys(words("displace flee uproot evacuate homeless"), "displaced"),
    **dict.fromkeys(words("arrest detain jail imprison"), "arrested"),
    **dict.fromkeys(words("fire launch"), "fired"),
    **dict.fromkeys(words("infect"), "infected"),
    **dict.fromkeys(words("pledge promise"), "pledged"),
    **dict.fromkeys(words("missing unaccounted"), "missing"),
}
_CLASS_WORDS = frozenset(VERB_CLASSES.values())
# What happens to people: a bare "at least 20 were killed" counts people.
_PEOPLE_CLASSES = frozenset({"killed", "wounded", "displaced", "arrested", "infected", "missing"})
# Nouns that stand for a casualty count themselves ("798 deaths", "the dead").
_CASUALTY_NOUNS = {
    "death": "killed", "dead": "killed", "fatality": "killed", "life": "killed",
    "body": "killed", "injury": "wounded", "injured": "wounded", "wounded": "wounded",
    "casualty": "casualties",
}  # fmt: skip
# Nouns (lemmas) that count people: a small count of them is a figure ("two ministers
# resigned"), where a small count of things is not ("two phones").
PEOPLE_NOUNS = words(
    """people person man woman child boy girl baby family soldier troop officer policeman
    police minister official member worker employee staff crew student pupil teacher patient
    doctor nurse passenger hostage prisoner detainee inmate refugee migrant civilian resident
    protester demonstrator activist journalist reporter firefighter rescuer player lawmaker
    senator judge suspect victim survivor climber miner fisherman sailor pilot tourist voter
    militant fighter rebel gunman attacker settler candidate leader executive director
    diplomat envoy guard agent volunteer citizen villager farmer witness physician writer
    author lawyer juror customer user fan athlete finalist expert scientist engineer
    astronaut"""
)
# Leaving or being driven from one's home is being displaced ("11,000 have left their homes").
_HOME_VERBS = words("leave flee force drive chase")
_HOMES = words("home homes house houses")

_IRREGULAR = {
    "take": "taken", "give": "given", "see": "seen", "hold": "held", "leave": "left",
    "find": "found", "send": "sent", "bring": "brought", "build": "built", "lose": "lost",
    "spend": "spent", "pay": "paid", "sell": "sold", "buy": "bought", "fall": "fallen",
    "rise": "risen", "catch": "caught", "keep": "kept", "meet": "met", "hit": "hit",
    "put": "put", "set": "set", "cut": "cut", "shut": "shut", "spread": "spread", "win": "won",
    "feed": "fed", "fight": "fought", "shoot": "shot", "steal": "stolen", "write": "written",
    "drive": "driven", "grow": "grown", "know": "known", "throw": "thrown", "show": "shown",
    "break": "broken", "choose": "chosen", "speak": "spoken", "begin": "begun", "run": "run",
    "sink": "sunk", "strike": "struck", "tell": "told", "lead": "led", "read": "read",
    "hear": "heard", "stand": "stood", "raise": "raised", "seize": "seized", "cost": "cost",
    "come": "come", "go": "gone", "fly": "flown", "draw": "drawn", "withdraw": "withdrawn",
    "wear": "worn", "tear": "torn", "beat": "beaten", "eat": "eaten", "ride": "ridden",
    "arise": "arisen", "forget": "forgotten", "hide": "hidden",
    "freeze": "frozen", "shake": "shaken", "sit": "sat", "sleep": "slept", "feel": "felt",
    "deal": "dealt", "mean": "meant", "lend": "lent", "hang": "hung", "dig": "dug",
    "stick": "stuck", "sing": "sung", "drink": "drunk", "teach": "taught", "think": "thought",
    "seek": "sought", "let": "let", "quit": "quit", "split": "split", "bet": "bet",
    "bid": "bid", "undergo": "undergone", "overcome": "overcome", "swim": "swum",
}  # fmt: skip
# Verbs that say nothing about what is counted ("37 brokers have ...").
_LIGHT_VERBS = words("be have do get make say include remain become seem")


def _complement_class(verb: Token) -> str | None:
    """The class a verb's complement names: "remain missing", "confirmed dead"."""
    for c in verb.children:
        if c.dep_ in ("acomp", "oprd", "xcomp", "attr") and c.i > verb.i:
            word = c.lower_
            if word in VERB_CLASSES:
                return VERB_CLASSES[word]
            if word in _CASUALTY_NOUNS and _CASUALTY_NOUNS[word] in _CLASS_WORDS:
                return _CASUALTY_NOUNS[word]
    return None


def _left_home(verb: Token) -> bool:
    """ "have left their homes", "were forced from their homes"."""
    if verb.lemma_.lower() not in _HOME_VERBS:
        return False
    for c in verb.children:
        if c.dep_ == "dobj" and c.lower_ in _HOMES:
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in _HOMES for g in c.children):
            return True
    return False


def _participle(verb: Token) -> str | None:
    """The participle that says what happened to the counted thing ("fired", "called up")."""
    lemma = verb.lemma_.lower()
    if verb.lower_ == "missing":
        return "missing"  # "nine people are still missing" (not "missed")
    if lemma in VERB_CLASSES:
        return VERB_CLASSES[lemma]
    complement = _complement_class(verb)
    if complement is not None:
        return complement
    if _left_home(verb):
        return "displaced"
    if lemma in _LIGHT_VERBS:
        return None
    particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
    if verb.tag_ in ("VBN", "VBD"):
        word = verb.lower_
    elif lemma in _IRREGULAR:
        word = _IRREGULAR[lemma]
    elif lemma.endswith("e"):
        word = lemma + "d"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]|.*[^aeiou][aeiou]l", lemma):
        word = lemma + lemma[-1] + "ed"  # "capped", "banned", "controlled"
    elif re.fullmatch(r".*[^aeiou]y", lemma):
        word = lemma[:-1] + "ied"
    else:
        word = lemma + "ed"
    return f"{word} {particle}".strip()


def _phrasal(verb: Token) -> str | None:
    """The participle with a particle the parser hung elsewhere ("called up to 86,000")."""
    word = _participle(verb)
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if (
        word is not None
        and " " not in word
        and nxt is not None
        and nxt.lower_ in ("up", "out", "off", "down")
    ):
        word += " " + nxt.lower_
    return word
