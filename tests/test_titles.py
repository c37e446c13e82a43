from __future__ import annotations

import datetime as dt

from conftest import analyzed

from storydesk.model import Citation, SummarySentence
from storydesk.pipeline import story_title
from storydesk.titles import headline_like, is_quote, is_slug

SLUGS = ["Quake Region Peak", "FLOOD-DAM/TOLL", "Averly Dam Burst", "Ferry Strike"]
QUOTES = [
    '"We will not resign," says Minister Vell',
    "‘They started it’: harbour union on the ferry strike",
    "Minister Vell: Won't resign",
    "Harbour chief on the strike: He asked for it",
    'Union leader: "The ferries stay in port"',
]
HEADLINES = [
    "Kessen Dam bursts, killing twelve in Port Averly",
    "Nadal Wins Again",
    "Ferry Strikes Spread",
    "Floods: army sends boats to Port Averly",
    "Twelve dead as Kessen Dam bursts",
    "Tim Vell on the harbour being 'pulled into the storm'",
]


def test_slugs_and_one_sided_quotes_are_not_headlines():
    for t in SLUGS:
        assert is_slug(t) and not headline_like(t), t
    for t in QUOTES:
        assert is_quote(t) and not headline_like(t), t
    for t in HEADLINES:
        assert headline_like(t), t


def _sentence(article, text):
    start = article.article.text.index(text)
    return SummarySentence(
        text=text, citations=(Citation(article.article.id, start, start + len(text)),)
    )


LEAD = "The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve."
QUOTE = '"We will rebuild every house," Governor Ilse Brandt said.'


def test_a_slug_or_a_quote_headline_gives_way_to_another_report_s_headline(nlp):
    day = dt.date(2026, 3, 2)
    a = analyzed(nlp, f"{QUOTE}\n\n{LEAD}", "a", title="Quake Region Peak", published=day)
    b = analyzed(nlp, LEAD, "b", title="Kessen Dam bursts, killing twelve", published=day)
    summary = [_sentence(a, LEAD), _sentence(a, QUOTE)]
    assert story_title([a, b], summary) == "Kessen Dam bursts, killing twelve"


def test_without_a_headline_the_story_is_named_by_its_news_not_by_a_quote(nlp):
    a = analyzed(nlp, f"{QUOTE}\n\n{LEAD}", "a", title='"We will rebuild every house": governor')
    b = analyzed(nlp, LEAD, "b", title="Quake Region Peak")
    summary = [_sentence(a, QUOTE), _sentence(a, LEAD)]
    assert story_title([a, b], summary) == (
        "The Kessen Dam burst on Monday and floods swept through Port Averly"
    )
    # A headline-like headline is kept as it is.
    c = analyzed(nlp, LEAD, "c", title="Twelve dead as Kessen Dam bursts")
    assert story_title([c], [_sentence(c, LEAD)]) == "Twelve dead as Kessen Dam bursts"


def test_a_lede_or_teaser_cut_off_is_never_the_title(nlp):
    """A page's title line that is its lede cut by the site ("...", "…") is no headline;
    without a headline the story is named by a clause of its news, never by a sentence cut
    with " ...". A long sentence with no clause to end at gives way to the next one."""
    for t in [
        "The Kessen Dam burst on Monday and floods swept through the lower town of...",
        "Twelve people died when the Kessen Dam burst…",
    ]:
        assert not headline_like(t), t
    long = (
        "Rescue crews from three valleys and the army worked through the night in the rain "
        "to reach the last stranded families of the lower town by boat."
    )
    text = f"{long}\n\n{LEAD}"
    a = analyzed(nlp, text, "a", title="The Kessen Dam burst on Monday and floods swept…")
    title = story_title([a], [_sentence(a, long), _sentence(a, LEAD)])
    assert title == "The Kessen Dam burst on Monday and floods swept through Port Averly"
    assert "..." not in title and "…" not in title
    b = analyzed(nlp, LEAD, "b")
    long_lead = (
        "The Kessen Dam burst on Monday and floods swept through Port Averly and the farms "
        "around it, killing twelve people."
    )
    c = analyzed(nlp, long_lead, "c")
    assert story_title([c], [_sentence(c, long_lead)]) == (
        "The Kessen Dam burst on Monday and floods swept through Port Averly and the farms "
        "around it"
    )
    assert story_title([b], [_sentence(b, LEAD)]) == (
        "The Kessen Dam burst on Monday and floods swept through Port Averly"
    )


def test_a_title_never_ends_with_the_comma_of_a_relative_clause():
    from storydesk.titles import title_from_sentences

    sentence = (
        "Ada Brook, who is organising the harbour charity concert for the families, "
        "hopes to finish the record by 7 February."
    )
    title = title_from_sentences([sentence])
    assert title is not None
    assert title != "Ada Brook, who is organising the harbour charity concert for the families"
    # a comma that ends a main clause still ends a title
    lead = "On Monday, the army sent forty boats to Port Averly, officials said on Tuesday night."
    assert title_from_sentences([lead]) == ("On Monday, the army sent forty boats to Port Averly")
