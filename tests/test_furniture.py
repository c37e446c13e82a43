"""Page furniture in text (storydesk/furniture.py) and text cut off by a size cap."""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.clean import clean_text, cut_off, is_boilerplate, is_insert
from storydesk.furniture import is_furniture, is_teaser, looks_like_page

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
        "Mira Holt @MiraHoltVoice / 2 days",
        "Also on sallowcourier.com Ferry fares to rise in April as harbour strike goes on",
        "Follow the Courier on",
        "Trends: Sallow floods",
        "Like this story? Share it with a friend!",
        "Two people in Varden have been taken to hospital with the fever,...",
        "Morning briefing: councillors call the flood plan 'late' after...",
    ],
)
def test_page_furniture_lines(line: str):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Published in 2019, the flood plan said the wall would be finished by 2024.",
        "Posted to the valley in March, Mira Holt reported on the floods for the Voice.",
        "Then the lights went out...",
        "Not to get too grand on you, but …",
        "Every flood has a lesson in it. Click To Tweet",
        "“We waited, and waited...” she said. Nobody came to click here for the owners.",
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


# --- furniture that ends with a full stop: promotions, captions, bylines, counters ---------

INSERTS = [
    # the site's promotions
    "Get flood alerts and special reports from the Courier.",
    "Get the latest valley news in your inbox. Subscribe to the Courier's newsletters.",
    "Want more valley news? Join the Courier Daily newsletter.",
    "The news that matters to the valley, delivered weekday mornings.",
    "Download the Courier app for flood alerts.",
    "Follow the Courier on Facebook.",
    "In each episode of her weekly show, Mira Holt looks at the week in the valley. "
    "Click to subscribe!",
    # photo captions: an agency's date with its weekday, a credit, a file-photo note
    "Rescue workers carry a child through the flooded square in Port Averly, Tuesday, "
    "March 10, 2026.",
    "Agnes Tollan stands outside her house on March 10, 2026. (Photo by Jane Doe/Meridian Press)",
    "Minister Elmquist speaks in Port Averly on March 9, 2026. Jane Doe / AP file",
    "A rescue boat waits by the flooded dam on Quay Street. Getty Images",
    "This March 2, 2024, file photo shows the Sallow dam before the floods.",
    # where its people stand in the picture
    "A man rides a bicycle past the Kessen dam (background) on March 10, 2026.",
    "Rescuers (L) carry a woman from her house on Quay Street in Port Averly.",
    # a caption written as a sentence, without a credit
    "This satellite image from the valley's weather service shows the flooded farms near "
    "Port Averly on March 9, 2026.",
    # a subscription's promotion
    "Get the Courier Weekly through your letterbox every week. 12 issues for £9.99.",
    "Read the Courier Pro for as little as $5 for the first month.",
    # (a deals article's own "Use code ..." line is kept: see the news kept below)
]
METADATA = [
    # a press release's notes about the company, its contacts and its legal notice
    "Harbour Tools is headquartered in Port Averly (Caldonia), has subsidiaries in nine "
    "countries and employs around 1,200 people worldwide. Its shares are listed on the "
    "Caldonia Exchange.",
    "Harbour Tools Ltd. is a leading provider of marine winches and hoists, founded in 1954 "
    "in Port Averly. For more information, visit the company's website.",
    "Media contact: Jane Doe, Harbour Tools press office",
    "This release contains forward-looking statements within the meaning of the securities "
    "laws, which involve risks and uncertainties.",
    # a short bio with the outlet's name
    "Oskar Lind is the Courier's deals editor and buys half of what he writes about.",
    "Meridian Press Publication Date: March 10, 2026",
    "Accessed: 12 March 2026",
    "More than 40,000 readers rely on the Courier.",
    "Written by Jane Doe",
    "Jane Doe, Staff Writer",
    # a long author box (more words than a boilerplate rule removes otherwise)
    "Mira Holt (@mholt) is a freelance writer based in Port Averly. Her work has appeared in "
    "the Courier, the Valley Review and the Sallow Weekly, where she covered the floods of "
    "2019 and 2022, the harbour strikes and the long fight over the new dam. Before that she "
    "taught history in Varden for ten years. Follow her on Twitter.",
]


