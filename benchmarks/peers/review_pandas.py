"""The script a user would write with pandas instead of kpi-tracker: a 行政事業レビュー
目標・実績 file → each indicator's status as of the end of the fiscal year, as JSON.

    python benchmarks/peers/review_pandas.py FILE.csv FISCAL_YEAR OUT.json
"""

import sys

import numpy as np
import pandas as pd

path, year, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
df = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
key = ["予算事業ID", "アクティビティ・アウトプット・アウトカムの番号", "活動指標／成果指標"]
kind, years = "目標年度／目標値／実績値／達成率", [c for c in df.columns if c.isdigit()]
long = df.melt(id_vars=[*key, kind], value_vars=years, var_name="year").dropna(subset="value")
long["value"] = pd.to_numeric(long["value"].str.replace(",", ""), errors="coerce")
long["year"] = long["year"].astype(int)
long = long.dropna(subset="value")
meta = df.drop_duplicates(key).set_index(key)[["成果目標の種類", "改善の上向き／下向き", "単位"]]
flag = long[long[kind] == "1.目標年度"].groupby(key)["year"].max().rename("target_year")
targets = long[long[kind] == "2.目標値"]
actuals = long[(long[kind] == "3.実績値") & (long["year"] <= year)].sort_values("year")
first = actuals.groupby(key).first()[["year", "value"]].add_prefix("first_")
last = actuals.groupby(key).last()[["year", "value"]].add_prefix("actual_")
card = meta.join([flag, first, last])
card["target_year"] = card["target_year"].fillna(targets.groupby(key)["year"].max())
tv = targets.set_index([*key, "year"])["value"]
at = pd.MultiIndex.from_arrays(
    [*zip(*card.index, strict=True), card["target_year"].fillna(0).astype(int)]
)
card["target"] = tv.reindex(at).to_numpy()
down = card["改善の上向き／下向き"] == "下向き"
met = np.where(down, card["actual_value"] <= card["target"], card["actual_value"] >= card["target"])
span = card["actual_year"] - card["first_year"]
horizon = card["target_year"] - card["first_year"]
actual_rate = (card["actual_value"] / card["first_value"]) ** (1 / span.where(span > 0)) - 1
required = (card["target"] / card["first_value"]) ** (1 / horizon.where(horizon > 0)) - 1
on_track = (actual_rate / required >= 0.95) & (card["target_year"] > year)
card["status"] = np.select(
    [card["成果目標の種類"] == "定性的", card["target"].isna() | card["actual_value"].isna(), met,
     on_track],
    ["not_measurable", "not_measurable", "achieved", "on_track"],
    "behind",
)  # fmt: skip
card["overdue"] = (card["status"] == "behind") & (card["target_year"] <= year)
card = card.reset_index()
card["id"] = card[key].astype(str).agg("/".join, axis=1)
columns = ["id", "status", "overdue", "actual_value", "target", "target_year", "単位"]
card[columns].to_json(out, orient="records", force_ascii=False, lines=True)
