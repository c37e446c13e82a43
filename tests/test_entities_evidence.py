"""Who is a person (storydesk.entities.evidence), whose name is whose (surname joins, spelling
variants within one article) and organisation speakers cut short: table-driven, one fictional
sentence per kind of error."""

from __future__ import annotations

import pytest
from conftest import article
from test_entities import named, story

from storydesk.entities import extract_mentions, merge_entities, speaker_entities
from storydesk.entities.evidence import is_first_name, is_last_name, not_a_person, text_evidence


def kinds(nlp, text: str) -> dict[str, set[str]]:
    """Name as written -> the kinds its mentions have in one article."""
    a = article(text)
    out: dict[str, set[str]] = {}
    for m in extract_mentions(a.text, nlp(a.text)):
        if not m.nominal:
            out.setdefault(m.text, set()).add(m.type)
    return out


# --- no person: (text, the name, what it is: a kind, or None for no entity at all) ---------
NOT_PEOPLE = [
    # a weather system
    ("Five people died during Storm Idris, officials said on Monday.", "Storm Idris", None),
    ("Hurricane Lorna hit the coast of Tessaly on Friday.", "Hurricane Lorna", None),
    ("Cyclone Ruhan weakened as it moved inland, forecasters said.", "Cyclone Ruhan", None),
    # a street, a pass, a valley, a river: a type word after the name or before it
    (
        "A man was killed when his house on Ferry Lane collapsed, police said.",
        "Ferry Lane",
        "place",
    ),
    ("The road to Varden Pass was shut.", "Varden Pass", "place"),
    # the same name labelled a place elsewhere in the text
    (
        "Crews reached Varden Pass at dawn. Drivers waited in Varden for hours. "
        "The road to Varden stays shut.",
        "Varden",
        "place",
    ),
    # a team: a plural the text writes after "the"
    (
        "The Browns beat the Steelers 21-7. Browns coach Kevin Stefanski praised his defence.",
        "Browns",
        "organization",
    ),
    # a film in quotation marks, or a film by its apposition
    (
        "The archive holds the studio's classics, including “Mary Poppins” and “Bambi.”",
        "Mary Poppins",
        None,
    ),
    (
        "Ada Quill said she first saw the film Mary Poppins as a child. "
        "Mary Poppins was her favourite.",
        "Mary Poppins",
        None,
    ),
    # a person's name that names a hospital
    ("Patients were moved to the Walter Brandt hospital on Monday.", "Walter Brandt", None),
    # a page's menu words
    ("Golf\nPrivacy Policy\nThe council met on Tuesday to vote on the budget.", "Golf", None),
]


@pytest.mark.parametrize("text,name,kind", NOT_PEOPLE)
def test_a_name_with_evidence_against_a_person_is_none(nlp, text, name, kind):
    found = kinds(nlp, text)
    assert "person" not in found.get(name, set())
    if kind is not None:
        assert kind in found.get(name, set())
    else:
        assert name not in found


# --- still people: the evidence for a person outweighs a type word or another label -------
PEOPLE = [
    ("Actor Nathan Lane said the play would close in June.", "Nathan Lane"),
    ("Karl Brenner, a spokesman for the port, said ships were waiting.", "Karl Brenner"),
    (
        "Jordan said the deal was fair. Michael Jordan spoke in Amman, Jordan, on Monday.",
        "Jordan",
    ),
    ("Doctor Lena Dorsch said crews reached the last car before dawn.", "Lena Dorsch"),
    ("Storm chaser Dale Pike filmed the funnel cloud.", "Dale Pike"),
    # a one-word name that is also a common word, inside a sentence
    ("Foreign Minister Karl Brenner met Ban in Geneva on Monday.", "Ban"),
    # the subject of a verb of saying, with a first name, that the recogniser took for a place
    ("Harbour master Ines Calloway said nobody was hurt.", "Ines Calloway"),
    # a name in single quotation marks in a headline, and a name that modifies a noun
    (
        "Shares rise after 'Maya Lindqvist' makeover\n\nInvestors cheered the Maya Lindqvist "
        "deal. Maya Lindqvist said sales would double.",
        "Maya Lindqvist",
    ),
]


@pytest.mark.parametrize("text,name", PEOPLE)
def test_a_name_with_evidence_for_a_person_stays_one(nlp, text, name):
    assert "person" in kinds(nlp, text).get(name, set())


def test_census_name_lists():
    assert is_first_name("Mason") and is_first_name("mary") and not is_first_name("Varden")
    assert is_last_name("Lane") and not is_last_name("Poppins")


