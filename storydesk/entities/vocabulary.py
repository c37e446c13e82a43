"""Word lists for names and roles: entity types, titles, honorifics, offices and their
synonyms, well-known acronyms."""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}
TITLE_WORDS = _set(
    """president premier minister secretary chancellor king queen prince princess emir sheikh
    sultan ayatollah pope governor mayor senator congressman congresswoman ambassador envoy
    diplomat spokesman spokeswoman spokesperson chief head leader chairman chairwoman chair
    director commissioner general colonel captain lieutenant sergeant admiral commander
    official deputy undersecretary attorney prosecutor judge justice correspondent editor
    reporter analyst professor economist adviser advisor aide negotiator mediator coordinator
    speaker lawmaker legislator mp candidate nominee ruler cleric imam rabbi bishop archbishop
    cardinal ceo founder officer elect designate representative administrator ombudsman
    superintendent councillor councilor alderman sheriff"""
)
HONORIFICS = _set("mr mr. mrs mrs. ms ms. miss mx dr dr. sir dame")
_TITLES = TITLE_WORDS | HONORIFICS | _set("prime vice foreign deputy sen. rep. gov. gen. col.")
# Offices of more than one word, so "prime minister" is not read as any minister.
OFFICE_PHRASES = (
    "secretary of state", "secretary general", "prime minister", "foreign minister",
    "foreign secretary", "defence minister", "defense minister", "defense secretary",
    "defence secretary", "vice president", "director general", "attorney general",
    "home secretary", "chief executive",
)  # fmt: skip
# What a description's head may stand for: "the top US diplomat" is the secretary of state.
OFFICE_SYNONYMS = {
    "diplomat": {"secretary of state", "foreign minister", "foreign secretary", "ambassador",
                 "envoy"},
    "chief": {"secretary general", "director general", "head", "leader", "director",
              "chairman", "chief executive"},
    "premier": {"prime minister"}, "envoy": {"ambassador"},
    "spokesman": {"spokeswoman", "spokesperson"}, "spokeswoman": {"spokesman", "spokesperson"},
    "spokesperson": {"spokesman", "spokeswoman"},
}  # fmt: skip
_RANKS = _set("top senior leading veteran")
_NOT_CURRENT = _set("former ex ex- late then outgoing incoming next future previous")
# An ORG "name" of these words only is part of a title: "Secretary of State", "Defence".
_OFFICE_PARTS = TITLE_WORDS | _set("state defence defense foreign affairs interior home justice")
# A one-word "person" the tagger found where places stand: "in Millbank", "the Kessen
# reservoir", "the Millbank district" is a place.
_LOCATIVE_BEFORE = _set("in near across around inside outside throughout into")
_PLACE_NOUNS = _set(
    """district districts neighbourhood neighbourhoods neighborhood neighborhoods area
    areas street road avenue bridge river reservoir dam valley city town village province
    region county quarter square port estate suburb"""
)
_ORG_HEADS = _set(
    """committee council ministry department party forces army agency organization
    organisation association union bank group company corporation university institute
    foundation commission court parliament assembly brigades movement democrats republicans"""
)
# Last words of a newspaper's name ("Miami Herald", "Hartford Courant"): the recogniser
# calls some of them people. Words that are also surnames ("Post", "Star", "Sun") are left out.
_OUTLET_HEADS = _set(
    """herald courant tribune gazette chronicle telegraph inquirer sentinel journal examiner
    bulletin dispatch"""
)
# Last words of a company's name ("Dick Clark Productions", "Tequila Works").
_COMPANY_ENDS = _set(
    """productions studios records entertainment pictures labs games works inc inc. llc ltd
    ltd. corp corp. plc gmbh holdings ventures networks technologies"""
)
_PARTICLES = _set("al el bin ibn de del der van von la le da di du abu")
# Well-known acronyms and the names they stand for (lower case, no dots). Kept small: an
# acronym only merges with a long form on this list or when the text pairs them.
KNOWN_ACRONYMS = {
    "un": ("united nations",),
    "us": ("united states of america", "united states", "usa"),
    "uk": ("united kingdom", "great britain", "britain"),
    "eu": ("european union",),
    "nato": ("north atlantic treaty organization", "north atlantic treaty organisation"),
    "idf": ("israel defense forces", "israel defence forces", "israeli defense forces"),
    "plo": ("palestine liberation organization", "palestine liberation organisation"),
    "imf": ("international monetary fund",),
    "who": ("world health organization", "world health organisation"),
    "icc": ("international criminal court",),
}
_DEMONYMS = {"american": "us", "america": "us", "british": "uk"}
