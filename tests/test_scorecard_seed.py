"""The seed's scorecard: what a careful reader of the 令和7年度 table concludes."""

from __future__ import annotations

import pytest

B, A, T, N = "behind", "achieved", "on_track", "not_measurable"

EXPECTED = [
    # (indicator id, status, overdue, actual, target)  # why
    ("support-search-site-pv", B, False, 274285, 300000),  # 30万回 by 令和8年度: not yet, no trend
    ("mamorouyo-kokoro-pv", A, False, 5392871, 300000),
    ("suicide-week-awareness", N, False, None, 66.7),  # 3人に2人: no survey value; target kept
    ("bullying-school-training-share", B, True, 86.9, 90),  # 毎年度90%: 令和6年度 missed
    ("bullying-local-cooperation-share", A, False, 46.4, 41.1),  # more than 41.1% (令和5年度)
    ("truancy-counselled-students", A, False, 218246, 212114),  # > 212,114人 (令和5年度)
    ("freelance-consultation-satisfaction", B, True, 73, 80),  # 約73% vs 80% in 令和7年度
    ("reemployment-program-starts", A, False, 212, 206),
    ("reemployment-program-job-rate", A, False, 86.0, 84.5),
    ("mothers-hellowork-priority-clients", N, False, None, 64049),  # not reported; target kept
    ("certified-social-workers", A, False, 321616, 315589),  # 社会福祉士, not 精神保健福祉士
    ("psychiatric-social-workers", A, False, 116961, 111588),
    ("childrearing-climate-prefectures", B, True, 96, 100),  # 全て = 100%
    ("childrearing-climate-municipalities", B, True, 12, 80),  # 8割
    ("marriage-support-prefectures", A, False, 100, 100),
    ("marriage-support-municipalities", B, True, 37, 80),
    ("paternity-leave-rate-2025", B, True, 40.5, 50),  # 2025年までに50%
    ("paternity-leave-rate-2030", T, False, 40.5, 85),  # +10 points a year reaches 85% by 2030
    # 電話/SNS/メール summed: 52,638件; each channel's 前年度比 gives last year's 39,224.7件
    ("kokoro-no-mimi-consultations", A, False, 52638, 39224.7104),
    ("occupational-health-consultations", A, False, 148668, pytest.approx(140252.83, rel=1e-6)),
    ("child-place-municipalities", B, True, 96, 120),  # 58 + 38 自治体 (an upper bound) < 120
    ("parent-child-hubs", B, True, 8061, 10206),
    ("shared-meals-share", B, True, 70.1, 75),
    ("kayoinoba-participation", B, True, 6.7, 8),  # 8%程度 by 令和7年(2025年)
    ("dementia-cafe-municipality-coverage", B, False, 91.8, 100),
    (
        "agri-welfare-entities",
        T,
        False,
        8277,
        12000,
    ),  # 7,179 → 8,277 a year: on track for 令和12年度末
    ("lifelong-active-town-governments", A, False, 190, 150),
    ("regional-revitalization-volunteers", B, False, 8196, 10000),
    ("village-networks", B, False, 1386, 1800),
    ("village-supporter-municipalities", A, False, 511, 486),
    ("housing-council-population-coverage", B, False, 39, 50),
    ("housing-support-corporations", N, False, 1167, None),  # 増加 with nothing to compare
    ("digital-literacy-sessions", A, False, 6000, 6000),  # 約6,000か所以上
    ("needy-new-consultations", B, True, 302828, 400000),
    ("needy-plan-share", B, True, pytest.approx(29.552, abs=1e-3), 50),  # 89,492 / 302,828
    ("national-park-visitor-recovery", B, True, 91, 100),
    ("child-welfare-officers", B, False, 6866, 7390),  # 見込み; 令和8年度末 not yet due
    ("heatstroke-deaths-5yr-average", B, False, 1513, 663.5),  # 半減 of 1,327人
    ("work-readiness-municipalities", A, False, 764, 747),  # 747 → 764 自治体
    ("reoffending-direct-support-cases", A, False, 3672, 3285),  # 対前年度比387件増
    ("local-reoffending-plans", A, False, 1015, 893.2),  # 25%増 ≥ 1割
    ("settlement-centre-meetings", N, False, 514, 480),  # 令和7年度は集計中; target kept
    ("settlement-reoffending-ratio", A, False, 20.8, 21.1),
    ("telework-seminar-understanding", A, False, 90.6, 80),
    ("local-platform-prefectures", B, True, 44, 47),  # 令和8年4月1日時点 counts for 令和7年度
    ("ice-age-generation-regular-employees", B, False, 110000, 300000),  # 11万人増, not 役員20万人
]


