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
