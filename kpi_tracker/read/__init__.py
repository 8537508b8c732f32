"""Reading: bytes → rows → ``Document`` (status tables, plan tables, structured KPI sheets).

Owns: encodings, TSV/CSV (``rows``), Excel (``xlsx``), PDF (``pdf``: ruled tables, and a
plan's prose through ``planprose``), the status table's columns (``columns``) and rows
(``document``), a plan's own table (``plantable``) and structured sheets (``sheets/``).
May import: ``model``, ``text``, ``errors``, ``data``, ``shape``. Never rules, extraction or
judging.
"""

from __future__ import annotations
