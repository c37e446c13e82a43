"""Speakers by their full name as the article gives it: the error kinds of issue 14's
second hidden set ("he", "it", "the mayor", "the Falcons" and documents given as speakers;
clauses cut short; speech after "noting that" and colons; marks that do not pair), each
with fictional sentences of the same shape."""

from __future__ import annotations

import pytest

from storydesk.model import Quote
from storydesk.quotes.firstnames import first_name_gender, is_surname


def said(quotes, fragment: str) -> Quote:
    """The one quote holding ``fragment``."""
    found = [x for x in quotes if fragment in x.text]
    assert len(found) == 1, (fragment, [(x.text, x.speaker_name) for x in quotes])
    return found[0]


# --- "he" and "she" --------------------------------------------------------------------


def test_first_names_tell_gender_and_surnames_are_no_first_names():
    assert [first_name_gender(w) for w in ("Jane", "Karl", "Jordan", "Melanie")] == [
        "f",
        "m",
        None,
        "f",
    ]
    assert is_surname("Brenner") or is_surname("Scott")
    assert not is_surname("Melanie")


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        (
            "Jane Roe and her deputy, Karl Brenner, visited the site. Roe said the damage was "
            "severe. He said repairs would take a year.",
            "repairs",
            "Karl Brenner",
        ),
        (
            "Karl Brenner met Jane Roe at the mill on Monday. "
            '"We will not sell," she said after the meeting.',
            "not sell",
            "Jane Roe",
        ),
        (
            'Melanie was watching the speech with Karl Brenner. "I love this town," he said.',
            "love this town",
            "Karl Brenner",
        ),
    ],
)
def test_he_or_she_is_the_person_whose_first_name_fits(q, text, fragment, name):
    assert said(q(text), fragment).speaker_name == name


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        # "Reyes" opening a sentence, tagged a noun (or an organisation) by the recogniser
        (
            "Karl Brenner met Tomas Reyes, the minister, on Monday. Reyes said the talks went "
            "well. He said he expected a deal by June.",
            "expected a deal",
            "Tomas Reyes",
        ),
        # "Tomas" recognised as the name and "Reyes" left out of it
        (
            "Prosecutors say Tomas Reyes stole $20,000. "
            '"I needed it for my family," Reyes told investigators.',
            "my family",
            "Tomas Reyes",
        ),
    ],
)
def test_a_last_name_alone_is_the_person_named_in_full_before(q, text, fragment, name):
    assert said(q(text), fragment).speaker_name == name


def test_a_clause_and_a_quote_of_two_unnamed_speakers_are_two_quotes(q):
    text = (
        "She said the plan would help mothers, and when pressed, the 40-year-old "
        'mother of two replied, "It is meant for every family."'
    )
    assert any(x.direct and "every family" in x.text for x in q(text))


# --- "according to the complaint" --------------------------------------------------------


def test_told_officers_he_had_is_what_he_told_them(q):
    text = (
        "Police detained Tomas Reyes after the crash. "
        "He told officers he had been drinking, according to the affidavit."
    )
    # the clause the affidavit reports ("He told officers ...") holds it too
    assert [x.speaker_name for x in q(text) if x.text == "he had been drinking"] == ["Tomas Reyes"]


# --- organisations by their full name ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        (
            "Karl Brenner sued Northwind Airlines last year. The airline denied wrongdoing. "
            "It said it had followed the rules.",
            "followed the rules",
            "Northwind Airlines",
        ),
        (
            "The Federal Aviation Administration grounded the jets. "
            "The agency said inspections would take weeks.",
            "inspections",
            "Federal Aviation Administration",
        ),
        (
            "Dorran Harbour Company cut 40 jobs. Dorran Harbour said the cuts were needed.",
            "cuts were needed",
            "Dorran Harbour Company",
        ),
        (
            'Greenleaf Foods Ltd recalled 2,000 jars. "We are sorry," Greenleaf said.',
            "We are sorry",
            "Greenleaf Foods Ltd",
        ),
        (
            "Northwind Airlines Inc cancelled 200 flights. Northwind said the storm was to blame.",
            "storm",
            "Northwind Airlines Inc",
        ),
        (
            "The Dorran Falcons beat the Harlow Hawks 3-1 on Sunday. "
            "The Hawks said they would appeal the red card.",
            "red card",
            "Harlow Hawks",
        ),
    ],
)
def test_an_organisation_is_named_in_full(q, text, fragment, name):
    assert said(q(text), fragment).speaker_name == name


