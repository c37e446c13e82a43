"""A briefing's summary as a reader takes it (storydesk.summarize.reader): no sentence that
only repeats a listed quote, no caption, byline or fragment of a page's markup, and the news
before a column's hook. Fictional articles, one per kind of error."""

from __future__ import annotations

import pytest
from conftest import analyzed
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.pipeline import brief
from storydesk.settings import Settings
from storydesk.summarize.reader import (
    _PAIRS,
    _spaced,
    is_caption_or_byline,
    is_fragment,
    is_whole_quotation,
    reports_news,
    words_of,
)


def summary_of(nlp, *texts: str, words: int = 120) -> list[str]:
    articles = [analyzed(nlp, t, f"a{i}") for i, t in enumerate(texts)]
    return [s.text for s in brief(articles, Settings(words=words)).summary]


HOOK = """Enter the Tessaly valley to throw down the gauntlet.

The state's new water slogan drew a valley-sized share of attention on social media on Monday.

Governor Lena Marsh wants every household to cut its use by a fifth this summer.

The campaign cost the state nearly $450,000, officials said on Tuesday."""


def test_a_column_hook_gives_way_to_the_news(nlp):
    summary = summary_of(nlp, HOOK)
    assert summary[0].startswith("The state's new water slogan drew")
    assert any(s.startswith("Enter the Tessaly valley") for s in summary[1:])


def test_a_lead_that_reports_news_stays_first(nlp):
    text = HOOK.replace(
        "Enter the Tessaly valley to throw down the gauntlet.",
        ("The Tessaly valley launched a water-saving campaign on Monday."),
    )
    assert (
        summary_of(nlp, text)[0] == "The Tessaly valley launched a water-saving campaign on Monday."
    )


REPEATED = """Governor Lena Marsh defended the water campaign on Tuesday after a day of mockery online.

"So I think that is working," Marsh told reporters in Kessen of the reaction.

“So I think that is working.”

The campaign cost the state nearly $450,000, officials said on Tuesday.

So I think that is working.

Officials said the slogan would stay on billboards across the valley until the autumn."""


def test_a_sentence_that_only_repeats_a_listed_quote_is_left_out(nlp):
    summary = summary_of(nlp, REPEATED)
    assert '"So I think that is working," Marsh told reporters in Kessen of the reaction.' in (
        summary
    )
    assert "“So I think that is working.”" not in summary
    assert "So I think that is working." not in summary


PAGE = """By Jane Doe Harbour Correspondent The ferry service to Port Averly resumed on Friday after a week of storms.

Harbour Platter: 2 Green, 1 Red, 1 Yellow, 1 tsp.

The new harbour bridge (pictured) opened to traffic on Friday morning after two years of work.

Tale of the River> opened the harbour festival on Friday evening with a parade of boats.

Harbour master Ines Calloway said the first ferry left at six with 200 passengers aboard.

Harbour master Ines Calloway said the first ferry left at six with 200 passengers aboard."""


def test_captions_bylines_fragments_and_repeats_are_left_out(nlp):
    summary = summary_of(nlp, PAGE)
    assert summary, "the news sentences stay"
    assert not any(s.startswith("By Jane Doe") for s in summary)
    assert not any("(pictured)" in s for s in summary)
    assert not any("River>" in s for s in summary)
    assert not any(s.startswith("Harbour Platter") for s in summary)
    assert sum(s.startswith("Harbour master Ines Calloway said") for s in summary) == 1


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("“We will rebuild the bridge.”", True),
        ('"We lost everything."', True),
        ('"We will rebuild," the mayor said.', False),
        ('The mayor said: "We will rebuild."', False),
        ('"We will rebuild," she said. "It will take a year."', False),
    ],
)
def test_whole_quotation(text, whole):
    assert is_whole_quotation(text) is whole


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Tale of the River> opened the festival on Friday.", True),
        ("“Harbour Lights”), and her partners were Otto Vell and Mira Tell.", True),
        ("Harbour Stew [1 cup barley (rinsed), 4 oz. fish, 1 tsp.", True),
        ("Breakfast: 1 cup oats, 8 oz. milk (or 1 tsp.", True),
        ("The festival (its tenth) opened on Friday.", False),
        ("“Harbour Lights” opened on Friday.", False),
    ],
)
def test_fragment(text, fragment):
    assert is_fragment(text) is fragment


