"""Solved notebooks: the lesson with every stub replaced by the reference.

`mlcourse solve NN` uses it, and so do the tests, which also swap single
solution cells for wrong or alternative implementations.
"""

from __future__ import annotations

import ast
import copy
import inspect
import textwrap
from collections.abc import Callable

import nbformat

from .course import Lesson
from .notebook import read_notebook
from .reference import reference_module


def source_as(func: Callable | type, name: str) -> str:
    """The source of `func` with its definition renamed to `name`."""
    source = textwrap.dedent(inspect.getsource(func))
    tree = ast.parse(source)
    node = tree.body[0]
    if not isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        raise TypeError(f"{func!r} is not a def or class")
    keyword = "class" if isinstance(node, ast.ClassDef) else "def"
    # start at the def line: fixtures carry decorators, submissions do not
    lines = source.splitlines()[node.lineno - 1 :]
    header = lines[0].replace(f"{keyword} {node.name}", f"{keyword} {name}", 1)
    return "\n".join([header, *lines[1:]]) + "\n"


def lesson_notebook(lesson: Lesson) -> nbformat.NotebookNode:
    return read_notebook(lesson.source_py)


def solution_cells(nb) -> dict[str, int]:
    """grade_id of each solution cell -> its index in `nb.cells`."""
    return {
        c.metadata["nbgrader"]["grade_id"]: i
        for i, c in enumerate(nb.cells)
        if c.get("metadata", {}).get("nbgrader", {}).get("solution")
    }


def replace_cell(nb, name: str, source: str):
    """A copy of `nb` whose solution cell for `name` holds `source`."""
    nb = copy.deepcopy(nb)
    cells = solution_cells(nb)
    if name not in cells:
        raise KeyError(f"the lesson has no solution cell with grade_id {name!r}")
    nb.cells[cells[name]].source = source
    return nb


def solved_notebook(lesson: Lesson, nb=None):
    """The lesson notebook with every solution cell holding the reference."""
    ref = reference_module(lesson)
    nb = nb if nb is not None else lesson_notebook(lesson)
    for name in solution_cells(nb):
        nb = replace_cell(nb, name, source_as(getattr(ref, name), name))
    return nb
