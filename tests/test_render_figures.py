from __future__ import annotations

import datetime as dt
import re

from storydesk.facts import Fact
from storydesk.render.figures import FigureRow, KeyFigure, chart_svg


def row(value: float, day: dt.date | None, source: int) -> FigureRow:
    fact = Fact(f"a{source}", 0, 2, str(value), value, "people", "people killed", None, day)
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
