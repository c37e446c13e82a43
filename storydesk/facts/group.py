"""How a story's sources compare: facts grouped by quantity (:func:`group_facts`), each
group ``consistent``, an ``update`` or a ``conflict``; and the facts' JSON."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .extract import HISTORIC_DAYS, Fact
from .verbs import VERB_CLASSES


@dataclass(frozen=True, slots=True)
class FactGroup:
    """Facts about one quantity (indexes into the list given to :func:`group_facts`).

    ``status``: ``consistent`` (the sources agree, or there is one), ``update`` (the figure
    changes from one date to a later one) or ``conflict`` (sources disagree for one date, or
    a running total falls).
    """

    what: str
    facts: tuple[int, ...]
    status: str
    total: bool = False


def _interval(f: Fact) -> tuple[float, float]:
    v = float(f.value)
    return {
        "at least": (v, math.inf),
        "more than": (v, math.inf),
        "about": (0.9 * v, 1.1 * v),
        "nearly": (0.9 * v, v),
        "up to": (0.0, v),
        "less than": (0.0, v),
    }.get(f.qualifier or "", (v, v))


def _agree(a: Fact, b: Fact) -> bool:
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    return alo <= bhi and blo <= ahi


def _status(facts: Sequence[Fact], total: bool) -> str:
    dated = [f for f in facts if f.as_of is not None]
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if a.article_id == b.article_id:
                continue
            if a.as_of == b.as_of and not _agree(a, b):
                return "conflict"
            if total and a.as_of != b.as_of:
                early, late = (a, b) if a.as_of < b.as_of else (b, a)  # type: ignore[operator]
                if _interval(late)[1] < _interval(early)[0]:
                    return "conflict"  # a running total cannot fall
    dates = {f.as_of for f in dated}
    if len(dates) > 1 and not all(_agree(a, b) for a in dated for b in dated):
        return "update"
    return "consistent"


def _split_what(what: str) -> tuple[str, str]:
    """("Palestinians killed") -> ("Palestinians", "killed") for the casualty vocabulary."""
    for verb in sorted(set(VERB_CLASSES.values()) | {"casualties"}, key=len, reverse=True):
        if what.endswith(" " + verb):
            return what[: -len(verb) - 1], verb
    return what, ""


def group_facts(facts: Sequence[Fact]) -> tuple[FactGroup, ...]:
    """Group a story's facts by the quantity they give, and say how the sources compare.

    Facts group when their ``what`` is the same (a running total apart from a count of one
    incident: "the toll rose to 798" is not "fifteen people were killed in the shelling").
    An unqualified toll ("the death toll rose to 798": ``people killed``) is, in news usage,
    the story's headline toll: it joins the running total of the same kind for a people
    (``population``: "572 Palestinians" killed) whose figures are the largest (rather than
    "27 Israelis"), when the story has one; a role ("1,000 terrorists killed", "soldiers
    killed") is a part of a toll, not the toll. Within a group, sources that disagree for
    the same ``as_of`` date are a ``conflict`` (qualifiers count: "at least 20" agrees with
    22; "more than 800" does not agree with 798), as is a running total that falls; a
    figure that changes from one date to a later one is an ``update``; otherwise the group
    is ``consistent``.
    Groups come in order of their first fact.

    >>> import datetime as dt
    >>> f = lambda v, d, a: Fact(a, 0, 1, "x", v, "people", "people killed", None, d, True)
    >>> early, late = f(572, dt.date(2014, 7, 21), "a"), f(798, dt.date(2014, 7, 24), "b")
    >>> [g.status for g in group_facts([early, late])]
    ['update']
    """
    keys: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        keys[(f.what, f.total)].append(i)
    # An unqualified running toll joins the largest specific one of the same kind.
    for key in list(keys):
        what, total = key
        who, verb = _split_what(what)
        if not (total and who == "people" and verb):
            continue
        specific = [
            k
            for k in keys
            if k[1]
            and k != key
            and _split_what(k[0])[1] == verb
            and any(facts[i].population for i in keys[k])
        ]
        if specific:
            best = max(specific, key=lambda k: max(float(facts[i].value) for i in keys[k]))
            keys[best] = sorted(keys[best] + keys.pop(key))
    groups = [
        FactGroup(what, tuple(part), _status([facts[i] for i in part], total), total)
        for (what, total), idx in keys.items()
        for part in _eras(facts, idx)
    ]
    return tuple(sorted(groups, key=lambda g: g.facts[0]))


def _eras(facts: Sequence[Fact], idx: Sequence[int]) -> list[list[int]]:
    """Split facts at gaps of more than :data:`HISTORIC_DAYS` between their dates.

    A look back at an earlier event ("five people died in 2019") is not an earlier
    figure of today's toll. Undated facts stay with the latest dates.
    """
    dated = sorted((d, i) for i in idx if (d := facts[i].as_of) is not None)
    eras: list[list[int]] = [[]]
    for k, (day, i) in enumerate(dated):
        if k and (day - dated[k - 1][0]).days > HISTORIC_DAYS:
            eras.append([])
        eras[-1].append(i)
    eras[-1].extend(i for i in idx if facts[i].as_of is None)
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
            }
            for f in facts
        ],
        "fact_groups": [
            {"what": g.what, "facts": list(g.facts), "status": g.status, "total": g.total}
            for g in groups
        ],
    }
