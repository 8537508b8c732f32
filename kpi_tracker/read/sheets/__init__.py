"""Structured KPI sheets (one row per indicator; the 行政事業レビュー layout) → ``Document``.

Owns: the header vocabulary (``vocab``), one cell's reading (``cells``), the records a sheet
becomes (``model``), the table layout (``table``) and the review layout (``review``). May
import: ``model``, ``text``, ``errors``, ``data``, ``read.columns`` (ministry cells).
"""

from __future__ import annotations
