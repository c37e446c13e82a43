"""How the outlets of a story differ: what only one of them reports, and how each names
the actors.

A briefing of several outlets' reports lists per outlet (its articles less the copies of
other reports, see :attr:`Briefing.duplicates`; an article without an outlet is a source of
its own):

* the named speakers only its articles quote;
* the figures only its articles give (a compared quantity of the story's
  :attr:`Briefing.fact_groups` that no other outlet reports);
* the labels only it gives a person or an organisation that other outlets name too: a role,
  a description or a spelling that is not part of the name the briefing lists ("the
  Islamist group", "Hamas chief", "Binyamin Netanyahu" where another writes "Benjamin").

Everything listed cites its place in an article (:class:`Citation`), so a reader can check it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..model import Briefing, Citation
from .figures import speaker_name

# What one outlet's entry shows at most of each kind.
MOST_SPEAKERS = 6
MOST_FIGURES = 5
MOST_LABELS = 6


@dataclass(frozen=True, slots=True)
class OnlyFigure:
    """A quantity only this outlet gives (``groups``: indexes into the fact groups)."""

    what: str
    groups: tuple[int, ...]
    values: tuple[str, ...]
    citation: Citation


@dataclass(frozen=True, slots=True)
class Label:
    """How this outlet names an entity, where no other outlet of the story does."""

    entity_id: str
    entity: str
    label: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class OutletView:
    """One outlet (or one article without an outlet) of a story."""

    outlet: str
    articles: tuple[str, ...]
    speakers: tuple[tuple[str, Citation], ...]  # (speaker, first quote) only it quotes
    figures: tuple[OnlyFigure, ...]
    labels: tuple[Label, ...]

    @property
    def empty(self) -> bool:
        return not (self.speakers or self.figures or self.labels)

    def citations(self) -> list[Citation]:
        """Every place this view cites."""
        return [
            *(c for _, c in self.speakers),
            *(f.citation for f in self.figures),
            *(x.citation for x in self.labels),
        ]


# What a label loses to be compared: every character but letters, digits and spaces.
_NOT_ALNUM = re.compile(r"[^\w\s]|_")


def _key(label: str) -> str:
    """A label as compared: case, articles, hyphens and punctuation aside ("the U.N." is
    "un", "Secretary-General" is "secretary general")."""
    words = _NOT_ALNUM.sub("", label.casefold().replace("-", " ").replace("‐", " ")).split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


# How much of an article's title names a source without an outlet.
_TITLE_CHARS = 50


def sources_of(b: Briefing) -> dict[str, str]:
    """Article id -> the source it reports for: its outlet, else the article itself ("no
    outlet: <its title>", or ``"article N"`` by its place in the briefing without a title);
    copies of another report are left out."""
    copies = b.duplicate_of()
    out = {}
    for n, a in enumerate(b.articles, 1):
        if a.id in copies:
            continue
        outlet = " ".join((a.outlet or "").split())
        title = " ".join((a.title or "").split())
        if len(title) > _TITLE_CHARS:
            title = title[: _TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
        out[a.id] = outlet or (f"no outlet: {title}" if title else f"article {n}")
    return out


def compare_outlets(b: Briefing) -> tuple[OutletView, ...]:
    """Each source's view (see the module's docstring), in the order of their first article;
    empty when the story has fewer than two sources.

    The figures and speakers only one source gives are what the others left out or did not
    have; the labels are how it names actors the others name differently. Entries with
    nothing of their own are kept (with nothing listed) so that every source is shown."""
    source = sources_of(b)
    names = list(dict.fromkeys(source.values()))
    if len(names) < 2:
        return ()
    speakers = _only_speakers(b, source)
    figures = _only_figures(b, source)
    labels = _only_labels(b, source)
    return tuple(
        OutletView(
            name,
            tuple(a for a, s in source.items() if s == name),
            tuple(speakers.get(name, ()))[:MOST_SPEAKERS],
            tuple(figures.get(name, ()))[:MOST_FIGURES],
            tuple(labels.get(name, ()))[:MOST_LABELS],
        )
        for name in names
    )


def _only_speakers(b: Briefing, source: dict[str, str]) -> dict[str, list[tuple[str, Citation]]]:
    quoted: dict[str, dict[str, list[Citation]]] = defaultdict(lambda: defaultdict(list))
    for n, (article_id, q) in enumerate(b.quotes):
        name, named = speaker_name(b, n)
        if named and article_id in source:
            quoted[name][source[article_id]].append(q.span)
    out: dict[str, list[tuple[str, int, Citation]]] = defaultdict(list)
    for name, by_source in quoted.items():
        if len(by_source) == 1:
            [(s, cites)] = by_source.items()
            out[s].append((name, len(cites), cites[0]))
    return {
        s: [(name, cite) for name, _, cite in sorted(rows, key=lambda r: (-r[1], r[0]))]
        for s, rows in out.items()
    }


def _only_figures(b: Briefing, source: dict[str, str]) -> dict[str, list[OnlyFigure]]:
    """A quantity's figures that one source alone gives; a value another source gives for
    any quantity of the story (the same number and unit: "4.5 percent" of "the offer" and of
    "what the company offered") is no figure of its own."""
    given: dict[tuple[float, str], set[str]] = defaultdict(set)
    for f in b.facts:
        if f.article_id in source:
            given[(f.value, f.unit)].add(source[f.article_id])
    out: dict[str, list[OnlyFigure]] = defaultdict(list)
    for gi, g in enumerate(b.fact_groups):
        facts = [b.facts[i] for i in g.facts if b.facts[i].article_id in source]
        if not facts or not all(f.comparable for f in facts):
            continue
        by = {source[f.article_id] for f in facts}
        if len(by) != 1:
            continue
        facts = [f for f in facts if len(given[(f.value, f.unit)]) == 1]
        if not facts:
            continue
        values = tuple(dict.fromkeys(f.text for f in facts))
        first = facts[0]
        rows = out[by.pop()]
        same = next((k for k, row in enumerate(rows) if row.what == g.what), None)
        if same is None:
            rows.append(
                OnlyFigure(
                    g.what, (gi,), values, Citation(first.article_id, first.start, first.end)
                )
            )
        else:  # one quantity the grouping split by era or place: one line
            row = rows[same]
            rows[same] = OnlyFigure(
                row.what, (*row.groups, gi), (*row.values, *values), row.citation
            )
    return out


# How far from a name its role is looked for: "council chief Jonas Pell", "Jonas Pell, the
# regional council's chief".
_ROLE_REACH = 60


def _roles_near(text: str, c: Citation, roles: tuple[str, ...]) -> list[Citation]:
    """Where the article writes one of the entity's roles next to this mention of it."""
    lo, hi = max(0, c.start - _ROLE_REACH), min(len(text), c.end + _ROLE_REACH)
    window = text[lo:hi].casefold()
    out = []
    for role in roles:
        at = window.find(role.casefold())
        if at >= 0:
            out.append(Citation(c.article_id, lo + at, lo + at + len(role)))
    return out


