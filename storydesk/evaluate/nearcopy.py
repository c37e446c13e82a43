"""A generator of near-copies: what syndication and light rewriting do to a report.

Deterministic for a given seed. Each copy gets boilerplate lines added, a new headline, its
paragraphs reordered (a single-paragraph text is first cut into paragraphs of three
sentences) and a share of its words edited (replaced, dropped or duplicated).
"""

from __future__ import annotations

import random
import re

BOILERPLATE = [
    "By continuing to browse the site you agree to our use of cookies.",
    "Share this article",
    "Subscribe to our newsletter for the latest updates.",
    "Advertisement",
    "Image caption Residents look on from the roadside",
]
FILLER = ["reportedly", "also", "officials", "new", "local", "early", "later", "major", "said"]
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def paragraphs_of(text: str) -> list[str]:
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paras) > 1:
        return paras
    sents = _SENT.split(text.strip())
    return [" ".join(sents[i : i + 3]) for i in range(0, len(sents), 3)] or [text]


def near_copy(text: str, title: str | None, seed: int, edit_rate: float = 0.10) -> tuple[str, str]:
    """A near-copy of an article: (new title, new text)."""
    rng = random.Random(seed)
    paras = paragraphs_of(text)
    if len(paras) > 1:
        # move a couple of paragraphs, as sub-editors do; keep the lead in place
        body = paras[1:]
        rng.shuffle(body)
        paras = [paras[0], *body]
    edited = []
    for p in paras:
        words = p.split()
        out: list[str] = []
        for w in words:
            r = rng.random()
            if r < edit_rate / 3:
                out.append(rng.choice(FILLER))  # replaced
            elif r < 2 * edit_rate / 3:
                continue  # dropped
            elif r < edit_rate:
                out.extend([w, rng.choice(FILLER)])  # word inserted
            else:
                out.append(w)
        edited.append(" ".join(out))
    extra = rng.sample(BOILERPLATE, 2)
    new_text = "\n\n".join([extra[0], *edited, extra[1]])
    new_title = f"UPDATE: {title}" if title else f"Report {seed}"
    return new_title, new_text
