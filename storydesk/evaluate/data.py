"""Loaders for the evaluation data in ``../shared/datasets`` (read through STORYDESK_SHARED)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError


def shared_dir() -> Path:
    """The shared data folder: $STORYDESK_SHARED, else ../shared beside the working directory."""
    value = os.environ.get("STORYDESK_SHARED", "../shared")
    path = Path(value).expanduser()
    if not (path / "datasets").is_dir():
        raise ConfigError(
            f"no evaluation data at {path}/datasets: set STORYDESK_SHARED to the shared folder"
        )
    return path


def dataset_path(name: str) -> Path:
    path = shared_dir() / "datasets" / name
    if not path.exists():
        raise ConfigError(f"dataset {name} not found at {path}")
    return path


def shown_path(path: Path, root: Path | None = None) -> str:
    """``path`` as results files name it: under ``../shared`` when it lies in the shared
    folder ``root`` (that of :func:`shared_dir` by default), so a results file names no path
    of the machine it was measured on.

    >>> shown_path(Path("/data/shared/datasets/d/c.jsonl"), root=Path("/data/shared"))
    '../shared/datasets/d/c.jsonl'
    """
    if root is None:
        root = Path(os.environ.get("STORYDESK_SHARED", "../shared")).expanduser()
    try:
        return str(Path("../shared") / path.relative_to(root))
    except ValueError:
        return str(path)


@dataclass(frozen=True, slots=True)
class LabelledDoc:
    """A document with its gold cluster."""

    id: str
    text: str
    title: str | None
    date: str | None
    gold: str
    multi_label: bool = False
    exact_group: str | None = None
    url: str | None = None
    # ECB+ only: the topic (two events of one kind) and the topic split (train/val/test).
    topic: str | None = None
    split: str | None = None


def clustering_collection(collection: str) -> list[LabelledDoc]:
    """One collection of the DUC story-clustering set (duc2004, duc2006, duc2007-main)."""
    out = []
    with (dataset_path("duc-story-clustering") / "articles.jsonl").open() as fh:
        for line in fh:
            row = json.loads(line)
            if row["collection"] != collection:
                continue
            out.append(
                LabelledDoc(
                    id=row["id"],
                    text=row["text"],
                    title=row.get("title"),
                    date=row.get("date"),
                    gold=row["story_id"],
                    multi_label=len(row.get("all_story_ids") or [row["story_id"]]) > 1,
                    exact_group=row.get("exact_text_group"),
                )
            )
    if not out:
        raise ConfigError(f"no documents for collection {collection}")
    return out


def summarization_clusters(name: str) -> Iterator[dict]:
    """Clusters of a summarisation set (``clusters.jsonl``)."""
    with (dataset_path(name) / "clusters.jsonl").open() as fh:
        for line in fh:
            yield json.loads(line)


def multinews_pooled() -> list[LabelledDoc]:
    """Every Multi-News sample document, gold label = its cluster."""
    return [
        LabelledDoc(
            id=d["id"], text=d["text"], title=d.get("title"), date=d.get("date"), gold=c["id"]
        )
        for c in summarization_clusters("multinews-longbench200")
        for d in c["documents"]
    ]


def ecbplus_events() -> list[LabelledDoc]:
    """The 982 ECB+ articles, gold label = the seminal event (86 events in 43 topics)."""
    with (dataset_path("ecbplus-events") / "articles.jsonl").open() as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [
        LabelledDoc(
            id=r["id"],
            text=r["text"],
            title=r.get("title"),
            date=r.get("date"),
            gold=r["story_id"],
            url=r.get("url"),
            topic=r["topic_id"],
            split=r["split"],
        )
        for r in rows
    ]


def multinews_val_pooled(clusters: int | None = None, skip: int = 0) -> list[LabelledDoc]:
    """Multi-News validation articles pooled, gold = cluster; with ``clusters``, only that
    many clusters after the first ``skip`` (in the file's order; the whole split is 5,622
    clusters, 15,367 articles). Empty documents are left out."""
    out = []
    with (dataset_path("multinews-val") / "articles.jsonl").open() as fh:
        order: dict[str, int] = {}
        for line in fh:
            r = json.loads(line)
            n = order.setdefault(r["story_id"], len(order))
            if n < skip or (clusters is not None and n >= skip + clusters):
                continue
            if r["text"].strip():
                out.append(
                    LabelledDoc(
                        id=r["id"], text=r["text"], title=None, date=None, gold=r["story_id"]
                    )
                )
    return out
