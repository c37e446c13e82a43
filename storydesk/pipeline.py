"""The one orchestrator: a run's flow, stage by stage, each stage a module named for what it
does.

- Per article, a plain map: read (:mod:`storydesk.ingest`) -> clean (:func:`prepare`,
  :mod:`storydesk.clean`) -> parse (:func:`parser`, :mod:`storydesk.nlp`) -> annotate
  (:mod:`storydesk.annotate`): :func:`load`, then :func:`analyze`.
- Per corpus, seeing every article: dedup (:mod:`storydesk.dedup`) -> cluster
  (:mod:`storydesk.cluster`) -> store (:mod:`storydesk.store`), in :mod:`storydesk.corpus`:
  :func:`ingest`.
- Per story: brief (:func:`brief`, an update with ``since`` or ``read``) -> render
  (:mod:`storydesk.render`) -> write (:mod:`storydesk.write`); :mod:`storydesk.api` calls
  them in turn.

Stories given already grouped (a clusters file, :mod:`storydesk.ingest.clusters`) take the
same path less the corpus stage: :func:`summarize_file`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from spacy.language import Language

from .annotate import all_facts, all_quotes, annotate, ensure_annotated, story_entities
from .clean import clean_article, drop_partial_sentence
from .corpus import Analyzer, IngestReport, ingest_articles, title_from_text
from .dating import date_in_page, date_in_text, date_in_url
from .dedup import DupItem, duplicate_groups
from .entities import speaker_entities
from .errors import StoreError
from .facts import group_facts
from .features import features_of
from .ids import article_id, unique_ids
from .ids import story_id as story_id_for
from .ingest import read_paths
from .ingest.clusters import ClusterRecord, read_clusters
from .ingest.limits import cut_at_boundary
from .ingest.text import recurring_suffixes, strip_site_suffix
from .model import AnalyzedArticle, Article, Briefing, RawDocument, Rejected, Story, SummarySentence
from .nlp import load_pipeline, parseable, sentences_of
from .render.jsonout import summary_sentence_dict
from .settings import MAX_ARTICLE_CHARS, DedupSettings, Settings
from .store.base import Store
from .summarize import cite, get_summarizer
from .summarize.base import lead_sentences
from .summarize.keyfigure import key_figure_sentences
from .summarize.reader import news_leads, unfit_sentences
from .summarize.update import split_since, summarize_since
from .timeline import build_timeline
from .titles import headline_like, title_from_sentences

Progress = Callable[[int], None]
log = logging.getLogger(__name__)


@dataclass(slots=True)
class Corpus:
    """Cleaned articles and everything that was rejected on the way."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def publication_date(
    metadata: dt.date | None,
    url: str | None,
    text: str,
    page: str | None = None,
    title: str | None = None,
) -> tuple[dt.date | None, str | None]:
    """An article's publication date and where it came from, as ingest and `storydesk eval
    cluster` both take it: its metadata (``"metadata"``), else a date in its URL
    (``"url"``), else the date line near its headline in the ``page`` its cleaned ``text``
    came from (:func:`storydesk.dating.date_in_page`), else a dateline at the top of
    ``text`` (both ``"text"``); ``(None, None)`` when none holds one.

    >>> publication_date(None, None, "The river rose.", "Flood\\nMay 2, 2026\\nThe river rose.")
    (datetime.date(2026, 5, 2), 'text')
    """
    if metadata is not None:
        return metadata, "metadata"
    if found := date_in_url(url):
        return found, "url"
    if page is not None and (found := date_in_page(page, text, title)):
        return found, "text"
    if found := date_in_text(text):
        return found, "text"
    return None, None