@pytest.mark.parametrize("line", INSERTS + METADATA)
def test_furniture_that_ends_like_a_sentence_is_removed(line: str):
    assert is_boilerplate(line)
    assert clean_text(f"{BODY[0]}\n\n{line}\n\n{BODY[1]}") == f"{BODY[0]}\n\n{BODY[1]}"
    text = page(MENU, BODY[:2], [line], BODY[2:], TAIL)
    assert line not in clean_text(text)


@pytest.mark.parametrize("line", INSERTS)
def test_a_summary_does_not_take_a_promotion_or_caption(line: str, nlp):
    """A page may keep such a line inside a paragraph of the article: the summariser
    leaves the sentence out, full stop and all."""
    from storydesk.nlp import sentences_of
    from storydesk.summarize.base import is_clean_candidate

    last = re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)[-1]
    [s] = [x for x in sentences_of(nlp(last), "a1") if x.span.end == len(last)]
    assert not is_clean_candidate(last, s, 2, 60)


@pytest.mark.parametrize(
    "line",
    [
        "More than 400 people were evacuated from the lower town on Tuesday, officials said.",
        "Over 2,000 people lost power in the storm, the Sallow Hydro Authority said.",
        "The vote will be held on Sunday, March 15, 2026, the council said.",
        "Get ready for more rain, the forecaster told residents on Monday.",
        "The mayor said the old wall (background) would be rebuilt by the spring.",
        "The image shows the extent of the damage, engineers said on Tuesday.",
        "Harbour Tools is a leading maker of winches, and it has cut 200 jobs in the valley.",
        "Harbour Tools is headquartered in Port Averly, the company said on Monday.",
        "Oskar Lind is a reporter who was held for three days at the border last year.",
        'Use code "HARBOUR10" to get the kettle for $19.99 at the Courier Shop.',
    ],
)
def test_news_that_looks_like_a_counter_or_caption_is_kept(line: str):
    assert not is_furniture(line)
    assert not is_boilerplate(line)
    assert not is_insert(line)
    text = page(MENU, BODY[:2], [line], BODY[2:], TAIL)
    assert line in clean_text(text)


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe ",
        "By JANE DOE, ",
        "By Jane Doe, Meridian Press ",
        "By Jane Doe and Oskar Lind ",
        # with the date, a time, a separator between (page-store text)
        "By Jane Doe, Meridian Press March 10, 2026 ",
        "By Jane Doe | March 10, 2026 | ",
        "By Jane Doe · Updated 9:14 AM EST, Tue March 10, 2026 ",
    ],
)
def test_a_byline_run_into_a_dateline_leaves_the_dateline_whole(byline: str):
    text = f"{byline}PORT AVERLY, Caldonia — The toll rose to 19 on Tuesday, officials said."
    assert (
        clean_text(text)
        == "PORT AVERLY, Caldonia — The toll rose to 19 on Tuesday, officials said."
    )


def test_a_sidebar_of_teasers_headline_and_first_sentence_is_furniture():
    teasers = [
        "Harbour Strike Talks Collapse Again As Unions Walk Out The dock workers' union left "
        "the talks on Monday after six hours, its chairman said.",
        "Ferry Fares To Rise In April For The First Time In A Decade The harbour board said "
        "fares on the Varden crossing would rise by a tenth.",
        "Sallow Council Names New Head Of Flood Defences The council appointed an engineer "
        "from the hydro authority to lead the work on the sea wall.",
    ]
    assert all(is_teaser(t) for t in teasers)
    assert not any(is_teaser(line) for line in BODY)
    text = page(MENU, BODY, ["Latest Headlines"], teasers, TAIL)
    assert clean_text(text).split("\n\n") == BODY


def test_comments_opened_by_a_line_with_the_headline_are_not_the_body():
    opener = (
        "3 thoughts on “Flood toll rises to 19 as rescue crews reach the last stranded "
        "families in the lower town”"
    )
    comments = [
        "Greta H.",
        "March 10, 2026 at 9:14 am",
        "They have been promising that wall for years, and somebody should answer for this "
        "now, because the water came up to our door again this winter.",
        "The council should publish the pump logs so that we can all see what went wrong "
        "on the night the water came up over the quay.",
    ]
    text = page(MENU, BODY, [opener], comments)
    assert clean_text(text).split("\n\n") == BODY


