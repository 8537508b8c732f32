"""The status table reader: every measure in, every measure out."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_tracker.errors import DocumentError
from kpi_tracker.read.columns import ministries_in
from kpi_tracker.read.document import load_document

from .helpers import SEED, seed_lines


def test_all_143_measures_once_each(seed_doc) -> None:
    assert [m.no for m in seed_doc.measures] == list(range(1, 144))


def test_report_facts(seed_doc) -> None:
    assert seed_doc.title == "「Ⅲ.具体的施策」の実施状況(令和7年度)"
    assert seed_doc.plan == "孤独・孤立対策に関する施策の推進を図るための重点計画"
    assert seed_doc.fiscal_year == 2025
    assert seed_doc.as_of.isoformat() == "2026-03-31"
    assert len(seed_doc.sha256) == 64


def test_every_measure_has_a_ministry_and_no_html(seed_doc) -> None:
    for m in seed_doc.measures:
        assert m.ministries, m.no
        for text in (m.name, m.overview, m.target_text, m.status_text, m.review_text):
            assert "<p>" not in text and "</p>" not in text and "<ul" not in text, m.no


def _m(doc, no):
    return doc.measures[no - 1]


SECTIONS = [
    (1, "(1)孤独・孤立に至っても支援を求める声を上げやすい社会とする", "①孤独・孤立の実態把握"),
    (
        27,
        "(2)状況に合わせた切れ目のない相談支援につなげる",
        "①相談支援体制の整備(電話・SNS相談の24時間対応の推進等)",
    ),
    (
        46,
        "(2)状況に合わせた切れ目のない相談支援につなげる",
        "②人材育成等の支援",
    ),  # heading row of 7 cells
    (
        93,
        "(3)見守り・交流の場や居場所を確保し、人と人との「つながり」を実感できる地域づくりを行う",
        "②アウトリーチ型支援体制の構築",
    ),
    (
        143,
        "(4)孤独・孤立対策に取り組むNPO等の活動をきめ細かく支援し、官・民・NPO等の連携を強化する",
        "⑤関連施策の推進",
    ),
]


@pytest.mark.parametrize(("no", "top", "sub"), SECTIONS)
def test_sections(seed_doc, no: int, top: str, sub: str) -> None:
    assert _m(seed_doc, no).section == (top, sub)


MINISTRIES = [
    (9, ("法務省",)),  # ministry in the URL cell, ministry cell empty
    (13, ("文部科学省",)),
    (137, ("厚生労働省",)),
    (27, ("法務省",)),  # URL and ministry in one cell of a 7-cell row
    (24, ("文部科学省", "こども家庭庁")),  # two ministries separated by a space
    (60, ("こども家庭庁",)),  # 子ども家庭庁 is こども家庭庁
    (
        127,
        (
            "厚生労働省",
            "内閣府",
            "金融庁",
            "消費者庁",
            "総務省",
            "法務省",
            "経済産業省",
            "国土交通省",
        ),
    ),
    (
        143,
        (
            "内閣官房",
            "内閣府",
            "金融庁",
            "総務省",
            "財務省",
            "文部科学省",
            "厚生労働省",
            "農林水産省",
            "経済産業省",
            "国土交通省",
        ),
    ),
    (93, ("こども家庭庁",)),  # <p> wrapped
]


@pytest.mark.parametrize(("no", "ministries"), MINISTRIES)
def test_ministries(seed_doc, no: int, ministries: tuple[str, ...]) -> None:
    assert _m(seed_doc, no).ministries == ministries


URLS = [
    # (measure, every URL of its row, in order)  # why
    (27, ("https://www.moj.go.jp/MINJI/miniji04_00034.html",)),
    (45, ("https://www.anzen.mof.go.jp/life/info20210707.html",)),  # URL at the end of review
    (46, ("https://cocosapo.mhlw.go.jp/",)),
    (9, ()),  # a row without a URL gets none (not one borrowed from a neighbour)
    (8, ("https://shienjoho.go.jp/", "https://www.mhlw.go.jp/mamorouyokokoro/")),  # two, in order
]


@pytest.mark.parametrize(("no", "urls"), URLS)
def test_urls(seed_doc, no: int, urls: tuple[str, ...]) -> None:
    assert _m(seed_doc, no).urls == urls


def test_url_removed_from_review(seed_doc) -> None:
    assert "https://" not in _m(seed_doc, 45).review_text
    assert _m(seed_doc, 45).review_text.endswith("継続していく。")


def test_lines_point_at_rows(seed_doc) -> None:
    lines = seed_lines()
    for m in seed_doc.measures:
        assert lines[m.line - 1].split("\t")[0].strip() == str(m.no)


def test_ministry_alias_table() -> None:
    assert ministries_in("子ども家庭庁、厚生労働省　内閣府") == (
        "こども家庭庁",
        "厚生労働省",
        "内閣府",
    )
    assert ministries_in("子どもデータ連携の取組の推進 子ども家庭庁") == ("こども家庭庁",)
    assert ministries_in("支援情報検索サイト https://shienjoho.go.jp/") == ()


# --- encodings -----------------------------------------------------------------------------------


def _same_measures(a, b) -> None:
    assert [m.to_dict() for m in a.measures] == [m.to_dict() for m in b.measures]
    assert (a.title, a.plan, a.fiscal_year) == (b.title, b.plan, b.fiscal_year)


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("bom.txt", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        ("cp932.txt", lambda t: t.encode("cp932")),
        ("crlf.txt", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
        ("cr.txt", lambda t: t.replace("\n", "\r").encode("utf-8")),
    ],
)
def test_encodings_and_line_ends(tmp_path: Path, name: str, encode) -> None:
    # NOTE: the seed writes the simplified 发 three times (发出); CP932 has no such character,
    # so both sides use 発, as a CP932 export would.
    text = SEED.read_text(encoding="utf-8").replace("发", "発")
    reference = tmp_path / "utf8.txt"
    reference.write_text(text, encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(encode(text))
    doc = load_document(path)
    _same_measures(doc, load_document(reference))
    assert len(doc.measures) == 143


def test_csv_export_gives_same_measures(seed_doc, tmp_path: Path) -> None:
    import csv

    path = tmp_path / "table.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        for line in seed_lines():
            writer.writerow(line.split("\t"))
    doc = load_document(path)
    assert [m.no for m in doc.measures] == list(range(1, 144))
    for a, b in zip(doc.measures, seed_doc.measures, strict=True):
        assert (a.target_text, a.status_text, a.ministries, a.urls) == (
            b.target_text,
            b.status_text,
            b.ministries,
            b.urls,
        )


# --- bad input -------------------------------------------------------------------------------


def _write(tmp_path: Path, text: str, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


HEADER = "施策No.\t施策名\t施策の概要\t目標及び達成の期間\t目標の達成状況\t達成状況を踏まえた施策の見直し方針\t関連URL\t担当府省庁"
ROW = "{no}\t名前\t概要\t目標\t状況\t見直し\thttps://example.go.jp/\t内閣府"


def test_duplicate_number_names_both_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "\n".join([HEADER, ROW.format(no=1), ROW.format(no=1)]))
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value) == f"{path}:3: 施策No. 1 appears twice (first on line 2)"


def test_truncated_row_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "\n".join([HEADER, ROW.format(no=1), "2\t名前\t概要"]))
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value) == (
        f"{path}:3: 施策No. 2: 3 cells, the header has 8 (a truncated or broken row)"
    )


def test_too_many_cells_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "\n".join([HEADER, ROW.format(no=1) + "\textra"]))
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value) == f"{path}:2: 施策No. 1: 9 cells, the header has 8"


def test_trailing_empty_cells_are_fine(tmp_path: Path) -> None:
    path = _write(tmp_path, "\n".join([HEADER, ROW.format(no=1) + "\t\t"]))
    assert [m.no for m in load_document(path).measures] == [1]


def test_stray_text_line_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "\n".join([HEADER, ROW.format(no=1), "続きの文章がここに"]))
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value).startswith(f"{path}:3: not a measure row, heading or separator")


def test_missing_header(tmp_path: Path) -> None:
    path = _write(tmp_path, ROW.format(no=1))
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert "no header row" in str(info.value) and str(info.value).startswith(str(path))


def test_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "")
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: empty file"


def test_not_text(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(128, 256)) * 4)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert "cannot decode" in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as info:
        load_document(tmp_path / "nope.txt")
    assert str(info.value) == f"{tmp_path / 'nope.txt'}: cannot read: No such file or directory"


def test_document_text_with_markup_is_kept_literally(tmp_path: Path) -> None:
    row = "1\t<script>alert(1)</script>\t<p>概要 &amp; A</p>\t目標\t<img src=x onerror=alert(1)>\t見直し\t\t内閣府"
    doc = load_document(_write(tmp_path, "\n".join([HEADER, row])))
    m = doc.measures[0]
    assert m.name == "<script>alert(1)</script>"
    assert m.status_text == "<img src=x onerror=alert(1)>"
    assert m.overview == "概要 &amp; A"


# --- issue 11: truncated documents, header columns, six-digit numbers ------------------------

SEED_BYTES = SEED.read_bytes()


def test_truncated_seed_is_an_error(tmp_path: Path) -> None:
    # D1: `head -c 125158 S` scored with exit 0, 施策74's status cut mid-sentence.
    path = tmp_path / "half.txt"
    path.write_bytes(SEED_BYTES[:125158])
    line = SEED_BYTES[:125158].count(b"\n") + 1
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value).startswith(f"{path}:{line}: the file ends inside 施策No. 74's row")


def _cuts() -> list[int]:
    """40 cut points inside measure rows (never just before a line break), spread evenly."""
    starts = []
    offset = 0
    for raw in SEED_BYTES.split(b"\n"):
        if raw[:3].strip().isdigit():
            starts.append((offset, offset + len(raw)))
        offset += len(raw) + 1
    step = len(starts) // 40
    return [a + (b - a) * (i % 9 + 1) // 10 for i, (a, b) in enumerate(starts[::step][:40])]


@pytest.mark.parametrize("cut", _cuts())
def test_a_cut_inside_a_row_never_passes_for_the_whole_row(tmp_path: Path, seed_doc, cut) -> None:
    # D1: 17 of 40 mid-line cuts exited 0. Now a cut document either fails naming the line, or
    # every measure it gives is the measure of the whole document (nothing silently shortened).
    data = SEED_BYTES[:cut]
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    try:
        doc = load_document(path)
    except DocumentError as exc:
        assert str(exc).startswith(f"{path}:"), exc
        return
    whole = {m.no: m for m in seed_doc.measures}
    for m in doc.measures:
        assert m.to_dict() == whole[m.no].to_dict(), m.no


def test_extra_header_column_is_ignored_and_named(tmp_path: Path) -> None:
    # D16: a 備考 column rejected every row ("9 cells, the header has 8").
    path = _write(tmp_path, "\n".join([HEADER + "\t備考", ROW.format(no=1) + "\tメモ", ""]))
    doc = load_document(path)
    assert [m.no for m in doc.measures] == [1]
    assert doc.measures[0].ministries == ("内閣府",)
    assert f"{path}:1: column 9 「備考」 is not read" in doc.warnings


def test_duplicated_header_name_is_an_error(tmp_path: Path) -> None:
    # D16: two 目標の達成状況 columns silently mapped the second one as the target.
    header = HEADER.replace("目標及び達成の期間", "目標の達成状況")
    path = _write(tmp_path, "\n".join([header, ROW.format(no=1), ""]))
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value) == (f"{path}:1: columns 4 and 5 are both named 「目標の達成状況」")


def test_six_digit_measure_number(tmp_path: Path) -> None:
    # D17: 施策No. 100001 was "not a measure row".
    path = _write(tmp_path, "\n".join([HEADER, ROW.format(no=100001), ""]))
    assert [m.no for m in load_document(path).measures] == [100001]


@pytest.mark.parametrize(
    "variant",
    [
        lambda b: b.replace(b"\n", b"\r\n"),  # CRLF
        lambda b: b"\xef\xbb\xbf" + b,  # BOM
        lambda b: b.decode("utf-8").replace("发", "発").encode("cp932"),  # CP932 (no 发)
    ],
)
def test_content_identity_ignores_encoding_and_line_ends(tmp_path: Path, variant) -> None:
    # D2: the same table as UTF-8, CRLF, BOM or CP932 is one document.
    base = tmp_path / "base.txt"
    base.write_bytes(SEED_BYTES.decode("utf-8").replace("发", "発").encode("utf-8"))
    other = tmp_path / "other.txt"
    other.write_bytes(variant(base.read_bytes()))
    a, b = load_document(base), load_document(other)
    assert a.sha256 != b.sha256  # the bytes differ
    assert a.content_sha256 == b.content_sha256


def test_content_identity_sees_a_changed_cell(tmp_path: Path, seed_doc) -> None:
    path = tmp_path / "changed.txt"
    path.write_bytes(SEED_BYTES.replace(b"274,285", b"274,286", 1))
    assert load_document(path).content_sha256 != seed_doc.content_sha256


def test_content_identity_of_a_csv_export(tmp_path: Path, seed_doc) -> None:
    # D2: the same table exported as CSV is the same document.
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for line in SEED_BYTES.decode("utf-8").split("\n"):
        writer.writerow(line.split("\t"))
    path = tmp_path / "seed.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    assert load_document(path).content_sha256 == seed_doc.content_sha256
