"""CPU seconds of each stage of `storydesk run` beyond the spaCy parse, on DUC 2004 articles.

    python benchmarks/pipeline_stages.py --articles 500      # the documents make bench reads

``make bench`` (benchmarks/pipeline.py) times the whole run against spaCy alone; this script
says where the rest goes. The articles are read and cleaned, parsed once (the parses are
kept in ``.cache/``, so a second run times storydesk's own work only), then each stage is
timed by CPU time (``time.process_time``: on a shared machine the wall clock also counts
other processes): sentences, clustering features, annotations (and each extractor in
them), the corpus stage (dedup, clustering, the store), the briefing of every story, and
writing the briefings. Nothing is written under ``benchmarks/results``.
"""

from __future__ import annotations

import argparse
import collections
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pipeline import ROOT, write_corpus
from spacy.tokens import DocBin

import storydesk.annotate as annotate_module
from storydesk import pipeline
from storydesk.annotate import annotate
from storydesk.corpus import ingest_articles
from storydesk.embed import embedder
from storydesk.features import features_of
from storydesk.model import AnalyzedArticle, Article
from storydesk.nlp import load_pipeline, sentences_of
from storydesk.settings import Settings
from storydesk.store import SqliteStore
from storydesk.write import write_run

EXTRACTORS = {
    "times": "find_time_expressions",
    "facts": "extract_facts",
    "quotes": "extract_speech",
    "mentions": "extract_mentions",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500, help="The first N documents.")
    args = parser.parse_args()
    settings = Settings()
    nlp = load_pipeline(settings.model)
    embedder()
    cpu: dict[str, float] = collections.Counter()

    def timed(name: str, fn: Callable[..., Any], *a: Any, **k: Any) -> Any:
        start = time.process_time()
        out = fn(*a, **k)
        cpu[name] += time.process_time() - start
        return out

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "duc2004.jsonl"
        write_corpus(corpus)
        lines = corpus.read_text().splitlines()[: args.articles]
        corpus.write_text("\n".join(lines) + "\n")
        articles = timed("read and clean", pipeline.load, [str(corpus)]).articles
    docs = parses(articles, nlp, settings.batch_size)
    for key, name in EXTRACTORS.items():  # each extractor's share of the annotations
        original = getattr(annotate_module, name)

        def extractor(
            *a: Any, _fn: Callable[..., Any] = original, _key: str = key, **k: Any
        ) -> Any:
            return timed(f"  annotations: {_key}", _fn, *a, **k)

        setattr(annotate_module, name, extractor)
    analyzed = []
    for article, doc in zip(articles, docs, strict=True):
        analyzed.append(
            AnalyzedArticle(
                article=article,
                sentences=timed("sentences", sentences_of, doc, article.id),
                features=timed("clustering features", features_of, doc),
                annotations=timed("annotations", annotate, article, doc),
            )
        )
    by_id = {a.article.id: a for a in analyzed}
    with tempfile.TemporaryDirectory() as tmp, SqliteStore(Path(tmp) / "run.db") as store:
        report = timed(
            "corpus stage (dedup, cluster, store, threads)",
            ingest_articles,
            store,
            articles,
            settings,
            analyzer=lambda part: [by_id[a.id] for a in part],
        )
        fresh = timed(
            "briefing every story",
            pipeline.retitle,
            store,
            settings,
            among=report.changed | report.stories,
        )
        timed("writing the briefings", write_run, Path(tmp) / "out", list(fresh.values()), [])
    print(f"{len(articles)} articles, {len(fresh)} stories; CPU seconds:")
    for name, seconds in cpu.items():
        print(f"  {name:48} {seconds:7.2f}")
    total = sum(s for n, s in cpu.items() if not n.startswith(" "))
    print(f"  {'all of the above':48} {total:7.2f}")


def parses(articles: Sequence[Article], nlp: Any, batch_size: int) -> list[Any]:
    """The spaCy parse of each article's cleaned text, cached in ``.cache/``."""
    from storydesk.ids import digest

    key = digest(*(a.text for a in articles), nlp.meta["name"], nlp.meta["version"], length=16)
    path = ROOT / ".cache" / f"stages-{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe([a.text for a in articles], batch_size=batch_size))
    path.parent.mkdir(exist_ok=True)
    bin_ = DocBin(store_user_data=True)
    for doc in docs:
        bin_.add(doc)
    bin_.to_disk(path)
    return docs


if __name__ == "__main__":
    main()
