"""The evaluation caches are keyed by the code that made them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import storydesk
from storydesk.evaluate.cachekey import code_digest
from storydesk.evaluate.clustering import _FEATURE_MODULES


def test_the_digest_is_of_the_modules_source_in_order():
    root = Path(storydesk.__file__).parent
    want = hashlib.sha1((root / "nlp.py").read_bytes() + (root / "clean.py").read_bytes())
    assert code_digest(["nlp.py", "clean.py"]) == want.hexdigest()
    assert code_digest(["clean.py", "nlp.py"]) != want.hexdigest()


def test_the_clustering_features_key_names_the_feature_code():
    # every module the cached features come from exists, so a change to it changes the key
    root = Path(storydesk.__file__).parent
    assert "features.py" in _FEATURE_MODULES
    assert all((root / name).is_file() for name in _FEATURE_MODULES)
