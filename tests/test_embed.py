from __future__ import annotations

import logging

import numpy as np
import pytest

from storydesk import embed as embed_mod
from storydesk.embed import EMBED_CHARS, embed, embedder, quantize


def fake(texts):
    """A stand-in model: the vector counts a few letters (no download, no package)."""
    return np.array([[t.count(c) + 0.5 for c in "aeiou"] for t in texts], dtype=np.float32)


def test_quantize_scales_the_largest_component_to_127_and_keeps_direction():
    v = np.array([[0.02, -0.08, 0.04], [0.0, 0.0, 0.0]])
    q = quantize(v)
    assert q[0] == (32, -127, 64)
    assert q[1] == ()
    a, b = np.asarray(q[0], float), v[0]
    assert np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)) > 0.999


def test_embed_reads_the_lead_only_and_skips_empty_texts():
    long = "a" * EMBED_CHARS + "e" * 1000
    out = embed([long, "   ", "eee"], model=fake)
    assert out[1] == ()
    assert out[0][1] == out[0][2]  # the e's past EMBED_CHARS are not read
    assert all(-127 <= v <= 127 for v in out[2])


def test_no_model_gives_no_embeddings(monkeypatch):
    monkeypatch.setattr(embed_mod, "embedder", lambda: None)
    assert embed(["The council met on Tuesday."]) == [()]


wordllama = pytest.importorskip("wordllama")


def test_installed_model_is_deterministic_and_tells_topics_apart():
    model = embedder()
    assert model is not None
    quake = "A strong earthquake shook the coastal town of Verlo overnight, toppling houses."
    tremor = "Houses collapsed in Verlo after a powerful overnight earthquake hit the coast."
    vote = "The parliament of Ostria passed the budget bill after a long night of voting."
    a, b, c = (np.asarray(v, float) for v in embed([quake, tremor, vote]))
    assert embed([quake])[0] == tuple(int(x) for x in a)

    def cos(x, y):
        return float(x @ y / (np.linalg.norm(x) * np.linalg.norm(y)))

    assert len(a) == 256
    assert cos(a, b) > cos(a, c)


def test_loading_the_model_leaves_logging_alone():
    """wordllama's import calls logging.basicConfig(level=INFO): only the CLI may configure
    logging, so loading the model must leave the root logger as it was (here: bare, as in a
    library user's process, where basicConfig would act)."""
    import sys

    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    root.handlers.clear()
    root.setLevel(logging.WARNING)
    embedder.cache_clear()
    for name in [m for m in sys.modules if m == "wordllama" or m.startswith("wordllama.")]:
        del sys.modules[name]
    try:
        assert embedder() is not None
        assert (root.handlers, root.level) == ([], logging.WARNING)
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        embedder.cache_clear()
