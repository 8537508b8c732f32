"""Judging: observations + targets → outcomes, measures, the ``Scorecard``; compare; the gate.

Owns: one indicator's outcome (``outcome``), trends (``trend``), a measure's grade
(``grading``), the scorecard of a document (``scorecard``, ``sheet_card``; ``sheet_stream``
for a sheet judged as it is read), two scorecards
compared (``compare``) and accepted misses (``baseline``). May import: ``model``, ``text``,
``errors``, ``shape``, ``extract``, ``rules``.
"""

from __future__ import annotations
