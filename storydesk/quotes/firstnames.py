"""The usual gender of a first name, for whom a "he" or "she" stands for when the text
itself does not say ("Jane Roe and her deputy, Karl Brenner, ... He said" is Brenner).

The lists are the US Census Bureau's 1990 first names by sex and last names, with each
name's share of the population, as shipped by the ``names`` package (MIT; the data is a
US government work). A name is taken for one sex only when that sex holds at least
:data:`_RATIO` times the other's share ("Jordan", "Dana", "Kim" are neither).

>>> first_name_gender("Jane"), first_name_gender("karl"), first_name_gender("Jordan")
('f', 'm', None)
"""

from __future__ import annotations

import importlib.resources
from functools import lru_cache

# How many times more often one sex bears a name than the other, to call it theirs.
_RATIO = 10.0


def _shares(filename: str) -> dict[str, float]:
    """Name (lower case) -> percent of the population, from one Census list."""
    out: dict[str, float] = {}
    text = (importlib.resources.files("names") / filename).read_text(encoding="ascii")
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    male, female = _shares("dist.male.first"), _shares("dist.female.first")
    out: dict[str, str] = {}
    for name in male.keys() | female.keys():
        # a name listed at 0.000 percent is rare, not absent: count it as a trace
        m = max(male[name], _TRACE) if name in male else 0.0
        f = max(female[name], _TRACE) if name in female else 0.0
        if m >= _RATIO * f:
            out[name] = "m"
        elif f >= _RATIO * m:
            out[name] = "f"
    return out


# A share of the population too small for the list to tell (it prints 0.000 percent).
_TRACE = 0.0005


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(name for name, share in _shares("dist.all.last").items() if share >= _TRACE)


def first_name_gender(word: str) -> str | None:
    """``"m"`` or ``"f"`` for a first name borne mostly by men or by women, else ``None``."""
    return _first_names().get(word.lower())


def is_surname(word: str) -> bool:
    """``word`` is a last name borne by at least a trace of the population ("Scott",
    "Karl"; not "Jane" or "Melanie"): news calls people by their last name alone, so a
    one-word mention is a first name only when it is none."""
    return word.lower() in _surnames()
