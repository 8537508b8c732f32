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
from dataclasses import dataclass
from functools import cache

from .data import read_data

__all__ = ["Profile", "bigrams", "content_chars", "profile_of"]

_CONTENT = 2
_GRAMMAR = 1


def _kind(ch: str) -> int:
    if "\u4e00" <= ch <= "\u9fff" or ch in "々〆ヶ" or "\u30a1" <= ch <= "\u30ff":
        return _CONTENT
    if "\u3041" <= ch <= "\u309f":
        return _GRAMMAR
    if ch.isascii() and ch.isalpha():
        return _CONTENT
    return 0


def content_chars(text: str) -> int:
    """How many characters of ``text`` carry meaning (kanji, katakana, Latin letters)."""
    return sum(1 for c in text if _kind(c) == _CONTENT)


# NOTE: a pair of one content character and one hiragana (育て, 取り) still says something; a
# pair of two hiragana (して, いる) almost never does.
_PAIR_WEIGHT = {(2, 2): 1.0, (2, 1): 0.35, (1, 2): 0.35, (1, 1): 0.1}


@cache
def _weak() -> dict[str, float]:
    table: dict[str, float] = {}
    for raw in read_data("weak_bigrams.tsv").splitlines():
        if raw.strip() and not raw.startswith("#"):
            pair, weight = raw.split("\t")
            table[pair] = float(weight)
    return table


def bigrams(text: str, *, names: bool = False) -> dict[str, float]:
    """The weighted character pairs of a normalised text. ``names``: the text is a name
    (まもろうよこころ, a rule's label word), whose hiragana carry meaning too."""
    weak = _weak()
    out: dict[str, float] = {}
    kinds = [_kind(c) for c in text]
    for i in range(len(text) - 1):
        ka, kb = kinds[i], kinds[i + 1]
        if not ka or not kb:
            continue
        pair = text[i : i + 2]
        weight = (1.0 if names else _PAIR_WEIGHT[ka, kb]) * weak.get(pair, 1.0)
        if weight > out.get(pair, 0.0):
            out[pair] = weight
    return out


@dataclass(frozen=True)
class Profile:
    """What an indicator measures, as weighted bigrams."""

    weights: dict[str, float]
    total: float

    def coverage(self, grams: Collection[str]) -> float:
        """The share of the profile's weight found in ``grams`` (0 to 1)."""
        if not self.total or not grams:
            return 0.0
        return sum(w for g, w in self.weights.items() if g in grams) / self.total

    def found(self, grams: Collection[str]) -> list[str]:
        """The profile's pairs present in ``grams``, heaviest first (for explanations)."""
        return sorted((g for g in self.weights if g in grams), key=lambda g: -self.weights[g])


_QUOTED = re.compile(r"「([^」]+)」")


def profile_of(*parts: tuple[str, float], names: tuple[str, ...] = ()) -> Profile:
    """A profile from (normalised text, weight) parts and ``names`` (words of full weight,
    hiragana included); a pair keeps its heaviest weight. A 「quoted」 word is a name."""
    weights: dict[str, float] = {}
    named = [(n, 1.0) for n in names]
    named += [(m.group(1), factor) for text, factor in parts for m in _QUOTED.finditer(text)]
    for text, factor in named:
        for pair, w in bigrams(text, names=True).items():
            weights[pair] = max(weights.get(pair, 0.0), w * factor)
    for text, factor in parts:
        for pair, w in bigrams(text).items():
            weights[pair] = max(weights.get(pair, 0.0), w * factor)
    weights = {p: w for p, w in weights.items() if w > 0}
    return Profile(weights, sum(weights.values()))
