"""What a number measures: the features that score a candidate value for an indicator.

A candidate is a quantity in the measure's cell whose unit fits the indicator. Its score adds:

- ``near``: how much of what the indicator measures the words just before it (and a bracket
  just after it) name — the strongest sign, since Japanese puts the name before the number
  (相談件数は2,140件, 都道府県においては85%);
- ``sentence``: the same for its sentence, and ``context`` for the lead-in of its bullet list
  and the sentence before (the name may stand there: その数は約3万2千人);
- ``hints``: the rule's ``find.label`` words near it or in its sentence, ``find.topic`` words
  in its sentence or lead-in — raising the score, never a gate;
- ``entity``: the kind of body the number counts or is a share of (都道府県, 市区町村), read
  from its own unit or the count beside it (40都道府県(約85%)), against the one the label
  names: a share of 市区町村 is not a share of 都道府県;
- ``role``: a sub-total (うち…) counts less.

What the indicator measures is its label, its ``find`` hints and the clause of the measure's
own target cell that stands before the target value (相談員の配置を500人程度とする).
Each comparison is a bigram coverage (``similarity.py``), so particles and paraphrases weigh
little. The weights are set on the documents in ``tests/fixtures`` and noted below.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from ..data import read_rows
from ..model import Indicator
from ..text.lexicon import alternation, item_marks, words
from ..text.normalize import normalize
from ..text.numbers import Quantity, find_quantities
from ..text.spans import keyed_items
from ..text.units import factor, unit_alternation, unit_words
from .similarity import Profile, bigrams, content_chars, profile_from, weighted_pairs

__all__ = [
    "IndicatorProfile",
    "Scored",
    "SentenceScope",
    "alternatives",
    "counted_in",
    "declared_unit",
    "indicator_profile",
    "role_only_head",
    "score_candidate",
    "shares_in",
    "wholes_in",
    "with_unit_before",
]

# The features a candidate is scored by, in order; their weights are data (data/weights.tsv),
# fitted from the labelled documents by scripts/fit_weights.py, not tuned by hand.
FEATURES = (
    "near",
    "sentence",
    "context",
    "attach",
    "hint_near",
    "hint_sentence",
    "topic_missing",
    "entity_match",
    "entity_mismatch",
    "part",
    "subtotal",
    "role_match",
    "role_mismatch",
    "own_target",
)
_ROLE_MATCH = FEATURES.index("role_match")
_ROLE_MISMATCH = FEATURES.index("role_mismatch")


def _weights() -> dict[str, float]:
    rows = {name: float(value) for name, value, *_ in read_rows("weights.tsv")}
    missing = [f for f in FEATURES if f not in rows]
    if missing:  # a broken package, not bad input
        raise RuntimeError(f"data/weights.tsv lacks {', '.join(missing)}")
    return rows


WEIGHTS = _weights()
W_NEAR = WEIGHTS["near"]
W_SENTENCE = WEIGHTS["sentence"]
W_CONTEXT = WEIGHTS["context"]
W_ATTACH = WEIGHTS["attach"]
W_HINT_NEAR = WEIGHTS["hint_near"]
W_HINT_SENTENCE = WEIGHTS["hint_sentence"]
ENTITY_MATCH = WEIGHTS["entity_match"]
ENTITY_MISMATCH = WEIGHTS["entity_mismatch"]
TOPIC_MISSING = WEIGHTS["topic_missing"]
SUBTOTAL = WEIGHTS["subtotal"]
# A figure of a sentence that opens with このうち/うち/内訳: a part of the figure before, whose
# words it shares (so it would otherwise score like it).
PART = WEIGHTS["part"]
# A sentence is about the indicator when it holds this much of its profile (or a hint).
RELEVANT = 0.45

_NEAR_CHARS = 28
_AFTER_CHARS = 14
_SUBJECT_AFTER_CHARS = 64
_CLAUSE_END = re.compile(r"[、。,;]")
_SUBJECT_PARTICLES = ("が",)
_LABEL_AFTER_END = re.compile(r"[、。,;/(]")
# (に対し and のうち open the next clause: 受付41,060件に対し計画作成12,480件)
_AFTER_BREAK = re.compile(r"[、。,:;\s・]|に対し|のうち")
# the words before an approximate figure: 約, およそ
_APPROX = f"(?:{alternation('approx_before')})"
_LONG_BRACKET = re.compile(r"\([^()]{16,}\)")
_NUMBERS = re.compile(
    r"(?:令和|平成|R|H)?[0-9元,.万千億]+"
    rf"(?:年度?|月|日|末|{alternation('as_at')}|%|{unit_alternation()})?"
)
# a bullet that opens an item (not a ※ note)
_ITEM = "[" + "".join(item_marks()) + "]"
_HEADING = re.compile(rf"^\s*{_ITEM}?\s*([^:、。]{{2,24}}):")
# a sheet's field that goes on from the 【指標】 line before it: 【実績値】計55,431件(電話…),
# 【前年度】…
# (実績値(累計):令和6年度末…, 前年度比:3.7%減: a field's label and colon without the brackets)
_FIELD_OF_BEFORE = re.compile(
    # (□前年度実績:…, □今年度実績:…: a check sheet's field lines, a box before each)
    rf"\s*{_ITEM}?\s*(?:【\s*(?:{alternation('field_of_before')})[^】]{{0,6}}】"
    rf"|(?:{alternation('field_of_before')})[^:：、。【】]{{0,8}}[:：])"
)
_ANAPHORA = re.compile(rf"^\s*{_ITEM}?\s*(?:{alternation('anaphora')})")
_SUBTOTAL = re.compile(alternation("part"))
_PART_OPENING = re.compile(rf"\s*{_ITEM}?\s*(?:この|その)?(?:{alternation('part')})")
# Particles, copulas and words of time that name nothing: a number whose own words are only
# these continues the series of the number before it (920件であり、令和5年度末時点の810件).
_LABEL_FREE = re.compile(alternation("label_free"))
# a bracket right after the figure before (its unit first) that says its role: its aside
_ASIDE_BEFORE = re.compile(
    rf"^[^\s0-9()、。]{{0,4}}\((?:{alternation('baseline_key', 'provisional')})\)"
)
_PIECE_BREAK = re.compile(r"[、,。:;()\s・]")
_PERIODISH = re.compile(
    r"(?:令和|平成|R|H)?[0-9元]+(?:年度?|\.)(?:[0-9]+月)?(?:[0-9]+日)?"
    r"|(?<![A-Za-z])[RH][0-9]{1,2}(?:\.[0-9]{1,2})?"  # R7, R9.3: an era letter's year (month)
)

# The kinds of bodies a count or a share is about. 自治体 and 団体 are generic: they agree
# with either kind of local government.
_ENTITIES = {"prefecture", "municipality"}


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate's score, its ``near`` feature, and what ``why`` is made of."""

    score: float
    near: float
    head: tuple[str, ...] = ()  # the reasons before the words found near the number
    tail: tuple[str, ...] = ()  # and after them
    found: frozenset[str] = frozenset()  # the profile's pairs near the number
    profile: Profile | None = None
    features: tuple[float, ...] = ()  # the feature vector (FEATURES order) behind ``score``

    # NOTE: the reasons are put together only when asked for (--explain): ranking the pairs
    # found near every candidate of a large document costs more than scoring it.
    @property
    def why(self) -> tuple[str, ...]:
        """The reasons for the score, for ``--explain``."""
        found = self.profile.ranked(self.found)[:4] if self.profile and self.found else []
        near = ("近接語:" + "・".join(found),) if found else ()
        return (*self.head, *near, *self.tail)

    @property
    def role_named(self) -> bool:
        """Whether the figure is named as the count the label names (累計, 新たに)."""
        return bool(self.features) and self.features[_ROLE_MATCH] > 0

    @property
    def other_role(self) -> bool:
        """Whether the figure is named as another count than the label's (累計 for 新たに)."""
        return bool(self.features) and self.features[_ROLE_MISMATCH] > 0

    def adjusted(self, by: float, reason: str) -> Scored:
        """The score raised (or lowered) by ``by``, for ``reason``."""
        return Scored(
            round(self.score + by, 4),
            self.near,
            self.head,
            (*self.tail, reason),
            self.found,
            self.profile,
            self.features,
        )

    def named_features(self) -> dict[str, float]:
        """The features that are not 0, by name (``--explain``)."""
        return {
            name: round(value, 3)
            for name, value in zip(FEATURES, self.features, strict=True)
            if value
        }

    def led_by(self, reason: str) -> Scored:
        """The same score, its reasons after ``reason``."""
        return Scored(
            self.score,
            self.near,
            (reason, *self.head),
            self.tail,
            self.found,
            self.profile,
            self.features,
        )


