"""Stories given already grouped: JSON Lines with one cluster of documents per line.

The format of the evaluation datasets::

    {"id": "d30001t", "documents": [{"id", "title", "date", "text"}, ...], ...}

Each cluster is one story. Its documents are cleaned by :func:`storydesk.pipeline.prepare`
and parsed by :func:`storydesk.nlp.analyze`, like any ingested article; near-duplicates are
found by the rule ingest uses (:func:`storydesk.dedup.same_report`); and the summary is the
one :func:`storydesk.pipeline.brief` gives the story's briefing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dedup import DupItem, duplicate_groups
from .errors import InputError
from .ids import article_id, story_id, unique_ids
from .ingest.dates import parse_date
from .ingest.decode import decode_bytes
from .model import AnalyzedArticle, Article, Briefing, RawDocument, Rejected, Story
from .nlp import analyze, load_pipeline
from .pipeline import brief, prepare, story_title
from .render.jsonout import summary_sentence_dict
from .settings import Settings
from .summarize import cite, get_summarizer
from .summarize.update import summarize_since


@dataclass(frozen=True, slots=True)
class ClusterRecord:
    """One line of a clusters file: its id, where it was read, its documents and the rest
    of the record (references and so on) as read."""

    id: str
    source: str
    documents: tuple[RawDocument, ...]
    data: dict[str, Any] = field(repr=False, compare=False)


def parse_cluster(item: Any, where: str) -> ClusterRecord:
    """A cluster from one decoded JSON value; :class:`InputError` says what is wrong.

    A document without text is left out (:func:`cluster_articles` reports it); a cluster
    with no document that has text is an error.
    """
    if not isinstance(item, dict):
        raise InputError(where, f"expected a JSON object, got {type(item).__name__}")
    cid = item.get("id")
    if not isinstance(cid, (str, int)) or isinstance(cid, bool) or not str(cid).strip():
        raise InputError(where, "missing 'id' (a string or number)")
    docs = item.get("documents")
    if not isinstance(docs, list) or not docs:
        raise InputError(where, "missing or empty 'documents' list")
    raws = []
    for n, doc in enumerate(docs, start=1):
        if not isinstance(doc, dict):
            raise InputError(where, f"document {n} is not a JSON object")
        did = doc.get("id")
        source = str(did) if isinstance(did, (str, int)) and str(did).strip() else f"{where}#{n}"
        text = doc.get("text")
        title = doc.get("title")
        raws.append(
            RawDocument(
                source=source,
                text=text if isinstance(text, str) else "",
                title=" ".join(title.split()) or None if isinstance(title, str) else None,
                published=parse_date(doc.get("date", doc.get("published"))),
                id_hint=source,
            )
        )
    if not any(r.text.strip() for r in raws):
        raise InputError(where, "no document has any 'text'")
    return ClusterRecord(id=str(cid), source=where, documents=tuple(raws), data=item)


def read_clusters(path: str | Path) -> Iterator[ClusterRecord | Rejected]:
    """Every cluster of a JSON Lines file; a bad line comes back as ``Rejected("FILE:LINE",
    reason)`` and reading goes on. An unreadable file is one rejection."""
    name = str(path)
    try:
        text = decode_bytes(Path(path).read_bytes(), name)
    except OSError as exc:
        yield Rejected(name, f"cannot read: {exc.strerror or exc}")
        return
    except InputError as exc:
        yield Rejected(exc.source, exc.reason)
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            yield parse_cluster(json.loads(line), where)
        except json.JSONDecodeError as exc:
            yield Rejected(where, f"malformed JSON ({exc.msg}, column {exc.colno})")
        except InputError as exc:
            yield Rejected(exc.source, exc.reason)
        except RecursionError:
            yield Rejected(where, "input nested too deeply to parse")


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


def copies(articles: Sequence[AnalyzedArticle]) -> dict[str, str]:
    """Near-duplicates among a story's articles: copy id -> id of the report it copies."""
    items = [
        DupItem(a.article.id, a.features, a.article.published, len(a.article.text))
        for a in articles
        if a.features is not None
    ]
    return {items[i].key: items[g[0]].key for g in duplicate_groups(items) for i in g[1:]}


def reports(articles: Sequence[AnalyzedArticle]) -> list[AnalyzedArticle]:
    """The articles a briefing summarises: near-duplicate copies left out."""
    dup = copies(articles)
    return [a for a in articles if a.article.id not in dup]


def brief_cluster(
    articles: Sequence[AnalyzedArticle], settings: Settings, rejected: Sequence[Rejected] = ()
) -> Briefing:
    """The briefing of a cluster taken as one story."""
    return brief(articles, settings, rejected, duplicate_of=copies(articles))


def brief_update(
    new: Sequence[AnalyzedArticle],
    read: Sequence[AnalyzedArticle],
    settings: Settings,
    rejected: Sequence[Rejected] = (),
) -> Briefing:
    """The briefing of ``new`` for a reader who has read ``read``: the summary and citations
    ``brief(..., since=...)`` makes (:func:`~storydesk.summarize.update.summarize_since`,
    then :func:`~storydesk.summarize.cite`), with the earlier articles named rather than
    found by date. A new article that copies one already read adds nothing new."""
    dup = copies([*read, *new])
    new_reports = [a for a in new if a.article.id not in dup]
    read_reports = [a for a in read if a.article.id not in dup]
    chosen = summarize_since(new_reports, read_reports, settings.words, settings)
    summary = cite(new_reports, chosen, settings.support)
    title = story_title(new_reports, summary)
    ids = [a.article.id for a in new]
    present = set(ids)
    return Briefing(
        story=Story(id=story_id(title, ids), title=title, article_ids=tuple(ids)),
        articles=tuple(a.article for a in new),
        summary=tuple(summary),
        rejected=tuple(rejected),
        duplicates=tuple(sorted((k, v) for k, v in dup.items() if k in present and v in present)),
    )


def analyze_cluster(
    record: ClusterRecord, settings: Settings
) -> tuple[list[AnalyzedArticle], list[Rejected]]:
    """Clean and parse a cluster's documents with the process's spaCy pipeline."""
    articles, rejected = cluster_articles(record)
    nlp = load_pipeline(settings.model)
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
    an update for a reader of those (:func:`brief_update`); its record gets ``update_of``.
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
                briefing = brief_update(analyzed, read, settings)
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


__all__ = [
    "ClusterRecord",
    "SummarizeReport",
    "analyze_cluster",
    "brief_cluster",
    "brief_update",
    "cluster_articles",
    "copies",
    "parse_cluster",
    "read_clusters",
    "reports",
    "summarize_file",
    "summary_record",
]
