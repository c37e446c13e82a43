"""People and organisations a reader can trust (issue 14 item 4, session 16): names without the
words the recogniser ran on, people it labelled otherwise, companies it labelled people, a
surname several people share, acronyms, spellings of a surname, news outlets described.
Every sentence and name is invented."""

from __future__ import annotations

import pytest
from conftest import article
from test_entities import _with_ents, named, story

from storydesk.entities import extract_mentions, merge_entities, speaker_entities


def mentions_of(nlp, text: str, ents: list[tuple[str, str]]):
    """The mentions of ``text`` when the recogniser finds only ``ents``."""
    return extract_mentions(text, _with_ents(nlp, text, ents))


# --- an organisation's name ends where the recogniser ran on past it ------------------------
ORG_NAMES = [
    ("Lena Harth told The Lindhaven Courier that the vote was fair.",
     [("Lindhaven Courier that", "ORG")], "Lindhaven Courier"),
    ("The band will play at the Northvale Music Awards after Vasquez criticised the organisers.",
     [("Northvale Music Awards after Vasquez", "ORG")], "Northvale Music Awards"),
    ("Palomar Wireless sold Brightwick to Corvane Holdings in 2014.",
     [("Brightwick to Corvane Holdings", "ORG")], "Brightwick"),
    ("The Corvax Tablet for the last year has sold well.",
     [("Corvax Tablet for", "ORG")], "Corvax Tablet"),
    ("The ministry signed contracts with Kestrel, Orwin Systems and Tallis Group. "
     "Kestrel will build the engines.",
     [("Kestrel, Orwin Systems", "ORG"), ("Tallis Group", "ORG"), ("Kestrel", "ORG")],
     "Kestrel"),
    # whole names stay whole
    ("She studied at the University of Orla at Senn before joining.",
     [("University of Orla at Senn", "ORG")], "University of Orla at Senn"),
    ("The Bureau of Ocean Survey, Regulation and Enforcement issued the permit.",
     [("Bureau of Ocean Survey, Regulation and Enforcement", "ORG")],
     "Bureau of Ocean Survey, Regulation and Enforcement"),
    ("Officials of the Council on Harbour Relations met on Monday.",
     [("Council on Harbour Relations", "ORG")], "Council on Harbour Relations"),
    ("Blankets can be left at the Tollan centre's main entrance.",
     [("Tollan centre", "ORG")], "Tollan centre"),
]  # fmt: skip


@pytest.mark.parametrize("text, ents, name", ORG_NAMES)
def test_an_organisation_ends_where_the_recogniser_ran_on(nlp, text, ents, name):
    found = [m.text for m in mentions_of(nlp, text, ents) if m.type == "organization"]
    assert found[0] == name


# --- a person's name without the word run in before it or after it --------------------------
def test_a_place_that_ends_a_title_is_no_part_of_the_name(nlp):
    text = "Former envoy to Moldavia Tobias Renner said the talks failed."
    people = [m for m in mentions_of(nlp, text, [("Moldavia Tobias Renner", "PERSON")])]
    assert [(m.text, m.role) for m in people] == [("Tobias Renner", "Former envoy to Moldavia")]
    # the first name the recogniser left out is still taken in
    a = article(text)
    (person,) = [m for m in extract_mentions(a.text, nlp(a.text)) if m.type == "person"]
    assert (person.text, person.role) == ("Tobias Renner", "Former envoy to Moldavia")


def test_a_title_after_to_is_the_persons_own(nlp):
    a = article("An adviser to Prime Minister Tobias Renner said the talks failed.")
    (person,) = [m for m in extract_mentions(a.text, nlp(a.text)) if m.type == "person"]
    assert (person.text, person.role) == ("Tobias Renner", "Prime Minister")