def test_a_lede_with_a_dateline_before_a_caption_is_kept():
    """The lede (the story's main news) stands alone above a picture's caption and credit:
    its wire dateline says it opens the article."""
    lede = (
        "PORT AVERLY, Caldonia (Meridian Press) - The death toll from the floods rose to 19 "
        "on Tuesday, the interior ministry said, as rescue crews reached the last families."
    )
    caption = (
        "FILE PHOTO: Rescue boats wait on Quay Street in Port Averly, Caldonia, on the second "
        "day of the floods, March 9, 2026. MERIDIAN PRESS/Jane Doe"
    )
    text = page(MENU, ["Flood toll rises to 19", "Jane Doe", "4 Min Read"], [lede, caption])
    text = page([text], BODY[1:], TAIL)
    assert clean_text(text).split("\n\n") == [lede, *BODY[1:]]


# A body whose middle is a list (a tour's dates, a recipe's steps): its items share the
# words of the paragraphs around it. The page's menu and a list of related links do not.
TOUR_LEDE = [
    "The Harrow Lanterns will play eight cities on their reunion tour next spring, the band said on Tuesday, with tickets on sale from Friday.",
]
TOUR_DATES = [  # a table's rows: long, few stop words (jusText calls each line bad)
    f"April {day} - {city}, {hall}, doors 7 pm, support: Kessen Brass Band, tickets 25-40 crowns"
    for day, city, hall in [
        (3, "Port Averly", "Quay Hall"),
        (5, "Sallow", "Lantern Theatre"),
        (9, "Kessen", "Old Mill Arena"),
        (12, "Varden", "Riverside Stage"),
        (15, "Tollan", "Harbour Hall"),
        (18, "Elmquist", "Castle Yard"),
    ]
]
TOUR_CLOSE = [
    "The band last toured together a decade ago, and its singer said the new shows would open with songs from the first record.",
]
RELATED = ["Related stories", "Ferry Fares To Rise In April", "Harbour Strike Talks Collapse"]


def test_list_in_the_body_is_kept_and_menus_are_not():
    text = page(MENU, HEAD[1:3], TOUR_LEDE, TOUR_DATES, TOUR_CLOSE, RELATED, TAIL)
    out = clean_text(text).split("\n\n")
    assert out == [*TOUR_LEDE, *TOUR_DATES, *TOUR_CLOSE]


def test_list_after_the_last_paragraph_that_shares_no_words_is_not_kept():
    stories = [
        "Ferry Fares Rise In April",
        "Harbour Strike Talks Collapse",
        "Minister Opens New School",
        "Dam Inspection Planned",
    ]
    out = clean_text(page(MENU, HEAD[1:3], BODY, stories, TAIL)).split("\n\n")
    assert out == BODY


def test_a_page_with_no_prose_keeps_its_table_rows():
    """A results page (box scores, no paragraph): its long rows of names and figures, few
    stop words, are the article (with no run of prose to tell, only explicit furniture
    goes)."""
    rows = [
        "Harbour FC d. Kessen United 3-1",
        "Harbour FC (4-0): K. Voss 1 goal. L. Pell 1 goal. Z. Narro 1 goal. J. Anka 1 assist.",
        "Kessen United (3-1): C. Marl 1 goal. D. Robb 1 save. T. Venn 2 saves. P. Osk 1 assist.",
        "Sallow d. Port Averly 8-0",
        "Sallow (3-0): Osa Ler 3 goals, 1 assist. Aden Hal 2 goals, 2 assists. Kit Farr 1 goal.",
    ]
    out = clean_text(page(MENU, HEAD[1:3], rows, TAIL)).split("\n\n")
    assert [p for p in out if p in rows] == rows
    assert not set(HEAD[1:3] + TAIL) & set(out)


