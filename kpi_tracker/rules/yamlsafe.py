"""Safe YAML for rules files: every value with its line, no surprises.

PyYAML's ``compose()`` gives a node tree with marks; walking it ourselves means every scalar
stays a string (``no`` is not turned into False; pydantic coerces numbers), two equal keys in
one mapping are an error instead of the last silently winning, and anchors/aliases (the
"billion laughs" bomb) are refused.
"""

from __future__ import annotations

from typing import Any

from ..errors import Location, RulesError

MAX_RULES_BYTES = 16 * 1024 * 1024  # a real rules file is tens of kB

Path_ = tuple[str, ...]


def load_with_lines(text: str, source: str) -> tuple[Any, dict[Path_, int]]:
    """The document as plain dicts/lists/strings, and the line of every value by its path."""
    import yaml

    if len(text.encode("utf-8")) > MAX_RULES_BYTES:
        raise RulesError(f"rules file larger than {MAX_RULES_BYTES:,} bytes", Location(source))
    # libyaml's composer when PyYAML was built with it (10× faster), the pure one otherwise.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise RulesError(f"not valid YAML: {problem}", Location(source, line)) from None
    lines: dict[Path_, int] = {}
    if node is None:
        return None, lines
    return _plain(node, (), lines, source, set()), lines


def _plain(node: Any, path: Path_, lines: dict[Path_, int], source: str, seen: set[int]) -> Any:
    import yaml

    # An alias composes to the very node its anchor names: meeting a node twice means one.
    if id(node) in seen:
        where = Location(source, lines.get(path))
        raise RulesError("YAML anchors and aliases are not allowed", where)
    seen.add(id(node))
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise RulesError(
                    "mapping keys must be plain words",
                    Location(source, key_node.start_mark.line + 1),
                )
            key = key_node.value
            if key in out:
                raise RulesError(
                    f"key {key!r} appears twice (first on line {lines[(*path, key)]})",
                    Location(source, key_node.start_mark.line + 1),
                )
            lines[(*path, key)] = key_node.start_mark.line + 1
            out[key] = _plain(value_node, (*path, key), lines, source, seen)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v, (*path, str(i)), lines, source, seen) for i, v in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:null" and node.value in ("", "~", "null", "Null", "NULL"):
        return None
    return node.value


def line_of(lines: dict[Path_, int], loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest known prefix of a pydantic error location."""
    path = tuple(str(p) for p in loc)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())