def test_a_name_the_recogniser_called_an_organisation_with_a_place_run_in_is_the_person(nlp):
    text = (
        "Another adviser, former special envoy to Moldavia Tobias Renner, changed his account. "
        "Tobias Renner spoke later."
    )
    ents = [("Moldavia Tobias Renner", "ORG"), ("Tobias Renner", "PERSON")]
    found = [(m.text, m.type) for m in mentions_of(nlp, text, ents) if m.type != "place"]
    assert found == [("Tobias Renner", "person"), ("Tobias Renner", "person")]


def test_a_common_word_before_a_first_name_is_no_part_of_the_name(nlp):
    text = "Sorry Marissa, the show is over, the host wrote."
    found = [m.text for m in mentions_of(nlp, text, [("Sorry Marissa", "PERSON")])]
    assert found == ["Marissa"]


def test_a_credit_after_a_spaced_dash_is_no_part_of_the_name(nlp):
    text = "Alberto Quintana - The Courier reported the vote was close."
    found = mentions_of(nlp, text, [("Alberto Quintana - The", "PERSON")])
    assert [m.text for m in found if m.type == "person"] == ["Alberto Quintana"]
    # a hyphen inside a name stays
    text = "Maren Oslo-Vant said the vote was close."
    found = mentions_of(nlp, text, [("Maren Oslo-Vant", "PERSON")])
    assert [m.text for m in found] == ["Maren Oslo-Vant"]


# --- a person described with "who", whatever the recogniser's label ------------------------
WHO = [
    ("Delmar Quist, who represents the guard, said his client was innocent.",
     [("Delmar Quist", "ORG")], "Delmar Quist", "person"),
    ('"We will appeal," said Dario Menk, who represents the firm.',
     [("Dario Menk", "GPE")], "Dario Menk", "person"),
    # an organisation's word, "which", a place someone is from: no person
    ("Kestrel Group, who builds engines, said profits rose.",
     [("Kestrel Group", "ORG")], "Kestrel Group", "organization"),
    ("Halvorsen Dynamics, which builds engines, said profits rose.",
     [("Halvorsen Dynamics", "ORG")], "Halvorsen Dynamics", "organization"),
    ("A couple from Port Averly who caught the flu returned home.",
     [("Port Averly", "GPE")], "Port Averly", "place"),
]  # fmt: skip


@pytest.mark.parametrize("text, ents, name, kind", WHO)
def test_a_name_described_with_who_is_a_person(nlp, text, ents, name, kind):
    found = {m.text: m.type for m in mentions_of(nlp, text, ents)}
    assert found[name] == kind


# --- a name listed with organisations is one --------------------------------------------------
def test_a_name_listed_with_organisations_is_an_organisation(nlp):
    text = (
        "The merger of the newspaper chains Brackwell and Halden Media closed on Tuesday. "
        "Brackwell is buying Halden to build the largest chain. Brackwell will cut costs."
    )
    ents = [("Brackwell", "PERSON"), ("Halden Media", "ORG")]
    ents += [("Brackwell", "PERSON"), ("Brackwell", "PERSON")]
    found = {(m.text, m.type) for m in mentions_of(nlp, text, ents)}
    assert found == {("Brackwell", "organization"), ("Halden Media", "organization")}
    # an apposition that is no person's role ("the big chains") is no evidence for one
    text = (
        "Two rival chains, Brackwell and Halden Media, agreed to merge on Tuesday. "
        "Brackwell is buying Halden. Brackwell will cut costs."
    )
    found = {(m.text, m.type) for m in mentions_of(nlp, text, ents)}
    assert ("Brackwell", "organization") in found
    assert "person" not in {kind for _, kind in found}
    text = "The agency chose Orvik, Brightwater Aerospace and Norcastle Robotics for the task."
    ents = [("Orvik", "PERSON"), ("Brightwater Aerospace", "ORG"), ("Norcastle Robotics", "ORG")]
    assert {m.type for m in mentions_of(nlp, text, ents)} == {"organization"}