def prepare(
    raw: RawDocument,
    article_id_: str,
    max_chars: int = MAX_ARTICLE_CHARS,
    site_names: frozenset[str] = frozenset(),
) -> Article | Rejected:
    """Clean one raw document into an :class:`Article`, or reject it when nothing is left.

    Its title loses a site's name at its end (:func:`storydesk.ingest.text.strip_site_suffix`;
    ``site_names``: the tails that recur across the corpus's titles).

    A text longer than ``max_chars`` is cut at a paragraph or sentence end (before cleaning,
    so cleaning stays cheap, and again after it), with a warning naming the source.

    Its date and the date's source are :func:`publication_date`'s: without a date in its
    metadata or its URL, the date line that stands near its headline in the text it came
    from (a page's text keeps it in lines that cleaning removes), with ``date_source="text"``.
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
    published, date_source = publication_date(raw.published, raw.url, text, raw.text, raw.title)
    return Article(
        id=article_id_,
        source=raw.source,
        text=text,
        title=strip_site_suffix(
            raw.title, raw.outlet, url=raw.url, text=raw.text, recurring=site_names
        ),
        outlet=raw.outlet,
        url=raw.url,
        published=published,
        truncated=truncated,
        date_source=date_source,
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
    site_names = recurring_suffixes(r.title for r in raws)
    for raw, aid in zip(raws, ids, strict=True):
        result = prepare(raw, aid, max_chars, site_names)
        if isinstance(result, Rejected):
            corpus.rejected.append(result)
        else:
            corpus.articles.append(result)
    return corpus


def analyze(
    articles: Iterable[Article], nlp: Language, batch_size: int = 32
) -> Iterator[AnalyzedArticle]:
    """Parse articles with spaCy (streamed in batches) and attach their sentences, clustering
    features and annotations (:mod:`storydesk.annotate`).

    An article longer than ``nlp.max_length`` (which :func:`storydesk.pipeline.prepare`
    prevents) has only that much parsed, with a warning, instead of stopping the run."""
    pairs = ((parseable(a.text, nlp, a.source), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield AnalyzedArticle(
            article=article,
            sentences=sentences_of(doc, article.id),
            features=features_of(doc),
            annotations=annotate(article, doc),
        )


def parser(settings: Settings) -> Language:
    """The spaCy pipeline ``settings.model`` names: the one place the flow loads it (once
    per process: :func:`storydesk.nlp.load_pipeline` keeps it)."""
    return load_pipeline(settings.model)


def analyzer(settings: Settings) -> Analyzer:
    """Parse and annotate a chunk of articles (the per-article stages, for the corpus stage)."""

    def analyze_chunk(part: Sequence[Article]) -> list[AnalyzedArticle]:
        return list(analyze(part, parser(settings), settings.batch_size))

    return analyze_chunk


def analyze_all(
    articles: Iterable[Article], settings: Settings, progress: Progress | None = None
) -> list[AnalyzedArticle]:
    """Parse every article with the process's spaCy pipeline."""
    nlp = parser(settings)
    out: list[AnalyzedArticle] = []
    for analyzed in analyze(articles, nlp, batch_size=settings.batch_size):
        out.append(analyzed)
        if progress is not None:
            progress(1)
    return out


def story_title(articles: Sequence[AnalyzedArticle], summary: Sequence[SummarySentence]) -> str:
    """The headline of the article the summary cites most, when it is headline-like (not a
    slug, not one side's quote: :func:`storydesk.titles.headline_like`), else the next
    one's; with none, the first summary sentence that is not a quote, else any headline,
    else the first words."""
    cited = Counter(c.article_id for s in summary for c in s.citations)
    by_id = {a.article.id: a.article for a in articles}
    order = list(by_id)
    ranked = sorted(order, key=lambda aid: (-cited.get(aid, 0), order.index(aid)))
    for aid in ranked:
        if headline_like(by_id[aid].title):
            return by_id[aid].title or ""
    sentence = title_from_sentences(s.text for s in summary)
    if sentence:
        return sentence
    for a in articles:
        if a.article.title:
            return a.article.title
    text = summary[0].text if summary else (articles[0].article.text if articles else "Untitled")
    return title_from_text(text)


