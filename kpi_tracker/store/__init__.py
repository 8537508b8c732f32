"""Stored history: SQLModel tables (SQLite by default, PostgreSQL by URL) and their queries.

Owns: the tables and queries (``db``) and the clean-up of a database a failed command created
(``access``). The only package that touches a database; imported only by the commands that
store or read history. May import: ``model``, ``text``, ``errors``, ``shape``, ``judge``, and
``render.wording`` (a leaf: the words of each reason code) for the reasons it keeps.
"""

from __future__ import annotations