def test_a_person_listed_with_an_organisation_stays_a_person(nlp):
    # a first name
    text = "The prize went to Nadia Fenn and Brightwater Aerospace."
    found = {m.text: m.type for m in mentions_of(nlp, text, [("Nadia Fenn", "PERSON")])}
    assert found["Nadia Fenn"] == "person"
    # a list of people with one the recogniser called an organisation
    text = "The label manages Justin Vale, Demi Rusk and Ariana Pell."
    ents = [("Justin Vale", "PERSON"), ("Demi Rusk", "PERSON"), ("Ariana Pell", "ORG")]
    found = {m.text: m.type for m in mentions_of(nlp, text, ents)}
    assert found["Demi Rusk"] == "person"


# --- a surname several people of the story share ---------------------------------------------
def test_a_shared_surname_goes_to_the_person_whose_role_it_carries(nlp):
    entities = story(
        nlp,
        "Vice President Anna Kessler met donors in Orlin. Her son Timo Kessler joined the "
        "board of a gas firm. Critics said Vice President Kessler should explain the deal.",
    )
    anna = named(entities, "Anna Kessler")
    assert anna.aliases == ("Kessler",)
    assert len(anna.mentions) == 2
    assert not [e for e in entities if e.name == "Kessler"]


def test_a_role_given_in_another_article_decides_a_shared_surname(nlp):
    entities = story(
        nlp,
        "Former Vice President Kessler spoke in Orlin. Anna Kessler said she was proud.",
        "Anna Kessler and her son Timo Kessler flew home. Vice President Kessler left first.",
    )
    anna = named(entities, "Anna Kessler")
    assert len(anna.mentions) == 4
    assert not [e for e in entities if e.name == "Kessler"]


def test_a_shared_surname_is_the_only_person_named_before_it(nlp):
    entities = story(
        nlp,
        "Mayor Ruth Ostrander of Lindhaven gave away the stock. Ostrander said the city had "
        "enough. Health Secretary Paul Ostrander said later that the plan was sound. "
        "Ostrander declined to comment.",
    )
    ruth = named(entities, "Ruth Ostrander")
    assert ruth.aliases == ("Ostrander",)
    assert len(ruth.mentions) == 2
    # after both are named, a bare surname could be either: apart
    assert len(named(entities, "Ostrander").mentions) == 1


# --- an acronym is a name of its own -----------------------------------------------------------
def test_an_acronym_is_no_short_form_of_a_longer_name(nlp):
    text = "Protesters launched a campaign called Seize KTX on Monday. KTX said it was unfair."
    ms = mentions_of(nlp, text, [("Seize KTX", "ORG"), ("KTX", "ORG")])
    entities = merge_entities({"a1": ms})
    assert named(entities, "KTX").aliases == ()
    assert named(entities, "Seize KTX").aliases == ()


# --- a surname in another spelling the recogniser called an organisation ---------------------
def test_a_one_word_organisation_spelling_a_surname_is_that_person(nlp):
    one = "Tessalian leader Rafiq Haddadi spoke on Monday."
    two = "Forces loyal to Hadadi shelled the town, residents said."
    per = {
        "a1": mentions_of(nlp, one, [("Rafiq Haddadi", "PERSON")]),
        "a2": mentions_of(nlp, two, [("Hadadi", "ORG")]),
    }
    entities = merge_entities(per)
    rafiq = named(entities, "Rafiq Haddadi")
    assert rafiq.aliases == ("Hadadi",)
    assert [e.name for e in entities] == ["Rafiq Haddadi"]


# --- a news outlet described is the outlet its article named ---------------------------------
class _Speaker:
    def __init__(self, text: str, start: int) -> None:
        self.text, self.start, self.end = text, start, start + len(text)


class _Quote:
    def __init__(self, speaker: _Speaker, name: str | None = None) -> None:
        self.speaker_name, self.speaker = name, speaker


