"""Key figures and timeline as the renderers show them, and a chart of each figure over time.

The chart is drawn with matplotlib into SVG text that the HTML briefing embeds, so the file
makes no request of its own. Drawing is deterministic (fixed hash salt, no date stamp).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from ..model import Briefing, Entity, Fact, FactGroup, Quote
from .common import printable

STATUS_NOTE = {
    "update": "update: the figure changed over the days",
    "conflict": "conflict: sources disagree for the same date",
    "differ": "differ: the values differ and nothing tells which holds",
    "consistent": "consistent",
}
MAX_GROUPS = 8


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One source's value of a figure."""

    fact: Fact
    source: int  # the 1-based source number readers see in citations


@dataclass(frozen=True, slots=True)
class KeyFigure:
    what: str
    status: str
    rows: tuple[FigureRow, ...]
    basis: str = ""


def key_figures(b: Briefing, numbers: dict[str, int]) -> list[KeyFigure]:
    """The story's figures worth a reader's eye: those reported by more than one source, or
    that changed or conflict, the most reported first."""
    out = []
    for g in b.fact_groups:
        facts = [b.facts[i] for i in g.facts]
        sources = {f.article_id for f in facts}
        if len(sources) < 2 and g.status != "update":
            continue  # one report's figures are not a comparison
        rows = sorted(
            (FigureRow(f, numbers[f.article_id]) for f in facts if f.article_id in numbers),
            key=lambda r: (r.fact.as_of is None, r.fact.as_of, r.source, r.fact.start),
        )
        label = f"{g.what} (running total)" if g.total else g.what
        out.append(KeyFigure(label, g.status, tuple(rows), g.basis))
    priority = {"conflict": 0, "update": 1, "differ": 2, "consistent": 3}
    out.sort(key=lambda k: (priority.get(k.status, 4), -len({r.source for r in k.rows}), k.what))
    return out[:MAX_GROUPS]


def chart_svg(figure: KeyFigure) -> str | None:
    """An SVG line chart of the figure over time, one line per source; ``None`` when fewer
    than two dated values."""
    dated = [r for r in figure.rows if r.fact.as_of is not None]
    if len(dated) < 2 or len({r.fact.as_of for r in dated}) < 2:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    with matplotlib.rc_context(
        {"svg.hashsalt": "storydesk", "svg.fonttype": "none", "font.size": 9}
    ):
        fig, ax = plt.subplots(figsize=(5.2, 2.4))
        try:
            for source in sorted({r.source for r in dated}):
                points = sorted(
                    (r.fact.as_of, r.fact.value)
                    for r in dated
                    if r.source == source and r.fact.as_of is not None
                )
                xs = [mdates.date2num(p[0]) for p in points]
                ys = [p[1] for p in points]
                ax.plot(xs, ys, marker="o", label=f"[{source}]")
            # A "$" would start matplotlib's mathtext, which raises on "$\alert$".
            ax.set_title(printable(figure.what).replace("$", r"\$"))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
            days = sorted({r.fact.as_of for r in dated if r.fact.as_of is not None})
            span = (days[-1] - days[0]).days if days else 0
            # A tick a day for a few days; longer spans get matplotlib's own choice.
            ax.xaxis.set_major_locator(
                mdates.DayLocator() if span <= 14 else mdates.AutoDateLocator()
            )
            ax.legend(loc="best", fontsize=8, title="source")
            ax.grid(alpha=0.3)
            fig.autofmt_xdate()
            fig.tight_layout()
            buf = io.StringIO()
            fig.savefig(buf, format="svg", metadata={"Date": None})
        finally:
            plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg") :]


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    """What one speaker said in the story."""

    name: str
    resolved: bool  # a named person or organisation, not an anonymous or unknown source
    quotes: tuple[tuple[str, Quote], ...]


def speaker_entity(b: Briefing, n: int) -> Entity | None:
    """The story entity of quote ``n``'s speaker (see ``entities.speaker_entities``)."""
    eid = b.speakers[n] if n < len(b.speakers) else None
    return next((e for e in b.entities if e.id == eid), None) if eid else None


def speaker_name(b: Briefing, n: int) -> tuple[str, bool]:
    """The name a reader sees for quote ``n``: the story entity, else the resolved name,
    else the source as the article put it ("a senior US official"); and whether it names
    someone."""
    q = b.quotes[n][1]
    entity = speaker_entity(b, n)
    if entity is not None:
        return entity.name, True
    if q.speaker_name:
        return q.speaker_name, True
    if q.speaker is not None:
        if q.speaker.text.casefold() in _PRONOUNS:  # a "he" no one could be found for
            return f"Not named ({q.speaker.text.casefold()})", False
        return q.speaker.text, False
    return "Unattributed", False


# A pronoun, or a determiner standing alone ("Those said", "Some said"), names no one.
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "i",
        "we",
        "those",
        "these",
        "some",
        "others",
        "many",
        "few",
        "several",
        "all",
        "most",
        "both",
        "each",
        "one",
    ]
)