def test_the_first_word_of_a_foundation_is_still_the_person(q):
    text = (
        "Hillary Clinton spoke at the Clinton Foundation on Monday. "
        "Clinton said the charity would close its offices abroad."
    )
    assert said(q(text), "charity").speaker_name == "Hillary Clinton"


# --- "the mayor" ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe was elected mayor of Dorran in 2020. The mayor said Tuesday she would not "
        "run again.",
        "Jane Roe became the town's first female mayor in 2018. On Monday the mayor said "
        "taxes would not rise.",
        "Jane Roe, who was elected mayor in 2020, visited the dam. The mayor said taxes "
        "would not rise.",
        "Jane Roe has served as mayor since 2020. The mayor said taxes would not rise.",
    ],
)
def test_the_mayor_is_the_person_said_to_hold_the_office(q, text):
    quote = next(x for x in q(text) if "again" in x.text or "taxes" in x.text)
    assert quote.speaker_name == "Jane Roe"


# --- speech after a colon ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Karl Brenner has farmed for forty years. His advice is simple: plant early.",
            "plant early",
            "Karl Brenner",
        ),
        ("Jane Roe has a simple message: vote early.", "vote early", "Jane Roe"),
        ("Jane Roe put it simply: the town cannot pay.", "the town cannot pay", "Jane Roe"),
    ],
)
def test_what_follows_a_colon_is_what_they_said(q, text, words, name):
    quote = said(q(text), words)
    assert (quote.text, quote.speaker_name) == (words, name)


def test_the_cue_before_a_colon_keeps_its_quote_from_a_verb_after_it(q):
    text = 'Karl Brenner said: "We will rebuild the mill." The mayor agreed.'
    assert said(q(text), "rebuild").speaker_name == "Karl Brenner"


# --- quote marks that do not pair --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Karl Brenner said: \"We will rebuild the mill.' The mayor agreed.",
        '"We are ready," Karl Brenner said. "We will rebuild the mill.\'',
        "Karl Brenner said: “We will rebuild the mill.'",
    ],
)
def test_a_sentence_closed_by_the_wrong_mark_ends_there(q, text):
    quote = said(q(text), "rebuild")
    assert (quote.text, quote.speaker_name) == ("We will rebuild the mill.", "Karl Brenner")


def test_a_single_mark_inside_a_double_quote_is_a_quote_within_it(q):
    text = "Karl Brenner said: \"They told me 'the mill is finished.' I did not believe them.\""
    assert said(q(text), "finished").text.endswith("I did not believe them.")


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Jane Roe summed it up: the town cannot pay.", "the town cannot pay", "Jane Roe"),
        (
            "Asked about the strike, Karl Brenner was defiant: the mill would stay open.",
            "the mill would stay open",
            "Karl Brenner",
        ),
    ],
)
def test_how_plainly_someone_spoke_before_a_colon(q, text, words, name):
    quote = said(q(text), words)
    assert (quote.text, quote.speaker_name) == (words, name)


# --- "describing ... as" -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Karl Brenner characterised the deal as a betrayal of workers.",
            "the deal as a betrayal of workers",
        ),
        ("Jane Roe dismissed the report as a political stunt.", "the report as a political stunt"),
        (
            "Jane Roe hailed the vote as a victory for the town.",
            "the vote as a victory for the town",
        ),
    ],
)
def test_calling_something_something_is_speech(q, text, words):
    quote = said(q(text), words)
    assert quote.text == words and quote.speaker_name in ("Karl Brenner", "Jane Roe")


def test_dismissing_someone_is_no_speech(q):
    assert q("The mill dismissed forty workers on Monday.") == ()


# --- what was said, whole -----------------------------------------------------------------


def test_but_that_after_a_reported_clause_is_reported_too(q):
    text = "Karl Brenner said talks had stalled, but that he remained hopeful."
    assert said(q(text), "stalled").text == "talks had stalled, but that he remained hopeful"


# --- not the story: captions ------------------------------------------------------------


@pytest.mark.parametrize(
    "credit",
    [
        "Credit: Jane Roe for The Dorran Times",
        "(Jane Roe/Dorran Times)",
        "[Jane Roe/Al Jazeera]",
        "Image: Jane Roe",
    ],
)
def test_a_caption_with_a_credit_at_its_end_names_no_antecedent(q, credit):
    text = (
        "Karl Brenner, the mill's owner, said the fire started.\n\n"
        f'Tomas Reyes surveys the damage on Monday. {credit}\n\n"We will rebuild," he said.'
    )
    assert said(q(text), "rebuild").speaker_name == "Karl Brenner"