def test_a_news_outlet_described_is_the_outlet_named_before(nlp):
    text = (
        "Asian markets were mixed on Tuesday after KNBX reported that the mood in Orlin was "
        "gloomy. The news organization, citing an unnamed official, reported that the talks "
        "had stalled."
    )
    a = article(text)
    entities = merge_entities({a.id: extract_mentions(a.text, nlp(a.text))})
    knbx = named(entities, "KNBX")
    first = _Quote(_Speaker("KNBX", a.text.index("KNBX")), "KNBX")
    described = _Quote(_Speaker("The news organization", a.text.index("The news")))
    assert speaker_entities(entities, [(a.id, first), (a.id, described)]) == (knbx.id, knbx.id)
    # a newspaper's word in its name is enough
    text = "Shares fell after the Lindhaven Herald reported the sale. The paper said it was late."
    a = article(text)
    entities = merge_entities({a.id: extract_mentions(a.text, nlp(a.text))})
    paper = _Quote(_Speaker("The paper", a.text.index("The paper")))
    assert speaker_entities(entities, [(a.id, paper)]) == (named(entities, "Lindhaven Herald").id,)


def test_a_news_outlet_described_borrows_no_person_and_no_later_outlet(nlp):
    text = (
        "Mayor Ruth Ostrander spoke on Monday. The paper said the deal was late, and the "
        "Lindhaven Courier agreed."
    )
    a = article(text)
    entities = merge_entities({a.id: extract_mentions(a.text, nlp(a.text))})
    paper = _Quote(_Speaker("The paper", a.text.index("The paper")))
    assert speaker_entities(entities, [(a.id, paper)]) == (None,)


def test_place_names_are_compared_without_accents():
    from storydesk.entities.evidence import _folded

    assert _folded("Sëndvik Pórto") == "sendvik porto"


def test_an_organisation_ending_with_a_surname_used_alone_is_that_person(nlp):
    one = "Chairman Carl-Otto Brenn apologised on Monday. Carl-Otto Brenn said the firm would pay."
    two = "Brenn told lawmakers that the spill was a tragedy. Brenn left early."
    per = {
        "a1": mentions_of(nlp, one, [("Carl-Otto Brenn", "ORG"), ("Carl-Otto Brenn", "ORG")]),
        "a2": mentions_of(nlp, two, [("Brenn", "PERSON"), ("Brenn", "PERSON")]),
    }
    (entity,) = merge_entities(per)
    assert (entity.name, entity.type, entity.aliases) == ("Carl-Otto Brenn", "person", ("Brenn",))
    # a company whose last word is no surname used alone stays a company
    per["a2"] = mentions_of(nlp, two, [("Brenn", "ORG"), ("Brenn", "ORG")])
    assert {e.type for e in merge_entities(per)} == {"organization"}
    # nor a product whose first word is a common word ("Blue Comet" beside "Comet" taken for
    # a person)
    one = "The company showed its Blue Comet lander. The Blue Comet will fly in 2027."
    two = "Comet said nothing."
    per = {
        "a1": mentions_of(nlp, one, [("Blue Comet", "ORG"), ("Blue Comet", "ORG")]),
        "a2": mentions_of(nlp, two, [("Comet", "PERSON")]),
    }
    assert named(merge_entities(per), "Blue Comet").type == "organization"


def test_an_organisation_ending_with_a_full_name_of_the_story_is_that_person(nlp):
    one = "Tobias Renner, a former envoy, testified on Monday."
    two = "Another adviser, former special envoy to Moldavia Tobias Renner, changed his account."
    per = {
        "a1": mentions_of(nlp, one, [("Tobias Renner", "PERSON")]),
        "a2": mentions_of(nlp, two, [("Moldavia Tobias Renner", "ORG")]),
    }
    (entity,) = merge_entities(per)
    assert (entity.name, entity.type, entity.aliases) == ("Tobias Renner", "person", ())
    assert [two[c.start : c.end] for c in entity.mentions if c.article_id == "a2"] == [
        "Tobias Renner"
    ]
