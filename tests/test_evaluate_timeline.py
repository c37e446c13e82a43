from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storydesk.evaluate.timeline import (
    SYSTEMS,
    dateparser_resolve,
    detokenize,
    gold_items,
    run_timeline_eval,
    split_sentences,
    states_a_day,
)


def test_detokenize_undoes_the_release_tokenization():
    assert detokenize("Obama 's plan -LRB- draft -RRB- was n't `` new '' .") == (
        "Obama's plan (draft) wasn't \"new\"."
    )
    assert (
        detokenize("Mexico , with $ 57m and 1\\/26\\/11 ; 5 %")
        == "Mexico, with $57m and 1/26/11; 5%"
    )


def test_split_sentences_keeps_abbreviations():
    text = 'Mr. Obama met U.S. officials on Jan. 25. Talks went on. "Yes," he said.'
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == [
        "Mr. Obama met U.S. officials on Jan. 25.",
        "Talks went on.",
        '"Yes," he said.',
    ]


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("It happened on July 21, 2014 in Cairo.", "date_with_year"),
        ("It happened on 21 July in Cairo.", "date_without_year"),
        ("It happened on Monday.", "weekday"),
        ("It happened yesterday.", "relative"),
        ("It was the 17th day of the war.", "relative"),
        ("It happened in March.", None),  # a month is not a day
        ("It happened in 2009.", None),
        ("Talks may resume.", None),
    ],
)
def test_which_sentences_state_a_day(sentence, kind):
    assert states_a_day(sentence) == kind


def test_gold_items_match_a_timeline_entry_and_drop_ties():
    articles = {
        "t:1": {
            "topic": "t",
            "published": dt.date(2011, 2, 2),
            "text": "Protesters filled Tahrir Square in Cairo on Tuesday demanding change. "
            "The weather was mild on Monday in Alexandria and nobody noticed.",
        },
        "t:2": {  # the same sentence in a second article of the same day counts once
            "topic": "t",
            "published": dt.date(2011, 2, 2),
            "text": "Protesters filled Tahrir Square in Cairo on Tuesday demanding change.",
        },
    }
    entries = {
        "t": [
            (dt.date(2011, 2, 1), "Protesters fill Tahrir Square in Cairo demanding change."),
            (dt.date(2011, 1, 20), "A storm hits the coast."),
        ]
    }
    items = gold_items(articles, entries)
    assert [(i.article_id, i.gold, i.kind) for i in items] == [
        ("t:1", dt.date(2011, 2, 1), "weekday")
    ]
    tied = {"t": entries["t"] + [(dt.date(2011, 2, 3), entries["t"][0][1])]}
    assert gold_items(articles, tied) == []


def test_dateparser_peer_resolves_the_same_words():
    monday = dt.date(2026, 3, 9)
    assert dateparser_resolve("March 3, 2019", monday, "current_period") == dt.date(2019, 3, 3)
    assert dateparser_resolve("yesterday", monday, "current_period") == dt.date(2026, 3, 8)
    assert dateparser_resolve("in 2009", monday, "current_period") is None  # a year, no day


def test_limit_must_be_positive():
    with pytest.raises(ValueError):
        run_timeline_eval(limit=0)


@pytest.mark.shared
@pytest.mark.slow
def test_timeline17_slice(shared: Path, tmp_path: Path):
    result = run_timeline_eval(limit=80, cache=tmp_path)
    assert result["articles_read"] <= 80 * 16
    total = 0
    for split in ("dev", "test"):
        r = result["splits"][split]
        n = r["sentences"]
        total += n
        for name in SYSTEMS:
            assert 0 <= r[name]["correct"] <= n
        assert sum(k["sentences"] for k in r["by_kind"].values()) == n
        assert sum(k["sentences"] for k in r["by_rule"].values()) == n
    assert total > 20
    both = [result["splits"][s] for s in ("dev", "test")]
    ours = sum(r["storydesk"]["correct"] for r in both)
    baseline = sum(r["published_date"]["correct"] for r in both)
    assert ours > baseline
    # The parses were cached: a second run reads them and gives the same figures.
    assert list(tmp_path.glob("timeline17-*.spacy"))
    assert run_timeline_eval(limit=80, cache=tmp_path) == result
