"""Extraction: a rule + a status text → candidate figures with features → observations.

Owns: the candidates (``candidates``), the features that score them (``features``), word
similarity (``similarity``) and the decision with every threshold of it (``decide``).
May import: ``model``, ``text``, ``errors``, ``data``.
"""

from __future__ import annotations
