"""A person's corrections of the stories, kept as constraints on the clustering.

Some groupings stay wrong, so a person may fix them (``storydesk stories merge / split /
move``). A fix is stored as a :class:`Correction`: the articles it puts ``together`` in one
story (must-link) and those it keeps ``apart`` from them (cannot-link):

- ``merge A B``: together = every article of A and B; apart = none;
- ``split A --articles X...``: together = X...; apart = A's other articles;
- ``move X --to B``: together = X and B's articles; apart = the other articles of X's story.

Each ingest re-clusters the components it touches, so stored articles may move. After that
automatic grouping, :func:`apply` joins the groups holding must-linked articles (pulling in
must-linked articles from elsewhere) and cuts groups holding a cannot-linked pair, so the
fixes hold however the articles arrive later.

Corrections may contradict each other; a later one overrides an earlier one
(:func:`resolve` reads them newest first, and drops what an earlier correction asks that a
later one forbids). Articles are named by their near-duplicate original: a copy always goes
where its original goes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

KINDS = ("merge", "split", "move")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Correction:
    """One fix a person made, in the order made (``seq``)."""

    seq: int
    kind: str  # one of KINDS
    stories: tuple[str, ...]  # the story ids named, as they were then
    together: tuple[str, ...]  # article ids kept in one story
    apart: tuple[str, ...] = ()  # article ids kept out of the story of ``together``


@dataclass(slots=True)
class Constraints:
    """Must-link groups and cannot-link pairs of article ids, free of contradictions."""

    parent: dict[str, str] = field(default_factory=dict)
    cannot: dict[str, set[str]] = field(default_factory=dict)

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def members(self) -> dict[str, list[str]]:
        """Root -> sorted members, of every article a constraint names."""
        out: dict[str, list[str]] = {}
        for x in sorted(set(self.parent) | set(self.cannot)):
            out.setdefault(self.find(x), []).append(x)
        return out

    def _apart(self, a: str, b: str, groups: dict[str, list[str]]) -> bool:
        """Whether a cannot-link separates the must-link groups of ``a`` and ``b``."""
        rb = self.find(b)
        return any(
            self.find(y) == rb
            for x in groups.get(self.find(a), [a])
            for y in self.cannot.get(x, ())
        )

    def _union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            self.parent.setdefault(min(ra, rb), min(ra, rb))

    def must_groups(self) -> list[list[str]]:
        """The must-link groups of more than one article, sorted."""
        return sorted(g for g in self.members().values() if len(g) > 1)

    def separated(self, a: str, b: str) -> bool:
        return self.find(b) in {self.find(y) for y in self.cannot.get(a, ())}

    def __bool__(self) -> bool:
        return bool(self.parent or self.cannot)


def resolve(corrections: Sequence[Correction], original: Callable[[str], str]) -> Constraints:
    """The constraints the corrections ask for, a later correction winning over an earlier
    one it contradicts. ``original`` maps a near-copy to the article it copies.

    >>> c = resolve([Correction(1, "merge", ("A", "B"), ("a1", "b1")),
    ...              Correction(2, "split", ("A",), ("b1",), ("a1",))], lambda x: x)
    >>> c.separated("a1", "b1")
    True
    """
    out = Constraints()
    for corr in sorted(corrections, key=lambda c: -c.seq):  # newest first: they win
        together = sorted({original(x) for x in corr.together})
        apart = sorted({original(x) for x in corr.apart} - set(together))
        groups = out.members()
        # Together: each article joins the first subgroup no newer correction keeps it from.
        heads: list[str] = []
        for x in together:
            for h in heads:
                if out.find(h) == out.find(x) or not out._apart(x, h, groups):
                    out._union(h, x)
                    groups = out.members()
                    break
            else:
                heads.append(x)
                out.parent.setdefault(x, x)
        for x in together:
            for y in apart:
                if out.find(x) != out.find(y):  # a newer correction put them together
                    out.cannot.setdefault(x, set()).add(y)
                    out.cannot.setdefault(y, set()).add(x)
    return out


Similarity = Callable[[Sequence[T], Sequence[T]], np.ndarray]


def apply(
    groups: list[list[T]],
    constraints: Constraints,
    key: Callable[[T], str],
    elsewhere: Callable[[str], T | None],
    similarity: Similarity[T],
) -> list[list[T]]:
    """The clustering's ``groups`` with the constraints applied: groups holding articles of
    one must-link group joined (its members outside every group, found by ``elsewhere``,
    pulled in), then each group holding a cannot-linked pair cut (:func:`_cut`). Groups the
    constraints do not concern come back as they were, in their order."""
    if not constraints or not groups:
        return groups
    out = [list(g) for g in groups]
    where = {key(it): k for k, g in enumerate(out) for it in g}
    for members in constraints.must_groups():
        hit = sorted({where[m] for m in members if m in where})
        if not hit:
            continue
        target = hit[0]
        for k in hit[1:]:
            for it in out[k]:
                where[key(it)] = target
            out[target].extend(out[k])
            out[k] = []
        for m in members:
            if m not in where:
                item = elsewhere(m)
                if item is not None:
                    out[target].append(item)
                    where[m] = target
    cut: list[list[T]] = []
    for g in out:
        if g:
            cut.extend(_cut(g, constraints, key, similarity))
    return cut


def _cut(
    group: list[T], c: Constraints, key: Callable[[T], str], similarity: Similarity[T]
) -> list[list[T]]:
    """Parts of ``group`` with no cannot-linked pair inside, must-linked articles kept
    together. Units (a must-link group, or one article) that a cannot-link names are placed
    first, in the group's order, each in the first part it may join; every other unit then
    joins the part it is most similar to on average (ties: the earlier part)."""
    keys = {key(it) for it in group}
    if not any(c.cannot.get(k, set()) & keys for k in keys):
        return [group]
    units: dict[str, list[T]] = {}
    for it in group:
        units.setdefault(c.find(key(it)), []).append(it)
    roots = list(units)
    bound = [r for r in roots if any(key(it) in c.cannot for it in units[r])]
    free = [r for r in roots if r not in bound]
    parts: list[list[str]] = []
    for r in bound:
        for p in parts:
            if not any(c.separated(key(it), q) for q in p for it in units[r]):
                p.append(r)
                break
        else:
            parts.append([r])
    items = [[it for r in p for it in units[r]] for p in parts]
    for r in free:
        scores = [float(np.mean(similarity(units[r], part))) for part in items]
        best = max(range(len(items)), key=lambda k: (scores[k], -k))
        items[best].extend(units[r])
    return items