@dataclass(frozen=True, slots=True)
class SentenceScope:
    """How much one sentence (with its lead-in and the sentence before) is about the
    indicator; shared by every number in it."""

    sentence: float
    context: float
    hints: float  # share of the label hint groups the sentence holds
    topic: bool  # the topic hints hold (True when there are none)
    heading: str = ""  # a bullet's heading (見守り事業:… → 見守り事業)
    continues: bool = False  # names nothing of its own: it goes on from the sentence before
    part: bool = False  # このうち…: its figures are parts of the one before
    # it restates the indicator's own target (実績値:187団体(計画値165団体、…)): it is about
    # the indicator whatever words it uses
    own_target: bool = False

    @property
    def unrelated(self) -> bool:
        """So little of the indicator in the sentence and around it that no figure of it
        could reach ``decide.MIN_SCORE``: the sentence is not scored."""
        return self.sentence < 0.05 and self.context < 0.1 and not self.hints

    @property
    def relevant(self) -> bool:
        return self.sentence >= RELEVANT or self.hints > 0

    @property
    def goes_on_about(self) -> bool:
        """Relevant, or naming part of the indicator right after a sentence that names it
        (…職員の配置数は7,054人。令和8年度末時点の配置数については現在集計中)."""
        return self.relevant or (self.sentence >= RELEVANT / 2 and self.context >= RELEVANT)


@dataclass(frozen=True)
class IndicatorProfile:
    indicator: Indicator
    profile: Profile
    label_groups: tuple[tuple[str, ...], ...]
    topic_groups: tuple[tuple[str, ...], ...]
    entity: str | None  # prefecture / municipality the label counts or is a share of
    subtotal: bool  # the label itself names a part (うち…)
    other_entity: str | None = (
        None  # the bodies it measures something else of (…市区町村の住民の利用率)
    )
    role: str | None = None  # cumulative / new_count: the count the label names (累計, 新たに)
    # the rule words of the indicator and its siblings written in kana alone (a site's name):
    # words that name something, though they carry no kanji or katakana
    kana_names: tuple[str, ...] = ()

    def sentence_scope(
        self,
        sentence: str,
        lead: str,
        previous: str,
        cover: Callable[[str], float] | None = None,
        topic_head: str = "",
    ) -> SentenceScope:
        """``cover``: the profile's coverage of a text, where the caller remembers those of
        the sentences it has read (a lead-in or the sentence before is one of them);
        ``topic_head``: the topic the sentence states before its first figure, which stands
        for its heading when it has one."""
        cover = cover or self.profile.coverage
        own = cover(sentence)
        lead_cov = cover(lead) if lead else 0.0
        prev_cov = cover(previous) if previous else 0.0
        topic_text = sentence + lead
        continues, heading = _sentence_facts(sentence)
        if continues:
            # その数は…, 令和7年度末時点では9,240件となった: the sentence names nothing of its
            # own and continues the one before it.
            own = max(own, prev_cov, lead_cov)
            topic_text += previous
        elif own < RELEVANT and not lead:
            # 委員から…との意見があり、事務局より『令和7年度は230,000人』と回答: a sentence (not
            # an item of a list) that names nothing of the indicator keeps the topic before it
            topic_text += previous
        hints = _groups_in(self.label_groups, sentence) if self.label_groups else 0.0
        topic = not self.topic_groups or _groups_in(self.topic_groups, topic_text) == 1.0
        return SentenceScope(
            own,
            max(lead_cov, prev_cov),
            hints,
            topic,
            topic_head or heading,
            continues,
            continues and _PART_OPENING.match(sentence) is not None,
        )

    def named_in(self, sentence: str, lead: str, cover: Callable[[str], float]) -> bool:
        """Whether a sentence read on its own is ``relevant`` (``sentence_scope``): its words,
        or its lead-in's where it names nothing of its own, name the indicator."""
        if self.label_groups and _groups_in(self.label_groups, sentence):
            return True
        if cover(sentence) >= RELEVANT:
            return True
        return bool(lead) and _sentence_facts(sentence)[0] and cover(lead) >= RELEVANT

    def unit_fits(self, q: Quantity) -> bool | None:
        """True when the quantity's unit can be the indicator's value, None when not."""
        ind = self.indicator
        if q.unit is None:
            return True if ind.find.bare and q.bare else None
        if q.per is not None and not is_rate(ind.label):
            return None  # 1センター当たり平均11回: a rate, not the count the indicator is
        return True if _converts(q.unit, ind.find_units) else None


