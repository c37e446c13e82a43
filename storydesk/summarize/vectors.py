"""Sparse TF-IDF vectors of sentence terms, L2-normalised, for cosine similarity."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
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
    return sparse.csr_matrix(vectorizer.fit_transform(term_lists))
