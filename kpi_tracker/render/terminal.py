"""The compact view ``scorecard`` prints to a terminal: what a person reads before it scrolls.

The headline (verdict), the plan and date, the counts, then one line per missed target, overdue
first (at most ``MAX_MISSED``; the rest counted), and how to get the full report. Colour (red
overdue, yellow behind, green when nothing is missed) only when the caller says the terminal
takes it; the status marks carry the meaning without colour. Piped output and ``-o`` keep the
full formats: this view is for eyes only.
"""

from __future__ import annotations

import shutil
import unicodedata

from ..judge.scorecard import Scorecard, scorecard_dict
from ..model import OVERDUE_JA, Status
from ..shape import IndicatorData
from ..text.normalize import one_line
from .only import verdict_counted
from .text import (
    MARKS,
    actual_text,
    labels,
    missed,
    progress_text,
    target_text,
    yoy_headline,
)
from .wording import Wording, wording

MAX_MISSED = 30  # with the 10 lines around them, the view stays within 40 lines
MIN_LABEL = 8  # columns an indicator's label keeps however narrow the terminal
LABEL_ROOM = 24  # columns a label should keep before the 達成率/進捗 shares are left out

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
    """``text`` in colour; its own control characters escaped (a label's ESC or BEL reaches
    the terminal as text, never as a command)."""
    text = one_line(text)
    if not color:
        return text
    codes = ";".join(_ANSI[s] for s in style.split())
    return f"\033[{codes}m{text}\033[0m"


def width_of(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cut(text: str, columns: int) -> str:
    """``text`` within ``columns`` terminal columns, ending in … when cut."""
    if width_of(text) <= columns:
        return text
    out, used = "", 0
    for c in text:
        w = width_of(c)
        if used + w > columns - 1:
            break
        out += c
        used += w
    return out + "…"


def headline(card: Scorecard, lang: str = "ja", color: bool = False) -> str:
    """The one line ``--quiet`` prints: the verdict."""
    # NOTE: counted on the scorecard itself: its dict would be made for two numbers.
    behind = [o for m in card.measures for o in m.outcomes if o.status is Status.BEHIND]
    overdue = sum(1 for o in behind if o.overdue)
    return headline_counted(card, len(behind), overdue, lang, color)


def headline_counted(
    card: Scorecard, behind: int, overdue: int, lang: str = "ja", color: bool = False
) -> str:
    """``headline`` from the counts of missed targets (``behind``, of which ``overdue``)."""
    style = "bold " + ("red" if overdue else "yellow" if behind else "green")
    return _paint(verdict_counted(card, behind, overdue, lang), style, color)


def render(
    card: Scorecard,
    lang: str = "ja",
    *,
    color: bool = False,
    doc: str = "DOC",
    dates: str | None = None,
    columns: int | None = None,
) -> str:
    """The compact view, its lines within ``columns`` (default: the terminal's width)."""
    say = wording(lang, dates)
    data = scorecard_dict(card, say.reason)
    columns = columns or shutil.get_terminal_size().columns
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
        _paint(f"{report['plan']} — {L['as_of']} {say.date(report['as_of'])}", "dim", color),
        f"{L['measures']} {summary['measures']} · "
        f"{L['indicators']} {summary['indicators']}: {counts}",
    ]
    yoy = yoy_headline(data, lang, say)
    if yoy:
        out.append(one_line(yoy))
    if behind:
        out.append("")
        shown = behind[:MAX_MISSED]
        for i, line in zip(shown, missed_lines(shown, say, columns), strict=True):
            out.append(_paint(line, "red" if i["overdue"] else "yellow", color))
        if len(behind) > MAX_MISSED:
            out.append(MORE.get(lang, MORE["ja"]).format(n=len(behind) - MAX_MISSED))
    hint = HINT.get(lang, HINT["ja"]).format(doc=doc).split("\n")
    out += ["", *(_paint(line, "dim", color) for line in hint)]
    return "\n".join(out) + "\n"


def missed_lines(inds: list[IndicatorData], say: Wording, columns: int) -> list[str]:
    """One line per missed target, each within ``columns``: the label gets what the rest of
    the line leaves. No two lines read the same: where cutting made two alike, their labels
    are shown whole, and where the whole lines are alike, the indicator ids tell them apart.

    NOTE: no deadline: the state says overdue, and CJK characters take two columns."""
    lang = say.lang
    L = labels(lang)
    states = STATE.get(lang, STATE["ja"])
    measure = L["measure_no"]
    parts = []
    for i in inds:
        head = f"{MARKS['behind']} {measure.format(no=i['measure'])} "
        core = f": {actual_text(i, lang)} / {target_text(i, lang)} {states[bool(i['overdue'])]}"
        attained = f"{L['attainment']} {progress_text(i['attainment'])}"
        way = f"{L['progress']} {progress_text(i['progress'])}"
        # The richest tail that leaves the label room enough; the shares go first when the
        # terminal is narrow (the full report has them all).
        tails = [core]
        if i["attainment"] is not None:
            tails.insert(0, f"{core} ({attained})")
            if i["progress"] is not None:
                tails.insert(0, f"{core} ({attained} {way})")
        room = columns - width_of(head) - 1
        tail = next((t for t in tails if room - width_of(t) >= LABEL_ROOM), tails[-1])
        parts.append((head, i["label"], tail, i["id"]))
    rooms = [max(MIN_LABEL, columns - width_of(h) - width_of(t) - 1) for h, _, t, _ in parts]
    shown = [cut(label, room) for (_, label, _, _), room in zip(parts, rooms, strict=True)]
    # Labels cut alike (two indicators of one measure that differ only at the end) are
    # shown by their beginning and their end; still alike, whole; then with their ids.
    for widen in (cut_middle, lambda label, _: label, None):
        alike = _alike(parts, shown)
        if not alike:
            break
        for n in alike:
            label = parts[n][1]
            shown[n] = widen(label, rooms[n]) if widen else f"{label} [{parts[n][3]}]"
    return [head + label + tail for (head, _, tail, _), label in zip(parts, shown, strict=True)]


def _alike(parts: list[tuple[str, str, str, str]], shown: list[str]) -> list[int]:
    """The rows whose measure and shown label read the same as another's: equal, or one cut
    label the beginning of the other (妊娠・出産、子育てに温… and 妊娠・出産、子育てに温か…)."""
    out = []
    for n, (head, _, _, _) in enumerate(parts):
        mine = shown[n].removesuffix("…")
        for m, (other, _, _, _) in enumerate(parts):
            theirs = shown[m].removesuffix("…")
            if m != n and other == head and (mine.startswith(theirs) or theirs.startswith(mine)):
                out.append(n)
                break
    return out


def cut_middle(text: str, columns: int) -> str:
    """``text`` within ``columns``: its beginning, …, and its end."""
    if width_of(text) <= columns:
        return text
    end = ""
    for c in reversed(text):
        if width_of(end) + width_of(c) > columns // 2:
            break
        end = c + end
    return cut(text, columns - width_of(end)) + end
