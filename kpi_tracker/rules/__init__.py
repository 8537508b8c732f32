"""Rules files: schema, compiled values, which file serves a document, drafting and lint.

Owns: safe YAML with lines (``yamlsafe``), the pydantic schema (``schema``), the compiled
rules and their cache (``compiled``, ``cache``), the search order (``search``), the target
cell's goals (``targets``, ``target_text``), ``rules draft`` (``draft``, ``draft_merge``) and
``rules lint`` (``lint``). May import: ``model``, ``text``, ``errors``, ``data``; and, in
``draft`` and ``lint`` only, ``extract`` and ``judge`` (to look at a report's status column).
"""

from __future__ import annotations
