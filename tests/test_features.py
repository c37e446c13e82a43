from __future__ import annotations

import pytest

from storydesk.features import _bucket, datelines, evidence_of
from storydesk.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_datelines_are_found_at_the_start_of_a_line_only():
    text = "Harbour talks fail\nBERLIN (Wire Service) - The talks failed. BERLIN - not here."
    assert datelines(text, len(text)) == [(19, 43)]
    assert datelines("The mayor of Berlin spoke on Monday.", 36) == []


def test_a_dateline_is_not_a_lead_actor(nlp):
    """Two reports filed from one capital about two events: the place they were filed from
    is not evidence that they report one event (the session-11 NASA pair)."""
    a = nlp(
        "BERLIN, Germany (Meridian Press) - Mira Holt said on Friday that three firms will "
        "build a lunar lander."
    )
    b = nlp(
        "Berlin, Germany: Astronomers led by Mira Holt at the Varden Space Agency drew the "
        "first map of a frozen moon."
    )
    filed = {_bucket("E:berlin"), _bucket("E:germany")}
    lead_a, lead_b = set(evidence_of(a)["lead"]), set(evidence_of(b)["lead"])
    assert not filed & (lead_a | lead_b)
    # The names in the sentence itself are still lead actors.
    assert {_bucket("E:holt"), _bucket("E:varden space agency")} <= lead_b


def test_a_name_run_across_the_dateline_keeps_its_part_after_it(nlp):
    doc = nlp("BERLIN - The Varden Space Agency chose three firms.")
    ents = [(e.text, e.label_) for e in doc.ents]
    if ("BERLIN - The Varden Space Agency", "ORG") not in ents:
        pytest.skip(f"the parser did not run the name across the dateline: {ents}")
    assert set(evidence_of(doc)["lead"]) == {_bucket("E:varden space agency")}


def test_a_place_in_the_lead_sentence_is_still_a_lead_place(nlp):
    doc = nlp("Floods cut off the town of Verlo in Ostria on Monday, the army said.")
    assert _bucket("E:ostria") in evidence_of(doc)["lead"]