def test_a_paragraph_ending_in_a_bracket_without_a_credit_still_counts(q):
    text = (
        "Karl Brenner, the mill's owner, said the fire started in the boiler room.\n\n"
        "Tomas Reyes, the foreman (right), saw it first.\n\n"
        '"We will rebuild," he said.'
    )
    assert said(q(text), "rebuild").speaker_name == "Tomas Reyes"


def test_a_kind_of_agency_is_not_another_body_named_before(q):
    text = (
        "The Sallow Hydro Authority runs the dam. The death toll rose to 19 on Tuesday. "
        "Nine people are still missing, the relief agency said."
    )
    assert said(q(text), "still missing").speaker_name is None


def test_a_described_organisation_is_the_one_named_before(q):
    text = (
        "Greenleaf Foods recalled its peanut butter on Monday. "
        "The jars were sold in four states, the Dorran-based organization said."
    )
    assert said(q(text), "four states").speaker_name == "Greenleaf Foods"


# --- a title, a post or a place run into a name (session 12) ---------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hawks DL Sheldon Whitaker said that Reyes should be disciplined.",
            "Sheldon Whitaker",
        ),
        (
            "Dorran Sports NFL Insider Ilse Varga has reported that the league will fine "
            "Reyes for his role.",
            "Ilse Varga",
        ),
        (
            "Republican state schools Superintendent Ilse Varga has cited a study. Varga "
            "told teachers that they were not asking for much.",
            "Ilse Varga",
        ),
        (
            "Republican state schools Superintendent Jennifer McAllister has cited a study. "
            'McAllister told teachers that they were not asking for much. "What a shame," '
            "she said.",
            "Jennifer McAllister",
        ),
        (
            "Dorrania rejected the plan. The former special envoy to Dorrania Karl Brenner "
            "said Reyes had discussed the inquiry. Brenner said the talks would go on.",
            "Karl Brenner",
        ),
    ],
)
def test_a_title_or_a_place_before_a_name_is_no_part_of_it(q, text, name):
    quotes = q(text)
    assert {x.speaker_name for x in quotes} - {None} == {name}, [
        (x.text, x.speaker_name) for x in quotes
    ]


def test_two_first_names_stay_one_name(q):
    quote = said(q("Mary Ann Roe said the ferry would run on Sunday."), "ferry")
    assert quote.speaker_name == "Mary Ann Roe"


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        (
            "According to a survey by Penelope Muse Abernathy of the University of Harlow, "
            'the firm cut staff. "Newsrooms are often half the size," Abernathy reported.',
            "half the size",
            "Penelope Muse Abernathy",
        ),
        (
            "Dorrania's deputy director of prosecutions, Eva-Marie Persson, said on Tuesday "
            "the case was closed. Persson explained that the evidence had weakened.",
            "evidence had weakened",
            "Eva-Marie Persson",
        ),
    ],
)
def test_a_full_name_taken_for_an_organisation_is_the_persons(q, text, fragment, name):
    assert said(q(text), fragment).speaker_name == name


@pytest.mark.parametrize(
    "text",
    [
        "Karl Brenner sued Harlow Records. The company that runs the awards, Northwind "
        "Productions, denies that anything has been sorted.",
        "Karl Brenner sued Harlow Records. The group that owns most of her music, Northwind "
        "Productions, says that she will be allowed to play.",
    ],
)
def test_a_body_named_after_its_description_speaks(q, text):
    [quote] = q(text)
    assert quote.speaker_name == "Northwind Productions"


def test_a_ministry_of_one_country_is_not_any_ministry(q):
    text = (
        "Ostland's foreign ministry said it viewed the move as a mistake. "
        "The Varnian foreign ministry said it regretted the decision."
    )
    quotes = q(text)
    assert [x.speaker_name for x in quotes] == [None, None]
    assert [x.speaker.text for x in quotes] == [
        "Ostland's foreign ministry",
        "The Varnian foreign ministry",
    ]


def test_the_companies_are_not_the_one_company_named_last(q):
    text = (
        "Northwind Aerospace and Harlow Orbital won contracts. While payloads bring to mind "
        "images of cargo, the companies said they wanted to carry passengers."
    )
    assert said(q(text), "wanted to carry").speaker_name is None


def test_the_governor_is_no_governors_association(q):
    text = (
        "Teachers did not see Holm at the rally. His office said he was at a meeting of the "
        "Republican Governors Association, which gave money to his campaign. The governor "
        "said he was waiting for a pay commission to report."
    )
    assert said(q(text), "pay commission").speaker_name != "Republican Governors Association"
