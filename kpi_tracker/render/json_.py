"""``--format json``: the scorecard as ``scorecard_dict`` shapes it, keys in English."""

from __future__ import annotations

import json
from typing import Any

from ..judge.scorecard import Scorecard, scorecard_dict


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(card: Scorecard, lang: str = "ja") -> str:
    return dumps(scorecard_dict(card))