def people(b: Briefing) -> list[Entity]:
    """People, then organisations, then places; the most mentioned first within each."""
    order = {"person": 0, "organization": 1, "place": 2}
    return sorted(b.entities, key=lambda e: (order.get(e.type, 3), -len(e.mentions), e.name, e.id))


def listed_entities(b: Briefing, most: int = 12, most_organisations: int = 6) -> list[Entity]:
    """The "People and organisations" of a briefing: the people and any entity with a role,
    the most mentioned first (at most ``most``), then the organisations quoted in the story
    (at most ``most_organisations``). An organisation that said nothing is left out: on real
    pages most of the recogniser's other organisations are menus, outlets and places."""
    ranked = people(b)
    who = [e for e in ranked if e.type == "person" or e.roles][:most]
    quoted = set(b.speakers) - {None}
    orgs = [e for e in ranked if e.type == "organization" and not e.roles and e.id in quoted]
    return who + orgs[:most_organisations]


def who_said_what(b: Briefing) -> list[SpeakerQuotes]:
    """Quotes grouped by speaker: named speakers first, the most quoted first. Sources
    that are not named are grouped however they are capitalised ("Engineers" at the head
    of a sentence, "engineers" inside one), under the form met first."""
    groups: dict[tuple[str, bool], list[tuple[str, Quote]]] = {}
    shown: dict[tuple[str, bool], str] = {}
    for n, (article_id, q) in enumerate(b.quotes):
        name, named = speaker_name(b, n)
        key = (name if named else _source_key(name), named)
        shown.setdefault(key, name)
        groups.setdefault(key, []).append((article_id, q))
    out = [
        SpeakerQuotes(shown[key], key[1], tuple(_without_repeats(qs))) for key, qs in groups.items()
    ]
    out.sort(key=lambda g: (not g.resolved, g.name == "Unattributed", -len(g.quotes), g.name))
    return out


def _source_key(name: str) -> str:
    """A source not named, however the article put it: "the source", "a source", "Source"
    and "sources" are one described source."""
    key = re.sub(r"^(?:the|a|an)\s+", "", name.casefold())
    return "source" if key == "sources" else key


_CUE_GAP = re.compile(r"[\s,]*(?:(?:that|about|on|for|of|against|regarding|to)\s+)?")


def _without_repeats(quotes: list[tuple[str, Quote]]) -> list[tuple[str, Quote]]:
    """One speaker's quotes without those a longer one of the same article mostly carries
    ('expressing "serious concern" about the toll' and "serious concern"; 'said she
    expected the toll to rise' and 'expected the toll to rise'), in their own order."""
    kept: list[tuple[str, int, int]] = []
    drop: set[int] = set()
    for n in sorted(range(len(quotes)), key=lambda n: -(quotes[n][1].end - quotes[n][1].start)):
        a, q = quotes[n]
        half = (q.end - q.start) / 2
        if any(a == b and min(q.end, e) - max(q.start, s) >= half for b, s, e in kept):
            drop.add(n)
        else:
            kept.append((a, q.start, q.end))
    return [x for n, x in enumerate(quotes) if n not in drop]


# A direct quote of a few words that opens in lower case and ends without a stop, with no
# sentence end or colon between it and the cue written before it, is a phrase of the
# reporter's sentence ('ruled out new laws "at this stage"', 'described it as "a gift"'):
# it is shown in that sentence, from the cue, since alone "at this stage" says nothing.
_PARTIAL_WORDS = 10
_PARTIAL_REACH = 160
_CLOSING_MARKS = "\"”’'"


def _partial_in_clause(q: Quote, text: str) -> str | None:
    """``text`` from the cue through the closing mark of a phrase quoted inside the
    reporter's sentence; None for any other quote."""
    cue = q.cue_span
    words = q.text.split()
    if cue is None or cue.end > q.start or q.start - cue.end > _PARTIAL_REACH:
        return None
    if not words or len(words) > _PARTIAL_WORDS or not q.text[0].islower():
        return None
    if q.text.rstrip()[-1] in ".!?" or re.search(r"[.!?:]\s", text[cue.end : q.start]):
        return None
    end = q.end + 1 if text[q.end : q.end + 1] in _CLOSING_MARKS else q.end
    return " ".join(text[cue.start : end].split())


def quote_label(q: Quote, text: str = "") -> str:
    """Direct speech in quote marks with its cue; reported speech as written, from its cue
    when the article's ``text`` is given and the cue leads straight into it ("condemned the
    bombardment", "spoke about the talks", "said that talks would resume")."""
    if q.direct:
        if text and (clause := _partial_in_clause(q, text)):
            return clause
        body = f"“{q.text}”"
        return f"{body} ({q.cue})" if q.cue else body
    if (
        text
        and q.cue_span is not None
        and q.cue_span.end <= q.start
        and _CUE_GAP.fullmatch(text, q.cue_span.end, q.start)
    ):
        return " ".join(text[q.cue_span.start : q.end].split())
    return f"{q.text} ({q.cue})" if q.cue else q.text


__all__ = ["FactGroup", "KeyFigure", "chart_svg", "key_figures"]
