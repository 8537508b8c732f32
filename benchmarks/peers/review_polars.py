"""The same script with polars (benchmarks/peers/review_pandas.py says what it does).

python benchmarks/peers/review_polars.py FILE.csv FISCAL_YEAR OUT.json
"""

import sys

import polars as pl

path, year, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
df = pl.read_csv(path, infer_schema=False, encoding="utf8")
key = ["予算事業ID", "アクティビティ・アウトプット・アウトカムの番号", "活動指標／成果指標"]
kind, years = "目標年度／目標値／実績値／達成率", [c for c in df.columns if c.isdigit()]
long = (
    df.unpivot(on=years, index=[*key, kind], variable_name="year")
    .drop_nulls("value")
    .with_columns(
        pl.col("value").str.replace_all(",", "").cast(pl.Float64, strict=False),
        pl.col("year").cast(pl.Int32),
    )
    .drop_nulls("value")
)
meta = df.unique(key, keep="first", maintain_order=True).select(
    *key, "成果目標の種類", "改善の上向き／下向き", "単位"
)
flag = long.filter(pl.col(kind) == "1.目標年度").group_by(key).agg(flag_year=pl.max("year"))
targets = long.filter(pl.col(kind) == "2.目標値")
last_target = targets.group_by(key).agg(last_year=pl.max("year"))
actuals = long.filter((pl.col(kind) == "3.実績値") & (pl.col("year") <= year)).sort("year")
ends = actuals.group_by(key).agg(
    first_year=pl.first("year"), first_value=pl.first("value"),
    actual_year=pl.last("year"), actual_value=pl.last("value"),
)  # fmt: skip
card = (
    meta.join(flag, on=key, how="left").join(last_target, on=key, how="left")
    .with_columns(target_year=pl.coalesce("flag_year", "last_year"))
    .join(targets.select(*key, target_year="year", target="value"), on=[*key, "target_year"],
          how="left")
    .join(ends, on=key, how="left")
)  # fmt: skip
a, t, f = pl.col("actual_value"), pl.col("target"), pl.col("first_value")
span = pl.col("actual_year") - pl.col("first_year")
horizon = pl.col("target_year") - pl.col("first_year")
rate = ((a / f) ** (1 / span) - 1) / ((t / f) ** (1 / horizon) - 1)
down = pl.col("改善の上向き／下向き") == "下向き"
status = (
    pl.when((pl.col("成果目標の種類") == "定性的") | t.is_null() | a.is_null())
    .then(pl.lit("not_measurable"))
    .when(pl.when(down).then(a <= t).otherwise(a >= t))
    .then(pl.lit("achieved"))
    .when((span > 0) & (horizon > 0) & (rate >= 0.95) & (pl.col("target_year") > year))
    .then(pl.lit("on_track"))
    .otherwise(pl.lit("behind"))
)
card = card.with_columns(status=status).with_columns(
    overdue=(pl.col("status") == "behind") & (pl.col("target_year") <= year),
    id=pl.concat_str(key, separator="/"),
)
card.select(
    "id", "status", "overdue", "actual_value", "target", "target_year", "単位"
).write_ndjson(out)
