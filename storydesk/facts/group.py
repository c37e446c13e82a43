"""How a story's sources compare: facts grouped by quantity (:func:`group_facts`), each
group ``consistent``, an ``update``, a ``conflict`` or values that ``differ``, with the
basis of that label; and the facts' JSON."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from itertools import pairwise
from typing import Any

from ..model import Fact, FactGroup
from .extract import _SCOPE_WORDS, HISTORIC_DAYS

STATUSES = ("consistent", "update", "conflict", "differ")
# Counts of what cannot be undone: a later, lower figure is not the count going down.
_CUMULATIVE = frozenset({"killed", "wounded", "arrested", "infected", "fired"})


# A floor ("at least 500") agrees with values up to this many times it: a reader takes "at
# least 500" and 520 for one figure, never "at least 33" and "about 2,000".
FLOOR_REACH = 1.5


def _interval(f: Fact) -> tuple[float, float]:
    """The values a hedged figure allows. "more than 500" is read as "at least 500", so
    "at least 500" and "more than 500" agree, and each agrees with 520 but not with 480,
    nor with 2,000 (a floor reaches :data:`FLOOR_REACH` times its value); "about" allows
    10% either way; "nearly 500" is 450 to 500."""
    v = float(f.value)
    return {
        "at least": (v, FLOOR_REACH * v),
        "more than": (v, FLOOR_REACH * v),
        "about": (0.9 * v, 1.1 * v),
        "nearly": (0.9 * v, v),
        "up to": (0.0, v),
        "less than": (0.0, v),
    }.get(f.qualifier or "", (v, v))


def _agree(a: Fact, b: Fact) -> bool:
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    return alo <= bhi and blo <= ahi


def _all_agree(facts: Sequence[Fact]) -> bool:
    # Intervals on a line that meet pairwise share a point: one value fits them all.
    return all(_agree(a, b) for i, a in enumerate(facts) for b in facts[i + 1 :])


def _number(value: float) -> str:
    v = float(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{v / size:.3g} {word}"
    return f"{int(v):,}" if v.is_integer() else f"{v:g}"


def _figure(f: Fact) -> str:
    """ "at least 23", "$40 million" (USD), "9.5%"."""
    number = _number(f.value)
    unit = f.unit.split(" ", 1)[0]
    if unit == "%":
        number += "%"
    elif unit == "USD":
        number = "$" + number
    elif unit.isupper() and len(unit) == 3:
        number = f"{unit} {number}"
    return f"{f.qualifier} {number}" if f.qualifier else number


def _day(d: dt.date, years: bool) -> str:
    return f"{d.day} {d:%b}" + (f" {d.year}" if years else "")


def _values(
    facts: Sequence[Fact], names: Mapping[str, str] | None = None, sep: str = " vs "
) -> str:
    """Distinct figures, each with its sources when ``names`` is given: "19 (NBS, Ledger)".
    One source's figures of one value are one figure ("23" and "at least 23": the first)."""
    seen: dict[str, list[str]] = {}
    once = {(f.article_id, float(f.value)): f for f in reversed(facts)}
    for f in sorted(once.values(), key=lambda f: (_interval(f), f.article_id)):
        who = seen.setdefault(_figure(f), [])
        name = names.get(f.article_id, f.article_id) if names is not None else None
        if name is not None and name not in who:
            who.append(name)
    return sep.join(f"{v} ({', '.join(w)})" if w else v for v, w in seen.items())


def _priced(f: Fact) -> bool:
    """Money or a percentage (unit "%", "USD", "money", "cents" ..., maybe "a day")."""
    unit = f.unit.split(" ", 1)[0]
    return unit in ("%", "money", "cents", "pence") or (len(unit) == 3 and unit.isupper())