@lru_cache(maxsize=1024)
def is_rate(label: str) -> bool:
    """Whether an indicator is itself a figure per a base (…1人当たりの開始件数)."""
    return any(w in label for w in words("per_base"))


@lru_cache(maxsize=1024)
def _converts(unit: str, units: tuple[str, ...]) -> bool:
    """Whether ``unit`` converts to one of ``units``."""
    return unit in units or any(factor(unit, other) is not None for other in units)


_BESIDES = re.compile(rf"\s*(?:{alternation('besides')})")


@lru_cache(maxsize=4096)
def is_field_of_before(sentence: str) -> bool:
    """Whether a line is a sheet's field that goes on from the 【指標】 line before it
    (【実績値】計55,431件(電話…), 【前年度】…)."""
    return _FIELD_OF_BEFORE.match(sentence) is not None


def _sentence_facts(sentence: str) -> tuple[bool, str]:
    """Whether a sentence names nothing of its own (it continues the one before), and its
    bullet heading — the same for every indicator that reads it."""
    if _BESIDES.match(sentence):
        return False, ""  # このほか、担任などから…: another count, not the one before
    continues = (
        bool(_ANAPHORA.match(sentence) or _FIELD_OF_BEFORE.match(sentence))
        or content_chars(_NUMBERS.sub("", sentence)) <= 10
    )
    head = _HEADING.match(sentence)
    return continues, head.group(1) if head else ""


def _groups_in(groups: tuple[tuple[str, ...], ...], text: str) -> float:
    """The share of ``groups`` with a word in ``text``."""
    if not groups:
        return 0.0
    found = 0
    for group in groups:
        for word in group:
            if word in text:
                found += 1
                break
    return found / len(groups)


@cache
def _synonyms() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normalize(w) for w in row) for row in read_rows("synonyms.tsv"))


@lru_cache(maxsize=1024)
def _synonyms_of(text: str) -> tuple[str, ...]:
    return tuple(w for g in _synonyms() if any(x in text for x in g) for w in g if w not in text)


# NOTE: words that a sibling indicator of the same measure is named by too (件数 for both the
# アクセス件数 and the 相談件数 of one site) do not tell the two apart: they weigh less.
SHARED_WITH_SIBLING = 0.35


# NOTE: a profile is made for one measure (its target cell is part of it) and dropped with
# it: nothing is kept per rule or per measure, so memory does not grow with the rules file.
# What depends on a rule's own words only (``_rule_words``) is remembered by those words.
def indicator_profile(
    indicator: Indicator, target_norm: str, siblings: tuple[Indicator, ...] = ()
) -> IndicatorProfile:
    """The indicator's profile; ``target_norm`` is the measure's normalised 目標 cell and
    ``siblings`` the other indicators of the measure."""
    find = indicator.find
    words = _rule_words(indicator.label, find.label, find.topic)
    clause = _target_clause(indicator, target_norm, words)
    profile = profile_from(words.pairs + weighted_pairs((clause, 0.6))) if clause else words.own
    others = [s for s in siblings if s.id != indicator.id and s.label != indicator.label]
    if others:
        named = frozenset().union(*(_named_pairs(o.label, o.find.label) for o in others))
        shared = profile.keys.intersection(named)
        if shared:
            weights = dict(profile.weights)
            for g in shared:
                weights[g] *= SHARED_WITH_SIBLING
            profile = Profile(weights, sum(weights.values()))
    kana = tuple(
        w
        for ind in (indicator, *others)
        for g in ind.find.label
        for w in alternatives(g)
        if len(w) >= _KANA_NAME_CHARS and not content_chars(w)
    )
    return IndicatorProfile(
        indicator,
        profile,
        words.label_groups,
        words.topic_groups,
        words.entity,
        words.subtotal,
        words.other_entity,
        words.role,
        kana,
    )


_KANA_NAME_CHARS = 3  # (a name in kana alone is longer than a particle or an ending)


@dataclass(frozen=True)
class _RuleWords:
    """What a rule's own words give its profile, before the measure's target clause."""

    pairs: list[tuple[str, float]]  # weighted pairs (``weighted_pairs``); never changed
    own: Profile  # the profile of those pairs alone
    label_groups: tuple[tuple[str, ...], ...]
    topic_groups: tuple[tuple[str, ...], ...]
    entity: str | None
    other_entity: str | None
    subtotal: bool
    role: str | None = None


@lru_cache(maxsize=4096)
def _rule_words(label_text: str, label: tuple[str, ...], topic: tuple[str, ...]) -> _RuleWords:
    """The pairs of an indicator's label, ``find.label``/``topic`` words and their synonyms."""
    # NOTE: a bracket in a label qualifies it ((年間), (受付件数に占める割合)); its
    # words are not what the value is named by, so they weigh less.
    full = normalize(label_text)
    name = _BRACKETED.sub("", full)
    qualifiers = " ".join(_BRACKETED.findall(full))
    label_groups = tuple(alternatives(g) for g in label)
    topic_groups = tuple(alternatives(g) for g in topic)
    hints = tuple(a for g in label_groups for a in g)
    parts: list[tuple[str, float]] = [(name, 1.0), (qualifiers, 0.3)]
    parts += [(a, 0.6) for g in topic_groups for a in g]
    parts += [(w, 0.7) for w in _synonyms_of(" ".join((name, *hints)))]
    pairs = weighted_pairs(*parts, names=hints)
    return _RuleWords(
        pairs,
        profile_from(pairs),
        label_groups,
        topic_groups,
        *_label_entity(name),
        bool(_SUBTOTAL.search(full)),
        # (a bracket that names the whole a share is of, (受付件数に占める割合), names
        # the base's count, not the one the label counts)
        _count_role(name) or (None if _OF_WHOLE_WORD.search(qualifiers) else _count_role(full)),
    )


_ROLES = ("cumulative", "new_count")
_RUNNING_TOTAL = re.compile(alternation("running_total"))


def names_running_total(text: str) -> bool:
    """Whether a text names a running total (累計, 通算, 累積), never a year's count."""
    return _RUNNING_TOTAL.search(text) is not None


_OF_WHOLE_WORD = re.compile(alternation("of_whole"))
_ROLE_WORDS = re.compile("|".join(f"(?P<{r}>{alternation(r)})" for r in _ROLES))


