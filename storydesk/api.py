"""The library API the CLI and the web layer both call."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .model import Article, Briefing, Rejected
from .output import write_run
from .pipeline import analyze_all, build_briefings, load
from .settings import Settings


@dataclass(frozen=True, slots=True)
class RunResult:
    """What one run produced."""

    articles: tuple[Article, ...]
    briefings: tuple[Briefing, ...]
    rejected: tuple[Rejected, ...]
    written: tuple[Path, ...]


def run(
    paths: Sequence[str],
    out_dir: str | Path,
    settings: Settings | None = None,
    *,
    stdin: BinaryIO | None = None,
    on_loaded: Callable[[int], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> RunResult:
    """Turn the articles under ``paths`` into briefings written to ``out_dir``.

    ``on_loaded`` is told how many articles will be analysed; ``progress`` is called once
    per analysed article. Bad inputs never raise: they come back in ``rejected``.

    >>> result = run(["examples/articles"], "out")  # doctest: +SKIP
    >>> [b.story.title for b in result.briefings]  # doctest: +SKIP
    """
    settings = settings or Settings()
    corpus = load(paths, stdin=stdin)
    if on_loaded is not None:
        on_loaded(len(corpus.articles))
    analyzed = analyze_all(corpus.articles, settings, progress)
    briefings = build_briefings(analyzed, settings, corpus.rejected)
    written = (
        write_run(Path(out_dir), briefings, corpus.rejected)
        if corpus.articles or corpus.rejected
        else []
    )
    return RunResult(
        articles=tuple(corpus.articles),
        briefings=tuple(briefings),
        rejected=tuple(corpus.rejected),
        written=tuple(written),
    )