def brief(
    articles: Sequence[AnalyzedArticle],
    settings: Settings,
    rejected: Sequence[Rejected] = (),
    *,
    story_id: str | None = None,
    duplicate_of: dict[str, str] | None = None,
    since: dt.date | None = None,
    read: Sequence[AnalyzedArticle] = (),
    thread: tuple[str, str] | None = None,
    title: str | None = None,
) -> Briefing:
    """Build the briefing of one story from its analysed articles.

    A near-duplicate (``duplicate_of``: copy id -> original id) is listed with its original
    but never summarised or cited on its own: one report counts once. With ``since``, the
    summary tells only what the articles published after that date add to the earlier ones;
    with ``read``, what ``articles`` add to those (the earlier articles named rather than
    found by date: a clusters file's update clusters). ``title``: the story's stored title
    (else one is made from the summary, :func:`story_title`).
    """
    duplicate_of = {k: v for k, v in (duplicate_of or {}).items() if k != v}
    articles = ensure_annotated(articles, lambda: parser(settings))
    reports = [a for a in articles if a.article.id not in duplicate_of]
    # Copies are left out: a syndicated figure is one source, not several that agree.
    facts = all_facts(reports)
    fact_groups = group_facts(
        facts,
        {a.article.id: a.article.outlet or a.article.id for a in reports},
        {a.article.id for a in reports if a.article.published is not None},
    )
    # An update tells what ``new`` adds to ``old``: the articles the reader has read, or
    # those published by ``since``. Without either, the story is told whole.
    old: list[AnalyzedArticle] | None = None
    new = reports
    if read:
        old = [a for a in read if a.article.id not in duplicate_of]
    elif since is not None:
        new, old = split_since(reports, since)
    quotes = tuple(all_quotes(reports))
    skip = unfit_sentences(new, quotes) if old is None else set()
    if old is None:
        figure = key_figure_sentences(reports, facts, fact_groups)
        summarizer = get_summarizer(settings.summarizer, settings)
        # A briefing's reader rules (quotes repeated, captions, fragments, the news first);
        # the summariser alone is what `storydesk eval summarize` scores.
        chosen = summarizer(
            reports,
            settings.words,
            require=[figure] if figure else [],
            skip=skip,
        )
    else:
        chosen = summarize_since(new, old, settings.words, settings)
    leads = news_leads(
        new,
        lead_sentences(new, settings.min_sentence_words, settings.max_sentence_words),
        settings.min_sentence_words,
        settings.max_sentence_words,
        skip,
    )
    summary = cite(new, chosen, settings.support, leads)
    title = title or story_title(reports, summary)
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
    *,
    retitle: bool = False,
) -> Briefing:
    """The briefing of a stored story (what is new after ``since`` when given), under its
    stored title; with ``retitle``, under a title made from its whole summary."""
    articles = store.story_articles(story_id)
    if not articles:
        raise StoreError(f"no story {story_id!r} in the store")
    return brief(
        articles,
        settings,
        rejected,
        story_id=story_id,
        duplicate_of=store.representatives(),
        since=since if not retitle else None,
        thread=store.thread_of(story_id),
        title=None if retitle else store.title_of(story_id),
    )


def retitle(
    store: Store,
    settings: Settings,
    rejected: Sequence[Rejected] = (),
    among: Iterable[str] | None = None,
) -> dict[str, Briefing]:
    """Title the stories (of ``among``, else all) whose articles changed since they were
    titled (new stories included) and store the titles; returns their briefings, by id.

    A title is made when a story is created or its articles change, and every command reads
    it from the store: it stays the same across ``stories``, ``brief`` and ``brief --since``,
    and across ingests that leave the story as it is.
    """
    briefings = {
        sid: brief_stored(store, sid, settings, rejected, retitle=True)
        for sid in store.stale_titles(among)
    }
    if briefings:
        store.set_titles({sid: b.story.title for sid, b in briefings.items()})
    return briefings


def ingest(
    store: Store,
    paths: Sequence[str],
    settings: Settings,
    *,
    stdin: BinaryIO | None = None,
    on_loaded: Callable[[int], None] | None = None,
    progress: Progress | None = None,
    refresh_titles: bool = True,
) -> IngestReport:
    """Read, clean, analyse and store articles; each joins its story. Stories whose
    articles changed are titled again (:func:`retitle`; unless the caller does it)."""
    corpus = load(paths, stdin=stdin, max_chars=settings.max_article_chars)
    if on_loaded is not None:
        on_loaded(len(corpus.articles))
    report = ingest_articles(
        store, corpus.articles, settings, progress=progress, analyzer=analyzer(settings)
    )
    report.rejected = corpus.rejected
    if refresh_titles:
        retitle(store, settings, among=report.changed | report.stories)
    return report


# Stories given already grouped (a clusters file: storydesk.ingest.clusters), each briefed
# as an ingested story is.


def cluster_articles(record: ClusterRecord) -> tuple[list[Article], list[Rejected]]:
    """The cluster's documents cleaned into articles, and those with nothing left."""
    ids = unique_ids((article_id(r.source, r.id_hint), r.source) for r in record.documents)
    articles: list[Article] = []
    rejected: list[Rejected] = []
    for raw, aid in zip(record.documents, ids, strict=True):
        if not raw.text.strip():
            rejected.append(Rejected(raw.source, "missing or empty 'text' field"))
            continue
        result = prepare(raw, aid)
        (rejected if isinstance(result, Rejected) else articles).append(result)  # type: ignore[arg-type]
    return articles, rejected


