"""Stable, readable identifiers for articles and stories."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import PurePath

_UNSAFE = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 48) -> str:
    """A filesystem- and URL-safe slug.

    >>> slug("Floods hit Port Averly: 12 dead")
    'floods-hit-port-averly-12-dead'
    """
    out = _UNSAFE.sub("-", text.lower()).strip("-")
    return out[:limit].rstrip("-") or "item"


def digest(*parts: str, length: int = 8) -> str:
    """A short hex digest of the parts, for ids that do not depend on order of discovery."""
    h = hashlib.sha1()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:length]


def article_id(source: str, id_hint: str | None) -> str:
    """An article's id: the record's own id when it has one, else the file's stem."""
    if id_hint:
        return slug(id_hint, limit=64)
    name = source.rsplit(":", 1)[0] if re.search(r":\d+$", source) else source
    stem = PurePath(name).name.split(".")[0] if name not in {"", "-", "<stdin>"} else "stdin"
    return slug(stem, limit=64)


def unique_ids(pairs: Iterable[tuple[str, str]], taken: set[str] | None = None) -> list[str]:
    """Make ``(id, source)`` pairs unique, also against ``taken``: a repeated id gets a
    digest of its source."""
    out: list[str] = []
    taken = set(taken or ())
    for wanted, source in pairs:
        candidate = wanted
        n = 0
        while candidate in taken:
            n += 1
            candidate = f"{wanted}-{digest(source, str(n), length=6)}"
        taken.add(candidate)
        out.append(candidate)
    return out


def story_id(title: str, article_ids: Iterable[str]) -> str:
    """A story id: a slug of its title and a digest of its (sorted) member articles."""
    return f"{slug(title, limit=40)}-{digest(*sorted(article_ids), length=6)}"
