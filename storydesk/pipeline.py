"""The one orchestrator: paths -> ingest -> clean -> analyse -> group -> summarise -> briefings.

Per-article stages (:func:`prepare`, :func:`~storydesk.nlp.analyze`) are plain maps;
corpus stages (near-duplicates and clustering in :mod:`storydesk.stories`, then
:func:`brief` per story) see every article at once. Rendering and writing
files live in :mod:`storydesk.render` and :mod:`storydesk.output`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from .annotate import all_facts, all_quotes, ensure_annotated, story_entities
from .clean import clean_article, drop_partial_sentence
from .cluster import ClusterParams
from .entities import speaker_entities
from .errors import StoreError
from .facts import group_facts
from .ids import article_id, unique_ids
from .ids import story_id as story_id_for
from .ingest import read_paths
from .ingest.limits import cut_at_boundary
from .ingest.text import strip_site_suffix
from .model import AnalyzedArticle, Article, Briefing, RawDocument, Rejected, Story, SummarySentence
from .nlp import analyze, load_pipeline
from .settings import MAX_ARTICLE_CHARS, Settings
from .store.base import Store
from .stories import IngestReport, ingest_articles
from .summarize import cite, get_summarizer
from .summarize.keyfigure import key_figure_sentences
from .summarize.update import split_since, summarize_since
from .timeline import build_timeline

Progress = Callable[[int], None]
log = logging.getLogger(__name__)


@dataclass(slots=True)
class Corpus:
    """Cleaned articles and everything that was rejected on the way."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def prepare(
    raw: RawDocument, article_id_: str, max_chars: int = MAX_ARTICLE_CHARS
) -> Article | Rejected:
    """Clean one raw document into an :class:`Article`, or reject it when nothing is left.

    A text longer than ``max_chars`` is cut at a paragraph or sentence end (before cleaning,
    so cleaning stays cheap, and again after it), with a warning naming the source.
    """
    text, truncated = clean_article(
        cut_at_boundary(raw.text, max_chars),
        raw.title,
        page=False if raw.main_text_only else None,
    )
    if not text.strip():
        return Rejected(raw.source, "no article text left after removing boilerplate")
    if len(raw.text) > max_chars or len(text) > max_chars:
        truncated = True
        # Cut where a sentence ends; a cut at a space leaves no unfinished sentence behind.
        text = drop_partial_sentence(cut_at_boundary(text, max_chars))
        log.warning(
            "%s: article of %d characters cut to %d (the limit is max_article_chars=%d)",
            raw.source,
            len(raw.text),
            len(text),
            max_chars,
        )
    return Article(
        id=article_id_,
        source=raw.source,
        text=text,
        title=strip_site_suffix(raw.title, raw.outlet),
        outlet=raw.outlet,
        url=raw.url,
        published=raw.published,
        truncated=truncated,
    )


def load(
    paths: Sequence[str], stdin: BinaryIO | None = None, max_chars: int = MAX_ARTICLE_CHARS
) -> Corpus:
    """Read and clean every input under ``paths``; never raises on bad input."""
    raws: list[RawDocument] = []
    corpus = Corpus()
    for item in read_paths(paths, stdin=stdin):
        if isinstance(item, Rejected):
            corpus.rejected.append(item)
        else:
            raws.append(item)
    ids = unique_ids((article_id(r.source, r.id_hint), r.source) for r in raws)
    for raw, aid in zip(raws, ids, strict=True):
        result = prepare(raw, aid, max_chars)
        if isinstance(result, Rejected):
            corpus.rejected.append(result)
        else:
            corpus.articles.append(result)
    return corpus


def analyze_all(
    articles: Iterable[Article], settings: Settings, progress: Progress | None = None
) -> list[AnalyzedArticle]:
    """Parse every article with the process's spaCy pipeline."""
    nlp = load_pipeline(settings.model)
    out: list[AnalyzedArticle] = []
    for analyzed in analyze(articles, nlp, batch_size=settings.batch_size):
        out.append(analyzed)
        if progress is not None:
            progress(1)
    return out


