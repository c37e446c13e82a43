"""The entities of a story, merged across its articles (:func:`merge_entities`), and their
JSON."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from typing import Any

from wordfreq import zipf_frequency

from ..model import Citation, Entity, Mention
from .evidence import COMMON_ZIPF, is_first_name
from .names import (
    _core,
    _group_full_names,
    _norm,
    _short_fits,
    _short_variant,
    _skeleton,
    _words,
)
from .roles import _same_role, role_matches
from .vocabulary import _OFFICE_PARTS, _ORG_HEADS


def merge_entities(per_article_mentions: Mapping[str, Sequence[Mention]]) -> list[Entity]:
    """The entities of a story from its articles' mentions (article id -> mentions, in
    article order).

    * People: full names of one person merge (:func:`_same_person`). A shorter name
      ("Kerry", "Mr Kerry") joins the full name it fits in its own article when only one fits
      there, else the one full name of the story it fits; when two fit ("Smith" beside John
      and Mary Smith) it is an entity of its own. A one-word ORG that is a surname of the
      story is that person, and so is an ORG that is a full person name of the story ("Nadia
      Fenn" the recogniser took for an organisation in one article). A nominal reference
      joins the person it refers to. Across
      articles, transliterations of one name merge ("Yusuf al-Masri" / "Yusuf el-Masry",
      "Hassan Kassem" / "Qassem": :func:`~storydesk.entities.names._variant`) and stay
      its ``aliases``; two first names that differ never do.
    * Organisations and places merge on their normalised name ("U.N." = "UN"), on
      :data:`KNOWN_ACRONYMS` ("UN" = "United Nations"), on acronyms the text introduces
      ("Israel Defense Forces (IDF)") and on a short form that ends one longer name only
      ("the Falcons" = "the Atlanta Falcons"); the type is the most frequent one.

    Entities come most-mentioned first, then by first mention; ``id`` is "e-" and the slug
    of the name, numbered when two names share a slug.
    """
    occ = [(aid, m) for aid, ms in per_article_mentions.items() for m in ms]
    full = list(
        dict.fromkeys(
            (aid, m.text)
            for aid, m in occ
            if m.type == "person" and not m.nominal and len(_words(m.text)) > 1
        )
    )
    occ = _named_people(occ, {_norm(n) for _, n in full})
    full += _surnamed_organisations(occ, full)
    person_of = _group_full_names(full)
    pairs = {_norm(m.text): _norm(m.same_as) for _, m in occ if m.same_as and not m.nominal}
    pairs.update(_short_forms([m.text for _, m in occ if m.type == "organization"], pairs))
    surnames = {_words(n)[-1] for _, n in full}
    full_names = {_norm(n) for _, n in full}
    # A one-word name the story mostly uses for a place is that place, also where the
    # tagger took it for a person ("visited Millbank" beside "in Millbank").
    places = Counter(_norm(m.text) for _, m in occ if m.type == "place")
    persons = Counter(_norm(m.text) for _, m in occ if m.type == "person")
    variants: dict[tuple[str, str], bool] = {}
    # full names by the consonants of their surname: two spellings of one surname share
    # them (names._variant), so only those are compared
    by_skeleton: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a, n in full:
        by_skeleton[_skeleton(_core(_words(n))[-1])].append((a, n))

    def spelled(aid: str, name: str) -> bool:
        """A one-word organisation that is a surname of the story in another spelling
        ("Gadaffi" beside "Omar Gadhafi"): that person, as :func:`_short_variant` says."""
        if (aid, name) not in variants:
            core = _core(_words(name))
            near = by_skeleton.get(_skeleton(core[-1]), []) if len(core) == 1 else []
            variants[(aid, name)] = any(_short_variant(name, n, a == aid) for a, n in near)
        return variants[(aid, name)]

    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    person_keys: dict[tuple[str, str], str] = {}
    # per full-name person: where each article first names them
    introduced: dict[tuple[str, str], int] = {}
    for aid, m in occ:
        if (aid, m.text) in person_of:
            introduced.setdefault((aid, person_of[(aid, m.text)]), m.start)
    pending: list[int] = []
    for k, (aid, m) in enumerate(occ):
        words = _words(m.text)
        key = _norm(m.text)
        if (
            m.type == "person"
            and len(words) == 1
            and not m.role
            and not m.nominal
            and places[key] > persons[key]
            and key not in surnames
        ):
            groups[("thing", pairs.get(key, key))].append(k)
        elif (
            m.type == "person"
            or (m.label == "ORG" and len(words) == 1 and words[0] in surnames)
            or (m.type == "organization" and len(words) > 1 and key in full_names)
            or (m.label == "ORG" and len(words) == 1 and spelled(aid, m.text))
        ):
            name = m.same_as if m.nominal and m.same_as else m.text
            if (aid, name) not in person_keys:  # a name recurs: look its person up once
                person_keys[(aid, name)] = _person_key(aid, name, full, person_of)
            key = person_keys[(aid, name)]
            if key.startswith("?") and not m.nominal:
                pending.append(k)  # a surname of several: decided once all roles are known
            else:
                groups[("person", key)].append(k)
        else:
            groups[("thing", pairs.get(_norm(m.text), _norm(m.text)))].append(k)
    # the roles each person is given under any of their names ("former Vice President
    # Kessler" where the article names no other Kessler)
    roles_of: dict[str, list[str]] = defaultdict(list)
    for (kind, key), ks in groups.items():
        if kind == "person":
            roles_of[key].extend(occ[k][1].role or "" for k in ks if occ[k][1].role)
    for k in pending:
        aid, m = occ[k]
        decided = _one_of(aid, m, full, person_of, introduced, roles_of)
        groups[("person", decided or person_keys[(aid, m.text)])].append(k)
    drafts: list[tuple[int, int, Entity]] = []
    for (kind, _), ks in groups.items():
        ks.sort()
        ms = [occ[k][1] for k in ks]
        names = [m.text for m in ms if not m.nominal]
        if not names:
            continue
        count = Counter(names)
        name = max(count, key=lambda s: (len(s.split()), count[s], -names.index(s)))
        types = Counter("person" if kind == "person" else m.type for m in ms if not m.nominal)
        roles: list[str] = []
        for m in ms:
            if m.role and not any(_same_role(m.role, r) for r in roles):
                roles.append(m.role)
        entity = Entity(
            "",
            name,
            types.most_common(1)[0][0],
            tuple(roles),
            tuple(n for n in dict.fromkeys(names) if n != name),
            tuple(Citation(occ[k][0], occ[k][1].start, occ[k][1].end) for k in ks),
            tuple(dict.fromkeys(m.text for m in ms if m.nominal)),
        )
        drafts.append((-len(ks), ks[0], entity))
    out, taken = [], Counter[str]()
    for _, _, entity in sorted(drafts, key=lambda d: d[:2]):
        slug = "e-" + (_slug(entity.name) or "entity")
        taken[slug] += 1
        out.append(replace(entity, id=slug if taken[slug] == 1 else f"{slug}-{taken[slug]}"))
    return out


def _person_key(aid: str, name: str, full: list[tuple[str, str]], person_of: dict) -> str:
    if (aid, name) in person_of:
        return person_of[(aid, name)]
    same = {person_of[(a, n)] for a, n in full if _norm(n) == _norm(name)}
    if len(same) == 1:  # a full name another article gives as a person
        return same.pop()
    here = {person_of[(a, n)] for a, n in full if a == aid and _short_fits(name, n)}
    if not here:
        here = {person_of[(a, n)] for a, n in full if _short_fits(name, n)}
    if not here:  # "Qassem" where the story spells the full name "Naim Kassem"
        here = {person_of[(a, n)] for a, n in full if _short_variant(name, n, a == aid)}
    return here.pop() if len(here) == 1 else "?" + _norm(name)  # none or two fit: apart


def _named_people(
    occ: list[tuple[str, Mention]], full_names: set[str]
) -> list[tuple[str, Mention]]:
    """The mentions with an organisation of at most four words whose last two or three are a
    full person name of the story made that person's name: a place the recogniser ran in
    ("envoy to Moldavia Tobias Renner" taken for one organisation, beside "Tobias Renner"
    elsewhere)."""
    out = []
    for aid, m in occ:
        words = m.text.split()
        if m.type == "organization" and 3 <= len(words) <= 4 and not m.nominal:
            for k in range(1, len(words) - 1):
                tail = " ".join(words[k:])
                if _norm(tail) in full_names and m.text.endswith(tail):
                    at = m.end - len(tail)
                    span = replace(m.span, start=at)
                    m = replace(m, span=span, text=tail, type="person", label="PERSON")
                    break
        out.append((aid, m))
    return out


def _surnamed_organisations(
    occ: Sequence[tuple[str, Mention]], full: Sequence[tuple[str, str]]
) -> list[tuple[str, str]]:
    """(article id, name) of the organisations that are a person's full name: two or three
    capitalised words opening with a first name or a word that is no common English word,
    ending with a surname the story uses alone for a person and no full person name of the
    story ends with ("Carl-Otto Brenn" the recogniser called an organisation, beside "Brenn
    said"; not a lander called "Blue Moon" beside a "Moon" taken for a person)."""
    ends = {_words(n)[-1] for _, n in full}
    alone = {
        m.text for _, m in occ if m.type == "person" and not m.nominal and len(_words(m.text)) == 1
    } - {w for w in ends}
    alone = {a for a in alone if _words(a)[0] not in ends}
    return list(
        dict.fromkeys(
            (aid, m.text)
            for aid, m in occ
            if m.type == "organization"
            and 2 <= len(m.text.split()) <= 3
            and m.text.split()[-1] in alone
            and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in m.text.split())
            and _first_word(m.text.split()[0])
        )
    )


def _first_word(word: str) -> bool:
    """A word that may open a person's name: a first name ("Carl" of "Carl-Otto"), or no
    common English word ("Blue" of a lander called "Blue Moon" is one)."""
    first = word.split("-")[0]
    return is_first_name(first) or zipf_frequency(first.lower(), "en") < COMMON_ZIPF


def _one_of(
    aid: str,
    m: Mention,
    full: list[tuple[str, str]],
    person_of: dict[tuple[str, str], str],
    introduced: Mapping[tuple[str, str], int],
    roles_of: Mapping[str, list[str]],
) -> str | None:
    """The person a surname shared by several full names of the story stands for, where the
    text tells: the one whose role it is written with ("Vice President Kessler" beside
    "Vice President Anna Kessler" and her son "Timo Kessler"), else, in its own article, the
    only one of them named before it (the surname stands for who was introduced). ``None``
    when nothing tells them apart."""
    fits = {person_of[(a, n)] for a, n in full if a == aid and _short_fits(m.text, n)}
    if not fits:
        fits = {person_of[(a, n)] for a, n in full if _short_fits(m.text, n)}
    if len(fits) < 2:
        return None
    if m.role:
        by_role = {f for f in fits if any(role_matches(m.role, r) for r in roles_of.get(f, ()))}
        if len(by_role) == 1:
            return by_role.pop()
    before = {f for f in fits if introduced.get((aid, f), m.start) < m.start}
    return before.pop() if len(before) == 1 else None


def _short_forms(names: Sequence[str], known: Mapping[str, str]) -> dict[str, str]:
    """An organisation's short form -> its full name, when the short form is the last words
    of exactly one longer name of the story ("Falcons" of "Atlanta Falcons"; not "Post"
    beside "Washington Post" and "Jerusalem Post", nor a bare "Ministry", nor an acronym:
    "BP" beside a campaign called "Seize BP")."""
    forms = {_norm(n): _words(n) for n in names if _words(n)}
    # an acronym is a name of its own ("BP" beside a campaign called "Seize BP")
    acronyms = {_norm(n) for n in names if " " not in n and n.replace(".", "").isupper()}
    out: dict[str, str] = {}
    for short, words in forms.items():
        if short in known or (len(words) == 1 and words[0] in _ORG_HEADS | _OFFICE_PARTS):
            continue
        if short in acronyms:
            continue
        longer = {
            long
            for long, lw in forms.items()
            if len(lw) > len(words) and lw[-len(words) :] == words
        }
        if len(longer) == 1:
            out[short] = known.get(next(iter(longer)), next(iter(longer)))
    return out


def _slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def entities_json(entities: Sequence[Entity]) -> list[dict[str, Any]]:
    """The ``entities`` of ``briefing.json``: id, name, type, roles, aliases, descriptions and
    mentions (``article_id``, ``start``, ``end``)."""
    return [{k: _plain(getattr(e, k)) for k in _ENTITY_FIELDS} for e in entities]


_ENTITY_FIELDS = tuple(f.name for f in fields(Entity))
_SPAN_FIELDS = tuple(f.name for f in fields(Citation))


def _plain(value: Any) -> Any:
    """A field of an :class:`Entity` as :func:`dataclasses.asdict` gives it, a tuple as a
    list (``asdict`` deep-copies every string and number on the way: slow on big stories)."""
    if isinstance(value, tuple):
        return [
            {k: getattr(v, k) for k in _SPAN_FIELDS} if isinstance(v, Citation) else v
            for v in value
        ]
    return value
