"""Structured KPI sheets (one row per indicator; the 行政事業レビュー layout) → ``Document``.

Owns: the header vocabulary (``vocab``), one cell's reading (``cells``), the records a sheet
becomes (``model``), target cells (``goal``), the table layout (``table``) and the review
layout (``review``). May
import: ``model``, ``text``, ``errors``, ``data``, ``read.columns`` (ministry cells),
``read.mapping`` (the header names ``--column`` maps).
"""

from __future__ import annotations
