"""Text: normalisation, numbers, periods (eras and fiscal years), units — the vocabulary of a cell.

Owns: one-to-one normalisation (``normalize``), Japanese numbers with their units (``numbers``),
和暦 and 年度 as ``Period`` (``periods``), the pint unit registry (``units``) and how numbers
are written back (``numfmt``). May import: ``errors`` and ``data`` only.
"""

from __future__ import annotations
