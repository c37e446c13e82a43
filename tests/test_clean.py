from __future__ import annotations

import itertools
import json
import re

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.clean import _fix_characters, clean_text, is_boilerplate, paragraphs
from storydesk.ingest import read_paths

BOILERPLATE = [
    "By continuing to browse this website you accept our cookies. More information",
    "We use cookies to improve your experience.",
    "Media playback is unsupported on your device",
    "Media captionThe minister speaking on Monday",
    "Image caption Residents wade through flood water",
    "Image copyright Getty Images",
    "Photo: J. Doe/Meridian Press",
    "(AP Photo/Jane Roe)",
    "Were you affected by the flooding? Share your experience with us.",
    "Send us your experiences using the form below.",
    "Your contact details",
    "If you are happy to be contacted by a journalist please leave a telephone number.",
    "Terms and conditions",
    "The Herald's Privacy Policy",
    "Share this article",
    "Subscribe to our daily newsletter",
    "Follow us on Twitter and Facebook",
    "Advertisement",
    "Additional reporting by Ana Ruiz in Port Averly.",
    "Meridian Press and staff reporters contributed to this report.",
    "By Jane Doe and John Roe",
    "Jane Doe ,",
    # a byline with its date, as a page store's text holds it
    "Jane Doe | Meridian Press | March 9, 2026",
    "By Jane Doe Updated 9:14 AM EST, Mon March 9, 2026",
    "By JANE DOE · March 9, 2026",
]

CONTENT = [
    "The minister said the dam had been inspected twice last year.",
    "Cookie sales at the town fair raised $4,000 for the flood victims, organisers said.",
    "Photographers were kept away from the site by police on Tuesday.",
    "Share prices of the construction firm fell 12% after the collapse.",
    "Residents said they had been given no warning before the water arrived.",
    "Offices struck",
    "By March 9, 2026 the river had risen two metres, the authority said.",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_lines_are_recognised(line: str):
    assert is_boilerplate(line)
    assert clean_text(f"The river rose on Monday.\n\n{line}") == "The river rose on Monday."


@pytest.mark.parametrize("line", CONTENT)
def test_content_lines_are_kept(line: str):
    assert not is_boilerplate(line)
    assert line in clean_text(line)


def test_long_paragraph_mentioning_cookies_is_content():
    para = (
        "The bakery, which has sold cookies to the town for forty years, said it would accept "
        "donations for families who lost their homes, and volunteers agreed to keep it open "
        "through the weekend while the river stayed high and the roads remained closed to all "
        "traffic except emergency vehicles and the army trucks bringing sandbags and water."
    )
    assert clean_text(para) == para


def test_repeated_paragraph_kept_once_even_with_dateline():
    lead = "World efforts to end the flooding stepped up on Monday as envoys arrived."
    text = f"{lead}\n\nPORT AVERLY: {lead}\n\nMore news followed."
    assert clean_text(text) == f"{lead}\n\nMore news followed."


def test_repeated_short_caption_is_dropped():
    text = "Governor visits shelter\nGovernor visits shelter\n\nThe governor visited on Monday."
    assert clean_text(text) == "The governor visited on Monday."


def test_title_repeated_as_first_paragraph_is_dropped():
    assert clean_text("Dam gives way\n\nThe dam broke.", title="Dam gives way") == "The dam broke."


def test_glued_sentences_are_split():
    assert clean_text("the vote last week.Marlow arrived.") == "the vote last week. Marlow arrived."
    assert clean_text("must end now.Everyone should help.") == "must end now. Everyone should help."
    assert clean_text('he said."The next' + ' step."') == 'he said." The next step."'
    # initials and abbreviations are not sentence ends
    assert clean_text("The U.S.Navy and Mr.Smith arrived.") == "The U.S.Navy and Mr.Smith arrived."


def test_quote_marks_are_normalised():
    out = clean_text("Averly`s rulers said ``it must stop'' and „no” to the plan; `yes' said one.")
    assert "`" not in out
    assert "Averly's" in out
    assert "“it must stop”" in out and "“no”" in out


def test_hard_wrapped_text_is_rejoined():
    text = (
        "The river rose sharply overnight and\nflooded the lower town, officials\n"
        "said on Monday.\n\nNext."
    )
    assert paragraphs(text) == [
        "The river rose sharply overnight and flooded the lower town, officials said on Monday.",
        "Next.",
    ]


def test_mojibake_and_spaces_are_fixed():
    assert (
        clean_text("The storm\u00e2\u20ac\u2122s  damage\u00a0was  severe.")
        == "The storm’s damage was severe."
    )


paragraph_text = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80),
        st.sampled_from(
            BOILERPLATE + CONTENT + ["``Quote'' here.", "a`b", "now.Next", "X: dup", "dup"]
        ),
    ),
    max_size=8,
).map(lambda parts: "\n\n".join(parts))