def test_schedule_after_the_last_paragraph_is_kept_and_the_sidebar_after_it_is_not():
    """A tour's dates after the article's last paragraph: rows of one shape (a date, a dash,
    a venue after "@"), under a heading that uses the article's words. Their places are not
    the prose's words; the related headlines after them are not the body."""
    rows = [
        f"{day} - {city} @ {hall}"
        for day, city, hall in [
            ("April 3", "Port Averly", "Quay Hall"),
            ("April 5", "Sallow", "Lantern Theatre (formerly Mill Hall)"),
            ("April 9", "Kessen", "Old Mill Arena"),
            ("April 12", "Varden", "Riverside Stage"),
            ("April 15", "Tollan", "Harbour Hall"),
        ]
    ]
    text = page(MENU, HEAD[1:3], TOUR_LEDE, TOUR_CLOSE, ["Harrow Lanterns tour dates"], rows)
    out = clean_text(page([text], RELATED[1:], TAIL)).split("\n\n")
    assert out == [*TOUR_LEDE, *TOUR_CLOSE, "Harrow Lanterns tour dates", *rows]


def test_a_round_up_keeps_the_sources_it_cites_and_drops_caption_credits():
    """A round-up of reviews names each paragraph's source in brackets on its own line; a
    photo caption ends with its credit in brackets."""
    body = [
        "The new ferry is quieter than the old one, and its cabins are larger, the reviewers agree.",
        "[ Harbour Weekly ]",
        "Its timetable is another matter: two crossings a day will not serve the island's workers.",
        "[ Sallow Courier ]",
        "The fares, at least, are lower than the board had said they would be in the spring.",
    ]
    caption = "The new ferry leaves Port Averly on its first crossing [Jane Doe/Meridian Press]"
    out = clean_text(page(MENU, HEAD[1:3], [caption], body, TAIL)).split("\n\n")
    assert out == body


def test_the_writers_box_after_the_article_is_not_its_body():
    """A writer's box after the article: a follow prompt, the writer's name alone, a
    first-person bio long enough to pass for prose."""
    box = [
        "Follow me on Twitter or LinkedIn. Check out my website.",
        "Jane Doe",
        "I am a reporter, a river swimmer and a keen baker, and I have covered the Sallow valley for the Courier since the great flood of the spring.",
    ]
    out = clean_text(page(MENU, HEAD[1:3], BODY, box, TAIL)).split("\n\n")
    assert out == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Jane Doe @janedoe / 2 days",
        "Have a tip? Jane Doe may be reached at jdoe@sallowcourier.example. Follow her on Twitter @jdoe.",
    ],
)
def test_a_byline_or_the_writers_address_in_article_text_is_removed(line: str):
    """In an article's text (not a whole page's), a byline with the writer's handle and a
    line that says how to reach the writer are furniture too."""
    out = clean_text("\n\n".join([BODY[0], line, *BODY[1:]])).split("\n\n")
    assert out == BODY


def test_a_share_prompt_ends_the_body_and_the_sidebar_after_it_is_not_kept():
    """After "Like this story? Share it with a friend!" a page has its sidebar: a follow
    prompt, trends, teasers, one of them a sentence."""
    after = [
        "Like this story? Share it with a friend!",
        "Follow the Courier on",
        "Trends: Sallow floods",
        "Harbour Weekly",
        "Ferry Fares To Rise In April (PHOTOS)",
        "There is a comet hurtling towards the valley that could light up the winter sky",
    ]
    out = clean_text(page(MENU, HEAD[1:3], BODY, after, TAIL)).split("\n\n")
    assert out == BODY


def test_another_storys_headline_between_the_articles_paragraphs_is_not_kept():
    """A page sets a related story's headline between two paragraphs of the article: Title
    Case, a clause, none of the article's words. A subheading of the article uses them."""
    teaser = "Ferry Fares To Rise In April After Harbour Strike"
    heading = "Engineers Will Examine The Dam"
    body = [*BODY[:2], teaser, BODY[3], heading, BODY[4]]
    out = clean_text(page(MENU, HEAD[1:3], body, TAIL)).split("\n\n")
    assert out == [*BODY[:2], BODY[3], heading, BODY[4]]


