"""`storydesk eval summarize`: ROUGE of our summaries and of their peers, in one harness.

Sets (``$STORYDESK_SHARED/datasets``): DUC 2004 task 2, the Multi-News sample and the
DUC 2007 update task are test sets, reported only; DUC 2006 and DUC 2007 main are the
development sets. Each is scored by the convention of its published tables
(:data:`storydesk.evaluate.rouge.CONVENTIONS`).

Every cluster's documents become :class:`~storydesk.model.AnalyzedArticle` through the code
the briefings use (:mod:`storydesk.ingest.clusters`: ``pipeline.prepare``, ``nlp.analyze``), parsed
once and cached under ``.cache/``. The systems, all given the same sentences:

* ``storydesk``: the summariser named (``get_summarizer(name)(reports, words)``) on the
  cluster's reports (near-duplicate copies left out, as a briefing does); for the update
  task's B and C subsets, :func:`summarize_update` with the earlier subsets as read;
* ``lead``: the first sentences of the most recent document (see :func:`peers.latest`);
* ``lead_first``: the first sentences of the first document given;
* ``lexrank``, ``textrank``: sumy on our sentences (:class:`peers.SumyPeer`);
* ``oracle``: greedy ROUGE-2 oracle, the ceiling for extractive summaries;
* the published systems' own summaries shipped with a set: ``sumrepo:<name>`` (DUC 2004)
  and ``nist:<id>`` (DUC 2006, DUC 2007 update), re-scored here next to their published
  ROUGE-2.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import logging
import os
import pickle
import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..ingest.clusters import ClusterRecord, read_clusters
from ..model import AnalyzedArticle, Rejected
from ..nlp import model_name
from ..pipeline import analyze, cluster_articles, parser, reports
from ..settings import Settings
from ..summarize import get_summarizer
from ..summarize.base import candidate_text
from .cachekey import code_digest
from .data import dataset_path, shown_path
from .peers import SumyPeer, greedy_oracle, lead, lead_first
from .rouge import CONVENTIONS, Convention, Rouge, aggregate

log = logging.getLogger(__name__)

DATASETS = {
    "duc2004": "duc2004-task2",
    "multinews": "multinews-longbench200",
    "duc2007-update": "duc2007-update",
    "duc2006": "duc2006",
    "duc2007-main": "duc2007-main",
}
TEST_SETS = ("duc2004", "multinews", "duc2007-update")
DEV_SETS = ("duc2006", "duc2007-main")
# Bump when what a parse produces changes in a way the source digests below do not see.
PARSE_VERSION = "summarization-parse-1"
# The modules whose code decides what a parsed article is; their source is in the cache key.
_PARSE_MODULES = (
    "clean.py",
    "nlp.py",
    "features.py",
    "model/article.py",
    "model/annotations.py",
    "ids.py",
    "trims.py",
)
RESAMPLES = 1000
SEED = 0


@dataclass(frozen=True, slots=True)
class EvalCluster:
    """A cluster ready to score: its analysed articles (dataset order) and references."""

    id: str
    articles: tuple[AnalyzedArticle, ...]
    references: tuple[str, ...]
    rejected: tuple[Rejected, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(slots=True)
class LoadedSet:
    name: str
    path: Path
    convention: Convention
    clusters: list[EvalCluster]
    rejected: list[Rejected]
    # False when --limit left clusters out: published figures are not comparable then.
    complete: bool = True


def set_role(name: str) -> str:
    return "development" if name in DEV_SETS else "test" if name in TEST_SETS else "other"


def _cache_file(cache: Path, label: str, data: bytes, ids: Sequence[str], model: str) -> Path:
    import spacy

    key = hashlib.sha1(
        "\x00".join(
            [PARSE_VERSION, spacy.__version__, model, code_digest(_PARSE_MODULES), *ids]
        ).encode()
        + hashlib.sha1(data).digest()
    ).hexdigest()[:16]
    return cache / "summarization" / f"{re.sub(r'[^A-Za-z0-9._-]+', '-', label)}-{key}.pkl"


def parse_records(
    records: Sequence[ClusterRecord], settings: Settings
) -> dict[str, tuple[tuple[AnalyzedArticle, ...], tuple[Rejected, ...]]]:
    """Clean and parse every record's documents in one spaCy stream; per cluster id, the
    analysed articles and the documents that were rejected."""
    nlp = parser(settings)
    prepared = [cluster_articles(r) for r in records]
    flat = [a for articles, _ in prepared for a in articles]
    parsed = iter(analyze(flat, nlp, batch_size=settings.batch_size))
    out = {}
    for record, (articles, rejected) in zip(records, prepared, strict=True):
        out[record.id] = (tuple(next(parsed) for _ in articles), tuple(rejected))
    return out


def load_set(name: str, limit: int | None = None, cache: Path | None = Path(".cache")) -> LoadedSet:
    """A named set (see :data:`DATASETS`) or a clusters file with ``references``, parsed
    (from the cache when the data, the parsing code and the model are unchanged)."""
    if name in DATASETS:
        path = dataset_path(DATASETS[name]) / "clusters.jsonl"
        convention = CONVENTIONS[name]
    else:
        path = Path(name)
        if not path.is_file():
            raise ConfigError(
                f"unknown dataset {name!r}: choose from {', '.join(DATASETS)} or give a "
                "clusters.jsonl path"
            )
        convention = Convention(100, "recall")
    if limit is not None and limit < 1:
        raise ConfigError(f"--limit must be positive, got {limit}")
    records: list[ClusterRecord] = []
    rejected: list[Rejected] = []
    for item in read_clusters(path):
        if isinstance(item, Rejected):
            rejected.append(item)
        elif not _references(item):
            rejected.append(Rejected(item.source, "no 'references' to score against"))
        elif any(r.id == item.id for r in records):
            rejected.append(Rejected(item.source, f"cluster id {item.id!r} given twice"))
        else:
            records.append(item)
        if limit is not None and len(records) >= limit:
            break
    settings = Settings()
    cache_path = (
        _cache_file(
            cache, name, path.read_bytes(), [r.id for r in records], model_name(settings.model)
        )
        if cache
        else None
    )
    if cache_path and cache_path.exists():
        parsed = pickle.loads(cache_path.read_bytes())
    else:
        log.info("parsing %d clusters of %s", len(records), name)
        parsed = parse_records(records, settings)
        if cache_path:
            cache_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_path.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(cache_path)
    clusters = []
    for r in records:
        articles, bad = parsed[r.id]
        meta = {k: v for k, v in r.data.items() if k not in ("documents", "references")}
        clusters.append(EvalCluster(r.id, articles, tuple(_references(r)), bad, meta))
    return LoadedSet(name, path, convention, clusters, rejected, complete=limit is None)


def _references(record: ClusterRecord) -> list[str]:
    refs = record.data.get("references")
    if not isinstance(refs, list):
        return []
    return [r for r in refs if isinstance(r, str) and r.strip()]


def texts_of(articles: Sequence[AnalyzedArticle], chosen: Sequence[Any]) -> list[str]:
    """Summary sentences as text: candidates (``doc``, ``sentence``) or anything with ``text``."""
    out = []
    for c in chosen:
        if hasattr(c, "sentence"):
            out.append(candidate_text(articles, c))
        else:
            out.append(c.text)
    return out


def _since_function() -> Callable[..., Any] | None:
    """``storydesk.summarize.update.summarize_since`` when it exists."""
    try:
        module = importlib.import_module("storydesk.summarize.update")
    except ImportError:
        return None
    fn = getattr(module, "summarize_since", None)
    return fn if callable(fn) else None


def summarize_update(
    summarizer_name: str,
    new_articles: Sequence[AnalyzedArticle],
    old_articles: Sequence[AnalyzedArticle],
    words: int,
    settings: Settings | None = None,
) -> tuple[list[str], str]:
    """An update summary of ``new_articles`` for a reader who has read ``old_articles``.

    Calls ``storydesk.summarize.update.summarize_since(new, old, words, settings)`` (which
    returns candidates indexing ``new``) when it exists; otherwise, or when nothing was read
    before, summarises the new articles alone. Returns the sentences and how they were made:
    ``"summarize_since"``, ``"summarizer"`` (no earlier articles) or ``"new_only"`` (no
    update function: a plain summary of the new articles).
    """
    settings = settings or Settings(words=words, summarizer=summarizer_name)
    plain = get_summarizer(summarizer_name, settings)
    if not old_articles:
        return texts_of(new_articles, plain(new_articles, words)), "summarizer"
    since = _since_function()
    if since is None:
        return texts_of(new_articles, plain(new_articles, words)), "new_only"
    return texts_of(new_articles, since(new_articles, old_articles, words, settings)), (
        "summarize_since"
    )


def _external_peers(name: str, path: Path) -> dict[str, dict[str, str]]:
    """Published systems' summaries shipped beside a named set: system -> cluster -> text."""
    files = {"duc2004": ("sumrepo_system_summaries.jsonl", "sumrepo")}
    files.update({n: ("nist_peer_summaries.jsonl", "nist") for n in ("duc2006", "duc2007-update")})
    if name not in files:
        return {}
    fname, prefix = files[name]
    out: dict[str, dict[str, str]] = {}
    with (path.parent / fname).open() as fh:
        for line in fh:
            row = json.loads(line)
            out.setdefault(f"{prefix}:{row['system']}", {})[row["cluster_id"]] = row["summary"]
    return out


