from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import article

from storydesk import annotate as annotate_module
from storydesk.annotate import annotate, ensure_annotated
from storydesk.model import ANNOTATIONS_VERSION, AnalyzedArticle, Annotations
from storydesk.pipeline import analyze, brief_stored, ingest
from storydesk.settings import Settings
from storydesk.store.codec import dataclass_from_json, dataclass_to_json
from storydesk.store.sqlite import SqliteStore

TEXT = """At least 12 people were killed on Monday when the Kessen Dam burst, officials said.

By Tuesday the toll had risen to 19, and more than $40 million had been pledged."""


def test_annotations_have_facts_and_dates_inside_the_text(nlp):
    a = article(TEXT, "a1", published=dt.date(2026, 3, 10))
    notes = annotate(a, nlp(a.text))
    assert notes.version == ANNOTATIONS_VERSION
    assert {f.value for f in notes.facts} >= {12.0, 19.0}
    for f in notes.facts:
        assert a.text[f.start : f.end] == f.text
    monday = [t for t in notes.times if t.text.endswith("Monday")]
    assert monday and monday[0].date == dt.date(2026, 3, 9)


def test_annotations_survive_the_json_codec(nlp):
    a = article(TEXT, "a1", published=dt.date(2026, 3, 10))
    notes = annotate(a, nlp(a.text))
    assert dataclass_from_json(Annotations, dataclass_to_json(notes)) == notes


def test_a_failing_extractor_costs_only_its_own_part(nlp, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(annotate_module, "extract_facts", broken)
    a = article(TEXT, "a1", published=dt.date(2026, 3, 10))
    notes = annotate(a, nlp(a.text))
    assert notes.facts == () and notes.times
    assert "fact extraction failed on a1.txt" in caplog.text


def test_a_failing_quote_extractor_costs_quotes_and_referents_only(nlp, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(annotate_module, "extract_speech", broken)
    a = article(TEXT, "a1", published=dt.date(2026, 3, 10))
    notes = annotate(a, nlp(a.text))
    assert notes.quotes == () and notes.referents == () and notes.times
    assert "quote extraction failed on a1.txt" in caplog.text


def test_only_stale_articles_are_parsed_again(nlp):
    a, b = (article(TEXT, i, published=dt.date(2026, 3, 10)) for i in ("a", "b"))
    [fresh] = analyze([a], nlp)
    stale = AnalyzedArticle(b, fresh.sentences)
    old = replace(fresh, annotations=Annotations(version=ANNOTATIONS_VERSION - 1))
    calls = []

    def load():
        calls.append(1)
        return nlp

    done = ensure_annotated([fresh], load)
    assert done == [fresh] and not calls
    done = ensure_annotated([fresh, stale, old], load)
    assert len(calls) == 1
    assert done[0].annotations == fresh.annotations
    assert done[1].annotations is not None and done[1].annotations.facts
    assert done[2].annotations == fresh.annotations


def test_the_store_keeps_annotations(tmp_path: Path):
    src = tmp_path / "flood.txt"
    src.write_text("Dam bursts in Port Averly\n\n" + TEXT)
    with SqliteStore(tmp_path / "s.db") as store:
        report = ingest(store, [str(src)], Settings())
        [story] = report.stories
        [stored] = store.story_articles(story)
    assert stored.annotations is not None and stored.annotations.facts
    assert all(stored.article.text[f.start : f.end] == f.text for f in stored.annotations.facts)


# Annotations as version 12 stored them, offsets as loose integers (made by that version's
# extractors from VISIT, fictional).
VISIT = (
    "Governor Ilse Brandt visited Port Averly on Monday, a day after the Kessen Dam burst.\n\n"
    'She said 12 people had died. "We will rebuild the dam," Brandt told reporters.'
)
LOOSE_OFFSETS = (
    '{"version":12,"times":[{"text":"Monday","start":44,"end":50,"date":"2026-03-09",'
    '"granularity":"day","kind":"weekday","relation":"on","depth":0,"rule":"weekday",'
    '"in_clause":true}],"facts":[{"article_id":"a1","start":96,"end":105,"text":"12 people",'
    '"value":12,"unit":"people","what":"people killed","qualifier":null,"as_of":"2026-03-10",'
    '"total":true,"population":false,"comparable":true,"changed":false,"place":null}],'
    '"quotes":[{"text":"12 people had died","start":96,"end":114,"direct":false,'
    '"speaker":{"text":"She","start":87,"end":90},"speaker_name":"Ilse Brandt","cue":"said",'
    '"cue_start":91,"cue_end":95}],"mentions":[{"start":9,"end":20,"text":"Ilse Brandt",'
    '"type":"person","label":"PERSON","role":"Governor","role_start":0,"role_end":8,'
    '"nominal":false,"same_as":null}],"referents":[{"start":87,"end":90,"name":"Ilse Brandt",'
    '"antecedent":14}]}'
)


def test_annotations_stored_with_loose_offsets_are_made_again_not_read(tmp_path: Path):
    src = tmp_path / "visit.txt"
    src.write_text("Governor visits Port Averly\n\n" + VISIT)
    with SqliteStore(tmp_path / "s.db") as store:
        [story] = ingest(store, [str(src)], Settings()).stories
        fresh = brief_stored(store, story, Settings())
        [(aid,)] = store.db.execute("SELECT article_id FROM annotations")
        store.db.execute(
            "UPDATE annotations SET version = 12, data = ? WHERE article_id = ?",
            (LOOSE_OFFSETS.replace('"a1"', json.dumps(aid)), aid),
        )
        store.db.commit()
        [stored] = store.story_articles(story)
        assert stored.article.text == VISIT
        assert stored.annotations is None  # an older layout is never decoded ...
        again = brief_stored(store, story, Settings())  # ... but made again from the text
    assert again == fresh and again.quotes and again.facts
    for aid, q in again.quotes:
        assert q.span.article_id == aid and VISIT[q.start : q.end] == q.text
    with pytest.raises(TypeError):  # which it could not be: the records now hold spans
        dataclass_from_json(Annotations, LOOSE_OFFSETS)


# A page's text with another story's teaser left in: a line without a sentence end
# (fictional).
PAGE = """At least 12 people were killed on Monday when the Kessen Dam burst, officials said.

Minister says 40 villages will be moved by 2031, aide claims

"We will rebuild the dam," Governor Ilse Brandt said on Tuesday."""


def test_lines_without_a_sentence_end_give_no_quote_figure_or_date(nlp):
    a = article(PAGE, "a1", published=dt.date(2026, 3, 10))
    notes = annotate(a, nlp(a.text))
    teaser = a.text.index("Minister says")
    cut = (teaser, teaser + len("Minister says 40 villages will be moved by 2031, aide claims"))
    for start in (
        [f.start for f in notes.facts]
        + [q.start for q in notes.quotes]
        + [t.start for t in notes.times]
    ):
        assert not cut[0] <= start < cut[1]
    # The body's own quote, figure and dates stay.
    assert {f.value for f in notes.facts} >= {12.0}
    assert any("rebuild the dam" in q.text for q in notes.quotes)
    assert any(t.text.endswith("Tuesday") for t in notes.times)
