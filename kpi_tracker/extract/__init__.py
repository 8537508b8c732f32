"""Extraction: a rule + a status text → candidate figures with features → observations.

Owns: the candidates and the choice (``candidates``), the features that score them
(``features``) and word similarity (``similarity``). May import: ``model``, ``text``,
``errors``, ``data``.
"""

from __future__ import annotations
