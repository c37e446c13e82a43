"""Sparse TF-IDF vectors of sentence terms, L2-normalised, for cosine similarity."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse
from sklearn import config_context
from sklearn.feature_extraction.text import TfidfVectorizer


def _identity(terms: Sequence[str]) -> Sequence[str]:
    return terms


def term_vectors(term_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """One L2-normalised TF-IDF row per sentence; a sentence with no terms is a zero row."""
    if not any(term_lists):
        return sparse.csr_matrix((len(term_lists), 1))
    vectorizer = TfidfVectorizer(
        analyzer=_identity, lowercase=False, sublinear_tf=True, norm="l2", dtype=np.float64
    )
    # The parameters above are valid and counts are finite: sklearn's checks of both, made
    # at every call (a third of its time here, three calls a story), change nothing.
    with config_context(skip_parameter_validation=True, assume_finite=True):
        return sparse.csr_matrix(vectorizer.fit_transform(term_lists))


def row_dot(vectors: sparse.csr_matrix) -> Callable[[int, int], float]:
    """The dot product of two rows of ``vectors`` (their cosine, the rows being normalised),
    equal to ``(vectors[j] @ vectors[k].T)[0, 0]`` bit for bit: the same products summed in
    the same order (row ``j``'s stored order), without building three sparse matrices for
    every pair asked about.

    >>> dot = row_dot(term_vectors([["truce", "talks"], ["truce"], ["storm"]]))
    >>> round(dot(0, 1), 3), dot(0, 2)
    (0.605, 0.0)
    """
    bounds = vectors.indptr.tolist()
    indices = vectors.indices.tolist()
    data = vectors.data.tolist()
    rows = [dict(zip(indices[a:b], data[a:b], strict=True)) for a, b in itertools.pairwise(bounds)]

    def dot(j: int, k: int) -> float:
        other = rows[k]
        total = 0.0
        for c, v in rows[j].items():
            w = other.get(c)
            if w is not None:
                total += v * w
        return total

    return dot
