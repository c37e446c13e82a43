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
