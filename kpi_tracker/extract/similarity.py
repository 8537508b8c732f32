"""How close the words around a number are to what an indicator measures.

Character bigrams, not words: Japanese writes no spaces, and bigrams survive the particles and
paraphrases that exact phrases do not (地域との連携 and 地域と連携 share 地域 and 連携;
相談件数 and 相談の受付件数 share 相談 and 件数). A bigram's weight follows the characters it
holds: kanji, katakana and Latin letters carry the meaning, hiragana mostly grammar (particles,
endings), digits and punctuation nothing. Pairs that every status text uses (令和, 年度, 実施)
keep the small weight ``data/weak_bigrams.tsv`` gives them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from operator import itemgetter

from ..data import read_rows

__all__ = ["Profile", "bigrams", "content_chars", "profile_from", "profile_of", "weighted_pairs"]

_CONTENT = "\x02"
_GRAMMAR = "\x01"


@cache
def _kind_table() -> dict[int, str]:
    """Each meaningful character to its kind, for ``str.translate`` (anything else keeps
    itself and counts as neither)."""
    table = {c: _CONTENT for c in range(0x4E00, 0xA000)}  # kanji
    table.update({c: _CONTENT for c in range(0x30A1, 0x3100)})  # katakana
    table.update({ord(c): _CONTENT for c in "々〆ヶ"})
    table.update({c: _CONTENT for c in range(ord("A"), ord("Z") + 1)})
    table.update({c: _CONTENT for c in range(ord("a"), ord("z") + 1)})
    table.update({c: _GRAMMAR for c in range(0x3041, 0x30A0)})  # hiragana
    return table


def _kinds(text: str) -> str:
    return text.translate(_kind_table())


@lru_cache(maxsize=4096)
def content_chars(text: str) -> int:
    """How many characters of ``text`` carry meaning (kanji, katakana, Latin letters)."""
    return _kinds(text).count(_CONTENT)


# NOTE: a pair of one content character and one hiragana (育て, 取り) still says something; a
# pair of two hiragana (して, いる) almost never does.
_PAIR_WEIGHT = {
    (_CONTENT, _CONTENT): 1.0,
    (_CONTENT, _GRAMMAR): 0.35,
    (_GRAMMAR, _CONTENT): 0.35,
    (_GRAMMAR, _GRAMMAR): 0.1,
}


@cache
def _weak() -> dict[str, float]:
    return {pair: float(weight) for pair, weight in read_rows("weak_bigrams.tsv")}


# NOTE: cached because every indicator of a measure compares itself with the same sentences
# and the same words around the same figures; callers never change the dict they get.
@lru_cache(maxsize=8192)
def bigrams(text: str, *, names: bool = False) -> dict[str, float]:
    """The weighted character pairs of a normalised text. ``names``: the text is a name
    (a site called 「つながろうね」, a rule's label word), whose hiragana carry meaning too."""
    weak = _weak()
    out: dict[str, float] = {}
    kinds = _kinds(text)
    for i, (ka, kb) in enumerate(pairwise(kinds)):
        weight = _PAIR_WEIGHT.get((ka, kb))
        if weight is None:
            continue
        pair = text[i : i + 2]
        weight = (1.0 if names else weight) * weak.get(pair, 1.0)
        if weight > out.get(pair, 0.0):
            out[pair] = weight
    return out


@lru_cache(maxsize=4096)
def _pairs(text: str) -> frozenset[str]:
    """Every two adjacent characters of a text (each sentence is compared with every
    indicator of its measure: its pairs are made once)."""
    return frozenset(map(str.__add__, text, text[1:]))


@dataclass(frozen=True)
class Profile:
    """What an indicator measures, as weighted bigrams."""

    weights: dict[str, float]
    total: float
    keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", frozenset(self.weights))

    def coverage(self, text: str | Collection[str]) -> float:
        """The share of the profile's weight found in a text (or in a set of pairs), 0 to 1."""
        if not self.total or not text:
            return 0.0
        return self.share(self.common(text))

    def found(self, text: str | Collection[str]) -> list[str]:
        """The profile's pairs present in a text, heaviest first (for explanations)."""
        return self.ranked(self.common(text))

    def common(self, text: str | Collection[str]) -> frozenset[str]:
        """The profile's pairs present in a text: what ``share`` and ``ranked`` take, for a
        caller that wants both."""
        return self.keys.intersection(_as_pairs(text))

    def share(self, common: frozenset[str]) -> float:
        """The share of the profile's weight that ``common`` (from ``common``) holds."""
        if not self.total or not common:
            return 0.0
        return sum(map(self.weights.__getitem__, common)) / self.total

    def ranked(self, common: frozenset[str]) -> list[str]:
        """``common`` (from ``common``) heaviest first."""
        # ties by the pair itself: a set's order changes with the hash seed from run to run
        weights = self.weights
        return sorted(common, key=lambda pair: (-weights[pair], pair))


def _as_pairs(text: str | Collection[str]) -> Collection[str]:
    return _pairs(text) if isinstance(text, str) else text


_QUOTED = re.compile(r"「([^」]+)」")


def profile_of(*parts: tuple[str, float], names: tuple[str, ...] = ()) -> Profile:
    """A profile from (normalised text, weight) parts and ``names`` (words of full weight,
    hiragana included); a pair keeps its heaviest weight. A 「quoted」 word is a name."""
    return profile_from(weighted_pairs(*parts, names=names))


def weighted_pairs(
    *parts: tuple[str, float], names: tuple[str, ...] = ()
) -> list[tuple[str, float]]:
    """The weighted pairs of ``profile_of``'s parts, a pair as often as a part holds it: what
    ``profile_from`` makes a profile of (lists of pairs join by ``+``)."""
    named = [(n, 1.0) for n in names]
    named += [
        (m.group(1), factor)
        for text, factor in parts
        if "「" in text
        for m in _QUOTED.finditer(text)
    ]
    items: list[tuple[str, float]] = []
    for text, factor in named:
        items += _scaled(text, factor, True)
    for text, factor in parts:
        items += _scaled(text, factor, False)
    return items


def profile_from(items: list[tuple[str, float]]) -> Profile:
    """The profile of weighted pairs (``weighted_pairs``): each pair at its heaviest weight."""
    # NOTE: sorted lightest first, a dict built from the pairs keeps each pair's heaviest
    # weight (the last one written): the max-merge in C, not a Python loop per pair.
    items = sorted(items, key=itemgetter(1))
    weights = dict(items)
    if items and items[0][1] <= 0:
        weights = {p: w for p, w in weights.items() if w > 0}
    return Profile(weights, sum(weights.values()))


@lru_cache(maxsize=4096)
def _scaled(text: str, factor: float, names: bool) -> tuple[tuple[str, float], ...]:
    """The pairs of ``text`` (``bigrams``) with their weights times ``factor``."""
    pairs = bigrams(text, names=names)
    if factor == 1.0:
        return tuple(pairs.items())
    return tuple((pair, w * factor) for pair, w in pairs.items())
