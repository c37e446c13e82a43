from __future__ import annotations

import datetime as dt
import re

from storydesk.model import Briefing, Fact, Quote, Span, Speaker, Story
from storydesk.render.figures import (
    FigureRow,
    KeyFigure,
    _without_repeats,
    chart_svg,
    quote_label,
    speaker_name,
    who_said_what,
)


def row(value: float, day: dt.date | None, source: int) -> FigureRow:
    fact = Fact(Span(f"a{source}", 0, 2), str(value), value, "people", "people killed", None, day)
    return FigureRow(fact, source)


def figure(*rows: FigureRow) -> KeyFigure:
    return KeyFigure("people killed", "update", rows)


def test_no_chart_without_two_dated_values():
    assert chart_svg(figure(row(5, dt.date(2026, 3, 9), 1))) is None
    assert chart_svg(figure(row(5, dt.date(2026, 3, 9), 1), row(7, None, 2))) is None
    same_day = figure(row(5, dt.date(2026, 3, 9), 1), row(7, dt.date(2026, 3, 9), 2))
    assert chart_svg(same_day) is None


def test_chart_is_a_deterministic_svg_with_a_line_per_source():
    f = figure(
        row(12, dt.date(2026, 3, 9), 1),
        row(19, dt.date(2026, 3, 10), 2),
        row(27, dt.date(2026, 3, 11), 2),
    )
    svg = chart_svg(f)
    assert svg is not None and svg.lstrip().startswith(("<svg", "<?xml"))
    assert svg == chart_svg(f)
    assert "[1]" in svg and "[2]" in svg
    assert "2026-03-10" in svg  # a tick a day over a few days


def test_a_figure_over_months_gets_a_few_ticks_not_one_a_day():
    f = figure(row(100, dt.date(2024, 1, 1), 1), row(900, dt.date(2025, 12, 31), 2))
    svg = chart_svg(f)
    assert svg is not None
    ticks = set(re.findall(r"\d{4}-\d{2}-\d{2}", svg))
    assert 2 <= len(ticks) <= 40


def _quote(text: str, part: str, cue: str, direct: bool) -> Quote:
    start = text.index(part)
    cue_start = text.index(cue)
    cue_span = Span("a", cue_start, cue_start + len(cue))
    return Quote(part, Span("a", start, start + len(part)), direct, None, "Ban", cue, cue_span)


def test_reported_speech_reads_from_its_cue_direct_speech_in_marks():
    text = "Ban spoke about the talks in Cairo. Egypt condemned the strikes."
    talk = _quote(text, "the talks in Cairo", "spoke", False)
    assert quote_label(talk, text) == "spoke about the talks in Cairo"
    assert quote_label(talk) == "the talks in Cairo (spoke)"
    said = 'Ban said: "We must stop now."'
    q = _quote(said, "We must stop now.", "said", True)
    assert quote_label(q, said) == "“We must stop now.” (said)"


def test_a_cue_far_from_its_words_keeps_the_plain_label():
    text = "The talks will resume in Cairo next week, Ban said."
    q = _quote(text, "The talks will resume in Cairo next week", "said", False)
    assert quote_label(q, text) == "The talks will resume in Cairo next week (said)"


def test_a_direct_quote_inside_reported_speech_is_listed_once():
    text = 'The council expressed "serious concern" about the toll.'
    reported = _quote(text, '"serious concern" about the toll', "expressed", False)
    partial = _quote(text, "serious concern", "expressed", True)
    assert _without_repeats([("a", reported), ("a", partial)]) == [("a", reported)]
    assert _without_repeats([("b", reported), ("a", partial)]) == [("b", reported), ("a", partial)]


def test_nested_reported_speech_is_listed_once():
    text = "Elmquist said she expected the toll to rise further."
    outer = _quote(text, "she expected the toll to rise further", "said", False)
    inner = _quote(text, "the toll to rise further", "expected", False)
    assert _without_repeats([("a", inner), ("a", outer)]) == [("a", outer)]