def test_a_paragraph_after_a_box_of_links_is_kept_when_the_page_text_was_cut_off():
    """A page store cut the page's text near its size cap: the article's paragraph after a
    box of related links inside it is the last whole one, and nothing follows it to keep
    the run of the body going; it is the body's."""
    box = ["Related", "Ferry Fares To Rise In April", "Related", "Harbour Strike Talks Collapse"]
    after = BODY[4]
    cut = "The authority said its engineers would report to the"  # cut at the cap
    out = clean_text(page(MENU, HEAD[1:3], BODY[:4], box, [after, cut])).split("\n\n")
    assert out == [*BODY[:4], after]


@pytest.mark.parametrize("cut", ["Despite the flood of comp", "It was the", "And so the wa"])
def test_a_paragraph_after_a_box_is_kept_when_the_cut_leaves_a_few_words(cut: str):
    """The cap cut the next paragraph after three to five words: still a sentence cut off
    (it has a stop word), not a menu's last item."""
    box = ["Related", "Ferry Fares To Rise In April", "Related", "Harbour Strike Talks Collapse"]
    out = clean_text(page(MENU, HEAD[1:3], BODY[:4], box, [BODY[4], cut])).split("\n\n")
    assert out == [*BODY[:4], BODY[4]]
    menu_end = clean_text(page(MENU, HEAD[1:3], BODY[:4], box, [BODY[4], "Privacy Policy Terms"]))
    assert BODY[4] not in menu_end.split("\n\n")


def test_a_page_body_with_a_list_is_not_taken_for_a_page_again():
    """Cleaning runs to a fixed point: a page's body (no explicit furniture left, prose
    first) whose list of short lines reads as menus was cut again, down to its longest run
    of prose, in the second pass."""
    body = [
        BODY[0],
        "Boats sent to the lower town",
        "Quay Street pumps",
        "Mill Lane shelters",
        "Harbour Road convoy",
        "Varden Pass closed",
        BODY[1],
        BODY[4],
    ]
    assert not looks_like_page(body, is_boilerplate)
    # a page's navigation above its first line of prose still makes it a page, explicit
    # furniture or not (a menu in a language the furniture rules do not know)
    nav = ["Inicio", "Noticias", "Deportes", "Cultura", "Opinión"]
    assert looks_like_page([*nav, *body], is_boilerplate)


def test_a_paragraph_that_ends_with_a_link_is_not_cut_off():
    """An embedded post ends with its picture's link, a note with a site's address: no
    closing punctuation, but nothing was cut."""
    post = "The ferry is back on the Quay Street run this morning pic.twitter.com/Ab12Cd34"
    note = "Timetables for the winter season are posted at harbourferries.example.com"
    for end in (post, note, "More photos of the launch at https://courier.example/launch"):
        text = f"{BODY[0]}\n\n{end}"
        assert not cut_off(text), end
        assert clean_text(text).endswith(end)


def test_a_sentence_of_figures_in_the_body_is_kept():
    """A market report's sentence has few stop words (0.13 here) but ends like a sentence:
    inside the body it is prose, not a line of furniture."""
    figures = (
        "Kessen Works gained 4.2% to $38.10; Harl Mills 1.1% lower, Tollan Power 0.8%, "
        "Sallow Hydro 2.5%, Varden Rail 0.4%, Quay Foods 3.1% higher."
    )
    text = page(MENU, HEAD, [BODY[0], figures, BODY[1], BODY[4]], TAIL)
    assert figures in clean_text(text, title="Flood toll rises to 19")


def test_a_sidebar_headline_run_into_its_ledes_dateline_is_a_teaser():
    """A block of related stories in sentence case: each headline run into its lede, which
    opens with a wire dateline in capitals (the lede's figures were cited as the article's)."""
    teasers = [
        "Port board to raise ferry fares twice this year PORT AVERLY: The harbour board said "
        "on Monday that fares on the Varden crossing would rise by a tenth in April.",
        "Dock union walks out of talks: chairman KESSEN: The dock workers' union left the "
        "talks after six hours, its chairman said, and 400 members will strike on Friday.",
        "Council names new head of flood defences SALLOW MARKET: The council appointed an "
        "engineer from the hydro authority to lead the work on the sea wall.",
    ]
    assert all(is_teaser(t) for t in teasers)
    spoken = [
        "The minister told the station: “We will rebuild the wall before the winter storms.”",
        "PORT AVERLY: The harbour board said on Monday that fares would rise by a tenth.",
        "Crews from the hydro authority said KESSEN: A line of sandbags held the water back.",
    ]
    assert not any(is_teaser(line) for line in spoken + BODY)
    out = clean_text(page(MENU, teasers, HEAD[1:3], BODY, TAIL)).split("\n\n")
    assert out == BODY