def _holds(longer: str, shorter: str) -> bool:
    """Whether the words of ``shorter`` stand in ``longer`` as whole words."""
    return f" {shorter} " in f" {longer} "


def _only_labels(b: Briefing, source: dict[str, str]) -> dict[str, list[Label]]:
    texts = {a.id: a.text for a in b.articles}
    # each source's view of what the other sources write, keyed once (not per entity)
    keyed = {a: _key(texts[a]) for a in source}
    elsewhere_of = {
        s: " " + " ".join(keyed[a] for a, t in source.items() if t != s) + " "
        for s in set(source.values())
    }
    out: dict[str, list[Label]] = defaultdict(list)
    ranked = sorted(
        (e for e in b.entities if e.type in ("person", "organization")),
        key=lambda e: (-len(e.mentions), e.name, e.id),
    )
    for e in ranked:
        name = _key(e.name)
        by_source: dict[str, dict[str, Citation]] = defaultdict(dict)
        for c in e.mentions:
            if c.article_id not in source:
                continue
            text = " ".join(texts[c.article_id][c.start : c.end].split())
            s = source[c.article_id]
            by_source[s].setdefault(_key(text), c)
            for role in _roles_near(texts[c.article_id], c, e.roles):
                by_source[s].setdefault(_key(texts[c.article_id][role.start : role.end]), role)
        if len(by_source) < 2:
            continue
        used: dict[str, set[str]] = defaultdict(set)
        for s, keys in by_source.items():
            for key in keys:
                used[key].add(s)
        for s, keys in by_source.items():
            elsewhere = elsewhere_of[s]
            others = [k for t, ks in by_source.items() if t != s for k in ks if k]
            for key, c in keys.items():
                if not key or key in name or len(used[key]) > 1 or f" {key} " in elsewhere:
                    continue  # part of the listed name, or another outlet writes it too
                if any(_holds(key, k) or _holds(k, key) for k in others):
                    continue  # "Caldonian Interior Minister" where others write "Interior Minister"
                text = " ".join(texts[c.article_id][c.start : c.end].split())
                out[s].append(Label(e.id, e.name, text, c))
    return out


def _cite(c: Citation) -> dict[str, object]:
    return {"article_id": c.article_id, "start": c.start, "end": c.end}


def outlets_json(b: Briefing) -> list[dict[str, object]]:
    """:func:`compare_outlets` as JSON (the briefing's ``outlets``)."""
    return [
        {
            "outlet": v.outlet,
            "articles": list(v.articles),
            "only_speakers": [{"name": n, "citation": _cite(c)} for n, c in v.speakers],
            "only_figures": [
                {
                    "what": f.what,
                    "groups": list(f.groups),
                    "values": list(f.values),
                    "citation": _cite(f.citation),
                }
                for f in v.figures
            ],
            "labels": [
                {
                    "entity_id": x.entity_id,
                    "entity": x.entity,
                    "label": x.label,
                    "citation": _cite(x.citation),
                }
                for x in v.labels
            ],
        }
        for v in compare_outlets(b)
    ]
