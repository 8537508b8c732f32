"""Text: normalisation, numbers, periods (eras and fiscal years), units — the vocabulary of a cell.

Owns: one-to-one normalisation (``normalize``), Japanese numbers with their units (``numbers``),
和暦 and 年度 as ``Period`` (``periods``), the pint unit registry (``units``) and how numbers
are written back (``numfmt``), and the repair of text taken from a PDF (``pdftext``:
``repair_pdf_text`` for a page flow or pasted PDF text, ``repair_cell_text`` for a table
cell; no PDF library). May import: ``errors`` and ``data`` only.
"""

from __future__ import annotations