@lru_cache(maxsize=4096)
def role_only_head(sentence: str) -> bool:
    """Whether a sentence is headed by a count role alone (累計(件)は、…; 本年度新規(人):…): a
    table's row that names no measure of its own."""
    head = _ROLE_HEAD.match(sentence)
    if head is None or _count_role(head.group(1)) is None:
        return False
    rest = _ROLE_WORDS.sub("", head.group(1))
    return content_chars(_BRACKETED.sub("", rest)) == 0


_ROLE_HEAD = re.compile(r"\s*([^、。:]{1,16}?)\s*(?:は|:)")


def _count_role(text: str) -> str | None:
    """The count role a text names last (累計 → cumulative, 新たに → new_count), or None."""
    found = None
    for m in _ROLE_WORDS.finditer(text):
        found = m.lastgroup
    return found


@lru_cache(maxsize=1024)
def _named_pairs(label: str, hints: tuple[str, ...]) -> frozenset[str]:
    """The pairs an indicator is named by: its label and its ``find.label`` words."""
    return frozenset(g for text in (label, *hints) for g in bigrams(normalize(text)))


@lru_cache(maxsize=1024)
def alternatives(group: str) -> tuple[str, ...]:
    """The words of a rule's ``"a|b"`` entry, normalised."""
    return tuple(normalize(a.strip()) for a in group.split("|") if a.strip())


_BRACKETED = re.compile(r"\([^()]*\)")
_CLAUSE_START = re.compile(r".*[。、:]")


def _target_clause(indicator: Indicator, target_norm: str, words: _RuleWords) -> str:
    """The words of the target cell that name the target value: those before it back to the
    previous comma or full stop (令和9年度末までに相談員の配置を|500人程度). Where the
    value stands twice (年間10万回 for two sites), the clause closest to the label."""
    if not target_norm or indicator.target is None:
        return ""
    clauses = []
    for q in _quantities_of(target_norm):
        if q.unit is None:
            continue
        scale = factor(q.unit, indicator.pint_unit)
        if scale is None:
            continue
        value = q.value * scale
        if abs(value - indicator.target) <= 1e-6 * max(1.0, abs(indicator.target)):
            head = target_norm[max(0, q.start - 40) : q.start]
            cut = _CLAUSE_START.match(head)
            clause = head[cut.end() :] if cut else head
            if len(clause) < 6:  # 、を8割とする: take the clause before too
                clause = head[-40:]
            clauses.append(clause)
    if not clauses:
        return ""
    if len(clauses) == 1:
        return clauses[0]
    return max(clauses, key=words.own.coverage)


# NOTE: every indicator of a measure reads the same target cell.
@lru_cache(maxsize=1024)
def _quantities_of(target_norm: str) -> tuple[Quantity, ...]:
    return tuple(find_quantities(target_norm, norm=target_norm))


@cache
def _entity_words() -> tuple[tuple[str, str], ...]:
    words = [(w, u) for w, u in unit_words().items() if u in _ENTITIES]
    return tuple(sorted(words, key=lambda wu: -len(wu[0])))


def _entity_in(text: str, last: bool = True) -> str | None:
    """The kind of body the last (or first) entity word of ``text`` names."""
    best: tuple[int, str] | None = None
    for word, unit in _entity_words():
        pos = text.rfind(word) if last else text.find(word)
        if pos < 0:
            continue
        if best is None or (pos > best[0] if last else pos < best[0]):
            best = (pos, unit)
    return best[1] if best else None


# What a label's last phrase may be when it counts or is a share of the bodies named before
# it: …都道府県の割合, …市町村の数.
_MEASURE_WORDS = re.compile(alternation("measure_word"))


def _label_entity(label: str) -> tuple[str | None, str | None]:
    """The kind of body a label counts or is a share of — the last one it names — and the
    kind it is not about: where the phrase after its last の measures something else of the
    bodies named before it (…市区町村の住民の利用率 is a share of residents, and a share of
    市区町村 beside it is another figure)."""
    entity = _entity_in(label)
    if entity is None or "の" not in label:
        return entity, None
    head = label.rsplit("の", 1)[1]
    if _entity_in(head) is not None or not content_chars(_MEASURE_WORDS.sub("", head)):
        return entity, None
    return None, entity


_FRACTION_END = re.compile(r"[0-9][0-9,]*\s*/\s*[0-9][0-9,]*\s*\(\s*$")


def _entity_of(q: Quantity, before: str, following: str) -> str | None:
    """The body a number is about: its own unit, the count in the bracket after it
    (``following``: the text after the number, past its neighbours), or the nearest body
    named just before it."""
    if q.unit in _ENTITIES:
        return q.unit
    if q.unit_word and unit_words().get(q.unit_word) in _ENTITIES:  # 全都道府県 as 100%
        return unit_words()[q.unit_word]
    if following.lstrip().startswith("("):
        inside = following[: following.find(")") + 1 if ")" in following else _AFTER_CHARS]
        found = _entity_in(inside, last=False)
        if found:
            return found
    if before.rstrip().endswith("("):  # 40都道府県(約85%): the count the share belongs to
        # (都道府県46/47(97.9%): the fraction's body)
        return _entity_in(before[-8:]) or _entity_in(_FRACTION_END.sub("", before)[-8:])
    return _entity_in(before[-12:])


@lru_cache(maxsize=4096)
def label_free(text: str) -> bool:
    """Whether words name nothing: particles, verbs of reaching and words of time only (a
    「quoted」 name in kana names something: 「つながろうね」が…, and so does a key in kana)."""
    if "「" in text or _KANA_KEY.search(text) or _KANA_SUBJECT.match(text):
        return False
    return content_chars(_LABEL_FREE.sub("", _PERIODISH.sub("", text))) == 0


# a key in kana before its figure names something: ほっとらいん=1,918,306
_KANA_KEY = re.compile(r"[ぁ-ゖー]{3,}\s*[=:]\s*$")
# and so does a subject in kana opening the words (こころのまどは、令和8年度…: a table's row)
_KANA_SUBJECT = re.compile(r"^\s*[ぁ-ゖー]{4,}\s*(?:は|が)\s*[、,]")


_REACHED_BY = re.compile(
    rf"[0-9][0-9,.]*\s*[^\s0-9]{{0,4}}\s*(?:{alternation('change_up', 'change_down')})"
    rf"(?:{alternation('change_then')}|の|し|して)?\s*$"
)
_TAIL_CHARS = 20


