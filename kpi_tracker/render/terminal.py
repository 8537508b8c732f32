"""The compact view ``scorecard`` prints to a terminal: what a person reads before it scrolls.

The headline (verdict), the plan and date, the counts, then one line per missed target, overdue
first (at most ``MAX_MISSED``; the rest counted), and how to get the full report. Colour (red
overdue, yellow behind, green when nothing is missed) only when the caller says the terminal
takes it; the status marks carry the meaning without colour. Piped output and ``-o`` keep the
full formats: this view is for eyes only.
"""

from __future__ import annotations

from ..judge.scorecard import Scorecard, scorecard_dict
from ..model import OVERDUE_JA, Status
from .text import (
    MARKS,
    actual_text,
    labels,
    missed,
    target_text,
    verdict_of,
    yoy_headline,
)

MAX_MISSED = 30  # with the 10 lines around them, the view stays within 40 lines
LABEL_WIDTH = 13  # characters of an indicator's label before it is cut with …

HINT = {
    "ja": "全体の表: kpi-tracker scorecard {doc} --format md\n"
    "ファイルへ: -o card.md(HTML は --format html -o card.html)",
    "en": "Full report: kpi-tracker scorecard {doc} --format md\n"
    "To a file: -o card.md (HTML: --format html -o card.html)",
}
MORE = {"ja": "…ほか {n} 件", "en": "… and {n} more"}
# Short states: the ❌ mark already says behind.
STATE = {
    "ja": {True: OVERDUE_JA, False: Status.BEHIND.ja},
    "en": {True: "overdue", False: "behind"},
}

_ANSI = {"red": "31", "yellow": "33", "green": "32", "bold": "1", "dim": "2"}


def _paint(text: str, style: str, color: bool) -> str:
    if not color:
        return text
    codes = ";".join(_ANSI[s] for s in style.split())
    return f"\033[{codes}m{text}\033[0m"


def headline(card: Scorecard, lang: str = "ja", color: bool = False) -> str:
    """The one line ``--quiet`` prints: the verdict."""
    # NOTE: counted on the scorecard itself: its dict would be built for two numbers.
    behind = [o for o in card.indicators if o.status is Status.BEHIND]
    overdue = sum(1 for o in behind if o.overdue)
    style = "bold " + ("red" if overdue else "yellow" if behind else "green")
    return _paint(verdict_of(len(behind), overdue, lang), style, color)


def render(card: Scorecard, lang: str = "ja", *, color: bool = False, doc: str = "DOC") -> str:
    data = scorecard_dict(card)
    L = labels(lang)
    report = data["report"]
    summary = data["summary"]
    behind = missed(data)
    counts = " · ".join(
        f"{MARKS[s]} {L[s]} {summary[s]}"
        for s in ("achieved", "on_track", "behind", "not_measurable")
    )
    out = [
        headline(card, lang, color),
        _paint(str(report["title"]), "dim", color),
        _paint(f"{report['plan']} — {L['as_of']} {report['as_of']}", "dim", color),
        f"{L['measures']} {summary['measures']} · "
        f"{L['indicators']} {summary['indicators']}: {counts}",
    ]
    yoy = yoy_headline(data, lang)
    if yoy:
        out.append(yoy)
    if behind:
        out.append("")
        for i in behind[:MAX_MISSED]:
            state = STATE.get(lang, STATE["ja"])[bool(i["overdue"])]
            label = (
                i["label"]
                if len(i["label"]) <= LABEL_WIDTH
                else i["label"][: LABEL_WIDTH - 1] + "…"
            )
            # NOTE: no deadline: the state says overdue, and a line must fit 80 columns
            # (CJK characters take two).
            line = (
                f"{MARKS['behind']} 施策{i['measure']} {label}: {actual_text(i)} / "
                f"{target_text(i, lang)} {state}"
            )
            out.append(_paint(line, "red" if i["overdue"] else "yellow", color))
        if len(behind) > MAX_MISSED:
            out.append(MORE.get(lang, MORE["ja"]).format(n=len(behind) - MAX_MISSED))
    hint = HINT.get(lang, HINT["ja"]).format(doc=doc).split("\n")
    out += ["", *(_paint(line, "dim", color) for line in hint)]
    return "\n".join(out) + "\n"