def test_the_evidence_is_read_from_the_name_and_the_text(nlp):
    text = "Storm Idris hit Ferry Lane. The Browns won."
    doc = nlp(text)
    seen = text_evidence(doc)
    assert seen.team("Browns") and not seen.team("Storm")
    storm, lane = doc[0:2], doc[3:5]
    assert not_a_person(doc, list(storm), frozenset(), None, seen) == "drop"
    assert not_a_person(doc, list(lane), frozenset(), None, seen) == "place"
    # a kind of place in lower case right after the name: "the Tolland Heath road"
    doc = nlp("Crews cleared the Tolland Heath road.")
    assert not_a_person(doc, list(doc[3:5]), frozenset()) == "place"
    doc = nlp("Crews led by Tolland Heath cleared the road.")
    assert not_a_person(doc, list(doc[3:5]), frozenset()) != "place"
    # a common word is a menu word on a short line, not a name inside a sentence
    doc = nlp("Golf\nNews\nThe council met on Tuesday.")
    assert not_a_person(doc, [doc[0]], frozenset()) == "drop"
    doc = nlp("Foreign Minister Karl Brenner met Ban in Geneva on Monday.")
    assert not_a_person(doc, [doc[5]], frozenset()) is None
    # a role is evidence for a person, unless it says the name is a work
    assert not_a_person(doc, list(lane), frozenset(), "harbour master", seen) is None
    assert not_a_person(doc, list(lane), frozenset(), "the 1964 film", seen) == "drop"


# --- a surname alone joins the one full name with that surname ------------------------------
def test_an_organisation_of_a_first_name_and_a_surname_used_alone_is_that_person(nlp):
    text = (
        "Tackle Dario Fenwick hit quarterback Mason Rudolph's helmet. Rudolph said he was "
        "fine. Rudolph threw for 200 yards."
    )
    entities = story(nlp, text)
    people = [e for e in entities if e.type == "person"]
    assert "Mason Rudolph" in {e.name for e in people}
    assert "Rudolph" in named(entities, "Mason Rudolph").aliases
    assert "Rudolph" not in {e.name for e in people}


SURNAME_JOINS = [
    # (articles, full name, the short forms it takes)
    (("Harbour master Karl Brenner said the port was shut. Brenner said ships waited.",),
     "Karl Brenner", ("Brenner",)),
    (("Interior Minister Rosa Elmquist spoke on Monday.",
      "Speaking on Monday, Elmquist said the fund would grow."),
     "Rosa Elmquist", ("Elmquist",)),
    # spelling variants inside one article (a page carrying two wires' spellings)
    (("Minister Yusuf al-Masri spoke on Monday. Yusuf el-Masry said the border would open.",),
     "Yusuf al-Masri", ("Yusuf el-Masry",)),
    (("Naim Kassem said the talks would go on. Qassem added that nothing was agreed.",),
     "Naim Kassem", ("Qassem",)),
    # a short form of the first name: the surname alone then fits one person
    (("Patrick W. Tolliver was sentenced on Friday. Pat Tolliver had pleaded guilty. "
      "When Tolliver was arrested, he said nothing.",),
     "Patrick W. Tolliver", ("Pat Tolliver", "Tolliver")),
]  # fmt: skip


@pytest.mark.parametrize("texts,name,aliases", SURNAME_JOINS)
def test_a_short_or_variant_form_joins_the_one_full_name(nlp, texts, name, aliases):
    entities = story(nlp, *texts)
    assert set(aliases) <= set(named(entities, name).aliases)
    assert not {e.name for e in entities if e.type == "person"} & set(aliases)


KEPT_APART = [
    # two people share a surname: the surname alone is neither
    (("John Smith and Mary Smith spoke. Smith said the vote was close.",),
     {"John Smith", "Mary Smith", "Smith"}),
    # two spellings that are two names, in one article
    (("Karl Brenner spoke on Monday. Karl Bremner spoke on Tuesday.",),
     {"Karl Brenner", "Karl Bremner"}),
    # a variant surname with another first name, in one article
    (("Yusuf al-Masri spoke on Monday. Omar el-Masry spoke on Tuesday.",),
     {"Yusuf al-Masri", "Omar el-Masry"}),
]  # fmt: skip


@pytest.mark.parametrize("texts,people", KEPT_APART)
def test_people_who_only_share_a_surname_stay_apart(nlp, texts, people):
    entities = story(nlp, *texts)
    assert {e.name for e in entities if e.type == "person"} == people


# --- an organisation speaker cut short is the organisation's full name ---------------------
class _Speaker:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


class _Quote:
    def __init__(self, name: str, speaker: _Speaker | None) -> None:
        self.speaker_name = name
        self.speaker = speaker


CUT_SPEAKERS = [
    ("Nine people are missing, the Caldonian Emergency Relief Agency said on Monday.",
     "the Caldonian Emergency Relief Agency", "Emergency Relief Agency",
     "Caldonian Emergency Relief Agency"),
    ("Fares will rise, the Varden Harbour Board said in a statement.",
     "the Varden Harbour Board", "Harbour Board", "Varden Harbour Board"),
]  # fmt: skip


@pytest.mark.parametrize("text,words,cut,full", CUT_SPEAKERS)
def test_a_speaker_cut_short_is_the_organisation_it_ends(nlp, text, words, cut, full):
    a = article(text)
    entities = merge_entities({a.id: extract_mentions(a.text, nlp(a.text))})
    org = named(entities, full)
    start = a.text.index(words)
    quote = _Quote(cut, _Speaker(start, start + len(words)))
    assert speaker_entities(entities, [(a.id, quote)]) == (org.id,)
    # without the speaker's words, the one organisation of the story whose name it ends
    assert speaker_entities(entities, [(a.id, _Quote(cut, None))]) == (org.id,)
    # a name that ends no organisation borrows none
    assert speaker_entities(entities, [(a.id, _Quote("Water Board", None))]) == (None,)