def _attachment(ip: IndicatorProfile, before: str) -> float | None:
    """How much of the words a number is attached to (the phrase right before it: 企業等が,
    市区町村においては) belong to what the indicator measures: a precision, where ``near`` is
    a recall. None when the number is attached to no words of its own, or only to the change
    that reaches it (5,142名増の122,103名)."""
    if _REACHED_BY.search(before[-_TAIL_CHARS:]):
        return None
    attached = _attached_grams(before[-24:])
    if attached is None:
        return None
    grams, total = attached
    keys = ip.profile.keys
    # in the pairs' own order: a sum in a set's order would change with the hash seed
    return sum([w for g, w in grams.items() if g in keys]) / total


@lru_cache(maxsize=4096)
def _attached_grams(tail: str) -> tuple[dict[str, float], float] | None:
    """The pairs of the phrase a number is attached to and their total weight (None when it
    has none): the same for every indicator that scores the number."""
    for piece in reversed(_PIECE_BREAK.split(tail)):
        piece = _PERIODISH.sub("", piece)
        if content_chars(piece):
            break
    else:
        return None
    grams = bigrams(piece[-12:])
    total = sum(grams.values())
    if total < 1.0:
        return None
    return grams, total


def score_candidate(
    ip: IndicatorProfile,
    q: Quantity,
    before: str,
    after: str,
    scope: SentenceScope,
    series: Scored | None,
    preceding: str,
    following: str,
    previous: bool = False,
    in_part: bool = False,
) -> Scored:
    """The score of one candidate and the reasons, for ``--explain``.

    ``before``/``after``: the normalised words between this number and its neighbours;
    ``series``: the score of the number before it in the sentence, which this one continues
    (and takes) when its own words name nothing or it is stated as the previous value
    (``previous``); ``preceding``/``following``: the text just before and after the number,
    past its neighbours (for the entity it is about).
    """
    if (
        series is not None
        # (40.2%(基準)、R7 44.8%: a short aside on the figure before names that one)
        and label_free(_ASIDE_BEFORE.sub("", before, count=1))
        # (…Aサイトは120,450回、ほっとらいんは51,300回: a name in kana names its figure)
        and not any(name in before for name in ip.kana_names)
        # (a sentence whose topic names the count it gives, 累計は、…, starts its own series)
        and not (ip.role is not None and _count_role(scope.heading))
        and after[:1] != ":"  # (…)/312,000回:検索サイトの閲覧数: named by what follows
        # (都道府県では46都道府県(97.9%)、市区町村では…233市区町村: a figure of another body
        # does not go on with the series)
        and not _of_other_entity(ip, q, preceding, following)
    ):
        if (
            after[:1] in _SUBJECT_PARTICLES
            or _own_count_role(ip, before)
            or _label_in_bracket(after) is not None
        ):
            # …の190団体をさらに上回る203団体が…取組を実施していると回答し: the subject of
            # its clause may be named by its predicate better than by the series; a figure
            # with a count role of its own (…、うち本年度9万5千人(前年度末累計32万5千人))
            # by that role
            own = _own_score(ip, q, before, after, scope, preceding, following, in_part)
            if own.score > series.score:
                return own
        return series.led_by("前の数値の系列")
    if series is None or not previous:
        return _own_score(ip, q, before, after, scope, preceding, following, in_part)
    # 120件(前年度110件): a previous value takes the name of the level before it, unless a
    # clause of its own opens a subject that names the indicator better (A事業は…、B事業は
    # 前年(116件)から…; …延べ約4,500名の来場…、令和8年度の隊員数は、前年度(7,950名)から…)
    # — not the level's own words (523市町村において支援員が活用されており(前年度末:511)).
    if ("、" in before and _SUBJECT.search(before)) or _own_count_role(ip, before):
        own = _own_score(ip, q, before, after, scope, preceding, following, in_part)
        if own.score > series.score:
            return own
    return series.led_by("前の数値の系列")


# (an item that ends in a figure or a mark, then the next one's key: …目8割×／結婚支援: — not
# a slash inside a label, 実施校／学校の割合:)
def _heading_over(heading: str, near_before: str, before: str, unbracketed: bool) -> str:
    """The sentence's heading where it names the figure: not where its words stand near it
    already, not in a bracket that names its figures, not over an item keyed by words of its
    own (…；市区町村 13.4%／結婚支援:都道府県 47/47(100%))."""
    if heading in near_before or not unbracketed or _new_item_key(before):
        return ""
    return heading


def _new_item_key(before: str) -> bool:
    """Whether the words before a figure open an item keyed by words of its own, not by a time
    (…／本年度:32.1%)."""
    return any(not label_free(key) for _, key in keyed_items(before))


def _of_other_entity(ip: IndicatorProfile, q: Quantity, preceding: str, following: str) -> bool:
    """Whether a figure is about another body than the indicator's (its own counter or the
    body named right before it)."""
    if ip.entity is None:
        return False
    entity = _entity_of(q, preceding, following)
    return entity is not None and entity != ip.entity


def _own_count_role(ip: IndicatorProfile, before: str) -> bool:
    """Whether the words right before a figure give it a count role (累計, 新規) of its own,
    for an indicator that is one of them."""
    return ip.role is not None and _count_role(before[-_NEW_COUNT_REACH:]) is not None


# the particle that opens a subject
_SUBJECT = re.compile(r"[^0-9(),、]{2,}[はが]")


_TWIN_TAIL = re.compile(
    rf"{_APPROX}?\s*[0-9][0-9,.]*\s*(?:万|千|億)?[0-9,.千]*\s*[^\s()0-9]{{0,4}}\s*\(\s*"
    rf"(?:{alternation('exactly')})\s*[、,]?\s*$"
)


def _without_twin(before: str) -> str:
    """The words before a precise figure in (正確には…), without its rounded twin: 22万4,930人
    in およそ22万5千人(正確には… is named by the words before およそ."""
    twin = _TWIN_TAIL.search(before)
    return before[: twin.start()] if twin else before


def _own_bracket(before: str) -> str:
    """The words before a figure, from the bracket it stands in when that bracket names it
    (…計画作成件数:9.8万件(受付件数の推移:R5: 28.0万件 → the 推移's words only)."""
    opening = before.rfind("(")
    if opening < 0 or ")" in before[opening:]:
        return before
    head = before[opening + 1 :]
    # (a head of its own: words and a colon or a topic, not 全市町村の of 80.5%)
    named = content_chars(_PERIODISH.sub("", head)) >= 4 and _BRACKET_HEAD.search(head)
    return head if named else before


_BRACKET_HEAD = re.compile(r"[^0-9(]{4,}(?::|は)")