def test_a_listing_of_dated_stories_after_the_more_from_line_is_not_the_body():
    """After the article a page lists its other stories, each as headline, writer, a date on
    its own line and the first sentence: lines of prose the body's run went on into."""
    stories = [
        (
            "Ferry fares on the Varden crossing will rise for the first time in a decade",
            "Our family always crossed on the first ferry of the year, but not this time. The "
            "harbour board said on Monday that fares would rise by a tenth in April.",
        ),
        (
            "Why the strike at the port matters to the people of the lower town and the valley",
            "The dock workers' union left the talks after six hours on Monday, and 400 of its "
            "members will stop work on Friday unless the board returns with a better offer.",
        ),
        (
            "The sea wall that the council has promised for twenty years is still too low",
            "For twenty years the council has promised a higher sea wall for the lower town, "
            "and for twenty years the money went to roads and to the new town hall instead.",
        ),
        (
            "A comet over the valley will be seen from the ridge above the reservoir this winter",
            "There is a comet hurtling towards the valley that could light up the winter sky "
            "for a week, the observatory said on Sunday, best seen from the ridge.",
        ),
    ]
    listing = ["Share your thoughts with friends.", "More Sallow Courier"]
    for k, (head, lede) in enumerate(stories):
        listing += [head, "Jane Doe", f"Tuesday March {10 - k}, 2026", lede]
    out = clean_text(page(MENU, HEAD[1:3], BODY, listing, TAIL)).split("\n\n")
    assert out == BODY


def test_other_stories_each_a_headline_over_one_paragraph_after_top_stories_are_not_kept():
    """After "Top stories" a page lists other stories, each a short headline over its first
    paragraph: paragraphs alone between lines that are not prose, which the body's run went
    on into. The body's own paragraphs after a box of related links follow each other."""
    stories = [
        (
            "Ferry fares to rise",
            "The harbour board said on Monday that fares on the Varden "
            "crossing would rise by a tenth in April, the first rise in a decade.",
        ),
        (
            "Dock union walks out",
            "The dock workers' union left the talks after six hours on "
            "Monday, and 400 of its members will stop work on Friday morning.",
        ),
        (
            "Comet over the valley",
            "There is a comet hurtling towards the valley that could "
            "light up the winter sky for a week, the observatory said on Sunday.",
        ),
        (
            "Council names engineer",
            "The council appointed an engineer from the hydro "
            "authority to lead the work on the sea wall, its chairman said on Friday.",
        ),
    ]
    listing = ["Top stories", *(line for story in stories for line in story)]
    out = clean_text(page(MENU, HEAD[1:3], BODY, listing, TAIL)).split("\n\n")
    assert out == BODY
    box = ["Related", "Ferry Fares To Rise In April", "Harbour Strike Talks Collapse"]
    body = [*BODY[:2], *box, *BODY[2:]]
    out = clean_text(page(MENU, HEAD[1:3], body, TAIL)).split("\n\n")
    assert [line for line in BODY if line not in out] == []


def test_a_last_section_under_a_subheading_of_the_articles_own_shape_is_kept():
    """A round-up heads each of its parts with a line in capitals; its last part, a
    short paragraph and a one-sentence one, is cut from the run by its heading's cost. A
    heading of that shape over prose after the run is the article's; a listing is not."""
    parts = [
        (
            "NORTH WINS",
            "The north side beat the harbour team 3-1 on Saturday, with two late goals "
            "from its captain after a long spell of pressure in the rain at the quay ground.",
        ),
        (
            "WEST FALLS",
            "The west side lost at home for the first time this season, going down "
            "2-0 to the valley club after a penalty was given against it before the break.",
        ),
        (
            "EAST HOLDS ON",
            "The east side held on for a draw with ten men after its keeper was "
            "sent off, and stays second in the table on goal difference over the valley club.",
        ),
    ]
    body = [BODY[0], BODY[1]]
    for heading, text in parts:
        body += [heading, text]
    last = [
        "SOUTH AHEAD",
        "The south side leads the group by a point after its win.",
        "It plays next week.",
    ]
    after = [
        "More from the Courier",
        "Ferry Fares To Rise In April",
        "Harbour Strike Talks Collapse",
    ]
    out = clean_text(page(MENU, HEAD[:1], body, last, after, TAIL)).split("\n\n")
    assert out[-2:] == last[1:]
    assert "Ferry Fares To Rise In April" not in out