def test_an_organisation_that_is_a_full_person_name_of_the_story_is_that_person(nlp):
    entities = story(
        nlp,
        "Agency spokesperson Nadia Fenn said 600 people spent the night in shelters.",
        '"We are full," said Nadia Fenn.',
    )
    person = named(entities, "Nadia Fenn")
    assert person.type == "person"
    assert len(person.mentions) == 2
    assert [e for e in entities if e.name == "Nadia Fenn"] == [person]


# --- two people who speak together borrow neither one's entity ------------------------------
def test_a_joint_speaker_is_not_the_first_person_alone(nlp):
    from storydesk.quotes import extract_quotes

    text = (
        "Kurt Vollmer, a former envoy, and Tim Harlan, another aide, testified on Monday. "
        "Vollmer and Harlan said that the call was not in line with policy."
    )
    a = article(text)
    entities = merge_entities({a.id: extract_mentions(a.text, nlp(a.text))})
    quote = next(x for x in extract_quotes(a.text, nlp(a.text), a.id) if "the call" in x.text)
    assert quote.speaker_name == "Kurt Vollmer and Tim Harlan"
    assert speaker_entities(entities, [(a.id, quote)]) == (None,)
    # one of them alone is still that person
    alone = _Quote("Kurt Vollmer", _Speaker(text.index("Vollmer and"), text.index(" and Harlan")))
    assert speaker_entities(entities, [(a.id, alone)]) == (named(entities, "Kurt Vollmer").id,)


# --- session 15: a full name the recogniser calls an organisation, newspapers, roles --------
def test_an_organisation_of_a_first_middle_and_surname_used_alone_is_that_person(nlp):
    text = (
        "“Towns lose their papers,” said Corinna Vale Hathersage, a professor at the Kessen "
        "School of Journalism. Hathersage said 200 papers closed."
    )
    entities = story(nlp, text)
    people = {e.name for e in entities if e.type == "person"}
    assert "Corinna Vale Hathersage" in people
    assert "Hathersage" in named(entities, "Corinna Vale Hathersage").aliases
    assert "Hathersage" not in people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Among its papers are the Kessen Bee, Dorrance Courant and Marlow Herald.", "Marlow Herald"),
        ("Among its papers are the Kessen Bee, Dorrance Courant and Marlow Herald.",
         "Dorrance Courant"),
    ],
)  # fmt: skip
def test_a_newspaper_is_no_person(nlp, text, name):
    assert kinds(nlp, text).get(name) == {"organization"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a list after a plural noun: no one's role
        ("The band's founders Lena Marsh and Otto Vell will reunite next year.", "Lena Marsh", None),
        # an apposition that names no person
        ("The game's showcase launch title, Corvin Hale, runs at 1080p.", "Corvin Hale", None),
        ("More information: Edda Lorne, Tessaly Space Agency.", "Edda Lorne", None),
        ("Settlers moved to the farm of Kessa Dorn, the background to the dispute.", "Kessa Dorn", None),
        # people's roles stay
        ("Lena Marsh, a spokeswoman for the ministry, said the road would reopen.", "Lena Marsh",
         "spokeswoman for the ministry"),
        ("The agency's director, Otto Vell, said the count would rise.", "Otto Vell",
         "agency's director"),
        ("Mira Tell, a victim of the scheme, said she lost her savings.", "Mira Tell",
         "victim of the scheme"),
        ("Ada Brook, a historian at Kessen University, said the papers were fakes.", "Ada Brook",
         "historian at Kessen University"),
        ("Otto Vell, chief executive of Kessen Port Holdings, said talks would resume.",
         "Otto Vell", "chief executive of Kessen Port Holdings"),
    ],
)  # fmt: skip
def test_a_role_names_a_person(nlp, text, name, role):
    a = article(text)
    roles = {m.role for m in extract_mentions(a.text, nlp(a.text)) if m.text == name}
    assert roles == {role}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Madagascar's vanilla farmers struggled as prices fell.", "Madagascar"),
        ("The traders flew to meet Madagascar's farmers on Monday.", "Madagascar"),
    ],
)
def test_a_country_the_recogniser_calls_a_person_is_a_place(nlp, text, name):
    assert kinds(nlp, text).get(name) == {"place"}


def test_a_first_name_that_is_also_a_place_stays_a_person(nlp):
    from storydesk.entities.evidence import is_place_name

    assert is_place_name("Madagascar") and is_place_name("Punjab")
    assert not is_place_name("Georgia") and not is_place_name("Jordan")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A statement from Dana Lorne Productions denied the claim.", "Dana Lorne Productions"),
        ("Its games were made by Ember Vale Studios and Otto Kern Games.", "Otto Kern Games"),
    ],
)
def test_a_company_named_after_a_person_is_an_organisation(nlp, text, name):
    assert kinds(nlp, text).get(name) == {"organization"}
