"""``--only missed|flagged|all``: a scorecard that shows part of the report, for every format.

``missed`` keeps the behind indicators (and the measures that hold one); ``flagged`` keeps
those the CI gate fails (``--fail-on``, and the accepted misses of a baseline, as ``check``);
``all`` keeps everything. The counts (``summary``) and the verdict stay those of the whole
report: a part never reads as if it were all of it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace

from ..judge.scorecard import Scorecard
from ..model import Status
from ..shape import IndicatorData, SummaryData
from .text import labels, verdict

ONLY = ("missed", "flagged", "all")


@dataclass(frozen=True)
class Selection(Scorecard):
    """A scorecard of the selected measures and indicators, with the whole report's counts."""

    only: str = "all"
    whole: SummaryData | None = field(default=None, compare=False)
    # The whole report's missed targets: (behind, of which overdue), for its verdict.
    missed_counts: tuple[int, int] = (0, 0)

    def summary(self) -> SummaryData:
        return self.whole if self.whole is not None else super().summary()


def select(card: Scorecard, only: str, flagged_ids: Collection[str] = ()) -> Scorecard:
    """``card`` reduced to ``only``: ``missed`` (behind), ``flagged`` (the indicators of
    ``flagged_ids``, the gate's failures) or ``all`` (``card`` itself)."""
    if only == "all":
        return card

    def kept(indicator_id: str, status: Status) -> bool:
        if only == "missed":
            return status is Status.BEHIND
        return indicator_id in flagged_ids

    measures = []
    for m in card.measures:
        outcomes = tuple(o for o in m.outcomes if kept(o.indicator.id, o.status))
        if outcomes:
            measures.append(replace(m, outcomes=outcomes))
    fields = {f: getattr(card, f) for f in Scorecard.__dataclass_fields__}
    fields["measures"] = tuple(measures)
    behind = [o for o in card.indicators if o.status is Status.BEHIND]
    counts = (len(behind), sum(1 for o in behind if o.overdue))
    return Selection(**fields, only=only, whole=card.summary(), missed_counts=counts)


def only_of(card: Scorecard) -> str:
    """What part of the report ``card`` shows: ``missed``, ``flagged`` or ``all``."""
    return card.only if isinstance(card, Selection) else "all"


def verdict_of(card: Scorecard, shown: list[IndicatorData], lang: str) -> str:
    """The verdict of the whole report, whatever part of it ``card`` shows (``shown``: the
    missed targets it shows)."""
    if not isinstance(card, Selection):
        return verdict(shown, lang)
    return verdict_counted(card, 0, 0, lang)


def verdict_counted(card: Scorecard, behind: int, overdue: int, lang: str) -> str:
    """``verdict_of`` from the counts of the missed targets ``card`` shows (``behind``, of
    which ``overdue``)."""
    if isinstance(card, Selection):
        behind, overdue = card.missed_counts
    L = labels(lang)
    return L["verdict_bad"].format(behind=behind, overdue=overdue) if behind else L["verdict_ok"]