def test_a_listing_after_the_run_without_the_articles_heading_shape_is_not_kept():
    """The same page without subheadings in the article: a line in capitals after it over
    a teaser's sentence is another story's, not a section of this one."""
    after = ["MOST READ", "The south side leads the group by a point after its win on Sunday."]
    out = clean_text(page(MENU, HEAD[:1], BODY, after, TAIL)).split("\n\n")
    assert out == BODY


def test_the_lede_under_the_headline_cut_from_the_body_by_a_box_is_kept():
    """A deals page: the headline, the writer and the date, two paragraphs of prose, then
    a box ("Don't Miss:") and the long list that outweighs them. The two paragraphs right
    under the headline are the article's opening, not a teaser."""
    lede = [
        "The winter sales are going to be huge for all sorts of kitchen goods this year, from "
        "kettles and toasters to the slow cookers everyone in the valley seems to want.",
        "Slow cookers dropped to their lowest price of the year at the Courier Shop on Monday, "
        "and the large kettles are down by a third as well, for this week only.",
    ]
    items = []
    for n, name in enumerate(
        ["Harbour Kettle", "Quay Toaster", "Valley Slow Cooker", "Mill Grill"]
    ):
        items += [name, "Boils a full jug in under two minutes", f"${20 + n}.99"]
        items += ["Available from the Courier Shop", "Courier may receive a commission"]
        if n >= 2:  # the later items have a paragraph of the writer's own
            items.append(
                f"The {name.lower()} is the one our testers liked best this year, and it is easy "
                "to clean, quiet in use and comes with a cord long enough for any kitchen."
            )
            items.append(
                "It is a good buy at this price, and the shop says it will not fall further "
                "before the holidays, so there is little reason to wait for a better deal."
            )
    head = [
        "Winter Sales: The Best Kitchen Deals",
        "Winter sales bring the best kitchen deals of the year",
        "Jane Doe",
        "March 10, 2026 at 8:40 AM",
        "Share Tweet",
    ]
    text = page(MENU, head, lede, ["Don't Miss:"], items, TAIL)
    out = clean_text(text, "Winter sales bring the best kitchen deals of the year").split("\n\n")
    assert out[:2] == lede


def test_a_sentence_case_headline_run_into_its_first_sentence_is_a_teaser():
    """A box of other stories in sentence case, each headline run into its first sentence
    with no stop between ("... for good A report found ..."): the sentence opens with a
    capitalised short word after a word of the headline, and goes on in lower case."""
    teasers = [
        "Council votes to close the old pier for good A report found the pier unsafe after "
        "the storms of last spring.",
        "Why the ferry crossing costs more this year Even the harbour board admits the rise "
        "will hurt the island's shops.",
        "Dock workers in the lower town vote to strike This is the first strike at the port "
        "in twenty years.",
    ]
    # a capital "A" may be a letter ("vitamin A tablets"): alone it is not taken, among
    # other teasers it is
    assert [is_teaser(t) for t in teasers] == [False, True, True]
    prose = [
        *BODY,
        "The council said the word “We” was painted on the pier by students from the school.",
        "SALLOW MARKET (Meridian Press) The council voted on Monday to close the old pier.",
        "The board raised the fare for vitamin A tablets sold on the island by a tenth.",
        "In the lower town, the water reached the first floor of the houses on Quay Street.",
    ]
    assert not any(is_teaser(line) for line in prose)
    out = clean_text(page(MENU, HEAD[1:3], BODY, ["Most read"], teasers, TAIL)).split("\n\n")
    assert out == BODY