def _words_after(before: str, after: str) -> str:
    """The words after a number that name it: only up to a break — past a comma, a space or a
    colon they name the next one (新規受付件数:41,060件 支援計画件数:12,480件); to the end of
    the clause for a figure that is the subject (203団体が…取組を実施していると回答した);
    the label after a colon for a figure its label follows (312,000回:検索サイトの閲覧数)."""
    if after[:1] in _SUBJECT_PARTICLES:
        return _CLAUSE_END.split(after[:_SUBJECT_AFTER_CHARS], maxsplit=1)[0]
    if after[:1] == ":" and not before.rstrip().endswith(":"):
        return _LABEL_AFTER_END.split(after[1 : 1 + _SUBJECT_AFTER_CHARS], maxsplit=1)[0]
    label = _label_in_bracket(after)
    if label is not None:
        return label
    if _WORDS_OF_NEXT.fullmatch(after):
        return ""  # 8,120件(受付件数の23.4%): the bracket's words are the next one's
    return _AFTER_BREAK.split(after[:_AFTER_CHARS], maxsplit=1)[0]


_BRACKET_AFTER = re.compile(r"\s*\(([^()]{1,64})")
# a bracket whose words lead to the figure after them (…件(受付件数の|29.8%)): not this one's
_WORDS_OF_NEXT = re.compile(r"\s*\([^()0-9]{1,40}(?:の|は|が|で)\s*")
_BRACKET_PIECE = re.compile(r"[、,;:/]")


def _label_in_bracket(after: str) -> str | None:
    """The label a bracket right after a figure gives it, as a digest writes it: 12.2万人
    (B登録者、R9.3末;前年 11.7万), 32.7万人(327,412人、A登録者…) — the first piece of the
    bracket that names something (not a figure, a period or the year before); None when the
    bracket names nothing."""
    m = _BRACKET_AFTER.match(after)
    if m is None or _WORDS_OF_NEXT.fullmatch(after):
        return None
    for piece in _BRACKET_PIECE.split(m.group(1)):
        words = _NUMBERS.sub("", _PERIODISH.sub("", piece))
        if content_chars(words) < 2 or label_free(piece):
            continue  # the exact digits (327,412人), a period, the year before: read on
        # (…の29.8%: a piece that states a figure of its own is no label)
        return None if any(c.isdigit() for c in _PERIODISH.sub("", piece)) else piece
    return None


def _own_score(
    ip: IndicatorProfile,
    q: Quantity,
    before: str,
    after: str,
    scope: SentenceScope,
    preceding: str,
    following: str,
    in_part: bool = False,
) -> Scored:
    """The score of a candidate by its own words; ``in_part``: it stands in a bracket of
    parts (8,124か所(うち一般型 7,012か所、連携型 1,112か所))."""
    why: list[str] = []
    untwinned = _without_twin(before)
    own_words = _own_bracket(untwinned)
    near_before = _LONG_BRACKET.sub("", own_words)[-_NEAR_CHARS:]
    near_after = _words_after(before, after)
    heading = _heading_over(scope.heading, near_before, before, own_words == untwinned)
    near_text = heading + " " + near_before + " " + near_after
    # The profile's pairs in the words near the number: both the coverage and the explanation.
    near_found = ip.profile.common(near_text)
    near = ip.profile.share(near_found)
    # (a part, このうち…, is not what the sentence before names)
    if scope.continues and not scope.part and near < 0.7 * scope.context:
        near = 0.7 * scope.context  # its name stands in the sentence before
        why.append("名称は前の文に")
    elif _OF_WHOLE.fullmatch(before) and near < 0.7 * scope.context:
        # ・令和8年度 設置自治体907のうち779自治体: the part's own words are the whole's; it
        # is named by the list's lead-in, as the items before it
        near = 0.7 * scope.context
        why.append("全体のうちの数")
    attach = _attachment(ip, untwinned)
    x = dict.fromkeys(FEATURES, 0.0)
    x["near"], x["sentence"], x["context"] = near, scope.sentence, scope.context
    x["attach"] = 0.5 if attach is None else attach
    if attach is not None and attach >= 0.6:
        why.append("数値の直前の語が一致")
    head, why = tuple(why), []  # the words found near the number stand between them
    if ip.label_groups:
        hint_near = _groups_in(ip.label_groups, near_text)
        x["hint_near"], x["hint_sentence"] = hint_near, max(0.0, scope.hints - hint_near)
        if hint_near:
            why.append("規則の語が近接")
        elif scope.hints:
            why.append("規則の語が同じ文に")
    if not scope.topic:
        x["topic_missing"] = 1.0
        why.append("topicの語がない")
    if scope.own_target:
        x["own_target"] = 1.0
        why.append("目標値を再掲する文")
    _role_features(ip, q, preceding, following, scope, near_before, x, why, in_part)
    vector = tuple(map(x.__getitem__, FEATURES))
    score = _dot(vector)
    return Scored(round(score, 4), near, head, tuple(why), near_found, ip.profile, vector)


# how far before a figure 新規/新たに name it as a new count (本年度の新規登録は約6,000人)
_NEW_COUNT_REACH = 16


def _role_features(
    ip: IndicatorProfile,
    q: Quantity,
    preceding: str,
    following: str,
    scope: SentenceScope,
    near_before: str,
    x: dict[str, float],
    why: list[str],
    in_part: bool = False,
) -> None:
    """The features of the figure's role: the body it counts (都道府県, 市区町村) and whether
    it is a part (このうち…, うち…); set in ``x``, said in ``why``."""
    entity = _entity_of(q, preceding, following) if ip.entity or ip.other_entity else None
    if ip.entity and entity:
        if entity == ip.entity:
            x["entity_match"] = 1.0
            why.append("対象の主体が一致")
        else:
            x["entity_mismatch"] = 1.0
            why.append("対象の主体が異なる")
    elif entity is not None and entity == ip.other_entity:
        x["entity_mismatch"] = 1.0  # a share of the 市区町村, where the label is of their people
        why.append("対象の主体が異なる")
    if ip.role is not None:
        # 累計42万人、うち本年度9万5千人: the count role of the words right before the figure
        # (or of the topic the sentence opens with: 累計は、令和6年度182.4千人、…)
        role = _count_role(near_before) or _count_role(preceding) or _count_role(scope.heading)
        if role == ip.role:
            x["role_match"] = 1.0
            why.append("累計/新規の別が一致")
            return  # うち新規34団体 is the part the label names: not a mere sub-total
        if role is not None:
            x["role_mismatch"] = 1.0
            why.append("累計/新規の別が異なる")
    elif _count_role(near_before[-_NEW_COUNT_REACH:]) == "new_count":
        # 新たに13市町村が…、累計524市町村: a label that names no new count counts them all
        x["role_mismatch"] = 1.0
        why.append("新規の数(指標は全数)")
    elif ip.indicator.kind == "flow" and names_running_total(near_before[-_NEW_COUNT_REACH:]):
        # 累計183,610件、うち令和7年度分は94,118件: a year's count is no running total
        x["role_mismatch"] = 1.0
        why.append("累計の数(指標は年間)")
    if not ip.subtotal and scope.part:
        x["part"] = 1.0
        why.append("内数(このうち…)")
    elif not ip.subtotal and in_part:
        x["subtotal"] = 1.0
        why.append("内数(うち…の括弧)")
    elif (
        not ip.subtotal
        and _SUBTOTAL.search(near_before[-12:])
        # 福祉事務所設置自治体907のうち779自治体: a count of a stated whole, not a part of a value
        and not _OF_WHOLE.fullmatch(near_before)
        # 回答4,112館のうち1,435館(34.9%): the part's share of the whole, not a part's value
        and not (q.unit == "percent" and _SHARE_OF_PART.search(near_before))
    ):
        x["subtotal"] = 1.0
        why.append("内数(うち)")


