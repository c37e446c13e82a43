"""Cache keys of the evaluation harness: a parse cached on disk is good only for the code
that made it, so the key holds a digest of that code as well as the inputs."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def code_digest(modules: Sequence[str]) -> str:
    """SHA-1 of the named package modules' source (paths relative to ``storydesk/``)."""
    h = hashlib.sha1()
    for name in modules:
        h.update((_PACKAGE / name).read_bytes())
    return h.hexdigest()
