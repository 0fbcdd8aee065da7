"""Find calls and imports that an exercise does not allow, by reading the code.

A pattern is a dotted name. A module pattern ("scipy") matches an import of
the module or of anything inside it; a longer pattern ("F.unfold") matches any
dotted name that ends with it, however the module was imported.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping


def _dotted(node: ast.AST) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _names_used(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            for alias in node.names:
                yield f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Attribute):
            name = _dotted(node)
            if name:
                yield name
        elif isinstance(node, ast.Name):
            yield node.id


def _matches(name: str, pattern: str) -> bool:
    return (
        name == pattern
        or name.startswith(pattern + ".")
        or name.endswith("." + pattern)
    )


def find_banned(source: str, banned: Mapping[str, str]) -> str | None:
    """The first disallowed name in `source` with its hint, or None."""
    if not banned:
        return None
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for name in _names_used(tree):
        for pattern, hint in banned.items():
            if _matches(name, pattern):
                return f"uses `{name}`, which this exercise does not allow: {hint}"
    return None