def copies(
    articles: Sequence[AnalyzedArticle], params: DedupSettings | None = None
) -> dict[str, str]:
    """Near-duplicates among a story's articles: copy id -> id of the report it copies."""
    items = [
        DupItem(a.article.id, a.features, a.article.published, len(a.article.text))
        for a in articles
        if a.features is not None
    ]
    return {items[i].key: items[g[0]].key for g in duplicate_groups(items, params) for i in g[1:]}


def reports(articles: Sequence[AnalyzedArticle]) -> list[AnalyzedArticle]:
    """The articles a briefing summarises: near-duplicate copies left out."""
    dup = copies(articles)
    return [a for a in articles if a.article.id not in dup]


def brief_cluster(
    articles: Sequence[AnalyzedArticle], settings: Settings, rejected: Sequence[Rejected] = ()
) -> Briefing:
    """The briefing of a cluster taken as one story."""
    return brief(articles, settings, rejected, duplicate_of=copies(articles, settings.dedup))


def analyze_cluster(
    record: ClusterRecord, settings: Settings
) -> tuple[list[AnalyzedArticle], list[Rejected]]:
    """Clean and parse a cluster's documents with the process's spaCy pipeline."""
    articles, rejected = cluster_articles(record)
    nlp = parser(settings)
    return list(analyze(articles, nlp, batch_size=settings.batch_size)), rejected


def _prior_ids(record: ClusterRecord) -> list[str]:
    ids = record.data.get("prior_document_ids")
    return [str(d) for d in ids] if isinstance(ids, list) else []


def summary_record(record: ClusterRecord, briefing: Briefing, cited: bool) -> dict[str, Any]:
    """``{"id", "summary"}`` (sentences joined by a space); with ``cited``, also each
    sentence with its citations, and the cleaned text of every article they point into."""
    out: dict[str, Any] = {
        "id": record.id,
        "summary": " ".join(s.text for s in briefing.summary),
    }
    if cited:
        out["sentences"] = [summary_sentence_dict(s) for s in briefing.summary]
        out["articles"] = [
            {"id": a.id, "source": a.source, "text": a.text} for a in briefing.articles
        ]
    return out


@dataclass(slots=True)
class SummarizeReport:
    """What :func:`summarize_file` did: summaries written, and what was rejected."""

    written: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def summarize_file(
    path: str | Path,
    out: str | Path,
    settings: Settings,
    *,
    cited: bool = False,
    progress: Callable[[int], None] | None = None,
) -> SummarizeReport:
    """Summarise every cluster of a clusters file into ``out`` (JSON Lines, one
    :func:`summary_record` per cluster, in input order). Bad lines, and documents with no
    text, are reported in the result and skipped; nothing raises on bad input.

    A cluster whose ``prior_document_ids`` name documents of earlier lines is summarised as
    an update for a reader of those (:func:`brief` with ``read``); its record gets
    ``update_of``.
    """
    get_summarizer(settings.summarizer, settings)  # an unknown name fails before any work
    report = SummarizeReport()
    # Update clusters (DUC 2007 update: B after A, C after A and B) name the documents their
    # reader has already read; those are kept from the earlier lines that carry them.
    wanted = {
        str(d)
        for item in read_clusters(path)
        if isinstance(item, ClusterRecord)
        for d in _prior_ids(item)
    }
    seen: dict[str, AnalyzedArticle] = {}
    out_path = Path(out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for item in read_clusters(path):
            if isinstance(item, Rejected):
                report.rejected.append(item)
                continue
            analyzed, rejected = analyze_cluster(item, settings)
            report.rejected.extend(
                Rejected(f"{item.source} ({r.source})", r.error) for r in rejected
            )
            if not analyzed:
                report.rejected.append(
                    Rejected(item.source, "no document has any text left after cleaning")
                )
                continue
            read = [seen[d] for d in _prior_ids(item) if d in seen]
            if read:
                dup = copies([*read, *analyzed], settings.dedup)
                briefing = brief(analyzed, settings, duplicate_of=dup, read=read)
            else:
                briefing = brief_cluster(analyzed, settings)
            seen.update((a.article.source, a) for a in analyzed if a.article.source in wanted)
            record = summary_record(item, briefing, cited)
            if read:
                record["update_of"] = [a.article.source for a in read]
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            report.written += 1
            if progress is not None:
                progress(1)
    tmp.replace(out_path)
    return report