def _judge(facts: Sequence[Fact], names: Mapping[str, str]) -> tuple[str, str]:
    """The status of one group of facts about one quantity, and its basis."""
    sources = {f.article_id for f in facts}
    by_day: dict[dt.date, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.as_of is not None:
            by_day[f.as_of].append(f)
    days = sorted(by_day)
    years = len({d.year for d in days}) > 1
    undated = [f for f in facts if f.as_of is None]
    # Sources that disagree about one day.
    clashes = [
        d
        for d in days
        if len({f.article_id for f in by_day[d]}) > 1
        and any(
            not _agree(a, b) for a in by_day[d] for b in by_day[d] if a.article_id != b.article_id
        )
    ]
    # The figure of each day (the largest reported), for a running total over the days.
    per_day = [
        max(by_day[d], key=lambda f: (float(f.value), f.qualifier is not None)) for d in days
    ]
    # A count over the days is a running figure; an amount or a rate is one only when the
    # text says so (a total, "raised to"): two deal prices a month apart are not the deal
    # growing.
    running = any(f.total or f.changed or not _priced(f) for f in facts)
    cumulative = any(f.what.rsplit(" ", 1)[-1] in _CUMULATIVE for f in facts)
    levels = [float(f.value) for f in per_day]
    moved = len(days) > 1 and len(set(levels)) > 1
    falls = any(b < a for a, b in pairwise(levels))
    trend = ""
    if moved:
        first, last = per_day[0], per_day[-1]
        verb = "rose" if float(last.value) > float(first.value) else "fell"
        trend = (
            f"{verb} from {_figure(first)} ({_day(days[0], years)}) "
            f"to {_figure(last)} ({_day(days[-1], years)})"
        )
    if clashes:
        parts = [f"for {_day(d, years)}: {_values(by_day[d], names)}" for d in clashes]
        parts += [f"{_day(d, years)}: {_values(by_day[d])}" for d in days if d not in clashes]
        if undated:
            # Undated rows sit in the table too: say that they are not part of the clash
            # ("Twelve people" of an undated report is no third value for 10 Mar).
            parts.append(f"undated, not compared: {_values(undated, sep=', ')}")
        return "conflict", "; ".join(parts)
    if moved and running and not (cumulative and falls):
        basis = trend
        stray = [f for f in undated if not any(_agree(f, g) for g in facts if g.as_of)]
        if stray:
            basis += f"; undated: {_values(stray)}"
        return "update", basis
    if _all_agree(facts):
        if len(sources) == 1:
            return "consistent", f"1 source: {_values(facts)}"
        if len({(f.value, f.qualifier) for f in facts}) == 1:
            return "consistent", f"{len(sources)} sources, same value {_figure(facts[0])}"
        return "consistent", f"{len(sources)} sources agree: {_values(facts)}"
    if moved and cumulative and falls:
        return "differ", f"{trend}, though a count of this kind does not fall"
    if len(sources) == 1:
        return "differ", f"in one report: {_values(facts)}"
    if not days:
        return "differ", f"undated: {_values(facts)}"
    dated = "; ".join(f"{_values(by_day[d])} ({_day(d, years)})" for d in days)
    rest = f"; undated: {_values(undated)}" if undated else ""
    return "differ", f"{dated}{rest}"


def group_facts(
    facts: Sequence[Fact],
    names: Mapping[str, str] | None = None,
    dated_articles: Collection[str] | None = None,
) -> tuple[FactGroup, ...]:
    """Group a story's facts by the quantity they give, and say how the sources compare.

    Facts group when their ``what`` is the same, the counted thing with what is said of
    it ("Palestinians killed", "Israelis killed" and "soldiers killed" are three
    quantities; "deal (USD)" is not "share price (USD)"), and a running total apart from
    a count of one incident ("the toll rose to 798" is not "fifteen people were killed in
    the shelling"). A figure that is not ``comparable`` (it names no counted thing, or
    nothing said of it) stands alone. Figures dated more than :data:`HISTORIC_DAYS` apart
    are different eras (a look back years earlier is not an earlier toll). Undated figures
    join the latest era, unless ``dated_articles`` (the ids of the articles that carry a
    publication date) is given and no figure of the latest era comes from one of them: a
    year an undated report states ("bought Harlow in 2002") says nothing of when its other
    figures hold.

    Each group's ``status``, with its ``basis`` (sources are called by ``names``, article
    id -> outlet, else by article id), is decided in this order:

    * ``conflict``: sources give values for the same ``as_of`` date that do not agree
      (qualifiers count, see :func:`_interval`: "at least 20" agrees with 22, "more than
      800" does not agree with 798);
    * ``update``: a running figure (a count, or an amount or a rate that is a total or
      that the text says moved: "raised its fund to $65 million") whose value changes from
      one date to a later one; a count of what cannot be undone (killed, wounded ...) must
      not fall;
    * ``consistent``: every value agrees with every other (one source is consistent);
    * ``differ``: otherwise: undated values that differ, one report giving two values,
      an amount that is not a running figure changing between dates, a toll that falls.
      Different values are never consistent.

    Groups come in order of their first fact.

    >>> import datetime as dt
    >>> from storydesk.model import Span
    >>> f = lambda v, d, a: Fact(Span(a, 0, 1), "x", v, "people", "people killed", None, d, True)
    >>> early, late = f(572, dt.date(2014, 7, 21), "a"), f(798, dt.date(2014, 7, 24), "b")
    >>> [(g.status, g.basis) for g in group_facts([early, late])]
    [('update', 'rose from 572 (21 Jul) to 798 (24 Jul)')]
    >>> [(g.status, g.basis) for g in group_facts([f(572, None, "a"), f(798, None, "b")])]
    [('differ', 'undated: 572 vs 798')]
    """
    names = names or {}
    keys: dict[tuple[str, bool], list[int]] = defaultdict(list)
    alone: list[int] = []
    for i, f in enumerate(facts):
        if f.comparable:
            keys[(f.what, f.total)].append(i)
        else:
            alone.append(i)
    parts = [
        (label, total, part)
        for (what, total), idx in keys.items()
        for label, placed in _places(facts, what, idx)
        for part in _eras(facts, placed, dated_articles)
    ]
    parts += [(facts[i].what, facts[i].total, [i]) for i in alone]
    groups = []
    for what, total, part in parts:
        status, basis = _judge([facts[i] for i in part], names)
        groups.append(FactGroup(what, tuple(part), status, total, basis))
    return tuple(sorted(groups, key=lambda g: g.facts[0]))


# A count's scope wider than any one place (see :func:`storydesk.facts.extract.extract_facts`).
SCOPES = frozenset(_SCOPE_WORDS.values())


def _places(facts: Sequence[Fact], what: str, idx: list[int]) -> list[tuple[str, list[int]]]:
    """Split one quantity's facts by the places they are counted in, when they name more
    than one ("killed in Mexico", "killed in United States"); figures that name none then
    stand apart, as nothing tells which place they count. One place named is the story's:
    figures with and without it are one quantity; but a count made "nationwide" or
    "worldwide" (:data:`SCOPES`) is never the story's own place."""
    places = sorted({p for i in idx if (p := facts[i].place) is not None})
    if len(places) < 2 and not SCOPES.intersection(places):
        return [(what, idx)]
    split = [(f"{what} {p}", [i for i in idx if facts[i].place == p]) for p in places]
    unplaced = [i for i in idx if facts[i].place is None]
    return split + ([(what, unplaced)] if unplaced else [])


def _eras(
    facts: Sequence[Fact], idx: Sequence[int], dated_articles: Collection[str] | None
) -> list[list[int]]:
    """Split facts at gaps of more than :data:`HISTORIC_DAYS` between their dates.

    A look back at an earlier event ("five people died in 2019") is not an earlier
    figure of today's toll. Undated facts stay with the latest dates (see group_facts).
    """
    dated = sorted((d, i) for i in idx if (d := facts[i].as_of) is not None)
    eras: list[list[int]] = [[]]
    for k, (day, i) in enumerate(dated):
        if k and (day - dated[k - 1][0]).days > HISTORIC_DAYS:
            eras.append([])
        eras[-1].append(i)
    undated = [i for i in idx if facts[i].as_of is None]
    if dated_articles is not None and not any(
        facts[i].article_id in dated_articles for i in eras[-1]
    ):
        eras.append([])
    eras[-1].extend(undated)
    return [sorted(e) for e in eras if e]


def facts_json(facts: Sequence[Fact], groups: Sequence[FactGroup]) -> dict[str, Any]:
    """The ``facts`` and ``fact_groups`` parts of ``briefing.json``."""
    return {
        "facts": [
            {
                "article_id": f.article_id,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "value": f.value,
                "unit": f.unit,
                "what": f.what,
                "qualifier": f.qualifier,
                "as_of": f.as_of.isoformat() if f.as_of else None,
                "total": f.total,
                "comparable": f.comparable,
                "place": f.place,
            }
            for f in facts
        ],
        "fact_groups": [
            {
                "what": g.what,
                "facts": list(g.facts),
                "status": g.status,
                "total": g.total,
                "basis": g.basis,
            }
            for g in groups
        ],
    }