@settings(max_examples=400, deadline=None)
@given(paragraph_text)
def test_cleaning_is_idempotent(text: str):
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(paragraph_text, st.one_of(st.none(), st.text(max_size=30)))
def test_cleaning_with_title_is_idempotent(text: str, title: str | None):
    once = clean_text(text, title)
    assert clean_text(once, title) == once


# --- the seed articles (real scraped news, read from ../shared; never copied here) -------
# Patterns for boilerplate kinds, not seed text: each names a kind of furniture.
SEED_BOILERPLATE = [
    r"cookies",
    r"Media playback",
    r"Media caption",
    r"Image caption",
    r"form below",
    r"Your contact details",
    r"happy to be contacted",
    r"Terms and conditions",
    r"Privacy Policy",
    r"contributed to this report",
]
GLUED = re.compile(r"\b([a-z]{2,}[.!?])([A-Z][a-z]+)")


@pytest.fixture(scope="module")
def seeds(shared):
    docs = list(read_paths([str(shared / "seeds")]))
    assert len(docs) == 5
    return {d.source.rsplit("/", 1)[-1][:3]: (d, clean_text(d.text, d.title)) for d in docs}


def test_seed_boilerplate_is_gone(seeds):
    for doc, text in seeds.values():
        for pattern in SEED_BOILERPLATE:
            assert not re.search(pattern, text, re.MULTILINE), pattern
        assert "`" not in text
        # a caption line that the page repeats (alt text and caption) is gone entirely
        lines = [line.strip() for line in doc.text.splitlines() if line.strip()]
        for a, b in itertools.pairwise(lines):
            if a == b and len(a.split()) <= 15 and not a.endswith("."):
                assert a not in text


def test_seed_repeated_paragraph_appears_once(seeds):
    repeated = 0
    for doc, text in seeds.values():
        paras = paragraphs(doc.text)
        for p in paras:
            body = p.split(": ", 1)[-1]
            if len(body.split()) > 15 and sum(body in q for q in paras) > 1:
                repeated += 1
                assert text.count(body) == 1
    assert repeated >= 1, "the seeds have a repeated lead paragraph"


def test_seed_glued_sentences_are_split(seeds):
    glued = 0
    for doc, text in seeds.values():
        for m in GLUED.finditer(doc.text.replace("`", "'")):
            if m.group(1)[:-1].lower() in {"www"}:
                continue
            glued += 1
            assert f"{m.group(1)} {m.group(2)}" in text
        assert not GLUED.search(text)
    assert glued >= 3, "the seeds have glued sentences"


def test_seed_content_paragraphs_survive(seeds):
    for doc, text in seeds.values():
        raw_paras = paragraphs(doc.text)
        kept = set(text.split("\n\n"))
        lost = [
            p
            for p in raw_paras
            if len(p.split()) > 25 and not any(p[-40:].replace("`", "'") in k for k in kept)
        ]
        # Long paragraphs are content, except the one reader contact form in the BBC page.
        assert all("contacted" in p for p in lost), lost


def test_cleaning_keeps_clean_newswire_whole(shared):
    """DUC 2004 newswire has no boilerplate: cleaning must keep (nearly) every word."""
    path = shared / "datasets" / "duc2004-task2" / "clusters.jsonl"
    raw_words = kept_words = 0
    with path.open() as fh:
        for line in fh:
            for doc in json.loads(line)["documents"]:
                raw_words += len(doc["text"].split())
                kept_words += len(clean_text(doc["text"]).split())
    assert kept_words / raw_words > 0.995