def story_title(articles: Sequence[AnalyzedArticle], summary: Sequence[SummarySentence]) -> str:
    """The headline of the article the summary cites most, else the first summary words."""
    cited = Counter(c.article_id for s in summary for c in s.citations)
    by_id = {a.article.id: a.article for a in articles}
    for aid, _ in sorted(cited.items(), key=lambda kv: (-kv[1], list(by_id).index(kv[0]))):
        if by_id[aid].title:
            return by_id[aid].title or ""
    for a in articles:
        if a.article.title:
            return a.article.title
    text = summary[0].text if summary else (articles[0].article.text if articles else "Untitled")
    words = text.split()
    return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")


def brief(
    articles: Sequence[AnalyzedArticle],
    settings: Settings,
    rejected: Sequence[Rejected] = (),
    *,
    story_id: str | None = None,
    duplicate_of: dict[str, str] | None = None,
    since: dt.date | None = None,
    thread: tuple[str, str] | None = None,
) -> Briefing:
    """Build the briefing of one story from its analysed articles.

    A near-duplicate (``duplicate_of``: copy id -> original id) is listed with its original
    but never summarised or cited on its own: one report counts once. With ``since``, the
    summary tells only what the articles published after that date add to the earlier ones.
    """
    duplicate_of = {k: v for k, v in (duplicate_of or {}).items() if k != v}
    articles = ensure_annotated(articles, lambda: load_pipeline(settings.model))
    reports = [a for a in articles if a.article.id not in duplicate_of]
    # Copies are left out: a syndicated figure is one source, not several that agree.
    facts = all_facts(reports)
    fact_groups = group_facts(
        facts,
        {a.article.id: a.article.outlet or a.article.id for a in reports},
        {a.article.id for a in reports if a.article.published is not None},
    )
    if since is None:
        figure = key_figure_sentences(reports, facts, fact_groups)
        summarizer = get_summarizer(settings.summarizer, settings)
        chosen = summarizer(reports, settings.words, require=[figure] if figure else [])
        summary = cite(reports, chosen, settings.support)
    else:
        new, old = split_since(reports, since)
        chosen = summarize_since(new, old, settings.words, settings)
        summary = cite(new, chosen, settings.support)
    title = story_title(reports, summary)
    quotes = tuple(all_quotes(reports))
    entities = tuple(story_entities(reports))
    ids = [a.article.id for a in articles]
    story = Story(id=story_id or story_id_for(title, ids), title=title, article_ids=tuple(ids))
    present = set(ids)
    return Briefing(
        story=story,
        articles=tuple(a.article for a in articles),
        summary=tuple(summary),
        rejected=tuple(rejected),
        since=since,
        duplicates=tuple(
            sorted((k, v) for k, v in duplicate_of.items() if k in present and v in present)
        ),
        facts=tuple(facts),
        fact_groups=fact_groups,
        timeline=build_timeline(reports),
        quotes=quotes,
        entities=entities,
        speakers=speaker_entities(entities, quotes),
        thread=thread,
    )


def brief_stored(
    store: Store,
    story_id: str,
    settings: Settings,
    rejected: Sequence[Rejected] = (),
    since: dt.date | None = None,
) -> Briefing:
    """The briefing of a stored story (what is new after ``since`` when given)."""
    articles = store.story_articles(story_id)
    if not articles:
        raise StoreError(f"no story {story_id!r} in the store")
    return brief(
        articles,
        settings,
        rejected,
        story_id=story_id,
        duplicate_of=store.representatives(),
        since=since,
        thread=store.thread_of(story_id),
    )


def ingest(
    store: Store,
    paths: Sequence[str],
    settings: Settings,
    *,
    stdin: BinaryIO | None = None,
    params: ClusterParams | None = None,
    on_loaded: Callable[[int], None] | None = None,
    progress: Progress | None = None,
    refresh_titles: bool = True,
) -> IngestReport:
    """Read, clean, analyse and store articles; each joins its story. Titles of the stories
    touched are refreshed from their summaries (unless the caller briefs them anyway)."""
    corpus = load(paths, stdin=stdin, max_chars=settings.max_article_chars)
    if on_loaded is not None:
        on_loaded(len(corpus.articles))
    report = ingest_articles(store, corpus.articles, settings, params, progress)
    report.rejected = corpus.rejected
    if refresh_titles:
        briefings = [brief_stored(store, sid, settings) for sid in sorted(report.stories)]
        store.set_titles({b.story.id: b.story.title for b in briefings})
    return report