def published_rouge2(name: str, path: Path) -> dict[str, float]:
    """ROUGE-2 recall (x100) as published, read from the set's own files: the SumRepo table
    in DUC 2004's PROVENANCE.md, NIST's ``official_rouge2_jk_m_avg.txt`` for DUC 2006/2007."""
    out: dict[str, float] = {}
    if name == "duc2004":
        text = (path.parent / "PROVENANCE.md").read_text()
        table = text.split("| System | R-1 | R-2 | R-4 |", 1)[1]
        for line in table.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 4 and re.fullmatch(r"[\d.]+", cells[2]):
                out[f"sumrepo:{cells[0].split()[0]}"] = float(cells[2])
    elif name in ("duc2006", "duc2007-update"):
        for line in (path.parent / "official_rouge2_jk_m_avg.txt").read_text().splitlines():
            m = re.match(r"(\d+) ([\d.]+)", line.strip())
            if m:
                out[f"nist:{m.group(1)}"] = round(100 * float(m.group(2)), 3)
    return out


def _timed(fn: Callable[..., Any], *args: Any) -> tuple[Any, tuple[float, float]]:
    """``fn(*args)`` and the (wall, CPU) seconds it took.

    CPU time is this process's (every thread's) time on a core: on a shared machine the wall
    time also counts the time spent waiting for a core, which is the other processes' load.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, (time.perf_counter() - wall, time.process_time() - cpu)


#: What the speed figures measure, written next to them (see :func:`run`).
SPEED_CLOCKS = {
    "median_seconds_per_cluster": "wall clock (time.perf_counter) around the summariser step",
    "median_cpu_seconds_per_cluster": "CPU time of this process (time.process_time) around "
    "the same step",
    "goal": "0.25 s median per DUC 2004 cluster, judged on CPU time: the step is one thread "
    "with no I/O (parses are loaded before it), so on an idle machine its wall time equals "
    "its CPU time, while on a shared one the wall time adds the waits for a core",
}


def evaluate(
    loaded: LoadedSet,
    summarizer: str | None = None,
    resamples: int = RESAMPLES,
    seed: int = SEED,
    peers: bool = True,
) -> dict[str, Any]:
    """Score ours and every peer on a loaded set; see the module docstring.

    ``peers=False`` scores storydesk alone (the quality gate's quick figure): the same
    summaries and ROUGE as a full run, without the baselines and published systems.
    """
    name, conv = loaded.name, loaded.convention
    summarizer = summarizer or Settings().summarizer
    settings = Settings(words=max(10, conv.words), summarizer=summarizer)
    ours = get_summarizer(summarizer, settings)
    rouge = Rouge(conv)
    sumy = {alg: SumyPeer(alg) for alg in SumyPeer.ALGORITHMS} if peers else {}
    external = _external_peers(name, loaded.path) if peers else {}
    by_source = {a.article.source: a for c in loaded.clusters for a in c.articles}
    scores: dict[str, list[dict[str, float]]] = {}
    seconds: dict[str, list[tuple[float, float]]] = {"storydesk": [], "lexrank": []}
    methods: dict[str, int] = {}
    missing: dict[str, int] = {}
    for c in loaded.clusters:
        reps = reports(c.articles)
        prior = [by_source[d] for d in c.meta.get("prior_document_ids") or [] if d in by_source]
        if prior:
            read = reports(prior)
            (ours_text, method), took = _timed(
                summarize_update, summarizer, reps, read, conv.words, settings
            )
        else:
            chosen, took = _timed(ours, reps, conv.words)
            ours_text, method = texts_of(reps, chosen), "summarizer"
        methods[method] = methods.get(method, 0) + 1
        seconds["storydesk"].append(took)
        summaries = {"storydesk": ours_text}
        if peers:
            lexrank, took = _timed(sumy["lexrank"], reps, conv.words)
            seconds["lexrank"].append(took)
            summaries |= {
                "lead": lead(c.articles, conv.words),
                "lead_first": lead_first(c.articles, conv.words),
                "lexrank": lexrank,
                "textrank": sumy["textrank"](reps, conv.words),
                "oracle": greedy_oracle(reps, c.references, rouge),
            }
        for system, sentences in summaries.items():
            scores.setdefault(system, []).append(
                rouge.score_cluster(" ".join(sentences), c.references)
            )
        for system, texts in external.items():
            if c.id in texts:
                scores.setdefault(system, []).append(rouge.score_cluster(texts[c.id], c.references))
            else:
                missing[system] = missing.get(system, 0) + 1
    if not loaded.clusters:
        raise ConfigError(f"no cluster of {name} could be scored")
    n = len(loaded.clusters)
    systems = {
        s: {t: i.as_dict() for t, i in aggregate(v, resamples=resamples, seed=seed).items()}
        for s, v in scores.items()
        if len(v) == n  # a published system missing a cluster is not comparable
    }
    result: dict[str, Any] = {
        "set": name,
        "role": set_role(name),
        "path": shown_path(loaded.path),
        "clusters": n,
        "references": sum(len(c.references) for c in loaded.clusters),
        "convention": {
            "words": conv.words,
            "measure": conv.measure,
            "cut_references": conv.cut_references,
        },
        "summarizer": summarizer,
        "ours_made_by": methods,
        "systems": systems,
        "rouge2": {s: m["rouge2"]["mean"] for s, m in systems.items()},
        "speed": {k: _speed(v) for k, v in seconds.items() if v},
        "rejected": [{"source": r.source, "error": r.error} for r in loaded.rejected],
        "rejected_documents": sum(len(c.rejected) for c in loaded.clusters),
    }
    if missing:
        result["systems_missing_clusters"] = missing
    published = published_rouge2(name, loaded.path)
    if published and loaded.complete:
        result["published_rouge2"] = {
            s: {
                "published": p,
                "ours": systems[s]["rouge2"]["mean"],
                "difference": round(systems[s]["rouge2"]["mean"] - p, 2),
            }
            for s, p in sorted(published.items())
            if s in systems
        }
    participants = {s: v for s, v in systems.items() if _participant(name, s)}
    if participants:
        best = max(participants, key=lambda s: participants[s]["rouge2"]["mean"])
        result["best_official"] = {
            "system": best,
            "rouge2": participants[best]["rouge2"],
            "published_rouge2": published.get(best) if loaded.complete else None,
        }
    return result


def _speed(timings: list[tuple[float, float]]) -> dict[str, float]:
    """Median and mean seconds per cluster, wall clock and CPU (see :data:`SPEED_CLOCKS`)."""
    wall, cpu = [w for w, _ in timings], [c for _, c in timings]
    return {
        "median_seconds_per_cluster": round(statistics.median(wall), 4),
        "mean_seconds_per_cluster": round(statistics.fmean(wall), 4),
        "median_cpu_seconds_per_cluster": round(statistics.median(cpu), 4),
        "mean_cpu_seconds_per_cluster": round(statistics.fmean(cpu), 4),
    }


def _participant(name: str, system: str) -> bool:
    """An official NIST participant, not a baseline (lead, and CLASSY04 in 2007)."""
    if not system.startswith("nist:"):
        return False
    ident = int(system.split(":", 1)[1])
    baselines = {"duc2006": {1}, "duc2007-update": {35, 58}}
    return ident not in baselines.get(name, set())


def run(
    names: Sequence[str],
    summarizer: str | None = None,
    limit: int | None = None,
    cache: Path | None = Path(".cache"),
    command: str = "",
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> dict[str, Any]:
    """Evaluate every named set; the figures `storydesk eval summarize` prints and writes."""
    summarizer = summarizer or Settings().summarizer
    get_summarizer(summarizer)  # an unknown name fails before any parsing
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    sets = {}
    for name in names:
        loaded = load_set(name, limit=limit, cache=cache)
        sets[name] = evaluate(loaded, summarizer, resamples=resamples, seed=seed)
    return {
        "command": command,
        "summarizer": summarizer,
        "limit": limit,
        "bootstrap": {"resamples": resamples, "confidence": 0.95, "seed": seed, "over": "clusters"},
        "rouge": "rouge-score 0.1.2, Porter stemming, summaries cut to the set's word budget; "
        "per cluster the mean over its references, then the mean over clusters, x100",
        "rouge2": {name: s["rouge2"] for name, s in sets.items()},
        # Timings share the machine with whatever else runs: say how busy it was.
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_at_start": load_at_start,
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        },
        "speed_clocks": SPEED_CLOCKS,
        "sets": sets,
        "measured_on": dt.date.today().isoformat(),
    }


__all__ = [
    "DATASETS",
    "DEV_SETS",
    "SPEED_CLOCKS",
    "TEST_SETS",
    "EvalCluster",
    "evaluate",
    "load_set",
    "published_rouge2",
    "run",
    "summarize_update",
    "texts_of",
]