def test_an_author_box_is_dropped_but_a_sentence_about_a_reporter_stays():
    text = (
        "A landslide closed the Orrin Pass road on Tuesday, officials said.\n\n"
        "Crews expect to reopen one lane by Friday.\n\n"
        "Mara Voss covers transport and the Orrin valley for the Courier. "
        "She has reported from the valley for ten years.\n\n"
        "Dana Ruel is a senior correspondent at the Lakeside Herald."
    )
    cleaned = clean_text(text)
    assert "Mara Voss covers" not in cleaned and "Dana Ruel" not in cleaned
    assert "Crews expect to reopen one lane by Friday." in cleaned
    body = (
        "Police detained Tomas Brandt, a reporter who had filmed the protest, on Monday "
        "and questioned him for six hours about the footage before his lawyer arrived, "
        "and then released him without charge late in the evening after his newspaper "
        "protested, the union said."
    )
    assert clean_text(body) == body


def test_extracted_html_text_keeps_its_repeated_short_lines():
    """Text an HTML reader extracted has no alt text: a short line it repeats is the
    article's own (a recipe's steps, the credit line under each embedded post)."""
    text = (
        "Lunch box plan for the week\n\nMonday\n\nEat within two hours of cooking\n\n"
        "Tuesday\n\nEat within two hours of cooking\n\n"
        "— Harbour Council (@HarbourCouncil) May 4, 2026\n\n"
        "The council posted the notice again in the evening.\n\n"
        "— Harbour Council (@HarbourCouncil) May 4, 2026"
    )
    out = clean_text(text, page=False)
    assert out.count("Eat within two hours of cooking") == 2
    assert out.count("(@HarbourCouncil) May 4, 2026") == 2
    # A page's whole text still loses a caption that its alt text repeats.
    page = "The bridge reopened on Monday.\n\nCrews at the bridge\n\nCrews at the bridge"
    assert "Crews at the bridge" not in clean_text(page)


def test_a_paragraph_of_prose_that_gives_an_address_in_passing_stays():
    prose = (
        "Our aim with these open threads is to give readers a place to raise questions "
        "about the fund or about related topics in the comments below. As always, you are "
        "also welcome to email us at desk@fund.example or to ask for a call with the staff "
        "if you have questions you would rather discuss in private. We try to answer "
        "every question quickly."
    )
    assert clean_text(prose) == prose
    prompt = "Get in touch: email us at desk@fund.example or use the form below."
    assert clean_text(f"The fund grew.\n\n{prompt}") == "The fund grew."


def test_cut_off_text_is_marked_truncated_and_loses_its_partial_sentence():
    from storydesk.model import RawDocument
    from storydesk.pipeline import prepare
    from storydesk.render.jsonout import article_dict

    whole = "The ferry resumed service on Monday. Ticket prices were unchanged."
    a = prepare(RawDocument("a.txt", whole), "a")
    assert not a.truncated and a.text == whole
    cut = whole + " The operator said the winter timetable would add three"
    b = prepare(RawDocument("b.txt", cut), "b")
    assert b.truncated and b.text == whole
    assert article_dict(b)["truncated"] is True and article_dict(a)["truncated"] is False
    # A size cap that falls where no sentence ends in reach: cut at a space, then the
    # unfinished sentence goes too.
    long = "The ferry resumed service on Monday. Crews " + "checked the hull and the deck " * 20
    c = prepare(RawDocument("c.txt", long.strip() + "."), "c", max_chars=120)
    assert c.truncated and c.text == "The ferry resumed service on Monday."


def test_a_paragraph_the_text_already_holds_is_left_out():
    first = "The harbour reopened on Tuesday after the storm, the port authority said."
    second = "Ferries to the islands will sail again from Thursday."
    text = "\n\n".join(
        [
            first,
            second,
            f"{first} {second}",  # the whole article again on one line
            "The harbour reopened on Tuesday after the storm, the port...",  # a teaser
            "The storm closed the harbour on Tuesday.",
        ]
    )
    assert clean_text(text) == f"{first}\n\n{second}\n\nThe storm closed the harbour on Tuesday."


def test_a_two_line_hard_wrapped_paragraph_is_joined():
    # Fictional; a paragraph of two wrapped lines was split in two, and its first half,
    # ending mid-sentence, then read as a headline.
    text = (
        "The death toll from the floods rose to 19 on Tuesday, the interior\n"
        "ministry said, as rescuers searched the Quayside district for the\n"
        "missing and the river fell.\n\n"
        "A second paragraph of the report follows with a figure of 2,300 in\n"
        "it and ends here."
    )
    cleaned = clean_text(text, title=None)
    assert "2,300 in it and ends here." in cleaned
    assert "\n" not in cleaned.split("\n\n")[1]


