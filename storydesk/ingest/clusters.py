"""Stories given already grouped: JSON Lines with one cluster of documents per line.

The format of the evaluation datasets::

    {"id": "d30001t", "documents": [{"id", "title", "date", "text"}, ...], ...}

Each cluster is one story. This module reads them; :func:`storydesk.pipeline.summarize_file`
cleans, parses and briefs each as any ingested story.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import RawDocument, Rejected
from .dates import parse_date
from .decode import decode_bytes


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
