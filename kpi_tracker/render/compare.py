"""Renderings of ``compare``: JSON (CONTRACT §6), Markdown (regressions first), HTML."""

from __future__ import annotations

from html import escape
from typing import Any

from ..vocabulary import OVERDUE_JA, Status
from .json_ import dumps
from .text import md_cell, number

CHANGE_JA = {
    "regressed": "悪化",
    "improved": "改善",
    "new": "新規",
    "dropped": "削除",
    "unchanged": "変化なし",
}


def _side(side: dict[str, Any] | None) -> tuple[str, str]:
    if side is None:
        return "—", "—"
    status = Status(side["status"]).ja + (f"({OVERDUE_JA})" if side.get("overdue") else "")
    actual = "—" if side["actual"] is None else number(side["actual"]) + side["unit"]
    return status, actual


def _rows(data: dict[str, Any]) -> list[tuple[str, ...]]:
    rows = []
    for c in data["changes"]:
        old_status, old_actual = _side(c["old"])
        new_status, new_actual = _side(c["new"])
        rows.append(
            (
                str(c["measure"]),
                c["label"],
                old_actual,
                new_actual,
                old_status,
                new_status,
                CHANGE_JA[c["change"]],
            )
        )
    return rows


HEADER = ("No.", "指標", "前回実績", "今回実績", "前回判定", "今回判定", "変化")


def render(data: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return dumps(data)
    rows = _rows(data)
    counts = {k: sum(1 for c in data["changes"] if c["change"] == k) for k in CHANGE_JA}
    summary = "、".join(f"{CHANGE_JA[k]} {v}" for k, v in counts.items())
    old, new = data["old"], data["new"]
    if fmt == "html":
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
        )
        return (
            '<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>前年度比較</title></head><body><h1>前年度比較</h1>"
            f"<p>{escape(str(old['title']))} → {escape(str(new['title']))}</p>"
            f"<p>{escape(summary)}</p><table><thead><tr>"
            + "".join(f"<th>{h}</th>" for h in HEADER)
            + f"</tr></thead><tbody>{body}</tbody></table></body></html>\n"
        )
    lines = [
        f"# 前年度比較: {md_cell(old['title'])} → {md_cell(new['title'])}",
        "",
        f"**{summary}**",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|---:|---|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