_WEIGHT_VECTOR = tuple(WEIGHTS[f] for f in FEATURES)


def _dot(vector: tuple[float, ...]) -> float:
    """The score: the weights · the features (a feature at 0 adds nothing)."""
    score = 0.0
    for w, v in zip(_WEIGHT_VECTOR, vector, strict=True):
        if v:
            score += w * v
    return score


@cache
def _wholes() -> dict[str, int]:
    return {word: int(count) for word, count in read_rows("wholes.tsv")}


_NOT_REACHED = re.compile(
    rf"[^、。]{{0,24}}?(?:には?(?:{alternation('not_reached')})|{alternation('not_done')})"
)
# 全都道府県, 全ての市町村, 全47都道府県 — not the whole a part is taken of (全市町村の85%,
# 全1,741市区町村のうち…).
_WHOLE = re.compile(
    # (not 管内全市町村, 県内の全市町村: the whole of one prefecture's)
    rf"(?<!管内)(?<!県内)(?<!県内の)全(?:て|ての)?\s*(?:[0-9][0-9,]*\s*)?({alternation('whole_body')})"
    rf"(?!\s*(?:の|中)\s*(?:うち)?\s*{_APPROX}?\s*[0-9〇一二三四五六七八九十半])(?!\s*のうち)"
)


# (全市町村(1,741市町村)に占める: its count in brackets between)
_OF_THE_WHOLE = re.compile(rf"\s*(?:\([^()]*\)\s*)?(?:{alternation('of_whole')})")
# (全47都道府県へと拡大し目標を達成した: the whole reached, not the target restated)
_GOAL_BEFORE = re.compile(rf"(?:{alternation('target_word')})\s*(?:は|=|:|を)?\s*$")
_GOAL_IN_CLAUSE = re.compile(
    rf"[^、。]{{0,24}}?(?:{alternation('target_word')})(?!\s*(?:を|に)?\s*(?:{alternation('reached')}))"
)


def wholes_in(ip: IndicatorProfile, norm: str, start: int, end: int) -> list[Quantity]:
    """``全都道府県`` read as a value: 100% of them, or their count where it is fixed (47)."""
    if norm.find("全", start, end) < 0:
        return []
    out: list[Quantity] = []
    wants_share = "percent" in ip.indicator.find_units
    for m in _WHOLE.finditer(norm, start, end):
        if norm.rfind("(", 0, m.start()) > norm.rfind(")", 0, m.start()):
            continue  # (全市町村の…), (各年4月1日現在、全1,741市町村): an aside on the whole
        if _NOT_REACHED.match(norm, m.end(), end):
            continue  # 全市町村での設置には至っていない: the goal, not reached
        if _OF_THE_WHOLE.match(norm, m.end(), end):
            continue  # 全都道府県に占める割合は29.8%: the whole a share is taken of
        if norm.startswith("数", m.end()) or norm.startswith("の数", m.end()):
            continue  # 全市町村数は1,741: how many there are, not all of them
        if _GOAL_IN_CLAUSE.match(norm, m.end(), end) or _GOAL_BEFORE.search(
            norm, max(start, m.start() - 6), m.start()
        ):
            continue  # 全ての市町村において設置するという目標, 目標=全都道府県: the target
        word = m.group(1)
        unit = unit_words()[word]
        if wants_share:
            value, unit_name = 100.0, "percent"
        elif unit in ip.indicator.find_units and word in _wholes():
            value, unit_name = float(_wholes()[word]), unit
        else:
            continue
        out.append(Quantity(value, unit_name, m.start(), m.end(), m.group(), word))
    return out


# 全1,741市町村のうち1,389市町村, 9,750件中3,120件: a part of the whole stated before it.
_OF_WHOLE = re.compile(r"\s*(?:の\s*)?(?:うち|中)\s*[、,]?\s*")
# 受講者9,750人のうち、ガイドラインを理解したと回答した者は3,120人: the part named between
_OF_WHOLE_NAMED = re.compile(
    rf"\s*(?:の\s*)?(?:うち|中)\s*[、,]?[^。0-9()、,]{{1,40}}(?:は|が)\s*[、,]?\s*{_APPROX}?\s*"
)
# the share of a part stated right after it, in brackets: …のうち1,435館(34.9%)
_SHARE_OF_PART = re.compile(
    rf"(?:{alternation('part')})\s*{_APPROX}?\s*[0-9][0-9,.]*\s*[^\s0-9()]{{0,4}}\s*\(\s*$"
)
# a share stated right after the part: 1,389市町村(79.8%)
_SHARE_BESIDE = re.compile(rf"\s*\(\s*{_APPROX}?\s*[0-9.]+\s*%")


def whole_of(norm: str, whole: Quantity, part: Quantity) -> bool:
    """Whether ``whole`` is the stated whole ``part`` is taken of: 全1,741市町村のうち812市町村
    (the same unit, a part no larger, のうち/中 between them), or a count a share is of:
    対象児童数36万2,108人の62.7%."""
    if whole.unit in (None, "percent"):
        return False
    if part.unit == "percent":
        return _SHARE_OF_IT.fullmatch(norm, whole.end, part.start) is not None
    return (
        part.unit in (whole.unit, None)  # (47都道府県中46: the part may leave out its unit)
        and 0 < part.value <= whole.value
        and _OF_WHOLE.fullmatch(norm, whole.end, part.start) is not None
    )