def test_text_cut_off_keeps_a_sentence_followed_by_a_lower_case_word():
    # Fictional. The cut falls after a stray lower-case word: the sentence before it stays.
    text = (
        "The court ruled on Thursday that the province cannot leave alone.\n\n"
        "But the court said the government would have to negotiate with the province. new"
    )
    cleaned = clean_text(text, title=None)
    assert cleaned.endswith("would have to negotiate with the province.")


def test_a_dateline_with_city_region_and_country_is_a_dateline():
    # "City, Region, Country: " opens a wire story as "CITY (Agency) - " does; the summary
    # and the quotes read the sentence after it.
    from storydesk.clean import DATELINE

    for line, dateline in [
        (
            "Port Averly, Caldonia, Northern Isles: The ferry sailed.",
            "Port Averly, Caldonia, Northern Isles: ",
        ),
        ("Varden, Caldonia: The pass reopened.", "Varden, Caldonia: "),
        ("PORT AVERLY (Meridian Press) - The ferry sailed.", "PORT AVERLY (Meridian Press) - "),
    ]:
        m = DATELINE.match(line)
        assert m and m.group(0) == dateline, line
    for line in ["The mayor, however, said: no.", "Ferry pilots, union leaders said: enough."]:
        assert DATELINE.match(line) is None, line


def test_a_question_put_to_each_guest_of_an_interview_is_kept_each_time():
    """The same question before each guest's answer (or a table's row label before each
    row) is the article's own; a paragraph repeated with the same neighbours is a copy."""
    question = "What got you started in the harbour kitchens?"
    answers = [
        "Mira Holt: My grandmother ran a stall on Quay Street, and I learned at her elbow.",
        "Tomas Vell: A winter job washing pans turned into twenty years of cooking.",
        "Agnes Tollan: I trained as an engineer, then opened a bakery on a dare.",
    ]
    text = "\n\n".join(p for a in answers for p in (question, a))
    assert clean_text(text).split("\n\n") == [p for a in answers for p in (question, a)]
    twice = "\n\n".join([answers[0], answers[1], answers[0], answers[1], answers[0], answers[1]])
    assert clean_text(twice).split("\n\n") == answers[:2]


def test_a_tables_rows_repeated_under_each_heading_are_kept_each_time_in_page_text():
    """A meal plan in a page's text: the same row labels under each day's heading, with
    rows of each day's own between them. Page text lost every copy of such a short line
    (taken for a caption and its alt text); a caption repeated side by side is still one."""
    menu = ["Home", "Recipes", "Meal Plans", "Shop", "Search", "Sign In"]
    intro = (
        "This week's plan keeps the harbour kitchens' favourites and adds a soup for the cold "
        "evenings, with a little more fish than last week and one day without meat at all."
    )
    days = []
    for day, dish in [
        ("Monday", "Barley soup"),
        ("Tuesday", "Baked cod"),
        ("Wednesday", "Bean stew"),
    ]:
        days += [f"Menu for {day}", "Before your walk", "Eat an hour before", f"{dish} with rye"]
        days.append(
            f"The {dish.lower()} keeps for two days in the cold, so cook it on {day} evening "
            "and take what is left to work in a flask the next morning."
        )
    text = "\n".join([*menu, intro, *days, "Crews at the bridge", "Crews at the bridge"])
    out = clean_text(text).split("\n\n")
    assert out.count("Before your walk") == 3 and out.count("Eat an hour before") == 3
    assert "Crews at the bridge" not in out


def test_a_long_row_repeated_under_each_heading_is_kept_and_a_pull_quote_once():
    """A table's row longer than a line of prose (a dish with its portions in brackets) is no
    sentence; a sentence repeated with the same paragraph after it is a pull quote, kept once."""
    row = "Barley soup [1 cup barley, 2 carrots, 1 onion, 4 cups stock, a little dill and pepper]"
    quote = "“We were lucky,” said Agnes Tollan, whose house stood a metre from the water."
    paras = []
    for day in ("Monday", "Tuesday", "Wednesday"):
        paras += [f"Menu for {day}", row, quote, "The soup keeps for two days in the cold."]
    out = clean_text("\n\n".join(paras), page=False).split("\n\n")
    assert out.count(row) == 3
    assert out.count(quote) == 1


