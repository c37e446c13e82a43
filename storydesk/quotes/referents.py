"""Who a "he" or "she" stands for, when the article named the person in an earlier
sentence: so a summary sentence taken on its own ("On Monday, she ordered ...") can tell
its reader who is meant, the way quotes are given to their speakers (the same resolution,
:meth:`storydesk.quotes.people._People.antecedent`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..doctext import sentence_start
from ..model import Referent
from .people import _People

_GENDER = {"he": "m", "she": "f"}


def _referents(doc: Doc, people: _People) -> tuple[Referent, ...]:
    """Each "he"/"she" subject outside quotes whose person is named in an earlier sentence."""
    out = []
    for tok in people.subject_pronouns:
        if tok.i in people.quoted or tok.i in people.offstage:
            continue  # in a quote "he" is the speaker's word, not the writer's
        found = people.antecedent(tok.i, _GENDER[tok.lower_])
        if found is None:
            continue
        mention, pid = found
        person = people.persons[pid]
        named = {person.first, person.last}
        if mention >= sentence_start(doc, tok.i) or any(t.lower_ in named for t in tok.sent):
            continue  # named in the same sentence: the sentence says who is meant
        span = people.cite(tok.idx, tok.idx + len(tok.text))
        out.append(Referent(span, people.name(pid), doc[mention].idx))
    return tuple(out)