def test_unnamed_sources_are_one_group_however_capitalised():
    at = iter(range(0, 1000, 100))

    def said(words: str, source: str, name: str | None = None) -> tuple[str, Quote]:
        start = next(at)
        speaker = Speaker(source, Span("a1", start, start + len(source)))
        return (
            "a1",
            Quote(words, Span("a1", start, start + len(words)), False, speaker, name, "said"),
        )

    b = Briefing(
        story=Story(id="s", title="t", article_ids=("a1",)),
        articles=(),
        summary=(),
        quotes=(
            said("the dam was stable", "Engineers"),
            said("the wall was cracking", "engineers"),
            said("the river would rise", "officials"),
            said("the river was under control", "He"),
            said("look at it", "he"),
            said("help was coming", "Rosa Elmquist", "Rosa Elmquist"),
            # one described source, however the article put it
            said("the talks had stalled", "the source"),
            said("the deal was near", "Source"),
            said("the minister would resign", "sources"),
        ),
    )
    groups = who_said_what(b)
    assert [(g.name, g.resolved, len(g.quotes)) for g in groups] == [
        ("Rosa Elmquist", True, 1),
        ("the source", False, 3),
        ("Engineers", False, 2),
        ("Not named (he)", False, 2),
        ("officials", False, 1),
    ]


def test_key_figures_show_the_basis_of_each_label_and_one_reports_figures_are_no_comparison():
    from storydesk.facts import group_facts
    from storydesk.model import Article
    from storydesk.render import render_html, render_markdown

    def fact(value: float, source: str, what: str = "people killed") -> Fact:
        span = Span(source, 0, 3)
        return Fact(span, "572", value, "people", what, None, None, what != "boats sent")

    facts = (
        fact(572, "a1"),
        fact(798, "a2"),
        fact(15, "a1", "boats sent"),
        fact(40, "a1", "boats sent"),
    )
    groups = group_facts(facts)
    assert [(g.status, g.basis) for g in groups] == [
        ("differ", "undated: 572 vs 798"),
        ("differ", "in one report: 15 vs 40"),
    ]
    b = Briefing(
        story=Story(id="s", title="t", article_ids=("a1", "a2")),
        articles=(Article("a1", "a1.txt", "572 dead."), Article("a2", "a2.txt", "798 dead.")),
        summary=(),
        facts=facts,
        fact_groups=groups,
    )
    md = render_markdown(b)
    assert "**people killed (running total)**: differ: the values differ" in md
    assert "Basis: undated: 572 vs 798" in md
    key_figures = md.split("## Key figures")[1].split("## ")[0]
    assert "boats sent" not in key_figures  # one report's two figures are not sources compared
    html = render_html(b)
    assert '<p class="basis">Basis: undated: 572 vs 798</p>' in html
    assert "status-differ" in html


def test_a_determiner_standing_alone_names_no_one():
    def said(source: str) -> tuple[str, Quote]:
        speaker = Speaker(source, Span("a1", 0, len(source)))
        words = "the club had let them down"
        return ("a1", Quote(words, Span("a1", 20, 20 + len(words)), False, speaker, None, "said"))

    for source in ("Those", "Some", "Others"):
        b = Briefing(
            story=Story(id="s", title="t", article_ids=("a1",)),
            articles=(),
            summary=(),
            quotes=(said(source),),
        )
        assert speaker_name(b, 0) == (f"Not named ({source.lower()})", False)


def test_a_phrase_quoted_in_the_reporters_sentence_is_shown_in_it():
    text = 'Kestrel ruled out emergency laws to end the strike "at this stage". He left.'
    q = _quote(text, "at this stage", "ruled", True)
    assert quote_label(q, text) == 'ruled out emergency laws to end the strike "at this stage"'
    assert quote_label(q) == "“at this stage” (ruled)"


def test_a_quoted_sentence_keeps_its_marks_and_cue():
    for text, part in (
        ('Ban said: "we must stop now"', "we must stop now"),
        ('Ban said. "we must stop now"', "we must stop now"),
        ('Ban said "We must stop now"', "We must stop now"),
        ('Ban said "we must stop now."', "we must stop now."),
    ):
        q = _quote(text, part, "said", True)
        assert quote_label(q, text) == f"“{part}” (said)"
