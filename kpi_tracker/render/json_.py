"""``--format json``: the scorecard as ``scorecard_dict`` shapes it, keys in English."""

from __future__ import annotations

import json
from typing import Any

from ..judge.scorecard import Scorecard, scorecard_dict
from .wording import wording


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(card: Scorecard, lang: str = "ja") -> str:
    """The contract's shape: reasons said in ``lang``, every date ISO (``--dates`` does not
    apply: JSON is read by programs)."""
    return dumps(scorecard_dict(card, wording(lang, "iso").reason))
