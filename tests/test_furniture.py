"""Page furniture in text (storydesk/furniture.py) and text cut off by a size cap."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.clean import clean_text, cut_off, is_boilerplate
from storydesk.furniture import is_furniture, looks_like_page

BODY = [
    "PORT AVERLY, Caldonia, March 10 (Meridian Press) - The death toll from the floods rose to 19 on Tuesday, the interior ministry said.",
    "Rescue crews reached the last stranded families before dawn, and the army sent more boats to the lower town.",
    "No one was hurt.",
    "“We were lucky,” said Agnes Tollan, whose house stood a metre from the water.",
    "Engineers will examine the dam this week, the Sallow Hydro Authority said in a statement on Monday evening.",
]
MENU = ["Home", "News", "Sport", "Business", "Weather", "Opinion"]
SIDEBAR = [
    "Most read",
    "Minister Elmquist: Won't resign",
    "Harbour Strike Talks Collapse Again",
    "Ferry Fares To Rise In April",
]
COMMENTS = [
    "Reader comments (2)",
    "Greta H. says:",
    "10 March 2026 at 9:14 am",
    "They have been promising that wall for years, and somebody should answer for this now.",
    "Reply",
]
HEAD = [
    "Flood toll rises to 19",
    "Publication date: 10 March 2026",
    "By Jane Doe, PORT AVERLY",
    "Rescue boats on Quay Street on Tuesday (Photo: Jane Doe/Meridian Press)",
]
TAIL = [
    "About the author",
    "Jane Doe covers the Sallow valley for the Courier.",
    "More than 40,000 readers trust the Courier every week.",
    "Share this article",
    "© 2026 The Sallow Courier. All rights reserved.",
]


def page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


def test_whole_page_text_keeps_the_body_and_only_the_body():
    text = page(MENU, SIDEBAR, HEAD, BODY, TAIL, COMMENTS)
    out = clean_text(text, title="Flood toll rises to 19 | The Sallow Courier")
    assert out.split("\n\n") == BODY


def test_page_with_single_newlines_is_not_taken_for_hard_wrapped_prose():
    text = page(MENU, HEAD, BODY)
    assert clean_text(text).split("\n\n") == BODY


def test_sidebar_headline_shaped_like_a_quote_is_furniture():
    text = page(MENU, BODY[:2], SIDEBAR, BODY[2:])
    out = clean_text(text)
    assert "Won't resign" not in out
    assert all(p in out for p in BODY)


@pytest.mark.parametrize(
    "line",
    [
        "Publication date: 12 March 2026",
        "Published: March 12, 2026",
        "Photo: Mira Holt/Varden Valley Voice",
        "Rescue crews clear mud from the road on Thursday (Photo: Mira Holt/Varden Valley Voice)",
        "More than 30,000 readers trust the Varden Valley Voice every week.",
        "The flood plan, Sallow Council (accessed 12 March 2026).",
        "CAIRO",
        "PORT AVERLY, Caldonia, March 10 (Meridian Press) -",
        "By Oskar Lind, VARDEN",
    ],
)
def test_furniture_lines_are_removed_from_any_text(line: str):
    assert is_boilerplate(line)
    assert clean_text(f"{BODY[0]}\n\n{line}\n\n{BODY[1]}") == f"{BODY[0]}\n\n{BODY[1]}"


@pytest.mark.parametrize(
    "line",
    [
        "Greta H. says:",
        "12 March 2026 at 9:14 am",
        "32M ago",
        "Reply",
        "Image 3 of 5",
        "Facebook",
        "Published Tue, Mar 10 2026 6:02 AM GMT Updated an hour ago",
        "Updated: March 10, 2026 at 9:14 am",
        "Mira Holt @MiraHoltVoice",
    ],
)
def test_page_furniture_lines(line: str):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Published in 2019, the flood plan said the wall would be finished by 2024.",
        "Posted to the valley in March, Mira Holt reported on the floods for the Voice.",
    ],
)
def test_sentences_that_start_like_a_date_line_are_not_furniture(line: str):
    assert not is_furniture(line)


def test_a_byline_run_into_the_dateline_is_left_out_and_the_dateline_kept():
    text = "By Jane Doe, CAIRO (Reuters) - The army said on Monday it had taken the town."
    assert clean_text(text) == "CAIRO (Reuters) - The army said on Monday it had taken the town."


def test_article_text_is_not_taken_for_a_page():
    assert not looks_like_page(BODY, is_boilerplate)
    lone = "Offices struck"  # a short last line of an article is not a menu
    assert clean_text("\n\n".join([*BODY, lone])).endswith(lone)


def test_text_cut_off_mid_sentence_loses_its_partial_sentence_only():
    text = f"{BODY[0]}\n\n{BODY[1]} Hauliers said the detour added three hours to each trip and"
    assert cut_off(text)
    assert clean_text(text) == f"{BODY[0]}\n\n{BODY[1]}"
    whole = f"{BODY[0]}\n\nHauliers said the detour added three hours to each trip and the"
    assert clean_text(whole) == BODY[0]


@pytest.mark.parametrize(
    "end",
    [
        "No one was hurt.",
        "Flood Toll Rises To 19 In Port Averly",
        "(Photo: Jane Doe)",
        "Offices struck",
    ],
)
def test_finished_text_is_not_cut_off(end: str):
    assert not cut_off(f"{BODY[0]}\n\n{end}")


furniture_lines = st.lists(
    st.sampled_from(MENU + SIDEBAR + COMMENTS + HEAD + TAIL + ["", "x", "Toll rises"]),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(furniture_lines, st.lists(st.sampled_from(BODY), max_size=5), furniture_lines)
def test_cleaning_page_text_is_idempotent_and_keeps_its_body_run(before, body, after):
    """Around one run of body lines, any furniture: cleaning is idempotent and keeps every
    body line (a body split by a long stretch of furniture may lose its smaller part: the
    article is the heaviest run; a body line repeated counts once, as cleaning keeps it once
    and weighs it once)."""
    for sep in ("\n", "\n\n"):
        text = sep.join([*before, *body, *after])
        once = clean_text(text, title="Flood toll rises to 19")
        assert clean_text(once, title="Flood toll rises to 19") == once
        if sum(len(line) for line in set(body)) >= 100:
            for line in body:
                assert line in once, line


# --- the fast gate: text-path F1 on a fixed subset of real pages, from the code -----------

GATE_FLOOR = json.loads(
    (
        __import__("pathlib").Path(__file__).resolve().parent.parent / "benchmarks" / "floors.json"
    ).read_text()
)["_gates"]["clean_text_path_subset_f1"]


@pytest.mark.shared
@pytest.mark.slow
def test_text_path_f1_on_the_gate_pages_meets_its_floor(shared, tmp_path):
    os.environ["STORYDESK_SHARED"] = str(shared)
    from storydesk.evaluate.clean import run_clean_eval

    result = run_clean_eval(subset="gate", cache=None)
    assert result["pages"] == 21
    assert result["storydesk_text"]["f1"] >= GATE_FLOOR, result["storydesk_text"]
    assert result["storydesk_text"]["f1"] > result["all_text"]["f1"] + 0.15


def test_the_title_repeated_after_the_article_does_not_start_it():
    """A page that repeats its title below the article (a related link, a footer) keeps the
    article before it when that outweighs what follows; a repeated line weighs once, and
    a line next to its own repeat stands alone. (Cases the property test below found.)"""
    title = "Flood toll rises to 19"
    text = "\n".join([BODY[0], "Home", "Home", title, COMMENTS[3]])
    assert clean_text(text, title=title) == BODY[0]
    text = "\n".join(["Home", "Home", BODY[1], HEAD[1], COMMENTS[3], COMMENTS[3]])
    assert clean_text(text, title=title) == BODY[1]
    text = "\n".join([BODY[0], BODY[0], BODY[2], "Home", "Home", "Home"])
    assert clean_text(text, title=title) == f"{BODY[0]}\n\n{BODY[2]}"


def test_comments_after_a_short_article_are_not_taken_for_it():
    """Readers' comments, however long, follow the article: a short article before the
    line that opens them is the body."""
    comments = [
        "Harbour Voice on March 10, 2026 at 4:47 pm said:",
        "Any news on when the second report on the sea wall will be published by the council?",
        "Mira Holt on March 11, 2026 at 9:20 am said:",
        "Hi Greta, we have not yet read the second report, but plan to look at it as part of "
        "our review of the flood plan later this spring, and we will write about it then.",
        "Oskar Lind on March 12, 2026 at 8:02 am said:",
        "I live on Quay Street and the water came up to the second step of our house again, "
        "which is the third time this winter; the pumps never started on their own.",
        "The council should publish the pump logs so that we can all see what went wrong.",
    ]
    text = "\n".join(["Home", "News", "Sport", *BODY[:2], "Reply", "Comments", *comments])
    assert clean_text(text) == "\n\n".join(BODY[:2])