def test_a_link_hover_card_run_into_a_sentence_is_removed_and_the_name_kept():
    """A page's text runs a link's hover card into the sentence: the name, the name again
    (perhaps with a middle name), the card's headlines of other stories, then "MORE"."""
    text = (
        "The threat against Councillor Agnes Tollan Agnes Tollan Harbour strike: Talks collapse "
        "| Ferry fares to rise in April | Dock union walks out MORE (Ind.) was reported on "
        "Monday.\n\nMayor Tomas Vell Tomas R. Vell Sea wall plan delayed again | Comet seen over "
        "valley MORE (Lab.) said the wall would be finished."
    )
    assert clean_text(text).split("\n\n") == [
        "The threat against Councillor Agnes Tollan (Ind.) was reported on Monday.",
        "Mayor Tomas Vell (Lab.) said the wall would be finished.",
    ]
    said = "Agnes Tollan said Agnes Tollan had asked for MORE (not less) money for the wall."
    assert clean_text(said) == said


def test_a_tables_rows_are_kept_each_time_when_two_days_share_some_lines():
    """A plan of two weeks repeats a day's dishes: the lines between two copies of a row
    are not found only once, but they differ from one row to the next. Inside the table a
    dish served on two days is a row too; a block repeated whole is still kept once."""
    menu = ["Home", "Recipes", "Meal Plans", "Shop", "Search", "Sign In"]
    intro = (
        "This fortnight's plan keeps the harbour kitchens' favourites and adds a soup for the "
        "cold evenings, with a little more fish than last week and one day without meat at all."
    )
    rows = []
    for week in ("one", "two"):
        rows.append(f"Plan for week {week}")
        for meal, dish in [("Meal 1", "Barley soup, 1 cup"), ("Meal 2", "Baked cod, 4 oz.")]:
            rows += [meal, "Eat every three hours", dish, "Containers: 1 green, 1 red"]
        rows.append(
            f"The plan for week {week} keeps for two days in the cold, so cook it on the "
            "evening before and take what is left to work in a flask the next morning."
        )
    box = ["Crews at the bridge today", "Ferry fares rise"] * 3
    text = "\n".join([*menu, intro, *rows, *box])
    out = clean_text(text).split("\n\n")
    assert out.count("Eat every three hours") == 4
    assert out.count("Barley soup, 1 cup") == 2
    assert out.count("Crews at the bridge today") <= 1


def test_a_picture_credit_is_a_few_words_and_prose_after_a_slash_is_not_one():
    assert is_boilerplate("Rescue boats on Quay Street on Tuesday. AP Photo/Jane Doe")
    assert not is_boilerplate(
        "Missing rules are what the harbour board wanted to avoid: the EPA/state gaps "
        "leave the builders and their partners to make their own plans for the sea wall."
    )


# Text that ftfy may be skipped for (with curly quotes), and text one character away from
# it: any ASCII character (controls, "&", "\r", ESC) or a few non-ASCII ones (mojibake's
# letters, dashes, a C1 control) among the plain ones, and the shapes ftfy acts on (an
# entity, a terminal escape, mojibake, a ligature).
_PLAIN = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from("\t\n“”‘’")
)
_ANY = st.characters(max_codepoint=0x7F) | st.sampled_from(
    "é\u00c3\u00a9\u00c2\u00e2\u20ac\u2014\u2026\u00d2\u2020\x93\ufb01\uff21\u2028\x85"
)
_SHAPES = st.sampled_from(["&amp;", "&eacute;", "&#x2019;", "\x1b[31m", "\r\n", "Ã©", "ﬁ"])


@settings(max_examples=1000, deadline=None)
@given(_PLAIN, st.lists(st.tuples(st.integers(0, 80), _ANY | _SHAPES), max_size=2))
def test_ftfy_is_skipped_only_for_text_it_leaves_unchanged(text, inserts):
    for at, piece in inserts:
        text = text[:at] + piece + text[at:]
    assert _fix_characters(text) == ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")


def test_ftfy_leaves_every_short_mix_of_curly_quotes_and_ascii_as_it_is():
    # every string of up to five characters over letters, a space, "?" and the curly
    # quotes: the runs of quote marks ftfy's mojibake detector reads closest
    alphabet = "aA ?“”‘’"
    for n in range(6):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            assert ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC") == text