@pytest.mark.parametrize(("ind_id", "status", "overdue", "actual", "target"), EXPECTED)
def test_seed_indicator(seed_indicators, ind_id, status, overdue, actual, target) -> None:
    ind = seed_indicators[ind_id]
    assert ind["status"] == status, ind["reason"]
    assert ind["overdue"] is overdue
    assert ind["actual"] == actual
    assert ind["target"] == target


def test_summary_counts_add_up(seed_card) -> None:
    s = seed_card["summary"]
    assert s["measures"] == 143 == len(seed_card["measures"])
    assert s["indicators"] == len(seed_card["indicators"])
    assert s["achieved"] + s["on_track"] + s["behind"] + s["not_measurable"] == s["indicators"]


def test_report(seed_card) -> None:
    r = seed_card["report"]
    assert (r["fiscal_year"], r["as_of"]) == (2025, "2026-03-31")
    assert r["source"] == "kodoku_koritsu_jisshi_jokyo_r7.txt"


def test_evidence_quotes_the_source(seed_indicators, seed_doc) -> None:
    lines = {m.no: m for m in seed_doc.measures}
    for ind in seed_indicators.values():
        if ind["evidence"]:
            m = lines[ind["measure"]]
            assert ind["evidence"]["line"] == m.line
            quoted = ind["evidence"]["text"].strip("…")
            assert quoted in m.status_text, ind["id"]


def test_pv_evidence(seed_indicators) -> None:
    ev = seed_indicators["support-search-site-pv"]["evidence"]
    assert ev == {"text": "支援情報検索サイトPV数:274,285(令和7年4月～令和8年3月)", "line": 20}


def test_provisional_flag(seed_indicators) -> None:
    assert seed_indicators["child-welfare-officers"]["provisional"] is True
    assert seed_indicators["support-search-site-pv"]["provisional"] is False


def test_measure_status_is_worst_of_measurable(seed_card) -> None:
    by_no = {m["no"]: m for m in seed_card["measures"]}
    assert by_no[8]["status"] == "behind"  # PV behind, まもろうよこころ achieved
    assert by_no[50]["status"] == "achieved"
    assert by_no[54]["status"] == "behind"
    assert by_no[73]["status"] == "on_track"
    assert by_no[1]["status"] == "not_measurable" and by_no[1]["reason"]
    assert by_no[115]["reason"].startswith("目標欄の数値")
    assert by_no[30]["status"] == "achieved"  # the unreported indicators do not count


def test_grades(seed_card) -> None:
    by_no = {m["no"]: m for m in seed_card["measures"]}
    assert by_no[1]["grade"] is None
    assert by_no[50]["grade"] == "目標達成"
    assert by_no[8]["grade"] == "相当程度進展あり"  # 91% of the PV target
    assert by_no[53]["grade"] == "目標に向かっていない"  # 12% against 80%


def test_on_track_names_its_trend(seed_indicators) -> None:
    trend = seed_indicators["agri-welfare-entities"]["trend"]
    assert [(p["date"], p["value"]) for p in trend] == [("2024-03-31", 7179), ("2025-03-31", 8277)]