@pytest.mark.parametrize(
    ("text", "unfit"),
    [
        ("The new bridge (pictured) opened on Friday.", True),
        ("The centre of the storm is very warm (red), while the edge is cold.", True),
        ("By Jane Doe Harbour Correspondent The talks failed on Monday.", True),
        ("AFP/Getty Images The ferry company hopes to resume sailings today.", True),
        ("Complete Coverage * Weekly Video * Editor Picks * More.", True),
        ("The new bridge opened on Friday (local time).", False),
        ("By Friday the ferries were running again.", False),
    ],
)
def test_caption_or_byline(text, unfit):
    assert is_caption_or_byline(text) is unfit


@pytest.mark.parametrize(
    ("text", "news"),
    [
        ("The ministry's slogan drew attention on Monday.", True),
        ("Rescuers have pulled 40 people from the river.", True),
        ("The band will reunite for a tour next year.", True),
        ("Two soldiers were killed in the crash.", True),
        ("Enter the Tessaly valley to throw down the gauntlet.", False),
        ("A half century on, the band is still touring.", False),
        ("If a ship does not come with a drive then it is usually fitted with pods.", False),
        ("Neo-banks have been all the rage in Europe for years.", False),
        # The future without "will".
        ("Corvane is set to raise up to $4bn from its second listing.", True),
        ("The council plans to vote on the levy next month.", True),
        ("The ferry is due to arrive at noon.", True),
        ("The delay is due to the storm.", False),
        ("The hall is set in a quiet valley.", False),
    ],
)
def test_reports_news(text, news):
    assert reports_news(text) is news


def test_what_a_page_tells_its_reader_to_do_is_no_news():
    assert is_caption_or_byline("Please click the button below to install it.")
    assert is_caption_or_byline("Pro tip: Get more pre-workout meal ideas here!")
    assert not is_caption_or_byline("Please stay indoors, the mayor told residents on Monday.")


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("Harbour Platter: 2 Green, 1 Red, 1 Yellow, 1 tsp.", True),
        ("Slow Cooker Fish Stew, 1 Tbsp.", True),
        ("Thad Vell disagreed.", False),
        ("Top speed is 124 mph.", False),
    ],
)
def test_list_line(text, listed):
    from storydesk.summarize.reader import is_list_line

    assert is_list_line(text) is listed


def test_a_sentence_in_another_script_is_no_list_line():
    from storydesk.summarize.reader import is_list_line

    assert not is_list_line("Модель рассказала, почему старение её пугает.")
    assert not is_list_line("주말 밤 9시 공연이 열렸다.")


# Text over a small alphabet (so that runs of words repeat): letters in two cases and
# scripts, digits, spaces of several kinds, line breaks, brackets and quote marks.
_TEXT = st.text(
    alphabet=st.sampled_from("abAB İıßé9 _\t\n\u00a0\u2003.,()[]<>“”«»'\"-"), max_size=40
)


def _run_of(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """``part`` is a run of ``whole``'s words: the window-by-window loop the substring
    search of unfit_sentences replaced."""
    n = len(part)
    return 0 < n <= len(whole) and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


@settings(max_examples=1000, deadline=None)
@given(_TEXT, st.lists(_TEXT, max_size=4))
def test_a_run_of_a_quotes_words_is_found_as_spaced_text(sentence, quotes):
    own = words_of(sentence)  # unfit_sentences asks only of three words or more
    listed = [words_of(q) for q in quotes]
    joined = "\n".join(_spaced(q) for q in listed)
    assert (bool(own) and _spaced(own) in joined) == any(_run_of(own, q) for q in listed)


def _fragment_by_loop(text: str) -> bool:
    """is_fragment without its first test (no mark of any pair at all)."""
    depth: dict[str, int] = {}
    for ch in text:
        if ch in _PAIRS.values():
            depth[ch] = depth.get(ch, 0) + 1
        elif ch in _PAIRS:
            if depth.get(_PAIRS[ch], 0) == 0:
                return True
            depth[_PAIRS[ch]] -= 1
    return depth.get("(", 0) > 0 or depth.get("[", 0) > 0


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
def test_is_fragment_is_the_bracket_loop(text):
    assert is_fragment(text) == _fragment_by_loop(text)


def test_a_sentence_that_only_repeats_a_listed_quote_is_left_out_by_words():
    # words of a quote, in its order, from its middle: a run; the same words apart: not
    quote = words_of("“The ferry to Orlen will run twice a day from June,” said Mara Quill.")
    joined = _spaced(quote)
    assert _spaced(words_of("the ferry to Orlen will run")) in joined
    assert _spaced(words_of("ferry Orlen will")) not in joined
    assert _spaced(words_of("Orlen will run twice daily")) not in joined
