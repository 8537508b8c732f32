"""The JSON scorecard written as a stream: the same document as ``scorecard_dict``, one
top-level key per line, one measure or indicator per line, and no whole-document build."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from kpi_tracker.judge.scorecard import Scorecard, evaluate, scorecard_dict, with_previous
from kpi_tracker.pipeline import stored_wording
from kpi_tracker.render import json_, render_stream


@pytest.fixture(scope="module")
def card(seed_doc, seed_rules) -> Scorecard:
    return evaluate(seed_doc, seed_rules)


def _roundtrip(data: object) -> object:
    return json.loads(json.dumps(data, ensure_ascii=False))


def test_stream_is_the_scorecard_dict(card) -> None:
    text = "".join(render_stream("scorecard", "json", card, lang="ja"))
    assert json.loads(text) == _roundtrip(scorecard_dict(card, stored_wording()))
    # Only whitespace differs from the indented document of before.
    before = json.dumps(scorecard_dict(card, stored_wording()), ensure_ascii=False, indent=2) + "\n"
    assert "".join(text.split()) == "".join(before.split())


def test_stream_with_a_previous_report(card) -> None:
    previous = _roundtrip(scorecard_dict(card, stored_wording()))
    card = with_previous(card, previous)  # type: ignore[arg-type]
    streamed = json.loads("".join(render_stream("scorecard", "json", card, lang="ja")))
    expected = _roundtrip(scorecard_dict(card, stored_wording()))
    assert streamed == expected
    assert list(streamed)[-1] == "year_over_year"  # after the indicators it counts
    assert streamed["year_over_year"]["movement"]["unchanged"] == len(streamed["indicators"])


def test_one_indicator_per_line(card) -> None:
    lines = "".join(render_stream("scorecard", "json", card, lang="ja")).splitlines()
    data = scorecard_dict(card, stored_wording())
    ids = {json.loads(line.strip().rstrip(","))["id"] for line in lines if '"evidence"' in line}
    assert ids == {i["id"] for i in data["indicators"]}
    assert lines[0] == "{" and lines[-1] == "}"
    assert lines[1].startswith('  "report": {')


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ({}, "{}\n"),  # an empty object
        ([], "[]\n"),  # an empty list
        ({"a": []}, '{\n  "a": []\n}\n'),  # an empty list under a key
        ({"a": [1, {"b": 2}]}, '{\n  "a": [\n    1,\n    {"b": 2}\n  ]\n}\n'),  # an item a line
        ([1, 2], "[\n  1,\n  2\n]\n"),  # a top-level list
        ({"a": "é漢"}, '{\n  "a": "é漢"\n}\n'),  # text as written, not escaped
        (3, "3\n"),  # a scalar
    ],
)
def test_layout(data: object, text: str) -> None:
    assert json_.dumps(data) == text
    assert json.loads(text) == data


def test_a_generator_is_written_without_being_kept() -> None:
    taken: list[int] = []

    def items() -> Iterator[dict[str, int]]:
        for n in range(3):
            taken.append(n)
            yield {"n": n}

    pieces = json_.chunks({"items": items()})
    assert next(pieces) == "{\n"
    assert taken == []  # nothing is produced before the writer gets to it
    assert json.loads("{" + "".join(pieces)) == {"items": [{"n": 0}, {"n": 1}, {"n": 2}]}