_SHARE_OF_IT = re.compile(rf"\s*の\s*{_APPROX}?\s*")


def shares_in(
    ip: IndicatorProfile, norm: str, quantities: tuple[Quantity, ...]
) -> dict[int, tuple[Quantity, str]]:
    """Where the indicator is a share (%) and the text gives a part of a whole instead (全1,741
    市町村のうち1,389市町村; 1,430／1,741): the part's start → the share as a figure, and how
    it was worked out (``1389 ÷ 1741``). Not where the text states the share beside the part."""
    if "percent" not in ip.indicator.find_units or ip.indicator.share_of is not None:
        return {}
    out: dict[int, tuple[Quantity, str]] = {}
    for whole, part in pairwise(quantities):
        if part.unit is None and whole.unit not in (None, "percent"):
            part = replace(part, unit=whole.unit, unit_word=whole.unit_word)  # 47都道府県中46
        if (
            part.unit in (None, "percent")
            or whole.unit not in (None, part.unit)
            or not 0 < part.value <= whole.value
            or not (
                _OF_WHOLE.fullmatch(norm, whole.end, part.start)
                or _OF_WHOLE_NAMED.fullmatch(norm, whole.end, part.start)
            )
            or _SHARE_BESIDE.match(norm, part.end)
        ):
            continue
        out[part.start] = _share(part, whole)
    for part in quantities:
        # 設置市町村 1,430／1,741: the part, a slash, the whole (no figure of its own: a
        # number after a digit and a slash is a fraction's)
        over = _OVER.match(norm, part.end)
        if over is None or part.unit is not None or part.start in out:
            continue
        if _SHARE_BEFORE.search(norm, max(0, part.start - 4), part.start):
            continue  # 95.7%(45/47都道府県): the share is stated, the fraction explains it
        whole_value = float(over.group(1).replace(",", ""))
        if 0 < part.value < whole_value and not _SHARE_BESIDE.match(norm, over.end()):
            whole = replace(part, value=whole_value, start=over.start(1), end=over.end(1))
            figure, how = _share(part, whole)
            # (its whole and the bracket after it: 1,430/1,741(R9.4.1時点) is dated by it)
            out[part.start] = (
                replace(figure, end=over.end(1), text=norm[part.start : over.end(1)]),
                how,
            )
    return out


_SHARE_BEFORE = re.compile(r"%\s*\(\s*$")
_OVER = re.compile(r"\s*/\s*([0-9][0-9,]*[0-9]|[0-9])(?![0-9.,/])")


def _share(part: Quantity, whole: Quantity) -> tuple[Quantity, str]:
    share = round(100.0 * part.value / whole.value, 6)
    # (its unit word stays the part's: the share of 260市区町村 is of the 市区町村)
    figure = Quantity(
        share, "percent", part.start, part.end, part.text, part.unit_word, part.approx
    )
    return figure, f"{part.value:g} ÷ {whole.value:g}"


@cache
def _unit_before_pattern() -> re.Pattern[str]:
    # …都道府県は、前年の44から: the counter may stand before words of the year before
    return re.compile(
        # (47都道府県中46: a figure after its whole counts what the whole does)
        # (活用市町村数 523: a label of a count and its figure, a space apart)
        # (居住支援法人 1,298: a label that ends in its counter, a space before the figure)
        rf"(?<![0-9,.\s])({unit_alternation()})"
        + r"(?:(?:数)?(?:は|が|:|中|のうち)|数(?=\s)|(?=\s))[、\s]*"
        rf"(?:(?:{alternation('two_years_before', 'previous')})の)?\s*$"
    )


@cache
def _declared_pattern() -> re.Pattern[str]:
    return re.compile(rf"単位\s*[:は]?\s*({unit_alternation()})")


@cache
def _counted_pattern() -> re.Pattern[str]:
    return re.compile(f"({unit_alternation()})数")


@lru_cache(maxsize=1024)
def counted_in(text: str) -> str | None:
    """The counter the last 〜数 of a text names (実施自治体数 → 自治体), or None."""
    last = None
    for match in _counted_pattern().finditer(text):
        last = match
    return last.group(1) if last else None


@lru_cache(maxsize=1024)
def declared_unit(text: str) -> str | None:
    """The unit word a text declares for the bare figures under it: 実績(単位:件)."""
    if "単位" not in text:
        return None
    m = _declared_pattern().search(text)
    return m.group(1) if m else None


def unit_of_row(head: str) -> str | None:
    """The unit the nearest row label before bare figures gives them: the last declaration
    (人口カバー率(単位:%) R9.3末:44 / 居住支援法人(単位:法人) R9.3末:1,302), else the counter
    the label counts (実施自治体数: R7:640, 都道府県等の数: R8=96, 整備済都道府県数(R9.4.1
    時点): 46); None when neither stands before them."""
    found = last_match(_declared_pattern(), head) if "単位" in head else None
    label = last_match(_row_label_pattern(), head)
    if label is not None and (found is None or label.start() > found.start()):
        return label.group(1)
    return found.group(1) if found is not None else None


def last_match(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``, or None."""
    found = None
    for found in pattern.finditer(text, start, len(text) if end is None else end):  # noqa: B007
        pass
    return found


@cache
def _row_label_pattern() -> re.Pattern[str]:
    return re.compile(rf"({unit_alternation()})(?:等)?(?:の)?数\s*(?:\([^()]*\))?\s*[:=]")


_PARTICLE_AFTER = re.compile(r"\s*(?:に|と|で|を|まで|へ|から|より)")


def with_unit_before(q: Quantity, before: str, after: str, declared: str | None) -> Quantity:
    """A number written without a unit takes the counter named just before it
    (整備済みの都道府県は46(約98%) → 46都道府県; 実施した団体が212に上った → 212団体), or
    else the unit its sentence or list declares (``declared``: 実績(単位:件)は… 312,540)."""
    if q.unit is not None:
        return q
    if declared is not None and q.bare:
        return replace(q, unit=unit_words()[declared], unit_word=declared)
    # (a round kanji number before a particle, 千を超え, is a manner of speaking, not a value)
    if not (q.bare or (_PARTICLE_AFTER.match(after) and any(c.isdigit() for c in q.text))):
        return q
    m = _unit_before_pattern().search(before[-16:])
    if m is None:
        return q
    return replace(q, unit=unit_words()[m.group(1)], unit_word=m.group(1))