def test_a_listing_of_title_case_headlines_run_into_their_sentences_is_not_the_body():
    """A listing of other stories after the article, each a Title Case headline run into its
    first sentence ("... Shops In Varden Wondering where ..."). One such line could be prose
    that opens with a name; three together are a listing."""
    listing = [
        "Latest Headlines",
        "The Best Cheese Shops In Varden Wondering where to find the best cheese in the valley? "
        "We asked the readers of the Courier.",
        "Harbour Board Votes To Raise Fares Again Ferry fares on the Varden crossing will rise "
        "by a tenth from April, the board said.",
        "Five Bakeries Worth The Drive Up The Pass Nobody bakes bread like the bakers of the "
        "upper valley, whose ovens burn wood.",
    ]
    text = page(MENU, HEAD[1:3], BODY, listing, TAIL)
    out = clean_text(text).split("\n\n")
    assert out == BODY
    # a line of prose that opens with a long name is kept
    named = "Sallow Hydro Authority Chief Engineer Tomas Varga said the dam would be examined."
    body = [BODY[0], named, *BODY[1:]]
    assert clean_text(page(MENU, HEAD[1:3], body, TAIL)).split("\n\n") == body


def test_a_listing_after_the_pager_of_the_reviews_is_not_the_body():
    """Under the article a page's reviews, their pager ("1 2 3 4 5"), then its other
    stories, each a short heading over one short paragraph: a pager ends the body in any
    language, and the listing after it is not the body's."""
    listing = [
        "Reader reviews",
        "Add a review",
        "1 2 3 4 5 6",
        "Popular on the Courier",
        "Ferry fares",
        "The harbour board will raise fares by a tenth in April. Two crossings a day stay free.",
        "Dock strike",
        "The dock workers' union will strike on Friday. The board says it will not talk again.",
        "Comet",
        "A comet will light up the winter sky for a week. The best view is from the ridge.",
        "Sea wall",
        "The council has promised a higher sea wall for twenty years. The money went to roads.",
    ]
    out = clean_text(page(MENU, HEAD[1:3], BODY, listing, TAIL)).split("\n\n")
    assert out == BODY


@pytest.mark.parametrize(
    "credit",
    [
        "Mira Holt/Meridian Press/Getty Images",
        "(Image credit: Sallow Hydro Authority)",
        "Image: Mira Holt",
    ],
)
def test_a_caption_written_as_a_sentence_over_its_credit_is_not_the_body(credit: str):
    """A photo's caption is a sentence like the article's, but it stands right above the
    picture's credit line; the article's paragraphs do not."""
    caption = "Volunteers carry sandbags to the lower town as the river rises on Tuesday."
    body = [*BODY[:2], caption, credit, *BODY[2:]]
    out = clean_text(page(MENU, HEAD[1:3], body, TAIL)).split("\n\n")
    assert out == BODY
    # a paragraph of three sentences over a credit is the article's (its picture has no caption)
    long = "The river rose. The army came. Crews worked through the night to save the town."
    body = [*BODY[:2], long, credit, *BODY[2:]]
    out = clean_text(page(MENU, HEAD[1:3], body, TAIL)).split("\n\n")
    assert long in out


def test_the_writers_box_under_the_writers_name_is_not_the_body():
    """After the article the writer's box: the writer's name on a line (alone, or after one
    word or a few: "About", "Acerca de"), the same name as the byline's above the article, and a
    bio of prose that names the writer. No English heading announces it."""
    box = [
        "Acerca de Jane Doe",
        "Jane Doe has covered the Sallow valley for twelve years, and lives in Port Averly "
        "with her two children and a very old dog.",
    ]
    head = ["Flood toll rises to 19", "Jane Doe 10/03/2026"]
    out = clean_text(page(MENU, head, BODY, box, ["Facebook", "Twitter"])).split("\n\n")
    assert out == BODY
    bio_first = [
        "Jane Doe is a mother of two who writes about rivers. She has covered the valley for "
        "twelve years and lives in Port Averly.",
        "Jane Doe",
        "I want to help you write about your own river. Pick a free class and let's start!",
    ]
    out = clean_text(page(MENU, head, BODY, bio_first, ["Facebook"])).split("\n\n")
    assert out == BODY
